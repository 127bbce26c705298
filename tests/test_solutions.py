"""The teacher's edition: every lesson has a solutions notebook that answers each of its
exercises with the public API and asserts the answers; each runs here without error."""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from conftest import ROOT
from nbclient import NotebookClient

LESSONS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
SOLUTIONS = ROOT / "notebooks" / "solutions"


def _solutions_for(lesson):
    return SOLUTIONS / f"{lesson.stem}-solutions.ipynb"


def _exercises(lesson) -> int:
    """How many numbered exercises the lesson's "Exercises" section lists."""
    cells = json.loads(lesson.read_text())["cells"]
    text = next("".join(c["source"]) for c in cells
                if c["cell_type"] == "markdown" and "## Exercises" in "".join(c["source"]))
    return len(re.findall(r"^\d+\. ", text.split("## Exercises", 1)[1], re.MULTILINE))


def _code(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_every_exercise_has_a_worked_solution(lesson):
    path = _solutions_for(lesson)
    assert path.exists(), f"no solutions notebook for {lesson.name}"
    nb = nbformat.read(path, as_version=4)
    headings = [int(m) for c in nb.cells if c.cell_type == "markdown"
                for m in re.findall(r"^## Exercise (\d+)$", c.source, re.MULTILINE)]
    assert headings == list(range(1, _exercises(lesson) + 1)), (path.name, headings)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, path.name
    code = _code(nb)
    # only the package's public API, so the answers do not depend on notebook internals
    assert not re.search(r"from conflictnews\.|import conflictnews\.", code), path.name
    assert code.count("assert ") >= _exercises(lesson), path.name
    assert nb.metadata.kernelspec.name == "conflictnews"


def test_the_lessons_point_at_their_solutions():
    for lesson in LESSONS:
        cells = json.loads(lesson.read_text())["cells"]
        plans = [i for i, c in enumerate(cells) if "".join(c["source"]).startswith("**Lesson")]
        assert plans == [1], (lesson.name, "one lesson-plan cell, right after the title")
        plan = "".join(cells[1]["source"])
        for word in ("difficulty", "time", "You will learn", "Prerequisites", "Hand in"):
            assert word in plan, (lesson.name, word)
        assert f"solutions/{_solutions_for(lesson).name}" in plan, lesson.name


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.stem)
def test_solutions_run_and_their_answers_hold(lesson):
    path = _solutions_for(lesson)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="conflictnews",
                            resources={"metadata": {"path": str(SOLUTIONS)}})
    client.execute()  # raises CellExecutionError, naming the cell, when an answer fails
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors
