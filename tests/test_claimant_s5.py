"""Who claims a figure (``claimed_by``) on articles from outlets the rules had never seen
(issue 12, session 5): the shapes of attribution that any outlet may use, and the words
that stand where a source would but name none. Every text is written in our own words;
each rule has a case where it must not apply.
"""

from __future__ import annotations

import one_article
import pandas as pd
import pytest

from conflictnews.casualties import figures_in_sentence

DAY = pd.Timestamp("2020-10-20")


def claimant(sentence: str, count: int, published: pd.Timestamp = DAY) -> str:
    """The ``claimed_by`` of the one figure with ``count`` in ``sentence``."""
    rows = [f for f in figures_in_sentence(sentence, published) if f["count"] == count]
    assert len(rows) == 1, [(f["count"], f["status"]) for f in rows]
    return rows[0]["claimed_by"]


def article_claimant(text: str, count: int, status: str | None = None,
                     published: pd.Timestamp = DAY) -> str:
    """The ``claimed_by`` of the one figure with ``count`` in the article ``text``."""
    return one_article.figure(text, count, status, published)["claimed_by"]


# ----------------------------------------- an earlier war's toll that a source states

@pytest.mark.parametrize(("sentence", "count", "who"), [
    ("The State Commission on Missing Persons reports that 3,900 Azerbaijanis went "
     "missing in the first Karabakh war.", 3900, "State Commission"),
    ("President Aliyev said about 4,000 Azerbaijanis went missing during the first "
     "Karabakh war.", 4000, "Aliyev"),
    ("A mine-clearing charity estimates that leftover mines from the 1990s war have "
     "killed 350 civilians since the 1994 ceasefire.", 350, "charity"),
    ("The speakers recalled the expulsion of 200,000 people in 1988, which made the "
     "republic a mono-ethnic state.", 200000, "speakers"),
])
def test_an_earlier_wars_toll_keeps_the_source_its_sentence_names(sentence, count, who):
    assert who in claimant(sentence, count)


def test_an_earlier_wars_toll_the_outlet_states_has_no_claimant():
    assert claimant("The first Karabakh war in the early 1990s killed about 30,000 "
                    "people.", 30000) == ""
    # nor the source of another figure after it in its sentence
    sentence = ("In the worst fighting since a 1990s war killed about 30,000 people, 60 "
                "soldiers have been killed, local officials say.")
    assert claimant(sentence, 30000) == ""
    assert "officials" in claimant(sentence, 60)
    # nor does it inherit the source of the sentence before it
    text = ("The ombudsman said 12 civilians were killed in Martuni on Sunday. About "
            "30,000 people died in the first Karabakh war of the early 1990s.")
    assert article_claimant(text, 12) != ""
    assert article_claimant(text, 30000) == ""


# ------------------------------------------- words that stand where a source would

@pytest.mark.parametrize(("sentence", "count"), [
    # a preposition before "reports" (a noun here), not a subject
    ("After reports of 50 dead, the leaders agreed to a truce.", 50),
    ("Amid reports of 40 deaths, the talks stalled.", 40),
    ("Following reports that 6 soldiers died, parliament met.", 6),
    # "according to" an unowned estimate read as "According to initial" + "estimates"
    ("According to initial estimates, 9 civilians were killed.", 9),
    # a headline's topic or dateline before its colon
    ("Clashes on the border: 12 soldiers killed", 12),
    ("Missing in the war: 200 soldiers still unaccounted for", 200),
    ("Stepanakert/Baku: 30 soldiers were killed in the fighting.", 30),
    # a whole clause ending in a relative pronoun before "claims were"
    ("Baku has handed over eight soldiers including several who it claims were "
     "saboteurs.", 8),
])
def test_words_that_name_no_source_are_no_claimant(sentence, count):
    assert claimant(sentence, count) == ""


@pytest.mark.parametrize(("sentence", "count", "who"), [
    ("Ombudsman: 19 civilians killed in shelling", 19, "Ombudsman"),
    ("According to preliminary estimates of the regional ombudsman about 70,000 "
     "residents have fled.", 70000, "ombudsman"),
    ("According to news reports, 3 soldiers were captured.", 3, "news reports"),
    ("The government has compiled a list of 3,000 missing people.", 3000, "government"),
    ("Officials state that 5 soldiers died.", 5, "Officials"),
])
def test_the_same_places_with_a_source_keep_it(sentence, count, who):
    assert who in claimant(sentence, count)


