"""Compare SPARQL engines for `kg query`: rdflib's own engine against pyoxigraph (and oxrdflib).

Run: .venv/bin/python bench/query_engines.py [--quick] [--triples N] [--seed-graph PATH]

Two cases are measured:

1. A big graph: the seed graph (out/graph.ttl by default) copied N times until it holds about
   --triples triples (1,000,000 by default, 200,000 with --quick). Every IRI under
   https://w3id.org/kg-policy/id/ gets a copy prefix (…/id/c7/district/330102), so the copies
   are disjoint but have the seed's shape. The result is written once as N-Triples and every
   engine loads the same bytes, each in a fresh process (so peak memory is per engine). Each
   library query runs --repeat times; best and median are reported, with the row counts, which
   must agree between engines.
2. The daily case: a fresh `python -c` process that imports the engine, loads the seed Turtle
   file and runs one library query, timed from outside (interpreter start and imports included).

oxrdflib (rdflib's Graph API over an Oxigraph store) is measured too when it is importable and
skipped otherwise; the project does not depend on it. Prints its figures; nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ID_BASE = "https://w3id.org/kg-policy/id/"
ENGINES = ("rdflib", "oxigraph", "oxrdflib")

PREFIXES = """\
PREFIX pol: <https://w3id.org/kg-policy/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""

# name -> (what it stands for, SPARQL). Shaped like the library queries `kg query` will ship.
QUERIES: dict[str, tuple[str, str]] = {
    "mention-counts": (
        "programs with mention counts (GROUP BY, COUNT over pol:refersTo)",
        """SELECT ?entity ?label (COUNT(?mention) AS ?mentions) WHERE {
  ?entity a pol:Program ;
          skos:prefLabel ?label .
  ?mention pol:refersTo ?entity .
} GROUP BY ?entity ?label
ORDER BY DESC(?mentions) ?label""",
    ),
    "located-in": (
        "everything located in 杭州市, transitively (pol:locatedIn+)",
        """SELECT ?thing ?label WHERE {
  ?district skos:prefLabel "杭州市"@zh .
  ?thing pol:locatedIn+ ?district ;
         skos:prefLabel ?label .
} ORDER BY ?label""",
    ),
    "district-programs": (
        "programs 上城区 implements",
        """SELECT ?program ?label WHERE {
  ?district a pol:District ;
            skos:prefLabel "上城区"@zh ;
            pol:implements ?program .
  ?program skos:prefLabel ?label .
} ORDER BY ?label""",
    ),
    "top-comentions": (
        "most co-mentioned pairs (ORDER BY DESC(?n) LIMIT 20)",
        """SELECT ?a ?aLabel ?b ?bLabel ?n WHERE {
  ?pair a pol:CoMention ;
        pol:firstEntity ?a ;
        pol:secondEntity ?b ;
        pol:sentenceCount ?n .
  ?a skos:prefLabel ?aLabel .
  ?b skos:prefLabel ?bLabel .
} ORDER BY DESC(?n) ?a ?b
LIMIT 20""",
    ),
    "label-contains": (
        'label lookup, FILTER(CONTAINS(?label, "杭州"))',
        """SELECT ?entity ?label WHERE {
  ?entity skos:prefLabel ?label .
  FILTER(CONTAINS(?label, "杭州"))
} ORDER BY ?label""",
    ),
}
SEED_QUERY = "mention-counts"


# --- scaling the seed graph ----------------------------------------------------------------

IRI_MARK, BNODE_MARK = "\x00", "\x01"  # cannot occur in N-Triples output (control characters are escaped)


def _mark(term: str) -> str:
    if term.startswith("<" + ID_BASE):
        return "<" + ID_BASE + IRI_MARK + term[len(ID_BASE) + 1 :]
    if term.startswith("_:"):
        return "_:" + BNODE_MARK + term[2:]
    return term


