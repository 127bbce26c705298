"""conflictnews: tidy tables of articles, casualty figures and actor mentions from news text.

>>> from conflictnews import load_corpus          # doctest: +SKIP
>>> articles = load_corpus("seeds", "data/metadata.csv")  # doctest: +SKIP
"""

import importlib

#: Where each name of the package's API lives; imported on first use (PEP 562), so that
#: ``from conflictnews import charts`` in a notebook does not compile every rule first.
_API = {
    "ActorList": "actor_list", "ActorListError": "actor_list", "load_actors": "actor_list",
    "extract_casualties": "casualties", "figures_in_sentence": "casualties",
    "Corpus": "corpus", "load_corpus": "corpus", "read_corpus": "corpus",
    "summary": "corpus",
    "co_mentions": "mentions", "find_mentions": "mentions", "mention_frequency": "mentions",
    "CorpusError": "problems", "Problem": "problems",
    "quoted_speakers": "quotes", "speaker_counts": "quotes", "unknown_names": "quotes",
    "sentence_spans": "sentences", "sentences_table": "sentences",
    "split_sentences": "sentences",
    "casualty_estimates": "series", "casualty_series": "series", "series_for": "series",
}


def __getattr__(name: str) -> object:
    if name in _API:
        value = getattr(importlib.import_module(f"conflictnews.{_API[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'conflictnews' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


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
