"""Casualty figures stated in news text, with their provenance.

How English news states a casualty figure, and the rule (``rule`` column) that reads it:

``subject``   N [of its] [people-words, places] [on each side] [aside] [have been|were|
              may have been] [adverb] TRIGGER
              "47 civilians had been killed", "1,177 of its troops have been killed",
              "42 Azeri civilian deaths", "29 more military casualties", "222 wounded",
              "two residents were brutally murdered", "4,500 people had crossed into"
              (movement and release triggers count only for people)
``object``    ACTIVE-VERB [qualifier] [another] N [people-words]
              "killed two soldiers", "captured two mercenaries", "killed about 30,000",
              "has lost 960 men" (people needed), "claimed 20,000 lives" (lives needed)
``toll``      TOLL-PHRASE ... VERB N: "raising the Armenian military death toll to five",
              "the losses are about 5,000", "the number of refugees has reached 65,210",
              "the death toll in clashes between ... has reached about 600", a headline's
              "Death Toll in X About 600"
``noun_of``   NOUN [and NOUN] of N: "the killing and injury of dozens"
``coordinated`` N1 people[, N2 people] and N3 people TRIGGER: each takes the trigger
              ("429 of its servicemen and more than 20 civilians have been killed")
``object_list`` people after an object, noun_of or toll figure take its status
              ("killed 9 soldiers and 3 civilians")
``gapped``    FIGURE, Party N: "Azerbaijan has reported 25 deaths, Armenia 21"
``each_side`` N on/from each side: the status of the casualty word before it
``breakdown`` (N people) after a casualty word: "deaths in X (7 people), Y (6 people)"
``fate``      fate of N ... unknown: missing; ``contact``: lost contact with N: missing
``increment`` up N from: takes the status of the total it qualifies ("542 ..., up 17 from
              Monday")
``total_of``  "bringing the total to N": a running total of what the figure before counts
``the_number`` "the number was nearing 5,000": the status of the last casualty word before
``elliptical`` "Seven were injured in X, and 23 - in Y", "... to Armenia and 17 to Azerbaijan"
``label``     "Dead: 5; injured: 17", "Civilians killed: 92"

Numbers that are measures, ages, money, dates, years, percentages, parts of names, counts
of things or populations ("15 km", "45-year-old", "9.2 million Swiss francs", "Sept. 27",
"COVID-19", "4 Grad launchers", "home to 55,000 people") are never figures. All word
lists are the tables below; nothing else in the code names a word.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

import pandas as pd
from ahocorasick_rs import AhoCorasick, BytesAhoCorasick, Implementation, MatchKind

from conflictnews import figure_parts as parts
from conflictnews import inference
from conflictnews.attribution import ArticleClaimants, is_office, nearest
from conflictnews.attribution import claims as find_claims
from conflictnews.inference import CIVILIAN, MILITARY
from conflictnews.numbers import Number, find_numbers
from conflictnews.patterns import (
    LETTER,
    LOWER,
    UPPER,
    find_matches,
    fold_key,
    folded,
    last_two,
    search_at_end,
    trie_regex,
    word_char,
)
from conflictnews.profile import BOTH, UNSPECIFIED, Profile, load_profile
from conflictnews.sentences import sentence_spans
from conflictnews.tables import records

# --------------------------------------------------------------------------- tables

#: How bad a wound is, in "with severe wounds" (the phrase is keyed by its wound word).
WOUND_ADJECTIVES = ("severe", "serious", "minor", "light", "critical", "multiple", "various",
                    "grave", "shrapnel")
#: Trigger words and the status each one states.
STATUS_TRIGGERS: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed", "dead", "died", "die", "dies", "deaths", "death", "fatalities",
        "lost their lives",
        "lost his life", "lost her life", "perished", "slain", "casualties", "losses",
        "bodies", "martyred", "killing", "murdered", "massacred", "executed", "deceased",
        "shot and killed",
        "martyrs", "shot dead", "gave their lives", "lives were lost", "lives have been lost",
        "lives lost", "victims", "fatal casualties", "burned to death", "fell victim",
        "among the dead", "among the killed", "among the victims", "among the fatalities",
        "remains of",  # "more than 3,500 remains of people killed in the war"
        "KIA",  # killed in action, in military reports
        "among dead",  # a headline: "Two Peacekeepers Among Dead"
        "fallen", "fatal cases", "succumbed", "burned alive", "burnt alive", "burnt to death",
    ),
    "wounded": ("wounded", "injured", "hurt", "injuries", "injury", "wounding", "injuring",
                "hospitalized", "hospitalised", "taken to hospital", "taken to hospitals",
                "taken to the hospital", "admitted to hospital", "admitted to hospitals",
                "rushed to hospital", "treated in hospital", "transported to hospital",
                "transported to hospitals", "evacuated to hospital", "evacuated to hospitals",
                "airlifted to hospital", "received injuries", "sustained injuries",
                "suffered injuries", "received wounds", "sustained wounds", "wounds",
                "among the wounded", "among the injured", "treated in hospitals",
                "treated in the hospital", "treated at hospital", "treated at hospitals",
                "treated at the hospital", "suffered burns", "sustained burns",
                "received burns", "treated for injuries", "treated for wounds",
                "treated for their injuries", "treated for shrapnel wounds",
                "treated for gunshot wounds", "treated for burns", "with injuries",
                "with serious injuries", "with severe injuries", "with minor injuries",
                "among wounded", "among injured", "WIA",
                "sanitary losses",  # a military report's wounded: "sanitary losses of 1,200"
                "burn victims",  # "hundreds of burn victims": the burned, not the dead
                "with wounds", "with shrapnel wounds", "with gunshot wounds",
                # hospital wording: "two journalists are in a grave condition"
                "in grave condition", "in a grave condition", "in critical condition",
                "in a critical condition", "in serious condition", "in a serious condition"),
    "missing": ("missing", "unaccounted for", "not accounted for", "disappeared", "MIA",
                "whose fate is unknown",
                "whose fate remains unknown", "whose fate is still unknown",
                "whose fate remains unclear", "whose whereabouts are unknown"),
    "captured": (
        "captured", "taken prisoner", "taken captive", "prisoners of war", "prisoners",
        "POWs", "captives", "hostages", "taken hostage", "held captive", "held hostage",
        "prisoners-of-war",
        "detainees", "taken hostages", "taken as hostages", "taken prisoners",
        "taken as prisoners",
    ),
    "displaced": (
        "displaced", "fled their homes", "fled", "refugees", "made homeless", "homeless",
        "uprooted", "forced from their homes", "forced to flee", "evacuated", "evacuees",
        "driven from their homes", "driven out of their homes", "forced out of their homes",
        "forced to leave their homes", "sent fleeing",
        "displacement", "IDPs", "internally displaced", "among the displaced",
    ),
}
#: Triggers that say a figure of *people* moved or came back ("4,500 people had crossed
#: into Armenia", "three men were released"): they count only when the words between
#: the number and the trigger are empty or name people (:data:`PEOPLE_WORDS`), never
#: military ones for a movement ("2,000 peacekeepers arrived in" is a deployment).
PEOPLE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "killed": ("eliminated", "neutralized", "neutralised", "destroyed",
               # hit by a mine or a blast: the casualties of it, killed and wounded
               "hit a landmine", "hit a mine", "hit landmines", "hit mines",
               "hit by a landmine", "hit by a mine", "hit by the explosion",
               "hit by an explosion", "hit by the blast", "hit by a blast",
               "stepped on a landmine", "stepped on a mine", "blown up by a mine",
               "blown up by a landmine", "suffered from mine explosions",
               "suffered from landmine explosions", "suffered from mines",
               "suffered from landmines"),
    "wounded": ("disabled", "maimed", "crippled", "invalid", "invalids",
                "received treatment", "received medical treatment", "receiving treatment",
                # "three servicemen were shot" (not "shot down", "shot at": SHOT_NOT)
                "shot",
                "receiving medical treatment", "sought medical help", "needed medical help",
                "sought medical assistance", "sought medical attention",
                "received medical assistance", "received medical aid",
                "receiving medical attention", "received medical attention",
                "receiving medical assistance", "receiving medical aid",
                "undergoing treatment", "undergoing medical treatment", "under treatment",
                # "brought 23 people with severe wounds", "12 with minor burns"
                *(f"with {adjective} {hurt}" for adjective in WOUND_ADJECTIVES
                  for hurt in ("wounds", "injuries", "burns")), "with burns"),
    "displaced": (
        "expelled", "deported",
        "crossed into", "crossed the border", "crossed over", "crossed",
        "left the region", "left the area", "left the enclave", "left the territory",
        "left the country", "left their homes", "left their villages", "left home",
        # "left" alone only where they went, or at the clause's end (:data:`LEFT_NEXT`)
        "left",
        "arrived in", "sought shelter", "sought refuge", "took refuge", "taken refuge",
        "found refuge", "relocated", "resettled", "moved to", "forced to leave",
        "forced out", "entered", "poured into", "streamed into", "flee", "flees",
        "compelled to leave", "compelled to flee", "compelled to withdraw from",
    ),
    "captured": (
        "released", "freed", "repatriated", "exchanged", "handed over",
        "came back from captivity", "returned from captivity", "remain in captivity",
        # a return: captives or refugees, as the sentence tells (:data:`RETURN_TRIGGERS`)
        "returned home", "returned to", "returned", "returning home", "returning to",
        "held", "being held",
        "in captivity", "detained", "abducted", "kidnapped", "extradited", "convicted",
        "sentenced", "imprisoned", "in custody", "taken into custody", "surrendered",
    ),
}
#: People triggers of military reports that count only with soldiers named ("up to 30 enemy
#: servicemen were eliminated", "the manpower of 25 people was destroyed", not "8 families
#: were completely destroyed").
MILITARY_TRIGGERS = ("eliminated", "neutralized", "neutralised", "destroyed", "eliminating",
                     "neutralizing", "neutralising", "destroying")
#: People triggers that count only before a place's name or where they go ("3,000 people had
#: entered Armenia", "100,000 flee to Armenia"; not "two men entered the building", "Two men
#: flee as a building burns").
PLACE_TRIGGERS = ("entered", "flee", "flees")
#: People triggers of a return, whose status the sentence tells: captives when it speaks of
#: captivity ("ten soldiers returned home after two years in captivity"), the displaced
#: when it speaks of refugees ("351 people returned to Stepanakert", refugees told of);
#: else none ("three men returned to the office").
RETURN_TRIGGERS = ("returned home", "returned to", "returned", "returning home",
                   "returning to")
#: People triggers that count only where a place, a region or home follows, or the clause
#: ends, and never after a be-verb ("70 thousand have now left the mountainous region",
#: "28,000 have left."; not "two men left the building", "only 50 people are left").
LEFT_TRIGGERS = ("left",)
#: Verbs that take the figure as their object ("killed two soldiers").
ACTIVE_VERBS: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "killing", "kill", "kills", "claimed the lives of", "left dead",
               "took the lives of", "taken the lives of", "cost the lives of",
               "costing the lives of", "claiming the lives of", "massacred", "massacring",
               "murdered", "murdering", "shot dead", "slaughtered", "shot and killed"),
    "wounded": ("wounded", "wounding", "injured", "injuring", "injure", "wound", "injures",
                "wounds"),
    "captured": ("captured", "capturing", "capture", "took prisoner", "detained",
                 "took hostage", "taken hostage", "taking hostage", "captures"),
    "displaced": ("displaced", "displacing", "displace", "uprooted", "evacuated",
                  "evacuating", "evacuate"),
}
#: Verbs of care whose object is the wounded when it is patients or the wounded ("treating
#: 290 patients", "evacuated 96 patients", "evacuated 30 wounded"): not the displaced.
CARE_VERBS = ("treating", "treated", "evacuated", "evacuating", "evacuate")
PATIENT_NP = re.compile(r"\b(?:patients|wounded|injured)\b", re.IGNORECASE)
#: Verbs whose object counts only when it names people (:data:`PEOPLE_WORDS`): "has lost
#: 960 men" but not "lost 4 Grad launchers", "freed three men" but not "released two
#: reports".
PEOPLE_VERBS: dict[str, tuple[str, ...]] = {
    "killed": ("lost", "losing", "loses", "executed", "executing", "eliminated", "eliminating",
               "neutralized", "neutralised", "neutralizing", "neutralising", "destroyed",
               "destroying"),
    "captured": ("freed", "released", "releasing", "releases", "frees", "freeing", "exchanged",
                 "swapped", "repatriated", "handed over", "hands over", "handing over",
                 "returned", "returning",
                 "abducted", "kidnapped", "extradited", "extradites", "extraditing"),
}
#: Verbs whose object counts only when people are sent away after it: "forced 40,000
#: villagers from their homes", "drove tens of thousands of people to flee", "sent 3,000
#: fleeing" (not "forced 12 soldiers to retreat", "sent 300 troops").
AWAY_VERBS = ("forced", "forcing", "forces", "force", "drove", "driven", "driving", "drives",
              "sent", "sending", "pushed", "pushing")
#: Verbs whose object counts only when it is lives: "a conflict that claimed 20,000
#: lives", "the war cost 6,000 lives" (not "claimed 3 villages", "took 30 soldiers").
LIVES_VERBS = ("claimed", "claiming", "claims", "claim", "cost", "costing", "costs", "took",
               "taking", "takes", "take", "taken")
#: Who is displaced when a figure's words name them: residents, not troops or reporters.
DISPLACED_PEOPLE = ("people", "persons", "residents", "civilians", "families", "refugees",
                    "villagers", "inhabitants", "children", "women", "men", "elderly",
                    "individuals", "citizens", "IDPs", "evacuees", "displaced", "others",
                    "ethnic", "households", "locals", "population", "family", "migrants")
#: Words that name people in a figure's phrase, besides :data:`MILITARY`,
#: :data:`CIVILIAN` and capitalised plurals of nationality ("Armenians", "Syrians").
PEOPLE_WORDS = ("people", "persons", "men", "man", "individuals", "lives", "members",
                "firefighters", "rescuers", "workers", "volunteers", "teenagers", "boys",
                "girls", "adults", "infants", "babies", "relatives", "patients", "staff",
                "employees", "officials", "crew", "sappers", "deminers", "detainees",
                "prisoners", "captives", "hostages", "POWs", "detainees", "bodies",
                "prisoner of war", "prisoner", "captive", "hostage",
                "victims", "others", "nationals", "compatriots", "displaced", "evacuees",
                "fixer", "fixers", "interpreter", "interpreters", "translator", "translators",
                "driver", "drivers", "cameraman", "cameramen", "photographer", "photographers",
                "nurse", "medic", "doctor", "paramedic", "woman", "vendor", "vendors",
                "shoppers", "shopkeeper", "shopkeepers", "bystander", "bystanders", "migrants",
                "official", "resident", "employee", "worker", "terrorists", "terrorist",
                # kin: "two brothers from the village", "three sisters"
                "brothers", "sisters", "sons", "daughters", "mothers", "fathers", "parents",
                "cousins", "siblings", "brother", "sister", "son", "daughter", "husband",
                "wife", "grandchildren")
#: "death toll", "number of dead" and what each counts.
TOLLS: dict[str, tuple[str, ...]] = {
    "killed": ("death toll", "toll", "number of dead", "number of deaths", "number killed",
               "number of people killed", "casualty toll", "tally", "losses", "casualties",
               "fatalities", "deaths", "number of victims", "death count", "body count",
               "human losses", "loss of life", "the victims", "the dead", "number of fallen",
               "number of the fallen", "those killed", "those who died", "the fatalities",
               "death tolls", "death counts"),
    "wounded": ("number of wounded", "number of injured", "injury toll", "the wounded",
                "sanitary losses",
                "the injured", "those wounded", "those injured"),
}
#: How a toll phrase comes to its figure: "the toll rose to", "losses are about", "has
#: reached", "will not exceed"; the "by" ones give an increment ("increased by 35").
TOLL_VERBS = (
    "to", "at", "of", "reached", "reach", "reaches", "hit", "hits", "passed", "surpassed",
    "exceeded", "exceed", "exceeds", "topped", "tops", "stood at", "stands at", "was", "is",
    "are", "were", "totaled", "totalled", "totals", "totaling", "totalling", "numbered",
    "number", "amounted to", "amounts to", "amount to", "rose by", "rises by", "risen by",
    "increased by", "increases by", "grew by", "grows by", "went up by", "jumped by",
    "climbed by", "now", "stand at", "constitute", "constituted",
    "comprised", "made up", "past", "above", "over", "beyond", "reaching", "surpassing",
    "included", "include", "includes",
    "exceeding", "topping", "passing", "hitting",
    # "the total number of fallen soldiers has made 1,586", "the number of wounded remains 290"
    "made", "makes", "remains", "remained", "remain",
)
#: The toll phrases that name a count and nothing else: they may stand far from their
#: figure ("the death toll in clashes between ... forces over ... has reached about 600")
#: or, in a headline, without a verb ("Death Toll in Border Clashes About 600").
TOLL_NOUNS = ("death toll", "toll", "casualty toll", "injury toll", "death count",
              "death tolls", "death counts",
              "body count", "number of dead", "number of deaths", "number killed",
              "number of people killed", "number of victims", "number of fallen",
              "number of the fallen", "number of wounded", "number of injured")
#: How a far toll phrase comes to its figure: only the verbs of reaching a number.
TOLL_REACH = ("reached", "reach", "reaches", "rose to", "risen to", "rises to", "climbed to",
              "climbs to", "grew to", "grows to", "increased to", "increases to", "jumped to",
              "went up to", "hit", "hits", "passed", "surpassed", "exceeded", "topped",
              "stood at", "stands at", "is now", "was now", "neared", "nears", "nearing",
              "approached", "approaching", "grown to", "jumps to", "jump to", "soared to",
              "soars to", "surged to", "surges to", "swelled to", "swells to")
#: "the number was nearing 5,000", "estimated this number to be more than 200": a number
#: the sentence or the one before has told of; the status of its last casualty word.
THE_NUMBER = ("the number", "this number", "that number", "the figure", "this figure",
              "the toll", "this toll", "a figure", "their number", "its number")
#: "the number of refugees has reached": NUMBER-OF [up to three words] TRIGGER, then any
#: toll verb; the trigger says what is counted.
NUMBER_OF = ("number of", "total number of", "total of", "overall number of", "tally of",
             "count of", "toll of", "list of")
#: Words allowed between a figure and its trigger that end the figure's noun phrase.
AUXILIARIES = (
    "have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "so", "far",
    "now", "already", "reportedly", "reported", "also", "confirmed", "officially", "who",
    "that", "since", "all", "later", "feared", "believed", "thought", "presumed", "left",
    "declared", "listed", "as", "were", "getting", "got", "remain", "remains", "remained",
    "still", "considered", "went", "currently", "either", "each", "seriously", "critically",
    "severely", "badly", "fatally", "lightly", "slightly", "mortally", "gravely", "may",
    "might", "could", "must", "found", "pronounced", "said", "known", "expected", "likely",
    "to", *parts.HEDGES, *parts.GROUP_LINKS,
    # "80,000 have registered as refugees", "300 people became homeless"
    "registered", "became", "become", "becoming",
    # "150 people to this day remain unaccounted for"
    "to this day", "to date", "until now", "as yet", "by now", "at present",
)
#: Words that may stand inside a figure's noun phrase although they are also auxiliaries:
#: "six confirmed civilian deaths", "12 reported casualties".
NP_ADJECTIVES = ("confirmed", "reported", "officially")
#: Nouns that name a toll of any kind: a status verb after them says which ("24 victims
#: were injured" is wounded).
GENERIC_TRIGGERS = ("victims", "casualties", "losses", "fatal casualties")
#: Prepositions a subject figure's words may hold ("five people from one family").
SUBJECT_NP_LINKS = ("from", "in", "by", "on", "at")
#: A figure for each side: "more than 2,000 from each side" takes the status of the
#: casualty word before it ("casualties from both sides, more than 2,000 from each side").
EACH_SIDE = ("on each side", "on both sides", "on either side", "from each side",
             "from both sides")
#: Phrases that may stand between a figure and its trigger: "more than 1,500 on each side
#: had died".
SIDE_PHRASES = (*EACH_SIDE, "on their side", "on our side", "on its side", "on the other side",
                "on the enemy side")
#: Words that cannot be inside a figure's noun phrase (they start another clause).
NP_STOP = (
    "said", "says", "say", "told", "and", "or", "but", "to", "in", "on", "at", "by", "which",
    "from", "for", "with", "while", "than", "into", "after", "before", "during", "when",
    "would", "will", "could", "may", "might", "did", "do", "does", "not", "no", "through",
    "about", "over", "under", "across", "against", "between", "among", "within", "without",
    "like", "via", "despite", "because", "if", "whether", "where", "what", "how",
    *(a for a in AUXILIARIES if a not in NP_ADJECTIVES and " " not in a),
)
#: Verbs that say "more than" of the figure after them: "the toll exceeded 600"
VERB_QUALIFIERS = ("exceeds", "exceeded", "has exceeded", "have exceeded", "surpassed",
                   "surpasses", "topped", "tops")
QUALIFIERS: dict[str, tuple[str, ...]] = {
    "more_than": ("more than", "over", "in excess of", "upwards of", "above", "well over",
                  "past", *VERB_QUALIFIERS),
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "about": ("about", "around", "approximately", "roughly", "some", "nearly", "almost",
              "close to", "an approximate", "nearing", "approaching", "nears", "neared",
              "approaches", "approached"),
    "estimate": ("an estimated", "estimated", "estimates", "estimate", "estimate of",
                 "an estimate of"),
    "up_to": ("up to", "as many as", "at most", "no more than", "fewer than", "less than",
              "under", "as much as", "not exceed", "will not exceed", "does not exceed",
              "did not exceed", "would not exceed", "not more than", "just under"),
}
#: Verbs whose particle is no qualifier: "handed over 10 soldiers" is exact (but "took over
#: 300 lives", "took over 100 men prisoner" are more than: what is taken over is a place).
PARTICLE_VERBS = ("handed", "hand", "hands", "handing", "turned", "turn", "turns", "turning")
#: Words a qualifier may have between it and the figure: "wounded at least another 30".
QUALIFIER_FILLERS = ("another", "a further", "an additional", "other")
#: Words between an object verb and its figure: "killing its 2 passengers", "killed all 12
#: crew members".
OBJECT_DETERMINERS = ("the", "its", "their", "his", "her", "all", "all the", "all of the",
                      "all of its", "all of their")
#: Words marking an increment rather than a running total.
INCREMENT_BEFORE = ("another", "a further", "an additional", "additional", "up", "rose by",
                    "an increase of", "a rise of", "increased by", "grew by", "went up by",
                    "risen by", "rises by", "increases by", "jumped by", "climbed by")
INCREMENT_AFTER = ("more", "additional", "new", "further")

#: Things that are counted but are not people: a number whose next words (before any
#: people word) name one is no figure ("4 Grad launchers", "12 armoured vehicles").
THINGS = (
    "launchers", "launcher", "systems", "system", "tanks", "tank", "vehicles", "vehicle",
    "personnel carriers", "carriers",
    "helicopters", "helicopter", "planes", "plane", "jets", "aircraft", "drones", "drone",
    "UAVs", "guns", "howitzers", "howitzer", "missiles", "missile", "rockets", "rocket",
    "shells", "mortars", "artillery", "trucks", "truck", "buses", "bus", "cars", "car",
    "buildings", "building", "houses", "house", "homes", "apartments", "flats", "schools",
    "hospitals", "mosques", "churches", "bridges", "positions", "posts", "outposts",
    "checkpoints", "villages", "settlements", "towns", "cities", "projectiles", "munitions",
    "rounds", "bombs", "pieces", "installations", "radars", "weapons", "rifles", "ammunition",
    "APCs", "BMPs", "cannons", "warplanes", "depots", "sorties", "attacks", "strikes",
    "incidents", "violations", "kilometers", "kilometres", "km", "hectares", "heights",
    "hours", "days", "weeks", "months", "years", "decades", "times", "cases", "percent",
    "dollars", "euros", "manats", "drams", "rubles", "roubles", "USD", "AZN", "AMD", "EUR",
    "RUB", "meters", "metres", "miles", "tonnes",
    "tons", "pages", "articles", "reports", "decrees", "resolutions", "districts", "regions",
    "provinces", "countries", "trips", "flights", "sessions", "meetings", "points",
    "requests", "appeals", "applications", "inquiries", "enquiries", "complaints",
    "petitions", "calls",
)
#: Words before a number that make it a population, an age or a rank, never a figure.
NOT_A_FIGURE_BEFORE = ("population of", "population", "home to", "inhabited by", "aged",
                       "ages", "age of", "age", "a city of", "a town of", "a region of",
                       "the city of", "the town of", "the village of", "a village of",
                       # a capacity, no count of people: "to accommodate up to 40,000"
                       "accommodate", "to house", "capacity of", "capacity for", "room for",
                       "resolution", "article", "section", "brigade", "division",
                       "regiment", "battalion")

#: Marks of a single incident, of a running total.
INCIDENT_MARKERS = (
    r"\bduring\b|\bovernight\b|\bin an? (?:\w+ )?(?:attack|strike|shelling|explosion|blast|"
    r"ambush|raid)|\bin (?:the )?shelling\b|\bwhen\b|\bon (?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b|\byesterday\b|\bfuneral\b|\blast night\b|\btoday\b"
)
TOTAL_MARKERS = (
    r"\bso far\b|\bin total\b|\bin all\b|\btotal\b|\boverall\b|\btoll\b|\btally\b|\bsince\b|"
    r"\bbringing\b|\braising\b|\bbrings\b|\braises\b|\bto date\b|\bin the fighting\b|"
    r"\bof (?:the )?fighting\b|\bin the (?:conflict|war)\b|\bnumber of\b|"
    r"\b(?:have|has)\s+(?:so far\s+|now\s+)?(?:received|registered|recorded|counted)\b"
)
PERFECT = (
    r"\b(?:have|has)\s+(?:so far\s+|now\s+|already\s+)?(?:been\s+)?(?:reported\s+)?"
    r"(?:killed|died|wounded|injured|captured|displaced|lost|fled|been)\b|"
    r"\bhad\s+(?:so far\s+|now\s+|already\s+)?been\s+(?:killed|wounded|injured|displaced)\b"
)


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """One regex alternative for a list of words, longest first, spaces flexible: a trie
    ("kill(?:ed|ing|s)?"), which a search tries at each position much faster than a
    flat list of alternatives."""
    return trie_regex(sorted(set(words))).replace(r"\s", r"\s+")


_TRIGGER_STATUS = {w.lower(): s for table in (PEOPLE_TRIGGERS, STATUS_TRIGGERS)
                   for s, ws in table.items() for w in ws}
_PEOPLE_TRIGGER = {w.lower() for ws in PEOPLE_TRIGGERS.values() for w in ws}
_RELEASE_TRIGGER = {w.lower() for w in PEOPLE_TRIGGERS["captured"]}
#: the object verbs and their status; which ones need people, or lives, for an object
_ACTIVE_STATUS = {
    **{w.lower(): "killed" for w in LIVES_VERBS},
    **{w.lower(): s for s, ws in PEOPLE_VERBS.items() for w in ws},
    **{w.lower(): s for s, ws in ACTIVE_VERBS.items() for w in ws},
    "treating": "wounded", "treated": "wounded",
}
_NEEDS_LIVES = {w.lower() for w in LIVES_VERBS} - {w.lower() for ws in PEOPLE_VERBS.values()
                                                   for w in ws}
_NEEDS_PEOPLE = {w.lower() for ws in PEOPLE_VERBS.values() for w in ws}
_ACTIVE_STATUS.update({w: "displaced" for w in AWAY_VERBS})
#: what sends a figure's people away after an AWAY verb and its object
AWAY_AFTER = re.compile(r"\s+(?:(?:from|out\s+of)\s+(?:their|his|her|the(?:ir)?)\s+(?:homes?|"
                        r"houses|villages?|towns?|region|area)|to\s+flee|fleeing|to\s+leave|"
                        r"into\s+exile|to\s+seek\s+(?:refuge|shelter)|out)\b", re.IGNORECASE)
_TOLL_STATUS = {w.lower(): s for s, ws in TOLLS.items() for w in ws}
_QUALIFIER = {w: q for q, ws in QUALIFIERS.items() for w in ws}
_TRIGGER = _alt([w for ws in STATUS_TRIGGERS.values() for w in ws])
#: Captivity with its holder's adjective: "are still in Azerbaijani captivity", "have been
#: returned home from Armenian captivity" (read as "in captivity", "returned from
#: captivity": a people trigger, see :func:`_key`).
CAPTIVITY = (r"(?:(?:returned|returning|came\s+back|come\s+back|back|released|freed)\s+"
             r"(?:home\s+)?from|(?:taken\s+)?in|(?:taken\s+)?into)\s+(?:(?!captivity\b)[\w’'-]+\s+)?"
             r"captivity")
_CAPTIVITY_KEY = re.compile(r"(?:taken\s+)?(?:in|into)\s")
_ANY_TRIGGER = f"{_alt(list(_TRIGGER_STATUS))}|{CAPTIVITY}"  # the table's words first: faster
_NP_WORD = rf"(?!(?:{_alt(NP_STOP)})\b)(?!\d)[\w’'.-]+"
_PEOPLE_ALT = _alt(MILITARY + CIVILIAN + PEOPLE_WORDS)
#: A subject figure's words may hold a place or an origin ("192 soldiers from the army",
#: "six troops deployed by Moscow in the region"), a second group ("soldiers and
#: civilians", "journalists and their local fixer": figure_parts.SECOND_GROUP_LEAD) and a
#: word in quotation marks ('five "volunteer" fighters').
_SUBJECT_NP_WORD = (rf"(?:{_NP_WORD}|(?:{_alt(SUBJECT_NP_LINKS)})\b|"
                    + parts.SECOND_GROUP_LEAD.format(people=_PEOPLE_ALT) + "|"
                    rf"[\"“‘][\w’'-]+[\"”’](?=\s+(?:{_PEOPLE_ALT})\b)|"
                    r"\[[\w’' -]{1,30}\]|"  # an editor's word: "we have 49 [troops] killed"
                    r"\((?:(?!\d)[\w’' -]){1,30}\)|"  # an alias: "of the Artsakh (Karabakh) army"
                    # "soldiers from Armenia and Artsakh": "and" before a name
                    rf"and(?=\s+(?!(?:{parts.NUMBER_WORDS})\b)(?-i:{UPPER}{LOWER})))")

#: What news puts between a figure's words and its verb: a dash or bracket aside, "including
#: ...", a part "3 of them women", a relative clause "who fought for ...", "who strayed
#: across the border" (in the past: not "who call Nagorno-Karabakh home"), the whole a part
#: is of ("84,700 of the 120,000 Armenians who call the region home had crossed"), a short
#: apposition before an auxiliary ("90,000 people, half of the population, have fled"),
#: ages "aged 31 and 20", a name in apposition "one of the servicemen, ensign X Y died", a
#: hedge ", and possibly many more,".
SUBJECT_ASIDES = (
    r"\s*[–—]\s[^–—]{0,60}[–—]",
    r"\s+-\s[^–—\d-]{1,60}?\s-(?=\s)",  # a dash typed as a hyphen: "residents - half - have"
    r",?\s+including\s(?:[^,;]|(?<=\d),(?=\d{3})){0,120}?,?",  # "including 20,000 children"
    r",\s+(?:among them|most of them|mostly)\s(?:[^,]|(?<=\d),(?=\d{3})){0,60}?,?",
    r",\s+(?:\w+\s+)?of\s+(?:them|whom)\s[^,;]{0,60},",
    r",\s+(?:who|whose|whom)\s[^,;]{0,100},",
    r"\s+who\s+(?:\w+ed|fled|took|went|came|left|lost|fought|ran)\b[^,;]{0,60}?(?=\s+(?:were|was|"
    r"have|has|had|are|is)\s)",
    r",\s+(?-i:[a-z])[^,;\d]{0,39},(?=(?:\s+(?:have|has|had|were|was|are|is)\b))",
    # "seven people, all civilians, died": an apposition naming who, before the verb
    rf",\s+(?:all|both|mostly|mainly|most|many)\s[^,;\d]{{0,39}},(?=\s+(?:{_ANY_TRIGGER})\b)",
    r"\s+aged\s+\d+(?:(?:\s*,\s*|\s+and\s+)\d+)*,?",
    # a participle saying where they work or serve: "two journalists working for Le Monde
    # are in a grave condition", "12 soldiers serving in the district were killed"
    r"\s+(?:working|serving|fighting|living|travelling|traveling|stationed|based)\s+"
    r"(?:for|with|in|at|on|near)\s[^,;\d]{0,40}?(?=\s+(?:have|has|had|were|was|are|is)\s)",
    r"\s+of\s+(?:the\s+)?(?:[\w-]+['’]s?\s+)?(?:(?:some|about|around|nearly|an\s+estimated|"
    r"estimated|roughly|approximately)\s+)?\d[\d,.]*(?:\s+[^\s,;]+?)"
    r"{0,8}?(?=\s+(?:have|has|had|were|was|are|is)\s)",
    rf",\s+[^,;]{{0,60}}?\b(?-i:{UPPER}{LOWER}+\s+{UPPER}{LOWER}+),?(?=\s+(?:{_ANY_TRIGGER})\b)",
    r"\s*\([^()]{0,100}\)",
)
#: An adverb before a figure's verb ("were reportedly killed"); not a noun ending in -ly
#: ("four members of the same family were killed": "family" is the figure's word).
_ADVERB = r"(?!(?:family|ally|rally|assembly|Italy|July|supply|reply|anomaly)\b)\w+ly"
SUBJECT = re.compile(
    rf"^(?P<np>(?:\s+{_SUBJECT_NP_WORD}){{0,7}}?)(?P<sides>\s+(?:{_alt(SIDE_PHRASES)})\b)?"
    rf"(?P<aside>{'|'.join(SUBJECT_ASIDES)}|,\s+(?:and|or)\s+(?:possibly|perhaps|maybe|probably)\s"
    rf"[^,]{{0,40}},(?P<np2>(?:\s+{_SUBJECT_NP_WORD}){{0,3}}?))?"
    rf"(?P<aux>(?:,?\s+[“\"]?(?:{_alt(AUXILIARIES)}|{_ADVERB}))*)\s+[“\"]?"
    rf"(?P<trig>{_ANY_TRIGGER})\b(?!-\w)(?!\s+(?:threats?|penalty|sentences?|certificates?|row)\b)",
    re.IGNORECASE,
)
OBJECT = folded(rf"\b(?P<trig>{_alt(list(_ACTIVE_STATUS))})"
                rf"(?:\s+(?:{_alt(QUALIFIER_FILLERS + OBJECT_DETERMINERS)}))?\s*$")
#: "The strike killed, according to local officials, 12 people": an aside between an object
#: verb and its figure
OBJECT_ASIDE = re.compile(rf"\b(?P<trig>{_alt(list(_ACTIVE_STATUS))}),\s+[^,;.\d]{{1,80}},\s*$",
                          re.IGNORECASE)
#: "Also killed were 2 medics", "Injured were 4 firefighters": the status before its be-verb
INVERTED = re.compile(rf"\b(?P<trig>{_TRIGGER})\s+(?:were|was|are|is|include|included)\s*$",
                      re.IGNORECASE)
#: "among the casualties, at least 10 were civilians": a part of the toll named before
AMONG_LEFT = re.compile(rf"\bamong\s+(?:the|those|these)\s+(?P<trig>{_TRIGGER})\s*,?\s*$",
                        re.IGNORECASE)
AMONG_RIGHT = re.compile(rf"^\s+(?:were|was|are|is)\s+(?:\w+\s+)?(?:{_PEOPLE_ALT})\b",
                         re.IGNORECASE)
#: "VERB ..., as well as N people": the last object verb before it in the sentence
AS_WELL_AS = re.compile(r",?\s*\bas\s+well\s+as\s*$", re.IGNORECASE)
BE_BEFORE = re.compile(r"\b(?:were|was|been|be|are|is|being)\s+$", re.IGNORECASE)
ANY_OBJECT_VERB = re.compile(rf"\b(?P<trig>{_alt(list(_ACTIVE_STATUS))})\b", re.IGNORECASE)
#: "Killed: 12", "Dead: 5; injured: 17", "Wounded – 40": a list's or table's label
LABEL = folded(rf"\b(?P<trig>{_TRIGGER})\s*(?::|[–—]\s)\s*$")
OBJECT_NP = re.compile(rf"^(?P<np>(?:\s+(?:of\s+)?{_NP_WORD}){{0,4}}?)(?=\s*$|\s*[,.;:)”\"]|\s+"
                       rf"(?:{_alt(NP_STOP)})\b)", re.IGNORECASE)
#: A figure's words name people: the people tables, or a capitalised plural of a
#: nationality ("Armenians", "Syrians", "Azerbaijanis").
PEOPLE_NP = re.compile(rf"(?i:\b(?:{_alt(MILITARY + CIVILIAN + PEOPLE_WORDS)})\b)|"
                       rf"\b(?:{UPPER}{LOWER}+(?:ans|is|ese)|Turks|Kurds)\b")
_LIVES = re.compile(r"^\s+(?:\w+\s+)?lives\b", re.IGNORECASE)
_TOLL_VERB = _alt(TOLL_VERBS)
TOLL = folded(
    rf"\b(?P<trig>{_alt(list(_TOLL_STATUS))})\b(?P<mid>(?:(?!\b(?:number|total|figure)\s)[^,.;])"
    rf"{{0,40}}?)\s*(?:\b(?:{_TOLL_VERB})|:)\s*$")
#: what a far toll phrase's words may not hold: another count ("the death toll is unknown
#: and the number of evacuees reached 3,000"), a toll road
_FAR_MID = r"(?:(?!\b(?:number|total|figure|count|road|roads)\b)[^.;:\d])"
TOLL_FAR = re.compile(
    rf"\b(?P<trig>{_alt(TOLL_NOUNS)})\b(?P<mid>{_FAR_MID}{{0,135}}?)\s+(?:{_alt(TOLL_REACH)})"
    r"\s*[“\"‘]?\s*$", re.IGNORECASE)
TOLL_HEADLINE = re.compile(rf"\b(?P<trig>{_alt(TOLL_NOUNS)})\b(?P<mid>{_FAR_MID}{{0,80}}?)\s*$",
                           re.IGNORECASE)
#: the end of a clause right after a headline's toll figure
TOLL_HEADLINE_END = re.compile(r"\s*(?:[.,;:!?”\"]|$)")
_THE_NUMBER_WORD = re.compile(r"(?i:number|figure|toll)")
THE_NUMBER_LEFT = re.compile(
    rf"\b(?:{_alt(THE_NUMBER)})(?:\s+(?:now|then|already|so\s+far|\w+ly))?\s+"
    rf"(?:(?:was|is|had|has|stood|stands|to\s+be|at|put\s+at|reached|would\s+be|will\s+be|"
    # "insists on the number of 4,750", "their number has grown to 1,221"
    rf"of|grown\s+to|grew\s+to|risen\s+to|rose\s+to|increased\s+to|climbed\s+to)\s*)+"
    r"[“\"‘]?\s*$", re.IGNORECASE)
#: "the number of refugees has reached", "the total number of its servicemen killed ...
#: had increased by": what the trigger counts.
NUMBER_OF_TOLL = re.compile(
    rf"\b(?:{_alt(NUMBER_OF)})\s+(?:(?:the|those|its|their|our)\s+)?(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?P<trig>{_ANY_TRIGGER})\b(?P<mid>[^,.;]{{0,60}}?)\s*\b(?:{_TOLL_VERB})\s*$",
    re.IGNORECASE,
)
#: "the remains of 15 servicemen": killed ("remains" is no trigger of its own: "12 remain
#: missing").
REMAINS_OF = re.compile(r"(?:^|[:–—]\s*|\b(?:the|mortal|human|their|his|her)\s+)"
                        r"(?:remains|bodies)\s+of(?:\s+(?:the|another|a\s+further|a\s+total"
                        r"\s+of))?\s*$", re.IGNORECASE)
#: "the fate of 120 soldiers remains unknown": missing.
FATE_OF = re.compile(rf"\b(?:fate|whereabouts|location)\s+of"
                     rf"(?:\s+(?:the|{_alt(QUALIFIER_FILLERS)}))?\s*$", re.IGNORECASE)
#: "communication with 24 servicemen was lost", "lost contact with 5 soldiers": missing.
CONTACT_LEFT = re.compile(
    r"\b(?:(?P<lost>(?:lost|losing|loses)\s+(?:contact|communication|touch|connection)|"
    r"(?:contact|communication|connection)\s+(?:(?:is|was|has\s+been|have\s+been|had\s+been)"
    r"\s+)?lost)|contact|communication|connection)\s+with\s*$", re.IGNORECASE)
_CONTACT_WORDS = 6  # "contact has been lost with", the longest CONTACT_LEFT match
CONTACT_RIGHT = re.compile(r"^[^,;.]{0,40}?\b(?:is|was|has\s+been|have\s+been|had\s+been)\s+"
                           r"lost\b", re.IGNORECASE)
FATE_UNKNOWN = re.compile(r"\b(?:unknown|unclear|not\s+known|uncertain|undetermined)\b",
                          re.IGNORECASE)
#: "bringing the total to 710": a total of whatever the sentence's previous figure counts.
TOTAL_TO = re.compile(r"\b(?:the|a|its|their)\s+(?:overall\s+|new\s+)?total\s+(?:\w+\s+){0,2}?"
                      r"(?:to|at|of)\s*$", re.IGNORECASE)
NOUN_OF = folded(
    rf"\b(?P<trig>{_TRIGGER})(?:\s+and\s+(?P<trig2>{_TRIGGER}))?\s+of\s*$")
QUALIFIER = folded(rf"\b(?P<q>{_alt(list(_QUALIFIER))})(?:\s+(?:{_alt(QUALIFIER_FILLERS)}))?"
                   r"\s*$")
INCREMENT_LEFT = re.compile(rf"\b(?:{_alt(INCREMENT_BEFORE)})\s*$", re.IGNORECASE)
#: The most words a match of QUALIFIER, OBJECT, INCREMENT_LEFT has (see search_at_end).
_FILLER_WORDS = max(len(w.split()) for w in QUALIFIER_FILLERS)
#: "TRIGGER [and TRIGGER] of": trigger phrases are words of letters (a test checks it)
_NOUN_OF_WORDS = 2 * max(len(w.split()) for ws in STATUS_TRIGGERS.values() for w in ws) + 2
_QUALIFIER_WORDS = max(len(w.split()) for w in _QUALIFIER) + _FILLER_WORDS
_ACTIVE_WORDS = max(len(w.split()) for w in _ACTIVE_STATUS) + max(
    len(w.split()) for w in QUALIFIER_FILLERS + OBJECT_DETERMINERS)
_INCREMENT_WORDS = max(len(w.split()) for w in INCREMENT_BEFORE)
INCREMENT_RIGHT = re.compile(rf"^\s+(?:{_alt(INCREMENT_AFTER)})\b", re.IGNORECASE)
UP_FROM = re.compile(r"\bup\s*$", re.IGNORECASE)
UP_FROM_RIGHT = re.compile(r"^\s+(?:from|since|on|over)\b", re.IGNORECASE)
CLAUSE_END = re.compile(r"[,;:(]|\s[–—]\s|[.!?](?:\s|$)")
# the tables' patterns, compiled once
_TOTAL = folded(TOTAL_MARKERS)
_INCIDENT = folded(INCIDENT_MARKERS)
_PERFECT = re.compile(PERFECT)
_YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")
_PEOPLE = re.compile(r"\b(?:people|persons)\b")
_TOLL_NOUNS = re.compile(r"\b(?:deaths|casualties|losses|fatalities)\b")
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|while|with)?\s*")
_ASIDE_MARK = re.compile(r"[(,–—]")
#: "Azerbaijan has reported 25 civilian deaths, Armenia 21": a second party, its figure
#: and the first one's verb left out.
GAPPED = re.compile(r",\s+(?:and\s+)?(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,3}")
#: ... the second party with a verb of stating and a bare figure: ", Armenia declares 105"
GAPPED_SAYS = re.compile(r"(?:\s+[\w’'-]+){0,2},\s+(?:and\s+|while\s+)?(?:the\s+)?"
                         r"(?:[A-Z][\w’'-]+\s+){1,3}(?:says|said|reports|reported|declares|"
                         r"declared|claims|claimed|counts|counted|gives|gave|lists|listed|"
                         r"announces|announced|confirms|confirmed)\s+(?:only\s+)?")
#: what may follow such a figure: the clause's end or when it was counted from
SAYS_END = re.compile(r"\s*(?:[.,;:!?)”\"]|$|\s+(?:since|so\s+far|as\s+of|until|to\s+date|"
                      r"in\s+total)\b)", re.IGNORECASE)
_GENERIC = {w.lower() for w in GENERIC_TRIGGERS}
#: "(7 people)": one part of a toll broken down by place or group
PAREN_PEOPLE = re.compile(rf"(?:\s+(?:{_alt((*DISPLACED_PEOPLE, 'person'))}))?\s*\)",
                          re.IGNORECASE)
SIDE_RIGHT = re.compile(rf"^\s+(?:{_alt(EACH_SIDE)})\b", re.IGNORECASE)
#: any casualty word (the status of a figure that only names its side)
_STATUS_WORD = re.compile(rf"\b(?P<trig>{_TRIGGER})\b", re.IGNORECASE)
AUX_TRIGGER = re.compile(rf"(?:,?\s+(?:{_alt(AUXILIARIES)}|\w+ly))+\s+(?P<trig>{_TRIGGER})\b",
                         re.IGNORECASE)
#: "four of the wounded [soldiers] later died": a part of one group, and what befell it
PARTITIVE = re.compile(r"\bof\s+(?:the|those|these)\s*$", re.IGNORECASE)
PARTITIVE_THEN = re.compile(rf"(?:\s+{_NP_WORD}){{0,2}}?(?:,\s[^,;]{{1,60}}?(?=,)){{0,2}}"
                            rf"(?:,?\s+(?:{_alt(AUXILIARIES)}|\w+ly))*"
                            rf",?\s+(?P<trig>{_TRIGGER})\b", re.IGNORECASE)
#: "30 families of the missing", "12 relatives of the dead": the figure counts the group
#: the noun names, not the missing or the dead (unless a verb after says what befell it)
OF_A_GROUP = re.compile(r"\b(?!of\b)[\w’'-]+\s+of\s+(?:the|those)\s*$", re.IGNORECASE)
#: Captives whose fate a verb after tells: "two detainees died in captivity", "the 3
#: hostages who were executed" are killed.
_CAPTIVES = {w.lower() for w in STATUS_TRIGGERS["captured"] if w.endswith("s")}
CAPTIVES_THEN = re.compile(
    rf"(?:,?\s+(?:{_alt(AUXILIARIES)}|\w+ly))*\s+[“\"]?(?P<trig>killed|died|executed|murdered|"
    r"perished|shot\s+dead|slain|lost\s+their\s+lives|tortured\s+to\s+death)\b", re.IGNORECASE)
DISPLACED_NP = re.compile(rf"(?i:\b(?:{_alt(DISPLACED_PEOPLE)})\b)|"
                          rf"\b(?:{UPPER}{LOWER}+(?:ans|is|ese)|Turks|Kurds)\b")
#: a release word followed by its object is an active verb of someone else's
HAS_OBJECT = re.compile(r"\s+(?:a|an|the|their|his|her|its|our|this|these|those|talks|"
                        r"meetings?|statements?)\b", re.IGNORECASE)
#: soldiers named (not "military" or "army" before a thing: "destroyed 4 military depots")
_MILITARY_NP = re.compile(rf"\b(?:{_alt([w for w in MILITARY if w not in ('military', 'army')])})"
                          r"\b", re.IGNORECASE)
#: "300 children could die this winter": a death that may come is no figure
MODAL_END = re.compile(r"\b(?:could|may|might|must|would|will|can|to|not)\s*$", re.IGNORECASE)
#: "no one", "any one", "every one": nobody, not one person
NOBODY_LEFT = re.compile(r"\b(?:no|any|every|each|not\s+a\s+single)[\s-]+$", re.IGNORECASE)
#: "X is one of 30,000 people who ...": the one is a person the figure after it counts
ONE_OF_LEFT = re.compile(r"\b(?:is|was|are|were|be|been|being|became|becomes|as)\s+$",
                         re.IGNORECASE)
#: a casualty verb whose object is nobody: "the blast in Sector 7 injured no one"
NO_ONE = re.compile(r"\s+(?:no\s+one|nobody|none|no-one|no\s+people)\b", re.IGNORECASE)
#: "the manpower of up to 25 people was destroyed": soldiers
MANPOWER = re.compile(r"\bmanpower\s+of\s*$", re.IGNORECASE)
#: a place's name next: "entered Armenia", "entered the Syunik province"
PLACE_NEXT = re.compile(rf"\s+(?:the\s+)?{UPPER}")
#: where people flee: "flee to Armenia", "flee their homes", "flee the region" (not "Two men
#: flee as a building burns")
FLEE_NEXT = re.compile(rf"\s+(?:(?:to|into|from|across|towards?|their\s+(?:homes?|homeland)|"
                       rf"the\s+(?:region|country|area|enclave|territory|fighting|violence|war))"
                       rf"\b|(?:the\s+)?{UPPER})")  # a place's name: "flee Nagorno-Karabakh"
#: where people who "left" went: a place, a region, their homes, or the clause ends
LEFT_NEXT = re.compile(
    rf"\s+(?:(?:the|their|his|her)\s+(?:[\w’'-]+\s+){{0,2}}?(?:region|enclave|area|territory|"
    rf"country|homeland|homes?|villages?|city|town|republic|province|district)\b|"
    rf"(?:for\s+)?(?:the\s+)?{UPPER})")
#: ... or, after a perfect, the sentence ends: "28,000 have now left."
LEFT_END = re.compile(r"\s*(?:[.;!?”\"]|$)")
_HAVE_AUX = re.compile(r"\b(?:have|has|had)\b", re.IGNORECASE)
#: treatment for something that is no wound: "undergoing treatment for cancer"
ILLNESS_NEXT = re.compile(r"\s+for\s+(?!(?:\w+\s+){0,2}(?:injur|wound|burn|shrapnel|gunshot|"
                          r"their|his|her))\w", re.IGNORECASE)
#: Status words written as capitals only: "12 KIA" (not "12 Kia sedans").
ABBREVIATIONS = ("kia", "wia", "mia")
#: "shot down", "shot at": no wound told
SHOT_NOT = re.compile(r"\s+(?:down|at|up|through|with\s+(?:a\s+)?camera)\b", re.IGNORECASE)
BE_AUX = re.compile(r"\b(?:are|is|was|were|be|been|being)\b", re.IGNORECASE)
#: A figure's words that point back at people named before: "105 of them", "29 of those"
OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\s*", re.IGNORECASE)
_NP_LINK = re.compile(rf"\b(?:{_alt(SUBJECT_NP_LINKS)})\b", re.IGNORECASE)
CLAUSE_END_RIGHT = re.compile(r"\s*(?:[.;]|$)")
PARTICLE_VERB = re.compile(rf"\b(?:{_alt(PARTICLE_VERBS)})\s+$", re.IGNORECASE)
LIST_END = re.compile(r"\s*(?:,|\s+and)\s*$")
#: "increased by 35 to 1,000", "up 17 to 542", "from 5 to 12": not a range
#: Between a toll and the toll it grew from: "has grown to 21 from the previous 19".
FROM_EARLIER = re.compile(r"\s+(?:up\s+)?from\s+(?:the\s+|an?\s+)?(?:previous(?:ly\s+reported)?\s+|"
                          r"earlier\s+|initial\s+)?", re.IGNORECASE)
EARLIER_END = re.compile(r"\s*(?:[.,;:!?)”\"]|$|\s+(?:on|in|a|an|the|earlier|last|"
                         r"yesterday|reported|announced|given|a\s+day)\b)", re.IGNORECASE)
GROWTH_LEFT = re.compile(r"\b(?:by|up|from)\s+$", re.IGNORECASE)
#: A change before "from N to M" ("rose from 5 to 12"); without one it is a range.
CHANGE_BEFORE = re.compile(r"\b(?:rose|risen|rise|rises|rising|increased|increases|increasing|"
                           r"grew|grown|grows|climbed|climbs|jumped|jumps|up|soared|surged|"
                           r"raised|raising|revised|went|gone|changed|fell|dropped)\b[^.;]{0,30}$",
                           re.IGNORECASE)
RANGE_JOIN = re.compile(r"\s+to\s+|\s*[–—]\s*|(?<=\d)-(?=\d)", re.IGNORECASE)

_UNITS = (
    "years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet(?:er|re)s?|miles?|"
    "met(?:er|re)s?|feet|foot|tonnes?|tons?|kg|kilograms?|times|fold|percent|per\\s+cent|"
    "points?|degrees?|o'clock|a\\.m\\.|p\\.m\\.|am|pm|hectares?|acres?|square|barrels?|"
    "dollars?|euros?|francs?|rubles?|roubles?|manats?|drams?|rials?|pounds?|liras?|"
    "settlements?|villages?|cases(?!\\s+of\\s)|aircraft|tanks?|drones?|cities|towns"
)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
          r"Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
EXCLUDE_RIGHT = re.compile(
    rf"^(?:\s*(?:{_UNITS})(?!\w)|\s*(?:Swiss\s+|U\.S\.\s+)?(?:francs|dollars)\b|[-–]{LETTER}|\+|"
    r":\d\d(?!\d)|"  # a time of day: "at 9:19 p.m."
    rf"\s*%|(?:st|nd|rd|th)\b|\s+{_MONTH}(?!\w)|,\s*(?:19|20)\d\d|\.\d|\s*\)\s*$)",
    re.IGNORECASE,
)
EXCLUDE_LEFT = re.compile(
    rf"(?:{LETTER}[-–]|\+|[$€£₽]\s?|\b{_MONTH}\s|\bNo\.\s|\d[-–/]|#)$"
)
#: (but "31 cases of injuries" counts people)
THING_NEXT = re.compile(
    rf"(?:\s+(?!(?:{_ANY_TRIGGER}|{_PEOPLE_ALT})\b){_NP_WORD}){{0,2}}?\s+(?:{_alt(THINGS)})\b"
    rf"(?!\s+of\s+(?:{_TRIGGER})\b)", re.IGNORECASE)
#: "a population of about 55,000" (a verb is no qualifier here: "the number of injured among
#: the civilian population exceeds 40 persons" is a figure)
_NOUN_QUALIFIERS = [q for q in _QUALIFIER if q not in VERB_QUALIFIERS]
NOT_A_FIGURE_LEFT = re.compile(
    rf"\b(?:{_alt(NOT_A_FIGURE_BEFORE)})(?:\s+(?:{_alt(_NOUN_QUALIFIERS)}))?\s+$",
    re.IGNORECASE)
#: A law's wording in brackets after its article: "Article 120.2.4 of the Criminal Code
#: (premeditated murder of two or more persons)", "116.0.6 (...), 120.2.7 (intentional
#: killing of two or more people)".
LAW_LEFT = re.compile(r"(?:\b(?i:articles?)\s+\d+[^()]{0,60}?|\d+\.\d+(?:\.\d+)*\s*)"
                      r"\([^()]{0,120}$")
#: Ages before a number, a list or range of them: "aged 31 and 20", "aged between 18 and 65".
AGES_LEFT = re.compile(r"\b(?:aged|ages)\s+(?:between\s+|from\s+)?(?:\d+(?:\s*,\s*|\s+(?:and|or|to)"
                       r"\s+))*$", re.IGNORECASE)
#: (an aside may follow the first figure's words: "12 soldiers, including a general, and 4
#: ...", "12 soldiers (two officers) and 4 ...")
COORDINATED_GAP = re.compile(
    rf"(?:\s+of\s+(?:its|their|the))?(?:\s+{_NP_WORD}){{0,7}}(?:\s+(?:{_alt(EACH_SIDE)}))?"
    rf"(?:\s*,\s+(?:including|among\s+them)"
    r"\s[^,;\d]{0,60},|\s*\([^()\d]{0,60}\))?\s*,?\s+and\s*")
#: two figures joined by "and" alone: "at least 30 soldiers and 3 civilians" (one qualifier)
AND_GAP = re.compile(rf"(?:\s+{_NP_WORD}){{0,3}}\s+and\s+")
LIST_GAP = re.compile(rf"(?:\s+of\s+(?:its|their|the))?(?:\s+{_NP_WORD}){{0,5}}\s*,\s*")
OBJECT_LIST_GAP = re.compile(rf"(?:\s+(?:of\s+)?{_NP_WORD}){{0,4}}\s*(?:,?\s*(?:as\s+well\s+as|"
                             r"along\s+with|plus)\s+|,\s*(?:and\s+)?|\s+and\s+)")
PERSON_NEXT = re.compile(rf"^\s+(?:\w+\s+)?(?:{_alt(MILITARY + CIVILIAN)}|people|persons)\b",
                         re.IGNORECASE)


@dataclass
class _Figure:
    number: Number
    q_start: int
    qualifier: str
    status: list[str]
    rule: str
    np: str  # words between the figure and its trigger (or after an object figure)
    tail: str  # the rest of the clause after the trigger
    trig_end: int

    @property
    def phrase(self) -> str:
        return f"{self.np} {self.tail}"


# --------------------------------------------------------------------------- parts


#: How far left of a number the rules look (the longest left pattern, "the number of
#: [three words] TRIGGER [60 characters] VERB", needs about 130); bounding it keeps every
#: search short.
LEFT_WINDOW = 150
#: The longest clause a figure is read in (characters before it).
CLAUSE_WINDOW = 300


def _key(words: str) -> str:
    """A matched trigger or qualifier as its table entry: lower case, single spaces;
    captivity with an adjective as the plain phrase ("in Azerbaijani captivity" is "in
    captivity")."""
    key = " ".join(fold_key(words).split())
    if key.endswith("captivity") and key not in _TRIGGER_STATUS:
        return "in captivity" if _CAPTIVITY_KEY.match(key) else "returned from captivity"
    return key


def _qualifier(sentence: str, pos: int) -> tuple[int, str]:
    """Where the figure starts (its qualifier, if any) and the qualifier."""
    base = max(0, pos - LEFT_WINDOW)
    if pos and sentence[pos - 1] in "~≈":  # "Evacuate ~5,000 Civilians"
        return pos - 1, "about"
    if "+" in sentence[pos : pos + 16] and PLUS_AFTER.match(sentence, pos):  # "200+ soldiers"
        return pos, "at_least"
    match = search_at_end(QUALIFIER, sentence, base, pos, _QUALIFIER_WORDS)
    if not match or (_key(match.group("q")) == "over" and PARTICLE_VERB.search(
            sentence, max(0, match.start() - 12), match.start())):  # "handed over 10"
        # (only the particle: "took some 300 people prisoner" keeps its qualifier)
        return pos, "exact"
    return match.start(), _QUALIFIER[_key(match.group("q"))]


#: The first letters of the month names :data:`EXCLUDE_LEFT` reads before a number.
_MONTH_CAPITALS = frozenset("JFMASOND")


def _excluded_left(sentence: str, base: int, pos: int) -> bool:
    """``EXCLUDE_LEFT`` matches ``sentence[base:pos]``: its last 16 characters are enough
    unless they are all letters (a month name longer than that, "Septemberish ")."""
    left = sentence[base:pos]
    if left[-1:] == " " and left[-2:-1].islower():  # "killed 12": only a month's name
        word = left[left.rfind(" ", 0, len(left) - 1) + 1 : -1]  # (its capital) can end it
        if _MONTH_CAPITALS.isdisjoint(word):
            return False
    start = max(0, len(left) - 16)
    if start and left[start:-2].isalpha():
        start = 0
    return EXCLUDE_LEFT.search(left, start) is not None


#: A number written with a plus after it: "200+", "1,000+".
PLUS_AFTER = re.compile(r"[\d,.]+\+(?!\w)")
#: No war's casualty figure reaches a billion: such a number is money or a population.
MAX_FIGURE = 1_000_000_000


def _excluded(sentence: str, n: Number) -> bool:
    """True for a number that is no casualty figure: a measure, date, age, thing,
    population or amount of money."""
    right = sentence[n.end :]
    if _excluded_left(sentence, max(0, n.start - LEFT_WINDOW), n.start) or \
            EXCLUDE_RIGHT.match(right):
        return True
    if n.value >= MAX_FIGURE:
        return True
    raw = sentence[n.start : n.end]
    if raw.lower() == "one" and NOBODY_LEFT.search(sentence, max(0, n.start - 12), n.start):
        return True  # "no one was hurt"
    if raw.lower() == "one" and right.startswith(" of ") and ONE_OF_LEFT.search(
            sentence, max(0, n.start - 12), n.start):
        return True  # "she is one of 30,000 who fled": a person of the figure after it
    is_year = _YEAR_ONLY.fullmatch(raw) is not None
    return is_year and not PERSON_NEXT.match(right)


@last_two
def _clause_ends(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of :data:`CLAUSE_END`'s matches in the whole of ``text`` (a figure's
    clause and tails are read several times in its sentence, which is scanned once)."""
    starts, ends = [], []
    for m in CLAUSE_END.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _next_clause_end(sentence: str, pos: int) -> int:
    """Where ``CLAUSE_END.search(sentence, pos)`` matches (``len(sentence)`` when it does
    not), read from the sentence's clause ends: the first one starting at ``pos`` or
    after, unless the one before runs past ``pos`` (then it is searched)."""
    starts, ends = _clause_ends(sentence)
    i = bisect.bisect_left(starts, pos)
    if i and ends[i - 1] > pos:
        match = CLAUSE_END.search(sentence, pos)
        return match.start() if match else len(sentence)
    return starts[i] if i < len(starts) else len(sentence)


def _clause_tail(sentence: str, pos: int) -> str:
    return sentence[pos : _next_clause_end(sentence, pos)]


def _names_people(np_text: str, them: Callable[[], bool], pattern: re.Pattern = PEOPLE_NP
                  ) -> bool:
    """A figure's words name people, or are "of them" / "of those" and ``them()`` says
    the text before names people ("122 prisoners of war ... 105 of them have been
    repatriated")."""
    return pattern.search(np_text) is not None or (
        OF_THEM.fullmatch(np_text) is not None and them())


def _object_counts(verb: str, np_text: str, right: str, them: Callable[[], bool]) -> bool:
    """An object figure of ``verb`` counts: any object for a plain verb, people for
    "lost"/"freed", lives for "claimed"/"cost" ("claimed 20,000 lives")."""
    if verb in AWAY_VERBS:  # "forced 40,000 villagers from their homes"
        return (not np_text.strip() or DISPLACED_NP.search(np_text) is not None) and \
            AWAY_AFTER.search(right, 0, len(np_text) + 40) is not None
    if verb in _NEEDS_LIVES:
        return _LIVES.match(right) is not None
    if verb in ("treating", "treated"):  # "treating 290 patients", not "treated 40 people"
        return PATIENT_NP.search(np_text) is not None
    if verb in MILITARY_TRIGGERS:  # "eliminated 200 soldiers", not "destroyed 5 houses"
        return _MILITARY_NP.search(np_text) is not None
    if verb in _NEEDS_PEOPLE:
        if verb in LOSS_VERBS and not np_text.strip() and BARE_END.match(right):
            return them()  # "49 soldiers had been killed. Azerbaijan said it had lost 50."
        return _names_people(np_text, them)
    return True


def _subject_counts(trigger: str, np_text: str, them: Callable[[], bool]) -> bool:
    """A subject figure of ``trigger`` counts: always for a casualty word; for a movement
    or release ("crossed into", "released") only when its words are empty or name
    people, and never military ones for a movement ("500 troops arrived in")."""
    link = _NP_LINK.search(np_text)  # "192 soldiers from the army", not "48 samples from"
    if link and not PEOPLE_NP.search(np_text, 0, link.start()):
        return False
    if trigger not in _PEOPLE_TRIGGER:
        return True
    if not np_text.strip():  # "26,000 have left the region"; not "3 were destroyed"
        return _TRIGGER_STATUS[trigger] != "killed"
    if _TRIGGER_STATUS[trigger] == "displaced":  # residents move; troops, reporters deploy
        return _names_people(np_text, them, DISPLACED_NP)
    return _names_people(np_text, them)


#: A dash aside open before a figure, and its close after the figure's words.
DASH_OPEN = re.compile(r"\s[–—]\s[^–—]{0,80}$")
DASH_CLOSE = re.compile(rf"^(?P<np>(?:\s+{_SUBJECT_NP_WORD}){{1,7}}?)\s+[–—](?=\s)",
                        re.IGNORECASE)


def _inside_dashes(left: str, sentence: str, pos: int
                   ) -> tuple[list[str], str, str, str, int] | None:
    """A figure of people inside a dash aside whose verb follows the aside: "those present
    in the house – Mr X and 4 members of his family – were killed" (rule ``subject``)."""
    if not DASH_OPEN.search(left):
        return None
    right = sentence[pos:]
    close = DASH_CLOSE.match(right)
    if not close or not PEOPLE_NP.search(close.group("np")):
        return None
    subj = SUBJECT.match(right[close.end() :])
    if not subj or subj.group("np") or subj.group("aside"):
        return None
    trigger = _key(subj.group("trig"))
    if trigger in _PEOPLE_TRIGGER:
        return None
    end = pos + close.end() + subj.end()
    return ([_TRIGGER_STATUS[trigger]], "subject", f"{close.group('np')} {subj.group('trig')}",
            _clause_tail(sentence, end), end)


#: A part after the whole it is counted from: "Of the 68 bodies, only 21 ...".
OF_THE_WHOLE = re.compile(rf"(?:^|[.;:]\s*|\b)(?:of|out\s+of|among)\s+(?:the|these|those)\s+"
                          rf"[\d,.]+\s+(?:[\w’'-]+\s+){{0,2}}?(?P<trig>{_TRIGGER}),\s*"
                          r"(?:only|just|some|so\s+far)?\s*$", re.IGNORECASE)
#: People to be identified, and the words telling they are the dead: their remains, DNA.
IDENTIFY_LEFT = re.compile(r"\b(?:identification\s+of|identify(?:ing)?|identities\s+of|"
                           r"identity\s+of)(?:\s+(?:the|another|a\s+further))?\s*$", re.IGNORECASE)
THE_DEAD_WORDS = re.compile(r"\b(?:remains|bodies|body|DNA|genetic|forensic|burials?|buried|"
                            r"exhum\w*|martyrs?|graves?|dead)\b", re.IGNORECASE)


def _identified_dead(left: str, right: str, sentence: str, before: Callable[[], str]) -> bool:
    """People to be identified ("the identification of more than 60 persons", "to identify
    103 servicemen") when the sentence or the three before speak of remains, DNA, burials:
    the dead."""
    if not IDENTIFY_LEFT.search(left):
        return False
    np = OBJECT_NP.match(right)
    return np is not None and PEOPLE_NP.search(np.group("np")) is not None and (
        THE_DEAD_WORDS.search(sentence) is not None or
        THE_DEAD_WORDS.search(before()) is not None)


def _left_somewhere(subj: re.Match, right: str) -> bool:
    """People who "left" left a place: one follows ("left the mountainous region", "left
    for Armenia"), or, after a perfect, the sentence ends ("28,000 have now left."); never
    after a be-verb ("only 50 people are left")."""
    aux = subj.group("aux")
    if BE_AUX.search(aux):
        return False
    return LEFT_NEXT.match(right, subj.end()) is not None or (
        _HAVE_AUX.search(aux) is not None and LEFT_END.match(right, subj.end()) is not None)


#: Words telling that people who returned were captives, or were refugees.
CAPTIVITY_WORDS = re.compile(r"\b(?:captiv\w*|prisoners?|POWs?|hostages?|detainees?|detention|"
                             r"exchange[ds]?(?!\s+(?:of\s+)?(?:fire|gunfire|blows|views))|"
                             r"swap(?:ped)?|released|repatriat\w*)\b", re.IGNORECASE)
#: Where soldiers and workers return to that says nobody was held: "to their base"
BACK_TO_POST = re.compile(r"\s+(?:to\s+)?(?:their|its|his|her|the)\s+(?:bases?|positions?|duty|"
                          r"units?|barracks|posts?|work|offices?|schools?|jobs?)\b", re.IGNORECASE)
REFUGEE_WORDS = re.compile(r"\b(?:refugees?|displaced|evacuees?|IDPs?|migrants|fled|exodus)\b",
                           re.IGNORECASE)


def _returned_as(sentence: str, np_text: str, before: Callable[[], str]) -> str:
    """The status of people who returned: ``captured`` when the sentence (else the three
    before it) speaks of captivity, ``displaced`` when it speaks of refugees and the people
    are residents, else "" (no figure)."""
    for text in (sentence, before()):
        if CAPTIVITY_WORDS.search(text):
            return "captured"
        if REFUGEE_WORDS.search(text):
            residents = not np_text.strip() or DISPLACED_NP.search(np_text) is not None
            return "displaced" if residents else ""
    return ""


def _release_read_otherwise(left: str, right: str, subj: re.Match, trigger: str) -> bool:
    """A release word that says no release of the figure: followed by its object ("the
    two men released a statement"), or after a casualty noun ("the bodies of 23
    soldiers were handed over" are killed)."""
    if trigger not in _RELEASE_TRIGGER or trigger in ("returned to", "returning to"):
        return False
    return HAS_OBJECT.match(right, subj.end()) is not None or search_at_end(
        NOUN_OF, left, 0, len(left), _NOUN_OF_WORDS) is not None


def _result_object(left: str, right: str) -> tuple[str, str, int] | None:
    """``(status, object words, end after the result)`` of a figure that is the object of
    a verb giving it a result ("left 7 people dead", "took 40 men prisoner"; not "left 3
    buildings damaged", "took 40 minutes"): words without a number or a stop before the
    result (things counted are dropped later, as for every rule: "4 tanks")."""
    if not parts.RESULT_VERB.search(left, max(0, len(left) - 24)):
        return None
    after = parts.RESULT_AFTER.match(right)
    if not after:
        return None
    return parts.RESULT_STATUS[parts.key(after.group("res"))], after.group("np"), after.end()


def _nominal(left: str, right: str) -> str:
    """The status of a figure after a status noun ("the massacre of 300 villagers",
    "an exodus of 100,000 people", "injuries to 14 people"), or ""; a noun of
    :data:`figure_parts.NOMINALS_OF_PEOPLE` only with people named ("the loss of 1,200
    soldiers", not "the loss of 12 tanks")."""
    found = search_at_end(parts.NOMINAL, left, 0, len(left), parts.NOMINAL_WORDS)
    if not found:
        return ""
    noun = parts.key(found.group("noun"))
    if noun in parts.NOMINALS_OF_PEOPLE:
        np = OBJECT_NP.match(right)
        if not (np and PEOPLE_NP.search(np.group("np"))):
            return ""
    return parts.NOMINAL_STATUS[noun]


def _read_status(
    sentence: str, n: Number, q_start: int, them: Callable[[], bool] = lambda: False,
    before: Callable[[], str] = lambda: "",
) -> tuple[list[str], str, str, str, int]:
    """Return (statuses, rule, noun phrase, clause tail, end of trigger) for ``n``;
    ``them()``: the text before names people (for "105 of them were repatriated");
    ``before()``: the three sentences before (what a return is a return from)."""
    base = max(0, q_start - LEFT_WINDOW)
    left, right = sentence[base:q_start], sentence[n.end :]
    result = _result_object(left, right)
    if result:  # "The attack left 7 people dead", "Troops took 40 men prisoner"
        status, np_text, end = result
        return [status], "object", np_text, _clause_tail(sentence, n.end + end), n.end + end
    obj = search_at_end(OBJECT, left, 0, len(left), _ACTIVE_WORDS) or (
        left.endswith(", ") and OBJECT_ASIDE.search(left))
    if obj:
        np = OBJECT_NP.match(right)
        np_text = np.group("np") if np else ""
        verb = _key(obj.group("trig"))
        if _object_counts(verb, np_text, right, them):
            tail = _clause_tail(sentence, n.end + len(np_text))
            status = "wounded" if verb in CARE_VERBS and PATIENT_NP.search(np_text) else \
                _ACTIVE_STATUS[verb]  # "evacuated 96 patients": the wounded
            return [status], "object", np_text, tail, n.end + len(np_text)
    subj = SUBJECT.match(right)
    trigger = _key(subj.group("trig")) if subj else ""
    if subj and _subject_counts(trigger, subj.group("np"), them) and not \
            _release_read_otherwise(left, right, subj, trigger) and not (
                trigger in PLACE_TRIGGERS and not (FLEE_NEXT if trigger.startswith("flee") else
                                                   PLACE_NEXT).match(right, subj.end())) and not (
                trigger in LEFT_TRIGGERS and not _left_somewhere(subj, right)) and not (
                " of " in subj.group("np") and OF_A_GROUP.search(subj.group("np")) and not
                PARTITIVE_THEN.match(
                    sentence, n.end + subj.end())) and not (
                "treatment" in trigger and ILLNESS_NEXT.match(right, subj.end())) and not (
                trigger == "shot" and SHOT_NOT.match(right, subj.end())) and not (
                trigger in ABBREVIATIONS and not subj.group("trig").isupper()) and not (
                trigger in MILITARY_TRIGGERS and not _MILITARY_NP.search(subj.group("np"))
                and not MANPOWER.search(left)) and not NO_ONE.match(right, subj.end()) and not (
                trigger in ("die", "dies") and MODAL_END.search(subj.group("aux"))) and not (
                trigger in RETURN_TRIGGERS and (BACK_TO_POST.match(right, subj.end()) or not
                                                _returned_as(sentence, subj.group("np"), before))):
        status = _TRIGGER_STATUS[trigger]
        if trigger in RETURN_TRIGGERS:
            status = _returned_as(sentence, subj.group("np"), before)
        if status == "captured" and "re" in left and REMAINS_OF.search(left):
            status = "killed"  # "the remains of 230 servicemen have been handed over"
        end = n.end + subj.end()
        then = (trigger in _GENERIC and AUX_TRIGGER.match(sentence, end)) or (
            PARTITIVE.search(subj.group("np")) and PARTITIVE_THEN.match(sentence, end)) or (
            trigger in _CAPTIVES and CAPTIVES_THEN.match(sentence, end))
        if then:  # "24 victims were injured": wounded; "4 of the wounded later died": killed
            status, end = _TRIGGER_STATUS[_key(then.group("trig"))], then.end()
        tail = _clause_tail(sentence, end)
        np_text = " ".join(g for g in subj.group("np", "sides", "np2") if g)
        return [status], "subject", f"{np_text} {subj.group('trig')}", tail, end
    near = right[:90]
    inside = ("–" in near or "—" in near) and _inside_dashes(left, sentence, n.end)
    if inside:  # "those in the house – Mr X and 4 members of his family – were killed"
        return inside
    # "the losses will not exceed 3,000": the toll verb may be read as the qualifier
    toll = TOLL.search(left) or (q_start < n.start and TOLL.search(sentence, base, n.start))
    if toll:
        status = _TOLL_STATUS[_key(toll.group("trig"))]
        phrase_start = base + max(0, toll.start() - 40)
        return [status], "toll", sentence[phrase_start : n.end], "", n.end
    counted = NUMBER_OF_TOLL.search(left) or (
        q_start < n.start and NUMBER_OF_TOLL.search(sentence, base, n.start))
    if counted:
        status = _TRIGGER_STATUS[_key(counted.group("trig"))]
        phrase_start = base + max(0, counted.start() - 40)
        return [status], "toll", sentence[phrase_start : n.end], "", n.end
    low = left.lower()
    far = ("toll" in low or "count" in low or "number" in low) and (
        TOLL_FAR.search(left) or (q_start < n.start and TOLL_FAR.search(
            sentence, base, n.start)) or (q_start < n.start and TOLL_HEADLINE_END.match(
            sentence, n.end) and TOLL_HEADLINE.search(sentence, base, q_start)))
    if far:  # "the death toll in clashes between ... has reached 600"; a headline's
        status = _TOLL_STATUS[_key(far.group("trig"))]  # "Death Toll in X About 600"
        phrase_start = base + max(0, far.start() - 40)
        return [status], "toll", sentence[phrase_start : n.end], "", n.end
    noun = search_at_end(NOUN_OF, left, 0, len(left), _NOUN_OF_WORDS)
    if noun:
        statuses = [_TRIGGER_STATUS[_key(g)]
                    for g in (noun.group("trig"), noun.group("trig2")) if g]
        tail = _clause_tail(sentence, n.end)
        return list(dict.fromkeys(statuses)), "noun_of", "", tail, n.end
    nominal = _nominal(left, right)
    if nominal:  # "the massacre of 300 villagers", "injuries to 14 people"
        return [nominal], "noun_of", "", _clause_tail(sentence, n.end), n.end
    whole = left.rstrip().endswith((",", "only", "just", "some", "far")) and (
        "of the" in low or "of these" in low or "of those" in low or "among" in low) and \
        OF_THE_WHOLE.search(left)
    if whole and not right[:1].isalpha():  # "Of the 68 bodies, only 21 have been identified"
        status = _TRIGGER_STATUS[_key(whole.group("trig"))]
        return [status], "subject", "", _clause_tail(sentence, n.end), n.end
    if "identi" in low and _identified_dead(left, right, sentence, before):
        # "work is underway to identify 103 servicemen by DNA analysis"
        return ["killed"], "noun_of", "", _clause_tail(sentence, n.end), n.end
    label = left.rstrip()[-1:] in (":", "–", "—") and LABEL.search(left)
    if label:  # "Killed: 12", "Dead: 5; injured: 17"
        np = OBJECT_NP.match(right)
        np_text = np.group("np") if np else ""
        status = _TRIGGER_STATUS[_key(label.group("trig"))]
        return [status], "label", np_text, "", n.end + len(np_text)
    if ("remains" in low or "bodies" in low) and REMAINS_OF.search(left):
        # "the remains of 15 servicemen", "Bodies of another 8 soldiers found"
        return ["killed"], "noun_of", "", _clause_tail(sentence, n.end), n.end
    if FATE_OF.search(left):
        tail = _clause_tail(sentence, n.end)
        if FATE_UNKNOWN.search(tail):
            np = OBJECT_NP.match(right)
            return ["missing"], "fate", np.group("np") if np else "", tail, n.end
    if left.endswith("(") and PAREN_PEOPLE.match(right) and not _age_after_name(
            sentence, n, q_start):  # "deaths in X (7 people), Y (6)"
        before = [m for m in _STATUS_WORD.finditer(left) if m.group("trig")]
        if before:
            status = _TRIGGER_STATUS[_key(before[-1].group("trig"))]
            return [status], "breakdown", PAREN_PEOPLE.match(right).group(0), "", n.end
    if SIDE_RIGHT.match(right):  # "casualties from both sides, more than 2,000 from each"
        before = [m for m in _STATUS_WORD.finditer(left) if m.group("trig")]
        if before:
            status = _TRIGGER_STATUS[_key(before[-1].group("trig"))]
            return [status], "each_side", SIDE_RIGHT.match(right).group(0), "", n.end
    contact = search_at_end(CONTACT_LEFT, left, 0, len(left), _CONTACT_WORDS)
    if contact and (contact.group("lost") or CONTACT_RIGHT.match(right)):
        np = OBJECT_NP.match(right)
        return ["missing"], "contact", np.group("np") if np else "", "", n.end
    inverted = left.rstrip()[-3:].lower() in ("ere", "was", "are", " is", "ude", "ded") and \
        INVERTED.search(left)
    if inverted:  # "Also killed were 2 medics", "Injured were 4 firefighters"
        np = OBJECT_NP.match(right)
        np_text = np.group("np") if np else ""
        if PEOPLE_NP.search(np_text):
            status = _TRIGGER_STATUS[_key(inverted.group("trig"))]
            return [status], "object", np_text, "", n.end + len(np_text)
    among = "among" in low and AMONG_LEFT.search(left)
    if among and AMONG_RIGHT.match(right):  # "among the casualties, at least 10 were
        status = _TRIGGER_STATUS[_key(among.group("trig"))]  # civilians"
        return [status], "subject", AMONG_RIGHT.match(right).group(0), "", n.end
    also = "well as" in left and AS_WELL_AS.search(left)
    if also:  # "it eliminated officers, including generals, ..., as well as 30 soldiers"
        verbs = list(ANY_OBJECT_VERB.finditer(left, 0, also.start()))
        np = OBJECT_NP.match(right)
        np_text = np.group("np") if np else ""
        verb = _key(verbs[-1].group("trig")) if verbs else ""
        passive = verbs and BE_BEFORE.search(left, 0, verbs[-1].start())  # "were killed, as
        own = _STATUS_WORD.search(_clause_tail(right, len(np_text)))  # well as 109 ... received
        if verb and not passive and not own and PEOPLE_NP.search(np_text) and \
                _object_counts(verb, np_text, right, them):
            return [_ACTIVE_STATUS[verb]], "object_list", np_text, "", n.end + len(np_text)
    return [], "", "", "", n.end


#: a person's name before a bracket: "Ali Aliyev (23)" gives an age, "Tartar (4)" a toll
NAME_BEFORE = re.compile(rf"\b{UPPER}{LOWER}+\s+{UPPER}{LOWER}+\s*\($")


def _age_after_name(sentence: str, n: Number, q_start: int) -> bool:
    """A bracketed number after a person's first name and surname, with no people word,
    is an age ("The dead were named as Ali Aliyev (23) and ..."), not part of a toll."""
    return n.value <= 110 and not sentence[n.end : n.end + 12].lstrip().startswith(
        ("people", "person")) and NAME_BEFORE.search(sentence, max(0, q_start - 60),
                                                    q_start) is not None


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause from the last :data:`CLAUSE_END` before ``start`` (searched in
    ``sentence[floor:start]``, at most :data:`CLAUSE_WINDOW` back) to the first at
    ``end`` or after."""
    floor = max(0, start - CLAUSE_WINDOW)  # a clause is never longer than this
    if floor:
        before = [floor, *(m.end() for m in CLAUSE_END.finditer(sentence, floor, start))]
        begin = before[-1]
    else:  # the sentence's clause ends: those ending by ``start``, and a ".", "!" or "?"
        ends = _clause_ends(sentence)[1]  # right before it (the end of the searched text)
        i = bisect.bisect_right(ends, start)
        begin = start if sentence[start - 1 : start] in (".", "!", "?") and start else (
            ends[i - 1] if i else 0)
    return sentence[begin : _next_clause_end(sentence, end)]


def _who(c: _Figure, prev: dict | None, sentence: str, clause: str,
         profile: Profile) -> dict[str, str]:
    """Population and side of a figure from its own words, else from the figure it is
    coordinated with ("47 civilians had been killed and 222 wounded"), else a loser or
    attacker in its clause; with their evidence (see :mod:`inference`)."""
    population, pop_ev = inference.population(c.phrase)
    side, side_ev = inference.own_side(profile, c.np, c.tail)
    joined = prev is not None and _JOINED.fullmatch(sentence[prev["_trig_end"] : c.q_start])
    bare = (population == UNSPECIFIED and side == UNSPECIFIED and c.rule == "subject"
            and not _PEOPLE.search(c.phrase))
    if prev is not None and (c.rule in ("increment", "total_of") or (joined and bare)):
        neighbour = f"neighbour: {prev['count']:,}"
        population, side = prev["_pre"]["population"], prev["_pre"]["side"]
        pop_ev = neighbour if population != UNSPECIFIED else ""
        side_ev = neighbour if side != UNSPECIFIED else ""
    after = sentence[c.q_start : c.trig_end + 60]
    if population in (UNSPECIFIED, "military") and (
            "including" in after or "among" in after or "whom" in after or "–" in after
            or "—" in after):
        # "1,000 people have been killed, including civilians", "..., among them
        # children", "Dozens of people – both civilians and troops – have been killed";
        # soldiers with civilians among them: "38 prisoners of war, three of whom are
        # civilians"
        found, evidence = inference.population(after)
        if found == "mixed" and (population == UNSPECIFIED or evidence.startswith(
                "including")):
            population, pop_ev = found, evidence
    if population == UNSPECIFIED:  # "one brother killed", "two sisters were hurt"
        population, pop_ev = inference.kin_population(sentence[c.q_start : c.trig_end])
    if population == UNSPECIFIED:  # "11 deaths ... have been recorded among civilians"
        population, pop_ev = inference.among_population(sentence[c.q_start : c.trig_end]
                                                        + c.tail)
    if side == UNSPECIFIED:
        side, side_ev = inference.clause_side(profile, clause)
        if population == UNSPECIFIED and side_ev.startswith("loser") and \
                inference.MILITARY_WORD.search(side_ev):
            population, pop_ev = "military", side_ev  # "the Azerbaijani army lost 1,280"
    return {"population": population, "population_evidence": pop_ev, "side": side,
            "side_evidence": side_ev}


#: The order of the steps that decide a side in :func:`_complete`.
_CLAIMANT_FIRST = ("claimant", "place", "sentence")
_WEAK_CLAIMANT_LAST = ("place", "sentence", "claimant")


def _complete(row: dict, sentence: str, profile: Profile, day: dt.date | None) -> None:
    """The steps that need the claimant, then the place and the sentence: a claimant's
    kind gives the population (a defence ministry counts soldiers, an ombudsman
    civilians), a claimant reports its own people, a place in the clause says whose
    people (a town behind the front: civilians), else the sentence does."""
    row.update(row["_pre"])
    clause, claimed_by, group = row["_clause"], row["claimed_by"], row["claimant_group"]
    if row["population"] == UNSPECIFIED and claimed_by:
        row["population"], row["population_evidence"] = inference.claimant_population(
            claimed_by)
    own = inference.claimant_side(profile, group, claimed_by, clause, row["_possessive"]
                                  or row["rule"] != "object", day)
    if own[0] != UNSPECIFIED and not row["_possessive"]:
        # the sentence's attacker (:func:`inference.sentence_side` reads it first, from
        # the whole sentence as a clause: the rest of that rule is not needed here)
        attacked, how = inference.clause_side(profile, sentence)
        if how.startswith("attacker") and attacked not in (own[0], BOTH):
            own = (UNSPECIFIED, "")  # a party's shelling kills the other's people, whoever
            # the office reporting it ("As a result of Armenian Armed Force's shelling ...")
    # a claimant found only from the article around the figure counts after the place
    evidence = row["claim_evidence"]
    weak = "headline" in evidence or "continues" in evidence or "same" in evidence
    for step in (_WEAK_CLAIMANT_LAST if weak else _CLAIMANT_FIRST):
        if row["side"] != UNSPECIFIED:
            break
        if step == "claimant":
            found = own
        elif step == "place":
            found = inference.place_side(profile, clause, day)
        else:
            found = inference.sentence_side(profile, sentence, day)
        row["side"], row["side_evidence"] = found
    if row["population"] == UNSPECIFIED:  # people killed in a town behind the front
        row["population"], row["population_evidence"] = inference.civilian_place(
            profile, sentence)
    if row["population"] == UNSPECIFIED and row["status"] in ("killed", "wounded"):
        # "... when Armenian forces targeted a group of civilians"
        row["population"], row["population_evidence"] = inference.target_population(sentence)


def _claimant(sentence: str, pos: int, claims: Callable[[], list], previous: object,
              article: ArticleClaimants | None, index: int, profile: Profile,
              day: dt.date | None) -> tuple[str, str, str]:
    """``(claimed_by, claimant_group, claim_evidence)`` of a figure at ``pos``: the
    nearest attribution in its sentence; else the speaker who closes a quotation it
    opens, or "This was announced by X" next; "the ministry" is the one named before,
    else the party the sentence before names."""
    claimed_by, evidence = nearest(claims(), pos, previous, sentence)
    if not claimed_by and article is not None:
        for how, get in (("quotation closed by its speaker", article.quote_closer),
                         ("next sentence: announced by", article.announced_after)):
            claimed_by = get(index)
            if claimed_by:
                evidence = how
                break
        if not claimed_by:  # the quotation or report its sentence goes on with
            claimed_by, evidence = article.context(index, profile, day)
    group = profile.group_for(claimed_by, day)[0]
    if group == claimed_by and article is not None and is_office(claimed_by):
        named = article.antecedent(index, claimed_by) or article.party_before(
            index, profile, day)
        if named:
            group = profile.group_for(named, day)[0]
            evidence = f"{evidence}; {claimed_by} = {named}"
    return claimed_by, group, evidence


#: Another number between a figure and an attribution after it (the figure's own digits
#: come first, with no space before them).
_FIGURE_BETWEEN = re.compile(r"\s\d")


def _background_claimant(sentence: str, pos: int, claims: Callable[[], list],
                         previous: object, article: ArticleClaimants | None, index: int,
                         profile: Profile, day: dt.date | None) -> tuple[str, str, str]:
    """``(claimed_by, claimant_group, claim_evidence)`` of an earlier war's toll: only a
    source its own sentence names ("Baku's commission reports that 3,984 went missing in
    the first war"), before it or after it with no other figure between ("In the worst
    fighting since a 1990s war killed 30,000, 604 troops died, officials say": the
    officials claim the 604 only), or the speaker of a quotation it is in; none carried
    from the sentences around it (the outlet's background)."""
    found = [c for c in claims() if c[0] < pos or not _FIGURE_BETWEEN.search(sentence, pos,
                                                                             c[0])]
    claimed_by, evidence = nearest(found, pos, previous, sentence)
    if not claimed_by and article is not None:  # a speaker quoted on an earlier war
        claimed_by, evidence = article.quotation_speaker(index)
    if not claimed_by:
        return "", "unattributed", ""
    return claimed_by, profile.group_for(claimed_by, day)[0], evidence


def _figure_type(c: _Figure, left: str, right: str, scope: str, historical: bool) -> str:
    """``increment``, ``total`` (a running total, or an earlier war's toll) or ``incident``."""
    if c.rule == "increment" or search_at_end(INCREMENT_LEFT, left, 0, len(left),
                                              _INCREMENT_WORDS) or INCREMENT_RIGHT.match(right):
        return "increment"
    if historical or _TOTAL.search(scope):
        return "total"
    if _INCIDENT.search(scope):
        return "incident"
    if c.rule == "noun_of" or _PERFECT.search(scope) or _TOLL_NOUNS.search(c.np):
        return "total"
    return "incident"


# --------------------------------------------------------------------------- API

FIGURE_COLUMNS = [
    "doc_id", "source_file", "position", "published", "outlet", "count", "count_high",
    "qualifier", "vague", "status", "population", "side", "claimed_by", "claimant_group",
    "population_evidence", "side_evidence", "claim_evidence", "cumulative", "figure_type",
    "historical", "rule", "sentence_index", "sentence", "start", "end", "surface",
]


def _once(compute: Callable[[], object]) -> Callable[[], object]:
    """``compute``, called at most once: later calls return the first result."""
    box: list = []

    def get() -> object:
        if not box:
            box.append(compute())
        return box[0]

    return get


#: The last publication time read as a day, and its day (one tuple, replaced whole): an
#: article's sentences share one.
_LAST_DAY: tuple = (None, None)


def _day(published: object) -> dt.date | None:
    """``published`` (a timestamp or NaT) as a date, ``None`` for NaT."""
    global _LAST_DAY
    last, day = _LAST_DAY
    if published is last and last is not None:
        return day
    day = None if pd.isna(published) else pd.Timestamp(published).date()
    _LAST_DAY = (published, day)
    return day


def _numbers(sentence: str) -> list[Number]:
    """The sentence's numbers, with a growth read as two figures: "increased by 35 to
    1,000" and "up 17 to 542" are a change and a total, not a range."""
    out = []
    for n in find_numbers(sentence):
        growth = n.high is not None and GROWTH_LEFT.search(sentence, max(0, n.start - 12),
                                                           n.start)
        if growth and growth.group(0)[:4].lower() == "from" and not CHANGE_BEFORE.search(
                sentence, max(0, growth.start() - 40), growth.start()):
            growth = None  # "from 32 to 100 people died": a range
        if growth:
            gap = RANGE_JOIN.search(sentence, n.start, n.end)
            if gap:
                out += [Number(n.start, gap.start(), n.value),
                        Number(gap.end(), n.end, n.high)]
                continue
        mark = sentence[n.end : n.end + 1]
        if mark and mark in "+*" and not word_char(sentence[n.end + 1 : n.end + 2] or " "):
            # "200+ servicemen killed" (at least 200), "150* still missing" (a footnote)
            n = n._replace(end=n.end + 1)
        out.append(n)
    return out


def _last_status(text: str) -> str:
    """The status of the last casualty word in ``text`` ("" when there is none)."""
    found = [m.group("trig") for m in _STATUS_WORD.finditer(text)]
    return _TRIGGER_STATUS[_key(found[-1])] if found else ""


def _people_before(sentence: str, pos: int, article: ArticleClaimants | None,
                   index: int) -> bool:
    """The last count before ``pos`` in its sentence, else in the sentence before, is a
    count of people ("the 62 Armenian servicemen who ...": "29 of them" are people; "30
    houses; 12 of them" are not)."""
    for text, end in ((sentence, pos), (_sentence_before(article, index), None)):
        end = len(text) if end is None else end
        counts = [n for n in find_numbers(text[:end]) if not _excluded(text, n)]
        if counts:
            np = OBJECT_NP.match(text[counts[-1].end :])
            return np is not None and PEOPLE_NP.search(np.group("np")) is not None
    return False


#: The next sentence telling what befell everyone the sentence before counted: "Four
#: rescuers were at the scene. All of them were injured." ("They" may be anyone: not it.)
ALL_OF_THEM = re.compile(
    rf"\s*(?:All|Both)(?:\s+(?:of\s+them|of\s+whom|the\s+\w+|\w+))?(?:\s+\w+ly)?\s+(?:were|"
    rf"was|have\s+been|had\s+been|are)\s+(?:\w+ly\s+)?(?P<trig>{_TRIGGER})\b")


#: The first words after a figure (who it counts, for :func:`_told_after`).
FIRST_WORDS = re.compile(r"(?:\s+(?!(?:were|was|are|is|have|has|had)\b)[\w’'-]+){1,3}")


def _told_after(c: _Figure, sentence: str, article: ArticleClaimants, index: int) -> None:
    """A count of people with no status whose next sentence, in its paragraph, says "All of
    them were injured": that status (rule ``told_after``)."""
    if index + 1 >= len(article.spans):
        return
    a, b = article.spans[index + 1]
    if article.text[a : a + 5].lstrip()[:4] not in ("All ", "Both") or not \
            article.same_paragraph(index, index + 1):
        return
    then = ALL_OF_THEM.match(article.text, a, b)
    np = FIRST_WORDS.match(sentence, c.number.end)  # "four employees of the ministry"
    if then and np and PEOPLE_NP.search(np.group(0)):
        c.status, c.rule = [_TRIGGER_STATUS[_key(then.group("trig"))]], "told_after"
        c.np, c.trig_end = np.group(0), np.end()


def _sentences_before(article: ArticleClaimants | None, index: int, count: int) -> str:
    """The text of the ``count`` sentences before sentence ``index`` ("" for none)."""
    if article is None or index < 1 or index > len(article.spans):
        return ""
    return article.text[article.spans[max(0, index - count)][0] : article.spans[index - 1][1]]


def _sentence_before(article: ArticleClaimants | None, index: int) -> str:
    """The text of the sentence before sentence ``index`` of ``article`` ("" for none)."""
    if article is None or index < 1 or index > len(article.spans):
        return ""
    a, b = article.spans[index - 1]
    return article.text[a:b]


def _counts_things(sentence: str, n: Number) -> bool:
    """``n`` counts things or is a population or age ("4 Grad launchers", "a population
    of 120,000", "aged 45", "aged 31 and 20") or a law's wording ("Article 120.2.4
    (murder of two or more persons)"): tested only on numbers a rule has read as a figure."""
    before, far = max(0, n.start - 40), max(0, n.start - 200)
    return THING_NEXT.match(sentence, n.end) is not None or NOT_A_FIGURE_LEFT.search(
        sentence, before, n.start) is not None or (
        "age" in sentence[before : n.start].lower() and AGES_LEFT.search(
            sentence, before, n.start) is not None) or (
        "(" in sentence[far : n.start] and LAW_LEFT.search(
            sentence, far, n.start) is not None) or (
        " of " in sentence[before : n.start] and FRACTION_LEFT.search(
            sentence, before, n.start) is not None and not STATUS_NEXT.match(sentence, n.end))


#: A share of a population: "more than half of the region's 120,000 residents have fled"
#: counts a part, not the 120,000.
FRACTION_LEFT = re.compile(r"\b(?:half|thirds?|quarters?|most|majority|much|percent|per\s+cent|%)"
                           r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w’'-]+['’]s?\s+)?$",
                           re.IGNORECASE)
#: ... unless the whole is itself a casualty count: "most of the 40 wounded are civilians"
STATUS_NEXT = re.compile(rf"\s+(?:[\w’'-]+\s+)?(?:{_TRIGGER})\b", re.IGNORECASE)


def _inside_subject(sentence: str, last: _Figure, n: Number) -> bool:
    """``n`` is a word of the figure before it ("five people from one family have been
    killed": the "one" is no figure), not one in an aside ("200, including 10 ...")."""
    return (last.rule == "subject" and n.start < last.trig_end
            and not _ASIDE_MARK.search(sentence, last.number.end, n.start))


def _coordinate(sentence: str, cands: list[_Figure]) -> None:
    """Figures in a list share one verb: "95 soldiers, 8 police officers and two civilians
    were killed" (each takes the trigger after the last one), "killed 9 soldiers and 3
    civilians" (people after an object figure take its verb, and so after "the deaths
    of"); "Azerbaijan has reported 25 deaths, Armenia 21" (a second party's figure with
    the verb left out)."""
    for a, b in zip(cands[::-1][1:], cands[::-1], strict=False):
        gap = sentence[a.number.end : b.q_start]
        before = sentence[max(0, a.q_start - 16) : a.q_start]
        if "," in gap and (before.endswith(" and ") or before.endswith(" and")):
            continue  # "against 24 civilians and 44 servicemen, 9 civilians and 28 ...
            # received wounds": two lists, not one
        if ("includ" in before or " of " in before or "among" in before) and \
                SUBSET_LEFT.search(before) and "," not in sentence[b.number.end : b.trig_end]:
            continue  # "13 killed including three children and 52 more wounded": a part,
            # and the next figure's own verb (not "including 9 soldiers and 32 civilians,
            # have been killed": the parts share the whole's verb)
        if not a.status and b.status and (COORDINATED_GAP.fullmatch(gap) or (
                b.rule == "coordinated" and LIST_GAP.fullmatch(gap)) or (
                b.rule == "subject" and "," in gap and COMMA_LIST_GAP.fullmatch(gap)
                and PEOPLE_NP.search(gap) and PEOPLE_NP.search(b.np)
                and not WHOLE_LEFT.search(sentence, max(0, a.q_start - 12), a.q_start))):
            # "187 Armenian Soldiers, 21 Civilians Missing", "293 servicemen, 3 civilians
            # were wounded": a list without "and" (not "Of the 12 passengers, 5 ...")
            a.status, a.rule = b.status, "coordinated"
            a.np, a.tail, a.trig_end = LIST_END.sub("", gap), b.tail, b.trig_end
            if a.qualifier != "exact" and b.qualifier == "exact" and AND_GAP.fullmatch(gap):
                b.qualifier = a.qualifier  # "at least 30 soldiers and 3 civilians": both
    for a, b in pairwise(cands):
        if not a.status or b.status:
            continue
        if a.rule in ("subject", "toll", "coordinated") and ((GAPPED.fullmatch(
                sentence, a.trig_end, b.q_start) and CLAUSE_END_RIGHT.match(
                sentence, b.number.end)) or (GAPPED_SAYS.fullmatch(
                sentence, a.trig_end, b.q_start) and SAYS_END.match(sentence, b.number.end))):
            # "Azerbaijan has reported 25 deaths, Armenia 21."; "while A reports 71 dead
            # soldiers, B declares 105 since the start of the clashes"
            b.status, b.rule, b.np, b.tail, b.trig_end = (
                a.status, "gapped", a.np, "", b.number.end)
            continue
        if a.rule == "breakdown" and sentence[b.q_start - 1 : b.q_start] == "(" and \
                PAREN_PEOPLE.match(sentence, b.number.end) and not _age_after_name(
                    sentence, b.number, b.q_start):  # a long list: "..., Y (1 person)"
            b.status, b.rule, b.np, b.tail, b.trig_end = (
                a.status, "breakdown", "", "", b.number.end)
            continue
        if "killed" in a.status and LOST_LEFT.search(sentence, max(0, b.q_start - 12),
                                                     b.q_start) and BARE_END.match(
                sentence, b.number.end):  # "105 of its soldiers were killed, Azerbaijan
            b.status, b.rule, b.np, b.tail, b.trig_end = (  # says it lost 80"
                ["killed"], "gapped", a.np, "", b.number.end)
            continue
        gap = sentence[a.trig_end : b.q_start]
        after = ELLIPTICAL_RIGHT.match(sentence, b.number.end)
        if after and a.rule in ELLIPTICAL_AFTER and (ELLIPTICAL_GAP.fullmatch(gap) or (
                after.group("dash") is None and a.rule != "object" and
                ELLIPTICAL_COMMA.fullmatch(gap) and ELLIPTICAL_RIGHT.match(
                    sentence, a.trig_end))):
            # "Seven were injured in X, and 23 - in Y", "105 have been repatriated to
            # Armenia and 17 to Azerbaijan": the verb left out after the second figure
            dash = after.group("dash") is not None
            tail = _clause_tail(sentence, after.end()) if dash else ""
            b.status, b.rule, b.np, b.tail, b.trig_end = (
                a.status, "elliptical", tail if dash else a.np, "", b.number.end)
            continue
        if a.rule == "object" and after and after.group("dash") is None and \
                _object_verb(sentence, b.q_start) == _object_verb(sentence, a.q_start):
            # "Armenia handed over one prisoner of war to Baku, and Baku handed over five
            # to Yerevan": the same verb again, its people left out
            b.status, b.rule, b.np, b.tail, b.trig_end = (
                a.status, "elliptical", a.np, "", b.number.end)
            continue
        if a.rule in ELLIPTICAL_AFTER and ("with" in gap or "well as" in gap or "plus" in gap
                                           or "among" in gap) and (ALONG_WITH_GAP.fullmatch(
                gap) or AMONG_AND_GAP.fullmatch(gap)):
            # "729 of their troops have been killed since May, along with 36 civilians"
            np = OBJECT_NP.match(sentence[b.number.end :])
            end = b.number.end + (len(np.group("np")) if np else 0)
            if np and PEOPLE_NP.search(np.group("np")) and not _STATUS_WORD.search(
                    _clause_tail(sentence, end)):
                b.status, b.rule, b.np = a.status, "object_list", np.group("np")
                b.tail, b.trig_end = _clause_tail(sentence, end), end
                continue
        if a.rule not in ("object", "object_list", "noun_of", "toll", "fate"):
            continue
        gap = sentence[a.number.end : b.q_start]
        np = OBJECT_NP.match(sentence[b.number.end :])
        np_text = np.group("np") if np else ""
        if OBJECT_LIST_GAP.fullmatch(gap) and PEOPLE_NP.search(np_text):
            end = b.number.end + len(np_text)
            b.status, b.rule, b.np = a.status, "object_list", np_text
            b.tail, b.trig_end = _clause_tail(sentence, end), end


#: Verbs of a party's loss: "lost N" with no noun after a count of people is its dead.
LOSS_VERBS = ("lost", "loses", "losing")
#: Before a figure that is a part of the one before it: "including three children".
SUBSET_LEFT = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+$",
                         re.IGNORECASE)
