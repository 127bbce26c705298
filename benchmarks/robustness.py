"""Robustness run: hostile text and broken files through every stage, counted.

    .venv/bin/python benchmarks/robustness.py            # full run
    .venv/bin/python benchmarks/robustness.py --small    # the form tests/test_robustness.py runs

Prints one table (inputs tried per category, crashes, hangs, rows lost) and closes with
"N passed, M failed" where each category is one check. A crash is any exception; a hang
is a call slower than its bound (generous: 10 s + 60 s per MB of input); rows lost are
good articles missing from a corpus that also holds bad files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Category:
    name: str
    tried: int = 0
    crashes: int = 0
    hangs: int = 0
    lost: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.crashes or self.hangs or self.lost)


def hostile_texts(rng: random.Random, n: int, big: bool) -> list[str]:
    """Texts built to break parsers: control and RTL characters, endless lines, digits,
    repeated triggers, quote soup, lone surrogates."""
    alphabet = ("abc XYZ .,;:!?—–-'’\"“”()[]{}<>&$%#@*/\\\n\t\r\x00\x0b\x1b\u200b\u200e\u202e"
                "\ufeff\u0301é漢字العربية Киев 0123456789")
    words = ["killed", "wounded", "Putin", "U.S.", "Sept.", "No.", "1,177", "more than",
             "the death toll", "said", "“", "”", "(Reuters)", "By", "\n\n", "Azeri-Armenian"]
    texts = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            texts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3000))))
        elif kind == 1:
            texts.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 2000))))
        elif kind == 2:
            texts.append("".join(chr(rng.randint(1, 0x2FFFF)) for _ in range(500))
                         .encode("utf-8", "replace").decode("utf-8", "replace"))
        elif kind == 3:
            texts.append("\ud800 killed \udfff " * rng.randint(1, 50))
        elif kind == 4:
            texts.append("“" * 200 + "killed. " * 300 + "”" * 200)
        else:
            texts.append(rng.choice(["0", "9", "1,"]) * rng.randint(100, 10_000))
    if big:
        texts += ["word " * 200_000, "killed " * 150_000, "7" * 10_000,
                  "x" * 1_000_000, "5 killed, " * 100_000, " " * 1_000_000 + "All rights"]
    return texts


def bound(text: str) -> float:
    return 10.0 + 60.0 * len(text) / 1e6


def check_functions(cat: Category, texts: list[str]) -> None:
    """Splitter, casualty extractor, actor matcher, quote finder on raw strings."""
    import pandas as pd

    from conflictnews.casualties import FIGURE_COLUMNS, extract_casualties, figures_in_sentence
    from conflictnews.mentions import MENTION_COLUMNS, find_mentions, matcher
    from conflictnews.patterns import replace_surrogates
    from conflictnews.quotes import quoted_speakers
    from conflictnews.sentences import sentence_spans

    actors = str(ROOT / "data" / "actors.yml")
    m = matcher(actors)
    for i, raw in enumerate(texts):
        cat.tried += 1
        # tables hold valid Unicode (the loader turns lone surrogates into U+FFFD);
        # the string-level functions get the raw text, surrogates and all
        text = replace_surrogates(raw)
        articles = pd.DataFrame({
            "doc_id": [f"t{i}"], "source_file": ["t.txt"], "position": [0],
            "published": [pd.Timestamp("2020-10-12")], "outlet": ["x"], "text": [text],
            "caption": [""], "n_words": [len(text.split())]})
        start = time.perf_counter()
        try:
            spans = sentence_spans(raw)
            assert all(0 <= a < b <= len(raw) for a, b in spans)
            m.find(raw, dt.date(2020, 10, 12))
            figures_in_sentence(raw[:5000])
            figures = extract_casualties(articles)
            assert list(figures.columns) == FIGURE_COLUMNS
            assert all(text[r.start:r.end] == r.surface for r in figures.itertuples())
            mentions = find_mentions(articles, actors)
            assert list(mentions.columns) == MENTION_COLUMNS
            quoted_speakers(articles, actors, mentions=mentions)
        except Exception as exc:  # counted, not raised
            cat.crashes += 1
            cat.examples.append(f"{type(exc).__name__}: {exc}"[:200])
        if time.perf_counter() - start > bound(text):
            cat.hangs += 1
            cat.examples.append(f"slow: {len(text):,} characters")


def bad_corpus(folder: Path, good: int, bad: int, rng: random.Random) -> None:
    """``good`` readable articles and ``bad`` broken files of every kind in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(good):
        (folder / f"good_{i:05d}.txt").write_text(
            f"Talks {i}\n\nBAKU (Reuters) – {i + 1} soldiers were killed, officials said.\n",
            encoding="utf-8")
    makers = [
        lambda p: p.write_bytes(bytes(rng.randrange(256) for _ in range(2000))),
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"   \n\n  "),
        lambda p: (p.with_suffix(".dir.txt")).mkdir(),
        lambda p: p.symlink_to(p),
        lambda p: p.symlink_to(p.parent / "nowhere.txt"),
        lambda p: p.with_suffix(".csv").write_text("title,body_text\nA,B\n"),
        lambda p: p.with_suffix(".jsonl").write_text('{"text": broken\n[1,2]\n'),
        lambda p: p.with_suffix(".parquet").write_bytes(b"PAR1 not really"),
    ]
    for i in range(bad):
        makers[i % len(makers)](folder / f"bad_{i:05d}.txt")


