"""Publication dates: parse what pages and metadata say, or read them from the URL.

Every function returns a *naive* ``datetime`` in UTC (the project convention). A value
that carries a zone or offset is converted to UTC; a value without one is taken as
given. Nothing here guesses: text that is not clearly a date gives ``None``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

# Plausible range for a Unix timestamp inside a URL slug; a 10-digit number outside it is
# an article id, not a time.
_UNIX_MIN = int(datetime(2000, 1, 1, tzinfo=timezone.utc).timestamp())
_UNIX_MAX = int(datetime(2040, 1, 1, tzinfo=timezone.utc).timestamp())

_URL_DATE_PATH = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>0?[1-9]|1[0-2])[/-](?P<d>0?[1-9]|[12]\d|3[01])(?=/|$|[?#])"
)
# A 10-digit number standing alone in the last path segment: "...-1762492118.html".
_URL_UNIX_TS = re.compile(r"(?<![0-9])(?P<ts>1\d{9}|2[01]\d{8})(?![0-9])")

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
# Zone abbreviations seen in news bylines, as hours east of UTC. Ambiguous ones (IST, CST
# in Asia) are read in their most common news sense (US Central for CST/CDT).
_ZONE_HOURS = {
    "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
    "mdt": -6, "pst": -8, "pdt": -7, "bst": 1, "cet": 1, "cest": 2, "eet": 2,
    "eest": 3, "msk": 3, "ast": 3, "gst": 4,
}
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
_MONTH_RE = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME_RE = (
    r"(?:(?:\s*(?:,|-|–|—|\||at|@)?\s*)"
    r"(?P<H>[01]?\d|2[0-3])[:.h](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"\s*(?P<zone>(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?|[a-z]{1,4}\b)?)?"
)
_TEXT_MDY = re.compile(
    rf"^(?:{_WEEKDAY}\s*,?\s*)?{_MONTH_RE}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME_RE}$",
    re.I,
)
_TEXT_DMY = re.compile(
    rf"^(?:{_WEEKDAY}\s*,?\s*)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH_RE},?\s+(?P<y>\d{{4}}){_TIME_RE}$",
    re.I,
)
# 07.11.2025 (day first, European) and 11/07/2025 (month first, US).
_NUM_DOT_DMY = re.compile(rf"^(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}){_TIME_RE}$", re.I)
_NUM_SLASH_MDY = re.compile(rf"^(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}})/(?P<y>\d{{4}}){_TIME_RE}$", re.I)
# Time first: "05:08, 07.11.2025" (RBC-Ukraine, TASS pages).
_TIME_FIRST = re.compile(r"^(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s*,?\s+(?P<rest>.+)$")


def published_at_from_url(url: str | None) -> datetime | None:
    """Read a publication time from a URL, or ``None``.

    A ``/YYYY/MM/DD/`` (or ``/YYYY-MM-DD/``) path gives that day at midnight; a 10-digit
    Unix timestamp in the last path segment (``...-1762492118.html``) gives that instant.
    The date path wins when both are present (it is the more deliberate signal).
    """
    found = _date_from_url_path(url)
    if found is not None:
        return found
    return _datetime_from_url_timestamp(url)


def _date_from_url_path(url: str | None) -> datetime | None:
    if not url:
        return None
    match = _URL_DATE_PATH.search(_strip_host(url))
    if not match:
        return None
    try:
        return datetime(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def _datetime_from_url_timestamp(url: str | None) -> datetime | None:
    if not url:
        return None
    path = _strip_host(url).split("?", 1)[0].split("#", 1)[0].rstrip("/")
    last_segment = path.rsplit("/", 1)[-1]
    stamps = [int(m["ts"]) for m in _URL_UNIX_TS.finditer(last_segment)]
    stamps = [s for s in stamps if _UNIX_MIN <= s < _UNIX_MAX]
    if len(stamps) != 1:
        return None  # none, or ambiguous
    return datetime.fromtimestamp(stamps[0], tz=timezone.utc).replace(tzinfo=None)


def _strip_host(url: str) -> str:
    """Return the path part of a URL (the host may contain digits that look like dates)."""
    without_scheme = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.I)
    slash = without_scheme.find("/")
    return without_scheme[slash:] if slash >= 0 else ""


def parse_published_at(value: str | date | datetime | None) -> datetime | None:
    """Parse a publication date/time as written by pages and metadata; naive UTC.

    Accepts ISO 8601 (``2025-11-07``, ``2025-11-07T05:08:38Z``, ``...+03:00``, with a space
    instead of ``T``), month-name forms with or without a weekday (``Oct 23, 2020 12:40 PM``,
    ``Friday, November 7, 2025``, ``7 November 2025 05:08 GMT``), day-first dotted
    (``07.11.2025, 07:08``), month-first slashed (``10/23/2020``), time-first
    (``05:08, 07.11.2025``) and Unix timestamps given as 10 digits. Returns ``None`` for
    anything else.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _to_naive_utc(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = " ".join(str(value).split()).strip().rstrip(".")
    if not text:
        return None
    text = re.sub(r"^(?:posted|published|updated|date|last updated)\s*(?:on|:)?\s*", "", text, flags=re.I)
    if re.fullmatch(r"\d{10}", text):
        stamp = int(text)
        if _UNIX_MIN <= stamp < _UNIX_MAX:
            return datetime.fromtimestamp(stamp, tz=timezone.utc).replace(tzinfo=None)
        return None
    iso = _parse_iso(text)
    if iso is not None:
        return iso
    time_first = _TIME_FIRST.match(text)
    if time_first:
        return parse_published_at(f"{time_first['rest']} {time_first['time']}")
    for pattern in (_TEXT_MDY, _TEXT_DMY, _NUM_DOT_DMY, _NUM_SLASH_MDY):
        match = pattern.match(text)
        if match:
            return _from_match(match)
    return None


def _parse_iso(text: str) -> datetime | None:
    candidate = text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
    candidate = re.sub(r"(?i)z$", "+00:00", candidate)
    candidate = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", candidate)  # +0300 -> +03:00
    if not re.match(r"^\d{4}-\d{2}-\d{2}(T|$)", candidate):
        return None
    try:
        return _to_naive_utc(datetime.fromisoformat(candidate))
    except ValueError:
        return None


def _month_number(name: str) -> int:
    """Month of a name the case-insensitive pattern matched, including Unicode case variants
    such as the long s ("Auguſt") that ``re.IGNORECASE`` accepts but ``str.lower`` keeps."""
    name = name.rstrip(".")
    number = _MONTHS.get(name.casefold())
    if number is None:
        number = next(n for month, n in _MONTHS.items() if re.fullmatch(re.escape(month), name, re.IGNORECASE))
    return number


def _from_match(match: re.Match[str]) -> datetime | None:
    groups = match.groupdict()
    month = _month_number(groups["mon"]) if groups.get("mon") else int(groups["m"])
    hour = int(groups["H"]) if groups.get("H") else 0
    minute = int(groups["M"]) if groups.get("M") else 0
    second = int(groups["S"]) if groups.get("S") else 0
    ampm = (groups.get("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    try:
        parsed = datetime(int(groups["y"]), month, int(groups["d"]), hour, minute, second)
    except ValueError:
        return None
    zone = (groups.get("zone") or "").strip()
    if not zone:
        return parsed
    offset = _zone_offset(zone)
    if offset is None:
        return None  # a word we do not know follows the date: not clearly a date
    return parsed - offset


def _zone_offset(zone: str) -> timedelta | None:
    lowered = zone.lower().replace(" ", "")
    if lowered in _ZONE_HOURS:
        return timedelta(hours=_ZONE_HOURS[lowered])
    numeric = re.fullmatch(r"(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?", lowered)
    if not numeric:
        return None
    sign = 1 if numeric[1] == "+" else -1
    return sign * timedelta(hours=int(numeric[2]), minutes=int(numeric[3] or 0))


def _to_naive_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def resolve_published_at(
    meta_value: str | date | datetime | None,
    page_value: str | date | datetime | None,
    url: str | None,
) -> tuple[datetime | None, str | None]:
    """Pick the publication time from the best available source.

    Order: explicit metadata (sidecar, front matter, JSON keys) -> ``'metadata'``; what the
    page itself shows (HTML meta tags, a "Posted: ..." line) -> ``'page'``; a date path in
    the URL -> ``'url-date-path'``; a Unix timestamp in the URL -> ``'url-unix-timestamp'``.
    Returns ``(None, None)`` when no source gives a date.
    """
    parsed = parse_published_at(meta_value)
    if parsed is not None:
        return parsed, "metadata"
    parsed = parse_published_at(page_value)
    if parsed is not None:
        return parsed, "page"
    parsed = _date_from_url_path(url)
    if parsed is not None:
        return parsed, "url-date-path"
    parsed = _datetime_from_url_timestamp(url)
    if parsed is not None:
        return parsed, "url-unix-timestamp"
    return None, None
