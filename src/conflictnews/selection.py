"""Choosing what a notebook looks at, with plain-language messages for bad choices.

Notebook parameters arrive from a person or from ``reports.yml``; a wrong value (an
actor not on the list, a date range with no articles) must give a clear note, not a
traceback. These functions return what is usable plus the notes to show.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from conflictnews.dates import parse_date


def check_choices(requested: Iterable[str], available: Iterable[str],
                  what: str) -> tuple[list[str], list[str]]:
    """Split ``requested`` into known values and notes on unknown ones (with suggestions).

    >>> check_choices(["Putin", "Vladimir Putin"], ["Vladimir Putin"], "actor")
    (['Vladimir Putin'], ["'Putin' is not a known actor; did you mean: Vladimir Putin?"])
    """
    known = list(dict.fromkeys(available))
    valid, notes = [], []
    for item in requested:
        if item in known:
            valid.append(item)
            continue
        close = difflib.get_close_matches(item, known, n=3, cutoff=0.5) or [
            k for k in known if item.lower() in k.lower()][:3]
        hint = f"; did you mean: {', '.join(close)}?" if close else \
            f"; known: {', '.join(known[:12])}{' …' if len(known) > 12 else ''}"
        notes.append(f"{item!r} is not a known {what}{hint}")
    return valid, notes


def filter_rows(frame: pd.DataFrame, **wanted: Iterable[str]) -> tuple[pd.DataFrame, list[str]]:
    """Keep rows whose column ``name`` is among ``wanted[name]`` (empty: no filter).

    >>> rows = pd.DataFrame({"status": ["killed", "wounded"]})
    >>> filter_rows(rows, status=["killed", "dead"])[1]
    ["'dead' is not a known status; did you mean: killed?"]
    """
    notes: list[str] = []
    for column, values in wanted.items():
        values = list(values)
        if not values:
            continue
        valid, bad = check_choices(values, sorted(frame[column].dropna().astype(str).unique()),
                                   column.replace("_", " "))
        notes.extend(bad)
        frame = frame[frame[column].astype(str).isin(valid)]
    return frame.reset_index(drop=True), notes


# --- reading a selection from an extract folder --------------------------------------

#: The article columns a notebook needs besides the text (the text is read on demand).
ARTICLE_META = ["doc_id", "source_file", "position", "outlet", "headline", "published",
                "date_source", "n_words", "n_sentences", "url"]
#: Where outlet groups come from (a user extends it), relative to the notebooks.
OUTLETS_FILE = "../data/outlets.csv"
OUTLET_COLUMNS = ["outlet", "country", "side", "kind"]
UNLISTED = "(not in outlets.csv)"


def read_parts(extract_dir: str | os.PathLike, name: str, columns: list[str] | None = None,
               where: object = None, categories: Iterable[str] = (),
               part_names: Iterable[str] | None = None) -> pd.DataFrame:
    """One table of an extract folder (its parts in batch order), reading only
    ``columns`` and the rows matching the pyarrow expression ``where`` (and only the
    parts named in ``part_names``, when given); ``categories`` come back as pandas
    categoricals (less memory, faster grouping)."""
    import pyarrow.dataset as ds

    folder = Path(extract_dir) / name
    parts = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    if parts and part_names is not None:
        named = set(part_names)
        parts = [p for p in parts if p.name in named]
        if not parts:
            return pd.DataFrame(columns=columns or [])
    if not parts:
        single = folder.with_suffix(".parquet")
        if not single.is_file():
            return pd.DataFrame(columns=columns or [])
        parts = [single]
    import pyarrow as pa

    schema = parts_schema(parts)
    wanted = [c for c in (columns or schema.names) if c in schema.names]
    # categories are read from Parquet's own dictionary pages: ten times faster than
    # decoding millions of strings and encoding them again
    coded = [c for c in categories if c in wanted and pa.types.is_large_string(
        schema.field(c).type)]
    schema = pa.schema([f.with_type(pa.dictionary(pa.int32(), f.type)) if f.name in coded
                        else f for f in schema])
    source = ds.ParquetFileFormat(read_options=ds.ParquetReadOptions(dictionary_columns=coded))
    table = ds.dataset(parts, schema=schema, format=source).to_table(
        columns=wanted, filter=where)
    frame = table.to_pandas(categories=[c for c in categories if c in wanted])
    for column in columns or []:
        if column not in frame:
            frame[column] = pd.NA
    return frame


def parts_schema(parts: list[Path]) -> object:
    """One pyarrow schema for all ``parts``: a part whose column is all empty stores it
    as null, and a column empty in every part (no figure in the corpus) is text."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.unify_schemas([pq.read_schema(p) for p in parts],
                              promote_options="permissive").remove_metadata()
    return pa.schema([f.with_type(pa.large_string()) if pa.types.is_null(f.type) else f
                      for f in schema])


