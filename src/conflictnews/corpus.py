"""Loading a corpus: a folder of .txt files, saved web pages (.html) and news-archive
exports (Nexis .docx / .txt), or a CSV / JSONL / Parquet table.

``load_corpus`` gives one row per article. Bad input never loses the rest of the
corpus: each bad file, row or metadata line becomes one :class:`Problem` naming the file,
the line and what is wrong; ``strict=True`` turns any problem into a :class:`CorpusError`.
"""

from __future__ import annotations

import csv
import json
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from conflictnews.articles import ArticleParts, paragraphs, parse_article, split_articles
from conflictnews.copies import mark_copies
from conflictnews.dates import check_order, date_in_text, read_date
from conflictnews.metadata import apply_metadata, metadata_problems, read_metadata
from conflictnews.patterns import replace_surrogates
from conflictnews.problems import CorpusError, Problem, problems_frame
from conflictnews.readers import Found
from conflictnews.readers.html import read_page
from conflictnews.readers.nexis import docx_text, is_export, read_export
from conflictnews.sentences import sentence_count

#: File endings read as plain-text articles (a Nexis text export among them), saved web
#: pages, Word files (a Nexis .docx export) and tables.
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
DOCX_SUFFIXES = (".docx",)
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
CORPUS_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + DOCX_SUFFIXES + TABLE_SUFFIXES

#: Code pages a file that is not UTF-8 may be in, the likeliest first (the order breaks
#: ties): Western European, Cyrillic, Turkish, Russian KOI8, and latin-1, which decodes
#: any bytes (for the few cp1252 leaves undefined). Central European (cp1250) is left
#: out: word by word its readings of Western text are as plausible as cp1252's.
CODE_PAGES = ("cp1252", "cp1251", "cp1254", "koi8_r", "latin_1")
#: Code pages of a script other than Latin, chosen only when the text is in that script.
_CYRILLIC_PAGES = ("cp1251", "koi8_r")
_ENCODING_NAMES = {"latin_1": "latin-1", "koi8_r": "koi8-r"}

#: Table column names accepted for each field (any case), first match wins: our own,
#: then those of common exports (Media Cloud, news-please, GDELT-style and scraper tables).
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article_text", "full_text", "maintext", "story",
             "article"),
    "headline": ("headline", "title"),
    "published": ("published", "date", "publish_date", "published_at", "publication_date",
                  "pub_date", "date_publish", "datetime"),
    "outlet": ("outlet", "source", "publisher", "media_name", "media", "site_name",
               "sitename", "publication", "source_name"),
    "url": ("url", "link", "canonical_url"),
    "byline": ("byline", "author", "authors"),
}


def check_columns(columns: Mapping[str, str] | None) -> dict[str, str]:
    """A column mapping (field → the table's column name) checked against the fields.

    >>> check_columns({"text": "body", "published": "publish_date"})
    {'text': 'body', 'published': 'publish_date'}
    """
    columns = dict(columns or {})
    unknown = [f for f in columns if f not in TABLE_COLUMNS]
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(map(repr, unknown))} in the column "
                         f"mapping; the fields are {', '.join(TABLE_COLUMNS)}")
    return columns


def parse_columns(spec: str) -> dict[str, str]:
    """``"text=body,published=publish_date"`` (the CLI's ``--columns``) as a mapping."""
    pairs = [p.strip() for p in spec.split(",") if p.strip()]
    bad = [p for p in pairs if p.count("=") != 1 or not all(x.strip() for x in p.split("="))]
    if bad:
        raise ValueError(f"--columns wants FIELD=COLUMN pairs separated by commas, not "
                         f"{', '.join(map(repr, bad))}")
    return check_columns({f.strip(): c.strip() for f, c in (p.split("=") for p in pairs)})


