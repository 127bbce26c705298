"""Command line: ``conflictnews extract|reports|info ...`` (also ``python -m conflictnews``).

A thin layer over the library: each sub-command parses its options, calls one library
function and prints what it did. Errors print one line naming the file and the problem
(``--debug`` shows the traceback) and exit with status 2.
"""

from __future__ import annotations

import argparse
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

from conflictnews.actor_list import ActorListError
from conflictnews.corpus import load_corpus, parse_columns, summary
from conflictnews.outputs import Busy
from conflictnews.problems import CorpusError, Problem


def _corpus_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("corpus", help="folder of .txt / .html / Nexis .docx files, or a CSV / "
                   "JSONL / Parquet file")
    p.add_argument("--metadata", default="data/metadata.csv",
                   help="metadata CSV (default: %(default)s); 'none' for none")
    p.add_argument("--strict", action="store_true",
                   help="exit non-zero if any file, row or metadata line has a problem")
    p.add_argument("--columns", type=_columns, default={}, metavar="FIELD=COLUMN,...",
                   help="a table's own column names, e.g. text=body,published=publish_date "
                   "(fields: text, headline, published, outlet, url, byline)")
    p.add_argument("--date-order", choices=["dmy", "mdy"], default="dmy",
                   help="how dotted dates such as 03.04.2021 are read: dmy (3 April) or "
                   "mdy (4 March) (default: %(default)s)")


def _columns(value: str) -> dict[str, str]:
    try:
        return parse_columns(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _metadata(value: str) -> str | None:
    return None if value.lower() in ("", "none") else value


def cmd_extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from conflictnews.extract import read_table, run_extract

    manifest = run_extract(
        args.corpus, args.out, _metadata(args.metadata), actors=args.actors,
        demonyms=not args.no_demonyms, strict=args.strict, jobs=args.jobs,
        engine=args.engine, scheduler=args.scheduler, columns=args.columns,
        include_copies=args.include_copies, dotted=args.date_order,
        progress=lambda it: tqdm(it, desc="batches", unit="batch", disable=None))
    for row in manifest["problem_rows"].itertuples(index=False):
        print(f"warning: {Problem(*row)}", file=sys.stderr)
    for name, rows in manifest["rows"].items():
        print(f"{args.out}/{name}/  {rows:>9,} rows")
    copies = manifest["copies"]
    print(f"{copies['found']:,} articles are copies of earlier ones (duplicate_of); "
          + ("casualty report counts count each story once" if copies["counted_once"]
             else "casualty report counts include the copies"))
    mb = manifest["characters"] / 1e6
    print(f"{manifest['batches']} batches, {mb:.1f} M characters in {manifest['seconds']} s "
          f"({mb / max(manifest['seconds'], 1e-9):.2f} M characters/s, engine "
          f"{manifest['engine']}, jobs {manifest['jobs']})")
    # the summary needs no text: reading only these columns keeps memory flat
    articles = read_table(args.out, "articles", columns=[
        "doc_id", "source_file", "outlet", "published", "date_source", "n_words",
        "duplicate_of"])
    articles.attrs["problems"] = manifest["problem_rows"]
    print(summary(articles))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    articles = load_corpus(args.corpus, _metadata(args.metadata), strict=args.strict,
                           columns=args.columns, dotted=args.date_order)
    print(summary(articles))
    return 0


def cmd_reports(args: argparse.Namespace) -> int:
    from conflictnews.reports import run_reports

    overrides = {}
    if args.corpus:
        overrides["corpus"] = str(Path(args.corpus).resolve())
        overrides["metadata"] = str(Path(args.metadata).resolve()) if args.metadata else ""
    elif args.metadata:
        overrides["metadata"] = str(Path(args.metadata).resolve())
    results = run_reports(args.config, args.out, jobs=args.jobs, show_code=args.show_code,
                          only=args.only, overrides=overrides)
    for r in results:
        line = f"{r.status:6s} {r.seconds:6.1f} s  {args.out}/{r.name}.html"
        print(line + (f"  -- {r.error}" if r.error else ""))
    failed = [r for r in results if r.status != "ok"]
    print(f"{len(results) - len(failed)} ok, {len(failed)} failed; index: {args.out}/index.html")
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for all sub-commands."""
    parser = argparse.ArgumentParser(prog="conflictnews", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="write articles (and derived tables) as Parquet + CSV")
    _corpus_args(p)
    p.add_argument("--out", required=True, help="output folder (replaced whole, atomically)")
    p.add_argument("--actors", default="data/actors.yml",
                   help="actor list YAML (default: %(default)s)")
    p.add_argument("--no-demonyms", action="store_true",
                   help="do not count demonyms and capitals ('Azeri', 'Baku') for states")
    p.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    p.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local processes, or a Dask cluster (default: local)")
    p.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster)")
    p.add_argument("--include-copies", action="store_true",
                   help="count every copy of a story in casualty report counts (default: "
                   "each story once)")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("reports", help="run the notebook reports into offline HTML")
    p.add_argument("--config", default="notebooks/reports.yml",
                   help="report list (default: %(default)s)")
    p.add_argument("--out", default="reports", help="output folder (default: %(default)s)")
    p.add_argument("--jobs", type=int, default=1, help="reports run in parallel processes")
    p.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    p.add_argument("--only", nargs="+", metavar="NAME", help="run only these reports")
    p.add_argument("--corpus", help="run every report on this corpus (folder or file)")
    p.add_argument("--metadata", help="metadata CSV for --corpus (default: none)")
    p.set_defaults(func=cmd_reports)
    p = sub.add_parser("info", help="print a corpus summary")
    _corpus_args(p)
    p.set_defaults(func=cmd_info)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    import warnings

    args = build_parser().parse_args(argv)
    # SIGTERM (a killed job, a closed laptop session) unwinds like Ctrl-C: temporary
    # outputs are removed and earlier outputs stay as they were
    signal.signal(signal.SIGTERM, _terminated)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # problems are printed by the commands
            return args.func(args)
    except _user_errors() as exc:
        print(f"conflictnews: error: {exc}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return 2
    except (OSError, ValueError) as exc:
        print(f"conflictnews: error: {exc}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return 2
    except KeyboardInterrupt:
        print("conflictnews: interrupted; earlier outputs were left as they were",
              file=sys.stderr)
        return 130
    except Exception as exc:  # anything unforeseen: one line, the traceback on --debug
        print(f"conflictnews: error: {type(exc).__name__}: {exc} (run with --debug for "
              "the traceback)", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return 1


def _user_errors() -> tuple[type[Exception], ...]:
    """The errors a user can fix, printed as one line. The report module is imported
    by ``reports`` only (an ``extract`` does not pay for it), so its error is one of
    these only once it is loaded: no other command can raise it."""
    reports = sys.modules.get("conflictnews.reports")
    return (CorpusError, ActorListError, Busy,
            *((reports.ReportConfigError,) if reports is not None else ()))


def _terminated(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
