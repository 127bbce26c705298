"""Reading the coverage: keywords in context, term rates and distinctive words per outlet.

Only NLTK's data-free parts are used (Treebank tokenizer, ``Text.concordance_list``,
``FreqDist``, collocation finders), so this runs on a laptop with no nltk_data.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd
from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder
from nltk.text import Text
from nltk.tokenize import TreebankWordTokenizer

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
    """Treebank word tokens of ``text``, sentence by sentence."""
    out: list[str] = []
    for a, b in sentence_spans(text):
        out.extend(_TOKENIZER.tokenize(text[a:b].replace("’", "'")))
    return out


def keyword_in_context(articles: pd.DataFrame, terms: list[str], width: int = 70,
                       lines: int = 25) -> pd.DataFrame:
    """Concordance lines for each term (NLTK ``Text.concordance_list``), per article.

    Columns: ``term, doc_id, outlet, published, left, match, right``.
    """
    rows = []
    for art in records(articles, "doc_id", "outlet", "published", "text"):
        text = Text(tokens(art.text))
        for term in terms:
            for line in text.concordance_list(term, width=width, lines=lines):
                rows.append((term, art.doc_id, art.outlet, art.published, line.left_print,
                             line.query, line.right_print))
    return pd.DataFrame(rows, columns=["term", "doc_id", "outlet", "published", "left",
                                       "match", "right"])


def term_rates(articles: pd.DataFrame, terms: list[str], by: str = "outlet") -> pd.DataFrame:
    """How often each term (case-insensitive, word prefix: "terrorist" counts
    "terrorists") appears per 1,000 words in each group. Columns ``by, term, count,
    words, per_1000_words``."""
    rows = []
    for key, group in articles.groupby(by, sort=True):
        words = int(group["n_words"].sum())
        for term in terms:
            pattern = re.compile(rf"\b{re.escape(term)}\w*", re.IGNORECASE)
            count = sum(len(pattern.findall(t)) for t in group["text"])
            rows.append((key, term, count, words, 1000 * count / words if words else 0.0))
    return pd.DataFrame(rows, columns=[by, "term", "count", "words", "per_1000_words"])


def _counts(texts: pd.Series) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        counts.update(t.lower() for t in tokens(text)
                      if _WORD.match(t) and t.lower() not in STOPWORDS and len(t) > 2)
    return counts


def distinctive_words(articles: pd.DataFrame, by: str = "outlet", top_n: int = 15,
                      min_count: int = 2) -> pd.DataFrame:
    """Words each group uses more than the others: log-odds ratio with an informative
    Dirichlet prior (Monroe, Colaresi & Quinn 2008), as a z-score.

    Columns ``by, word, count, other_count, z``; the ``top_n`` highest z per group.
    """
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


def collocations(articles: pd.DataFrame, top_n: int = 20, min_count: int = 3) -> pd.DataFrame:
    """Word pairs that occur together more than chance (likelihood ratio), corpus-wide.

    Columns ``first, second, count, score``.
    """
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
            for a, b in sentence_spans(art.text) if pattern.search(art.text, a, b)]
    frame = pd.DataFrame(rows, columns=["outlet", "published", "doc_id", "sentence"])
    return frame.sort_values(["outlet", "published"]).reset_index(drop=True)
