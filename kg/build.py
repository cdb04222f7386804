"""``kg build``: every document through the per-document unit of work (``kg.run``), cached and
spread over processes or a Dask cluster; then the corpus step (``kg.corpus``); then the outputs,
streamed a named graph at a time into a staging folder and put in place together
(``kg.outputs.staging``), one build at a time per output folder (``kg.outputs.lock``).

Only this module sees the whole build. It reads each source's bytes, so a cached document costs
a hash and a read of its cache entry; the documents' graphs stay in the cache until the outputs
are written, one at a time, so memory grows with the entities, not with the text.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import Counter
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Generator, Iterator, Optional, Sequence

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.corpus.step import CorpusFacts, corpus_step
from kg.errors import DocumentFailed, InputError, KgError, OutputError, OutputsMixedError, ValidationError
from kg.graph.entities import add_co_mentions, add_entities
from kg.graph.documents import add_duplicate
from kg.graph.iris import DEFAULT_BASE, DEFAULT_BUILD, Iris
from kg.graph.lines import Lines, split_lines
from kg.ingest.read import SUFFIXES, Skipped, collect, unsupported_type
from kg.outputs.lock import build_lock
from kg.outputs.staging import Staging, sweep
from kg.outputs.store import STORE_DIR, build_store, graph_digests, mark_store_current, updated_store
from kg.outputs.stream import GraphFiles
from kg.nlp.model import require_model
from kg.run.cache import CACHE_DIR, ResultCache, entry_key
from kg.graph.shapes import load_validator
from kg.run.resources import PREFIX_PAIRS, fingerprint
from kg.run.result import DocumentRecord, DocumentResult, Failure, Outcome, Source
from kg.run.schedule import run_dask, run_pool, run_serial
from kg.run.warm import warm_up

# What the corpus step and the outputs import on first use (kg.corpus.dedup, kg.outputs.*),
# imported while the workers start (kg.run.warm).
_WARM_MODULES = ("datasketch", "kg.outputs.corpus_network", "kg.outputs.viz", "pyoxigraph")
# Called once per file as it is settled: ("built" | "reused" | "failed" | "skipped", file name).
Progress = Callable[[str, str], None]

MANIFEST = "kg-build.json"
OUTPUTS = ("graph.trig", "graph.ttl", "graph.html")
# Everything a build puts in OUT together (True: a folder); the manifest is put in place last.
_PUT_TOGETHER = {**{name: False for name in OUTPUTS}, STORE_DIR: True, MANIFEST: False}
_VIOLATIONS_QUOTED = 3
# The store is updated in place of a reload when at most this share of its graphs changed.
_UPDATE_AT_MOST = 0.25
_ENTITIES_TEXT = "entities-graph.nt.z"  # the entities graph as last written, beside the cache


@dataclass
class BuildResult:
    documents: list[DocumentRecord] = field(default_factory=list)
    errors: list[KgError] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)  # not read, not failed: other types, copies
    outputs: list[Path] = field(default_factory=list)
    class_counts: dict[str, int] = field(default_factory=dict)
    relation_counts: dict[str, int] = field(default_factory=dict)
    triples: int = 0
    built: int = 0
    reused: int = 0
    unchanged: bool = False  # nothing changed since the last build: the outputs were kept
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, in order


def build(
    sources: Sequence[str | Path],
    out_dir: str | Path,
    *,
    base: str = DEFAULT_BASE,
    jobs: int = 1,
    scheduler: Optional[str] = None,
    use_cache: bool = True,
    progress: Optional[Progress] = None,
    build_id: Optional[str] = None,
) -> BuildResult:
    """Build the graph of ``sources`` into ``out_dir``. Bad files are returned, not raised, so the
    rest still build; nothing is written when no document could be read, and nothing when a
    graph does not conform to the ontology's shapes (ValidationError). The outputs are replaced
    all together or not at all: a build that fails (OutputError, whose message says so) or is
    interrupted leaves the previous ones as they were. One build at a time per ``out_dir``
    (OutputBusyError for the second).

    ``build_id`` names the build in its entities graph's IRI and in the graph listing its
    graphs, so that builds pushed into one store keep their own; by default (None or empty) the
    output folder's name, which rebuilding into the same folder keeps."""
    tell = progress or (lambda status, name: None)
    out = Path(out_dir)
    name = build_id or out.resolve().name or DEFAULT_BUILD
    result = BuildResult()
    clock = _Clock(result.timings)
    listing = collect(sources)
    result.errors.extend(listing.errors)
    result.skipped.extend(listing.skipped)
    inputs = _read(listing.files, result, tell)
    if not inputs:
        return result
    rules_print = fingerprint(base)
    manifest = _manifest(rules_print, base, name, inputs)
    with build_lock(out):
        sweep(out, legacy=tuple(_PUT_TOGETHER))  # what a killed build left
        cache = ResultCache(out / CACHE_DIR, rules_print)
        cache.sweep()
        if use_cache and _unchanged(out, manifest):
            for source in inputs:
                tell("reused", source.name)
            _summary_from(json.loads((out / MANIFEST).read_text(encoding="utf-8")), result)
            result.outputs = [out / output for output in OUTPUTS] + [out / STORE_DIR]
            result.reused, result.unchanged = len(inputs), True
            return result
        staging = Staging(out, _PUT_TOGETHER)  # before the long work: OUT must be writable
        try:
            _build_into(staging, inputs, manifest, cache, result, clock, base=base, jobs=jobs,
                        scheduler=scheduler, use_cache=use_cache, tell=tell, name=name)
        except OutputsMixedError:
            raise
        except OutputError as err:
            kept = "the previous outputs were kept" if any((out / n).exists() for n in _PUT_TOGETHER) \
                else "no outputs were written"
            raise OutputError(f"{err}; {kept}") from None
        finally:
            staging.discard()
    return result


