"""Small helpers for iterating over tables quickly."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator

import pandas as pd


def records(frame: pd.DataFrame, *columns: str) -> Iterator[tuple]:
    """Rows of ``frame`` as named tuples of ``columns`` (all columns when none given).

    Much faster than ``DataFrame.itertuples`` on Arrow-backed string columns, which
    pandas 3 uses by default.
    """
    names = list(columns or frame.columns)
    row = namedtuple("Row", names, rename=True)
    return map(row._make, zip(*(frame[c].tolist() for c in names), strict=True))
