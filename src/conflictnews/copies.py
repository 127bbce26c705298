"""Copies counted once: near-duplicate articles (syndicated wire stories re-run by other
sites), found by MinHash signatures and locality-sensitive hashing (LSH).

Each article's body (its ``text`` without the headline) is cut into word 5-grams
("shingles"); a fixed quarter of them, chosen by their hash, is kept, so that two copies
keep the same ones. :func:`signatures` gives each article a MinHash signature of
:data:`NUM_PERM` values; :class:`CopyIndex` takes signatures batch by batch (an extract
computes them in its workers) and, at the end, compares the articles whose signatures
share one of :data:`BANDS` bands. A pair is a copy when the estimated share of the
shorter body's shingles found in the other (``similarity``) is at least
:data:`COPY_SIMILARITY`. Each copy points (``duplicate_of``) at the earliest article of
its story: by ``published`` (undated last), then ``doc_id``.

>>> import pandas as pd
>>> body = " ".join(f"word{i}" for i in range(300))
>>> articles = pd.DataFrame({"doc_id": ["a#0", "b#0"], "headline": ["One", "Two"],
...     "text": ["One\\n\\n" + body, "Two\\n\\n" + body + " and a line added"],
...     "published": pd.to_datetime(["2020-10-02", "2020-10-03"])})
>>> find_copies(articles)[["doc_id", "duplicate_of"]].values.tolist()
[['a#0', ''], ['b#0', 'a#0']]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

#: Words per shingle: five words rarely repeat by chance across different stories.
SHINGLE = 5
#: One shingle in SAMPLE is kept (chosen by its hash, the same in every article).
SAMPLE = 4
#: MinHash values per article = BANDS × ROWS; two articles become a candidate pair when
#: all ROWS values of one band agree (probability J**ROWS per band, J their Jaccard).
BANDS = 32
ROWS = 3
NUM_PERM = BANDS * ROWS
#: A copy: at least this share of the shorter body's shingles is in the other body.
#: Copies (a new headline, a trimmed or padded re-run, one paragraph rewritten) share
#: 0.8-1.0 of them; two stories on the same event share a quoted statement or two
#: (under 0.4). The threshold sits between, with room for the estimate's noise.
COPY_SIMILARITY = 0.6
#: Pairs compared per LSH bucket member: with each of the earlier members, at most this
#: many (a story copied 1,000 times must not give half a million pairs per band).
MAX_BUCKET_PAIRS = 32

_WORD = re.compile(r"\w+")
_RNG = np.random.default_rng(20201027)
#: Multiply-shift hash functions (odd 64-bit multipliers), and the shingle combiners.
_MULTIPLIERS = (_RNG.integers(1, 2**63, NUM_PERM, dtype=np.uint64) * np.uint64(2)
                + np.uint64(1))
_COMBINE = _RNG.integers(1, 2**63, SHINGLE, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_BAND_MIX = _RNG.integers(1, 2**63, ROWS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_EMPTY = np.iinfo(np.uint32).max
_CHUNK = 1 << 14  # shingles hashed at a time (a 14 MB matrix for 96 functions)

COPY_COLUMNS = ["doc_id", "duplicate_of", "similarity"]


def body_of(text: str, headline: str) -> str:
    """The body of an article: its ``text`` without the headline (a copy often gets a
    new one)."""
    return text[len(headline):] if headline and text.startswith(headline) else text


def _shingles(bodies: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The kept shingle hashes of all bodies, and where each body's hashes start."""
    words = [_WORD.findall(b.lower()) for b in bodies]
    counts = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    flat = [w for ws in words for w in ws]
    if len(flat) < SHINGLE:
        return np.zeros(0, np.uint64), np.zeros(len(bodies) + 1, np.int64)
    hashes = pd.util.hash_array(np.array(flat, dtype=object))  # stable across processes
    n = len(hashes) - SHINGLE + 1
    with np.errstate(over="ignore"):
        combined = hashes[:n] * _COMBINE[0]
        for j in range(1, SHINGLE):
            combined += hashes[j:j + n] * _COMBINE[j]
    ends = np.cumsum(counts)
    starts = ends - counts
    # a shingle is valid when its five words lie in one body
    owner = np.repeat(np.arange(len(bodies)), counts)[:n]
    valid = np.arange(n) + SHINGLE <= ends[owner]
    keep = valid & (combined % np.uint64(SAMPLE) == 0)
    kept_owner = owner[keep]
    offsets = np.zeros(len(bodies) + 1, np.int64)
    offsets[1:] = np.cumsum(np.bincount(kept_owner, minlength=len(bodies)))
    del starts
    return combined[keep], offsets


