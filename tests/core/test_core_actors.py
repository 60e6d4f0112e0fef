from eventwire.actors import find_actors, name_for


def names(text, country="IRQ"):
    return [name_for(m, country).name for m in find_actors(text)]


def test_aliases_of_one_group_resolve_to_one_actor():
    for alias in ("ISIS", "ISIL", "Daesh", "the Islamic State group", "IS"):
        assert names(f"{alias} fighters attacked the town") == ["Islamic State"], alias


def test_demonyms_and_possessives_give_the_forces_country():
    assert names("Russian forces shelled the village") == ["Military Forces of Russia"]
    assert names("Iraq's federal police arrested him") == ["Police Forces of Iraq"]
    assert names("The Ukrainians retook the hill") == ["Military Forces of Ukraine"]


def test_generic_actors_take_the_event_country():
    assert names("Unknown gunmen shot a farmer", "NGA") == [
        "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"]
    assert names("Protesters blocked the road", "FRA") == ["Protesters (France)"]


def test_short_capital_aliases_are_case_sensitive():
    assert names("he is at home") == []
