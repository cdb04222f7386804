"""The document record: what ingestion hands to every later stage.

Offsets named ``start``/``end`` are half-open code-point indices. Fields ending in ``_src``
index the original decoded file text; all others index the normalized text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Optional

from kg.ingest.mapped import MappedText

Tense = Literal["review", "plan", "other"]
Script = Literal["zh-Hans", "zh-Hant"]


@dataclass(frozen=True)
class Removed:
    """A stretch of the original text left out of the normalized text, and why."""

    start_src: int
    end_src: int
    kind: str  # e.g. "portal-header", "download-site", "link-list", "advertising", "related-links"
    rule: str  # id of the rule that removed it


@dataclass(frozen=True)
class Mask:
    """A placeholder that hides real text (``XX``, ``某某``, ``***``, ``*_**``)."""

    start: int
    end: int
    start_src: int
    end_src: int
    form: str


@dataclass(frozen=True)
class Section:
    start: int
    end: int
    heading: str
    level: int  # 1 for 一、 , 2 for （一）, 3 for 1、/1. , 0 for a standalone heading line
    tense: Tense
    parent: Optional[int] = None  # index into Document.sections


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Document.paragraphs
    section: Optional[int]  # index into Document.sections, None before the first heading


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    section: Optional[int]


@dataclass(frozen=True)
class YearEvidence:
    year: int
    role: Literal["reviewed", "planned"]
    text: str  # the phrase that gives it away
    start: int
    end: int


@dataclass
class Metadata:
    title: Optional[str] = None
    kind: Optional[str] = None  # "government-work-report", "plan-proposal", "plan-outline", ...
    area: Optional[str] = None  # 杭州市, 上城区, ...
    area_level: Optional[str] = None  # "province", "city", "district", "county", ...
    review_year: Optional[int] = None
    plan_year: Optional[int] = None
    plan_period: Optional[tuple[int, int]] = None  # five-year plans: (2021, 2025)
    year_evidence: list[YearEvidence] = field(default_factory=list)
    date: Optional[str] = None  # ISO 8601 delivery/publication date
    speaker: Optional[str] = None
    script: Script = "zh-Hans"


@dataclass(frozen=True)
class Duplicate:
    of: str  # doc_id of the earlier document this one copies
    similarity: float  # 0..1


@dataclass
class Document:
    doc_id: str
    path: str
    sha256: str
    encoding: str
    original: str  # the decoded file, untouched
    norm: MappedText  # normalized text for NLP, mapped back onto ``original``
    removed: list[Removed] = field(default_factory=list)
    masks: list[Mask] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)
    duplicate: Optional[Duplicate] = None

    @property
    def text(self) -> str:
        return self.norm.text

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.norm.span_to_source(start, end)
