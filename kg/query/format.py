"""Query results as an aligned table, CSV, TSV or SPARQL JSON."""

from __future__ import annotations

import csv
import io
from typing import Optional

import pyoxigraph as ox

from kg.query.run import Result, Term, result_json

PREFIXES = {
    "https://w3id.org/kg-policy/ontology#": "pol:",
    "https://w3id.org/kg-policy/id/": "kgid:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
    "http://purl.org/dc/terms/": "dcterms:",
    "http://www.w3.org/ns/prov#": "prov:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
}


def short(term: Optional[Term]) -> str:
    """For people: IRIs with a known prefix shortened, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for ns, prefix in PREFIXES.items():
            if term.value.startswith(ns):
                return prefix + term.value[len(ns):]
        return f"<{term.value}>"
    return term.value


def render(result: Result, fmt: str) -> str:
    if fmt == "json":
        return result_json(result)
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    if result.triples:
        return "".join(f"{s} {p} {o} .\n" for s, p, o in result.triples)
    if fmt == "csv":
        return _csv(result)
    if fmt == "tsv":
        return _tsv(result)
    return _table(result)


def _csv(result: Result) -> str:
    """SPARQL 1.1 CSV results: plain values."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else t.value for t in row])
    return out.getvalue()


def _tsv(result: Result) -> str:
    """SPARQL 1.1 TSV results: terms in N-Triples form, tabs and newlines escaped."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else str(t) for t in row))
    return "\n".join(lines) + "\n"


def _table(result: Result) -> str:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_edge=False, header_style="bold")
    for name in result.variables:
        table.add_column(name)
    for row in result.rows:
        table.add_row(*(short(t) for t in row))
    console = Console(width=200, record=True, file=io.StringIO(), color_system=None)
    console.print(table)
    return console.export_text() + f"{len(result.rows)} rows\n"
