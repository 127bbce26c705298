"""Throughput and memory of the pipeline, measured on generated corpora, and the actor
matcher against two peers doing the same job on the same text.

    .venv/bin/python benchmarks/throughput.py                 # 2,000-article sample; 10^3, 10^4
    .venv/bin/python benchmarks/throughput.py --sizes 1000 10000 100000
    .venv/bin/python benchmarks/throughput.py --no-stages --sizes 1000000 --jobs 2

Prints MB/s and articles/s for: loading + splitting, casualty extraction, actor matching
and the whole ``extract`` (``--jobs 1`` and ``--jobs 2``), the start-up every extract
process pays (Python and the package's imports), peak RSS of ``extract`` per
corpus size, and the matcher against spaCy's PhraseMatcher on a blank English pipeline
(when spaCy is installed: ``pip install spacy==3.8.18``) and NLTK's Treebank tokenizer +
MWETokenizer + set lookup, with the mention counts compared. Nothing here is asserted:
these are measurements.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import subprocess
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "build" / "bench"
sys.path.insert(0, str(Path(__file__).parent))

from make_corpus import make_corpus  # noqa: E402


def corpus(n: int) -> Path:
    path = BENCH / f"c{n}"
    if not (path / "synthetic_000000.txt").exists():
        make_corpus(n, path)
    return path


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.glob("*.txt")) / 1e6


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def row(name: str, mb: float, articles: int, seconds: float) -> None:
    print(f"  {name:34s} {mb / seconds:7.2f} MB/s {articles / seconds:9.0f} articles/s "
          f"({seconds:.2f} s)")


def stages(n: int) -> None:
    from conflictnews.actor_list import load_actors
    from conflictnews.casualties import extract_casualties
    from conflictnews.corpus import read_corpus
    from conflictnews.mentions import find_mentions, matcher
    from conflictnews.sentences import _cached_spans

    path = corpus(n)
    mb = size_mb(path)
    print(f"\n== stages, on the same {n:,} generated articles ({mb:.1f} MB), one core")
    _cached_spans.cache_clear()
    loaded, s = timed(lambda: read_corpus(path, None))
    articles = loaded.articles
    row("loading + splitting (sentences)", mb, n, s)
    _, s = timed(lambda: extract_casualties(articles))
    row("casualty extraction", mb, n, s)
    actors = load_actors(ROOT / "data" / "actors.yml")
    m = matcher(actors)
    day = dt.date(2021, 1, 1)
    texts = articles["text"].tolist()
    _, s = timed(lambda: [m.find(t, day) for t in texts])
    row("actor matching (automaton)", mb, n, s)
    _, s = timed(lambda: [m.regex_hits(t) for t in texts])
    row("  the same, one combined regex", mb, n, s)
    _, s = timed(lambda: find_mentions(articles, actors))
    row("mention table (+ sentence index)", mb, n, s)
    word = re.compile(r"\w+")
    _, bare = timed(lambda: [word.findall(t) for t in texts])
    row("a bare regex scan (\\w+, findall)", mb, n, bare)
    # what every extract process pays before it reads a file (best of three)
    start_up = min(timed(lambda: subprocess.run(
        [sys.executable, "-c", "import conflictnews.cli, conflictnews.extract"],
        check=True))[1] for _ in range(3))
    print(f"  {'start-up (python, imports)':34s} {start_up:7.2f} s")
    for jobs in (1, 2):
        out = BENCH / f"x{n}-j{jobs}"
        # three runs: one run of a few seconds moves by ±5 % on a quiet machine
        runs = sorted(timed(lambda jobs=jobs, out=out: subprocess.run(
            [sys.executable, "-m", "conflictnews", "extract", str(path), "--metadata",
             "none", "--out", str(out), "--jobs", str(jobs)], check=True,
            capture_output=True))[1] for _ in range(3))
        row(f"whole extract, --jobs {jobs} (median of 3)", mb, n, runs[1])
        if jobs == 1:
            print(f"  (whole extract, --jobs 1: {runs[1] / bare:.1f}x the bare scan; "
                  f"runs {runs[0] / bare:.1f}x-{runs[2] / bare:.1f}x)")
    peers(texts, m, actors, mb, n)


def peers(texts: list[str], m, actors, mb: float, n: int) -> None:
    """Our matcher against spaCy PhraseMatcher and NLTK MWETokenizer on name aliases."""
    from nltk.tokenize import MWETokenizer, TreebankWordTokenizer

    names = {s: a.name for a in actors.actors for s in (*a.aliases, *a.demonyms, *a.capitals)}
    print(f"\n== actor matching against peers ({len(names)} surface forms; titles and "
          "blocked forms left out of the comparison)")
    day = dt.date(2021, 1, 1)
    ours = Counter()
    start = time.perf_counter()
    for t in texts:
        ours.update(a for _, _, a, via in m.find(t, day) if via in
                    ("name", "demonym", "capital"))
    s_ours = time.perf_counter() - start
    row("conflictnews (automaton)", mb, n, s_ours)

    treebank = TreebankWordTokenizer()
    split = {s: tuple(treebank.tokenize(s)) for s in names}
    mwe = MWETokenizer([k for k in split.values() if len(k) > 1], separator=" ")
    lookup = {" ".join(k): names[s] for s, k in split.items()}
    nltk_counts = Counter()
    start = time.perf_counter()
    for t in texts:
        for tok in mwe.tokenize(treebank.tokenize(t.replace("’", "'"))):
            actor = lookup.get(tok)
            if actor:
                nltk_counts[actor] += 1
    s_nltk = time.perf_counter() - start
    row("NLTK Treebank + MWETokenizer + set", mb, n, s_nltk)
    print(f"  conflictnews is {s_nltk / s_ours:.1f}x NLTK")
    compare("NLTK", ours, nltk_counts)
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
        from spacy.util import filter_spans
    except ImportError:
        print("  spaCy: not installed (pip install spacy==3.8.18 to compare)")
        return
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab)
    for s, actor in names.items():
        matcher.add(actor, [nlp.make_doc(s)])
    spacy_counts = Counter()
    start = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=64):
        # longest, non-overlapping: the same rule as ours
        for span in filter_spans(matcher(doc, as_spans=True)):
            spacy_counts[span.label_] += 1
    s_spacy = time.perf_counter() - start
    row("spaCy blank('en') + PhraseMatcher", mb, n, s_spacy)
    print(f"  conflictnews is {s_spacy / s_ours:.1f}x spaCy")
    compare("spaCy", ours, spacy_counts)


def compare(peer: str, ours: Counter, theirs: Counter) -> None:
    actors = sorted(set(ours) | set(theirs))
    same = [a for a in actors if ours[a] == theirs[a]]
    print(f"  mention counts equal to {peer}'s for {len(same)} of {len(actors)} actors; "
          "the others (ours − theirs), where tokenisation or overlap rules differ:")
    diffs = sorted(((ours[a] - theirs[a], a) for a in actors if ours[a] != theirs[a]),
                   key=lambda d: -abs(d[0]))
    for d, a in diffs[:8]:
        print(f"    {a:30s} {ours[a]:7d} {theirs[a]:7d}  ({d:+d})")


def memory(sizes: list[int], job_counts: list[int]) -> None:
    print("\n== peak memory of `conflictnews extract` (GNU time %M, largest process)")
    for n in sizes:
        path = corpus(n)
        times = {}
        for jobs in job_counts:
            out = BENCH / f"x{n}-j{jobs}"
            start = time.perf_counter()
            run = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m",
                                  "conflictnews", "extract", str(path), "--metadata", "none",
                                  "--out", str(out), "--jobs", str(jobs)],
                                 capture_output=True, text=True, check=True)
            seconds = time.perf_counter() - start
            peak = int(re.findall(r"^(\d+)$", run.stderr, re.MULTILINE)[-1]) / 1024
            mb = size_mb(path)
            times[jobs] = seconds
            print(f"  {n:>9,} articles {mb:8.1f} MB  --jobs {jobs}: {seconds:7.1f} s "
                  f"{mb / seconds:6.2f} MB/s ({mb / seconds / jobs:5.2f} per core) "
                  f"{n / seconds:7.0f} articles/s  peak RSS {peak:6.0f} MB")
        if {1, 2} <= set(times):
            print(f"  {'':>9}  --jobs 2 is {times[1] / times[2]:.2f}x --jobs 1; at this rate "
                  f"10^6 articles take {1e6 / n * times[2] / 60:.1f} min with --jobs 2")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=2000, help="articles for the stages")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2],
                        help="the --jobs values to run the whole extract with")
    parser.add_argument("--no-stages", action="store_true",
                        help="only the whole extract (for 10^6 articles: --jobs 2)")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if not args.no_stages:
        stages(args.sample)
    memory(args.sizes, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
