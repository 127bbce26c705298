"""Time the four reports on generated corpora of 10^3 / 10^4 / 10^5 dated articles.

    .venv/bin/python benchmarks/reports.py --sizes 1000 10000 --jobs 2

Each corpus is a Parquet table (title, text, date, source) of articles made as
``benchmarks/make_corpus.py`` makes them, dated over the 2020 war (27 Sept – 10 Nov
2020) and spread over 40 outlets of ``data/outlets.csv``. For each size it runs
``conflictnews reports --corpus FILE --jobs N`` with a cold extract cache and prints the
extract time, each report's time, the wall time, the peak memory (the largest process,
and the whole process tree summed, sampled every 0.2 s) and the HTML sizes; then re-runs
notebooks 02 and 03 with one parameter changed on the cached extract (papermill, one
notebook each: the interactive case; 02 also with a date filter), with the kernel's
peak memory. ``--seeds`` first times the seed report set (``make reports``) the same
way; ``--reruns-only`` times only the re-runs, on the extracts a previous run cached
(for a quiet moment on a shared machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
WAR_START, WAR_DAYS = dt.date(2020, 9, 27), 45


def outlet_names(n: int = 40) -> list[str]:
    """The first ``n`` outlets of ``data/outlets.csv`` (so groups can be compared)."""
    import pandas as pd

    table = pd.read_csv(ROOT / "data" / "outlets.csv", comment="#", dtype=str)
    return table["outlet"].drop_duplicates().head(n).tolist()


def make_table_corpus(n: int, path: Path, seed: int = 0) -> Path:
    """``n`` generated articles as a Parquet table with dates and 40 outlets."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from make_corpus import article, seed_material

    if path.is_file():
        return path
    rng = random.Random(seed)
    sentences, headlines, people = seed_material()
    outlets = outlet_names()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with pq.ParquetWriter(tmp, pa.schema([("title", pa.string()), ("text", pa.string()),
                                          ("date", pa.string()), ("source", pa.string())])
                          ) as writer:
        for start in range(0, n, 200):  # one row group per extract batch
            rows = {"title": [], "text": [], "date": [], "source": []}
            for _ in range(min(200, n - start)):
                text = article(rng, sentences, headlines, people)
                head, body = text.split("\n\n", 1)
                rows["title"].append(head)
                rows["text"].append(body)
                rows["date"].append(str(WAR_START + dt.timedelta(days=rng.randrange(WAR_DAYS))))
                rows["source"].append(rng.choice(outlets))
            writer.write_table(pa.table(rows))
    tmp.replace(path)
    return path


class PeakMemory:
    """Peak RSS of a process tree: the largest process and the tree's sum (MB)."""

    def __init__(self, pid: int):
        import psutil

        self.root = psutil.Process(pid)
        self.largest = self.total = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
                rss = []
                for p in procs:
                    try:
                        rss.append(p.memory_info().rss / 2**20)
                    except psutil.Error:
                        continue
                if rss:
                    self.largest = max(self.largest, max(rss))
                    self.total = max(self.total, sum(rss))
            except psutil.Error:
                pass
            time.sleep(0.2)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_reports(args: list[str], out: Path) -> dict:
    """Run ``conflictnews reports ARGS --out OUT``; return wall time, memory, results."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "conflictnews", "reports", *args,
                             "--out", str(out)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(proc.pid)
    stdout, stderr = proc.communicate()
    memory.stop()
    wall = time.perf_counter() - started
    status = json.loads((out / "status.json").read_text()) if (out / "status.json").exists() \
        else {}
    return {"wall": wall, "largest": memory.largest, "total": memory.total, "status": status,
            "stdout": stdout, "stderr": stderr, "code": proc.returncode,
            "html": {p.stem: p.stat().st_size for p in out.glob("*.html")
                     if p.name != "index.html"}}


def rerun(notebook: str, parameters: dict, out: Path) -> tuple[float, float, float]:
    """Seconds, CPU seconds (papermill and its kernel: what the wall time would be on an
    idle machine, less the waits) and peak RSS (MB, the largest process: the kernel) of
    one papermill run of ``notebook`` (the interactive re-run)."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "papermill",
                             str(ROOT / "notebooks" / notebook), str(out),
                             "--cwd", str(ROOT / "notebooks"), "-k", "python3",
                             "--no-progress-bar", *[x for k, v in parameters.items() for x in
                                                    ("-y", json.dumps({k: v}))]],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = PeakMemory(proc.pid)
    _, stderr = proc.communicate()
    memory.stop()
    if proc.returncode:
        raise RuntimeError(f"{notebook}: {stderr[-2000:]}")
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, memory.largest


