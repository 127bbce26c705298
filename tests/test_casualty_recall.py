"""Finding casualty figures written the way real outlets write them (issue 12, item 3):
headlines without auxiliaries, loss verbs and nouns, lists sharing one verb, totals that
reach or grow, displacement as movement, captivity and release, missing, hospital
admissions, figures in quotations. Sentences in tests/data/casualty_recall.csv are our
own words; tests/data/casualty_negatives.txt holds counts that are no casualty figures.
"""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from conftest import ROOT

from conflictnews.casualties import (
    _CANDIDATE_WORDS,
    _candidates,
    extract_casualties,
    figures_in_sentence,
)

DATA = ROOT / "tests" / "data"
DAY = pd.Timestamp("2020-10-16")


def _expected() -> dict[str, tuple[str, list[tuple[int, str, str]]]]:
    rows: dict[str, tuple[str, list]] = {}
    with (DATA / "casualty_recall.csv").open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            _, figs = rows.setdefault(r["sentence"], (r["kind"], []))
            figs.append((int(r["count"]), r["status"], r["qualifier"]))
    return rows


EXPECTED = _expected()


@pytest.mark.parametrize("sentence", list(EXPECTED))
def test_every_figure_of_the_sentence_and_nothing_else(sentence):
    _, want = EXPECTED[sentence]
    got = [(f["count"], f["status"], f["qualifier"]) for f in figures_in_sentence(sentence, DAY)]
    assert sorted(got) == sorted(want)


def test_every_kind_the_issue_names_is_covered():
    kinds = {kind for kind, _ in EXPECTED.values()}
    assert {"headline", "loss", "list", "total", "displaced", "captured", "missing",
            "wounded", "quote"} <= kinds
    statuses = {s for _, figs in EXPECTED.values() for _, s, _ in figs}
    assert statuses == {"killed", "wounded", "missing", "captured", "displaced"}


def test_the_sentences_reach_the_rules():
    """Every sentence has a candidate word, so extract_casualties reads it at all."""
    for sentence in EXPECTED:
        assert _candidates(sentence), sentence
    assert "lives" in _CANDIDATE_WORDS and "region" not in _CANDIDATE_WORDS


def test_a_loss_verb_needs_people_and_a_movement_civilians():
    assert figures_in_sentence("Rebels lost 12 tanks and 3 villages.", DAY) == []
    assert [f["count"] for f in figures_in_sentence("Rebels lost 12 fighters.", DAY)] == [12]
    assert figures_in_sentence("The war claimed 5 villages.", DAY) == []
    assert figures_in_sentence("Some 400 troops crossed into the valley.", DAY) == []
    got = figures_in_sentence("Some 400 villagers crossed into the valley.", DAY)
    assert [(f["count"], f["status"]) for f in got] == [(400, "displaced")]


def test_a_growth_is_a_change_and_a_total_not_a_range():
    got = figures_in_sentence("The number of its soldiers killed rose by 12 to 300.", DAY)
    assert [(f["count"], f["count_high"], f["status"]) for f in got] == [
        (12, None, "killed"), (300, None, "killed")]
    got = figures_in_sentence("Between 12 and 30 soldiers were killed.", DAY)
    assert [(f["count"], f["count_high"]) for f in got] == [(12, 30)]


def test_of_them_counts_people_named_in_the_sentence_before():
    """"29 of them" are people when the last count before them is ("the 62 servicemen
    who were captured"), in the figure's sentence or the one before."""
    def found(text: str) -> list[tuple[int, str]]:
        articles = pd.DataFrame({"doc_id": ["x"], "source_file": ["x.txt"], "position": [0],
                                 "published": [DAY], "outlet": ["o"], "text": [text]})
        return [(r.count, r.status) for r in extract_casualties(articles).itertuples()]

    people = ("Officials spoke of the 48 conscripts who were taken prisoner in May. "
              "The other side has released 20 of them so far.")
    assert found(people) == [(48, "captured"), (20, "captured")]
    things = ("Officials spoke of the 48 trucks that were seized in May. "
              "The other side has released 20 of them so far.")
    assert found(things) == []


def test_a_year_before_a_comma_dates_an_earlier_war():
    """"In 1993, ..." is a year of the earlier war although a comma follows it."""
    got = figures_in_sentence("In 1993, the fighting drove 40,000 villagers from their "
                              "homes.", DAY)
    assert [(f["count"], f["status"], f["historical"]) for f in got] == [
        (40000, "displaced", True)]
    got = figures_in_sentence("Since 12 October, 40,000 villagers have fled.", DAY)
    assert [(f["count"], f["historical"]) for f in got] == [(40000, False)]
