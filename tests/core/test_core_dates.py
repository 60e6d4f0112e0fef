import datetime as dt

from eventwire.dates import event_date, find_dates, parse_date

MONDAY = dt.date(2017, 3, 6)


def test_weekday_is_resolved_against_the_report_date():
    found = find_dates("Gunmen attacked the convoy on Sunday.", MONDAY)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2017, 3, 5), 1)]


def test_same_weekday_means_the_report_day_and_last_means_a_week_back():
    assert find_dates("on Monday", MONDAY)[0].date == MONDAY
    assert find_dates("last Monday", MONDAY)[0].date == dt.date(2017, 2, 27)


def test_explicit_dates_in_several_orders():
    text = "On 23 February 2022 and on March 5, 2017 and 2021-11-30."
    assert [d.date.isoformat() for d in find_dates(text, None)] == [
        "2022-02-23", "2017-03-05", "2021-11-30"]


def test_day_month_without_year_takes_the_report_year_but_never_the_future():
    assert find_dates("on 4 March", MONDAY)[0].date == dt.date(2017, 3, 4)
    # late December in a January report is last year's
    assert find_dates("on 28 December", dt.date(2018, 1, 3))[0].date == dt.date(2017, 12, 28)


def test_rough_dates_get_week_precision_and_months_get_month_precision():
    around = find_dates("Around 14 May 2022 (as reported), activists marched.", None)[0]
    assert around.precision == 2
    month = find_dates("In April 2022 the army moved in.", None)[0]
    assert (month.date, month.precision) == (dt.date(2022, 4, 1), 3)


def test_since_bounds_a_period_and_dates_no_event():
    assert find_dates("since March 2014 the war has gone on", MONDAY) == []


def test_event_date_prefers_the_sentence_then_the_paragraph_then_the_report():
    text = "On 3 March 2017, fighting began. Later, shells fell. Elsewhere, quiet."
    dates = find_dates(text, MONDAY)
    first = (0, 32)
    second = (33, 51)
    assert event_date(dates, first, (0, 51), MONDAY) == (dt.date(2017, 3, 3), 1)
    assert event_date(dates, second, (0, 51), MONDAY) == (dt.date(2017, 3, 3), 1)
    assert event_date([], second, (33, 51), MONDAY) == (MONDAY, 2)


def test_parse_date_reads_iso_and_prose_and_rejects_noise():
    assert parse_date("2024-05-06T10:00:00Z") == dt.date(2024, 5, 6)
    assert parse_date("6 May 2024") == dt.date(2024, 5, 6)
    assert parse_date("soon") is None


def test_openings_written_for_speed_find_what_a_word_boundary_finds() -> None:
    import re

    from eventwire.dates import _DAY, _DAY_AT_START, _MONTH, _MONTH_AT_START

    texts = ["On 5 March 2020, 12 May and 35 June; x12 March 2020, a5 May, 3rd of July.",
             "March 5, 2020; Mayday 5; xMay 5; May 31st; Jan. 2nd; Sept 41; \u0663 June",
             "2020-05-01 and 12020-05-01; 04 Dec; 4 Dec 1999; 40 Dec; 7June"]
    for plain, fast in ((_DAY, _DAY_AT_START), (_MONTH, _MONTH_AT_START)):
        want, got = re.compile(rf"\b{plain}"), re.compile(fast)
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in got.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in want.finditer(text)], text


def test_a_month_or_a_day_of_last_or_next_year() -> None:
    report = dt.date(2026, 12, 6)
    found = {d.text: (d.date, d.precision) for d in find_dates(
        "The walkout in February last year, the vote on 3 March last year and the talks "
        "due in January next year.", report)}
    assert found["in February last year"] == (dt.date(2025, 2, 1), 3)
    assert found["3 March last year"] == (dt.date(2025, 3, 3), 1)
    assert found["in January next year"] == (dt.date(2027, 1, 1), 3)


def test_between_the_parties_after_a_day_keeps_the_day_exact() -> None:
    found = find_dates("Fighting broke out on Tuesday between the rebels and the militias.",
                       dt.date(2026, 12, 6))
    assert [(d.date, d.precision) for d in found] == [(dt.date(2026, 12, 1), 1)]
    rough = find_dates("Fighting went on Tuesday between 3 and 5 pm.", dt.date(2026, 12, 6))
    assert [d.precision for d in rough] == [2]


def test_a_day_set_for_is_the_next_one_after_the_report() -> None:
    december = dt.date(2026, 12, 6)
    # "a strike for Jan. 20" in December: next month, not eleven months ago
    assert find_dates("called a strike for Jan. 20", december)[0].date == dt.date(2027, 1, 20)
    assert find_dates("a rally set for 20 January", december)[0].date == dt.date(2027, 1, 20)
    # a day told without "for" stays the latest one not after the report
    assert find_dates("marched on Jan. 20", december)[0].date == dt.date(2026, 1, 20)
    # "for the Jan. 20 attack" names a past day
    assert find_dates("arrested for the Jan. 20 attack", december)[0].date == \
        dt.date(2026, 1, 20)


