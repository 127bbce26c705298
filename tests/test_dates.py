"""Dates as news writes them, read without the clock: each keeps its precision, a
missing year is never today's, dotted dates are day-first, a time zone keeps its day."""

from __future__ import annotations

import datetime as dt
import types

import pandas as pd
import pytest
from conftest import METADATA, SEEDS
from dateutil.parser import _parser
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictnews.corpus import read_corpus
from conflictnews.dates import date_in_text, parse_date, read_date

DAY = pd.Timestamp


# Each row of issue 16's table about dates.
def test_a_month_is_the_month_with_its_precision():
    assert read_date("October 2020") == read_date("2020-10").__class__(DAY("2020-10-01"),
                                                                       "month")
    assert read_date("2020-10").precision == "month"
    assert read_date("2020") == read_date("2020").__class__(DAY("2020-01-01"), "year")


def test_a_date_without_year_takes_the_articles_year_or_is_refused():
    with pytest.raises(ValueError, match="no year in date 'Oct 12'"):
        parse_date("Oct 12")
    assert parse_date("Oct 12", year=2020) == DAY("2020-10-12")
    assert read_date("October", year=2021).precision == "month"


def test_dotted_dates_are_day_first_unless_the_corpus_says_otherwise():
    assert parse_date("12.10.2020") == DAY("2020-10-12")
    assert parse_date("12.10.2020", dotted="mdy") == DAY("2020-12-10")
    assert parse_date("10/12/2020") == DAY("2020-10-12")  # US copy: month first
    assert parse_date("10/12/2020", slashed="dmy") == DAY("2020-12-10")
    with pytest.raises(ValueError, match="date order"):
        parse_date("12.10.2020", dotted="ymd")


def test_a_time_zone_keeps_the_local_publication_day():
    assert parse_date("2020-10-12T01:30:00+04:00") == DAY("2020-10-12")
    assert parse_date("2020-10-11T23:30:00-05:00") == DAY("2020-10-11")
    assert parse_date("12 Oct 2020 01:30 +0400") == DAY("2020-10-12")
    assert parse_date(pd.Timestamp("2020-10-12T01:30", tz="Asia/Baku")) == DAY("2020-10-12")


def test_two_digit_years_have_a_fixed_century():
    assert parse_date("12.10.20") == DAY("2020-10-12")
    assert parse_date("12.10.94") == DAY("1994-10-12")


def test_malformed_and_empty_values():
    for bad in ("2020-13-45", "yesterday-ish", "Monday"):
        with pytest.raises(ValueError, match="date"):
            parse_date(bad)
    assert read_date("").precision == "" and pd.isna(parse_date(None))


def test_dotted_dates_in_the_lead_are_found():
    assert date_in_text("", "BAKU, 12.10.2020 – Shelling went on.") == (
        DAY("2020-10-12"), "12.10.2020")


def test_the_articles_table_keeps_each_dates_precision(tmp_path):
    meta = tmp_path / "meta.csv"
    table = pd.read_csv(METADATA, dtype=str, keep_default_na=False)
    table.loc[:2, "published"] = ["October 2020", "Oct 12", "12.10.2020"]
    table.to_csv(meta, index=False)
    rows = table[["source_file", "position"]].head(3).values.tolist()
    got = read_corpus(SEEDS, meta)
    problems = got.problems["problem"].tolist()
    assert problems == ["no year in date 'Oct 12'; date left empty"]
    by_key = got.articles.set_index(["source_file", "position"])
    keys = [(r[0], int(r[1])) for r in rows]
    assert by_key.loc[keys[0], "published"] == DAY("2020-10-01")
    assert by_key.loc[keys[0], "published_precision"] == "month"
    assert by_key.loc[keys[2], "published"] == DAY("2020-10-12")
    assert by_key.loc[keys[2], "published_precision"] == "day"
    undated = by_key.loc[keys[1]]  # its text gives no full date either
    assert pd.isna(undated["published"]) and undated["published_precision"] == ""


