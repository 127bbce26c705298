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

import ast
import contextlib
import datetime as dt
import html
import json
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from multiprocessing import get_context
from pathlib import Path

from conflictnews.outputs import Busy, locked, ordinary_mode, write_atomic
from conflictnews.problems import read_yaml

# papermill and nbconvert import nbformat, whose jsonschema imports rfc3987_syntax when it
# is installed (it comes with JupyterLab) and compiles an IRI grammar: 2.2 s in the main
# process and in every worker, for a format check no notebook here uses (charts.py does
# the same for the kernels).
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

TEMPLATES = Path(__file__).parent / "templates"
DEFAULT_CONFIG = "notebooks/reports.yml"
#: The parameters an extract depends on (with the notebook's defaults when not given).
EXTRACT_INPUTS = ("corpus", "metadata", "actors_file", "demonyms", "cache_dir")
#: Parameters of the seeds' report set that a ``--corpus`` run leaves out.
SEED_ONLY = ("start", "end")
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
    notes: list = field(default_factory=list)  # shown in the index (e.g. dropped filters)


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
    notes: list = field(default_factory=list)


def notebook_parameters(path: Path) -> dict[str, str]:
    """The notebook's parameters and their declared types (from the ``parameters`` cell)."""
    import papermill as pm

    return {name: p["inferred_type_name"] for name, p in pm.inspect_notebook(str(path)).items()}


def notebook_defaults(path: Path) -> dict[str, object]:
    """The default value of each parameter of the notebook (literals only)."""
    import papermill as pm

    out = {}
    for name, p in pm.inspect_notebook(str(path)).items():
        try:
            out[name] = ast.literal_eval(p["default"])
        except (ValueError, SyntaxError):
            continue
    return out


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
    own_corpus = "corpus" in (overrides or {})
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
        own = dict(entry.get("parameters") or {})
        dropped = [k for k in SEED_ONLY if k in own and own_corpus]
        for key in dropped:  # the seeds' date range means nothing for another corpus
            own.pop(key)
        params = {**defaults, **own}
        declared = notebook_parameters(notebook)
        params = {k: v for k, v in params.items() if k in declared or k not in defaults}
        for key, value in (overrides or {}).items():
            if key in declared:
                params[key] = value
        title = str(entry.get("title") or name)
        if dropped:
            title = str(entry.get("corpus_title") or title)
        spec = ReportSpec(str(name), notebook, title, params,
                          [f"{k} = {entry['parameters'][k]!r} of {path.name} is left out "
                           "for --corpus" for k in dropped])
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
                          "ok", 0.0, notes=list(spec.notes))
    tmp = out / f".{spec.name}.running.ipynb"
    try:
        pm.execute_notebook(str(spec.notebook), str(tmp), parameters=spec.parameters,
                            kernel_name="python3", cwd=str(spec.notebook.parent),
                            progress_bar=False, log_output=False,
                            request_save_on_cell_execute=False,
                            kernel_manager_class=_ipc_kernel_manager())
        executed = nbformat.read(tmp, as_version=4)
        executed.metadata["title"] = spec.title
        body, _ = _exporter(show_code).from_notebook_node(
            executed, resources={"metadata": {"name": spec.title}})
        write_atomic(out / f"{spec.name}.html", lambda p: p.write_text(body, encoding="utf-8"))
        os.replace(ordinary_mode(tmp), out / f"{spec.name}.ipynb")
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


@lru_cache(maxsize=1)
def _ipc_kernel_manager() -> type:
    """A kernel manager whose kernel listens on IPC sockets (files in the user's own
    Jupyter runtime folder, one name per kernel) instead of local TCP ports: nothing to
    eavesdrop on, and ipykernel does not warn "Kernel is running over TCP without
    encryption"."""
    import uuid

    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.paths import jupyter_runtime_dir

    class IPCKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            kwargs.setdefault("transport", "ipc")
            runtime = Path(jupyter_runtime_dir())
            runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
            # the sockets are files ip-1 ... ip-5: a name of its own for each kernel
            kwargs.setdefault("ip", str(runtime / f"kernel-{uuid.uuid4().hex[:12]}-ipc"))
            super().__init__(**kwargs)

    return IPCKernelManager


