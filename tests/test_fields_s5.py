"""Side, population and historical on outlets nobody here has read (issue 12, session 5):
the kinds of reporting the unseen articles showed, each in several phrasings written in
our own words, with a case a careful reader could NOT read that way, which must stay out.
"""

from __future__ import annotations

import pandas as pd
import pytest
from one_article import figure, figures_of

from conflictnews.problems import read_yaml
from conflictnews.profile import ProfileError, load_profile, parse_profile

LATE = pd.Timestamp("2023-09-27")


# ---------------------------------------------------------------- civilians told or not
@pytest.mark.parametrize("text", [
    # an accident counted by an ombudsman: nothing tells whether soldiers were among them
    "Blast at a warehouse in Nagorno-Karabakh\n\nThe region's ombudsman said 41 people "
    "died in the fire at the warehouse on Monday night.",
    "The explosion at a storage site outside Stepanakert killed 19 people, the human "
    "rights defender said on Tuesday.",
    "Prosecutors said 9 people were hurt when the gas tank blew up.",
])
def test_an_office_or_town_alone_does_not_make_people_civilians(text: str) -> None:
    row = figures_of(text, LATE).iloc[0]
    assert row["population"] == "unspecified", row[["population", "population_evidence"]]


@pytest.mark.parametrize(("text", "count"), [
    ("Shelling of settlements goes on\n\nThe ombudsman said 14 people were killed in "
     "the night as shells fell on homes.", 14),
    ("Rockets hit the town's residential blocks.\n\nThe prosecutor general's office "
     "said 23 people were wounded.", 23),
    ("Civilian areas came under fire near Stepanakert, where 6 people died overnight.", 6),
])
def test_an_office_or_town_makes_people_civilians_when_the_article_tells_it(
        text: str, count: int) -> None:
    row = figure(text, count)
    assert row["population"] == "civilian", row[["population", "population_evidence"]]


def test_a_copy_of_the_same_figure_is_undone_with_it() -> None:
    text = ("Fire at a depot kills 33\n\nThe region's ombudsman said 33 people died in the "
            "depot fire. Rescuers were still searching on Wednesday.")
    rows = figures_of(text, LATE)
    assert set(rows["population"]) == {"unspecified"}, rows[["count", "population_evidence"]]


# ---------------------------------------------------------------- captives, each returned
@pytest.mark.parametrize(("text", "count", "side"), [
    ("Officials said 8 detainees were handed over to Armenia and 3 to Azerbaijan.", 3,
     "azerbaijani"),
    ("Officials said 8 detainees were handed over to Armenia and 3 to Azerbaijan.", 8,
     "armenian"),
    ("So far 20 captives have been sent back to Azerbaijan and 61 to Armenia, the mediator said.",
     61, "armenian"),
    ("A plane flew one captive to Yerevan while four prisoners of war returned to Baku.",
     4, "azerbaijani"),
])
def test_each_captive_figure_goes_to_its_own_destination(text: str, count: int,
                                                         side: str) -> None:
    row = figure(text, count, "captured")
    assert row["side"] == side, row[["side", "side_evidence"]]


def test_one_destination_for_all_captives_stays() -> None:
    row = figure("The mediator said 15 captives were handed over to Armenia on Friday.", 15)
    assert row["side"] == "armenian", row[["side", "side_evidence"]]


# ---------------------------------------------------------------- leaving a homeland
@pytest.mark.parametrize(("text", "count"), [
    ("Some 3,000 people fled Nagorno-Karabakh on Tuesday, officials in Goris said.", 3000),
    ("Aid groups say 12,000 people have left the enclave since the blockade ended.", 12000),
    ("Some 700 civilians were evacuated out of the breakaway region overnight.", 700),
    ("Peacekeepers evacuated about 2,500 people from two villages in Karabakh.", 2500),
])
def test_people_leaving_the_region_are_its_people(text: str, count: int) -> None:
    row = figure(text, count, "displaced", LATE)
    assert (row["side"], row["side_evidence"].split(":")[0]) == ("armenian", "left"), \
        row[["side", "side_evidence"]]


@pytest.mark.parametrize("text", [
    "About 900 refugees returned to Nagorno-Karabakh last month.",  # arriving, not leaving
    "Some 4,000 people fled the fighting, and aid reached Karabakh later.",  # another clause
])
def test_arriving_or_another_clause_is_not_leaving(text: str) -> None:
    row = figures_of(text, LATE).iloc[0]
    assert not row["side_evidence"].startswith("left"), row[["side", "side_evidence"]]


