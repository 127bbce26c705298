"""Check the real-article development set (issue 12): articles-*.csv, labels-*.jsonl, texts/.

For every articles-<x>.csv row: the saved text texts/<id>.txt has the listed length and SHA-256
(a missing text is skipped with a note: texts are git-ignored and re-collected, see README.md).
For every labels-<x>.jsonl line: the id is an article of some articles-*.csv, every field has
an allowed value, and `start` points at a number in the text whose value equals `count`
(digits with separators, "5 thousand", number words such as "thirty-two" or "five hundred
thousand", or the vague words of LABELLING.md: dozens 24, scores 40, tens 20, hundreds 200,
thousands 2,000, tens of thousands 20,000, hundreds of thousands 200,000).

Prints a summary (articles, figures by status and by set) and exits 1 on any error.
Standard library only.  Usage: python check_labels.py [folder]
"""

from __future__ import annotations

import csv
import glob
import hashlib
import json
import os
import re
import sys
from collections import Counter

COLUMNS = ["id", "url", "outlet", "published", "date_evidence", "query", "set", "chars", "sha256"]
FIELDS = {
    "id",
    "count",
    "qualifier",
    "vague",
    "status",
    "population",
    "side",
    "claimed_by",
    "historical",
    "subset",
    "range_max",
    "ambiguous",
    "start",
}
OPTIONAL = {"note"}
QUALIFIERS = {"exact", "at_least", "more_than", "about", "up_to", "estimate"}
STATUSES = {"killed", "wounded", "missing", "captured", "displaced"}
POPULATIONS = {"military", "civilian", "mixed", "unspecified"}
SIDES = {"armenian", "azerbaijani", "other", "both", "unspecified"}
SETS = {"dev", "check"}
ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
VAGUE = [  # longest first
    (re.compile(r"hundreds\s+of\s+thousands\b", re.I), 200_000),
    (re.compile(r"tens\s+of\s+thousands\b", re.I), 20_000),
    (re.compile(r"dozens\b", re.I), 24),
    (re.compile(r"scores\b", re.I), 40),
    (re.compile(r"tens\b", re.I), 20),
    (re.compile(r"hundreds\b", re.I), 200),
    (re.compile(r"thousands\b", re.I), 2_000),
    (re.compile(r"(?:a\s+)?dozen\b", re.I), 12),
]
DIGITS = re.compile(
    r"\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?![\d])|\d{1,3}(?:\.\d{3})+(?![\d.])|\d+(?:\.\d+)?")
MULT = re.compile(r"[\s-]*(thousand|million)\b", re.I)
WORD = re.compile(r"[A-Za-z]+")


def _words_value(text: str, pos: int) -> set[int]:
    """Values of an English number phrase starting at pos ("thirty-two", "five hundred
    thousand"); every prefix value is returned, so "two" of "two hundred" also counts."""
    values: set[int] = set()
    total, current, seen = 0, 0, False
    i = pos
    while True:
        m = WORD.match(text, i)
        if not m:
            break
        w = m.group(0).lower()
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:  # "a hundred", "thousand" alone: one of that scale
            if not seen:
                current = 1
            if w == "hundred":
                current *= 100
            else:
                total += current * SCALES[w]
                current = 0
        elif w == "dozen" and seen:  # "three dozen": 36
            current *= 12
        elif w == "and" and seen:
            pass
        else:
            break
        seen = True
        values.add(total + current)
        i = m.end()
        sep = re.match(r"[\s-]+", text[i : i + 3])
        if not sep:
            break
        i += sep.end()
    return values


def values_at(text: str, start: int) -> set[int]:
    """Every value a reader may read for the number that begins at `start`."""
    if start < 0 or start >= len(text):
        return set()
    if start > 0 and (
        text[start - 1].isdigit() or (text[start - 1].isalpha() and text[start].isalpha())
    ):
        return set()  # not the first character of a number
    m = DIGITS.match(text, start)
    if m:
        raw = m.group(0)
        num = float(re.sub(r"[,\u00a0\u202f ]", "", raw))
        vals = {int(num)} if num == int(num) else set()
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):  # "91.000": a dot between thousands
            vals.add(int(raw.replace(".", "")))
        mm = MULT.match(text, m.end())
        if mm:
            vals.add(round(num * SCALES[mm.group(1).lower()]))
        return vals
    for pattern, value in VAGUE:
        if pattern.match(text, start):
            return {value}
    return _words_value(text, start)


