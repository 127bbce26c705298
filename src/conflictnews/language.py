"""Reading the coverage: keywords in context, term rates and distinctive words per outlet.

Only NLTK's data-free parts are used (Treebank tokenizer, ``Text.concordance_list``,
``FreqDist``, collocation finders), so this runs on a laptop with no nltk_data.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.tokenize import TreebankWordTokenizer
from nltk.util import cut_string

from conflictnews.patterns import LETTER
from conflictnews.sentences import sentence_spans
from conflictnews.tables import records

#: A small English stop list (NLTK's needs a download); for distinctive words only.
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself said says say told would could also one two three since however
    s t ’s 's n't""".split()
)
_TOKENIZER = TreebankWordTokenizer()
_WORD = re.compile(rf"^{LETTER}(?:{LETTER}|[’'-])*$")  # a word of letters, any script


def tokens(text: str) -> list[str]:
    """Treebank word tokens of ``text``, sentence by sentence (the reference:
    :func:`fast_tokens` gives the same tokens much faster)."""
    out: list[str] = []
    for a, b in sentence_spans(text):
        out.extend(_TOKENIZER.tokenize(text[a:b].replace("’", "'")))
    return out


#: Treebank's tokens of one white-space-separated chunk inside a sentence, and of one
#: ending it (only there is a final period split off). Bounded: cleared when they grow
#: past :data:`CHUNK_CACHE`.
_INNER: dict[str, tuple[str, ...]] = {}
_LAST: dict[str, tuple[str, ...]] = {}
CHUNK_CACHE = 500_000


#: A chunk Treebank only cuts at its edges: opening brackets, then letters and digits
#: joined by single hyphens, by commas before a digit ("1,234") or by periods inside
#: ("3.88", "U.S"), then closing brackets and , ; : ? ! one by one, and a final period
#: (split off at a sentence's end, or after such a mark); not one of its split words.
_EDGED = re.compile(r"([(\[{<]*)([A-Za-z0-9]+(?:(?:-|,(?=[0-9])|\.(?=[A-Za-z0-9]))"
                    r"[A-Za-z0-9]+)*)([)\]}>,;:?!]*)(\.?)\Z")
_SPLIT_WORDS = frozenset({"cannot", "gimme", "gonna", "gotta", "lemme", "wanna"})


def _chunk_tokens(chunk: str, last: bool) -> tuple[str, ...]:
    cache = _LAST if last else _INNER
    found = cache.get(chunk)
    if found is None:
        if len(cache) >= CHUNK_CACHE:
            cache.clear()
        edged = _EDGED.match(chunk)
        if edged and edged.group(2).lower() not in _SPLIT_WORDS:
            pre, core, post, dot = edged.groups()
            if dot and not last and not post:
                core, dot = core + dot, ""  # a period inside a sentence stays on its word
            cache[chunk] = found = (*pre, core, *post, *dot)  # Treebank's result, directly
            return found
        # a chunk inside a sentence is followed by a space and another word: Treebank's
        # rules look no further than that (its only end-of-text rule is the final period)
        found = tuple(_TOKENIZER.tokenize(chunk) if last
                      else _TOKENIZER.tokenize(chunk + " x")[:-1])
        cache[chunk] = found
    return found


def fast_tokens(text: str, spans: list[tuple[int, int]] | None = None) -> list[str]:
    """The same tokens as :func:`tokens`: each sentence is cut at white space and each
    chunk tokenised once by Treebank and remembered (news text repeats its words, so
    most chunks are looked up, not tokenised; Treebank's rules never reach across
    white space except for a sentence's final period, which the sentence end decides).
    ``spans``: the text's sentence spans, when already known.
    """
    out: list[str] = []
    extend = out.extend
    inner = _INNER
    for a, b in sentence_spans(text) if spans is None else spans:
        chunks = text[a:b].replace("’", "'").split()
        if not chunks:
            continue
        last = chunks.pop()
        try:  # most chunks were seen before: look them all up at once
            extend(chain.from_iterable([inner[c] for c in chunks]))
        except KeyError:
            for chunk in chunks:
                extend(_chunk_tokens(chunk, False))
        extend(_chunk_tokens(last, True))
    return out


