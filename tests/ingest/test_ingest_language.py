"""Language checks: English reports dense with local names are English; other languages are
still refused. Names and sentences are invented for these tests."""

from __future__ import annotations

import pytest

from eventwire.errors import UnsupportedLanguageError
from eventwire.ingest.language import check_language

ENGLISH_WITH_NAMES = [
    "On 4 March 2021, party youths led by Tafadzwa Mupandarikwa assaulted Chirenga Marufwa "
    "and Tinashe Mukandatsiro at Nyamukondewa village in Murehwi ward 12.",
    "Unidentified gunmen abducted Barangay captain Rodelio Bagunsayon and kagawad Maricel "
    "Dumagueng in Barangay Kalilungan, Datu Abdullah Sangkit.",
    "Police dispersed Mapfumo Chidzikwa supporters at Chitungwaza Mabvuko Tafura shopping "
    "centre.",
    "Militia of Kambale Musubayo attacked Kikuvana and Bulindu, killing Kasereka Mbusawa in "
    "Lubira.",
]
OTHER_LANGUAGES = [
    "Wakulima wa kijiji walipigana na askari wa wanyamapori jana usiku karibu na mto.",
    "Dem don kill di oga for market yesterday, na so police talk say dem go find di people "
    "wey do am.",
    "Sinalakay ng mga armadong lalaki ang isang barangay sa lalawigan kahapon ng umaga.",
    "Des hommes armés ont attaqué un village du nord du pays dans la nuit de samedi.",
    "Bewaffnete Männer haben am Samstag ein Dorf im Norden des Landes überfallen.",
]


@pytest.mark.parametrize("text", ENGLISH_WITH_NAMES)
def test_english_reports_dense_with_local_names_are_english(text: str) -> None:
    assert check_language(text, "report") == "en"


@pytest.mark.parametrize("text", OTHER_LANGUAGES)
def test_other_languages_are_still_refused(text: str) -> None:
    with pytest.raises(UnsupportedLanguageError):
        check_language(text, "report")


LONG_FRENCH = (
    "Des hommes armés ont attaqué un village du nord du pays dans la nuit de samedi. "
    "Selon les habitants, les assaillants sont arrivés à moto vers minuit et ont incendié "
    "plusieurs maisons avant de s'enfuir vers la forêt voisine. Le maire de la commune a "
    "demandé des renforts à la gendarmerie, qui a ouvert une enquête dimanche matin. "
    "Les familles déplacées ont trouvé refuge dans l'école du chef-lieu, où une distribution "
    "de vivres a été organisée par la mairie. Les autorités régionales promettent de "
    "renforcer la sécurité sur les routes et dans les marchés de la zone. "
) * 3
LONG_ENGLISH = (
    "Armed men attacked a village in the north of the country on Saturday night. Residents "
    "said the attackers arrived on motorbikes around midnight and set several houses on fire "
    "before fleeing towards the nearby forest. The mayor asked the police for reinforcements, "
    "and an inquiry was opened on Sunday morning. Families who fled found shelter in the "
    "school of the district town, where the council handed out food. Regional officials "
    "promised more patrols on the roads and in the markets of the area. "
) * 3


def test_long_reports_are_judged_like_short_ones() -> None:
    """A long report is judged on its opening only when that is surely English."""
    assert len(LONG_ENGLISH) > 1000 and len(LONG_FRENCH) > 1000
    assert check_language(LONG_ENGLISH, "report") == "en"
    with pytest.raises(UnsupportedLanguageError):
        check_language(LONG_FRENCH, "report")
    # a foreign opening is not taken as English because of what follows it, nor the reverse
    with pytest.raises(UnsupportedLanguageError):
        check_language(LONG_FRENCH + LONG_ENGLISH[:600], "report")
    assert check_language(LONG_ENGLISH + LONG_FRENCH[:600], "report") == "en"


def test_unpacked_model_copy_is_the_packaged_model(tmp_path, monkeypatch) -> None:
    """The identifier loaded from the unpacked copy in the user cache is py3langid's own."""
    import numpy as np
    from py3langid.langid import _load_identifier

    from eventwire.ingest.language import _unpacked_identifier

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = _unpacked_identifier()  # unpacks into tmp_path
    assert list(tmp_path.rglob("py3langid-*.npz"))
    again = _unpacked_identifier()  # reads the copy
    packaged = _load_identifier(norm_probs=True)
    for ours in (made, again):
        assert np.array_equal(ours.nb_ptc, packaged.nb_ptc)
        assert np.array_equal(ours.nb_pc, packaged.nb_pc)
        assert ours.nb_classes == packaged.nb_classes
        assert ours.tk_nextmove == packaged.tk_nextmove and ours.tk_row == packaged.tk_row
        assert ours.tk_output == packaged.tk_output
        for text in [*ENGLISH_WITH_NAMES, *OTHER_LANGUAGES, LONG_FRENCH]:
            assert ours.classify(text) == packaged.classify(text)
            assert ours.rank(text) == packaged.rank(text)
