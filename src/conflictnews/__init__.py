"""conflictnews: tidy tables of articles, casualty figures and actor mentions from news text.

>>> from conflictnews import load_corpus          # doctest: +SKIP
>>> articles = load_corpus("seeds", "data/metadata.csv")  # doctest: +SKIP
"""

from conflictnews.actor_list import ActorList, ActorListError, load_actors
from conflictnews.casualties import extract_casualties, figures_in_sentence
from conflictnews.corpus import Corpus, load_corpus, read_corpus, summary
from conflictnews.mentions import co_mentions, find_mentions, mention_frequency
from conflictnews.problems import CorpusError, Problem
from conflictnews.quotes import quoted_speakers, speaker_counts, unknown_names
from conflictnews.sentences import sentence_spans, sentences_table, split_sentences
from conflictnews.series import casualty_estimates, casualty_series, series_for

__all__ = [
    "ActorList",
    "ActorListError",
    "Corpus",
    "CorpusError",
    "Problem",
    "casualty_estimates",
    "casualty_series",
    "co_mentions",
    "extract_casualties",
    "figures_in_sentence",
    "find_mentions",
    "load_actors",
    "load_corpus",
    "mention_frequency",
    "quoted_speakers",
    "read_corpus",
    "sentence_spans",
    "sentences_table",
    "series_for",
    "speaker_counts",
    "split_sentences",
    "summary",
    "unknown_names",
]
__version__ = "0.1.0"
