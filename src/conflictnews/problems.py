"""Problems met while reading input: one clear message naming the file and line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd
import yaml


@dataclass(frozen=True)
class Problem:
    """One problem with one input file (``line`` is 1-based, ``None`` for the whole file).

    ``severity`` is ``"error"`` (something was skipped or left empty) or ``"note"``
    (read, but worth knowing, e.g. a file decoded as cp1251).
    """

    file: str
    line: int | None
    problem: str
    severity: str = "error"

    def __str__(self) -> str:
        no_line = self.line is None or pd.isna(self.line)
        where = self.file if no_line else f"{self.file}:{int(self.line)}"
        tag = "" if self.severity == "error" else f" ({self.severity})"
        return f"{where}: {self.problem}{tag}"


PROBLEM_COLUMNS = [f.name for f in fields(Problem)]


def problems_frame(problems: Iterable[Problem]) -> pd.DataFrame:
    """Return problems as a table with columns ``file, line, problem, severity``."""
    frame = pd.DataFrame([tuple(p.__dict__.values()) for p in problems], columns=PROBLEM_COLUMNS)
    frame["line"] = frame["line"].astype("Int64")
    return frame


class CorpusError(Exception):
    """Reading the corpus failed (strict mode, or no corpus at all)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        head = f"{len(problems)} problem(s) reading the corpus:" if len(problems) > 1 else ""
        super().__init__("\n".join([head, *map(str, problems)]).strip())


#: libyaml's parser when PyYAML was built with it (the wheels are): the same documents
#: as the pure-Python ``SafeLoader``, eight times faster (25 ms for the actor list).
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml_text(path: Path, error: type[Exception], what: str) -> str:
    """A YAML file's text, or raise ``error`` naming the file when it is missing."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise error(f"{path}: {what} not found") from exc


def parse_yaml(text: str, path: Path, error: type[Exception]) -> object:
    """Parse YAML ``text`` read from ``path``, or raise ``error`` with one line naming
    the file and the problem (PyYAML's own message, with the line it points at)."""
    try:
        return yaml.load(text, Loader=_FAST_LOADER)  # a safe loader (no object tags)
    except yaml.YAMLError:
        pass
    try:  # the pure-Python parser's message quotes the offending line
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML: {exc}") from exc


def read_yaml(path: Path, error: type[Exception], what: str) -> object:
    """Parse a YAML file, or raise ``error`` with one line naming the file and problem."""
    return parse_yaml(read_yaml_text(path, error, what), path, error)


def yaml_strings(value: object, where: str, key: str,
                 error: type[Exception] = ValueError) -> tuple[str, ...]:
    """A YAML entry's list of non-empty strings (stripped); ``()`` when absent.
    Raises ``error`` naming ``where`` and ``key`` otherwise."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise error(f"{where}: {key} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def yaml_date(value: object, where: str, error: type[Exception] = ValueError) -> dt.date:
    """A YAML entry's date (a YAML date, or an ISO string); raises ``error`` naming
    ``where`` otherwise."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise error(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from exc
