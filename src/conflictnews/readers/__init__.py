"""Readers for corpus formats beyond plain text and tables: saved web pages (``html``)
and news-archive exports (``nexis``). Each returns :class:`Found` articles and problems;
``corpus.py`` finds the files, chooses the reader and builds the article rows."""

from __future__ import annotations

from dataclasses import dataclass, field

from conflictnews.articles import ArticleParts


@dataclass
class Found:
    """One article as a reader found it: its parts and what its source says about it."""

    parts: ArticleParts
    outlet: str = ""
    url: str = ""
    published: str = ""  # as written (parsed by corpus.py)
    date_evidence: str = ""  # where the date was written
    extra: dict = field(default_factory=dict)