#: "it lost 80": a loss verb whose figure names nobody, after a figure of the dead
LOST_LEFT = re.compile(r"\b(?:lost|loses|losing)\s+$", re.IGNORECASE)
BARE_END = re.compile(r"\s*(?:[.,;:!?”\"]|$)")
#: A list's item without "and" before the next ("187 Armenian Soldiers, 21 Civilians
#: Missing"): its people's words and a comma.
COMMA_LIST_GAP = re.compile(rf"(?:\s+{_NP_WORD}){{1,4}}\s*,\s*")
#: Before a figure that is the whole a list's item is taken from: "Of the 12 passengers,".
WHOLE_LEFT = re.compile(r"\b(?:of|among|out\s+of|from)\s+(?:the\s+)?$", re.IGNORECASE)
def _object_verb(sentence: str, q_start: int) -> str:
    """The object verb right before a figure ("handed over five"), or ""."""
    verb = search_at_end(OBJECT, sentence, max(0, q_start - LEFT_WINDOW), q_start,
                         _ACTIVE_WORDS)
    return _key(verb.group("trig")) if verb else ""


#: After a figure's verb, another group that shares it: "..., along with 36 civilians".
ALONG_WITH_GAP = re.compile(r"[^;:!?]{0,80}?,?\s+(?:along\s+with|together\s+with|as\s+well\s+as|"
                            r"plus)\s+", re.IGNORECASE)
