"""Whose people a casualty figure counts (``side``) and which people (``population``),
decided as a careful reader would, each with the evidence that decided it.

Rules, first that applies (also in docs/rules.md):

population: people words in the figure's own phrase (soldiers → military, civilians →
  civilian, both → mixed); else the figure it is coordinated with; else the claimant's
  kind (a defence ministry or army counting its dead → military; an ombudsman,
  prosecutor or health ministry → civilian); else ``unspecified``.
side: words for both sides ("on both sides"); a side's word in the figure's phrase
  ("Armenian soldiers"); an origin after it ("fighters from Syria"); the attacker in its
  clause ("an Armenian rocket strike on Ganja killed 9": the opponent's people); a place
  of the profile in its clause ("in Ganja": the side holding it on the report date); the
  figure it is coordinated with; the claimant reporting its own people (its words say
  "its", "their", "our", or name people, or it is a toll); an attacker or place elsewhere
  in the sentence; else ``unspecified``.

Evidence values read ``word: soldiers``, ``place: Ganja``, ``attacker: Azeri drones``,
``claimant: Azerbaijan``, ``neighbour: 47`` ...; empty when nothing decided.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache, partial, wraps
from itertools import pairwise

import pandas as pd

from conflictnews.attribution import ArticleClaimants
from conflictnews.numbers import find_numbers
from conflictnews.patterns import FoldedMatch, ascii_fold, fold_pattern
from conflictnews.profile import BOTH, UNSPECIFIED, Profile

MILITARY = (
    "servicemen", "serviceman", "servicemembers", "service members", "soldiers", "soldier",
    "troops", "fighters", "military", "personnel", "combatants", "militants", "mercenaries",
    "officers", "conscripts", "army", "sailors", "pilots", "guerrillas", "rebels",
    "militiamen", "policemen", "police", "guards", "reservists", "commanders", "servicewomen",
    "peacekeepers", "sappers", "deminers", "volunteers", "border guards", "servicepeople",
    "military personnel", "contract soldiers", "officer", "fighter", "mercenary",
    "prisoners of war", "prisoner of war",
    "POWs", "POW", "peacekeeper", "servicemembers", "security forces",
    "occupiers", "invaders",
)
#: People held who are not soldiers when named beside prisoners of war ("POWs and
#: detainees": both kinds).
DETAINED = ("detainees", "detained persons", "detained people", "hostages")
CIVILIAN = (
    "civilians", "civilian", "residents", "children", "child", "women", "villagers",
    "inhabitants", "journalists", "reporters", "students", "medics", "doctors", "passengers",
    "worshippers", "mourners", "pensioners", "farmers", "families", "non-combatants",
    "citizens", "refugees", "journalist", "minors", "elderly", "teenagers", "infants",
    "babies", "boys", "girls", "paramedics", "nurses", "workers", "rescuers", "teachers",
    "shepherd", "shepherds", "IDPs", "IDP", "family",
)
#: What a claimant's own words say about the people it counts when the figure says
#: nothing: a defence body counts soldiers, a rights or health body civilians.
CLAIMANT_POPULATION = {
    "military": ("defence ministry", "defense ministry", "ministry of defence",
                 "ministry of defense", "defence army", "defense army", "army",
                 "armed forces", "military", "general staff", "MoD"),
    # not a health ministry: in 2020 Armenia's counted soldiers' deaths
    "civilian": ("ombudsman", "human rights defender", "prosecutor", "prosecutor-general",
                 "prosecutor general", "emergency", "rescue service", "emergencies ministry",
                 "civil defence", "civil defense"),
}
#: Words that make a side's word the attacker: "Azeri drones", "Armenian shelling".
ATTACK_WORDS = (
    "shelling", "shell", "shells", "strike", "strikes", "airstrike", "airstrikes",
    "attack", "attacks", "rocket", "rockets", "missile", "missiles", "drone", "drones",
    "artillery", "fire", "bombardment", "bombardments", "offensive", "sniper", "snipers",
    "mortar", "mortars", "assault", "aggression", "provocation", "provocations", "shelled",
    "bombing", "bombs", "cluster munitions", "Smerch", "Grad", "Iskander", "UAV", "UAVs",
    "military aggression", "armed forces' shelling", "forces' shelling",
)
#: A side's forces as the subject of a killing verb: "Azerbaijani forces killed".
FORCES_WORDS = ("forces", "troops", "army", "soldiers", "military", "units",
                "armed forces", "armed formations", "formations", "servicemen")
#: A side as the subject of a loss verb names whose people: "Azerbaijan lost 2,900".
LOSS_VERBS = ("lost", "loses", "losing", "has lost", "have lost", "had lost", "suffered",
              "has suffered", "have suffered", "lose", "mourns", "mourned", "buried")
#: Words before a side's word that make it the other party: "clashes with Azerbaijani
#: forces" (the dead are the other side's).
OPPONENT_BEFORE = re.compile(r"\b(?:with|against|by)\s+(?:the\s+)?$", re.IGNORECASE)
#: "on the Armenian side": whose people, anywhere in the clause.
ON_SIDE = re.compile(r"\b(?:on|from|of)\s+the\s+$", re.IGNORECASE)
#: Explicit words for both sides anywhere in the sentence ("from both sides").
BOTH_IN_SENTENCE = re.compile(r"\b(?:on|from|of)\s+both\s+sides\b|\bon\s+each\s+side\b",
                              re.IGNORECASE)
KILLING_VERBS = ("killed", "kill", "kills", "killing", "wounded", "wounding", "injured",
                 "shot", "murdered", "massacred", "executed", "shelled", "struck", "hit",
                 "targeted", "attacked", "bombed", "launched", "fired", "opened fire")
#: The people an attack struck, after its verb: "attacked a vehicle used by (Russian
#: peacekeepers)", "fired at a bus carrying (Armenian ...)".
TARGET = re.compile(r"\s+(?:at|on)?\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:used\s+by|"
                    r"carrying|belonging\s+to|transporting|with)\s+(?:the\s+)?")
#: "handed over 10 captive soldiers to Armenia": captives go back to their own side.
RETURNED_TO = re.compile(r"\b(?:handed\s+over|returned|repatriated|transferred|released|"
                         r"freed|sent\s+back|brought\s+back|flown|delivered)\b[^,.;]{0,80}?\bto\s+"
                         r"(?:the\s+)?$", re.IGNORECASE)
#: What stands between the two parties of one fight: "Armenia-Azerbaijan", "Armenia and
#: Azerbaijan", "Yerevan/Baku".
PAIR = re.compile(r"(?:['’]s)?\s*(?:-|–|/|and|,)\s*(?:the\s+)?", re.IGNORECASE)
#: "from Syria": an origin names whose people.
ORIGIN = re.compile(r"^\s*(?:\w+\s+)?from\s+(\w[\w-]+)(?!['’]s)\b")
AGENT = re.compile(r"\bby\s+[^,;]*", re.IGNORECASE)
#: "killed by Azerbaijani shelling", "shelled by Armenian forces", "the shelling by
#: Armenian forces": the attacker follows.
ATTACKED_BY = re.compile(r"\b(?:killed|wounded|injured|shelled|hit|struck|targeted|attacked|"
                         r"fired|launched|carried\s+out|caused|bombed|shot|held|captured|"
                         r"detained|abducted|taken\s+prisoner|taken\s+captive)\s+by\s+"
                         r"(?:the\s+)?(?P<by>[^,;]*)", re.IGNORECASE)
#: The same with an attack's noun: "the shelling by Armenian forces" (read after the verbs).
ATTACK_BY = re.compile(r"\b(?:shelling|bombardment|attacks?|strikes?|airstrikes?)\s+by\s+"
                       r"(?:the\s+)?(?P<by>[^,;]*)", re.IGNORECASE)
#: What every ATTACK_BY match holds (a fast test).
_ATTACK_BY_KEYS = ("ing by", "ment by", "ack by", "acks by", "ike by", "ikes by")
POSSESSIVE = re.compile(r"\b(?:its|their|our|own|his|her|my)\b", re.IGNORECASE)
#: The other party's losses, as a claimant speaks of them ("the enemy has lost", "enemy
#: soldiers"; not "the enemy killed").
ENEMY = re.compile(r"\b(?:enemy|adversary|other\s+side)(?:['’]s)?\s+(?:(?:has|have|had)\s+)?"
                   r"(?:lost|loses|losses|suffered|casualties|dead|soldiers|troops|"
                   r"servicemen|personnel|manpower|fighters)\b", re.IGNORECASE)
PEOPLE = re.compile(r"\b(?:people|persons)\b")


def per_profile(maxsize: int) -> Callable[[Callable], Callable]:
    """Cache a rule ``f(profile, *texts)`` per profile (an LRU of ``maxsize`` entries
    kept on the profile, as its own word searches are): a figure's words, clause or
    sentence recur across figures and articles and are read once each. The rules are
    pure functions of their arguments and return tuples of strings."""
    def decorate(rule: Callable) -> Callable:
        attribute = f"_memo_{rule.__name__}"

        @wraps(rule)
        def cached(profile: Profile, *args: object) -> object:
            memo = profile.__dict__.get(attribute)
            if memo is None:
                memo = profile.__dict__[attribute] = lru_cache(maxsize)(partial(rule, profile))
            return memo(*args)

        return cached

    return decorate


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


MILITARY_WORD = re.compile(rf"\b(?:{_alt(MILITARY)})\b", re.IGNORECASE)
CIVILIAN_WORD = re.compile(rf"\b(?:{_alt(CIVILIAN)})\b", re.IGNORECASE)
DETAINED_WORD = re.compile(rf"\b(?:{_alt(DETAINED)})\b", re.IGNORECASE)
_PEOPLE_WORDS = _alt((*MILITARY, *CIVILIAN, *DETAINED, "people", "persons"))
#: Words after which a figure's phrase says where or why, not whose or which people
#: (not "and" before more people: "soldiers and civilians", but "and 3 civilians" is
#: another figure; not "from one family").
PHRASE_END = re.compile(r"\s(?:when|as|after|by|while|because|since|in|at|near|during|"
                        r"from(?!\s+(?:one|the\s+same|a|a\s+single)\s+family)|"
                        rf"and(?!\s+(?:other\s+)?(?:{_PEOPLE_WORDS})\b)|"
                        r"but|amid|following|with|on)\s.*$", re.IGNORECASE)
_CLAIMANT_POP = [(pop, re.compile(rf"(?i:\b(?:{_alt(words)})\b)"))
                 for pop, words in CLAIMANT_POPULATION.items()]
_ATTACK_AFTER = re.compile(rf"(?:['’`]s)?\s+(?:(?!(?:following|after|by|against|on|in|to|of|"
                           rf"an?|the|and)\b)\w+(?:['’]s)?\s+){{0,3}}?(?:{_alt(ATTACK_WORDS)})\b",
                           re.IGNORECASE)
_FORCES_KILL = re.compile(rf"(?:['’]s)?\s+(?:armed\s+)?(?:{_alt(FORCES_WORDS)})\s+"
                          r"(?:(?:have|has|had|reportedly|allegedly|also)\s+)?"
                          rf"(?:{_alt(KILLING_VERBS)})\b", re.IGNORECASE)
_LOSER = re.compile(rf"(?:['’]s)?(?:\s+(?:armed\s+)?(?:{_alt(FORCES_WORDS)}|side))?\s+"
                    r"(?:(?:has|have|had)\s+(?:already|reportedly|so\s+far)\s+)?"
                    rf"(?:{_alt(LOSS_VERBS)})\b", re.IGNORECASE)
_PEOPLE_AFTER = re.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{_alt(MILITARY + CIVILIAN)}|"
                           r"people|persons|men|lives|dead|deaths|casualties|losses|"
                           r"victims|bodies|prisoners|captives|refugees|IDPs|hostages)\b",
                           re.IGNORECASE)


@lru_cache(maxsize=4096)
def population(phrase: str) -> tuple[str, str]:
    """``(population, evidence)`` from the people words of a figure's phrase (up to the
    words that say where, when or why: "12 people were killed when the Armenian
    military fired" counts no soldiers)."""
    inner = "(" in phrase and PARENTHESIS.search(phrase)  # "45 citizens (35 civilians and 10 ...)"
    if inner:  # a breakdown: its parts, whole ("35 civilians and 10 servicemen")
        mil, civ = MILITARY_WORD.search(inner.group(1)), CIVILIAN_WORD.search(inner.group(1))
        if mil and civ:
            return "mixed", f"words: {mil.group()}, {civ.group()}"
    including = ("including" in phrase or "among" in phrase or "whom" in phrase) and \
        INCLUDING.search(phrase)  # "people, including 29 ...", "..., among them children"
    if including and not MILITARY_WORD.search(phrase, 0, including.start()) and \
            not CIVILIAN_WORD.search(phrase, 0, including.start()):
        return "mixed", f"including: {including.group('who') or including.group('soldiers')}"
    phrase = PHRASE_END.sub("", phrase)
    mil = MILITARY_WORD.search(phrase)
    civ = CIVILIAN_WORD.search(phrase) or (mil and DETAINED_WORD.search(phrase))
    if mil and civ:
        return "mixed", f"words: {mil.group()}, {civ.group()}"
    if mil:
        return "military", f"word: {mil.group()}"
    if civ:
        return "civilian", f"word: {civ.group()}"
    forces = OWN_FORCES.search(phrase)  # "16 of their forces", "50 deaths among its forces"
    if forces:
        return "military", f"word: {forces.group()}"
    return UNSPECIFIED, ""