def resolve_columns(header: Iterable[object], columns: Mapping[str, str] | None = None, *,
                    require_text: bool = True) -> dict[str, str]:
    """Which of a table's columns holds each field: ``columns`` first, then the names
    of :data:`TABLE_COLUMNS` in any case. Raises ``ValueError`` naming the columns the
    table has when a mapped column is missing or (``require_text``) no text column is
    found."""
    names = [str(h) for h in header]
    lower = {n.strip().lower(): n for n in reversed(names)}
    listed = ", ".join(names) if names else "none"
    out: dict[str, str] = {}
    for field, candidates in TABLE_COLUMNS.items():
        wanted = (columns or {}).get(field)
        if wanted:
            if wanted in names or wanted.lower() in lower:
                out[field] = wanted if wanted in names else lower[wanted.lower()]
                continue
            raise ValueError(f"column {wanted!r} (given for {field}) is not in the table; "
                             f"its columns: {listed}")
        match = next((lower[c] for c in candidates if c in lower), None)
        if match is not None:
            out[field] = match
    if require_text and "text" not in out:
        raise ValueError(f"no text column (looked for {', '.join(TABLE_COLUMNS['text'])}); "
                         f"its columns: {listed}; name one with columns={{'text': NAME}} "
                         "(CLI: --columns text=NAME)")
    return out


#: Columns of the articles table, in order (docs/data-dictionary.md).
ARTICLE_COLUMNS = [
    "doc_id", "source_file", "position", "line", "outlet", "headline", "byline",
    "dateline", "published", "published_precision", "date_source", "date_evidence", "text",
    "caption", "credits", "n_words", "n_sentences", "url", "encoding", "duplicate_of",
    "similarity",
]

#: A word: letters and digits, joined by single hyphens or apostrophes ("well-known",
#: "Azerbaijan’s"). ``n_words`` counts these; :func:`count_words` counts them faster.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@lru_cache(maxsize=1)
def _word_chars() -> np.ndarray:
    """For each code point of the Basic Multilingual Plane: does ``\\w`` match it?"""
    table = np.fromiter((chr(c).isalnum() for c in range(0x10000)), dtype=bool,
                        count=0x10000)
    table[ord("_")] = True
    return table


def count_words(texts: list[str]) -> list[int]:
    """``len(WORD.findall(text))`` for each text, ten times faster: runs of word
    characters, less the joiners (one hyphen or apostrophe between two word characters)
    that make two runs one word; all texts in one pass of array operations."""
    if not any(texts):
        return [0] * len(texts)
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    ends = np.cumsum(lengths + 1) - 1  # texts joined by "\n", which joins no word
    starts = ends - lengths
    points = np.frombuffer("\n".join(texts).encode("utf-32-le", "surrogatepass"),
                           dtype=np.uint32)
    word = _word_chars().take(points, mode="clip")  # astral planes: looked up below
    astral = np.flatnonzero(points > 0xFFFF)
    if len(astral):
        word[astral] = [chr(c).isalnum() for c in points[astral].tolist()]
    # where a run of word characters starts, and where a joiner continues the word
    # before it; each text's words are the starts in its span less the joins (texts are
    # joined by "\n", which neither starts a word nor joins two): positions, not a
    # running total over every character
    runs = np.flatnonzero(word[1:] & ~word[:-1]) + 1
    if word[0]:
        runs = np.concatenate([[0], runs])
    middle = points[1:-1]
    joiner = (middle == ord("-")) | (middle == ord("'")) | (middle == ord("’"))
    joins = np.flatnonzero(joiner & word[:-2] & word[2:]) + 1
    counts = (np.searchsorted(runs, ends) - np.searchsorted(runs, starts)) \
        - (np.searchsorted(joins, ends) - np.searchsorted(joins, starts))
    return counts.tolist()


@dataclass
class Corpus:
    """The articles table and the problems met while reading it."""

    articles: pd.DataFrame
    problems: pd.DataFrame