#: "320 casualties among the military and 21 civilians": the second group the same.
AMONG_AND_GAP = re.compile(r"\s+among\s+(?:the\s+|its\s+|their\s+)?[\w’'-]+(?:\s+[\w’'-]+)?"
                           r"\s+and\s+", re.IGNORECASE)
#: The figures whose verb a second figure may leave out.
ELLIPTICAL_AFTER = ("subject", "coordinated", "object", "object_list", "elliptical")
#: Between the first figure's verb and the second figure: words without a number or a
#: sentence's end, then "and".
ELLIPTICAL_GAP = re.compile(r"[^\d.;:!?]{0,160}?,?\s+and\s*")
#: ... or, where the first figure also says where, a comma alone: "Two civilians were killed
#: in Tartar, three in Barda and one in Ganja".
ELLIPTICAL_COMMA = re.compile(r"\s+(?:in|at|to|from|on)\s[^\d.;:!?,]{0,60},\s*")
#: After the second figure: a dash ("and 23 – as a result of ...", "and 12 – members of the
#: security forces") or where they went ("and 17 to Azerbaijan", "and 3 in Barda").
ELLIPTICAL_RIGHT = re.compile(
    rf"(?P<dash>\s*[–—-]\s+)|\s+(?:to|in|into|from|at|on)\s+(?:the\s+)?(?-i:{UPPER})")


