"""Scoring casualty extraction against hand labels, as ``LABELLING.md`` defines it.

A found figure matches a label of the same article with the same ``count`` and ``status``
(a label marked ``ambiguous`` also matches ``wounded``); each label matches at most one
figure, the nearest one when labels give a ``start``. Vague and subset labels are not
required (no recall penalty) but a figure matching one is no false positive. Precision,
recall and F1 are over the required labels; every other field is scored on the matched
pairs, and the claimant is "found" when a label names one and the figure names any.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

#: Fields whose accuracy is reported over matched figures (those both tables have).
FIELDS = ["count_high", "qualifier", "vague", "population", "side", "claimant_group",
          "cumulative", "historical"]
#: Derived fields: a label names a claimant and the figure names any / a label names none
#: and the figure names none.
CLAIMANT_FIELDS = ["claimant_found", "claimant_none"]


def _norm(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _flag(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(False, index=frame.index)
    return frame[column].map(lambda v: _norm(v).lower() in ("true", "1"))


def _names_claimant(frame: pd.DataFrame) -> pd.Series:
    """Does each row name a claimant (``claimed_by``, else ``claimant_group``)?"""
    if "claimed_by" in frame:
        return frame["claimed_by"].map(lambda v: _norm(v).strip() != "")
    if "claimant_group" in frame:
        return frame["claimant_group"].map(lambda v: _norm(v) not in ("", "unattributed"))
    return pd.Series(False, index=frame.index)


@dataclass
class Matching:
    """Which found figure matched which label (row positions), and which are required."""

    pairs: list[tuple[int, int]]
    required: pd.Series  # per label: counts for recall

    def unmatched(self, n_found: int, n_labels: int) -> tuple[list[int], list[int]]:
        """Found rows matching no label, required label rows matching no figure."""
        got = {f for f, _ in self.pairs}
        hit = {g for _, g in self.pairs}
        return ([i for i in range(n_found) if i not in got],
                [j for j in range(n_labels) if j not in hit and self.required.iloc[j]])


def match(found: pd.DataFrame, labels: pd.DataFrame) -> Matching:
    """Pair found figures with labels one to one (see the module docstring).

    Both tables have ``doc_id, count, status``; labels may add ``start`` (then the nearest
    figure is taken), ``ambiguous``, ``vague`` and ``subset``.
    """
    required = ~(_flag(labels, "vague") | _flag(labels, "subset"))
    ambiguous = _flag(labels, "ambiguous").tolist()
    has_start = "start" in labels and "start" in found
    pool: dict[tuple[str, int], list[int]] = {}
    for j, (doc, count) in enumerate(zip(labels["doc_id"].map(_norm),
                                         labels["count"].map(_norm), strict=True)):
        pool.setdefault((doc, count), []).append(j)
    status = labels["status"].tolist()
    lstart = labels["start"].tolist() if has_start else [0] * len(labels)
    fstart = found["start"].tolist() if has_start else [0] * len(found)
    taken: set[int] = set()
    done: set[int] = set()
    pairs = []
    # exact status first, then ambiguous labels for "wounded"; required labels first
    for rank in (0, 1):
        for i, (doc, count, st) in enumerate(zip(found["doc_id"].map(_norm),
                                                 found["count"].map(_norm),
                                                 found["status"], strict=True)):
            if i in done:
                continue
            cands = [j for j in pool.get((doc, count), []) if j not in taken and (
                (rank == 0 and status[j] == st) or
                (rank == 1 and ambiguous[j] and st == "wounded"))]
            if not cands:
                continue
            j = min(cands, key=lambda j: (not required.iloc[j],
                                          abs(int(lstart[j]) - int(fstart[i]))))
            taken.add(j)
            done.add(i)
            pairs.append((i, j))
    return Matching(pairs, required.reset_index(drop=True))


def score(found: pd.DataFrame, labels: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Return ``({"precision", "recall", "f1", "tp", "fp", "fn"}, field_accuracy)``.

    ``field_accuracy`` has one row per field of :data:`FIELDS` both tables hold, and the
    :data:`CLAIMANT_FIELDS`: ``field, correct, total, accuracy`` over the matched pairs.
    """
    found = found.reset_index(drop=True)
    labels = labels.reset_index(drop=True)
    m = match(found, labels)
    fp_rows, fn_rows = m.unmatched(len(found), len(labels))
    tp = sum(1 for _, j in m.pairs if m.required.iloc[j])
    fp, fn = len(fp_rows), len(fn_rows)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    fi = [f for f, _ in m.pairs]
    li = [j for _, j in m.pairs]
    got, want = found.iloc[fi].reset_index(drop=True), labels.iloc[li].reset_index(drop=True)
    rows = []

    def add(field: str, ok: pd.Series) -> None:
        rows.append({"field": field, "correct": int(ok.sum()), "total": len(ok),
                     "accuracy": float(ok.mean()) if len(ok) else 1.0})

    for field in FIELDS:
        if field in got and field in want:
            add(field, got[field].map(_norm).str.lower() == want[field].map(_norm).str.lower())
    if "claimed_by" in want or "claimant_group" in want:
        named, says = _names_claimant(want), _names_claimant(got)
        add("claimant_found", says[named])
        add("claimant_none", ~says[~named])
    prf = {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}
    return prf, pd.DataFrame(rows, columns=["field", "correct", "total", "accuracy"])


