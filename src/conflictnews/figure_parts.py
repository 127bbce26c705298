"""The parts a casualty figure is composed of, as data, and the patterns built from them.

News combines a few parts freely: a people phrase (a number, adjectives, a nationality, a
second group joined by "and": "seven Russian journalists and their local fixer"), a
predicate (auxiliaries and hedges, then a status word: "are estimated to have been
killed"), a status noun that takes its figure after a preposition ("the massacre of 300
villagers", "an exodus of 100,000 people", "injuries to 14 people") and an active verb
whose object is given a result ("the attack left 7 people dead", "troops took 40 men
prisoner"). Each part is defined once here; :mod:`conflictnews.casualties` combines them
with its own status words, so every combination of parts reads, not only the ones seen.
"""
from __future__ import annotations

import re

from conflictnews.numbers import SCALES, UNITS, VAGUE
from conflictnews.patterns import trie_regex

#: Hedges a predicate may carry between its auxiliaries and its status word ("are
#: estimated to have been killed", "are understood to have died"); "believed", "thought",
#: "feared", "presumed", "said" and "known" are auxiliaries of casualties.py already.
HEDGES = ("estimated", "understood", "assumed", "reckoned", "suspected")
#: Links a predicate may carry before its status word that make the figure part of a group
#: named by it: "14 aid workers were among those killed" ("among the dead" is a status
#: word of its own).
GROUP_LINKS = ("among those", "among the")

#: Status nouns and the preposition that brings their figure: "the massacre of 300
#: villagers" is killed, "the deportation of 40 civilians" displaced, "injuries to 14
#: people" wounded. (Nouns that are status words themselves, "the deaths of", "the
#: killing of", are read by casualties.NOUN_OF.)
NOMINALS: dict[str, tuple[str, ...]] = {
    "killed": ("massacre of", "massacres of", "murder of", "murders of", "execution of",
               "executions of", "slaughter of", "killings of", "loss of"),
    "wounded": ("injuries to", "injury to", "wounds to", "wounding of", "injuring of"),
    "displaced": ("exodus of", "evacuation of", "expulsion of", "expulsions of",
                  "deportation of", "deportations of", "displacement of", "flight of",
                  "departure of", "forced departure of", "relocation of",
                  "resettlement of"),
    "captured": ("capture of", "abduction of", "abductions of", "kidnapping of",
                 "detention of", "release of", "repatriation of", "handover of"),
    "missing": ("disappearance of", "enforced disappearance of"),
}
#: Nouns that name a casualty only of people ("the loss of 1,200 soldiers", not "the loss
#: of 12 tanks"; "the release of 5 captives", not "the release of 2 reports"; "the
#: evacuation of 40 civilians", not "the evacuation of 2 hospitals"): their figure must be
#: followed by a people word. The others take a bare figure ("the massacre of 600").
NOMINALS_OF_PEOPLE = ("loss of", "evacuation of", "flight of", "departure of",
                      "forced departure of", "relocation of", "resettlement of",
                      "capture of", "detention of", "release of", "repatriation of",
                      "handover of", "displacement of")
#: Words a nominal may have between its preposition and the figure: "the release of the
#: 12 captives", "the loss of another 40 soldiers".
NOMINAL_FILLERS = ("the", "its", "their", "his", "her", "all", "another", "a further",
                   "an additional", "a total of", "some of the")

#: Verbs that give their object a result after it ("left 7 people dead", "leaving 3
#: soldiers wounded", "took 40 men prisoner"), and the results with their status.
RESULT_VERBS = ("left", "leaving", "leaves", "leave", "took", "taking", "takes", "take",
                "taken")
RESULTS: dict[str, tuple[str, ...]] = {
    "killed": ("dead",),
    "wounded": ("wounded", "injured", "hurt"),
    "displaced": ("homeless",),
    "captured": ("prisoner", "prisoners", "captive", "captives", "hostage", "hostages"),
    "missing": ("missing",),
}
#: The most words an object phrase between a result verb and its result may have.
RESULT_OBJECT_WORDS = 8
#: Words that end a result verb's object: another clause starts ("took 3 hours to find
#: the hostage", "left 2 soldiers who were later found dead").
RESULT_OBJECT_STOP = ("to", "when", "while", "which", "who", "whom", "that", "after",
                      "before", "as", "but", "or", "said", "says", "were", "was", "are", "is")

#: A coordinated second group in a people phrase ("and their local fixer", "and the
#: crew"): "and", a determiner, at most one adjective, then a people word (``{people}`` is
#: filled in by casualties.py, which owns the people tables). A number after "and" is a
#: figure of its own ("12 soldiers and 3 civilians"), never part of this phrase.
_NUMBER_WORDS = "|".join(sorted({*UNITS, *SCALES, *VAGUE} - {"a", "an"}, key=len, reverse=True))
#: The words that write a number (an alternation): a word after "and" that is one starts a
#: figure of its own.
NUMBER_WORDS = _NUMBER_WORDS
SECOND_GROUP_LEAD = r"and(?=\s+(?:(?:their|its|his|her|the|a|an|other|some|several)\s+)?" \
                    rf"(?:(?!(?:{_NUMBER_WORDS})\b)(?!\d)[\w’'-]+\s+)?(?:{{people}})\b)"


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return trie_regex(sorted(set(words))).replace(r"\s", r"\s+")


NOMINAL_STATUS = {noun: status for status, nouns in NOMINALS.items() for noun in nouns}
#: A status noun and its preposition at the end of the text before a figure.
NOMINAL = re.compile(rf"\b(?P<noun>{_alt(list(NOMINAL_STATUS))})"
                     rf"(?:\s+(?:{_alt(NOMINAL_FILLERS)}))?\s*$", re.IGNORECASE)
#: The most words a match of :data:`NOMINAL` has (see patterns.search_at_end).
NOMINAL_WORDS = max(len(n.split()) for n in NOMINAL_STATUS) + max(
    len(f.split()) for f in NOMINAL_FILLERS)

RESULT_STATUS = {word: status for status, words in RESULTS.items() for word in words}
#: A result verb (and a determiner) at the end of the text before a figure.
RESULT_VERB = re.compile(rf"\b(?:{_alt(RESULT_VERBS)})(?:\s+(?:the|all|another|all\s+the))?"
                         r"\s*$", re.IGNORECASE)
#: After the figure: its object's words (no number, no punctuation), then the result.
RESULT_AFTER = re.compile(
    rf"(?P<np>(?:\s+(?!(?:{_alt([*RESULT_STATUS, *RESULT_OBJECT_STOP])})\b)(?!\d)[\w’'-]+)"
    rf"{{0,{RESULT_OBJECT_WORDS}}}?)"
    rf"\s+(?P<res>{_alt(list(RESULT_STATUS))})\b", re.IGNORECASE)

#: Words that key the candidate search for these parts (a sentence without any casualty
#: word is never read): each nominal with its preposition ("flight of", not "flight": the
#: generated corpus's 336 sentences about flights), and the results.
CANDIDATE_WORDS = tuple(sorted({" ".join(n.split()[-2:]) for n in NOMINAL_STATUS}
                               | set(RESULT_STATUS)))


def key(words: str) -> str:
    """A matched phrase as its table entry: lower case, single spaces."""
    return " ".join(words.lower().split())
