"""Who states a sentence: one engine for the claimants of casualty figures and the
speakers of quotes, resolved to the actor list through the conflict profile.

Rules (also in docs/rules.md):

- A claimant is the subject of a speech or report verb ("the ministry said", "Baku
  reported", "Azerbaijan's Prosecutor General's Office, which said"), the words after
  "according to", or a name before an estimate noun ("UN figures"). The attribution
  nearest the figure in its sentence wins, before or after it ("10,000 civilians have
  been killed, the UN said").
- "It said", "they reported", "he said" resolve to the last named claimant in the article
  before that sentence; "This was announced by X" in the next sentence names the claimant
  of a sentence that has none.
- Names may be written in any script: "Şuşa residents said", "Çavuşoğlu said".
- :func:`resolve` turns the words into a claimant group with the profile (its groups,
  the actors on the list and their countries).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from ahocorasick_rs import AhoCorasick, MatchKind

from conflictnews.patterns import UPPER, ascii_fold, find_matches
from conflictnews.profile import Profile

#: Verbs that make their subject a speaker (quotes) and a claimant (figures).
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "warned",
    "warns", "wrote", "writes", "announced", "announces", "noted", "notes", "stressed",
    "stresses", "urged", "urges", "argued", "argues", "explained", "asked", "tweeted",
    "declared", "insisted", "reiterated", "emphasized", "emphasised", "commented", "replied",
    "suggested", "demanded", "accused", "denied", "claimed", "confirmed", "expressed",
)
#: Speech verbs that may come before their speaker ("said Lavrov"); not "told", "accused":
#: what follows those is the listener or the accused.
INVERTED_VERBS = ("said", "says", "added", "adds", "wrote", "stated", "tweeted", "noted",
                  "asked", "explained", "continued")
#: Verbs that make their subject the claimant of a figure (besides the speech verbs that
#: the figure rules use, listed first).
CLAIM_VERBS = (
    "said", "says", "say", "reported", "reports", "report", "estimated", "estimates",
    "announced", "announces", "stated", "states", "confirmed", "confirms", "claimed",
    "claims", "told", "tells", "added", "adds", "tweeted", "wrote", "counted", "put",
    "noted", "declared", "informed", "recorded", "registered", "published", "disclosed",
    "revealed", "updated", "cited", "quoted", "reminded", "recalled", "specified",
    "clarified", "mentioned", "pointed out", "underlined", "emphasized", "emphasised",
    "stressed", "warned", "indicated", "alleged", "alleges", "learned", "wrote",
    "tweeted", "posted", "announces", "reports", "put", "puts", "state", "confirm",
    "named", "informs", "inform", "recollects", "recollected", "recalls", "lists", "listed",
    "reads", "documented", "placed", "claim", "accused", "accuses", "shared",
    "highlighted", "highlights", "revised", "underscored", "compiled", "released", "tweets",
    "acknowledged", "acknowledges", "admitted", "admits",
)
#: Claim verbs that are also nouns ("the report said", "their statement").
NOUN_VERBS = ("report", "reports", "state", "states", "put", "puts", "lists", "reads",
              "estimates", "claims", "claim", "updated", "posted", "recalls")
#: "X accused Y of killing 21": an accusation claims the losses it names (not "accused
#: Y of violating a truce").
ACCUSED_OF = re.compile(r"\s+[^,;.]{1,60}?\bof\s+(?:[^,;.]{0,40}?\b)?(?:killing|wounding|injuring|"
                        r"murdering|massacring|shelling|attacking|targeting|capturing)\b")
#: Verbs that may come before their claimant ("said the General Prosecutor's Office").
INVERTED_CLAIM_VERBS = ("said", "says", "reported", "added", "stated", "announced", "noted",
                        "wrote", "tweeted", "reports", "adds", "confirmed", "explained")
#: Nouns that make "X estimates that N ..." an attribution to X.
CLAIM_NOUNS = ("estimates", "figures", "data", "tally", "statement", "count")
#: Words that stand for a claimant named earlier.
PRONOUNS = ("it", "he", "she", "they", "which", "who", "we", "i")
#: Words that can head a claimant's phrase without a capital letter.
AUTHORITY_WORDS = ("official", "officials", "authorities", "ministry", "office", "army",
                   "service", "ombudsman", "government", "military", "forces",
                   "committee", "observatory", "agency", "defender", "prosecutor",
                   "command", "headquarters", "administration", "residents", "witnesses",
                   "sources", "spokesman", "spokeswoman", "spokesperson", "police",
                   "investigators", "report", "statement", "monitors", "observers",
                   "correspondent", "media", "ombudsperson", "authority", "commission",
                   "minister", "president", "aide", "adviser", "advisor", "governor",
                   "mayor", "commander", "ambassador", "envoy")

def _alt(words: tuple[str, ...] | list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_BEFORE = re.compile(
    r"(?:^|(?:,(?!\d)|[;:“”\"()]|\s[–—-]\s)\s*|"
    r"\b(?:that|after|while|as|but|and|when|since|because)\s+)"
    r"(?P<who>(?:[^,;:“”\"()–—]|,(?=\d))(?:[^,;:“”\"()–—]|(?<=\d),(?=\d)|"
    r"\([A-Z][\w.-]{1,9}\)){0,129}?(?:\s\([A-Z][\w.-]{10,19}\))?)\s+"
    r"(?:(?:has|have|had|also|earlier|previously|later|separately|had\s+earlier|now|only|"
    r"already|reportedly)\s+)*"
    # a verb that is also a noun is no verb after a determiner or a preposition ("the
    # report said", "amid reports of")
    rf"(?P<verb>(?=[{''.join(sorted({v[0] for v in NOUN_VERBS}))}])"  # (cheap: a first letter)
    r"(?<!\b[Tt]he\s)(?<!\b[Aa]\s)(?<!\b[Aa]n\s)(?<!\b[Ii]ts\s)(?<!\b[Tt]heir\s)"
    r"(?<!\b[Tt]his\s)(?<!\bamid\s)(?<!\bof\s)(?<!\bin\s)(?<!\bto\s)(?<!\bby\s)"
    rf"(?:{_alt(NOUN_VERBS)})|{_alt(set(CLAIM_VERBS) - set(NOUN_VERBS))})\b",
)
#: (The name's first capital leads the pattern: the regex engine then skips ahead to the
#: next capital instead of trying the pattern at every letter, three times faster.)
_WHICH = re.compile(
    rf"(?P<who>{UPPER}[\w’'.-]*(?:\s+{UPPER}[\w’'.-]*)*),\s+which\s+(?:has\s+|had\s+|have\s+)?"
    rf"(?P<verb>{_alt(CLAIM_VERBS)})\b"
)
#: "Azerbaijan, which re-established control in 2020, said": a relative clause between
#: the name (read back from the comma, :data:`_NAME_END`) and its verb.
_RELATIVE = re.compile(
    r",\s+(?:which|who)\s+[^,;“”\"]{3,100},\s+(?:(?:has|had|have|also|later)\s+)?"
    rf"(?P<verb>{_alt(CLAIM_VERBS)})\b"
)
#: "the separatist authorities in Karabakh — which claims independence — said": a
#: parenthesis set off by dashes between the claimant (read back, :data:`_PHRASE_END`) and
#: its verb.
_DASHED = re.compile(
    r"\s[–—]\s(?:which|who|whose|a|an|the|including)\b[^–—“”\"]{3,120}\s[–—]\s+"
    rf"(?:(?:has|had|have|also|later)\s+)?(?P<verb>{_alt(CLAIM_VERBS)})\b")
_PHRASE_END = re.compile(r"(?:^|[,;:]\s*)(?:(?:Earlier|Meanwhile|Later|Separately|However|"
                         r"Also)\s+)?(?P<who>[^,;:–—“”\"\d]{2,80})$")
#: A long institution's name: capitalised words joined by "of", "the", "for", "and", a
#: short parenthesis ("the State Service of Emergency Situations of the Ministry of
#: Internal Affairs of Artsakh (Nagorno-Karabakh)"); a longer claimant must be one.
_LONG_NAME = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+(?:(?:of|the|for|and|on)\s+)*"
                        r"(?:[A-Z][\w’'.-]*|\([A-Z][\w.-]{1,19}\)))*")
_NAME_END = re.compile(rf"(?:{UPPER}[\w’'.-]*\s+)*{UPPER}[\w’'.-]*$")
#: "the region's rights ombudsman, Gegham Stepanyan, announced": a title (read back
#: from the name, :data:`_TITLE_END`), then the name.
_TITLED = re.compile(
    rf",\s+{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)*,\s+(?:(?:has|had|also|later)\s+)?"
    rf"(?P<verb>{_alt(CLAIM_VERBS)})\b"
)
_TITLE_END = re.compile(r"(?:^|[;:“”\"]\s*|,\s*[”\"]?\s*)(?P<title>(?:[Tt]he\s+|[Aa]n?\s+)?"
                        r"[^,;:“”\"]{3,80})$")
#: "an announcement by Karabakh authorities reporting 68 dead", "the authorities' previous
#: estimate of 68 deaths": a claim named as a noun.
_BY_NOUN = re.compile(
    r"\b(?i:announcement|statement|report|estimate|figures|data|tally|count|list|"
    r"statistics)\s+(?:(?:issued|released|published|made|compiled|provided)\s+)?(?:by|from)\s+"
    r"(?P<who>[^,;.“”\"]{2,80}?)(?=\s+(?:reporting|saying|that|which|on|in|of|shows?|showed|"
    r"stood|stands?|puts?|indicates?|indicated|reveals?|revealed)\b|[,;.“”\"]|$)"
)
#: A claim in the passive, its claimant the agent: "4,500 missing people registered by the
#: ICRC", "names published by other official sources".
_AGENT_VERBS = ("reported", "confirmed", "recorded", "registered", "published", "documented",
                "announced", "estimated", "counted", "verified", "listed", "compiled", "unveiled",
                "presented", "issued", "provided", "disclosed", "submitted")
_BY_AGENT = re.compile(
    rf"\b(?:{_alt(_AGENT_VERBS)})\s+by\s+"
    r"(?P<who>[^,;.“”\"\d]{2,80}?)(?=\s+(?:on|in|at|since|as|and|after|during|last|this|that|"
    r"which|who|to|from|for)\b|[,;.“”\"]|$)"
)
#: "Azerbaijan did not disclose its military losses, but confirmed seven civilian deaths":
#: the subject of a denial goes on to claim.
_ELIDED_VERBS = ("confirmed", "reported", "said", "announced", "put", "estimated", "claimed",
                 "stated", "acknowledged")
_ELIDED = re.compile(rf"\bbut\s+(?P<verb>{_alt(_ELIDED_VERBS)})\b")
#: (the subject of the denial, read from the sentence's start)
_DENIER = re.compile(
    r"\W*(?:(?:On|In|At)\s[^,]{1,30},\s*)?(?P<who>[^\W\d_][\w’'.-]*(?:\s+[^\W\d_][\w’'.-]*)*?)"
    r"\s+(?:did|does|has|had|have|would|was|were)\s+not\s")
#: "news were published in the Armenian press that 3 were killed": the press.
_PRESS_VERBS = ("published", "reported", "appeared", "circulated", "carried")
_IN_PRESS = re.compile(rf"\b(?:{_alt(_PRESS_VERBS)})\s+in\s+"
                       r"(?P<who>(?:the\s+)?(?:[\w-]+\s+){0,2}(?:press|media|newspapers?))\b")
#: (the owner read back from the possessive, :data:`_OWNER_END`)
_POSS_NOUN = re.compile(
    r"['’]s?\s+(?:(?:latest|previous|earlier|new|official|updated|own)\s+)?"
    r"(?P<noun>estimate|figures|count|tally|data|statement|statistics)\s+(?:of|shows?|showed|"
    r"puts?|stood|stands?|indicates?|indicated)\b"
)
_OWNER_END = re.compile(r"\b(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w-]+$")
#: Words before the owner of a claim noun ("a rise from (the authorities)' estimate").
_PREPOSITIONS = re.compile(r"\b(?:from|of|by|in|with|to|at|on|than|over|above|below|under|"
                           r"is|are|was|were)\s+")
_DETERMINED = re.compile(r"\b(?=(?:[Tt]he|[Aa]n?)\s)")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Aa]s per|Per|per(?= the\b)) "
                        r"(?P<who>[^,;.“”\"\d]{2,80})|"
                        r"\b[Ii]n (?P<whose>[^,;.“”\"]{2,60}?)['’]s words")
_NOUN = re.compile(
    rf"(?P<who>\b{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)*)\s+(?:{_alt(CLAIM_NOUNS)})\b"
)
#: "This was announced by the Deputy Minister ...": the claimant of the sentence before.
_THIS_WAS = re.compile(
    r"^\s*(?:This|That|The\s+(?:information|figure|data|news))\s+was\s+(?:\w+\s+)?"
    rf"(?P<verb>{_alt(CLAIM_VERBS)})\s+by\s+(?P<who>[^,;.“”\"]{{2,120}})"
)
#: "..., said the General Prosecutors of Azerbaijan": the claimant after its verb.
_TOKEN = (rf"(?:{UPPER}[\w’'.-]*|of|for|and|the|on|in|{_alt(AUTHORITY_WORDS)}|"
          r"general[’']s|prosecutor[’']s|human|rights|defence|defense|health|foreign|"
          r"state|security|emergency|press|regional|local|district|city|general|chief|"
          r"deputy|public|military|national|central|interior|internal|medical|forensic|"
          r"investigative|civil|prosecutor|prosecutors|prosecution)")
_AFTER = re.compile(
    rf"\b(?:{_alt(INVERTED_CLAIM_VERBS)})\s+(?P<who>(?:the\s+|an?\s+)?"
    rf"(?:{UPPER}|(?:{_alt(AUTHORITY_WORDS)})\b)[\w’'.-]*(?:\s+{_TOKEN}){{0,9}}?)"
    r"(?=\s*(?:[,.;:“”\"(]|$)|\s+(?:on|in|at|last|earlier|late|this|after|citing|adding|"
    r"via|quoting)\s)"
)
#: "Hikmet Hajiyev, the aide of the President, announced": a name, an apposition, a verb.
_APPOSED = re.compile(
    rf"(?P<who>{UPPER}[\w’'-]+(?:\s+{UPPER}[\w’'-]+)+,\s+(?:the\s+|a\s+|an\s+)?"
    r"[^,;“”\"]{3,90}),\s+(?:has\s+|had\s+|also\s+|later\s+)?"
    rf"(?P<verb>{_alt(CLAIM_VERBS)})\b"
)
#: "Karabakh, backed by Yerevan, said": a one-word name, then who stands behind it.
_BACKED = re.compile(
    r"(?P<who>[^\W\d_][\w’'-]+),\s+(?:allied\s+with|backed\s+by|supported\s+by|"
    r"controlled\s+by|run\s+by)\s+[^,;“”\"]{3,60},\s+(?:has\s+|had\s+|also\s+|later\s+)?"
    rf"(?P<verb>{_alt(CLAIM_VERBS)})\b")
#: Headlines: "Ombudsman: 19 civilians killed", "... Killed - Military".
_HEAD_START = re.compile(r"^\s*(?P<who>[^:,.;“”\"\d]{2,40}):\s")
_HEAD_END = re.compile(r"(?:\s[-–—]\s|:\s)(?P<who>[^-–—:,.;“”\"\d]{2,50})\s*$")
#: Words that end a headline without naming a source ("...: report").
_NO_SOURCE = frozenset({"report", "reports", "study", "data", "analysis", "video", "photos"})
#: A byline, which names a writer, not a source: "Posted by Balkan Periscope - Hellas".
_BYLINE = re.compile(r"\s*(?:[Pp]osted\s+by|[Bb]y|[Ww]ritten\s+by|BY)\s")
#: Words that end a claimant's phrase after an inverted verb ("said the office on Sunday").
_WHO_END = re.compile(r"\s+(?:on|in|at|that|this|last|earlier|late|after|before|during|"
                      r"as|when|while|of\s+the\s+attack|adding|citing|quoted|via)\b.*$")
_WHO_WORD = re.compile(rf"(?:(?<![\w’'-]){UPPER}|\b(?:{_alt(AUTHORITY_WORDS)})s?\b)")
_SUBORDINATE = re.compile(r"\b(?:after|that|while|because|when|since|as|but|although|"
                          r"though|if)\s+(?=\S)")
_DIGIT = re.compile(r"\d")
_COPULA = re.compile(r"\b(?:is|was|are|were|than|be)\b")
#: A time at the end of a claimant's phrase ("the ministry on Wednesday", "Beglaryan
#: today").
_WHEN = re.compile(r"\s+(?:(?:on|last|earlier|late|this)\s+\w+|today|yesterday|tonight)$")
#: A date before a claimant's phrase (a dateline: "2020-10-02 Human Rights Defender ...",
#: "October 2, 2020 The ministry ...").
_DATELINE = re.compile(r"^.*\b(?:1[89]|20)\d\d\b(?:-\d\d-\d\d)?[.,:]?\s+(?=\S)")
#: "claimed the lives of 32", "claimed dozens of lives": a toll, not a claim.
_TOLL_OBJECT = re.compile(r"\s+(?:the\s+)?(?:[\w,-]+\s+){0,3}?(?:lives?|deaths?)\b",
                          re.IGNORECASE)
#: "Trend reports citing the Prosecutor General's Office": the source cited.
_CITING = re.compile(r"\bciting\s+(?P<who>[^,;.“”\"]{2,80}?)(?=\s+(?:that|as|on|in|about|"
                     r"saying)\b|[,;.“”\"]|$)")
#: "It is reported", "it was announced": nobody claims.
_IMPERSONAL = re.compile(r"(?i:it|this|that|there)\s+(?:is|was|has\s+been|had\s+been)")
_PREPOSITION = re.compile(r"(?:In|On|At|After|Before|Following|Amid|Amidst|Despite|Since|During|"
                          r"Under|Without|Through|Throughout|Upon|Against|Among|Between)\b")
#: Words of quantity that end the words after "according to" before its figure
#: ("according to the ombudsman about 90,000 fled").
_QUANTITY_END = re.compile(r"(?:\s+(?:about|some|nearly|almost|over|around|approximately|"
                           r"more\s+than|at\s+least|up\s+to|as\s+many\s+as))+\s*$")
#: A time or place after a source's name ("the government at the time of the ceasefire
#: in 1994", "statistics as of May 2021").
_WHEN_WHERE = re.compile(r"\s+(?:at|in|on|as\s+of|since|by|from|until|during|for|between)\b.*$")
#: Reports of the press, which name a source though no name is written ("according to
#: news reports").
_PRESS = re.compile(r"\b(?:news|press|media)\s+(?:reports|agencies|outlets)\b")
#: What is no source, though it stands where one would (see :func:`_not_a_source`; its
#: last words are read as words, cheaper than patterns): an adjective before a claim verb
#: that is also a noun ("initial estimates", "the latest reports" name no one).
_ADJECTIVES = frozenset({
    "initial", "latest", "preliminary", "official", "unofficial", "new", "recent", "previous",
    "earlier", "first", "early", "conflicting", "unconfirmed", "other", "such", "some", "many",
    "several", "these", "those", "regularly", "newly", "recently", "constantly", "officially"})
#: Determiners before an adverb and a participle: "a regularly updated list".
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "this", "these", "his", "her"})
#: Words that may join the capitalised words of a name ("Commission on Prisoners of War").
_NAME_LINKS = frozenset({"of", "on", "for", "and", "the"})


def _lists_names(who: str) -> bool:
    """Are ``who``'s words the last items of a name listing several ("Hostages and
    Missing Persons"): capitalised words, "and" before the last one?"""
    words = who.split()
    return "and" in words[1:-1] and all(w[0].isupper() for w in words if w != "and")


