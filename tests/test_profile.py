"""The conflict profile: another war read from data alone, checked on load, and the one
attribution engine (claimants in any script, pronouns, quotes)."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml
from conftest import ROOT

from conflictnews.actor_list import load_actors
from conflictnews.casualties import extract_casualties, figures_in_sentence
from conflictnews.corpus import load_corpus
from conflictnews.profile import ProfileError, load_profile, parse_profile
from conflictnews.quotes import quoted_speakers

OTHER = ROOT / "tests" / "data" / "otherwar" / "profile.yml"


@pytest.fixture(scope="module")
def other():
    return load_profile(OTHER)


def read(sentence: str, published: str, profile) -> list[tuple]:
    return [(f["count"], f["status"], f["side"], f["population"], f["claimant_group"],
             f["historical"])
            for f in figures_in_sentence(sentence, pd.Timestamp(published), profile=profile)]


def test_another_war_is_read_from_its_profile_alone(other):
    # an attacker's rockets on a town behind the front: the town's side, civilians
    assert read("Ostravan rockets killed 12 people in Lorsk, Vardenia's government said.",
                "2031-04-02", other) == [(12, "killed", "vardenian", "civilian", "Vardenia",
                                          False)]
    # a person of a country on the list speaks for its group
    assert read("Kaspar Dunn said 40 Ostravan soldiers were killed.", "2031-04-02",
                other) == [(40, "killed", "ostravan", "military", "Vardenia", False)]
    # a third state's people, from the actor list's demonyms
    assert read("Two Pellanese volunteers were killed.", "2031-04-02", other)[0][2] == "other"


def test_who_held_a_place_is_read_on_the_report_date(other):
    sentence = "Five people were killed in Tenby Ford."
    assert read(sentence, "2031-04-01", other)[0][2] == "vardenian"
    assert read(sentence, "2031-06-01", other)[0][2] == "ostravan"
    # the Nagorno-Karabakh profile knows no Tenby Ford
    assert read(sentence, "2031-06-01", load_profile())[0][2] == "unspecified"


def test_earlier_wars_come_from_the_profile_periods(other):
    assert read("Some 3,000 people died in the river war.", "2032-01-01", other)[0][5]
    assert read("Some 3,000 people died in 2020.", "2032-01-01", other)[0][5]
    # the war the workbook studies is never historical, whenever the report
    got = figures_in_sentence("10,000 civilians have been killed since March 2031, the Relief "
                              "Council said.", pd.Timestamp("2034-05-01"), profile=other)
    assert [(f["count"], f["historical"], f["claimed_by"], f["claimant_group"])
            for f in got] == [(10000, False, "the Relief Council", "aid agencies")]


def test_this_war_is_not_historical_two_years_on_and_the_un_claims_it():
    got = figures_in_sentence("10,000 civilians have been killed since February 2022, the UN "
                              "said.", pd.Timestamp("2024-06-01"))
    assert [(f["count"], f["historical"], f["claimed_by"], f["claimant_group"])
            for f in got] == [(10000, False, "the UN", "UN / ICRC")]


def test_extract_takes_a_profile_path(other):
    articles = pd.DataFrame({
        "doc_id": ["a"], "source_file": ["a.txt"], "position": [0],
        "published": [pd.Timestamp("2031-04-02")], "outlet": ["x"],
        "text": ["Ostravan shelling killed 7 civilians in Lorsk."]})
    figures = extract_casualties(articles, profile=OTHER)
    assert figures[["count", "side", "side_evidence"]].values.tolist() == [
        [7, "vardenian", "attacker: Ostravan shelling"]]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["places"][0].update(held="martian"),
         r"otherwar/profile.yml, places entry 1 \(Lorsk\): side 'martian' is not one of"),
        (lambda d: d["claimant_groups"][2].update(actors=["Nobody"]),
         r"claimant_groups entry 3 \(aid agencies\): actor 'Nobody' is not on the actor list"),
        (lambda d: d["earlier_wars"][0].update(to="2040-01-01"),
         r"earlier_wars entry 1 \(the river war\): an earlier war must end"),
        (lambda d: d["places"][1]["held"][1].update({"from": "2031-13-01"}),
         r"places entry 2 \(Tenby Ford\), held 2: '2031-13-01' is not a date"),
        (lambda d: d.update(colour="red"), r"profile.yml: unknown field\(s\) colour"),
    ],
)
def test_bad_profile_entries_are_named(change, message):
    data = yaml.safe_load(OTHER.read_text())
    change(data)
    with pytest.raises(ProfileError, match=message):
        parse_profile(data, str(OTHER), load_actors(OTHER.parent / "actors.yml"))


def test_a_broken_profile_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "profile.yml"
    bad.write_text("conflict: [\n")
    with pytest.raises(ProfileError, match=r"profile.yml: not valid YAML"):
        load_profile(bad)


def test_claimants_and_speakers_in_any_script(tmp_path):
    got = figures_in_sentence("Şuşa residents said 5 people were killed.",
                              pd.Timestamp("2020-10-20"))
    assert [(f["count"], f["claimed_by"]) for f in got] == [(5, "Şuşa residents")]
    (tmp_path / "t.txt").write_text("Ankara, Oct 20\n\nTurkey and Azerbaijan met on Monday. "
                                    "Çavuşoğlu said on Monday that the talks would go on.\n")
    articles = load_corpus(tmp_path, None)
    speakers = quoted_speakers(articles, load_actors(ROOT / "data" / "actors.yml"))
    assert speakers[["actor", "verb"]].values.tolist() == [["Mevlut Cavusoglu", "said"]]


def test_a_pronoun_is_the_last_named_claimant_in_the_article():
    filler = " ".join(f"Fighting went on near village {i}." for i in range(8))
    text = ("The Azeri prosecutor-general's office said 47 civilians had been killed. "
            f"{filler} It said 222 more had been wounded.")
    articles = pd.DataFrame({
        "doc_id": ["p"], "source_file": ["p.txt"], "position": [0],
        "published": [pd.Timestamp("2020-10-16")], "outlet": ["x"], "text": [text]})
    figures = extract_casualties(articles)
    last = figures.iloc[-1]
    assert (last["count"], last["claimed_by"], last["claimant_group"], last["side"]) == (
        222, "The Azeri prosecutor-general's office", "Azerbaijan", "azerbaijani")
    assert last["claim_evidence"] == "said: it = last named claimant"


def test_every_inferred_field_names_its_evidence(articles):
    figures = extract_casualties(articles)
    for field, evidence in (("side", "side_evidence"), ("population", "population_evidence"),
                            ("claimed_by", "claim_evidence")):
        decided = figures[~figures[field].isin(["unspecified", ""])]
        assert (decided[evidence] != "").all(), decided[[field, evidence]]


def test_what_was_inferred_is_summarised(articles):
    from conflictnews.inference import (
        evidence_counts,
        evidence_kind,
        inferred_shares,
        without_evidence,
    )

    figures = extract_casualties(articles)
    shares = inferred_shares(figures)
    assert shares["field"].tolist() == ["side", "population", "claimed_by"]
    assert (shares["total"] == len(figures)).all()
    counts = evidence_counts(figures)
    # each decided field is counted once, under the kind of evidence that decided it
    for field, none in (("side", "unspecified"), ("population", "unspecified"),
                        ("claimed_by", "")):
        assert counts.loc[counts.field == field, "figures"].sum() == (
            figures[field] != none).sum()
    assert without_evidence(figures).empty
    assert [evidence_kind(e) for e in ("place: Ganja", "said", "said: it = last named "
                                       "claimant", "same figure in sentence 3", "")] == [
        "place", "speech verb", "pronoun", "same figure", ""]


def test_the_earlier_war_shortcuts_change_no_answer():
    # the Aho-Corasick and year prefilters in Profile.earlier_war must agree with the
    # plain searches, in any case, with hyphens and apostrophes, and with letters that
    # lower-casing moves ("ſ" matches "s" only in the regex)
    from conflictnews.profile import DECADE, YEAR, pieces_finder

    profile = load_profile()
    words = profile._re["earlier"]
    for text in ("Losses in the FIRST KARABAKH WAR were higher.",
                 "veterans of the first Nagorno Karabakh war said",
                 "the Khojaly massacre’s victims", "since the Four-Day war",
                 "the Sumgaıt pogrom", "the firſt war", "In the 1990ſ war",
                 "300 were killed in the 1990s", "in 1994 and 2020", "killed 20 people",
                 "the war in Ganja", "x1990s", "12,1990 people"):
        plain = words.search(text)
        expected = plain.group() if plain else next(
            (m.group() for m in DECADE.finditer(text)
             if int(m.group(1)) + 9 < profile.start.year), "") or next(
            (m.group(1) for m in YEAR.finditer(text)
             if int(m.group(1)) < profile.start.year), "")
        assert profile._earlier_war(text) == expected, text
    assert pieces_finder(["Ağdam war"]) is None  # a piece that is not ASCII: no shortcut
    assert pieces_finder(["--"]) is None


def test_a_found_words_key_is_the_key_of_its_text():
    # find_keyed takes the key from the automaton; it must be what key() makes of the
    # matched text, on the fast path and on the regex fallback ("ſ")
    profile = load_profile()
    for finder in (profile._sides, profile._places):
        keys = []
        for text in ("ARMENIAN soldiers and Azerbaijani’s troops near Nagorno-Karabakh",
                     "shelling of Ganja and Stepanakert; Karabakh  Armenians",
                     "the Armenian-ſide losses in Stepanakert"):
            found = finder.find_keyed(text)
            assert [k for *_, k in found] == [finder.key(w) for _, _, w, _ in found]
            assert [f[:3] for f in found] == finder.find(text)
            keys += [k for *_, k in found]
        assert len(keys) >= 3, keys
