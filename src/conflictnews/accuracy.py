"""Scoring casualty extraction against hand labels: precision, recall, F1, field accuracy."""

from __future__ import annotations

import pandas as pd

#: A found figure matches a label when these agree.
MATCH_KEY = ["doc_id", "start", "count", "status"]
#: Fields whose accuracy is reported over matched figures.
FIELDS = ["count_high", "qualifier", "vague", "population", "side", "claimant_group",
          "cumulative", "historical"]


def _norm(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def score(found: pd.DataFrame, labels: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Return ``({"precision", "recall", "f1", "tp", "fp", "fn"}, field_accuracy)``.

    ``field_accuracy`` has one row per field in :data:`FIELDS`: ``field, correct, total,
    accuracy`` over the figures that match a label on :data:`MATCH_KEY`.
    """
    key = lambda frame: frame[MATCH_KEY].map(_norm).agg("|".join, axis=1)  # noqa: E731
    f = found.assign(_key=key(found)) if len(found) else found.assign(_key=[])
    g = labels.assign(_key=key(labels))
    tp_keys = set(f["_key"]) & set(g["_key"])
    tp, fp, fn = len(tp_keys), len(set(f["_key"]) - tp_keys), len(set(g["_key"]) - tp_keys)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    pairs = f.drop_duplicates("_key").merge(g.drop_duplicates("_key"), on="_key",
                                            suffixes=("", "_label"))
    rows = []
    for field in FIELDS:
        if field not in pairs or f"{field}_label" not in pairs:
            continue
        ok = pairs[field].map(_norm) == pairs[f"{field}_label"].map(_norm)
        rows.append({"field": field, "correct": int(ok.sum()), "total": len(pairs),
                     "accuracy": float(ok.mean()) if len(pairs) else 1.0})
    prf = {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
    return prf, pd.DataFrame(rows, columns=["field", "correct", "total", "accuracy"])


def score_sentences(table: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Score :func:`figures_in_sentence` on a table of labelled single sentences.

    ``table`` has one row per expected figure: ``sentence, published`` and the fields;
    a figure is matched on its sentence, count and status.
    """
    from conflictnews.casualties import figures_in_sentence

    found = []
    for sentence, group in table.groupby("sentence", sort=False):
        for f in figures_in_sentence(sentence, pd.Timestamp(group["published"].iloc[0])):
            found.append({**f, "doc_id": sentence, "start": 0})
    wanted = table.rename(columns={"sentence": "doc_id"}).assign(start=0)
    return score(pd.DataFrame(found, columns=[*MATCH_KEY, *FIELDS]), wanted)
