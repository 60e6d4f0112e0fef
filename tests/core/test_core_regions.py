"""ACLED's region of a country: UN regions from countryinfo's data, mapped by acled_regions.tsv."""

from eventwire.ontology import acled_region, acled_regions, countries

# the regions ACLED's codebook names
ACLED_REGIONS = {
    "Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
    "Middle East", "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia",
    "Europe", "North America", "Central America", "South America", "Caribbean", "Oceania",
    "Antarctica",
}


def test_every_region_given_is_one_of_acleds() -> None:
    assert set(acled_regions().values()) <= ACLED_REGIONS


def test_nearly_every_country_has_a_region() -> None:
    missing = [iso3 for iso3 in countries() if not acled_region(iso3)]
    assert len(missing) <= 2, missing


def test_un_regions_follow_acleds_split() -> None:
    # UN intermediate regions of Sub-Saharan Africa and Latin America carry over
    assert acled_region("NGA") == "Western Africa"
    assert acled_region("COD") == "Middle Africa"
    assert acled_region("ZAF") == "Southern Africa"
    assert acled_region("HTI") == "Caribbean"
    assert acled_region("COL") == "South America"
    # UN subregions renamed
    assert acled_region("SYR") == "Middle East"
    assert acled_region("PAK") == "South Asia"
    assert acled_region("MMR") == "Southeast Asia"
    assert acled_region("KAZ") == "Caucasus and Central Asia"
    assert acled_region("UKR") == "Europe"
    # countries ACLED places otherwise than their UN region
    assert acled_region("GEO") == "Caucasus and Central Asia"
    assert acled_region("IRN") == "Middle East"
    assert acled_region("SDN") == "Eastern Africa"
    assert acled_region("XKX") == "Europe"


def test_unknown_codes_have_no_region() -> None:
    assert acled_region(None) == "" and acled_region("") == "" and acled_region("QQQ") == ""
    assert acled_region("nga") == "Western Africa"
