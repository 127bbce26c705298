"""Corpus formats as researchers have them: saved web pages, Nexis exports (.txt and
.docx), tables with other column names, and their bad cases (one problem each)."""

from __future__ import annotations

import socket
import warnings
from pathlib import Path

import pandas as pd
import pytest

from conflictnews.cli import main
from conflictnews.corpus import CorpusWarning, load_corpus
from conflictnews.sentences import sentence_spans
from tests.conftest import article


def _load(source, metadata=None, **kw) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(source, metadata, **kw)


def _problems(articles: pd.DataFrame) -> list[str]:
    return [f"{r.file}: {r.problem}" for r in articles.attrs["problems"].itertuples()]


def _body(row: pd.Series) -> list[str]:
    """A seed story's body paragraphs (a one-line story: three sentences a paragraph)."""
    paras = row["text"][len(row["headline"]):].strip().split("\n\n")
    if len(paras) > 1:
        return paras
    spans = sentence_spans(paras[0])
    return [paras[0][spans[i][0]:spans[min(i + 2, len(spans) - 1)][1]]
            for i in range(0, len(spans), 3)]


# -- saved web pages -------------------------------------------------------------------

def page(headline: str, paras: list[str], *, site="Caucasus Daily", date="2020-10-11",
         charset="utf-8", url="https://caucasus-daily.example/news/1", extra="") -> str:
    """A saved article page with navigation, an ad, comments and scripts around it."""
    body = "\n".join(f"<p>{p}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{headline} | {site}</title>
<meta property="og:title" content="{headline}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T09:30:00+00:00">
<link rel="canonical" href="{url}">
<script>window.dataLayer = []; function ad() {{ return "BUY NOW"; }}</script>
<style>body {{ font-family: serif; }}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport results</a></li></ul></nav>
<div class="advert">Advertisement: cheap flights to anywhere, book today</div>
<main><article><h1>{headline}</h1>
{body}
</article></main>{extra}
<section class="comments"><h3>Comments</h3><div class="comment"><p>First! Great site, visit
my shop for discount watches.</p></div></section>
<footer><p>About us | Contact | Privacy policy</p></footer>
<script>document.write("tracking pixel");</script></body></html>"""


@pytest.fixture()
def seed_page(articles) -> tuple[str, list[str], str]:
    row = article(articles, "000")
    return row["headline"], _body(row), page(row["headline"], _body(row))


def test_a_saved_page_gives_its_main_text_and_metadata(tmp_path, seed_page):
    headline, paras, html = seed_page
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    got = _load(tmp_path)
    assert _problems(got) == []
    row = got.iloc[0]
    assert row["headline"] == headline
    assert row["outlet"] == "Caucasus Daily"
    assert row["url"] == "https://caucasus-daily.example/news/1"
    assert row["published"] == pd.Timestamp("2020-10-11")
    assert row["date_source"] == "metadata" and "page metadata" in row["date_evidence"]
    # the story's sentences are there; navigation, ads, comments and scripts are not
    assert paras[1][:80] in row["text"] and paras[-1][-60:] in row["text"]
    for junk in ("World news", "cheap flights", "discount watches", "tracking",
                 "BUY NOW", "Privacy policy", "font-family"):
        assert junk not in row["text"], junk
    assert row["text"].count(headline) == 1  # the <h1> is the headline, not body too


def test_metadata_file_wins_over_page_metadata(tmp_path, seed_page):
    _, _, html = seed_page
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "page.html").write_text(html, encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("source_file,position,outlet,headline,published,url,date_evidence\n"
                    "page.html,0,Tehran Times,,2020-10-12,https://example.org/a,our reading\n")
    row = _load(folder, meta).iloc[0]
    assert (row["outlet"], row["published"], row["url"], row["date_evidence"]) == (
        "Tehran Times", pd.Timestamp("2020-10-12"), "https://example.org/a", "our reading")


def test_pages_are_read_without_the_network(tmp_path, seed_page, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a network connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    (tmp_path / "page.htm").write_text(seed_page[2], encoding="utf-8")
    assert len(_load(tmp_path)) == 1


def test_a_wrong_meta_charset_is_one_note_and_the_text_is_right(tmp_path, articles):
    row = article(articles, "001")
    paras = [*_body(row)[:4], "Жители Степанакерта говорят, что ночь прошла спокойно."]
    # says windows-1251 but is UTF-8; says utf-8 but is windows-1251
    (tmp_path / "a.html").write_bytes(page(row["headline"], paras, charset="windows-1251")
                                      .encode("utf-8"))
    (tmp_path / "b.html").write_bytes(page(row["headline"], paras, charset="utf-8")
                                      .encode("cp1251", errors="replace"))
    # says windows-1251 and is: no problem
    (tmp_path / "c.html").write_bytes(page(row["headline"], paras, charset="windows-1251")
                                      .encode("cp1251", errors="replace"))
    got = _load(tmp_path)
    assert len(got) == 3
    assert all("Жители Степанакерта" in t for t in got["text"])
    problems = _problems(got)
    assert len(problems) == 2, problems
    assert problems[0].startswith("a.html: <meta charset> says windows-1251")
    assert problems[1].startswith("b.html: <meta charset> says utf-8")


def test_bad_pages_are_one_problem_each_and_the_rest_loads(tmp_path, seed_page):
    headline, paras, html = seed_page
    (tmp_path / "good.html").write_text(html, encoding="utf-8")
    (tmp_path / "scripts.html").write_text(
        "<html><head><script>var a = 1;</script></head><body><script>render()</script>"
        "<noscript>Please enable JavaScript</noscript></body></html>", encoding="utf-8")
    listing = "".join(f"<div><a href='/n/{i}'>Another headline number {i} of the archive"
                      "</a></div>\n" for i in range(160_000))
    (tmp_path / "huge.html").write_text(page(headline, paras, extra=listing),
                                        encoding="utf-8")
    assert (tmp_path / "huge.html").stat().st_size > 10_000_000
    (tmp_path / "broken.html").write_bytes(b"<<<\x00\x01\x02>>> <p broken")
    # 10 MB of inline image data around a real article: read, it is one article
    image = "<img src='data:image/png;base64," + "A" * 10_000_000 + "'>"
    (tmp_path / "heavy.html").write_text(page(headline, paras, extra=image),
                                         encoding="utf-8")
    (tmp_path / "story.txt").write_text(f"{headline}\n\n" + "\n\n".join(paras),
                                        encoding="utf-8")
    got = _load(tmp_path)
    assert sorted(got["source_file"]) == ["good.html", "heavy.html", "story.txt"]
    problems = _problems(got)
    assert len(problems) == 3, problems
    assert any(p.startswith("scripts.html: no main text") for p in problems)
    assert any(p.startswith("huge.html:") and "not one article" in p for p in problems)
    assert any(p.startswith("broken.html:") for p in problems)


# -- Nexis exports ---------------------------------------------------------------------

COVER = """User Name: = Student One
Date and Time: = 2024-03-01
Job Number: = 123456789

Documents (2)

1. {h1}
Client/Matter: -None-
Search Terms: Karabakh
Search Type: Terms and Connectors
Narrowed by: Content Type News; Timeline Oct 01, 2020 to Nov 30, 2020

2. {h2}
Client/Matter: -None-
Search Terms: Karabakh
Search Type: Terms and Connectors
Narrowed by: Content Type News; Timeline Oct 01, 2020 to Nov 30, 2020
"""

DOC = """{headline}
{outlet}
{date}

Copyright 2020 {outlet} All Rights Reserved
Section: WORLD NEWS; Pg. 4
Length: {length} words
Byline: {byline}

Body

{body}

Graphic

A photo caption that is not part of the story.

Classification

Language: ENGLISH
Publication-Type: Newspaper
Subject: ARMED CONFLICT (92%); CEASEFIRES (88%); PEACE PROCESS (71%)
Geographic: NAGORNO-KARABAKH (94%); ARMENIA (91%); AZERBAIJAN (90%)

Load-Date: {load}

End of Document
"""


def nexis_export(stories: list[tuple[str, str, list[str]]]) -> str:
    """A Nexis Uni plain-text download of ``(headline, outlet, paragraphs)`` stories."""
    dates = ["October 13, 2020 Tuesday", "November 2, 2020 Monday"]
    loads = ["October 14, 2020", "November 3, 2020"]
    docs = [DOC.format(headline=h, outlet=o, date=dates[i], byline="Staff Reporter",
                       length=sum(len(p.split()) for p in paras), body="\n\n".join(paras),
                       load=loads[i]) for i, (h, o, paras) in enumerate(stories)]
    return COVER.format(h1=stories[0][0], h2=stories[-1][0]) + "\n" + "\n".join(docs)


@pytest.fixture()
def two_stories(articles) -> list[tuple[str, str, list[str]]]:
    return [(r["headline"], outlet, _body(r)) for r, outlet in (
        (article(articles, "002", 5), "The Daily Courier (Caucasus Edition)"),
        (article(articles, "002", 2), "Evening Wire"))]


def _check_export(got: pd.DataFrame, stories) -> None:
    assert len(got) == 2
    for (headline, outlet, paras), row in zip(stories, got.itertuples(), strict=True):
        assert row.headline == headline
        assert row.outlet == outlet
        assert row.byline == "Staff Reporter"
        assert paras[-1][-50:] in row.text
        for kept_out in ("Load-Date", "Classification", "Copyright 2020", "Length:",
                         "Section:", "End of Document", "photo caption", "Search Terms"):
            assert kept_out not in row.text, kept_out
        assert row.caption == "A photo caption that is not part of the story."
    assert got["published"].tolist() == [pd.Timestamp("2020-10-13"),
                                         pd.Timestamp("2020-11-02")]
    assert (got["date_source"] == "metadata").all()


def test_a_nexis_text_export_splits_into_its_articles(tmp_path, two_stories):
    (tmp_path / "nexis.txt").write_text(nexis_export(two_stories), encoding="utf-8")
    got = _load(tmp_path)
    assert _problems(got) == []
    _check_export(got, two_stories)
    assert got["text"].iloc[0].startswith(two_stories[0][0] + "\n\n")


def test_a_nexis_docx_export_splits_into_its_articles(tmp_path, two_stories):
    import docx

    document = docx.Document()
    for line in nexis_export(two_stories).split("\n"):
        if line.strip():
            document.add_paragraph(line)
    document.save(tmp_path / "nexis.docx")
    got = _load(tmp_path)
    assert _problems(got) == []
    _check_export(got, two_stories)
    assert (got["encoding"] == "docx").all()


def test_a_cut_export_and_a_fake_docx_are_one_problem_each(tmp_path, two_stories):
    text = nexis_export(two_stories)
    cut = text[:text.rindex(two_stories[1][2][1][:40])]  # in the second story's body
    (tmp_path / "cut.txt").write_text(cut, encoding="utf-8")
    (tmp_path / "fake.docx").write_text("I am a text file with a .docx ending")
    import docx

    document = docx.Document()
    document.add_paragraph("A story that was being downloaded.")
    document.save(tmp_path / "whole.docx")
    data = (tmp_path / "whole.docx").read_bytes()
    (tmp_path / "whole.docx").unlink()
    (tmp_path / "halfway.docx").write_bytes(data[:len(data) // 2])
    (tmp_path / "other.txt").write_text("Talks held\n\n" + "\n\n".join(two_stories[0][2]),
                                        encoding="utf-8")
    got = _load(tmp_path)
    problems = _problems(got)
    assert len(problems) == 3, problems
    assert any(p.startswith("fake.docx: not a .docx file") for p in problems)
    assert any(p.startswith("halfway.docx: not a .docx file, or one cut short")
               for p in problems)
    assert any(p.startswith("cut.txt:") and "cut off in the middle" in p for p in problems)
    cut_rows = got[got["source_file"] == "cut.txt"]
    assert cut_rows["headline"].tolist() == [two_stories[0][0], two_stories[1][0]]
    assert cut_rows["text"].iloc[1].endswith(two_stories[1][2][0])  # what came before the cut
    assert (got["source_file"] == "other.txt").sum() == 1


# -- tables with other column names ----------------------------------------------------

def _table(articles) -> pd.DataFrame:
    rows = [article(articles, "002", i) for i in (1, 3)]
    return pd.DataFrame({
        "title": [r["headline"] for r in rows],
        "publish_date": ["2020-11-06 10:00:00", "2020-10-16 08:00:00"],
        "media_name": ["Reuters", "Reuters"],
        "url": ["https://example.org/1", "https://example.org/2"],
        "body": ["\n\n".join(_body(r)) for r in rows],
    })


def test_media_cloud_style_columns_are_recognised(tmp_path, articles):
    frame = _table(articles)
    frame.to_csv(tmp_path / "mc.csv", index=False)
    got = _load(tmp_path / "mc.csv")
    assert _problems(got) == []
    assert got["headline"].tolist() == frame["title"].tolist()
    assert got["outlet"].tolist() == ["Reuters", "Reuters"]
    assert got["published"].tolist() == [pd.Timestamp("2020-11-06"),
                                         pd.Timestamp("2020-10-16")]
    assert got["url"].tolist() == frame["url"].tolist()


def test_other_columns_are_mapped_by_an_option(tmp_path, articles):
    frame = _table(articles).rename(columns={"body": "story_text", "publish_date": "day",
                                             "media_name": "site"})
    frame.to_json(tmp_path / "t.jsonl", orient="records", lines=True)
    frame.to_parquet(tmp_path / "t.parquet")
    for name in ("t.jsonl", "t.parquet"):
        got = _load(tmp_path / name)
        assert got.empty
        problems = _problems(got)
        assert len(problems) == 2  # no text column; so no articles
        assert "no text column" in problems[0] and "story_text" in problems[0]
        mapping = {"text": "story_text", "published": "day", "outlet": "site"}
        got = _load(tmp_path / name, columns=mapping)
        assert _problems(got) == []
        assert got["outlet"].tolist() == ["Reuters", "Reuters"]
        assert got["published"].iloc[1] == pd.Timestamp("2020-10-16")
        assert got["text"].iloc[0].startswith(frame["title"].iloc[0])


def test_the_cli_maps_columns_and_explains_a_table_without_text(tmp_path, articles, capsys):
    frame = _table(articles).rename(columns={"body": "story_text"})
    frame.to_csv(tmp_path / "t.csv", index=False)
    assert main(["info", str(tmp_path / "t.csv"), "--metadata", "none", "--strict"]) == 2
    err = capsys.readouterr().err
    assert "no text column" in err and "story_text, " not in err.split("its columns:")[0]
    assert "title, publish_date, media_name, url, story_text" in err
    assert main(["info", str(tmp_path / "t.csv"), "--metadata", "none",
                 "--columns", "text=story_text"]) == 0
    assert "2 articles" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["info", str(tmp_path / "t.csv"), "--columns", "txt=story_text"])
    assert "unknown field(s) 'txt'" in capsys.readouterr().err


# -- a folder as researchers have it ---------------------------------------------------

def test_a_mixed_folder_loads_and_flags_its_copies(tmp_path, articles, two_stories):
    """Saved pages, a Nexis export, a table and .txt copies of seed stories, together."""
    row = article(articles, "002", 5)
    body = _body(row)
    (tmp_path / "nexis.txt").write_text(nexis_export(two_stories), encoding="utf-8")
    (tmp_path / "rerun.html").write_text(page("Ceasefire broken again, ministry says", body,
                                              site="Wire Portal", date="2020-10-14"),
                                         encoding="utf-8")
    headline, paras, html = (article(articles, "000")["headline"],
                             _body(article(articles, "000")), None)
    html = page(headline, paras)
    (tmp_path / "tehran.html").write_text(html, encoding="utf-8")
    (tmp_path / "tehran_copy.txt").write_text("Tehran report\n\n" + "\n\n".join(paras[:-1]),
                                              encoding="utf-8")
    _table(articles).to_csv(tmp_path / "mc.csv", index=False)
    got = _load(tmp_path)
    assert _problems(got) == []
    assert len(got) == 2 + 1 + 1 + 1 + 2
    dup = dict(zip(got["doc_id"], got["duplicate_of"], strict=True))
    assert dup["rerun#0"] == "nexis#0"  # a day after the Nexis copy
    assert dup["tehran_copy#0"] == "tehran#0"
    assert sum(d != "" for d in dup.values()) == 2
    assert got.set_index("doc_id").loc["tehran#0", "outlet"] == "Caucasus Daily"


def test_readme_lists_every_format(tmp_path):
    docs = Path(__file__).resolve().parents[1] / "docs"
    readme = (docs / "your-corpus.md").read_text() + (docs / "data-dictionary.md").read_text()
    for word in (".html", "Nexis", ".docx", "--columns", "duplicate_of", "similarity"):
        assert word in readme, word


def test_export_headers_with_a_dated_headline_and_a_day_first_date(two_stories):
    from conflictnews.readers.nexis import read_export

    headline, _, paras = two_stories[0]
    text = DOC.format(headline=f"October 2, 2020: {headline}", outlet="The Morning Star",
                      date="Saturday 3 October 2020", byline="A. Writer", length=300,
                      body="\n\n".join(paras), load="October 4, 2020")
    found, problems = read_export(text, "x.txt")
    assert problems == []
    assert (found[0].parts.headline, found[0].outlet, found[0].published) == (
        f"October 2, 2020: {headline}", "The Morning Star", "3 October 2020")


def test_a_saved_pages_resource_folder_is_not_read(tmp_path, seed_page):
    (tmp_path / "story.html").write_text(seed_page[2], encoding="utf-8")
    resources = tmp_path / "story_files"
    resources.mkdir()
    (resources / "ad-frame.htm").write_text("<html><body><script>ad()</script></body></html>")
    (resources / "notes.txt").write_text("cached resource list")
    got = _load(tmp_path)
    assert got["source_file"].tolist() == ["story.html"]
    assert _problems(got) == []
