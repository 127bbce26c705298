"""Do two versions of the rules give the same tables? Every column of every row compared.

    .venv/bin/python benchmarks/same_output.py                 # this checkout vs main
    .venv/bin/python benchmarks/same_output.py --ref d11af7f   # vs any git revision
    .venv/bin/python benchmarks/same_output.py --ref-dir /tmp/old   # vs a checkout

Made for speed work, where the output must not change by a single character. The inputs
are read once, by this checkout's loader, and handed to both versions, each in a fresh
process importing its own ``src/`` with its own ``data/`` (the revision's ``src`` and
``data`` are exported with ``git archive``): the seed corpus with its metadata, the
real-article ``dev`` set present in ``benchmarks/real/texts/`` (never the ``check`` set)
and N generated articles (``make_corpus.py``, under ``build/bench``). Each version builds
the per-article tables an extract writes (``casualties``, ``mentions``, ``speakers``);
they must be equal frame for frame (values, dtypes, order). Prints one line per corpus
and table, and the first differing rows of any that differ; exits 1 if any do.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("casualties", "mentions", "speakers")

#: Run in a fresh process with the version's src/ first on the path and its root as the
#: working folder (so "data/..." defaults are that version's files).
RUN = r"""
import pickle, sys, time, warnings
warnings.simplefilter("ignore")
import conflictnews
from conflictnews.extract import part_tables
with open(sys.argv[1], "rb") as fh:
    corpora = pickle.load(fh)
out, seconds = {}, {}
for name, articles in corpora.items():
    start = time.process_time()
    tables = part_tables(articles)
    seconds[name] = time.process_time() - start
    out[name] = {k: tables[k] for k in sys.argv[3].split(",")}
with open(sys.argv[2], "wb") as fh:
    pickle.dump({"tables": out, "seconds": seconds, "module": conflictnews.__file__}, fh)
"""


def load_inputs(n: int) -> dict[str, pd.DataFrame]:
    """The corpora both versions read: seeds, real dev articles, ``n`` generated ones."""
    from conflictnews.accuracy import load_real_set
    from conflictnews.corpus import load_corpus

    corpus = ROOT / "build" / "bench" / f"corpus-{n}"
    if not corpus.exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"),
                        str(n), str(corpus)], check=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        inputs = {"seeds": load_corpus(ROOT / "seeds", ROOT / "data" / "metadata.csv")}
        real = load_real_set(ROOT / "benchmarks" / "real").articles
        if not real.empty:
            inputs["real dev"] = real[real["set"] == "dev"].reset_index(drop=True)
        inputs[f"generated {n:,}"] = load_corpus(corpus, None)
    for frame in inputs.values():
        frame.attrs.clear()  # problems: objects of this checkout's classes
    return inputs


def export(rev: str, into: Path) -> Path:
    """``src/`` and ``data/`` of git revision ``rev``, written under ``into``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src", "data"],
                             check=True, capture_output=True).stdout
    into.mkdir(parents=True, exist_ok=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def run(root: Path, inputs: Path, tables: tuple[str, ...], tmp: Path) -> dict:
    """The tables one version (``root``: a folder holding its ``src`` and ``data``) builds."""
    out = tmp / f"out-{abs(hash(str(root)))}.pickle"
    env = dict(os.environ, PYTHONPATH=str(root / "src"))
    subprocess.run([sys.executable, "-c", RUN, str(inputs), str(out), ",".join(tables)],
                   check=True, env=env, cwd=root)
    with out.open("rb") as fh:
        return pickle.load(fh)


def differences(ref: pd.DataFrame, new: pd.DataFrame, show: int = 5) -> list[str]:
    """What differs between two tables, in words; empty when they are equal."""
    try:
        pd.testing.assert_frame_equal(ref, new, check_exact=True)
        return []
    except AssertionError as exc:
        lines = [str(exc).splitlines()[0]]
    if list(ref.columns) != list(new.columns) or len(ref) != len(new):
        lines.append(f"shape {ref.shape} -> {new.shape}; columns equal: "
                     f"{list(ref.columns) == list(new.columns)}")
        return lines
    for col in ref.columns:
        a, b = ref[col].astype(object), new[col].astype(object)
        differ = ~((a == b) | (a.isna() & b.isna()))
        for i in differ[differ].index[:show]:
            lines.append(f"  row {i} {col}: {a[i]!r} -> {b[i]!r}")
        if differ.sum() > show:
            lines.append(f"  ... {int(differ.sum())} rows differ in {col}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--ref", default="main", help="git revision to compare with")
    where.add_argument("--ref-dir", type=Path, help="a checkout (with src/, data/) instead")
    parser.add_argument("--new-dir", type=Path, default=ROOT,
                        help="the version under test (default: this checkout)")
    parser.add_argument("--n", type=int, default=2000, help="generated articles")
    parser.add_argument("--tables", default=",".join(TABLES), help="tables to compare")
    args = parser.parse_args()
    tables = tuple(args.tables.split(","))
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        ref_root = args.ref_dir or export(args.ref, tmp / "ref")
        inputs = tmp / "inputs.pickle"
        corpora = load_inputs(args.n)
        with inputs.open("wb") as fh:
            pickle.dump(corpora, fh)
        started = time.time()
        ref = run(Path(ref_root).resolve(), inputs, tables, tmp)
        new = run(args.new_dir.resolve(), inputs, tables, tmp)
    print(f"reference {ref['module']}\nunder test {new['module']}")
    failed = False
    for corpus, frames in ref["tables"].items():
        rows = ", ".join(f"{t} {len(frames[t]):,}" for t in tables)
        print(f"== {corpus}: {len(corpora[corpus]):,} articles ({rows}); CPU s "
              f"{ref['seconds'][corpus]:.2f} -> {new['seconds'][corpus]:.2f}")
        for table in tables:
            diff = differences(frames[table], new["tables"][corpus][table])
            failed |= bool(diff)
            print(f"   {table:<11} {'same' if not diff else 'DIFFERENT'}")
            for line in diff:
                print(f"     {line}")
    print(f"{'DIFFERENT' if failed else 'same output'} ({time.time() - started:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