def read_outlets(path: str | os.PathLike) -> tuple[pd.DataFrame, list[str]]:
    """The outlets table (``outlet, country, side, kind``; users add rows), and notes
    on what could not be used. A missing file gives an empty table and a note."""
    path = Path(path)
    empty = pd.DataFrame(columns=OUTLET_COLUMNS)
    if not str(path) or not path.is_file():
        return empty, [f"{path}: outlets table not found; every outlet is its own group"]
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, comment="#")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        return empty, [f"{path}: not a readable CSV ({exc}); outlets are not grouped"]
    missing = [c for c in OUTLET_COLUMNS if c not in table]
    if missing:
        return empty, [f"{path}: missing column(s) {', '.join(missing)}; outlets are not "
                       "grouped"]
    table = table[OUTLET_COLUMNS].apply(lambda s: s.str.strip())
    notes = [f"{path}: outlet {o!r} is listed more than once; the first row is used"
             for o in table.loc[table["outlet"].duplicated(), "outlet"].unique()]
    return table.drop_duplicates("outlet").reset_index(drop=True), notes


def outlet_groups(outlets: pd.Series, table: pd.DataFrame, by: str) -> tuple[pd.Series, list[str]]:
    """The group of each outlet: the outlet itself (``by == "outlet"``) or its
    ``country``, ``side`` or ``kind`` in the outlets table (unlisted outlets:
    :data:`UNLISTED`). Returns the groups and notes."""
    if by == "outlet":
        return outlets.astype(str), []
    if by not in OUTLET_COLUMNS:
        return outlets.astype(str), [f"compare_by = {by!r} is not one of "
                                     f"{', '.join(OUTLET_COLUMNS)}; comparing outlets"]
    mapping = dict(zip(table["outlet"], table[by].replace("", UNLISTED), strict=True))
    groups = outlets.astype(str).map(mapping).fillna(UNLISTED)
    unlisted = sorted(set(outlets.astype(str)) - set(mapping))
    notes = [f"{len(unlisted)} outlet(s) are not in the outlets table and form the group "
             f"{UNLISTED}: {', '.join(unlisted[:8])}{' …' if len(unlisted) > 8 else ''}"
             ] if unlisted else []
    return groups, notes


def _shortened(batch: object, keep_ids: int) -> object:
    """A record batch of a series or estimates table with each ``doc_ids`` list cut to
    its first ``keep_ids`` articles (then " …") and each note to 200 characters."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if "doc_ids" in batch.schema.names:
        ids = batch.column("doc_ids")
        space = pa.scalar(" ", ids.type)
        short = pc.binary_join(pc.list_slice(pc.split_pattern(
            ids, " ", max_splits=keep_ids), 0, keep_ids), space)
        longer = pc.greater(pc.utf8_length(ids), pc.utf8_length(short))
        short = pc.if_else(longer, pc.binary_join_element_wise(
            short, pa.scalar("…", ids.type), space), short)
        batch = batch.set_column(batch.schema.get_field_index("doc_ids"), "doc_ids",
                                 short.cast(ids.type))
    if "note" in batch.schema.names:  # "other values the same day: ..." lists
        note = batch.column("note")
        cut = pc.utf8_slice_codeunits(note, 0, 200)
        cut = pc.if_else(pc.greater(pc.utf8_length(note), 200),
                         pc.binary_join_element_wise(cut, pa.scalar("…", note.type),
                                                     pa.scalar("", note.type)), cut)
        batch = batch.set_column(batch.schema.get_field_index("note"), "note",
                                 cut.cast(note.type))
    return batch


@dataclass
class CasualtyTables:
    """A selection's casualty ``series`` and ``estimates``, and ``source``: a sentence
    saying whether they are the extract's ready-made tables or computed for it."""

    series: pd.DataFrame
    estimates: pd.DataFrame
    source: str


