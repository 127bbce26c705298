"""The ``extract`` job: a corpus in, a folder of tidy tables out, streamed.

Files are read, split and analysed batch by batch (a batch is a few hundred files, or
one Parquet row group), each batch writing one part of every per-article table::

    DIR/articles/part-00000.parquet   DIR/casualties/part-00000.parquet
    DIR/mentions/part-00000.parquet   DIR/speakers/part-00000.parquet

so memory does not grow with the corpus. Each batch also returns the points of its
casualty series (distinct values per claimant and date), merged as they come; the
corpus-wide tables (``casualty_series``, ``casualty_estimates``; when copies were found,
also ``*_without_copies.parquet``, the same tables without the copies' figures: what a
notebook's default selection shows), ``problems.csv`` and ``manifest.json`` are
written at the end, and one CSV per table when the corpus is small.
Batches run in ``jobs`` local worker processes or on a Dask cluster; parts are numbered
by batch, so the output is the same for any number of workers. The whole folder is
written beside ``DIR`` and swapped in when complete: an interrupted run leaves the
previous extract as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import pandas as pd

from conflictnews import __version__
from conflictnews.actor_list import DEFAULT_ACTORS, ActorList, load_actors
from conflictnews.casualties import extract_casualties
from conflictnews.copies import CopyIndex, Signatures, count_stories, rewrite_parts, signatures
from conflictnews.corpus import (  # read_table: one table of an extract folder
    TABLE_SUFFIXES,
    check_columns,
    corpus_files,
    read_batch,
    read_table,  # noqa: F401  (re-exported: conflictnews.extract.read_table)
)
from conflictnews.dates import check_order
from conflictnews.mentions import find_mentions
from conflictnews.metadata import metadata_problems, read_metadata
from conflictnews.outputs import locked, replacing_dir, write_atomic, write_table
from conflictnews.problems import CorpusError, Problem, problems_frame
from conflictnews.quotes import quoted_speakers
from conflictnews.series import (
    FIGURE_COLUMNS,
    SeriesPoints,
    casualty_estimates,
    casualty_series,
    merge_points,
    series_points,
)

#: Per-article tables, written in parts; corpus-wide tables, written once at the end.
PART_TABLES = ("articles", "casualties", "mentions", "speakers")
SUMMARY_TABLES = {"casualty_series": casualty_series,
                  "casualty_estimates": casualty_estimates}
#: A batch closes at this many files or bytes; CSVs are written up to CSV_LIMIT articles.
BATCH_FILES = 200
BATCH_BYTES = 1_000_000
CSV_LIMIT = 20_000
#: The series points of this many batches are merged at a time.
MERGE_EVERY = 64
#: Casualty figures are read in the first this-many characters of an article (~25,000
#: words, several times the longest news story): one hostile article of megabytes of
#: "killed 1" costs seconds, not minutes and gigabytes (each figure keeps its sentence).
MAX_CASUALTY_CHARS = 150_000


def part_tables(
    articles: pd.DataFrame, actors: ActorList | str | None = None, *, demonyms: bool = True
) -> dict[str, pd.DataFrame]:
    """The per-article tables of some articles (:data:`PART_TABLES`), by name."""
    mentions = find_mentions(articles, actors, demonyms=demonyms)
    return {
        "articles": articles,
        "casualties": extract_casualties(capped(articles)[0]),
        "mentions": mentions,
        "speakers": quoted_speakers(articles, actors, mentions=mentions),
    }


def capped(articles: pd.DataFrame, limit: int = MAX_CASUALTY_CHARS
           ) -> tuple[pd.DataFrame, list[Problem]]:
    """``articles`` with each text longer than ``limit`` cut at the last white space
    before it (for the casualty reader: spans stay valid, as the start is unchanged),
    and a note per article cut, naming it."""
    lengths = articles["text"].str.len() if len(articles) else pd.Series(dtype="int64")
    long = lengths > limit
    if not long.any():
        return articles, []
    texts = articles["text"].tolist()
    notes = []
    for i in long[long].index:
        text = texts[i]
        cut = text.rfind(" ", 0, limit)
        texts[i] = text[:cut if cut > 0 else limit]
        row = articles.loc[i]
        notes.append(Problem(str(row["source_file"]), None,
                             f"article {row['doc_id']} has {len(text):,} characters: casualty "
                             f"figures were read in its first {len(texts[i]):,} only",
                             "note"))
    return articles.assign(text=texts), notes


@dataclass(frozen=True)
class Batch:
    """Some corpus files (or one row group of a Parquet file) read and analysed together."""

    index: int
    files: tuple[tuple[str, str], ...]  # (path, name relative to the corpus)
    row_group: int | None = None


@dataclass
class Job:
    """What every batch needs: metadata, the actor list and the options."""

    metadata: pd.DataFrame | None
    metadata_path: str | None
    actors: ActorList
    demonyms: bool = True
    columns: dict[str, str] | None = None  # a table corpus's own column names
    dotted: str = "dmy"  # the order of dotted dates ("03.04.2021"): dmy or mdy


@dataclass
class BatchResult:
    """What a batch reports back (its tables are already on disk)."""

    index: int
    rows: dict[str, int]
    problems: list[Problem]
    keys: list[tuple[str, int]]  # (source_file, position): only with metadata to check
    bytes: int = 0
    points: SeriesPoints | None = None  # of its casualty figures, for the series
    copies: Signatures | None = None  # MinHash signatures of its articles (copies.py)


def plan_batches(files: list[tuple[Path, str]], batch_files: int = BATCH_FILES) -> list[Batch]:
    """Group the corpus files into batches, in file order (a Parquet table: by row group)."""
    batches: list[Batch] = []
    group: list[tuple[str, str]] = []
    size = 0

    def flush() -> None:
        nonlocal size
        if group:
            batches.append(Batch(len(batches), tuple(group)))
            group.clear()
        size = 0

    for path, rel in files:
        if path.suffix.lower() == ".parquet":
            flush()
            import pyarrow.parquet as pq

            try:
                groups = pq.ParquetFile(path).num_row_groups
            except Exception:  # unreadable: the batch reports it
                groups = 1
            batches.extend(Batch(len(batches) + g, ((str(path), rel),), g)
                           for g in range(max(groups, 1)))
        elif path.suffix.lower() in TABLE_SUFFIXES:
            flush()
            batches.append(Batch(len(batches), ((str(path), rel),)))
        else:
            group.append((str(path), rel))
            with contextlib.suppress(OSError):  # the batch reports the file
                size += path.stat().st_size
            if len(group) >= batch_files or size >= BATCH_BYTES:
                flush()
    flush()
    return batches


def _read(batch: Batch, job: Job) -> tuple[pd.DataFrame, list[Problem]]:
    if batch.row_group is None:
        files = [(Path(p), rel) for p, rel in batch.files]
        return read_batch(files, job.metadata, job.metadata_path, job.columns,
                          dotted=job.dotted)
    from conflictnews.corpus import read_parquet_row_group

    (path, rel), = batch.files
    return read_parquet_row_group(Path(path), rel, batch.row_group, job.metadata,
                                  job.metadata_path, job.columns, dotted=job.dotted)


def run_batch(batch: Batch, job: Job, out: str) -> BatchResult:
    """Read, analyse and write one batch's parts into ``out``; return its summary."""
    articles, problems = _read(batch, job)
    tables = part_tables(articles, job.actors, demonyms=job.demonyms)
    problems = [*problems, *capped(articles)[1]]
    rows = {}
    for name in PART_TABLES:
        folder = Path(out) / name
        folder.mkdir(parents=True, exist_ok=True)
        write_table(tables[name], folder / f"part-{batch.index:05d}.parquet")
        rows[name] = len(tables[name])
    keys = [] if job.metadata is None else list(zip(
        articles["source_file"].tolist(), articles["position"].tolist(), strict=True))
    size = int(articles["text"].str.len().sum()) if len(articles) else 0
    return BatchResult(batch.index, rows, problems, keys, size,
                       series_points(tables["casualties"]), signatures(articles, batch.index))