@dataclass
class Signatures:
    """MinHash signatures of some articles, with what :class:`CopyIndex` orders them by."""

    doc_ids: list[str]
    published: np.ndarray  # int64 nanoseconds; undated: the largest int64
    sizes: np.ndarray  # distinct kept shingles per article (0: too short to compare)
    values: np.ndarray  # uint32, one row of NUM_PERM per article
    part: int = -1  # the extract part the articles were written to
    seconds: float = 0.0


def signatures(articles: pd.DataFrame, part: int = -1) -> Signatures:
    """The MinHash signatures of ``articles`` (columns doc_id, headline, text, published).

    An article with no five-word shingle kept (under ~20 words) gets size 0 and is never
    taken for a copy or an original.
    """
    import time

    started = time.perf_counter()
    bodies = [body_of(t, h) for t, h in zip(articles["text"].tolist(),
                                            articles["headline"].tolist(), strict=True)]
    shingles, offsets = _shingles(bodies)
    n = len(bodies)
    values = np.full((n, NUM_PERM), _EMPTY, dtype=np.uint32)
    sizes = np.zeros(n, np.int64)
    owner = np.repeat(np.arange(n), np.diff(offsets))
    for lo in range(0, len(shingles), _CHUNK):
        chunk = shingles[lo:lo + _CHUNK]
        with np.errstate(over="ignore"):
            hashed = ((chunk[:, None] * _MULTIPLIERS[None, :]) >> np.uint64(32)).astype(
                np.uint32)
        docs = owner[lo:lo + _CHUNK]
        firsts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        mins = np.minimum.reduceat(hashed, firsts, axis=0)
        rows = docs[firsts]
        values[rows] = np.minimum(values[rows], mins)
    for i in range(n):
        if offsets[i + 1] > offsets[i]:
            sizes[i] = len(np.unique(shingles[offsets[i]:offsets[i + 1]]))
    published = pd.to_datetime(articles["published"]).to_numpy("datetime64[ns]").astype(
        np.int64)
    published = np.where(published == np.iinfo(np.int64).min, np.iinfo(np.int64).max,
                         published)
    return Signatures(articles["doc_id"].tolist(), published, sizes, values, part,
                      time.perf_counter() - started)


def similarity(values_a: np.ndarray, values_b: np.ndarray, sizes_a: np.ndarray,
               sizes_b: np.ndarray) -> np.ndarray:
    """Estimated share of the smaller shingle set found in the other, per pair of rows:
    from the Jaccard estimate J (the share of equal MinHash values),
    ``|A ∩ B| = J (|A| + |B|) / (1 + J)``."""
    jaccard = (values_a == values_b).mean(axis=1)
    common = jaccard * (sizes_a + sizes_b) / (1 + jaccard)
    smaller = np.maximum(np.minimum(sizes_a, sizes_b), 1)
    return np.minimum(common / smaller, 1.0)


