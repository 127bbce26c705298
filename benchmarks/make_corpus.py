"""Generate a realistic synthetic corpus of N articles from the seed corpus.

    .venv/bin/python benchmarks/make_corpus.py 10000 build/bench/corpus-10000

Each article is laid out like the seed Reuters stories (headline, byline, dateline,
body, credits) so the loader's splitting is exercised; 100 articles per .txt file. The
body is seed sentences drawn at random, with figures varied (same number of digits),
names swapped among people on the actor list, and a publication date written into the
lead. The same N and --seed give the same corpus, byte for byte.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_FILE = 100
NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b")


def seed_material() -> tuple[list[str], list[str], list[str]]:
    """Sentences, headlines and person names from the seed corpus and actor list."""
    from conflictnews.actor_list import load_actors
    from conflictnews.corpus import load_corpus
    from conflictnews.sentences import sentence_spans

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = load_corpus(ROOT / "seeds", ROOT / "data" / "metadata.csv")
    sentences = []
    for text, headline in zip(articles["text"], articles["headline"], strict=True):
        body = text[len(headline):] if headline else text
        sentences += [body[a:b] for a, b in sentence_spans(body) if len(body[a:b]) > 40]
    people = [a.aliases[0] for a in load_actors(ROOT / "data" / "actors.yml").actors
              if a.kind == "person"]
    return sentences, list(articles["headline"]), people


def vary_number(match: re.Match[str], rng: random.Random) -> str:
    raw = match.group().replace(",", "")
    if len(raw) == 4 and raw.startswith(("19", "20")):
        return match.group()  # years stay years
    value = rng.randint(10 ** (len(raw) - 1) if len(raw) > 1 else 1, 10 ** len(raw) - 1)
    return f"{value:,}" if "," in match.group() else str(value)


def article(rng: random.Random, sentences: list[str], headlines: list[str],
            people: list[str]) -> str:
    day = dt.date(2020, 9, 27) + dt.timedelta(days=rng.randint(0, 1200))
    body = []
    for _ in range(rng.randint(12, 30)):
        s = NUMBER.sub(lambda m: vary_number(m, rng), rng.choice(sentences))
        if people and rng.random() < 0.3:
            for name in people:
                if name in s:
                    s = s.replace(name, rng.choice(people))
                    break
        body.append(s)
    paragraphs = [" ".join(body[i:i + 2]) for i in range(0, len(body), 2)]
    paragraphs[0] = (f"YEREVAN (Reuters) – On {day:%B} {day.day}, {day.year}, "
                     f"{paragraphs[0]}")
    return "\n\n".join([rng.choice(headlines), "By A. Reporter and B. Writer", *paragraphs,
                        "(Reporting by A. Reporter; Editing by C. Editor)"])


def make_corpus(n: int, out: Path, seed: int = 0) -> Path:
    """Write ``n`` articles into ``out`` (``PER_FILE`` per file); return ``out``."""
    rng = random.Random(seed)
    sentences, headlines, people = seed_material()
    out.mkdir(parents=True, exist_ok=True)
    for f in range((n + PER_FILE - 1) // PER_FILE):
        count = min(PER_FILE, n - f * PER_FILE)
        text = "\n\n".join(article(rng, sentences, headlines, people) for _ in range(count))
        (out / f"synthetic_{f:06d}.txt").write_text(text + "\n", encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path, help="output folder")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    make_corpus(args.n, args.out, args.seed)
    size = sum(p.stat().st_size for p in args.out.glob("*.txt"))
    print(f"{args.n:,} articles, {size / 1e6:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
