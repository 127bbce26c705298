"""Casualty figures over time: running totals per claimant, checks, low / best / high.

Rules (also in docs/rules.md):

- A **series** is one (claimant_group, population, side, status). Its points are the
  running totals (``figure_type == "total"``) that claimant reported, by report date.
  Historical figures (earlier wars) are left out. Increments are kept apart
  (``kind == "increment"``) and checked against the totals, never summed into them.
- The same value reported twice on one date is one point (``n_reports`` counts the
  articles that reported it);
  different values on one date stay side by side, flagged ``same_day_conflict``.
- ``decrease``: a running total lower than the same claimant's previous total.
- ``increment_mismatch``: an increment that differs from the change between the
  claimant's total on that date and its previous total.
- **Estimates** per (population, side, status) and date: every claimant's latest total
  on or before that date is a claim; ``best`` is the claim of the side's own authorities
  where there is one (they count their own dead; the largest when several do, as
  Armenia and Nagorno-Karabakh each count their own army), ``low`` the smallest lower
  bound among the other claimants' figures and ``best`` (an "up to" figure is no lower
  bound; one own authority's figure for its own forces is no bound on another's), and
  ``high`` the largest value or range top. Which group speaks for which side comes from
  the conflict profile. Claims are listed side by side in ``claims``; nothing is
  averaged.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from conflictnews.profile import Profile, load_profile

SERIES_KEY = ["claimant_group", "population", "side", "status"]
SYMBOL = {"exact": "", "more_than": ">", "at_least": "≥", "about": "~", "up_to": "≤",
          "estimate": "est. "}
SERIES_COLUMNS = [
    "series", *SERIES_KEY, "published", "kind", "count", "count_high", "qualifier", "label",
    "previous", "change", "flag", "note", "n_reports", "doc_ids",
]


def figure_label(count: int, qualifier: str, count_high: object = None) -> str:
    """How a figure reads in a chart: ``>1,300``, ``~30,000``, ``10–20``."""
    top = f"–{int(count_high):,}" if count_high is not None and not pd.isna(count_high) else ""
    return f"{SYMBOL.get(qualifier, '')}{count:,}{top}"


#: One point of a series: a value a claimant reported on a date.
POINT_KEY = [*SERIES_KEY, "published", "count", "qualifier", "vague"]
#: The columns of the figures table the series and estimates read.
FIGURE_COLUMNS = ["doc_id", *POINT_KEY, "count_high", "figure_type", "historical"]


@dataclass
class SeriesPoints:
    """The points of all series (running totals and increments), before any checks:
    one row per :data:`POINT_KEY` with ``count_high`` (largest range top),
    ``n_reports`` (articles) and ``doc_ids`` (a list, in report order)."""

    totals: pd.DataFrame
    increments: pd.DataFrame


def _points(figures: pd.DataFrame, kind: str) -> pd.DataFrame:
    rows = figures[(figures["figure_type"] == kind) & ~figures["historical"].astype(bool)
                   & figures["published"].notna()]
    if rows.empty:
        return pd.DataFrame(columns=[*POINT_KEY, "count_high", "n_reports", "doc_ids"])
    # read back from Parquet parts, a column empty everywhere comes as text
    rows = rows.assign(count_high=pd.to_numeric(rows["count_high"]))
    out = rows.groupby(POINT_KEY, dropna=False, sort=True).agg(
        count_high=("count_high", "max"),
        doc_ids=("doc_id", lambda s: list(dict.fromkeys(s))),
    ).reset_index()
    return _counted(out)


def _counted(points: pd.DataFrame) -> pd.DataFrame:
    """``points`` with ``n_reports``: how many articles reported the value (an article
    that states it twice reports it once), before ``doc_ids``."""
    points.insert(points.columns.get_loc("doc_ids"), "n_reports",
                  points["doc_ids"].map(len).astype("int64"))
    return points


def series_points(figures: pd.DataFrame) -> SeriesPoints:
    """The series points of a figures table (or of one part of it: see
    :func:`merge_points`)."""
    return SeriesPoints(_points(figures, "total"), _points(figures, "increment"))


def merge_points(parts: list[SeriesPoints]) -> SeriesPoints:
    """The points of the figures of several parts together, from each part's points:
    what :func:`series_points` gives for the parts' figures concatenated in order."""

    def merge(frames: list[pd.DataFrame]) -> pd.DataFrame:
        frames = [f for f in frames if not f.empty]
        if not frames:
            return _points(pd.DataFrame(columns=FIGURE_COLUMNS), "total")
        if len(frames) == 1:
            return frames[0]
        return _counted(pd.concat(frames, ignore_index=True).groupby(
            POINT_KEY, dropna=False, sort=True).agg(
            count_high=("count_high", "max"),
            doc_ids=("doc_ids", lambda lists: list(dict.fromkeys(
                doc for ids in lists for doc in ids))),
        ).reset_index())

    return SeriesPoints(merge([p.totals for p in parts]),
                        merge([p.increments for p in parts]))


