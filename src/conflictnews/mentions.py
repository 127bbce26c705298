"""Actor mentions: one pass of one combined regex over each text, then counting.

Counting rules (also in docs/rules.md):

1. Longest match wins and matches do not overlap: "Russian Foreign Minister Sergei
   Lavrov" is one mention of Lavrov; "Nagorno-Karabakh" is not also "Karabakh".
2. Only ``text`` (headline + body) is read; bylines, credits, licence lines and datelines
   are not part of it. Captions are read separately (``field == "caption"``).
3. Surface forms in ``not_actors`` (reporters' names, "Swiss francs") block a match.
   Short forms under ``after_full_name`` count only after the full name appeared in the
   same article (two people share the surname Hovhannisyan).
4. Possessives and both apostrophes ("Turkey's", "Azerbaijan’s"), hyphenated forms
   ("Azeri-Armenian": both) and dotted forms ("U.S.") match.
5. A country-qualified title alone ("the Russian president", "Armenia's prime minister")
   counts for the person who held it on the article's date; a bare "the president" or a
   plural ("the two presidents") counts for nobody. A title next to the name it
   introduces ("Russian President Vladimir Putin", "Zohrab Mnatsakanyan, Armenia's
   foreign minister,") is one mention of that person.
6. Demonyms and capitals ("Azeri", "Baku", "Kremlin") count for their state unless
   ``demonyms=False``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
from ahocorasick_rs import AhoCorasick, MatchKind

from conflictnews.actor_list import (
    DEFAULT_ACTORS,
    Actor,
    ActorList,
    ActorListError,
    load_actors,
    title_prefix,
)
from conflictnews.patterns import find_matches, trie_regex
from conflictnews.sentences import sentence_spans
from conflictnews.tables import repeat_rows, text_array

MENTION_COLUMNS = [
    "doc_id", "source_file", "position", "published", "outlet", "actor", "kind", "surface",
    "start", "end", "sentence_index", "via", "field", "article_words",
]


def _norm(surface: str) -> str:
    return re.sub(r"\s+", " ", surface.replace("’", "'"))


_SMALL = {"of", "the", "and"}


def _office_cases(office: str) -> tuple[str, str]:
    """An office as news writes it: "prime minister" and "Prime Minister"."""
    title = " ".join(w if w in _SMALL else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
                     for w in office.split(" "))
    return office.lower(), title


@dataclass(frozen=True)
class _Title:
    office: str
    holders: tuple[tuple[str, object], ...]  # (person name, Role)


class Matcher:
    """The compiled matcher for one actor list (build once, use on many texts)."""

    def __init__(self, actors: ActorList):
        self.actors = actors
        self.kind = {a.name: a.kind for a in actors.actors}
        names: dict[str, tuple[str | None, str]] = {}
        for a in actors.actors:
            for s in a.aliases:
                names[_norm(s)] = (a.name, "name")
            for s in a.demonyms:
                names[_norm(s)] = (a.name, "demonym")
            for s in a.capitals:
                names[_norm(s)] = (a.name, "capital")
            for s in a.after_full_name:
                names[_norm(s)] = (a.name, "short")
        for s in actors.not_actors:
            names[_norm(s)] = (None, "blocked")
        self.names = names
        self.titles, self.title_surfaces = self._titles(actors)
        # titles are matched in the cases news writes them ("Russian President",
        # "the Russian president", "Prime Minister of Armenia"): a case-sensitive trie of
        # those variants is several times faster than one case-insensitive pattern
        # One Aho-Corasick automaton, leftmost-longest, over every surface form (both
        # apostrophes): one pass per text in Rust, ~90 MB/s, where the regex does ~25.
        variants = {v: key for key in (*names, *self.title_surfaces)
                    for v in (key, key.replace("'", "’"))}
        self._surfaces = list(variants.values())
        self.automaton = AhoCorasick(list(variants), matchkind=MatchKind.LeftmostLongest)

    @cached_property
    def regex(self) -> re.Pattern:
        """The same matches as one regex: the reference :meth:`find` is tested against
        (compiled on first use: an extract never needs it)."""
        title_words = sorted(self.title_surfaces)
        return re.compile(rf"(?<!\w)(?:{trie_regex(title_words)}|"
                          rf"{trie_regex(sorted(self.names))})(?!\w)")

    @staticmethod
    def _titles(actors: ActorList) -> tuple[dict[str, _Title], set[str]]:
        """Title (lower case) -> office and holders, and the surfaces to match, in every
        country form and both office cases."""
        forms: dict[str, Actor] = {}
        for a in actors.actors:
            if a.kind != "person":
                for s in (*a.aliases, *a.demonyms, *a.capitals):
                    forms[_norm(s)] = a
        holders: dict[tuple[str, str], list] = {}
        for person in actors.actors:
            for role in person.roles:
                title = _norm(role.title)
                prefix = title_prefix(title, forms)  # checked when the list was loaded
                if prefix is None:
                    raise ActorListError(f"{actors.source}: {person.name}: title "
                                         f"{role.title!r} names no state on the list")
                office = title[len(prefix) + 1:].lower()
                holders.setdefault((forms[prefix].name, office), []).append((person.name, role))
        titles: dict[str, _Title] = {}
        surfaces: set[str] = set()
        for (country, office), held in holders.items():
            actor = actors.by_name(country)
            entry = _Title(office, tuple(held))
            for case in _office_cases(office):
                forms = [f"{_norm(f)} {case}" for f in (*actor.aliases, *actor.demonyms,
                                                         *actor.capitals)]
                for alias in map(_norm, actor.aliases):
                    forms += [f"{alias}'s {case}", f"{case} of {alias}", f"{case} of the {alias}"]
                surfaces.update(forms)
                titles.update(dict.fromkeys((f.lower() for f in forms), entry))
        return titles, surfaces

    def holder(self, title: _Title, day: dt.date | None) -> str | None:
        """The one person holding ``title`` on ``day``, else ``None``."""
        if day is None:
            return None
        held = {name for name, role in title.holders if role.held_on(day)}
        return held.pop() if len(held) == 1 else None

    def hits(self, text: str) -> list[tuple[int, int, str]]:
        """Every surface form in ``text`` as ``(start, end, normalised surface)``: one pass
        of the automaton, leftmost-longest, whole words only."""
        surfaces = self._surfaces
        found = find_matches(self.automaton, text)
        padded = f" {text} "  # padded[i + 1] is text[i]; the ends are not word characters
        # the characters either side must not be word characters (\w: alphanumeric or _)
        return [(start, end, surfaces[index]) for index, start, end in found
                if not ((before := padded[start]).isalnum() or before == "_"
                        or (after := padded[end + 1]).isalnum() or after == "_")]

    def regex_hits(self, text: str) -> list[tuple[int, int, str]]:
        """The same as :meth:`hits` from the combined regex (the slower reference)."""
        return [(m.start(), m.end(), _norm(m.group())) for m in self.regex.finditer(text)]

    def find(self, text: str, day: dt.date | None, demonyms: bool = True,
             seen: set[str] | None = None) -> list[tuple[int, int, str, str]]:
        """Return ``(start, end, actor, via)`` for each mention in ``text``."""
        seen = set() if seen is None else seen
        names, titles = self.names, self.titles
        skip = {"blocked"} if demonyms else {"blocked", "demonym", "capital"}
        raw: list[tuple[int, int, str, str]] = []
        any_title = False
        for start, end, key in self.hits(text):
            hit = names.get(key)
            if hit is None:
                # an unresolved title is kept until merged with its name, then dropped
                title = titles.get(key.lower())
                if title is None:
                    continue
                any_title = True
                raw.append((start, end, self.holder(title, day) or "", "title"))
                continue
            actor, via = hit
            if via in skip or (via == "short" and actor not in seen):
                continue
            if via == "name":
                seen.add(actor)
            raw.append((start, end, actor, via))
        return _merge_titles(raw, text, self.kind) if any_title else raw


def _merge_titles(raw: list[tuple[int, int, str, str]], text: str,
                  kind: dict[str, str]) -> list[tuple[int, int, str, str]]:
    """Drop a title that stands next to the person name it introduces or follows."""
    keep = []
    for i, (start, end, actor, via) in enumerate(raw):
        if via == "title":
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            prv = raw[i - 1] if i else None
            before = nxt and kind.get(nxt[2]) == "person" and nxt[3] in ("name", "short") and \
                re.fullmatch(r"\s*,?\s*", text[end:nxt[0]])
            after = prv and kind.get(prv[2]) == "person" and prv[3] in ("name", "short") and \
                re.fullmatch(r"\s*,\s*", text[prv[1]:start])
            if before or after or not actor:
                continue
        keep.append((start, end, actor, via))
    return keep


#: Matchers built, by the actors and blocked forms of their list (not its ``source``:
#: the extract and the conflict profile load the same file by two paths).
_MATCHERS: dict[tuple, Matcher] = {}


def _matcher_for(actors: ActorList) -> Matcher:
    key = (actors.actors, actors.not_actors)
    found = _MATCHERS.get(key)
    if found is None:
        if len(_MATCHERS) >= 8:
            _MATCHERS.clear()
        found = _MATCHERS[key] = Matcher(actors)
    return found


def matcher(actors: ActorList | str | None = None) -> Matcher:
    """The compiled :class:`Matcher` for an actor list (a path, a list, or the default)."""
    if actors is None or isinstance(actors, str):
        actors = load_actors(actors or DEFAULT_ACTORS)
    return _matcher_for(actors)


def _day(published: object) -> dt.date | None:
    return None if pd.isna(published) else pd.Timestamp(published).date()


def find_mentions(articles: pd.DataFrame, actors: ActorList | str | None = None, *,
                  demonyms: bool = True, captions: bool = True) -> pd.DataFrame:
    """Return one row per actor mention (columns :data:`MENTION_COLUMNS`).

    ``start``/``end`` index the article's ``text`` (``field == "text"``) or its
    ``caption`` (``field == "caption"``, ``sentence_index`` -1).
    """
    m = matcher(actors)
    take: list[int] = []
    cols: dict[str, list] = {c: [] for c in ("actor", "surface", "start", "end",
                                             "sentence_index", "via", "field")}
    for i, (text, caption, published) in enumerate(zip(
            articles["text"].tolist(), articles["caption"].tolist(),
            articles["published"].tolist(), strict=True)):
        day = _day(published)
        seen: set[str] = set()
        fields = [("text", text)]
        if captions and caption:
            fields.append(("caption", caption))
        for field_name, body in fields:
            found = m.find(body, day, demonyms, seen)
            if not found:
                continue
            starts, ends, names, via = zip(*found, strict=True)
            if field_name == "text":
                sentence_starts = [a for a, _ in sentence_spans(body)]
                index = [bisect.bisect_right(sentence_starts, s) - 1 for s in starts]
            else:
                index = [-1] * len(found)
            take.extend([i] * len(found))
            cols["actor"].extend(names)
            cols["surface"].extend([body[a:b] for a, b in zip(starts, ends, strict=True)])
            cols["start"].extend(starts)
            cols["end"].extend(ends)
            cols["sentence_index"].extend(index)
            cols["via"].extend(via)
            cols["field"].extend([field_name] * len(found))
    cols["kind"] = [m.kind[a] for a in cols["actor"]]
    frame = pd.DataFrame({
        **repeat_rows(articles, take, ["doc_id", "source_file", "position", "published",
                                       "outlet", "n_words"]),
        **{c: np.asarray(v, dtype=np.int64) if c in ("start", "end", "sentence_index")
           else text_array(v) for c, v in cols.items()},
    }).rename(columns={"n_words": "article_words"})
    frame["published"] = frame["published"].astype("datetime64[ns]")
    for col in ("position", "article_words"):
        frame[col] = frame[col].astype("int64")
    return frame[MENTION_COLUMNS]


def _originals(mentions: pd.DataFrame, articles: pd.DataFrame | None,
               include_copies: bool) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Mentions and articles without the copies of other articles (see copies.py)."""
    if include_copies or articles is None or "duplicate_of" not in articles:
        return mentions, articles
    copy = articles["duplicate_of"].fillna("").astype(str) != ""
    if not copy.any():
        return mentions, articles
    return (mentions[~mentions["doc_id"].isin(set(articles.loc[copy, "doc_id"]))],
            articles[~copy])