def concordance(words: list[str], term: str, width: int = 80,
                lines: int = 25) -> list[tuple[str, str, str]]:
    """``(left, match, right)`` for the first ``lines`` uses of ``term`` (any case) in
    the tokens ``words``: what NLTK's ``Text(words).concordance_list(term, width,
    lines)`` gives as ``left_print, query, right_print``, without indexing every word."""
    key = term.lower()
    half = (width - sum(1 for ch in term if not unicodedata.combining(ch)) - 2) // 2
    context = width // 4
    out = []
    for i, word in enumerate(words):
        if word.lower() != key:
            continue
        left = cut_string(" ".join(words[max(0, i - context):i]), -half).rjust(half)
        out.append((left, word, cut_string(" ".join(words[i + 1:i + context]), half)))
        if len(out) == lines:
            break
    return out


def keyword_in_context(articles: pd.DataFrame, terms: list[str], width: int = 70,
                       lines: int = 25) -> pd.DataFrame:
    """Concordance lines for each term (NLTK ``Text.concordance_list``), per article.

    Only articles whose text contains a term (case-insensitive) are tokenised.
    Columns: ``term, doc_id, outlet, published, left, match, right``.
    """
    rows = []
    wanted = [t.lower() for t in terms]
    for art in records(articles, "doc_id", "outlet", "published", "text"):
        lower = art.text.lower()
        if not any(t in lower for t in wanted):
            continue
        words = fast_tokens(art.text)
        for term in terms:
            if term.lower() in lower:
                rows += [(term, art.doc_id, art.outlet, art.published, *line)
                         for line in concordance(words, term, width, lines)]
    return pd.DataFrame(rows, columns=["term", "doc_id", "outlet", "published", "left",
                                       "match", "right"])


def term_rates(articles: pd.DataFrame, terms: list[str], by: str = "outlet") -> pd.DataFrame:
    """How often each term (case-insensitive, word prefix: "terrorist" counts
    "terrorists") appears per 1,000 words in each group. Columns ``by, term, count,
    words, per_1000_words``."""
    lower = [t.lower() for t in articles["text"].tolist()]
    keys = articles[by].astype(str).tolist() if len(articles) else []
    words = articles.assign(_key=keys).groupby("_key", sort=True)["n_words"].sum() \
        if len(articles) else pd.Series(dtype="int64")
    found: dict[str, Counter] = {}
    for term in terms:
        pattern = re.compile(rf"\b{re.escape(term.lower())}\w*")
        found[term] = Counter()
        for key, text in zip(keys, lower, strict=True):
            if term.lower() in text:
                found[term][key] += len(pattern.findall(text))
    rows = [(key, term, found[term].get(key, 0), int(n_words),
             1000 * found[term].get(key, 0) / n_words if n_words else 0.0)
            for key, n_words in words.items() for term in terms]
    return pd.DataFrame(rows, columns=[by, "term", "count", "words", "per_1000_words"])


@dataclass
class WordCounts:
    """What distinctive words and collocations need, from one pass over the texts:
    content words per group (lower-cased, no stop words, three letters or more), and
    every word and adjacent word pair of the whole text (as NLTK's collocation finder
    counts them)."""

    by_group: dict[str, Counter]
    words: Counter
    pairs: Counter


def word_counts(articles: pd.DataFrame, by: str = "outlet") -> WordCounts:
    """Count once what :func:`distinctive_words` and :func:`collocations` use."""
    by_group: dict[str, Counter] = {}
    words: Counter = Counter()
    pairs: Counter = Counter()
    last = None
    keys = articles[by].astype(str).tolist() if len(articles) else []
    for key, text in zip(keys, articles["text"].tolist(), strict=True):
        lowered = [t.lower() for t in fast_tokens(text) if _WORD.match(t)]
        if not lowered:
            continue
        words.update(lowered)
        pairs.update(zip(lowered, lowered[1:], strict=False))  # noqa: RUF007
        if last is not None:  # NLTK reads the texts as one stream of words
            pairs[(last, lowered[0])] += 1
        last = lowered[-1]
        by_group.setdefault(key, Counter()).update(
            w for w in lowered if len(w) > 2 and w not in STOPWORDS)
    return WordCounts(dict(sorted(by_group.items())), words, pairs)


@dataclass
class Coverage:
    """Everything notebook 04 reads from the texts, from one pass over them."""

    counts: WordCounts
    kwic: pd.DataFrame  # as keyword_in_context
    framing: pd.DataFrame  # as sentences_with
    rates: pd.DataFrame  # as term_rates


