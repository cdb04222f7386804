"""What rules propose: candidates, and the gazetteer entries they may stand for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    rule: str  # pattern id, or "gazetteer:<file>:<entry id>"
    priority: int = 0
    entry: Optional[str] = None  # gazetteer entry id, for linking


@dataclass(frozen=True)
class Entry:
    """One gazetteer record: a canonical name, its label and the forms it is written in."""

    id: str
    name: str
    label: str
    source: str  # file stem
    forms: tuple[str, ...]
    code: str = ""  # GB/T 2260 division code
    parent: str = ""  # parent division code
    level: str = ""
    until: str = ""  # last year a former division existed; empty while it still does
    within: str = ""  # entry id of the place it lies in when that is no division (a foreign city's country)
    name_needs_context: bool = False  # its full name is also a phrase (中心镇, 高于城镇): counts like a short form
