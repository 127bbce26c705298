"""Side, population and claimant on short articles composed from parts, in the project's own words.

A careful reader decides whose people a figure counts, which people, and who claims it from
the whole article: the source named in the lead and carried forward, a place, a nationality,
the attacker, a third country, a headline. Rules tuned on a few hundred real articles tend to
know the combinations they saw; this probe composes articles from those cues at several
distances (the claimant in the figure's sentence, one or several sentences back, in the
headline), so a rule that generalises scores well here and one fitted to sentences does not.

Each article carries one target figure whose side, population and claimant (named or none)
are known by construction. Deterministic (a fixed seed picks the combinations).

    .venv/bin/python benchmarks/context_probe.py              # accuracy by cue and distance
    .venv/bin/python benchmarks/context_probe.py --misses 40  # and the first 40 misses
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import warnings
from collections import defaultdict
from pathlib import Path

from conflictnews.casualties import extract_casualties
from conflictnews.corpus import load_corpus

AZ, ARM, OTHER, BOTH, NONE = "azerbaijani", "armenian", "other", "both", "unspecified"
DATE_2020, DATE_2022 = "2020-10-20", "2022-09-15"

# (surface, side whose own people it reports) for authorities of each party
CLAIMANTS = [
    ("Azerbaijan's Defence Ministry", AZ), ("the Azerbaijani Prosecutor General's Office", AZ),
    ("Hikmet Hajiyev, an aide to President Ilham Aliyev", AZ),
    ("Armenia's Defence Ministry", ARM), ("the defence ministry of Nagorno-Karabakh", ARM),
    ("Artsakh's Human Rights Defender", ARM), ("the Karabakh ombudsman", ARM),
]
# (place, side of the people hit there, publication date it holds for)
PLACES = [("Ganja", AZ, DATE_2020), ("Barda", AZ, DATE_2020), ("Tartar", AZ, DATE_2020),
          ("Stepanakert", ARM, DATE_2020), ("Martuni", ARM, DATE_2020),
          ("Jermuk", ARM, DATE_2022)]
CIVILIANS = ["civilians", "residents", "people, all of them civilians,", "villagers",
             "children and elderly people"]
SOLDIERS = ["servicemen", "soldiers", "troops", "conscripts"]
NUMBERS = [("12", 12), ("seven", 7), ("at least 14", 14), ("more than 30", 30), ("21", 21)]
FILLER = [
    "The shelling continued through the night.", "Schools in the area were closed.",
    "Emergency services worked at the scene until the morning.",
    "Several houses and a school building were damaged.",
    "Power lines were cut in two districts.",
]
ATTRIBUTIONS = [  # how the figure's own sentence names its source, {c} the claimant
    "{c} said {s}.", "According to {c}, {s}.", "{S}, {c} said.", "{c} reported that {s}.",
    "In a statement, {c} said {s}.", "{c} told reporters that {s}.", "{c} informs that {s}.",
]
CARRY = [  # a later sentence that refers back to the claimant
    "{S}, the statement said.", "It said {s}.", "The statement added that {s}.", "{S}.",
    "According to the statement, {s}.",
]


def cap(s: str) -> str:
    return s[0].upper() + s[1:]


def compose(rng: random.Random) -> list[dict]:
    """The probe's articles: text, date, the target (count, status) and expected fields."""
    out = []

    def add(cue: str, text: str, date: str, value: int, status: str, side: str,
            population: str, claimed: bool) -> None:
        out.append({"cue": cue, "text": text, "published": date, "count": value,
                    "status": status, "side": side, "population": population,
                    "claimed": claimed})

    for _ in range(6):  # the claimant in the figure's sentence, its own soldiers
        (c, side), (nt, n) = rng.choice(CLAIMANTS[:2] + CLAIMANTS[3:5]), rng.choice(NUMBERS)
        att = rng.choice(ATTRIBUTIONS)
        s = f"{nt} of its {rng.choice(SOLDIERS)} had been killed in the fighting"
        add("claimant, own soldiers, same sentence", cap(att.format(c=c, s=s, S=cap(s))),
            DATE_2020, n, "killed", side, "military", True)
    for dist in (1, 2, 3):  # the claimant in the lead, the figure later
        for _ in range(5):
            (c, side), (nt, n) = rng.choice(CLAIMANTS), rng.choice(NUMBERS)
            place, pside, date = rng.choice([p for p in PLACES if p[1] == side])
            lead = f"{cap(c)} said on Monday that {place} had come under heavy fire overnight."
            fill = " ".join(rng.sample(FILLER, dist - 1))
            s = f"{nt} {rng.choice(CIVILIANS)} were wounded"
            later = rng.choice(CARRY).format(s=s, S=cap(s))
            add(f"claimant {dist} sentence(s) back", " ".join(x for x in (lead, fill, later) if x),
                date, n, "wounded", pside, "civilian", True)
    for _ in range(6):  # a place, no claimant
        (place, pside, date), (nt, n) = rng.choice(PLACES), rng.choice(NUMBERS)
        s = f"{cap(nt)} {rng.choice(CIVILIANS)} were killed in {place} on Sunday."
        add("place, no claimant", f"{rng.choice(FILLER)} {s}", date, n, "killed", pside,
            "civilian", False)
    for _ in range(6):  # the attacker names the other party's victims
        (place, pside, date), (nt, n) = rng.choice(PLACES[:5]), rng.choice(NUMBERS)
        attacker = "Armenian" if pside == AZ else "Azerbaijani"
        who = rng.choice(CIVILIANS)
        s = rng.choice([f"An {attacker} rocket strike on {place} killed {nt} {who}.",
                        f"{cap(nt)} {who} were killed by {attacker} shelling of {place}."])
        add("attacker", s, date, n, "killed", pside, "civilian", False)
    for _ in range(6):  # a nationality on the people
        side, adj = rng.choice([(AZ, "Azerbaijani"), (ARM, "Armenian")])
        (nt, n), who = rng.choice(NUMBERS), rng.choice(SOLDIERS)
        s = f"{cap(nt)} {adj} {who} were killed in clashes on the border, officials said."
        add("nationality", s, DATE_2022, n, "killed", side, "military", True)
    third = [
        ("{N} Russian peacekeepers were killed when their car came under fire from "
         "Azerbaijani troops.", "killed", "military", False),
        ("{N} French journalists were wounded by shelling in Martuni.", "wounded", "civilian",
         False),
        ("{N} Syrian mercenaries fighting for Azerbaijan have been killed, the Syrian "
         "Observatory for Human Rights said.", "killed", "military", True),
    ]
    for tmpl, status, pop, claimed in third:  # third countries
        for nt, n in rng.sample(NUMBERS, 2):
            add("third country", tmpl.format(N=cap(nt)), DATE_2020, n, status, OTHER, pop,
                claimed)
    for _ in range(4):  # one number for both sides
        nt, n = rng.choice(NUMBERS)
        s = rng.choice([f"{cap(nt)} soldiers from both sides were killed in the clashes.",
                        f"The clashes killed {nt} troops on both sides."])
        add("both sides", s, DATE_2022, n, "killed", BOTH, "military", False)
    for _ in range(4):  # the headline names the side, the body does not
        (place, pside, date), (nt, n) = rng.choice(PLACES[:5]), rng.choice(NUMBERS)
        head = f"Shelling of {place} leaves civilians dead"
        body = f"{cap(nt)} residents were killed and dozens of homes destroyed on Saturday."
        add("headline place", f"{head}\n\n{body}", date, n, "killed", pside, "civilian",
            False)
    for _ in range(4):  # nothing tells: a careful reader leaves side unspecified
        nt, n = rng.choice(NUMBERS)
        s = f"{cap(nt)} people were killed when an old landmine exploded near the village."
        add("no cue", s, DATE_2022, n, "killed", NONE, "unspecified", False)
    return out