def test_an_earlier_wars_displaced_are_not_read_as_leaving() -> None:
    row = figure("In the early 1990s about 40,000 people fled Karabakh.", 40000)
    assert row["historical"] and not row["side_evidence"].startswith("left")


# ---------------------------------------------------------------- anniversaries
ANNIVERSARY = ("Azerbaijan marks the 33rd anniversary of the Khojaly massacre\n\n"
               "On that night the town was overrun. Invading units killed 613 civilians, "
               "among them 63 children. Another 1,275 residents were taken hostage. "
               "In the 44-day war, 2,900 servicemen died.")


@pytest.mark.parametrize(("count", "historical"), [(613, True), (1275, True),
                                                   (2900, False)])
def test_an_anniversary_article_tells_of_the_earlier_war(count: int,
                                                         historical: bool) -> None:
    row = figure(ANNIVERSARY, count, published=pd.Timestamp("2025-02-26"))
    assert bool(row["historical"]) is historical


@pytest.mark.parametrize("text", [
    # an earlier war named without an anniversary: today's news
    "Ganja shelled again\n\nSome compared it to the Khojaly massacre. Ten people were "
    "killed on Sunday.",
    # an anniversary of this war
    "Armenia marks the anniversary of the 44-day war\n\nOfficials said 31 soldiers are "
    "still missing.",
])
def test_no_earlier_wars_anniversary_no_history(text: str) -> None:
    row = figures_of(text, pd.Timestamp("2021-09-27")).iloc[0]
    assert not row["historical"]


# ---------------------------------------------------------------- tolls and losers
@pytest.mark.parametrize(("text", "count"), [
    ("The death toll from the clashes rose to 57 on Tuesday.", 57),
    ("The toll of the fighting now stands at 212.", 212),
    ("At least 40 dead in border clash", 40),
    ("More than 500 lives were lost in last year's war over the region.", 500),
])
def test_a_toll_of_the_fighting_counts_both_sides(text: str, count: int) -> None:
    row = figure(text, count, published=pd.Timestamp("2021-10-10"))
    assert row["side"] == "both", row[["side", "side_evidence"]]


def test_one_partys_toll_of_the_clashes_is_not_both() -> None:
    row = figure("Azerbaijan's military death toll from the clashes rose to 50.", 50)
    assert row["side"] != "both", row[["side", "side_evidence"]]


@pytest.mark.parametrize(("text", "count", "side"), [
    ("The Azerbaijani side has suffered 12 casualties, the report said.", 12, "azerbaijani"),
    ("By the evening the Armenian side lost 30 dead.", 30, "armenian"),
])
def test_a_side_that_lost_or_suffered(text: str, count: int, side: str) -> None:
    row = figure(text, count)
    assert row["side"] == side, row[["side", "side_evidence"]]


# ---------------------------------------------------------------- the profile's new keys
def test_profile_new_keys_are_checked() -> None:
    data = read_yaml(load_profile().source and __import__("pathlib").Path(
        load_profile().source), ProfileError, "conflict profile")
    bad = {**data, "displaced_from": [{"side": "martian", "words": ["Mars"]}]}
    with pytest.raises(ProfileError, match="displaced_from entry 1"):
        parse_profile(bad, load_profile().source, load_profile().actors)
    assert load_profile().names_this_war("in the 44-day war") == "44-day war"


# ---------------------------------------------------------------- an earlier war's site
SITE = ("Khojaly tragedy remembered in Baku\n\nIn February 1992 the town was overrun at "
        "night. That night 613 people were killed and 1,275 people were taken hostage. "
        "The 1992-94 war killed 30,000 people.")


@pytest.mark.parametrize(("count", "side", "population"), [
    (613, "azerbaijani", "civilian"), (1275, "azerbaijani", "civilian")])
def test_an_earlier_wars_site_in_the_headline_tells_whose_residents(
        count: int, side: str, population: str) -> None:
    row = figure(SITE, count, published=pd.Timestamp("2022-02-26"))
    assert row["historical"]
    assert (row["side"], row["population"]) == (side, population), \
        row[["side", "side_evidence", "population", "population_evidence"]]


def test_a_wars_toll_in_a_site_article_stays_both() -> None:
    row = figure(SITE, 30000, published=pd.Timestamp("2022-02-26"))
    assert row["side"] == "both" and row["population"] == "unspecified", \
        row[["side", "side_evidence", "population", "population_evidence"]]


def test_this_wars_figures_under_a_site_headline_are_not_its_residents() -> None:
    text = ("Shelling near Khojaly\n\nThe ministry said 4 people were wounded on "
            "Tuesday.")
    row = figure(text, 4)
    assert not row["historical"] and "its residents" not in row["population_evidence"]


