import pytest

from eventwire.fatalities import count_fatalities


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Gunmen killed at least 12 people in the market.", 12),
        ("Two soldiers died when their vehicle hit a mine.", 2),
        ("A soldier died of his wounds.", 1),
        ("The blast wounded six people.", 0),
        ("Militants attacked the post, killing three soldiers and wounding five.", 3),
        ("Dozens were killed in the raid.", 12),
        ("There were no casualties.", 0),
        ("96 people were killed, including 29 soldiers.", 96),
        ("The man was shot dead outside his home.", 1),
        ("Fighting continued. Fatalities coded to 10.", 10),
        ("A trader was killed and his shop looted. 1 fatality.", 1),
    ],
)
def test_counts_deaths_not_injuries(text, best):
    assert count_fatalities(text).best == best


def test_up_to_gives_a_range_with_no_floor():
    f = count_fatalities("Up to 20 people were killed in the strike.")
    assert (f.low, f.best, f.high) == (0, 20, 20)