@dataclass
class CopyIndex:
    """Signatures added batch by batch; :meth:`copies` finds the copies among them all.

    Memory: NUM_PERM × 4 bytes (384) per article, about 38 MB for 10^5 articles.
    """

    parts: list[Signatures] = field(default_factory=list)
    seconds: float = 0.0  # time spent here (the workers' time is in each Signatures)

    def add(self, sigs: Signatures) -> None:
        """Keep one batch's signatures."""
        self.parts.append(sigs)

    def worker_seconds(self) -> float:
        """Time the workers spent computing the signatures."""
        return sum(p.seconds for p in self.parts)

    def copies(self) -> tuple[pd.DataFrame, dict[str, int]]:
        """``(table, part_of)``: one row per copy found (:data:`COPY_COLUMNS`) and the
        extract part of each copy."""
        import time

        started = time.perf_counter()
        table, part_of = _find(self.parts)
        self.seconds += time.perf_counter() - started
        return table, part_of


def _candidates(values: np.ndarray, usable: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """Pairs ``(earlier, later)`` (in ``rank`` order) that agree on at least one band."""
    pairs = []
    index = np.flatnonzero(usable)
    for band in range(BANDS):
        cols = values[index, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
        with np.errstate(over="ignore"):
            keys = (cols * _BAND_MIX[None, :]).sum(axis=1, dtype=np.uint64)
        order = np.lexsort((rank[index], keys))
        sorted_keys = keys[order]
        members = index[order]
        same = sorted_keys[1:] == sorted_keys[:-1]
        if not same.any():
            continue
        # within a run of equal keys, pair each member with up to MAX_BUCKET_PAIRS earlier
        for back in range(1, MAX_BUCKET_PAIRS + 1):
            if back >= len(members):
                break
            equal = sorted_keys[back:] == sorted_keys[:-back]
            if not equal.any():
                break
            pairs.append(np.stack([members[:-back][equal], members[back:][equal]], axis=1))
    if not pairs:
        return np.zeros((0, 2), np.int64)
    return np.unique(np.concatenate(pairs), axis=0)


def _find(parts: list[Signatures]) -> tuple[pd.DataFrame, dict[str, int]]:
    if not parts:
        return pd.DataFrame(columns=COPY_COLUMNS), {}
    doc_ids = np.array([d for p in parts for d in p.doc_ids], dtype=object)
    part = np.concatenate([np.full(len(p.doc_ids), p.part) for p in parts])
    published = np.concatenate([p.published for p in parts])
    sizes = np.concatenate([p.sizes for p in parts])
    values = np.concatenate([p.values for p in parts])
    # rank: the story's original is the earliest (published, then doc_id)
    order = np.lexsort((doc_ids.astype(str), published))
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order))
    pairs = _candidates(values, sizes > 0, rank)
    if len(pairs):
        earlier, later = pairs[:, 0], pairs[:, 1]
        sim = similarity(values[earlier], values[later], sizes[earlier], sizes[later])
        ok = sim >= COPY_SIMILARITY
        earlier, later, sim = earlier[ok], later[ok], sim[ok]
    else:
        earlier = later = np.zeros(0, np.int64)
        sim = np.zeros(0)
    # each copy: its earliest match; then follow the chain to the story's first article
    parent: dict[int, tuple[int, float]] = {}
    for e, la, s in sorted(zip(earlier.tolist(), later.tolist(), sim.tolist(), strict=True),
                           key=lambda t: (rank[t[1]], rank[t[0]])):
        if la not in parent:
            parent[la] = (e, s)
    rows = []
    part_of = {}
    for copy, (first, sim_) in parent.items():
        root, seen = first, {copy}
        while root in parent and root not in seen:
            seen.add(root)
            root = parent[root][0]
        rows.append((doc_ids[copy], doc_ids[root], round(float(sim_), 3)))
        part_of[doc_ids[copy]] = int(part[copy])
    table = pd.DataFrame(rows, columns=COPY_COLUMNS).sort_values("doc_id", ignore_index=True)
    return table, part_of


def rewrite_parts(folder, table: pd.DataFrame, part_of: dict[str, int]) -> float:
    """Fill ``duplicate_of`` and ``similarity`` in the extract parts (``folder``:
    ``DIR/articles``) that hold copies; each part is rewritten atomically. Returns the
    seconds spent."""
    import time
    from pathlib import Path

    from conflictnews.outputs import write_table

    started = time.perf_counter()
    by_part: dict[int, list[str]] = {}
    for doc, part in part_of.items():
        by_part.setdefault(part, []).append(doc)
    for part in sorted(by_part):
        path = Path(folder) / f"part-{part:05d}.parquet"
        frame = pd.read_parquet(path)
        write_table(with_copies(frame, table[table["doc_id"].isin(by_part[part])]), path)
    return time.perf_counter() - started


