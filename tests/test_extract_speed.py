"""The shortcuts that make the whole extract cheaper give what the plain code gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conflictnews.actor_list import ActorListError, load_actors
from conflictnews.mentions import matcher
from conflictnews.problems import parse_yaml
from conflictnews.readers.nexis import END, is_export

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", ["data/actors.yml", "data/profile.yml",
                                  "notebooks/reports.yml"])
def test_the_fast_yaml_parser_reads_our_files_as_the_python_one_does(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    assert parse_yaml(text, Path(name), ValueError) == yaml.safe_load(text)


def test_a_yaml_error_keeps_the_python_parsers_message(tmp_path):
    bad = tmp_path / "actors.yml"
    bad.write_text("actors:\n  - name: X\n    aliases: [X\n  - kind: : state\n")
    with pytest.raises(ActorListError) as caught:
        load_actors(bad)
    message = str(caught.value)
    assert message.startswith(f"{bad}: not valid YAML: while parsing a flow sequence")
    assert "expected ',' or ']', but got ':'" in message  # PyYAML's wording, not libyaml's
    assert "aliases: [X" in message  # the line it points at


def test_an_actor_list_read_by_two_paths_is_one_list_with_each_source(tmp_path,
                                                                     monkeypatch):
    monkeypatch.chdir(ROOT)
    relative = load_actors("data/actors.yml")
    absolute = load_actors(ROOT / "data" / "actors.yml")
    assert relative.source == "data/actors.yml"
    assert absolute.source == str(ROOT / "data" / "actors.yml")
    assert relative.actors == absolute.actors and relative.not_actors == absolute.not_actors
    assert matcher(relative) is matcher(absolute)  # built once


def test_an_edited_actor_list_is_read_again(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("actors:\n  - {name: Armenia, kind: state, aliases: [Armenia]}\n")
    assert load_actors(path).names == ["Armenia"]
    path.write_text("actors:\n  - {name: Georgia, kind: state, aliases: [Georgia]}\n")
    assert load_actors(path).names == ["Georgia"]  # the same size, another list
    path.write_text("actors:\n  - {name: Georgia, kind: planet, aliases: [Georgia]}\n")
    with pytest.raises(ActorListError, match="kind 'planet'"):
        load_actors(path)


@pytest.mark.parametrize("text", [
    "Story\n\nEnd of Document\n", "  End of Document  \nMore", "Body\nText",
    "Length: 300 words\nBody\nText", "Length: 300 words\n  Body \nText",
    "An End of Document in a sentence.", "Nobody\n", "Length: 3 words\nBody text",
    "", "End of document\n",
])
def test_the_export_test_with_its_word_check_equals_the_patterns(text):
    import re

    plain = bool(END.search(text)) or bool(
        (body := re.compile(r"^[ \t]*Body[ \t]*$", re.MULTILINE).search(text))
        and re.search(r"^[ \t]*Length:\s*\d+\s+words", text[:body.start()],
                      re.MULTILINE | re.IGNORECASE))
    assert is_export(text) == plain


@pytest.mark.parametrize("values", [[], ["Azerbaijan", "Armenia", "Azerbaijan"],
                                    ["", "Şuşa", "‘quoted’", "x" * 1000]])
def test_text_arrays_equal_pandas_str_arrays(values):
    import pandas as pd

    from conflictnews.tables import text_array

    fast, plain = text_array(values), pd.array(values, dtype="str")
    assert fast.dtype == plain.dtype
    pd.testing.assert_extension_array_equal(fast, plain)


def test_word_counts_by_positions_on_joined_and_hyphenated_words():
    from conflictnews.corpus import WORD, count_words

    texts = ["Nagorno-Karabakh’s war", "", "-a- b--c 'd' e’f", "x", "\n\nword\n", "a-b-c"]
    assert count_words(texts) == [len(WORD.findall(t)) for t in texts] == [2, 0, 5, 1, 1, 1]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "One line", "  Lead line  \nnext\n",
                                  "Head\n\n Lead \t\n\n", "a\n", "\n \n x y \n", "x\n \t",
                                  " \u00a0Lead\u2028more\nnext"])
@pytest.mark.parametrize("start", [0, 1, 4])
def test_first_line_equals_strip_and_split(text, start):
    from conflictnews.corpus import first_line

    assert first_line(text, start) == text[start:].strip().split("\n", 1)[0]


def _paragraphs_plain(raw):
    """paragraphs() as it was written first: each piece's blank lead copied and counted."""
    import re

    out, line, pos = [], 1, 0
    for brk in [*re.finditer(r"\n[ \t\u00a0]*\n", raw), None]:
        end = brk.start() if brk else len(raw)
        piece = raw[pos:end]
        if piece.strip():
            lead = piece[: len(piece) - len(piece.lstrip())]
            out.append((line + lead.count("\n"), piece.strip()))
        line += piece.count("\n")
        if brk:
            line += brk.group().count("\n")
            pos = brk.end()
    return out


def test_paragraphs_and_their_line_numbers_equal_the_plain_reading(tmp_path):
    import sys

    from conflictnews.articles import paragraphs

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_corpus import make_corpus

    make_corpus(200, tmp_path)
    files = [*sorted(tmp_path.glob("*.txt")), *sorted((ROOT / "seeds").glob("*.txt"))]
    raws = ["", "\n", "a", "\n\n\na\n \n\n b\n\t\n\u00a0\nc \n", " \n x\ny\n\n\n\n z ",
            *(f.read_text(encoding="utf-8") for f in files)]
    assert len(raws) > 10
    for raw in raws:
        assert paragraphs(raw) == _paragraphs_plain(raw)


def test_nltk_is_imported_only_when_punkt_is_needed():
    import subprocess
    import sys

    code = ("import sys\nfrom conflictnews.corpus import load_corpus\n"
            "from conflictnews.sentences import split_sentences\n"
            "assert 'nltk' not in sys.modules\n"
            "assert split_sentences('One. Two.') == ['One.', 'Two.']\n"
            "assert 'nltk' not in sys.modules  # the fast path decided every break\n"
            "text = 'Wait... what?! Yes.'\n"
            "got = split_sentences(text)\n"
            "assert 'nltk' in sys.modules  # an ellipsis is Punkt's to read\n"
            "from conflictnews.sentences import punkt_spans\n"
            "assert got == [text[a:b] for a, b in punkt_spans(text)]\n")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
