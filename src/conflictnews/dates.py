"""Reading publication dates: from metadata values and from explicit dates in text.

No result depends on the clock: a part the value does not give (the day of "October
2020", the year of "Oct 12") is never filled from today. A date keeps its precision
(``day``, ``month`` or ``year``); a missing year comes from the caller (``year=``: the
article's) or the value is refused. A date with a time zone is the local publication day
("2020-10-12T01:30:00+04:00" is the 12th, though it was the 11th in London).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from dateutil import parser as dateparser

#: Precision of a date: the day is known, or only the month, or only the year.
PRECISIONS = ("day", "month", "year")
#: How all-number dates are read: day-month-year or month-day-year. Dotted dates
#: ("12.10.2020") are day-first wherever they are written; slashed ones ("10/12/2020")
#: month-first as in US copy. Pass ``dotted="mdy"`` or ``slashed="dmy"`` for a corpus
#: that differs.
ORDERS = ("dmy", "mdy")


def check_order(order: str) -> str:
    """``order`` if it is one of :data:`ORDERS`, else a ``ValueError`` saying which are.

    >>> check_order("mdy")
    'mdy'
    """
    if order not in ORDERS:
        raise ValueError(f"date order {order!r} is not one of {', '.join(ORDERS)}")
    return order

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: Full dates only: "November 1, 2017", "1 November 2017", "2017-11-01", "01.11.2017".
FULL_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTHS},?\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d-[01]\d-[0-3]\d|[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)\b"
)
_ISO_YEAR = re.compile(r"\d{4}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")
_DOTTED = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_SLASHED = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}\b")
# Two fillers for the parts a value leaves out: a part that differs between the two
# parses was not in the value. Both years are leap years and both months have 31 days,
# so no written day is refused by the filler.
_FILL_A = datetime(1904, 1, 1)
_FILL_B = datetime(1908, 12, 2)


@dataclass(frozen=True)
class DateValue:
    """A parsed date: the day (the first of the month or year when only those are
    known) and its ``precision`` (``day``, ``month``, ``year``; ``""`` when empty)."""

    day: pd.Timestamp
    precision: str


EMPTY = DateValue(pd.NaT, "")


def _local_day(stamp: datetime | pd.Timestamp) -> pd.Timestamp:
    """The calendar day where it was written: a time zone is dropped, not converted."""
    stamp = pd.Timestamp(stamp)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)  # keeps the wall time: the local day
    return stamp.normalize()


def read_date(value: object, *, year: int | None = None, dotted: str = "dmy",
              slashed: str = "mdy") -> DateValue:
    """Parse one date value (ISO or written) to a :class:`DateValue`; raise
    ``ValueError`` if malformed or if it has no year and ``year`` is not given.

    >>> read_date("October 2020")
    DateValue(day=Timestamp('2020-10-01 00:00:00'), precision='month')
    >>> read_date("Oct 12", year=2020).day, read_date("12.10.2020").day
    (Timestamp('2020-10-12 00:00:00'), Timestamp('2020-10-12 00:00:00'))
    """
    if dotted not in ORDERS or slashed not in ORDERS:
        raise ValueError(f"date order must be one of {ORDERS}")
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return EMPTY
    if isinstance(value, (datetime, pd.Timestamp)):
        return DateValue(_local_day(value), "day")
    text = str(value).strip()
    if not text:
        return EMPTY
    if _ISO_YEAR.fullmatch(text) or _ISO_MONTH.fullmatch(text):
        try:
            day = pd.Timestamp(dateparser.isoparse(text))
        except ValueError as exc:
            raise ValueError(f"malformed date {text!r}") from exc
        return DateValue(day, "year" if len(text) == 4 else "month")
    try:
        return DateValue(_local_day(dateparser.isoparse(text)), "day")
    except ValueError:
        pass
    order = dotted if _DOTTED.search(text) else slashed if _SLASHED.search(text) else "mdy"
    try:
        a = dateparser.parse(text, default=_FILL_A, dayfirst=order == "dmy")
        b = dateparser.parse(text, default=_FILL_B, dayfirst=order == "dmy")
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"malformed date {text!r}") from exc
    if a.year == b.year and not re.search(rf"(?<!\d){a.year}(?!\d)", text):
        # a two-digit year, which dateutil puts in the century nearest today: read it
        # with a fixed pivot instead (00-68: 2000s, 69-99: 1900s, as POSIX strptime)
        yy = a.year % 100
        a = a.replace(year=(2000 if yy < 69 else 1900) + yy)
        b = b.replace(year=a.year)
    if a.year != b.year:
        if year is None:
            raise ValueError(f"no year in date {text!r}")
        try:
            a, b = a.replace(year=year), b.replace(year=year)
        except ValueError as exc:
            raise ValueError(f"malformed date {text!r} in {year}") from exc
    if a.month != b.month:
        precision = "year"
        a = a.replace(month=1, day=1)
    elif a.day != b.day:
        precision = "month"
        a = a.replace(day=1)
    else:
        precision = "day"
    return DateValue(_local_day(a), precision)


def parse_date(value: object, *, year: int | None = None, dotted: str = "dmy",
               slashed: str = "mdy") -> pd.Timestamp:
    """The day of :func:`read_date` (the first of the month or year when only those are
    known); empty values give ``NaT``.

    >>> parse_date("2020-10-11"), parse_date("Nov. 1, 2017")
    (Timestamp('2020-10-11 00:00:00'), Timestamp('2017-11-01 00:00:00'))
    >>> parse_date("2020-10-12T01:30:00+04:00")
    Timestamp('2020-10-12 00:00:00')
    """
    return read_date(value, year=year, dotted=dotted, slashed=slashed).day


def date_in_text(*fields: str, dotted: str = "dmy") -> tuple[pd.Timestamp, str]:
    """Return the first explicit full date found in ``fields`` and the matched text.

    Only full dates count (day, month and year); fields are searched in the order given
    (the caller passes caption, dateline and lead paragraph, never the whole body, where
    historical dates such as "September 2, 1991" abound). ``(NaT, "")`` when none.
    """
    for text in fields:
        for match in FULL_DATE.finditer(text or ""):
            try:
                return parse_date(match.group(), dotted=dotted), match.group()
            except ValueError:
                continue
    return pd.NaT, ""
