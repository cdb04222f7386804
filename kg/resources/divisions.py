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

from kg.resources.datafiles import DATA_DIR, RuleError, tsv_rows

DIVISIONS_FILE = DATA_DIR / "gazetteer" / "divisions.tsv"
_CODE = re.compile(r"^[0-9]{6}$")
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


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def read_divisions(path: Path = DIVISIONS_FILE) -> Divisions:
    divisions = Divisions()
    divisions.add(COUNTRY)
    for where, row in tsv_rows(path):
        code, name = (row.get("code") or "").strip(), (row.get("name") or "").strip()
        if not _CODE.match(code) or not name:
            raise RuleError(f"{where}: a division needs a six-digit code and a name")
        unsafe = set(_UNSAFE_SHORT.findall(row.get("note") or ""))
        divisions.add(Division(
            code=code,
            name=name,
            level=(row.get("level") or "").strip(),
            parent=(row.get("parent") or "").strip(),
            shorts=tuple(s for s in _split(row.get("short") or "") if s not in unsafe),
            until=(row.get("valid_to") or "").strip(),
        ))
    return divisions


@lru_cache(maxsize=1)
def load_divisions() -> Divisions:
    """The shipped division table, read once per process."""
    return read_divisions()
