"""Reading publication dates: from metadata values and from explicit dates in text."""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd
from dateutil import parser as dateparser

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: Full dates only: "November 1, 2017", "1 November 2017", "2017-11-01".
FULL_DATE = re.compile(
    rf"\b(?:{_MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTHS},?\s+(?:19|20)\d\d|"
    r"(?:19|20)\d\d-[01]\d-[0-3]\d)\b"
)


def parse_date(value: object) -> pd.Timestamp:
    """Parse one date value (ISO or written) to a day; raise ``ValueError`` if malformed.

    Empty values give ``NaT``.

    >>> parse_date("2020-10-11"), parse_date("Nov. 1, 2017")
    (Timestamp('2020-10-11 00:00:00'), Timestamp('2017-11-01 00:00:00'))
    """
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return pd.NaT
    if isinstance(value, (datetime, pd.Timestamp)):
        return pd.Timestamp(value).tz_localize(None).normalize()
    text = str(value).strip()
    if not text:
        return pd.NaT
    try:
        parsed = dateparser.isoparse(text)
    except ValueError:
        try:
            parsed = dateparser.parse(text, fuzzy=False)
        except (ValueError, OverflowError) as exc:
            raise ValueError(f"malformed date {text!r}") from exc
    stamp = pd.Timestamp(parsed)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_convert("UTC").tz_localize(None)
    return stamp.normalize()


def date_in_text(*fields: str) -> tuple[pd.Timestamp, str]:
    """Return the first explicit full date found in ``fields`` and the matched text.

    Only full dates count (day, month and year); fields are searched in the order given
    (the caller passes caption, dateline and lead paragraph, never the whole body, where
    historical dates such as "September 2, 1991" abound). ``(NaT, "")`` when none.
    """
    for text in fields:
        for match in FULL_DATE.finditer(text or ""):
            try:
                return parse_date(match.group()), match.group()
            except ValueError:
                continue
    return pd.NaT, ""
