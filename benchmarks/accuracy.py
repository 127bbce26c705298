"""Casualty extraction accuracy: precision, recall and F1 for (count, status), and the
accuracy of every other field, on the labelled seed corpus and on labelled sentences
written in other outlets' styles.

    .venv/bin/python benchmarks/accuracy.py
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pandas as pd

from conflictnews.accuracy import score, score_sentences
from conflictnews.casualties import extract_casualties
from conflictnews.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def report(name: str, prf: dict, fields: pd.DataFrame) -> None:
    print(f"\n== {name}")
    print(f"(count, status): precision {prf['precision']:.3f}  recall {prf['recall']:.3f}  "
          f"F1 {prf['f1']:.3f}   (tp {prf['tp']}, fp {prf['fp']}, fn {prf['fn']})")
    for r in fields.itertuples(index=False):
        print(f"  {r.field:15s} {r.accuracy:6.3f}  ({r.correct}/{r.total})")


def main() -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = load_corpus(ROOT / "seeds", ROOT / "data" / "metadata.csv")
    labels = pd.read_csv(DATA / "casualty_labels.csv", dtype={"count_high": "Int64"})
    found = extract_casualties(articles)
    report(f"seed corpus: {len(articles)} articles, {len(labels)} labelled figures",
           *score(found, labels))
    table = pd.read_csv(DATA / "casualty_sentences.csv", dtype={"count_high": "Int64"})
    report(f"other-outlet style sentences: {table['sentence'].nunique()} sentences, "
           f"{len(table)} labelled figures", *score_sentences(table))
    negatives = (DATA / "casualty_negatives.txt").read_text().splitlines()
    from conflictnews.casualties import figures_in_sentence

    false = sum(len(figures_in_sentence(s, pd.Timestamp("2020-10-16"))) for s in negatives)
    print(f"\n== non-casualty sentences: {len(negatives)}, figures wrongly reported: {false}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
