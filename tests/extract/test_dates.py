"""Date extraction: EDTF strings, bounds and precision, checked against the edtf library."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from edtf import parse_edtf, struct_time_to_date

from pipelines.extract.dates import extract_dates
from pipelines.extract.text_article import article_from_text
from tests.extract.claims_testkit import seed_article

PUBLISHED = datetime(2025, 11, 7, 5, 8)  # a Friday


def dates_of(text: str, published: datetime | None = PUBLISHED) -> dict[str, tuple]:
    article = article_from_text(text, published_at=published)
    out = {}
    for d in extract_dates(article):
        assert article.body[d.start_char:d.end_char] == d.text
        out[d.text] = (d.edtf, d.lower, d.upper, d.precision)
    return out


def test_seed_dates():
    found = {d.text: d for d in extract_dates(seed_article())}
    assert (found["2020–2021"].edtf, found["2020–2021"].precision) == ("2020/2021", "range")
    assert (found["2020"].edtf, found["2020"].precision) == ("2020", "year")
    assert found["November 6"].edtf == "2025-11-06"
    assert (found["today"].lower, found["today"].upper) == (date(2025, 11, 7), date(2025, 11, 7))


@pytest.mark.parametrize(
    "text, span, expected",
    [
        ("They met on Thursday.", "on Thursday", ("2025-11-06", date(2025, 11, 6), date(2025, 11, 6), "day")),
        ("They meet again on Monday, officials will say.", "on Monday", ("2025-11-10", date(2025, 11, 10), date(2025, 11, 10), "day")),
        ("It was signed last month.", "last month", ("2025-10", date(2025, 10, 1), date(2025, 10, 31), "month")),
        ("Talks began earlier this week.", "earlier this week", ("2025-11-03/2025-11-07", date(2025, 11, 3), date(2025, 11, 7), "range")),
        ("It happened yesterday.", "yesterday", ("2025-11-06", date(2025, 11, 6), date(2025, 11, 6), "day")),
        ("They signed it on December 20.", "December 20", ("2024-12-20", date(2024, 12, 20), date(2024, 12, 20), "day")),
        ("They will sign it on December 20.", "December 20", ("2025-12-20", date(2025, 12, 20), date(2025, 12, 20), "day")),
        ("Signed in 2020 and 2021.", "in 2020 and 2021", ("2020/2021", date(2020, 1, 1), date(2021, 12, 31), "range")),
        ("Over 2020-21 four states joined.", "2020-21", ("2020/2021", date(2020, 1, 1), date(2021, 12, 31), "range")),
        ("It was signed on Sept. 15, 2020.", "Sept. 15, 2020", ("2020-09-15", date(2020, 9, 15), date(2020, 9, 15), "day")),
        ("It was signed on 22 December 2020.", "22 December 2020", ("2020-12-22", date(2020, 12, 22), date(2020, 12, 22), "day")),
        ("Announced in December 2020.", "December 2020", ("2020-12", date(2020, 12, 1), date(2020, 12, 31), "month")),
        ("It was signed on the 3rd of March 2021.", "3rd of March 2021", ("2021-03-03", date(2021, 3, 3), date(2021, 3, 3), "day")),
        ("It stopped on 5th of May.", "5th of May.", ("2025-05-05", date(2025, 5, 5), date(2025, 5, 5), "day")),
        # a year named after the day wins over the sentence's tense (published 2025-11-07)
        ("They joined on Jan. 1 this year, and others will follow.", "Jan. 1 this year",
         ("2025-01-01", date(2025, 1, 1), date(2025, 1, 1), "day")),
        # "N years since" is N years ago; "N years since 2004" is a span from a year named
        ("It marked 20 years since it joined.", "20 years since", ("2005", date(2005, 1, 1), date(2005, 12, 31), "year")),
        ("It applied on March 3 last year.", "March 3 last year", ("2024-03-03", date(2024, 3, 3), date(2024, 3, 3), "day")),
        ("They met Last Friday.", "Last Friday", ("2025-10-31", date(2025, 10, 31), date(2025, 10, 31), "day")),
        ("Talks resume NEXT Monday.", "NEXT Monday", ("2025-11-10", date(2025, 11, 10), date(2025, 11, 10), "day")),
        ("It has rained since past Sunday.", "past Sunday", ("2025-11-02", date(2025, 11, 2), date(2025, 11, 2), "day")),
    ],
)
def test_expressions_against_a_publication_date(text, span, expected):
    assert dates_of(text)[span] == expected


def test_relative_words_stay_open_without_a_publication_date():
    found = dates_of("On Thursday they met; today they sign; on November 6 they talked.", published=None)
    assert found["On Thursday"] == ("..", None, None, "open")
    assert found["today"] == ("..", None, None, "open")
    assert found["November 6"][0] == "XXXX-11-06" and found["November 6"][1:] == (None, None, "open")


def test_datelines():
    found = dates_of("WASHINGTON (AP) — The deal was announced.")
    assert found["WASHINGTON (AP) —"] == ("2025-11-07", date(2025, 11, 7), date(2025, 11, 7), "day")
    found = dates_of("MOSCOW, November 7. /TASS/. The ministry said so.")
    assert found["November 7"][0] == "2025-11-07"


def test_numbers_that_are_not_years():
    assert dates_of("The ministry employs 1,999 people and 2050 is far.") == {"2050": ("2050", date(2050, 1, 1), date(2050, 12, 31), "year")}
    assert "may 5" not in {k.lower() for k in dates_of("He may 5 times say no.")}


def test_bounds_agree_with_the_edtf_library():
    text = "In 2020–2021, on Sept. 15, 2020, in December 2020, last week and earlier this month."
    for edtf, lower, upper, _ in dates_of(text).values():
        parsed = parse_edtf(edtf)
        assert struct_time_to_date(parsed.lower_strict()) == lower
        assert struct_time_to_date(parsed.upper_strict()) == upper


def test_weekday_after_a_past_reporting_verb_is_past_even_in_a_future_sentence():
    # Wednesday 2025-11-12; "plans to" / "would" elsewhere make the sentence future-tense, but the
    # ministry spoke on the Tuesday before publication.
    text = "Oman has no plans to join, the ministry said on Tuesday, after Qatar said it would wait."
    article = article_from_text(text, published_at=datetime(2025, 11, 12, 9, 0))
    (tuesday,) = [d for d in extract_dates(article) if "Tuesday" in d.text]
    assert tuesday.lower == tuesday.upper == date(2025, 11, 11)


def test_weekday_in_a_future_sentence_without_a_past_verb_stays_ahead():
    text = "The signing ceremony will take place on Tuesday."
    article = article_from_text(text, published_at=datetime(2025, 11, 12, 9, 0))
    (tuesday,) = [d for d in extract_dates(article) if "Tuesday" in d.text]
    assert tuesday.lower == date(2025, 11, 18)


def test_date_words_count_only_as_whole_words_and_sentences_without_cues_have_no_dates():
    """'mon' inside 'month', 'may' as a verb without a day, 'ap' inside 'happened': no dates; a
    weekday, a month-day and a year in the same text still are."""
    found = dates_of("The monthly summit may happen. Nothing happened there. Oman spoke on Monday, May 5 and in 2019.")
    assert set(found) == {"on Monday", "May 5", "2019"}
    assert found["on Monday"][0] == "2025-11-03"
    assert found["May 5"][0] == "2025-05-05"


def test_a_day_of_that_year_takes_the_year_named_before_it():
    found = dates_of("The accords were launched in 2020, when the two states signed them at the White House on Sept. 15 "
                     "of that year.")
    # not the publication year: the year the sentence named
    assert found["Sept. 15"][1:3] == (date(2020, 9, 15), date(2020, 9, 15))
    # no year before it in the sentence: the day stays without a year rather than taking the publication's
    assert _open(dates_of("They signed on Sept. 15 of that year."), "Sept. 15")


def _open(found: dict[str, tuple], key: str) -> bool:
    return found[key][1] is None and found[key][2] is None


@pytest.mark.parametrize(
    "text, span, expected",
    [
        # the latest such month by publication (7 November 2025)
        ("In October, Sudan agreed to normalize ties.", "October", (date(2025, 10, 1), date(2025, 10, 31))),
        ("It was announced in December.", "December", (date(2024, 12, 1), date(2024, 12, 31))),
        ("Talks have run since early March.", "March", (date(2025, 3, 1), date(2025, 3, 31))),
        # "last": before the current month
        ("Finland applied last November.", "November", (date(2024, 11, 1), date(2024, 11, 30))),
        # a future cue right before the month: the next one
        ("Kazakhstan will sign the accords in March.", "March", (date(2026, 3, 1), date(2026, 3, 31))),
        # a year named after it
        ("Finland joined in April last year.", "April last year", (date(2024, 4, 1), date(2024, 4, 30))),
        ("The accords launched in 2020, and Morocco joined in December of that year.", "December of that year",
         (date(2020, 12, 1), date(2020, 12, 31))),
    ],
)
def test_a_month_named_alone(text, span, expected):
    found = dates_of(text)
    assert found[span][1:3] == expected and found[span][3] == "month"


def test_a_month_alone_needs_an_opener_and_a_capital():
    # a future elsewhere in the sentence does not move a past month ahead
    found = dates_of("Kyrgyzstan took over the chairmanship in September and will host the next summit.")
    assert found["September"][1:3] == (date(2025, 9, 1), date(2025, 9, 30))
    assert "May" not in dates_of("In May's cabinet, Britain sat with the allies.")
    assert dates_of("They may october the files.") == {}
    assert "March" not in dates_of("The March on Washington was in August 1963.")