def _build_into(staging: Staging, inputs: list[Source], manifest: dict, cache: ResultCache, result: BuildResult,
                clock: "_Clock", *, base: str, jobs: int, scheduler: Optional[str], use_cache: bool,
                tell: Progress, name: str) -> None:
    """The documents, the corpus step and the outputs, written into ``staging`` and put in place
    together at the end (not at all when no document gave a result)."""
    out = staging.out
    clock.lap("read")
    keys = [entry_key(s.name, s.sha256) for s in inputs]
    slim: dict[int, DocumentResult] = {}
    todo: list[int] = []
    for index, (source, key) in enumerate(zip(inputs, keys)):
        cached = cache.get(key) if use_cache else None
        if cached is None:
            todo.append(index)
        else:
            slim[index] = replace(cached, graph="")
            result.reused += 1
            tell("reused", source.name)
    # While workers start, this process imports what the corpus step needs (kg.run.warm).
    warm = warm_up(_WARM_MODULES) if todo and len(inputs) > 1 and (scheduler or (jobs > 1 and len(todo) > 1)) else None
    # Closed as soon as the loop is left, by an error or Ctrl-C: the workers stop then, not at exit.
    with _joined(warm), closing(_schedule([inputs[i] for i in todo], base, jobs, scheduler)) as outcomes:
        for n, outcome in outcomes:
            index = todo[n]
            if isinstance(outcome, Failure):
                result.errors.append(InputError(outcome.source, outcome.message.partition(": ")[2] or outcome.message)
                                     if not outcome.crashed else DocumentFailed(outcome.message))
                tell("failed", inputs[index].name)
                continue
            cache.put(keys[index], outcome)
            slim[index] = replace(outcome, graph="")
            result.built += 1
            tell("built", inputs[index].name)
    clock.lap("documents")
    if not slim:
        return

    done = sorted(slim.items(), key=lambda item: item[1].record.doc_id)
    _check([(r.record.source, v) for _, r in done for v in r.violations])
    corpus = corpus_step([r for _, r in done])
    iris = Iris(base)
    entities = _entities_graph(corpus, iris, name)
    report = load_validator().check_triples(entities, PREFIX_PAIRS)
    _check([("entities graph", v.describe()) for v in report.violations if v.severity == "Violation"])
    entities_lines = entities.sorted_text()
    clock.lap("corpus")
    files_out = _write_outputs(staging, done, cache, keys, corpus, entities_lines, iris, name, clock)
    result.outputs = [out / "graph.trig", out / "graph.ttl", out / "graph.html", out / STORE_DIR]
    result.documents = [r.record for _, r in done]
    result.triples = files_out.triples
    result.class_counts = dict(sorted(files_out.class_counts.items()))
    result.relation_counts = dict(sorted(Counter(rel.predicate for _, r in done for rel in r.relations).items()))
    if not result.errors:  # a build with failures has no manifest: it is redone next time, to report them again
        _write_manifest(staging, manifest, result)
    cache.put_text(_ENTITIES_TEXT, entities_lines)  # for the next build's store update
    cache.prune(set(keys))
    staging.commit(MANIFEST)
    clock.lap("commit")


