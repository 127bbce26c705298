"""CPU time of the text rules on generated articles: numbers, dates, decoding, casualties.

    .venv/bin/python benchmarks/text_rules.py [--articles 2000]

CPU time (``time.process_time``, best of three) rather than wall time, so that other
jobs on a busy machine weigh less. To compare two versions, run it with each version's
``src/`` first on ``PYTHONPATH`` (the package is looked up there before the installed
one). Nothing here is asserted: these are measurements.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from throughput import corpus


def best_of(fn, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    import conflictnews
    from conflictnews.casualties import extract_casualties
    from conflictnews.corpus import decode, load_corpus
    from conflictnews.numbers import find_numbers

    warnings.simplefilter("ignore")
    articles = load_corpus(corpus(args.articles), None)
    texts = articles["text"].tolist()
    mb = sum(map(len, texts)) / 1e6
    western = [t.encode("cp1252", errors="replace") for t in texts[:200]]
    western_mb = sum(map(len, western)) / 1e6
    print(f"{conflictnews.__file__}: {len(texts)} articles, {mb:.1f} MB")
    for name, size, fn in [
        ("find_numbers", mb, lambda: [find_numbers(t) for t in texts]),
        ("casualty extraction", mb, lambda: extract_casualties(articles)),
        ("decode (cp1252 bytes, 200 articles)", western_mb,
         lambda: [decode(b"\xe9" + b) for b in western]),
    ]:
        seconds = best_of(fn)
        print(f"  {name:38s} {size / seconds:7.2f} MB/s  ({seconds:.2f} s CPU)")


if __name__ == "__main__":
    main()
