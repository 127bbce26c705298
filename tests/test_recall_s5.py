"""Issue 12, session 5 (recall): shapes of casualty figures that the articles from unseen
outlets wrote and the rules did not read. Every sentence here is written in our own
words, several phrasings per kind, and each kind has sentences that must stay out.
"""

from __future__ import annotations

import one_article
import pandas as pd
import pytest

from conflictnews.casualties import figures_in_sentence
from conflictnews.numbers import find_numbers

DAY = pd.Timestamp("2023-09-28")


def found(sentence: str) -> set[tuple[int, str]]:
    """(count, status) of every figure of one sentence."""
    return {(f["count"], f["status"]) for f in figures_in_sentence(sentence, DAY)}


def check(sentence: str, expected: set[tuple[int, str]]) -> None:
    assert found(sentence) == expected, sentence


# --------------------------------------------------------- numbers: "70-thousand"

@pytest.mark.parametrize(("text", "value"), [
    ("more than 70-thousand have left", 70_000),
    ("some sixty-thousand refugees", 60_000),
    ("a 2-million budget", 2_000_000),
    ("seven thousand people", 7_000),
])
def test_a_scale_after_a_hyphen_is_one_number_not_a_range(text, value):
    (number,) = find_numbers(text)
    assert (number.value, number.high) == (value, None)


def test_a_range_and_a_hyphenated_compound_are_unchanged():
    assert [(n.value, n.high) for n in find_numbers("10-20 people")] == [(10, 20)]
    assert [n.value for n in find_numbers("a 12-member team")] == [12]


# --------------------------------------------- displacement told as leaving or moving

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Over 70-thousand have now left the mountain region for Armenia.",
     {(70_000, "displaced")}),
    ("Since Sunday, some 40,000 ethnic Armenians have left.", {(40_000, "displaced")}),
    ("About 9,000 villagers left their homes overnight.", {(9_000, "displaced")}),
    ("Some 300 residents left for Goris on Tuesday.", {(300, "displaced")}),
    ("A total of 500 forced migrants arrived in Armenia by evening.", {(500, "displaced")}),
    ("Nearly 60,000 residents of the valley - about half of its people - have moved to "
     "Armenia.", {(60_000, "displaced")}),
    ("12,000 Armenians — and the number grows — flee Karabakh", {(12_000, "displaced")}),
    ("The pass was the road taken by more than 80,000 ethnic Armenians to flee Karabakh.",
     {(80_000, "displaced")}),
    ("The nurse is one of nearly 25,000 people who have fled the enclave this week.",
     {(25_000, "displaced")}),
])
def test_people_who_left_moved_or_fled_somewhere_are_displaced(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Only 50 people are left in the village.",
    "Of the 12 passengers, 5 people left, 3 stayed.",
    "Twelve soldiers left the base at dawn.",
    "About 40 people have left the meeting hall.",
    "Two men flee as a building burns.",
])
def test_leaving_a_room_or_staying_behind_is_no_displacement(sentence):
    check(sentence, set())


def test_one_of_a_figure_is_a_person_of_it_not_a_figure_of_one():
    check("He was one of 14 medics wounded in the strike.", {(14, "wounded")})
    check("One of the 12 soldiers was killed.", {(1, "killed")})


# ------------------------------------------------------------ captivity and its holder

@pytest.mark.parametrize(("sentence", "expected"), [
    ("So far 95 soldiers and civilians have been returned home from Azerbaijani "
     "captivity.", {(95, "captured")}),
    ("Another 20 are still in Armenian captivity, the commission said.", {(20, "captured")}),
    ("The 12 officers came back from enemy captivity on Friday.", {(12, "captured")}),
    ("Three men remain in captivity.", {(3, "captured")}),
])
def test_captivity_with_an_adjective_is_captured(sentence, expected):
    check(sentence, expected)


def test_captivity_of_no_figure_stays_out():
    check("The two reports on captivity in Azerbaijani prisons were released.", set())