def figures_in_sentence(
    sentence: str, published: pd.Timestamp = pd.NaT,
    previous_claimant: str | Callable[[], str] = "",
    profile: Profile | None = None,
    article: ArticleClaimants | None = None,
    index: int = 0,
    keep: bool = False,
) -> list[dict]:
    """Return the casualty figures of one sentence; offsets are into ``sentence``.

    ``previous_claimant``: the last claimant named before the sentence (for "it said"),
    a value or a function giving it; ``article`` and ``index``: the sentence's article
    (its claimants) and its place there, which give "it said" its claimant, "This was
    announced by X" in the next sentence, and "the ministry" the ministry named before.
    ``profile``: the conflict profile (default ``data/profile.yml``); ``keep``: keep the
    private fields :func:`extract_casualties` needs to read the rest of the article.

    >>> [(f["count"], f["status"], f["population"], f["qualifier"]) for f in
    ...  figures_in_sentence("429 of its servicemen and more than 20 civilians have been killed")]
    [(429, 'killed', 'military', 'exact'), (20, 'killed', 'civilian', 'more_than')]
    """
    cands: list[_Figure] = []
    for n in _numbers(sentence):
        if _excluded(sentence, n) or (cands and _inside_subject(sentence, cands[-1], n)):
            continue
        q_start, qualifier = _qualifier(sentence, n.start)
        statuses, rule, np, tail, trig_end = _read_status(
            sentence, n, q_start, lambda q=q_start: _people_before(sentence, q, article, index),
            lambda: _sentences_before(article, index, 3))
        cands.append(_Figure(n, q_start, qualifier, statuses, rule, np, tail, trig_end))
    _coordinate(sentence, cands)
    cands = [c for c in cands if not (c.status and _counts_things(sentence, c.number))]
    if not cands:  # no number that can be a figure
        return []
    out: list[dict] = []
    prev: dict | None = None
    # computed once per sentence, and only when a figure needs them
    profile = profile or load_profile()
    day = _day(published)
    claims = _once(lambda: find_claims(sentence))
    sentence_is_old = _once(lambda: profile.earlier_war(sentence))
    for c in cands:
        n = c.number
        left = sentence[max(0, c.q_start - LEFT_WINDOW) : c.q_start]
        right = sentence[n.end :]
        if not c.status and UP_FROM.search(left) and UP_FROM_RIGHT.match(right) and prev:
            c.status, c.rule = [prev["status"]], "increment"
        if not c.status and TOTAL_TO.search(left) and prev:
            c.status, c.rule = [prev["status"]], "total_of"
        if not c.status and prev and prev["rule"] == "toll" and FROM_EARLIER.fullmatch(
                sentence, prev["end"], c.q_start) and EARLIER_END.match(right):
            # "has risen to 21 from the previous 19", not "rose to 40 from 3 attacks"
            c.status, c.rule = [prev["status"]], "toll"
        if not c.status and _THE_NUMBER_WORD.search(left) and THE_NUMBER_LEFT.search(left):
            # "the number was nearing 5,000"
            status = _last_status(sentence[: c.q_start]) or _last_status(
                _sentence_before(article, index))
            c.status, c.rule = ([status], "the_number") if status else ([], "")
        if not c.status and article is not None:
            _told_after(c, sentence, article, index)
        if not c.status:
            continue
        scope = sentence[max(0, c.q_start - 30) : c.trig_end] + _clause_tail(sentence,
                                                                            c.trig_end)
        clause = _clause(sentence, c.q_start, c.trig_end)
        # an earlier war's toll named in the text is background the outlet states, not a
        # party's claim; a report from before this war began speaks of an earlier one
        background = bool(profile.earlier_war(clause) or (
            sentence_is_old() and not _PERFECT.search(scope)))
        historical = background or (day is not None and day < profile.start)
        claimed_by, group, claim_ev = _background_claimant(
            sentence, n.start, claims, previous_claimant, article, index, profile, day) \
            if background \
            else _claimant(sentence, n.start, claims, previous_claimant, article, index,
                           profile, day)
        party = c.rule == "gapped" and GAPPED_PARTY.search(sentence, 0, c.q_start)
        if party and not background:  # "Azerbaijan has reported 25 deaths, Armenia 21"
            claimed_by, claim_ev = party.group(1), "gapped: the party before it"
            group = profile.group_for(claimed_by, day)[0]
        who = _who(c, prev, sentence, clause, profile)
        figure_type = _figure_type(c, left, right, scope, historical)
        qualifier = c.qualifier
        if n.vague and qualifier == "exact":
            qualifier = "at_least"
        for status in c.status:
            row = {
                "count": int(n.value), "count_high": n.high, "qualifier": qualifier,
                "vague": n.vague, "status": status, **who,
                "claimed_by": claimed_by, "claimant_group": group, "claim_evidence": claim_ev,
                "cumulative": figure_type == "total", "figure_type": figure_type,
                "historical": historical, "rule": c.rule, "start": n.start, "end": n.end,
                "surface": sentence[n.start : n.end], "_trig_end": c.trig_end,
                "_pre": who, "_clause": clause, "_background": background,
                "_possessive": bool(inference.POSSESSIVE.search(c.phrase)),
            }
            _complete(row, sentence, profile, day)
            out.append(row)
            prev = row
    if not keep:
        for row in out:
            for key in _PRIVATE:
                row.pop(key)
    return out