def extract_key(spec: ReportSpec) -> tuple | None:
    """What the report's extract depends on (paths resolved from the notebook's
    folder, where papermill runs it), or ``None`` when the notebook reads no extract
    or was given one."""
    declared = notebook_defaults(spec.notebook)
    if "extract_dir" not in declared or spec.parameters.get("extract_dir"):
        return None
    values = {k: spec.parameters.get(k, declared.get(k)) for k in EXTRACT_INPUTS}
    here = spec.notebook.parent

    def resolve(value: object) -> str:
        return str((here / str(value)).resolve()) if value else ""

    return (resolve(values["corpus"]), resolve(values["metadata"]),
            resolve(values["actors_file"]), values["demonyms"] is not False,
            resolve(values["cache_dir"] or "../build/cache"))


def prepare_extracts(specs: list[ReportSpec], jobs: int = 1) -> tuple[list[ReportSpec],
                                                                       dict[str, str]]:
    """Extract each distinct corpus of ``specs`` once (through the cache, ``jobs``
    workers) and give its folder to the reports as ``extract_dir``. Returns the specs
    to run and the error of each report whose corpus could not be extracted."""
    from conflictnews.extract import cached_extract

    done: dict[tuple, str | Exception] = {}
    ready, failed = [], {}
    for spec in specs:
        key = extract_key(spec)
        if key is None:
            ready.append(spec)
            continue
        if key not in done:
            corpus, metadata, actors, demonyms, cache = key
            try:
                done[key] = str(cached_extract(corpus, metadata or None, actors=actors,
                                               demonyms=demonyms, cache_dir=cache,
                                               jobs=jobs).path)
            except Exception as exc:  # a missing corpus, an unreadable actor list
                done[key] = exc
        if isinstance(done[key], Exception):
            failed[spec.name] = f"extract: {_describe(done[key])}"
            continue
        ready.append(ReportSpec(spec.name, spec.notebook, spec.title,
                                {**spec.parameters, "extract_dir": done[key]}, spec.notes))
    return ready, failed


def _warm_up(show_code: bool) -> None:
    """Import papermill and build the exporter in a worker before its first report."""
    import papermill  # noqa: F401

    _exporter(show_code)


def _with_tables_dir(spec: ReportSpec, out: Path) -> ReportSpec:
    """``spec`` writing its full tables into ``out/NAME-tables/`` (linked from the
    HTML beside it) when its notebook takes ``tables_dir`` and none was given."""
    if spec.parameters.get("tables_dir") or "tables_dir" not in notebook_parameters(
            spec.notebook):
        return spec
    return ReportSpec(spec.name, spec.notebook, spec.title,
                      {**spec.parameters, "tables_dir": str(out.resolve() / f"{spec.name}-tables")},
                      spec.notes)


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
    every = specs
    with locked(out / ".lock", f"{out}: another 'conflictnews reports' run is writing here; "
                "wait for it to finish or use another --out"):
        parallel = jobs > 1 and len(specs) > 1
        with contextlib.ExitStack() as stack:
            pool = None
            if parallel:  # the workers start (imports, exporter) while the corpus extracts
                pool = stack.enter_context(ProcessPoolExecutor(
                    max_workers=jobs, mp_context=get_context("spawn")))
                for _ in range(jobs):
                    pool.submit(_warm_up, show_code)
            specs, failed = prepare_extracts(specs, jobs)
            specs = [_with_tables_dir(s, out) for s in specs]
            results: list[ReportResult] = [
                ReportResult(s.name, s.title, s.notebook.name, s.parameters, "failed", 0.0,
                             failed[s.name], dt.datetime.now().isoformat(timespec="seconds"),
                             list(s.notes))
                for s in every if s.name in failed]
            if pool is None:
                results += [run_report(s, out, show_code) for s in specs]
            else:
                futures = {pool.submit(run_report, s, out, show_code): s for s in specs}
                for future in as_completed(futures):
                    try:
                        results.append(future.result())
                    except Exception as exc:  # the worker itself died
                        s = futures[future]
                        results.append(ReportResult(s.name, s.title, s.notebook.name,
                                                    s.parameters, "failed", 0.0,
                                                    f"worker process failed: {exc}"))
        order = {s.name: i for i, s in enumerate(every)}
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
                             for k, v in r["parameters"].items()
                             if k not in ("extract_dir", "tables_dir")) \
            or "(defaults)"
        params += "".join(f"<br><em>{html.escape(n)}</em>" for n in r.get("notes", []))
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
