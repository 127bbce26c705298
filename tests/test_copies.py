"""Copies counted once: re-runs of a seed story are found, distinct stories stay apart."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from conflictnews.copies import (
    COPY_SIMILARITY,
    count_stories,
    find_copies,
    mark_copies,
    story_of,
    syndication,
)
from conflictnews.corpus import load_corpus
from conflictnews.mentions import find_mentions, mention_frequency, top_actors
from tests.conftest import METADATA, SEEDS, article

BOILERPLATE = ("Follow our live coverage of the conflict on our website and subscribe to "
               "the newsletter for a daily summary of the most important stories. Share "
               "this article with your friends and tell us what you think in the comments.")

#: Two stories of our own about one event on one day, each quoting one ministry line.
SAME_EVENT = (
    "Shelling hits Martuni overnight\n\n"
    "Artillery fire struck the town of Martuni late on Tuesday, local officials said, "
    "damaging a school and several houses on its eastern edge. Residents spent the night "
    "in basements while emergency crews cleared the roads at dawn. The defence ministry "
    "said in a statement that its forces had returned fire at the positions the shells "
    "came from. A teacher said the school had been empty since classes moved online in "
    "the spring, and that the windows of every classroom were broken. Officials counted "
    "the damage through the morning and promised money for repairs within a week.",
    "Ministry says positions shelled near Martuni\n\n"
    "The defence ministry said in a statement that its forces had returned fire at the "
    "positions the shells came from, after what it called a provocation near Martuni. "
    "In a briefing on Wednesday a spokeswoman described the exchange as the heaviest in "
    "the district this month and accused the other side of moving heavy guns closer to "
    "the line of contact. She gave no figures for losses and would not say which units "
    "took part. Foreign observers asked both sides to hold back and to let their monitors "
    "visit the villages along the road to the south.",
)


def _story(articles: pd.DataFrame, prefix: str, position: int = 0) -> tuple[str, str]:
    row = article(articles, prefix, position)
    return row["headline"], row["text"][len(row["headline"]):].strip()


def _copies_folder(folder, articles) -> None:
    """Seeds 002#3 and 001 re-run four ways, as saved .txt files of other sites, and
    ``meta.csv`` beside the folder."""
    tmp_path = folder
    folder.mkdir()
    headline, body = _story(articles, "002", 3)
    paras = body.split("\n\n")
    (tmp_path / "orig_reuters.txt").write_text(f"{headline}\n\n{body}", encoding="utf-8")
    (tmp_path / "copy_new_headline.txt").write_text(
        f"Fighting goes on in the mountains, agency reports\n\n{body}", encoding="utf-8")
    keep = max(2, len(paras) * 6 // 10)
    (tmp_path / "copy_trimmed.txt").write_text(
        f"{headline}\n\n" + "\n\n".join(paras[:keep]), encoding="utf-8")
    (tmp_path / "copy_boilerplate.txt").write_text(
        f"{headline}\n\n{body}\n\n{BOILERPLATE}", encoding="utf-8")
    changed = list(paras)
    changed[len(changed) // 2] = ("A spokesman for the regional government told our "
                                  "correspondent the situation in the villages was calm.")
    (tmp_path / "copy_paragraph_changed.txt").write_text(
        f"{headline}\n\n" + "\n\n".join(changed), encoding="utf-8")
    headline, body = _story(articles, "001")
    (tmp_path / "sputnik.txt").write_text(f"{headline}\n\n{body}", encoding="utf-8")
    (tmp_path / "sputnik_rerun.txt").write_text(
        f"Moscow comments on the situation\n\n{body}\n\n{BOILERPLATE}", encoding="utf-8")
    for i, text in enumerate(SAME_EVENT):
        (tmp_path / f"event_{i}.txt").write_text(text, encoding="utf-8")
    meta = ["source_file,position,outlet,headline,published,url,date_evidence"]
    dates = {"orig_reuters": ("Reuters", "2020-10-16"),
             "copy_new_headline": ("Epoch Wire", "2020-10-17"),
             "copy_trimmed": ("Daily Mirror Site", "2020-10-17"),
             "copy_boilerplate": ("Portal One", "2020-10-17"),
             "copy_paragraph_changed": ("Portal Two", "2020-10-18"),
             "sputnik": ("Sputnik International", "2023-09-20"),
             "sputnik_rerun": ("UrduPoint", "2023-09-20"),
             "event_0": ("Outlet A", "2020-10-20"), "event_1": ("Outlet B", "2020-10-20")}
    meta += [f"{name}.txt,0,{outlet},,{day},," for name, (outlet, day) in dates.items()]
    (folder.parent / "meta.csv").write_text("\n".join(meta) + "\n", encoding="utf-8")


@pytest.fixture()
def copied(tmp_path, articles) -> pd.DataFrame:
    _copies_folder(tmp_path / "corpus", articles)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return mark_copies(load_corpus(tmp_path / "corpus", tmp_path / "meta.csv"))


def test_each_kind_of_copy_points_at_the_original(copied):
    dup = dict(zip(copied["doc_id"], copied["duplicate_of"], strict=True))
    assert dup["copy_new_headline#0"] == "orig_reuters#0"
    assert dup["copy_trimmed#0"] == "orig_reuters#0"
    assert dup["copy_boilerplate#0"] == "orig_reuters#0"
    assert dup["copy_paragraph_changed#0"] == "orig_reuters#0"
    # same day, both dated: the earlier doc_id is the original
    assert dup["sputnik_rerun#0"] == "sputnik#0"
    assert dup["orig_reuters#0"] == "" and dup["sputnik#0"] == ""
    sims = copied.set_index("doc_id")["similarity"]
    assert sims[["copy_new_headline#0", "copy_trimmed#0", "copy_boilerplate#0",
                 "copy_paragraph_changed#0"]].min() >= COPY_SIMILARITY
    assert pd.isna(sims["orig_reuters#0"])


def test_distinct_stories_on_one_event_and_day_are_not_merged(copied):
    dup = dict(zip(copied["doc_id"], copied["duplicate_of"], strict=True))
    assert dup["event_0#0"] == "" and dup["event_1#0"] == ""


def test_the_seed_stories_are_all_originals(articles):
    """The eleven seed stories are different stories (some share background lines)."""
    found = find_copies(articles)
    assert (found["duplicate_of"] == "").all()
    # same-day Reuters updates stay apart even when dated alike
    same_day = articles.assign(published=pd.Timestamp("2020-10-15"))
    assert (find_copies(same_day)["duplicate_of"] == "").all()


def test_a_copy_of_a_copy_points_at_the_first_article(articles):
    headline, body = _story(articles, "002", 5)
    rows = pd.DataFrame({
        "doc_id": ["a#0", "b#0", "c#0"],
        "headline": [headline, "Re-run", "Re-run again"],
        "text": [f"{headline}\n\n{body}", f"Re-run\n\n{body}\n\n{BOILERPLATE}",
                 f"Re-run again\n\n{body}\n\n{BOILERPLATE}"],
        "published": pd.to_datetime(["2020-10-13", "2020-10-14", "2020-10-15"]),
    })
    assert find_copies(rows)["duplicate_of"].tolist() == ["", "a#0", "a#0"]


def test_syndication_table_says_who_reran_whose_stories(copied):
    table = syndication(copied)
    pairs = set(zip(table["original_outlet"], table["copied_by"], strict=True))
    assert ("Reuters", "Epoch Wire") in pairs
    assert ("Sputnik International", "UrduPoint") in pairs
    assert table["copies"].sum() == 5


def test_mentions_count_a_story_once_unless_copies_are_included(copied):
    mentions = find_mentions(copied)
    once = mention_frequency(mentions, "outlet", copied)
    every = mention_frequency(mentions, "outlet", copied, include_copies=True)
    assert "Epoch Wire" not in set(once["outlet"])
    assert "Epoch Wire" in set(every["outlet"])
    originals = copied[copied["duplicate_of"] == ""]
    expected = find_mentions(originals)
    assert once["mentions"].sum() == (expected["field"] == "text").sum()
    top_once = top_actors(mentions, copied, 5)
    top_all = top_actors(mentions, copied, 5, include_copies=True)
    assert top_once["mentions"].sum() < top_all["mentions"].sum()


def test_a_claims_report_count_counts_a_story_once(copied):
    points = pd.DataFrame({"n_reports": [3, 1], "doc_ids": [
        ["orig_reuters#0", "copy_trimmed#0", "event_0#0"], ["copy_trimmed#0"]]})
    counted = count_stories(points, story_of(copied))
    assert counted["n_reports"].tolist() == [2, 1]


def test_loaded_seeds_keep_their_own_load(tmp_path):
    """Reading the seeds twice under two names: each article's copy is found."""
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        for path in SEEDS.glob("*.txt"):
            (folder / path.name).write_bytes(path.read_bytes())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        both = mark_copies(load_corpus(tmp_path, METADATA))
    copies = both[both["duplicate_of"] != ""]
    assert len(copies) == len(both) // 2
    assert all(c.startswith("b/") and d == "a/" + c[2:] for c, d in
               zip(copies["doc_id"], copies["duplicate_of"], strict=True))