def run(articles: list[dict]):
    """Extract figures from the composed articles with the package, as a user's corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "probe.jsonl"
        path.write_text("".join(json.dumps({"text": a["text"], "published": a["published"],
                                            "outlet": "probe"}) + "\n" for a in articles),
                        encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(path, None)
    found = extract_casualties(corpus)
    ids = dict(zip(corpus["position"], corpus["doc_id"], strict=True))
    return found, ids


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--misses", type=int, default=0, help="print this many misses")
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    articles = compose(random.Random(args.seed))
    found, ids = run(articles)
    score: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    missed = []
    for pos, a in enumerate(articles):
        rows = found[(found["doc_id"] == ids[pos]) & (found["count"] == a["count"])
                     & (found["status"] == a["status"])]
        if not len(rows):
            score[a["cue"]]["figure"].append(False)
            missed.append((a, "figure not found"))
            continue
        r = rows.iloc[0]
        checks = {"figure": True, "side": r["side"] == a["side"],
                  "population": r["population"] == a["population"],
                  "claimant": bool(r["claimed_by"]) == a["claimed"]}
        for k, ok in checks.items():
            score[a["cue"]][k].append(ok)
        got = {"side": r["side"], "population": r["population"], "claimant": r["claimed_by"]}
        want = {"side": a["side"], "population": a["population"], "claimant": a["claimed"]}
        wrong = [f"{k} {got[k]!r} (want {want[k]!r})" for k, ok in checks.items() if not ok]
        if wrong:
            missed.append((a, "; ".join(wrong)))
    print(f"== composed articles: {len(articles)}")
    totals: dict[str, list[bool]] = defaultdict(list)
    for cue, fields in score.items():
        parts = []
        for k in ("figure", "side", "population", "claimant"):
            v = fields.get(k, [])
            totals[k] += v
            if v:
                parts.append(f"{k} {sum(v)}/{len(v)}")
        print(f"  {cue:40} " + ", ".join(parts))
    print("  all: " + ", ".join(f"{k} {sum(v) / len(v):.3f} ({sum(v)}/{len(v)})"
                                for k, v in totals.items()))
    for a, why in missed[: args.misses]:
        print(f"  [{a['cue']}] {why}\n      {a['text']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
