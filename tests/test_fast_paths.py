"""Each shortcut the extract takes for speed finds exactly what the plain rule finds.

The plain rules (one regex scanning everything, every mention tried) are the
definitions; the shortcuts (Aho-Corasick automata, lower-cased text, skipping mentions
with no speech verb near them) must agree with them on the seeds, on a generated
corpus and on hostile strings.
"""

from __future__ import annotations

import bisect

import pandas as pd
import pytest
from conftest import load_benchmark
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictnews import attribution, casualties, inference
from conflictnews.casualties import (
    _ACTIVE_WORDS,
    _CONTACT_WORDS,
    _INCREMENT_WORDS,
    _NOUN_OF_WORDS,
    _QUALIFIER_WORDS,
    AGES_LEFT,
    CANDIDATE,
    CONTACT_LEFT,
    EXCLUDE_LEFT,
    INCREMENT_LEFT,
    LAW_LEFT,
    NOT_A_FIGURE_LEFT,
    NOUN_OF,
    OBJECT,
    QUALIFIER,
    THING_NEXT,
    _candidates,
    _counts_things,
    _excluded_left,
    figures_in_sentence,
)
from conflictnews.corpus import WORD, count_words, load_corpus
from conflictnews.mentions import find_mentions
from conflictnews.numbers import NUMBER, NUMBER_LOWER, PLAIN_NUMBER, Number, find_numbers
from conflictnews.patterns import Folded, ascii_fold, find_matches, fold_pattern, search_at_end
from conflictnews.quotes import (
    AFTER_SUBJECT,
    BEFORE_OBJECT,
    PRONOUN,
    QUOTE_MARKS,
    SPEAKER_COLUMNS,
    quoted_speakers,
)
from conflictnews.sentences import sentence_spans

#: Pieces that make hard strings: trigger and number words in any case, the letters
#: whose case folding is irregular (ı, ſ, İ), a lone surrogate, digits and separators.
PIECES = ["killed", "KILLED", "Dead", "deadline", "toll", "wounded", "skilled", "fled",
          "one", "One", "a", "an", "a dozen", "hundred", "Thousands", "twenty-nine", "1,177",
          "ı", "ſ", "İ", "ſix", "\ud800", "é", " ", "  ", "\n", "-", ",", ".", "’", "_", "5"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("fast") / "corpus"
    load_benchmark("make_corpus").make_corpus(300, out)
    return load_corpus(out, None)


def _texts(articles, generated):
    return [*articles["text"], *generated["text"]]


def test_trigger_automaton_equals_the_trigger_regex(articles, generated):
    for text in _texts(articles, generated):
        assert _candidates(text) == [m.start() for m in CANDIDATE.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_trigger_automaton_equals_the_regex_on_hostile_strings(text):
    assert _candidates(text) == [m.start() for m in CANDIDATE.finditer(text)]


def _numbers(pattern, text):
    """Each match's span and which of the alternatives (vague, digits, words) matched."""
    return [(m.span(), tuple(g is None for g in m.groups())) for m in pattern.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_numbers_on_folded_text_equal_numbers_ignoring_case(text):
    folded = ascii_fold(text)
    if folded is not None:
        assert _numbers(NUMBER_LOWER, folded) == _numbers(NUMBER, text)
    # and each number found reads as the same text in ASCII letters reads ("ſix" as "six")
    ascii_text = text.translate(str.maketrans({"ſ": "s", "ı": "i", "İ": "I"}))
    assert [(n.start, n.end, n.value, n.high, n.vague) for n in find_numbers(text)] == [
        (n.start, n.end, n.value, n.high, n.vague) for n in find_numbers(ascii_text)]


def test_numbers_on_folded_text_equal_numbers_ignoring_case_in_the_corpus(articles,
                                                                         generated):
    for text in _texts(articles, generated):
        assert _numbers(NUMBER_LOWER, ascii_fold(text)) == _numbers(NUMBER, text)


#: Words that start like number words ("the", "for", "tend", "Mill Street") or are
#: number words in any case and spelling.
NUMBER_START_PIECES = [*PIECES, "the", "thou", "thousand", "for", "forty", "four", "FORTY",
                       "tend", "tens of thousands", "scores", "ſcores", "half", "a half",
                       "half a", "an", "a-", "a\n", "mill", "Million", "bn", "12", "1.5"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_START_PIECES), max_size=12).map(" ".join))
def test_the_number_start_test_finds_what_the_plain_pattern_finds(text):
    assert _numbers(NUMBER, text) == _numbers(PLAIN_NUMBER, text)
    folded = ascii_fold(text)
    if folded is not None:
        assert _numbers(NUMBER_LOWER, folded) == _numbers(PLAIN_NUMBER, text)


def test_the_number_start_test_finds_what_the_plain_pattern_finds_in_the_corpus(
        articles, generated):
    for text in _texts(articles, generated):
        assert _numbers(NUMBER, text) == _numbers(PLAIN_NUMBER, text)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "Kılled", "DOZENſ", "thouſand", "mİllion",
                                 "more than", "up to", "soldiers", "were", "have been"]),
                max_size=10).map(" ".join))
