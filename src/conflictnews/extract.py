"""The ``extract`` job: corpus in, a folder of tidy tables out."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from conflictnews.actor_list import DEFAULT_ACTORS, ActorList, load_actors
from conflictnews.casualties import extract_casualties
from conflictnews.corpus import read_corpus
from conflictnews.mentions import find_mentions
from conflictnews.outputs import replacing_dir, write_table
from conflictnews.problems import CorpusError, Problem
from conflictnews.quotes import quoted_speakers
from conflictnews.series import casualty_estimates, casualty_series


def extract_tables(
    articles: pd.DataFrame, actors: ActorList | str | None = None, *, demonyms: bool = True
) -> dict[str, pd.DataFrame]:
    """Return every table the workbook derives from ``articles``, by name."""
    figures = extract_casualties(articles)
    mentions = find_mentions(articles, actors, demonyms=demonyms)
    return {
        "articles": articles,
        "casualties": figures,
        "casualty_series": casualty_series(figures),
        "casualty_estimates": casualty_estimates(figures),
        "mentions": mentions,
        "speakers": quoted_speakers(articles, actors, mentions=mentions),
    }


def run_extract(
    source: str | os.PathLike,
    out: str | os.PathLike,
    metadata: str | os.PathLike | None = "data/metadata.csv",
    *,
    actors: ActorList | str | None = None,
    demonyms: bool = True,
    strict: bool = False,
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Read ``source``, derive the tables and write ``NAME.parquet`` and ``NAME.csv`` for
    each into ``out`` (replaced whole, atomically), plus ``problems.csv``.

    Returns ``(tables, problems)``. With ``strict`` any problem raises
    :class:`CorpusError` before anything is written.
    """
    corpus = read_corpus(source, metadata)
    serious = corpus.problems[corpus.problems["severity"] == "error"]
    if strict and not serious.empty:
        raise CorpusError([Problem(**r) for r in serious.to_dict("records")])
    actor_list = actors if isinstance(actors, ActorList) else load_actors(actors or DEFAULT_ACTORS)
    tables = extract_tables(corpus.articles, actor_list, demonyms=demonyms)
    with replacing_dir(Path(out)) as tmp:
        for name, frame in tables.items():
            write_table(frame, tmp / f"{name}.parquet")
            write_table(frame, tmp / f"{name}.csv")
        write_table(corpus.problems, tmp / "problems.csv")
    return tables, corpus.problems
