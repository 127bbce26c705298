"""A one-article corpus written in a test, as ``extract_casualties`` reads a corpus, and
the casualty figures found in it (shared by the tests of issue 12's rules)."""
from __future__ import annotations

import pandas as pd

from conflictnews.casualties import extract_casualties

DAY = pd.Timestamp("2020-10-20")


def figures_of(text: str, published: pd.Timestamp = DAY) -> pd.DataFrame:
    """The casualty figures of one article with ``text``, published on ``published``."""
    articles = pd.DataFrame({"doc_id": ["t"], "source_file": ["t.txt"], "position": [0],
                             "published": [published], "outlet": ["o"], "text": [text],
                             "caption": [""], "n_words": [len(text.split())]})
    return extract_casualties(articles)


def figure(text: str, count: int, status: str | None = None,
           published: pd.Timestamp = DAY) -> pd.Series:
    """The one figure of ``text`` with ``count`` (and ``status``); fails when there is
    none or more than one."""
    found = figures_of(text, published)
    rows = found[(found["count"] == count) & ((found["status"] == status) if status else True)]
    assert len(rows) == 1, found[["count", "status", "side", "side_evidence", "claimed_by"]]
    return rows.iloc[0]
