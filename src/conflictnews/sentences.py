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

import pandas as pd
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

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
_LOWER_NO_END = re.compile(r"(?<=\bno\.)\s+(?=[A-Z“\"])")


@lru_cache(maxsize=1)
def news_punkt() -> PunktSentenceTokenizer:
    """Return the Punkt tokenizer configured with :data:`NEWS_ABBREVIATIONS`."""
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

    >>> t = "Fighting began on Sept. 27. U.S. Secretary Pompeo spoke."
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['Fighting began on Sept. 27.', 'U.S. Secretary Pompeo spoke.']
    """
    tokenizer = news_punkt()
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        for offset, piece in _chunks(match.start(), match.group()):
            for a, b in tokenizer.span_tokenize(piece):
                sub_start = a
                for cut in _LOWER_NO_END.finditer(piece, a, b):
                    spans.append((offset + sub_start, offset + cut.start()))
                    sub_start = cut.end()
                spans.append((offset + sub_start, offset + b))
    return [(a, b) for a, b in spans if text[a:b].strip()]


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
