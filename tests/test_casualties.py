"""Casualty figures: every labelled seed figure found, nothing else, fields as labelled."""

from __future__ import annotations

from itertools import pairwise

import pandas as pd
import pytest
from conftest import ROOT

from conflictnews.accuracy import misses, score, score_sentences, sentence_figures
from conflictnews.casualties import FIGURE_COLUMNS, extract_casualties, figures_in_sentence
from conflictnews.numbers import find_numbers, words_value
from conflictnews.series import (
    casualty_estimates,
    casualty_series,
    merge_points,
    series_for,
    series_points,
)

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def figures(articles):
    return extract_casualties(articles)


@pytest.fixture(scope="module")
def labels():
    return pd.read_csv(DATA / "casualty_labels.csv", dtype={"count_high": "Int64"})


def test_every_labelled_figure_is_found_and_nothing_else(figures, labels):
    prf, _ = score(figures, labels)
    assert (prf["fp"], prf["fn"]) == (0, 0), prf
    assert list(figures.columns) == FIGURE_COLUMNS


def test_other_fields_match_the_labels(figures, labels):
    _, fields = score(figures, labels)
    acc = dict(zip(fields.field, fields.accuracy, strict=True))
    # every field of every labelled seed figure, exactly: the side of "Dozens were killed
    # in those attacks" comes from the sentence before (Terter, Barda and Ganja)
    assert set(acc) >= {"count_high", "qualifier", "vague", "population", "side",
                        "claimant_group", "cumulative", "historical", "claimant_found"}
    assert misses(figures, labels).empty, misses(figures, labels).to_string()


def test_every_figure_points_at_a_sentence_that_contains_it(figures, articles):
    text = dict(zip(articles.doc_id, articles.text, strict=True))
    for f in figures.itertuples():
        assert text[f.doc_id][f.start:f.end] == f.surface
        assert f.surface in f.sentence and f.sentence in text[f.doc_id]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Nagorno-Karabakh defense ministry reported 29 more military casualties, bringing "
         "to 633 the number of servicemen killed since fighting broke out on Sept. 27.",
         [(29, "killed", "military", "increment"), (633, "killed", "military", "total")]),
        ("The Azeri prosecutor-general’s office said 47 civilians had been killed and 222 "
         "wounded.", [(47, "killed", "civilian", "total"), (222, "wounded", "civilian", "total")]),
        ("Nagorno-Karabakh officials said 542 servicemen had been killed so far, up 17 from "
         "Monday.", [(542, "killed", "military", "total"), (17, "killed", "military",
                                                             "increment")]),
        ("Russia has estimated as many as 5,000 deaths on both sides.",
         [(5000, "killed", "unspecified", "total")]),
    ],
)
def test_issue_examples(sentence, expected):
    got = figures_in_sentence(sentence, pd.Timestamp("2020-10-16"))
    assert [(f["count"], f["status"], f["population"], f["figure_type"]) for f in got] == expected


def test_second_figure_inherits_population_side_and_claimant():
    got = figures_in_sentence("The Azeri prosecutor-general’s office said 47 civilians had been "
                              "killed and 222 wounded.", pd.Timestamp("2020-10-16"))
    first, second = got
    for field in ("population", "side", "claimed_by"):
        assert first[field] == second[field]
    assert second["side"] == "azerbaijani"
    assert second["claimed_by"] == "The Azeri prosecutor-general’s office"


def test_qualifiers_and_vague_amounts():
    s = ("Nagorno-Karabakh has said 429 of its servicemen and more than 20 civilians have been "
         "killed")
    got = figures_in_sentence(s)
    assert [(f["count"], f["qualifier"], f["population"]) for f in got] == [
        (429, "exact", "military"), (20, "more_than", "civilian")]
    got = figures_in_sentence("More than 300 people have died and thousands been displaced.")
    assert [(f["count"], f["qualifier"], f["vague"], f["status"]) for f in got] == [
        (300, "more_than", False, "killed"), (2000, "at_least", True, "displaced")]


def test_historical_figures_are_flagged_and_unattributed(figures):
    old = figures[figures["historical"]]
    assert sorted(old["count"]) == [30000] * 5
    assert (old["claimant_group"] == "unattributed").all()
    assert not figures.loc[figures["count"] == 604, "historical"].item()


