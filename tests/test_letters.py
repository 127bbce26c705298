"""Letters of any script count as letters: "Şuşa", "Çavuşoğlu", "Erdoğan", "İstanbul"
are words, names, datelines and bylines like any English one."""

from __future__ import annotations

import re

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictnews.articles import split_articles
from conflictnews.language import distinctive_words
from conflictnews.mentions import find_mentions
from conflictnews.patterns import CAPITALISED_WORD, LETTER, LOWER, UPPER, lower_name
from conflictnews.sentences import split_sentences

NAMES = ["Şuşa", "Çavuşoğlu", "Erdoğan", "İstanbul", "Ağdam", "Gəncə", "Ərdoğan",
         "Армения", "Հայաստան", "Ἀθῆναι"]


def test_name_patterns_take_capitals_of_any_script():
    text = "Şuşa residents said Çavuşoğlu and Erdoğan met in İstanbul; Армения, Հայաստան."
    assert re.findall(CAPITALISED_WORD, text) == [
        "Şuşa", "Çavuşoğlu", "Erdoğan", "İstanbul", "Армения", "Հայաստան"]
    assert re.fullmatch(f"{UPPER}{LOWER}+", "Ağdam") and not re.fullmatch(UPPER, "ş")
    assert re.findall(f"{LETTER}+", "Gəncə_2020 x") == ["Gəncə", "x"]
    assert lower_name("İstanbul") == "istanbul" and lower_name("IĞDIR") == "iğdir"


@settings(max_examples=300, deadline=None)
@given(st.characters(codec="utf-8", categories=["Lu", "Lt", "Ll", "Lo", "Nd", "Pc", "Zs"]))
def test_the_letter_classes_agree_with_python_on_every_character(ch):
    assert bool(re.fullmatch(UPPER, ch)) == (ch.isupper() or ch.istitle())
    assert bool(re.fullmatch(LOWER, ch)) == ch.islower()
    assert bool(re.fullmatch(LETTER, ch)) == ch.isalpha()


def test_distinctive_words_keep_words_with_diacritics():
    articles = pd.DataFrame({
        "outlet": ["Daily Sabah"] * 3 + ["Reuters"] * 3,
        "text": ["Çavuşoğlu said Şuşa was shelled. Erdoğan spoke in İstanbul."] * 3
        + ["Officials in Yerevan said Stepanakert was shelled overnight."] * 3,
    })
    words = distinctive_words(articles, min_count=2)
    sabah = set(words.loc[words["outlet"] == "Daily Sabah", "word"])
    assert {"çavuşoğlu", "şuşa", "erdoğan"} <= sabah


def test_datelines_and_bylines_in_any_script():
    raw = ("Talks in Istanbul\n\nBy Şule Ağaoğlu\n\nİSTANBUL (Reuters) – Çavuşoğlu met "
           "Lavrov on Monday.\n\n(Reporting by Şule Ağaoğlu; Editing by Ece Toksabay)\n")
    story = split_articles(raw)[0]
    assert story.byline == "By Şule Ağaoğlu"
    assert story.dateline == "İSTANBUL (Reuters)"
    assert story.text.endswith("Çavuşoğlu met Lavrov on Monday.")


def test_a_lower_case_no_ends_a_sentence_before_a_capital_of_any_script():
    text = "Asked whether talks would resume, he said no. Çavuşoğlu then left."
    assert split_sentences(text) == ["Asked whether talks would resume, he said no.",
                                     "Çavuşoğlu then left."]


def test_mentions_find_names_written_with_diacritics(articles):
    row = articles.iloc[[0]].copy()
    row["text"] = "Çavuşoğlu and Erdoğan spoke. Çavuşoğluya nothing."
    found = find_mentions(row)
    assert found[["actor", "surface"]].values.tolist() == [
        ["Mevlut Cavusoglu", "Çavuşoğlu"], ["Tayyip Erdogan", "Erdoğan"]]
