"""Casualty series at scale: the column-wise ``casualty_series`` gives the rows of the
plain point-by-point loop (kept here as the reference), and the extract's series for a
selection that leaves copies out equal a recompute from that selection's figures."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from conftest import load_benchmark

from conflictnews.casualties import extract_casualties
from conflictnews.series import (
    NOTE_VALUES,
    SERIES_COLUMNS,
    SERIES_KEY,
    casualty_series,
    figure_label,
    series_points,
)


def reference_series(figures: pd.DataFrame) -> pd.DataFrame:
    """The series checked point by point, one series and one date at a time: the
    definition in ``series.py``'s docstring, written as plainly as possible."""
    points = series_points(figures)
    totals = points.totals.assign(kind="total")
    increments = points.increments.assign(kind="increment")
    out = []
    for key, group in totals.groupby(SERIES_KEY, sort=True):
        group = group.sort_values(["published", "count"], kind="stable")
        by_date = group.groupby("published")["count"].agg(["max", "size"])
        previous = by_date["max"].shift(1)
        for row in group.itertuples(index=False):
            prev = previous.get(row.published)
            flags, notes = [], []
            if by_date.at[row.published, "size"] > 1:
                flags.append("same_day_conflict")
                others = [f"{v:,}" for v in group.loc[group.published == row.published,
                                                      "count"] if v != row.count]
                more = len(others) - NOTE_VALUES
                notes.append("other values the same day: " + ", ".join(others[:NOTE_VALUES])
                             + (f" and {more:,} more" if more > 0 else ""))
            if prev is not None and not pd.isna(prev) and row.count < prev:
                flags.append("decrease_vague" if row.vague else "decrease")
                notes.append(f"down from {int(prev):,} in the previous report")
            out.append({**row._asdict(), "previous": prev, "flag": " ".join(flags),
                        "note": "; ".join(notes)})
        mine = increments.merge(pd.DataFrame([key], columns=SERIES_KEY), on=SERIES_KEY)
        for row in mine.itertuples(index=False):
            today, before = by_date["max"].get(row.published), previous.get(row.published)
            flag = note = ""
            if today is not None and before is not None and not pd.isna(before):
                change = int(today - before)
                if change != row.count:
                    flag = "increment_mismatch"
                    note = (f"reported +{row.count:,} but the totals went from "
                            f"{int(before):,} to {int(today):,} (+{change:,})")
            out.append({**row._asdict(), "previous": None, "flag": flag, "note": note})
    seen = {tuple(r[k] for k in SERIES_KEY) for r in out}
    for row in increments.itertuples(index=False):
        if tuple(getattr(row, k) for k in SERIES_KEY) not in seen:
            out.append({**row._asdict(), "previous": None, "flag": "", "note": ""})
    frame = pd.DataFrame(out, columns=[c for c in SERIES_COLUMNS if c not in
                                       ("series", "label", "change")])
    frame["doc_ids"] = [" ".join(ids) for ids in frame["doc_ids"]]
    frame["previous"] = frame["previous"].astype("Int64")
    frame["count_high"] = frame["count_high"].astype("Int64")
    frame["change"] = (frame["count"].astype("Int64") - frame["previous"]).where(
        frame["kind"] == "total")
    frame["label"] = [figure_label(c, q, h) for c, q, h in
                      zip(frame["count"], frame["qualifier"], frame["count_high"], strict=True)]
    frame["series"] = [" · ".join(map(str, key)) for key in
                       zip(*(frame[k] for k in SERIES_KEY), strict=True)]
    frame = frame.sort_values([*SERIES_KEY, "published", "kind", "count"]).reset_index(drop=True)
    return frame[SERIES_COLUMNS]


@pytest.fixture(scope="module")
def generated_figures():
    """Figures of 300 generated articles (seed sentences with numbers varied), dated
    over ten days: many values per claimant and day, as in a large corpus."""
    make = load_benchmark("make_corpus")
    rng = random.Random(3)
    sentences, headlines, people = make.seed_material()
    texts = [make.article(rng, sentences, headlines, people) for _ in range(300)]
    articles = pd.DataFrame({
        "doc_id": [f"g#{i}" for i in range(300)], "source_file": "g.txt",
        "position": range(300), "text": texts, "outlet": "Reuters", "headline": "",
        "published": pd.to_datetime([f"2020-10-{1 + i % 10:02d}" for i in range(300)]),
    })
    return extract_casualties(articles)


def test_series_equal_the_point_by_point_reference_on_the_seeds(articles):
    figures = extract_casualties(articles)
    pd.testing.assert_frame_equal(casualty_series(figures), reference_series(figures))


def test_series_equal_the_reference_with_many_values_a_day(generated_figures):
    got = casualty_series(generated_figures)
    pd.testing.assert_frame_equal(got, reference_series(generated_figures))
    # the case that made notes quadratic: more than NOTE_VALUES other values on one day
    long = got[got["note"].str.contains(" more", regex=False)]
    listed = [n.split(": ", 1)[1].split(" and ")[0].split(", ") for n in long["note"]]
    assert len(long) and {len(values) for values in listed} == {NOTE_VALUES}


def test_series_of_no_figures_and_of_increments_only(articles):
    figures = extract_casualties(articles)
    assert casualty_series(figures.iloc[:0]).empty
    increments = figures[figures["figure_type"] == "increment"]
    assert len(increments)
    pd.testing.assert_frame_equal(casualty_series(increments), reference_series(increments))


def test_a_value_stated_twice_in_one_article_is_one_report(articles):
    figures = extract_casualties(articles)
    totals = figures[(figures["figure_type"] == "total") & ~figures["historical"]]
    twice = pd.concat([totals.iloc[:1], totals.iloc[:1]], ignore_index=True)
    point = casualty_series(twice)
    assert point["n_reports"].tolist() == [1]
    other = twice.assign(doc_id=["a#0", "b#0"])
    assert casualty_series(other)["n_reports"].tolist() == [2]