def test_a_date_after_according_to_is_no_source():
    # "according to statistics as of May 2021" stops at the year: no name is left
    assert claimant("According to statistics as of May 2021, 1557 bodies were found.",
                    1557) == ""


# ------------------------------------- a press release names its source after the lead

@pytest.mark.parametrize(("text", "count", "who"), [
    # the source closes a sentence that goes on with the lead's story
    ("Shelling kills six civilians in Tartar\nSix civilians were killed on Friday when "
     "shells hit homes in Tartar. Another 11 were wounded as well, the regional "
     "prosecutor's office said.", 6, "prosecutor"),
    ("Remains of four soldiers found\nRescuers found the remains of four servicemen near "
     "Jabrayil on Tuesday. The bodies will be identified by DNA tests, the emergency "
     "service said.", 4, "emergency service"),
    # the source confirms the news the lead told
    ("Three medics wounded near Askeran\nThree medics were wounded when their ambulance "
     "came under fire near Askeran. All of them were taken to hospital. The region's "
     "health ministry confirmed the news on its website.", 3, "health ministry"),
])
def test_a_lead_figure_takes_the_source_named_just_after_it(text, count, who):
    found = one_article.figures_of(text)
    claimants = found[found["count"] == count]["claimed_by"].tolist()
    assert len(claimants) == 2, claimants  # the headline's and the lead's
    assert all(who in c for c in claimants), claimants


@pytest.mark.parametrize(("text", "count"), [
    # the source speaks of another matter
    ("Clashes kill five soldiers on the border\nFive soldiers were killed in clashes on "
     "the border overnight. The defence ministry said it had repelled an assault and would "
     "answer any provocation.", 5),
    # the source gives figures of its own: the lead's sum is the outlet's
    ("Ninety troops dead in two days of fighting\nAt least 90 soldiers have died in two "
     "days of fighting on both sides. The defence ministry said 49 of its troops were "
     "killed.", 90),
    # the source is named past the lead, after the article turned to other things
    ("Seven civilians killed in Barda\nSeven civilians were killed in Barda on Tuesday. "
     "Schools in the town were closed. Markets stayed shut. Traffic was light. Later, "
     "the governor said the town would be rebuilt and the dead would be mourned.", 7),
])
def test_a_lead_figure_keeps_no_source_when_the_next_one_says_something_else(text, count):
    found = one_article.figures_of(text)
    claimants = found[found["count"] == count]["claimed_by"].tolist()
    assert claimants and all(c == "" for c in claimants), claimants


def test_a_name_listing_several_things_is_read_whole():
    # "the Commission on Prisoners of War, Hostages and Missing Persons reports": not
    # only the words after the comma
    who = claimant("The State Commission on Prisoners of War, Hostages and Missing Persons "
                   "reports that 3,900 people went missing.", 3900)
    assert who.startswith("The State Commission on Prisoners of War")


# ------------------------------------------------ attributions read in more shapes

@pytest.mark.parametrize(("sentence", "count", "who"), [
    # the passive: the agent claims
    ("Over 3,000 missing people are registered by the Red Cross delegations in both "
     "capitals.", 3000, "Red Cross"),
    ("The names of 250 fallen soldiers were published by regional officials last week.",
     250, "officials"),
    # the words after "according to" end at a time before the figure
    ("According to the regional government at the end of the war in 1994 there were about "
     "40,000 displaced people.", 40000, "regional government"),
    ("In 1990, 30 villagers were killed, according to Armenian sources (of them 12 in one "
     "village).", 30, "Armenian sources"),
    # lower-case words of an office after an inverted verb; a plural office
    ("Eleven people were killed in the strike, said Georgia's general prosecutor office.",
     11, "general prosecutor office"),
    ("On Sunday, the prosecutors announced that at least seven people were killed.", 7,
     "prosecutors"),
    # a one-word name set off by an apposition
    ("Karabakh, backed by Yerevan, said 31 of its fighters had died.", 31, "Karabakh"),
    # a document released
    ("The defence ministry has released a list with the names of 38 more dead soldiers.",
     38, "defence ministry"),
])
def test_attributions_in_more_shapes(sentence, count, who):
    assert who in claimant(sentence, count)