def _name_before_comma(sentence: str, at: int) -> int:
    """Where the capitalised name ending in the comma before ``at`` starts ("the Commission
    on Prisoners of War, "), when it holds "of", "on" or "for" (an institution's); else
    ``at``. Reads back at most a dozen words."""
    words = sentence[max(0, at - 100):at - 2].split(" ")
    start, linked, n = at - 2, False, 0
    for w in reversed(words):
        if not w or n >= 12:
            break
        if w[0].isupper():
            start, n = start - len(w), n + 1
        elif w in _NAME_LINKS:
            start, n, linked = start - len(w), n + 1, linked or w not in ("and", "the")
        else:
            break
        start -= 1  # the space before it
    start += 1
    while start < at and not sentence[start].isupper():  # a name starts with a capital
        start = sentence.find(" ", start, at) + 1 or at
    return start if linked and start < at - 2 else at
#: A relative pronoun, then a pronoun: "which he (said killed five)".
_RELATIVE_PRONOUN = re.compile(r"(?:which|that|who)\s+(?:he|she|they|it|we)$")
#: A passive before its verb: "Clashes have been reported" names no one.
_PASSIVE_WORDS = frozenset({"been", "being", "be", "was", "were", "is", "are"})
#: A plural subject or a pronoun, which the verb "state" needs ("officials state"; not
#: "a mono-ethnic state").
_PLURAL_END = re.compile(r"(?:s|they|we|I|you)$")
#: The head word of an event, which is no source ("the attack highlighted ...").
_EVENT_HEADS = frozenset({
    "fighting", "clash", "clashes", "war", "wars", "conflict", "crisis", "escalation", "attack",
    "attacks", "shelling", "strike", "strikes", "bombardment", "blast", "explosion", "offensive",
    "assault", "violence", "tragedy", "incident"})
