"""Batch reports: every notebook runs under papermill, HTML works offline, nothing lost."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT

from conflictnews.outputs import locked
from conflictnews.reports import (
    ReportConfigError,
    ReportsLocked,
    load_config,
    notebook_parameters,
    run_reports,
)

NB = ROOT / "notebooks"
NOTEBOOKS = sorted(NB.glob("*.ipynb"))


def html_of(run, name):
    return (run["out"] / f"{name}.html").read_text(encoding="utf-8")


def test_four_numbered_notebooks_with_documented_parameters():
    assert [p.name for p in NOTEBOOKS] == [
        "01-corpus-overview.ipynb", "02-casualties-over-time.ipynb",
        "03-actor-mentions.ipynb", "04-reading-the-coverage.ipynb"]
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text())
        tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, path.name
        lines = [line for line in "".join(tagged[0]["source"]).splitlines() if line.strip()]
        assert all(re.match(r"^\w+: \w+ = .+  # \S", line) for line in lines), path.name
        # papermill documents every one of them (no line it cannot parse)
        assert len(notebook_parameters(path)) == len(lines), path.name
        text = json.dumps(nb)
        for forbidden in ("!pip", "sys.path.append", "filterwarnings"):
            assert forbidden not in text, (path.name, forbidden)
        markdown = " ".join("".join(c["source"]) for c in nb["cells"]
                            if c["cell_type"] == "markdown")
        assert "## Caveats" in markdown and "## Exercises" in markdown, path.name
        assert nb["cells"][0]["source"][0].startswith("# "), path.name


def test_every_notebook_runs_with_default_and_other_parameters(report_run):
    results = report_run["results"]
    failed = {n: r.error for n, r in results.items() if r.status != "ok"}
    assert failed == {"missing-corpus": failed.get("missing-corpus")}, failed
    assert "corpus not found" in failed["missing-corpus"]
    used = {report_run["config"]["reports"][n]["notebook"] for n in results
            if results[n].status == "ok"}
    assert used == {p.name for p in NOTEBOOKS}


def test_source_notebooks_are_never_modified(report_run):
    assert {p.name: p.read_bytes() for p in NB.glob("*.ipynb")} == report_run["sources"]


def test_html_is_offline_with_plotly_embedded_once(report_run):
    for name, result in report_run["results"].items():
        if result.status != "ok":
            continue
        page = html_of(report_run, name)
        assert not re.search(r"<script[^>]*\bsrc=\"https?:", page), name
        assert not re.search(r"<link[^>]*\bhref=\"https?:", page), name
        static = report_run["config"]["reports"][name].get("parameters", {}).get(
            "interactive") is False
        if static:
            assert "window.PlotlyConfig" not in page, name
            assert "data:image/png;base64" in page, name
        else:
            assert page.count("window.PlotlyConfig") == 1, name
            assert page.count("Plotly.newPlot") >= 1, name
            assert len(page) < 8_000_000, (name, len(page))  # one bundle is ~4.7 MB


def test_code_is_hidden_and_notes_are_shown(report_run):
    page = html_of(report_run, "corpus-overview")
    assert "everything, articles, notes = load_selection" not in page
    assert "What is in the corpus?" in page
    bad = html_of(report_run, "actors-bad-choices")
    assert "&#x27;Putn&#x27; is not a known actor on the list; did you mean: Vladimir Putin" \
        in bad or "'Putn' is not a known actor" in bad
    assert "no article matches this selection" in bad
    assert "Traceback" not in bad


def test_article_text_is_escaped(report_run):
    page = html_of(report_run, "hostile-corpus")
    assert "&lt;script&gt;document.title=" in page  # shown as text
    assert "<script>document.title" not in page  # never as a tag
    assert "<img src=x onerror" not in page and "<img src=\"x\"" not in page


def test_index_lists_every_report_with_status_and_error(report_run):
    index = (report_run["out"] / "index.html").read_text()
    for name in report_run["results"]:
        assert f"{name} · " in index
    assert "corpus not found" in index and "failed" in index
    status = json.loads((report_run["out"] / "status.json").read_text())
    assert set(status) == set(report_run["results"])


def test_rerun_only_replaces_what_it_ran(report_run, tmp_path):
    out = report_run["out"]
    before = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html") if p.name != "index.html"}
    config = tmp_path / "only.yml"
    config.write_text(yaml.safe_dump({"reports": {
        name: report_run["config"]["reports"][name] | {
            "notebook": str(NB / report_run["config"]["reports"][name]["notebook"])}
        for name in report_run["results"]}, "defaults": report_run["config"]["defaults"]}))
    with pytest.raises(ReportConfigError, match="no report named nope"):
        run_reports(config, out, only=["nope"])
    results = run_reports(config, out, only=["reading-the-coverage"], show_code=True)
    assert [r.status for r in results] == ["ok"]
    after = {p.name: p.stat().st_mtime_ns for p in out.glob("*.html") if p.name != "index.html"}
    changed = {n for n in before if before[n] != after[n]}
    assert changed == {"reading-the-coverage.html"}
    assert "jp-InputArea-editor\"" in html_of(report_run, "reading-the-coverage")  # code
    assert "jp-InputArea-editor\"" not in html_of(report_run, "actors")
    status = json.loads((out / "status.json").read_text())
    assert set(status) == set(report_run["results"])


def test_a_second_run_on_the_same_folder_is_refused(tmp_path):
    with locked(tmp_path / ".lock", "held by the test"), \
            pytest.raises(ReportsLocked, match="another 'conflictnews reports'"):
        run_reports(NB / "reports.yml", tmp_path)


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"top_m": 3}, r"report 'x': unknown parameter 'top_m' for 03-actor-mentions.ipynb"),
        ({"top_n": "3"}, r"parameter 'top_n' must be int, got str '3'"),
        ({"demonyms": "no"}, r"parameter 'demonyms' must be bool"),
        ({"actors": "Putin"}, r"parameter 'actors' must be list"),
        ({"top_n": True}, r"parameter 'top_n' must be int, got bool"),
    ],
)
def test_bad_parameters_are_refused_before_running(tmp_path, parameters, message):
    config = tmp_path / "r.yml"
    config.write_text(yaml.safe_dump({"reports": {"x": {
        "notebook": str(NB / "03-actor-mentions.ipynb"), "parameters": parameters}}}))
    with pytest.raises(ReportConfigError, match=message):
        load_config(config)


def test_cli_reports_errors_are_one_line(tmp_path):
    config = tmp_path / "r.yml"
    config.write_text("reports: [\n")
    run = subprocess.run([sys.executable, "-m", "conflictnews", "reports", "--config",
                          str(config), "--out", str(tmp_path / "o")], capture_output=True,
                         text=True)
    assert run.returncode == 2
    assert run.stderr.startswith("conflictnews: error: ") and "Traceback" not in run.stderr


def test_reports_run_on_a_users_own_corpus(tmp_path, capsys):
    """`conflictnews reports --corpus FILE` points every report at a user's table."""
    from conflictnews.cli import main

    mine = tmp_path / "mine.jsonl"
    mine.write_text('{"title": "Truce talks", "text": "Twelve soldiers were killed, the '
                    'ministry said.", "date": "2020-10-02", "source": "My Outlet"}\n')
    code = main(["reports", "--corpus", str(mine), "--only", "corpus-overview",
                 "--out", str(tmp_path / "out")])
    assert code == 0, capsys.readouterr()
    page = (tmp_path / "out" / "corpus-overview.html").read_text()
    assert "My Outlet" in page and "Truce talks" in page
    assert json.loads((tmp_path / "out" / "status.json").read_text())["corpus-overview"][
        "parameters"]["corpus"] == str(mine)