def _write_outputs(staging: Staging, done: list[tuple[int, DocumentResult]], cache: ResultCache, keys: list[str],
                   corpus: CorpusFacts, entities_lines: str, iris: Iris, name: str, clock: "_Clock") -> GraphFiles:
    """graph.trig and graph.ttl streamed a named graph at a time from the cache, the page, and
    the store (a copy of the previous one updated where few graphs changed, else loaded again),
    all into ``staging``."""
    out = staging.out
    previous = graph_digests(out)
    digests: dict[str, str] = {}
    changed: dict[str, str] = {}  # graphs the previous store lacks or holds otherwise
    files_out = GraphFiles(staging.path, out)

    def add(graph_iri: str, lines: str, local: str) -> None:
        digests[graph_iri] = files_out.add_graph(graph_iri, lines, local)
        if previous.get(graph_iri) != digests[graph_iri] and len(changed) <= _UPDATE_AT_MOST * len(done):
            changed[graph_iri] = lines

    entities_iri = str(iris.entities_graph(name))
    graphs = [str(iris.document_graph(r.record.doc_id)) for _, r in done] + ([entities_iri] if entities_lines else [])
    try:
        # The build's record first: graph.trig's graphs are in IRI order, and …/graph/build/ sorts first.
        add(str(iris.build_graph(name)), _record(iris, name, graphs), "\0")
        for _, document in _with_graphs(done, cache, keys):
            doc_id = document.record.doc_id
            lines = document.graph
            duplicate = corpus.duplicates.get(doc_id)
            if duplicate is not None:
                extra = Lines()
                add_duplicate(extra, duplicate.doc_id, duplicate.of, duplicate.similarity, iris)
                lines = "".join(sorted(split_lines(lines + extra.text())))
            add(str(iris.document_graph(doc_id)), lines, f"<{iris.document(doc_id)}/")
        add(entities_iri, entities_lines, "\0")
    except BaseException:
        files_out.abandon()  # its files go with the staging folder; not their descriptors
        raise
    files_out.close()
    clock.lap("graph files")
    from kg.outputs.corpus_network import corpus_network  # networkx and pyvis: a second, for the page only
    from kg.outputs.viz import render_html

    staging.write("graph.html", render_html(corpus_network([r.record for _, r in done], corpus, iris)))
    clock.lap("page")
    stale = set(previous) - set(digests)
    if previous and len(changed) + len(stale) <= _UPDATE_AT_MOST * len(done) and (out / STORE_DIR).is_dir():
        updated_store(out / STORE_DIR, staging.path / STORE_DIR, digests, changed,
                      {entities_iri: cache.get_text(_ENTITIES_TEXT) or ""})
    else:
        build_store(files_out.path("graph.trig"), staging.path / STORE_DIR, format=_trig(), digests=digests,
                    shown=out / STORE_DIR)
    mark_store_current(staging.path)
    clock.lap("store")
    return files_out


class _Clock:
    def __init__(self, laps: dict[str, float]) -> None:
        self.laps, self.last = laps, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.laps[stage] = round(self.laps.get(stage, 0.0) + now - self.last, 3)
        self.last = now


def _read(files: Sequence[Path], result: BuildResult, tell: Progress) -> list[Source]:
    """Each file's bytes. A document is its content: a file with the same content as one before
    it is skipped, naming that one, so one content never becomes two documents."""
    inputs: list[Source] = []
    first: dict[str, str] = {}  # content digest -> the file read for it
    for path in files:
        if path.suffix.lower() not in SUFFIXES:
            result.errors.append(InputError(str(path), unsupported_type(path)))
            tell("failed", str(path))
            continue
        try:
            data = path.read_bytes()
        except OSError as err:
            result.errors.append(InputError(str(path), f"cannot be read ({err.strerror})"))
            tell("failed", str(path))
            continue
        sha256 = hashlib.sha256(data).hexdigest()
        if sha256 in first:
            result.skipped.append(Skipped(str(path), f"same content as {first[sha256]}, built once"))
            tell("skipped", str(path))
            continue
        first[sha256] = str(path)
        inputs.append(Source(str(path), data, sha256))
    return inputs