def _local(batches: list[Batch], job: Job, out: str, jobs: int) -> Iterator[BatchResult]:
    """Run batches in ``jobs`` worker processes, at most ``2 * jobs`` in flight, in order."""
    if jobs <= 1:
        for batch in batches:
            yield run_batch(batch, job, out)
        return
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        pending: list[Future] = []
        for batch in batches:
            pending.append(pool.submit(run_batch, batch, job, out))
            if len(pending) >= 2 * jobs:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def _dask(batches: list[Batch], job: Job, out: str, jobs: int,
          scheduler: str | None) -> Iterator[BatchResult]:
    """Run batches on a Dask cluster (``scheduler`` address) or a LocalCluster of
    ``jobs`` worker processes; ``dask.bag`` keeps the batch order."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        bag = db.from_sequence(batches, npartitions=max(len(batches), 1))
        yield from bag.map(run_batch, job=job, out=out).compute(scheduler=client.get)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


#: What the rules are made of: the package's own files (its .py sources and data) and the
#: rule data beside the repository's actor list (``data/*.yml``), read from any folder.
PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR.parents[1] / "data"


def rules_digest(package_dir: Path | None = None, data_dir: Path | None = None) -> str:
    """A hash of every file the rules are made of (see :data:`PACKAGE_DIR` and
    :data:`DATA_DIR`): a change to any casualty, date or number rule changes it, not
    only a new ``__version__``."""
    package_dir = PACKAGE_DIR if package_dir is None else package_dir
    data_dir = DATA_DIR if data_dir is None else data_dir
    files = [p for p in package_dir.rglob("*") if p.is_file() and "__pycache__" not in p.parts
             and p.suffix != ".pyc"]
    files += [p for p in data_dir.glob("*.y*ml") if p.is_file()]
    digest = hashlib.sha256()
    for path in sorted(files):
        name = path.relative_to(package_dir if path.is_relative_to(package_dir) else data_dir)
        digest.update(f"{name.as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def fingerprint(files: list[tuple[Path, str]], metadata: str | os.PathLike | None,
                actors: str | os.PathLike | ActorList, demonyms: bool, *,
                dotted: str = "dmy", columns: dict[str, str] | None = None,
                include_copies: bool = False) -> dict:
    """What an extract depends on: corpus files (name, size, mtime), the metadata and
    actor files (content hashes of the files the loaders actually read, whatever the
    working folder), every option that changes the output (``demonyms``, ``dotted``,
    ``columns``, ``include_copies``), the package version and the rules
    (:func:`rules_digest`). The same from any working folder."""

    def digest(path: object) -> str:
        p = Path(str(path))
        return hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "missing"

    corpus = hashlib.sha256()
    for path, rel in files:
        stat = path.stat()
        corpus.update(f"{rel}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    if isinstance(actors, ActorList):
        actor_key = hashlib.sha256(repr(actors).encode()).hexdigest()
    else:
        # the file the loader reads: the bundled list when the default path is not here
        actor_key = digest(load_actors(actors).source)
    return {"corpus": corpus.hexdigest(), "files": len(files),
            "metadata": digest(metadata) if metadata else "", "actors": actor_key,
            "demonyms": demonyms, "dotted": check_order(dotted),
            "columns": dict(sorted(check_columns(columns).items())),
            "include_copies": bool(include_copies),
            "version": __version__, "rules": rules_digest()}


def run_extract(
    source: str | os.PathLike,
    out: str | os.PathLike,
    metadata: str | os.PathLike | None = "data/metadata.csv",
    *,
    actors: ActorList | str | None = None,
    demonyms: bool = True,
    strict: bool = False,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    batch_files: int = BATCH_FILES,
    progress: Callable[[Iterable], Iterable] | None = None,
    include_copies: bool = False,
    columns: dict[str, str] | None = None,
    dotted: str = "dmy",
) -> dict:
    """Extract ``source`` into the folder ``out`` (replaced whole when done).

    Returns the manifest (row counts, problems, timings). ``strict`` raises
    :class:`CorpusError` on the first problem, before anything replaces ``out``.
    ``engine`` is ``"local"`` (``jobs`` processes) or ``"dask"`` (``scheduler`` address,
    else a LocalCluster of ``jobs`` processes). Copies of other articles are marked in
    the articles table (``duplicate_of``, ``similarity``); a casualty point's
    ``n_reports`` counts each story once unless ``include_copies``. ``columns`` maps a
    table's own column names (see :func:`~conflictnews.corpus.resolve_columns`);
    ``dotted`` is the order of dotted dates ("03.04.2021"): ``"dmy"`` or ``"mdy"``.
    """
    started = time.perf_counter()
    check_order(dotted)
    source = Path(source)
    actor_list = actors if isinstance(actors, ActorList) else load_actors(
        actors or DEFAULT_ACTORS)
    files, problems = corpus_files(source)
    meta = None
    if metadata is not None:
        meta, bad = read_metadata(Path(metadata), dotted=dotted)
        problems.extend(bad)
    job = Job(meta, str(metadata) if metadata is not None else None, actor_list, demonyms,
              check_columns(columns) or None, dotted)
    batches = plan_batches(files, batch_files)
    jobs = max(1, min(jobs, len(batches)))  # a worker per batch at most: none for one
    totals = dict.fromkeys(PART_TABLES, 0)
    keys: set[tuple[str, int]] = set()
    points = merge_points([])
    pending: list[SeriesPoints] = []
    copy_index = CopyIndex()
    size = 0
    out = Path(out)
    with locked(out.parent / f".{out.name}.lock", f"{out}: another 'conflictnews extract' "
                "is writing here; wait for it or use another --out"), \
            replacing_dir(out) as tmp:
        runner = (_dask(batches, job, str(tmp), jobs, scheduler) if engine == "dask"
                  else _local(batches, job, str(tmp), jobs))
        for result in (progress or (lambda x: x))(runner):
            problems.extend(result.problems)
            keys.update(result.keys)
            pending.append(result.points)
            if result.copies is not None:
                copy_index.add(result.copies)
            if len(pending) == MERGE_EVERY:  # keep only the distinct points in memory
                points, pending = merge_points([points, *pending]), []
            size += result.bytes
            for name, n in result.rows.items():
                totals[name] += n
            serious = [p for p in result.problems if p.severity == "error"]
            if strict and serious:
                raise CorpusError(serious)
        if meta is not None:
            problems.extend(metadata_problems(meta, Path(metadata), keys,
                                              {rel for _, rel in files}))
        if not totals["articles"]:
            problems.append(Problem(str(source), None, "no articles found in the corpus"))
        if strict and any(p.severity == "error" for p in problems):
            raise CorpusError([p for p in problems if p.severity == "error"])
        copies, part_of = copy_index.copies()
        copy_index.seconds += rewrite_parts(tmp / "articles", copies, part_of)
        points = merge_points([points, *pending])
        # the series of the corpus without its copies: what a notebook's default
        # selection (copies left out, nothing else) shows, ready-made
        originals = points_without(tmp / "casualties", copies["doc_id"]) if len(copies) \
            else None
        if not include_copies and len(copies):
            story = dict(zip(copies["doc_id"], copies["duplicate_of"], strict=True))
            points = SeriesPoints(count_stories(points.totals, story),
                                  count_stories(points.increments, story))
        _finish_extract(tmp, totals, points, originals)
        frame = problems_frame(problems)
        write_table(frame, tmp / "problems.csv")
        manifest = {
            "source": str(source), "engine": engine, "jobs": jobs, "batches": len(batches),
            "rows": totals, "characters": size, "problems": len(frame),
            "seconds": round(time.perf_counter() - started, 2),
            "copies": {"found": len(copies), "counted_once": not include_copies,
                       "worker_seconds": round(copy_index.worker_seconds(), 2),
                       "main_seconds": round(copy_index.seconds, 2)},
            "fingerprint": fingerprint(files, metadata, actors or DEFAULT_ACTORS, demonyms,
                                       dotted=dotted, columns=columns,
                                       include_copies=include_copies),
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2))
    manifest["problem_rows"] = frame
    return manifest


def points_without(folder: Path, copies: Iterable[str], parts: int = 4 * MERGE_EVERY
                   ) -> SeriesPoints:
    """The series points of the figures in ``folder``'s parts whose article is not
    among ``copies``: the figure columns of ``parts`` parts at a time, merged."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    from conflictnews.selection import parts_schema

    files = sorted(folder.glob("part-*.parquet"))
    keep = ~pc.field("doc_id").isin(pa.array([str(d) for d in copies], type=pa.string()))
    found = []
    for i in range(0, len(files), parts):
        schema = parts_schema(files[i:i + parts])
        columns = [c for c in FIGURE_COLUMNS if c in schema.names]
        figures = ds.dataset(files[i:i + parts], schema=schema, format="parquet").to_table(
            columns=columns, filter=keep).to_pandas()
        if len(figures):
            found.append(series_points(figures))
    return merge_points(found)


