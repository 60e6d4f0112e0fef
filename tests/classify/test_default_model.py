"""The shipped model: loads offline, covers the ACLED sub-types, reads plain sentences."""

import hashlib
from pathlib import Path

from eventwire.classify import SubtypeClassifier
from eventwire.classify.embed import model_file
from eventwire.classify.mappings import table


def test_shipped_model_loads_and_covers_all_subtypes():
    clf = SubtypeClassifier.load()
    assert SubtypeClassifier.load() is clf  # cached
    assert set(table()) <= set(clf.labels)
    for sub, row in table().items():
        assert clf.event_type(sub) == row["event_type"]


def test_shipped_model_is_small():
    from eventwire.classify.model import DEFAULT_MODEL

    assert Path(DEFAULT_MODEL).stat().st_size < 6_000_000


def test_embedding_model_is_the_pinned_file():
    digest = hashlib.sha256(model_file().read_bytes()).hexdigest()
    assert digest == "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"


def test_reads_sentences_written_for_this_test():
    clf = SubtypeClassifier.load()
    cases = [
        ("On 3 May 2024, riot police fired tear gas and arrested eleven students who were "
         "marching against higher tuition fees in the capital.", "Protest with intervention"),
        ("Hundreds of nurses gathered outside the health ministry on Monday to demand "
         "overdue pay. [size=hundreds]", "Peaceful protest"),
        ("A roadside bomb hit an army truck on the road north of the town, killing two "
         "soldiers.", "Remote explosive/landmine/IED"),
        ("Gunmen kidnapped a doctor and his driver on the highway and asked for a ransom.",
         "Abduction/forced disappearance"),
        ("Warplanes bombed rebel positions in the hills overnight. Casualties unknown.",
         "Air/drone strike"),
    ]
    got = clf.predict([t for t, _ in cases], allow_none=False)
    for (text, gold), (label, prob) in zip(cases, got, strict=True):
        assert label == gold, (text, label)
        assert 0 < prob <= 1
