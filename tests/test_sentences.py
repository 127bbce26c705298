"""Punkt, with our news abbreviations and no nltk_data, splits seed sentences correctly."""

from __future__ import annotations

import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictnews.sentences import (
    MAX_PUNKT_CHARS,
    _fast_line,
    _fast_split,
    punkt_spans,
    sentence_spans,
    sentences_table,
    split_sentences,
)


def test_runs_without_nltk_data():
    with pytest.raises(LookupError):
        nltk.data.find("tokenizers/punkt_tab/english/")
    assert split_sentences("One. Two.") == ["One.", "Two."]


@pytest.mark.parametrize(
    "sentence",
    [
        "Azerbaijan said 41 Azeri civilians had been killed and 207 wounded in the fighting "
        "since Sept. 27.",
        "Both sides accused each other of launching attacks within hours of an agreement on "
        "Oct. 30 to avoid deliberately targeting civilians.",
        "The Russia-brokered truce is buckling despite mounting calls from world powers to halt "
        "the fighting, with U.S. Secretary of State Mike Pompeo and the Minsk Group security "
        "watchdog among those urging greater commitment to the ceasefire terms.",
        "Shushi, 15 km (9 miles) to the south and the enclave’s second-largest city, had also "
        "come under bombardment overnight and several houses were on fire, the Emergency and "
        "Rescue Service said.",
        "Lt. Gen. Ivanov met Mr. Hajiyev at No. 10 on Sept. 3.",
    ],
)
def test_news_abbreviations_do_not_end_sentences(articles, sentence):
    if "Ivanov" not in sentence:  # the others are real seed sentences
        assert any(sentence in text for text in articles.text)
    assert split_sentences(sentence) == [sentence]
    assert split_sentences(f"{sentence} Next one.") == [sentence, "Next one."]


def test_spans_point_into_the_text_and_headlines_stand_alone(articles):
    table = sentences_table(articles)
    assert len(table) == articles["n_sentences"].sum()
    text = dict(zip(articles.doc_id, articles.text, strict=True))
    for r in table.itertuples():
        assert text[r.doc_id][r.start:r.end] == r.sentence
    first = table[table.sentence_index == 0]
    assert first["sentence"].tolist() == articles["headline"].tolist()


def test_quotes_stay_with_their_sentence():
    text = ("“We all fought for it, but it turned out in vain,” he said. “I think it was not "
            "the right decision.”")
    assert split_sentences(text) == [
        "“We all fought for it, but it turned out in vain,” he said.",
        "“I think it was not the right decision.”",
    ]


def test_a_lowercase_no_still_ends_a_sentence():
    assert split_sentences("Asked about talks, he said no. The war went on.") == [
        "Asked about talks, he said no.", "The war went on."]


def test_long_lines_are_cut_before_punkt():
    line = "word " * 40_000
    spans = sentence_spans(line)
    # no sentence end: pieces of at most MAX_PUNKT_CHARS, cut at spaces, that together
    # hold every word once (the last space of each 50,000 characters: 5 pieces)
    assert all(b - a <= MAX_PUNKT_CHARS for a, b in spans)
    assert " ".join(line[a:b].strip() for a, b in spans) == line.strip()
    assert [a for a, _ in spans[1:]] == [b for _, b in spans[:-1]]
    assert len(spans) == 5


# --- the fast path agrees with Punkt --------------------------------------------------

WORDS = ["the", "war", "Azerbaijan", "said", "killed", "in-depth", "Nagorno-Karabakh", "he",
         "Putin", "and", "of", "Azerbaijan’s", "Élan", "café", "über", "5th", "U.S.-backed",
         # letters of any script: the fast path reads them as Punkt does
         "Şuşa", "Çavuşoğlu", "İstanbul", "ağdam", "Армения", "война", "Հայաստան", "Ş", "ı",
         "ǅ", "x_y", "٣", "١٢"]
ABBREVIATIONS = ["Sept.", "Oct.", "U.S.", "Gen.", "Mr.", "No.", "no.", "km.", "etc.", "Lt.",
                 "e.g.", "a.m.", "St.", "vs.", "Inc."]
NUMBERS = ["27", "1,177", "6.3", "2020", "5", "-3", "10.10", "1991-94", "J.", "A."]
MARKS = [".", "?", "!", "...", "..", "!!", "?!", ",", ";", ":", "—", "“", "”", '"', "'",
         "‘", "’", "(", ")", "[", "]"]


@st.composite
def news_lines(draw):
    tokens = []
    for _ in range(draw(st.integers(1, 25))):
        word = draw(st.sampled_from(WORDS + ABBREVIATIONS + NUMBERS))
        if draw(st.booleans()):
            word = draw(st.sampled_from(MARKS)) + word if draw(st.booleans()) else \
                word + draw(st.sampled_from(MARKS))
        if draw(st.integers(0, 3)) == 0:
            word = word + draw(st.sampled_from(MARKS))
        if draw(st.booleans()):
            word = word[:1].upper() + word[1:]
        tokens.append(word)
    return draw(st.sampled_from([" ", "  ", " \t"])).join(tokens)


@settings(max_examples=1500, deadline=None)
@given(news_lines())
def test_fast_path_equals_punkt_on_tricky_lines(line):
    assert _fast_split(line) == punkt_spans(line)


def test_fast_path_equals_punkt_on_the_seeds(articles):
    for text in articles.text:
        assert _fast_split(text) == punkt_spans(text)
    lines = [line for text in articles.text for line in text.split("\n") if line.strip()]
    assert sum(_fast_line(line) is None for line in lines) <= 3  # left to Punkt