#: The suffix of the corpus-wide tables computed without the copies of other articles.
WITHOUT_COPIES = "_without_copies"


def _finish_extract(out: Path, totals: dict[str, int], points: SeriesPoints,
                    originals: SeriesPoints | None = None) -> None:
    """Corpus-wide tables from the batches' series points (memory holds the distinct
    values per claimant and date, never the figures), and CSVs when the corpus is small.
    With ``originals`` (the points without the copies' figures) the same tables are
    also written as ``NAME_without_copies.parquet``."""
    for name, build in SUMMARY_TABLES.items():
        table = build(points)
        write_table(table, out / f"{name}.parquet")
        write_table(table, out / f"{name}.csv")
        if originals is not None:
            write_table(build(originals), out / f"{name}{WITHOUT_COPIES}.parquet")
    if totals["articles"] <= CSV_LIMIT:
        for name in PART_TABLES:
            write_atomic(out / f"{name}.csv", lambda tmp, name=name: _parts_to_csv(
                sorted((out / name).glob("part-*.parquet")), tmp))


def _parts_to_csv(parts: list[Path], target: Path) -> None:
    """Append the parts to one CSV, one part in memory at a time (Arrow's CSV writer:
    seven times faster than pandas'); dates without a time are written as dates."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv
    import pyarrow.parquet as pq

    if not parts:
        target.write_text("")
        return
    # one schema for all parts (a part whose column is all empty has type null)
    schema = pa.unify_schemas([pq.read_schema(p) for p in parts],
                              promote_options="permissive").remove_metadata()
    with pa_csv.CSVWriter(target, _csv_schema(schema)) as writer:
        for part in parts:
            table = pq.read_table(part).replace_schema_metadata(None).cast(schema)
            for i, field_ in enumerate(table.schema):
                if pa.types.is_timestamp(field_.type):
                    column = table.column(i)
                    midnight = pc.all(pc.equal(
                        pc.cast(column, pa.date32()).cast(field_.type), column)).as_py()
                    text = pc.strftime(column, "%Y-%m-%d" if midnight is not False
                                       else "%Y-%m-%dT%H:%M:%S")
                    table = table.set_column(i, field_.name, text)
            writer.write_table(table)


def _csv_schema(schema):
    """``schema`` with its timestamps as text (how :func:`_parts_to_csv` writes them)."""
    import pyarrow as pa

    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_timestamp(f.type) else f
                      for f in schema])


@dataclass
class CachedExtract:
    """An extract reused while its inputs are unchanged."""

    path: Path
    reused: bool
    manifest: dict = field(default_factory=dict)


def cached_extract(source: str | os.PathLike,
                   metadata: str | os.PathLike | None = "data/metadata.csv", *,
                   actors: str = DEFAULT_ACTORS, demonyms: bool = True,
                   cache_dir: str | os.PathLike = "build/cache", jobs: int = 1,
                   dotted: str = "dmy", columns: dict[str, str] | None = None,
                   include_copies: bool = False) -> CachedExtract:
    """Extract once, explore many times: the extract of ``source`` under ``cache_dir``,
    rebuilt when the corpus files (sizes, mtimes), the metadata or actor list (content)
    or the options that change the output (``demonyms``, ``dotted``, ``columns``,
    ``include_copies``: see :func:`run_extract`) change."""
    files, _ = corpus_files(Path(source))
    key = fingerprint(files, metadata, actors, demonyms, dotted=dotted, columns=columns,
                      include_copies=include_copies)
    name = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]
    path = Path(cache_dir) / name
    manifest_file = path / "manifest.json"
    if manifest_file.is_file():
        manifest = json.loads(manifest_file.read_text())
        if manifest.get("fingerprint") == key:
            return CachedExtract(path, True, manifest)
    manifest = run_extract(source, path, metadata, actors=actors, demonyms=demonyms,
                           jobs=jobs, dotted=dotted, columns=columns,
                           include_copies=include_copies)
    manifest.pop("problem_rows", None)
    return CachedExtract(path, False, manifest)
