"""Finding numbers in English news text as the world writes it: digits (thousands grouped
by comma, dot or space), scales ("1.5m", "half a million"), number words, vague amounts,
ranges."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from conflictnews.patterns import ascii_fold, fold_key, trie_regex

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a": 1, "an": 1,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

#: Vague amounts and the lower bound each stands for ("hundreds" is at least two hundred).
VAGUE = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "millions": 2_000_000,
    # "several hundred" is "hundreds": at least two hundred
    "several dozen": 24, "several dozens": 24, "several hundred": 200, "several hundreds": 200,
    "several thousand": 2_000, "several thousands": 2_000,
}

_WORD = r"(?:" + "|".join(sorted((k for k in UNITS if k not in ("a", "an")), key=len,
                                 reverse=True)) + r")"
_SCALE = r"(?:hundred|thousand|million|billion)"
#: Scales written after digits: "1.5m", "2bn", "3 mln" ("m" only glued to the digits:
#: "15 m" is fifteen metres).
SUFFIXES = {"m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
            "bln": 1_000_000_000}
_SUFFIX = r"(?:m|mn|mln|bn|bln)"
#: White space that may group thousands: space, no-break space, narrow no-break space,
#: thin space ("1 200", "1\u202f200").
GROUP_SPACES = " \u00a0\u202f\u2009"
#: What makes "1.234" a decimal rather than 1,234: a scale or a percentage after it
#: ("1.234 million", "2.125 percent", "1.5m").
_DECIMAL_CONTEXT = (rf"(?:\s*(?:{_SCALE}|percent|per\s+cent)\b|\s*%|{_SUFFIX}(?![\w])|"
                    rf"\s+(?:mn|mln|bn|bln)\b)")
#: Month names before a number: "Oct. 12 300 soldiers" is the 12th, then 300.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
                "nov", "dec", "january", "february", "march", "april", "june", "july",
                "august", "september", "october", "november", "december")
_NOT_AFTER_MONTH = "".join(rf"(?<!\b{re.escape(m + end)})" for m in _MONTH_WORDS
                           for end in (" ", ". ") if not (m == "may" and end == ". "))
_DIGITS = (
    # grouped thousands, tried only where a separator and three digits follow (fast)
    r"(?:(?=\d{1,3}[,." + GROUP_SPACES + r"]\d{3})(?:"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,177 and 1,177.5
    r"|(?P<dotted>(?!0\.)\d{1,3}(?:\.\d{3})+(?!" + _DECIMAL_CONTEXT + "))"  # 1.177
    # 1 200; not the day of an ISO date before a count ("2023-09-21 200 people died")
    + r"|" + _NOT_AFTER_MONTH + r"(?<!\d{4}-\d\d-)\d{1,3}(?:[" + GROUP_SPACES + r"]\d{3})+"
    r")|\d{1,15}(?:\.\d+)?"  # 1177, 1.5
    r")(?![\d]|[.,]\d)"  # never a part of a longer number ("12.10.2020", "1,2,3")
)
#: "a"/"an" only where a number word follows ("a dozen", "a hundred"), so that the
#: article alone is never a match; "and a half" only before a scale ("one and a half
#: million").
_HALF = rf"(?:\s+and\s+a\s+half(?=\s+{_SCALE}\b))?"
_WORDNUM = (
    rf"(?:(?:an?(?=[\s-]+(?:{_WORD}|{_SCALE})\b)|{_WORD})(?:[\s-]+{_WORD})*{_HALF}"
    rf"(?:[\s-]+{_SCALE}(?:\s+and)?(?:[\s-]+{_WORD})*)*"  # "sixty-thousand"
    rf"|(?:an?\s+)?{_SCALE}(?:\s+and\s+{_WORD})?"
    rf"|(?:a\s+)?half\s+(?:an?\s+)?(?:{_SCALE}|dozen))"
)
_VAGUE = (r"several\s+(?:dozens?|hundreds?|thousands?)(?!\s+of\b)|"
          r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|"
          r"thousands|millions")

#: How a number can start: a digit, the first four letters of a number word's first word
#: ("thou", not "the"), or "a"/"an" before one. A quick test before the alternatives
#: (:data:`PLAIN_NUMBER` is the pattern without it; a test checks they agree).
_STARTS = trie_regex(sorted({w.split()[0][:4] for w in (*UNITS, *SCALES, *VAGUE, "half")
                             if w not in ("a", "an")}))
_START = rf"(?=\d|{_STARTS}|an?[\s-]+{_STARTS})"
_BODY = (
    rf"(?:(?P<vague>{_VAGUE})|(?P<digits>{_DIGITS})"
    # a scale after a space or a hyphen: "70 thousand", "70-thousand"
    rf"(?:(?P<suffix>{_SUFFIX})|(?:\s+|-)(?P<scale>{_SCALE}|mn|mln|bn|bln))?|(?P<words>{_WORDNUM}))"
    rf"(?![\w])"
)
_NUMBER = rf"(?<![\w.,]){_START}{_BODY}"
NUMBER = re.compile(_NUMBER, re.IGNORECASE)
#: The same on lower-cased text (see :func:`~conflictnews.patterns.ascii_fold`).
NUMBER_LOWER = re.compile(_NUMBER)
#: The definition: the same pattern without the quick test of how a number starts.
PLAIN_NUMBER = re.compile(rf"(?<![\w.,]){_BODY}", re.IGNORECASE)


class Number(NamedTuple):
    """A number found in text: ``text[start:end]``, its value and, for ranges, the top.
    (A named tuple: made three times faster than a frozen dataclass, for every number.)"""

    start: int
    end: int
    value: int | float
    high: int | float | None = None
    vague: bool = False


#: "a half" and "half a(n)" both read as one half.
_HALF_WORDS = re.compile(r"\ban? half\b|\bhalf an?\b")


@lru_cache(maxsize=4096)
def words_value(phrase: str) -> int | float | None:
    """Value of a number-word phrase ("twenty-nine", "a dozen", "two hundred and five",
    "one and a half million", "half a million").

    >>> words_value("twenty-nine"), words_value("a dozen"), words_value("one hundred and five")
    (29, 12, 105)
    >>> words_value("one and a half million"), words_value("half a million")
    (1500000, 500000)
    """
    key = re.sub(r"\s+", " ", fold_key(phrase))
    key = _HALF_WORDS.sub("half", key)  # "a half million", "half a million": one half
    total: int | float = 0
    current: int | float = 0
    seen = False
    for word in re.split(r"[\s-]+", key):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current += 1
            continue
        if word == "half":
            current += 0.5
            seen = True
        elif word in UNITS:
            if word == "dozen":
                current = (current or 1) * 12
            else:
                current += UNITS[word]
            seen = True
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    return int(value) if float(value).is_integer() else value


#: What groups thousands inside digits (removed before reading them).
_GROUPING = re.compile(rf"[,{GROUP_SPACES}]")


@lru_cache(maxsize=256)
def _vague_value(vague: str) -> int:
    """The lower bound a vague amount ("Dozens", "tens of  thousands") stands for."""
    return VAGUE[re.sub(r"\s+", " ", fold_key(vague))]


def _value(match: re.Match[str]) -> tuple[int | float, bool] | None:
    vague, raw = match.group("vague", "digits")
    if vague:
        return _vague_value(vague), True
    if raw:
        scale = match.group("scale") or match.group("suffix")
        if raw.isdecimal() and not scale:
            return int(raw), False  # the common case: "5", "2020"
        # a dot or a space before exactly three digits (no decimal context: the pattern
        # checked it) groups thousands; a comma always does
        if match.group("dotted"):
            raw = raw.replace(".", "")
        raw = _GROUPING.sub("", raw)
        if not scale and raw.isdecimal():
            return int(raw), False  # "1,177": what Decimal would read, faster
        number = Decimal(raw)  # exact: "16.01m" is 16,010,000, not 16,010,000.000000002
        if scale:
            key = fold_key(scale)
            number *= SCALES.get(key, SUFFIXES.get(key, 1))
        return (int(number) if number == number.to_integral_value() else float(number)), False
    words = match.group("words")
    if fold_key(words) in ("a", "an"):
        return None
    value = words_value(words)
    return (value, False) if value is not None else None


#: What joins the two ends of a range: "10 to 20", "10-20", "between 10 and 20".
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to)\s*")
_AND_GAP = re.compile(r"\s+and\s+")


def find_numbers(text: str) -> list[Number]:
    """Return the numbers in ``text``, left to right, ranges merged ("between 10 and 20").

    >>> [(n.value, n.high, n.vague) for n in find_numbers("10 to 20 soldiers and dozens")]
    [(10, 20, False), (24, None, True)]
    """
    found: list[Number] = []
    low = ascii_fold(text)
    for match in (NUMBER.finditer(text) if low is None else NUMBER_LOWER.finditer(low)):
        digits, scale, suffix = match.group("digits", "scale", "suffix")
        if digits is not None and scale is None and suffix is None and digits.isdecimal():
            # the common case, as _value reads it: "5", "2020"
            found.append(Number(match.start(), match.end(), int(digits), None, False))
            continue
        got = _value(match)
        if got is None:
            continue
        value, vague = got
        found.append(Number(match.start(), match.end(), value, None, vague))
    merged: list[Number] = []
    for number in found:
        prev = merged[-1] if merged else None
        if prev is not None and not prev.vague and not number.vague:
            gap = text[prev.end:number.start]
            joined = _RANGE_GAP.fullmatch(gap) or (_AND_GAP.fullmatch(gap) and text[
                max(0, prev.start - 8):prev.start].lower().endswith("between "))
            if joined and number.value > prev.value and not _year_range(prev, number):
                merged[-1] = Number(prev.start, number.end, prev.value, number.value)
                continue
        merged.append(number)
    return merged


def _year_range(low: Number, high: Number) -> bool:
    """True for "1991-94" and "1992 to 1994": ranges of years, not of counts."""
    return 1800 <= low.value <= 2100 and (high.value < 100 or 1800 <= high.value <= 2100)
