"""Casualty extraction accuracy on every labelled set present: precision, recall and F1
for (count, status), and the accuracy of every other field on the matched figures
(scoring as in LABELLING.md: see ``conflictnews.accuracy``).

Sets: the seed corpus (tests/data/casualty_labels.csv), the sentences written in other
outlets' styles (tests/data/casualty_sentences.csv), the non-casualty sentences, and the
real-article set (benchmarks/real: ``dev`` and ``check`` scored apart; skipped with a note
when its texts are missing).

    .venv/bin/python benchmarks/accuracy.py
    .venv/bin/python benchmarks/accuracy.py --misses            # every error, by article
    .venv/bin/python benchmarks/accuracy.py --misses --set dev  # only the dev articles
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import pandas as pd

from conflictnews.accuracy import load_real_set, misses, score, sentence_figures
from conflictnews.casualties import extract_casualties, figures_in_sentence
from conflictnews.corpus import load_corpus

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
REAL = ROOT / "benchmarks" / "real"


def report(name: str, prf: dict, fields: pd.DataFrame) -> None:
    print(f"\n== {name}")
    print(f"(count, status): precision {prf['precision']:.3f}  recall {prf['recall']:.3f}  "
          f"F1 {prf['f1']:.3f}   (tp {prf['tp']}, fp {prf['fp']}, fn {prf['fn']})")
    for r in fields.itertuples(index=False):
        print(f"  {r.field:15s} {r.accuracy:6.3f}  ({r.correct}/{r.total})")


def show_misses(found: pd.DataFrame, labels: pd.DataFrame, texts: dict[str, str]) -> None:
    table = misses(found, labels, texts)
    for doc, rows in table.groupby("doc_id", sort=False):
        print(f"\n  -- {doc}")
        for r in rows.itertuples(index=False):
            print(f"    {r.kind:6s} {r.count:>7} {r.status:9s} {r.detail}")
            print(f"           | {' '.join(str(r.sentence).split())[:300]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true",
                        help="print, per article, unmatched labels, false positives and "
                             "matched figures whose fields differ, with the sentence")
    parser.add_argument("--set", default=None,
                        help="only this set: seeds, sentences, dev or check")
    args = parser.parse_args()
    wanted = (lambda name: args.set in (None, name))  # noqa: E731

    if wanted("seeds"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            articles = load_corpus(ROOT / "seeds", ROOT / "data" / "metadata.csv")
        labels = pd.read_csv(DATA / "casualty_labels.csv", dtype={"count_high": "Int64"})
        found = extract_casualties(articles)
        report(f"seed corpus: {len(articles)} articles, {len(labels)} labelled figures",
               *score(found, labels))
        if args.misses:
            show_misses(found, labels, dict(zip(articles.doc_id, articles.text, strict=True)))

    if wanted("sentences"):
        table = pd.read_csv(DATA / "casualty_sentences.csv", dtype={"count_high": "Int64"})
        found, labels = sentence_figures(table)
        report(f"own-words sentences in other outlets' styles: {table['sentence'].nunique()} "
               f"sentences, {len(table)} labelled figures", *score(found, labels))
        if args.misses:
            show_misses(found, labels, {})
        negatives = (DATA / "casualty_negatives.txt").read_text().splitlines()
        false = sum(len(figures_in_sentence(s, pd.Timestamp("2020-10-16"))) for s in negatives)
        print(f"\n== non-casualty sentences: {len(negatives)}, figures wrongly reported: {false}")

    if any(wanted(s) for s in ("dev", "check")):
        real = load_real_set(REAL)
        for note in real.notes:
            print(f"\nnote: {note}")
        if real.articles.empty or real.labels.empty:
            print("\n== real-article set: no articles with texts and labels; skipped")
            return 0
        found = extract_casualties(real.articles)
        sets = dict(zip(real.articles.doc_id, real.articles.set, strict=True))
        found["set"] = found["doc_id"].map(sets)
        texts = dict(zip(real.articles.doc_id, real.articles.text, strict=True))
        for name in ("dev", "check"):
            if not wanted(name):
                continue
            arts = real.articles[real.articles.set == name]
            labels = real.labels[real.labels.set == name]
            if arts.empty:
                print(f"\n== real articles, {name}: none")
                continue
            report(f"real articles, {name}: {len(arts)} articles, {len(labels)} labelled "
                   f"figures", *score(found[found.set == name], labels))
            if args.misses:
                show_misses(found[found.set == name], labels, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
