"""CPU time of ``extract_casualties`` on N generated articles, caches cold.

    .venv/bin/python benchmarks/casualty_cpu.py --n 2000 --runs 3
    .venv/bin/python benchmarks/casualty_cpu.py --src /tmp/old/src   # other code, same venv
    .venv/bin/python benchmarks/casualty_cpu.py --instructions       # valgrind: load-proof

Each run is a fresh process that first reads the seed corpus (so every lazy set-up is
done and no cache holds the generated articles), then times one ``extract_casualties``
call on the generated corpus with ``time.process_time``. Prints each run and the best.
The corpus is made by ``make_corpus.py`` (same N, same bytes) under ``build/bench``.

``--instructions`` counts instead the instructions ``extract_casualties`` runs (valgrind's
cachegrind: a run minus the same run stopped before the timed call), which the load of a
shared machine does not move; about 25 times slower. An interpreter instruction costs
more time than one of the regex engine, so compare versions by time where the machine
allows and by instructions where it does not.
"""

from __future__ import annotations

import argparse
import os
import re
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

#: The same, for counting instructions: the timed call runs only when the last argument
#: is "1".
RUN_COUNTED = RUN.replace("start = time.process_time()\n", "if sys.argv[4] == '1':\n    ") \
    .replace("print(time.process_time() - start)\n", "")


def instructions(env: dict, corpus: Path) -> int:
    """Instructions of one ``extract_casualties`` call on ``corpus`` (cachegrind)."""
    counts = []
    for flag in ("0", "1"):
        run = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                              "--cachegrind-out-file=/dev/null", sys.executable, "-c",
                              RUN_COUNTED, str(ROOT / "seeds"),
                              str(ROOT / "data" / "metadata.csv"), str(corpus), flag],
                             capture_output=True, text=True, check=True, env=env, cwd=ROOT)
        counts.append(int(re.search(r"I\s+refs:\s+([\d,]+)", run.stderr).group(1)
                          .replace(",", "")))
    return counts[1] - counts[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="generated articles")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes")
    parser.add_argument("--src", type=Path, default=None,
                        help="a src/ folder to import conflictnews from (default: installed)")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions with valgrind instead of timing")
    args = parser.parse_args()
    corpus = ROOT / "build" / "bench" / f"corpus-{args.n}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"),
                        str(args.n), str(corpus)], check=True)
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    if args.instructions:
        count = instructions(env, corpus)
        print(f"{args.src or 'installed code'}: {args.n:,} articles, "
              f"{count / 1e9:.3f} G instructions in extract_casualties")
        return
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
