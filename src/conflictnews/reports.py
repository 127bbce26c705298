"""Batch reports: parameterised notebooks run by papermill, exported to offline HTML.

``run_reports`` reads ``notebooks/reports.yml`` (report name -> notebook, title,
parameters), checks every parameter against the notebook's ``parameters`` cell before
running anything, runs each report in-process with papermill (``jobs`` worker processes),
exports it with one reused ``HTMLExporter`` (code hidden unless ``show_code``) and writes
``index.html``. One failing report never stops the others; source notebooks are never
written; every output is written to a temporary file and renamed into place, so a failed
or killed run leaves the previous good HTML of that report where it was.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path

from conflictnews.outputs import Busy, locked, write_atomic
from conflictnews.problems import read_yaml

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_CONFIG = "notebooks/reports.yml"
TYPES = {"str": str, "int": int, "bool": bool, "list": list, "float": (int, float),
         "dict": dict}


class ReportConfigError(ValueError):
    """``reports.yml`` or a report's parameters cannot be used; names file and report."""


ReportsLocked = Busy  # another run is writing to the same output folder


@dataclass(frozen=True)
class ReportSpec:
    """One report: a notebook and the parameters it runs with."""

    name: str
    notebook: Path
    title: str
    parameters: dict = field(default_factory=dict)


@dataclass
class ReportResult:
    """What happened to one report in one run."""

    name: str
    title: str
    notebook: str
    parameters: dict
    status: str  # "ok" | "failed"
    seconds: float
    error: str = ""
    finished: str = ""


def notebook_parameters(path: Path) -> dict[str, str]:
    """The notebook's parameters and their declared types (from the ``parameters`` cell)."""
    import papermill as pm

    return {name: p["inferred_type_name"] for name, p in pm.inspect_notebook(str(path)).items()}


def check_parameters(spec: ReportSpec, where: str) -> None:
    """Raise :class:`ReportConfigError` for an unknown parameter or a value of the wrong
    type: parameters are data (papermill injects them as literals), checked before use."""
    declared = notebook_parameters(spec.notebook)
    for key, value in spec.parameters.items():
        if key not in declared:
            raise ReportConfigError(
                f"{where}: report {spec.name!r}: unknown parameter {key!r} for "
                f"{spec.notebook.name} (it takes: {', '.join(declared)})")
        expected = TYPES.get(declared[key].split("[")[0])
        bad_bool = isinstance(value, bool) and declared[key] != "bool"
        if expected and (not isinstance(value, expected) or bad_bool):
            raise ReportConfigError(
                f"{where}: report {spec.name!r}: parameter {key!r} must be "
                f"{declared[key]}, got {type(value).__name__} {value!r}")
        if isinstance(value, list) and not all(isinstance(v, (str, int, float)) for v in value):
            raise ReportConfigError(f"{where}: report {spec.name!r}: parameter {key!r} must "
                                    "be a list of plain values")


def load_config(path: str | os.PathLike = DEFAULT_CONFIG, *,
                overrides: dict | None = None) -> list[ReportSpec]:
    """Read and check ``reports.yml``. ``overrides`` (e.g. ``{"corpus": ...}``) replace
    the given parameters in every report whose notebook takes them."""
    path = Path(path)
    data = read_yaml(path, ReportConfigError, "report configuration")
    if not isinstance(data, dict) or not isinstance(data.get("reports"), dict):
        raise ReportConfigError(f"{path}: expected a mapping with 'reports: {{name: ...}}'")
    defaults = data.get("defaults") or {}
    specs = []
    for name, entry in data["reports"].items():
        if not isinstance(entry, dict) or "notebook" not in entry:
            raise ReportConfigError(f"{path}: report {name!r} needs a 'notebook'")
        if not str(name).replace("-", "").replace("_", "").isalnum():
            raise ReportConfigError(f"{path}: report name {name!r}: use letters, digits, - _")
        notebook = (path.parent / entry["notebook"]).resolve()
        if not notebook.is_file():
            raise ReportConfigError(f"{path}: report {name!r}: notebook {entry['notebook']} "
                                    "not found")
        params = {**defaults, **(entry.get("parameters") or {})}
        declared = notebook_parameters(notebook)
        params = {k: v for k, v in params.items() if k in declared or k not in defaults}
        for key, value in (overrides or {}).items():
            if key in declared:
                params[key] = value
        spec = ReportSpec(str(name), notebook, str(entry.get("title") or name), params)
        check_parameters(spec, str(path))
        specs.append(spec)
    return specs


