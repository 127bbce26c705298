"""The curated actor list (``data/actors.yml``): loading and checking it.

Every problem names the entry ("actors.yml, entry 12 (Nikol Pashinyan): ...") so a user
extending the list for their own corpus can fix it at once.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from conflictnews.problems import parse_yaml, read_yaml_text, yaml_date, yaml_strings

KINDS = ("person", "state", "organization", "armed_group", "territory")
DEFAULT_ACTORS = "data/actors.yml"


class ActorListError(ValueError):
    """The actor list cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Role:
    """A title held from ``start`` to ``end`` (``None``: still held)."""

    title: str
    start: dt.date
    end: dt.date | None

    def held_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    """One actor and the surface forms that name it."""

    name: str
    kind: str
    country: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    after_full_name: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class ActorList:
    """The actors, and surface forms that must never count (``not_actors``)."""

    actors: tuple[Actor, ...]
    not_actors: tuple[str, ...] = field(default_factory=tuple)
    source: str = ""

    def by_name(self, name: str) -> Actor:
        for actor in self.actors:
            if actor.name == name:
                return actor
        raise KeyError(f"{name!r} is not on the actor list {self.source}")

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.actors]


def _strings(value: object, where: str, key: str) -> tuple[str, ...]:
    return yaml_strings(value, where, key, ActorListError)


def _date(value: object, where: str) -> dt.date:
    return yaml_date(value, where, ActorListError)


def _actor(entry: object, where: str) -> Actor:
    if not isinstance(entry, dict):
        raise ActorListError(f"{where}: each actor must be a mapping with name, kind, aliases")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ActorListError(f"{where}: missing name")
    where = f"{where} ({name})"
    unknown = set(entry) - {"name", "kind", "country", "aliases", "demonyms", "capitals",
                            "after_full_name", "roles"}
    if unknown:
        raise ActorListError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise ActorListError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    aliases = _strings(entry.get("aliases"), where, "aliases")
    if not aliases:
        raise ActorListError(f"{where}: at least one alias is needed")
    roles = []
    for i, role in enumerate(entry.get("roles") or []):
        rwhere = f"{where}, role {i + 1}"
        if not isinstance(role, dict) or not isinstance(role.get("title"), str):
            raise ActorListError(f"{rwhere}: a role needs a title")
        start = _date(role.get("from"), rwhere)
        end = _date(role["to"], rwhere) if role.get("to") else None
        if end is not None and end <= start:
            raise ActorListError(f"{rwhere}: 'to' ({end}) is not after 'from' ({start})")
        roles.append(Role(role["title"].strip(), start, end))
    if roles and kind != "person":
        raise ActorListError(f"{where}: only people hold roles")
    return Actor(
        name=name.strip(), kind=kind, country=str(entry.get("country") or ""),
        aliases=aliases,
        demonyms=_strings(entry.get("demonyms"), where, "demonyms"),
        capitals=_strings(entry.get("capitals"), where, "capitals"),
        after_full_name=_strings(entry.get("after_full_name"), where, "after_full_name"),
        roles=tuple(roles),
    )


def title_prefix(title: str, forms: Iterable[str]) -> str | None:
    """The longest state or organisation form that starts ``title`` ("Iranian" in
    "Iranian President"), or ``None``."""
    return max((f for f in forms if title.startswith(f + " ")), key=len, default=None)


def parse_actor_list(data: object, source: str = "actors.yml") -> ActorList:
    """Check a parsed YAML document and return the :class:`ActorList`."""
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise ActorListError(f"{source}: expected a mapping with a list under 'actors'")
    actors = [_actor(e, f"{source}, entry {i + 1}") for i, e in enumerate(data["actors"])]
    seen: dict[str, str] = {}
    for actor in actors:
        for surface in (*actor.aliases, *actor.demonyms, *actor.capitals,
                        *actor.after_full_name):
            if surface in seen and seen[surface] != actor.name:
                raise ActorListError(f"{source}: {surface!r} names both {seen[surface]} and "
                                     f"{actor.name}")
            seen[surface] = actor.name
    names = [a.name for a in actors]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ActorListError(f"{source}: actor(s) listed twice: {', '.join(dupes)}")
    forms = {f for a in actors if a.kind != "person"
             for f in (*a.aliases, *a.demonyms, *a.capitals)}
    for i, actor in enumerate(actors):
        for j, role in enumerate(actor.roles):
            if title_prefix(role.title, forms) is None:
                raise ActorListError(
                    f"{source}, entry {i + 1} ({actor.name}), role {j + 1}: title "
                    f"{role.title!r} must start with a state or organisation on the list "
                    "(its name, demonym or capital), e.g. 'Iranian President'")
    blockers = _strings(data.get("not_actors"), source, "not_actors")
    return ActorList(tuple(actors), blockers, source)


def load_actors(path: str | os.PathLike = DEFAULT_ACTORS) -> ActorList:
    """Read and check the actor list at ``path``."""
    path = Path(path)
    bundled = Path(__file__).resolve().parents[2] / DEFAULT_ACTORS
    if str(path) == DEFAULT_ACTORS and not path.exists() and bundled.exists():
        path = bundled  # the default list, found from any working folder (notebooks/)
    text = read_yaml_text(path, ActorListError, "actor list")
    known = _LOADED.get(text)
    if known is None:
        known = parse_actor_list(parse_yaml(text, path, ActorListError), str(path))
        if len(_LOADED) >= 8:
            _LOADED.clear()
        _LOADED[text] = known
    return known if known.source == str(path) else replace(known, source=str(path))


#: Actor lists already checked, by the text of their file: an extract reads the list
#: three times (the run, its fingerprint, the conflict profile), and parsing and checking
#: it each time cost ~30 ms. The text is read every time, so an edited file is re-read.
_LOADED: dict[str, ActorList] = {}