def mention_frequency(mentions: pd.DataFrame, by: str | list[str] = "outlet",
                      articles: pd.DataFrame | None = None, *,
                      field: str = "text", include_copies: bool = False) -> pd.DataFrame:
    """Mentions per actor and ``by`` group: raw and per 1,000 words of the group's text.

    Words are the group's articles' ``n_words``: all of them when ``articles`` is given,
    else the articles that have at least one mention. A story counts once: the copies
    among ``articles`` (a non-empty ``duplicate_of``) and their mentions are left out
    unless ``include_copies``.
    """
    keys = [by] if isinstance(by, str) else list(by)
    mentions, articles = _originals(mentions, articles, include_copies)
    rows = mentions[mentions["field"] == field]
    counts = rows.groupby([*keys, "actor", "kind"], dropna=False).size().rename("mentions")
    if articles is not None:
        words = articles.groupby(keys, dropna=False)["n_words"].sum()
    else:
        words = rows.drop_duplicates("doc_id").groupby(keys, dropna=False)["article_words"].sum()
    out = counts.reset_index().merge(words.rename("words").reset_index(), on=keys, how="left")
    out["per_1000_words"] = 1000 * out["mentions"] / out["words"]
    return out.sort_values([*keys, "mentions", "actor"], ascending=[True] * len(keys) +
                           [False, True]).reset_index(drop=True)


