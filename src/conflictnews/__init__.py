"""conflictnews: tidy tables of articles, casualty figures and actor mentions from news text.

>>> from conflictnews import load_corpus          # doctest: +SKIP
>>> articles = load_corpus("seeds", "data/metadata.csv")  # doctest: +SKIP
"""

from conflictnews.casualties import extract_casualties, figures_in_sentence
from conflictnews.corpus import Corpus, load_corpus, read_corpus, summary
from conflictnews.problems import CorpusError, Problem
from conflictnews.sentences import sentence_spans, sentences_table, split_sentences
from conflictnews.series import casualty_estimates, casualty_series, series_for

__all__ = [
    "Corpus",
    "CorpusError",
    "Problem",
    "casualty_estimates",
    "casualty_series",
    "extract_casualties",
    "figures_in_sentence",
    "load_corpus",
    "read_corpus",
    "sentence_spans",
    "sentences_table",
    "series_for",
    "split_sentences",
    "summary",
]
__version__ = "0.1.0"
