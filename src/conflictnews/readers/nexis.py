"""News-archive exports: Nexis Uni's ``.docx`` and plain-text downloads, many articles
in one file, each laid out as::

    Headline
    Outlet
    October 2, 2020 Friday
    Copyright 2020 ...
    Section: WORLD; Length: 512 words; Byline: ...; Dateline: ...   (one per line)
    Body
    paragraphs ...
    [Graphic  caption ...]
    Classification
    Language: ENGLISH  Subject: ...  Load-Date: October 3, 2020
    End of Document

A download may open with a cover page (User Name, Job Number, Documents (n), the list
of headlines, Search Terms, ...). The header fields become ``headline``, ``outlet``,
``published`` and ``byline``; the header, graphic captions and the Classification /
Load-Date block are kept out of ``text``.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from conflictnews.articles import paragraphs, parse_article
from conflictnews.problems import Problem
from conflictnews.readers import Found

END = re.compile(r"^[ \t]*End of Document[ \t]*$", re.MULTILINE)
BODY = re.compile(r"^[ \t]*Body[ \t]*$", re.MULTILINE)
#: Where the body ends: the Classification block, the Load-Date line, or a graphic.
BODY_END = re.compile(r"^[ \t]*(?:Classification|Load-Date:.*|Graphic|Notes)[ \t]*$",
                      re.MULTILINE)
GRAPHIC = re.compile(r"^[ \t]*Graphic[ \t]*$", re.MULTILINE)
LOAD_DATE = re.compile(r"^[ \t]*Load-Date:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
#: Header lines that are fields ("Section: WORLD"), not headline, outlet or date.
FIELD = re.compile(r"^(Section|Length|Byline|Dateline|Highlight|Edition|Language|"
                   r"Publication-Type|Journal-Code|Correction-Date|Type|Series)\s*:\s*(.*)$",
                   re.IGNORECASE)
COPYRIGHT = re.compile(r"^(Copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)
#: Lines of the cover page that opens a download.
COVER = re.compile(r"^(User Name|Date and Time|Job Number|Documents? \(\d+\)|Client/Matter|"
                   r"Search Terms|Search Type|Narrowed by|Content Type|Delivery)\b",
                   re.IGNORECASE)
MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
          "december")
DATE_LINE = re.compile(rf"^(?:\w+,?\s+)?(?:(?:{MONTHS})\s+\d{{1,2}},?\s+\d{{4}}|"
                       rf"\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})\b", re.IGNORECASE)
DATE_PART = re.compile(rf"(?:(?:{MONTHS})\s+\d{{1,2}},?\s+\d{{4}}|"
                       rf"\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}})", re.IGNORECASE)


def is_export(text: str) -> bool:
    """True for a Nexis-style export: an "End of Document" line, or a "Body" line after
    a "Length: N words" header (a one-article download cut off before its end)."""
    # the literal words first: a substring search, where the anchored patterns try
    # every position of the text (40 ms for 6.7 MB of ordinary articles)
    if "End of Document" in text and END.search(text):
        return True
    body = BODY.search(text) if "Body" in text else None
    return bool(body and re.search(r"^[ \t]*Length:\s*\d+\s+words", text[:body.start()],
                                   re.MULTILINE | re.IGNORECASE))


def _header(lines: list[str]) -> dict[str, str]:
    """Headline, outlet, date and fields of an article's header lines (cover page cut)."""
    cover = [i for i, line in enumerate(lines) if COVER.match(line)]
    if cover:
        lines = lines[cover[-1] + 1:]
    fields: dict[str, str] = {}
    free: list[str] = []
    for line in lines:
        field = FIELD.match(line)
        if field:
            fields.setdefault(field.group(1).lower(), field.group(2).strip())
        elif COPYRIGHT.match(line):
            fields.setdefault("copyright", line)
        else:
            free.append(line)
    # the date line has the headline (and outlet) above it: a headline that opens with a
    # date ("October 2, 2020: ...") is not taken for it while a later line is one
    dated = next((i for i, line in enumerate(free) if i and DATE_LINE.match(line)),
                 0 if free and DATE_LINE.match(free[0]) else None)
    if dated is None:
        fields["headline"] = " ".join(free[:1])
        fields["outlet"] = " ".join(free[1:2])
        return fields
    found = DATE_PART.search(free[dated])
    fields["date"] = found.group() if found else free[dated]
    fields["date_line"] = free[dated]
    # Nexis puts the outlet on the line before the date and the headline above it
    fields["outlet"] = free[dated - 1] if dated >= 2 else ""
    fields["headline"] = " ".join(free[:dated - 1]) if dated >= 2 else " ".join(free[:dated])
    return fields