#: The party before a gapped figure: "..., Armenia 21".
GAPPED_PARTY = re.compile(r"[,;]\s*([^,;]{2,40}?)\s*$")
#: What each figure keeps until its article is read (see :func:`_from_article`).
_PRIVATE = ("_trig_end", "_pre", "_clause", "_possessive", "_background")


#: Population evidence from the people's own words (not a claimant's kind, a neighbour or
#: a place): what the same figure told elsewhere with a claimant's kind takes instead.
WORDED_POPULATION = ("word", "including", "parts")
#: Words that point back at the attacks the sentence before told of.
THOSE_ATTACKS = folded(r"\b(?:those|these|the\s+same|such)\s+(?:\w+\s+)?(?:attacks?|"
                       r"strikes?|shelling|incidents?|blasts?|explosions?|raids?)\b")


#: An attack named as one told before: "As a result of the aggression", "in the shelling".
THE_ATTACK = folded(r"\b(?:as\s+a\s+result\s+of|in|during|after|following|since)\s+"
                    r"(?:the|this|that)\s+(?:\w+\s+)?(?:aggression|attacks?|shelling|"
                    r"offensive|strikes?|bombardment|assault|provocation)\b")
#: How many sentences back an attack named as told before is looked for.
ATTACK_BACK = 3


