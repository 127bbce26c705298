"""CPU time of ``extract_casualties`` on N generated articles, caches cold.

    .venv/bin/python benchmarks/casualty_cpu.py --n 2000 --runs 3
    .venv/bin/python benchmarks/casualty_cpu.py --src /tmp/old/src   # other code, same venv

Each run is a fresh process that first reads the seed corpus (so every lazy set-up is
done and no cache holds the generated articles), then times one ``extract_casualties``
call on the generated corpus with ``time.process_time``. Prints each run and the best.
The corpus is made by ``make_corpus.py`` (same N, same bytes) under ``build/bench``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN = r"""
import sys, time, warnings
warnings.simplefilter("ignore")
from conflictnews.casualties import extract_casualties
from conflictnews.corpus import load_corpus
extract_casualties(load_corpus(sys.argv[1], sys.argv[2]))
articles = load_corpus(sys.argv[3])
start = time.process_time()
extract_casualties(articles)
print(time.process_time() - start)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="generated articles")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes")
    parser.add_argument("--src", type=Path, default=None,
                        help="a src/ folder to import conflictnews from (default: installed)")
    args = parser.parse_args()
    corpus = ROOT / "build" / "bench" / f"corpus-{args.n}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"),
                        str(args.n), str(corpus)], check=True)
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    times = []
    for _ in range(args.runs):
        run = subprocess.run([sys.executable, "-c", RUN, str(ROOT / "seeds"),
                              str(ROOT / "data" / "metadata.csv"), str(corpus)],
                             capture_output=True, text=True, check=True, env=env, cwd=ROOT)
        times.append(float(run.stdout.split()[-1]))
    print(f"{args.src or 'installed code'}: {args.n:,} articles, CPU s per run "
          f"{', '.join(f'{t:.3f}' for t in times)}; best {min(times):.3f}")


if __name__ == "__main__":
    main()
