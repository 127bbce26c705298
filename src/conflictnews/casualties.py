"""Casualty figures stated in news text, with their provenance.

How English news states a casualty figure, and the rule (``rule`` column) that reads it:

``subject``   N [of its] [people-words] [aside] [have been|were|had so far been] TRIGGER
              "47 civilians had been killed", "1,177 of its troops have been killed",
              "42 Azeri civilian deaths", "29 more military casualties", "222 wounded"
``object``    ACTIVE-VERB [qualifier] N [people-words]
              "killed two soldiers", "captured two mercenaries", "killed about 30,000"
``toll``      TOLL-PHRASE to|at|of N: "raising the Armenian military death toll to five"
``noun_of``   NOUN [and NOUN] of N: "the killing and injury of dozens"
``coordinated`` N1 people and N2 people TRIGGER: N1 takes N2's trigger
              ("429 of its servicemen and more than 20 civilians have been killed")
``increment`` up N from: takes the status of the total it qualifies ("542 ..., up 17 from
              Monday")
``total_of``  "bringing the total to N": a running total of what the figure before counts

Numbers that are measures, ages, money, dates, years, percentages or parts of names
("15 km", "45-year-old", "9.2 million Swiss francs", "Sept. 27", "COVID-19") are never
figures. All word lists are the tables below; nothing else in the code names a word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pandas as pd
from ahocorasick_rs import AhoCorasick, MatchKind

from conflictnews.numbers import Number, find_numbers
from conflictnews.patterns import (
    ascii_fold,
    find_matches,
    fold_key,
    search_at_end,
    trie_regex,
    word_char,
)
from conflictnews.sentences import sentence_spans
from conflictnews.tables import records

# --------------------------------------------------------------------------- tables

#: Trigger words and the status each one states.
STATUS_TRIGGERS: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed", "dead", "died", "deaths", "death", "fatalities", "lost their lives",
        "lost his life", "lost her life", "perished", "slain", "casualties", "losses",
        "bodies", "martyred", "killing",
    ),
    "wounded": ("wounded", "injured", "hurt", "injuries", "injury", "wounding", "injuring"),
    "missing": ("missing", "unaccounted for", "disappeared"),
    "captured": (
        "captured", "taken prisoner", "taken captive", "prisoners of war", "prisoners",
        "POWs", "captives", "hostages",
    ),
    "displaced": (
        "displaced", "fled their homes", "fled", "refugees", "made homeless", "homeless",
        "uprooted", "forced from their homes", "forced to flee", "evacuated",
    ),
}
#: Verbs that take the figure as their object ("killed two soldiers").
ACTIVE_VERBS: dict[str, tuple[str, ...]] = {
    "killed": ("killed", "killing", "kill", "kills", "claimed the lives of", "left dead"),
    "wounded": ("wounded", "wounding", "injured", "injuring", "injure", "wound"),
    "captured": ("captured", "capturing", "capture", "took prisoner", "detained"),
    "displaced": ("displaced", "displacing", "displace", "uprooted", "evacuated"),
}
#: "death toll", "number of dead" and what each counts.
TOLLS: dict[str, tuple[str, ...]] = {
    "killed": ("death toll", "toll", "number of dead", "number of deaths", "number killed",
               "number of people killed", "casualty toll", "tally"),
    "wounded": ("number of wounded", "number of injured", "injury toll"),
}
#: Words allowed between a figure and its trigger that end the figure's noun phrase.
AUXILIARIES = (
    "have", "has", "had", "been", "were", "was", "are", "is", "be", "being", "so", "far",
    "now", "already", "reportedly", "reported", "also", "confirmed", "officially", "who",
    "that", "since", "all", "later", "feared", "believed", "thought", "presumed", "left",
    "declared", "listed", "as", "were", "getting", "got",
)
#: Words that cannot be inside a figure's noun phrase (they start another clause).
NP_STOP = (
    "said", "says", "say", "told", "and", "or", "but", "to", "in", "on", "at", "by", "which",
    "from", "for", "with", "while", "than", "into", "after", "before", "during", "when",
    "would", "will", "could", "may", "might", "did", "do", "does", "not", "no",
    *AUXILIARIES,
)
QUALIFIERS: dict[str, tuple[str, ...]] = {
    "more_than": ("more than", "over", "in excess of", "upwards of", "above", "well over"),
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than"),
    "about": ("about", "around", "approximately", "roughly", "some", "nearly", "almost",
              "close to", "an approximate"),
    "estimate": ("an estimated", "estimated", "estimates", "estimate"),
    "up_to": ("up to", "as many as", "at most", "no more than", "fewer than", "less than",
              "under", "as much as"),
}
#: Words marking an increment rather than a running total.
INCREMENT_BEFORE = ("another", "a further", "an additional", "additional", "up", "rose by",
                    "an increase of", "a rise of")
INCREMENT_AFTER = ("more", "additional", "new", "further")

MILITARY = (
    "servicemen", "serviceman", "servicemembers", "service members", "soldiers", "soldier",
    "troops", "fighters", "military", "personnel", "combatants", "militants", "mercenaries",
    "officers", "conscripts", "army", "sailors", "pilots", "guerrillas", "rebels",
    "militiamen", "policemen", "police", "guards", "reservists", "commanders", "servicewomen",
    "peacekeepers",
)
CIVILIAN = (
    "civilians", "civilian", "residents", "children", "child", "women", "villagers",
    "inhabitants", "journalists", "reporters", "students", "medics", "doctors", "passengers",
    "worshippers", "mourners", "pensioners", "farmers", "families", "non-combatants",
    "citizens", "refugees",
)
#: Whose people, by words in the figure's phrase; ``both`` wins over single sides.
SIDE_MARKERS: dict[str, str] = {
    "both": r"\bboth sides\b|\beach side\b|\bon both\b|\bboth countries\b",
    "armenian": r"\bArmenian|\bArmenia\b|Karabakh|\bArtsakh|\bStepanakert",
    "azerbaijani": r"\bAzeri|\bAzerbaijan",
    "other": r"\bSyria|\bSyrian|\bRussian|\bTurkish|\bIranian|\bforeign\b|\bmercenar",
}
#: Claimant groups: the first pattern found in "claimed_by" names the group.
CLAIMANT_GROUPS: dict[str, str] = {
    "Nagorno-Karabakh": r"Karabakh|ethnic Armenian|\benclave|\bArtsakh|\bStepanakert",
    "Armenia": r"\bArmenia|\bYerevan|\bPashinyan",
    "Azerbaijan": r"\bAzeri|\bAzerbaijan|\bBaku\b|\bAliyev|\bHajiyev",
    "Russia": r"\bRussia|\bKremlin|\bMoscow\b|\bPeskov|\bPutin|\bLavrov",
    "Turkey": r"\bTurkey|\bTurkish|\bAnkara|\bErdogan",
    "Iran": r"\bIran|\bTehran",
    "UN / ICRC": r"United Nations|\bU\.N\.|\bUN\b|Red Cross|\bICRC|\bWHO\b|\bUNHCR",
}
#: The side a claimant group speaks for, used when a figure names no side itself.
GROUP_SIDE = {"Nagorno-Karabakh": "armenian", "Armenia": "armenian", "Azerbaijan": "azerbaijani"}

ATTRIBUTION_VERBS = (
    "said", "says", "say", "reported", "reports", "report", "estimated", "estimates",
    "announced", "announces", "stated", "states", "confirmed", "confirms", "claimed",
    "claims", "told", "tells", "added", "adds", "tweeted", "wrote", "counted", "put",
)
#: Nouns that make "X estimates that N ..." an attribution to X.
ATTRIBUTION_NOUNS = ("estimates", "figures", "data", "tally", "statement", "count")
PRONOUNS = ("it", "he", "she", "they", "which", "who", "we", "i")

#: Marks of a single incident, of a running total, of an earlier war.
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
HISTORICAL_MARKERS = (
    r"\b(?:first|previous|earlier|last|former) (?:Karabakh |Nagorno-Karabakh )?war\b|"
    r"\b1[89]\d0s\b|\bthe (?:early |late )?(?:19|20)\d0s\b"
)
YEAR = re.compile(r"(?<![\d,.])((?:1[89]|20)\d\d)(?![\d,])")


def _alt(words: tuple[str, ...] | list[str]) -> str:
    """One regex alternative for a list of words, longest first, spaces flexible."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_TRIGGER_STATUS = {w.lower(): s for s, ws in STATUS_TRIGGERS.items() for w in ws}
