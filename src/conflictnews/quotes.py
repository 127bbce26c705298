"""Who gets quoted, and which names the actor list does not know yet.

Quote rules (also in the README): a mention is a speaker when it is the subject of a
speech verb ("Peskov said", "Lavrov told reporters", "Mnatsakanyan said:"), follows one
("said Lavrov", "said the committee's head, Tatevik Revazyan"), or follows "according
to". "He/she said" is given to the last person mentioned before it in the article.
``quote`` is ``direct`` when the sentence holds quotation marks, else ``paraphrase``.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from conflictnews.actor_list import ActorList
from conflictnews.mentions import find_mentions, matcher
from conflictnews.sentences import sentence_spans
from conflictnews.tables import records

SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "warned",
    "warns", "wrote", "writes", "announced", "announces", "noted", "notes", "stressed",
    "stresses", "urged", "urges", "argued", "argues", "explained", "asked", "tweeted",
    "declared", "insisted", "reiterated", "emphasized", "emphasised", "commented", "replied",
    "suggested", "demanded", "accused", "denied", "claimed", "confirmed", "expressed",
)
_VERB = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
#: Between a subject and its verb: an appositive (", Armenia's foreign minister,") or
#: an auxiliary ("has", "also", "later").
AFTER_SUBJECT = re.compile(  # used with .match(text, pos): anchored at pos
    rf"(?:\s*,[^,“”\"]{{1,90}},)?\s+(?:(?:has|had|have|also|later|then|earlier|further|"
    rf"previously|again|repeatedly)\s+)*(?P<verb>{_VERB})\b"
)
#: Verbs that may come before their speaker ("said Lavrov"); not "told", "accused":
#: what follows those is the listener or the accused.
INVERTED_VERBS = ("said", "says", "added", "adds", "wrote", "stated", "tweeted", "noted",
                  "asked", "explained", "continued")
BEFORE_OBJECT = re.compile(  # used with .search(text, pos, endpos): "$" is endpos
    rf"\b(?P<verb>{'|'.join(INVERTED_VERBS)})(?:\s+the\s+[\w’'\s-]{{0,60}}?,)?\s*(?:the\s+)?$"
    r"|\baccording to\s*$"
)
PRONOUN = re.compile(
    rf"\b(?P<who>[Hh]e|[Ss]he)\s+(?:also\s+|later\s+|then\s+)?(?P<verb>{_VERB})\b"
)
QUOTE_MARKS = re.compile(r"[“”\"]")

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
    text_mentions = mentions[mentions["field"] == "text"]
    by_doc: dict[str, list[tuple]] = {}
    for m in records(text_mentions, "doc_id", "start", "end", "actor", "kind",
                     "sentence_index"):
        by_doc.setdefault(m[0], []).append(m[1:])
    rows = []
    for art in records(articles, "doc_id", "outlet", "published", "text"):
        found = by_doc.get(art.doc_id)
        if not found:
            continue
        text = art.text
        spans = sentence_spans(text)
        starts = [a for a, _ in spans]
        quote = {}
        taken: set[int] = set()
        for start, end, actor, kind, index in found:
            a, b = spans[index]
            after = AFTER_SUBJECT.match(text, end, b)
            before = None if after else BEFORE_OBJECT.search(text, max(a, start - 80), start)
            if not (after or before):
                continue
            verb, pattern = ((after.group("verb"), "subject") if after else
                             (before.group("verb") or "according to", "after_verb"))
            if index not in quote:
                quote[index] = "direct" if QUOTE_MARKS.search(text, a, b) else "paraphrase"
            taken.add(start)
            rows.append((art.doc_id, art.outlet, art.published, actor, kind, verb,
                         quote[index], pattern, index, start, end, text[a:b]))
        people = [(start, actor, kind) for start, _, actor, kind, _ in found
                  if kind == "person"]
        people_starts = [p[0] for p in people]
        for p in PRONOUN.finditer(text):
            before_it = bisect.bisect_left(people_starts, p.start())
            if not before_it or p.start() in taken:
                continue
            _, actor, kind = people[before_it - 1]
            index = bisect.bisect_right(starts, p.start()) - 1
            a, b = spans[index]
            if index not in quote:
                quote[index] = "direct" if QUOTE_MARKS.search(text, a, b) else "paraphrase"
            rows.append((art.doc_id, art.outlet, art.published, actor, kind, p.group("verb"),
                         quote[index], "pronoun", index, p.start(), p.end("who"), text[a:b]))
    order = {doc: i for i, doc in enumerate(articles["doc_id"])}
    rows.sort(key=lambda r: (order[r[0]], r[9]))  # article order, then position
    frame = pd.DataFrame(rows, columns=SPEAKER_COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    return frame


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
NAME = re.compile(
    r"(?<![\w’'])(?:[A-Z][a-zà-ÿ’'-]+|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)+)"
    r"(?:\s+(?:(?:de|al|bin|van|von|der|of|the)\s+)?(?:[A-Z][a-zà-ÿ’'-]+|[A-Z]{2,}))*"
)


def unknown_names(articles: pd.DataFrame, actors: ActorList | str | None = None, *,
                  mentions: pd.DataFrame | None = None, min_count: int = 1) -> pd.DataFrame:
    """Capitalised name candidates not covered by any mention, with counts.

    Columns: ``name, count, articles, example_doc, example``; sentence-initial single
    words and :data:`NOT_NAMES` are skipped. Use it to extend ``data/actors.yml``.
    """
    if mentions is None:
        mentions = find_mentions(articles, actors, captions=False)
    known = set(matcher(actors).names) | {t.title() for t in matcher(actors).titles}
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
            rows.append((name, art.doc_id, context))
    frame = pd.DataFrame(rows, columns=["name", "doc_id", "context"])
    out = frame.groupby("name").agg(
        count=("doc_id", "size"), articles=("doc_id", "nunique"),
        example_doc=("doc_id", "first"), example=("context", "first"),
    ).reset_index()
    out = out[out["count"] >= min_count]
    return out.sort_values(["count", "name"], ascending=[False, True]).reset_index(drop=True)
