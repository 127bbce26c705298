"""Side, population and claimant from the article around a figure (issue 12): the source
named in the lead carried forward, a headline's place, an apposition naming the people.
Every article is written in our own words; each cue has a case a careful reader could NOT
tell (a second source in between, a paragraph on another event), which must stay
undecided. The last test runs the composed-article probe (benchmarks/context_probe.py).
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest
from one_article import figure, figures_of

NEUTRAL = ["Water pipes in the old quarter burst.", "A bakery and two shops lost their roofs.",
           "Rescue teams searched the rubble for hours.", "The market stayed shut on Tuesday.",
           "Windows were blown out along the main avenue."]


@pytest.mark.parametrize("between", range(0, 6))
def test_the_leads_source_goes_on_through_any_number_of_neutral_sentences(between):
    text = ("The Azerbaijani Prosecutor General's Office said rockets had struck Barda "
            "at dawn. " + " ".join(NEUTRAL[:between]) + " Nine residents were wounded.")
    row = figure(text, 9)
    assert row["claimed_by"] == "The Azerbaijani Prosecutor General's Office"
    assert row["claim_evidence"] == "continues the article's source (sentence 0)"
    assert row["side"] == "azerbaijani"


def test_a_lead_that_comes_under_fire_speaks_of_an_attack():
    text = ("Armenia's Defence Ministry said on Friday that Jermuk had come under artillery "
            "fire. Roads to the town were closed. Four conscripts were wounded.")
    row = figure(text, 4)
    assert row["claimant_group"] == "Armenia"
    assert (row["side"], row["population"]) == ("armenian", "military")


def test_a_second_source_in_between_ends_the_first():
    text = ("The Azerbaijani Prosecutor General's Office said rockets had struck Barda at "
            "dawn. The Red Cross said it was sending medical teams to the region. "
            "The bus station was hit as well. Nine residents were wounded.")
    assert figure(text, 9)["claimed_by"] == ""


def test_a_paragraph_on_another_event_is_not_the_sources():
    text = ("The defence ministry of Nagorno-Karabakh said drones had hit Martuni on Sunday."
            "\n\nA week earlier, a bus carrying workers struck a mine near Aghdam. "
            "Three passengers were killed.")
    row = figure(text, 3)
    assert row["claimed_by"] == ""


def test_a_source_named_in_the_body_speaks_for_its_paragraph_only():
    text = ("Talks on a new truce stalled on Monday. Both delegations left Geneva. No new "
            "date was set.\n\nOfficials in Stepanakert said shells had hit a hospital in "
            "the city. The "
            "building's east wing burned. Six patients were hurt.\n\n"
            "Two firemen were injured while putting out the fire.")
    assert figure(text, 6)["claimed_by"] == "Officials in Stepanakert"
    assert figure(text, 2)["claimed_by"] == ""


def test_a_paragraph_pointing_back_at_the_story_goes_on_with_its_source():
    text = ("Talks on a new truce stalled on Monday. Both delegations left Geneva. No new "
            "date was set.\n\nThe Azerbaijani Prosecutor General's Office said a rocket "
            "had hit a bus stop in Barda, killing a woman.\n\n"
            "Four other residents were also hurt in the strike.")
    assert figure(text, 4)["claimed_by"] == "The Azerbaijani Prosecutor General's Office"


def test_a_neutral_sentence_about_the_other_partys_people_ends_the_source():
    text = ("Azerbaijan's Defence Ministry said Armenian shelling had struck Tartar. "
            "Azerbaijani artillery hit positions near Martuni in return. "
            "Five people were killed.")
    assert figure(text, 5)["claimed_by"] == ""


def test_an_unnamed_source_is_not_the_one_named_before():
    text = ("The Karabakh ombudsman said Azerbaijani drones had struck Stepanakert. "
            "Several cars burned in the street. According to preliminary data, 8 people "
            "were wounded.")
    assert figure(text, 8)["claimed_by"] == ""


# ------------------------------------------------------------------- the headline's place

def test_a_headlines_place_gives_the_bodys_figure_its_side():
    text = ("Rockets strike Barda overnight\n\n"
            "Eleven people were killed and a dozen houses burned before dawn.")
    row = figure(text, 11)
    assert row["side"] == "azerbaijani"
    assert row["side_evidence"] == "headline sentence place: Barda"


def test_a_first_sentences_place_is_the_leads():
    text = ("Rockets struck Barda before dawn on Sunday. Power was cut across the town. "
            "Eleven people were killed.")
    assert figure(text, 11)["side_evidence"] == "lead sentence place: Barda"


def test_a_headline_attacker_gives_the_victims_side():
    text = ("Azerbaijani drones hit bus on mountain road\n\n"
            "Six passengers died when the vehicle caught fire.")
    assert figure(text, 6)["side"] == "armenian"


def test_a_headline_naming_both_parties_gives_no_side():
    text = ("Shells fall on Ganja and Stepanakert\n\n"
            "Eleven people were killed in the night.")
    assert figure(text, 11)["side"] == "unspecified"


def test_a_body_turning_to_another_event_keeps_no_headline_side():
    text = ("Rockets strike Barda overnight\n\n"
            "Windows were shattered across the centre. In the past two months, 40 people "
            "were killed by mines along the old front.")
    assert figure(text, 40)["side"] == "unspecified"


def test_a_body_sentence_telling_the_other_sides_dead_stops_the_headline():
    text = ("Rockets strike Barda overnight\n\n"
            "Azerbaijani guns answered by shelling Martakert. "
            "Seven people were killed there.")
    assert figure(text, 7)["side"] != "azerbaijani"


# ------------------------------------------------------------------- apposition

@pytest.mark.parametrize(("sentence", "population"), [
    ("Fourteen people, all of them civilians, were wounded in Barda.", "civilian"),
    ("Eight people, all of whom were soldiers, died at the post.", "military"),
    ("Twenty people, all villagers, were hurt when the shells landed.", "civilian"),
    ("Thirty people, mostly civilians, were killed in the blast.", "mixed"),
    ("Forty people, most of them servicemen, were wounded.", "mixed"),
])
def test_an_apposition_names_the_people(sentence, population):
    row = figure(sentence, int(figures_of(sentence)["count"].iloc[0]))
    assert row["population"] == population
    assert row["population_evidence"].startswith("apposition")


def test_all_of_them_civilians_outweighs_a_defence_ministrys_kind():
    text = ("Azerbaijan's Defence Ministry said Tartar had been shelled. Twelve people, "
            "all of them civilians, were wounded.")
    assert figure(text, 12)["population"] == "civilian"


def test_most_of_them_does_not_undo_the_figures_own_words():
    # "residents of the region" says where they are from, not another kind of people
    text = "Fifteen civilian captives, most of them residents of the region, were freed."
    assert figure(text, 15)["population"] == "civilian"


@pytest.mark.parametrize(("after", "population"), [
    ("All of them were civilians.", "civilian"),
    ("All the dead were soldiers.", "military"),
    ("Most of them were villagers.", "mixed"),
    ("All of them were taken to hospital in Goris.", "unspecified"),  # says no kind
])
def test_the_next_sentence_names_the_people(after, population):
    text = f"Twelve people were killed when the shells landed. {after}"
    assert figure(text, 12)["population"] == population


def test_the_next_paragraph_does_not_name_the_people():
    text = "Twelve people were killed when the shells landed.\n\nAll of them were soldiers."
    assert figure(text, 12)["population"] == "unspecified"


def test_no_apposition_no_kind():
    text = "Fourteen people, all of them from one district, were wounded."
    assert figure(text, 14)["population"] == "unspecified"


# ------------------------------------------------------------------- the probe

def test_the_composed_article_probe_scores_each_field_at_least_0_9():
    """On articles composed from the cues (benchmarks/context_probe.py, a seed no rule was
    tuned on), each field is right at least 9 times in 10: a rule reading context in
    general gets the cues right whatever their combination; 0.9 leaves room for one
    miss in ten, which a reader might argue."""
    path = Path(__file__).parents[1] / "benchmarks" / "context_probe.py"
    spec = importlib.util.spec_from_file_location("context_probe", path)
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    for seed in (15, 16):
        articles = probe.compose(random.Random(seed))
        found, ids = probe.run(articles)
        right = {"side": 0, "population": 0, "claimant": 0}
        for pos, a in enumerate(articles):
            rows = found[(found["doc_id"] == ids[pos]) & (found["count"] == a["count"])
                         & (found["status"] == a["status"])]
            if not len(rows):
                continue
            r = rows.iloc[0]
            right["side"] += r["side"] == a["side"]
            right["population"] += r["population"] == a["population"]
            right["claimant"] += bool(r["claimed_by"]) == a["claimed"]
        for field, n in right.items():
            assert n / len(articles) >= 0.9, (seed, field, n, len(articles))