_ACTIVE_STATUS = {w.lower(): s for s, ws in ACTIVE_VERBS.items() for w in ws}
_TOLL_STATUS = {w.lower(): s for s, ws in TOLLS.items() for w in ws}
_QUALIFIER = {w: q for q, ws in QUALIFIERS.items() for w in ws}
_TRIGGER = _alt([w for ws in STATUS_TRIGGERS.values() for w in ws])
_NP_WORD = rf"(?!(?:{_alt(NP_STOP)})\b)(?!\d)[\w’'.-]+"

SUBJECT = re.compile(
    rf"^(?P<np>(?:\s+{_NP_WORD}){{0,7}}?)"
    r"(?P<aside>\s*[–—]\s[^–—]{0,60}[–—]|,\s+(?:including|among them|most of them|mostly)\s"
    r"[^,]{0,60},)?"
    rf"(?P<aux>(?:,?\s+(?:{_alt(AUXILIARIES)})\b)*)\s+(?P<trig>{_TRIGGER})\b",
    re.IGNORECASE,
)
OBJECT = re.compile(rf"\b(?P<trig>{_alt([w for ws in ACTIVE_VERBS.values() for w in ws])})\s*$",
                    re.IGNORECASE)
OBJECT_NP = re.compile(rf"^(?P<np>(?:\s+(?:of\s+)?{_NP_WORD}){{0,4}}?)(?=\s*$|\s*[,.;:)”\"]|\s+"
                       rf"(?:{_alt(NP_STOP)})\b)", re.IGNORECASE)