def read_coverage(articles: pd.DataFrame | Iterable[pd.DataFrame], terms: list[str],
                  framing_term: str, *, by: str = "outlet", width: int = 70,
                  lines: int = 25) -> Coverage:
    """:func:`word_counts`, :func:`keyword_in_context`, :func:`sentences_with` and
    :func:`term_rates` in one pass: each article is split into sentences and tokens
    once (the same results as calling the four, which each read every text).
    ``articles`` may come in chunks (an iterable of frames, in corpus order), so that
    the texts of a large corpus are never all in memory."""
    by_group: dict[str, Counter] = {}
    words: Counter = Counter()
    pairs: Counter = Counter()
    found: dict[str, Counter] = {t: Counter() for t in terms}
    group_words: Counter = Counter()
    last = None
    kwic, framing = [], []
    wanted = [t.lower() for t in terms]
    patterns = [re.compile(rf"\b{re.escape(t)}\w*") for t in wanted]
    frame_low = framing_term.lower()
    frame_re = re.compile(rf"\b{re.escape(framing_term)}", re.IGNORECASE)
    chunks = [articles] if isinstance(articles, pd.DataFrame) else articles
    for chunk in chunks:
        keys = chunk[by].astype(str).tolist() if len(chunk) else []
        group_words.update(dict(chunk.assign(_key=keys).groupby("_key")["n_words"].sum())
                           if len(chunk) else {})
        for key, art in zip(keys, records(chunk, "doc_id", "outlet", "published", "text"),
                            strict=True):
            text = art.text
            spans = sentence_spans(text)
            toks = fast_tokens(text, spans)
            lower = text.lower()
            for term, low, pattern in zip(terms, wanted, patterns, strict=True):
                if low in lower:
                    found[term][key] += len(pattern.findall(lower))
                    kwic += [(term, art.doc_id, art.outlet, art.published, *line)
                             for line in concordance(toks, term, width, lines)]
            if frame_low and frame_low in lower:
                framing += [(art.outlet, art.published, art.doc_id, text[a:b])
                            for a, b in spans if frame_re.search(text, a, b)]
            lowered = [t.lower() for t in toks if _WORD.match(t)]
            if not lowered:
                continue
            words.update(lowered)
            pairs.update(zip(lowered, lowered[1:], strict=False))  # noqa: RUF007
            if last is not None:
                pairs[(last, lowered[0])] += 1
            last = lowered[-1]
            by_group.setdefault(key, Counter()).update(
                w for w in lowered if len(w) > 2 and w not in STOPWORDS)
    kwic_frame = pd.DataFrame(kwic, columns=["term", "doc_id", "outlet", "published", "left",
                                             "match", "right"])
    framing_frame = pd.DataFrame(framing, columns=["outlet", "published", "doc_id",
                                                   "sentence"])
    framing_frame = framing_frame.sort_values(["outlet", "published"]).reset_index(drop=True)
    rates = pd.DataFrame(
        [(key, term, found[term].get(key, 0), int(n), 1000 * found[term].get(key, 0) / n
          if n else 0.0) for key, n in sorted(group_words.items()) for term in terms],
        columns=[by, "term", "count", "words", "per_1000_words"])
    return Coverage(WordCounts(dict(sorted(by_group.items())), words, pairs), kwic_frame,
                    framing_frame, rates)


def _counts(texts: pd.Series) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(t.lower() for t in tokens(text)
                      if _WORD.match(t) and t.lower() not in STOPWORDS and len(t) > 2)
    return counts


def distinctive_words_reference(articles: pd.DataFrame, by: str = "outlet", top_n: int = 15,
                                min_count: int = 2) -> pd.DataFrame:
    """:func:`distinctive_words` computed word by word with NLTK's tokenizer (the slow
    reference the tests compare with)."""
    groups = {key: _counts(g["text"]) for key, g in articles.groupby(by, sort=True)}
    total: Counter = Counter()
    for c in groups.values():
        total.update(c)
    prior_n = sum(total.values()) or 1
    rows = []
    for key, counts in groups.items():
        rest = total - counts
        n_i, n_j = sum(counts.values()), sum(rest.values())
        for word, y_i in counts.items():
            if y_i < min_count:
                continue
            a_w = total[word]  # prior: the word's count over the whole corpus
            y_j = rest[word]
            delta = (math.log((y_i + a_w) / (n_i + prior_n - y_i - a_w))
                     - math.log((y_j + a_w) / (n_j + prior_n - y_j - a_w)))
            var = 1 / (y_i + a_w) + 1 / (y_j + a_w)
            rows.append((key, word, y_i, y_j, delta / math.sqrt(var)))
    frame = pd.DataFrame(rows, columns=[by, "word", "count", "other_count", "z"])
    frame = frame.sort_values([by, "z", "word"], ascending=[True, False, True])
    return frame.groupby(by, sort=True).head(top_n).reset_index(drop=True)


