"""Building fast regular expressions from word lists."""

from __future__ import annotations

import re
from collections.abc import Callable

_APOS = "'’"


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
        if len(tail) <= words and all(w.isalpha() for w in tail):
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