#: The people a toll was recorded among: "11 deaths ... have been recorded among
#: civilians", "injured people among the civilian population".
AMONG_KIND = re.compile(r"\bamong\s+(?:the\s+)?(?:civilians|civilian\s+population|local\s+"
                        r"(?:residents|population)|(?P<mil>servicemen|soldiers|troops|"
                        r"military\s+personnel))\b", re.IGNORECASE)


def among_population(text: str) -> tuple[str, str]:
    """``(population, evidence)`` from the people a figure was recorded among, or
    ``("unspecified", "")``."""
    m = "among" in text and AMONG_KIND.search(text)
    if not m:
        return UNSPECIFIED, ""
    return ("military" if m.group("mil") else "civilian"), f"among: {m.group()}"


def kin_population(text: str) -> tuple[str, str]:
    """``("civilian", evidence)`` for kin named with no soldiers in ``text`` (a figure's
    words up to its verb): "one brother killed", "two sisters were hurt"; not "two
    brothers, both soldiers, were killed" (nor relatives, who mourn the counted)."""
    kin = KIN.search(text)
    if kin and not MILITARY_WORD.search(text):
        return "civilian", f"word: {kin.group()}"
    return UNSPECIFIED, ""


#: A party's own forces as the people counted: "16 of their forces", "among its forces".
OWN_FORCES = re.compile(r"\b(?:of|among)\s+(?:its|their|our|his|her|the\s+\w+['’]s?)\s+"
                        r"(?:own\s+)?(?:armed\s+)?forces\b", re.IGNORECASE)
#: Kin named without soldiers: a family's members are civilians ("one brother killed",
#: "four members of the same family"); not sons, who are as often soldiers at the front.
KIN = re.compile(r"\b(?:brothers?|sisters?|husband|wife|spouses|members\s+of\s+"
                 r"(?:the\s+same|one|a|a\s+single|his|her|their)\s+family)\b", re.IGNORECASE)


#: A breakdown in brackets after a figure's people.
PARENTHESIS = re.compile(r"\(([^()]{3,120})\)")
#: "people, including 29 civilians", "200 were killed, among them children", "15
#: Azerbaijanis, including five soldiers": a part of one kind among people of every kind
#: (a whole named by people words, a nationality or the status alone).
#: (soldiers are a part of a whole of every kind only when it is named by people words or
#: a nationality: "143 dead, including 92 fighters" are all fighters).
#: Civilian words that name a kind of people (not "IDPs", "refugees": displaced people
#: among displaced people are no other kind).
_CIVILIAN_KINDS = tuple(w for w in CIVILIAN if w not in ("IDPs", "IDP", "refugees", "families",
                                                         "family", "citizens"))
_WHOLE = r"\b(?:people|persons|\b(?-i:[A-Z][a-z]+(?:ans|is)))\b"
_PART_OF = (r"(?:\s+on\s+(?:their|its|our|the\s+\w+)\s+side)?[^.;]{0,12}"
            r"\b(?:including|among\s+(?:them|whom)|of\s+whom)\s+(?:[\w,]+\s+){0,3}?")
INCLUDING = re.compile(rf"(?:{_WHOLE}|\b(?:victims|dead|killed|wounded|injured|hurt|casualties|"
                       rf"prisoners|captives|hostages|detainees|{_alt(MILITARY)})\b)"
                       rf"{_PART_OF}(?P<who>{_alt(_CIVILIAN_KINDS)})\b|"
                       rf"{_WHOLE}{_PART_OF}(?P<soldiers>{_alt(MILITARY)})\b", re.IGNORECASE)


@lru_cache(maxsize=2048)
def claimant_population(claimed_by: str) -> tuple[str, str]:
    """``(population, evidence)`` a claimant's own words imply (a defence ministry counts
    soldiers), or ``("unspecified", "")``."""
    found = [(m.start(), -len(m.group()), pop, m.group()) for pop, pattern in _CLAIMANT_POP
             for m in [pattern.search(claimed_by)] if m]
    if found:  # the first named, the longest there: "Civil Defence Ministry" is civil
        _, _, pop, word = min(found)
        return pop, f"claimant: {word}"
    return UNSPECIFIED, ""


def _words_side(profile: Profile, text: str) -> tuple[str, str]:
    """A side's words in a figure's phrase: one naming people ("Azerbaijani soldiers")
    wins; the other party ("clashes with Azerbaijani forces") names the opponent's dead;
    words of two sides name both."""
    found, against = [], []
    captive = "capti" in text or "custod" in text or "prison" in text or "jail" in text \
        or "detention" in text  # what CAPTOR_AFTER needs (a fast test)
    for pos, side, word in profile.side_words_in(text):
        if OPPONENT_BEFORE.search(text, max(0, pos - 14), pos) or (
                side in profile.opponent and (_ATTACK_AFTER.match(text, pos + len(word)) or
                                              (captive and CAPTOR_AFTER.match(text,
                                                                              pos + len(word))))):
            against.append((side, word))  # the other party, the attacker ("civilians
            # killed by Armenian attacks") or the captor ("from Azerbaijani captivity")
        elif _PEOPLE_AFTER.match(text, pos + len(word)):
            return side, f"word: {word}"
        else:
            found.append((side, word))
    if not found and against:
        side, word = against[0]
        victims = profile.opponent.get(side)
        return (victims, f"opponent: {word}") if victims else (UNSPECIFIED, "")
    sides = {s for s, _ in found}
    if len(sides - {"other"}) > 1:
        return BOTH, "words: " + ", ".join(w for _, w in found)
    for side, word in found:
        if side != "other":
            return side, f"word: {word}"
    return (found[0][0], f"word: {found[0][1]}") if found else (UNSPECIFIED, "")


def on_side(profile: Profile, text: str) -> tuple[str, str]:
    """``(side, evidence)`` for "on the Armenian side", "from the Azerbaijani side"."""
    for pos, side, word in profile.side_words_in(text):
        if ON_SIDE.search(text, max(0, pos - 12), pos) and \
                text[pos + len(word):pos + len(word) + 6].strip().startswith("side"):
            return side, f"words: the {word} side"
    return UNSPECIFIED, ""


def loser(profile: Profile, text: str) -> tuple[str, str]:
    """``(side, evidence)`` when a side is the subject of a loss verb ("Azerbaijan lost
    2,900 soldiers", "the Azerbaijani army lost 1,280 killed")."""
    for pos, side, word in profile.side_words_in(text):
        m = _LOSER.match(text, pos + len(word))
        if m:  # "the Azerbaijani army lost": the forces' people
            return side, f"loser: {word}{m.group().rstrip()}"
    return UNSPECIFIED, ""


def attacks_after(text: str, pos: int) -> bool:
    """Is the name at ``pos`` in ``text`` an attacker ("Azerbaijan attacked", "Armenian
    Armed Force's shelling")?"""
    end = pos + len(_NAME_AT.match(text, pos).group())
    return bool(_ATTACK_AFTER.match(text, end) or _FORCES_KILL.match(text, end) or
                _ATTACKED.match(text, end))


_NAME_AT = re.compile(r"[\w’'-]+(?:\s+[A-Z][\w’'-]*)*")
#: A party as the subject of an attack verb: "Azerbaijan attacked", "Baku launched".
_ATTACKED = re.compile(r"\s+(?:(?:has|have|had)\s+)?(?:attacked|shelled|struck|bombed|"
                       r"launched|fired|targeted|invaded)\b", re.IGNORECASE)
