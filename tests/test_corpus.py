"""The seed corpus loads as 11 articles with the right headlines, outlets and dates."""

from __future__ import annotations

import hashlib
import json
import warnings

import pandas as pd
import pytest
from conftest import METADATA, ROOT, SEEDS, article

from conflictnews.corpus import ARTICLE_COLUMNS, load_corpus

EXPECTED = [
    # file prefix, position, outlet, headline, published
    ("000", 0, "Tehran Times (Mehr News licence)",
     "Rouhani, Putin hold talks on Nagorno-Karabakh conflict", "2020-10-11"),
    ("001", 0, "Sputnik International",
     "Kremlin says terms of Putin–Pashinyan call being agreed", "2023-09-20"),
    ("002", 0, "Reuters", "U.S. and France play catch-up on Karabakh after Russia deploys troops",
     "2020-11-12"),
    ("002", 1, "Reuters", "Nagorno-Karabakh says its two largest cities under fierce attack",
     "2020-11-06"),
    ("002", 2, "Reuters", "Armenia calls for probe into ‘foreign mercenaries’ in Karabakh",
     "2020-11-02"),
    ("002", 3, "Reuters",
     "New clashes in Nagorno-Karabakh; Pompeo says Turkey makes situation worse", "2020-10-16"),
    ("002", 4, "Reuters", "Nagorno-Karabakh ceasefire hopes sink as death toll rises",
     "2020-10-15"),
    ("002", 5, "Reuters", "Humanitarian crisis feared as Nagorno-Karabakh ceasefire buckles",
     "2020-10-13"),
    ("002", 6, "Reuters", "Nagorno-Karabakh ceasefire strained by new fighting reports",
     "2020-10-12"),
    ("002", 7, "Reuters", "Russia’s Putin arrives in Iran to discuss Syria, nuclear deal",
     "2017-11-01"),
    ("003", 0, "Tehran Times (Mehr News licence)", "Iran, Russia eye comprehensive cooperation",
     "2021-11-17"),
]


def test_seeds_are_byte_for_byte_the_shared_corpus():
    manifest = dict(
        reversed(line.split()) for line in (ROOT / "data/seeds.sha256").read_text().splitlines()
    )
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS.glob("*.txt")}
    assert on_disk == manifest
    shared = ROOT.parent / "shared" / "seeds"
    if shared.is_dir():  # beside a checkout the originals are there too
        assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                for p in shared.glob("*.txt")} == manifest


def test_eleven_articles_with_headlines_outlets_and_dates(articles):
    assert list(articles.columns) == ARTICLE_COLUMNS
    assert len(articles) == 11
    assert articles["doc_id"].is_unique
    got = [
        (r.source_file[:3], r.position, r.outlet, r.headline, f"{r.published:%Y-%m-%d}")
        for r in articles.itertuples()
    ]
    assert got == EXPECTED
    assert (articles["date_source"] == "metadata").all()
    assert str(articles["published"].dtype).startswith("datetime64")


def test_text_starts_with_headline_and_holds_no_byline_credit_licence_or_dateline(articles):
    for r in articles.itertuples():
        assert r.text.startswith(r.headline + "\n\n")
        for furniture in ("Reporting by", "Editing by", "Writing by", "Mehr News Agency",
                          "Creative Commons", "MH/PA", "(Reuters)", "By Nvard"):
            assert furniture not in r.text, (r.doc_id, furniture)


def test_reuters_parts_are_kept_in_their_own_columns(articles):
    first = article(articles, "002", 0)
    assert first.byline == "By Vladimir Soldatkin and Nvard Hovhannisyan"
    assert first.dateline == "MOSCOW/YELPIN, Armenia (Reuters)"
    assert first.credits.startswith("(Additional reporting by Maria Tsvetkova in YELPIN")
    assert "France and the United States are expected" in first.text
    putin = article(articles, "002", 7)
    assert putin.caption.startswith("Russian President Vladimir Putin (L) meets")
    assert putin.caption not in putin.text
    graphic = article(articles, "002", 3)
    assert graphic.caption.startswith("(Graphic: Ethnic tensions")
    assert "graphics.reuters.com" not in graphic.text


def test_one_line_files_lose_licence_and_desk_code(articles):
    rouhani = article(articles, "000")
    assert rouhani.dateline == "TEHRAN"
    assert rouhani.credits.splitlines() == [
        "MH/PA",
        "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 "
        "International License.",
    ]
    assert rouhani.text.endswith("the Russian-produced Sputnik V vaccine.")
    raisi = article(articles, "003")
    assert raisi.text.endswith("between Tehran and Beijing.")
    assert raisi.credits.startswith("All Content by Mehr News Agency")


def test_counts_and_provenance_columns(articles):
    assert (articles["n_words"] > 300).all()
    assert (articles["n_sentences"] >= 14).all()
    assert articles.loc[articles.source_file.str.startswith("002"), "line"].tolist() == [
        1, 33, 77, 109, 161, 205, 263, 311]
    assert set(articles["encoding"]) == {"utf-8"}