TOLL = re.compile(
    rf"\b(?P<trig>{_alt(list(_TOLL_STATUS))})\b(?P<mid>[^,.;]{{0,40}}?)\s*\b(?:to|at|of|"
    r"reached|hit|passed|surpassed|exceeded|rose to|climbed to|stood at|stands at|was|is)\s*$",
    re.IGNORECASE,
)
#: "bringing the total to 710": a total of whatever the sentence's previous figure counts.
TOTAL_TO = re.compile(r"\b(?:the|a|its|their)\s+(?:overall\s+|new\s+)?total\s+(?:\w+\s+){0,2}?"
                      r"(?:to|at|of)\s*$", re.IGNORECASE)
NOUN_OF = re.compile(
    rf"\b(?P<trig>{_TRIGGER})(?:\s+and\s+(?P<trig2>{_TRIGGER}))?\s+of\s*$", re.IGNORECASE
)
QUALIFIER = re.compile(rf"\b(?P<q>{_alt(list(_QUALIFIER))})\s*$", re.IGNORECASE)
INCREMENT_LEFT = re.compile(rf"\b(?:{_alt(INCREMENT_BEFORE)})\s*$", re.IGNORECASE)
#: The most words a match of QUALIFIER, OBJECT, INCREMENT_LEFT has (see search_at_end).
_QUALIFIER_WORDS = max(len(w.split()) for w in _QUALIFIER)
_ACTIVE_WORDS = max(len(w.split()) for ws in ACTIVE_VERBS.values() for w in ws)
_INCREMENT_WORDS = max(len(w.split()) for w in INCREMENT_BEFORE)
INCREMENT_RIGHT = re.compile(rf"^\s+(?:{_alt(INCREMENT_AFTER)})\b", re.IGNORECASE)
UP_FROM = re.compile(r"\bup\s*$", re.IGNORECASE)
UP_FROM_RIGHT = re.compile(r"^\s+(?:from|since|on|over)\b", re.IGNORECASE)
POSSESSIVE = re.compile(r"\b(?:its|their|our)\b", re.IGNORECASE)
AGENT = re.compile(r"\bby\s+[^,;]*", re.IGNORECASE)
CLAUSE_END = re.compile(r"[,;:(]|\s[–—]\s|[.!?](?:\s|$)")
# the tables' patterns, compiled once
_SIDE_RE = {side: re.compile(pattern) for side, pattern in SIDE_MARKERS.items()}
_BOTH_SIDES = re.compile(SIDE_MARKERS["both"], re.IGNORECASE)
_GROUP_RE = {group: re.compile(pattern) for group, pattern in CLAIMANT_GROUPS.items()}
_HISTORICAL = re.compile(HISTORICAL_MARKERS)
_TOTAL = re.compile(TOTAL_MARKERS, re.IGNORECASE)
_INCIDENT = re.compile(INCIDENT_MARKERS, re.IGNORECASE)
_PERFECT = re.compile(PERFECT)
_YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")
_ORIGIN = re.compile(r"\bfrom\s+([A-Z][\w-]+)")
_PEOPLE = re.compile(r"\b(?:people|persons)\b")
_TOLL_NOUNS = re.compile(r"\b(?:deaths|casualties|losses|fatalities)\b")
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|while|with)?\s*")
_AND_END = re.compile(r"\s+and\s*$")

