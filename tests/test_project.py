"""Project hygiene: one place for versions, notebooks without outputs, the CLI entry points."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml
from conftest import ROOT


def test_requirements_are_pinned_and_end_with_the_package():
    lines = [
        line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[-1] == "-e ."
    for line in lines[:-1]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line), line


def test_environment_yml_takes_versions_from_requirements_only():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = env["dependencies"]
    pip = [d for d in deps if isinstance(d, dict)]
    assert pip == [{"pip": ["-r requirements.txt"]}]
    plain = [d for d in deps if isinstance(d, str)]
    assert {d.split("=")[0] for d in plain} == {"python", "pip"}


def test_notebooks_are_committed_without_outputs():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs"), path.name
                assert cell.get("execution_count") is None, path.name


def test_python_m_and_console_script_agree():
    via_module = subprocess.run([sys.executable, "-m", "conflictnews", "--help"],
                                capture_output=True, text=True, check=True).stdout
    script = ROOT / ".venv" / "bin" / "conflictnews"
    exe = script if script.exists() else "conflictnews"
    via_script = subprocess.run([str(exe), "--help"], capture_output=True, text=True,
                                check=True).stdout
    assert via_module.split("\n", 1)[1] == via_script.split("\n", 1)[1]
    assert "extract" in via_module and "info" in via_module