def scale_graph(seed: Path, target: int, out: Path) -> dict:
    """Write about `target` triples to `out` as N-Triples: disjoint copies of `seed`."""
    import rdflib

    fmt = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads"}.get(seed.suffix, "turtle")
    started = time.perf_counter()
    if fmt in ("trig", "nquads"):
        dataset = rdflib.Dataset()
        dataset.parse(seed, format=fmt)
        graph = rdflib.Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            graph.add((s, p, o))
    else:
        graph = rdflib.Graph()
        graph.parse(seed, format=fmt)
    nt = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    shared, per_copy = [], []
    for line in nt.splitlines():
        if not line.strip():
            continue
        subject, predicate, rest = line.split(" ", 2)  # rest: object + " ."
        marked = f"{_mark(subject)} {_mark(predicate)} "
        if rest.startswith("<") or rest.startswith("_:"):
            obj, tail = rest.split(" ", 1)
            marked += f"{_mark(obj)} {tail}"
        else:
            marked += rest
        (per_copy if (IRI_MARK in marked or BNODE_MARK in marked) else shared).append(marked)
    if not per_copy:
        raise SystemExit(f"{seed}: no IRI under {ID_BASE}; nothing to copy")
    copies = max(1, round((target - len(shared)) / len(per_copy)))
    template = "\n".join(per_copy) + "\n"
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        if shared:
            handle.write("\n".join(shared) + "\n")
        for i in range(copies):
            handle.write(template.replace(IRI_MARK, f"c{i}/").replace(BNODE_MARK, f"c{i}x"))
    return {
        "seed_triples": len(graph),
        "copies": copies,
        "triples": len(shared) + copies * len(per_copy),
        "bytes": out.stat().st_size,
        "seconds": time.perf_counter() - started,
    }


# --- one engine on the big graph, run in a child process -------------------------------------


class QueryTimeout(Exception):
    pass


def _on_alarm(signum, frame):  # noqa: ARG001
    raise QueryTimeout


def _peak_rss_mb() -> float | None:
    # VmHWM, not getrusage's ru_maxrss: that one survives exec, so it would report the parent.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def worker(engine: str, data: Path, repeat: int, timeout: int) -> dict:
    result: dict = {"engine": engine, "queries": {}}
    started = time.perf_counter()
    if engine == "rdflib":
        import rdflib

        result["import_s"] = time.perf_counter() - started
        graph = rdflib.Graph()
        t = time.perf_counter()
        graph.parse(data, format="nt")
        result["load_s"] = time.perf_counter() - t
        result["triples"] = len(graph)

        def run(q: str) -> int:
            return len(list(graph.query(q)))

    elif engine == "oxigraph":
        import gc

        from pyoxigraph import RdfFormat, Store

        result["import_s"] = time.perf_counter() - started
        bulk = Store()
        t = time.perf_counter()
        bulk.bulk_load(path=str(data), format=RdfFormat.N_TRIPLES)
        result["bulk_load_s"] = time.perf_counter() - t
        del bulk
        gc.collect()
        store = Store()
        t = time.perf_counter()
        store.load(path=str(data), format=RdfFormat.N_TRIPLES)
        result["load_s"] = time.perf_counter() - t
        result["triples"] = len(store)

        def run(q: str) -> int:
            return len(list(store.query(q)))

    elif engine == "oxrdflib":
        import rdflib

        import oxrdflib  # noqa: F401  (registers the Oxigraph store and ox-* parsers)

        result["import_s"] = time.perf_counter() - started
        graph = rdflib.Graph(store="Oxigraph")
        t = time.perf_counter()
        graph.parse(data, format="ox-nt")
        result["load_s"] = time.perf_counter() - t
        result["triples"] = len(graph)

        def run(q: str) -> int:
            return len(list(graph.query(q)))

    else:
        raise SystemExit(f"unknown engine {engine}")

    signal.signal(signal.SIGALRM, _on_alarm)
    for name, (_, sparql) in QUERIES.items():
        times, rows = [], None
        for _ in range(repeat):
            signal.alarm(timeout)
            t = time.perf_counter()
            try:
                rows = run(PREFIXES + sparql)
            except QueryTimeout:
                times = None
                break
            finally:
                signal.alarm(0)
            times.append(time.perf_counter() - t)
        result["queries"][name] = {"times": times, "rows": rows}
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def run_worker(engine: str, data: Path, repeat: int, timeout: int) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", engine, "--data", str(data),
           "--repeat", str(repeat), "--query-timeout", str(timeout)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return {"engine": engine, "error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the daily case: fresh process, seed Turtle, one query -----------------------------------

SEED_CODE = {
    "rdflib": """
import rdflib
g = rdflib.Graph(); g.parse(PATH, format="turtle"); t_load = time.perf_counter()
rows = len(list(g.query(QUERY)))""",
    "oxigraph": """
from pyoxigraph import RdfFormat, Store
s = Store(); s.load(path=PATH, format=RdfFormat.TURTLE); t_load = time.perf_counter()
rows = len(list(s.query(QUERY)))""",
    "oxrdflib": """
import rdflib, oxrdflib
g = rdflib.Graph(store="Oxigraph"); g.parse(PATH, format="ox-turtle"); t_load = time.perf_counter()
rows = len(list(g.query(QUERY)))""",
}


def seed_case(engine: str, seed: Path, repeat: int) -> dict:
    body = SEED_CODE[engine]
    code = (
        "import time, json; t0 = time.perf_counter()\n"
        f"PATH = {str(seed)!r}; QUERY = {PREFIXES + QUERIES[SEED_QUERY][1]!r}\n"
        f"{body}\n"
        "t_end = time.perf_counter()\n"
        "print(json.dumps({'import_load_s': t_load - t0, 'query_s': t_end - t_load, 'rows': rows}))\n"
    )
    walls, inner = [], []
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        walls.append(time.perf_counter() - t)
        if proc.returncode != 0:
            return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}
        inner.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    best = min(range(repeat), key=walls.__getitem__)
    return {"best_s": walls[best], "median_s": statistics.median(walls), **inner[best]}