#: Up to this many actors, co-mentions are counted on a sentence × actor matrix.
MATRIX_ACTORS = 24


def co_mentions(mentions: pd.DataFrame, *, field: str = "text") -> pd.DataFrame:
    """Actor pairs named in the same sentence: ``actor_a, actor_b, sentences, articles``.

    The same pairs as looping over sentences, at array speed: for a few actors (a
    chart's top actors) on a sentence × actor matrix, else by one self-join of each
    sentence's distinct actors (``actor_a < actor_b``).
    """
    rows = mentions.loc[mentions["field"] == field, ["doc_id", "sentence_index", "actor"]]
    columns = ["actor_a", "actor_b", "sentences", "articles"]
    actors = sorted(str(a) for a in rows["actor"].unique())
    if not 0 < len(actors) <= MATRIX_ACTORS:
        rows = rows.astype({"actor": str, "doc_id": str}).drop_duplicates()
        pairs = rows.merge(rows, on=["doc_id", "sentence_index"], suffixes=("_a", "_b"))
        pairs = pairs[pairs["actor_a"] < pairs["actor_b"]]
        out = pairs.groupby(["actor_a", "actor_b"]).agg(
            sentences=("doc_id", "size"), articles=("doc_id", "nunique")).reset_index()
    else:
        doc, _ = pd.factorize(rows["doc_id"])  # categorical: its codes, no strings made
        sentence_key = doc.astype(np.int64) * (int(rows["sentence_index"].max()) + 2) \
            + rows["sentence_index"].to_numpy(np.int64) + 1
        sentence, first = pd.factorize(sentence_key)
        sentence_doc = first // (int(rows["sentence_index"].max()) + 2)
        code = {a: i for i, a in enumerate(actors)}
        matrix = np.zeros((len(first), len(actors)), dtype=bool)
        actor = pd.factorize(rows["actor"])
        matrix[sentence, np.array([code[str(a)] for a in actor[1]])[actor[0]]] = True
        found = []
        for i in range(len(actors)):
            for j in range(i + 1, len(actors)):
                both = matrix[:, i] & matrix[:, j]
                n = int(both.sum())
                if n:
                    found.append((actors[i], actors[j], n,
                                  len(np.unique(sentence_doc[both]))))
        out = pd.DataFrame(found, columns=columns)
    out = out.astype({"sentences": "int64", "articles": "int64"})
    return out.sort_values(["sentences", "actor_a", "actor_b"],
                           ascending=[False, True, True]).reset_index(drop=True)[columns]


def top_actors(mentions: pd.DataFrame, articles: pd.DataFrame, top_n: int = 15, *,
               actors: list[str] | None = None, kinds: list[str] | None = None,
               include_copies: bool = False) -> pd.DataFrame:
    """The most mentioned actors (or the ``actors`` asked for) in ``text``, with raw
    counts and mentions per 1,000 words of all ``articles`` (copies left out unless
    ``include_copies``, as in :func:`mention_frequency`)."""
    mentions, articles = _originals(mentions, articles, include_copies)
    rows = mentions[mentions["field"] == "text"]
    if kinds:
        rows = rows[rows["kind"].isin(kinds)]
    counts = rows.groupby(["actor", "kind"]).size().rename("mentions").reset_index()
    counts = counts.sort_values(["mentions", "actor"], ascending=[False, True])
    counts = counts[counts["actor"].isin(actors)] if actors else counts.head(top_n)
    words = int(articles["n_words"].sum())
    counts["per_1000_words"] = 1000 * counts["mentions"] / words if words else 0.0
    counts["articles"] = counts["actor"].map(rows.groupby("actor")["doc_id"].nunique())
    return counts.reset_index(drop=True)