#: "accused Armenia of killing 21": the accused is the attacker.
ACCUSED = re.compile(r"\baccus(?:es|ed|ing)\s+(?:the\s+)?$", re.IGNORECASE)


def attacker(profile: Profile, text: str) -> tuple[str, str]:
    """``(side of the victims, evidence)`` when ``text`` names an attacking side
    ("Armenian shelling", "Azeri drones had killed", "by Azerbaijani forces")."""
    words = profile.side_words_in(text)
    for pos, side, word in words:
        victims = profile.opponent.get(side)
        if not victims:
            continue
        if ACCUSED.search(text, max(0, pos - 14), pos) and \
                ACCUSED_OF.match(text, pos + len(word)):
            return victims, f"attacker: accused {word} of"
        rest = text[pos + len(word):]
        near = rest[:14]
        captor = ("capti" in near or "custod" in near or "prison" in near or "jail" in near
                  or "detention" in near) and CAPTOR_AFTER.match(rest)
        if captor:  # "died in Azerbaijani captivity": the captives are the other side's
            return victims, f"captor: {word}{captor.group().rstrip()}"
        m = _ATTACK_AFTER.match(rest) or _FORCES_KILL.match(rest)
        if m and any(other != side and PAIR.fullmatch(text, at + len(name), pos)
                     for at, other, name in words if at < pos):
            return BOTH, f"attackers: both ({text[words[0][0]:pos + len(word)]})"  # "Clashes
            # between Azerbaijani and Armenian forces killed 13": the two parties' dead
        if m:
            end = pos + len(word) + m.end()
            target = TARGET.match(text, end)
            for at, other, name in words if target else ():
                if at == target.end() and other != side:  # "attacked a vehicle used by
                    return other, f"target: {text[end:at].strip()} {name}"  # Russian ..."
            return victims, f"attacker: {word}{m.group().rstrip()}"
    if " by " not in text:
        return UNSPECIFIED, ""
    for pattern in (ATTACKED_BY, ATTACK_BY):
        if pattern is ATTACK_BY and not any(k in text for k in _ATTACK_BY_KEYS):
            break
        for m in pattern.finditer(text):
            for _, side, word in profile.side_words_in(m.group("by")[:50]):
                if side in profile.opponent:
                    return profile.opponent[side], f"attacker: by ... {word}"
    return UNSPECIFIED, ""


#: A side's word naming the captor: "in Azerbaijani captivity", "from Armenian custody",
#: "Azerbaijani prisons".
CAPTOR_AFTER = re.compile(r"(?:['’]s)?\s+(?:captivity|custody|prisons?|jails?|detention)\b",
                          re.IGNORECASE)


#: "accused Armenia (of killing ...)".
ACCUSED_OF = re.compile(r"\s+of\s+(?:\w+\s+)?(?:killing|wounding|injuring|murdering|"
                        r"massacring|shelling|attacking|targeting)\b", re.IGNORECASE)


#: An attack told with its target: "launched a large-scale aggression against the
#: sovereign territory of the Republic of Armenia", "the offensive against Artsakh".
AGAINST = re.compile(r"\b(?:aggression|attacks?|offensive|assault|strikes?|operation)\s+"
                     r"against\s+(?P<target>[^,.;]{1,80})", re.IGNORECASE)


def attack_target(profile: Profile, text: str) -> tuple[str, str]:
    """``(side of the victims, evidence)`` when ``text`` tells an attack against a party
    or a place it holds, named first after "against"."""
    m = "against" in text and AGAINST.search(text)
    if m:
        for _, side, word in profile.side_words_in(m.group("target")):
            if side in profile.opponent:
                return side, f"target: against ... {word}"
    return UNSPECIFIED, ""


def returned_to(profile: Profile, text: str, day: dt.date | None = None) -> tuple[str, str]:
    """``(side, evidence)`` for captives handed over or returned to a side or a place
    it holds ("returned 17 POWs to Baku"); to both parties ("returned to Armenia and
    Azerbaijan"): both."""
    named = sorted([(pos, side, word) for pos, side, word in profile.side_words_in(text)
                    if side in profile.opponent] +
                   [(a, profile.side_on(place, day), text[a:b])
                    for a, b, place in profile.places_in(text)])
    for i, (pos, side, word) in enumerate(named):
        if RETURNED_TO.search(text, max(0, pos - 120), pos):
            after = named[i + 1] if i + 1 < len(named) else None
            if after is not None and after[1] != side and \
                    AND_NEXT.fullmatch(text, pos + len(word), after[0]):
                return BOTH, f"returned to: {word} and {after[2]}"
            return side, f"returned to: {word}"
    return UNSPECIFIED, ""


#: What joins two parties as one: "Armenia and Azerbaijan", "Yerevan and Baku".
AND_NEXT = re.compile(r"\s+and\s+(?:the\s+)?")


def place_side(profile: Profile, text: str, day: dt.date | None) -> tuple[str, str]:
    """``(side, evidence)`` from the first place of the profile named in ``text``."""
    for _, _, place in profile.places_in(text):
        return profile.side_on(place, day), f"place: {place.name}"
    return UNSPECIFIED, ""


@per_profile(4096)
def own_side(profile: Profile, np: str, tail: str) -> tuple[str, str]:
    """``(side, evidence)`` from a figure's own words: both sides, a side's word in its
    phrase, an origin after it ("from Syria")."""
    tail = AGENT.sub("", tail)
    both = profile.both_sides(f"{np} {tail}")
    if both:
        return BOTH, f"words: {both}"
    found, evidence = _words_side(profile, np)
    if found != UNSPECIFIED:
        return found, evidence
    lead = [(side, word) for pos, side, word in profile.side_words_in(tail)
            if tail[:pos].strip().lower() in ("", "of", "of the")]
    if lead:  # "the bodies of 1,557 Armenians": the people after the number
        return lead[0][0], f"word: {lead[0][1]}"
    origin = ORIGIN.match(tail)
    if origin:
        found, evidence = _words_side(profile, origin.group(1))
        if found != UNSPECIFIED:
            return found, f"origin: from {origin.group(1)}"
    return UNSPECIFIED, ""


@per_profile(4096)
def clause_side(profile: Profile, clause: str) -> tuple[str, str]:
    """``(side, evidence)`` from the loser ("Azerbaijan lost"), else the attacker, in a
    figure's clause."""
    low = clause.lower()
    if not profile.side_words_in(clause) and not (" to " in low and
                                                  profile.places_in(clause)):
        return UNSPECIFIED, ""  # every rule needs a side's word (or a place, returned to)
    for rule, needs in ((on_side, (" side",)), (loser, ("los", "suffer", "mourn", "buried")),
                        (returned_to, (" to ",)), (attacker, ()),
                        (struck_party, ()),
                        (third_party, ())):
        if needs and not any(n in low for n in needs):
            continue
        found, evidence = rule(profile, clause)
        if found != UNSPECIFIED:
            return found, evidence
    return UNSPECIFIED, ""


#: An attack named with whom it struck: "shelling of Azerbaijani towns", "strikes on
#: Armenian positions", "the bombardment of the Armenian-populated city".
STRUCK = re.compile(r"\b(?:shelling|bombardment|bombing|attacks?|strikes?|airstrikes?|"
                    r"fire)\s+(?:of|on|against)\s+(?:the\s+)?$", re.IGNORECASE)


def struck_party(profile: Profile, text: str) -> tuple[str, str]:
    """``(side, evidence)`` when an attack in ``text`` is told with the party it struck
    ("heavy shelling of Azerbaijani settlements": the people it killed are theirs)."""
    if " of " not in text and " on " not in text and " against " not in text:
        return UNSPECIFIED, ""  # (what every STRUCK match holds: a fast test)
    for pos, side, word in profile.side_words_in(text):
        if side in profile.opponent and STRUCK.search(text, max(0, pos - 30), pos):
            return side, f"struck: {text[max(0, pos - 30):pos].split()[-2]} of {word}"
    return UNSPECIFIED, ""


def third_party(profile: Profile, text: str) -> tuple[str, str]:
    """``(side, evidence)`` when ``text`` names people of a third country ("were French
    citizens", "15 thousand Soviet servicemen", "Russian peacekeepers"), or a party's
    civilians ("two Azerbaijani journalists"), not as the other party of a fight."""
    for pos, side, word in profile.side_words_in(text):
        if OPPONENT_BEFORE.search(text, max(0, pos - 14), pos):
            continue
        if side in profile.opponent:  # a party's civilians (never the attackers)
            if _CIVILIANS_AFTER.match(text, pos + len(word)):
                return side, f"word: {word}"
        elif (_PEOPLE_AFTER.match(text, pos + len(word)) or PEOPLE_SIDE_WORD.fullmatch(word)) \
                and not _ACTING.match(text, pos + len(word)):  # not "peacekeepers have evacuated"
            return side, f"word: {word}"
    return UNSPECIFIED, ""


_CIVILIANS_AFTER = re.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{_alt(CIVILIAN)})\b",
                              re.IGNORECASE)


#: People as the subject of an active verb ("Russian peacekeepers have evacuated").
_ACTING = re.compile(r"(?:\s+[\w-]+)?\s+(?:(?:have|has|had)\s+)?(?!(?:been|killed|wounded|"
                     r"injured|captured|detained|abducted)\b)\w+ed\b(?!\s+by\b)", re.IGNORECASE)
#: Side words that are themselves people ("peacekeepers", "Syrians", "mercenaries").
PEOPLE_SIDE_WORD = re.compile(r"(?i:.*(?:s|peacekeeping\s+forces?))")


