"""Hostile input, failures mid-run, and proof that nothing is lost."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml
from conftest import METADATA, ROOT, SEEDS, load_benchmark
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictnews.casualties import FIGURE_COLUMNS, extract_casualties, figures_in_sentence
from conflictnews.cli import main
from conflictnews.corpus import read_corpus
from conflictnews.extract import run_extract
from conflictnews.mentions import matcher
from conflictnews.outputs import Busy, locked
from conflictnews.reports import run_reports
from conflictnews.sentences import sentence_spans

# --- any text in: no crash, no hang ----------------------------------------------------

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=3000)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_string_stages_take_any_unicode(text):
    start = time.perf_counter()
    spans = sentence_spans(text)
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(isinstance(f["count"], int) for f in figures_in_sentence(text[:3000]))
    found = matcher(str(ROOT / "data" / "actors.yml")).find(text, dt.date(2020, 10, 12))
    assert all(0 <= a < b <= len(text) for a, b, *_ in found)
    assert time.perf_counter() - start < 5


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".csv", ".jsonl", ".parquet"]))
def test_the_loader_takes_any_bytes(tmp_path, data, suffix):
    path = tmp_path / f"any{suffix}"
    path.write_bytes(data)
    got = read_corpus(path, None)
    assert set(got.problems.columns) == {"file", "line", "problem", "severity"}
    assert got.articles["doc_id"].is_unique
    path.unlink()


@pytest.mark.parametrize("text", [
    "word " * 200_000,                      # a 1 MB single line
    "7" * 10_000,                           # 10,000 digits in a row
    "killed " * 150_000,                    # a trigger repeated
    "5 killed, " * 50_000,                  # figures without end
    " " * 1_000_000 + "All rights reserved",  # a licence search over a megabyte
    "“" * 100_000 + "Putin said. " * 10_000,
])
def test_pathological_articles_finish_in_time(text):
    articles = pd.DataFrame({"doc_id": ["x"], "source_file": ["x.txt"], "position": [0],
                             "published": [pd.Timestamp("2020-10-12")], "outlet": ["o"],
                             "text": [text], "caption": [""], "n_words": [1]})
    start = time.perf_counter()
    figures = extract_casualties(articles)
    assert list(figures.columns) == FIGURE_COLUMNS
    assert time.perf_counter() - start < 10 + 60 * len(text) / 1e6  # linear, generous


def test_robustness_run_small_form():
    bench = load_benchmark("robustness")
    categories = bench.run(small=True)
    print(bench.report(categories))
    assert all(c.ok for c in categories), bench.report(categories)


# --- bad files -------------------------------------------------------------------------

def test_truncated_utf8_is_kept_with_a_note(tmp_path):
    text = "Talks in Baku – day one\n\nSoldiers were killed é"
    (tmp_path / "cut.txt").write_bytes(text.encode()[:-1])
    got = read_corpus(tmp_path, None)
    assert got.articles["encoding"].tolist() == ["utf-8 (truncated)"]
    assert got.problems["line"].tolist() == [3]
    assert "cut off" in got.problems["problem"].item()


def test_an_unreadable_file_is_reported_and_the_rest_loads(tmp_path, monkeypatch):
    for p in SEEDS.glob("*.txt"):
        (tmp_path / p.name).write_bytes(p.read_bytes())
    (tmp_path / "secret.txt").write_text("hidden")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":  # root reads anything: simulate chmod 000
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    got = read_corpus(tmp_path, METADATA)
    assert len(got.articles) == 11
    assert got.problems["problem"].tolist() == ["cannot read file: Permission denied"]


def test_950_good_files_and_50_bad_ones(tmp_path):
    import random

    bench = load_benchmark("robustness")
    bench.bad_corpus(tmp_path / "c", 950, 50, random.Random(1))
    got = read_corpus(tmp_path / "c", None)
    assert len(got.articles) == 950
    bad = {f for f in got.problems["file"] if f.startswith("bad_")}
    assert len(bad) == 50
    assert main(["extract", str(tmp_path / "c"), "--metadata", "none", "--out",
                 str(tmp_path / "x"), "--strict"]) == 2
    assert not (tmp_path / "x").exists()


# --- failures mid-run lose nothing -----------------------------------------------------

KILLER = '''
kill: bool = False  # kill this notebook's own kernel halfway
title: str = "kernel test"  # shown in the output
'''


def test_a_killed_kernel_fails_one_report_and_keeps_its_last_good_html(tmp_path):
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell(KILLER.strip())
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# Kernel test"), params,
                nbformat.v4.new_code_cell("import os, signal\nprint(title)\n"
                                          "if kill:\n    os.kill(os.getpid(), signal.SIGKILL)")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, tmp_path / "k.ipynb")

    def config(kill):
        path = tmp_path / "reports.yml"
        path.write_text(yaml.safe_dump({"reports": {
            "victim": {"notebook": "k.ipynb", "parameters": {"kill": kill}},
            "bystander": {"notebook": "k.ipynb", "parameters": {"title": "still here"}}}}))
        return path

    out = tmp_path / "out"
    assert [r.status for r in run_reports(config(False), out, jobs=2)] == ["ok", "ok"]
    good = (out / "victim.html").read_bytes()
    results = {r.name: r for r in run_reports(config(True), out, jobs=2)}
    assert results["victim"].status == "failed"
    assert "kernel died" in results["victim"].error.lower() or "dead" in \
        results["victim"].error.lower(), results["victim"].error
    assert results["bystander"].status == "ok"
    assert (out / "victim.html").read_bytes() == good  # the last good report stays
    assert "the link shows the last good run" in (out / "index.html").read_text()
    repaired = run_reports(config(False), out, only=["victim"])
    assert [r.status for r in repaired] == ["ok"]
    assert json.loads((out / "status.json").read_text())["victim"]["status"] == "ok"


def test_parameters_are_data_never_code(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "reports.yml"
    path.write_text(yaml.safe_dump({"reports": {"r": {
        "notebook": str(ROOT / "notebooks" / "01-corpus-overview.ipynb"),
        "parameters": {"metadata": f"__import__('os').system('touch {marker}')",
                       "sample_doc": "'; import os; os.system('touch x') #"}}}}))
    results = run_reports(path, tmp_path / "out")
    assert results[0].status == "ok"
    assert not marker.exists()


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_extract_leaves_the_previous_folder_whole(tmp_path, sig):
    bench = load_benchmark("make_corpus")
    corpus = bench.make_corpus(800, tmp_path / "corpus")
    out = tmp_path / "x"
    run_extract(SEEDS, out, METADATA)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    proc = subprocess.Popen([sys.executable, "-m", "conflictnews", "extract", str(corpus),
                             "--metadata", "none", "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline and not list(tmp_path.glob(".x.*.tmp/articles/part-*")):
        time.sleep(0.05)  # until the new extract has written a part
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "earlier outputs were left as they were" in err
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".x.lock", "corpus", "x"]


def test_two_extracts_on_one_folder_the_second_is_refused(tmp_path, capsys):
    out = tmp_path / "x"
    with locked(tmp_path / ".x.lock", "held"):
        with pytest.raises(Busy, match="another 'conflictnews extract' is writing here"):
            run_extract(SEEDS, out, METADATA)
        assert main(["extract", str(SEEDS), "--out", str(out)]) == 2
    assert "another 'conflictnews extract'" in capsys.readouterr().err


def test_errors_are_one_line_and_debug_shows_the_traceback(tmp_path, capsys):
    broken = tmp_path / "actors.yml"
    broken.write_text("actors:\n  - {name: X, kind: person, aliases: [X], roles: [{title: "
                      "Martian President, from: 2020-01-01}]}\n")
    args = ["extract", str(SEEDS), "--out", str(tmp_path / "x"), "--actors", str(broken)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "entry 1 (X), role 1: title 'Martian President' must start with a state" in err
    assert main(["--debug", *args]) == 2
    assert "Traceback" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["actors.yml"]  # nothing written
