"""Batch reports: every notebook runs under papermill, HTML works offline, nothing lost."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pandas as pd
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
    assert "selection = open_selection(" not in page
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


# --- any corpus, one extract per batch, hygiene ---------------------------------------

def _jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


WAR = ("Azerbaijan said 12 of its soldiers have been killed since the fighting began. "
       "Armenia's defence ministry said 30 servicemen died near Shusha. Vladimir Putin "
       "called Ilham Aliyev and Nikol Pashinyan.")
TALKS = ("Sergei Lavrov met Jeyhun Bayramov and Ararat Mirzoyan in Moscow. Russia and Iran "
         "discussed trade corridors, the foreign ministers said.")
FLOOD = ("Rescuers said 7 people were killed when the river burst its banks. The mayor "
         "told reporters 40 homes were flooded, and 3 villagers are missing.")


@pytest.fixture(scope="module")
def odd_corpora(tmp_path_factory):
    """Small corpora of the kinds a user brings: undated, one outlet, no casualty
    figure, no known actor (sentences written for these tests)."""
    base = tmp_path_factory.mktemp("odd")
    corpora = {
        "undated": [{"title": f"Report {i}", "text": WAR, "source": s}
                    for i, s in enumerate(["Daily A", "Daily B", "Daily A"])],
        "one-outlet": [{"title": f"Day {i}", "text": WAR, "date": f"2020-10-0{i + 1}",
                        "source": "Only Outlet"} for i in range(3)],
        "no-figures": [{"title": f"Talks {i}", "text": TALKS, "date": f"2021-0{i + 1}-15",
                        "source": s} for i, s in enumerate(["TASS", "IRNA", "Reuters"])],
        "no-actors": [{"title": f"Flood {i}", "text": FLOOD, "date": f"2022-05-0{i + 1}",
                       "source": s} for i, s in enumerate(["Local A", "Local B", "Local A"])],
    }
    paths = {name: _jsonl(base / f"{name}.jsonl", rows) for name, rows in corpora.items()}
    reports = {}
    for name, path in paths.items():
        for nb in NOTEBOOKS:
            reports[f"{name}-{nb.name[:2]}"] = {"notebook": nb.name, "parameters": {
                "corpus": str(path), "metadata": "", "cache_dir": str(base / "cache")}}
    reports["one-outlet-02-log"] = {"notebook": "02-casualties-over-time.ipynb", "parameters": {
        "corpus": str(paths["one-outlet"]), "metadata": "", "log_scale": True,
        "compare_by": "country", "cache_dir": str(base / "cache")}}
    config = NB / f".test-odd-{base.name}.yml"
    config.write_text(yaml.safe_dump({"reports": reports}))
    out = base / "out"
    old = os.umask(0o022)
    try:
        results = run_reports(config, out, jobs=2)
    finally:
        os.umask(old)
        config.unlink()
    return {"out": out, "results": {r.name: r for r in results}, "base": base}


def test_every_notebook_runs_on_any_corpus(odd_corpora):
    failed = {n: r.error for n, r in odd_corpora["results"].items() if r.status != "ok"}
    assert failed == {}
    assert len(odd_corpora["results"]) == 17


def test_sections_that_need_something_say_so(odd_corpora):
    def page(name):
        return (odd_corpora["out"] / f"{name}.html").read_text(encoding="utf-8")

    assert "This section needs dates" in page("undated-01")
    assert "3 of 3 articles have no date" in page("undated-01")
    assert "This section needs dates" in page("undated-03")
    assert "cannot be placed in time" in page("undated-02")
    assert "No running total in this selection" in page("no-figures-02")
    assert "No actor on the list is named" in page("no-actors-03")
    assert "Nobody on the list is quoted" in page("no-actors-03")
    # its three articles carry one text: outlet comparisons count that story once
    assert "Only Outlet wrote 1 of the 1 articles" in page("one-outlet-01")
    assert "(log scale)" in page("one-outlet-02-log")


def test_one_extract_per_corpus_and_batch(odd_corpora):
    status = json.loads((odd_corpora["out"] / "status.json").read_text())
    dirs = {}
    for name, row in status.items():
        dirs.setdefault(name.rsplit("-", 1)[0].removesuffix("-02"), set()).add(
            row["parameters"]["extract_dir"])
    assert {k: len(v) for k, v in dirs.items()} == {
        "undated": 1, "one-outlet": 1, "no-figures": 1, "no-actors": 1}
    extracts = [p for p in (odd_corpora["base"] / "cache").iterdir() if p.is_dir()]
    assert len(extracts) == 4


def test_outputs_have_ordinary_file_modes(odd_corpora):
    out = odd_corpora["out"]
    files = [*out.glob("*.html"), *out.glob("*.ipynb"), *out.glob("*-tables/*")]
    assert files
    assert {oct(p.stat().st_mode & 0o777) for p in files} == {"0o644"}
    extract = next(p for p in (odd_corpora["base"] / "cache").iterdir() if p.is_dir())
    modes = {oct(p.stat().st_mode & 0o777) for p in extract.rglob("*")}
    assert modes <= {"0o644", "0o755"} and "0o644" in modes


def test_full_tables_are_written_beside_the_report_and_linked(odd_corpora):
    out = odd_corpora["out"]
    page = (out / "undated-02.html").read_text(encoding="utf-8")
    assert 'href="undated-02-tables/figures.csv"' in page
    figures = pd.read_csv(out / "undated-02-tables" / "figures.csv")
    # the three articles carry one text: two copies of the first, counted once (issue 14),
    # so the table holds that story's two figures
    assert len(figures) == 2 and set(figures["count"]) == {12, 30}


def test_tables_show_the_first_rows_and_link_the_rest(tmp_path):
    from conflictnews.charts import Tables

    frame = pd.DataFrame({"n": range(100)})
    html = Tables(str(tmp_path / "r-tables"), rows=5).show(frame, "Numbers", "numbers")
    assert "The first 5 of 100 rows" in html and "<td>4</td>" in html
    assert "<td>5</td>" not in html
    assert pd.read_csv(tmp_path / "r-tables" / "numbers.csv")["n"].tolist() == list(range(100))
    assert "href" not in Tables("").show(frame, "Numbers", "numbers")


def test_own_corpus_runs_drop_the_seed_sets_date_filter(tmp_path, capsys):
    from conflictnews.cli import main

    mine = _jsonl(tmp_path / "mine.jsonl", [
        {"title": "Later", "text": WAR, "date": "2023-09-20", "source": "My Outlet"}])
    code = main(["reports", "--corpus", str(mine), "--only", "casualties-2020-war",
                 "--out", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 0, captured
    status = json.loads((tmp_path / "out" / "status.json").read_text())
    assert "start" not in status["casualties-2020-war"]["parameters"]
    index = (tmp_path / "out" / "index.html").read_text()
    assert "start = &#x27;2020-09-27&#x27; of reports.yml is left out for --corpus" in index
    page = (tmp_path / "out" / "casualties-2020-war.html").read_text()
    assert "1 of 1 articles selected" in page


def test_no_kernel_warning_in_a_normal_run(tmp_path):
    mine = _jsonl(tmp_path / "mine.jsonl", [
        {"title": "Talks", "text": TALKS, "date": "2021-01-15", "source": "TASS"}])
    run = subprocess.run([sys.executable, "-m", "conflictnews", "reports", "--corpus",
                          str(mine), "--only", "corpus-overview", "actors", "--jobs", "2",
                          "--out", str(tmp_path / "out")], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "without encryption" not in run.stderr + run.stdout
    assert "WARNING" not in run.stderr


def test_a_hostile_article_is_capped_with_a_note(tmp_path):
    """1.8 MB of "killed 1 ": seconds and a few hundred MB, not minutes and gigabytes."""
    import time

    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "evil.txt").write_text("killed 1 " * 200_000)
    started = time.perf_counter()
    with open(tmp_path / "out.txt", "w+") as out:
        proc = subprocess.Popen([sys.executable, "-m", "conflictnews", "extract", str(corpus),
                                 "--metadata", "none", "--out", str(tmp_path / "x")],
                                stdout=out, stderr=subprocess.STDOUT, text=True)
        # this process's own peak (RUSAGE_CHILDREN would be the largest of every
        # child the test session has waited for, e.g. a report worker)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read()
    seconds = time.perf_counter() - started
    peak_mb = usage.ru_maxrss / 1024
    assert proc.returncode == 0, output
    assert seconds <= 30 and peak_mb <= 600, (seconds, peak_mb)
    assert "evil.txt: article evil#0 has 1,799,999 characters: casualty figures were read " \
        "in its first" in output
    figures = pd.read_parquet(tmp_path / "x" / "casualties")
    assert 10_000 < len(figures) < 200_000


def test_open_selection_says_what_a_date_range_leaves_out(tmp_path):
    from conflictnews.extract import run_extract
    from conflictnews.selection import open_selection

    mine = _jsonl(tmp_path / "mine.jsonl", [
        {"title": "A", "text": WAR, "date": "2020-10-02", "source": "Reuters"},
        {"title": "B", "text": WAR, "date": "2021-10-02", "source": "TASS"},
        {"title": "C", "text": WAR, "source": "IRNA"}])
    run_extract(mine, tmp_path / "x", None)
    chosen = open_selection(extract_dir=str(tmp_path / "x"), start="2020-09-27",
                            end="2020-11-30", compare_by="country",
                            outlets_file=str(ROOT / "data" / "outlets.csv"))
    assert chosen.articles["outlet"].tolist() == ["Reuters"]
    assert "the date range 2020-09-27 to 2020-11-30 leaves out 2 of 3 articles (1 of them " \
        "undated)" in chosen.notes
    assert chosen.everything["group"].tolist() == ["United Kingdom", "Russia", "Iran"]
    assert set(chosen.table("casualties")["doc_id"]) == set(chosen.articles["doc_id"])
    assert not chosen.whole


def test_copies_are_left_out_unless_asked_for(tmp_path):
    from conflictnews.extract import run_extract
    from conflictnews.selection import drop_copies, open_selection

    mine = _jsonl(tmp_path / "mine.jsonl", [
        {"title": "A", "text": WAR, "date": "2020-10-02", "source": "Reuters"},
        {"title": "A", "text": WAR, "date": "2020-10-02", "source": "Daily Copy"}])
    run_extract(mine, tmp_path / "x", None)
    part = next((tmp_path / "x" / "articles").glob("*.parquet"))
    table = pd.read_parquet(part)
    table["duplicate_of"] = ["", table["doc_id"].iloc[0]]  # what copy detection writes
    table.to_parquet(part, index=False)
    alone = open_selection(extract_dir=str(tmp_path / "x"))
    assert alone.articles["outlet"].tolist() == ["Reuters"]
    assert any("1 copies of other articles" in n for n in alone.notes)
    assert len(alone.table("casualties")) == 2  # the copy's two figures are not counted
    both = open_selection(extract_dir=str(tmp_path / "x"), include_copies=True)
    assert len(both.articles) == 2 and len(both.table("casualties")) == 4
    assert len(drop_copies(table)) == 1 and len(drop_copies(table, True)) == 2


def test_charts_bin_time_lump_the_tail_and_cap_lines_per_panel():
    from conflictnews import charts

    days = pd.Series(pd.to_datetime(["2020-09-27", "2020-11-10"]))
    assert charts.time_unit(days)[1] == "day"
    assert charts.time_unit(pd.Series(pd.to_datetime(["2020-01-01", "2021-06-01"])))[1] == \
        "week"
    assert charts.time_unit(pd.Series(pd.to_datetime(["2014-02-22", "2020-09-28"])))[1] == \
        "month"
    counts = pd.DataFrame({"outlet": list("abcdef"), "n": [9, 8, 7, 1, 1, 1]})
    lumped = charts.top_other(counts, "outlet", "n", 3)
    assert dict(zip(lumped["outlet"], lumped["n"], strict=True)) == {
        "a": 9, "b": 8, "c": 7, "other": 3}
    rows = [{"series": f"C{i} · military · armenian · killed", "claimant_group": f"C{i}",
             "population": "military", "side": "armenian", "status": "killed",
             "published": pd.Timestamp("2020-10-01") + pd.Timedelta(days=d), "kind": "total",
             "count": 10 + d, "label": str(10 + d), "flag": "", "note": "", "doc_ids": "x"}
            for i in range(12) for d in range(i % 3 + 1)]
    fig, notes = charts.casualty_panels(pd.DataFrame(rows), log=True)
    lines = [t for t in fig.data if t.mode == "lines+markers"]
    assert len(lines) == 8 and fig.layout.yaxis.type == "log"
    assert notes and "4 more series with fewer reports are not drawn" in notes[0]


def test_corpus_tables_keep_ten_articles_per_point(tmp_path):
    """A figure repeated in many articles keeps its first ten doc ids in the notebook;
    the extract's own table keeps them all."""
    from conflictnews.extract import run_extract
    from conflictnews.selection import open_selection

    mine = _jsonl(tmp_path / "mine.jsonl", [
        {"title": f"Copy {i}", "text": WAR, "date": "2020-10-02", "source": "Reuters"}
        for i in range(12)])
    run_extract(mine, tmp_path / "x", None)
    full = pd.read_parquet(tmp_path / "x" / "casualty_series.parquet")
    shown = open_selection(extract_dir=str(tmp_path / "x")).corpus_table("casualty_series")
    assert full["doc_ids"].str.split().str.len().tolist() == [12]
    assert [ids.split()[:10] for ids in shown["doc_ids"]] == \
        [ids.split()[:10] for ids in full["doc_ids"]]
    assert all(ids.endswith(" …") and len(ids.split()) == 11 for ids in shown["doc_ids"])
    assert shown.drop(columns="doc_ids").equals(full.drop(columns="doc_ids"))