def claimant_side(profile: Profile, group: str, claimed_by: str, clause: str, own: bool,
                  day: dt.date | None) -> tuple[str, str]:
    """``(side, evidence)`` a claimant gives a figure: a party's claimant counting "the
    enemy" in the figure's clause counts the other party's people; else its own people
    when ``own`` (its words say "its", "our", "his", or name people, or it is a toll);
    a claimant naming both parties ("Official sources from Armenia and Azerbaijan")
    both; else ``("unspecified", "")``."""
    side = profile.group_side(group)
    if not side:
        return UNSPECIFIED, ""
    if " and " in claimed_by and len({profile.group_side(g) for _, g, _ in
                                      profile.groups_in(claimed_by, day)}) > 1:
        return BOTH, f"claimant: {claimed_by} (both parties)"
    low = clause.lower()  # ENEMY needs one of its words (a fast test; "ſ" reads as "s")
    enemy = ENEMY.search(clause) if "enemy" in low or "adversary" in low or "other" in low or (
        "\u017f" in clause) else None
    if enemy and OPPONENT_BEFORE.search(clause, max(0, enemy.start() - 14), enemy.start()):
        enemy = None  # "killed in battles with the enemy": its own people
    if enemy and profile.opponent.get(side):
        return profile.opponent[side], f"claimant: {group} ({enemy.group()})"
    if not own and ("lost" in low or "suffered" in low):
        loss = SELF_LOSS.search(clause)  # "Azerbaijan said it had lost 50": its own
        if loss:
            return side, f"claimant: {group} ({loss.group()})"
    return (side, f"claimant: {group} (own people)") if own else (UNSPECIFIED, "")


#: A claimant speaking of its own loss: "(Azerbaijan said) it had lost", "the country
#: has suffered", "we lost".
SELF_LOSS = re.compile(r"\b(?:it|we|the\s+country)\s+(?:(?:has|have|had)\s+)?(?:lost|"
                       r"suffered)\b", re.IGNORECASE)


def civilian_place(profile: Profile, text: str) -> tuple[str, str]:
    """``("civilian", evidence)`` when ``text`` names a town behind the front."""
    for _, _, place in profile.places_in(text):
        if place.civilian:
            return "civilian", f"place: {place.name} (town)"
    return UNSPECIFIED, ""


#: An attack whose target is civilians: "when Armenian forces targeted a group of
#: civilians during a funeral", "opened fire on a bus carrying residents".
TARGETED = re.compile(
    r"\b(?:targeted|targeting|targets|fired\s+(?:at|on)|opened\s+fire\s+on|shelled|attacked)"
    r"\s+(?:a\s+(?:group|crowd|column|convoy|gathering)\s+of\s+|the\s+|an?\s+)?"
    rf"(?:\w+\s+)?(?:(?:bus|car|vehicle)\s+carrying\s+)?(?P<who>{_alt(CIVILIAN)})\b",
    re.IGNORECASE)
_TARGET_KEYS = ("target", "fire", "shelled", "attacked")


def target_population(sentence: str) -> tuple[str, str]:
    """``("civilian", evidence)`` when the attack a sentence tells of targeted civilians:
    the people it killed or wounded are of them."""
    low = sentence.lower()
    m = any(k in low for k in _TARGET_KEYS) and TARGETED.search(sentence)
    return ("civilian", f"target: {m.group()}") if m else (UNSPECIFIED, "")


@per_profile(4096)
def sentence_side(profile: Profile, sentence: str, day: dt.date | None) -> tuple[str, str]:
    """``(side, evidence)`` from anywhere in the sentence: an attacker or a loser; the
    two parties named together ("Armenia-Azerbaijan clashes", "between Yerevan and
    Baku": both); else one place."""
    found, evidence = clause_side(profile, sentence)
    if found != UNSPECIFIED:
        return found, f"sentence {evidence}"
    both = BOTH_IN_SENTENCE.search(sentence)
    if both:
        return BOTH, f"sentence words: {both.group()}"
    places = [(profile.side_on(place, day), place.name)
              for _, _, place in profile.places_in(sentence)
              if not place.after]  # a country named in passing is no place of the dead
    words = [(pos, side, word) for pos, side, word in profile.side_words_in(sentence)
             if side in profile.opponent]
    # two parties named as the two sides of one fight: "Armenia-Azerbaijan clashes",
    # "between Armenia and Azerbaijan"
    paired = [(a[1], a[2]) for a, b in pairwise(words)
              if a[1] != b[1] and PAIR.fullmatch(sentence[a[0] + len(a[2]):b[0]])]
    named = places or [(side, word) for pair in paired for side, word in
                       (pair, (profile.opponent[pair[0]], "…"))]
    sides = list(dict.fromkeys(side for side, _ in named))
    if len(sides) > 1:
        return BOTH, "sentence words: " + ", ".join(dict.fromkeys(w for _, w in named))
    if places:
        return places[0][0], f"sentence place: {places[0][1]}"
    return UNSPECIFIED, ""


#: Between a figure and a part of it: "41 citizens, including 9 soldiers", "45 citizens
#: (35 civilians ...", "231 mercenaries ..., of which 183".
PART_GAP = re.compile(r"[^.;]{0,60}?(?:\bincluding\b|\(|\bof\s+(?:whom|them|which)\b|"
                      r"\bamong\s+them\b)[^.;()]{0,40}$", re.IGNORECASE)
#: A toll's people before its number: "the number of (civilians) killed has risen to".
NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?P<who>(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:killed|"
                       r"wounded|injured|dead|missing|displaced|captured)\b[^.;]{0,80}$",
                       re.IGNORECASE)
#: What every PART_GAP holds (a gap without one is read no further).
_PART_WORDS = ("includ", "(", "of ", "among")
#: Words right after a number that point back at people counted before ("100 others",
#: "29 of them").
OTHERS = re.compile(r"\s*(?:[\w-]+\s+)?(?:others|more)\b|\s*of\s+(?:them|whom|these|those)\b",
                    re.IGNORECASE)
#: What a field's value is when a figure counts no one kind (skipped when carried).
_NO_KIND = {"side": (UNSPECIFIED, BOTH), "population": (UNSPECIFIED, "mixed")}


#: Words naming the fighting between the parties as a whole (generic English, not one
#: war's: a war's own names are in the profile's ``earlier_wars``).
FIGHTING_WORDS = ("war", "conflict", "fighting", "hostilities", "clash",
                  "clashes", "violence", "flare-up", "flare-ups", "flareup", "battle", "battles",
                  "combat", "escalation", "escalations")
_FIGHTING = rf"\b(?P<war>{_alt(FIGHTING_WORDS)})\b"
#: The fighting as the subject that killed, right before a figure ("a 1991-94 war over
#: Nagorno-Karabakh that killed about", "the six-week conflict left", "hostilities that
#: have killed", "full-scale hostilities in which up to", "a war in 2020, which resulted
#: in more than"; "since the 1990s, when some" after the fighting); matched up to the
#: figure.
TOLL_BEFORE = re.compile(
    rf"{_FIGHTING}[^.;:!?]{{0,80}}?\b(?:(?:(?:that|which)\s+(?:(?:has|have|had)\s+)?"
    r"(?:also\s+|already\s+|reportedly\s+)?)?(?:killed|left|claimed|cost|took|"
    r"resulted\s+in|caused)|(?:in|during)\s+which|when)\b[^.;:!?]{0,45}$", re.IGNORECASE)
#: The fighting as when, where or why a figure's people died, right after it ("1,000
#: people have died in nearly six weeks of fighting", "were killed in the 1991-94 war",
#: "have been killed since fighting erupted", "displaced since the latest violence",
#: "missing as a result of the Karabakh conflict").
TOLL_AFTER = re.compile(
    r"[^.;:!?]{0,80}?\b(?:in|during|since|amid|throughout|over|as\s+a\s+(?:result|"
    r"consequence)\s+of|linked\s+to)\s+(?:the\s+|this\s+|that\s+|a\s+)?"
    rf"(?:[\w’'-]+\s+){{0,4}}?{_FIGHTING}", re.IGNORECASE)
#: Side evidence of the rule, skipped by the rules that read an article's one side.
TOLL_EVIDENCE = "toll of the fighting"
#: A party's own people or toll, right before a figure or between it and the fighting
#: ("their military death toll to 84", "2,783 servicemen of our Armed Forces", "50 of
#: its soldiers"; not "its worst level since the 1990s").
OWN_TOLL = re.compile(r"\b(?:its|their|our)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}?(?:toll|losses|"
                      r"dead|casualties|soldiers|servicemen|troops|forces|people|citizens|"
                      r"civilians|fighters|personnel)\b", re.IGNORECASE)
_OWN_BEFORE = 60


def fighting_toll(profile: Profile, text: str, start: int, end: int, lo: int = 0,
                  hi: int | None = None) -> tuple[str, str]:
    """``("both", evidence)`` when the figure at ``start:end`` of ``text`` (its sentence
    is ``text[lo:hi]``) is the toll of a war, a conflict, fighting, hostilities, clashes,
    violence or a flare-up as a whole: the fighting is the subject that killed, or the
    figure's people died in, during or since it (LABELLING.md: one number for both
    sides). Not when a possessive right before the figure or between it and the
    fighting makes it a party's own (:data:`OWN_TOLL`); fighting "with" or "against" a
    party after the figure ("killed in clashes with Azerbaijani forces") counts the other
    party's people (``opponent: clashes with Azerbaijani``), or no side when no party is
    named there.
    Else ``("unspecified", "")``. Only for a figure no cue gave a side (its own words,
    a claimant's own people, a place, an attacker decide first)."""
    hi = len(text) if hi is None else hi
    # the fighting word must sit in the windows the patterns below search: look only there
    low = text[max(lo, start - 140):min(hi, end + 140)].lower()
    if not any(w in low for w in ("war", "conflict", "fight", "hostil", "clash", "violen",
                                  "flare", "battle", "combat", "escalat")):
        return UNSPECIFIED, ""
    after = None
    m = TOLL_BEFORE.search(text, max(lo, start - 140), start) or \
        _toll_of(profile, text, start, lo) or \
        (after := TOLL_AFTER.match(text, end, min(hi, end + 140)))
    if not m or OWN_TOLL.search(text, max(lo, start - _OWN_BEFORE), start) or \
            OWN_TOLL.search(m.group()):
        return UNSPECIFIED, ""
    war = m.group("war")
    against = after and WITH_PARTY.match(text, m.end("war"), min(hi, m.end("war") + 60))
    if against:
        for pos, side, word in profile.side_words_in(text[against.end():min(
                hi, against.end() + 40)]):
            if pos <= 12 and side in profile.opponent:  # "with (the) Azerbaijani forces"
                return profile.opponent[side], f"opponent: {war} with {word}"
        return UNSPECIFIED, ""
    return BOTH, f"{TOLL_EVIDENCE}: {war.lower()}"


