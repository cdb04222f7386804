"""Query results as an aligned table, CSV, TSV or SPARQL JSON."""

from __future__ import annotations

import csv
import io
import unicodedata
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
    """Columns aligned on the screen (a Chinese character is two columns wide), never wrapped:
    drawn here rather than by rich, whose layout took seconds on a result of 10,000 rows."""
    header = list(result.variables)
    rows = [[short(t) for t in row] for row in result.rows]
    widths = [max([_width(name)] + [_width(row[i]) for row in rows]) for i, name in enumerate(header)]

    def line(cells: list[str], bar: str) -> str:
        return " " + f" {bar} ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)) + " "

    lines = [line(header, "┃"), "╇".join("━" * (w + 2) for w in widths)]
    lines += [line(row, "│") for row in rows]
    return "\n".join(lines) + f"\n{len(result.rows)} rows\n"


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