def test_a_year_before_1900_dates_history_but_a_count_is_no_year() -> None:
    assert find_dates("The battle, on Dec. 2, 1805, ended the war", MONDAY)[0].date == \
        dt.date(1805, 12, 2)
    assert find_dates("in March 1871, the commune", MONDAY)[0].date == dt.date(1871, 3, 1)
    # "March 3, 1500 protesters": the day of this year and a crowd
    assert find_dates("On March 3, 1500 protesters marched", MONDAY)[0].date == \
        dt.date(2017, 3, 3)


def test_a_weekday_after_an_article_is_any_such_day() -> None:
    monday = dt.date(2026, 12, 7)
    assert find_dates("a market is bombed from the air on a Saturday morning", monday) == []
    assert find_dates("attacks came every Friday", monday) == []
    assert find_dates("a market was bombed on Saturday morning", monday)[0].date == \
        dt.date(2026, 12, 5)


def test_a_day_just_ahead_of_the_report_in_a_plan_is_ahead() -> None:
    monday = dt.date(2026, 12, 7)
    # eleven days ahead, in a plan: this year's, not last year's
    assert find_dates("farmers have announced protests in Brussels on Dec. 18", monday)[0] \
        .date == dt.date(2026, 12, 18)
    assert find_dates("they would march in Warsaw on Dec. 17", monday)[0].date == \
        dt.date(2026, 12, 17)
    # told as done, the same day is last year's
    assert find_dates("the attack happened on Dec. 18", monday)[0].date == dt.date(2025, 12, 18)


def test_a_day_a_plan_starts_from_is_its_day_a_past_period_start_is_none() -> None:
    monday = dt.date(2026, 12, 7)
    # "a strike from December 14", ahead of the report: the day the plan starts
    assert [d.date for d in find_dates("announced a strike from December 14", monday)] == \
        [dt.date(2026, 12, 14)]
    # "held from March 2024": a past period's start dates no event
    assert find_dates("he has been held from March 2024", monday) == []


def test_a_month_of_this_year() -> None:
    monday = dt.date(2026, 12, 7)
    found = find_dates("In March this year, militants stormed a police station", monday)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2026, 3, 1), 3)]


def test_a_month_opening_a_sentence_is_the_latest_such_month_before_the_report() -> None:
    monday = dt.date(2026, 12, 7)
    found = find_dates("Police said. In September, a drone hit a market.", monday)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2026, 9, 1), 3)]
    # the report's own month is no better than its day; "Since March," bounds a period
    assert find_dates("In December, a drone hit a market.", monday) == []
    assert find_dates("Since March, the group has blockaded the road.", monday) == []


def test_an_overnight_attack_is_a_time_of_day_not_last_night() -> None:
    monday = dt.date(2026, 12, 7)
    found = find_dates("in an overnight attack on a village last week", monday)
    assert [(d.text, d.precision) for d in found] == [("last week", 2)]
    assert [d.date for d in find_dates("shelling went on overnight", monday)] == \
        [dt.date(2026, 12, 6)]


def test_a_period_start_with_a_when_clause_dates_that_clause_s_deed():
    report = dt.date(2026, 12, 7)
    told = find_dates("The town has been calm since March 2024, when rebels attacked the "
                      "army base and killed twelve soldiers.", report)
    assert [(d.date, d.precision) for d in told] == [(dt.date(2024, 3, 1), 3)]
    # with no "when" clause the start of a period still dates nothing
    assert find_dates("Rebels have held the town since March 2024.", report) == []


def test_that_month_is_in_the_year_told_before_it():
    report = dt.date(2026, 12, 7)
    told = find_dates("The war ended in 2002, and the two sides signed a ceasefire in Tarvona "
                      "that April.", report)
    assert [(d.date, d.precision) for d in told] == [(dt.date(2002, 4, 1), 3)]
    # with no year before it, it dates nothing
    assert find_dates("They signed a ceasefire that April.", report) == []


def test_a_rough_word_in_the_sentence_before_does_not_loosen_a_day():
    report = dt.date(2026, 12, 7)
    told = find_dates("Clashes killed 19 people over the past week.\n\nOn Thursday, troops "
                      "clashed with rebels near Vessa.", report)
    assert [(d.text, d.precision) for d in told if "Thursday" in d.text] == [("Thursday", 1)]


def test_that_may_as_a_verb_is_no_month():
    assert find_dates("In 2019 officials warned that may lead to protests.",
                      dt.date(2026, 12, 7)) == []


def test_two_days_of_a_month_and_a_month_within_a_sentence() -> None:
    monday = dt.date(2026, 12, 7)
    found = find_dates("On Dec. 19 and 20, 2001, looting swept the country.", monday)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2001, 12, 19), 2)]
    found = find_dates("On 19-20 December 2001, looting swept the country.", monday)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2001, 12, 19), 2)]
    found = find_dates("Workers staged a one-day strike in June over pay.", monday)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2026, 6, 1), 3)]
    found = find_dates("The clashes in mid-August left four dead.", monday)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2026, 8, 1), 3)]
    # a month with its day or year is read whole; the report's month is no better than its
    # day; "since June" bounds a period
    assert [d.text for d in find_dates("They were held in June 2019.", monday)] == \
        ["in June 2019"]
    assert find_dates("The attack in December killed five.", monday) == []
    assert find_dates("They have been held since June.", monday) == []
