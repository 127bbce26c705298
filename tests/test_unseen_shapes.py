"""Rules grown on articles from outlets the rules had never seen (issue 12, the fresh
c*/d* dev articles): shapes of sentences and of articles that any outlet may use. Every
text here is written in our own words; each rule has a case where it must not apply.
"""

from __future__ import annotations

import one_article
import pandas as pd
import pytest

from conflictnews.casualties import extract_casualties, figures_in_sentence

DAY = pd.Timestamp("2023-09-21")


def figures_of(text: str, published: pd.Timestamp = DAY) -> pd.DataFrame:
    """The casualty figures of one article with ``text`` (published in the 2023 offensive)."""
    return one_article.figures_of(text, published)


def one(found: list[dict] | pd.DataFrame, count: int, status: str) -> dict:
    """The one figure of ``found`` with ``count`` and ``status``."""
    rows = [dict(r) for r in (found.to_dict("records") if isinstance(found, pd.DataFrame)
                              else found) if r["count"] == count and r["status"] == status]
    assert len(rows) == 1, [(r["count"], r["status"]) for r in rows]
    return rows[0]


# ------------------------------------------------- population: a part of the other kind

@pytest.mark.parametrize(("sentence", "count", "status"), [
    # a part named after the whole: "among them", "of whom", "including" soldiers
    ("The regional ombudsman said 120 people were killed and over 300 hurt, among them "
     "children.", 120, "killed"),
    ("The regional ombudsman said 120 people were killed and over 300 hurt, among them "
     "children.", 300, "wounded"),
    ("Officials said 40 Georgians, including six border guards, died in the landslide "
     "of shells.", 40, "killed"),
    ("At least 30 people, of whom 11 were children, were wounded.", 30, "wounded"),
    # civilians among soldiers or prisoners of war
    ("The enclave holds 20 prisoners of war, four of whom are civilians.", 20, "captured"),
    ("A total of 14 servicemen, including two civilians, were killed.", 14, "killed"),
    # both kinds named in an aside between dashes
    ("Scores of people – soldiers and villagers alike – were killed in the valley.",
     40, "killed"),
])
def test_a_part_of_the_other_kind_makes_a_whole_of_people_mixed(sentence, count, status):
    fig = one(figures_in_sentence(sentence, DAY), count, status)
    assert fig["population"] == "mixed", fig["population_evidence"]


@pytest.mark.parametrize(("sentence", "count", "status", "population"), [
    # a whole named by its kind keeps it; soldiers are a part of "the dead" all fighters
    ("The monitor counted 80 dead, including 50 fighters whose bodies were flown home.",
     80, "killed", "unspecified"),
    ("The army said 60 servicemen, including 4 officers, were killed.", 60, "killed",
     "military"),
    ("Twelve civilians, among them three children, were wounded.", 12, "wounded",
     "civilian"),
])
def test_a_part_of_its_own_kind_leaves_the_whole_as_it_is(sentence, count, status,
                                                          population):
    fig = one(figures_in_sentence(sentence, DAY), count, status)
    assert fig["population"] == population, fig["population_evidence"]


def test_a_dash_aside_naming_one_kind_makes_nothing_mixed():
    fig = one(figures_in_sentence("Nine people – all of them shepherds – were wounded.", DAY),
              9, "wounded")
    assert fig["population"] != "mixed"


def test_civilians_among_the_dead_told_later_make_the_toll_mixed():
    text = ("At Least 150 Killed, 300 Hurt In Offensive On Enclave\n\n"
            "\"There are at least 150 dead and more than 300 wounded,\" the enclave's "
            "rights ombudsman wrote on social media.\n\n"
            "At least 12 civilians were among the dead, four of them children, he added.")
    found = figures_of(text)
    for count, status in ((150, "killed"), (300, "wounded")):
        rows = found[(found["count"] == count) & (found["status"] == status)]
        assert len(rows) == 2 and set(rows["population"]) == {"mixed"}, rows[
            ["population", "population_evidence"]]
    assert set(found[found["count"] == 12]["population"]) == {"civilian"}


def test_civilians_among_the_dead_overrule_a_value_carried_from_the_part_itself():
    text = ("The ombudsman wrote: \"There are at least 150 killed and more than 300 "
            "wounded,\" and noted that among the casualties, at least 12 were civilians.")
    found = figures_of(text)
    assert one(found, 12, "killed")["population"] == "civilian"
    assert one(found, 150, "killed")["population"] == "mixed"
    assert one(found, 300, "wounded")["population"] == "mixed"