# ----------------------------------------------------------- tolls: growth and totals

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Death counts have now risen to 31, local media said.", {(31, "killed")}),
    ("The total number of fallen soldiers of the brigade has made at least 1,200.",
     {(1_200, "killed")}),
    ("The number of wounded remains 150, of which 60 have been receiving medical "
     "attention abroad.", {(150, "wounded"), (60, "wounded")}),
    ("Activists say officials hide the number of casualties; one insists on the number "
     "of 3,900.", {(3_900, "killed")}),
])
def test_toll_words_of_growth_and_totals(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "The number of people in the shelter remains 300.",
    "The number of 12 villages was cited.",
    "The toll makes 5 percent of the population.",
    "The death count made headlines in 2020.",
])
def test_tolls_of_no_casualty_stay_out(sentence):
    check(sentence, set())


# ------------------------------------------------------------------ wounds and care

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ambulances brought 17 people with severe wounds to Goris.", {(17, "wounded")}),
    ("Eight firefighters with minor burns were sent home.", {(8, "wounded")}),
    ("At present, 640 servicemen are undergoing treatment in military hospitals.",
     {(640, "wounded")}),
    ("Four men are undergoing treatment for shrapnel wounds.", {(4, "wounded")}),
])
def test_people_with_wounds_or_in_treatment_are_wounded(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Four men undergoing treatment for cancer were moved.",
    "Twelve buildings with severe damage were listed.",
])
def test_treatment_of_an_illness_and_damage_to_things_stay_out(sentence):
    check(sentence, set())


# ------------------------------------------------------------- lists and ellipsis

@pytest.mark.parametrize(("sentence", "expected"), [
    ("A minister said 40 soldiers, 6 officers of the border guard service, and one "
     "civilian were killed.", {(40, "killed"), (6, "killed"), (1, "killed")}),
    ("Officials said 300 of their troops have died since Oct. 2, along with 41 "
     "civilians.", {(300, "killed"), (41, "killed")}),
    ("Two soldiers were wounded, as well as 4 officers of the brigade.",
     {(2, "wounded"), (4, "wounded")}),
    ("As of today the location of 140 servicemen and 9 civilians is unknown.",
     {(140, "missing"), (9, "missing")}),
    ('The premier said "we have 31 [soldiers] killed so far."', {(31, "killed")}),
])
def test_figures_sharing_a_verb_or_a_fate(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Five soldiers were killed on Monday, along with 3 tanks.", {(5, "killed")}),
    ("Five soldiers were killed on Monday, along with 3 civilians who were wounded.",
     {(5, "killed"), (3, "wounded")}),
    ("Officials know the location of 12 bases and 3 depots, which is unknown to the "
     "public.", set()),
])
def test_things_and_groups_with_their_own_verb_take_no_shared_status(sentence, expected):
    check(sentence, expected)


def test_a_bare_loss_after_a_count_of_soldiers_in_the_sentence_before_is_killed():
    text = ("Armenia said at most 30 soldiers had been killed. Azerbaijan stated it had "
            "lost 44.")
    fig = one_article.figure(text, 44, "killed", DAY)
    assert fig["rule"] == "object"
    assert one_article.figures_of("The club lost 3 matches. It lost 2.", DAY).empty


# ------------------------------------------------------ numbers: ranges, plus, several

@pytest.mark.parametrize(("text", "value", "vague"), [
    ("several hundred people have been wounded", 200, True),
    ("several thousand were killed", 2_000, True),
    ("several dozen soldiers", 24, True),
    ("seven hundred", 700, False),
])
def test_several_hundred_is_hundreds(text, value, vague):
    (number,) = find_numbers(text)
    assert (number.value, number.vague) == (value, vague)


def test_a_range_from_to_is_a_range_unless_a_change_comes_before():
    (fig,) = figures_in_sentence("By some counts, from 40 to 90 people died in the valley.",
                                 DAY)
    assert (fig["count"], fig["count_high"]) == (40, 90)
    assert found("The toll rose from 40 to 90 on Monday.") == {(90, "killed")}