def _article(block: str, first_line: int, rel: str, cut: bool) -> tuple[Found | None,
                                                                       Problem | None]:
    body_at = BODY.search(block)
    if body_at is None:
        if cut:
            return None, Problem(rel, first_line, "export cut off before an article's "
                                 "'Body' line; that article is lost")
        return None, Problem(rel, first_line, "no 'Body' line between two 'End of "
                             "Document' lines: not an article; skipped")
    head = [line.strip() for line in block[:body_at.start()].splitlines() if line.strip()]
    fields = _header(head)
    rest = block[body_at.end():]
    end = BODY_END.search(rest)
    body_text = rest[:end.start()] if end else rest
    caption = ""
    graphic = GRAPHIC.search(rest)
    if graphic:
        after = rest[graphic.end():]
        stop = re.search(r"^[ \t]*(?:Classification|Load-Date:.*)[ \t]*$", after, re.MULTILINE)
        caption = " ".join(after[:stop.start() if stop else len(after)].split())
    line = first_line + block[:body_at.end()].count("\n") + 1
    paras = [(line + n - 1, p) for n, p in paragraphs(body_text.strip("\n"))]
    if not paras:
        return None, Problem(rel, first_line, "article has no body text")
    parts = parse_article(paras, allow_headline=False)
    parts.headline = fields.get("headline", "")
    parts.byline = fields.get("byline", "") or parts.byline
    parts.caption = "\n".join(filter(None, [parts.caption, caption]))
    if fields.get("dateline") and not parts.dateline:
        parts.dateline = fields["dateline"]
    parts.first_line = first_line
    published, evidence = fields.get("date", ""), ""
    if published:
        evidence = f"export header: {fields['date_line']!r}"
    else:
        load = LOAD_DATE.search(rest)
        if load:
            published = load.group(1)
            evidence = f"export Load-Date (when the archive received it): {published!r}"
    found = Found(parts, outlet=fields.get("outlet", ""), published=published,
                  date_evidence=evidence)
    problem = None
    if cut:
        problem = Problem(rel, first_line, "export cut off in the middle of an article (no "
                          "'End of Document' after it); its text so far is kept")
    return found, problem


def read_export(text: str, rel: str) -> tuple[list[Found], list[Problem]]:
    """The articles of a Nexis-style export (its text: plain, or a .docx's paragraphs)."""
    found: list[Found] = []
    problems: list[Problem] = []
    start, line = 0, 1
    ends = list(END.finditer(text))
    for end in [*ends, None]:
        block = text[start:end.start() if end else len(text)]
        if end is None and (not block.strip() or (ends and not BODY.search(block)
                                                  and block.strip().count("\n") < 3)):
            break  # nothing, or a line of page footer, after the last article
        lead = len(block) - len(block.lstrip())
        article, problem = _article(block.strip(), line + block[:lead].count("\n"), rel,
                                    cut=end is None)
        if article is not None:
            found.append(article)
        if problem is not None:
            problems.append(problem)
        if end is not None:
            line += text[start:end.end()].count("\n")
            start = end.end()
    return found, problems


def docx_text(path: Path) -> str:
    """The paragraphs of a .docx file, one per line with a blank line between them.
    Raises ``ValueError`` for a file that is not a Word document."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(path):
        raise ValueError("not a .docx file, or one cut short (a .docx is a zip archive and "
                         "this is not a complete one)")
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile) as exc:
        raise ValueError(f"not a readable .docx file: {exc}") from exc
    except Exception as exc:  # broken XML inside the archive
        raise ValueError(f"not a readable .docx file: {type(exc).__name__}: {exc}") from exc
    return "\n\n".join(p.text.strip() for p in document.paragraphs if p.text.strip())
