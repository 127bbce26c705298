"""Building fast regular expressions from word lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

_APOS = "'’"
T = TypeVar("T")


def trie_regex(words: list[str]) -> str:
    """A regex matching any of ``words``, as a trie (fast, longest alternative first).

    "'" matches both apostrophes and a space any single white-space character.

    >>> trie_regex(["Armenia", "Armenian", "Armenians"])
    'Armenia(?:ns?)?'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def char(c: str) -> str:
        if c in _APOS:
            return "['’]"
        if c == " ":
            return r"\s"
        return re.escape(c)

    def build(node: dict) -> str:
        ends = "" in node
        branches = [char(c) + build(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if not ends:
            return body
        if (len(branches) == 1 and len(body) == 1) or re.fullmatch(r"\\?.", body):
            return body + "?"
        return f"(?:{body})?"

    return build(trie)


_SURROGATE = re.compile("[\ud800-\udfff]")


def find_matches(automaton: object, text: str, **options: object) -> list[tuple[int, int, int]]:
    """``automaton.find_matches_as_indexes(text)`` (an ``ahocorasick_rs.AhoCorasick``):
    ``(pattern index, start, end)``; a text with lone surrogates, which the automaton
    refuses, is read with each as U+FFFD (same offsets)."""
    try:
        return automaton.find_matches_as_indexes(text, **options)
    except UnicodeEncodeError:
        return automaton.find_matches_as_indexes(replace_surrogates(text), **options)


def replace_surrogates(text: str) -> str:
    """``text`` with lone surrogates (from JSON "\\ud800" escapes) as U+FFFD: valid
    Unicode, and the same length, so every character offset stays put."""
    return _SURROGATE.sub("\ufffd", text)


#: Letters that match an ASCII letter under ``re.IGNORECASE`` but whose ``lower()`` is
#: not that letter (found by trying every code point); "İ" also changes the length.
_FOLD_EXCEPTIONS = re.compile("[\u0130\u0131\u017f]")
_IRREGULAR = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold_key(words: str) -> str:
    """What a case-insensitive match of an ASCII word list matched, as the list writes
    it: lower case, "ſ" as "s", "ı" and "İ" as "i" (so "Dozenſ" finds "dozens")."""
    return words.translate(_IRREGULAR).lower()


def ascii_fold(text: str) -> str | None:
    """``text.lower()`` when a case-sensitive pattern of lower-case ASCII words finds in
    it exactly what the same pattern with ``re.IGNORECASE`` finds in ``text`` (same
    offsets, same matches), else ``None``. Matching lower-cased text is 2-4x faster."""
    if text.isascii():  # (a flag of the string: no scan)
        return text.lower()
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:  # _FOLD_EXCEPTIONS,
        return None  # found 60 times faster than by the regex
    low = text.lower()
    return low if len(low) == len(text) else None


def word_char(ch: str) -> bool:
    """True where the regex ``\\w`` would match (letters, digits, underscore)."""
    return ch.isalnum() or ch == "_"


def search_at_end(pattern: re.Pattern, text: str, pos: int, endpos: int, words: int,
                  span: int = 40) -> re.Match | None:
    """``pattern.search(text, pos, endpos)`` for a pattern anchored at ``endpos``
    (``...\\s*$``) whose matches are at most ``words`` words of letters and white space.

    Only the last ``span`` characters are searched unless they are themselves such a run
    of words (only then can a match start before them): the same result, without a
    regex attempt at every position of a long window.
    """
    start = max(pos, endpos - span)
    if start > pos:
        tail = text[start:endpos].split()
        if len(tail) <= words and (not tail or "".join(tail).isalpha()):  # each a word
            start = pos
    return pattern.search(text, start, endpos)


# --- Letters of any script ------------------------------------------------------------
# News about this war names "Şuşa", "Çavuşoğlu", "Erdoğan", "İstanbul": a pattern that
# says [A-Z] or [a-z] misses them. Python's ``re`` knows letters (``[^\W\d_]``) but not
# their case, so the classes of upper- and lower-case letters are built here from
# ``str.isupper``/``str.islower`` (every cased letter is below U+20000).


def _char_ranges(test: Callable[[str], bool], last: int = 0x1FFFF) -> str:
    """The code points up to ``last`` for which ``test`` holds, as the inside of a regex
    character class ("A-ZÀ-ÖØ-Þ...")."""
    flags = "".join("1" if test(c) else "0" for c in map(chr, range(last + 1)))
    out = []
    for run in re.finditer("1+", flags):
        first, end = re.escape(chr(run.start())), re.escape(chr(run.end() - 1))
        out.append(first if run.end() - run.start() == 1 else f"{first}-{end}")
    return "".join(out)


#: The inside of a character class of every upper-case (and title-case) letter, any
#: script: combine it with other characters, ``rf"[{UPPER_CHARS}“\"]"``.
UPPER_CHARS = _char_ranges(lambda c: c.isupper() or c.istitle())
#: The inside of a character class of every lower-case letter, any script.
LOWER_CHARS = _char_ranges(str.islower)
#: One upper-case letter of any script (where ASCII-only patterns said ``[A-Z]``).
UPPER = f"[{UPPER_CHARS}]"
#: One lower-case letter of any script (``[a-z]``).
LOWER = f"[{LOWER_CHARS}]"
#: One letter of any script, cased or not (``[A-Za-z]``; also Arabic, Armenian letters).
LETTER = r"[^\W\d_]"
#: A capitalised word: a capital, then letters, digits, apostrophes, hyphens or periods
#: inside it ("Çavuşoğlu", "Nagorno-Karabakh", "O’Brien", "U.S"), ending in a letter or
#: digit (a sentence's final period is not part of it).
CAPITALISED_WORD = rf"{UPPER}(?:[\w’'.-]*[^\W_])?"


def lower_name(text: str) -> str:
    """``text.lower()``, but "İ" (Turkish capital dotted I) becomes "i", not "i" plus a
    combining dot: "İstanbul" → "istanbul"."""
    return text.replace("\u0130", "i").lower()


# --- Case-insensitive patterns searched in lower-cased text ----------------------------
# A pattern compiled with re.IGNORECASE is two to three times slower than the same
# pattern without it. Where lower-casing keeps every offset and letter (:func:`ascii_fold`),
# a case-sensitive copy with lower-case letters, searched in the lower-cased text, finds
# exactly the same matches.

_FLAG_GROUP = re.compile(r"\(\?[aiLmsux-]")
_MIXED_RANGE = re.compile(r"[A-Z]-[a-z]|[a-z]-[A-Z]")


def fold_pattern(pattern: str) -> str:
    """``pattern`` with its ASCII letters in lower case, escapes (``\\W``, ``\\S``,
    ``\\x41``, ``\\N{...}``) and group names kept: the case-sensitive copy of a
    case-insensitive pattern, for lower-cased text. Refuses (``ValueError``) what such a
    copy could read otherwise: inline flags, letters outside ASCII, ranges from one case
    to the other."""
    if _FLAG_GROUP.search(pattern) or _MIXED_RANGE.search(pattern) or any(
            c.isalpha() and not c.isascii() for c in pattern):
        raise ValueError(f"cannot fold {pattern[:60]!r}")
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            kind = pattern[i + 1:i + 2]
            end = (pattern.index("}", i) + 1 if kind == "N" else
                   i + 2 + {"x": 2, "u": 4, "U": 8}.get(kind, 0))
            out.append(pattern[i:end])
            i = end
        elif pattern.startswith(("(?P<", "(?P="), i):
            end = pattern.index(">" if pattern[i + 3] == "<" else ")", i) + 1
            out.append(pattern[i:end])
            i = end
        else:
            out.append(c.lower())
            i += 1
    return "".join(out)


class FoldedMatch:
    """A match found in the lower-cased text, read in the original text: the same spans,
    and groups with the original letters."""

    __slots__ = ("_match", "string")

    def __init__(self, match: re.Match, string: str):
        self._match, self.string = match, string

    def _text(self, group: int | str) -> str | None:
        a, b = self._match.span(group)
        return None if a < 0 else self.string[a:b]

    def group(self, *groups: int | str) -> object:
        if len(groups) <= 1:
            return self._text(groups[0] if groups else 0)
        return tuple(self._text(g) for g in groups)

    __getitem__ = _text

    def groups(self, default: object = None) -> tuple:
        return tuple(default if t is None else t for t in
                     (self._text(g) for g in range(1, self._match.re.groups + 1)))

    def groupdict(self, default: object = None) -> dict:
        return {name: (default if t is None else t) for name, t in
                ((name, self._text(name)) for name in self._match.re.groupindex)}

    def start(self, group: int | str = 0) -> int:
        return self._match.start(group)

    def end(self, group: int | str = 0) -> int:
        return self._match.end(group)

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self._match.span(group)

    def __getattr__(self, name: str) -> object:  # pos, endpos, lastgroup, lastindex, re
        return getattr(self._match, name)


def last_two(compute: Callable[[str], T]) -> Callable[[str], T]:
    """``compute(text)``, remembered for the last two texts (by identity): a sentence and
    a window of it read in turn by several rules are computed once each. The memory is one
    tuple, replaced whole, so it is thread-safe."""
    last: tuple = (None, None, None, None)

    def cached(text: str) -> T:
        nonlocal last
        a, value_a, b, value_b = last
        if text is a:
            return value_a
        if text is b:
            last = (b, value_b, a, value_a)
            return value_b
        value = compute(text)
        last = (text, value, a, value_a)
        return value

    cached.__doc__ = compute.__doc__
    return cached


#: The fold of the last two texts searched by folded patterns.
_folded_text = last_two(ascii_fold)


class Folded:
    """A case-insensitive pattern (``plain``, the definition) that searches lower-cased
    text with a case-sensitive copy where :func:`ascii_fold` allows: the same matches
    (spans and group texts), two to three times faster. Has the ``search``, ``match``,
    ``fullmatch`` and ``finditer`` of a compiled pattern; anything else is ``plain``'s."""

    def __init__(self, pattern: str, flags: int = 0):
        self.plain = re.compile(pattern, flags | re.IGNORECASE)
        self.fast = re.compile(fold_pattern(pattern), flags & ~re.IGNORECASE)

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> FoldedMatch | re.Match | None:
        low = _folded_text(text)
        if low is None:
            return self.plain.search(text, pos, endpos)
        m = self.fast.search(low, pos, endpos)
        return None if m is None else FoldedMatch(m, text)

    def match(self, text: str, pos: int = 0, endpos: int = 2**62) -> FoldedMatch | re.Match | None:
        low = _folded_text(text)
        if low is None:
            return self.plain.match(text, pos, endpos)
        m = self.fast.match(low, pos, endpos)
        return None if m is None else FoldedMatch(m, text)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = 2**62
                  ) -> FoldedMatch | re.Match | None:
        low = _folded_text(text)
        if low is None:
            return self.plain.fullmatch(text, pos, endpos)
        m = self.fast.fullmatch(low, pos, endpos)
        return None if m is None else FoldedMatch(m, text)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Iterator:
        low = _folded_text(text)
        if low is None:
            return self.plain.finditer(text, pos, endpos)
        return (FoldedMatch(m, text) for m in self.fast.finditer(low, pos, endpos))

    def __getattr__(self, name: str) -> object:  # pattern, flags, groupindex, sub, split
        return getattr(self.plain, name)


def folded(pattern: str, flags: int = 0) -> Folded:
    """``re.compile(pattern, flags | re.IGNORECASE)``, searched in lower-cased text where
    that finds the same (see :class:`Folded`)."""
    return Folded(pattern, flags)