def test_seed_dates_are_days(articles):
    dated = articles["published"].notna()
    assert dated.all()
    assert set(articles["published_precision"]) == {"day"}


# --- property tests -------------------------------------------------------------------

FORMATS = ["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%d.%m.%Y",
           "%m/%d/%Y", "%A, %B %d, %Y", "%A %d %B %Y", "%Y-%m-%dT%H:%M:%S",
           "%d %B %Y %H:%M", "%B %d, %Y %I:%M %p"]


@settings(max_examples=500, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.sampled_from(FORMATS),
       st.integers(0, 23))
def test_every_date_in_common_news_formats_reads_as_itself(day, fmt, hour):
    when = dt.datetime.combine(day, dt.time(hour, 30))
    got = read_date(when.strftime(fmt))
    assert (got.day, got.precision) == (DAY(day), "day")


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
       st.sampled_from(["+04:00", "-05:00", "+14:00", "-12:00", "Z"]), st.integers(0, 23))
def test_every_zoned_time_keeps_its_local_day(day, zone, hour):
    assert parse_date(f"{day.isoformat()}T{hour:02d}:59:00{zone}") == DAY(day)


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
       st.sampled_from(["%B %Y", "%b %Y", "%Y-%m"]))
def test_every_month_reads_as_its_first_day_with_month_precision(day, fmt):
    got = read_date(day.strftime(fmt))
    assert (got.day, got.precision) == (DAY(day.replace(day=1)), "month")


@settings(max_examples=200, deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)),
       st.sampled_from(["%B %d", "%b %d", "%d %B"]))
def test_a_date_without_year_never_gets_one_from_the_clock(day, fmt):
    with pytest.raises(ValueError, match="no year"):
        read_date(day.strftime(fmt))
    if (day.month, day.day) != (2, 29) or day.year % 4 == 0:
        assert parse_date(day.strftime(fmt), year=day.year) == DAY(day)


VALUES = ["October 2020", "Oct 12", "12.10.2020", "12.10.20", "2020-10-12T01:30:00+04:00",
          "Monday, Oct 12, 2020", "2020", "10/12/20", "Sept. 27", "27 September", "May"]


def _frozen(year: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """dateutil's two clocks (the default for missing parts, the century of a two-digit
    year) set to 1 March of ``year``."""

    class Clock(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(year, 3, 1, 12, 0)

        today = now

    fake = types.SimpleNamespace(**{k: getattr(dt, k) for k in dir(dt) if not k.startswith("__")})
    fake.datetime = Clock
    monkeypatch.setattr(_parser, "datetime", fake)
    info = _parser.DEFAULTPARSER.info
    monkeypatch.setattr(info, "_year", year)
    monkeypatch.setattr(info, "_century", year // 100 * 100)


def _results() -> list[object]:
    out = []
    for value in VALUES:
        try:
            out.append(read_date(value))
        except ValueError as exc:
            out.append(str(exc))
    return out


def test_no_result_depends_on_the_clock(monkeypatch):
    _frozen(2026, monkeypatch)
    today = _results()
    _frozen(1987, monkeypatch)
    assert _results() == today
    # and the frozen clock does reach dateutil: without a default it fills today's year
    assert _parser.parser().parse("Oct 12").year == 1987


def test_a_metadata_file_can_say_its_dotted_dates_are_month_first(tmp_path):
    from conflictnews.metadata import read_metadata

    meta = tmp_path / "meta.csv"
    meta.write_text("source_file,position,published\na.txt,0,12.10.2020\nb.txt,0,10/12/2020\n")
    day_first, _ = read_metadata(meta)
    assert day_first["published"].tolist() == [DAY("2020-10-12"), DAY("2020-10-12")]
    month_first, _ = read_metadata(meta, dotted="mdy", slashed="dmy")
    assert month_first["published"].tolist() == [DAY("2020-12-10"), DAY("2020-12-10")]