@dataclass
class Selection:
    """The articles a notebook looks at, from one extract folder.

    ``articles`` (selected) and ``everything`` hold :data:`ARTICLE_META` plus ``group``
    (the outlet's group, see :func:`outlet_groups`); texts and the other tables are
    read on demand, only for the selected articles (:meth:`table`, :meth:`texts`).
    """

    path: Path
    everything: pd.DataFrame
    articles: pd.DataFrame
    notes: list[str]
    where: object = None  # the pyarrow filter that selects these articles' rows
    whole: bool = True  # nothing was left out: corpus-wide tables can be used as they are
    manifest: dict = field(default_factory=dict)
    filtered: bool = False  # dates or outlets left articles out (copies aside)
    copies_left_out: int = 0  # copies of other articles left out (include_copies False)
    part_of: pd.Series | None = None  # doc_id -> its batch's part file name

    def sample(self, n: int, seed: int = 0, spread: int = 5) -> pd.Series:
        """The doc_ids of ``n`` selected articles drawn at random (the same on every
        run; all of them when there are no more than ``n``), in corpus order. In an
        extract of many parts they are drawn from the articles of randomly chosen
        parts holding ``spread`` × ``n`` selected articles, so reading their texts
        reads a few parts, not all of them."""
        ids = self.articles["doc_id"]
        if len(ids) <= n:
            return ids
        if self.part_of is not None:
            import numpy as np

            part = self.part_of.reindex(ids.astype(str).to_numpy()).to_numpy()
            names, sizes = np.unique(part.astype(str), return_counts=True)
            order = np.random.default_rng(seed).permutation(len(names))
            enough = np.searchsorted(np.cumsum(sizes[order]), spread * n) + 1
            ids = ids[np.isin(part.astype(str), names[order[:enough]])]
        return ids.sample(n, random_state=seed).sort_index() if len(ids) > n else ids

    def _parts(self, doc_ids: list[str]) -> list[str] | None:
        """The part files that hold ``doc_ids`` (every table of an extract numbers its
        parts by batch), or ``None`` (read them all) when the extract has no parts."""
        if self.part_of is None:
            return None
        return self.part_of.reindex(doc_ids).dropna().unique().tolist()

    def table(self, name: str, columns: list[str] | None = None,
              categories: Iterable[str] = (), doc_ids: Iterable[str] | None = None
              ) -> pd.DataFrame:
        """Rows of table ``name`` (``casualties``, ``mentions``, ``speakers``) that
        belong to the selected articles (or to ``doc_ids`` among them), with the
        outlet's ``group``."""

        if columns is not None:
            columns = list(dict.fromkeys([*columns, "doc_id", "outlet"]))
        where = None if self.whole else self.where
        parts = None
        if doc_ids is not None:  # those articles, if they are among the selected
            doc_ids = [str(d) for d in doc_ids]
            where, parts = _and(where, _doc_filter(doc_ids)), self._parts(doc_ids)
        frame = read_parts(self.path, name, columns, where, categories, parts)
        if "outlet" in frame:
            pairs = self.everything[["outlet", "group"]].drop_duplicates("outlet")
            groups = dict(zip(pairs["outlet"], pairs["group"], strict=True))
            frame = frame.assign(group=frame["outlet"].map(groups))
        return frame.reset_index(drop=True)

    def corpus_table(self, name: str, keep_ids: int = 10) -> pd.DataFrame:
        """A corpus-wide table of the extract (``casualty_series``,
        ``casualty_estimates``, or their ``*_without_copies`` versions): valid for the
        selection as it is only when :attr:`whole` (see :meth:`ready_table`).

        Its ``doc_ids`` lists keep their first ``keep_ids`` articles (then " …") and its
        notes their first 200 characters (the extract's own files have them whole): a
        figure repeated in thousands of articles, or thousands of values on one day,
        would otherwise fill memory with lists no chart or table shows.
        """
        import pyarrow as pa
        import pyarrow.parquet as pq

        source = pq.ParquetFile(self.path / f"{name}.parquet")
        batches = [_shortened(batch, keep_ids)
                   for batch in source.iter_batches(batch_size=8192)]
        table = pa.Table.from_batches(batches, schema=batches[0].schema) if batches \
            else source.read()
        return table.to_pandas()

    def ready_table(self, name: str, keep_ids: int = 10) -> pd.DataFrame | None:
        """The extract's corpus-wide table ``name`` when it is valid for this
        selection: as it is when nothing is left out, its ``name_without_copies``
        version when only copies are left out; ``None`` when dates or outlets leave
        articles out (then compute it from :meth:`table`)."""
        if self.filtered:
            return None
        if self.copies_left_out:
            name += "_without_copies"
        if not (self.path / f"{name}.parquet").is_file():
            return None
        return self.corpus_table(name, keep_ids)

    def casualty_tables(self, ready: bool = True, keep_ids: int = 10) -> CasualtyTables:
        """The casualty series and estimates of the selected articles, with a sentence
        saying where they come from: the extract's ready-made tables when they fit the
        selection (:meth:`ready_table`), else computed from the selected articles'
        figures, reading only the columns the series need (the same tables either way;
        ``ready=False`` always computes). ``doc_ids`` and notes are shortened as in
        :meth:`corpus_table`."""
        series = self.ready_table("casualty_series", keep_ids) if ready else None
        estimates = self.ready_table("casualty_estimates", keep_ids) if ready else None
        n = len(self.articles)
        if series is not None and estimates is not None:
            total = len(self.everything)
            what = (f"with the copies of other articles left out "
                    f"({self.copies_left_out:,} of {total:,} articles)"
                    if self.copies_left_out else f"every article ({total:,})")
            return CasualtyTables(series, estimates, (
                f"The extract's ready-made series of the whole corpus, {what}; a filter "
                "on dates or outlets computes them from the selected articles' figures."))
        import pyarrow as pa

        from conflictnews.copies import count_stories
        from conflictnews.series import (
            FIGURE_COLUMNS,
            SeriesPoints,
            casualty_estimates,
            casualty_series,
            series_points,
        )

        figures = self.table("casualties", FIGURE_COLUMNS)
        points = series_points(figures)
        copies = self._copies_kept()
        if copies:  # counted as in the extract: a copy reports its original's story
            points = SeriesPoints(count_stories(points.totals, copies),
                                  count_stories(points.increments, copies))
        tables = []
        for frame in (casualty_series(points), casualty_estimates(points)):
            arrow = pa.Table.from_pandas(frame, preserve_index=False)
            batches = [_shortened(b, keep_ids) for b in arrow.to_batches(8192)]
            tables.append((pa.Table.from_batches(batches, schema=batches[0].schema)
                           if batches else arrow).to_pandas())
        return CasualtyTables(*tables, (
            f"Computed from the {len(figures):,} figures of the {n:,} selected articles."))

    def _copies_kept(self) -> dict[str, str]:
        """Copy → original of the copies in the selection, when the extract counts each
        story once (its manifest says so); else empty."""
        if "duplicate_of" not in self.articles or not self.manifest.get(
                "copies", {}).get("counted_once", True):
            return {}
        original = self.articles["duplicate_of"].fillna("").astype(str)
        copy = original != ""
        return dict(zip(self.articles.loc[copy, "doc_id"], original[copy], strict=True))

    def iter_texts(self, columns: tuple[str, ...] = ("doc_id", "text"),
                   parts: int = 20) -> Iterator[pd.DataFrame]:
        """The selected articles' ``columns``, ``parts`` extract parts at a time (a few
        thousand articles, in corpus order): a pass over every text that never holds
        them all in memory."""
        for table in self.iter_parts("articles", list(columns), parts):
            yield table.to_pandas()

    def _dataset(self, name: str, files: list[Path] | None = None) -> object:
        import pyarrow.dataset as ds

        files = sorted((self.path / name).glob("part-*.parquet")) if files is None else files
        return ds.dataset(files, schema=parts_schema(files), format="parquet")

    def iter_parts(self, name: str, columns: list[str], parts: int = 20) -> Iterator[object]:
        """The selected articles' rows of table ``name`` (``columns`` only) as pyarrow
        tables of ``parts`` extract parts each, in corpus order, all with one schema: a
        pass over a table too big to hold (e.g. to write it to a file)."""
        files = sorted((self.path / name).glob("part-*.parquet"))
        if not files:
            return
        schema = parts_schema(files)
        columns = [c for c in columns if c in schema.names]
        import pyarrow.dataset as ds

        # the filter that chose the articles (outlet, dates, copies) chooses their rows
        for i in range(0, len(files), parts):
            table = ds.dataset(files[i:i + parts], schema=schema, format="parquet").to_table(
                columns=columns, filter=None if self.whole else self.where)
            if table.num_rows:
                yield table

    def count_rows(self, name: str) -> int:
        """How many rows of table ``name`` belong to the selected articles."""
        files = sorted((self.path / name).glob("part-*.parquet"))
        if not files:
            return 0
        return self._dataset(name, files).count_rows(filter=None if self.whole else self.where)

    def head(self, name: str, columns: list[str], rows: int = 20) -> pd.DataFrame:
        """The first ``rows`` rows of table ``name`` for the selected articles (reading
        parts until there are enough)."""
        import pyarrow as pa

        found, n = [], 0
        for table in self.iter_parts(name, columns, parts=1):
            found.append(table)
            n += table.num_rows
            if n >= rows:
                break
        if not found:
            return pd.DataFrame(columns=columns)
        return pa.concat_tables(found).slice(0, rows).to_pandas()

    def texts(self, doc_ids: Iterable[str] | None = None,
              columns: tuple[str, ...] = ("doc_id", "text")) -> pd.DataFrame:
        """``doc_id`` and ``text`` (or ``columns``) of the selected articles, or of
        ``doc_ids`` among them; in corpus order."""

        wanted = None if doc_ids is None else [str(d) for d in doc_ids]
        where = None if self.whole else self.where
        if wanted is not None:  # those articles, if they are among the selected
            where = _and(where, _doc_filter(wanted))
        frame = read_parts(self.path, "articles", list(columns), where,
                           part_names=None if wanted is None else self._parts(wanted))
        return frame.reset_index(drop=True)