@lru_cache(maxsize=2)
def _exporter(show_code: bool):
    """One HTMLExporter per process (building one costs ~2 s; reusing it ~0.1 s)."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.HTMLExporter.extra_template_basedirs = [str(TEMPLATES)]
    config.HTMLExporter.template_name = "offline"
    config.HTMLExporter.exclude_input = not show_code
    config.HTMLExporter.exclude_input_prompt = True
    config.HTMLExporter.exclude_output_prompt = True
    return HTMLExporter(config=config)


def run_report(spec: ReportSpec, out: Path, show_code: bool = False) -> ReportResult:
    """Run one report into ``out/NAME.ipynb`` and ``out/NAME.html``; never raises."""
    import nbformat
    import papermill as pm

    started = time.perf_counter()
    result = ReportResult(spec.name, spec.title, spec.notebook.name, spec.parameters,
                          "ok", 0.0)
    tmp = out / f".{spec.name}.running.ipynb"
    try:
        pm.execute_notebook(str(spec.notebook), str(tmp), parameters=spec.parameters,
                            kernel_name="python3", cwd=str(spec.notebook.parent),
                            progress_bar=False, log_output=False)
        executed = nbformat.read(tmp, as_version=4)
        executed.metadata["title"] = spec.title
        body, _ = _exporter(show_code).from_notebook_node(
            executed, resources={"metadata": {"name": spec.title}})
        write_atomic(out / f"{spec.name}.html", lambda p: p.write_text(body, encoding="utf-8"))
        os.replace(tmp, out / f"{spec.name}.ipynb")
        (out / f"{spec.name}.failed.ipynb").unlink(missing_ok=True)
    except BaseException as exc:  # a dead kernel, a failing cell, Ctrl-C in a worker
        result.status = "failed"
        result.error = _describe(exc)
        if tmp.exists():
            os.replace(tmp, out / f"{spec.name}.failed.ipynb")
        if isinstance(exc, KeyboardInterrupt):
            raise
    result.seconds = round(time.perf_counter() - started, 2)
    result.finished = dt.datetime.now().isoformat(timespec="seconds")
    return result


def _describe(exc: BaseException) -> str:
    name = type(exc).__name__
    if name == "PapermillExecutionError":
        return f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
    if name == "DeadKernelError":
        return f"the kernel died: {exc}"
    last = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return last[:500]


def run_reports(config: str | os.PathLike = DEFAULT_CONFIG, out: str | os.PathLike = "reports",
                *, jobs: int = 1, show_code: bool = False, only: list[str] | None = None,
                overrides: dict | None = None) -> list[ReportResult]:
    """Run the configured reports (or ``only`` these) and rewrite ``out/index.html``.

    Returns this run's results; reports not re-run keep their earlier status in the index.
    """
    specs = load_config(config, overrides=overrides)
    names = [s.name for s in specs]  # the index lists every configured report
    if only:
        unknown = sorted(set(only) - set(names))
        if unknown:
            raise ReportConfigError(f"{config}: no report named {', '.join(unknown)} (there "
                                    f"are: {', '.join(names)})")
        specs = [s for s in specs if s.name in only]
    out = Path(out)
    with locked(out / ".lock", f"{out}: another 'conflictnews reports' run is writing here; "
                "wait for it to finish or use another --out"):
        results: list[ReportResult] = []
        if jobs <= 1 or len(specs) <= 1:
            results = [run_report(s, out, show_code) for s in specs]
        else:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
                futures = {pool.submit(run_report, s, out, show_code): s for s in specs}
                for future in as_completed(futures):
                    try:
                        results.append(future.result())
                    except Exception as exc:  # the worker itself died
                        s = futures[future]
                        results.append(ReportResult(s.name, s.title, s.notebook.name,
                                                    s.parameters, "failed", 0.0,
                                                    f"worker process failed: {exc}"))
        order = {s.name: i for i, s in enumerate(specs)}
        results.sort(key=lambda r: order[r.name])
        write_index(out, results, names)
    return results


def write_index(out: Path, results: list[ReportResult], names: list[str]) -> Path:
    """Merge ``results`` into ``out/status.json`` and rewrite ``out/index.html``."""
    status_file = out / "status.json"
    known = json.loads(status_file.read_text()) if status_file.exists() else {}
    known.update({r.name: asdict(r) for r in results})
    known = {n: known[n] for n in names if n in known}
    write_atomic(status_file, lambda p: p.write_text(json.dumps(known, indent=2,
                                                                ensure_ascii=False)))
    rows = []
    for name, r in known.items():
        params = "<br>".join(f"<code>{html.escape(k)}</code> = {html.escape(json.dumps(v))}"
                             for k, v in r["parameters"].items()) or "(defaults)"
        ok = r["status"] == "ok"
        link = (f'<a href="{html.escape(name)}.html">{html.escape(r["title"])}</a>'
                if ok or (out / f"{name}.html").exists() else html.escape(r["title"]))
        error = f'<div class="error">{html.escape(r["error"])}</div>' if r["error"] else ""
        stale = " (the link shows the last good run)" if not ok and \
            (out / f"{name}.html").exists() else ""
        rows.append(
            f"<tr class=\"{'ok' if ok else 'failed'}\"><td>{link}<br><small>"
            f"{html.escape(name)} · {html.escape(r['notebook'])}</small></td>"
            f"<td>{params}</td><td>{html.escape(r['status'])}{stale}{error}</td>"
            f"<td>{r['seconds']:.1f} s</td><td>{html.escape(r['finished'])}</td></tr>")
    failed = sum(r["status"] != "ok" for r in known.values())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>conflictnews reports</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border-bottom: 1px solid #ddd; padding: .5em; text-align: left;
          vertical-align: top; }}
tr.failed {{ background: #fff0f0; }} .error {{ color: #a00; font-family: monospace; }}
</style></head><body>
<h1>conflictnews reports</h1>
<p>{len(known)} reports, {failed} failed. Each report is one HTML file that works
offline (plotly.js embedded once, no external scripts).</p>
<table><thead><tr><th>Report</th><th>Parameters</th><th>Status</th><th>Run time</th>
<th>Finished</th></tr></thead><tbody>
{"".join(rows)}
</tbody></table></body></html>
"""
    return write_atomic(out / "index.html", lambda p: p.write_text(page, encoding="utf-8"))
