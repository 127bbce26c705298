"""Article metadata kept beside the corpus (``data/metadata.csv``): outlets, dates, URLs.

One row per article, keyed by ``source_file`` (relative to the corpus folder) and
``position`` (0-based index of the article inside that file). Seeds are never edited;
what we know about them lives here.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from conflictnews.dates import EMPTY, read_date
from conflictnews.problems import Problem

METADATA_COLUMNS = ["source_file", "position", "outlet", "headline", "published", "url",
                    "date_evidence"]
REQUIRED = ("source_file", "position")


def read_metadata(path: Path, *, dotted: str = "dmy",
                  slashed: str = "mdy") -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read and check a metadata CSV; bad rows are reported and left out.

    Returns ``(table, problems)``; the table is ``None`` when the file cannot be used.
    ``dotted``/``slashed`` say how all-number dates are written (see
    :func:`~conflictnews.dates.read_date`).
    """
    name = str(path)
    if not path.is_file():
        return None, [Problem(name, None, "metadata file not found; articles keep no outlet "
                                          "or date unless the text gives one")]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, None, f"cannot read metadata: {exc}")]
    reader = csv.DictReader(text.splitlines(keepends=True), restkey="__extra__")
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return None, [Problem(name, 1, f"metadata lacks column(s) {', '.join(missing)}")]
    rows, problems, seen = [], [], {}
    for row in reader:
        line = reader.line_num
        if "__extra__" in row or any(v is None for v in row.values()):
            problems.append(Problem(name, line, "wrong number of fields; row skipped"))
            continue
        try:
            position = int(row["position"])
            if position < 0:
                raise ValueError
        except ValueError:
            problems.append(Problem(name, line, f"position {row['position']!r} is not a "
                                                "whole number >= 0; row skipped"))
            continue
        key = (row["source_file"].strip(), position)
        if key in seen:
            problems.append(Problem(name, line, f"duplicate of line {seen[key]} for "
                                                f"{key[0]} position {position}; row skipped"))
            continue
        seen[key] = line
        try:
            published = read_date(row.get("published"), dotted=dotted, slashed=slashed)
        except ValueError as exc:
            problems.append(Problem(name, line, f"{exc}; date left empty"))
            published = EMPTY
        rows.append({
            "source_file": key[0],
            "position": position,
            "meta_line": line,
            "outlet": (row.get("outlet") or "").strip(),
            "headline": (row.get("headline") or "").strip(),
            "published": published.day,
            "published_precision": published.precision,
            "url": (row.get("url") or "").strip(),
            "date_evidence": (row.get("date_evidence") or "").strip(),
        })
    return pd.DataFrame(rows), problems


def metadata_problems(meta: pd.DataFrame, meta_path: Path, known: set[tuple[str, int]],
                      corpus_files: set[str]) -> list[Problem]:
    """Metadata rows that name no article of the corpus (``known``: (file, position)).

    When none of the rows matches (a user's own corpus with the default metadata file),
    one note says the file was ignored instead of one problem per row.
    """
    name = str(meta_path)
    rows = list(zip(meta["source_file"].tolist(), meta["position"].tolist(),
                    meta["meta_line"].tolist(), strict=True)) if len(meta) else []
    matches = [(f, p) in known for f, p, _ in rows]
    if rows and not any(matches):
        return [Problem(name, None, "describes none of the corpus files; ignored", "note")]
    problems = []
    for (file, position, line), ok in zip(rows, matches, strict=True):
        if not ok:
            why = ("file not in the corpus" if file not in corpus_files
                   else f"the file has no article at position {position}")
            problems.append(Problem(name, line, f"names {file} position {position}: {why}"))
    return problems


def apply_metadata(articles: pd.DataFrame, meta: pd.DataFrame,
                   meta_path: Path) -> pd.DataFrame:
    """Fill outlet, url, date (and a headline the text lacks) from matching metadata rows."""
    name = str(meta_path)
    if meta.empty or articles.empty:
        return articles
    articles = articles.copy()
    index = {key: i for i, key in enumerate(zip(articles["source_file"], articles["position"],
                                                strict=True))}
    for row in meta.itertuples(index=False):
        i = index.get((row.source_file, row.position))
        if i is None:
            continue
        label = articles.index[i]
        for col in ("outlet", "url"):
            if getattr(row, col):
                articles.at[label, col] = getattr(row, col)
        if row.headline and not articles.at[label, "headline"]:
            articles.at[label, "headline"] = row.headline
            articles.at[label, "text"] = f"{row.headline}\n\n{articles.at[label, 'text']}"
        if not pd.isna(row.published):
            articles.at[label, "published"] = row.published
            articles.at[label, "published_precision"] = row.published_precision
            articles.at[label, "date_source"] = "metadata"
            evidence = row.date_evidence or f"{name} line {row.meta_line}"
            articles.at[label, "date_evidence"] = evidence
    return articles