#: The interactive re-runs: one parameter changed (and a real date filter, which makes
#: notebook 02 compute its series from the selected figures).
RERUNS = (("02-casualties-over-time.ipynb", {"statuses": ["killed"]}),
          ("02-casualties-over-time.ipynb", {"start": "2020-10-01", "end": "2020-10-20"}),
          ("03-actor-mentions.ipynb", {"top_n": 10}))


def reruns(corpus: Path, extract_dir: str, work: Path, n: int) -> None:
    """Time :data:`RERUNS` on the cached extract of ``corpus``."""
    for i, (notebook, params) in enumerate(RERUNS):
        seconds, cpu, peak = rerun(notebook, {"corpus": str(corpus), "metadata": "",
                                              "extract_dir": extract_dir, **params},
                                   work / f"rerun-{n}-{i}-{notebook}")
        print(f"   re-run {notebook} with {params}: {seconds:.1f} s ({cpu:.1f} s CPU), "
              f"kernel peak RSS {peak:.0f} MB", flush=True)


def report(label: str, result: dict, extract_seconds: float | None) -> None:
    rows = result["status"]
    print(f"== {label}: wall {result['wall']:.1f} s, exit {result['code']}, peak RSS "
          f"{result['largest']:.0f} MB (largest process), {result['total']:.0f} MB (all)")
    if extract_seconds is not None:
        print(f"   extract {extract_seconds:.1f} s")
    for name, row in rows.items():
        size = result["html"].get(name, 0) / 1e6
        print(f"   {name:24s} {row['status']:6s} {row['seconds']:6.1f} s  HTML {size:5.2f} MB"
              + (f"  -- {row['error']}" if row["error"] else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench-reports")
    parser.add_argument("--seeds", action="store_true", help="time the seed report set too")
    parser.add_argument("--reruns-only", action="store_true",
                        help="only the re-runs of 02 and 03, on the extracts a previous run "
                        "left in build/cache")
    args = parser.parse_args()
    print(f"load before: {Path('/proc/loadavg').read_text().split()[:3]}")
    if args.reruns_only:
        for n in args.sizes:
            corpus = args.work / f"corpus-{n}.parquet"
            found = [m.parent for m in (ROOT / "build" / "cache").glob("*/manifest.json")
                     if json.loads(m.read_text()).get("source") == str(corpus)]
            if not found:
                print(f"no cached extract of {corpus}: run without --reruns-only first")
                continue
            print(f"== {n:,} articles, cached extract {found[0].name}")
            reruns(corpus, str(found[0]), args.work, n)
        print(f"load after: {Path('/proc/loadavg').read_text().split()[:3]}")
        return 0
    if args.seeds:
        shutil.rmtree(ROOT / "build" / "cache", ignore_errors=True)
        result = run_reports(["--config", "notebooks/reports.yml", "--jobs", str(args.jobs)],
                             args.work / "seeds-out")
        report("seed reports (make reports, cold cache)", result, None)
        result = run_reports(["--config", "notebooks/reports.yml", "--jobs", str(args.jobs)],
                             args.work / "seeds-out")
        report("seed reports again (warm cache)", result, None)
    for n in args.sizes:
        corpus = make_table_corpus(n, args.work / f"corpus-{n}.parquet")
        shutil.rmtree(ROOT / "build" / "cache", ignore_errors=True)
        result = run_reports(["--corpus", str(corpus), "--jobs", str(args.jobs)],
                             args.work / f"out-{n}")
        extract = next((ROOT / "build" / "cache").glob("*/manifest.json"), None)
        manifest = json.loads(extract.read_text()) if extract else {}
        report(f"{n:,} articles ({corpus.stat().st_size / 1e6:.0f} MB Parquet)", result,
               manifest.get("seconds"))
        if result["code"] != 0:
            print(result["stderr"][-2000:])
            continue
        reruns(corpus, str(extract.parent), args.work, n)
    print(f"load after: {Path('/proc/loadavg').read_text().split()[:3]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
