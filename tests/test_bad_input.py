"""Each bad input gets one clear message naming the file (and line); the rest still loads."""

from __future__ import annotations

import shutil
import warnings

import pandas as pd
import pytest
from conftest import METADATA, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictnews.cli import main
from conflictnews.corpus import CorpusWarning, decode, load_corpus, read_corpus
from conflictnews.problems import CorpusError

GOOD = "Peace talks\n\nBAKU (Reuters) – Three soldiers were killed, officials said.\n"


@pytest.fixture
def corpus(tmp_path):
    """A copy of the seeds in a temporary folder, to add bad files to."""
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


def problems_of(folder, metadata=METADATA):
    got = read_corpus(folder, metadata)
    return got.articles, got.problems


def test_undecodable_bytes_fall_back_and_say_which_encoding(corpus):
    (corpus / "cyrillic.txt").write_bytes("Война в Карабахе. Погибли 12 человек.".encode("cp1251"))
    (corpus / "latin.txt").write_bytes("Réfugiés à Genève: talks in Baku.".encode("latin-1"))
    (corpus / "c1.txt").write_bytes(b"Talks in Baku \x81 ended.")  # undefined in cp1252
    articles, problems = problems_of(corpus)
    assert len(articles) == 14
    enc = dict(zip(articles.source_file, articles.encoding, strict=True))
    text = dict(zip(articles.source_file, articles.text, strict=True))
    assert (enc["cyrillic.txt"], text["cyrillic.txt"]) == (
        "cp1251", "Война в Карабахе. Погибли 12 человек.")
    assert (enc["latin.txt"], text["latin.txt"]) == ("cp1252", "Réfugiés à Genève: talks in Baku.")
    assert (enc["c1.txt"], text["c1.txt"]) == ("latin-1", "Talks in Baku \x81 ended.")
    notes = problems[problems.file.isin(["cyrillic.txt", "latin.txt", "c1.txt"])]
    assert sorted(zip(notes.file, notes.problem, notes.severity, strict=True)) == [
        ("c1.txt", "not UTF-8; decoded as latin-1", "note"),
        ("cyrillic.txt", "not UTF-8; decoded as cp1251", "note"),
        ("latin.txt", "not UTF-8; decoded as cp1252", "note"),
    ]


@pytest.mark.parametrize("text, code_page, named", [
    ("Réfugiés à Genève", "latin-1", "cp1252"),  # issue 16: was read as cp1251
    ("Réfugiés à Genève", "cp1252", "cp1252"),
    ("Karabakh – Арцах", "cp1251", "cp1251"),
    ("Şuşa residents said Çavuşoğlu spoke in İstanbul.", "cp1254", "cp1254"),
    ("Война в Карабахе.", "koi8-r", "koi8-r"),
])
def test_a_code_page_file_decodes_to_its_text(text, code_page, named):
    assert decode(text.encode(code_page)) == (text, named)


#: Words of languages each code page is for, and English ones around them.
WORDS = {
    "cp1252": "Réfugiés Genève Croix-Rouge l’armée reçu été Größe Bär Straße über "
              "niños señor año Curaçao".split(),
    "latin_1": "Réfugiés Genève reçu été Größe Bär über niños señor año".split(),
    "cp1251": "Война Карабахе погибли человек Степанакерт Шуша беженцы Ереван "
              "Баку министр обороны".split(),
    "koi8_r": "Война Карабахе погибли человек Степанакерт Шуша беженцы Ереван "
              "Баку министр обороны".split(),
    "cp1254": "Şuşa Çavuşoğlu Erdoğan İstanbul’da Ağdam Gəncə Füzuli şehit oldu "
              "sakinleri dışişleri bakanı ığdır".replace("ə", "e").split(),
}
ENGLISH = "the talks in Baku said killed were soldiers and people".split()


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(sorted(WORDS)), st.data())
def test_text_in_each_code_page_decodes_back_to_itself(code_page, data):
    # a sentence: a word of the language, capitalised, then words of it and of English
    own = st.sampled_from(WORDS[code_page])
    first = data.draw(own)
    words = data.draw(st.lists(st.one_of(own, own, st.sampled_from(ENGLISH)), min_size=2,
                               max_size=30))
    text = " ".join([first[0].upper() + first[1:], *words]) + "."
    assert decode(text.encode(code_page))[0] == text


