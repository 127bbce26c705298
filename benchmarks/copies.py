"""What finding copies costs in `conflictnews extract`, and whether it finds them.

    .venv/bin/python benchmarks/copies.py --sizes 1000 10000 [100000] [--jobs 1]

For each size N: the generated corpus of ``make_corpus.py`` (reused from
``build/bench/corpus-N`` when there), plus one planted copy for every 100 articles (a
new headline, the last paragraph cut, a line of site boilerplate added) in
``build/bench/copies-N/``. One `extract` (``--jobs``) reports its whole time, the time
the workers spent on signatures, the time the main process spent on candidate pairs and
on writing ``duplicate_of`` into the article parts; the share of the whole is the cost.
It also says how many planted copies were found pointing at their original, and how many
other articles were taken for copies.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "build" / "bench"
EVERY = 100  # one planted copy per this many articles
BOILERPLATE = ("Follow our live coverage of the conflict and subscribe to the newsletter "
               "for a daily summary of the most important stories of the region.")


def corpus(n: int) -> Path:
    """The generated corpus of ``n`` articles with its planted copies (made once)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import make_corpus

    folder = BENCH / f"copies-{n}"
    if (folder / "planted.tsv").is_file():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    make_corpus(n, folder / "generated")
    plant(folder, n)
    return folder


def plant(folder: Path, n: int) -> None:
    """Write one copy per EVERY articles into ``folder/planted/`` and list them."""
    from conflictnews.corpus import read_text_file

    rng = random.Random(n)
    files = sorted((folder / "generated").glob("*.txt"))
    out = folder / "planted"
    out.mkdir()
    listed = []
    stories = []
    for path in files:
        records, _ = read_text_file(path, path.name)
        for record in records:
            if rng.random() < 1 / EVERY:
                original = f"generated/{path.stem}#{record['position']}"
                body = record["text"][len(record["headline"]):].strip().split("\n\n")
                body = body[:-1] if len(body) > 2 else body
                stories.append("\n\n".join([f"Re-run: {record['headline']}",
                                            *body, BOILERPLATE, "(Reporting by D. Desk)"]))
                listed.append((f"planted/copies#{len(stories) - 1}", original))
    (out / "copies.txt").write_text("\n\n".join(stories) + "\n", encoding="utf-8")
    (folder / "planted.tsv").write_text("".join(f"{c}\t{o}\n" for c, o in listed))


def measure(n: int, jobs: int) -> dict:
    """One extract of the corpus of size ``n``; the copy-finding times and results."""
    from conflictnews.extract import read_table, run_extract

    folder = corpus(n)
    out = BENCH / f"copies-extract-{n}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        manifest = run_extract(folder, out, None, jobs=jobs)
    articles = read_table(out, "articles", columns=["doc_id", "duplicate_of"])
    found = dict(zip(articles["doc_id"], articles["duplicate_of"], strict=True))
    planted = dict(line.split("\t") for line in
                   (folder / "planted.tsv").read_text().splitlines())
    hits = sum(found.get(c) == o for c, o in planted.items())
    others = sum(1 for d, o in found.items() if o and d not in planted)
    shutil.rmtree(out, ignore_errors=True)
    copies = manifest["copies"]
    return {"articles": manifest["rows"]["articles"], "seconds": manifest["seconds"],
            "worker": copies["worker_seconds"], "main": copies["main_seconds"],
            "planted": len(planted), "hits": hits, "others": others}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores)")
    print(f"{'articles':>9} {'extract s':>10} {'signatures s':>13} {'pairs+parts s':>14} "
          f"{'share':>6} {'planted found':>14} {'other copies':>13}")
    for n in args.sizes:
        r = measure(n, args.jobs)
        share = (r["worker"] + r["main"]) / r["seconds"]
        print(f"{r['articles']:>9,} {r['seconds']:>10.1f} {r['worker']:>13.2f} "
              f"{r['main']:>14.2f} {share:>6.1%} {r['hits']:>7,}/{r['planted']:<6,} "
              f"{r['others']:>13,}", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