@pytest.fixture(scope="module")
def copied_extract(tmp_path_factory, articles):
    """The seeds as a JSONL corpus plus four re-runs of seed articles by another outlet
    three days later: copy detection marks the re-runs, whose figures fall on other
    dates than their originals'."""
    from conflictnews.extract import run_extract

    folder = tmp_path_factory.mktemp("copied")
    rows = [{"title": a.headline, "text": a.text, "source": a.outlet,
             "date": f"{a.published:%Y-%m-%d}"} for a in articles.itertuples()
            if not pd.isna(a.published)]
    rows += [{**row, "source": "Daily Copy",
              "date": f"{pd.Timestamp(row['date']) + pd.Timedelta(days=3):%Y-%m-%d}"}
             for row in rows[:4]]
    manifest = run_extract(_jsonl(folder / "copied.jsonl", rows), folder / "x", None)
    assert manifest["copies"]["found"] == 4
    return folder / "x"


def test_ready_made_series_equal_the_recompute_with_copies_left_out(copied_extract):
    from conflictnews.selection import open_selection

    chosen = open_selection(extract_dir=str(copied_extract))
    assert chosen.copies_left_out == 4 and not chosen.filtered and not chosen.whole
    ready, computed = chosen.casualty_tables(), chosen.casualty_tables(ready=False)
    assert "ready-made" in ready.source and "left out (4 of 15 articles)" in ready.source
    assert computed.source.startswith("Computed from the")
    pd.testing.assert_frame_equal(ready.series, computed.series)
    pd.testing.assert_frame_equal(ready.estimates, computed.estimates)
    # the copies' figures (three days later) are in the corpus-wide series, not here
    every = chosen.corpus_table("casualty_series")
    assert len(every) > len(ready.series)
    copies = set(chosen.everything.loc[chosen.everything["duplicate_of"] != "", "doc_id"])
    assert copies & set(" ".join(every["doc_ids"]).split())
    assert not copies & set(" ".join(ready.series["doc_ids"]).split())


