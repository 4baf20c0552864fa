"""Publication dates from URLs and from the ways pages and metadata write them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from pipelines.ingest.published_date import parse_published_at, published_at_from_url, resolve_published_at

RBC_URL = "https://newsukraine.rbc.ua/news/first-of-many-trump-names-country-that-joined-1762492118.html"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (RBC_URL, datetime(2025, 11, 7, 5, 8, 38)),
        ("https://apnews.com/2020/10/23/sudan-israel-normalization", datetime(2020, 10, 23)),
        ("https://example.com/world/2020/12/10/morocco/", datetime(2020, 12, 10)),
        ("https://example.com/news/2020-09-15/uae-signs", datetime(2020, 9, 15)),
        ("https://example.com/2020/13/45/not-a-date", None),
        ("https://example.com/news/story-42.html", None),
        ("https://example.com/news/9999999999.html", None),  # 10 digits, but year 2286: an id
        ("https://2020.example.com/news/story", None),  # digits in the host are not a date
        ("", None),
        (None, None),
    ],
)
def test_published_at_from_url(url, expected):
    assert published_at_from_url(url) == expected


def test_unix_timestamp_agrees_with_python():
    stamp = 1762492118
    expected = datetime.fromtimestamp(stamp, tz=timezone.utc).replace(tzinfo=None)
    assert published_at_from_url(f"https://x.example/news/a-b-{stamp}.html") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-11-07T05:08:38Z", datetime(2025, 11, 7, 5, 8, 38)),
        ("2025-11-07T08:08:38+03:00", datetime(2025, 11, 7, 5, 8, 38)),
        ("2020-09-15T22:30:00+0400", datetime(2020, 9, 15, 18, 30)),
        ("2025-11-07 05:08:38", datetime(2025, 11, 7, 5, 8, 38)),
        ("2025-11-07", datetime(2025, 11, 7)),
        ("Oct 23, 2020 12:40 PM", datetime(2020, 10, 23, 12, 40)),
        ("Posted: Oct 23, 2020 12:40 PM", datetime(2020, 10, 23, 12, 40)),
        ("October 23, 2020", datetime(2020, 10, 23)),
        ("Friday, October 23, 2020", datetime(2020, 10, 23)),
        ("Fri, Oct 23, 2020 12:40 am", datetime(2020, 10, 23, 0, 40)),
        ("Nov. 7, 2025 5:08 a.m. EST", datetime(2025, 11, 7, 10, 8)),
        ("7 November 2025 05:08 GMT", datetime(2025, 11, 7, 5, 8)),
        ("07.11.2025, 07:08", datetime(2025, 11, 7, 7, 8)),
        ("05:08, 07.11.2025", datetime(2025, 11, 7, 5, 8)),
        ("10/23/2020", datetime(2020, 10, 23)),
        ("December 22nd, 2020", datetime(2020, 12, 22)),
        ("1762492118", datetime(2025, 11, 7, 5, 8, 38)),
    ],
)
def test_parse_published_at(text, expected):
    assert parse_published_at(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "yesterday", "on Thursday", "Thursday, Oct 22", "2020-13-01", "Feb 30, 2021", "Oct 23, 2020 13:40 PM",
     "Nov 7, 2025 at the summit", "12345"],
)
def test_parse_published_at_rejects_what_is_not_clearly_a_date(text):
    assert parse_published_at(text) is None


def test_parse_published_at_accepts_date_objects():
    assert parse_published_at(date(2020, 12, 22)) == datetime(2020, 12, 22)
    aware = datetime(2020, 12, 22, 12, 0, tzinfo=timezone(timedelta(hours=1)))
    assert parse_published_at(aware) == datetime(2020, 12, 22, 11, 0)
    assert parse_published_at(None) is None


def test_resolve_published_at_order():
    url_with_path = "https://example.com/2020/12/10/story-1762492118"
    assert resolve_published_at("2020-12-22", "Oct 23, 2020", url_with_path) == (datetime(2020, 12, 22), "metadata")
    assert resolve_published_at(None, "Oct 23, 2020", url_with_path) == (datetime(2020, 10, 23), "page")
    assert resolve_published_at("not a date", None, url_with_path) == (datetime(2020, 12, 10), "url-date-path")
    assert resolve_published_at(None, None, RBC_URL) == (datetime(2025, 11, 7, 5, 8, 38), "url-unix-timestamp")
    assert resolve_published_at(None, None, "https://example.com/story") == (None, None)


@pytest.mark.parametrize("text", ["Auguſt 5, 2024", "5 AUGUſT 2024", "auguſt 5, 2024 10:00 UTC"])
def test_month_names_in_unicode_case_variants(text):
    # re.IGNORECASE lets the long s match "s"; the month must still be read, not raise KeyError.
    assert parse_published_at(text).date() == date(2024, 8, 5)
