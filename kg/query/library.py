"""Named queries: ``NAME.rq`` in kg/resources/queries/ (the same files as the top-level
``queries/``), each opening with a comment that says what it answers.

Header lines (before the first non-comment line)::

    # Question: Which organizations and projects lie in a district?
    # Param: district IRI <https://w3id.org/kg-policy/id/district/330102> -- the district

A ``Param`` line names a variable the query leaves open, its kind (IRI or literal) and an
optional default; a parameter without a default must be given with ``--param``. A parameter is
bound by substitution (SPARQL SEP-0007), so the query must also select it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from kg.errors import InputError, UnknownQueryError
from kg.resources.packaged import queries_dir

QUERIES_DIR = queries_dir()
_PARAM_RE = re.compile(r"#\s*Param:\s*(\w+)\s+(IRI|literal)(?:\s+(<[^>]*>|\"[^\"]*\"(?:@[\w-]+)?))?\s*(?:--\s*(.*))?$")
_QUESTION_RE = re.compile(r"#\s*Question:\s*(.+)$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "IRI" or "literal"
    default: Optional[str]  # as written: <…> or "…"
    help: str = ""


@dataclass
class NamedQuery:
    name: str
    text: str
    question: str = ""
    params: list[Param] = field(default_factory=list)
    path: Optional[Path] = None


def parse_query_file(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    query = NamedQuery(name=path.stem, text=text, path=path)
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if m := _QUESTION_RE.match(line):
            query.question = m.group(1).strip()
        elif m := _PARAM_RE.match(line):
            query.params.append(Param(m.group(1), m.group(2), m.group(3), (m.group(4) or "").strip()))
    return query


def library(folder: Path = QUERIES_DIR) -> dict[str, NamedQuery]:
    if not folder.is_dir():  # else a broken install would list an empty library without a word
        raise InputError(str(folder), "missing; the query library ships inside the kg package (kg/resources/queries/): reinstall kg")
    return {p.stem: parse_query_file(p) for p in sorted(folder.glob("*.rq"))}


def resolve_query(spec: str, folder: Path = QUERIES_DIR) -> NamedQuery:
    """A library name, a path to a ``.rq`` file, or SPARQL text."""
    if spec.endswith(".rq"):
        path = Path(spec)
        if not path.is_file():
            raise UnknownQueryError(f"{spec}: no such query file")
        return parse_query_file(path)
    if re.fullmatch(r"[\w-]+", spec):
        known = library(folder)
        if spec not in known:
            raise UnknownQueryError(f"unknown query {spec!r}; the library has: {', '.join(known)}")
        return known[spec]
    return NamedQuery(name="query", text=spec)