#: The toll of the fighting named before its figure, with no party's word before it:
#: "the death toll from the clashes rose to 95", "the toll of the fighting stands at".
TOLL_OF = re.compile(rf"\btoll\s+(?:from|of|in)\s+(?:the\s+|this\s+|that\s+)?"
                     rf"(?:[\w’'-]+\s+){{0,3}}?{_FIGHTING}[^.;:!?]{{0,40}}?\b(?:rose|risen|"
                     r"increased|climbed|reached|stands|stood|jumped|grew|grown)\b"
                     r"(?:\s+(?:to|at))?[^.;:!?\d]{0,20}$", re.IGNORECASE)


def _toll_of(profile: Profile, text: str, start: int, lo: int) -> re.Match | None:
    """:data:`TOLL_OF` right before the figure at ``start`` (its sentence from ``lo``),
    when no party's word stands in the 40 characters before "toll" ("Azerbaijan's
    military death toll from the clashes rose to 50" is one party's)."""
    if "toll" not in text[max(lo, start - 120):start]:
        return None
    m = TOLL_OF.search(text, max(lo, start - 120), start)
    if m and profile.side_words_in(text[max(lo, m.start() - 40):m.start()]):
        return None
    return m


#: The other party of a fight after its word: "clashes with", "fighting against the".
WITH_PARTY = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:with|against)\s+(?:the\s+)?",
                        re.IGNORECASE)


#: Between a figure and the one before it in a list ("187 Armenian Soldiers, 21
#: Civilians"): the later is of the earlier's side.
_LISTED = re.compile(r"[^.;:!?\d]{0,30}?(?:,|\band\b)\s*(?:[\w-]+\s+){0,2}$")


def _fighting_tolls(rows: list[dict], named: ArticleClaimants, profile: Profile) -> None:
    """Each figure no cue placed that is a toll of the whole fighting
    (:func:`fighting_toll`) counts both sides; not one listed after a figure of one
    party ("187 Armenian soldiers, 21 civilians missing since the 2020 war")."""
    previous = None
    for row in rows:
        before, previous = previous, row
        if row["side"] != UNSPECIFIED:
            continue
        if before is not None and before["sentence_index"] == row["sentence_index"] and \
                before["side"] not in (UNSPECIFIED, BOTH) and \
                _LISTED.fullmatch(named.text, before["end"], row["start"]):
            continue
        a, b = named.spans[row["sentence_index"]]
        found, evidence = fighting_toll(profile, named.text, row["start"], row["end"], a, b)
        if found != UNSPECIFIED:
            row["side"], row["side_evidence"] = found, evidence


def from_paragraph(rows: list[dict], named: ArticleClaimants, profile: Profile,
                   day: dt.date | None) -> None:
    """Side and population a figure's own words and clause leave open, as a reader
    carries a story on; changes ``rows`` (one article's figures, in order) in place.

    - A figure whose parts count soldiers and civilians counts both kinds ("45 citizens
      (35 civilians and 10 servicemen)": mixed).
    - A figure takes the side of the other figures of its sentence when they share one
      ("41 Azerbaijani citizens, including 9 soldiers"), and so the population of one
      that names no people ("killing 21 civilians and wounding 70").
    - Else the sentence before it in its paragraph: the side of its figures when they
      share one party's, else its attacker, loser or place ("Armenian forces fired
      missiles at Ganja. As a result, 7 civilians were killed."); the population of its
      figures only for people pointed back at ("More than 100 others were injured").

    Never "both" or "mixed" carried (a war's two sides named before are no telling
    whose this figure counts); not for another source's figure, nor an earlier war's.
    """
    by_sentence: dict[int, list[dict]] = {}
    # what the session-5 steps need, read in one pass (most articles need none of them)
    historical = returned = guessed = displaced = False
    kin: set[int] = set()
    for row in rows:
        by_sentence.setdefault(row["sentence_index"], []).append(row)
        if row["historical"]:
            historical = True
        elif row["status"] == "displaced":
            displaced = True
        if row["status"] == "captured" and "returned to" in row["side_evidence"]:
            returned = True
        evidence = row["population_evidence"]
        if evidence[:5] in ("claim", "place"):
            guessed = True
        elif evidence[:11] == "including: " and _KIN_PART.match(evidence):
            kin.add(row["sentence_index"])
    text = named.text
    if historical and (day is None or day >= profile.start):
        historical = _this_war_after(rows, named, profile)
    if _anniversary(rows, named, profile):
        historical = True
    if guessed:
        _civilian_context(rows, text, profile)
    if returned:
        _returned_each(rows, text, profile, day)
    _fighting_tolls(rows, named, profile)
    if historical:
        _earlier_site(rows, named, profile)
    for index, figures in by_sentence.items():
        _parts(figures, text)
        if index in kin:
            _children_of_a_town(figures, profile)
    for row in rows if ("all" in text or "most" in text or "many" in text) else ():
        _apposed_kind(row, text)
    if "All" in text or "Most" in text or "Many" in text:
        _kind_told_next(by_sentence, named)
    for row in rows:
        kind = row["population"]
        if kind == UNSPECIFIED:
            if not row["historical"]:
                _part_of_people(row, named)
        elif kind == "military" and row["status"] == "captured" and \
                row["population_evidence"].startswith("word"):
            _captives_with_civilians(row, named)
    for row in rows:  # "the number of civilians killed has risen to 11"
        if row["population"] == UNSPECIFIED and "number" in row["sentence"]:
            toll = NUMBER_OF.search(text, max(0, row["start"] - 150), row["start"])
            found, evidence = population(toll.group("who")) if toll else (UNSPECIFIED, "")
            if found != UNSPECIFIED:
                row["population"], row["population_evidence"] = found, f"toll of {evidence}"

    summaries: dict[tuple[int, str], _Shared] = {}

    def shared(index: int, field: str) -> _Shared:
        """What the figures of sentence ``index`` share in ``field`` (read once)."""
        key = (index, field)
        if key not in summaries:
            summaries[key] = _Shared(by_sentence.get(index, []), field)
        return summaries[key]

    for field in ("side", "population"):
        found = []
        for row in rows:
            undecided = row[field] == UNSPECIFIED or row[f"{field}_evidence"].startswith(
                "same figure in")  # the same count elsewhere is weaker than this sentence
            if undecided and not row["historical"] and (field == "side" or _bare(row, text)):
                other = shared(row["sentence_index"], field).one(row, exclude=True)
                if other is not None:
                    found.append((row, other[field],
                                  f"same sentence's figure {other['count']:,}"))
        for row, value, evidence in found:  # from the figures decided before this step
            row[field], row[f"{field}_evidence"] = value, evidence
    summaries.clear()  # the sentences before are read as they are now
    for row in rows:
        index = row["sentence_index"]
        if row["historical"] or index == 0:
            continue
        if not named.same_paragraph(index - 1, index):
            if row["side"] == UNSPECIFIED and index >= 2 and index - 1 not in by_sentence \
                    and not named.same_paragraph(index - 2, index - 1):
                _lone_paragraph_before(row, named, profile, day)  # one-sentence paragraphs
            continue
        if row["population"] == UNSPECIFIED and OTHERS.match(text, row["end"]):
            other = shared(index - 1, "population").one(row)
            if other is not None:
                row["population"] = other["population"]
                row["population_evidence"] = f"previous sentence's figure {other['count']:,}"
        if row["side"] != UNSPECIFIED:
            continue
        if index - 1 in by_sentence:
            other = shared(index - 1, "side").one(row)
            if other is not None:
                row["side"] = other["side"]
                row["side_evidence"] = f"previous sentence's figure {other['count']:,}"
            continue  # figures of two sides, of none, or another source's
        a, b = named.spans[index - 1]
        side, evidence = sentence_side(profile, text[a:b], day)
        if side not in (UNSPECIFIED, BOTH):  # a war's two sides: not this figure's
            row["side"], row["side_evidence"] = side, f"previous {evidence}"
    if "among" in text:  # last: only what no other step told
        _civilians_among(rows, named)
    for row in rows if displaced else ():
        if row["status"] == "displaced" and not row["historical"] and (
                row["side"] == UNSPECIFIED or row["side_evidence"].startswith(
                    "sentence place")):  # a place elsewhere in the sentence is weaker
            _left_homeland(row, named, profile)
    _article_side(rows, text)
    _headline_side(rows, named, profile, day)


#: People named right before a part of them: "the bodies of mercenaries, including (20
#: killed in Karabakh)", "civilians, among them (5) ...".
PART_OF_PEOPLE = re.compile(rf"\b(?P<who>{_alt(MILITARY + CIVILIAN)})(?:['’]s?)?"
                            r"(?:\s+[\w-]+){0,3}?\s*,?\s+(?:including|among\s+(?:them|whom)|"
                            r"of\s+whom)\s+$", re.IGNORECASE)


#: Civilians among prisoners of war, after the figure in its sentence: "55 prisoners of
#: war were held, including six civilians", "150 POWs, who are either civilians or ...",
#: "122 prisoners of war and (other) detainees"; not "30 POWs and 14 civilian captives"
#: (another figure's people).
CAPTIVE_CIVILIANS = re.compile(
    r"[^.;]{0,80}?\b(?:(?:including|of\s+whom|among\s+(?:them|whom)|who\s+(?:are|were)|"
    r"while)\b[^.;]{0,40}?\bcivilians?\b|and\s+(?:other\s+)?(?:detainees|detained\s+"
    r"(?:persons|people)|hostages|civilians)\b)", re.IGNORECASE)


def _captives_with_civilians(row: dict, named: ArticleClaimants) -> None:
    """Prisoners of war told with civilians among them (:data:`CAPTIVE_CIVILIANS`) are
    mixed: the captives the parties exchange were soldiers and civilians."""
    b = named.spans[row["sentence_index"]][1]
    text = named.text
    if "civilian" not in text[row["end"]:b] and " and " not in text[row["end"]:b]:
        return
    m = CAPTIVE_CIVILIANS.match(text, row["end"], b)
    if m:
        row["population"] = "mixed"
        row["population_evidence"] = f"captives with civilians: {' '.join(m.group().split()[-4:])}"


def _part_of_people(row: dict, named: ArticleClaimants) -> None:
    """A figure naming no people that is a part of people named right before it ("the
    bodies of Syrian mercenaries, including 20 killed in Karabakh") counts their kind."""
    a = named.spans[row["sentence_index"]][0]
    text = named.text
    before = text[max(a, row["start"] - 20):row["start"]]
    if not ("includ" in before or "among" in before or "whom" in before) or \
            not _bare(row, text):
        return
    m = PART_OF_PEOPLE.search(text, max(a, row["start"] - 70), row["start"])
    if m:
        kind, _ = population(m.group("who"))
        if kind != UNSPECIFIED:
            row["population"] = kind
            row["population_evidence"] = f"part of: {m.group('who')}"


