"""Splitting raw news text into articles and their parts.

A wire file may hold several stories, each laid out as::

    Headline line
    [photo caption]
    By Reporter One and Reporter Two
    CITY (Reuters) – First paragraph ...
    ...
    (Reporting by ...; Editing by ...)

Other files are one long line: ``TEHRAN – body ... MH/PA All Content by ... License.``
The functions here find those parts so that analyses read only headline + body: bylines,
credits, licence lines, desk codes and datelines are kept in their own fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from conflictnews.patterns import LETTER, UPPER, UPPER_CHARS

#: A blank line (possibly holding spaces) separates paragraphs.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")

#: "(Reporting by ...; Editing by ...)" and similar credit paragraphs that end a story.
CREDIT = re.compile(
    r"^\(\s*(?:(?:additional|further)\s+)?(?:reporting|writing|editing|compiled|"
    r"research|production|graphics?|translation)\b[^()]*(?:\([^()]*\)[^()]*)*\)\s*$",
    re.IGNORECASE | re.DOTALL,
)
#: A credit paragraph must also name someone "by" someone.
CREDIT_BY = re.compile(r"\bby\b", re.IGNORECASE)

#: "By Vladimir Soldatkin and Nvard Hovhannisyan".
BYLINE = re.compile(rf"^By\s+{UPPER}[^\n.!?]{{0,150}}$")

#: "(Graphic: ..., https://...)" and similar furniture kept with the caption.
FURNITURE = re.compile(r"^\((?:graphic|factbox|video|photo|interactive|map)s?\s*:", re.I)

#: "MOSCOW/YELPIN, Armenia (Reuters) – ", "TEHRAN – ", "TBILISI (Reuters) - ".
#: Capitals of any script: "İSTANBUL (Reuters) –", "ŞUŞA, Azerbaijan –".
DATELINE = re.compile(
    rf"^(?P<dateline>{UPPER}[{UPPER_CHARS}.'’]{{2,}}(?:[ /-]{UPPER}[{UPPER_CHARS}.'’]+)*"
    rf"(?:,\s*{UPPER}(?:{LETTER}|\.)+(?:\s{UPPER}(?:{LETTER}|\.)+)?)?"
    rf"(?:\s*\((?:{LETTER}|[ .&-]){{2,40}}\))?)\s*[–—-]{{1,2}}\s+"
)

#: Licence and copyright lines at the very end of a story, with an optional desk code
#: ("MH/PA") just before them.
LICENCE = re.compile(
    r"\s*(?P<desk>\b[A-Z]{1,4}(?:/[A-Z]{1,4})+\s+)?"
    r"(?P<licence>(?:All (?:Content|content|rights)\b|Copyright\b|©)[^\n]*)$"
)
#: A desk code alone at the end of a story.
DESK_CODE = re.compile(r"\s+(?P<desk>\b[A-Z]{1,4}/[A-Z]{1,4})\s*$")

LICENCE_WINDOW = 400

SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
MAX_HEADLINE_WORDS = 25


@dataclass
class ArticleParts:
    """The parts of one article, as found in the raw text."""

    headline: str = ""
    byline: str = ""
    dateline: str = ""
    caption: str = ""
    body: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    first_line: int = 1

    @property
    def text(self) -> str:
        """Headline and body paragraphs separated by blank lines: what analyses read."""
        parts = [self.headline] if self.headline else []
        return "\n\n".join([*parts, *self.body])


def paragraphs(raw: str) -> list[tuple[int, str]]:
    """Return ``(line_number, paragraph)`` for each non-blank paragraph of ``raw``."""
    out: list[tuple[int, str]] = []
    line = 1
    pos = 0
    for brk in [*PARAGRAPH_BREAK.finditer(raw), None]:
        end = brk.start() if brk else len(raw)
        piece = raw[pos:end]
        stripped = piece.strip()
        if stripped:
            # the white space before it ends where its first visible character is
            out.append((line + piece.count("\n", 0, piece.find(stripped[0])), stripped))
        line += piece.count("\n")
        if brk:
            line += 2  # a break is two line ends with blanks between them
            pos = brk.end()
    return out


def is_credit(paragraph: str) -> bool:
    """True for a "(Reporting by ...; Editing by ...)" paragraph."""
    return bool(CREDIT.match(paragraph) and CREDIT_BY.search(paragraph))


def is_headline(paragraph: str) -> bool:
    """True for a short line without sentence-final punctuation."""
    return (
        "\n" not in paragraph
        and len(paragraph.split()) <= MAX_HEADLINE_WORDS
        and not SENTENCE_END.search(paragraph)
        and not BYLINE.match(paragraph)
        and not paragraph.isupper()
    )


def _strip_licence(body: list[str], credits: list[str]) -> None:
    """Move a trailing licence line and desk code from the last paragraph to credits."""
    if not body:
        return
    last = body[-1]
    # a licence line is short: look only at the paragraph's end (a search anchored at
    # "$" from every position of a megabyte-long paragraph would take hours)
    tail_start = max(0, len(last) - LICENCE_WINDOW)
    found = LICENCE.search(last, tail_start) or DESK_CODE.search(last, tail_start)
    if not found:
        return
    kept = last[: found.start()].rstrip()
    extra = [g.strip() for g in found.groups() if g and g.strip()]
    credits.extend(extra)
    if kept:
        body[-1] = kept
    else:
        body.pop()
        _strip_licence(body, credits)


def parse_article(paras: list[tuple[int, str]], *, allow_headline: bool = True) -> ArticleParts:
    """Sort one article's paragraphs into headline, caption, byline, dateline, body, credits."""
    parts = ArticleParts(first_line=paras[0][0] if paras else 1)
    rest = [p for _, p in paras]
    # byline within the first four paragraphs: anything before it is headline + caption
    byline_at = next((i for i, p in enumerate(rest[:4]) if BYLINE.match(p)), None)
    if allow_headline and len(rest) > 1 and is_headline(rest[0]):
        parts.headline = rest.pop(0)
        if byline_at is not None:
            byline_at -= 1
    if byline_at is not None and byline_at >= 0:
        parts.caption = "\n".join(rest[:byline_at])
        parts.byline = rest[byline_at]
        rest = rest[byline_at + 1 :]
    for p in rest:
        if is_credit(p):
            parts.credits.append(p)
        elif FURNITURE.match(p):
            parts.caption = "\n".join(filter(None, [parts.caption, p]))
        else:
            parts.body.append(p)
    _strip_licence(parts.body, parts.credits)
    if parts.body:
        m = DATELINE.match(parts.body[0])
        if m:
            parts.dateline = m.group("dateline").strip()
            parts.body[0] = parts.body[0][m.end() :]
    return parts


def split_articles(raw: str) -> list[ArticleParts]:
    """Split a file's text into articles: a credit paragraph ends a story.

    >>> raw = "Talks held\\n\\nBy A. Writer\\n\\nBAKU (Reuters) – Talks were held.\\n\\n"
    >>> raw += "(Reporting by A. Writer; Editing by B. Editor)\\n\\nSecond story\\n\\n"
    >>> raw += "By C. Writer\\n\\nYEREVAN (Reuters) – More talks."
    >>> [(a.headline, a.dateline, a.text) for a in split_articles(raw)][1]
    ('Second story', 'YEREVAN (Reuters)', 'Second story\\n\\nMore talks.')
    """
    paras = paragraphs(raw)
    groups: list[list[tuple[int, str]]] = [[]]
    for line, p in paras:
        groups[-1].append((line, p))
        if is_credit(p):
            groups.append([])
    # trailing furniture after the last credit line (" " lines, stray captions) stays
    # with the story before it rather than becoming an article of its own
    if len(groups) > 1 and not any(not FURNITURE.match(p) for _, p in groups[-1]):
        groups[-2].extend(groups.pop())
    return [parse_article(g) for g in groups if g]
