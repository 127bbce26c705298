"""Recall of casualty figures on sentences composed from parts, in the project's own words.

Real reporting combines a handful of parts freely: a number (digits, words, a qualifier),
the people counted (with adjectives, a place, a coordinated second group), a way of saying
what befell them (a passive, a perfect, a hedge like "are believed to have", a noun such as
"the massacre of", an active verb with an object, "left N dead"), and a frame (a source
before or after, a time, a place). Rules tuned on a few hundred real sentences tend to know
the combinations they saw; this probe asks for all of them, so a rule that generalises
scores well here and one that fits single sentences does not.

Every sentence carries exactly one figure whose count and status are known by construction;
the negatives carry none. The probe is deterministic (a fixed seed picks the combinations).

    .venv/bin/python benchmarks/paraphrase.py              # recall by part, negatives
    .venv/bin/python benchmarks/paraphrase.py --misses 40  # and the first 40 misses
"""
from __future__ import annotations

import argparse
import random
from collections import defaultdict

from conflictnews.casualties import figures_in_sentence

NUMBERS = [  # (text, value)
    ("12", 12), ("seven", 7), ("at least 14", 14), ("more than 1,200", 1200),
    ("some 300", 300), ("nearly 30,000", 30000), ("about 40", 40), ("over 100,000", 100000),
    ("Twenty-one", 21), ("up to 65", 65),
]
PEOPLE = [
    "civilians", "people", "Armenian servicemen", "Azerbaijani soldiers", "residents",
    "ethnic Armenians", "villagers", "Russian journalists and their local fixer",
    "women and children", "troops", "members of the same family", "peacekeepers",
    "local residents of the district", "volunteers and conscripts",
]
# (status, phrase after the people): a subject and its predicate
PREDICATES = [
    ("killed", "were killed"), ("killed", "have been killed"), ("killed", "died"),
    ("killed", "have died"), ("killed", "are believed to have died"),
    ("killed", "are estimated to have been killed"), ("killed", "were reportedly killed"),
    ("killed", "lost their lives"), ("killed", "were shot dead"), ("killed", "perished"),
    ("killed", "were massacred"), ("killed", "were found dead"),
    ("killed", "were killed or died of wounds"),
    ("wounded", "were wounded"), ("wounded", "have been injured"), ("wounded", "were hurt"),
    ("wounded", "sustained injuries"), ("wounded", "were hospitalised with wounds"),
    ("wounded", "suffered shrapnel wounds"), ("wounded", "were seriously injured"),
    ("displaced", "have fled"), ("displaced", "fled their homes"),
    ("displaced", "have arrived in Armenia"), ("displaced", "have crossed into Armenia"),
    ("displaced", "were evacuated from the area"), ("displaced", "have left the region"),
    ("displaced", "were forced to leave their homes"), ("displaced", "have been displaced"),
    ("captured", "were taken prisoner"), ("captured", "were taken captive"),
    ("captured", "are being held captive"), ("captured", "remain in captivity"),
    ("captured", "were captured"), ("captured", "have returned from captivity"),
    ("missing", "are missing"), ("missing", "are still missing"),
    ("missing", "remain unaccounted for"), ("missing", "are listed as missing"),
]
# (status, template with {n} and {p}): the figure inside a noun phrase or an object
NOMINALS = [
    ("killed", "the deaths of {n} {p}"), ("killed", "the killing of {n} {p}"),
    ("killed", "the massacre of {n} {p}"), ("killed", "the bodies of {n} {p}"),
    ("killed", "a death toll of {n}"), ("killed", "the loss of {n} {p}"),
    ("displaced", "an exodus of {n} {p}"), ("displaced", "the evacuation of {n} {p}"),
    ("displaced", "the expulsion of {n} {p}"), ("displaced", "the deportation of {n} {p}"),
    ("captured", "the release of {n} {p} held captive"), ("captured", "the capture of {n} {p}"),
    ("wounded", "injuries to {n} {p}"),
]
NOMINAL_FRAMES = [
    "The shelling of the town led to {x}.", "Officials confirmed {x} on Tuesday.",
    "The report documents {x}.", "The offensive resulted in {x}, the ministry said.",
]
ACTIVES = [  # (status, template with {n} {p}): an event as the subject
    ("killed", "The strike killed {n} {p}"), ("killed", "The attack left {n} {p} dead"),
    ("killed", "The shelling claimed the lives of {n} {p}"),
    ("killed", "Artillery fire killed {n} {p} overnight"),
    ("wounded", "The explosion injured {n} {p}"), ("wounded", "The attack left {n} {p} wounded"),
    ("wounded", "Shrapnel wounded {n} {p}"),
    ("displaced", "The fighting forced {n} {p} to flee"),
    ("displaced", "The offensive displaced {n} {p}"),
    ("captured", "Azerbaijani forces captured {n} {p}"),
    ("captured", "Troops took {n} {p} prisoner"),
]
FRAMES = [  # how a sentence around the figure starts and ends
    ("", "."), ("The ministry said ", "."), ("According to officials, ", "."),
    ("", ", officials said."), ("", " in the shelling of the town on Monday."),
    ("Local authorities reported that ", " since the start of the fighting."),
    ("", ", the ombudsman told reporters."), ("Since Sunday, ", ", the report says."),
]
NEGATIVES = [
    "Twelve tanks and 4 Grad launchers were destroyed in the fighting.",
    "A 12-year-old boy was among the residents who watched the parade.",
    "More than 1,200 houses were damaged by the shelling, officials said.",
    "The town has a population of 30,000 people.",
    "Some 40,000 people live in the district, which lies 12 km from the front.",
    "The war of 1992 ended with a ceasefire signed in May 1994.",
    "Reconstruction will cost $5 million, 12 percent more than planned.",
    "UN Security Council Resolution 822 called for the withdrawal of troops.",
    "Parliament voted 98 to 12 to approve the budget.",
    "The brigade's 300 soldiers took part in the exercise on Tuesday.",
    "The 44-day war ended on November 10, 2020.",
    "Article 109 of the Criminal Code concerns the killing of civilians.",
    "Two drones and 14 armoured vehicles were hit, the ministry said.",
    "About 500 people attended the funeral of the soldiers in Yerevan.",
    "The 2,000 peacekeepers will stay for five years under the agreement.",
    "The 3 suspects were questioned by police after the protest.",
]