#: Words by which an article tells a reader that its dead and wounded include civilians,
#: or that it reports shelling, strikes or bombing, which an office counting civilians
#: reports on. Without them, such an office (an ombudsman, a prosecutor) or a town
#: behind the front does not make "people" civilians: LABELLING.md's "people with
#: nothing else in the article to tell" (the dead of a fuel depot blast near
#: Stepanakert, counted by the ombudsman).
CIVILIAN_CONTEXT = re.compile(r"\b(?:civilians?|civilian\s+population|settlements?|"
                              r"densely\s+populated|residential|shell(?:s|ing|ed)|"
                              r"(?:air\s*)?strikes?|rockets?|missiles?|bomb(?:s|ing|ed)|"
                              r"bombardments?|drones?|artillery)\b", re.IGNORECASE)
#: Population evidence of the two rules that read a civilian kind from a claimant or a
#: town, not from the people's own words (see :func:`claimant_population`,
#: :func:`civilian_place`).
def _civilian_context_in(text: str) -> bool:
    """Does ``text`` hold :data:`CIVILIAN_CONTEXT` (its words' stems tested first)?"""
    if not ("ivilian" in text or "ettlement" in text or "opulated" in text or  # any case
            "esidential" in text or "hell" in text or "trike" in text or "ocket" in text
            or "issile" in text or "omb" in text or "rone" in text or "rtillery" in text):
        return False
    return bool(CIVILIAN_CONTEXT.search(text))


_GUESSED_CIVILIAN = re.compile(r"claimant: |place: .* \(town\)$")
_SAME_FIGURE = re.compile(r"same figure in sentence (\d+)$")


#: Population evidence of a whole made mixed by a part of a kind of civilians other than
#: "civilians" ("people, including children": soldiers may be the rest).
_KIN_PART = re.compile(r"including: (?!civilians?\b)")


def _children_of_a_town(figures: list[dict], profile: Profile) -> None:
    """People killed or wounded in a town behind the front "including children" (or
    women, journalists) are its civilians, not soldiers with children among them: the
    figures of a sentence naming such a town that only such a part made mixed, and the
    figures that took their kind as neighbours, are civilian."""
    found, evidence = civilian_place(profile, figures[0]["sentence"])
    if found == UNSPECIFIED:
        return
    flipped = set()
    for row in figures:
        if row["population"] == "mixed" and _KIN_PART.match(row["population_evidence"]):
            flipped.add(f"neighbour: {row['count']:,}")
            row["population"] = "civilian"
            row["population_evidence"] = f"{evidence}, {row['population_evidence']}"
    for row in figures:
        if row["population"] == "mixed" and row["population_evidence"] in flipped:
            row["population"] = "civilian"
            row["population_evidence"] = f"{evidence}, {row['population_evidence']}"


def _civilian_context(rows: list[dict], text: str, profile: Profile) -> None:
    """Undo the population a claimant's kind or a town guessed, and its copies to the same
    figure told elsewhere: civilians in an article that never speaks of civilians
    (:data:`CIVILIAN_CONTEXT`), and any kind from an outsider's office (a third
    country's defence ministry counting captives exchanged counts no soldiers of its
    own). Such "people" are unspecified."""
    guessed = [r for r in rows if r["population_evidence"].startswith(("claimant", "place"))]
    if not guessed:
        return
    # a figure whose own evidence names civilians tells it at once (no scan of the article)
    civilians = True if any("ivilian" in r["population_evidence"] for r in rows) else None
    undone = set()
    for row in guessed:
        evidence = row["population_evidence"]
        if evidence.startswith("claimant") and row["claimant_group"] in profile.group_names \
                and not profile.group_side(row["claimant_group"]):
            pass  # an outsider's office: its kind says nothing of the people counted
        elif row["population"] == "civilian" and row["status"] != "displaced" and \
                _GUESSED_CIVILIAN.match(evidence):  # (the displaced of a town: its residents)
            if civilians is None:
                civilians = _civilian_context_in(text)
            if civilians:
                continue
        else:
            continue
        undone.add((row["count"], row["status"], row["sentence_index"], row["population"]))
        row["population"], row["population_evidence"] = UNSPECIFIED, ""
    for row in rows if undone else ():
        same = _SAME_FIGURE.match(row["population_evidence"])
        if same and (row["count"], row["status"], int(same.group(1)),
                     row["population"]) in undone:
            row["population"], row["population_evidence"] = UNSPECIFIED, ""


#: A figure's own destination right after it: "(12 captives were handed over to
#: Azerbaijan and) 44 to Armenia", "five prisoners of war returned to Yerevan".
OWN_DESTINATION = re.compile(r"(?:\s+[\w-]+){0,5}?\s+to\s+(?:the\s+)?(?=\w)")


def _returned_each(rows: list[dict], text: str, profile: Profile,
                   day: dt.date | None) -> None:
    """Captives whose clause names several destinations ("12 were handed over to
    Azerbaijan and 44 to Armenia") go back to the one named right after their own figure,
    not the first of the clause: whose people they are."""
    for row in rows:
        if row["status"] != "captured" or "returned to" not in row["side_evidence"]:
            continue
        m = row["side"] != BOTH and OWN_DESTINATION.match(text, row["end"], row["end"] + 70)
        if not m or any(c in m.group() for c in ",;.") or find_numbers(m.group()):
            continue
        after = text[m.end():m.end() + 40]
        named = [(pos, side, word) for pos, side, word in profile.side_words_in(after)
                 if side in profile.opponent] + [
            (a, profile.side_on(place, day), after[a:b]) for a, b, place in
            profile.places_in(after)]
        first = min(named, default=None)
        if first is not None and first[0] == 0 and first[1] != row["side"] and \
                not AND_NEXT.match(after, len(first[2])):  # "to Armenia and Azerbaijan"
            row["side"], row["side_evidence"] = first[1], f"returned to: {first[2]}"


#: Words of leaving before a region's name: "fled Nagorno-Karabakh", "evacuated 5,000
#: civilians from three districts in the", "thousands flee the".
LEAVING = re.compile(r"\b(?:from|fled|flee|flees|fleeing|left|leave|leaves|leaving|"
                     r"out\s+of)\b(?:\s+[\w’'-]+){0,5}?\s+$", re.IGNORECASE)


def _left_homeland(row: dict, named: ArticleClaimants, profile: Profile) -> None:
    """The displaced of this war told as leaving a region of the profile's
    ``displaced_from`` ("5,000 civilians evacuated from Nagorno-Karabakh", "thousands
    flee the enclave") are its people: that side's."""
    b = named.spans[row["sentence_index"]][1]
    text = named.text
    stop = re.search(r"[;:!?]|\.\s", text[row["end"]:b])
    rest = text[row["end"]:row["end"] + stop.start() if stop else b][:160]
    found = profile.homeland(rest)
    if found is None:
        return
    pos, side, word = found
    if LEAVING.search(rest, max(0, pos - 60), pos) and not re.search(r"[,(]", rest[:pos]):
        row["side"], row["side_evidence"] = side, f"left: {word}"


#: Words saying an article marks the anniversary of an event ("the 32nd anniversary of
#: the Khojaly massacre", "a commemorative evening", "victims remembered").
ANNIVERSARY = re.compile(r"\b(?:anniversary|commemorat\w*|remembrance|remembered|"
                         r"memorial\s+day|day\s+of\s+(?:mourning|remembrance))\b",
                         re.IGNORECASE)
#: How many characters of an article's start make its headline and lead.
HEAD_CHARS = 400


def _anniversary(rows: list[dict], named: ArticleClaimants, profile: Profile) -> bool:
    """An article whose headline or lead marks the anniversary of an earlier war's event
    (an earlier war's words or a year before this war, and :data:`ANNIVERSARY`) tells of
    that war: its figures are historical, but those whose sentence names this war or a
    year of it ("2,908 soldiers died in the 44-day war", "in 2020"). Returns whether it
    marked any."""
    head = named.text[:HEAD_CHARS]  # every ANNIVERSARY match holds one of these (fast):
    if not ("nnivers" in head or "ommemor" in head or "ememb" in head or
            "emorial" in head or "ourning" in head) or not ANNIVERSARY.search(head):
        return False
    earlier = profile.earlier_war(head)
    if not earlier:
        return False
    marked = False
    for row in rows:
        if row["historical"]:
            continue
        sentence = row["sentence"]
        years = [int(y) for y in YEAR_IN.findall(sentence)]
        if profile.names_this_war(sentence) or any(y >= profile.start.year for y in years):
            continue
        row["historical"] = marked = True
    return marked


def _earlier_site(rows: list[dict], named: ArticleClaimants, profile: Profile) -> None:
    """An earlier war's figures in an article headed by a place whose people died there
    (a profile place with ``people``: "the Khojaly tragedy", "Maragha commemoration
    day") count its residents: that side's civilians, where nothing else told. The
    displaced of an earlier war (residents driven out) are civilians too."""
    for row in rows:
        if row["historical"] and row["status"] == "displaced" and \
                row["population"] == UNSPECIFIED:
            row["population"] = "civilian"
            row["population_evidence"] = "displaced in an earlier war"
    head = named.text[:HEAD_CHARS]
    if not any(name in head for name in _people_places(profile)):  # a fast test
        return
    sites = {(place.people, place.name) for _, _, place in profile.places_in(head)
             if place.people}
    if len({side for side, _ in sites}) != 1:
        return
    side, name = sites.pop()
    for row in rows:
        a, b = named.spans[row["sentence_index"]]
        if not row["historical"] or row["side"] == BOTH or WAR_TOLL.search(
                named.text, max(a, row["start"] - 80), min(b, row["end"] + 60)):
            continue  # a war's toll counts both sides' people
        if row["side"] == UNSPECIFIED:
            row["side"], row["side_evidence"] = side, f"headline place: {name} (its people)"
        kin = row["population"] == "mixed" and _KIN_PART.match(row["population_evidence"])
        if (row["population"] == UNSPECIFIED or kin) and (  # captives: unless soldiers
                row["status"] != "captured" or not MILITARY_WORD.search(row["sentence"])):
            row["population"] = "civilian"
            row["population_evidence"] = f"headline place: {name} (its residents)"


