"""Reading the coverage at array speed: every fast path equals NLTK's own way."""

from __future__ import annotations

from itertools import combinations

import pandas as pd
import pytest
from conftest import load_benchmark
from nltk.text import Text

from conflictnews import language as L
from conflictnews.corpus import load_corpus
from conflictnews.mentions import co_mentions, find_mentions


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """300 generated articles (seed sentences shuffled, figures and names varied), in
    seven outlets."""
    out = tmp_path_factory.mktemp("gen")
    load_benchmark("make_corpus").make_corpus(300, out / "corpus")
    articles = load_corpus(out / "corpus", None)
    return articles.assign(outlet=[f"outlet {i % 7}" for i in range(len(articles))])


def test_fast_tokens_are_treebank_tokens(articles, generated):
    for text in [*articles["text"], *generated["text"]]:
        assert L.fast_tokens(text) == L.tokens(text)
    L._INNER.clear()  # the same from a cold cache
    L._LAST.clear()
    # the cases where Treebank looks at a chunk's neighbours: the final period, quotes
    tricky = ('He said: "Go." Then U.S. Gen. Smith left... (Really?) It\'s 5 p.m. '
              "It's the boys' toys -- cannot 'quote' end. a,b 1,234 3.88 well-known x--y "
              "Gonna 10:30 $5 50% A.B.C 2020-10-01 o'clock 1.5. (Reuters) word). U.S. a,. "
              "(x y); [z]: ok?! no!? <b> {c}, wait.) 12,000. end:")
    assert L.fast_tokens(tricky) == L.tokens(tricky)


@pytest.mark.parametrize("chunk", [
    "(Reuters)", "word).", "U.S.", "a,.", "(x", "y);", "[z]:", "ok?!", "{c},", "wait.)",
    "12,000.", "end:", "word.", "Word,", "3.88.", "x-y.", "(a.b)", "A.", "cannot", "a,b",
    "10:30", "it's", "boys'", '"quote"', "--", "x--y", "...", "$5", "50%", "Gonna,"])
@pytest.mark.parametrize("last", [False, True])
def test_a_chunk_reads_as_treebank_reads_it(chunk, last):
    """Inside a sentence (another word follows) or ending it."""
    L._INNER.clear()
    L._LAST.clear()
    expected = L._TOKENIZER.tokenize(chunk) if last else L._TOKENIZER.tokenize(chunk + " x")[:-1]
    assert L._chunk_tokens(chunk, last) == tuple(expected)


@pytest.mark.parametrize("min_count", [1, 2])
def test_distinctive_words_equal_the_word_by_word_reference(articles, min_count):
    fast = L.distinctive_words(articles, top_n=12, min_count=min_count)
    slow = L.distinctive_words_reference(articles, top_n=12, min_count=min_count)
    assert len(fast) > 20
    pd.testing.assert_frame_equal(fast, slow, check_dtype=False)


def test_distinctive_words_and_collocations_on_a_generated_corpus(generated):
    counts = L.word_counts(generated)
    pd.testing.assert_frame_equal(L.distinctive_words(generated, counts=counts),
                                  L.distinctive_words_reference(generated), check_dtype=False)
    pd.testing.assert_frame_equal(L.collocations(generated, counts=counts),
                                  L.collocations_reference(generated))


def test_collocations_equal_nltks_finder_on_the_seeds(articles):
    fast = L.collocations(articles)
    pd.testing.assert_frame_equal(fast, L.collocations_reference(articles))
    assert ("internationally", "recognized") in set(zip(fast["first"], fast["second"],
                                                        strict=True))


def test_concordance_equals_nltk_on_every_article(articles):
    terms = ["peacekeepers", "ceasefire", "Karabakh", "occupied"]
    rows = []
    for art in articles.itertuples():
        text = Text(L.tokens(art.text))
        for term in terms:
            rows += [(term, art.doc_id, line.left_print, line.query, line.right_print)
                     for line in text.concordance_list(term, width=90, lines=10)]
    expected = pd.DataFrame(rows, columns=["term", "doc_id", "left", "match", "right"])
    got = L.keyword_in_context(articles, terms, width=90, lines=10)
    assert len(got) > 30
    pd.testing.assert_frame_equal(got[["term", "doc_id", "left", "match", "right"]], expected)


@pytest.mark.parametrize("top", [None, 15])
def test_co_mentions_equal_the_sentence_by_sentence_count(articles, top):
    """All actors (a self-join) or a chart's top 15 (a sentence × actor matrix)."""
    mentions = find_mentions(articles)
    if top:
        mentions = mentions[mentions["actor"].isin(mentions["actor"].value_counts().index[:top])]
    rows = mentions[mentions["field"] == "text"]
    pairs = [(a, b, doc) for (doc, _), group in rows.groupby(["doc_id", "sentence_index"])
             for a, b in combinations(sorted(set(group["actor"])), 2)]
    expected = pd.DataFrame(pairs, columns=["actor_a", "actor_b", "doc_id"]).groupby(
        ["actor_a", "actor_b"]).agg(sentences=("doc_id", "size"),
                                    articles=("doc_id", "nunique")).reset_index()
    expected = expected.sort_values(["sentences", "actor_a", "actor_b"],
                                    ascending=[False, True, True]).reset_index(drop=True)
    got = co_mentions(mentions)
    assert got.iloc[0][["actor_a", "actor_b"]].tolist() == ["Armenia", "Azerbaijan"]
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_term_rates_count_word_starts_case_insensitively():
    frame = pd.DataFrame({"outlet": ["A", "A", "B"], "n_words": [10, 10, 5], "text": [
        "Terrorists and a terrorist.", "Counterterrorist talk.", "TERRORIST-held town"]})
    rates = L.term_rates(frame, ["terrorist"])
    assert rates[["outlet", "count", "words"]].values.tolist() == [["A", 2, 20], ["B", 1, 5]]
    assert rates["per_1000_words"].tolist() == [100.0, 200.0]


def test_one_pass_reads_what_the_three_functions_read(articles):
    terms, framing = ["peacekeepers", "occupied", "Karabakh"], "ceasefire"
    grouped = articles.assign(group=articles["outlet"].str.slice(0, 7))
    chunks = [grouped.iloc[:4], grouped.iloc[4:9], grouped.iloc[9:]]  # as a large corpus
    coverage = L.read_coverage(iter(chunks), terms, framing, by="group", width=90, lines=10)
    pd.testing.assert_frame_equal(coverage.rates, L.term_rates(grouped, terms, by="group"))
    pd.testing.assert_frame_equal(coverage.kwic,
                                  L.keyword_in_context(grouped, terms, width=90, lines=10))
    pd.testing.assert_frame_equal(coverage.framing, L.sentences_with(grouped, framing))
    assert len(coverage.framing) == 30
    pd.testing.assert_frame_equal(
        L.distinctive_words(grouped, by="group", counts=coverage.counts),
        L.distinctive_words_reference(grouped, by="group"), check_dtype=False)
    pd.testing.assert_frame_equal(L.collocations(grouped, counts=coverage.counts),
                                  L.collocations_reference(grouped))
