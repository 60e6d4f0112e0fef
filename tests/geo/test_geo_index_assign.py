"""Pairing GeoNames admin1 codes with ISO 3166-2 subdivisions (eventwire.geo.index)."""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.geo.index import _assign_subdivisions


@dataclass(frozen=True)
class Sub:
    code: str
    name: str


HILL, LAKE, CITY, REGION = (Sub("XA-01", "Hill"), Sub("XA-02", "Lake"), Sub("XA-03", "Port"),
                            Sub("XA-04", "Port Region"))


def test_each_subdivision_names_one_region_the_best_matched_first() -> None:
    # code 18's towns all vote Hill; code 35's half Hill, half Lake: 35 is Lake
    chosen = _assign_subdivisions({("XA", "18"): [(1.0, HILL)],
                                   ("XA", "35"): [(0.5, HILL), (0.5, LAKE)]})
    assert chosen[("XA", "18")][0] == HILL
    assert chosen[("XA", "35")][0] == LAKE


def test_a_region_no_other_name_fits_shares_its_best() -> None:
    chosen = _assign_subdivisions({("XA", "PRT"): [(1.0, CITY)],
                                   ("XA", "PRR"): [(0.8, CITY), (0.3, REGION)]})
    assert chosen[("XA", "PRT")][0] == CITY
    assert chosen[("XA", "PRR")][0] == CITY


def test_a_weak_match_names_nothing() -> None:
    assert _assign_subdivisions({("XA", "09"): [(0.4, HILL)]}) == {}