def _attack_told_before(row: dict, named: ArticleClaimants, profile: Profile,
                        day: dt.date | None) -> None:
    """The side of the nearest of the :data:`ATTACK_BACK` sentences before a figure whose
    attacker or loser tells one ("the armed forces of Azerbaijan launched a large-scale
    aggression against Armenia. ... As a result of the aggression, 207 were killed")."""
    index = row["sentence_index"]
    for i in range(index - 1, max(-1, index - 1 - ATTACK_BACK), -1):
        a, b = named.spans[i]
        side, evidence = inference.sentence_side(profile, named.text[a:b], day)
        if side == BOTH:
            return  # a war's two sides: not this figure's
        if not evidence.startswith(("sentence attacker", "sentence loser")):
            side, evidence = inference.attack_target(profile, named.text[a:b])
        if side != UNSPECIFIED:
            row["side"], row["side_evidence"] = side, f"attack told before: {evidence}"
            return


def _from_article(rows: list[dict], named: ArticleClaimants, profile: Profile,
                  day: dt.date | None) -> None:
    """Fill what a figure's own sentence leaves open from the rest of its article: the
    claimant of the same figure stated with one elsewhere ("Armenian attack kills 3" in
    the headline, "..., Hajiyev said" in the body), else of a figure in the two
    sentences before in its paragraph (a report that goes on: "A total of about 80
    people were injured."); then side and population again with that claimant; then,
    still unknown, those of the same figure stated elsewhere. Linear in the figures."""
    stated: dict[tuple[int, str], dict] = {}  # the first figure with its own claimant
    for row in rows:
        if row["claimed_by"]:
            stated.setdefault((row["count"], row["status"]), row)
    last: dict[int, dict] = {}  # per sentence, its last figure with a claimant
    sources: dict[int, set[str]] = {}  # per sentence, its figures' claimant groups
    for row in rows:
        index = row["sentence_index"]
        if not row["claimed_by"] and not row["_background"] and not named.own_witness(index):
            other = stated.get((row["count"], row["status"]))
            before = next((last[i] for i in (index - 1, index - 2) if i in last
                           and named.same_paragraph(i, index)
                           and len(sources.get(i, ())) == 1), None)
            if other is not None and not named.elsewhen(index):
                found = (other["claimed_by"], other["claimant_group"],
                         f"same figure in sentence {other['sentence_index']}")
            elif before is not None:
                found = (before["claimed_by"], before["claimant_group"],
                         f"continues the report of sentence {before['sentence_index']}")
            else:
                found = None
            if found is not None:
                row["claimed_by"], group, row["claim_evidence"] = found
                row["claimant_group"] = group or profile.group_for(row["claimed_by"], day)[0]
                _complete(row, row["sentence"], profile, day)
        if row["claimed_by"] and not row["_background"]:
            last[index] = row
            sources.setdefault(index, set()).add(row["claimant_group"])
    known: dict[tuple[str, int, str], dict] = {}
    for row in rows:
        for field in ("side", "population"):
            if row[field] != UNSPECIFIED:
                known.setdefault((field, row["count"], row["status"]), row)
    told = {(r["count"], r["status"]): r for r in reversed(rows)
            if r["population_evidence"].startswith(WORDED_POPULATION)}
    for row in rows:
        if row["side"] == UNSPECIFIED and THOSE_ATTACKS.search(row["sentence"]) and \
                row["sentence_index"] > 0:  # "Dozens were killed in those attacks"
            a, b = named.spans[row["sentence_index"] - 1]
            side, evidence = inference.sentence_side(profile, named.text[a:b], day)
            if side != UNSPECIFIED:
                row["side"], row["side_evidence"] = side, f"previous {evidence}"
        if row["side"] == UNSPECIFIED and not row["historical"] and \
                THE_ATTACK.search(row["sentence"]):  # "As a result of the aggression, ..."
            _attack_told_before(row, named, profile, day)
        worded = told.get((row["count"], row["status"]))
        if worded is not None and row["population_evidence"].startswith("claimant") and \
                worded["population"] != row["population"]:  # the people's own words told
            row["population"] = worded["population"]  # elsewhere beat a claimant's kind
            row["population_evidence"] = f"same figure in sentence {worded['sentence_index']}"
        for field in ("side", "population"):
            other = known.get((field, row["count"], row["status"]))
            if row[field] == UNSPECIFIED and other is not None:
                row[field] = other[field]
                row[f"{field}_evidence"] = f"same figure in sentence {other['sentence_index']}"
    inference.from_paragraph(rows, named, profile, day)


