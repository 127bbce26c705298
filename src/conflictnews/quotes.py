"""Who gets quoted, and which names the actor list does not know yet.

The speech verbs are those of the one attribution engine (:mod:`attribution`), which
also finds the claimants of casualty figures.

Quote rules (also in docs/rules.md): a mention is a speaker when it is the subject of a
speech verb ("Peskov said", "Lavrov told reporters", "Mnatsakanyan said:"), follows one
("said Lavrov", "said the committee's head, Tatevik Revazyan"), or follows "according
to". "He/she said" (in one sentence) is given to the last person mentioned before it in
the article.
``quote`` is ``direct`` when the sentence holds quotation marks, else ``paraphrase``.
"""

from __future__ import annotations

import bisect
import re

import numpy as np
import pandas as pd
from ahocorasick_rs import AhoCorasick, MatchKind

from conflictnews.actor_list import ActorList
from conflictnews.attribution import INVERTED_VERBS, SPEECH_VERBS
from conflictnews.mentions import find_mentions, matcher
from conflictnews.patterns import LOWER, UPPER, find_matches
from conflictnews.profile import Profile, load_profile
from conflictnews.sentences import sentence_spans
from conflictnews.tables import records, repeat_rows

_VERB = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
#: Between a subject and its verb: an appositive (", Armenia's foreign minister,") or
#: an auxiliary ("has", "also", "later").
AFTER_SUBJECT = re.compile(  # used with .match(text, pos): anchored at pos
    rf"(?:\s*,[^,“”\"]{{1,90}},)?\s+(?:(?:has|had|have|also|later|then|earlier|further|"
    rf"previously|again|repeatedly)\s+)*(?P<verb>{_VERB})\b"
)
BEFORE_OBJECT = re.compile(  # used with .search(text, pos, endpos): "$" is endpos
    rf"\b(?P<verb>{'|'.join(INVERTED_VERBS)})(?:\s+the\s+[\w’'\s-]{{0,60}}?,)?\s*(?:the\s+)?$"
    r"|\baccording to\s*$"
)
PRONOUN = re.compile(
    rf"\b(?P<who>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(?P<verb>{_VERB})\b"
)
QUOTE_MARKS = re.compile(r"[“”\"]")
#: Every word some speaker rule needs, found in one pass; a mention with none of them
#: after it (or shortly before it) in its sentence is not tried. All occurrences,
#: overlapping, word boundaries ignored: a superset of what the rules can match.
_CUE_WORDS = sorted({*SPEECH_VERBS, *INVERTED_VERBS, "according to"})
_CUES = AhoCorasick(_CUE_WORDS, matchkind=MatchKind.Standard)
_SPEECH_CUES = frozenset(i for i, w in enumerate(_CUE_WORDS) if w in SPEECH_VERBS)
_BEFORE_CUES = frozenset(i for i, w in enumerate(_CUE_WORDS)
                         if w in INVERTED_VERBS or w == "according to")
#: How far before a mention BEFORE_OBJECT looks.
BEFORE_WINDOW = 80


def _cue_starts(text: str) -> tuple[list[int], list[int]]:
    """Where a speech verb starts in ``text`` (what AFTER_SUBJECT and PRONOUN need), and
    where a verb BEFORE_OBJECT needs does, in order."""
    found = find_matches(_CUES, text, overlapping=True)
    return (sorted(start for i, start, _ in found if i in _SPEECH_CUES),
            sorted(start for i, start, _ in found if i in _BEFORE_CUES))


SPEAKER_COLUMNS = ["doc_id", "outlet", "published", "actor", "kind", "verb", "quote",
                   "pattern", "sentence_index", "start", "end", "sentence"]