def test_a_plus_after_a_number_is_at_least_and_a_sum_stays_out():
    figs = figures_in_sentence("Losses: 300+ soldiers killed, 1,000+ soldiers wounded", DAY)
    assert {(f["count"], f["status"], f["qualifier"]) for f in figs} == {
        (300, "killed", "at_least"), (1_000, "wounded", "at_least")}
    check("The score was 3+3 after the strike killed nobody.", set())


# ------------------------------------------------ what befell a part or a captive after

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two detainees died in captivity, the rights group said.", {(2, "killed")}),
    ("It told the stories of the three hostages who were executed.", {(3, "killed")}),
    ("One of the injured, a driver from Goris, aged 40, died in hospital on Friday.",
     {(1, "killed")}),
    ("Twelve prisoners of war were released on Friday.", {(12, "captured")}),
])
def test_a_verb_after_a_captive_or_a_part_tells_its_fate(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Thousands of families of the missing are still waiting for news.",
    "About 300 relatives of the dead gathered at the cemetery.",
])
def test_the_families_of_the_missing_are_no_figure_of_the_missing(sentence):
    check(sentence, set())


def test_four_of_the_wounded_who_later_died_are_still_killed():
    check("Four of the wounded later died.", {(4, "killed")})


# ----------------------------------------------------- parts and lists with their own verb

@pytest.mark.parametrize(("sentence", "expected"), [
    ("At least 20 people were killed including four children and 61 more wounded.",
     {(20, "killed"), (61, "wounded")}),
    ("Nine civilians were killed, including two boys, and 30 others injured.",
     {(9, "killed"), (30, "wounded")}),
    ("Attacks were made against 14 civilians and 31 soldiers, 5 civilians and 12 soldiers "
     "received gunshot wounds.", {(5, "wounded"), (12, "wounded")}),
])
def test_a_part_or_an_object_is_not_a_list_item_of_the_next_figure(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Three reporters and a local official were wounded by the drone.", {(3, "wounded")}),
    ("Up to 150 soldiers and terrorists were killed overnight.", {(150, "killed")}),
    ("The unit said four officers had “heroically died in action” at dawn.",
     {(4, "killed")}),
    ("In total the ministry reported about 900 killed soldiers. Since then their number has "
     "grown to 950.", {(900, "killed"), (950, "killed")}),
    ("During the war, 400,000 villagers were compelled to leave the district.",
     {(400_000, "displaced")}),
])
def test_more_people_words_quoted_verbs_and_their_number(sentence, expected):
    assert {(r["count"], r["status"]) for _, r in one_article.figures_of(
        sentence, DAY).iterrows()} == expected


def test_troops_compelled_to_withdraw_are_no_displaced():
    check("About 300 soldiers were compelled to withdraw from the ridge.", set())


# ------------------------------------------------- times, threats and words inside phrases

@pytest.mark.parametrize("sentence", [
    "Heavy clashes with large numbers of casualties were reported September 28 at 9:19 p.m.",
    "Six people were beaten and 2 received death threats, the report says.",
    "Three drones were disabled over the ridge.",
])
def test_times_threats_and_disabled_things_are_no_figures(sentence):
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Eleven Prisoners-Of-War are coming home from captivity.", {(11, "captured")}),
    ("Some 650 servicemen of the Artsakh (Karabakh) Defence Army were killed.",
     {(650, "killed")}),
    ("There are 140 soldiers from Armenia and Artsakh still missing in action.",
     {(140, "missing")}),
    ("About 900 people were disabled by their wounds.", {(900, "wounded")}),
    ("Those at the checkpoint – two soldiers and a medic – were wounded, officials said.",
     {(2, "wounded")}),
    ("The death toll from a blast at a fuel depot in the hills north of the city, a district "
     "mostly inhabited by farmers and their families, climbed to 47.", {(47, "killed")}),
])
def test_words_a_figure_may_hold_and_asides_it_may_sit_in(sentence, expected):
    check(sentence, expected)


def test_nine_soldiers_and_one_civilian_stay_two_figures_in_a_headline():
    check("Nine Soldiers and One Civilian Killed", {(9, "killed"), (1, "killed")})


