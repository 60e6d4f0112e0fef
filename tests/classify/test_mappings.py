from eventwire.classify.mappings import (
    cameo_for,
    cameo_roots,
    event_type_for,
    plover_for,
    table,
)

ACLED = {
    "Battles": ["Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"],
    "Violence against civilians": ["Sexual violence", "Attack",
                                   "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"],
}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
          "ASSAULT"}


def test_every_acled_subtype_has_a_row_with_its_event_type():
    subs = {s for group in ACLED.values() for s in group}
    assert len(subs) == 25
    assert set(table()) == subs
    for etype, group in ACLED.items():
        for sub in group:
            assert event_type_for(sub) == etype


def test_codes_are_valid_plover_types_and_cameo_roots():
    roots = cameo_roots()
    assert sorted(roots) == [f"{i:02d}" for i in range(1, 21)]
    for sub in table():
        if sub == "Other":
            assert plover_for(sub) is None and cameo_for(sub) is None
            continue
        assert plover_for(sub) in PLOVER
        assert cameo_for(sub) in roots


def test_known_pairs_and_unknown_subtype():
    assert plover_for("Peaceful protest") == "PROTEST" and cameo_for("Peaceful protest") == "14"
    assert cameo_for("Arrests") == "17"
    assert cameo_for("Armed clash") == "19"
    assert plover_for("No such type") is None and cameo_for("No such type") is None
