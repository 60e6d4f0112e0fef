from eventwire.geo.subdivisions import subdivision_place


def test_a_province_name_alone_gives_country_and_admin1_without_a_point():
    place = subdivision_place("Militiamen attacked a camp (Djugu, Ituri) at dawn.")
    assert (place.iso3, place.admin1, place.geo_precision) == ("COD", "Ituri", 3)
    assert place.lat is None and place.lon is None


def test_names_shared_by_countries_or_common_words_place_nothing():
    assert subdivision_place("Fighting in the Centre and the North.") is None
    assert subdivision_place("no capitalised names at all") is None


def test_a_nationality_named_like_a_region_is_a_people_not_a_place():
    # Ethiopia's Somali Region shares its name with Somalia's demonym
    assert subdivision_place("Somali herders clashed with farmers near the wells.") is None
    place = subdivision_place("Clashes were reported in the Somali Region on Monday.")
    assert place is not None and place.iso3 == "ETH"
