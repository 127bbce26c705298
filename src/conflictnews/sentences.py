"""Sentence splitting with NLTK's Punkt, tuned for news text and needing no nltk_data.

Punkt is used with parameters we supply (the abbreviations news copy uses), never a
downloaded model, so the same text splits the same way on every machine, offline.
Text is first cut at line breaks (paragraphs, headlines and crossheads are never one
sentence with their neighbours), then Punkt splits each paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from conflictnews.patterns import UPPER_CHARS

if TYPE_CHECKING:  # NLTK is imported when Punkt is first needed (~0.1 s)
    from nltk.tokenize.punkt import PunktSentenceTokenizer

#: Lower-cased abbreviations (without the final period) that do not end a sentence.
NEWS_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # months and days as news copy abbreviates them ("Sept. 27", "Oct. 30")
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
        # titles and ranks ("Gen.", "Mr.", "Lt. Col.")
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm",
        "sgt", "cpl", "pvt", "gov", "sen", "rep", "rev", "hon", "pres", "amb", "st", "jr",
        "sr", "messrs",
        # countries and bodies written with periods ("U.S. Secretary")
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "u.s.s.r",
        # units and references ("No. 2", "approx.")
        "no", "nos", "vol", "approx", "est", "km", "sq", "ft", "mt", "vs", "etc", "inc",
        "corp", "co", "ltd", "dept", "govt", "intl", "a.m", "p.m", "i.e", "e.g",
    }
)

#: Longest stretch handed to Punkt at once; longer lines are cut at a space first
#: (Punkt's own guard refuses strings of many megabytes).
MAX_PUNKT_CHARS = 50_000

_LINE = re.compile(r"[^\n]+")
# Punkt keeps "said no. The" together because "no" is an abbreviation; a lower-case
# "no." followed by a capitalised word is the end of a sentence.
_LOWER_NO_END = re.compile(rf"(?<=\bno\.)\s+(?=[{UPPER_CHARS}“\"])")


@lru_cache(maxsize=1)
def news_punkt() -> PunktSentenceTokenizer:
    """Return the Punkt tokenizer configured with :data:`NEWS_ABBREVIATIONS`."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(NEWS_ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def _chunks(start: int, line: str) -> Iterator[tuple[int, str]]:
    """Cut an over-long line at spaces into pieces Punkt accepts."""
    pos = 0
    while len(line) - pos > MAX_PUNKT_CHARS:
        cut = line.rfind(" ", pos + MAX_PUNKT_CHARS // 2, pos + MAX_PUNKT_CHARS)
        cut = cut if cut > pos else pos + MAX_PUNKT_CHARS
        yield start + pos, line[pos:cut]
        pos = cut
    yield start + pos, line[pos:]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` character spans of the sentences of ``text``.

    Results are cached per text (the casualty extractor, the actor matcher and the quote
    finder all ask for the same article's sentences).

    >>> t = "Fighting began on Sept. 27. U.S. Secretary Pompeo spoke."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Fighting began on Sept. 27.', 'U.S. Secretary Pompeo spoke.']
    """
    return list(_cached_spans(text))


def sentence_count(text: str) -> int:
    """``len(sentence_spans(text))``, without copying the cached spans."""
    return len(_cached_spans(text))


@lru_cache(maxsize=4096)
def _cached_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(_fast_split(text))


# --- A fast path that decides the common boundaries exactly as Punkt does -----------
# With our parameters (abbreviations only: no collocations, no orthographic context, no
# sentence starters, as no training was done), Punkt's decision at a period followed by
# white space depends only on the token before it: an abbreviation never ends a
# sentence; a single letter (an initial) does only before a digit; a number does unless
# a lower-case word or punctuation follows; any other word always does. "?" and "!"
# after a word always do. Lines where every candidate is of those plain kinds are split
# here; a line with anything else at a candidate (quotes or brackets after an
# abbreviation, ellipses, "?!", a period glued to punctuation) goes to Punkt itself.
# tests/test_sentences.py checks the two agree on the seeds, a generated corpus and
# random text.
_CANDIDATE = re.compile(r"[.?!]")
_CLOSERS = "”\"’')]"
#: A word or number of any script ("Şuşa", "1,177"); no underscore (checked in _decide).
_PLAIN_TOKEN = re.compile(r"[^\W_][\w.,-]*")
_NUMBER = re.compile(r"-?[.,]?\d[\d,.-]*\.?")
_INITIAL = re.compile(r"[^\W\d]")
_ANY_WORD = re.compile(r"\w")
_INNER_END = re.compile(r"[.?!](?=\S)")


def _decide(line: str, i: int) -> int | None:
    """End (exclusive) of the sentence if the candidate at ``i`` is a break, -1 if it is
    not, ``None`` if only Punkt can tell."""
    n = len(line)
    j = i + 1
    while j < n and line[j] in _CLOSERS:
        j += 1
    if j == n:
        return n  # end of line: the line's last sentence ends here anyway
    if not line[j].isspace():
        if j == i + 1 and line[j] not in ")\";}]*:@'({[!?.,”’“‘":
            return -1  # "9.2", "U.S" inside a token: no candidate for Punkt either
        return None
    k = j
    while k < n and line[k].isspace():
        k += 1
    if k == n:
        return j
    start = line.rfind(" ", 0, i) + 1
    if j == i + 1 and line[i] == ".":
        # the common case first: a period right after a word of two or more letters
        # that is no abbreviation ("said. The"): no initial, no number, always a break
        # (the general rules below decide the same; checked by the tests against Punkt)
        core = line[start:i].lstrip("“\"‘'([")
        if core.isalpha() and len(core) > 1 and core.lower() not in NEWS_ABBREVIATIONS:
            return j
    nxt = line[k]
    closed = j > i + 1
    prev = line[start:i]
    if line[i] in "?!":
        if closed or not prev or not _ANY_WORD.match(prev[-1]):
            return None
        return j
    if prev[-1:] and prev[-1] in ")]”’\"'" and line[i] == "." and prev.rstrip(")]”’\"'"):
        return j  # "(JCPOA)." : the period is a token of its own, always a break
    core = prev.lstrip("“\"‘'([")
    if not _PLAIN_TOKEN.fullmatch(core) or core.endswith(".") or "_" in core:
        return None
    typ = core.lower()
    abbreviation = typ in NEWS_ABBREVIATIONS or typ.split("-")[-1] in NEWS_ABBREVIATIONS
    initial = bool(_INITIAL.fullmatch(core))
    number = bool(_NUMBER.fullmatch(core + "."))
    special = abbreviation or initial or number
    if special and (closed or core != prev or not nxt.isalnum()):
        return None
    if special and nxt.isalpha() and not (nxt.isupper() or nxt.islower()):
        return None  # a titlecase ("ǅ") or caseless letter: Punkt's case rules decide
    if special:
        # Punkt reads the next token too, and breaks anyway when that token itself ends
        # a sentence before more characters ("Mr. A.’", "No. he.'"): leave those to it
        end_next = k
        while end_next < n and not line[end_next].isspace():
            end_next += 1
        if _INNER_END.search(line, k, end_next):
            return None
    if abbreviation:
        return -1
    if initial:
        return j if nxt.isdigit() else -1
    if number:
        return -1 if nxt.islower() else j
    return j


def _fast_line(line: str) -> list[tuple[int, int]] | None:
    spans, start = [], 0
    for m in _CANDIDATE.finditer(line):
        i = m.start()
        if i < start:
            continue
        end = _decide(line, i)
        if end is None:
            return None
        if end < 0:
            continue
        spans.append((start, end))
        start = end
        while start < len(line) and line[start].isspace():
            start += 1
    if start < len(line):
        spans.append((start, len(line.rstrip())))
    return spans


def _fast_split(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line = match.group()
        base = match.start()
        got = _fast_line(line) if len(line) <= MAX_PUNKT_CHARS else None
        if got is None:
            spans.extend(_punkt_line(line, base))
        elif "no." in line:
            spans.extend(span for a, b in got for span in _no_cuts(line, a, b, base))
        else:
            spans += [(base + a, base + b) for a, b in got]
    # a span that starts with a visible character has one; only the others are read
    return [(a, b) for a, b in spans
            if (a < b and not text[a].isspace()) or text[a:b].strip()]


def punkt_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans from Punkt alone (the reference the fast path is tested against)."""
    return [span for m in _LINE.finditer(text) for span in _punkt_line(m.group(), m.start())
            if text[span[0]:span[1]].strip()]


def _no_cuts(piece: str, a: int, b: int, offset: int) -> list[tuple[int, int]]:
    """Span ``piece[a:b]`` (shifted by ``offset``), cut after a lower-case "no."."""
    out, sub_start = [], a
    for cut in _LOWER_NO_END.finditer(piece, a, b):
        out.append((offset + sub_start, offset + cut.start()))
        sub_start = cut.end()
    out.append((offset + sub_start, offset + b))
    return out


def _punkt_line(line: str, base: int = 0) -> list[tuple[int, int]]:
    """Punkt on one line, spans shifted by ``base``."""
    tokenizer = news_punkt()
    return [span for offset, piece in _chunks(base, line)
            for a, b in tokenizer.span_tokenize(piece)
            for span in _no_cuts(piece, a, b, offset)]


def split_sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def sentences_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per sentence: ``doc_id, sentence_index, start, end, sentence``.

    ``start``/``end`` are character offsets into the article's ``text``.
    """
    rows = [
        (doc_id, i, a, b, text[a:b])
        for doc_id, text in zip(articles["doc_id"], articles["text"], strict=True)
        for i, (a, b) in enumerate(sentence_spans(text))
    ]
    return pd.DataFrame(rows, columns=["doc_id", "sentence_index", "start", "end", "sentence"])