def test_a_dash_aside_of_things_is_no_figure():
    check("The convoy – 3 trucks and 12 tanks – was hit.", set())


# ---------------------------------------------------- status told by the next sentence

def test_all_of_them_in_the_next_sentence_gives_the_status():
    found = one_article.figures_of(
        "Two soldiers and four rescuers were at the scene. All of them were injured. The "
        "road was closed.", DAY)
    assert set(zip(found["count"], found["status"], found["rule"], strict=True)) == {
        (2, "wounded", "told_after"), (4, "wounded", "told_after")}


@pytest.mark.parametrize("text", [
    "Twelve houses stood there. All of them were destroyed.",
    "Five journalists were at the scene. They were injured.",
    "Three soldiers were on patrol.\nAll of them were killed by one shell.",
])
def test_things_another_paragraph_or_they_give_no_status(text):
    assert one_article.figures_of(text, DAY).empty


# ---------------------------------------------------------- a second party's bare figure

def test_a_second_party_stating_a_bare_figure_takes_the_first_figures_status():
    check("While Baku reports 71 dead soldiers, Yerevan declares 105 since the start of the "
          "clashes.", {(71, "killed"), (105, "killed")})
    check("Baku reports 12 soldiers killed, Yerevan says 3 tanks.", {(12, "killed")})


# ------------------------------------------------------- returns: captives or refugees

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Eight Armenian soldiers returned home after a year in captivity.", {(8, "captured")}),
    ("Refugees are coming back: 420 people returned to Stepanakert by bus on Monday.",
     {(420, "displaced")}),
    ("After the exchange, 14 servicemen returned to Yerevan.", {(14, "captured")}),
])
def test_people_who_returned_are_captives_or_refugees_as_the_sentence_tells(sentence,
                                                                           expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Three men returned to the office on Monday.",
    "Twelve soldiers returned to their base after the exchange of fire.",
    "Twelve soldiers returned to their base after the prisoner exchange.",
    "About 40 students returned to Yerevan after the holidays.",
])
def test_a_return_to_work_or_with_no_captivity_or_refugees_is_no_figure(sentence):
    check(sentence, set())


# -------------------------------------------------- a place list with the verb left out

def test_figures_by_place_after_a_comma_share_the_first_verb():
    check("Two civilians were killed in Tartar, three in Barda and one in Ganja.",
          {(2, "killed"), (3, "killed"), (1, "killed")})
    check("Four soldiers were wounded in Aghdam, 12 in the morning.", {(4, "wounded")})


def test_a_return_told_after_a_sentence_on_refugees_is_displaced():
    text = ("Thousands of refugees are going back to the region. In the last day, 350 people "
            "returned to the regional capital by bus.")
    assert one_article.figure(text, 350, "displaced", DAY)["rule"] == "subject"
    assert one_article.figures_of("The school reopened. In the last day, 350 people "
                                  "returned to the regional capital by bus.", DAY).empty


@pytest.mark.parametrize(("sentence", "expected"), [
    ("About 100 Armenian troops surrendered on Friday.", {(100, "captured")}),
    ("More than 80,000 have registered as refugees in Armenia.", {(80_000, "displaced")}),
    ("Some 300 people became homeless after the shelling.", {(300, "displaced")}),
    ("The town of 5,000 surrendered.", set()),
    ("The village of 300 people was shelled; 4 residents were killed.", {(4, "killed")}),
])
def test_surrender_registration_and_towns_of_people(sentence, expected):
    check(sentence, expected)


def test_and_before_a_lower_case_word_ends_a_figures_words():
    check("The army announced the killing of six soldiers and the wounding of nine soldiers "
          "and one civilian.", {(6, "killed"), (9, "wounded"), (1, "wounded")})


