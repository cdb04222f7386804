"""Names composed of a known place and a word the data files give: 平安杭州, 数字重庆, 海上福建.

A regex cannot tell 健康辽宁 (a programme: 辽宁 is a province) from 健康生活 (words), but the
gazetteer can: a goal word from ``gazetteer/place_programs.tsv`` right before a division the
gazetteer found, each a word of its own (a segmenter token boundary at both starts), proposes
one programme over both. It is one more candidate; overlaps are settled with all the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

from kg.nlp.candidates import Candidate
from kg.nlp.datafiles import Problems, cell, tsv_rows

LABELS = ("ORG", "PROJECT", "PROGRAM", "DISTRICT")


@dataclass(frozen=True)
class PlacePrefix:
    id: str
    prefix: str
    label: str


def load_place_prefixes(path: Path) -> list[PlacePrefix]:
    if not path.exists():
        return []
    found: dict[str, PlacePrefix] = {}
    with Problems() as problems:
        for where, row in tsv_rows(path, ("id", "prefix", "label"), problems):
            rule_id, prefix, label = cell(row, "id"), cell(row, "prefix"), cell(row, "label")
            if not rule_id or len(prefix) < 2 or label not in LABELS:
                problems.add(where, f"a place prefix needs an id, two or more characters and a label in {LABELS}")
            elif rule_id in found:
                problems.add(where, f"id {rule_id!r} is used twice")
            else:
                found[rule_id] = PlacePrefix(rule_id, prefix, label)
    return list(found.values())


def place_names(
    text: str,
    found: Sequence[Candidate],
    words: Mapping[int, int],
    prefixes: Sequence[PlacePrefix],
    strong: Callable[[Candidate, str], bool],
) -> list[Candidate]:
    """One candidate for each prefix right before a gazetteer division among ``found`` that
    names its place on its own (``strong``: not a county's bare short form such as 新平, which
    is a word before it is a place)."""
    by_width: dict[int, dict[str, PlacePrefix]] = {}
    for p in prefixes:
        by_width.setdefault(len(p.prefix), {})[p.prefix] = p
    out = []
    for c in found:
        if c.label != "DISTRICT" or c.entry is None or c.start not in words or not strong(c, text[c.start : c.end]):
            continue
        for width, table in by_width.items():
            start = c.start - width
            p = table.get(text[max(start, 0) : c.start]) if start >= 0 else None
            if p is not None and words.get(start) == c.start:
                out.append(Candidate(start, c.end, p.label, p.id, 0))
    return out