_UNITS = (
    "years?|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet(?:er|re)s?|miles?|"
    "met(?:er|re)s?|feet|foot|tonnes?|tons?|kg|kilograms?|times|fold|percent|per\\s+cent|"
    "points?|degrees?|o'clock|a\\.m\\.|p\\.m\\.|am|pm|hectares?|acres?|square|barrels?|"
    "dollars?|euros?|francs?|rubles?|roubles?|manats?|drams?|rials?|pounds?|liras?|"
    "settlements?|villages?|cases|aircraft|tanks?|drones?|cities|towns"
)
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]*)\.?")
EXCLUDE_RIGHT = re.compile(
    rf"^(?:\s*(?:{_UNITS})\b|\s*(?:Swiss\s+|U\.S\.\s+)?(?:francs|dollars)\b|[-–][A-Za-z]|\+|"
    rf"\s*%|(?:st|nd|rd|th)\b|\s+{_MONTH}(?!\w)|,\s*(?:19|20)\d\d|\.\d|\s*\)\s*$)",
    re.IGNORECASE,
)
EXCLUDE_LEFT = re.compile(
    rf"(?:[A-Za-z][-–]|\+|[$€£₽]\s?|\b{_MONTH}\s|\bNo\.\s|\d[-–/]|#)$"
)
MILITARY_WORD = re.compile(rf"\b(?:{_alt(MILITARY)})\b", re.IGNORECASE)
CIVILIAN_WORD = re.compile(rf"\b(?:{_alt(CIVILIAN)})\b", re.IGNORECASE)
COORDINATED_GAP = re.compile(
    rf"(?:\s+of\s+(?:its|their|the))?(?:\s+{_NP_WORD}){{0,5}}\s*,?\s+and\s*")
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


#: How far left of a number the rules look (the longest left pattern, a toll phrase,
#: needs about 70 characters); bounding it keeps every search short.
LEFT_WINDOW = 100


def _key(words: str) -> str:
    """A matched trigger or qualifier as its table entry: lower case, single spaces."""
    return " ".join(fold_key(words).split())


def _qualifier(sentence: str, pos: int) -> tuple[int, str]:
    """Where the figure starts (its qualifier, if any) and the qualifier."""
    base = max(0, pos - LEFT_WINDOW)
    match = search_at_end(QUALIFIER, sentence, base, pos, _QUALIFIER_WORDS)
    if not match:
        return pos, "exact"
    return match.start(), _QUALIFIER[_key(match.group("q"))]