def test_irregular_case_letters_read_like_their_ascii_letters(text):
    # "ſ" matches "s" when case is ignored: what matched must still find its table entry,
    # and read as the same text with ASCII letters reads ("ſix killed" as "six killed")
    def read(sentence):
        return [(f["count"], f["count_high"], f["vague"], f["qualifier"], f["status"],
                 f["start"], f["end"]) for f in figures_in_sentence(sentence)]

    ascii_text = text.translate(str.maketrans({"ſ": "s", "ı": "i", "İ": "I"}))
    assert len(ascii_text) == len(text)
    assert read(text) == read(ascii_text)


def test_irregular_case_letters_give_the_ascii_figures():
    assert [(f["count"], f["status"]) for f in figures_in_sentence("ſix ſoldiers were Kılled")
            ] == [(6, "killed")]
    assert [(f["count"], f["vague"]) for f in figures_in_sentence("DOZENſ were kİlled")
            ] == [(24, True)]


def test_folding_is_refused_where_it_would_move_offsets_or_miss_letters():
    assert ascii_fold("İstanbul") is None  # lower() makes two characters of one
    assert ascii_fold("ſix killed") is None  # ſ matches s when ignoring case only
    assert ascii_fold("Killed – “Dead”") == "killed – “dead”"


def _speakers_plain(articles, mentions):
    """The speaker rules tried on every text mention: the definition."""
    rows = []
    text_mentions = mentions[mentions["field"] == "text"]
    by_doc = {}
    for doc, *m in zip(*(text_mentions[c].tolist() for c in (
            "doc_id", "start", "end", "actor", "kind", "sentence_index")), strict=True):
        by_doc.setdefault(doc, []).append(m)
    for doc, outlet, published, text in zip(articles["doc_id"], articles["outlet"],
                                            articles["published"], articles["text"],
                                            strict=True):
        found = by_doc.get(doc, [])
        spans = sentence_spans(text)
        quote, taken = {}, set()

        def add(actor, kind, verb, pattern, index, start, end, spans=spans, text=text,
                doc=doc, outlet=outlet, published=published, quote=quote):
            a, b = spans[index]
            if index not in quote:
                quote[index] = "direct" if QUOTE_MARKS.search(text, a, b) else "paraphrase"
            rows.append((doc, outlet, published, actor, kind, verb, quote[index], pattern,
                         index, start, end, text[a:b]))

        for start, end, actor, kind, index in found:
            a, b = spans[index]
            after = AFTER_SUBJECT.match(text, end, b)
            before = None if after else BEFORE_OBJECT.search(text, max(a, start - 80), start)
            if after or before:
                verb, pattern = ((after.group("verb"), "subject") if after else
                                 (before.group("verb") or "according to", "after_verb"))
                taken.add(start)
                add(actor, kind, verb, pattern, index, start, end)
        people = [(s, actor, kind) for s, _, actor, kind, _ in found if kind == "person"]
        people_starts = [p[0] for p in people]
        for index, (a, b) in enumerate(spans):
            for p in PRONOUN.finditer(text, a, b):
                before_it = bisect.bisect_left(people_starts, p.start())
                if before_it and p.start() not in taken:
                    _, actor, kind = people[before_it - 1]
                    add(actor, kind, p.group("verb"), "pronoun", index, p.start(),
                        p.end("who"))
    order = {doc: i for i, doc in enumerate(articles["doc_id"])}
    rows.sort(key=lambda r: (order[r[0]], r[9]))
    frame = pd.DataFrame(rows, columns=SPEAKER_COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"]).astype("datetime64[ns]")
    return frame


@pytest.mark.parametrize("corpus", ["articles", "generated"])
def test_speakers_equal_the_rules_tried_on_every_mention(corpus, request):
    articles = request.getfixturevalue(corpus)
    mentions = find_mentions(articles)
    fast = quoted_speakers(articles, mentions=mentions)
    plain = _speakers_plain(articles, mentions)
    assert len(fast) > 20
    pd.testing.assert_frame_equal(fast, plain)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.text(alphabet=st.one_of(st.sampled_from("a-'’_1 \n-"), st.characters())),
                max_size=5))
def test_word_counts_equal_the_word_regex(texts):
    assert count_words(texts) == [len(WORD.findall(t)) for t in texts]


def test_word_counts_equal_the_word_regex_in_the_corpus(articles, generated):
    texts = _texts(articles, generated)
    assert count_words(texts) == [len(WORD.findall(t)) for t in texts]