def _date_filter(start: str, end: str, notes: list[str]) -> tuple[object, object]:
    bounds = []
    for name, value in (("start", start), ("end", end)):
        try:
            bounds.append(parse_date(value))
        except ValueError:
            notes.append(f"{name} = {value!r} is not a date (use YYYY-MM-DD); ignored")
            bounds.append(pd.NaT)
    low, high = bounds
    if not pd.isna(low) and not pd.isna(high) and low > high:
        notes.append(f"start {start} is after end {end}: the date range is empty")
    return low, high


def open_selection(corpus: str = "", metadata: str = "", actors_file: str = "", *,
                   extract_dir: str = "", cache_dir: str = "../build/cache",
                   demonyms: bool = True, start: str = "", end: str = "",
                   outlets: Iterable[str] = (), include_copies: bool = False,
                   compare_by: str = "outlet", outlets_file: str = OUTLETS_FILE,
                   jobs: int = 1) -> Selection:
    """The selection a notebook works on, read from an extract folder.

    ``extract_dir`` (given by ``conflictnews reports``, which extracts once per batch)
    is used as it is; else ``corpus`` is extracted through the cache in ``cache_dir``
    (rebuilt only when the corpus, metadata, actor list or options change), or read
    directly when it is itself an extract folder. Then articles are selected by date
    (``start``/``end``, ISO; undated articles drop out of a date range, and a note
    says how many), outlet, and copies (rows with a ``duplicate_of`` are left out
    unless ``include_copies``). Notes say what could not be used and what a filter
    excluded, never a traceback.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from conflictnews.corpus import is_extract_dir
    from conflictnews.extract import cached_extract

    notes: list[str] = []
    if extract_dir:
        path = Path(extract_dir)
        if not is_extract_dir(path):
            raise FileNotFoundError(f"{extract_dir}: not an extract folder (no manifest.json)")
    elif corpus and is_extract_dir(Path(corpus)):
        path = Path(corpus)
    else:
        from conflictnews.actor_list import DEFAULT_ACTORS

        path = cached_extract(corpus, metadata or None, actors=actors_file or DEFAULT_ACTORS,
                              demonyms=demonyms, cache_dir=cache_dir, jobs=jobs).path
    manifest = json.loads((path / "manifest.json").read_text())
    problems = path / "problems.csv"
    if problems.is_file():
        from conflictnews.problems import Problem

        rows = pd.read_csv(problems, dtype=str, keep_default_na=False)
        notes += [str(Problem(r.file, int(r.line) if r.line else None, r.problem, r.severity))
                  for r in rows.itertuples(index=False)][:50]
        if len(rows) > 50:
            notes.append(f"… and {len(rows) - 50} more problems in {problems}")
    columns = ARTICLE_META + [c for c in ("duplicate_of", "similarity") if _has_column(path, c)]
    everything = read_parts(path, "articles", columns)
    part_of = _part_names(path / "articles", everything["doc_id"])
    table, more = read_outlets(outlets_file)
    everything["group"], more_groups = outlet_groups(everything["outlet"], table, compare_by)
    notes += [n for n in more if compare_by != "outlet"] + more_groups

    chosen = everything
    where = None
    copies_left_out = 0
    outlets = list(outlets)
    if outlets:
        valid, bad = check_choices(outlets, sorted(everything["outlet"].astype(str).unique()),
                                   "outlet")
        notes.extend(bad)
        chosen = chosen[chosen["outlet"].isin(valid)]
        where = pc.field("outlet").isin(valid)
    low, high = _date_filter(start, end, notes)
    if not (pd.isna(low) and pd.isna(high)):
        before = len(chosen)
        undated = int(chosen["published"].isna().sum())
        keep = chosen["published"].notna()
        if not pd.isna(low):
            keep &= chosen["published"] >= low
            where = _and(where, pc.field("published") >= pa.scalar(low.to_pydatetime(),
                                                                    pa.timestamp("ns")))
        if not pd.isna(high):
            keep &= chosen["published"] <= high
            where = _and(where, pc.field("published") <= pa.scalar(high.to_pydatetime(),
                                                                   pa.timestamp("ns")))
        chosen = chosen[keep]
        dropped = before - len(chosen)
        if dropped:
            span = f"{start or '…'} to {end or '…'}"
            notes.append(f"the date range {span} leaves out {dropped:,} of {before:,} articles"
                         + (f" ({undated:,} of them undated)" if undated else ""))
    if "duplicate_of" in chosen and not include_copies:
        copies = chosen["duplicate_of"].fillna("").astype(str) != ""
        if copies.any():
            notes.append(f"{int(copies.sum()):,} copies of other articles (syndicated "
                         "stories) are left out; set include_copies = True to keep them")
            copies_left_out = int(copies.sum())
            filtered = len(chosen) < len(everything)
            # rows of the copies left out: a short list, cheaper than the kept ones
            where = _and(where, ~_doc_filter(chosen.loc[copies, "doc_id"]))
            chosen = chosen[~copies]
    if chosen.empty and not everything.empty:
        dated = everything["published"].dropna()
        span = f"{dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}" if len(dated) else "none"
        notes.append(f"no article matches this selection (the corpus has "
                     f"{len(everything)} articles, dated {span}); charts below are empty")
    whole = len(chosen) == len(everything)
    if not copies_left_out:
        filtered = not whole
    return Selection(path, everything.reset_index(drop=True), chosen.reset_index(drop=True),
                     notes, where, whole, manifest, filtered, copies_left_out, part_of)


def _part_names(folder: Path, doc_ids: pd.Series) -> pd.Series | None:
    """doc_id -> the name of the part file holding it, for ``doc_ids`` read from the
    parts of ``folder`` in order (row counts from the Parquet footers)."""
    import numpy as np
    import pyarrow.parquet as pq

    parts = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    rows = [pq.ParquetFile(p).metadata.num_rows for p in parts]
    if not parts or sum(rows) != len(doc_ids):
        return None
    names = pd.Categorical.from_codes(np.repeat(np.arange(len(parts)), rows),
                                      [p.name for p in parts])
    return pd.Series(names, index=doc_ids.astype(str).to_numpy())


def _doc_filter(doc_ids: Iterable[str]) -> object:
    """A pyarrow filter keeping the rows of these articles (none for an empty list)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.field("doc_id").isin(pa.array([str(d) for d in doc_ids], type=pa.string()))


def _and(a: object, b: object) -> object:
    return b if a is None else a & b


def _has_column(path: Path, column: str) -> bool:
    import pyarrow.parquet as pq

    parts = sorted((path / "articles").glob("part-*.parquet"))
    return bool(parts) and column in pq.read_schema(parts[0]).names


def drop_copies(frame: pd.DataFrame, include_copies: bool = False) -> pd.DataFrame:
    """``frame`` without the rows whose article is a copy of another (a non-empty
    ``duplicate_of``), unless ``include_copies``; unchanged without that column."""
    if include_copies or "duplicate_of" not in frame:
        return frame
    return frame[frame["duplicate_of"].fillna("").astype(str) == ""].reset_index(drop=True)
