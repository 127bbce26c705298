"""Whose people a casualty figure counts (``side``) and which people (``population``),
decided as a careful reader would, each with the evidence that decided it.

Rules, first that applies (also in the README):

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

import datetime as dt
import re

from conflictnews.profile import BOTH, UNSPECIFIED, Profile

MILITARY = (
    "servicemen", "serviceman", "servicemembers", "service members", "soldiers", "soldier",
    "troops", "fighters", "military", "personnel", "combatants", "militants", "mercenaries",
    "officers", "conscripts", "army", "sailors", "pilots", "guerrillas", "rebels",
    "militiamen", "policemen", "police", "guards", "reservists", "commanders", "servicewomen",
    "peacekeepers", "sappers", "deminers", "volunteers", "border guards", "servicepeople",
    "military personnel", "contract soldiers", "officer", "fighter", "mercenary",
)
CIVILIAN = (
    "civilians", "civilian", "residents", "children", "child", "women", "villagers",
    "inhabitants", "journalists", "reporters", "students", "medics", "doctors", "passengers",
    "worshippers", "mourners", "pensioners", "farmers", "families", "non-combatants",
    "citizens", "refugees", "journalist", "minors", "elderly", "teenagers", "infants",
    "babies", "boys", "girls", "paramedics", "nurses", "workers", "rescuers", "teachers",
    "shepherd", "shepherds",
)
#: What a claimant's own words say about the people it counts when the figure says
#: nothing: a defence body counts soldiers, a rights or health body civilians.
CLAIMANT_POPULATION = {
    "military": ("defence ministry", "defense ministry", "ministry of defence",
                 "ministry of defense", "defence army", "defense army", "army",
                 "armed forces", "military", "general staff", "MoD"),
    "civilian": ("ombudsman", "human rights defender", "prosecutor", "prosecutor-general",
                 "prosecutor general", "health ministry", "ministry of health",
                 "emergency", "rescue service", "emergencies ministry"),
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
FORCES_WORDS = ("forces", "troops", "army", "soldiers", "military", "units", "side")
KILLING_VERBS = ("killed", "kill", "kills", "killing", "wounded", "wounding", "injured",
                 "shot", "murdered", "massacred", "executed", "shelled", "struck", "hit",
                 "targeted", "attacked", "bombed")
#: "from Syria": an origin names whose people.
ORIGIN = re.compile(r"\bfrom\s+(\w[\w-]+)")
AGENT = re.compile(r"\bby\s+[^,;]*", re.IGNORECASE)
#: "killed by Azerbaijani shelling", "shelled by Armenian forces": the attacker follows.
ATTACKED_BY = re.compile(r"\b(?:killed|wounded|injured|shelled|hit|struck|targeted|attacked|"
                         r"fired|launched|carried\s+out|caused|bombed|shot)\s+by\s+"
                         r"(?:the\s+)?(?P<by>[^,;]*)", re.IGNORECASE)
POSSESSIVE = re.compile(r"\b(?:its|their|our|own)\b", re.IGNORECASE)
PEOPLE = re.compile(r"\b(?:people|persons)\b")


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(set(words), key=len, reverse=True))


MILITARY_WORD = re.compile(rf"\b(?:{_alt(MILITARY)})\b", re.IGNORECASE)
CIVILIAN_WORD = re.compile(rf"\b(?:{_alt(CIVILIAN)})\b", re.IGNORECASE)
_CLAIMANT_POP = [(pop, re.compile(rf"(?i:\b(?:{_alt(words)})\b)"))
                 for pop, words in CLAIMANT_POPULATION.items()]
_ATTACK_AFTER = re.compile(rf"^(?:['’]s)?\s+(?:\w+\s+){{0,2}}?(?:{_alt(ATTACK_WORDS)})\b",
                           re.IGNORECASE)
_FORCES_KILL = re.compile(rf"^(?:['’]s)?\s+(?:armed\s+)?(?:{_alt(FORCES_WORDS)})\s+"
                          rf"(?:\w+\s+){{0,2}}?(?:{_alt(KILLING_VERBS)})\b", re.IGNORECASE)


def population(phrase: str) -> tuple[str, str]:
    """``(population, evidence)`` from the people words of a figure's phrase."""
    mil = MILITARY_WORD.search(phrase)
    civ = CIVILIAN_WORD.search(phrase)
    if mil and civ:
        return "mixed", f"words: {mil.group()}, {civ.group()}"
    if mil:
        return "military", f"word: {mil.group()}"
    if civ:
        return "civilian", f"word: {civ.group()}"
    return UNSPECIFIED, ""


def claimant_population(claimed_by: str) -> tuple[str, str]:
    """``(population, evidence)`` a claimant's own words imply (a defence ministry counts
    soldiers), or ``("unspecified", "")``."""
    for pop, pattern in _CLAIMANT_POP:
        m = pattern.search(claimed_by)
        if m:
            return pop, f"claimant: {m.group()}"
    return UNSPECIFIED, ""


def _words_side(profile: Profile, text: str) -> tuple[str, str]:
    found = [(side, word) for _, side, word in profile.side_words_in(text)]
    sides = {s for s, _ in found}
    if len(sides - {"other"}) > 1:
        return BOTH, "words: " + ", ".join(w for _, w in found)
    for side, word in found:
        if side != "other":
            return side, f"word: {word}"
    return (found[0][0], f"word: {found[0][1]}") if found else (UNSPECIFIED, "")


def attacker(profile: Profile, text: str) -> tuple[str, str]:
    """``(side of the victims, evidence)`` when ``text`` names an attacking side
    ("Armenian shelling", "Azeri drones had killed", "by Azerbaijani forces")."""
    for pos, side, word in profile.side_words_in(text):
        victims = profile.opponent.get(side)
        if not victims:
            continue
        rest = text[pos + len(word):]
        m = _ATTACK_AFTER.match(rest) or _FORCES_KILL.match(rest)
        if m:
            return victims, f"attacker: {word}{m.group().rstrip()}"
    for m in ATTACKED_BY.finditer(text):
        side, evidence = _words_side(profile, m.group("by")[:40])
        if side in profile.opponent:
            return profile.opponent[side], f"attacker: by {evidence.split(': ', 1)[1]}"
    return UNSPECIFIED, ""


def place_side(profile: Profile, text: str, day: dt.date | None) -> tuple[str, str]:
    """``(side, evidence)`` from the first place of the profile named in ``text``."""
    for _, _, place in profile.places_in(text):
        side = place.side_on(day)
        return side, f"place: {place.name}"
    return UNSPECIFIED, ""


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
    origin = ORIGIN.search(tail)
    if origin:
        found, evidence = _words_side(profile, origin.group(1))
        if found != UNSPECIFIED:
            return found, f"origin: from {origin.group(1)}"
    return UNSPECIFIED, ""


def clause_side(profile: Profile, clause: str, day: dt.date | None) -> tuple[str, str]:
    """``(side, evidence)`` from the attacker, else a place, in a figure's clause."""
    found, evidence = attacker(profile, clause)
    if found != UNSPECIFIED:
        return found, evidence
    return place_side(profile, clause, day)


def sentence_side(profile: Profile, sentence: str, day: dt.date | None) -> tuple[str, str]:
    """``(side, evidence)`` from an attacker or a place anywhere in the sentence."""
    found, evidence = attacker(profile, sentence)
    if found != UNSPECIFIED:
        return found, f"sentence {evidence}"
    found, evidence = place_side(profile, sentence, day)
    return (found, f"sentence {evidence}") if found != UNSPECIFIED else (UNSPECIFIED, "")