@pytest.mark.parametrize(("text", "count"), [
    ("In 1988-1991 about 200,000 Azerbaijanis were expelled from Armenia.", 200000),
    ("The first war drove 600,000 people from their homes.", 600000),
])
def test_an_earlier_wars_displaced_are_civilians(text: str, count: int) -> None:
    row = figure(text, count, "displaced")
    assert row["historical"] and row["population"] == "civilian", \
        row[["population", "population_evidence"]]


def test_this_wars_displaced_people_stay_unspecified() -> None:
    row = figure("Officials said 6,000 people were displaced by the shelling.", 6000,
                 "displaced")
    assert row["population"] == "unspecified"


# ---------------------------------------------------------------- own loss, struck party
@pytest.mark.parametrize(("text", "count", "side"), [
    ("Azerbaijan's defence ministry said the country had lost 27 troops.", 27,
     "azerbaijani"),
    ("Armenia said on Friday it had lost 16 soldiers.", 16, "armenian"),
    ("Baku stated it has suffered 8 dead.", 8, "azerbaijani"),
])
def test_a_claimant_reporting_its_own_loss(text: str, count: int, side: str) -> None:
    row = figure(text, count)
    assert row["side"] == side, row[["side", "side_evidence"]]


def test_a_claimant_reporting_the_enemys_loss_is_not_its_own() -> None:
    row = figure("Armenia said the enemy had lost 40 soldiers.", 40)
    assert row["side"] == "azerbaijani", row[["side", "side_evidence"]]


@pytest.mark.parametrize(("text", "count", "side"), [
    ("Eleven people died in the heavy shelling of Azerbaijani villages overnight.", 11,
     "azerbaijani"),
    ("Officials said 6 people were hurt in strikes on Armenian border towns.", 6,
     "armenian"),
])
def test_the_party_an_attack_struck(text: str, count: int, side: str) -> None:
    row = figure(text, count)
    assert row["side"] == side, row[["side", "side_evidence"]]


# ---------------------------------------------------------------- one-sentence paragraphs
@pytest.mark.parametrize(("text", "count", "side"), [
    ("Night of fear\n\nThe latest shelling by Azerbaijani forces hit the centre of the "
     "town.\n\nAt least 9 people were killed in an attack on Sunday.", 9, "armenian"),
    ("Rockets again\n\nArmenian forces fired rockets at the district overnight.\n\n"
     "Four people died, local doctors said.", 4, "azerbaijani"),
])
def test_a_lone_paragraph_before_tells_the_attacker(text: str, count: int,
                                                    side: str) -> None:
    row = figure(text, count)
    assert row["side"] == side, row[["side", "side_evidence"]]


@pytest.mark.parametrize("text", [
    # a place alone, not an attacker: bodies found in a district are not its holder's
    "Search goes on\n\nTeams worked in the Hadrut district on Monday.\n\nThe remains of "
    "14 people were found.",
    # the paragraph before has two sentences: its attacker is not carried across
    "Night of fear\n\nThe latest shelling by Azerbaijani forces hit the town. Then "
    "calm returned.\n\nAt least 9 people were killed in an attack on Sunday.",
])
def test_a_place_or_a_longer_paragraph_is_not_carried(text: str) -> None:
    row = figures_of(text).iloc[-1]
    assert not row["side_evidence"].startswith("previous paragraph"), \
        row[["side", "side_evidence"]]


# ---------------------------------------------------------------- captors, towns' children
@pytest.mark.parametrize(("text", "count", "side"), [
    ("Two detainees died in Azerbaijani captivity, their lawyer said.", 2, "armenian"),
    ("So far 31 captives have come home from Armenian custody.", 31, "azerbaijani"),
])
def test_the_captor_names_the_other_sides_people(text: str, count: int, side: str) -> None:
    row = figure(text, count)
    assert row["side"] == side, row[["side", "side_evidence"]]


@pytest.mark.parametrize(("text", "count"), [
    ("Night shelling of Ganja left 6 people dead and 21 wounded, including children.", 6),
    ("Night shelling of Ganja left 6 people dead and 21 wounded, including children.", 21),
    ("In Barda 12 people were killed, including two women, officials said.", 12),
])
def test_people_of_a_town_behind_the_front_including_children_are_civilians(
        text: str, count: int) -> None:
    row = figure(text, count)
    assert row["population"] == "civilian", row[["population", "population_evidence"]]