@per_profile(1)
def _people_places(profile: Profile) -> tuple[str, ...]:
    """The names and aliases of the profile's places with ``people``, as written and in
    capitals."""
    return tuple(v for p in profile.places if p.people for n in (p.name, *p.aliases)
                 for v in (n, n.upper()))


#: This war named with its year right after a figure: "(195 persons were still
#: unaccounted for) after the 2020 war", "in the 2023 offensive" (not "said in 2021").
WAR_OF_YEAR = re.compile(r"\b(?:in|after|during|since|of|from)\s+(?:the\s+)?(?P<y>(?:19|20)"
                         r"\d\d)\s+(?:[\w-]+\s+)?(?:war|conflict|fighting|clashes|"
                         r"hostilities|offensive|escalation)\b", re.IGNORECASE)


def _this_war_after(rows: list[dict], named: ArticleClaimants, profile: Profile) -> bool:
    """A figure marked historical by an earlier war named in its clause is not, when the
    words right after it (to 90 characters, in its sentence) name this war by its name
    or year: "777 remain missing from the first war in the 1990s, and 195 persons were
    still unaccounted for after the 2020 war" (the 195)."""
    left = False
    for row in rows:
        if not row["historical"]:
            continue
        b = named.spans[row["sentence_index"]][1]
        after = named.text[row["end"]:min(b, row["end"] + 90)].split(";")[0]
        war = "war" in after or "War" in after  # what every name of this war holds
        m = ("19" in after or "20" in after) and WAR_OF_YEAR.search(after)
        if (m and int(m.group("y")) >= profile.start.year) or (
                war and profile.names_this_war(after)):
            row["historical"] = False
        else:
            left = True
    return left


YEAR_IN = re.compile(r"(?<![\d,.])((?:19|20)\d\d)(?!\d|,\d)")


def _lone_paragraph_before(row: dict, named: ArticleClaimants, profile: Profile,
                           day: dt.date | None) -> None:
    """A figure opening a paragraph after a paragraph of one sentence (a web page's
    layout: a sentence a paragraph) takes the side of that sentence's attacker or loser
    ("The latest shelling by Armenian forces hit Ganja." / "At least 23 civilians were
    killed in an attack on Saturday."): a reader reads on across such breaks. Not a
    place alone (bodies found in a district counted by who holds it now), nor a war's
    two sides."""
    a, b = named.spans[row["sentence_index"] - 1]
    side, evidence = sentence_side(profile, named.text[a:b], day)
    if side not in (UNSPECIFIED, BOTH) and evidence.startswith(("sentence attacker",
                                                                 "sentence loser")):
        row["side"], row["side_evidence"] = side, f"previous paragraph {evidence}"


#: An apposition naming which people all or most of a figure's people are: "21 people,
#: all of them civilians,", "seven people, all of whom were soldiers", "30 people – mostly
#: civilians –" (all: that kind; most, many, almost all: mixed, the rest are others).
APPOSED_KIND = re.compile(
    r"[^.;,()–—]{0,40}?(?:,|\(|\s[–—-])\s*(?P<q>(?:almost|nearly|virtually)\s+all|all|most|"
    r"mostly|many|the\s+majority)\b(?:\s+of\s+(?:them|whom|these|those))?\s+"
    r"(?:(?:were|are|was|being|reportedly)\s+)*(?:[\w-]+\s+)?"
    rf"(?P<who>{_alt(MILITARY + CIVILIAN)})\b", re.IGNORECASE)
#: Population evidence from a figure's own people words, which an apposition's "most"
#: does not overrule ("14 civilian captives, most of them residents of ...").
_OWN_WORDS = ("word", "parts")


def _apposed_kind(row: dict, text: str) -> None:
    """A figure's population from an apposition after it (:data:`APPOSED_KIND`): "all of
    them civilians" over a claimant's kind, a place's or "of whom" read as a part;
    "mostly civilians" only where the figure's own words name no kind."""
    m = APPOSED_KIND.match(text, row["end"], row["end"] + 160)
    if not m:
        return
    kind = population(m.group("who"))[0]
    whole = m.group("q").lower() == "all"
    if not whole and row["population_evidence"].startswith(_OWN_WORDS):
        return
    row["population"] = kind if whole else "mixed"
    row["population_evidence"] = f"apposition: {' '.join(m.group().split()[-6:])}"


#: A sentence saying which people all or most of the figures before it count: "All of
#: them were civilians.", "All the dead were soldiers.", "Most of the victims were
#: children." (not "All of them were taken to hospital").
KIND_NEXT = re.compile(
    r"\W*(?P<q>All|Most|Many|Almost\s+all|Nearly\s+all)\b(?:\s+of)?(?:\s+(?:them|those|these|"
    r"the\s+(?:dead|victims|killed|wounded|injured|casualties)))?\s+(?:(?:were|are|was)\s+)"
    r"(?:(?:reportedly|said\s+to\s+be|believed\s+to\s+be)\s+)?(?:[\w-]+\s+)?"
    rf"(?P<who>{_alt(MILITARY + CIVILIAN)})\b")


def _kind_told_next(by_sentence: dict[int, list[dict]], named: ArticleClaimants) -> None:
    """The figures of a sentence followed, in its paragraph, by one saying which people
    all of them were ("Twelve people were killed in the strike. All of them were
    civilians."): that kind; "Most of them were children": mixed. Only figures whose own
    words name no kind of people."""
    text = named.text
    for index, figures in by_sentence.items():
        if index + 1 >= len(named.spans) or not named.same_paragraph(index, index + 1):
            continue
        m = KIND_NEXT.match(text, *named.spans[index + 1])
        if not m:
            continue
        whole = m.group("q") == "All"
        kind = population(m.group("who"))[0] if whole else "mixed"
        for row in figures:
            if row["status"] != "displaced" and not row["historical"] and \
                    not row["population_evidence"].startswith(_OWN_WORDS):
                row["population"] = kind
                row["population_evidence"] = f"next sentence: {m.group().strip()}"


#: How many first sentences make an article's headline and lead, whose place or attacker
#: tells whose people its body's figures count when nothing else does.
HEAD_SENTENCES = 2


def _headline_side(rows: list[dict], named: ArticleClaimants, profile: Profile,
                   day: dt.date | None) -> None:
    """A figure no step placed takes the side its article's headline or lead tells by a
    place, an attacker or a loser ("Shelling of Ganja leaves civilians dead" above "12
    residents were killed ..."), when the body stays on that event: no sentence from
    the lead to the figure tells another side, no figure of the article is of another
    side, and the figure's sentence turns to no other event or a war's toll."""
    if not any(r["side"] == UNSPECIFIED and not r["historical"] for r in rows):
        return
    head, side, evidence = -1, UNSPECIFIED, ""
    for k in range(min(HEAD_SENTENCES, len(named.spans))):
        found, how = sentence_side(profile, named.text[slice(*named.spans[k])], day)
        if found == BOTH or (found != UNSPECIFIED and side not in (UNSPECIFIED, found)):
            return  # both parties' events in the lead
        if found != UNSPECIFIED and side == UNSPECIFIED:
            head, side, evidence = k, found, how
    if side == UNSPECIFIED or any(r["side"] not in (UNSPECIFIED, side) and not r[
            "side_evidence"].startswith(TOLL_EVIDENCE) for r in rows):
        return
    first = named.text[slice(*named.spans[head])].rstrip()
    where = "lead" if head or first.endswith((".", "!", "?", "”", '"')) else "headline"
    stays = [head]  # the last sentence read from the lead on that tells no other side

    def on_story(index: int) -> bool:  # read each sentence once: linear in the article
        while stays[-1] < index and stays[-1] >= 0:
            k = stays[-1] + 1
            found = sentence_side(profile, named.text[slice(*named.spans[k])], day)[0]
            stays.append(k if found in (UNSPECIFIED, side) else -1)
        return stays[-1] >= index

    for row in rows:
        index = row["sentence_index"]
        if row["side"] != UNSPECIFIED or row["historical"] or index <= head or \
                named.turns_away(index) or WAR_TOLL.search(
                    named.text, max(0, row["start"] - 80), row["end"] + 60):
            continue
        if on_story(index):
            row["side"] = side
            row["side_evidence"] = f"{where} {evidence}"


class _Shared:
    """What the figures of one sentence share in a field, read once (a sentence may hold
    thousands of figures): :meth:`one` answers for any of them in constant time."""

    def __init__(self, figures: list[dict], field: str):
        self.field = field
        self.decided = [r for r in figures if r[field] not in _NO_KIND[field]]
        self.values = Counter(r[field] for r in self.decided)
        self.groups = Counter(r["claimant_group"] for r in figures)
        self.ids = {id(r) for r in figures}

    def one(self, row: dict, exclude: bool = False) -> dict | None:
        """The last decided figure (not ``row`` itself when ``exclude``) if the figures
        (but ``row``) share one value and are ``row``'s source's (or nobody's)."""
        values, groups, decided = self.values, self.groups, self.decided
        if exclude and id(row) in self.ids:
            values, groups = values.copy(), groups.copy()
            groups[row["claimant_group"]] -= 1
            if decided and row[self.field] in values and any(r is row for r in decided[-2:]):
                values[row[self.field]] -= 1
                decided = [r for r in decided[-2:] if r is not row]
            elif row[self.field] not in _NO_KIND[self.field]:
                values[row[self.field]] -= 1
        if sum(1 for v in values.values() if v > 0) != 1 or not decided:
            return None
        if row["claimed_by"] and row["claimant_group"] != "unattributed" and \
                groups[row["claimant_group"]] <= 0:
            return None
        return decided[-1]


#: A count of civilians said to be a part of a toll told before it: "At least 10
#: civilians were among the dead", "among the casualties, at least 10 were civilians",
#: "Among the victims are three children".
CIVILIANS_AMONG = re.compile(
    rf"\b(?:{_alt(CIVILIAN)})\b[^.;]{{0,30}}?\b(?:were|are|was|is)\s+among\s+(?:the\s+)?"
    rf"(?P<toll>dead|killed|casualties|victims|wounded|injured)\b|"
    rf"\bamong\s+(?:the\s+)?(?P<toll2>dead|killed|casualties|victims|wounded|injured)\b,?"
    rf"\s+(?:(?:are|were)\s+)?[^.;]{{0,30}}?\b(?:{_alt(CIVILIAN)})\b", re.IGNORECASE)
