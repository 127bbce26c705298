"""A toll of a whole war, fight or round of clashes counts both sides (LABELLING.md: one
number for both sides), unless a cue names one party's people. Sentences in our own words.
"""

from __future__ import annotations

import pytest
from one_article import figure

from conflictnews.inference import fighting_toll
from conflictnews.profile import load_profile


@pytest.mark.parametrize(("text", "count", "word"), [
    # the fighting as the subject that killed
    ("Diplomats fear a return to the 1988-94 war, which killed roughly 25,000 people.",
     25000, "war"),
    ("The seven-week conflict left some 5,800 dead on the mountain front.", 5800,
     "conflict"),
    ("Envoys met in Geneva to end hostilities that have already killed hundreds of people.",
     200, "hostilities"),
    ("Monday's clashes, which claimed 17 lives, were the worst in years.", 17, "clashes"),
    ("Analysts described a flare-up that killed 40 people as a warning.", 40, "flare-up"),
    ("The second war in 2020 that killed more than 6,000 people changed the map.", 6000,
     "war"),
    ("Full-scale hostilities broke out, in which as many as 20,000 people died.", 20000,
     "hostilities"),
    ("The fighting is at its worst since 1994, when about 25,000 people had died.", 25000,
     "fighting"),
    ("The battle for the hill town began at dawn on Monday, in which 60 people were killed.",
     60, "battle"),
    ("They split in a bitter war that claimed 20,000 lives and displaced 700,000 people.",
     700000, "war"),
    # the figure's people died in, during or since the fighting
    ("More than 900 people have died in five weeks of fighting, monitors estimate.", 900,
     "fighting"),
    ("Roughly 20,000 people were killed during the war of the early 1990s.", 20000, "war"),
    ("At least 70 people have been killed since the violence erupted on Sunday.", 70,
     "violence"),
    ("Almost 4,000 people are still missing as a result of the conflict.", 4000,
     "conflict"),
])
def test_a_toll_of_the_whole_fighting_counts_both_sides(text: str, count: int,
                                                         word: str) -> None:
    row = figure(text, count)
    assert row["side"] == "both", row["side_evidence"]
    assert row["side_evidence"] == f"toll of the fighting: {word}"
    assert row["population"] == "unspecified"


@pytest.mark.parametrize(("text", "count", "side"), [
    # one party's losses in the fighting: its cue wins
    ("Armenia said 50 of its soldiers died in the fighting.", 50, "armenian"),
    ("Baku said the clashes had killed 11 Azerbaijani servicemen.", 11, "azerbaijani"),
    ("The shelling of Ganja killed 12 civilians during the war.", 12, "azerbaijani"),
    ("Nine residents of Stepanakert were killed in the fighting on Friday.", 9,
     "armenian"),
    ("Azerbaijani drones killed 6 people during the latest escalation.", 6, "armenian"),
    # fighting with one party: the other party's people
    ("Five soldiers were killed in clashes with Azerbaijani forces.", 5, "armenian"),
    ("Seven people died in heavy fighting against Armenian troops.", 7, "azerbaijani"),
    # no fighting at all
    ("12 people were killed in a car crash near the capital.", 12, "unspecified"),
    # the defence ministry's own toll of the fighting
    ("The ministry put their military death toll at 84 in the fiercest round of fighting.",
     84, "unspecified"),
])
def test_a_party_s_losses_in_the_fighting_keep_their_side(text: str, count: int,
                                                           side: str) -> None:
    row = figure(text, count)
    assert row["side"] == side, row["side_evidence"]


def test_a_figure_listed_after_one_party_s_keeps_that_side() -> None:
    row = figure("Yerevan says 150 Armenian soldiers and 19 civilians are still missing "
                 "since the war.", 19)
    assert row["side"] == "armenian", row["side_evidence"]


def test_a_war_s_toll_does_not_stop_the_article_s_one_side() -> None:
    """A report on one party's losses that recalls the war's whole toll: the war's
    figure is both, the report's undecided figure still takes the article's side."""
    text = ("Azerbaijani shelling killed 4 civilians in Stepanakert on Tuesday. "
            "The four-week war has killed more than 5,000 people. "
            "Rescue teams searched the ruins of the market through the night. "
            "Doctors said 15 people were wounded.")
    assert figure(text, 5000)["side"] == "both"
    assert figure(text, 15)["side"] == "armenian"


def test_fighting_toll_reads_only_the_figure_s_clause() -> None:
    text = "The war ended in 1994. Officials said 12 people died in a fire at a market."
    start = text.index("12")
    assert fighting_toll(load_profile(), text, start, start + 2,
                         text.index("Officials")) == (
        "unspecified", "")
