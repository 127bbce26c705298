"""Saved web pages (``.html``, ``.htm``): the main text by ``trafilatura``, without
navigation, ads, comments or scripts, and the page's title, date, site name and
canonical URL. Nothing is fetched: trafilatura reads the saved markup only."""

from __future__ import annotations

import codecs
import re

from conflictnews.articles import paragraphs, parse_article
from conflictnews.problems import Problem
from conflictnews.readers import Found

HTML_SUFFIXES = (".html", ".htm")
#: Markup left after scripts, styles and inline data are taken out: an article page has
#: well under 1 MB of it; more is a listing, an archive or a dump, not one article.
MAX_MARKUP_BYTES = 3_000_000
#: A page whose main text has fewer words holds no article (a page of scripts gives
#: "enable JavaScript"; the shortest wire briefs run to 40 words and more).
MIN_WORDS = 15

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_HEAVY = re.compile(rb"<(script|style)\b.*?</\1\s*>|"
                    rb"data:[a-z]+/[a-z0-9.+-]+;base64,[A-Za-z0-9+/=]+", re.IGNORECASE | re.DOTALL)


def declared_charset(data: bytes) -> str:
    """The charset a page declares in ``<meta charset>`` or ``http-equiv`` (first 4 KB)."""
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii").lower() if found else ""


def _codec_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding.split()[0]).name
    except (LookupError, IndexError):
        return encoding


def decode_page(data: bytes, rel: str, decode) -> tuple[str, str, list[Problem]]:
    """Decode a page: its ``<meta charset>`` when the bytes agree with it, else the
    corpus-wide detection (``decode``), with one problem saying which was wrong."""
    declared = declared_charset(data)
    try:
        codec = codecs.lookup(declared).name if declared else ""
    except LookupError:
        codec = ""
    if codec and codec not in ("utf-8", "utf-8-sig"):
        try:
            data.decode("utf-8")
            utf8 = any(b > 0x7F for b in data[:1_000_000])  # non-ASCII text, valid UTF-8
        except UnicodeDecodeError:
            utf8 = False
        if not utf8:
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError:
                pass
    text, encoding = decode(data)
    problems = []
    if declared and not codec:
        problems.append(Problem(rel, None, f"declares an unknown charset {declared!r}; "
                                f"decoded as {encoding}", "note"))
    elif codec and _codec_name(encoding) != codec:
        problems.append(Problem(rel, None, f"<meta charset> says {declared} but the page "
                                f"is not {declared}; decoded as {encoding}", "note"))
    return text, encoding, problems


def read_page(data: bytes, rel: str, decode) -> tuple[list[Found], str, list[Problem]]:
    """The article of one saved page, the encoding used and the problems met.

    ``decode`` turns bytes into ``(text, encoding)`` (``corpus.decode``).
    """
    import trafilatura

    light = _HEAVY.sub(b"", data)
    if len(light) > MAX_MARKUP_BYTES:
        return [], "", [Problem(rel, None, f"{len(data) / 1e6:.1f} MB page with "
                                f"{len(light) / 1e6:.1f} MB of markup besides scripts and "
                                "styles: not one article (a listing or an archive?); "
                                "skipped")]
    try:
        markup, encoding, problems = decode_page(data, rel, decode)
    except ValueError as exc:
        return [], "", [Problem(rel, None, str(exc))]
    try:
        doc = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False,
                                          include_tables=False, include_images=False)
    except Exception as exc:  # lxml and trafilatura raise their own types on broken pages
        return [], encoding, [*problems, Problem(
            rel, None, f"cannot read the page's markup: {type(exc).__name__}: {exc}")]
    body = (doc.text or "") if doc is not None else ""
    if doc is None or len(body.split()) < MIN_WORDS:
        what = f" (only {body.strip()[:40]!r})" if body.strip() else ""
        return [], encoding, [*problems, Problem(
            rel, None, f"no main text in the page{what}: scripts, navigation or broken "
                       "markup only; skipped")]
    title = (doc.title or "").strip()
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if lines and title and lines[0] == title:
        lines.pop(0)  # the page's <h1>, kept as the headline
    parts = parse_article(paragraphs("\n\n".join(lines)), allow_headline=not title)
    if title:
        parts.headline = title
    if doc.author and not parts.byline:
        parts.byline = f"By {doc.author}"
    date = (doc.date or "").strip()
    return [Found(parts, outlet=(doc.sitename or "").strip(), url=(doc.url or "").strip(),
                  published=date,
                  date_evidence=f"page metadata: {date}" if date else "")], encoding, problems