def test_bom_and_utf16_are_read():
    assert decode("\ufeffTalks".encode()) == ("Talks", "utf-8-sig")
    assert decode("Talks in Baku".encode("utf-16")) == ("Talks in Baku", "utf-16")


def test_empty_and_binary_files_are_reported_and_skipped(corpus):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_text("  \n\n ")
    (corpus / "image.txt").write_bytes(bytes(range(256)) * 4)
    articles, problems = problems_of(corpus)
    assert len(articles) == 11
    by_file = dict(zip(problems.file, problems.problem, strict=True))
    assert by_file["empty.txt"].startswith("empty file")
    assert by_file["blank.txt"].startswith("empty file")
    assert by_file["image.txt"].startswith("binary file")


def test_missing_corpus_is_one_clear_error(tmp_path, capsys):
    with pytest.raises(CorpusError, match="corpus not found"):
        load_corpus(tmp_path / "nowhere", None)
    assert main(["info", str(tmp_path / "nowhere")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere: corpus not found" in err and "Traceback" not in err


def test_metadata_row_naming_a_missing_file_and_a_malformed_date(corpus, tmp_path):
    meta = tmp_path / "meta.csv"
    lines = METADATA.read_text().splitlines()
    lines[1] = lines[1].replace("2020-10-11", "2020-13-45")
    lines.append("999_missing.txt,0,Nobody,,2020-10-01,,")
    meta.write_text("\n".join(lines) + "\n")
    articles, problems = problems_of(corpus, meta)
    assert len(articles) == 11
    assert [(p.line, p.problem.split(";")[0]) for p in problems.itertuples()] == [
        (2, "malformed date '2020-13-45'"),
        (13, "names 999_missing.txt position 0: file not in the corpus"),
    ]
    assert (problems.file == str(meta)).all()
    rouhani = articles[articles.source_file.str.startswith("000")].iloc[0]
    assert pd.isna(rouhani.published) and rouhani.outlet == "Tehran Times (Mehr News licence)"


def test_problems_are_warnings_naming_file_and_line(corpus, tmp_path):
    meta = tmp_path / "meta.csv"
    meta.write_text(METADATA.read_text().replace("2020-11-06", "yesterday-ish"))
    with pytest.warns(CorpusWarning, match=r"meta\.csv:5: malformed date 'yesterday-ish'"):
        articles = load_corpus(corpus, meta)
    assert len(articles) == 11
    assert len(articles.attrs["problems"]) == 1


def test_strict_turns_problems_into_an_error_and_a_nonzero_exit(corpus, tmp_path, capsys):
    (corpus / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match=r"empty\.txt: empty file"):
        load_corpus(corpus, METADATA, strict=True)
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--metadata", str(METADATA), "--out", str(out),
                 "--strict"]) == 2
    assert not out.exists()
    assert main(["extract", str(corpus), "--metadata", str(METADATA), "--out", str(out)]) == 0
    assert "warning: empty.txt: empty file" in capsys.readouterr().err
    assert len(pd.read_parquet(out / "articles")) == 11


def test_bad_rows_in_tables_are_reported_with_their_line(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text('title,text,date\nA,"Two soldiers were killed.",2020-10-01\n'
                   'B,"Extra field",2020-10-02,oops\nC\nD,,2020-10-03\n'
                   'E,"Talks in Baku.",not a date\n')
    jsonl = tmp_path / "mine.jsonl"
    jsonl.write_text('{"text": "Talks in Yerevan."}\n{"text": broken\n[1, 2]\n'
                     '{"text": "More talks."}\n')
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rows = load_corpus(csv, None)
        problems = rows.attrs["problems"]
        assert rows["headline"].tolist() == ["A", "E"]
        assert [(p.line, p.problem[:18]) for p in problems.itertuples()] == [
            (3, "1 more field(s) th"), (4, "fewer fields than "), (5, "row has an empty te"[:18]),
            (6, "malformed date 'no")]
        rows = load_corpus(jsonl, None)
        assert rows["text"].tolist() == ["Talks in Yerevan.", "More talks."]
        assert rows.attrs["problems"]["line"].tolist() == [2, 3]


def test_a_table_without_text_column_is_one_problem(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text("title,body_text\nA,B\n")
    got = read_corpus(csv, None)
    assert got.articles.empty
    assert got.problems["problem"].tolist()[0].startswith("cannot read table: no text column")