#: Any word without which no rule can read a figure: sentences without one are skipped
#: before the (slower) rules run. Built from the tables above, so it never disagrees: a
#: phrase is keyed by its longest word that is not a common one ("left the region" by
#: "left", "death count" by "death"); the verbs that need lives by "lives", the "fate of"
#: rule by "fate", "the remains of" by "remains of", "drove N from their homes" by "drove",
#: "this number was ..." (the casualties of the sentence before) by "this number".
CANDIDATE_COMMON = ("region", "area", "country", "territory", "enclave", "their", "being",
                    "among",
                    "over", "count", "home", "homes", "hospital", "hospitals", "life",
                    "the", "number", "total", "into", "border", "from", "with", "those",
                    "suffered", "assistance", "attention", "received", "aid", "condition",
                    # keyed by the wound or the treatment, not these: "with various
                    # injuries", "undergoing treatment", "receiving medical attention"
                    "various", "multiple", "undergoing", "receiving", "counts", "tolls")


#: Triggers that are their own candidate phrase ("remains of", not "remains": "the
#: situation remains tense").
KEY_PHRASES = ("remains of",)


def _candidate_key(phrase: str) -> str:
    if phrase.lower() in KEY_PHRASES:
        return phrase.lower()
    words = phrase.lower().split()
    rare = [w for w in words if w not in CANDIDATE_COMMON] or words
    if words[0] == "with":  # "with severe wounds": by the wound
        rare = [w for w in rare if w not in WOUND_ADJECTIVES] or rare
    return max(rare[::-1], key=len)