MISS_COLUMNS = ["doc_id", "kind", "count", "status", "detail", "sentence"]


def misses(found: pd.DataFrame, labels: pd.DataFrame,
           texts: dict[str, str] | None = None) -> pd.DataFrame:
    """Unmatched required labels (``kind == "missed"``), false positives (``"false"``) and
    matched pairs whose fields differ (``"field"``), one row each, by article.

    ``detail`` says which fields differ (``side armenian≠unspecified``: label≠found);
    ``sentence`` is the figure's sentence (for labels: the text around ``start``).
    """
    found = found.reset_index(drop=True)
    labels = labels.reset_index(drop=True)
    m = match(found, labels)
    fp_rows, fn_rows = m.unmatched(len(found), len(labels))
    out = []
    for j in fn_rows:
        lab = labels.iloc[j]
        out.append((lab["doc_id"], "missed", lab["count"], lab["status"],
                    _describe(lab), _around(lab, texts)))
    for i in fp_rows:
        f = found.iloc[i]
        out.append((f["doc_id"], "false", f["count"], f["status"], _describe(f),
                    f.get("sentence", "")))
    for i, j in m.pairs:
        f, lab = found.iloc[i], labels.iloc[j]
        diff = []
        for field in ("qualifier", "vague", "historical", "side", "population"):
            if field in f and field in lab and _norm(f[field]).lower() != _norm(lab[field]).lower():
                diff.append(f"{field} {_norm(lab[field])}≠{_norm(f[field])}"
                            + _evidence(f, field))
        if "claimed_by" in lab:
            want, have = _norm(lab["claimed_by"]), _norm(f.get("claimed_by", ""))
            if bool(want) != bool(have):
                diff.append(f"claimant {want or '-'}≠{have or '-'}"
                            + _evidence(f, "claimed_by"))
        elif "claimant_group" in lab and "claimant_group" in f and \
                _norm(lab["claimant_group"]) != _norm(f["claimant_group"]):
            diff.append(f"claimant_group {_norm(lab['claimant_group'])}≠"
                        f"{_norm(f['claimant_group'])}" + _evidence(f, "claimed_by"))
        if diff:
            out.append((f["doc_id"], "field", f["count"], f["status"], "; ".join(diff),
                        f.get("sentence", "")))
    frame = pd.DataFrame(out, columns=MISS_COLUMNS)
    return frame.sort_values(["doc_id", "kind"], kind="stable").reset_index(drop=True)


def _evidence(f: pd.Series, field: str) -> str:
    column = {"side": "side_evidence", "population": "population_evidence",
              "claimed_by": "claim_evidence"}.get(field)
    return f" [{f[column]}]" if column and column in f and _norm(f[column]) else ""


def _describe(row: pd.Series) -> str:
    parts = [f"{k}={_norm(row[k])}" for k in ("qualifier", "population", "side", "claimed_by",
                                               "historical", "rule") if k in row
             and _norm(row[k])]
    return " ".join(parts)