def quoted_speakers(articles: pd.DataFrame, actors: ActorList | str | None = None, *,
                    mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per quotation or paraphrase attributed to an actor.

    Columns :data:`SPEAKER_COLUMNS`; ``start``/``end`` are the speaker's span in ``text``.
    Pass ``mentions`` (from :func:`find_mentions`) to avoid matching twice.
    """
    if mentions is None:
        mentions = find_mentions(articles, actors, captions=False)
    texts = articles["text"].tolist()
    # every article's text, cue words and sentences on one axis (article i's character
    # c at offset[i] + c), so that which mentions have a cue near them is array work
    offset = np.cumsum([0] + [len(t) + 1 for t in texts])
    speech, before_cues, spans = [], [], []
    for text in texts:
        found_speech, found_before = _cue_starts(text)
        speech.append(found_speech)
        before_cues.append(found_before)
        spans.append(sentence_spans(text))
    first_span = np.cumsum([0] + [len(s) for s in spans])
    after_cues, before_cues = _on_axis(speech, offset), _on_axis(before_cues, offset)
    span_a = _on_axis([[a for a, _ in s] for s in spans], offset)
    span_b = _on_axis([[b for _, b in s] for s in spans], offset)

    rows = mentions[mentions["field"] == "text"]
    row_of = {doc: i for i, doc in enumerate(articles["doc_id"].tolist())}
    art = np.array([row_of.get(d, -1) for d in rows["doc_id"].tolist()], dtype=np.int64)
    rows, art = rows[art >= 0], art[art >= 0]
    order = np.lexsort((rows["start"].to_numpy(), art))  # by article, then position
    rows, art = rows.iloc[order], art[order]
    start = rows["start"].to_numpy(np.int64)
    end = rows["end"].to_numpy(np.int64)
    sentence_index = rows["sentence_index"].to_numpy(np.int64)
    sentence = first_span[art] + sentence_index
    a, b = span_a[sentence], span_b[sentence]
    # a cue after the mention in its sentence, or at most BEFORE_WINDOW characters before
    verb_after = _any_between(after_cues, offset[art] + end, b)
    verb_before = _any_between(before_cues, np.maximum(a, offset[art] + start - BEFORE_WINDOW),
                               offset[art] + start)

    out: dict[str, list] = {c: [] for c in ("art", *SPEAKER_COLUMNS[3:])}
    quotes: dict[tuple[int, int], str] = {}
    taken: set[tuple[int, int]] = set()

    def add(i: int, actor: str, kind: str, verb: str, pattern: str, index: int,
            start: int, end: int) -> None:
        text = texts[i]
        a, b = spans[i][index]
        if (i, index) not in quotes:
            quotes[i, index] = "direct" if QUOTE_MARKS.search(text, a, b) else "paraphrase"
        for col, value in zip(out, (i, actor, kind, verb, quotes[i, index], pattern, index,
                                    start, end, text[a:b]), strict=True):
            out[col].append(value)

    picked = np.flatnonzero(verb_after | verb_before)
    for i, s, e, index, actor, kind, try_after, try_before in zip(
            art[picked].tolist(), start[picked].tolist(), end[picked].tolist(),
            sentence_index[picked].tolist(), rows["actor"].to_numpy()[picked].tolist(),
            rows["kind"].to_numpy()[picked].tolist(), verb_after[picked].tolist(),
            verb_before[picked].tolist(), strict=True):
        text, (sa, sb) = texts[i], spans[i][index]
        # AFTER_SUBJECT starts with white space or a comma
        match = (AFTER_SUBJECT.match(text, e, sb) if try_after and e < sb and
                 (text[e].isspace() or text[e] == ",") else None)
        if match:
            verb, pattern = match.group("verb"), "subject"
        else:
            match = try_before and BEFORE_OBJECT.search(text, max(sa, s - BEFORE_WINDOW), s)
            if not match:
                continue
            verb, pattern = match.group("verb") or "according to", "after_verb"
        taken.add((i, s))
        add(i, actor, kind, verb, pattern, index, s, e)

    # "he said": the last person mentioned before it in the article
    people = (rows["kind"] == "person").to_numpy()
    p_art, p_start = art[people], start[people]
    p_actor, p_kind = rows["actor"].to_numpy()[people], rows["kind"].to_numpy()[people]
    for i, text in enumerate(texts):
        if not speech[i]:
            continue
        starts = [a for a, _ in spans[i]]
        lo, hi = np.searchsorted(p_art, [i, i + 1])
        people_starts = p_start[lo:hi].tolist()
        for index in sorted({bisect.bisect_right(starts, c) - 1 for c in speech[i]} - {-1}):
            for p in PRONOUN.finditer(text, *spans[i][index]):
                before_it = bisect.bisect_left(people_starts, p.start())
                if not before_it or (i, p.start()) in taken:
                    continue
                k = lo + before_it - 1
                add(i, str(p_actor[k]), str(p_kind[k]), p.group("verb"), "pronoun", index,
                    p.start(), p.end("who"))

    arts = np.asarray(out.pop("art"), dtype=np.int64)
    order = np.lexsort((np.asarray(out["start"], dtype=np.int64), arts))
    columns = repeat_rows(articles, arts[order].tolist(), ["doc_id", "outlet", "published"])
    for col, values in out.items():
        kind = np.int64 if col in ("sentence_index", "start", "end") else object
        array = np.asarray(values, dtype=kind)[order]
        columns[col] = array if kind is np.int64 else pd.array(array, dtype="str")
    frame = pd.DataFrame(columns)[SPEAKER_COLUMNS]
    frame["published"] = frame["published"].astype("datetime64[ns]")
    return frame


def _any_between(points: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """For each ``(low, high)``: is any of the sorted ``points`` in ``[low, high)``?"""
    if not len(points):
        return np.zeros(len(low), dtype=bool)
    first = np.searchsorted(points, low)
    return (first < len(points)) & (points[np.minimum(first, len(points) - 1)] < high)


def _on_axis(per_article: list[list[int]], offset: np.ndarray) -> np.ndarray:
    """Per-article positions moved onto the one axis of all articles (``offset``)."""
    return np.concatenate([np.asarray(p, dtype=np.int64) + o
                           for p, o in zip(per_article, offset, strict=False)] or
                          [np.zeros(0, dtype=np.int64)])


def speaker_counts(speakers: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """How often each actor is quoted, per ``by`` group, most quoted first."""
    out = speakers.groupby([by, "actor", "kind"]).size().rename("quotes").reset_index()
    return out.sort_values([by, "quotes", "actor"], ascending=[True, False, True]) \
        .reset_index(drop=True)


#: Capitalised words that are not names when they stand alone.
NOT_NAMES = frozenset({
    "A", "An", "The", "This", "That", "These", "Those", "It", "Its", "He", "She",
    "They", "We", "I", "You", "Our", "Their", "His", "Her", "In", "On", "At", "By",
    "For", "From", "To", "Of", "And", "But", "Or", "As", "If", "When", "While", "After",
    "Before", "Since", "During", "Both", "Each", "All", "Some", "Any", "No", "Not",
    "Nor", "So", "Yet", "Also", "However", "Meanwhile", "Moreover", "Therefore",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "President", "Prime", "Minister",
    "Foreign", "Defense", "Defence", "Ministry", "Secretary", "General", "Mr", "Mrs",
    "Ms", "Dr", "Gen", "There", "Here", "What", "Who", "Why", "How", "Which", "Even",
    "Another", "Last", "Next", "First", "Second", "Third", "New", "One", "Two", "Three",
    "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Over", "Under",
    "Such", "Many", "Most", "Other", "Part", "Based", "With", "Without", "Because",
    "Moscow", "Sadly",
})
#: A capitalised name of one or more words, in any alphabetic script ("Şuşa", "Çavuşoğlu").
_WORD = rf"(?:{UPPER}(?:{LOWER}|[’'-])+|{UPPER}{{2,}})"
NAME = re.compile(
    rf"(?<![\w’'])(?:{_WORD}|{UPPER}\.(?:{UPPER}\.)+)"
    rf"(?:\s+(?:(?:de|al|bin|van|von|der|of|the)\s+)?{_WORD})*"
)


def unknown_names(articles: pd.DataFrame, actors: ActorList | str | None = None, *,
                  mentions: pd.DataFrame | None = None, min_count: int = 1,
                  profile: Profile | str | None = None) -> pd.DataFrame:
    """Capitalised name candidates not covered by any mention, with counts.

    Columns: ``name, count, articles, example_doc, example, yaml``; sentence-initial single
    words, :data:`NOT_NAMES` and the places of the conflict profile (``profile``, default
    ``data/profile.yml``) are skipped. ``yaml`` is an entry to paste: into
    ``data/profile.yml``'s ``places`` for a name that follows "in", "near" ... (fill in
    who held it), else into ``data/actors.yml`` (check the kind it guesses).
    """
    if mentions is None:
        mentions = find_mentions(articles, actors, captions=False)
    places = (profile if isinstance(profile, Profile) else load_profile(profile)).place_names
    known = (set(matcher(actors).names) | {t.title() for t in matcher(actors).titles}
             | set(places))
    covered: dict[str, list[tuple[int, int]]] = {}
    text_mentions = mentions[mentions["field"] == "text"]
    for doc, start, end in records(text_mentions, "doc_id", "start", "end"):
        covered.setdefault(doc, []).append((start, end))
    rows = []
    for art in records(articles, "doc_id", "text"):
        spans = sorted(covered.get(art.doc_id, []))
        span_starts = [a for a, _ in spans]
        starts = {a for a, _ in sentence_spans(art.text)}
        for match in NAME.finditer(art.text):
            words = [(w.group(), match.start() + w.start(), match.start() + w.end())
                     for w in re.finditer(r"\S+", match.group())]
            while words and (words[0][0] in NOT_NAMES or words[0][0].islower()):
                words = words[1:]
            while words and words[-1][0] in NOT_NAMES | {"of", "the", "and"}:
                words = words[:-1]
            if not words:
                continue
            name = re.sub(r"(?:['’]s|-)$", "", " ".join(w for w, _, _ in words))
            start, end = words[0][1], words[0][1] + len(name)
            if name in known or name in NOT_NAMES or (name.isupper() and len(name) > 5):
                continue  # a known surface whose title was merged away; an all-caps crosshead
            i = bisect.bisect_left(span_starts, end)  # spans starting before our end
            if i and spans[i - 1][1] > start:  # mentions never overlap: the last one tells
                continue
            if len(words) == 1 and start in starts:
                continue
            context = " ".join(art.text[max(0, start - 60):end + 60].split())
            at_place = PLACE_BEFORE.search(art.text, max(0, start - 12), start) is not None
            rows.append((name, art.doc_id, context, at_place))
    frame = pd.DataFrame(rows, columns=["name", "doc_id", "context", "at_place"])
    out = frame.groupby("name").agg(
        count=("doc_id", "size"), articles=("doc_id", "nunique"),
        example_doc=("doc_id", "first"), example=("context", "first"),
        at_place=("at_place", "mean"),
    ).reset_index()
    out = out[out["count"] >= min_count]
    out["yaml"] = [yaml_entry(n, p >= 0.5) for n, p in zip(out["name"], out["at_place"],
                                                           strict=True)]
    out = out.drop(columns="at_place")
    return out.sort_values(["count", "name"], ascending=[False, True]).reset_index(drop=True)


#: Words before a name that make it a place ("in Ganja", "near Tartar").
PLACE_BEFORE = re.compile(r"\b(?:in|near|at|from|into|outside|around)\s+(?:the\s+)?$")
#: Words in a name that make it an organisation rather than a person.
ORGANISATION_WORDS = re.compile(
    r"\b(?:Ministry|Office|Committee|Agency|Observatory|Service|Council|Army|Forces|"
    r"Office|Commission|Institute|Center|Centre|Union|Party|News|Press|Group|Bureau|"
    r"Department|Court|Assembly|Parliament|Government|Foundation|Organization|"
    r"Organisation|Defender|Ombudsman|Prosecutor|Command|Headquarters|Mission)\b")


def yaml_entry(name: str, place: bool) -> str:
    """A YAML entry for ``name``, to paste into the profile (a place) or the actor list.

    >>> yaml_entry("Ganja", True)
    '- {name: Ganja, held: SIDE}  # data/profile.yml places: who held it (and since when)'
    >>> yaml_entry("Health Ministry", False)[:50]
    '- {name: Health Ministry, kind: organization, coun'
    """
    quoted = f'"{name}"' if re.search(r"[:#,\[\]{}'\"]", name) else name
    if place:
        return (f"- {{name: {quoted}, held: SIDE}}  # data/profile.yml places: who held it "
                "(and since when)")
    kind = "organization" if ORGANISATION_WORDS.search(name) else (
        "person" if len(name.split()) > 1 else "organization")
    return (f"- {{name: {quoted}, kind: {kind}, country: COUNTRY, aliases: [{quoted}]}}"
            "  # data/actors.yml")