#: A page's furniture before a colon: "Photo: AFP", "Image Credit: ...", "Published: ...".
_FURNITURE = re.compile(r"(?i:(?:photo|image|picture|video|audio|credits?|image\s+credit|"
                        r"photo\s+credit|published|updated|posted|theme|topics?|tags?|"
                        r"category|categories|read\s+more|read\s+also|see\s+also|watch|"
                        r"listen|share|source|sources|author|date|time|file\s+photo)s?)")
#: Words of an event, not a source, before a headline's colon ("Fighting between Armenia
#: and Azerbaijan: 100 killed", "Missing in Armenia: ...").
_EVENT_WORD = re.compile(r"(?i:\b(?:fight|clash|war\b|wars\b|conflict|crisis|escalat|ceasefire|"
                         r"truce|tension|exodus|blockade|tragedy|battle|violence|"
                         r"kill|dead|death|die|wound|injur|casualt|loss|lost|missing|captiv|"
                         r"prisoner|hostage|victim|bodies|fled|flee|displac|refugee|evacuat|"
                         r"martyr|toll|attack|shell|bombard|strik|missile|rocket|bomb|drone|"
                         r"artillery|blast|explosi|landmine|offensive|aggression|assault))")

#: ", announced": what an apposition pattern cannot match without (found fast: it
#: starts with a comma).
_COMMA_VERB = re.compile(rf",\s+(?:(?:has|had|also|later)\s+)?(?:{_alt(CLAIM_VERBS)})\b")
#: Each pattern with the words (case as written) it cannot match without.
_PATTERNS = (
    (_WHICH, ("which",)), (_BEFORE, CLAIM_VERBS),
    (_ACCORDING, ("ccording to ", " words", "Per ", "per the ", "s per ")),
    (_NOUN, CLAIM_NOUNS),
    (_AFTER, INVERTED_CLAIM_VERBS), (_APPOSED, CLAIM_VERBS), (_HEAD_START, (":",)),
    (_CITING, ("citing ",)), (_BY_NOUN, (" by ", " from ")),
    (_BY_AGENT, tuple(f"{v} by " for v in _AGENT_VERBS)),
    (_IN_PRESS, tuple(f"{v} in " for v in _PRESS_VERBS)),
    (_BACKED, ("allied with ", "backed by ", "supported by ", "controlled by ", "run by ")),
)
#: Patterns whose claimant is read back from where they match, each with the words it
#: cannot match without.
_BACKWARD = ((_RELATIVE, (", which", ", who")),
             (_DASHED, tuple(f"{d} {w}" for d in "—–" for w in ("which", "who", "a ", "an ",
                                                               "the ", "including"))),
             (_ELIDED, tuple(f"but {v}" for v in _ELIDED_VERBS)),
             (_TITLED, CLAIM_VERBS),
             (_POSS_NOUN, ("estimate", "figures", "count", "tally", "data", "statement",
                           "statistics")))
#: Every word some pattern needs, found in one pass (overlapping: all of them).
_NEEDED = sorted({w for _, needs in (*_PATTERNS, *_BACKWARD) for w in needs})
_NEEDS = AhoCorasick(_NEEDED, matchkind=MatchKind.Standard)
_WANTS = [frozenset(_NEEDED.index(w) for w in needs) for _, needs in _PATTERNS]
#: Patterns whose every match ends with a claim verb: no match starts after the last one
#: in the sentence, so their search stops just after it (a claim verb of several words
#: may have any white space inside: the whole sentence is then searched).
_ENDS_WITH_VERB = (_BEFORE, _WHICH, _APPOSED)
_VERB_KEYS = frozenset(_NEEDED.index(w) for w in CLAIM_VERBS if " " not in w)
_SPACED_VERBS = tuple({w.split()[0] for w in CLAIM_VERBS if " " in w})
_BACK_WANTS = [frozenset(_NEEDED.index(w) for w in needs) for _, needs in _BACKWARD]
#: Keys that every pattern needing them reads as whole words (letters only): a match inside
#: a longer word ("count" in "country", "report" in "reporter") wants no pattern.
_WHOLE_WORDS = frozenset(i for i, w in enumerate(_NEEDED) if w.isalpha())