def test_curly_and_straight_punctuation_read_the_same():
    curly = figures_in_sentence("Nagorno-Karabakh’s army says 1,177 of its soldiers have been "
                                "killed – officials said.")
    straight = figures_in_sentence("Nagorno-Karabakh's army says 1,177 of its soldiers have been "
                                   "killed - officials said.")
    assert [f["count"] for f in curly] == [f["count"] for f in straight] == [1177]
    assert curly[0]["side"] == straight[0]["side"] == "armenian"


def test_number_words_and_separators():
    assert words_value("twenty-nine") == 29 and words_value("a dozen") == 12
    assert [n.value for n in find_numbers("1,177 and 43,280 and three and 1.5 million")] == [
        1177, 43280, 3, 1_500_000]


def test_constructed_sentences_in_other_outlets_styles():
    """Sentences written the way other outlets state casualties (not from the seeds)."""
    table = pd.read_csv(DATA / "casualty_sentences.csv", dtype={"count_high": "Int64"})
    prf, _ = score_sentences(table)
    # each labelled figure found with every field as labelled, and nothing else
    assert (prf["fp"], prf["fn"]) == (0, 0), prf
    assert misses(*sentence_figures(table)).empty, misses(*sentence_figures(table))


def test_negatives_are_not_casualties():
    for line in (DATA / "casualty_negatives.txt").read_text().splitlines():
        assert figures_in_sentence(line, pd.Timestamp("2020-10-16")) == [], line


def test_series_for_nagorno_karabakh_military_deaths(figures):
    series = casualty_series(figures)
    nk = series_for(series, "Nagorno-Karabakh", "military", "armenian", "killed")
    assert [(f"{d:%m-%d}", label) for d, label in zip(nk.published, nk.label, strict=True)] == [
        ("10-12", "429"), ("10-13", "542"), ("10-15", "604"), ("10-16", "633"),
        ("11-02", "1,177"), ("11-06", "1,177"), ("11-12", ">1,300")]
    assert not series["count"].isin([30000]).any()


def test_series_flags_decrease_and_increment_mismatch(figures):
    series = casualty_series(figures)
    flagged = series[series["flag"] != ""]
    wounded = flagged[flagged["status"] == "wounded"].iloc[0]
    assert (wounded.claimant_group, wounded["count"], wounded.previous, wounded.flag) == (
        "Azerbaijan", 206, 207, "decrease")
    mismatch = flagged[flagged["flag"] == "increment_mismatch"].iloc[0]
    assert (mismatch["count"], mismatch["note"]) == (
        17, "reported +17 but the totals went from 429 to 542 (+113)")
    # 29 more, from 604 to 633, adds up: no flag
    ok = series[(series["kind"] == "increment") & (series["count"] == 29)].iloc[0]
    assert ok["flag"] == ""


def test_running_totals_of_one_claimant_never_go_down_without_a_flag(figures):
    series = casualty_series(figures)
    totals = series[series["kind"] == "total"]
    down = totals[totals["change"].fillna(0) < 0]
    assert (down["flag"].str.contains("decrease")).all()


def test_estimates_keep_claims_side_by_side(figures):
    est = casualty_estimates(figures)
    row = est[(est.population == "military") & (est.side == "armenian")
              & (est.published == "2020-10-16")].iloc[0]
    # Armenia's 5 counts its own army's dead (in Armenia), Nagorno-Karabakh's 633 its own:
    # one is no lower bound of the other, and no other claimant gives one
    assert (row.low, row.best, row.high) == (633, 633, 633)
    assert row.claims == ("Armenia: 5 (2020-10-15); Nagorno-Karabakh: 633 (2020-10-16)")


@pytest.mark.parametrize("cuts", [[1, 2], [5, 17, 30], [13]])
def test_series_from_parts_equal_the_series_of_the_whole(figures, cuts):
    # an extract builds the series points part by part (figures in batch order)
    bounds = [0, *cuts, len(figures)]
    parts = [series_points(figures.iloc[a:b]) for a, b in pairwise(bounds)]
    merged = merge_points([merge_points(parts[:1]), *parts[1:]])
    pd.testing.assert_frame_equal(casualty_series(merged), casualty_series(figures))
    pd.testing.assert_frame_equal(casualty_estimates(merged), casualty_estimates(figures))
    assert len(casualty_series(figures)) > 10
