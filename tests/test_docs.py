"""The README and docs/ say only what is true of the repository: links resolve, and every
file, notebook, benchmark and make target they name exists."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
#: Paths written in backticks: the repository's own folders and file kinds.
PATH = re.compile(r"`((?:src|tests|benchmarks|notebooks|data|docs|jupyter|seeds)/[\w./-]+"
                  r"|[\w-]+\.(?:py|ipynb|yml|md))`")
#: ``make X`` as a command: in backticks, or opening a line of a code block.
MAKE = re.compile(r"(?:^|`)make ([a-z][\w-]*)", re.M)
#: Placeholders in a named path ("reports/NAME.html", "NN-lesson.ipynb").
PLACEHOLDER = re.compile(r"NAME|NN|YOUR|\bN\b")


def _named_files(path) -> set[str]:
    return {m for m in PATH.findall(path.read_text())
            if "*" not in m and not PLACEHOLDER.search(m)}


def test_readme_is_short_and_shows_a_report():
    text = (ROOT / "README.md").read_text()
    assert len(text.splitlines()) <= 170, "README is the two-minute read; details go in docs/"
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert images and all((ROOT / i).is_file() for i in images)
    assert "make reports" in text and "make test" in text


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_link_resolves(doc):
    for target in LINK.findall(doc.read_text()):
        if "://" in target or target.startswith("mailto:"):
            continue
        assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"


def _tracked() -> set[str]:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split()
    folders = {f.rsplit("/", i)[0] for f in files for i in range(1, f.count("/") + 1)}
    return set(files) | folders


def _ignored(path: str) -> bool:
    return subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_named_file_exists(doc):
    tracked = _tracked()
    names = {p.rsplit("/", 1)[-1] for p in tracked}
    for named in _named_files(doc):
        path = named.rstrip("/")
        ok = (path in tracked) if "/" in path else (path in names)
        assert ok or _ignored(path), f"{doc.name} names {named}, not in the repository"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_make_target_exists(doc):
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    for target in MAKE.findall(doc.read_text()):
        assert target in targets, f"{doc.name} names `make {target}`, not in the Makefile"
