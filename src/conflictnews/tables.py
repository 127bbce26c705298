"""Small helpers for iterating over tables quickly."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator
from functools import lru_cache

import numpy as np
import pandas as pd


def records(frame: pd.DataFrame, *columns: str) -> Iterator[tuple]:
    """Rows of ``frame`` as named tuples of ``columns`` (all columns when none given).

    Much faster than ``DataFrame.itertuples`` on Arrow-backed string columns, which
    pandas 3 uses by default.
    """
    names = list(columns or frame.columns)
    row = namedtuple("Row", names, rename=True)
    return map(row._make, zip(*(frame[c].tolist() for c in names), strict=True))


def repeat_rows(frame: pd.DataFrame, rows: list[int], columns: list[str]) -> dict:
    """``columns`` of ``frame`` at the row positions ``rows`` (repeats allowed), as
    arrays of the columns' own types: the per-article part of a per-mention table."""
    take = np.asarray(rows, dtype=np.intp)
    return {c: frame[c].array.take(take) for c in columns}


@lru_cache(maxsize=1)
def _str_dtype() -> object:
    return pd.array([], dtype="str").dtype


def text_array(values: list[str]) -> pd.api.extensions.ExtensionArray:
    """``pd.array(values, dtype="str")`` for a list of ``str`` (no missing values),
    handed to Arrow directly when the "str" dtype is Arrow-backed: three times faster
    (pandas checks and converts every value first)."""
    dtype = _str_dtype()
    if getattr(dtype, "storage", None) != "pyarrow":
        return pd.array(values, dtype="str")
    import pyarrow as pa

    return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()), dtype=dtype)