def test_without_metadata_a_caption_date_is_taken_from_the_text():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bare = load_corpus(SEEDS, None)
    dated = bare[bare["published"].notna()]
    assert dated["doc_id"].tolist() == ["002_68f6ff54df26247c#7"]
    assert dated.iloc[0]["published"] == pd.Timestamp("2017-11-01")
    assert dated.iloc[0]["date_source"] == "text"
    # the historical "September 2, 1991" in 001's body is not taken for a publication date
    assert bare.loc[bare.doc_id.str.startswith("001"), "published"].isna().all()
    assert set(bare.loc[bare.published.isna(), "date_source"]) == {"unknown"}
    assert (bare["outlet"] == "").all()


def test_seeds_are_never_written(tmp_path):
    before = {p: p.stat().st_mtime_ns for p in SEEDS.iterdir()}
    from conflictnews.extract import run_extract

    run_extract(SEEDS, tmp_path / "out", METADATA)
    assert {p: p.stat().st_mtime_ns for p in SEEDS.iterdir()} == before


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_tables_load_like_text(articles, tmp_path, suffix):
    """The seed articles exported as a user's table load back with the same text."""
    body = [t[len(h) + 2:] for t, h in zip(articles.text, articles.headline, strict=True)]
    table = pd.DataFrame({
        "title": articles.headline, "text": body,
        "date": articles.published.dt.strftime("%Y-%m-%d"),
        "source": articles.outlet, "url": "https://example.org/" + articles.doc_id,
    })
    path = tmp_path / f"mine{suffix}"
    if suffix == ".csv":
        table.to_csv(path, index=False)
    elif suffix == ".jsonl":
        table.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        table.to_parquet(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mine = load_corpus(path, None)
    assert mine["text"].tolist() == articles["text"].tolist()
    assert mine["outlet"].tolist() == articles["outlet"].tolist()
    assert mine["published"].tolist() == articles["published"].tolist()
    assert mine["doc_id"].tolist() == [f"mine#{i}" for i in range(11)]


# -- the order of dotted dates ("03.04.2021"): day-first unless the corpus says otherwise --

def _dotted_corpus(folder):
    """A folder as a European desk might keep it: a CSV whose dates are dotted, one row
    dated only in its lead, one with an ISO date; a .txt article dated by the metadata."""
    import csv

    folder.mkdir()
    with open(folder / "wire.csv", "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["text", "published", "outlet"])
        out.writerow(["Negotiators met again in Moscow to discuss the prisoner exchange, "
                      "the foreign ministry said.", "03.04.2021", "Test Wire"])
        out.writerow(["Residents said on 05.06.2021 that the shelling had stopped "
                      "overnight.\n\nRepairs to the water supply began in the morning.",
                      "", "Test Wire"])
        out.writerow(["Mine clearance teams reached two more villages.", "2021-04-03",
                      "Test Wire"])
    (folder / "note.txt").write_text("Aid convoy crosses the corridor\n\nA convoy of "
                                     "twelve lorries crossed the corridor on Monday.\n",
                                     encoding="utf-8")
    meta = folder.parent / "meta.csv"
    meta.write_text("source_file,position,outlet,published\nnote.txt,0,Test Desk,"
                    "07.08.2021\n", encoding="utf-8")
    return folder, meta


def test_dotted_dates_are_day_first_unless_month_first_is_asked(tmp_path):
    folder, meta = _dotted_corpus(tmp_path / "corpus")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # loads without a problem either way
        dmy = load_corpus(folder, meta).set_index("doc_id")
        mdy = load_corpus(folder, meta, dotted="mdy").set_index("doc_id")
    ids = ["wire#0", "wire#1", "wire#2", "note#0"]
    assert dmy.loc[ids, "published"].tolist() == [pd.Timestamp(d) for d in (
        "2021-04-03", "2021-06-05", "2021-04-03", "2021-08-07")]
    assert mdy.loc[ids, "published"].tolist() == [pd.Timestamp(d) for d in (
        "2021-03-04", "2021-05-06", "2021-04-03", "2021-07-08")]  # ISO stays as it is
    # the table column, the text fallback and the metadata file all follow the option
    assert mdy.loc[ids, "date_source"].tolist() == ["metadata", "text", "metadata",
                                                    "metadata"]
    with pytest.raises(ValueError, match="'ymd' is not one of dmy, mdy"):
        load_corpus(folder, meta, dotted="ymd")


def test_the_cli_reads_dotted_dates_in_the_order_given(tmp_path, capsys):
    from conflictnews.cli import main
    from conflictnews.extract import read_table

    folder, meta = _dotted_corpus(tmp_path / "corpus")
    assert main(["info", str(folder), "--metadata", str(meta)]) == 0
    assert "published 2021-04-03 to 2021-08-07" in capsys.readouterr().out
    assert main(["info", str(folder), "--metadata", str(meta), "--date-order", "mdy"]) == 0
    assert "published 2021-03-04 to 2021-07-08" in capsys.readouterr().out
    out = tmp_path / "x"
    assert main(["extract", str(folder), "--metadata", str(meta), "--out", str(out),
                 "--date-order", "mdy"]) == 0
    got = read_table(out, "articles").set_index("doc_id")["published"]
    assert got["wire#0"] == pd.Timestamp("2021-03-04")
    assert got["note#0"] == pd.Timestamp("2021-07-08")
    assert json.loads((out / "manifest.json").read_text())["fingerprint"]["dotted"] == "mdy"
    with pytest.raises(SystemExit):
        main(["info", str(folder), "--date-order", "ymd"])
    assert "invalid choice: 'ymd'" in capsys.readouterr().err