@pytest.mark.parametrize(("sentence", "count"), [
    # people released, killed by, captured by: no claim
    ("Baku released 12 prisoners of war on Monday.", 12),
    ("Five civilians were killed by artillery fire.", 5),
    ("Nine soldiers were captured by enemy forces in 2021.", 9),
])
def test_verbs_of_release_and_agents_of_harm_claim_nothing(sentence, count):
    assert claimant(sentence, count) == ""


def test_which_she_said_is_the_speaker_named_before():
    text = ("The reporter Anna Petrova said the town was under fire. She left it on Sunday "
            "because of heavy shelling, which she said killed four people.")
    assert "Anna Petrova" in article_claimant(text, 4)


def test_a_quotation_with_no_speaker_goes_on_with_the_source_before():
    text = ("The defence ministry added that an enemy column had been destroyed overnight. "
            "Early on Tuesday, “our units advanced on the town and 9 enemy troops were "
            "killed.”")
    assert "ministry" in article_claimant(text, 9)
    # a sentence with no quotation does not
    text = ("The defence ministry added that an enemy column had been destroyed overnight. "
            "Early on Tuesday, 9 troops were killed in the town.")
    assert article_claimant(text, 9) == ""


def test_a_source_that_only_announces_itself_names_the_headline_figure():
    text = ("A total of 800 bodies found since the ceasefire\nThe emergency service of the "
            "region informs.\nSearches went on today in two districts.")
    assert "emergency service" in article_claimant(text, 800)
    # a credit line is no such source
    text = "Twelve soldiers killed in border clash\nPhoto: Reuters\nThe clash began at dawn."
    assert article_claimant(text, 12) == ""


# ------------------------------------- a claim about another matter than the figure

@pytest.mark.parametrize(("sentence", "count"), [
    # the figure describes the event the claim names as its circumstance
    ("Yerevan said on Monday that the truce was holding, following three days of fighting "
     "that killed 120 soldiers.", 120),
    ("Baku said it had taken the town, after a two-day offensive that killed at least 90 "
     "people.", 90),
    ("Armenia said some of the detainees had fought in the May clashes that killed eight "
     "troops.", 8),
    # the claim is in a clause the figure follows from
    ("The toll since Friday rose to 61 after the ministry said four more fighters had "
     "died.", 61),
])
def test_a_claim_about_another_matter_does_not_claim_the_figure(sentence, count):
    assert claimant(sentence, count) == ""


@pytest.mark.parametrize(("sentence", "count", "who"), [
    # the claim states the figure itself
    ("Yerevan said on Monday that three days of fighting killed 120 soldiers.", 120,
     "Yerevan"),
    ("The toll rose to 61, the ministry said.", 61, "ministry"),
    ("The ministry said four more fighters had died after the shelling.", 4, "ministry"),
])
def test_a_claim_stating_the_figure_keeps_it(sentence, count, who):
    assert who in claimant(sentence, count)


# ------------------------------------------------------- more shapes of attribution

@pytest.mark.parametrize(("sentence", "count", "who"), [
    # an aside set off by dashes between the claimant and its verb
    ("Earlier the separatist authorities in the region — which are backed by Yerevan — "
     "said four civilians were killed.", 4, "separatist authorities"),
    # the subject of a denial goes on to claim
    ("Baku did not disclose its military losses, but confirmed nine civilian deaths.", 9,
     "Baku"),
    # published in the press
    ("Reports were published in the Georgian press that 6 border guards were killed.", 6,
     "Georgian press"),
    # a document unveiled by its author
    ("In the list unveiled by the ministry on Monday, the number of fallen soldiers was "
     "2,100.", 2100, "ministry"),
    # an accusation of harm told at some length
    ("The president has accused the enemy of committing a war crime by shelling the city, "
     "leaving 14 civilians dead.", 14, "president"),
])
def test_more_shapes_of_attribution(sentence, count, who):
    assert who in claimant(sentence, count)