def test_extract_marks_copies_across_batches_and_counts_stories_once(tmp_path, articles):
    from conflictnews.extract import read_table, run_extract

    _copies_folder(tmp_path / "corpus", articles)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = mark_copies(load_corpus(tmp_path / "corpus", tmp_path / "meta.csv"))
    # one file per batch: each copy is found in another worker's batch than its original
    manifest = run_extract(tmp_path / "corpus", tmp_path / "x", tmp_path / "meta.csv",
                           batch_files=1, jobs=2)
    every = run_extract(tmp_path / "corpus", tmp_path / "y", tmp_path / "meta.csv",
                        batch_files=1, include_copies=True)
    got = read_table(tmp_path / "x", "articles")
    assert got["duplicate_of"].tolist() == expected["duplicate_of"].tolist()
    assert manifest["copies"]["found"] == (expected["duplicate_of"] != "").sum() == 5
    once = read_table(tmp_path / "x", "casualty_series")
    all_ = read_table(tmp_path / "y", "casualty_series")
    # the re-runs repeat the original's figures: counted once they add no report
    assert once["n_reports"].sum() < all_["n_reports"].sum()
    assert every["copies"]["counted_once"] is False


def test_short_and_empty_articles_are_never_copies():
    rows = pd.DataFrame({
        "doc_id": ["a#0", "b#0", "c#0", "d#0"], "headline": ["", "", "", ""],
        "text": ["Talks held.", "Talks held.", "", "Three words only"],
        "published": pd.to_datetime(["2020-10-02", "2020-10-02", None, None]),
    })
    assert find_copies(rows)["duplicate_of"].tolist() == ["", "", "", ""]
    assert find_copies(rows.iloc[:0])["duplicate_of"].tolist() == []


def test_a_story_copied_fifty_times_points_at_one_original(articles):
    """More copies than pairs kept per bucket: each copy still reaches the first article."""
    _, body = _story(articles, "002", 6)
    n = 50
    rows = pd.DataFrame({
        "doc_id": [f"site{i:02d}#0" for i in range(n)],
        "headline": [f"Re-run {i}" for i in range(n)],
        "text": [f"Re-run {i}\n\n{body}\n\nSite {i} line of its own." for i in range(n)],
        "published": pd.to_datetime("2020-10-12") + pd.to_timedelta(range(n), unit="h"),
    })
    found = find_copies(rows)
    assert found["duplicate_of"].tolist() == [""] + ["site00#0"] * (n - 1)