def python_startup(repeat: int) -> float:
    walls = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        walls.append(time.perf_counter() - t)
    return min(walls)


# --- report --------------------------------------------------------------------------------


def _importable(module: str) -> bool:
    proc = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
    return proc.returncode == 0


def _fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _cell(q: dict | None) -> str:
    if not q:
        return "-"
    if q["times"] is None:
        return "timeout"
    return f"{_fmt_s(min(q['times']))} / {_fmt_s(statistics.median(q['times']))}"


def print_big(results: dict[str, dict], info: dict, timeout: int) -> None:
    engines = list(results)
    width = 26
    print()
    print(f"Big graph: {info['copies']} copies of the seed ({info['seed_triples']:,} triples) = "
          f"{info['triples']:,} triples, {info['bytes'] / 2**20:.0f} MiB of N-Triples "
          f"(written in {info['seconds']:.1f} s)")
    print(f"{'':20}" + "".join(f"{e:>{width}}" for e in engines))
    print(f"{'loaded triples':20}" + "".join(f"{results[e].get('triples', '-'):>{width},}"
                                              if 'triples' in results[e] else f"{'-':>{width}}" for e in engines))
    print(f"{'import':20}" + "".join(f"{_fmt_s(results[e].get('import_s')):>{width}}" for e in engines))
    print(f"{'load / parse':20}" + "".join(f"{_fmt_s(results[e].get('load_s')):>{width}}" for e in engines))
    if any("bulk_load_s" in r for r in results.values()):
        print(f"{'  (bulk_load)':20}" + "".join(f"{_fmt_s(results[e].get('bulk_load_s')):>{width}}" for e in engines))
    print(f"{'peak RSS':20}" + "".join(
        f"{(str(round(results[e]['peak_rss_mb'])) + ' MiB') if results[e].get('peak_rss_mb') else '-':>{width}}"
        for e in engines))
    print(f"query (best / median of runs; timeout {timeout} s)")
    for name in QUERIES:
        cells = [_cell(results[e].get("queries", {}).get(name)) for e in engines]
        rows = {e: results[e].get("queries", {}).get(name, {}).get("rows") for e in engines}
        print(f"  {name:18}" + "".join(f"{c:>{width}}" for c in cells)
              + "   rows: " + ", ".join(f"{r}" for r in rows.values()))
        counted = {r for r in rows.values() if r is not None}
        if len(counted) > 1:
            print(f"  WARNING: {name}: engines disagree on the row count: {rows}")
    totals = {e: _query_total(results[e]) for e in engines}
    print(f"  {'sum of best':18}" + "".join(f"{_fmt_s(totals[e]):>{width}}" for e in engines))
    for e in engines:
        if "error" in results[e]:
            print(f"  {e} failed: {results[e]['error']}")
    if len({r.get("triples") for r in results.values() if "triples" in r}) > 1:
        print("  WARNING: engines loaded different numbers of triples")


def _query_total(result: dict) -> float | None:
    queries = result.get("queries")
    if not queries or any(q["times"] is None for q in queries.values()):
        return None
    return sum(min(q["times"]) for q in queries.values())