#: The same for lower-cased text (:func:`~conflictnews.patterns.ascii_fold`).
CIVILIANS_AMONG_LOW = re.compile(fold_pattern(CIVILIANS_AMONG.pattern))
#: How many sentences before a "civilians among the dead" its toll may be told.
AMONG_BACK = 4


def _civilians_among(rows: list[dict], named: ArticleClaimants) -> None:
    """A toll of unnamed people followed, in its sentence or one of the next
    :data:`AMONG_BACK`, by a smaller count of civilians "among the dead" counts soldiers
    too: mixed ("There are at least 200 killed and 400 wounded." ... "At least 10
    civilians were among the dead"). A figure that names its people, one of an earlier
    war and one a place already told civilian keep theirs; a claimant's kind ("an
    ombudsman counts civilians") yields."""
    text = named.text
    starts = [a for a, _ in named.spans]
    for m in _among_matches(text):
        index = max(0, bisect.bisect_right(starts, m.start()) - 1)
        counted = find_numbers(m.group())
        part = counted[0].value if counted else 0
        for row in rows:
            if not (index - AMONG_BACK <= row["sentence_index"] <= index) or \
                    row["end"] > m.start() or row["historical"] or \
                    row["status"] not in ("killed", "wounded") or row["count"] <= part:
                continue
            if row["population"] == UNSPECIFIED or (
                    row["population"] == "civilian" and row["population_evidence"].startswith(
                        ("claimant", "same sentence's figure", "same figure"))):
                row["population"] = "mixed"
                row["population_evidence"] = f"civilians among them: {m.group()}"


def _among_matches(text: str) -> list[re.Match]:
    """The matches of :data:`CIVILIANS_AMONG` in ``text``, read only around each "among"
    (every match holds one, at most ~70 characters in): the same matches as a scan of
    the whole text, many times faster on long articles."""
    low, out, seen = ascii_fold(text), [], set()
    if low is None:  # lower-casing would move offsets: scan it all
        return list(CIVILIANS_AMONG.finditer(text))
    at = low.find("among")
    while at >= 0:
        for m in (FoldedMatch(m, text) for m in CIVILIANS_AMONG_LOW.finditer(
                low, max(0, at - 80), at + 120)):
            if m.start() <= at < m.end() and m.span() not in seen and not any(
                    a < m.end() and m.start() < b for a, b in seen):
                seen.add(m.span())
                out.append(m)
        at = low.find("among", at + 5)
    return sorted(out, key=lambda m: m.start())


#: How many figures of one party an article must tell, and none of another, before a
#: figure it leaves undecided is read as that party's.
ARTICLE_SIDE_MIN = 1


#: A war's or a fight's whole toll ("a war that killed 6,600", "the six-week conflict,
#: which left 6,500 dead") counts both parties' dead, never the one party an article is
#: about.
WAR_TOLL = re.compile(r"\b(?:wars?|conflicts?|clashes|fighting|hostilities)\b[^.;]{0,50}?"
                      r"(?:\b(?:that|which)\s+(?:has\s+|have\s+|had\s+)?)?"
                      r"\b(?:killed|left|claimed|cost)\b", re.IGNORECASE)


def _article_side(rows: list[dict], text: str) -> None:
    """A figure no step could place takes its article's side when the article tells
    figures of one party only (at least :data:`ARTICLE_SIDE_MIN`, of the same war: an
    earlier war's figures and this war's are apart): a report on one side's losses ("the
    fuel depot blast in Nagorno-Karabakh ... 170 dead ... 290 people injured in the
    blast"). An article telling two parties' figures, or one for both sides, leaves it
    undecided, and so does a war's or a fight's toll (:data:`WAR_TOLL` near it)."""
    for historical in (False, True):
        same_war = [r for r in rows if r["historical"] == historical]
        decided = [r for r in same_war if r["side"] != UNSPECIFIED and
                   not r["side_evidence"].startswith(TOLL_EVIDENCE)]  # a war's toll is
        # no figure of the article's own story
        sides = {r["side"] for r in decided}
        if len(decided) < ARTICLE_SIDE_MIN or len(sides) != 1 or sides & {BOTH, "other"}:
            continue
        side = sides.pop()
        for row in same_war:
            if row["side"] == UNSPECIFIED and not WAR_TOLL.search(
                    text, max(0, row["start"] - 80), row["end"] + 60):
                row["side"] = side
                row["side_evidence"] = f"article: {len(decided)} figures {side}"


#: A breakdown in brackets right after a figure's people: "45 citizens (35 civilians and
#: 10 servicemen)".
BREAKDOWN = re.compile(r"\s+(?:[\w-]+\s+){0,2}\(([^()]{3,120})\)")
#: People words that name no kind of people: a figure with one is left as it says.
GENERIC_PEOPLE = re.compile(r"\s*(?:[\w-]+\s+)?(?:people|persons|individuals|men)\b",
                            re.IGNORECASE)


def _bare(row: dict, text: str) -> bool:
    """Does a figure name no people ("and injured 10", "dozens were wounded"), and count
    no displaced (who are never the soldiers or civilians counted beside them)?"""
    return row["status"] != "displaced" and not GENERIC_PEOPLE.match(text, row["end"])


def _parts(figures: list[dict], text: str) -> None:
    """A figure whose parts (later figures of its sentence after "including", "(", "of
    whom") count soldiers and civilians is mixed; a part whose side only a place told
    takes its whole's ("143 dead, including 92 fighters whose bodies ... remained in
    Azerbaijan"); a figure taken as the neighbour of one of its parts takes the whole's
    population instead."""
    whole_of: dict[int, dict] = {}
    if len(figures) == 1 and "(" not in text[figures[0]["end"]:figures[0]["end"] + 40]:
        return  # no parts, no breakdown
    for head in figures:  # a breakdown in brackets: "45 citizens (35 civilians and 10 ...)"
        inner = "(" in text[head["end"]:head["end"] + 40] and BREAKDOWN.match(text, head["end"])
        if inner and head["population"] != "mixed":
            mil = MILITARY_WORD.search(inner.group(1))
            civ = CIVILIAN_WORD.search(inner.group(1))
            if mil and civ:
                head["population"] = "mixed"
                head["population_evidence"] = f"parts: {civ.group()}, {mil.group()}"
    for i, head in enumerate(figures):
        parts = []
        for part in figures[i + 1:]:
            gap = text[head["end"]:part["start"]]
            if len(gap) > 100 or not any(w in gap for w in _PART_WORDS) or \
                    not PART_GAP.match(gap):
                break
            parts.append(part)
            whole_of.setdefault(id(part), head)
        if head["side"] not in (UNSPECIFIED, BOTH):  # a part is of its whole's side,
            for part in parts:  # whatever place its own clause names
                if part["side"] != head["side"] and part["side_evidence"].startswith(
                        ("place", "sentence place", "same figure")):
                    part["side"] = head["side"]
                    part["side_evidence"] = f"part of figure {head['count']:,}"
        kinds = {p["population"] for p in parts}
        if {"military", "civilian"} <= kinds and head["population"] != "mixed":
            head["population"] = "mixed"
            head["population_evidence"] = "parts: " + ", ".join(
                f"{p['count']:,} {p['population']}" for p in parts)
    for row in figures if whole_of else ():
        ev = row["population_evidence"]
        if ev.startswith("neighbour: "):
            part = next((p for p in figures if id(p) in whole_of and
                         ev == f"neighbour: {p['count']:,}"), None)
            if part is not None:
                whole = whole_of[id(part)]
                row["population"] = whole["population"]
                row["population_evidence"] = f"neighbour: {whole['count']:,}"


# --------------------------------------------------------------------------- summaries

#: Each inferred field, its evidence column, and the value meaning "not decided".
INFERRED = (("side", "side_evidence", UNSPECIFIED),
            ("population", "population_evidence", UNSPECIFIED),
            ("claimed_by", "claim_evidence", ""))


def evidence_kind(evidence: str) -> str:
    """What kind of evidence decided a field: ``word``, ``place``, ``attacker``,
    ``claimant``, ``neighbour``, ``same figure``, ``said`` ... (the words before the
    first colon, without sentence numbers); ``""`` for none."""
    if "= last named claimant" in evidence:
        return "pronoun"
    if " = " in evidence:
        return "office named before"
    if evidence == "noun":
        return "estimate noun"
    if evidence != "according to" and _VERB_ONLY.fullmatch(evidence) and \
            len(evidence.split()) <= 4 and not any(c.isdigit() for c in evidence):
        return "speech verb"
    head = evidence.split(":", 1)[0].split(";", 1)[0]
    return re.sub(r"\s*\(?\b(?:in\s+)?(?:sentence|of sentence)\s+\d+.*$|\s*\d+.*$", "",
                  head).strip()


_VERB_ONLY = re.compile(r"[\w ]+?(?: \(before its claimant\))?")


def inferred_shares(figures: pd.DataFrame) -> pd.DataFrame:
    """One row per inferred field: ``field, decided, total, share`` (how many figures
    have a side, a population, a claimant)."""
    rows = []
    for field, _, none in INFERRED:
        decided = int((figures[field].fillna(none) != none).sum())
        rows.append({"field": field, "decided": decided, "total": len(figures),
                     "share": decided / len(figures) if len(figures) else 0.0})
    return pd.DataFrame(rows, columns=["field", "decided", "total", "share"])


def evidence_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """How each inferred field was decided: ``field, value, evidence, figures``, most
    common first (``evidence`` is :func:`evidence_kind`)."""
    parts = []
    for field, column, none in INFERRED:
        decided = figures[figures[field].fillna(none) != none]
        evidence = decided[column].fillna("")  # each distinct text read once
        kinds = evidence.map({e: evidence_kind(e) for e in evidence.unique()})
        value = decided[field] if field != "claimed_by" else decided["claimant_group"]
        parts.append(pd.DataFrame({"field": field, "value": value.to_numpy(),
                                   "evidence": kinds.to_numpy()}))
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["field", "value", "evidence"])
    out = frame.groupby(["field", "value", "evidence"]).size().rename("figures").reset_index()
    return out.sort_values(["field", "figures"], ascending=[True, False]).reset_index(drop=True)


def without_evidence(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures with an inferred field decided but no evidence for it (none, if every
    rule names what decided it)."""
    bad = False
    for field, column, none in INFERRED:
        bad = bad | ((figures[field].fillna(none) != none) & (figures[column].fillna("") == ""))
    return figures[bad]