def _schedule(sources: list[Source], base: str, jobs: int,
              scheduler: Optional[str]) -> Generator[tuple[int, Outcome], None, None]:
    if scheduler and sources:
        return run_dask(sources, base, scheduler)
    if jobs > 1 and len(sources) > 1:
        require_model()  # workers would die of it one by one, unexplained: say it once, here
        return run_pool(sources, base, jobs)
    return run_serial(sources, base)


@contextmanager
def _joined(thread: Optional[threading.Thread]) -> Iterator[None]:
    try:
        yield
    finally:
        if thread is not None:
            thread.join()


def _with_graphs(done, cache: ResultCache, keys: list[str]) -> Iterator[tuple[int, DocumentResult]]:
    for index, slim in done:
        full = cache.get(keys[index])
        if full is None:
            raise OutputError(f"{cache.folder}: a document's cached result vanished during the build ({slim.record.source})")
        yield index, full


def _check(failing: list[tuple[str, str]]) -> None:
    """Raise ValidationError quoting the first few (graph, violation) pairs, if any."""
    if not failing:
        return
    quoted = "; ".join(f"{source}: {v}" for source, v in failing[:_VIOLATIONS_QUOTED])
    more = f"; and {len(failing) - _VIOLATIONS_QUOTED} more" if len(failing) > _VIOLATIONS_QUOTED else ""
    raise ValidationError(f"the graph does not conform to ontology/shapes.ttl ({len(failing)} violations): {quoted}{more}")


def _entities_graph(corpus: CorpusFacts, iris: Iris, name: str) -> Lines:
    lines = Lines()
    entities = {e.key: e for e in corpus.entities.sorted_entities()}
    add_entities(lines, entities, iris)
    add_co_mentions(lines, entities, corpus.co_mentions, iris, name)
    return lines


def _record(iris: Iris, name: str, graphs: list[str]) -> str:
    """The build's record: its name and every other graph it holds, which `kg push` compares
    with the record a store kept from the last push, to remove the graphs a build dropped."""
    lines = Lines()
    node = iris.build(name)
    lines.add((node, DCTERMS.identifier, Literal(name)))
    for graph in graphs:
        lines.add((node, DCTERMS.hasPart, URIRef(graph)))
    return lines.sorted_text()


def _trig():
    import pyoxigraph as ox

    return ox.RdfFormat.TRIG


def _manifest(rules_print: str, base: str, name: str, inputs: Sequence[Source]) -> dict:
    return {
        "kg-build": 1,
        "fingerprint": rules_print,
        "base": base,
        "build": name,
        "inputs": sorted([Path(s.name).name, s.sha256] for s in inputs),
    }


def _unchanged(out: Path, manifest: dict) -> bool:
    """The last build in ``out`` had the same inputs under the same fingerprint, and its outputs
    are still there as it wrote them."""
    try:
        last = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if any(last.get(k) != v for k, v in manifest.items()):
        return False
    for name, size in last.get("outputs", {}).items():
        try:
            if (out / name).stat().st_size != size:
                return False
        except OSError:
            return False
    return bool(last.get("outputs")) and (out / STORE_DIR).is_dir()


def _write_manifest(staging: Staging, manifest: dict, result: BuildResult) -> None:
    data = dict(manifest)
    data["outputs"] = {name: (staging.path / name).stat().st_size for name in OUTPUTS}
    data["timings"] = result.timings
    data["summary"] = {
        "documents": [[r.doc_id, r.source] for r in result.documents],
        "triples": result.triples,
        "classes": result.class_counts,
        "relations": result.relation_counts,
    }
    staging.write(MANIFEST, (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))


def _summary_from(data: dict, result: BuildResult) -> None:
    summary = data.get("summary", {})
    result.documents = [DocumentRecord(doc_id, source, "", "", "", "", "", 0) for doc_id, source in summary.get("documents", [])]
    result.triples = summary.get("triples", 0)
    result.class_counts = summary.get("classes", {})
    result.relation_counts = summary.get("relations", {})
