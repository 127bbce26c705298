"""Copies counted once: near-duplicate articles (syndicated wire stories re-run by other
sites), found by MinHash signatures and locality-sensitive hashing (LSH).

Each article's body (its ``text`` without the headline) is cut into word 5-grams
("shingles"); a fixed quarter of them, chosen by their hash, is kept, so that two copies
keep the same ones. :func:`signatures` gives each article the LSH keys of a MinHash
signature (:data:`BANDS` bands of :data:`ROWS` values) and its kept shingles;
:class:`CopyIndex` takes them batch by batch (an extract computes them in its workers)
and, at the end, compares the articles that share a band key. A pair is a copy when at
least :data:`COPY_SIMILARITY` of the shorter body's kept shingles are in the other
(``similarity``, counted exactly). Each copy points (``duplicate_of``) at the earliest
article of its story: by ``published`` (undated last), then ``doc_id``.

>>> import pandas as pd
>>> body = " ".join(f"word{i}" for i in range(300))
>>> articles = pd.DataFrame({"doc_id": ["a#0", "b#0"], "headline": ["One", "Two"],
...     "text": ["One\\n\\n" + body, "Two\\n\\n" + body + " and a line added"],
...     "published": pd.to_datetime(["2020-10-02", "2020-10-03"])})
>>> find_copies(articles)[["doc_id", "duplicate_of"]].values.tolist()
[['a#0', ''], ['b#0', 'a#0']]
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

#: Words per shingle: five words rarely repeat by chance across different stories.
SHINGLE = 5
#: One shingle in SAMPLE is kept (chosen by its hash, the same in every article), and
#: the MinHash signature is made of one in MINHASH_SAMPLE.
SAMPLE = 4
MINHASH_SAMPLE = 8
#: MinHash values per article = BANDS × ROWS; two articles become a candidate pair when
#: all ROWS values of one band agree (probability J**ROWS per band, J their Jaccard): a
#: pair with J = 0.8 (a re-run with a new headline and a line added) is a candidate
#: always, J = 0.6 98 times in 100, J = 0.5 (half of it cut) 87, J = 0.1 (two stories
#: sharing background) 3 in 1,000. Three rows a band found more trimmed copies but made
#: ten times the candidates on the generated benchmark corpus, whose articles are drawn
#: from the same few hundred sentences.
BANDS = 32
ROWS = 4
NUM_PERM = BANDS * ROWS
#: A copy: at least this share of the shorter body's shingles is in the other body.
#: Copies (a new headline, a trimmed or padded re-run, one paragraph rewritten) share
#: 0.8-1.0 of them; two stories on the same event share a quoted statement or two, and
#: the seed Reuters updates of one war share background paragraphs: 0.02-0.11 of them.
#: The threshold sits between, with room for the sampling's noise.
COPY_SIMILARITY = 0.6
#: Pairs compared per LSH bucket member: with each of the earlier members, at most this
#: many (a story copied 1,000 times must not give half a million pairs per band).
MAX_BUCKET_PAIRS = 32
#: Candidates whose MinHash estimate of the similarity is this far below the threshold
#: are dropped before the exact count (the estimate's standard error is about 0.05-0.07),
#: and of each article's candidates only the CHECKED likeliest are counted exactly (on
#: the generated benchmark corpus, whose articles share sentences, 10^5 articles gave
#: 1.5 million likely pairs).
ESTIMATE_MARGIN = 0.15
CHECKED = 3

_RNG = np.random.default_rng(20201027)


def _odd(n: int) -> np.ndarray:
    return _RNG.integers(1, 2**62, n, dtype=np.uint64) * np.uint64(2) + np.uint64(1)


#: The MinHash functions a x + b (modulo 2^32; a odd), and the hash combiners.
_MULTIPLIERS = (_odd(NUM_PERM) >> np.uint64(32)).astype(np.uint32) | np.uint32(1)
_ADDENDS = (_odd(NUM_PERM) >> np.uint64(32)).astype(np.uint32)
_COMBINE = _odd(SHINGLE)
_BAND_MIX = _odd(ROWS)
_MIX = _odd(1)[0]
_EMPTY = np.iinfo(np.uint32).max
_CHUNK = 1 << 15  # shingles hashed at a time (a 16 MB matrix for 128 functions)

COPY_COLUMNS = ["doc_id", "duplicate_of", "similarity"]


def body_of(text: str, headline: str) -> str:
    """The body of an article: its ``text`` without the headline (a copy often gets a
    new one)."""
    return text[len(headline):] if headline and text.startswith(headline) else text


@lru_cache(maxsize=1)
def _letters() -> np.ndarray:
    """For each code point of the Basic Multilingual Plane that ``\\w`` matches, a random
    non-zero 32-bit value, the same for its lower and upper case; 0 for the others."""
    chars = [chr(c) for c in range(0x10000)]
    lower = np.array([ord(c.lower()) if len(c.lower()) == 1 else ord(c) for c in chars])
    values = np.random.default_rng(1991).integers(1, 2**32, 0x10000, dtype=np.uint32)
    word = np.array([c.isalnum() or c == "_" for c in chars])
    return np.where(word, values[lower], np.uint32(0)).astype(np.uint32)


def _mix(x: np.ndarray) -> np.ndarray:
    """Scramble 64-bit hashes (xor-shift, multiply, xor-shift)."""
    with np.errstate(over="ignore"):
        x = x ^ (x >> np.uint64(29))
        x = x * _MIX
        return x ^ (x >> np.uint64(32))


def _word_hashes(bodies: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """A hash of each word (run of ``\\w`` characters, any case) of all bodies, in order,
    and each body's word count: the sum of a random value per letter, by array
    operations over the characters, no word strings made (``re.findall`` and hashing each
    word took four times as long). A word is hashed as the bag of its letters: anagrams
    ("on", "no") hash alike, which can neither make nor hide a copy (a re-run differs
    from its original by far more than swapped letters)."""
    joined = "\n".join(bodies)
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = _letters().take(points, mode="clip")  # astral code points: not word characters
    edges = np.diff((codes != 0).view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    if not len(starts):
        return np.zeros(0, np.uint64), np.zeros(len(bodies), np.int64)
    hashes = _mix(np.add.reduceat(codes, starts).astype(np.uint64))
    lengths = np.fromiter((len(b) for b in bodies), dtype=np.int64, count=len(bodies))
    body_starts = np.cumsum(lengths + 1) - lengths - 1
    owner = np.searchsorted(body_starts, starts, side="right") - 1
    return hashes, np.bincount(owner, minlength=len(bodies))


def _shingles(bodies: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The kept shingle hashes of all bodies, and where each body's hashes start."""
    hashes, counts = _word_hashes(bodies)
    if len(hashes) < SHINGLE:
        return np.zeros(0, np.uint64), np.zeros(len(bodies) + 1, np.int64)
    n = len(hashes) - SHINGLE + 1
    with np.errstate(over="ignore"):
        combined = hashes[:n] * _COMBINE[0]
        for j in range(1, SHINGLE):
            combined += hashes[j:j + n] * _COMBINE[j]
    combined = _mix(combined)
    ends = np.cumsum(counts)
    # a shingle is valid when its five words lie in one body
    owner = np.repeat(np.arange(len(bodies)), counts)[:n]
    valid = np.arange(n) + SHINGLE <= ends[owner]
    keep = valid & (combined % np.uint64(SAMPLE) == 0)
    offsets = np.zeros(len(bodies) + 1, np.int64)
    offsets[1:] = np.cumsum(np.bincount(owner[keep], minlength=len(bodies)))
    return combined[keep], offsets