def _excluded_left(sentence: str, base: int, pos: int) -> bool:
    """``EXCLUDE_LEFT`` matches ``sentence[base:pos]``: its last 16 characters are enough
    unless they are all letters (a month name longer than that, "Septemberish ")."""
    left = sentence[base:pos]
    start = max(0, len(left) - 16)
    if start and left[start:-2].isalpha():
        start = 0
    return EXCLUDE_LEFT.search(left, start) is not None


def _excluded(sentence: str, n: Number) -> bool:
    right = sentence[n.end :]
    if _excluded_left(sentence, max(0, n.start - LEFT_WINDOW), n.start) or \
            EXCLUDE_RIGHT.match(right):
        return True
    raw = sentence[n.start : n.end]
    is_year = _YEAR_ONLY.fullmatch(raw) is not None
    return is_year and not PERSON_NEXT.match(right)


def _clause_tail(sentence: str, pos: int) -> str:
    match = CLAUSE_END.search(sentence, pos)
    return sentence[pos : match.start() if match else len(sentence)]


def _read_status(
    sentence: str, n: Number, q_start: int
) -> tuple[list[str], str, str, str, int]:
    """Return (statuses, rule, noun phrase, clause tail, end of trigger) for ``n``."""
    base = max(0, q_start - LEFT_WINDOW)
    left, right = sentence[base:q_start], sentence[n.end :]
    obj = search_at_end(OBJECT, left, 0, len(left), _ACTIVE_WORDS)
    if obj:
        np = OBJECT_NP.match(right)
        np_text = np.group("np") if np else ""
        tail = _clause_tail(sentence, n.end + len(np_text))
        status = _ACTIVE_STATUS[_key(obj.group("trig"))]
        return [status], "object", np_text, tail, n.end + len(np_text)
    subj = SUBJECT.match(right)
    if subj:
        status = _TRIGGER_STATUS[_key(subj.group("trig"))]
        end = n.end + subj.end()
        tail = _clause_tail(sentence, end)
        return [status], "subject", f"{subj.group('np')} {subj.group('trig')}", tail, end
    toll = TOLL.search(left)
    if toll:
        status = _TOLL_STATUS[_key(toll.group("trig"))]
        phrase_start = base + max(0, toll.start() - 40)
        return [status], "toll", sentence[phrase_start : n.end], "", n.end
    noun = NOUN_OF.search(left)
    if noun:
        statuses = [_TRIGGER_STATUS[_key(g)]
                    for g in (noun.group("trig"), noun.group("trig2")) if g]
        tail = _clause_tail(sentence, n.end)
        return list(dict.fromkeys(statuses)), "noun_of", "", tail, n.end
    return [], "", "", "", n.end


def _population(phrase: str) -> str:
    mil = MILITARY_WORD.search(phrase)
    civ = CIVILIAN_WORD.search(phrase)
    if mil and civ:
        return "mixed"
    return "military" if mil else "civilian" if civ else "unspecified"


def _side(np: str, tail: str) -> str:
    """Whose people: any marker in the noun phrase; after the trigger only "on both
    sides" and "from Syria"-like origins count (a place there says where, not whose)."""
    tail = AGENT.sub("", tail)
    if _BOTH_SIDES.search(f"{np} {tail}"):
        return "both"
    origin = _ORIGIN.search(tail)
    phrase = f"{np} {origin.group(1) if origin else ''}"
    found = [s for s, pat in _SIDE_RE.items() if s != "both" and pat.search(phrase)]
    if {"armenian", "azerbaijani"} <= set(found):
        return "both"
    return found[0] if found else "unspecified"