def _listed(points: pd.DataFrame) -> pd.DataFrame:
    return points.assign(doc_ids=[" ".join(ids) for ids in points["doc_ids"]])


#: A point's note lists at most this many other values of its day ("… and N more"):
#: thousands of values on one day would otherwise repeat thousands of times each.
NOTE_VALUES = 10


def _same_day_notes(counts: np.ndarray, day: np.ndarray) -> list[str]:
    """"other values the same day: …" for each point that shares its day with other
    values (``counts`` sorted within each ``day``, the number of its series × date):
    the first :data:`NOTE_VALUES` other values, then how many more."""
    from collections import Counter

    bounds = np.flatnonzero(np.diff(day)) + 1
    notes = [""] * len(counts)
    for a, b in zip([0, *bounds.tolist()], [*bounds.tolist(), len(counts)], strict=True):
        if b - a < 2:
            continue
        values = counts[a:b].tolist()
        times = Counter(values)
        for i, own in enumerate(values, start=a):
            shown = []
            for v in values:  # sorted: the copies of ``own`` sit together, then stop
                if v != own:
                    shown.append(f"{v:,}")
                    if len(shown) == NOTE_VALUES:
                        break
            more = (b - a) - times[own] - len(shown)
            notes[i] = ("other values the same day: " + ", ".join(shown)
                        + (f" and {more:,} more" if more else ""))
    return notes


def casualty_series(figures: pd.DataFrame | SeriesPoints) -> pd.DataFrame:
    """Return running totals and increments per series, with consistency flags.

    One row per (series, date, value); columns :data:`SERIES_COLUMNS`. ``figures`` is
    the figures table, or its :class:`SeriesPoints` (an extract builds them part by part).
    Computed on whole columns (grouped by series and date), not point by point: the
    same rows as checking each point in turn (``tests/test_series_scale.py`` keeps that
    loop as the reference), in seconds for 10^5 points.
    """
    points = figures if isinstance(figures, SeriesPoints) else series_points(figures)
    totals = _listed(points.totals).assign(kind="total")
    increments = _listed(points.increments).assign(kind="increment")
    # points come sorted by POINT_KEY; series with an empty key part have no totals
    totals = totals.dropna(subset=SERIES_KEY).sort_values(
        [*SERIES_KEY, "published", "count"], kind="stable").reset_index(drop=True)
    series_id = totals.groupby(SERIES_KEY, sort=False).ngroup()
    day = totals.groupby([series_id, totals["published"]], sort=False).ngroup()
    by_day = totals.groupby(day)["count"].agg(["max", "size"])
    by_day["series_id"] = series_id.groupby(day).first()
    by_day["previous"] = by_day.groupby("series_id")["max"].shift(1)
    previous = by_day["previous"].to_numpy(dtype=float, na_value=np.nan)[day.to_numpy()]
    size = by_day["size"].to_numpy()[day.to_numpy()]
    conflict = size > 1
    down = ~np.isnan(previous) & (totals["count"].to_numpy(dtype=float) < previous)
    vague = totals["vague"].astype(bool).to_numpy()
    same_day = _same_day_notes(totals["count"].to_numpy(), day.to_numpy()) \
        if conflict.any() else [""] * len(totals)
    flags, notes = [], []
    for i in range(len(totals)):
        flag, note = [], []
        if conflict[i]:
            flag.append("same_day_conflict")
            note.append(same_day[i])
        if down[i]:
            flag.append("decrease_vague" if vague[i] else "decrease")
            note.append(f"down from {int(previous[i]):,} in the previous report")
        flags.append(" ".join(flag))
        notes.append("; ".join(note))
    totals = totals.assign(previous=pd.array(
        [None if np.isnan(v) else int(v) for v in previous], dtype="Int64"),
        flag=flags, note=notes)
    # increments: checked against the change of their series' totals on their date
    first = (day != day.shift()).to_numpy()  # each day's first point: its key and date
    keyed = totals.loc[first, [*SERIES_KEY, "published"]].assign(
        today=by_day["max"].to_numpy(), before=by_day["previous"].to_numpy())
    checked = increments.merge(keyed, on=[*SERIES_KEY, "published"], how="left")
    change = checked["today"] - checked["before"]
    mismatch = change.notna() & (change != checked["count"])
    checked["flag"] = np.where(mismatch, "increment_mismatch", "")
    checked["note"] = [
        f"reported +{c:,} but the totals went from {int(b):,} to {int(t):,} (+{int(t - b):,})"
        if m else "" for c, b, t, m in zip(checked["count"], checked["before"],
                                           checked["today"], mismatch, strict=True)]
    checked["previous"] = pd.array([None] * len(checked), dtype="Int64")
    columns = [c for c in SERIES_COLUMNS if c not in ("series", "label", "change")]
    parts = [f[columns] for f in (totals, checked) if len(f)]
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
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