def decode(data: bytes, *, check_binary: bool = True) -> tuple[str, str]:
    """Decode file bytes, returning ``(text, encoding_used)``.

    Tries UTF-16 (only with a byte-order mark), UTF-8, UTF-8 with BOM, then asks
    ``charset-normalizer`` which of :data:`CODE_PAGES` reads the bytes best (see
    :func:`_code_page`). Raises ``ValueError`` for binary data.

    >>> decode("Réfugiés à Genève".encode("latin-1"))
    ('Réfugiés à Genève', 'cp1252')
    >>> decode("Karabakh – Арцах".encode("cp1251"))
    ('Karabakh – Арцах', 'cp1251')
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ValueError(f"broken UTF-16 at byte {exc.start}") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    sample = data[:65536]
    if check_binary and (b"\x00" in sample or
                         len(_CONTROL.findall(sample.decode("latin-1"))) > len(sample) / 20):
        raise ValueError("binary file (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and "end of data" in exc.reason:
            # valid UTF-8 cut short (a truncated download): keep it, mark the cut
            return data.decode("utf-8", errors="replace"), "utf-8 (truncated)"
    text, encoding = _code_page(data)
    return text, _ENCODING_NAMES.get(encoding, encoding)


def _code_page(data: bytes) -> tuple[str, str]:
    """The text and code page (of :data:`CODE_PAGES`) that read ``data`` best: fewest
    implausible words (see :func:`_implausible_words`); among readings as plausible that
    differ, least chaos and most language coherence by ``charset-normalizer``'s
    measures; then the order of :data:`CODE_PAGES`. A Cyrillic code page is chosen only
    for Cyrillic text."""
    readings: dict[str, str] = {}
    for encoding in CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding not in _CYRILLIC_PAGES or _mostly_cyrillic(text):
            readings[encoding] = text
    if not readings:  # pragma: no cover - latin-1 decodes anything
        raise ValueError("undecodable bytes")
    sample = {encoding: _implausible_words(text) for encoding, text in readings.items()}
    fewest = min(sample.values())
    tied = [encoding for encoding in readings if sample[encoding] == fewest]
    if len({readings[encoding] for encoding in tied}) == 1:
        return readings[tied[0]], tied[0]  # the usual case: they all read the same text
    from charset_normalizer import from_bytes

    # every reading, however chaotic: the detector's measure finds "Şuşa" (cp1254) more
    # chaotic than "Þuþa" (cp1252), so its own cut-off could drop the right one
    ranked = [(round(match.chaos, 2), -round(match.coherence, 2), tied.index(match.encoding),
               match.encoding) for match in from_bytes(data, cp_isolation=tied, threshold=1.0)
              if match.encoding in tied]
    encoding = min(ranked)[-1] if ranked else tied[0]
    return readings[encoding], encoding


def _script(ch: str) -> str:
    point = ord(ch)
    if point < 0x250 or 0x1E00 <= point < 0x1F00:
        return "latin"
    if 0x400 <= point < 0x530:
        return "cyrillic"
    return "other"


_CYRILLIC_WORD = re.compile("[\u0400-\u052f]{2,}")


def _mostly_cyrillic(text: str) -> bool:
    """True when the text has Cyrillic words and most letters beyond ASCII are Cyrillic."""
    if not _CYRILLIC_WORD.search(text):
        return False
    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    return sum(_script(c) == "cyrillic" for c in letters) * 2 > len(letters)


#: Letters of cp1252 only Icelandic and Faroese write, where Turkish (cp1254) has ğ, ş,
#: ı, Ğ, Ş, İ: in this corpus's region a Turkish or Azerbaijani name is the likelier.
_ICELANDIC = re.compile("[ðþýÐÞÝ]")
_WORD_EDGES = "\"'’‘“”«»()[]{}.,;:!?-–—"


def _implausible_words(text: str) -> int:
    """Words no language writes, as a wrong code page makes them: letters of two scripts
    ("Kаrabakh" with a Cyrillic "а"), a Latin word of three letters or more, none of
    them ASCII ("Àðöàõ": Cyrillic read as cp1252), a symbol between letters ("Za¿ó³æ"),
    a capital after a small letter ("рПЗЙВМЙ": KOI8-R read as cp1251),
    Icelandic letters (see :data:`_ICELANDIC`)."""
    bad = 0
    for token in text[:20000].split():
        if token.isascii():
            continue  # an ASCII word is plausible in any reading
        word = token.strip(_WORD_EDGES)
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 2 or word.isascii():
            continue
        scripts = {_script(c) for c in letters}
        foreign = scripts == {"latin"} and len(letters) > 2 and \
            all(ord(c) > 127 for c in letters)
        inner = [c for c in word if not (c.isalpha() or c in "0123456789-'’.")]
        # lower case before upper ("рПЗЙВМЙ": KOI8-R read as cp1251, or the reverse)
        mixed = letters[0].islower() and any(c.isupper() for c in letters[1:])
        if len(scripts) > 1 or foreign or inner or mixed or _ICELANDIC.search(word):
            bad += 1
    return bad


def _record(parts: ArticleParts, source_file: str, position: int, encoding: str) -> dict:
    text = parts.text
    return {
        "source_file": source_file,
        "position": position,
        "line": parts.first_line,
        "headline": parts.headline,
        "byline": parts.byline,
        "dateline": parts.dateline,
        "caption": parts.caption,
        "credits": "\n".join(parts.credits),
        "text": text,
        "encoding": encoding,
        "outlet": "",
        "url": "",
        "published": pd.NaT,
        "published_precision": "",
        "date_source": "unknown",
        "date_evidence": "",
    }


def _file_bytes(path: Path, rel: str) -> tuple[bytes, Problem | None]:
    """A file's bytes, or the problem that stops it being read (unreadable, empty)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return b"", Problem(rel, None, f"cannot read file: {exc.strerror or exc}")
    if not data.strip():
        return b"", Problem(rel, None, "empty file: no text to read")
    return data, None