def test_ready_made_series_equal_the_recompute_with_copies_kept(copied_extract):
    from conflictnews.selection import open_selection

    chosen = open_selection(extract_dir=str(copied_extract), include_copies=True)
    assert chosen.whole and chosen.copies_left_out == 0
    ready, computed = chosen.casualty_tables(), chosen.casualty_tables(ready=False)
    assert "ready-made" in ready.source and "every article (15)" in ready.source
    pd.testing.assert_frame_equal(ready.series, computed.series)
    pd.testing.assert_frame_equal(ready.estimates, computed.estimates)


def test_a_date_filter_computes_the_series_of_the_selected_articles(copied_extract):
    from conflictnews.selection import open_selection

    chosen = open_selection(extract_dir=str(copied_extract), start="2020-10-01",
                            end="2020-10-31")
    assert chosen.filtered and chosen.ready_table("casualty_series") is None
    tables = chosen.casualty_tables()
    assert tables.source.startswith("Computed from the")
    assert len(tables.series)
    assert tables.series["published"].between("2020-10-01", "2020-10-31").all()
    reported = set(" ".join(tables.series["doc_ids"]).split())
    assert reported <= set(chosen.articles["doc_id"])


def test_texts_and_rows_of_some_articles_read_only_their_parts(tmp_path, monkeypatch):
    from conflictnews import selection as selection_module
    from conflictnews.extract import run_extract
    from conflictnews.selection import open_selection

    run_extract(ROOT / "seeds", tmp_path / "x", ROOT / "data" / "metadata.csv",
                batch_files=1)  # one part per seed file
    chosen = open_selection(extract_dir=str(tmp_path / "x"))
    every = chosen.texts()
    wanted = every["doc_id"].iloc[[1, -1]].tolist()
    read = []
    real = selection_module.read_parts
    monkeypatch.setattr(selection_module, "read_parts", lambda *a, **k: (
        read.append(k.get("part_names", a[5] if len(a) > 5 else None)), real(*a, **k))[1])
    texts = chosen.texts(wanted)
    assert texts["doc_id"].tolist() == wanted
    assert texts["text"].tolist() == every.set_index("doc_id").loc[wanted, "text"].tolist()
    mentions = chosen.table("mentions", ["actor"], doc_ids=wanted)
    assert set(mentions["doc_id"]) == set(wanted)
    assert len(read) == 2 and all(len(names) == 2 for names in read)
    assert len(list((tmp_path / "x" / "articles").glob("part-*.parquet"))) > 2


