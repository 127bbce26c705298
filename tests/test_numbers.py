"""Numbers as the world writes them: thousands grouped by comma, dot or space, scales
("1.5m", "half a million"), words; and decimals that stay decimals."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictnews.casualties import figures_in_sentence
from conflictnews.numbers import find_numbers, words_value


def values(text: str) -> list[int | float]:
    return [n.value for n in find_numbers(text)]


# Each row of issue 16's table, and its neighbours that must not change.
@pytest.mark.parametrize("text, expected", [
    ("1.177 soldiers were killed", [1177]),
    ("1 200 people were killed", [1200]),
    ("1\u202f200 people were killed", [1200]),  # narrow no-break space
    ("1\u00a0200 people were killed", [1200]),  # no-break space
    ("2.000 killed", [2000]),
    ("12.500.000 people", [12_500_000]),
    ("1.5m people fled", [1_500_000]),
    ("one and a half million refugees", [1_500_000]),
    ("half a million people fled", [500_000]),
    ("a half million people fled", [500_000]),
    ("half a dozen soldiers", [6]),
    ("2bn dollars and 3 mln people", [2_000_000_000, 3_000_000]),
    ("two and a half thousand", [2500]),
    # decimals stay decimal: not three digits, a scale or a percentage after, a leading 0
    ("2.5 km", [2.5]),
    ("1.5 percent", [1.5]),
    ("1.234 million people", [1_234_000]),
    ("2.125% of the vote", [2.125]),
    ("0.125 of them", [0.125]),
    ("1,177.5 tonnes", [1177.5]),
    # neither a date nor a day before a count is glued to the count
    ("on 12.10.2020 they met", []),
    ("On Oct. 12 300 soldiers died", [12, 300]),
    ("on October 12 300 people", [12, 300]),
    ("between 10 and 20 soldiers", [10]),  # a range: the top is in .high
])
def test_numbers_as_written_around_the_world(text, expected):
    assert values(text) == expected


def test_the_spans_cover_the_whole_written_number():
    text = "Officials said 1 200 people and 1.177 soldiers, 1.5m in all."
    assert [text[n.start:n.end] for n in find_numbers(text)] == ["1 200", "1.177", "1.5m"]


def test_casualty_figures_read_grouped_numbers_whole():
    figures = figures_in_sentence("Armenia said 1.177 of its soldiers were killed.")
    assert [(f["count"], f["status"], f["surface"]) for f in figures] == [
        (1177, "killed", "1.177")]
    figures = figures_in_sentence("Some 1 200 people were killed and 2.000 wounded.")
    assert [(f["count"], f["status"]) for f in figures] == [(1200, "killed"), (2000, "wounded")]


# --- property tests: every integer, written each way, reads as itself ---------------

def grouped(n: int, sep: str) -> str:
    """``n`` with its thousands grouped by ``sep`` ("1,234,567")."""
    return f"{n:,}".replace(",", sep)


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int, and_: bool) -> str:
    """English words for ``0 <= n < 10**12`` ("one thousand two hundred and five")."""
    def small(k: int) -> str:  # 1..999
        parts = []
        if k >= 100:
            parts.append(f"{_ONES[k // 100]} hundred")
            k %= 100
            if k and and_:
                parts.append("and")
        if k >= 20:
            parts.append(_TENS[k // 10] + (f"-{_ONES[k % 10]}" if k % 10 else ""))
        elif k:
            parts.append(_ONES[k])
        return " ".join(parts)

    if n == 0:
        return "zero"
    words = []
    for scale, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand"), (1, "")):
        if n >= scale:
            words.append(f"{small(n // scale)} {name}".strip())
            n %= scale
    return " ".join(words)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 10**12 - 1), st.sampled_from([",", ".", " ", "\u00a0", "\u202f"]))
def test_every_integer_with_any_thousands_separator_reads_as_itself(n, sep):
    text = f"Officials said {grouped(n, sep)} people were killed."
    assert values(text) == [n]


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 10**12 - 1), st.booleans())
def test_every_integer_in_words_reads_as_itself(n, and_):
    words = in_words(n, and_)
    assert words_value(words) == n
    text = f"Officials said {words} people were killed."
    found = find_numbers(text)
    assert [(f.value, text[f.start:f.end]) for f in found] == [(n, words)]


@settings(max_examples=400, deadline=None)
@given(st.integers(1, 999), st.integers(0, 99),
       st.sampled_from([("m", 10**6), ("mn", 10**6), ("bn", 10**9), (" million", 10**6),
                        (" billion", 10**9)]))
def test_every_scaled_number_reads_as_its_value(whole, hundredths, scale):
    suffix, factor = scale
    text = f"Some {whole}.{hundredths:02d}{suffix} people fled."
    assert values(text) == [round((whole * 100 + hundredths) * factor / 100)]
    assert values(f"Some {whole}{suffix} people fled.") == [whole * factor]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 99), st.sampled_from([("million", 10**6), ("thousand", 10**3),
                                             ("billion", 10**9)]))
def test_and_a_half_scales_read_as_their_value(n, scale):
    # "twenty-one and a half million": the idiom takes a number below a hundred
    name, factor = scale
    text = f"{in_words(n, True)} and a half {name} refugees"
    assert values(text) == [n * factor + factor // 2]
