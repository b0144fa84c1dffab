"""The `harmledger` command line: the Typer app, its commands (`harmledger --help` lists them) and
the entry point that turns errors into one line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from harmledger.cli import common
from harmledger.cli.common import err, out
from harmledger.errors import Code, HarmledgerError
from harmledger.export.formats import ExportFormat
from harmledger.store.filters import Filters

if TYPE_CHECKING:
    from harmledger.app.evaluation import Evaluation

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn conflicting news reports about violent incidents into a reconciled "
                       "record that keeps who claimed what.")


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option(
        "--db", help="SQLite file or postgresql:// URL [default: $HARMLEDGER_DB or ./harmledger.db]")] = None,
) -> None:
    """harmledger: who claimed which casualty figures, for which incident."""
    ctx.obj = db


def _engine(ctx: typer.Context):  # type: ignore[no-untyped-def]
    return common.engine(ctx)


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .html .json .jsonl .xml)")],
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Parse and extract on N Dask worker processes (a local cluster)")] = 1,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Parse and extract on a running Dask scheduler, e.g. tcp://10.0.0.5:8786")] = None,
) -> None:
    """Read news files, extract mentions and claims, and rebuild the incidents.

    Example:
        harmledger --db demo.db ingest examples/demo
        harmledger --db postgresql://postgres@127.0.0.1:5432/harmledger ingest --workers 2 corpus/
    """
    from harmledger.app.pipeline import ingest as run_ingest

    engine = common.engine(ctx, create=True)  # the one command that may start a new database
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("ingest", total=None)

        def step(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        report = run_ingest(engine, paths, progress=step, workers=workers, scheduler=scheduler)
    err.print(f"{report.files} files, {report.articles_seen} articles: {report.articles_new} new "
              f"({report.duplicates} near-duplicates), {report.incidents} incidents new or updated"
              + (f", {report.merged} merged into others" if report.merged else ""))
    for problem in report.warnings + report.errors:
        err.print(str(problem), markup=False)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def show(
    ctx: typer.Context,
    incident_id: Annotated[str, typer.Argument(metavar="ID", help="Incident id from 'incidents'")],
    explain: Annotated[bool, typer.Option(
        "--explain", help="Why each article joined and how each figure was derived")] = False,
) -> None:
    """Show one incident with its figures, contradictions and claim table.

    Example:
        harmledger --db demo.db show I4d7e469b3999 --explain
    """
    from harmledger.cli.tables import claim_table
    from harmledger.reconcile.explain import figure_status_line
    from harmledger.store.repository import all_articles, load_incidents, resolve_incident_id

    engine = _engine(ctx)
    current, moved = resolve_incident_id(engine, incident_id)
    if moved:
        err.print(f"{incident_id} was merged into {current}")
    found = load_incidents(engine, [current])
    if not found:
        raise HarmledgerError(Code.NO_SUCH_INCIDENT, detail=incident_id)
    inc = found[0]
    place = f"{inc.place.name} ({inc.place.admin1}, {inc.place.country_code})" if inc.place else "?"
    when = f"{inc.date.value} ({inc.date.precision})" if inc.date.value else "unknown"
    out.print(f"[bold]{inc.id}[/bold] {inc.event_type} · {when} · {place}")
    out.print(f"target: {inc.target or '–'} · weapon: {inc.weapon or '–'} · grade: {inc.grade} · "
              f"sources: {inc.independent} independent of {inc.articles} articles")
    out.print(figure_status_line(inc), markup=False, highlight=False)
    for kind in ("killed", "injured"):
        f = getattr(inc, kind)
        out.print(f"{kind}: low {f.low} · best {f.best} · high {f.high} · conservative "
                  f"{f.conservative}  [dim]{f.rule}[/dim]")
    for c in inc.contradictions:
        out.print(f"contradiction ({c.kind}): {c.description} [claims {c.claims}]", markup=False)
    articles = all_articles(engine, with_text=False)
    out.print(claim_table(inc, articles))
    if explain:
        from harmledger.cli.tables import membership_table
        from harmledger.reconcile.explain import explain_figures
        from harmledger.resolve.explain import explain_membership

        out.print(membership_table(explain_membership(inc), articles))
        for kind in ("killed", "injured"):
            for line in explain_figures(inc, articles, kind):
                out.print(line, markup=False, highlight=False)


@app.command()
@common.with_filters
def export(
    ctx: typer.Context,
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="json, csv, geojson, claims (a row per claim), or the ACLED or UCDP GED columns")]
    = ExportFormat.json,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout)")] = None,
    *, filters: Filters,
) -> None:
    """Export the (filtered) incidents as JSON (harmledger/incidents@1), CSV, GeoJSON, ACLED or UCDP GED.

    --format claims writes one CSV row per claim (incident, claim id, figure, claimant, article);
    --format acled and ucdp write those datasets' codebook columns (docs/interop.md).

    Example:
        harmledger --db demo.db export --format csv -o out/incidents.csv --country UA
        harmledger --db demo.db export --format acled -o out/acled.csv
    """
    from harmledger.export.formats import render
    from harmledger.store.queries import select_incidents
    from harmledger.store.repository import all_articles

    engine = _engine(ctx)
    chosen = select_incidents(engine, filters)
    text = render(format, chosen, filters, lambda: all_articles(engine, with_text=False))
    if output is None:
        sys.stdout.write(text + ("" if text.endswith("\n") else "\n"))
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {len(chosen)} incidents to {output}")


@app.command()
def rebuild(ctx: typer.Context) -> None:
    """Resolve every stored article afresh (after a change of rules); ids that vanish redirect.

    Example:
        harmledger --db demo.db rebuild
    """
    from harmledger.app.pipeline import rebuild_incidents

    err.print(f"{len(rebuild_incidents(_engine(ctx)))} incidents")


@app.command()
def recover(ctx: typer.Context) -> None:
    """Finish what a killed or failed ingest stored: resolve every stored article not yet in an
    incident. Any later ingest does this too; this does it without new input.

    Example:
        harmledger --db demo.db recover
    """
    from harmledger.app.pipeline import resolve_pending

    changed, merged = resolve_pending(_engine(ctx))
    err.print(f"{len(changed)} incidents new or updated" + (f", {len(merged)} merged into others" if merged else ""))


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    cors_origin: Annotated[list[str] | None, typer.Option(
        help="Allow browser calls from this origin (repeatable); CORS is off without it")] = None,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Serve from N processes (production: one per core)")] = 1,
    compare_file: Annotated[Path | None, typer.Option(
        "--compare", metavar="FILE", help="An ACLED or UCDP GED export (.csv): each incident page shows "
                                          "its matching event")] = None,
    allowed_host: Annotated[list[str] | None, typer.Option(
        help="Also answer to this Host name (repeatable; '*.example.org' for subdomains, '*' for any); "
             "--host, localhost and 127.0.0.1 always")] = None,
) -> None:
    """Serve the REST API (/api, OpenAPI at /docs) and the web UI on the database.

    Writes (POST /api/articles) need $HARMLEDGER_TOKEN set on the server and sent as a Bearer token.

    Example:
        harmledger --db out/demo.db serve --port 8000
        harmledger --db out/demo.db serve --host 0.0.0.0 --workers 2 --allowed-host news.example.org
        harmledger --db out/demo.db serve --compare acled-ukraine-2022.csv
    """
    import os

    import uvicorn

    from harmledger.serve.api import create_app
    from harmledger.serve.hosts import allowed_hosts

    hosts = allowed_hosts(host, allowed_host)
    # Without a token the server only reads: a database that does not exist is a mistyped --db.
    common.engine(ctx, create=bool(os.environ.get("HARMLEDGER_TOKEN"))).dispose()
    compared = str(compare_file) if compare_file else None
    # opens the database and reads the comparison file: errors here
    application = create_app(ctx.obj, cors_origins=cors_origin or [], compare_file=compared, hosts=hosts)
    err.print(f"harmledger web UI: http://{host}:{port}/  · API docs: http://{host}:{port}/docs")
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    # Each worker process builds its own app (and engine) from the environment.
    if ctx.obj:
        os.environ["HARMLEDGER_DB"] = ctx.obj
    os.environ["HARMLEDGER_CORS"] = ",".join(cors_origin or [])
    os.environ["HARMLEDGER_COMPARE"] = compared or ""
    os.environ["HARMLEDGER_HOSTS"] = ",".join(hosts)
    from harmledger.serve.nodelay import NoDelayProtocol

    uvicorn.run("harmledger.serve.api:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning", http=NoDelayProtocol)


@app.command("eval")
def evaluate(
    gold_dirs: Annotated[list[Path], typer.Argument(
        metavar="GOLD_DIR", help="Folders with articles.jsonl and incidents.jsonl, one per corpus")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON")] = False,
    export_to: Annotated[Path | None, typer.Option(
        "--export", help="Also write the export scored; with several folders one file per corpus, "
                         "out/x.json -> out/x-dev.json, out/x-dev2.json")] = None,
    baselines: Annotated[bool, typer.Option(
        "--baselines", help="Also score regex counts, dateparser and geotext in our place (per corpus)")] = False,
) -> None:
    """Score the pipeline on gold folders, each ingested into its own fresh temporary database.

    One folder: the reference scorer's metrics, one a line, then same_town_other_day_merged.

    Several: one row per corpus (named by its folder) and a pooled row (micro-averages).

    The pooled row counts every unit, incident and claim of all the corpora once.

    With several, --json prints {"corpora": {name: scores}, "pooled": scores}, each as --json of it alone.

    Example:
        harmledger eval ../shared/corpus/dev ../shared/corpus/dev2
    """
    from harmledger.app.evaluation import check_gold_dir, corpus_names, export_path, pooled
    from harmledger.app.evaluation import evaluate as run_eval

    try:
        names = corpus_names(gold_dirs)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="GOLD_DIR") from None
    for gold_dir in gold_dirs:  # every folder checked before minutes go into ingesting the first
        check_gold_dir(gold_dir)
    if len(gold_dirs) == 1:
        result = run_eval(gold_dirs[0], baselines=baselines)
        if export_to is not None:
            _write_export(export_to, result)
        _print_one(result, as_json)
        return
    results = {}
    for name, gold_dir in zip(names, gold_dirs, strict=True):
        results[name] = run_eval(gold_dir, baselines=baselines)
        if export_to is not None:
            _write_export(export_path(export_to, name), results[name])
    _print_corpora(results, pooled(list(results.values())), as_json)


def _write_export(path: Path, result: Evaluation) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result.export, ensure_ascii=False), encoding="utf-8")


def _print_json(payload: dict[str, Any]) -> None:
    # soft_wrap: rich would otherwise break lines at the console's width, even inside a string
    # ("regex counts"), and the JSON would no longer parse
    out.print(json.dumps(payload), markup=False, highlight=False, soft_wrap=True)


def _print_one(result: Evaluation, as_json: bool) -> None:
    """One corpus: the reference scorer's lines (or its JSON keys), then what it does not print."""
    from harmledger.cli.tables import baseline_table
    from harmledger.evaluate.score import format_scores

    if as_json:
        _print_json(result.as_json())
        return
    out.print(format_scores(result.scores), markup=False, highlight=False)
    # not a reference-scorer metric, so after them and not in --json
    merged = result.merged_apart_days
    out.print(f"{'same_town_other_day_merged':28s} {len(merged)}" + "".join(
        f"\n  {a} + {b} in {inc}" for a, b, inc in merged), markup=False, highlight=False)
    if result.baseline_tallies:
        out.print(baseline_table(result.scores, result.baselines))