def claimant_group(claimed_by: str) -> str:
    """The group a claimant belongs to ("ethnic Armenian authorities" -> Nagorno-Karabakh).

    Unknown claimants keep their own words; no claimant gives ``"unattributed"``.
    """
    if not claimed_by:
        return "unattributed"
    for group, pattern in _GROUP_RE.items():
        if pattern.search(claimed_by):
            return group
    return claimed_by


_ATTR_BEFORE = re.compile(
    r"(?:^|(?:,(?!\d)|[;:“”\"(]|\s[–—-]\s)\s*|"
    r"\b(?:that|after|while|as|but|and|when|since|because)\s+)"
    r"(?P<who>(?:[^,;:“”\"()–—]|,(?=\d))(?:[^,;:“”\"()–—]|(?<=\d),(?=\d)){0,89}?)\s+(?:(?:has|have|had|also|earlier|previously|later|"
    rf"separately|had\s+earlier)\s+)*(?P<verb>{_alt(ATTRIBUTION_VERBS)})\b",
)
_ATTR_WHICH = re.compile(
    rf"(?P<who>(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*),\s+which\s+(?:has\s+|had\s+|have\s+)?"
    rf"(?P<verb>{_alt(ATTRIBUTION_VERBS)})\b"
)
_ATTR_ACCORDING = re.compile(r"\baccording to (?P<who>[^,;.“”\"]{2,80})")
_ATTR_NOUN = re.compile(
    rf"(?P<who>\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*)\s+(?:{_alt(ATTRIBUTION_NOUNS)})\b"
)
_WHO_WORD = re.compile(
    r"\b(?:[A-Z][\w’'-]*|officials?|authorities|ministry|office|army|service|spokes\w+|"
    r"ombudsman|government|military|forces)\b"
)


_SUBORDINATE = re.compile(r"\b(?:after|that|while|because|when|since|as|but|although|"
                          r"though|if)\s+(?=\S)")
_DIGIT = re.compile(r"\d")
_PREPOSITION = re.compile(r"(?:In|On|At)\b")


#: Each attribution pattern with the words (case as written) it cannot match without.
_ATTR_PATTERNS = (
    (_ATTR_WHICH, ("which",)), (_ATTR_BEFORE, ATTRIBUTION_VERBS),
    (_ATTR_ACCORDING, ("according to ",)), (_ATTR_NOUN, ATTRIBUTION_NOUNS),
)


def _claims(sentence: str) -> list[tuple[int, str]]:
    """(position, who) for each attribution in the sentence."""
    found = []
    for pattern, needs in _ATTR_PATTERNS:
        if not any(word in sentence for word in needs):  # the words each pattern needs
            continue
        for m in pattern.finditer(sentence):
            who = m.group("who").strip()
            who = _SUBORDINATE.split(who)[-1] if pattern is _ATTR_BEFORE else who
            if who.lower() in ("which", "who"):
                continue
            if len(who.split()) > 12 or _DIGIT.search(who):
                continue
            if who.lower() in PRONOUNS:
                found.append((m.start("who"), who.lower()))
            elif _WHO_WORD.search(who) and not _PREPOSITION.match(who):
                found.append((m.start("who"), who))
    return found


def _claimant(claims: list[tuple[int, str]], pos: int,
              previous: str | Callable[[], str]) -> str:
    """The attribution nearest ``pos``; a pronoun is the previous sentences' claimant."""
    if not claims:
        return ""
    _, who = min(claims, key=lambda c: abs(c[0] - pos))
    if who not in PRONOUNS:
        return who
    return previous() if callable(previous) else previous


def _old_year(text: str, published: pd.Timestamp) -> bool:
    limit = published.year - 2 if not pd.isna(published) else 1999
    return any(int(y) <= limit for y in YEAR.findall(text)) or bool(
        _HISTORICAL.search(text)
    )


def _clause(sentence: str, start: int, end: int) -> str:
    floor = max(0, start - 3 * LEFT_WINDOW)  # a clause is never longer than this
    before = [floor, *(m.end() for m in CLAUSE_END.finditer(sentence, floor, start))]
    after = CLAUSE_END.search(sentence, end)
    return sentence[before[-1] : after.start() if after else len(sentence)]