def print_seed(seed_results: dict[str, dict], seed: Path, startup: float) -> None:
    print()
    print(f"Daily case: fresh `python -c` process, load {seed} (Turtle), run {SEED_QUERY!r}; "
          f"wall time incl. interpreter start ({_fmt_s(startup)} for `python -c pass`)")
    print(f"{'':12}{'best':>12}{'median':>12}{'import+load':>14}{'query':>12}{'rows':>7}")
    for engine, r in seed_results.items():
        if "error" in r:
            print(f"{engine:12}failed: {r['error']}")
            continue
        print(f"{engine:12}{_fmt_s(r['best_s']):>12}{_fmt_s(r['median_s']):>12}"
              f"{_fmt_s(r['import_load_s']):>14}{_fmt_s(r['query_s']):>12}{r['rows']:>7}")
    rows = {r["rows"] for r in seed_results.values() if "rows" in r}
    if len(rows) > 1:
        print(f"WARNING: engines disagree on the seed row count: "
              f"{ {e: r.get('rows') for e, r in seed_results.items()} }")


def recommend(big: dict[str, dict], seed_results: dict[str, dict], info: dict) -> str:
    def cost(e: str) -> float | None:
        r = big.get(e, {})
        total = _query_total(r)
        return None if total is None or "load_s" not in r else r["load_s"] + total

    candidates = [e for e in ("rdflib", "oxigraph") if e in seed_results and "best_s" in seed_results[e]]
    if not candidates:
        return "no recommendation: neither rdflib nor oxigraph ran"
    daily = min(candidates, key=lambda e: seed_results[e]["best_s"])
    other = "rdflib" if daily == "oxigraph" else "oxigraph"
    n = info["triples"]
    size = f"{n / 1e6:.1f}M triples" if n >= 500_000 else f"{n / 1e3:.0f}k triples"
    parts = []
    c_daily, c_other = cost(daily), cost(other)
    if c_daily and c_other:
        q_daily, q_other = _query_total(big[daily]), _query_total(big[other])
        parts.append(f"{c_other / c_daily:.1f}x faster load+queries on {size}, "
                     f"{q_other / q_daily:.1f}x on the queries alone")
    elif c_daily and other in big and c_other is None:
        parts.append(f"{other} did not finish the queries on {size}")
    if other in seed_results and "best_s" in seed_results[other]:
        parts.append(f"seed query in {seed_results[daily]['best_s']:.2f} s vs {seed_results[other]['best_s']:.2f} s")
    else:
        parts.append(f"seed query in {seed_results[daily]['best_s']:.2f} s")
    verdict = f"default: {daily} ({', '.join(parts)})"
    if c_daily and c_other and c_other < c_daily:
        verdict += f"; but {other} is faster on the big graph"
    return verdict


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the big graph (default 1,000,000)")
    parser.add_argument("--quick", action="store_true", help="use 200,000 triples instead")
    parser.add_argument("--seed-graph", type=Path, default=ROOT / "out" / "graph.ttl",
                        help="graph to scale up and to use for the daily case (default out/graph.ttl)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (best and median are reported)")
    parser.add_argument("--query-timeout", type=int, default=300, help="give up on a query after this many seconds")
    parser.add_argument("--engines", default=",".join(ENGINES),
                        help="comma-separated subset of rdflib,oxigraph,oxrdflib")
    parser.add_argument("--keep", type=Path, help="keep the generated N-Triples file at this path")
    parser.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(worker(args.worker, args.data, args.repeat, args.query_timeout)))
        return

    seed = args.seed_graph.resolve()
    if not seed.is_file():
        raise SystemExit(f"no seed graph at {seed}: run `kg build seeds` first or pass --seed-graph")
    target = 200_000 if args.quick else args.triples
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    available = {"rdflib": "rdflib", "oxigraph": "pyoxigraph", "oxrdflib": "oxrdflib"}
    for engine in list(engines):
        if engine not in available:
            raise SystemExit(f"unknown engine {engine!r}")
        if not _importable(available[engine]):
            print(f"skipping {engine}: `import {available[engine]}` fails in {sys.executable}")
            engines.remove(engine)

    tmp = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    data = args.keep.resolve() if args.keep else tmp / "big.nt"
    try:
        print(f"writing about {target:,} triples from {seed} …", flush=True)
        info = scale_graph(seed, target, data)
        big = {}
        for engine in engines:
            print(f"big graph: {engine} …", flush=True)
            big[engine] = run_worker(engine, data, args.repeat, args.query_timeout)
        seed_results = {}
        for engine in engines:
            print(f"daily case: {engine} …", flush=True)
            seed_results[engine] = seed_case(engine, seed, args.repeat)
        startup = python_startup(args.repeat)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print()
    print("Queries:")
    for name, (what, _) in QUERIES.items():
        print(f"  {name:18} {what}")
    print_big(big, info, args.query_timeout)
    print_seed(seed_results, seed, startup)
    print()
    print(recommend(big, seed_results, info))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