_CANDIDATE_WORDS = sorted(
    {_candidate_key(w) for table in (STATUS_TRIGGERS, PEOPLE_TRIGGERS, ACTIVE_VERBS,
                                     PEOPLE_VERBS, TOLLS)
     for ws in table.values() for w in ws} | {"total", "lives", "fate", "remains of", "drove",
                                              "this number", "that number", "this figure",
                                              "that figure", "their number", "its number",
                                              "identify", "identification", "identities",
                                              *parts.CANDIDATE_WORDS})
CANDIDATE = re.compile(r"\b(?:" + trie_regex(_CANDIDATE_WORDS) + ")", re.IGNORECASE)
#: The same words for an Aho-Corasick automaton on lower-cased text: ten times faster.
#: The words are all letters, so a match that starts inside another match never starts
#: a word, and the automaton's non-overlapping matches miss none of CANDIDATE's. A DFA:
#: with over a hundred words the default automaton is twice as slow.
CANDIDATE_WORDS = AhoCorasick(_CANDIDATE_WORDS, matchkind=MatchKind.LeftmostLongest,
                              implementation=Implementation.DFA)
#: The same for ASCII bytes: lower-casing bytes and matching them is three times faster
#: than lower-casing text with curly quotes or dashes in it (stored in two bytes a
#: character) and matching that.
CANDIDATE_BYTES = BytesAhoCorasick([w.encode() for w in _CANDIDATE_WORDS],
                                   matchkind=MatchKind.LeftmostLongest,
                                   implementation=Implementation.DFA)


def _candidates(text: str) -> list[int]:
    """Start of every trigger word in ``text`` (offsets into ``text``): where
    :data:`CANDIDATE` matches."""
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # İ, ı, ſ: where
        return [m.start() for m in CANDIDATE.finditer(text)]  # lower-casing cannot do
    if "\u212a" in text:  # the Kelvin sign, which lower-cases to "k"
        low = text.lower()
        found = find_matches(CANDIDATE_WORDS, low)
    else:  # ASCII bytes, each other character one "?" (offsets kept; no trigger has one)
        found = CANDIDATE_BYTES.find_matches_as_indexes(text.encode("ascii", "replace").lower())
    # a match inside a word is none ("skilled"; a letter keeps its kind when lower-cased)
    return [start for _, start, _ in found
            if not (start and ((ch := text[start - 1]).isalnum() or ch == "_"))]


#: A "sentence" longer than this (a text without sentence punctuation) is read in
#: windows of about this size, cut at white space; ``sentence`` is then the window.
MAX_SENTENCE = 2_000


def _windows(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """``(a, b)`` itself, or windows of at most :data:`MAX_SENTENCE` characters."""
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut if cut > a else a + MAX_SENTENCE
        yield a, cut
        a = cut
    yield a, b


def extract_casualties(articles: pd.DataFrame,
                       profile: Profile | str | None = None) -> pd.DataFrame:
    """Return one row per casualty figure stated in the articles' text.

    Columns: :data:`FIGURE_COLUMNS`. ``start``/``end`` are the figure's character span in
    the article's ``text``; ``sentence`` is the sentence holding it. ``profile``: the
    conflict profile or its path (default ``data/profile.yml``).
    """
    profile = profile if isinstance(profile, Profile) else load_profile(profile)
    rows: list[dict] = []
    for art in records(articles, "doc_id", "source_file", "position", "published",
                       "outlet", "text"):
        hits = _candidates(art.text)
        if not hits:
            continue
        spans = sentence_spans(art.text)
        starts = [a for a, _ in spans]
        named = ArticleClaimants(art.text, spans)
        first = len(rows)
        wanted = {bisect.bisect_right(starts, h) - 1 for h in hits} - {-1}
        # "Four medics were there. All of them were injured.": the sentence before counts
        wanted = sorted(wanted | {i - 1 for i in wanted if i and art.text[
            spans[i][0] : spans[i][0] + 8].lstrip().startswith(("All ", "Both "))})
        for index in wanted:
            for a, b in _windows(art.text, *spans[index]):
                sentence = art.text[a:b]
                figures = figures_in_sentence(
                    sentence, art.published,
                    lambda named=named, index=index: named.last_before(index), profile,
                    named, index, keep=True)
                for fig in figures:
                    fig.update(
                        doc_id=art.doc_id, source_file=art.source_file,
                        position=art.position, published=art.published, outlet=art.outlet,
                        sentence_index=index, sentence=sentence, start=a + fig["start"],
                        end=a + fig["end"],
                    )
                    rows.append(fig)
        if len(rows) > first:
            day = _day(art.published)
            _from_article(rows[first:], named, profile, day)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    frame["count_high"] = frame["count_high"].astype("Int64")
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    for col in ("count", "start", "end", "sentence_index", "position"):
        frame[col] = frame[col].astype("int64")
    for col in ("vague", "cumulative", "historical"):
        frame[col] = frame[col].astype(bool)
    return frame