def _who(c: _Figure, prev: dict | None, sentence: str, group: str) -> tuple[str, str]:
    """Population and side of a figure: its own words, else inherited from the figure it
    is coordinated with ("47 civilians had been killed and 222 wounded"), else the side
    of a party reporting its own people."""
    population = _population(c.phrase)
    side = _side(c.np, c.tail)
    joined = prev is not None and _JOINED.fullmatch(sentence[prev["_trig_end"] : c.q_start])
    bare = (population == "unspecified" and side == "unspecified" and c.rule == "subject"
            and not _PEOPLE.search(c.phrase))
    if prev is not None and (c.rule in ("increment", "total_of") or (joined and bare)):
        population, side = prev["population"], prev["side"]
    if side == "unspecified" and group in GROUP_SIDE and (
        POSSESSIVE.search(c.phrase) or population != "unspecified" or c.rule == "toll"
    ):
        side = GROUP_SIDE[group]
    return population, side


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
    "cumulative", "figure_type", "historical", "rule", "sentence_index", "sentence",
    "start", "end", "surface",
]


def _once(compute: Callable[[], object]) -> Callable[[], object]:
    """``compute``, called at most once: later calls return the first result."""
    box: list = []

    def get() -> object:
        if not box:
            box.append(compute())
        return box[0]

    return get


def figures_in_sentence(
    sentence: str, published: pd.Timestamp = pd.NaT,
    previous_claimant: str | Callable[[], str] = "",
) -> list[dict]:
    """Return the casualty figures of one sentence; offsets are into ``sentence``.

    >>> [(f["count"], f["status"], f["population"], f["qualifier"]) for f in
    ...  figures_in_sentence("429 of its servicemen and more than 20 civilians have been killed")]
    [(429, 'killed', 'military', 'exact'), (20, 'killed', 'civilian', 'more_than')]
    """
    cands: list[_Figure] = []
    for n in find_numbers(sentence):
        if _excluded(sentence, n):
            continue
        q_start, qualifier = _qualifier(sentence, n.start)
        statuses, rule, np, tail, trig_end = _read_status(sentence, n, q_start)
        cands.append(_Figure(n, q_start, qualifier, statuses, rule, np, tail, trig_end))
    # N1 [people] and N2 [people] TRIGGER: N1 takes N2's trigger
    for a, b in zip(cands[::-1][1:], cands[::-1], strict=False):
        gap = sentence[a.number.end : b.q_start]
        if not a.status and b.status and COORDINATED_GAP.fullmatch(gap):
            a.status, a.rule = b.status, "coordinated"
            a.np, a.tail, a.trig_end = _AND_END.sub("", gap), b.tail, b.trig_end
    out: list[dict] = []
    prev: dict | None = None
    # computed once per sentence, and only when a figure needs them
    claims = _once(lambda: _claims(sentence))
    sentence_is_old = _once(lambda: _old_year(sentence, published))
    for c in cands:
        n = c.number
        left = sentence[max(0, c.q_start - LEFT_WINDOW) : c.q_start]
        right = sentence[n.end :]
        if not c.status and UP_FROM.search(left) and UP_FROM_RIGHT.match(right) and prev:
            c.status, c.rule = [prev["status"]], "increment"
        if not c.status and TOTAL_TO.search(left) and prev:
            c.status, c.rule = [prev["status"]], "total_of"
        if not c.status:
            continue
        scope = sentence[max(0, c.q_start - 30) : c.trig_end] + _clause_tail(sentence,
                                                                            c.trig_end)
        historical = _old_year(_clause(sentence, c.q_start, c.trig_end), published) or (
            sentence_is_old() and not _PERFECT.search(scope)
        )
        # an earlier war's toll is background the outlet states, not a party's claim
        claimed_by = "" if historical else _claimant(claims(), n.start, previous_claimant)
        group = claimant_group(claimed_by)
        population, side = _who(c, prev, sentence, group)
        figure_type = _figure_type(c, left, right, scope, historical)
        qualifier = c.qualifier
        if n.vague and qualifier == "exact":
            qualifier = "at_least"
        for status in c.status:
            row = {
                "count": int(n.value), "count_high": n.high, "qualifier": qualifier,
                "vague": n.vague, "status": status, "population": population, "side": side,
                "claimed_by": claimed_by, "claimant_group": group,
                "cumulative": figure_type == "total", "figure_type": figure_type,
                "historical": historical, "rule": c.rule, "start": n.start, "end": n.end,
                "surface": sentence[n.start : n.end], "_trig_end": c.trig_end,
            }
            out.append(row)
            prev = row
    for row in out:
        row.pop("_trig_end")
    return out