def check_bad_files(cat: Category, good: int, bad: int, rng: random.Random) -> None:
    from conflictnews.corpus import read_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        bad_corpus(folder, good, bad, rng)
        cat.tried += good + bad
        try:
            start = time.perf_counter()
            got = read_corpus(folder, None)
            if time.perf_counter() - start > 60:
                cat.hangs += 1
            cat.lost += good - len(got.articles)
            named = set(got.problems["file"])
            unnamed = bad - len([f for f in named if f.startswith("bad_")])
            if unnamed:
                cat.lost += unnamed
                cat.examples.append(f"{unnamed} bad files not reported")
        except Exception as exc:
            cat.crashes += 1
            cat.examples.append(f"{type(exc).__name__}: {exc}"[:200])


def check_tables(cat: Category, rng: random.Random, n: int) -> None:
    """CSV / JSONL files with broken rows, random columns, control characters."""
    from conflictnews.corpus import read_corpus

    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            cat.tried += 1
            good = rng.randint(1, 20)
            lines = []
            for j in range(good):
                lines.append(f'{{"text": "Report {j}: {j} civilians killed \\u202e\\ud800.", '
                             f'"date": "2020-10-{1 + j % 28:02d}"}}')
            for _ in range(rng.randint(0, 5)):
                lines.insert(rng.randint(0, len(lines)), rng.choice(
                    ['{"text": ', "[]", '{"title": "no text"}', "\x00\x01", '{"text": ""}']))
            path = Path(tmp) / f"t{i}.jsonl"
            path.write_text("\n".join(lines), encoding="utf-8")
            try:
                got = read_corpus(path, None)
                cat.lost += good - len(got.articles)
            except Exception as exc:
                cat.crashes += 1
                cat.examples.append(f"{type(exc).__name__}: {exc}"[:200])


def run(small: bool = False, seed: int = 0) -> list[Category]:
    """Run every category; ``small`` is the form the test suite runs (a few seconds)."""
    rng = random.Random(seed)
    warnings.simplefilter("ignore")
    text = Category("hostile text (splitter, casualties, actors, quotes)")
    check_functions(text, hostile_texts(rng, 30 if small else 600, big=not small))
    files = Category("bad files among good ones (loader)")
    check_bad_files(files, *((60, 18) if small else (950, 50)), rng)
    tables = Category("JSONL with broken rows (loader)")
    check_tables(tables, rng, 10 if small else 200)
    return [text, files, tables]


def report(categories: list[Category]) -> str:
    lines = [f"{'category':55s} {'tried':>7s} {'crashes':>8s} {'hangs':>6s} {'rows lost':>9s}"]
    for c in categories:
        lines.append(f"{c.name:55s} {c.tried:7d} {c.crashes:8d} {c.hangs:6d} {c.lost:9d}")
        lines += [f"    {e}" for e in c.examples[:5]]
    passed = sum(c.ok for c in categories)
    lines.append(f"{passed} passed, {len(categories) - passed} failed")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = dt.datetime.now()
    categories = run(args.small, args.seed)
    print(report(categories))
    print(f"({(dt.datetime.now() - started).total_seconds():.0f} s)", file=sys.stderr)
    return 0 if all(c.ok for c in categories) else 1


if __name__ == "__main__":
    sys.exit(main())