def test_civilians_among_the_dead_leave_a_toll_of_civilians_and_a_larger_part_alone():
    text = ("Shelling of the town killed 9 civilians on Monday.\n\n"
            "Five children were among the dead, the mayor said.\n\n"
            "Separately, 3 people died in a car crash. Among the victims are 4 children.")
    found = figures_of(text)
    assert one(found, 9, "killed")["population"] == "civilian"
    # 4 children cannot be a part of 3 dead: another event
    assert one(found, 3, "killed")["population"] == "unspecified"


# ------------------------------------------------------------ side: the article's party

ONE_PARTY = ("Blast at Ammunition Store in Stepanakert Kills 14\n\n"
             "Fourteen people died when an ammunition store exploded in Stepanakert on "
             "Tuesday.\n\n"
             "Surgeons were still operating on 40 people hurt by the explosion late at night.")


def test_a_figure_no_rule_places_takes_the_side_of_an_article_about_one_party():
    found = figures_of(ONE_PARTY)
    assert set(found[found["count"] == 14]["side"]) == {"armenian"}
    hurt = one(found, 40, "wounded")
    assert hurt["side"] == "armenian" and hurt["side_evidence"].startswith("article")


def test_an_article_telling_both_parties_figures_leaves_an_undecided_one_alone():
    text = ONE_PARTY.replace("late at night.", "late at night. In Ganja, 6 civilians were "
                             "killed by shelling.")
    found = figures_of(text)
    assert one(found, 6, "killed")["side"] == "azerbaijani"
    assert one(found, 40, "wounded")["side"] == "unspecified"


def test_a_wars_whole_toll_is_not_the_article_partys():
    text = ONE_PARTY + (" The blast is the worst since the six-week war of 2020, which "
                        "left some 7,000 people dead.")
    assert one(figures_of(text), 7000, "killed")["side"] != "armenian"


# ------------------------------------------------- what an outlet's page puts around text

def test_an_iso_date_before_a_count_is_not_a_thousands_group():
    from conflictnews.numbers import find_numbers

    text = "date 2022-03-14 300 villagers fled the shelling"
    assert 300 in [n.value for n in find_numbers(text)]
    assert one(figures_in_sentence(text, DAY), 300, "displaced")["count"] == 300
    # a space still groups thousands elsewhere
    assert [n.value for n in find_numbers("about 4 500 people fled")] == [4500]


def test_a_headline_before_a_byline_in_a_table_is_read(tmp_path):
    import json

    from conflictnews.corpus import load_corpus

    text = ("Shelling of Border Village Leaves 3 Dead\n\nBy Jane Roe\n\n"
            "Officials said the village was shelled overnight.")
    table = tmp_path / "corpus.jsonl"
    table.write_text(json.dumps({"text": text, "published": "2021-05-02"}) + "\n"
                     + json.dumps({"text": text, "published": "2021-05-02",
                                   "headline": "Village shelled"}) + "\n", encoding="utf-8")
    articles = load_corpus(table, None)
    assert articles["headline"].tolist() == ["Shelling of Border Village Leaves 3 Dead",
                                             "Village shelled"]
    found = extract_casualties(articles.assign(doc_id=["no_column", "column"]))
    # without a headline column the first line is the headline, read with the text;
    # with one, the line before the byline stays a caption
    assert found[found["count"] == 3]["doc_id"].tolist() == ["no_column"]


# ------------------------------------------------------------- detection: tolls, asides

@pytest.mark.parametrize(("sentence", "expected"), [
    # a toll that grew, and the toll it grew from
    ("The toll from the rocket strike on the market town has grown to 14 from the "
     "previous 9, the governor said.", {(14, "killed"), (9, "killed")}),
    ("Death toll from mine blast near the border jumps to 6",
     {(6, "killed")}),
    ("The death toll in the flooded valley soared to 31 from 12 a day earlier.",
     {(31, "killed"), (12, "killed")}),
    # an aside holding a number of its own: the whole and its part
    ("Over 8,500 people, including nearly 3,000 children, have fled the district.",
     {(8500, "displaced"), (3000, "displaced")}),
    # a part of a whole with an owner and a qualifier: the part, never the whole
    ("Officials say 4,310 of the valley's estimated 9,000 residents have fled.",
     {(4310, "displaced")}),
])
def test_tolls_and_asides_of_unseen_outlets(sentence, expected):
    assert {(f["count"], f["status"]) for f in figures_in_sentence(sentence, DAY)} == expected