@lru_cache(maxsize=2048)
def claims(sentence: str) -> list[tuple[int, str, str]]:
    """``(position, who, how)`` for each attribution in ``sentence``: ``who`` as written
    (a pronoun in lower case), ``how`` the verb or phrase that attributes it. (Cached:
    the list must not be changed.)"""
    found = []
    needed = [(i, a, b) for i, a, b in find_matches(_NEEDS, sentence, overlapping=True)
              if i not in _WHOLE_WORDS or not (  # a word key inside a longer word ("count"
                  (a and sentence[a - 1].isalpha()) or (b < len(sentence)  # in "country")
                                                        and sentence[b].isalpha()))]
    present = {i for i, _, _ in needed}
    verbs_end = _verbs_end(sentence, needed) if present else 0
    for (pattern, _), wants in zip(_PATTERNS, _WANTS, strict=True) if present else ():
        if not present & wants or (pattern is _APPOSED and not _COMMA_VERB.search(sentence)):
            continue  # a word the pattern needs is missing
        end = verbs_end if pattern in _ENDS_WITH_VERB else len(sentence)
        start = _before_start(sentence, needed) if pattern is _BEFORE else 0
        for m in pattern.finditer(sentence, start, end):
            if pattern is _ACCORDING:  # (it stops at a digit: its figure, or a date in
                raw = m.group("who") or m.group("whose")  # the words, "as of May 2021")
                who = _QUANTITY_END.sub("", raw).strip()
                if "(" in who and ")" not in who:  # "Armenian sources (of those 20 ...)"
                    who = who[:who.index("(")].strip()
                elif m.end() < len(sentence) and sentence[m.end()].isdigit() and \
                        who == raw.strip():  # "the government at the time of ... in 1994"
                    cut = _WHEN_WHERE.sub("", who)
                    if cut == who:
                        continue
                    who = cut
            else:
                who = m.group("who").strip()
            who = _SUBORDINATE.split(who)[-1] if pattern is _BEFORE else who
            if pattern is _BEFORE and _COPULA.search(who):  # "The figure is higher than
                continue  # previous estimates": no claimant
            verb = m.group("verb") if "verb" in pattern.groupindex else ""
            if verb.startswith("claim") and _TOLL_OBJECT.match(sentence, m.end()):
                continue  # "attacks have claimed the lives of 32": a toll
            if verb.startswith("accuse") and not ACCUSED_OF.match(sentence, m.end()):
                continue  # "accused Armenia of violating a truce": no losses claimed
            if verb == "released" and not _RELEASED_WHAT.match(sentence, m.end()):
                continue  # "released 12 prisoners", not "released a list of 44 killed"
            if verb == "shared" and not _SHARED_ON.match(sentence, m.end()):
                continue  # "shared on social media", not "shared the same view"
            if pattern is _BEFORE and _SAID_WAS.match(sentence, m.end()) and _THAT_BEFORE.search(
                    sentence, 0, m.start("who") + max(0, m.group("who").rfind(who))):
                continue  # "an attack that Baku said was carried out by Armenia"
            who = _DATELINE.sub("", who) if _DIGIT.search(who) else who
            who = _WHO_END.sub("", who) if pattern is _AFTER else who
            who = who[:-1] if who.endswith(".") and who[-2:-1].islower() else who
            who = _WHEN.sub("", who)
            if who.lower() in ("the", "a", "an", "this", "that", "these", "those"):
                continue
            if who.lower() in ("which", "who") or _IMPERSONAL.fullmatch(who):
                continue
            if _not_a_source(pattern, who, verb, sentence, m.end()) or (
                    pattern is _BACKED and not who[0].isupper()):
                continue
            if pattern is _BEFORE and _RELATIVE_PRONOUN.match(who):  # "..., which he said
                who = who.split()[-1]  # killed five civilians": he
            if _DIGIT.search(who) or ((len(who.split()) > 12 or len(who) > 90) and \
                    not _LONG_NAME.fullmatch(who)):
                continue  # (an institution's long name, its words capitalised or joining)
            how = m.group("verb") if "verb" in pattern.groupindex else _HOW.get(
                id(pattern), "noun")
            if pattern is _AFTER:
                how = f"{m.group().split()[0]} (before its claimant)"
            group = "who" if m.group("who") is not None else "whose"
            at = m.start(group) + max(0, m.group(group).rfind(who))  # after "while"
            if pattern is _BEFORE and at > 2 and sentence[at - 2] == "," and \
                    _lists_names(who):  # "the Commission on Prisoners of War, Missing
                first = _name_before_comma(sentence, at)  # Persons and Hostages said": the
                if first < at:  # name's first part (an institution's: "... on ... of ...,")
                    who, at = sentence[first:at] + who, first
            if who.lower() in PRONOUNS:
                found.append((at, who.lower(), how))
            elif (_WHO_WORD.search(who) or (pattern is _ACCORDING and _PRESS.search(who))) \
                    and not _PREPOSITION.match(who):
                found.append((at, who, how))
    for (pattern, _), wants in zip(_BACKWARD, _BACK_WANTS, strict=True) if present else ():
        if not present & wants:
            continue
        if pattern is _TITLED and not _COMMA_VERB.search(sentence):
            continue  # ", verb" is what it cannot match without
        for m in pattern.finditer(sentence):
            if pattern is _TITLED:  # "the region's ombudsman, Gegham Stepanyan, announced"
                title = _TITLE_END.search(sentence, max(0, m.start() - 84), m.start())
                if title and _WHO_WORD.search(title.group("title")):
                    who = sentence[title.start("title"):m.end() - len(m.group("verb"))]
                    who = who.rstrip(" ,").removesuffix(" has").removesuffix(" had").rstrip(" ,")
                    found.append((title.start("title"), who, m.group("verb")))
                continue
            if pattern is _ELIDED:  # "Azerbaijan did not disclose ..., but confirmed 7"
                denier = _DENIER.match(sentence, 0, m.start())
                if denier and all(w[0].isupper() for w in denier.group("who").split()):
                    found.append((denier.start("who"), denier.group("who"), m.group("verb")))
                continue
            if pattern is _DASHED:  # "the authorities in Karabakh — which ... — said"
                phrase = _PHRASE_END.search(sentence, max(0, m.start() - 80), m.start())
                if phrase and _WHO_WORD.search(phrase.group("who")):
                    found.append((phrase.start("who"), phrase.group("who").strip(),
                                  m.group("verb")))
                continue
            if pattern is _RELATIVE:  # "Azerbaijan, which ..., said"
                name = _NAME_END.search(sentence, max(0, m.start() - 80), m.start())
                if name:
                    found.append((name.start(), name.group(), m.group("verb")))
                continue
            owner = _OWNER_END.search(sentence, max(0, m.start() - 60), m.start())
            who = _DETERMINED.split(_PREPOSITIONS.split(owner.group())[-1])[-1] if owner \
                else ""  # the owner: after the last preposition or determiner
            if who and _WHO_WORD.search(who) and not _DIGIT.search(who):
                found.append((m.start() - len(who), who, "noun: ...'s"))
    if not sentence.rstrip().endswith((".", "!", "?", "”", '"', ")")):  # a headline
        m = None if _BYLINE.match(sentence) else _HEAD_END.search(sentence)
        if m and _WHO_WORD.search(m.group("who")) and len(m.group("who").split()) <= 6 and \
                m.group("who").strip().lower() not in _NO_SOURCE and \
                not _EVENT_WORD.search(m.group("who")):
            found.append((m.start("who"), m.group("who").strip(), "headline: ... - source"))
    return found


def _not_a_source(pattern: re.Pattern, who: str, verb: str, sentence: str, end: int) -> bool:
    """Do the words a pattern read as a claimant name no source? "According to initial"
    (+ "estimates"), "the latest" (+ "reports"), "a regularly" (+ "updated"), "several
    who it" (+ "claims were involved"), "a mono-ethnic" (+ "state"), a headline's topic
    before its colon ("Fighting between Armenia and Azerbaijan: ...") or its dateline
    ("Yerevan/Baku: ...")."""
    words = who.lower().split()
    if not words:
        return False
    if words[0] in ("our", "this") and len(words) > 1 and (
            _OWN_WITNESS.match(who) or words[0] == "our" or words[1] == "reporter"):
        return True  # "Our correspondent reported": the outlet's own voice
    if words == ["we"] and verb == "counted" and not _QUOTE_MARK.search(sentence, 0, end):
        return True  # "We counted 4 bodies", outside a quotation: the outlet's reporters
    if pattern is _BEFORE:
        last = words[-1].removesuffix("’s").removesuffix("'s")
        before = words[-2] if len(words) > 1 else ""
        if last in _PASSIVE_WORDS or last in _EVENT_HEADS or words[0] == "according" or (
                before in _DETERMINERS and last.endswith("ly")):
            return True  # "Clashes have been", "The attack", "According to initial"
        if verb in NOUN_VERBS and last in _ADJECTIVES:
            return True  # "initial" (+ "estimates")
        if verb == "state" and not _PLURAL_END.search(who):
            return True  # "a mono-ethnic" (+ "state")
        return before in ("who", "whom", "which", "that") and \
            _SAID_WAS.match(sentence, end) is not None  # "several who it" (+ "claims were")
    if pattern is _HEAD_START:
        return "/" in who or _EVENT_WORD.search(who) is not None or \
            _FURNITURE.fullmatch(who.strip()) is not None
    return False