def test_big_tables_are_streamed_to_their_file_and_samples_read_few_parts(tmp_path,
                                                                          monkeypatch):
    from conflictnews import charts
    from conflictnews.extract import run_extract
    from conflictnews.selection import open_selection

    run_extract(ROOT / "seeds", tmp_path / "x", ROOT / "data" / "metadata.csv",
                batch_files=1)
    chosen = open_selection(extract_dir=str(tmp_path / "x"), outlets=["Reuters", "AP"])
    columns = ["outlet", "actor", "verb", "quote"]
    whole = chosen.table("speakers", columns)[columns]
    assert len(whole) > 5 and set(whole["outlet"]) <= {"Reuters", "AP"}
    monkeypatch.setattr(charts.Tables, "CSV_ROWS", 3)  # above it: Parquet, streamed
    html = charts.Tables(str(tmp_path / "t"), rows=2).show_selected(
        chosen, "speakers", columns, "Every attribution", "speakers")
    written = pd.read_parquet(tmp_path / "t" / "speakers.parquet")
    pd.testing.assert_frame_equal(written, whole, check_dtype=False)
    assert f"The first 2 of {len(whole):,} rows" in html and "t/speakers.parquet" in html
    assert f"({len(whole):,} rows)" in charts.Tables("", rows=2).show_selected(
        chosen, "speakers", columns, "Every attribution", "speakers")
    # a sample: the same every time, among the selected, from as few parts as needed
    every = open_selection(extract_dir=str(tmp_path / "x"))
    sample = every.sample(3, spread=1)
    assert sample.tolist() == every.sample(3, spread=1).tolist() and len(sample) == 3
    assert sample.index.is_monotonic_increasing
    assert every.part_of[sample.tolist()].nunique() < every.part_of.nunique()
    assert set(chosen.sample(2)) <= set(chosen.articles["doc_id"])