# ------------------------------------------------------------- care, wounds, the dead

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Helicopters evacuated 40 patients to Yerevan.", {(40, "wounded")}),
    ("The army evacuated 30 wounded soldiers.", {(30, "wounded")}),
    ("Buses evacuated 300 residents from the town.", {(300, "displaced")}),
    ("Surgeons are treating 150 patients with burns.", {(150, "wounded")}),
    ("Three servicemen were shot near the border, the ministry said.", {(3, "wounded")}),
    ("Two soldiers were shot and killed at the post.", {(2, "killed")}),
    ("Some 800 people became invalid from their wounds.", {(800, "wounded")}),
    ("While 90 people to this day remain unaccounted for.", {(90, "missing")}),
    ("More than 1,200 remains of people killed in the war have been examined.",
     {(1_200, "killed")}),
    ("Officials reported 210 casualties among the military and 12 civilians.",
     {(210, "killed"), (12, "killed")}),
    ("1,100 persons were taken hostage, 120* are still missing.",
     {(1_100, "captured"), (120, "missing")}),
])
def test_care_wounds_and_the_dead(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "Doctors treated 40 people for flu.",
    "Two pilots were shot down.",
    "Twelve scenes were shot in Goris.",
    "Police managed to identify 3 suspects from the footage.",
    "Election officials said 12 ballots were invalid.",
])
def test_care_shooting_and_identification_of_no_casualty(sentence):
    check(sentence, set())


def test_people_to_be_identified_are_the_dead_when_remains_or_dna_are_told():
    text = ("The remains of soldiers are still being found. Work is underway on the "
            "identification of more than 60 persons, whose identity is unknown.")
    assert one_article.figure(text, 60, "killed", DAY)["rule"] == "noun_of"
    check("The work is underway to identify 103 servicemen by DNA analysis.",
          {(103, "killed")})
    assert one_article.figures_of("Police are working on the identification of 3 persons "
                                  "seen at the market.", DAY).empty


def test_burn_victims_are_wounded_and_a_capacity_is_no_figure():
    check("The blast left hundreds of burn victims, the Red Cross said.", {(200, "wounded")})
    check("The government plans to accommodate up to 40,000 refugees.", set())
    check("Camps with room for 5,000 refugees were built.", set())
    check("Nine victims of the blast died in hospital.", {(9, "killed")})


# ----------------------------------------------------------- parts, shares, appositions

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Of the 70 bodies, only 25 have been identified.", {(70, "killed"), (25, "killed")}),
    ("Of the 120 wounded, 30 are in critical condition.", {(120, "wounded"), (30, "wounded")}),
    ("Officials said nine people, all civilians, died.", {(9, "killed")}),
    ("Most of the 40 wounded are civilians.", {(40, "wounded")}),
])
def test_parts_of_a_whole_and_appositions(sentence, expected):
    check(sentence, expected)


@pytest.mark.parametrize("sentence", [
    "More than half of the region's 120,000 residents have fled.",
    "Two-thirds of the 300 soldiers were killed.",
    "Of the 12 passengers, 5 left.",
])
def test_a_share_of_a_population_is_no_figure_of_it(sentence):
    check(sentence, set())


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two Peacekeepers Among Dead", {(2, "killed")}),
    ("Three Medics Among Wounded", {(3, "wounded")}),
    ("Two brothers from the village, Aram and Vardan Petrosyan, killed in the strike",
     {(2, "killed")}),
    ("Three sisters were wounded by shrapnel.", {(3, "wounded")}),
])
def test_headline_among_dead_and_kin(sentence, expected):
    check(sentence, expected)


def test_kin_of_things_stay_out():
    check("Two brothers from the village opened 3 shops.", set())


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The sanitary losses of the enemy reached 1,200 people.", {(1_200, "wounded")}),
    ("The unit reported 12 KIA and 30 WIA.", {(12, "killed"), (30, "wounded")}),
    ("Sixty people were taken into captivity.", {(60, "captured")}),
    ("Dealers sold 12 Kia sedans.", set()),
])
def test_military_report_words(sentence, expected):
    check(sentence, expected)


def test_parts_listed_after_including_share_the_wholes_verb():
    check("Since the war ended, 30 citizens, including 8 soldiers and 22 civilians, have "
          "been killed by landmines.", {(30, "killed"), (8, "killed"), (22, "killed")})
