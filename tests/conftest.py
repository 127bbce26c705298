"""Shared fixtures: the seed corpus, loaded once per test session."""

from __future__ import annotations

import importlib.util
import os
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import settings

from conflictnews.corpus import load_corpus

# Property tests explore new examples on a developer's machine (and print the seed of any
# failure); in CI (CI=true) they replay a fixed set, so a run on main cannot fail by chance.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("dev", print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
METADATA = ROOT / "data" / "metadata.csv"


@pytest.fixture(scope="session")
def articles() -> pd.DataFrame:
    """The seed corpus with its metadata (11 articles)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the seeds must load without a single problem
        return load_corpus(SEEDS, METADATA)


def load_benchmark(name: str):
    """A module of ``benchmarks/`` (not a package), loaded by file name."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def article(articles: pd.DataFrame, file_prefix: str, position: int = 0) -> pd.Series:
    """The article at ``position`` in the seed file whose name starts with ``file_prefix``."""
    rows = articles[articles["source_file"].str.startswith(file_prefix)
                    & (articles["position"] == position)]
    assert len(rows) == 1, (file_prefix, position)
    return rows.iloc[0]


HOSTILE_TEXT = (
    "<script>document.title='PWNED'</script> talks "
    "<img src=x onerror=\"document.title='PWNED'\">\n\n"
    "BAKU (Reuters) – Three soldiers were killed, officials said. </table> **bold** $x^2$ "
    "<b>Putin</b> met Aliyev.\n"
)


@pytest.fixture(scope="session")
def report_run(tmp_path_factory):
    """One batch run of every notebook, with default and non-default parameters, plus a
    report on a hostile corpus and one that fails (2 worker processes)."""
    import yaml

    from conflictnews.reports import run_reports

    base = tmp_path_factory.mktemp("reports")
    hostile = base / "hostile"
    hostile.mkdir()
    (hostile / "evil.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    nb = ROOT / "notebooks"
    config = yaml.safe_load((nb / "reports.yml").read_text())
    config["reports"].update({
        "overview-reuters-static": {"notebook": "01-corpus-overview.ipynb", "parameters": {
            "outlets": ["Reuters"], "sample_doc": "002_68f6ff54df26247c#3",
            "interactive": False}},
        "casualties-azeri-wounded": {"notebook": "02-casualties-over-time.ipynb",
                                     "parameters": {"claimant_groups": ["Azerbaijan"],
                                                    "statuses": ["wounded"],
                                                    "interactive": False}},
        "actors-people-names-only": {"notebook": "03-actor-mentions.ipynb", "parameters": {
            "kinds": ["person"], "top_n": 5, "demonyms": False}},
        "actors-bad-choices": {"notebook": "03-actor-mentions.ipynb", "parameters": {
            "actors": ["Putn", "Ilham Aliyev"], "start": "2030-01-01"}},
        "reading-sputnik": {"notebook": "04-reading-the-coverage.ipynb", "parameters": {
            "outlets": ["Sputnik International"], "terms": ["peacekeepers"],
            "framing_term": "Karabakh", "interactive": False}},
        "hostile-corpus": {"notebook": "01-corpus-overview.ipynb", "parameters": {
            "corpus": str(hostile), "metadata": ""}},
        "missing-corpus": {"notebook": "01-corpus-overview.ipynb", "parameters": {
            "corpus": str(base / "no-such-folder")}},
    })
    config_file = nb / f".test-reports-{base.name}.yml"  # beside the notebooks: same paths
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True))
    out = base / "out"
    sources = {p.name: p.read_bytes() for p in nb.glob("*.ipynb")}
    try:
        results = run_reports(config_file, out, jobs=2)
    finally:
        config_file.unlink()
    return {"out": out, "results": {r.name: r for r in results}, "sources": sources,
            "config": config}
