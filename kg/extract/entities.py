"""Link mentions to canonical entities: one entity per real thing, whatever the script or quoting.

An entity's key is stable across documents and runs: ``division:<GB/T 2260 code>`` for an
official division, ``<gazetteer>:<id>`` for another gazetteer entry, and ``<LABEL>:<canonical
name>`` for a name only the patterns found. The canonical name is Simplified with quote marks
removed, so “最多跑一次”改革, 最多跑一次改革 and 「最多跑一次」改革 are one program, and
西湖大學 (Traditional) and 西湖大学 one university.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from kg.extract.mentions import Mention
from kg.nlp.rules import DATA_DIR, Entry, Gazetteer

_MARKS = "“”‘’\"'《》〈〉「」『』"
_STRIP = str.maketrans("", "", _MARKS)
_PARENS = str.maketrans({"(": "（", ")": "）"})
# organizations.tsv names bodies of a level without a place "generic-<level>-…" (市委, 区政府).
_GENERIC_BODY = re.compile(r"^org:generic-(province|city|district|county)-")
_BODY_LEVELS = {
    "province": frozenset({"province"}),
    "city": frozenset({"city"}),
    "district": frozenset({"district"}),
    "county": frozenset({"county", "county-city"}),
}
_SPACE_BY_CJK = re.compile(r"\s+(?=[\u3400-\u9fff（）])|(?<=[\u3400-\u9fff（）])\s+")


@dataclass
class Entity:
    key: str
    label: str
    name: str  # canonical Simplified name
    aliases: dict[str, str] = field(default_factory=dict)  # written form -> language tag (zh, zh-Hant)
    code: str = ""  # GB/T 2260 division code, for official divisions
    parent: Optional[str] = None  # key of the enclosing district
    level: str = ""
    until: str = ""  # last year of a former division

    def add_alias(self, form: str, lang: str) -> None:
        if form != self.name and form not in self.aliases:
            self.aliases[form] = lang


def canonical_form(text: str) -> str:
    """Quote and title marks out, parentheses full-width, no line breaks or spaces next to Chinese
    (a name wrapped across lines, 刘 忻), other runs of space made one."""
    text = text.translate(_STRIP).translate(_PARENS)
    text = _SPACE_BY_CJK.sub("", text)
    return " ".join(text.split())


class Linker:
    """Resolves mentions to entities and collects the entities seen, keyed by their stable key."""

    def __init__(self, gazetteer: Gazetteer, same_as: Optional[dict[str, str]] = None) -> None:
        self.gazetteer = gazetteer
        self.same_as = same_as if same_as is not None else load_same_as()
        self.entities: dict[str, Entity] = {}
        self._divisions: Optional[dict[str, Entry]] = None

    def link(self, mention: Mention, script: str = "zh-Hans", area_code: str = "") -> Entity:
        entry = self._entry_for(mention, area_code)
        if entry is None:
            entity = self._entity_for_name(mention)
        else:
            entity = self._local_body(entry, area_code) or self.entity_for_entry(entry)
        written = canonical_form(mention.source_text)
        entity.add_alias(written, "zh-Hant" if script == "zh-Hant" and written != canonical_form(mention.text) else "zh")
        entity.add_alias(canonical_form(mention.text), "zh")
        return entity

    def place(self, name: Optional[str]) -> Optional[Entity]:
        """The official division a place name denotes (杭州市, 上城区, 上城), if any."""
        for entry in self.gazetteer.lookup(canonical_form(name or "")):
            if entry.code:
                return self.entity_for_entry(entry)
        return None

    def area_code(self, area: Optional[str]) -> str:
        """The division code of a document's area name, for choosing among same-named places."""
        for entry in self.gazetteer.lookup(area or ""):
            if entry.code:
                return entry.code
        return ""

    def _entry_for(self, mention: Mention, area_code: str) -> Optional[Entry]:
        form = canonical_form(mention.text)
        target = self.same_as.get(form)
        if target:
            form = target
        if mention.entry and not target and mention.entry in self.gazetteer.entries:
            candidates = [self.gazetteer.entries[mention.entry]] + self.gazetteer.lookup(form)
        else:
            candidates = self.gazetteer.lookup(form)
        if not candidates:
            return None
        # Among places of one name (朝阳 in Beijing and in Changchun) prefer the one nearest the
        # document's own area, then one that still exists.
        return max(candidates, key=lambda e: (_shared_prefix(e.code, area_code), e.id == mention.entry, not e.until))

    def entity_for_entry(self, entry: Entry) -> Entity:
        """The entity of a gazetteer entry, created on first use."""
        key = f"division:{entry.code}" if entry.code else entry.id
        entity = self.entities.get(key)
        if entity is None:
            parent = f"division:{entry.parent}" if entry.parent else None
            entity = Entity(key, entry.label, entry.name, code=entry.code, parent=parent, level=entry.level, until=entry.until)
            self.entities[key] = entity
            if parent:
                self._ensure_division(entry.parent)
        return entity

    def _ensure_division(self, code: str) -> None:
        """A district's parents are entities too, so the hierarchy is complete in the graph."""
        if f"division:{code}" in self.entities:
            return
        for entry in self.gazetteer.entries.values():
            if entry.code == code:
                self.entity_for_entry(entry)
                return

    def _local_body(self, entry: Entry, area_code: str) -> Optional[Entity]:
        """市委 in a Hangzhou report is 杭州市委, 省政府 there is 浙江省政府: a body named by its
        level alone belongs to the division of that level the document speaks for."""
        m = _GENERIC_BODY.match(entry.id)
        if not m or not area_code:
            return None
        levels = _BODY_LEVELS[m.group(1)]
        code = area_code
        while code:
            division = self._division(code)
            if division is None:
                return None
            if division.level in levels:
                name = division.name + entry.name[1:]
                key = f"ORG:{name}"
                if key not in self.entities:
                    self.entities[key] = Entity(key, "ORG", name)
                return self.entities[key]
            code = division.parent
        return None

    def _division(self, code: str) -> Optional[Entry]:
        if self._divisions is None:
            self._divisions = {e.code: e for e in self.gazetteer.entries.values() if e.code and not e.until}
        return self._divisions.get(code)

    def _entity_for_name(self, mention: Mention) -> Entity:
        name = canonical_form(mention.text)
        key = f"{mention.label}:{name}"
        entity = self.entities.get(key)
        if entity is None:
            entity = Entity(key, mention.label, name)
            self.entities[key] = entity
        return entity


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def load_same_as(path: Path = DATA_DIR / "gazetteer" / "same_as.tsv") -> dict[str, str]:
    """Names that denote another entry's entity (杭州高新区（滨江） is 滨江区)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {canonical_form(r["form"]): r["target"] for r in csv.DictReader(fh, delimiter="\t") if r.get("form")}


def link_all(linker: Linker, mentions: Iterable[Mention], script: str, area: Optional[str]) -> list[tuple[Mention, Entity]]:
    code = linker.area_code(area)
    return [(m, linker.link(m, script, code)) for m in mentions]
