"""Actor mentions: the counting rules, proven on real seed sentences."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
import yaml
from conftest import ROOT, article

from conflictnews.actor_list import ActorListError, load_actors, parse_actor_list
from conflictnews.mentions import (
    MENTION_COLUMNS,
    co_mentions,
    find_mentions,
    matcher,
    mention_frequency,
)
from conflictnews.quotes import quoted_speakers, speaker_counts, unknown_names

ACTORS = ROOT / "data" / "actors.yml"


@pytest.fixture(scope="module")
def actors():
    return load_actors(ACTORS)


@pytest.fixture(scope="module")
def mentions(articles, actors):
    return find_mentions(articles, actors)


def people_in(sentence: str, day: str, actors) -> list[tuple[str, str]]:
    found = matcher(actors).find(sentence, dt.date.fromisoformat(day))
    kinds = {a.name: a.kind for a in actors.actors}
    return [(sentence[s:e], a) for s, e, a, _ in found if kinds[a] == "person"]


def test_hand_counted_person_mentions_match_exactly(mentions):
    expected = pd.read_csv(ROOT / "tests" / "data" / "person_mentions.csv")
    text = mentions[(mentions["field"] == "text") & (mentions["kind"] == "person")]
    got = text.groupby(["doc_id", "actor"]).size().rename("mentions").reset_index()
    merged = expected.merge(got, on=["doc_id", "actor"], how="outer", suffixes=("", "_got"))
    assert merged["mentions"].tolist() == merged["mentions_got"].tolist(), merged


def test_columns_and_spans(mentions, articles):
    assert list(mentions.columns) == MENTION_COLUMNS
    text = dict(zip(articles.doc_id, articles.text, strict=True))
    body = mentions[mentions["field"] == "text"]
    assert all(text[r.doc_id][r.start:r.end] == r.surface for r in body.itertuples())


def test_titles_resolve_to_the_holder_on_the_article_date(actors, articles):
    raisi = article(articles, "003")
    sentence = next(s for s in raisi.text.split(". ") if s.startswith("The Iranian president"))
    assert people_in(sentence, "2021-11-17", actors) == [("Iranian president", "Ebrahim Raisi")]
    assert people_in(sentence, "2020-10-11", actors) == [("Iranian president", "Hassan Rouhani")]
    assert people_in("The Russian president, in turn, underlined that Moscow attaches great "
                     "importance", "2021-11-17", actors) == [("Russian president",
                                                             "Vladimir Putin")]
    assert people_in("Armenia’s prime minister called on Monday for an international "
                     "investigation", "2020-11-02", actors) == [
        ("Armenia’s prime minister", "Nikol Pashinyan")]
    assert people_in("Azerbaijan’s president warned of “new victims and new bloodshed”",
                     "2020-10-15", actors) == [("Azerbaijan’s president", "Ilham Aliyev")]


def test_bare_and_plural_titles_count_for_nobody(actors):
    for sentence in ("Putin noted that the Armenian leadership had essentially recognized "
                     "Azerbaijan's sovereignty",
                     "During the conversation, the two presidents also considered the JCPOA",
                     "The president stated that the conflict is very bitter"):
        people = people_in(sentence, "2020-10-11", actors)
        assert all(who == "Vladimir Putin" for _, who in people), people


def test_longest_match_and_appositives_are_one_mention(actors):
    assert people_in("“By no means,” Russian Foreign Minister Sergei Lavrov said.", "2020-11-12",
                     actors) == [("Sergei Lavrov", "Sergei Lavrov")]
    found = matcher(actors).find("Russian Foreign Minister Sergei Lavrov said.",
                                 dt.date(2020, 11, 12))
    assert [a for *_, a, _ in [(f[0], f[1], f[2], f[3]) for f in found]] == ["Sergei Lavrov"]
    assert people_in("Zohrab Mnatsakanyan, Armenia’s foreign minister, met Russian Foreign "
                     "Minister Sergei Lavrov in Moscow.", "2020-10-12", actors) == [
        ("Zohrab Mnatsakanyan", "Zohrab Mnatsakanyan"), ("Sergei Lavrov", "Sergei Lavrov")]
    assert people_in("chanting “Nikol is a traitor!”", "2020-11-12", actors) == [
        ("Nikol", "Nikol Pashinyan")]


def test_reporter_sharing_a_surname_is_no_actor(actors, articles, mentions):
    assert "Nvard Hovhannisyan" in article(articles, "002", 3).byline
    hov = mentions[mentions["surface"].str.contains("Hovhannisyan")]
    assert hov["surface"].tolist() == ["Artsrun Hovhannisyan"]
    assert people_in("By Nvard Hovhannisyan. Hovhannisyan said.", "2020-10-16", actors) == []
    assert people_in("Artsrun Hovhannisyan said so. Hovhannisyan added.", "2020-10-16",
                     actors) == [("Artsrun Hovhannisyan", "Artsrun Hovhannisyan"),
                                 ("Hovhannisyan", "Artsrun Hovhannisyan")]


def test_possessives_hyphens_and_us_forms(actors):
    m = matcher(actors)
    text = ("Turkey's word and Azerbaijan’s advances, the Azeri-Armenian front, the U.S. "
            "and the United States, Washington and the US.")
    got = [(text[s:e], a) for s, e, a, _ in m.find(text, dt.date(2020, 10, 12))]
    assert got == [("Turkey", "Turkey"), ("Azerbaijan", "Azerbaijan"), ("Azeri", "Azerbaijan"),
                   ("Armenian", "Armenia"), ("U.S.", "United States"),
                   ("United States", "United States"), ("Washington", "United States"),
                   ("US", "United States")]


def test_demonyms_and_capitals_can_be_switched_off(articles, actors):
    on = find_mentions(articles, actors)
    off = find_mentions(articles, actors, demonyms=False)
    assert set(on["via"]) >= {"demonym", "capital"}
    assert not off["via"].isin(["demonym", "capital"]).any()
    assert (on["actor"] == "Azerbaijan").sum() > (off["actor"] == "Azerbaijan").sum()
    assert on[on.kind == "person"].shape == off[off.kind == "person"].shape


def test_bylines_credits_and_datelines_are_never_read(mentions):
    assert not mentions["surface"].isin(["Vladimir Soldatkin", "Philippa Fletcher"]).any()
    captions = mentions[mentions["field"] == "caption"]
    assert set(captions.loc[captions.kind == "person", "actor"]) == {"Vladimir Putin",
                                                                     "Hassan Rouhani"}
    assert (captions["sentence_index"] == -1).all()


def test_peskov_is_the_most_quoted_in_his_article(articles, actors, mentions):
    speakers = quoted_speakers(articles, actors, mentions=mentions)
    peskov = speakers[speakers["doc_id"].str.startswith("001")]
    top = peskov.groupby("actor").size().sort_values(ascending=False)
    assert top.index[0] == "Dmitry Peskov" and top.iloc[0] == 6
    counts = speaker_counts(speakers[speakers.kind == "person"])
    assert counts[counts.outlet == "Sputnik International"].iloc[0]["actor"] == "Dmitry Peskov"
    own = peskov[peskov.actor == "Dmitry Peskov"]
    # four quotations in marks; "told reporters" and "on its territory, Peskov said" are not
    assert own["quote"].value_counts().to_dict() == {"direct": 4, "paraphrase": 2}
    # "X told Reuters": X is quoted, Reuters is not
    assert not speakers["actor"].eq("Reuters").any()


def test_frequency_per_thousand_words_and_co_mentions(mentions, articles):
    freq = mention_frequency(mentions, "outlet", articles)
    reuters = freq[(freq.outlet == "Reuters") & (freq.actor == "Vladimir Putin")].iloc[0]
    words = articles.loc[articles.outlet == "Reuters", "n_words"].sum()
    assert reuters["words"] == words
    assert reuters["per_1000_words"] == pytest.approx(1000 * reuters["mentions"] / words)
    pairs = co_mentions(mentions)
    putin_rouhani = pairs[(pairs.actor_a == "Hassan Rouhani") & (pairs.actor_b == "Vladimir Putin")]
    assert putin_rouhani["sentences"].item() >= 3
    assert (pairs["actor_a"] < pairs["actor_b"]).all()


def test_unknown_names_point_at_names_missing_from_the_list(articles, actors, mentions):
    unknown = unknown_names(articles, actors, mentions=mentions)
    names = set(unknown["name"])
    # places of the conflict profile are known: they are no unknown names
    assert not names & {"Shushi", "Terter", "Lachin", "Aghdere", "Gazakh"}
    # each name comes with an entry to paste: a place after "in", else an actor
    entry = dict(zip(unknown["name"], unknown["yaml"], strict=True))
    assert entry["Geneva"].startswith("- {name: Geneva, held: SIDE}  # data/profile.yml")
    assert entry["COVID"].startswith("- {name: COVID, kind: organization, country: COUNTRY, "
                                     "aliases: [COVID]}  # data/actors.yml")
    assert not names & {"Putin", "Peskov", "Azerbaijan", "The", "Monday"}


def test_the_automaton_finds_exactly_what_the_combined_regex_finds(actors, articles):
    m = matcher(actors)
    assert m.regex.pattern.count("(?<!\\w)") == 1  # one pattern, one pass per text
    texts = [*articles.text, "Putinism, Iranians; the U.S.-backed Azeri-Armenian talks: "
             "Turkey’s and Turkey's; Russian President Vladimir Putin. USAID in Baku’s."]
    for text in texts:
        assert m.hits(text) == m.regex_hits(text)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"name": "X", "kind": "person"}, r"entry 1 \(X\): aliases must be|at least one alias"),
        ({"name": "X", "kind": "alien", "aliases": ["X"]}, r"entry 1 \(X\): kind 'alien'"),
        ({"name": "X", "kind": "person", "aliases": ["X"],
          "roles": [{"title": "Iranian President", "from": "2021-13-01"}]},
         r"entry 1 \(X\), role 1: '2021-13-01' is not a date"),
        ({"kind": "person", "aliases": ["X"]}, r"entry 1: missing name"),
    ],
)
def test_bad_actor_entries_are_named(entry, message):
    with pytest.raises(ActorListError, match=message):
        parse_actor_list({"actors": [entry]}, "mine.yml")


def test_the_same_alias_for_two_actors_is_an_error():
    data = {"actors": [{"name": "A", "kind": "state", "aliases": ["Georgia"]},
                       {"name": "B", "kind": "state", "aliases": ["Georgia"]}]}
    with pytest.raises(ActorListError, match="'Georgia' names both A and B"):
        parse_actor_list(data)


def test_broken_yaml_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "actors.yml"
    bad.write_text("actors: [\n  - name: X\n")
    with pytest.raises(ActorListError, match=r"actors\.yml: not valid YAML"):
        load_actors(bad)
    assert yaml.safe_load(ACTORS.read_text())["actors"]