def _around(lab: pd.Series, texts: dict[str, str] | None) -> str:
    text = (texts or {}).get(lab["doc_id"], "")
    if "start" not in lab or not text or pd.isna(lab["start"]):
        return _norm(lab.get("sentence", ""))
    s = int(lab["start"])
    return " ".join(text[max(0, s - 120) : s + 120].split())


def score_sentences(table: pd.DataFrame) -> tuple[dict, pd.DataFrame]:
    """Score :func:`figures_in_sentence` on a table of labelled single sentences.

    ``table`` has one row per expected figure: ``sentence, published`` and the fields;
    a figure is matched on its sentence, count and status.
    """
    found, wanted = sentence_figures(table)
    return score(found, wanted)


def sentence_figures(table: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The figures found in a labelled sentence table and the labels, both keyed by
    ``doc_id`` (the sentence itself)."""
    from conflictnews.casualties import figures_in_sentence

    found = []
    for sentence, group in table.groupby("sentence", sort=False):
        for f in figures_in_sentence(sentence, pd.Timestamp(group["published"].iloc[0])):
            found.append({**f, "doc_id": sentence, "sentence": sentence})
    wanted = table.rename(columns={"sentence": "doc_id"}).assign(
        sentence=table["sentence"])
    columns = ["doc_id", "count", "status", "sentence", *FIELDS, "claimed_by"]
    frame = pd.DataFrame(found)
    return (frame if len(frame) else pd.DataFrame(columns=columns)), wanted


# --------------------------------------------------------------------------- real set

@dataclass
class RealSet:
    """The real-article set: one row per article with text (``articles``, with ``set``),
    its labels (``labels``, with ``set``), and notes on what was skipped."""

    articles: pd.DataFrame
    labels: pd.DataFrame
    notes: list[str]


def load_real_set(folder: str | os.PathLike) -> RealSet:
    """Read ``articles-*.csv`` + ``labels-*.jsonl`` and the texts in ``texts/``.

    The corpus is built with the package's table reader, so it is read as a user's
    corpus would be (outlet, published date and URL from the listed row); ``doc_id``
    is the article's ``id``. Articles whose text is missing are skipped with a note,
    and so are their labels.
    """
    from conflictnews.corpus import load_corpus

    folder = Path(folder)
    notes: list[str] = []
    rows = []
    for path in sorted(folder.glob("articles-*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            rows += [dict(r, _file=path.name) for r in csv.DictReader(fh)]
    labels = []
    for path in sorted(folder.glob("labels-*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                try:
                    labels.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    notes.append(f"{path.name}:{n}: not JSON ({exc.msg}); line skipped")
    present = []
    missing = 0
    for r in rows:
        text_path = folder / "texts" / f"{r['id']}.txt"
        if text_path.exists():
            present.append({**r, "text": text_path.read_text(encoding="utf-8")})
        else:
            missing += 1
    if missing:
        notes.append(f"{missing} of {len(rows)} listed articles have no text in "
                     f"{folder / 'texts'} and are skipped (re-collect: {folder / 'README.md'})")
    if present:
        with tempfile.TemporaryDirectory() as tmp:
            table = Path(tmp) / "real.jsonl"
            table.write_text("".join(json.dumps(
                {k: r[k] for k in ("text", "published", "outlet", "url")}) + "\n"
                for r in present), encoding="utf-8")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                articles = load_corpus(table, None)
        ids = [r["id"] for r in present]
        articles = articles.assign(doc_id=[ids[p] for p in articles["position"]],
                                   set=[present[p]["set"] for p in articles["position"]])
    else:
        from conflictnews.corpus import empty_articles

        articles = empty_articles().assign(set=pd.Series(dtype="object"))
    sets = dict(zip(articles["doc_id"], articles["set"], strict=True))
    frame = pd.DataFrame(labels)
    if len(frame):
        frame = frame.rename(columns={"id": "doc_id", "range_max": "count_high"})
        frame = frame[frame["doc_id"].isin(sets)].reset_index(drop=True)
        frame["set"] = frame["doc_id"].map(sets)
    return RealSet(articles.reset_index(drop=True), frame, notes)