def wanted(sentence_figures: list[dict], value: int, status: str) -> bool:
    """True when a figure with this count and status was found (wounded matches ambiguous)."""
    return any(f["count"] == value and f["status"] == status for f in sentence_figures)


def probe(seed: int = 12) -> tuple[list[tuple[str, str, int, str]], list[str]]:
    """The composed sentences (part, sentence, count, status) and the negatives."""
    rng = random.Random(seed)
    out: list[tuple[str, str, int, str]] = []
    for status, pred in PREDICATES:
        for _ in range(4):
            (ntext, value), people = rng.choice(NUMBERS), rng.choice(PEOPLE)
            before, after = rng.choice(FRAMES)
            subject = f"{ntext} {people}"
            first = subject[0].lower() if before else subject[0].upper()
            subject = first + subject[1:]
            out.append((f"predicate: {pred}", f"{before}{subject} {pred}{after}", value, status))
    for status, tmpl in NOMINALS:
        for _ in range(3):
            (ntext, value), people = rng.choice(NUMBERS), rng.choice(PEOPLE)
            x = tmpl.format(n=ntext, p=people)
            out.append((f"noun: {tmpl}", rng.choice(NOMINAL_FRAMES).format(x=x), value, status))
    for status, tmpl in ACTIVES:
        for _ in range(3):
            (ntext, value), people = rng.choice(NUMBERS), rng.choice(PEOPLE)
            _, after = rng.choice(FRAMES)
            out.append((f"active: {tmpl}", tmpl.format(n=ntext, p=people) + after, value, status))
    return out, NEGATIVES


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--misses", type=int, default=0, help="print this many missed sentences")
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    sentences, negatives = probe(args.seed)
    by_part: dict[str, list[bool]] = defaultdict(list)
    by_kind: dict[str, list[bool]] = defaultdict(list)
    by_status: dict[str, list[bool]] = defaultdict(list)
    missed = []
    for part, sentence, value, status in sentences:
        ok = wanted(figures_in_sentence(sentence), value, status)
        by_part[part].append(ok)
        by_kind[part.split(":")[0]].append(ok)
        by_status[status].append(ok)
        if not ok:
            missed.append((part, sentence, value, status))
    total = sum(ok for oks in by_part.values() for ok in oks)
    print(f"== composed sentences: {len(sentences)}, recall {total / len(sentences):.3f}")
    for name, table in (("kind", by_kind), ("status", by_status)):
        print(f"  by {name}: " + ", ".join(
            f"{k} {sum(v) / len(v):.2f} ({sum(v)}/{len(v)})" for k, v in sorted(table.items())))
    print("  parts found in fewer than all their sentences:")
    for part, oks in sorted(by_part.items(), key=lambda kv: sum(kv[1]) / len(kv[1])):
        if not all(oks):
            print(f"    {sum(oks)}/{len(oks)}  {part}")
    wrong = [(s, figures_in_sentence(s)) for s in negatives]
    wrong = [(s, f) for s, f in wrong if f]
    print(f"== negatives: {len(negatives)}, with a figure reported: {len(wrong)}")
    for s, f in wrong:
        print(f"    {[(x['count'], x['status']) for x in f]}  {s}")
    for _part, sentence, value, status in missed[: args.misses]:
        print(f"  missed {value} {status:9}  {sentence}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