#: Any word without which no rule can read a figure: sentences without one are skipped
#: before the (slower) rules run. Built from the tables above, so it never disagrees.
_CANDIDATE_WORDS = sorted({w.split()[0].lower() for table in (STATUS_TRIGGERS, ACTIVE_VERBS,
                                                             TOLLS)
                            for ws in table.values() for w in ws} | {"total"})
CANDIDATE = re.compile(r"\b(?:" + trie_regex(_CANDIDATE_WORDS) + ")", re.IGNORECASE)
#: The same words for an Aho-Corasick automaton on lower-cased text: ten times faster.
#: The words are all letters, so a match that starts inside another match never starts
#: a word, and the automaton's non-overlapping matches miss none of CANDIDATE's.
CANDIDATE_WORDS = AhoCorasick(_CANDIDATE_WORDS, matchkind=MatchKind.LeftmostLongest)


def _candidates(text: str) -> list[int]:
    """Start of every trigger word in ``text`` (offsets into ``text``): where
    :data:`CANDIDATE` matches."""
    low = ascii_fold(text)
    if low is None:
        return [m.start() for m in CANDIDATE.finditer(text)]
    found = find_matches(CANDIDATE_WORDS, low)
    return [start for _, start, _ in found if not (start and word_char(low[start - 1]))]


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


def _previous_claimant(text: str, spans: list[tuple[int, int]], index: int) -> str:
    """The last claimant named before sentence ``index`` (for "it said", "he said")."""
    for a, b in reversed(spans[max(0, index - 5):index]):  # the last five sentences
        named = [w for _, w in _claims(text[a:b]) if w not in PRONOUNS]
        if named:
            return named[-1]
    return ""


def extract_casualties(articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per casualty figure stated in the articles' text.

    Columns: :data:`FIGURE_COLUMNS`. ``start``/``end`` are the figure's character span in
    the article's ``text``; ``sentence`` is the sentence holding it.
    """
    rows: list[dict] = []
    for art in records(articles, "doc_id", "source_file", "position", "published",
                       "outlet", "text"):
        hits = _candidates(art.text)
        if not hits:
            continue
        spans = sentence_spans(art.text)
        starts = [a for a, _ in spans]
        wanted = sorted({bisect.bisect_right(starts, h) - 1 for h in hits} - {-1})
        for index in wanted:
            for a, b in _windows(art.text, *spans[index]):
                sentence = art.text[a:b]
                figures = figures_in_sentence(
                    sentence, art.published,
                    lambda spans=spans, index=index, text=art.text: _previous_claimant(
                        text, spans, index))
                for fig in figures:
                    fig.update(
                        doc_id=art.doc_id, source_file=art.source_file,
                        position=art.position, published=art.published, outlet=art.outlet,
                        sentence_index=index, sentence=sentence, start=a + fig["start"],
                        end=a + fig["end"],
                    )
                    rows.append(fig)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    frame["count_high"] = frame["count_high"].astype("Int64")
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    for col in ("count", "start", "end", "sentence_index", "position"):
        frame[col] = frame[col].astype("int64")
    for col in ("vague", "cumulative", "historical"):
        frame[col] = frame[col].astype(bool)
    return frame
