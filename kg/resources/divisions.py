"""China's administrative divisions (``data/gazetteer/divisions.tsv``) as plain records, for the
stages that need places before the NLP pipeline exists: a document's own area is read at
ingestion.

The country itself is not a GB/T 2260 division; it is the root here as ``COUNTRY`` with the code
100000 that map and statistics services use for the whole of China.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from kg.resources.datafiles import DATA_DIR, Problems, split_bars, tsv_rows

DIVISIONS_FILE = DATA_DIR / "gazetteer" / "divisions.tsv"
DIVISION_COLUMNS = ("code", "name", "level", "parent", "short", "valid_from", "valid_to", "successor", "note")
# The levels the recognizer and the metadata reader know (a province-level city is a province).
LEVELS = ("province", "city", "county-city", "district", "county")
_CODE = re.compile(r"^[0-9]{6}$")
_YEAR = re.compile(r"^[0-9]{4}$")  # pol:validUntil is an xsd:gYear
# A short form that is also a lake, a mountain or a common word (西湖, 黄山, 和平) is not read as
# the place on its own; the same notes the recognizer honours.
_UNSAFE_SHORT = re.compile(r"short-is-(?:also-nature|common-word)=([^;]+)")


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str  # as divisions.tsv has it: province, city, county-city, district, county; or country
    parent: str = ""  # the parent's code; empty for a province and for the country
    shorts: tuple[str, ...] = ()  # short forms that name the place on their own (宁夏, 杭州)
    until: str = ""  # last year of a former division; empty while it exists

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.shorts)


COUNTRY = Division("100000", "中国", "country", shorts=("中华人民共和国", "我国"))


@dataclass
class Divisions:
    by_code: dict[str, Division] = field(default_factory=dict)
    by_form: dict[str, list[Division]] = field(default_factory=dict)
    # first character -> the lengths of the forms starting with it, longest first
    _lengths: dict[str, list[int]] = field(default_factory=dict)

    def add(self, division: Division) -> None:
        # A former division keeps its entry, but its code may live on in a successor's row.
        if division.code not in self.by_code or not division.until:
            self.by_code[division.code] = division
        for form in division.forms:
            if len(form) >= 2:
                self.by_form.setdefault(form, []).append(division)
                lengths = self._lengths.setdefault(form[0], [])
                if len(form) not in lengths:
                    lengths.append(len(form))
                    lengths.sort(reverse=True)

    def lookup(self, form: str) -> list[Division]:
        return list(self.by_form.get(form, ()))

    def get(self, code: str) -> Optional[Division]:
        return self.by_code.get(code)

    def chain(self, code: str) -> list[Division]:
        """The division of ``code`` and those above it, nearest first (西湖区, 杭州市, 浙江省)."""
        out: list[Division] = []
        division = self.by_code.get(code)
        while division is not None and division not in out:
            out.append(division)
            division = self.by_code.get(division.parent) if division.parent else None
        return out

    def prefix(self, text: str, start: int = 0) -> Optional[str]:
        """The longest division form that ``text`` has at ``start``."""
        if start >= len(text):
            return None
        for n in self._lengths.get(text[start], ()):
            if start + n <= len(text) and text[start : start + n] in self.by_form:
                return text[start : start + n]
        return None

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        """Every division form in ``text``, longest at each position, left to right, not overlapping."""
        i = 0
        while i < len(text):
            form = self.prefix(text, i)
            if form is None:
                i += 1
                continue
            yield i, i + len(form), form
            i += len(form)


def division_rows(path: Path, problems: Problems) -> list[dict[str, str]]:
    """The rows of divisions.tsv, their cells stripped, each checked: a six-digit code and a name,
    a level of LEVELS, a parent listed in the file (a province alone has none), years of four
    digits and successors listed in the file; a (code, name) once, and a code current (no
    ``valid_to``) in one row at most. Problems go to ``problems``; bad rows are left out."""
    rows: list[dict[str, str]] = []
    wheres: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    current: dict[str, str] = {}
    for where, raw in tsv_rows(path, DIVISION_COLUMNS, problems):
        row = {c: raw[c].strip() for c in DIVISION_COLUMNS}  # tsv_rows gives every column
        code, name, level, parent = row["code"], row["name"], row["level"], row["parent"]
        if not _CODE.match(code) or not name:
            problems.add(where, "a division needs a six-digit code and a name")
            continue
        if level not in LEVELS:
            problems.add(where, f"level {level!r} is not one of {', '.join(LEVELS)}")
        if (level == "province") != (not parent):
            problems.add(where, "a province has no parent; every other division has one")
        for year in ("valid_from", "valid_to"):
            if row[year] and not _YEAR.match(row[year]):
                problems.add(where, f"{year} {row[year]!r} is not a year of four digits")
        if (code, name) in seen:
            problems.add(where, f"{code} {name} is listed twice (first at line {seen[code, name]})")
        seen.setdefault((code, name), where.rsplit(":", 1)[1])
        if not row["valid_to"]:
            if code in current:
                problems.add(where, f"code {code} is current in two rows (first at line {current[code]}); a former one has valid_to")
            current.setdefault(code, where.rsplit(":", 1)[1])
        rows.append(row)
        wheres.append(where)
    codes = {row["code"] for row in rows}
    for where, row in zip(wheres, rows):  # parents and successors may be listed after a row
        if row["parent"] and row["parent"] not in codes:
            problems.add(where, f"parent {row['parent']!r} is not a code of this file")
        for successor in split_bars(row["successor"]):
            if successor not in codes:
                problems.add(where, f"successor {successor!r} is not a code of this file")
    return rows


def read_divisions(path: Path = DIVISIONS_FILE) -> Divisions:
    divisions = Divisions()
    divisions.add(COUNTRY)
    with Problems() as problems:
        for row in division_rows(path, problems):
            unsafe = set(_UNSAFE_SHORT.findall(row["note"]))
            divisions.add(Division(
                code=row["code"],
                name=row["name"],
                level=row["level"],
                parent=row["parent"],
                shorts=tuple(s for s in split_bars(row["short"]) if s not in unsafe),
                until=row["valid_to"],
            ))
    return divisions


@lru_cache(maxsize=1)
def load_divisions() -> Divisions:
    """The shipped division table, read once per process."""
    return read_divisions()