@pytest.mark.parametrize(("sentence", "count"), [
    # a denial with no claim after it; an aside with no claim verb after it
    ("Baku did not disclose its losses, but 9 civilians died in the shelling on Monday.", 9),
    ("The town — which was shelled overnight — lost 9 residents.", 9),
])
def test_a_denial_or_an_aside_alone_claims_nothing(sentence, count):
    assert claimant(sentence, count) == ""


def test_an_embedded_post_is_its_authors():
    text = ("The governor's aide posted on Tuesday.\n\nIn the town the number of dead is over "
            "20. Number of wounded reached 60. pic.twitter.com/abc123 — Anar Mammadov "
            "(@AnarMammadov) October 28, 2020\n\nThe town's schools were closed.")
    assert "Anar Mammadov" in article_claimant(text, 20)
    assert "Anar Mammadov" in article_claimant(text, 60)


def test_a_figure_reported_with_no_one_named_goes_on_with_the_source_that_told_the_fighting():
    text = ("On Friday, local media outlets reported the outbreak of clashes on the border. "
            "One soldier was reported killed and 3 were wounded in the clashes.")
    assert "media outlets" in article_claimant(text, 3)
    # not when the source before spoke of something else
    text = ("On Friday, the spokesman said the government stands ready to help. "
            "One soldier was reported killed and 3 were wounded in the clashes.")
    assert article_claimant(text, 3) == ""
    # nor for "reportedly", which the outlet writes of what no source it names told
    text = ("On Friday, local media outlets reported the outbreak of clashes on the border. "
            "One soldier was reportedly killed and 3 were wounded in the clashes.")
    assert article_claimant(text, 3) == ""


def test_a_quotation_opening_a_paragraph_goes_on_with_the_source_ending_the_one_before():
    text = ("The defence ministry added that an enemy column had been destroyed.\n\n"
            "In the early hours, “our units advanced on the town and 9 enemy troops were "
            "killed.”")
    assert "ministry" in article_claimant(text, 9)


# ------------------------------------ sources named as the owners of data or figures

@pytest.mark.parametrize(("sentence", "count", "who"), [
    ("Per the ministry, 12 people died.", 12, "ministry"),
    ("As per the regional ombudsman, 40 civilians were wounded.", 40, "ombudsman"),
    ("The ministry's figures show 300 dead.", 300, "ministry"),
    ("The governor's statistics put the toll at 45 dead.", 45, "governor"),
    ("Data from the health ministry show 200 wounded.", 200, "health ministry"),
    ("Figures released by the government show 100,000 refugees.", 100000, "government"),
    ("The tally from the ministry stood at 2,300 dead.", 2300, "ministry"),
    ("Yerevan acknowledged 3,800 deaths.", 3800, "Yerevan"),
    ("Baku admitted that 2,900 of its soldiers died.", 2900, "Baku"),
])
def test_owners_of_data_and_admissions_claim(sentence, count, who):
    assert who in claimant(sentence, count)


@pytest.mark.parametrize(("sentence", "count"), [
    ("Five people were admitted to hospital with wounds.", 5),
    ("Per capita, 30 people died.", 30),
    ("Figures of 70 dead could not be verified.", 70),
])
def test_admitted_to_hospital_and_per_capita_claim_nothing(sentence, count):
    assert claimant(sentence, count) == ""


# ------------------------------------------------------- the outlet's own voice

@pytest.mark.parametrize("text", [
    # the outlet's reporter, in the next paragraph or the next sentence
    "Shelling hits Martuni\nThe ombudsman said 19 civilians were killed in Martuni on "
    "Sunday.\n\nOur reporter in the town saw 4 bodies lying in the street.",
    "The ombudsman said 19 civilians were killed in Martuni on Sunday. Journalists who "
    "reached the town on Monday saw 4 bodies in the street.",
    "“Nineteen civilians were killed,” the ombudsman said on Sunday.\n\nWe counted 4 "
    "bodies in the village morgue.",
    # the outlet's summary of the war after a quoted official, in another paragraph
    "Shelling hits Martuni\n“We have lost 12 soldiers in the fighting,” the defence "
    "minister told reporters.\n\nThe war began on September 27. More than 4 thousand "
    "soldiers have died on both sides since then.",
])
def test_the_outlets_own_witness_or_summary_inherits_no_source(text):
    found = one_article.figures_of(text)
    own = found[found["count"].isin([4, 4000])]
    assert len(own) == 1 and own["claimed_by"].iloc[0] == "", found[["count", "claimed_by"]]
    named = found[found["count"].isin([19, 12])]
    assert named["claimed_by"].iloc[0] != ""