@pytest.mark.parametrize("text", [
    # no town behind the front: soldiers may be the rest
    "At least 40 people on their side, including children, were killed, officials said.",
    # "including civilians" says the rest are not civilians, wherever
    "In Barda 12 people were killed, including 4 civilians, officials said.",
])
def test_including_children_elsewhere_or_including_civilians_stays_mixed(text: str) -> None:
    row = figures_of(text).iloc[0]
    assert row["population"] == "mixed", row[["population", "population_evidence"]]


# ---------------------------------------------------------------- what makes a year earlier
@pytest.mark.parametrize("text", [
    "The ministry confirmed the death of one conscript, Aram Petrosyan (born 2001).",
    "One of the wounded, a woman born in 1990, died in hospital on Monday.",
])
def test_a_year_of_birth_is_no_earlier_war(text: str) -> None:
    assert not figures_of(text).iloc[0]["historical"]


@pytest.mark.parametrize("text", [
    "The First Nagorno-Karabakh war led to the flight of about 600,000 people.",
    "Some 3,000 soldiers went missing in the First Karabakh war.",
])
def test_an_earlier_wars_name_as_outlets_capitalise_it(text: str) -> None:
    assert figures_of(text).iloc[0]["historical"]


def test_a_year_before_this_war_still_is_earlier() -> None:
    assert figures_of("In 1992, 613 people were killed in the town.").iloc[0]["historical"]


# ---------------------------------------------------------------- an outsider's office
def test_an_outsiders_defence_ministry_counts_no_soldiers_of_its_own() -> None:
    row = figure("Russia's Defence Ministry said 9 captives were handed over to Armenia.", 9)
    assert row["population"] == "unspecified", row[["population", "population_evidence"]]


def test_a_partys_defence_ministry_still_counts_soldiers() -> None:
    row = figure("Armenia's Defence Ministry said 9 people were killed overnight.", 9)
    assert row["population"] == "military", row[["population", "population_evidence"]]


# ---------------------------------------------------------------- an earlier war as an aside
@pytest.mark.parametrize("text", [
    "Nine soldiers died on Tuesday in clashes between nations who fought a 1990s war.",
    "Armenia and Azerbaijan, which fought a war in the 1990s, said 14 troops were killed.",
    "The clashes, the worst since 2016, have killed 31 people.",
    "Some 195 people were still missing after the 2020 war, and 700 from the first war.",
])
def test_an_earlier_war_as_an_aside_is_not_the_figures(text: str) -> None:
    assert not figures_of(text, pd.Timestamp("2021-05-05")).iloc[0]["historical"]


@pytest.mark.parametrize("text", [
    "The fighting is the worst since the 1990s, when some 30,000 people were killed.",
    "Thousands of soldiers went missing in the war of the early Nineties.",
    "About 150 people have been missing since 1993.",
])
def test_an_earlier_war_told_as_the_figures_time(text: str) -> None:
    assert figures_of(text, pd.Timestamp("2021-05-05")).iloc[0]["historical"]


# ---------------------------------------------------------------- a part of people named before
@pytest.mark.parametrize(("text", "count", "population"), [
    ("More coffins of mercenaries, including 14 killed near Fuzuli, reached Syria.", 14,
     "military"),
    ("Rescuers pulled out residents of the block, among them 6 who were badly hurt.", 6,
     "civilian"),
])
def test_a_part_of_people_named_before_is_of_their_kind(text: str, count: int,
                                                        population: str) -> None:
    row = figure(text, count)
    assert row["population"] == population, row[["population", "population_evidence"]]


def test_a_part_of_unnamed_people_stays_unspecified() -> None:
    row = figure("Crowds gathered, including 30 who were hurt in the crush.", 30)
    assert row["population"] == "unspecified", row[["population", "population_evidence"]]


# ---------------------------------------------------------------- captives with civilians
@pytest.mark.parametrize(("text", "count"), [
    ("Baku was holding 41 Armenian prisoners of war, including five civilians.", 41),
    ("In all 73 POWs, who are either civilians or soldiers, were sent home.", 73),
    ("So far 90 prisoners of war and other detainees have been freed.", 90),
])
def test_prisoners_of_war_with_civilians_among_them_are_mixed(text: str, count: int) -> None:
    row = figure(text, count, "captured")
    assert row["population"] == "mixed", row[["population", "population_evidence"]]


def test_prisoners_of_war_beside_another_figure_of_civilians_stay_military() -> None:
    row = figure("The 30 prisoners of war and 14 civilian captives were flown home.", 30,
                 "captured")
    assert row["population"] == "military", row[["population", "population_evidence"]]


def test_the_displaced_of_a_town_stay_its_residents() -> None:
    row = figure("On Monday 351 displaced people returned to Stepanakert by bus.", 351,
                 published=LATE)
    assert row["population"] == "civilian", row[["population", "population_evidence"]]
