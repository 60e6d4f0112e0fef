import re

from eventwire.fastre import NON_ASCII_CASES, caseless_class


def test_the_non_ascii_cases_are_every_code_point_that_matches_an_ascii_character() -> None:
    everything = "".join(map(chr, range(0x80, 0x110000)))
    found: dict[str, str] = {}
    for ch in map(chr, range(128)):
        hits = re.compile(re.escape(ch), re.I).findall(everything) if ch.isalpha() else []
        if hits:
            found[ch.lower()] = found.get(ch.lower(), "") + "".join(hits)
    assert {k: "".join(sorted(set(v))) for k, v in found.items()} == NON_ASCII_CASES
    # no non-letter matches anything but itself
    assert not re.compile(r"[\x00-\x40\x5b-\x60\x7b-\x7f]", re.I).findall(everything)


def test_caseless_class_matches_what_the_character_matches_case_blind() -> None:
    probe = "".join(map(chr, range(128))) + "".join(NON_ASCII_CASES.values()) + "éÉßẞ"
    for ch in map(chr, range(128)):
        cls = caseless_class(ch)
        assert cls is not None
        assert re.findall(cls, probe, re.I) == re.findall(re.escape(ch), probe, re.I), ch
    assert caseless_class("é") is None