def test_a_toll_from_several_attacks_is_not_a_toll_grown_from():
    found = figures_in_sentence("The death toll rose to 40 from three separate attacks.", DAY)
    assert [(f["count"], f["status"]) for f in found] == [(40, "killed")]


def test_a_whole_with_children_in_a_numbered_aside_is_mixed():
    found = figures_in_sentence("Over 8,500 people, including nearly 3,000 children, have "
                                "fled the district.", DAY)
    assert one(found, 8500, "displaced")["population"] == "mixed"


# ------------------------------------------------ population: what else names the people

@pytest.mark.parametrize(("sentence", "count", "status", "population"), [
    ("The ministry said 12 of its forces had been killed and 30 wounded.", 12, "killed",
     "military"),
    ("The ministry said 12 of its forces had been killed and 30 wounded.", 30, "wounded",
     "military"),
    ("Baku said there had been 7 deaths among its armed forces.", 7, "killed", "military"),
    ("Three members of one family were killed when the shell hit their house.", 3,
     "killed", "civilian"),
    ("One sister killed, another hurt as mine explodes near farm", 1, "killed", "civilian"),
    ("Four people were wounded when troops opened fire on a bus carrying villagers.", 4,
     "wounded", "civilian"),
    # an adverb still stands before the verb
    ("Nine soldiers were reportedly killed.", 9, "killed", "military"),
])
def test_people_named_by_forces_kin_or_target(sentence, count, status, population):
    fig = one(figures_in_sentence(sentence, DAY), count, status)
    assert fig["population"] == population, fig["population_evidence"]


@pytest.mark.parametrize("sentence", [
    # the forces of a figure's attacker, a target that is no people: not theirs
    "Five people were killed as the army's forces shelled the town.",
    "Six people died after the artillery targeted the bridge.",
])
def test_forces_and_targets_elsewhere_in_the_sentence_tell_nothing(sentence):
    assert figures_in_sentence(sentence, DAY)[0]["population"] == "unspecified"


def test_kin_who_are_soldiers_or_mourn_the_dead_are_not_civilians_counted():
    found = figures_in_sentence("Two brothers, both soldiers, were killed at the front.", DAY)
    assert one(found, 2, "killed")["population"] != "civilian"
    found = figures_in_sentence("Nine bodies were identified, but relatives refuse to accept "
                                "them.", DAY)
    assert one(found, 9, "killed")["population"] != "civilian"


def test_the_same_figure_told_with_its_peoples_words_beats_a_claimants_kind():
    text = ("Mines Have Killed 11 Azerbaijanis Since The War\n\n"
            "The Prosecutor General's Office said 11 Azerbaijanis, including four soldiers, "
            "were killed by mines.")
    found = figures_of(text, pd.Timestamp("2021-03-01"))
    assert set(found[found["count"] == 11]["population"]) == {"mixed"}


# ------------------------------------------- detection: how other outlets word a figure

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Three aid workers are in critical condition after the convoy was hit.",
     {(3, "wounded")}),
    ("Two engineers working for the power company were wounded in the blast.",
     {(2, "wounded")}),
    ("Another 16 villagers are still not accounted for, the mayor said.", {(16, "missing")}),
    ("Rescue service: bodies of another 5 soldiers recovered near the river",
     {(5, "killed")}),
    ("Since March the remains of a total of 230 servicemen have been handed over.",
     {(230, "killed")}),
    ("Baku releases 12 Armenians in exchange deal", {(12, "captured")}),
    # a list of figures without "and", in a headline and in a body sentence
    ("Border clash: 4 soldiers, 2 civilians killed", {(4, "killed"), (2, "killed")}),
    ("By evening 30 conscripts, 8 reservists were listed as missing.",
     {(30, "missing"), (8, "missing")}),
])
def test_wordings_of_unseen_outlets(sentence, expected):
    assert {(f["count"], f["status"]) for f in figures_in_sentence(sentence, DAY)} == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # the whole a list's item is taken from is no item of it
    ("Of the 40 passengers, 6 civilians were hurt.", {(6, "wounded")}),
    # requests, calls and appeals about the missing are no missing people
    ("The ministry received 90 requests concerning missing soldiers.", set()),
    ("The hotline took 300 calls about missing relatives.", set()),
    # a place without people words before a figure is no list item
    ("In the village, 5 civilians were killed.", {(5, "killed")}),
])
def test_what_these_wordings_leave_out(sentence, expected):
    assert {(f["count"], f["status"]) for f in figures_in_sentence(sentence, DAY)} == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Peacekeepers Evacuate ~2,000 Villagers From Border Area", {(2000, "displaced")}),
    ("Before that, 9 soldiers from both sides and two civilians had died.",
     {(9, "killed"), (2, "killed")}),
    ("The governor said that among the casualties, at least 6 were children.",
     {(6, "killed")}),
    # a swap: the same verb again with its people left out
    ("Baku handed over one prisoner of war to Yerevan, and Yerevan handed over four to "
     "Baku.", {(1, "captured"), (4, "captured")}),
])
def test_more_wordings_of_unseen_outlets(sentence, expected):
    assert {(f["count"], f["status"]) for f in figures_in_sentence(sentence, DAY)} == expected