def _verbs_end(sentence: str, needed: list[tuple[int, int, int]]) -> int:
    """Where the search for a pattern of :data:`_ENDS_WITH_VERB` may stop: just after the
    last claim verb (``needed``: the matches of :data:`_NEEDS` in ``sentence``)."""
    for w in _SPACED_VERBS:
        if w in sentence:
            return len(sentence)
    last = -1
    for i, _, b in needed:
        if b > last and i in _VERB_KEYS:
            last = b
    return min(len(sentence), last + 1)


#: What a match of :data:`_BEFORE` holds only as its opening (a comma not before a digit,
#: a semicolon, colon, quotation mark or dash; a dash's opening starts one character
#: before it): never inside its claimant's words, nor in its verb.
_BEFORE_STOP = re.compile(r"[;:“”\"–—]|,(?!\d)")
#: Everything up to the last of them (one match, read from the end by the regex engine).
_LAST_BEFORE_STOP = re.compile(r"(?s:.*)(?:[;:“”\"–—]|,(?!\d))")


def _before_start(sentence: str, needed: list[tuple[int, int, int]]) -> int:
    """Where the search for :data:`_BEFORE` may start: one character before the last
    :data:`_BEFORE_STOP` ahead of the first claim verb (a match before it would end at a
    verb with a stop inside it), else 0."""
    for w in _SPACED_VERBS:
        if w in sentence:
            return 0
    first = min((a for i, a, _ in needed if i in _VERB_KEYS), default=0)
    last = _LAST_BEFORE_STOP.match(sentence, 0, first)  # (the last stop: its end - 1)
    return max(0, last.end() - 2) if last else 0


_HOW = {id(_ACCORDING): "according to", id(_HEAD_START): "headline: source: ...",
        id(_CITING): "citing", id(_BY_NOUN): "noun: ... by", id(_BY_AGENT): "passive: ... by",
        id(_IN_PRESS): "published in"}
#: Words that open a sentence going on with the report before it.
_GOES_ON = re.compile(r"\W*(?:As\s+a\s+result|In\s+addition|Additionally|Besides|Moreover|"
                      r"Furthermore|Also|Thus|Of\s+(?:these|them|whom|those)|Among\s+"
                      r"(?:them|these|those)|In\s+total|Overall|Altogether)\b")
#: Word stems that say a source speaks of casualties, and of attacks.
LOSS_STEMS = ("kill", "dead", "death", "die", "wound", "injur", "casualt", "loss", "lost",
              "missing", "captiv", "prisoner", "hostage", "victim", "body", "bodies", "fled",
              "flee", "displac", "refugee", "evacuat", "martyr", "toll")
ATTACK_STEMS = ("attack", "shell", "bombard", "strik", "missile", "rocket", "target", "fire",
                "firing", "bomb", "drone", "artillery", "mortar", "blast", "explosi", "landmine",
                "offensive", "aggression", "assault", "raid")
_LOSS_WORD = re.compile(rf"(?i:\b(?:{'|'.join(LOSS_STEMS)})\w*)")
#: Words that say a lead speaks of losses or attacks.
_ATTACK_OR_LOSS = re.compile(rf"(?i:\b(?:{'|'.join(LOSS_STEMS + ATTACK_STEMS)})\w*)")
#: The same two tests for lower-cased text (:func:`~conflictnews.patterns.ascii_fold`),
#: where only whether a stem starts a word counts: two to three times faster.
_LOSS_WORD_LOW = re.compile(rf"\b(?:{'|'.join(LOSS_STEMS)})")
_ATTACK_OR_LOSS_LOW = re.compile(rf"\b(?:{'|'.join(LOSS_STEMS + ATTACK_STEMS)})")
#: A toll to date, which an outlet states itself: "have been killed since ...", "have
#: fled", "are fleeing", "the conflict cost thousands of lives".
_RUNNING = re.compile(r"\b(?:ha(?:ve|s)\s+(?:already\s+)?(?:been\s+)?\w+(?:ed|en|ied|ft|d)|"
                      r"since|are\s+fleeing|so\s+far|to\s+date|(?:war|conflict|fighting|"
                      r"clashes|hostilities)\b[^.;]{0,40}?\b(?:cost|claimed|killed|left))\b",
                      re.IGNORECASE)
#: How many first sentences are an article's lead: a source named there speaks for the
#: whole article (one named later for its paragraph).
LEAD_SENTENCES = 3
#: (A sentence of prose is counted in the lead, not a dateline, a time or a site's
#: furniture: "01:10 PM | 17 Oct, 2020", "YEREVAN, September 29.", "Loading...".)
_LEAD_LIMIT = 4 * LEAD_SENTENCES  # past this sentence no figure is in the lead (cheap)
#: A sentence turning to another time or place than the source's story.
_ELSEWHEN = re.compile(r"\W*(?:(?:A|One|Two|Three|Several|The)\s+(?:day|days|week|weeks|month|"
                       r"months|year|years)\s+(?:earlier|before|later|ago)|Earlier|Previously|"
                       r"Meanwhile|Elsewhere|Separately|Last\s+(?:week|month|year))\b")
#: Words by which a sentence points back at the story told before it: "three other
#: civilians", "were also wounded", "in the attack".
_POINTS_BACK = re.compile(r"\b(?:also|other|others|another|as\s+well|in\s+(?:the|that|this)\s+"
                          r"(?:attack|strike|shelling|blast|explosion))\b", re.IGNORECASE)
#: A source left unnamed, which is not the source named before: "according to statistics".
_UNNAMED_SOURCE = re.compile(r"\b[Aa]ccording\s+to\b|\b(?:[Ii]t|[Tt]his)\s+(?:is|was)\s+"
                             r"(?:reported|said|claimed)\b")
#: Another event than the lead's: "On June 12, ...", "in the past two months", "This
#: follows Oct. 27's attacks".
_OTHER_EVENT = re.compile(r"\W*(?:On|In)\s+(?:\w+\.?\s+)?\d{1,2}\b|"
                          r".*?\b(?:(?:[Ii]n|[Oo]ver)\s+the\s+(?:past|last)|(?:This|It)\s+"
                          r"follows)\b")
_SHARED_ON = re.compile(r"\s+(?:on|in|via)\s")
#: What "released" must be followed by to claim: a document, not people set free.
_RELEASED_WHAT = re.compile(r"\s+(?:(?:a|an|the|its|their|his|her|new|updated|latest|"
                            r"official|preliminary)\s+)*(?:list|data|figures?|statement|"
                            r"report|names|information|toll|numbers?|statistics|estimates?)\b")
#: "that Baku said (was carried out)": a claim about what the clause names, not a figure.
_SAID_WAS = re.compile(r"\s+(?:was|were|is|are|had\s+been|has\s+been)\b")
_THAT_BEFORE = re.compile(r"\b(?:that|which)\s+$")
#: Words by which a source's sentence tells the lead's story: losses ("the bodies are yet
#: to be identified, the service said"), or the news itself ("confirmed the news").
_TELLS_THE_STORY = re.compile(r"(?i:\b(?:kill|dead|death|died|wound|injur|casualt|bodies|"
                              r"victim|martyr|missing|captiv|prisoner|hostage)\w*|\b(?:the|this)\s+"
                              r"(?:news|information|data|figures?|report|incident|toll)\b)")
#: A claim verb whose object is the news the lead told: "confirmed the news", "reported
#: this".
_GENERIC_OBJECT = re.compile(r"\b(?:confirm|report|announc|releas|publish|share|disclos)\w*\s+"
                             r"(?:the|this)\s*(?:news|information|data|figures?|report|toll)?"
                             r"\b(?!\s+(?:of|that|on|about)\b)")
_WORD = re.compile(r"[^\W\d_]+")
#: A number of a source's own, in digits or words.
_NUMBER = re.compile(r"(?i:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                     r"twelve|dozens?|scores|hundreds?|thousands?)\b)")
#: A quotation opening in a sentence: with no speaker named, it quotes the source before.
_QUOTE_OPENS = re.compile(r"(?:^|\s)[“\"]\w")
#: A figure told as reported, with no one named: "was reported killed" (not "reportedly",
#: which an outlet writes of what no source it names told).
_REPORTED = re.compile(r"\b(?:was|were|been)\s+reported\b")
#: The signature closing an embedded post: "— Hikmet Hajiyev (@HikmetHajiyev) date".
_POST_SIGNATURE = re.compile(r"[—–-]\s*(?P<who>[^\n()—–@]{2,60}?)\s*\(@\w{1,40}\)")
#: The outlet's own witnesses: "Our reporter saw 4 bodies", "we counted", "journalists
#: at the scene saw": the outlet speaks, not the source it relayed before.
_OWN_WITNESS = re.compile(
    r"\b(?:[Oo]ur|[Tt]his)\s+(?:own\s+)?(?:reporter|correspondent|journalist|team|crew|"
    r"photographer)s?\b|\b[Ww]e\s+(?:saw|counted|witnessed|visited|observed)\b|"
    r"\b(?:[Rr]eporters?|[Jj]ournalists?|[Cc]orrespondents?)\s+(?:[\w’'-]+\s+){0,8}?"
    r"(?:saw|counted|witnessed|observed)\b")