def read_text_file(path: Path, rel: str, *, dotted: str = "dmy"
                   ) -> tuple[list[dict], list[Problem]]:
    """Read one .txt file into article records (several when the file holds several;
    ``dotted``: the order of all-number dates in a news-archive export, see
    :func:`~conflictnews.dates.read_date`)."""
    data, problem = _file_bytes(path, rel)
    if problem:
        return [], [problem]
    try:
        raw, encoding = decode(data)
    except ValueError as exc:
        return [], [Problem(rel, None, str(exc))]
    problems = []
    if encoding == "utf-8 (truncated)":
        problems.append(Problem(rel, raw.count("\n") + 1, "UTF-8 cut off at the end of the "
                                "file; the incomplete character was replaced", "note"))
    elif encoding not in ("utf-8", "utf-8-sig"):
        problems.append(Problem(rel, None, f"not UTF-8; decoded as {encoding}", "note"))
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    if is_export(raw):
        found, bad = read_export(raw, rel)
        return [_found_record(f, rel, i, encoding, problems, dotted)
                for i, f in enumerate(found)], problems + bad
    records = []
    for i, parts in enumerate(split_articles(raw)):
        if not parts.text.strip():
            problems.append(Problem(rel, parts.first_line, "article has no body text"))
            continue
        records.append(_record(parts, rel, i, encoding))
    return records, problems


def _found_record(found: Found, rel: str, position: int, encoding: str,
                  problems: list[Problem], dotted: str = "dmy") -> dict:
    """The record of an article a reader found, its date parsed (a bad one reported)."""
    record = _record(found.parts, rel, position, encoding)
    record["outlet"], record["url"] = found.outlet, found.url
    if found.published:
        try:
            date = read_date(found.published, dotted=dotted)
            record["published"], record["published_precision"] = date.day, date.precision
        except ValueError as exc:
            problems.append(Problem(rel, found.parts.first_line, f"{exc}; date left empty"))
        if not pd.isna(record["published"]):
            record["date_source"] = "metadata"
            record["date_evidence"] = found.date_evidence
    return record


def read_html_file(path: Path, rel: str, *, dotted: str = "dmy"
                   ) -> tuple[list[dict], list[Problem]]:
    """Read one saved web page into (at most) one article record."""
    data, problem = _file_bytes(path, rel)
    if problem:
        return [], [problem]
    found, encoding, problems = read_page(data, rel, decode)
    return [_found_record(f, rel, i, encoding, problems, dotted)
            for i, f in enumerate(found)], problems


def read_docx_file(path: Path, rel: str, *, dotted: str = "dmy"
                   ) -> tuple[list[dict], list[Problem]]:
    """Read a Word file: a Nexis export (split at "End of Document"), else its text
    split like a .txt file."""
    try:
        raw = docx_text(path)
    except ValueError as exc:
        return [], [Problem(rel, None, str(exc))]
    except OSError as exc:
        return [], [Problem(rel, None, f"cannot read file: {exc.strerror or exc}")]
    problems: list[Problem] = []
    if is_export(raw):
        found, problems = read_export(raw, rel)
        return [_found_record(f, rel, i, "docx", problems, dotted)
                for i, f in enumerate(found)], problems
    records = []
    for i, parts in enumerate(split_articles(raw)):
        if parts.text.strip():
            records.append(_record(parts, rel, i, "docx"))
    if not records:
        problems.append(Problem(rel, None, "empty document: no text to read"))
    return records, problems


def _pick(row: dict, field: str, names: Mapping[str, str]) -> str:
    """A row's value for ``field`` as text; lone surrogates (from JSON "\\ud800"
    escapes) become U+FFFD, so every later step gets valid Unicode."""
    value = row.get(names[field]) if field in names else None
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, list):  # authors: ["A", "B"]
        value = ", ".join(map(str, value))
    return replace_surrogates(str(value))