@dataclass
class Signatures:
    """What :class:`CopyIndex` needs of some articles: LSH band keys, kept shingles (as
    sorted distinct 32-bit values) and the order of publication."""

    doc_ids: list[str]
    published: np.ndarray  # int64 nanoseconds; undated: the largest int64
    values: np.ndarray  # uint32 MinHash values, one row of NUM_PERM per article
    shingles: np.ndarray  # uint32, each article's sorted distinct kept shingles in turn
    offsets: np.ndarray  # where each article's shingles start (len + 1)
    part: int = -1  # the extract part the articles were written to
    seconds: float = 0.0


def signatures(articles: pd.DataFrame, part: int = -1) -> Signatures:
    """The signatures of ``articles`` (columns doc_id, headline, text, published).

    An article with no five-word shingle kept (under ~20 words) has no shingles and is
    never taken for a copy or an original.
    """
    started = time.perf_counter()
    bodies = [body_of(t, h) for t, h in zip(articles["text"].tolist(),
                                            articles["headline"].tolist(), strict=True)]
    shingles, offsets = _shingles(bodies)
    n = len(bodies)
    values = np.full((n, NUM_PERM), _EMPTY, dtype=np.uint32)
    owner = np.repeat(np.arange(n), np.diff(offsets))
    # h(x) = a x + b modulo 2^32 on the top half of each shingle hash, one row of the
    # matrix per function (rows: reducing along them is ten times faster than columns)
    signed = shingles % np.uint64(MINHASH_SAMPLE) == 0
    top = (shingles[signed] >> np.uint64(32)).astype(np.uint32)
    signed_owner = owner[signed]
    for lo in range(0, len(top), _CHUNK):
        with np.errstate(over="ignore"):
            hashed = _MULTIPLIERS[:, None] * top[None, lo:lo + _CHUNK]
            hashed += _ADDENDS[:, None]
        docs = signed_owner[lo:lo + _CHUNK]
        firsts = np.flatnonzero(np.r_[True, docs[1:] != docs[:-1]])
        rows = docs[firsts]
        values[rows] = np.minimum(values[rows],
                                  np.minimum.reduceat(hashed, firsts, axis=1).T)
    # each article's kept shingles, sorted and distinct, as 32-bit values: one sort of
    # (article << 32 | top half of the hash)
    keyed = np.sort((owner.astype(np.uint64) << np.uint64(32)) | (shingles >> np.uint64(32)))
    fresh = np.ones(len(keyed), bool)
    fresh[1:] = keyed[1:] != keyed[:-1]
    keyed = keyed[fresh]
    small = (keyed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    kept_owner = (keyed >> np.uint64(32)).astype(np.int64)
    distinct = np.zeros(n + 1, np.int64)
    distinct[1:] = np.cumsum(np.bincount(kept_owner, minlength=n))
    published = pd.to_datetime(articles["published"]).to_numpy("datetime64[ns]").astype(
        np.int64)
    published = np.where(published == np.iinfo(np.int64).min, np.iinfo(np.int64).max,
                         published)
    return Signatures(articles["doc_id"].tolist(), published, values, small, distinct, part,
                      time.perf_counter() - started)


def estimate(bits_a: np.ndarray, bits_b: np.ndarray, sizes_a: np.ndarray,
             sizes_b: np.ndarray) -> np.ndarray:
    """MinHash estimate of the share of the smaller shingle set found in the other, per
    pair of rows of 8-bit MinHash values (the top byte of each: "b-bit minwise hashing",
    a quarter of the memory to compare; two different values share a byte 1 time in
    256, which the estimate takes out): from the Jaccard estimate J,
    ``|A ∩ B| = J (|A| + |B|) / (1 + J)``."""
    chance = 1 / 256
    jaccard = np.maximum(((bits_a == bits_b).mean(axis=1) - chance) / (1 - chance), 0.0)
    common = jaccard * (sizes_a + sizes_b) / (1 + jaccard)
    return np.minimum(common / np.maximum(np.minimum(sizes_a, sizes_b), 1), 1.0)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller of two sorted distinct shingle arrays found in the other."""
    if not len(a) or not len(b):
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    at = np.minimum(np.searchsorted(large, small), len(large) - 1)
    return int((large[at] == small).sum()) / len(small)


@dataclass
class CopyIndex:
    """Signatures added batch by batch; :meth:`copies` finds the copies among them all.

    Memory: 128 MinHash values (512 bytes) and ~140 kept shingles (~560 bytes) per
    article of 550 words: about 110 MB for 10^5 articles.
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
        started = time.perf_counter()
        table, part_of = _find(self.parts)
        self.seconds += time.perf_counter() - started
        return table, part_of


def _candidates(values: np.ndarray, usable: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """Pairs ``(earlier, later)`` (in ``rank`` order) that agree on at least one band."""
    pairs = []
    index = np.flatnonzero(usable)
    for band in range(BANDS):
        with np.errstate(over="ignore"):
            band_keys = (values[index, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
                         * _BAND_MIX[None, :]).sum(axis=1, dtype=np.uint64)
        order = np.lexsort((rank[index], band_keys))
        sorted_keys = band_keys[order]
        members = index[order]
        # each member is paired with the (at most MAX_BUCKET_PAIRS) earlier members of its
        # run of equal keys: positions run_start .. position - 1
        position = np.arange(len(members))
        new_run = np.ones(len(members), bool)
        new_run[1:] = sorted_keys[1:] != sorted_keys[:-1]
        run_start = np.maximum.accumulate(np.where(new_run, position, 0))
        first = np.maximum(run_start, position - MAX_BUCKET_PAIRS)
        count = position - first
        if not count.any():
            continue
        later = np.repeat(position, count)
        # offsets 0 .. count-1 within each member's group of pairs
        offset = np.arange(len(later)) - np.repeat(np.cumsum(count) - count, count)
        pairs.append(np.stack([members[first.repeat(count) + offset], members[later]],
                              axis=1))
    if not pairs:
        return np.zeros((0, 2), np.int64)
    both = np.concatenate(pairs)
    n = len(usable)
    codes = np.sort(both[:, 0] * n + both[:, 1])
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]]  # each pair once
    return np.stack([codes // n, codes % n], axis=1)


def _find(parts: list[Signatures]) -> tuple[pd.DataFrame, dict[str, int]]:
    if not parts:
        return pd.DataFrame(columns=COPY_COLUMNS), {}
    doc_ids = np.array([d for p in parts for d in p.doc_ids], dtype=object)
    part = np.concatenate([np.full(len(p.doc_ids), p.part) for p in parts])
    published = np.concatenate([p.published for p in parts])
    values = np.concatenate([p.values for p in parts])
    sizes = np.concatenate([np.diff(p.offsets) for p in parts])
    starts = np.concatenate([[0], np.cumsum(sizes)])
    shingles = np.concatenate([p.shingles for p in parts])
    # rank: the story's original is the earliest (published, then doc_id)
    order = np.lexsort((doc_ids.astype(str), published))
    rank = np.empty(len(order), np.int64)
    rank[order] = np.arange(len(order))
    # each copy: its best match among the earlier articles; then follow the chain to the
    # story's first article
    parent: dict[int, tuple[int, float]] = {}
    pairs = _candidates(values, (sizes > 0) & (values[:, 0] != _EMPTY), rank)
    bits = (values >> np.uint32(24)).astype(np.uint8)
    guess = np.zeros(len(pairs))
    for lo in range(0, len(pairs), 1 << 18):  # 32 MB of bytes compared at a time
        e, la = pairs[lo:lo + (1 << 18), 0], pairs[lo:lo + (1 << 18), 1]
        guess[lo:lo + (1 << 18)] = estimate(bits[e], bits[la], sizes[e], sizes[la])
    likely = guess >= COPY_SIMILARITY - ESTIMATE_MARGIN
    pairs, guess = pairs[likely], guess[likely]
    # for each later article, its likeliest matches first, at most CHECKED of them
    pairs = pairs[np.lexsort((-guess, rank[pairs[:, 1]]))]
    later = pairs[:, 1]
    new = np.ones(len(later), bool)
    new[1:] = later[1:] != later[:-1]
    group_start = np.maximum.accumulate(np.where(new, np.arange(len(later)), 0))
    pairs = pairs[np.arange(len(later)) - group_start < CHECKED]
    for e, la in pairs.tolist():
        if la in parent:
            continue
        sim = containment(shingles[starts[e]:starts[e + 1]], shingles[starts[la]:starts[la + 1]])
        if sim >= COPY_SIMILARITY:
            parent[la] = (e, sim)
    rows = []
    part_of = {}
    for copy, (first, sim) in parent.items():
        root, seen = first, {copy}
        while root in parent and root not in seen:
            seen.add(root)
            root = parent[root][0]
        rows.append((doc_ids[copy], doc_ids[root], round(float(sim), 3)))
        part_of[doc_ids[copy]] = int(part[copy])
    table = pd.DataFrame(rows, columns=COPY_COLUMNS).sort_values("doc_id", ignore_index=True)
    return table, part_of


def rewrite_parts(folder, table: pd.DataFrame, part_of: dict[str, int]) -> float:
    """Fill ``duplicate_of`` and ``similarity`` in the extract parts (``folder``:
    ``DIR/articles``) that hold copies; each part is rewritten atomically, by Arrow
    (through pandas it took three times as long). Returns the seconds spent."""
    from pathlib import Path

    import pyarrow as pa
    import pyarrow.parquet as pq

    from conflictnews.outputs import write_atomic

    started = time.perf_counter()
    original = dict(zip(table["doc_id"], table["duplicate_of"], strict=True))
    score = dict(zip(table["doc_id"], table["similarity"], strict=True))
    for part in sorted(set(part_of.values())):
        path = Path(folder) / f"part-{part:05d}.parquet"
        frame = pq.read_table(path)
        ids = frame.column("doc_id").to_pylist()
        for name, values in (("duplicate_of", [original.get(d, "") for d in ids]),
                             ("similarity", [score.get(d) for d in ids])):
            at = frame.schema.get_field_index(name)
            frame = frame.set_column(at, frame.schema.field(at),
                                     pa.array(values, type=frame.schema.field(at).type))
        write_atomic(path, lambda tmp, frame=frame: pq.write_table(frame, tmp))
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