END_PIECES = ["more than", "well over", "over", "no fewer than", "as many as", "another",
              "a further", "killed", "claimed the lives of", "left dead", "Sept.", "Sept",
              "Septemberish", "No.", "$", "£ ", "#", "-", "–", "/", "+", "x", "9", " ",
              "   ", "\n", "ſ", "é", "OVER", "deaths", "killing", " and ", " of", "lost contact",
              "communication", " with", "has been", "prisoners of war", "June", "jan", "xJune",
              "(May", "Oct", "Éfoo", "killed "]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(END_PIECES), max_size=25).map("".join), st.data())
def test_searches_at_the_end_of_a_window_equal_the_full_search(text, data):
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    for pattern, words in ((QUALIFIER, _QUALIFIER_WORDS), (OBJECT, _ACTIVE_WORDS),
                           (INCREMENT_LEFT, _INCREMENT_WORDS), (NOUN_OF, _NOUN_OF_WORDS),
                           (CONTACT_LEFT, _CONTACT_WORDS)):
        fast, full = search_at_end(pattern, text, pos, end, words), pattern.search(text, pos, end)
        assert (fast and (fast.span(), fast.groups())) == (full and (full.span(), full.groups()))
    assert _excluded_left(text, pos, end) == bool(EXCLUDE_LEFT.search(text[pos:end]))


CLAIM_PIECES = ["said", "Said", "says", "unsaid", "saidx", "reported", "pointed out",
                "pointed  out", "pointed\nout", "The ministry", "Armenia’s Ombudsman", "X",
                ", which", ",", " ", "that ", "and ", "has ", "also ", "12", "1,2", " – ",
                "(", "“", "Şuşa", "ſ", "\ud800", ";", ":", "”", '"', " — ", " - ", "(AFP)",
                ",5", "the report", "statement"]


def _claim_matches_stop_at_the_last_verb(text):
    needed = find_matches(attribution._NEEDS, text, overlapping=True)
    end = attribution._verbs_end(text, needed)
    for pattern in attribution._ENDS_WITH_VERB:
        assert [(m.span(), m.groups()) for m in pattern.finditer(text, 0, end)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)]
    # and the claimant-before-its-verb pattern starts after the last stop before a verb
    start = attribution._before_start(text, needed)
    assert [(m.span(), m.groups()) for m in attribution._BEFORE.finditer(text, start, end)] == [
        (m.span(), m.groups()) for m in attribution._BEFORE.finditer(text)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(CLAIM_PIECES), max_size=14).map("".join))
def test_claim_searches_stop_after_the_last_claim_verb(text):
    _claim_matches_stop_at_the_last_verb(text)


def test_claim_searches_stop_after_the_last_claim_verb_in_the_corpus(articles, generated):
    for text in _texts(articles, generated):
        for a, b in sentence_spans(text):
            _claim_matches_stop_at_the_last_verb(text[a:b])


THINGS_PIECES = ["aged", "AGED", "Ages", "agency", "between", "and", "(", ")", "Article",
                 "article 120", "120.2.7", "(murder of", "two or more persons", "tanks",
                 "population of", "12", "31", " ", ", ", "ſ", "İ"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(THINGS_PIECES), max_size=14).map(" ".join))
def test_things_ages_and_laws_are_found_as_the_plain_searches_find_them(text):
    # the searches for ages and laws run only where "age" or "(" is: the same answer
    text += " 5 "
    n = Number(len(text) - 2, len(text) - 1, 5)
    before = max(0, n.start - 40)
    plain = any((THING_NEXT.match(text, n.end), NOT_A_FIGURE_LEFT.search(text, before, n.start),
                 AGES_LEFT.search(text, before, n.start),
                 LAW_LEFT.search(text, max(0, n.start - 200), n.start)))
    assert _counts_things(text, n) == plain


#: The case-insensitive patterns the casualty rules search in lower-cased text.
FOLDED = {name: p for name, p in vars(casualties).items() if isinstance(p, Folded)}
CASE_PIECES = ["Killed", "KILLING", "killed", "more THAN", "At Least", "another", "deaths",
               "Deaths and Injuries of", "Death toll", "TOLL", "rose to", "So far", "in total",
               "IN ALL", "Monday", "MONDAY", "overnight", "The same attacks", "those strikes",
               "Population of", "aged", "tanks", "Km", "%", "U.S. dollars", "Sept.", "12",
               "1,200", " ", "  ", "\n", ",", ".", ":", "(", ")", "–", "ſo far", "İn total",
               "\u212a", "ı", "é", "’", "As a Result of ", "the aggression", "IN THE SHELLING"]


def _same_matches(pattern, text, pos, end):
    for method in ("search", "match"):
        fast = getattr(pattern, method)(text, pos, end)
        plain = getattr(pattern.plain, method)(text, pos, end)
        assert (fast and (fast.span(), fast.groups(), fast.group())) == (
            plain and (plain.span(), plain.groups(), plain.group()))