#: Words :data:`_OWN_WITNESS` cannot match without (tested first: cheap).
_WITNESS_WORDS = ("eporter", "orrespondent", "ournalist", "team", "crew", "hotographer", "We ",
                  "we ")
#: A turn to another claim within a sentence: "..., while Armenia's ministry said".
_CLAUSE_TURN = re.compile(r";|\b(?:while|whereas|but)\b")
#: Quotation marks that open and close a quotation.
OPEN_QUOTE, CLOSE_QUOTE = "“", "”"
_CLOSING = {"“": "”", "«": "»", "‘": "’", '"': '"'}
_OPENERS = "".join(_CLOSING)
#: A quotation mark: opening, closing, straight; a single closing quote only where no
#: letter follows (not the apostrophe of "Armenia’s").
#: (One character class first, the apostrophe checked after it: the regex engine then
#: skips to the next quotation mark instead of trying the pattern at every character.)
_QUOTE_MARK = re.compile(r"[“”«»\"‘’](?!(?<=’)\w)")
#: A sentence ending with its speaker ("..., Erdogan said.") or with a colon before
#: what it quotes ("the statement reads:").
_SAID_END = re.compile(rf"[”’\"],?\s+[^.“”\"]{{1,60}}\s(?:{'|'.join(SPEECH_VERBS)})\W*$|"
                       r":\s*$")


def announced_by(sentence: str) -> str:
    """The claimant a sentence names for the one before it ("This was announced by X")."""
    m = _THIS_WAS.match(sentence)
    return m.group("who").strip() if m else ""


#: A figure in a relative clause on the event a claim names only as its circumstance:
#: "Armenia said a ceasefire holds, following two days of fighting that killed 176".
_EVENT_CLAUSE = re.compile(
    r"\b(?:following|after|in|during|amid|over)\s+[^,;]{0,60}?\b(?:fighting|clashes|assault|"
    r"attacks?|offensive|war|hostilities|shelling|battles?|operation|strikes?|bombardment|"
    r"violence)\b[^,;]{0,40}?\b(?:that|which)\s+(?:killed|left|claimed|wounded|injured)\s+"
    r"(?:[\w-]+\s+){0,3}$")
#: A claim in a clause that a figure before it is the consequence of: "the toll rose to
#: 46 after the ministry said five more died".
_SUBORDINATE_END = re.compile(r"\b(?:after|when|since|because|before)\s+$")


def _ABOUT_ANOTHER_MATTER(sentence: str, at: int, pos: int) -> bool:
    """Is the attribution at ``at`` about another matter than the figure at ``pos``: the
    figure in a relative clause on an event the claim names only as its circumstance
    (:data:`_EVENT_CLAUSE`), or the claim in a clause after the figure that the figure
    follows from (:data:`_SUBORDINATE_END`)?"""
    if at < pos:  # (the clause is read back at most 240 characters from the figure)
        start = max(at, pos - 240)
        return (sentence.find("that ", start, pos) >= 0 or sentence.find("which ", start, pos)
                >= 0) and _EVENT_CLAUSE.search(sentence, start, pos) is not None
    return _SUBORDINATE_END.search(sentence, max(0, at - 10), at) is not None


def nearest(found: list[tuple[int, str, str]], pos: int,
            previous: str | Callable[[], str], sentence: str = "") -> tuple[str, str]:
    """``(claimant, evidence)``: the attribution nearest ``pos`` (with the ``sentence``:
    not one after a turn to another claim, "A said one died, while B said ..."); a
    source cited ("Interfax reported, citing the health ministry") before the outlet
    relaying it; a pronoun is the last named claimant before (``previous``, a value or
    a function giving it)."""
    if sentence and found:  # not a claim about another matter than the figure
        found = [c for c in found if not _ABOUT_ANOTHER_MATTER(sentence, c[0], pos)]
    if not found:
        return "", ""
    cited = [c for c in found if c[2] == "citing"]
    if cited:
        return cited[0][1], cited[0][2]
    if sentence and len(found) > 1:
        kept = [c for c in found if c[0] < pos or not _CLAUSE_TURN.search(sentence, pos, c[0])]
        found = kept or found
    at, who, how = min(found, key=lambda c: abs(c[0] - pos))
    if who not in PRONOUNS:
        return who, how
    named = [w for p, w, _ in found if p < at and w not in PRONOUNS]
    if named:  # "The ministry said that ... they had confirmed 37": the ministry
        return named[-1], f"{how}: {who} = {named[-1]}"
    before = previous() if callable(previous) else previous
    return (before, f"{how}: {who} = last named claimant") if before else ("", "")


