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
they must be equal frame for frame (values, dtypes, order), and so must each version's
``sentences_table`` of the same articles (the splitter's spans and sentences).

With ``--extract``, each version also runs the whole ``conflictnews extract`` command
itself (its own reader, splitter and writers) on the seeds (with ``data/metadata.csv``),
the real ``dev`` texts and the generated corpus, and the two output folders are compared
file by file: every Parquet table (parts read in order) frame for frame, with the pandas
schema metadata; every CSV byte for byte; ``manifest.json`` without its timings and the
rules' hash (which differ by design). Prints one line per corpus and table, and the first
differing rows of any that differ; exits 1 if any do.
"""

from __future__ import annotations

import argparse
import json
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
TABLES = ("casualties", "mentions", "speakers", "sentences")

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
    if "sentences" in sys.argv[3].split(","):
        from conflictnews.sentences import sentences_table
        tables = {**tables, "sentences": sentences_table(articles)}
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


def dev_corpus(into: Path) -> Path | None:
    """A folder of links to the real ``dev`` texts present (never the ``check`` set)."""
    import csv

    real = ROOT / "benchmarks" / "real"
    ids = []
    for path in sorted(real.glob("articles-*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            ids += [r["id"] for r in csv.DictReader(fh) if r.get("set", "dev") == "dev"]
    texts = [real / "texts" / f"{i}.txt" for i in ids]
    texts = [t for t in texts if t.exists()]
    if not texts:
        return None
    into.mkdir(parents=True, exist_ok=True)
    for t in texts:
        (into / t.name).symlink_to(t)
    return into


def extract_with(root: Path, corpus: Path, metadata: Path | None, out: Path) -> None:
    """``conflictnews extract`` of one version (``root``: its ``src`` and ``data``)."""
    env = dict(os.environ, PYTHONPATH=str(root / "src"))
    subprocess.run([sys.executable, "-m", "conflictnews", "extract", str(corpus),
                    "--metadata", str(metadata) if metadata else "none", "--out", str(out)],
                   check=True, env=env, cwd=root, capture_output=True)


#: Manifest entries that differ between versions by design (timings, the rules' hash).
VOLATILE = {("seconds",), ("copies", "worker_seconds"), ("copies", "main_seconds"),
            ("fingerprint", "rules")}


def _manifest(path: Path) -> dict:
    manifest = json.loads(path.read_text())
    for keys in VOLATILE:
        where = manifest
        for k in keys[:-1]:
            where = where.get(k, {})
        where.pop(keys[-1], None)
    return manifest


def folder_differences(ref: Path, new: Path) -> dict[str, list[str]]:
    """What differs between two extract folders, by table or file name."""
    import pyarrow.parquet as pq

    names = sorted({p.relative_to(ref).as_posix() for p in ref.rglob("*") if p.is_file()}
                   | {p.relative_to(new).as_posix() for p in new.rglob("*") if p.is_file()})
    tables = sorted({n.split("/")[0] for n in names if "/part-" in n})
    out: dict[str, list[str]] = {}
    for table in tables:
        frames = []
        for root in (ref, new):
            parts = sorted((root / table).glob("part-*.parquet"))
            frames.append(pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
                          if parts else pd.DataFrame())
        diff = differences(*frames)
        a_parts = [p.name for p in sorted((ref / table).glob("part-*.parquet"))]
        b_parts = [p.name for p in sorted((new / table).glob("part-*.parquet"))]
        if a_parts != b_parts:
            diff.append(f"parts {a_parts} -> {b_parts}")
        for a in sorted(set(a_parts) & set(b_parts)):
            meta = [pq.read_schema(root / table / a).metadata for root in (ref, new)]
            if meta[0] != meta[1]:
                diff.append(f"{table}/{a}: schema metadata differs")
        out[f"{table}/"] = diff
    for name in names:
        if "/part-" in name:
            continue
        a, b = ref / name, new / name
        if not (a.exists() and b.exists()):
            out[name] = [f"only in {'reference' if a.exists() else 'version under test'}"]
        elif name == "manifest.json":
            ma, mb = _manifest(a), _manifest(b)
            out[name] = [] if ma == mb else [f"{ma} -> {mb}"]
        elif name.endswith(".parquet"):
            diff = differences(pd.read_parquet(a), pd.read_parquet(b))
            if pq.read_schema(a).metadata != pq.read_schema(b).metadata:
                diff.append("schema metadata differs")
            out[name] = diff
        else:
            out[name] = [] if a.read_bytes() == b.read_bytes() else ["bytes differ"]
    return out


def compare_extracts(ref_root: Path, new_root: Path, n: int, tmp: Path) -> bool:
    """Run both versions' ``extract`` on the seeds, real dev texts and ``n`` generated
    articles; print what differs; True when anything does."""
    corpora = {"seeds": (ROOT / "seeds", ROOT / "data" / "metadata.csv"),
               f"generated {n:,}": (ROOT / "build" / "bench" / f"corpus-{n}", None)}
    dev = dev_corpus(tmp / "dev-texts")
    if dev is not None:
        corpora["real dev"] = (dev, None)
    failed = False
    for name, (corpus, metadata) in corpora.items():
        folders = []
        for label, root in (("ref", ref_root), ("new", new_root)):
            out = tmp / f"extract-{label}-{name.split()[0]}"
            extract_with(root, corpus, metadata, out)
            folders.append(out)
        diffs = folder_differences(*folders)
        bad = {k: v for k, v in diffs.items() if v}
        failed |= bool(bad)
        print(f"== extract of {name}: {len(diffs)} tables and files, "
              f"{'all the same' if not bad else f'{len(bad)} DIFFERENT'}")
        for key, lines in bad.items():
            print(f"   {key}: DIFFERENT")
            for line in lines[:8]:
                print(f"     {line}")
    return failed


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
    parser.add_argument("--extract", action="store_true",
                        help="also compare the folders the whole extract command writes")
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
        extract_failed = args.extract and compare_extracts(
            Path(ref_root).resolve(), args.new_dir.resolve(), args.n, tmp)
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
    failed |= extract_failed
    print(f"{'DIFFERENT' if failed else 'same output'} ({time.time() - started:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
