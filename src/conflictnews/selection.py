"""Choosing what a notebook looks at, with plain-language messages for bad choices.

Notebook parameters arrive from a person or from ``reports.yml``; a wrong value (an
actor not on the list, a date range with no articles) must give a clear note, not a
traceback. These functions return what is usable plus the notes to show.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import pandas as pd

from conflictnews.dates import parse_date


def check_choices(requested: Iterable[str], available: Iterable[str],
                  what: str) -> tuple[list[str], list[str]]:
    """Split ``requested`` into known values and notes on unknown ones (with suggestions).

    >>> check_choices(["Putin", "Vladimir Putin"], ["Vladimir Putin"], "actor")
    (['Vladimir Putin'], ["'Putin' is not a known actor; did you mean: Vladimir Putin?"])
    """
    known = list(dict.fromkeys(available))
    valid, notes = [], []
    for item in requested:
        if item in known:
            valid.append(item)
            continue
        close = difflib.get_close_matches(item, known, n=3, cutoff=0.5) or [
            k for k in known if item.lower() in k.lower()][:3]
        hint = f"; did you mean: {', '.join(close)}?" if close else \
            f"; known: {', '.join(known[:12])}{' …' if len(known) > 12 else ''}"
        notes.append(f"{item!r} is not a known {what}{hint}")
    return valid, notes


def select_articles(articles: pd.DataFrame, start: str = "", end: str = "",
                    outlets: Iterable[str] = ()) -> tuple[pd.DataFrame, list[str]]:
    """Articles published in ``[start, end]`` (ISO dates, empty: open) from ``outlets``
    (empty: all). Returns the selection and notes on anything that could not be used.
    Undated articles are kept only when no date range is asked for."""
    notes: list[str] = []
    chosen = articles
    outlets = list(outlets)
    if outlets:
        valid, bad = check_choices(outlets, sorted(articles["outlet"].unique()), "outlet")
        notes.extend(bad)
        chosen = chosen[chosen["outlet"].isin(valid)]
    bounds = {}
    for name, value in (("start", start), ("end", end)):
        try:
            bounds[name] = parse_date(value)
        except ValueError:
            notes.append(f"{name} = {value!r} is not a date (use YYYY-MM-DD); ignored")
            bounds[name] = pd.NaT
    if not pd.isna(bounds["start"]) and not pd.isna(bounds["end"]) \
            and bounds["start"] > bounds["end"]:
        notes.append(f"start {start} is after end {end}: the date range is empty")
    if not pd.isna(bounds["start"]):
        chosen = chosen[chosen["published"] >= bounds["start"]]
    if not pd.isna(bounds["end"]):
        chosen = chosen[chosen["published"] <= bounds["end"]]
    if chosen.empty and not articles.empty:
        dated = articles["published"].dropna()
        span = f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}" if len(dated) else "none"
        notes.append(f"no article matches this selection (the corpus has "
                     f"{len(articles)} articles, dated {span}); charts below are empty")
    return chosen.reset_index(drop=True), notes


def load_selection(corpus: str, metadata: str = "", start: str = "", end: str = "",
                   outlets: Iterable[str] = ()) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Load a corpus (or raise a one-line error) and select from it, for a notebook.

    Returns ``(all_articles, selected, notes)``; problems met while reading (bad files,
    malformed metadata) are among the notes, never a traceback.
    """
    from conflictnews.corpus import read_corpus
    from conflictnews.problems import Problem

    loaded = read_corpus(corpus, metadata or None)
    notes = [str(Problem(*row)) for row in loaded.problems.itertuples(index=False)]
    chosen, more = select_articles(loaded.articles, start, end, outlets)
    return loaded.articles, chosen, notes + more


def filter_rows(frame: pd.DataFrame, **wanted: Iterable[str]) -> tuple[pd.DataFrame, list[str]]:
    """Keep rows whose column ``name`` is among ``wanted[name]`` (empty: no filter).

    >>> rows = pd.DataFrame({"status": ["killed", "wounded"]})
    >>> filter_rows(rows, status=["killed", "dead"])[1]
    ["'dead' is not a known status; did you mean: killed?"]
    """
    notes: list[str] = []
    for column, values in wanted.items():
        values = list(values)
        if not values:
            continue
        valid, bad = check_choices(values, sorted(frame[column].dropna().astype(str).unique()),
                                   column.replace("_", " "))
        notes.extend(bad)
        frame = frame[frame[column].astype(str).isin(valid)]
    return frame.reset_index(drop=True), notes