def distinctive_words(articles: pd.DataFrame, by: str = "outlet", top_n: int = 15,
                      min_count: int = 2, *, counts: WordCounts | None = None) -> pd.DataFrame:
    """Words each group uses more than the others: log-odds ratio with an informative
    Dirichlet prior (Monroe, Colaresi & Quinn 2008), as a z-score.

    Columns ``by, word, count, other_count, z``; the ``top_n`` highest z per group.
    Computed on arrays from :func:`word_counts` (pass ``counts`` to reuse them).
    """
    import numpy as np

    counts = counts or word_counts(articles, by)
    columns = [by, "word", "count", "other_count", "z"]
    rows = [(key, word, n) for key, c in counts.by_group.items() for word, n in c.items()]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows, columns=[by, "word", "count"])
    total = frame.groupby("word", sort=False)["count"].transform("sum").to_numpy(float)
    y_i = frame["count"].to_numpy(float)
    n_i = frame.groupby(by, sort=False)["count"].transform("sum").to_numpy(float)
    prior_n = float(frame["count"].sum()) or 1.0
    y_j = total - y_i
    n_j = prior_n - n_i
    a_w = total
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = (np.log((y_i + a_w) / (n_i + prior_n - y_i - a_w))
                 - np.log((y_j + a_w) / (n_j + prior_n - y_j - a_w)))
        z = delta / np.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
    frame["other_count"] = y_j.astype("int64")
    frame["z"] = z
    frame = frame[frame["count"] >= min_count]
    frame = frame.sort_values([by, "z", "word"], ascending=[True, False, True])
    return frame.groupby(by, sort=True).head(top_n)[columns].reset_index(drop=True)


def collocations(articles: pd.DataFrame, top_n: int = 20, min_count: int = 3, *,
                 counts: WordCounts | None = None) -> pd.DataFrame:
    """Word pairs that occur together more than chance (likelihood ratio), corpus-wide.

    NLTK's ``BigramCollocationFinder`` scores them, from the word and pair counts of
    :func:`word_counts` (pairs below ``min_count`` or with a stop word are dropped
    first, as its filters would). Columns ``first, second, count, score``.
    """
    from nltk.probability import FreqDist

    counts = counts or word_counts(articles)
    kept = FreqDist({pair: n for pair, n in counts.pairs.items() if n >= min_count
                     and pair[0] not in STOPWORDS and pair[1] not in STOPWORDS})
    finder = BigramCollocationFinder(FreqDist(counts.words), kept)
    scored = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)[:top_n]
    return pd.DataFrame([(a, b, finder.ngram_fd[(a, b)], s) for (a, b), s in scored],
                        columns=["first", "second", "count", "score"])


def collocations_reference(articles: pd.DataFrame, top_n: int = 20,
                           min_count: int = 3) -> pd.DataFrame:
    """:func:`collocations` the plain NLTK way (the reference the tests compare with)."""
    words = [t.lower() for text in articles["text"] for t in tokens(text) if _WORD.match(t)]
    finder = BigramCollocationFinder.from_words(words)
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: w in STOPWORDS)
    scored = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)[:top_n]
    return pd.DataFrame([(a, b, finder.ngram_fd[(a, b)], s) for (a, b), s in scored],
                        columns=["first", "second", "count", "score"])


def sentences_with(articles: pd.DataFrame, term: str) -> pd.DataFrame:
    """Every sentence that uses ``term`` (case-insensitive, word prefix), by outlet:
    how each outlet frames the same thing. Columns ``outlet, published, doc_id,
    sentence``."""
    pattern = re.compile(rf"\b{re.escape(term)}", re.IGNORECASE)
    rows = [(art.outlet, art.published, art.doc_id, art.text[a:b])
            for art in records(articles, "doc_id", "outlet", "published", "text")
            if term.lower() in art.text.lower()  # only those articles are split
            for a, b in sentence_spans(art.text) if pattern.search(art.text, a, b)]
    frame = pd.DataFrame(rows, columns=["outlet", "published", "doc_id", "sentence"])
    return frame.sort_values(["outlet", "published"]).reset_index(drop=True)
