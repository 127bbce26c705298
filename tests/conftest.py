"""Shared fixtures: the seed corpus, loaded once per test session."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from conflictnews.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
METADATA = ROOT / "data" / "metadata.csv"


@pytest.fixture(scope="session")
def articles() -> pd.DataFrame:
    """The seed corpus with its metadata (11 articles)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the seeds must load without a single problem
        return load_corpus(SEEDS, METADATA)


def article(articles: pd.DataFrame, file_prefix: str, position: int = 0) -> pd.Series:
    """The article at ``position`` in the seed file whose name starts with ``file_prefix``."""
    rows = articles[articles["source_file"].str.startswith(file_prefix)
                    & (articles["position"] == position)]
    assert len(rows) == 1, (file_prefix, position)
    return rows.iloc[0]