def series_for(series: pd.DataFrame, claimant_group: str, population: str, side: str,
               status: str = "killed") -> pd.DataFrame:
    """The running totals of one series, by date (e.g. Nagorno-Karabakh military deaths)."""
    mask = ((series["claimant_group"] == claimant_group) & (series["population"] == population)
            & (series["side"] == side) & (series["status"] == status)
            & (series["kind"] == "total"))
    return series[mask].reset_index(drop=True)


def casualty_estimates(figures: pd.DataFrame | SeriesPoints,
                       profile: Profile | None = None) -> pd.DataFrame:
    """Return low / best / high per (population, side, status) and report date.

    See the module docstring for the rule; ``claims`` lists each claimant's current figure.
    ``figures`` is the figures table or its :class:`SeriesPoints`; ``profile`` the
    conflict profile (default ``data/profile.yml``).
    """
    profile = profile or load_profile()
    points = figures if isinstance(figures, SeriesPoints) else series_points(figures)
    totals = _listed(points.totals)
    rows = []
    for (population, side, status), group in totals.groupby(
        ["population", "side", "status"], sort=True
    ):
        for date in sorted(group["published"].unique()):
            current = (group[group["published"] <= date].sort_values("published")
                       .groupby("claimant_group").tail(1))
            current = current[current["published"] == current["published"]]
            is_own = current["claimant_group"].map(profile.group_side) == side
            own, others = current[is_own], current[~is_own]
            lows = others.loc[others["qualifier"] != "up_to", "count"].tolist()
            best = int(own["count"].max()) if not own.empty else None
            lows += [best] if best is not None else []
            low = int(min(lows)) if lows else None
            best = best if best is not None else low
            highs = pd.concat([current["count"], current["count_high"].dropna()])
            rows.append({
                "population": population, "side": side, "status": status,
                "published": date, "low": low, "best": best, "high": int(highs.max()),
                "n_claimants": len(current),
                "claims": "; ".join(
                    f"{r.claimant_group}: {figure_label(r.count, r.qualifier, r.count_high)}"
                    f" ({pd.Timestamp(r.published):%Y-%m-%d})"
                    for r in current.itertuples(index=False)
                ),
            })
    frame = pd.DataFrame(rows, columns=["population", "side", "status", "published", "low",
                                        "best", "high", "n_claimants", "claims"])
    for col in ("low", "best", "high"):
        frame[col] = frame[col].astype("Int64")
    return frame
