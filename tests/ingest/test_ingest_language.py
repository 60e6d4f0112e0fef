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
