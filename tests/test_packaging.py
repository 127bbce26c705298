"""The package installs on its own: every import it makes at run time is a declared
dependency, ``requires-python`` is what the pins need, and ``pip install .`` into a
fresh virtual environment runs the notebooks' imports."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
import venv
from importlib import metadata
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
PACKAGE = ROOT / "src" / "conflictnews"
#: Modules that pull in a distribution of another name than their own package's
#: ("dask.distributed" is a shim in dask that imports the ``distributed`` package).
IMPORTS_ANOTHER = {"dask.distributed": "distributed"}
#: Declared although never imported: what runs the notebooks' code for papermill, and
#: the HTML cleaner trafilatura's fallback extractor needs but does not declare itself.
NOT_IMPORTED = {"ipykernel", "lxml-html-clean"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imports(paths: list[Path]) -> set[str]:
    """Every module named by an ``import`` or ``from ... import`` in ``paths``."""
    found: set[str] = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    return found


def _distributions(modules: set[str]) -> set[str]:
    """The distributions (normalised names) that provide the third-party ``modules``."""
    providers = metadata.packages_distributions()
    out = set()
    for module in modules:
        top = module.split(".")[0]
        if top in sys.stdlib_module_names or top in ("conflictnews", "__future__"):
            continue
        assert top in providers, f"{module}: no installed distribution provides it"
        out.update(_norm(d) for d in providers[top])
        if module in IMPORTS_ANOTHER:
            out.add(_norm(IMPORTS_ANOTHER[module]))
    return out


def _declared() -> set[str]:
    return {_norm(Requirement(d).name) for d in PYPROJECT["project"]["dependencies"]}


def test_every_runtime_import_is_a_declared_dependency():
    used = _distributions(_imports(sorted(PACKAGE.rglob("*.py"))))
    declared = _declared()
    assert used - declared == set(), "imported but not in pyproject.toml's dependencies"
    assert declared - used == NOT_IMPORTED, "declared but never imported"
    # the ones the issue found missing are among them
    assert {"plotly", "matplotlib", "papermill", "nbconvert", "nbformat"} <= used


def test_every_dependency_is_pinned_in_requirements():
    pinned = {_norm(line.split("==")[0]) for line in
              (ROOT / "requirements.txt").read_text().splitlines() if "==" in line}
    assert _declared() <= pinned


def test_requires_python_is_what_the_pins_need():
    requires = SpecifierSet(PYPROJECT["project"]["requires-python"])
    lowest = re.fullmatch(r">=(\d+\.\d+)", str(requires)).group(1)
    assert PYPROJECT["tool"]["ruff"]["target-version"] == "py" + lowest.replace(".", "")
    pins = [line.split("==") for line in (ROOT / "requirements.txt").read_text().splitlines()
            if "==" in line]
    needs = {}
    for name, version in pins:
        dist = metadata.distribution(name)
        assert dist.version == version, f"{name}: installed {dist.version}, pinned {version}"
        needs[name] = SpecifierSet(dist.metadata.get("Requires-Python") or "")
    # every pin runs on the lowest Python we claim, and that claim is not too low:
    # the Python just below it is refused by some pin
    assert [n for n, spec in needs.items() if not spec.contains(lowest + ".0")] == []
    major, minor = map(int, lowest.split("."))
    below = f"{major}.{minor - 1}.0"
    assert [n for n, spec in needs.items() if not spec.contains(below)]


def _notebook_imports() -> list[str]:
    lines = []
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            tree = ast.parse(source)
            lines.extend(ast.get_source_segment(source, node) for node in tree.body
                         if isinstance(node, (ast.Import, ast.ImportFrom)))
    return sorted(set(lines))


@pytest.mark.slow
def test_pip_install_into_a_fresh_venv_runs_the_notebooks_imports(tmp_path):
    """About a minute: the wheels come from pip's cache and the configured indexes."""
    imports = _notebook_imports()
    assert any("conflictnews" in line for line in imports)
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(ROOT)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]
    # run from elsewhere, so that nothing is imported from the repository's src/
    code = "\n".join([*imports, "import conflictnews.charts, conflictnews.reports",
                      "from conflictnews.reports import TEMPLATES",
                      "assert (TEMPLATES / 'offline' / 'index.html.j2').is_file()",
                      "import conflictnews; print(conflictnews.__file__)"])
    run = subprocess.run([str(python), "-c", code], capture_output=True, text=True,
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert str(env) in run.stdout
