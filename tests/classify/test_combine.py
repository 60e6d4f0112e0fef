import pytest

from eventwire.classify import combine


def test_model_decides_when_rules_are_silent():
    assert combine({}, {"Attack": 0.7, "Armed clash": 0.2, "none": 0.1})[0] == "Attack"


def test_confident_rule_overrides_a_close_model_call():
    label, score = combine({"Grenade": 1.0},
                           {"Remote explosive/landmine/IED": 0.55, "Grenade": 0.35})
    assert label == "Grenade" and 0 < score <= 1


def test_model_overrules_a_weak_rule_when_it_is_sure():
    label, _ = combine({"Arrests": 0.4},
                       {"Protest with intervention": 0.9, "Arrests": 0.05})
    assert label == "Protest with intervention"


def test_none_is_never_chosen_and_rules_alone_work():
    assert combine({}, {"none": 0.9, "Peaceful protest": 0.1})[0] == "Peaceful protest"
    assert combine({"Arrests": 0.8, "Attack": 0.3}, {}) == ("Arrests", 0.8)
    with pytest.raises(ValueError):
        combine({}, {})