def test_about_sign_and_a_verb_repeated_without_people_elsewhere():
    fig = one(figures_in_sentence("Peacekeepers Evacuate ~2,000 Villagers", DAY), 2000,
              "displaced")
    assert fig["qualifier"] == "about"
    # another verb after an object figure: nothing carried
    found = figures_in_sentence("They captured two soldiers, and the town lost five in "
                                "Shusha.", DAY)
    assert {(f["count"], f["status"]) for f in found} == {(2, "captured")}


# ------------------------------------------------ side: an attack told sentences before

def test_a_figure_of_the_attack_told_before_is_of_the_side_attacked():
    text = ("Overnight the army of Azerbaijan launched an offensive against Armenia's "
            "southern border villages, using drones and artillery.\n\n"
            "On Tuesday the enemy tried again to advance near the lake.\n\n"
            "As a result of the offensive, 41 people were killed and 60 wounded.")
    found = figures_of(text, pd.Timestamp("2022-09-15"))
    fig = one(found, 41, "killed")
    assert fig["side"] == "armenian" and fig["side_evidence"].startswith("attack told before")


def test_an_attack_of_both_parties_told_before_tells_no_side():
    text = ("Armenia and Azerbaijan traded attacks along the border overnight.\n\n"
            "As a result of the attacks, 12 people died.")
    side = one(figures_of(text, pd.Timestamp("2022-09-15")), 12, "killed")["side"]
    assert side in ("unspecified", "both")


@pytest.mark.parametrize(("sentence", "count", "qualifier"), [
    ("The toll rose to 12 while the number of wounded people nears 40.", 40, "about"),
    ("That is far above the previous estimate of 18 deaths.", 18, "estimate"),
])
def test_qualifiers_of_unseen_outlets(sentence, count, qualifier):
    found = figures_in_sentence(sentence, DAY)
    assert [f["qualifier"] for f in found if f["count"] == count] == [qualifier]


def test_a_partys_shelling_kills_the_other_partys_people_whoever_reports_it():
    text = ("The leadership of aggressor Armenia keeps up its attacks, the Prosecutor "
            "General's Office said.\n\n"
            "As a result of the Armenian Armed Force's shelling of the town, 14 civilians "
            "were hospitalized and 3 were killed, the Prosecutor General's Office said.")
    found = figures_of(text, pd.Timestamp("2020-10-05"))
    assert one(found, 14, "wounded")["side"] == "azerbaijani"
    assert one(found, 3, "killed")["side"] == "azerbaijani"


@pytest.mark.parametrize(("sentence", "count", "status", "population"), [
    ("By noon 8 deaths and 20 injuries had been recorded among civilians.", 8, "killed",
     "civilian"),
    ("By noon 8 deaths and 20 injuries had been recorded among civilians.", 20, "wounded",
     "civilian"),
    ("Four deaths were confirmed among servicemen.", 4, "killed", "military"),
])
def test_the_people_a_toll_was_recorded_among(sentence, count, status, population):
    fig = one(figures_in_sentence(sentence, DAY), count, status)
    assert fig["population"] == population, fig["population_evidence"]


def test_displaced_people_among_the_displaced_are_no_other_kind():
    found = figures_in_sentence("The war left 40,000 Georgians homeless, among them IDPs "
                                "from the north.", DAY)
    assert one(found, 40000, "displaced")["population"] != "mixed"