def _table_rows(path: Path, rel: str, row_group: int | None = None,
                columns: Mapping[str, str] | None = None
                ) -> Iterator[tuple[int, dict | None, str, dict[str, str]]]:
    """Yield ``(line, row, problem, names)`` for each row of a CSV / JSONL / Parquet file
    (of one Parquet row group; ``line`` is then the row's number in the whole file);
    ``names`` says which column holds each field (:func:`resolve_columns`)."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        parquet = pq.ParquetFile(path)
        names = resolve_columns(parquet.schema_arrow.names, columns)
        groups = range(parquet.num_row_groups) if row_group is None else [row_group]
        for g in groups:
            offset = sum(parquet.metadata.row_group(i).num_rows for i in range(g))
            frame = parquet.read_row_group(g, columns=sorted(set(names.values()))).to_pandas()
            for i, row in enumerate(frame.to_dict("records")):
                yield offset + i + 1, row, "", names
        return
    # a table is judged row by row: a NUL in one row must not lose the others
    raw, _ = decode(path.read_bytes(), check_binary=False)
    if suffix == ".csv":
        reader = csv.DictReader(raw.splitlines(keepends=True), restkey="__extra__")
        names = resolve_columns(reader.fieldnames or [], columns)
        for row in reader:
            line = reader.line_num
            if "__extra__" in row:
                yield line, None, f"{len(row['__extra__'])} more field(s) than the header", names
            elif any(v is None for v in row.values()):
                yield line, None, "fewer fields than the header", names
            else:
                yield line, row, "", names
        return
    known: dict[tuple, dict[str, str]] = {}
    for line, text in enumerate(raw.splitlines(), start=1):
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as exc:
            yield line, None, f"broken JSON: {exc.msg} (column {exc.colno})", {}
            continue
        if not isinstance(row, dict):
            yield line, None, "a JSON line must be an object with a text field", {}
            continue
        keys = tuple(row)
        if keys not in known:  # the first object's keys must hold a text field
            known[keys] = resolve_columns(keys, columns, require_text=not known)
        yield line, row, "", known[keys]


def read_table_file(path: Path, rel: str, row_group: int | None = None, *,
                    columns: Mapping[str, str] | None = None, dotted: str = "dmy"
                    ) -> tuple[list[dict], list[Problem]]:
    """Read a CSV / JSONL / Parquet corpus: one article per row with a text column
    (``columns`` maps fields to the table's own column names, see :func:`resolve_columns`;
    ``dotted`` is the order of dotted dates, "03.04.2021", see
    :func:`~conflictnews.dates.read_date`).

    ``position`` is the row's index among the file's data rows (bad rows included).
    """
    records: list[dict] = []
    problems: list[Problem] = []
    try:
        for index, (line, row, problem, names) in enumerate(
                _table_rows(path, rel, row_group, columns)):
            if row_group is not None:
                index = line - 1
            if row is None:
                problems.append(Problem(rel, line, problem))
                continue
            body = _pick(row, "text", names)
            if not body.strip():
                problems.append(Problem(rel, line, "row has an empty text field"))
                continue
            headline = _pick(row, "headline", names).strip()
            # without a headline column, a short first line before the byline is the
            # headline (read with the text), not a photo caption
            parts = parse_article(paragraphs(body), allow_headline=not headline)
            parts.headline = headline or parts.headline
            parts.byline = _pick(row, "byline", names).strip() or parts.byline
            parts.first_line = line
            record = _record(parts, rel, index, "utf-8")
            record["outlet"] = _pick(row, "outlet", names).strip()
            record["url"] = _pick(row, "url", names).strip()
            published = _pick(row, "published", names)
            try:
                date = read_date(published, dotted=dotted)
                record["published"], record["published_precision"] = date.day, date.precision
            except ValueError as exc:
                problems.append(Problem(rel, line, f"{exc}; published left empty"))
            if not pd.isna(record["published"]):
                record["date_source"] = "metadata"
                record["date_evidence"] = f"column {names['published']} value {published!r}"
            records.append(record)
    except (ValueError, OSError, UnicodeError) as exc:
        problems.append(Problem(rel, None, f"cannot read table: {exc}"))
    except Exception as exc:  # pyarrow raises its own types for broken Parquet
        problems.append(Problem(rel, None, f"cannot read table: {type(exc).__name__}: {exc}"))
    return records, problems


def corpus_files(source: Path) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """List the readable corpus files under ``source`` as ``(path, relative name)``."""
    if source.is_file():
        return [(source, source.name)], []
    if not source.exists():
        raise CorpusError([Problem(str(source), None, "corpus not found: no such file or folder")])
    if not source.is_dir():
        raise CorpusError([Problem(str(source), None, "corpus is neither a file nor a folder")])
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []

    def onerror(exc: OSError) -> None:
        problems.append(Problem(str(exc.filename), None, f"cannot list folder: {exc.strerror}"))

    for root, dirs, names in os.walk(source, onerror=onerror):
        # a browser's "save page, complete" puts the page's scripts, styles and ad frames
        # in PAGE_files/ beside PAGE.html: not articles
        pages = {n.rsplit(".", 1)[0] for n in names if n.lower().endswith(HTML_SUFFIXES)}
        dirs[:] = sorted(d for d in dirs if not (d.endswith("_files") and d[:-6] in pages))
        here = Path(root)
        for name in dirs:
            if name.lower().endswith(CORPUS_SUFFIXES):
                rel = (here / name).relative_to(source).as_posix()
                problems.append(Problem(rel, None, "is a folder, not a file; skipped"))
        for name in sorted(names):
            if not name.lower().endswith(CORPUS_SUFFIXES) or name.startswith(("~$", ".")):
                continue
            path = here / name
            rel = path.relative_to(source).as_posix()
            if not path.exists():
                problems.append(Problem(rel, None, "broken or looping symbolic link; skipped"))
                continue
            files.append((path, rel))
    return files, problems


def _doc_id(source_file: str, position: int) -> str:
    stem = source_file.rsplit(".", 1)[0]
    return f"{stem}#{position}"


def _text_date(text: str, headline: str, caption: str, dateline: str, dotted: str = "dmy"
               ) -> tuple[pd.Timestamp, str]:
    """An explicit date in the caption, dateline or lead paragraph (see :func:`date_in_text`)."""
    return date_in_text(caption, dateline, first_line(text, len(headline) if headline else 0),
                        dotted=dotted)


_VISIBLE = re.compile(r"\S")


def first_line(text: str, start: int = 0) -> str:
    """``text[start:].strip().split("\n", 1)[0]``, without copying the whole text
    three times: the first line of what follows ``start``, once white space is cut."""
    first = _VISIBLE.search(text, start)
    if first is None:
        return ""
    end = text.find("\n", first.start())
    if end < 0 or _VISIBLE.search(text, end) is None:  # no line end before the last word
        return text[first.start():].rstrip()
    return text[first.start():end]


def _finish(frame: pd.DataFrame, dotted: str = "dmy") -> pd.DataFrame:
    """Fill text dates, ids and counts, and order the columns."""
    published = frame["published"].tolist()
    precision = frame["published_precision"].tolist()
    source = frame["date_source"].tolist()
    evidence = frame["date_evidence"].tolist()
    texts = frame["text"].tolist()
    for i, (text, headline, caption, dateline) in enumerate(zip(
            texts, frame["headline"].tolist(), frame["caption"].tolist(),
            frame["dateline"].tolist(), strict=True)):
        if not pd.isna(published[i]):
            precision[i] = precision[i] or "day"  # a reader that gave a day, no precision
            continue
        stamp, found = _text_date(text, headline, caption, dateline, dotted)
        if found:
            published[i], source[i], precision[i] = stamp, "text", "day"
            evidence[i] = f"explicit date in text: {found!r}"
    frame = frame.assign(
        published=pd.to_datetime(pd.Series(published, index=frame.index, dtype=object))
        .astype("datetime64[ns]"),
        published_precision=precision, date_source=source, date_evidence=evidence,
        doc_id=[_doc_id(f, p) for f, p in zip(frame["source_file"].tolist(),
                                               frame["position"].tolist(), strict=True)],
        n_words=count_words(texts),
        n_sentences=[sentence_count(t) for t in texts],
        # filled for the whole corpus (read_corpus) or extract (copies.py)
        duplicate_of=pd.Series("", index=frame.index, dtype=str),
        similarity=np.nan,
    )
    for col in ("position", "line", "n_words", "n_sentences"):
        frame[col] = frame[col].astype("int64")
    return frame[ARTICLE_COLUMNS].reset_index(drop=True)


def empty_articles() -> pd.DataFrame:
    """An articles table with no rows and the right columns."""
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in ARTICLE_COLUMNS})
    frame["published"] = pd.Series(dtype="datetime64[ns]")
    frame["similarity"] = pd.Series(dtype="float64")
    for col in ("position", "line", "n_words", "n_sentences"):
        frame[col] = pd.Series(dtype="int64")
    return frame


def read_records(files: Iterable[tuple[Path, str]], columns: Mapping[str, str] | None = None,
                 *, dotted: str = "dmy") -> tuple[list[dict], list[Problem]]:
    """Read article records from each file, collecting problems instead of stopping
    (``columns``: a table's own column names, see :func:`resolve_columns`; ``dotted``:
    the order of dotted dates, see :func:`~conflictnews.dates.read_date`)."""
    records: list[dict] = []
    problems: list[Problem] = []
    for path, rel in files:
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            got, bad = read_table_file(path, rel, columns=columns, dotted=dotted)
        else:
            reader = (read_html_file if suffix in HTML_SUFFIXES else
                      read_docx_file if suffix in DOCX_SUFFIXES else read_text_file)
            got, bad = reader(path, rel, dotted=dotted)
        records.extend(got)
        problems.extend(bad)
    return records, problems


def read_corpus(
    source: str | os.PathLike = "seeds",
    metadata: str | os.PathLike | None = "data/metadata.csv",
    columns: Mapping[str, str] | None = None,
    *,
    dotted: str = "dmy",
) -> Corpus:
    """Read a corpus and its metadata, returning articles and problems (never raising
    for bad files or rows; raising :class:`CorpusError` only when the corpus is missing).
    ``dotted`` is the order of dotted dates ("03.04.2021") in the metadata, tables and
    text: ``"dmy"`` (3 April) or ``"mdy"`` (4 March).
    """
    check_order(dotted)
    source = Path(source)
    if is_extract_dir(source):
        return read_extract(source)
    files, problems = corpus_files(source)
    meta, bad = (read_metadata(Path(metadata), dotted=dotted) if metadata is not None
                 else (None, []))
    problems.extend(bad)
    articles, bad = read_batch(files, meta, metadata, columns, dotted=dotted)
    problems.extend(bad)
    if meta is not None:
        known = set(zip(articles["source_file"], articles["position"], strict=True))
        problems.extend(metadata_problems(meta, Path(metadata), known,
                                          {rel for _, rel in files}))
    if articles.empty:
        problems.append(Problem(str(source), None, "no articles found in the corpus"))
    else:
        articles = mark_copies(articles)
    return Corpus(articles, problems_frame(problems))


def read_batch(files: Iterable[tuple[Path, str]], meta: pd.DataFrame | None,
               metadata: str | os.PathLike | None, columns: Mapping[str, str] | None = None,
               *, dotted: str = "dmy") -> tuple[pd.DataFrame, list[Problem]]:
    """Read some corpus files into finished article rows, with metadata applied."""
    records, problems = read_records(files, columns, dotted=dotted)
    return _articles(records, meta, metadata, dotted), problems


def read_parquet_row_group(path: Path, rel: str, row_group: int, meta: pd.DataFrame | None,
                           metadata: str | os.PathLike | None,
                           columns: Mapping[str, str] | None = None, *, dotted: str = "dmy"
                           ) -> tuple[pd.DataFrame, list[Problem]]:
    """Finished article rows of one row group of a Parquet corpus file."""
    records, problems = read_table_file(path, rel, row_group, columns=columns, dotted=dotted)
    return _articles(records, meta, metadata, dotted), problems


def _articles(records: list[dict], meta: pd.DataFrame | None,
              metadata: str | os.PathLike | None, dotted: str = "dmy") -> pd.DataFrame:
    if not records:
        return empty_articles()
    frame = pd.DataFrame.from_records(records)
    if meta is not None:
        frame = apply_metadata(frame, meta, Path(metadata))
    return _finish(frame, dotted)


def is_extract_dir(path: Path) -> bool:
    """True for a folder written by ``conflictnews extract``."""
    return path.is_dir() and (path / "manifest.json").is_file() and (path / "articles").is_dir()


def read_table(extract_dir: str | os.PathLike, name: str,
               columns: list[str] | None = None) -> pd.DataFrame:
    """One table of an extract folder, whole (its parts in batch order)."""
    path = Path(extract_dir) / name
    if path.is_dir():
        parts = sorted(path.glob("part-*.parquet"))
        if not parts:
            return pd.DataFrame()
        return pd.concat([pd.read_parquet(p, columns=columns) for p in parts],
                         ignore_index=True)
    return pd.read_parquet(path.with_suffix(".parquet"), columns=columns)


def read_extract(path: Path) -> Corpus:
    """The articles and problems of an extract folder (its partitioned Parquet)."""
    articles = read_table(path, "articles")
    problems_file = path / "problems.csv"
    problems = (pd.read_csv(problems_file, dtype={"file": str, "problem": str,
                                                  "severity": str}, keep_default_na=False,
                            na_values={"line": [""]})
                if problems_file.exists() else problems_frame([]))
    problems["line"] = problems["line"].astype("Int64")
    if "duplicate_of" not in articles:  # an extract written before copies were marked
        articles = articles.assign(duplicate_of="", similarity=np.nan)
    return Corpus(articles[ARTICLE_COLUMNS].reset_index(drop=True), problems)


def load_corpus(
    source: str | os.PathLike = "seeds",
    metadata: str | os.PathLike | None = "data/metadata.csv",
    *,
    strict: bool = False,
    columns: Mapping[str, str] | None = None,
    dotted: str = "dmy",
) -> pd.DataFrame:
    """Return the corpus as one row per article (columns: :data:`ARTICLE_COLUMNS`).

    ``source`` is a folder of .txt files (one file may hold several articles), saved
    web pages (.html, .htm) and news-archive exports (Nexis .docx / .txt), or a
    CSV / JSONL / Parquet file with a text column (``columns`` maps fields to other
    column names: ``{"text": "body", "published": "publish_date"}``). ``metadata`` adds
    outlets, headlines, dates and URLs (``None`` for none) and wins over what a page or
    export says. Dotted dates ("03.04.2021") are day-first (3 April) unless
    ``dotted="mdy"`` (4 March), in the metadata, tables and text alike. Copies of other
    articles are marked (``duplicate_of``, ``similarity``).
    Problems are issued as warnings and kept in ``articles.attrs["problems"]``;
    ``strict=True`` raises on the first load with any problem other than a note.

    >>> articles = load_corpus("seeds", "data/metadata.csv")  # doctest: +SKIP
    >>> len(articles)  # doctest: +SKIP
    11
    """
    corpus = read_corpus(source, metadata, check_columns(columns), dotted=dotted)
    problems = corpus.problems
    serious = problems[problems["severity"] == "error"]
    if strict and not serious.empty:
        raise CorpusError([Problem(**r) for r in serious.to_dict("records")])
    for row in problems.itertuples(index=False):
        warnings.warn(str(Problem(*row)), CorpusWarning, stacklevel=2)
    corpus.articles.attrs["problems"] = problems
    return corpus.articles


class CorpusWarning(UserWarning):
    """A problem met while loading the corpus (the rest was loaded)."""


def summary(articles: pd.DataFrame) -> str:
    """Return a plain-text summary: articles per outlet and file, dates, words."""
    lines = [f"{len(articles)} articles, {int(articles['n_words'].sum()):,} words"]
    dated = articles["published"].dropna()
    if not dated.empty:
        lines.append(f"published {dated.min():%Y-%m-%d} to {dated.max():%Y-%m-%d}")
    undated = articles.loc[articles["published"].isna(), "doc_id"].tolist()
    lines.append(
        f"undated: {len(undated)}" + (f" ({', '.join(undated)})" if undated else "")
    )
    if "duplicate_of" in articles:
        copies = int((articles["duplicate_of"].fillna("") != "").sum())
        lines.append(f"copies of earlier articles: {copies} (duplicate_of; counted once)")
    by_source = articles["date_source"].value_counts().to_dict()
    lines.append("dates from: " + ", ".join(f"{k} {v}" for k, v in sorted(by_source.items())))
    lines.append("\narticles per outlet:")
    outlets = articles["outlet"].replace("", "(unknown outlet)").value_counts()
    lines.extend(f"  {n:4d}  {name}" for name, n in outlets.items())
    lines.append("\narticles per file:")
    files = articles.groupby("source_file", sort=True)["doc_id"].count()
    lines.extend(f"  {n:4d}  {name}" for name, n in files.items())
    problems = articles.attrs.get("problems")
    if problems is not None and len(problems):
        lines.append(f"\nproblems ({len(problems)}):")
        lines.extend(f"  {Problem(*r)}" for r in problems.itertuples(index=False))
    return "\n".join(lines)