def test_our_correspondent_is_the_outlet():
    assert claimant("Our correspondent reported that 4 bodies lay in the street.", 4) == ""


def test_a_title_then_a_one_word_name():
    assert "Leyla" in claimant("A local teacher, Leyla, said her brother was among 3 "
                               "people wounded.", 3)


# ------------------------- a press release: one body's statement, lead past a dateline

_RELEASE = (
    "Loading...\n"
    "Interior ministry gives the number of wounded police officers\n\n"
    "Interior ministry gives the number of wounded police officers\n\n"
    "14-11-2020\n\n"
    "Some 57 police officers were killed in the border fighting, Azerbaijan's Interior "
    "Ministry told our agency.\n\n"
    "{middle}"
    "Hospitals in the region are treating 140 wounded officers.\n"
)


def test_a_press_release_source_speaks_for_every_paragraph():
    """The lead's source, named in its third sentence of prose but the fifth line (after
    a "Loading..." line and a date), states the figures of the paragraphs after it."""
    text = _RELEASE.format(middle="Nine of them are still being identified.\n\n")
    assert "Interior Ministry" in article_claimant(text, 140)


def test_a_second_source_keeps_later_paragraphs_the_outlets_own():
    """Not when the article names another source as well (even one of the same side):
    then it is no one body's statement, and a figure in a later paragraph names none."""
    text = _RELEASE.format(middle="President Ilham Aliyev said the officers had fought "
                                  "bravely.\n\n")
    assert article_claimant(text, 140) == ""


# ------------------------------------------- an institution's long name, before its verb

def test_a_long_institution_name_is_read_whole():
    """A name of more than a dozen words or 90 characters is read when its words are
    capitalised or join them ("of", "the") and a short parenthesis closes it."""
    sentence = ("Two bodies were recovered near Jabrayil on Monday, the Rescue and Search "
                "Department of the Ministry of Emergency Situations of the Republic of "
                "Armenia (Yerevan) reports.")
    who = claimant(sentence, 2)
    assert who.startswith("the Rescue and Search Department") and who.endswith("(Yerevan)")


def test_a_long_phrase_that_is_no_name_is_not_a_claimant():
    """The longer reach before a verb takes no long run of ordinary words that tells
    something else ("rescuers ... reported no further finds")."""
    sentence = ("Two bodies were recovered on Monday, and rescuers working with volunteers "
                "from several nearby villages along the old mountain road in the south "
                "reported no further finds.")
    assert claimant(sentence, 2) == ""


# ------------------------------- the same number on another day is not the same figure

_SAME_NUMBER = ("Shelling wounds two journalists in Shushi\n"
                "The defence ministry of Armenia said two journalists were wounded when "
                "shells hit the cathedral on Thursday.\n\n{later}")


def test_an_earlier_event_with_the_same_number_takes_no_source_from_it():
    """A figure in a sentence turning to another time ("Earlier, ...") is another event's,
    even with the same count and status as a figure a source stated."""
    text = _SAME_NUMBER.format(later="Earlier, two photographers had been wounded in "
                                     "Martakert.")
    rows = one_article.figures_of(text)
    later = rows[rows["sentence"].str.startswith("Earlier")]
    assert len(later) == 1 and later["claimed_by"].iloc[0] == "", rows


def test_the_headline_figure_stated_again_keeps_its_source():
    """The headline's figure, stated with the source in the body, is still the source's."""
    rows = one_article.figures_of(_SAME_NUMBER.format(later="The cathedral was closed."))
    head = rows[rows["sentence"].str.startswith("Shelling")]
    assert len(head) == 1 and "defence ministry" in head["claimed_by"].iloc[0], rows
