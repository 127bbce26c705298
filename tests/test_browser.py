"""A person's view: the reports open in headless Chromium with the network off, charts
draw, no console errors, and no script from the corpus runs."""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
import yaml
from conftest import ROOT

from conflictnews.browser import check_page, chromium

needs_chromium = pytest.mark.skipif(
    chromium() is None and not os.environ.get("CI"),
    reason="chromium not installed (make test installs it where it can: apt-get install chromium)",
)


@needs_chromium
def test_index_and_every_report_render_offline(report_run):
    out = report_run["out"]
    shots = ROOT / "build" / "screenshots"  # for a person to look at
    index = check_page(out / "index.html", shots / "index.png")
    assert index.title == "conflictnews reports" and not index.console_errors
    names = [n for n, r in report_run["results"].items() if r.status == "ok"]
    defaults = set(yaml.safe_load((ROOT / "notebooks" / "reports.yml").read_text())["reports"])
    with ThreadPoolExecutor(2) as pool:
        pages = dict(zip(names, pool.map(
            lambda n: check_page(out / f"{n}.html", shots / f"{n}.png" if n in defaults
                                 else None), names), strict=True))
    for name, page in pages.items():
        assert not page.console_errors, (name, page.console_errors)
        static = report_run["config"]["reports"][name].get("parameters", {}).get(
            "interactive") is False
        if not static:
            assert page.charts >= 1, (name, page)
            # a selection with no article (start 2030) draws empty charts, nothing else
            empty = name == "actors-bad-choices"
            assert (page.points == 0) if empty else (page.points >= 1), (name, page)


@needs_chromium
def test_no_script_from_the_corpus_runs(report_run):
    page = check_page(report_run["out"] / "hostile-corpus.html")
    assert "PWNED" not in page.title
    assert page.charts >= 1  # the page's own scripts (plotly) did run
