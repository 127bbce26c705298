"""The conflict profile (``data/profile.yml``): what is true of one war, checked on load.

Sides and the words naming their people, the places each side held and since when, the
claimant groups and the actors speaking for each, and the earlier wars. The casualty
extractor reads every war-specific fact from here; swapping the file (and the actor list
it names) moves the workbook to another war. Every problem names the file and the entry
("profile.yml, places entry 3 (Shusha): ...").
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from conflictnews.actor_list import ActorList, load_actors
from conflictnews.patterns import ascii_fold, find_matches
from conflictnews.problems import read_yaml, yaml_date, yaml_strings

DEFAULT_PROFILE = "data/profile.yml"
#: Side values every profile has besides its own sides.
BOTH, UNSPECIFIED = "both", "unspecified"
#: A four-digit year, not inside a longer number.
YEAR = re.compile(r"(?<![\d,.])((?:1[89]|20)\d\d)(?!\d|,\d)")
DECADE = re.compile(r"\b((?:1[89]|20)\d0)s\b")
#: A year of birth is no earlier war: "(born 1991)", "born in 1992", "b. 1990".
BORN = re.compile(r"\b(?:born|b\.)(?:\s+(?:in|on))?(?:\s+\w+\s+\d{1,2},?)?\s+$",
                  re.IGNORECASE)
#: Before an earlier war's words, a year or a decade, words that make it an aside about
#: the parties or a comparison, not when a figure's people were hit: "nations who fought
#: a 1990s war", "Armenia and Azerbaijan, which fought a war in the 1990s", "the worst
#: fighting since 2016".
ASIDE_BEFORE = re.compile(r"(?:\b(?:who|which|that)\s+(?:had\s+|have\s+)?(?:already\s+)?"
                          r"(?:fought|waged)\b[^.;]{0,30}|\b(?:worst|deadliest|heaviest|"
                          r"biggest|largest|fiercest|bloodiest|most\s+\w+)\b[^.;,]{0,40}?"
                          r"\bsince\s+(?:the\s+)?)$", re.IGNORECASE)


def _aside(text: str, at: int, end: int) -> bool:
    """Is the earlier war's mark at ``at:end`` in ``text`` an aside (:data:`ASIDE_BEFORE`),
    not told as the time of the figure after it ("the worst since the 1990s, when some
    30,000 people were killed" is that war's toll)?"""
    window = text[max(0, at - 60):at]  # every ASIDE_BEFORE match holds one of these
    if "fought" not in window and "waged" not in window and not (
            "since" in window and ("est" in window or "worst" in window or "most" in window)):
        return False
    return bool(ASIDE_BEFORE.search(window)) and not WHEN_AFTER.match(text, end)


#: "(the 1990s), when": the earlier war is the time of what follows.
WHEN_AFTER = re.compile(r",?\s*(?:when|in\s+which|during\s+which)\b", re.IGNORECASE)


#: What every YEAR and DECADE match contains: texts without it (two in three clauses)
#: skip both searches.
YEARISH = re.compile(r"(?:1[89]|20)\d")


class ProfileError(ValueError):
    """The profile cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Place:
    """A place and who held it: ``held`` is ``(side, from)`` in date order."""

    name: str
    aliases: tuple[str, ...]
    held: tuple[tuple[str, dt.date], ...]
    people: str = ""
    civilian: bool = False  # a town behind the front: its dead are civilians unless told
    after: tuple[str, ...] = ()  # only after these words ("in Azerbaijan"), if any

    def side_on(self, day: dt.date | None) -> str:
        """Whose people a figure at this place counts on ``day``: ``people`` if set, else
        the side holding it then (the latest holder when the day is unknown)."""
        if self.people:
            return self.people
        if day is None:
            return self.held[-1][0]
        sides = [side for side, start in self.held if start <= day]
        return sides[-1] if sides else self.held[0][0]


@dataclass(frozen=True)
class Group:
    """A claimant group: its actors, the countries of people in it, its own words, and
    the side whose losses it reports as its own (empty for outsiders)."""

    name: str
    side: str
    actors: tuple[str, ...]
    countries: tuple[str, ...]
    words: tuple[str, ...]


@dataclass(frozen=True)
class War:
    """An earlier war and the words that name it."""

    name: str
    start: dt.date
    end: dt.date
    words: tuple[str, ...]


@dataclass
class Profile:
    """A checked profile, with its patterns compiled once."""

    source: str
    conflict: str
    actors: ActorList
    start: dt.date  # this war's first day
    earlier: tuple[War, ...]
    side_words: dict[str, tuple[str, ...]]
    opponent: dict[str, str]
    both: tuple[str, ...]
    groups: tuple[Group, ...]
    places: tuple[Place, ...]
    neutral: tuple[str, ...] = ()
    #: ``(side, words)``: regions whose people leaving them in this war are that side's
    displaced_from: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: names of this war ("the 44-day war"): a sentence naming one is not of an earlier war
    this_war_words: tuple[str, ...] = ()
    _re: dict[str, re.Pattern] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if "other" in self.side_words:  # third countries' people: every other state's
            sided = {c for g in self.groups if g.side for c in (*g.countries, *g.actors)}
            extra = [d for a in self.actors.actors if a.kind == "state" and a.name not in
                     sided and a.country not in sided for d in a.demonyms]
            self.side_words = {**self.side_words,
                               "other": (*self.side_words["other"], *extra)}
        self._re["both"] = words_pattern(self.both)
        # one pass finds side words and neutral names; the longest match wins, so
        # "Nagorno-Karabakh" is neutral and "Nagorno-Karabakh residents" armenian
        self._sides = WordFinder([*(w for ws in self.side_words.values() for w in ws),
                                  *self.neutral])
        self._side_of_word: dict[str, str] = {}
        for side, words in self.side_words.items():
            for w in words:
                self._side_of_word.setdefault(self._sides.key(w), side)
        for w in self.neutral:
            self._side_of_word.setdefault(self._sides.key(w), "")
        self._re["earlier"] = words_pattern([w for war in self.earlier for w in war.words])
        self._re["this_war"] = words_pattern(self.this_war_words)
        self._re["displaced_from"] = [(side, words_pattern(words))
                                      for side, words in self.displaced_from]
        self._earlier_pieces = pieces_finder([w for war in self.earlier for w in war.words])
        self._places = WordFinder(sorted({s for p in self.places
                                          for s in (p.name, *p.aliases)}))
        self._place_of = {self._places.key(s): p for p in self.places
                          for s in (p.name, *p.aliases)}
        self._both = WordFinder(self.both)
        self._group_of_actor = {}
        for g in self.groups:
            for a in g.actors:
                self._group_of_actor.setdefault(a, g.name)
        self._group_words = [(g.name, words_pattern(g.words)) for g in self.groups if g.words]
        self._order = {g.name: i for i, g in enumerate(self.groups)}
        self._side_of_group = {g.name: g.side for g in self.groups if g.side}
        countries = {}
        for g in self.groups:
            for c in g.countries:
                countries.setdefault(c, g.name)
        self._group_of_country = countries
        self._kind = {a.name: a for a in self.actors.actors}
        self.group_for = lru_cache(maxsize=4096)(self._group_for)
        # read per clause by several rules: each text is searched once
        self.side_words_in = lru_cache(maxsize=1024)(self._side_words_in)
        self.places_in = lru_cache(maxsize=1024)(self._places_in)
        self.earlier_war = lru_cache(maxsize=1024)(self._earlier_war)
        self.groups_in = lru_cache(maxsize=1024)(self._groups_in)

    # ------------------------------------------------------------------ sides
    @property
    def sides(self) -> tuple[str, ...]:
        return tuple(self.side_words)

    def both_sides(self, text: str) -> str:
        """The words in ``text`` that say one figure counts both sides, or ``""``."""
        found = self._both.find(text)
        return found[0][2] if found else ""

    def _side_words_in(self, text: str) -> tuple[tuple[int, str, str], ...]:
        """``(position, side, word)`` of every side word in ``text``, in order (not inside
        a neutral name: "Nagorno-Karabakh" names no side's people)."""
        side_of = self._side_of_word
        found = ((a, side_of[key], word) for a, _, word, key in self._sides.find_keyed(text))
        return tuple(f for f in found if f[1])

    def side_on(self, place: Place, day: dt.date | None) -> str:
        """Whose people a figure at ``place`` counts on ``day`` (an unknown day: the
        first day of this war)."""
        return place.side_on(day or self.start)

    def _places_in(self, text: str) -> tuple[tuple[int, int, Place], ...]:
        """``(start, end, place)`` of every place of the profile named in ``text``."""
        out = []
        for a, b, _, key in self._places.find_keyed(text):
            if text[b:b + 1] in ("-", "–"):  # "Armenia-Azerbaijan clashes"
                continue
            place = self._place_of[key]
            if place.after:
                before = text[max(0, a - 12):a].split()
                if not before or before[-1].lower() not in place.after:
                    continue
            out.append((a, b, place))
        return tuple(out)

    @property
    def place_names(self) -> frozenset[str]:
        """Every name and alias of a place."""
        return frozenset(s for p in self.places for s in (p.name, *p.aliases))

    def homeland(self, text: str) -> tuple[int, str, str] | None:
        """``(position, side, word)`` of the first region of :attr:`displaced_from` named
        in ``text`` (whose people leaving it are that side's), or ``None``."""
        found = [(m.start(), side, m.group()) for side, pattern in self._re["displaced_from"]
                 for m in [pattern.search(text)] if m]
        return min(found) if found else None

    def names_this_war(self, text: str) -> str:
        """A name of this war in ``text`` ("the 44-day war"), or ``""``."""
        m = self._re["this_war"].search(text) if self.this_war_words else None
        return m.group() if m else ""

    # ------------------------------------------------------------------ claimants
    @property
    def group_names(self) -> frozenset[str]:
        """The names of the claimant groups."""
        return frozenset(self._order)

    def group_side(self, group: str) -> str:
        """The side whose losses ``group`` reports as its own, or ``""``."""
        return self._side_of_group.get(group, "")

    def _groups_in(self, text: str, day: dt.date | None = None
                   ) -> list[tuple[int, str, str]]:
        """``(position, group, actor)`` for each actor of ``text`` that belongs to a group."""
        out = []
        for start, _, actor, _ in self._matcher().find(text, day):
            group = self._group_of(actor, parties_only=True)
            if group is not None:
                out.append((start, group, actor))
        return out

    def _matcher(self) -> object:
        """The actor list's mention matcher, kept here: looking it up by its actor list
        hashes the whole list (tens of microseconds a claimant)."""
        found = self.__dict__.get("_mention_matcher")
        if found is None:
            from conflictnews.mentions import matcher

            found = self.__dict__["_mention_matcher"] = matcher(self.actors)
        return found

    def _group_of(self, actor: str, parties_only: bool = False) -> str | None:
        """The group of an actor on the list: listed, or (people, states, territories,
        armed groups; also organisations unless ``parties_only``) by its country."""
        group = self._group_of_actor.get(actor)
        if group is None and actor in self._kind:
            a = self._kind[actor]
            if not (parties_only and a.kind == "organization"):
                group = self._group_of_country.get(a.country)
        return group

    def _group_for(self, claimed_by: str, day: dt.date | None = None) -> tuple[str, str]:
        """``(group, actor)`` of a claimant as written: the first group (in the profile's
        order) one of whose words, actors or countries' people the phrase names; else the
        first actor on the list it names (its name is the group); else the words
        themselves. No claimant gives ``("unattributed", "")``. An undated report's
        titles ("the Russian president") are read on this war's first day."""
        if not claimed_by:
            return "unattributed", ""
        found = self._matcher().find(claimed_by, day or self.start)
        candidates: list[tuple[int, str, str]] = []
        for _, _, actor, _ in found:
            group = self._group_of(actor)
            if group is not None:
                candidates.append((self._order[group], group, actor))
        for group, pattern in self._group_words:
            m = pattern.search(claimed_by)
            if m:
                candidates.append((self._order[group], group, m.group()))
        if candidates:
            _, group, actor = min(candidates)
            return group, actor
        if found:
            return found[0][2], found[0][2]
        return claimed_by, ""

    # ------------------------------------------------------------------ periods
    def _earlier_war(self, text: str) -> str:
        """Why ``text`` speaks of a war before this one: an earlier war's words, an
        earlier decade ("the 1990s") or a year before this war began; ``""`` when it
        does not."""
        pieces, low = self._earlier_pieces, None
        if pieces is not None:
            low = ascii_fold(text)
        if low is None or find_matches(pieces, low):
            m = self._re["earlier"].search(text)
            while m and _aside(text, m.start(), m.end()):
                m = self._re["earlier"].search(text, m.end())
            if m:
                return m.group()
        if not YEARISH.search(text):
            return ""
        for m in DECADE.finditer(text):
            if int(m.group(1)) + 9 < self.start.year and not _aside(text, m.start(), m.end()):
                return m.group()
        for m in YEAR.finditer(text):
            before = text[max(0, m.start() - 12):m.start()]  # BORN holds "b" + "orn"/"."
            if int(m.group(1)) < self.start.year and not (
                    ("born" in before or "b." in before) and BORN.search(before)) and \
                    not _aside(text, m.start(), m.end()):
                return m.group(1)
        return ""


class WordFinder:
    """The words of a list in a text, as :func:`words_pattern` finds them (whole words,
    longest first, both apostrophes, hyphen or space alike, lower-case entries in any
    case), by one Aho-Corasick pass over the lower-cased text: many times faster than
    the regex on long lists. Falls back to the regex where lower-casing would move
    offsets or letters (:func:`patterns.ascii_fold`)."""

    @staticmethod
    def _norm(text: str) -> str:
        """One apostrophe, a hyphen as a space (``str.replace``: 30 times faster than
        ``str.translate`` with a table on a sentence)."""
        return text.replace("’", "'").replace("`", "'").replace("-", " ")

    def __init__(self, words: list[str] | tuple[str, ...]):
        from ahocorasick_rs import AhoCorasick, MatchKind

        self.regex = words_pattern(words)
        self.cased: dict[str, set[str]] = {}  # key -> forms that must match as written
        self.any_case: set[str] = set()
        for w in words:
            key = self._norm(w).lower()
            if w == w.lower():
                self.any_case.add(key)
            else:
                self.cased.setdefault(key, set()).add(self._norm(w))
        self.keys = sorted(self.any_case | set(self.cased))
        self.automaton = AhoCorasick(self.keys, matchkind=MatchKind.LeftmostLongest) \
            if self.keys else None
        self._key_of = [self.key(k) for k in self.keys]  # what key() gives a match of each

    def key(self, word: str) -> str:
        """The list's key for a word or a match of it (lower case, one apostrophe, a
        hyphen as a space)."""
        return " ".join(self._norm(word).lower().split())

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, matched text)`` of every word of the list in ``text``."""
        return [(a, b, word) for a, b, word, _ in self.find_keyed(text)]

    def find_keyed(self, text: str) -> list[tuple[int, int, str, str]]:
        """``(start, end, matched text, its key)`` of every word of the list in ``text``
        (the key without a call to :meth:`key`: the automaton's match is already lower
        case and normalised)."""
        if self.automaton is None:
            return []
        low = ascii_fold(text)  # None where lower-casing moves offsets or letters (ſ, İ)
        if low is None:
            return [(m.start(), m.end(), m.group(), self.key(m.group()))
                    for m in self.regex.finditer(text)]
        low = self._norm(low)
        out = []
        for index, a, b in find_matches(self.automaton, low):  # lone surrogates too
            if (a and low[a - 1].isalnum()) or (b < len(low) and low[b].isalnum()):
                continue
            key = self.keys[index]
            if key not in self.any_case and self._norm(text[a:b]) not in \
                    self.cased[key]:
                continue
            out.append((a, b, text[a:b], self._key_of[index]))
        return out


def pieces_finder(words: list[str] | tuple[str, ...]) -> object | None:
    """An Aho-Corasick automaton of one piece of each word (its longest run without
    white space, hyphens or apostrophes, lower case): a lower-cased text
    (:func:`patterns.ascii_fold`) in which it finds nothing holds no match of
    :func:`words_pattern`, which is then not searched. ``None`` when some word has no
    such piece or one that is not ASCII (the text is then always searched)."""
    from ahocorasick_rs import AhoCorasick

    pieces = set()
    for w in words:
        parts = [p for p in re.split(r"[\s'’-]+", w.lower()) if p]
        if not parts or not all(p.isascii() for p in parts):
            return None
        pieces.add(max(parts, key=len))
    return AhoCorasick(sorted(pieces)) if pieces else None


def _fold(surface: str) -> str:
    return surface.replace("’", "'").lower()


def words_pattern(words: list[str] | tuple[str, ...]) -> re.Pattern:
    """One pattern for a word list: whole words, longest first, an apostrophe matches
    both apostrophes, a possessive may follow; entries in lower case match any case."""
    if not words:
        return re.compile(r"(?!)")
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = re.escape(w).replace("'", "['’]").replace(r"\ ", r"[\s-]+").replace(
            r"\-", r"[\s-]")
        parts.append(f"(?i:{body})" if w == w.lower() else body)
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?=['’]s\b|(?!\w))")


# --------------------------------------------------------------------------- loading

def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    return yaml_strings(value, where, key, ProfileError)


def _date(value: object, where: str) -> dt.date:
    return yaml_date(value, where, ProfileError)


def _mapping(value: object, where: str, keys: set[str], required: set[str]) -> dict:
    if not isinstance(value, dict):
        raise ProfileError(f"{where}: expected a mapping with {', '.join(sorted(required))}")
    unknown = set(value) - keys
    if unknown:
        raise ProfileError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    missing = required - set(value)
    if missing:
        raise ProfileError(f"{where}: missing {', '.join(sorted(missing))}")
    return value


def _side(value: object, where: str, sides: dict) -> str:
    if value not in sides:
        raise ProfileError(f"{where}: side {value!r} is not one of the profile's sides "
                           f"({', '.join(sides)})")
    return str(value)


def _place(entry: object, where: str, sides: dict) -> Place:
    name = entry.get("name") if isinstance(entry, dict) else None
    where = f"{where} ({name})" if isinstance(name, str) else where
    entry = _mapping(entry, where, {"name", "aliases", "held", "people", "civilian", "after"},
                     {"name", "held"})
    if not isinstance(entry.get("civilian", False), bool):
        raise ProfileError(f"{where}: civilian must be true or false")
    held = entry["held"]
    if isinstance(held, str):
        holdings = [(_side(held, where, sides), dt.date.min)]
    elif isinstance(held, list) and held:
        holdings = []
        for i, h in enumerate(held):
            hwhere = f"{where}, held {i + 1}"
            h = _mapping(h, hwhere, {"side", "from"}, {"side", "from"})
            holdings.append((_side(h["side"], hwhere, sides), _date(h["from"], hwhere)))
        dates = [d for _, d in holdings]
        if dates != sorted(dates):
            raise ProfileError(f"{where}: held dates must be in order")
    else:
        raise ProfileError(f"{where}: held must be a side or a list of {{side, from}}")
    people = _side(entry["people"], where, sides) if entry.get("people") else ""
    return Place(str(name).strip(), _strings(entry.get("aliases"), where, "aliases"),
                 tuple(holdings), people, bool(entry.get("civilian", False)),
                 tuple(w.lower() for w in _strings(entry.get("after"), where, "after")))


def parse_profile(data: object, source: str = "profile.yml",
                  actors: ActorList | None = None) -> Profile:
    """Check a parsed profile document and return the :class:`Profile`. ``actors`` is the
    actor list; by default the one the profile names (relative to ``source``)."""
    top = {"conflict", "actors", "this_war", "earlier_wars", "sides", "both",
           "claimant_groups", "places", "neutral", "displaced_from"}
    data = _mapping(data, source, top, {"conflict", "this_war", "sides", "claimant_groups"})
    if actors is None:
        path = Path(source).parent / str(data.get("actors") or "actors.yml")
        actors = load_actors(path)
    this = _mapping(data["this_war"], f"{source}, this_war", {"name", "from", "words"},
                    {"from"})
    start = _date(this["from"], f"{source}, this_war")
    this_words = _strings(this.get("words"), f"{source}, this_war", "words")

    raw_sides = data["sides"]
    if not isinstance(raw_sides, dict) or not raw_sides:
        raise ProfileError(f"{source}, sides: expected a mapping of side name to its words")
    side_words, opponent = {}, {}
    for side, spec in raw_sides.items():
        where = f"{source}, sides entry {side}"
        if side in (BOTH, UNSPECIFIED):
            raise ProfileError(f"{where}: {side!r} is kept for figures of both / no side")
        spec = _mapping(spec, where, {"label", "words", "opponent"}, {"words"})
        side_words[str(side)] = _strings(spec["words"], where, "words")
        if spec.get("opponent"):
            opponent[str(side)] = spec["opponent"]
    for side, other in opponent.items():
        _side(other, f"{source}, sides entry {side}, opponent", side_words)

    wars = []
    for i, entry in enumerate(data.get("earlier_wars") or []):
        where = f"{source}, earlier_wars entry {i + 1}"
        entry = _mapping(entry, where, {"name", "from", "to", "words"}, {"name", "from", "to"})
        where = f"{where} ({entry['name']})"
        a, b = _date(entry["from"], where), _date(entry["to"], where)
        if not a <= b < start:
            raise ProfileError(f"{where}: an earlier war must end ({b}) after it starts "
                               f"({a}) and before this war ({start})")
        wars.append(War(str(entry["name"]), a, b, _strings(entry.get("words"), where, "words")))

    known = set(actors.names)
    groups = []
    if not isinstance(data["claimant_groups"], list):
        raise ProfileError(f"{source}, claimant_groups: expected a list")
    for i, entry in enumerate(data["claimant_groups"]):
        where = f"{source}, claimant_groups entry {i + 1}"
        entry = _mapping(entry, where, {"name", "side", "actors", "countries", "words"},
                         {"name"})
        where = f"{where} ({entry['name']})"
        side = _side(entry["side"], where, side_words) if entry.get("side") else ""
        names = _strings(entry.get("actors"), where, "actors")
        for name in names:
            if name not in known:
                raise ProfileError(f"{where}: actor {name!r} is not on the actor list "
                                   f"{actors.source}")
        groups.append(Group(str(entry["name"]), side, names,
                            _strings(entry.get("countries"), where, "countries"),
                            _strings(entry.get("words"), where, "words")))

    homelands = []
    if not isinstance(data.get("displaced_from") or [], list):
        raise ProfileError(f"{source}, displaced_from: expected a list of {{side, words}}")
    for i, entry in enumerate(data.get("displaced_from") or []):
        where = f"{source}, displaced_from entry {i + 1}"
        entry = _mapping(entry, where, {"side", "words"}, {"side", "words"})
        homelands.append((_side(entry["side"], where, side_words),
                          _strings(entry["words"], where, "words")))

    places = [_place(e, f"{source}, places entry {i + 1}", side_words)
              for i, e in enumerate(data.get("places") or [])]
    seen: dict[str, str] = {}
    for p in places:
        for s in (p.name, *p.aliases):
            if _fold(s) in seen and seen[_fold(s)] != p.name:
                raise ProfileError(f"{source}: place name {s!r} names both {seen[_fold(s)]} "
                                   f"and {p.name}")
            seen[_fold(s)] = p.name
    return Profile(source, str(data["conflict"]), actors, start, tuple(wars), side_words,
                   opponent, _strings(data.get("both"), source, "both"), tuple(groups),
                   tuple(places), _strings(data.get("neutral"), source, "neutral"),
                   tuple(homelands), this_words)


@lru_cache(maxsize=8)
def _load(path: str) -> Profile:
    return parse_profile(read_yaml(Path(path), ProfileError, "conflict profile"), path)


def load_profile(path: str | os.PathLike | None = None) -> Profile:
    """Read and check the profile at ``path`` (default: the bundled ``data/profile.yml``,
    found from any working folder). Loaded once per path."""
    path = Path(path or DEFAULT_PROFILE)
    bundled = Path(__file__).resolve().parents[2] / DEFAULT_PROFILE
    if str(path) == DEFAULT_PROFILE and not path.exists() and bundled.exists():
        path = bundled
    return _load(str(path.resolve()))