def find_copies(articles: pd.DataFrame) -> pd.DataFrame:
    """``doc_id, duplicate_of, similarity`` for every article of ``articles``
    (``duplicate_of`` empty and ``similarity`` NaN for an original)."""
    table, _ = _find([signatures(articles)])
    return with_copies(articles[["doc_id"]], table)[COPY_COLUMNS]


def with_copies(articles: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with ``duplicate_of`` and ``similarity`` from a copies table."""
    original = dict(zip(table["doc_id"], table["duplicate_of"], strict=True))
    score = dict(zip(table["doc_id"], table["similarity"], strict=True))
    doc_ids = articles["doc_id"].tolist()
    return articles.assign(
        duplicate_of=pd.Series([original.get(d, "") for d in doc_ids], index=articles.index,
                               dtype=str),
        similarity=pd.Series([score.get(d, np.nan) for d in doc_ids], index=articles.index,
                             dtype="float64"))


def mark_copies(articles: pd.DataFrame) -> pd.DataFrame:
    """``articles`` with the copies among them marked (``duplicate_of``, ``similarity``)."""
    if articles.empty:
        return articles.assign(duplicate_of=pd.Series(dtype=str),
                               similarity=pd.Series(dtype="float64"))
    return with_copies(articles, find_copies(articles))


def is_copy(articles: pd.DataFrame) -> pd.Series:
    """True for the rows of ``articles`` that are copies of an earlier article (False for
    all when the table has no ``duplicate_of`` column)."""
    if "duplicate_of" not in articles:
        return pd.Series(False, index=articles.index)
    return articles["duplicate_of"].fillna("").astype(str) != ""


def story_of(articles: pd.DataFrame) -> dict[str, str]:
    """Each copy's doc_id → the doc_id of its story's first article."""
    copies = articles[is_copy(articles)]
    return dict(zip(copies["doc_id"], copies["duplicate_of"], strict=True))


def syndication(articles: pd.DataFrame) -> pd.DataFrame:
    """Who re-ran whose stories: one row per (original outlet, copying outlet) with the
    number of copies, their mean similarity and up to three examples (copy ← original).
    """
    columns = ["original_outlet", "copied_by", "copies", "mean_similarity", "examples"]
    copies = articles[is_copy(articles)]
    if copies.empty:
        return pd.DataFrame(columns=columns)
    outlet = dict(zip(articles["doc_id"], articles["outlet"].replace("", "(unknown)"),
                      strict=True))
    frame = pd.DataFrame({
        "original_outlet": copies["duplicate_of"].map(outlet).fillna("(not loaded)"),
        "copied_by": copies["outlet"].replace("", "(unknown)"),
        "similarity": copies["similarity"],
        "example": copies["doc_id"] + " ← " + copies["duplicate_of"],
    })
    out = frame.groupby(["original_outlet", "copied_by"], sort=True).agg(
        copies=("example", "size"), mean_similarity=("similarity", "mean"),
        examples=("example", lambda s: "; ".join(s.head(3)))).reset_index()
    out["mean_similarity"] = out["mean_similarity"].round(2)
    return out.sort_values(["copies", "original_outlet"], ascending=[False, True],
                           ignore_index=True)[columns]


def count_stories(points: pd.DataFrame, story: Mapping[str, str]) -> pd.DataFrame:
    """Series points (``doc_ids`` lists) with ``n_reports`` counting each story once: the
    number of distinct first articles among the reports (a copy counts as its original)."""
    if points.empty or not story:
        return points
    return points.assign(n_reports=[len({story.get(d, d) for d in ids})
                                    for ids in points["doc_ids"]])