def test_the_folded_patterns_are_the_casualty_rules_hot_case_insensitive_ones():
    assert {"OBJECT", "QUALIFIER", "_TOTAL", "_INCIDENT"} <= set(FOLDED)
    with pytest.raises(ValueError):  # a case-sensitive part cannot be folded
        fold_pattern(r"(?-i:[a-z])")
    assert fold_pattern(r"(?P<Trig>Sept\.)\W\S\x41") == r"(?P<Trig>sept\.)\W\S\x41"


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(CASE_PIECES), max_size=14).map("".join), st.data())
def test_folded_patterns_find_what_their_case_insensitive_patterns_find(text, data):
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    for pattern in FOLDED.values():
        _same_matches(pattern, text, pos, end)


def test_folded_patterns_find_what_their_case_insensitive_patterns_find_in_the_corpus(
        articles, generated):
    for text in _texts(articles, generated)[::3]:
        for a, b in sentence_spans(text):
            sentence = text[a:b]
            for n in find_numbers(sentence):
                for pattern in FOLDED.values():
                    _same_matches(pattern, sentence, max(0, n.start - 150), n.start)
                    _same_matches(pattern, sentence, n.end, len(sentence))


CLAUSE_PIECES = ["killed", "U.S.", "Dr.", "5.", "!", "?", ".", ". ", "! ", ",", ";", ":", "(",
                 " – ", " — ", "–", " -", " ", "\n", "x", "1,200", "“", ")"]


def _plain_clause_tail(sentence, pos):
    match = casualties.CLAUSE_END.search(sentence, pos)
    return sentence[pos : match.start() if match else len(sentence)]


def _plain_clause(sentence, start, end):
    floor = max(0, start - casualties.CLAUSE_WINDOW)
    before = [floor, *(m.end() for m in casualties.CLAUSE_END.finditer(sentence, floor, start))]
    after = casualties.CLAUSE_END.search(sentence, end)
    return sentence[before[-1] : after.start() if after else len(sentence)]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(CLAUSE_PIECES), max_size=30).map("".join), st.data())
def test_clauses_read_from_the_sentence_s_clause_ends_equal_the_searches(text, data):
    # a figure's clause and tails come from one scan of its sentence: the same text as
    # the searches from the figure (a stop right before it ends the searched text)
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    assert casualties._clause_tail(text, pos) == _plain_clause_tail(text, pos)
    assert casualties._clause(text, pos, end) == _plain_clause(text, pos, end)


def test_clauses_read_from_the_sentence_s_clause_ends_equal_the_searches_in_the_corpus(
        articles, generated):
    for text in _texts(articles, generated)[:150]:
        for a, b in sentence_spans(text):
            sentence = text[a:b]
            for pos in range(0, len(sentence) + 1, 7):
                assert casualties._clause_tail(sentence, pos) == _plain_clause_tail(sentence, pos)
                assert casualties._clause(sentence, pos, pos + 3) == _plain_clause(
                    sentence, pos, pos + 3)


AMONG_PIECES = ["among", "Among", "AMONG", "the dead", "killed", "victims", "civilians",
                "Civilians", "children", "were", "are", "at least", "10", ",", ".", ";", " ",
                "  ", "\n", "ſ", "ı", "İ", "\u212a", "é", "kill", "Shelling", "wounded",
                "Injured", "bodies"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(AMONG_PIECES), max_size=16).map(" ".join), st.data())
def test_lower_case_copies_of_article_patterns_find_what_the_patterns_find(text, data):
    # "civilians among the dead" around each "among", and whether a sentence speaks of
    # losses or attacks, read in the lower-cased text: the same as the plain patterns
    plain = [(m.span(), m.group(), m.group("toll"), m.group("toll2"))
             for m in inference.CIVILIANS_AMONG.finditer(text)]
    assert [(m.span(), m.group(), m.group("toll"), m.group("toll2"))
            for m in inference._among_matches(text)] == plain
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    named = attribution.ArticleClaimants(text, [(0, len(text))])
    for low, full in ((attribution._LOSS_WORD_LOW, attribution._LOSS_WORD),
                      (attribution._ATTACK_OR_LOSS_LOW, attribution._ATTACK_OR_LOSS)):
        assert named._has_word(low, full, a, b) == (full.search(text, a, b) is not None)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "\u212a", "\u212aILLED", "é", "–", "Şuşa"]),
                max_size=12).map("".join))
def test_trigger_bytes_automaton_equals_the_regex_with_any_letters(text):
    # triggers are found in ASCII bytes (other characters as "?"), or in the text
    # lower-cased where the Kelvin sign is (it lower-cases to "k")
    assert _candidates(text) == [m.start() for m in CANDIDATE.finditer(text)]