class ArticleClaimants:
    """The claimants named in one article's sentences, read once each, for pronouns
    ("it said": the last named claimant before the sentence) and for "This was
    announced by X" (the next sentence)."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text, self.spans = text, spans
        self._named: dict[int, list[str]] = {}
        self._last: dict[int, str] = {}
        self._opened: dict[int, int | None] = {}
        self._context: dict[int, tuple[str, str]] = {}
        self._start_list: list[int] | None = None
        self._carried: list[int] = []  # see current_source
        self._lead_end: int | None = None
        self._witness: dict[int, bool] = {}
        self._one_source: bool | None = None

    def _has_word(self, low_pattern: re.Pattern, pattern: re.Pattern, a: int, b: int) -> bool:
        """Does ``pattern`` (case-insensitive) find a word in ``text[a:b]``: searched with
        its lower-case copy in the lower-cased span (and the character before it, which
        tells whether a word starts at ``a``) where that finds the same."""
        before = max(0, a - 1)
        low = ascii_fold(self.text[before:b])
        if low is None:
            return pattern.search(self.text, a, b) is not None
        return low_pattern.search(low, a - before) is not None

    def named(self, index: int) -> list[str]:
        if index not in self._named:
            a, b = self.spans[index]
            self._named[index] = [w for _, w, _ in claims(self.text[a:b]) if w not in PRONOUNS]
        return self._named[index]

    def last_before(self, index: int) -> str:
        """The last claimant named in the sentences before ``index``."""
        if index not in self._last:
            named = ""
            for i in range(index - 1, -1, -1):
                if i in self._last:
                    named = self.named(i)[-1] if self.named(i) else self._last[i]
                    break
                if self.named(i):
                    named = self.named(i)[-1]
                    break
            self._last[index] = named
        return self._last[index]

    def antecedent(self, index: int, who: str) -> str:
        """For a description of an office ("the prosecutor's office", "the ministry"):
        the last claimant named in sentence ``index`` or the dozen before it with the
        same head word, or ``""``."""
        head = head_word(who)
        if not head:
            return ""
        for i in range(index, max(-1, index - 12), -1):  # the last dozen sentences
            for named in reversed(self.named(i)):
                if named != who and head_word(named) == head:
                    return named
        return ""

    def party_before(self, index: int, profile: Profile, day: dt.date | None,
                     back: int = 3) -> str:
        """Whose office "the ministry" is, when no claimant before has its head word: a
        claimant of a group named in its sentence or the ``back`` before ("Azerbaijani
        aide Hajiyev said ... and the prosecutor's office said"), else a party those
        sentences name (the sentence itself first; "Baku does not disclose ... The
        prosecutor's office said": Baku's), not as an attacker; for the headline, what
        the lead names first."""
        order = [index, *range(index - 1, max(-1, index - 1 - back), -1)] if index else \
            [0, *range(1, min(len(self.spans), 1 + back))]
        for i in order:
            for named in reversed(self.named(i)):
                if profile.group_side(profile.group_for(named, day)[0]):
                    return named
        from conflictnews.inference import attacks_after  # (inference imports this module)

        for i in order:
            a, b = self.spans[i]
            text = self.text[a:b]
            found = [f for f in profile.groups_in(text, day)  # not the attacker ("after
                     if not attacks_after(text, f[0])]  # Azerbaijan attacked ...")
            if found:
                return found[0][2] if i == index or not index else found[-1][2]
        return ""

    def quote_closer(self, index: int) -> str:
        """The speaker of a quotation that opens in sentence ``index`` and closes in a
        later one (“... . ... ,” the ministry said), or ``""``."""
        a, b = self.spans[index]
        sentence = self.text[a:b]
        straight = sentence.count('"') % 2 == 1
        if sentence.count(OPEN_QUOTE) <= sentence.count(CLOSE_QUOTE) and not straight:
            return ""
        closing = '"' if straight else CLOSE_QUOTE
        for i in range(index + 1, min(index + 6, len(self.spans))):
            a, b = self.spans[i]
            later = self.text[a:b]
            close = later.find(closing)
            if close >= 0:
                after = [(p, w) for p, w, _ in claims(later) if p > close]
                return after[0][1] if after and after[0][1] not in PRONOUNS else (
                    self.last_before(i) if after else "")
            if not straight and OPEN_QUOTE in later:
                return ""
        return ""

    def speaker(self, index: int) -> str:
        """The claimant sentence ``index`` names last; for "it said", "he added" the one
        named before it; ``""`` when it attributes nothing."""
        if self.named(index):
            return self.named(index)[-1]
        a, b = self.spans[index]
        return self.last_before(index) if claims(self.text[a:b]) else ""

    def recent(self, index: int, back: int = 2) -> tuple[int, str]:
        """``(sentence, claimant)`` named last in the ``back`` sentences before ``index``
        in the same paragraph, when the sentence goes on with that source's report: the
        source spoke of casualties ("The ombudsman said 19 civilians were killed. A
        total of 80 people were injured."), or the sentence opens by joining on to it
        ("Hajiyev said the shelling struck a cemetery. As a result, three civilians
        were killed."); else ``(-1, "")``."""
        a, b = self.spans[index]
        if self.own_witness(index):
            return -1, ""  # the outlet's own reporter saw it
        quoting = _QUOTE_OPENS.search(self.text, a, b) is not None and not self.named(index)
        joined = quoting or _GOES_ON.match(self.text, a, b) is not None
        reported = _REPORTED.search(self.text, a, b) is not None  # "was reported killed"
        for i in range(index - 1, max(-1, index - 1 - back), -1):
            if not self.same_paragraph(i, index) and not (quoting and i == index - 1):
                break  # (a quotation opening a paragraph: the source ending the one before)
            if len(set(self.named(i))) > 1:
                return -1, ""  # two sources before: no telling whose this is
            who = self.speaker(i)
            if who:
                speaks_of_losses = self._has_word(_LOSS_WORD_LOW, _LOSS_WORD,
                                                  *self.spans[i])
                if reported and not speaks_of_losses:  # a source reporting the fighting
                    speaks_of_losses = _EVENT_WORD.search(self.text, *self.spans[i]) is not None
                return (i, who) if joined or speaks_of_losses else (-1, "")
        return -1, ""

    def quotation_speaker(self, index: int) -> tuple[str, str]:
        """``(speaker, evidence)`` of a quotation sentence ``index`` is in: the one who
        closes a quotation it opens, else the speaker of one open where it starts; ``("",
        "")`` when its paragraph holds no quotation mark up to its end (cheap)."""
        a, b = self.spans[index]
        start = self.text.rfind("\n", 0, a) + 1
        if _QUOTE_MARK.search(self.text, start, b) is None:
            return "", ""
        who = self.quote_closer(index)
        if who:
            return who, "quotation closed by its speaker"
        who = self.quoted_by(index)
        return (who, "continues a quotation") if who else ("", "")

    def own_witness(self, index: int) -> bool:
        """Does sentence ``index`` tell what the outlet's own reporters saw ("Our reporter
        saw 4 bodies", "Journalists at the scene counted 12 graves")? Then no source told
        its figures."""
        if index not in self._witness:  # (read once: a sentence may hold many figures)
            a, b = self.spans[index]
            sentence = self.text[a:b]
            self._witness[index] = any(w in sentence for w in _WITNESS_WORDS) and \
                _OWN_WITNESS.search(sentence) is not None
        return self._witness[index]

    def tweeted_by(self, index: int) -> str:
        """The author of an embedded post that sentence ``index`` is part of: its paragraph
        ends "— Hikmet Hajiyev (@HikmetHajiyev) October 28, 2020"; else ``""``."""
        b = self.spans[index][1]
        end = self.text.find("\n", b)
        end = len(self.text) if end < 0 else end
        if "(@" not in self.text[b - 1:end] and "(@" not in self.text[slice(*self.spans[index])]:
            return ""
        m = _POST_SIGNATURE.search(self.text, max(self.spans[index][0], end - 160), end)
        return m.group("who").strip() if m else ""

    def context(self, index: int, profile: Profile | None = None,
                day: dt.date | None = None) -> tuple[str, str]:
        """``(claimant, evidence)`` for a sentence that names none: the speaker of a
        quotation open where it starts, else the claimant of the sentence or two before
        it in its paragraph, else (with a ``profile``) the source the article's lead
        names when no other source has spoken since; ``("", "")`` when none."""
        if index in self._context:  # one answer per sentence (read once: a sentence may
            return self._context[index]  # hold thousands of figures)
        self._context[index] = found = self._find_context(index, profile, day)
        return found

    def _find_context(self, index: int, profile: Profile | None,
                      day: dt.date | None) -> tuple[str, str]:
        who = self.quoted_by(index)
        if who:
            opened = self.quote_opened(index)
            where = -opened - 1 if opened < 0 else opened
            return who, f"continues the quotation of sentence {where}"
        who = self.tweeted_by(index)
        if who:
            return who, "an embedded post signed by its author"
        i, who = self.recent(index)
        if who:
            return who, f"continues the report of sentence {i}"
        if profile is not None:
            i, who = self.lead_source(index, profile, day)
            if who:
                return who, f"continues the article's source (sentence {i})"
            i, who = self.lead_after(index, profile, day)
            if who:
                return who, f"the source the lead names next (sentence {i})"
        return "", ""

    def lead_end(self) -> int:
        """The index after the article's lead: its first :data:`LEAD_SENTENCES` sentences
        of prose (five words or more; a headline counts, a dateline does not). Read once."""
        if self._lead_end is None:
            seen, end = 0, len(self.spans)
            for i, (a, b) in enumerate(self.spans):
                if sum(1 for w in self.text[a:b].split() if w[0].isalpha()) >= 5:
                    seen += 1
                    if seen == LEAD_SENTENCES:
                        end = i + 1
                        break
            self._lead_end = end
        return self._lead_end

    def lead_after(self, index: int, profile: Profile, day: dt.date | None) -> tuple[int, str]:
        """``(sentence, claimant)`` for a figure in the headline or the lead that names no
        source: the source the lead names next, up to the sentence just after it ("Four
        journalists were wounded in Martuni. All were taken to hospital. The government's
        information centre confirmed the news."), when one party's source is named there
        and no sentence between turns to another time or place; else ``(-1, "")``. A
        press release states its source once, after its figures."""
        if index >= _LEAD_LIMIT:
            return -1, ""
        end = self.lead_end()
        if index >= end:
            return -1, ""
        for i in range(index + 1, min(end + 1, len(self.spans))):
            a, b = self.spans[i]
            if _ELSEWHEN.match(self.text, a, b) or _OTHER_EVENT.match(self.text, a, b):
                return -1, ""
            names = self.named(i)
            if not names:
                continue
            sides = {profile.group_side(profile.group_for(w, day)[0]) for w in names} - {""}
            if len(sides) > 1:
                return -1, ""  # two parties' sources
            sentence = self.text[a:b]
            at, how = next(((p, h) for p, w, h in claims(sentence) if w == names[0]), (0, ""))
            if how.startswith("headline"):
                return -1, ""  # "Photo: AFP", a credit line
            told = sentence.replace(names[0], "")  # (not the words of its name)
            if _GENERIC_OBJECT.search(sentence) or len(_WORD.findall(told)) <= 3:
                return i, names[0]  # "X confirmed the news", "X informs."
            if "," not in sentence[:at] or not _TELLS_THE_STORY.search(told):
                return -1, ""  # a source saying something else ("X said that a woman ...")
            if _NUMBER.search(told) and not _POINTS_BACK.search(told):
                return -1, ""  # a source with figures of its own: the lead's are the outlet's
            return i, names[0]
        return -1, ""

    def lead_source(self, index: int, profile: Profile, day: dt.date | None) -> tuple[int, str]:
        """``(sentence, claimant)``: the article's current source where sentence ``index``
        starts (:meth:`current_source`: the headline's or lead's source, or one named
        later, carried forward through sentences that name none), when the sentence is
        not a toll to date ("have been killed since ...") or another event ("On June 12,
        ...", "in the past two months"): the outlet's own summary; else ``(-1, "")``. An
        article relaying one source's report states it throughout."""
        a, b = self.spans[index]
        if _RUNNING.search(self.text, a, b) or _OTHER_EVENT.match(self.text, a, b) or \
                _OWN_WITNESS.search(self.text, a, b):
            return -1, ""  # a toll to date or another event: the outlet's own summary
        first = self.current_source(index, profile, day)
        if first < 0 or self._source_ends(index, first, profile, day):
            return -1, ""
        return first, self.speaker(first)

    def current_source(self, index: int, profile: Profile, day: dt.date | None) -> int:
        """The sentence naming the source that speaks where sentence ``index`` starts, or
        -1. A source is current from the sentence naming it (when it speaks there of
        losses or attacks, for one party only) until another source is named (one of the
        same claimant group goes on: "the ministry added"), or the article turns away
        from it (:meth:`_source_ends`); sentences that name no source and stay on its
        story ("Schools were closed.") do not end it, however many. Read once per
        article, in one pass (``_carried``)."""
        carried = self._carried
        while len(carried) < index:  # carried[k]: the current source after sentence k
            k = len(carried)
            carried.append(self._source_after(k, carried[-1] if carried else -1, profile, day))
        return carried[index - 1] if index else -1

    def _source_after(self, k: int, current: int, profile: Profile,
                      day: dt.date | None) -> int:
        """The current source after sentence ``k``, ``current`` the one before it."""
        a, b = self.spans[k]
        names = self.named(k)
        if not names:
            return -1 if current < 0 or self._source_ends(k, current, profile, day) \
                else current
        speaks = self._has_word(_ATTACK_OR_LOSS_LOW, _ATTACK_OR_LOSS, a, b)
        if current < 0 and not speaks:
            return -1  # a source speaking of something else (read no further: cheap)
        groups = {profile.group_for(self.antecedent(k, w) or w if is_office(w) else w, day)[0]
                  for w in names}
        if current >= 0 and groups == {self._group_of(current, profile, day)}:
            return current  # the same source goes on ("the ministry added")
        if len({profile.group_side(g) for g in groups} - {""}) > 1:
            return -1  # two parties' sources ("Baku said ... and Yerevan said")
        return k if speaks else -1

    def _source_ends(self, k: int, source: int, profile: Profile,
                     day: dt.date | None) -> bool:
        """Does sentence ``k`` (naming no source) leave the source of sentence ``source``:
        a new paragraph after a source named past the lead's first
        :data:`LEAD_SENTENCES` sentences (the article's own source speaks throughout; so
        does one named in the first sentence of prose past headlines, a dateline or a
        "Loading..." line, when it is the only source the article names:
        :meth:`opens_body`, :meth:`one_source`), a turn to
        another time or place ("A day earlier, ...", "Meanwhile"), a source left unnamed
        ("according to statistics"), or another party's people hit ("Azerbaijani forces
        shelled Martuni" after an Azerbaijani source)?"""
        a, b = self.spans[k]
        if source >= LEAD_SENTENCES and not self.same_paragraph(source, k) and not (
                self.opens_body(source) and self.one_source()) and not (
                _GOES_ON.match(self.text, a, b) or _POINTS_BACK.search(self.text, a, b)):
            return True  # (a paragraph pointing back goes on: "Three other civilians were
            # also wounded in the attack.")
        if _ELSEWHEN.match(self.text, a, b) or _UNNAMED_SOURCE.search(self.text, a, b):
            return True
        from conflictnews.inference import sentence_side  # (inference imports this module)

        side = profile.group_side(self._group_of(source, profile, day)) or \
            sentence_side(profile, self.text[slice(*self.spans[source])], day)[0]
        here = sentence_side(profile, self.text[a:b], day)[0]
        return side not in ("", "unspecified") and here not in ("unspecified", side)

    def opens_body(self, index: int) -> bool:
        """Is sentence ``index`` the first of the article's prose: only headlines (no
        closing full stop), datelines and lines of fewer than five words ("Loading...")
        before it?"""
        for a, b in self.spans[:index]:
            line = self.text[a:b].rstrip()
            if line.endswith((".", "!", "?", "”", '"')) and \
                    sum(1 for w in line.split() if w[0].isalpha()) >= 5:
                return False
        return True

    def one_source(self) -> bool:
        """Does the article name one source only (an office such as "the ministry" being
        the claimant named with its head word): a press release or a relayed
        statement of one body, whose figures are all that body's? Read once."""
        if self._one_source is None:
            names: set[str] = set()
            for i in range(len(self.spans)):
                for who in self.named(i):
                    if not (is_office(who) and self.antecedent(i, who)):
                        names.add(who.casefold())
                if len(names) > 1:
                    break
            self._one_source = len(names) == 1
        return self._one_source

    def _group_of(self, k: int, profile: Profile, day: dt.date | None) -> str:
        """The claimant group of the source sentence ``k`` names last."""
        who = self.speaker(k)
        return profile.group_for(self.antecedent(k, who) or who if is_office(who) else who,
                                 day)[0]

    def turns_away(self, index: int) -> bool:
        """Does sentence ``index`` turn to another event, time or place ("On June 12,
        ...", "A day earlier, ...", "Meanwhile"), or tell a toll to date?"""
        a, b = self.spans[index]
        return bool(_OTHER_EVENT.match(self.text, a, b) or _ELSEWHEN.match(self.text, a, b)
                    or _RUNNING.search(self.text, a, b))

    def elsewhen(self, index: int) -> bool:
        """Does sentence ``index`` open on another time ("Earlier, ...", "A day
        earlier", "Meanwhile") or another event ("On June 12, ...")?"""
        a, b = self.spans[index]
        return bool(_OTHER_EVENT.match(self.text, a, b) or _ELSEWHEN.match(self.text, a, b))

    def same_paragraph(self, i: int, j: int) -> bool:
        """Are sentences ``i`` < ``j`` in one paragraph (no line break between them)?"""
        return "\n" not in self.text[self.spans[i][1]:self.spans[j][0]]

    def quoted_by(self, index: int) -> str:
        """The speaker of a quotation that is open where sentence ``index`` starts: the
        claimant named in the sentence that opened it ("the ministry stated that “2,783
        ... . More than a hundred ..."), else the one who closes it; a paragraph that
        opens with a quotation after a paragraph ending "..., Erdogan said." goes on
        quoting that speaker. ``""`` when no quotation is open or nobody is named."""
        opened = self.quote_opened(index)
        if opened is None:
            return ""
        if opened < 0:  # a paragraph opening with a quotation: the speaker before goes on
            return self.named(-opened - 1)[-1] if self.named(-opened - 1) else ""
        if self.named(opened):
            return self.named(opened)[-1]
        if opened != index and self.quote_opened(opened) is not None:  # opened its paragraph
            return self.quoted_by(opened)
        return self.quote_closer(opened) if opened != index else ""

    def quote_opened(self, index: int) -> int | None:
        """The sentence that opened a quotation still open where sentence ``index``
        starts (or that it opens with, at its paragraph's start); ``-k - 1`` when the
        quotation opens the paragraph and sentence ``k`` (ending the paragraph before:
        "..., Erdogan said.") names its speaker; ``None`` when none is open. A quotation
        does not run past its paragraph. Reads only the paragraph before the sentence."""
        if index in self._opened:
            return self._opened[index]
        text, spans = self.text, self.spans
        a = spans[index][0]
        start = text.rfind("\n", 0, a) + 1  # the paragraph's start
        open_mark, open_at = "", -1
        for m in _QUOTE_MARK.finditer(text, start, a + 1):
            mark = m.group()
            if not open_mark and mark in _OPENERS:
                open_mark, open_at = mark, m.start()
            elif open_mark and mark == _CLOSING[open_mark]:
                open_mark = ""
        opened = None
        if open_mark:
            first = bisect.bisect_right(self._starts(), start) - 1  # the paragraph's first
            if open_at == start and first > 0 and _SAID_END.search(
                    text, spans[first - 1][0], spans[first - 1][1]) and self.named(first - 1):
                opened = -(first - 1) - 1  # a new paragraph quoting on
            elif open_at != a or index != first:
                opened = bisect.bisect_right(self._starts(), open_at) - 1
        self._opened[index] = opened
        return opened

    def _starts(self) -> list[int]:
        if self._start_list is None:
            self._start_list = [a for a, _ in self.spans]
        return self._start_list

    def announced_after(self, index: int) -> str:
        if index + 1 >= len(self.spans):
            return ""
        a, b = self.spans[index + 1]
        return announced_by(self.text[a:b])


#: Head words of a description that names an office, not who holds it ("the ministry",
#: "the Ombudsman", "the Prime Minister"): which one is told by the article.
OFFICE_WORDS = frozenset({*AUTHORITY_WORDS, "minister", "president", "aide", "adviser",
                          "advisor", "general", "staff", "investigators", "officer",
                          "department", "republic", "representative", "head", "chief",
                          "statement", "report"} - {"sources", "witnesses", "residents",
                                                     "media", "correspondent"})


def is_office(who: str) -> bool:
    """Is ``who`` a description of an office ("the Ombudsman", "Defense Ministry")?"""
    return head_word(who) in OFFICE_WORDS


def head_word(who: str) -> str:
    """The last word of a claimant's phrase, lower case, without a possessive."""
    words = re.findall(r"[\w-]+", who.lower().replace("’s", "").replace("'s", ""))
    return words[-1] if words else ""


def resolve(claimed_by: str, profile: Profile, day: dt.date | None = None) -> str:
    """The claimant group of the words ``claimed_by`` (see :meth:`Profile.group_for`)."""
    return profile.group_for(claimed_by, day)[0]