def load_articles(folder: str, errors: list[str], notes: list[str]) -> dict[str, dict]:
    articles: dict[str, dict] = {}
    for path in sorted(glob.glob(os.path.join(folder, "articles-*.csv"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames != COLUMNS:
                errors.append(f"{name}: header {reader.fieldnames} is not {COLUMNS}")
                continue
            urls: dict[str, str] = {}
            for n, row in enumerate(reader, start=2):
                aid = row["id"]
                where = f"{name}:{n} ({aid})"
                if not ID_RE.match(aid or ""):
                    errors.append(f"{where}: bad id")
                    continue
                if aid in articles:
                    errors.append(f"{where}: id already in {articles[aid]['_file']}")
                    continue
                if row["set"] not in SETS:
                    errors.append(f"{where}: set {row['set']!r} not in {sorted(SETS)}")
                if row["published"] and not DATE_RE.match(row["published"]):
                    errors.append(f"{where}: published {row['published']!r} is not YYYY-MM-DD")
                if row["published"] and not row["date_evidence"]:
                    errors.append(f"{where}: a published date needs date_evidence")
                for col in ("url", "outlet", "query"):
                    if not row[col].strip():
                        errors.append(f"{where}: empty {col}")
                if row["url"] in urls:
                    errors.append(f"{where}: url also in {urls[row['url']]}")
                urls[row["url"]] = aid
                row["_file"] = name
                row["_text"] = None
                text_path = os.path.join(folder, "texts", aid + ".txt")
                if not os.path.exists(text_path):
                    notes.append(
                        f"{where}: texts/{aid}.txt missing, not checked (re-collect: README.md)"
                    )
                else:
                    with open(text_path, "rb") as tf:
                        data = tf.read()
                    text = data.decode("utf-8")
                    if str(len(text)) != row["chars"]:
                        errors.append(
                            f"{where}: text has {len(text)} chars, csv says {row['chars']}"
                        )
                    if hashlib.sha256(data).hexdigest() != row["sha256"]:
                        errors.append(f"{where}: sha256 of the text differs from the csv")
                    row["_text"] = text
                articles[aid] = row
    # the same url in two collectors' files
    seen: dict[str, str] = {}
    for aid, row in articles.items():
        if row["url"] in seen and seen[row["url"]] != row["_file"]:
            errors.append(f"{aid}: url also listed in {seen[row['url']]}")
        seen.setdefault(row["url"], row["_file"])
    return articles


def check_label(lab: dict, where: str, articles: dict, errors: list[str]) -> None:
    missing = FIELDS - lab.keys()
    extra = lab.keys() - FIELDS - OPTIONAL
    if missing:
        errors.append(f"{where}: missing fields {sorted(missing)}")
    if extra:
        errors.append(f"{where}: unknown fields {sorted(extra)}")
    if missing:
        return

    def is_int(v) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    if lab["id"] not in articles:
        errors.append(f"{where}: id {lab['id']!r} is in no articles-*.csv")
    if not is_int(lab["count"]) or lab["count"] < 0:
        errors.append(f"{where}: count {lab['count']!r} is not a non-negative integer")
    for field, allowed in (
        ("qualifier", QUALIFIERS),
        ("status", STATUSES),
        ("population", POPULATIONS),
        ("side", SIDES),
    ):
        if lab[field] not in allowed:
            errors.append(f"{where}: {field} {lab[field]!r} not in {sorted(allowed)}")
    for field in ("vague", "historical", "subset", "ambiguous"):
        if not isinstance(lab[field], bool):
            errors.append(f"{where}: {field} {lab[field]!r} is not true/false")
    if not isinstance(lab["claimed_by"], str):
        errors.append(f"{where}: claimed_by must be a string (empty when unattributed)")
    if lab["range_max"] is not None and (
        not is_int(lab["range_max"]) or (is_int(lab["count"]) and lab["range_max"] <= lab["count"])
    ):
        errors.append(
            f"{where}: range_max {lab['range_max']!r} is neither null nor an integer above count"
        )
    if lab["vague"] is True and lab["qualifier"] != "at_least":
        errors.append(f"{where}: a vague figure has qualifier at_least (LABELLING.md)")
    if "note" in lab and not isinstance(lab["note"], str):
        errors.append(f"{where}: note must be a string")
    if not is_int(lab["start"]):
        errors.append(f"{where}: start {lab['start']!r} is not an integer")
        return
    art = articles.get(lab["id"])
    if art is None or art["_text"] is None:
        return
    text = art["_text"]
    vals = values_at(text, lab["start"])
    if not vals:
        snippet = text[max(0, lab["start"] - 10) : lab["start"] + 20].replace("\n", " ")
        errors.append(f"{where}: no number starts at {lab['start']} (…{snippet}…)")
    elif lab["count"] not in vals:
        snippet = text[lab["start"] : lab["start"] + 25].replace("\n", " ")
        errors.append(
            f"{where}: number at {lab['start']} reads {sorted(vals)}, "
            f"count is {lab['count']} ({snippet}…)"
        )


def main(folder: str) -> int:
    errors: list[str] = []
    notes: list[str] = []
    articles = load_articles(folder, errors, notes)
    labels: list[dict] = []
    for path in sorted(glob.glob(os.path.join(folder, "labels-*.jsonl"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                where = f"{name}:{n}"
                try:
                    lab = json.loads(line)
                except json.JSONDecodeError as exc:
                    errors.append(f"{where}: not JSON ({exc})")
                    continue
                if not isinstance(lab, dict):
                    errors.append(f"{where}: not a JSON object")
                    continue
                where += f" ({lab.get('id')}@{lab.get('start')})"
                lab["_file"] = name
                check_label({k: v for k, v in lab.items() if k != "_file"}, where, articles, errors)
                labels.append(lab)
    starts = Counter((lab.get("id"), lab.get("start")) for lab in labels)
    for (aid, start), k in starts.items():
        if k > 1:
            errors.append(f"{aid}: {k} labels share start {start}")

    for note in notes:
        print("note:", note)
    for err in errors:
        print("ERROR:", err)

    by_set = Counter(a["set"] for a in articles.values())
    print(
        f"articles: {len(articles)} ({', '.join(f'{k} {v}' for k, v in sorted(by_set.items()))}); "
        f"texts present: {sum(a['_text'] is not None for a in articles.values())}"
    )
    no_fig = [aid for aid in articles if not any(lab.get("id") == aid for lab in labels)]
    print(f"articles without figures: {len(no_fig)} {no_fig}")
    per_file = sorted(Counter(lab["_file"] for lab in labels).items())
    print(f"figures: {len(labels)} ({', '.join(f'{k} {v}' for k, v in per_file)})")
    print("  by status:", dict(Counter(lab.get("status") for lab in labels).most_common()))
    lab_set = Counter(articles.get(lab.get("id"), {}).get("set", "?") for lab in labels)
    print("  by set:", dict(sorted(lab_set.items())))
    required = [lab for lab in labels if not lab.get("vague") and not lab.get("subset")]
    print(f"  required (not vague, not subset): {len(required)}")
    for field in ("side", "population", "qualifier"):
        print(f"  by {field}:", dict(Counter(lab.get(field) for lab in labels).most_common()))
    print(
        f"  with a claimant: {sum(bool(lab.get('claimed_by')) for lab in labels)}; "
        f"historical: {sum(lab.get('historical') is True for lab in labels)}; "
        f"ambiguous: {sum(lab.get('ambiguous') is True for lab in labels)}"
    )
    print(f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))))