def _print_corpora(results: dict[str, Evaluation], total: Evaluation, as_json: bool) -> None:
    """Several corpora: one row each and a pooled row (or the same as JSON)."""
    from harmledger.cli.tables import corpus_baseline_table, corpus_table

    if as_json:
        payload = {"corpora": {name: r.as_json() for name, r in results.items()}, "pooled": total.as_json()}
        _print_json(payload)
        return
    out.print(corpus_table({name: (r.scores, len(r.merged_apart_days)) for name, r in results.items()},
                           (total.scores, len(total.merged_apart_days))))
    for name, r in results.items():
        for a, b, inc in r.merged_apart_days:
            out.print(f"same_town_other_day_merged in {name}: {a} + {b} in {inc}", markup=False, highlight=False)
    if total.baseline_tallies:
        out.print(corpus_baseline_table({name: (r.scores, r.baselines) for name, r in results.items()},
                                        (total.scores, total.baselines)))


def _db_option() -> str | None:
    """The --db given on the command line (for messages raised outside a command)."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg == "--db" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--db="):
            return arg[len("--db="):]
    return None


def _register() -> None:
    """Commands defined in their own modules (one concern each), added in the order of --help."""
    from harmledger.cli.compare import compare
    from harmledger.cli.corrections import decisions, detach, merge, split
    from harmledger.cli.incidents import incidents

    app.command()(incidents)
    for command in (split, merge, detach, decisions):
        app.command()(command)
    app.command()(compare)


_register()


def main() -> None:
    """Entry point: user errors become one line on stderr and exit status 1."""
    try:
        app()
    except HarmledgerError as exc:
        err.print(str(exc), markup=False)
        sys.exit(1)
    except Exception as exc:
        # A database that fails mid-command (server gone, disk full): one line, exit 1. Every
        # write is one transaction, so nothing half-written stays behind, and articles stored
        # before the failure are resolved by the next ingest or `recover`.
        from sqlalchemy.exc import SQLAlchemyError

        from harmledger.store.database import first_line, shown_name

        if isinstance(exc, SQLAlchemyError):
            err.print(str(HarmledgerError(Code.DATABASE_ERROR, shown_name(_db_option()), detail=first_line(exc))),
                      markup=False)
        else:
            # A bug, not bad input: still one line (the input that caused it was reported per
            # record where it could be), and whatever was stored is finished by the next run.
            err.print(str(HarmledgerError(Code.INTERNAL, detail=f"{type(exc).__name__}: {first_line(exc)}")),
                      markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
