"""Link mentions to canonical entities: one entity per real thing, whatever the script or quoting.

An entity's key is stable across documents and runs: ``division:<GB/T 2260 code>`` for an
official division, ``<gazetteer>:<id>`` for another gazetteer entry, and ``<LABEL>:<canonical
name>`` for a name only the patterns found. The canonical name is Simplified with quote marks
removed, so “最多跑一次”改革, 最多跑一次改革 and 「最多跑一次」改革 are one program, and
西湖大學 (Traditional) and 西湖大学 one university.

A body named by its level alone (市委, 区政府, 自治区党委, 州委) is the body of the nearest division
of that level at or above the document's own area, in any province (``data/linking/``): 市委 in a
郑州市 report is 郑州市委, and the gazetteer's entry when it has one (杭州市委 is 中共杭州市委); so is
a department named by its level (省科技厅 in a 山东省 report is 山东省科技厅). 省市委, one body by
ANNOTATION.md, is one entity that names both committees (浙江省委、杭州市委). The
country is one district, 中国 (``division:100000``), for 中国, 中华人民共和国 and 我国 and for a
national document's own area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Container, Iterable, Optional

from kg.extract.entity import Entity
from kg.extract.mentions import Mention
from kg.nlp.rules import DATA_DIR, Entry, Gazetteer
from kg.resources.datafiles import Problems, cell, split_bars, tsv_rows
from kg.resources.divisions import COUNTRY
from kg.resources.names import MARKS

_STRIP = str.maketrans("", "", MARKS)
_PARENS = str.maketrans({"(": "（", ")": "）"})
# organizations.tsv names bodies without a place "generic-…" (市委, 区政府, 人大).
_GENERIC_BODY = re.compile(r"^org:generic-")
LINKING_DIR = DATA_DIR / "linking"
COUNTRY_KEY = f"division:{COUNTRY.code}"
_SPACE_BY_CJK = re.compile(r"\s+(?=[\u3400-\u9fff（）])|(?<=[\u3400-\u9fff（）])\s+")


def canonical_form(text: str) -> str:
    """Quote and title marks out, parentheses full-width, no line breaks or spaces next to Chinese
    (a name wrapped across lines, 刘 忻), other runs of space made one."""
    text = text.translate(_STRIP).translate(_PARENS)
    text = _SPACE_BY_CJK.sub("", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class LevelWord:
    id: str
    word: str  # 市, 自治区, 省市
    endings: tuple[str, ...]  # how the names of the divisions it stands for end; two for a joint body


@dataclass(frozen=True)
class LevelBodies:
    """Level words, body words and department heads (``data/linking/``), each list longest first."""

    levels: tuple[LevelWord, ...] = ()
    bodies: tuple[tuple[str, str], ...] = ()  # (word as written, canonical word)
    heads: tuple[str, ...] = ()  # what a department's name ends in: 厅, 局, 委员会
    not_levels: tuple[str, ...] = ()  # words that begin with a level word's character: 市场

    def parse(self, name: str, department: bool = False) -> Optional[tuple[LevelWord, str]]:
        """`市委宣传部` → (市, `委宣传部`), `市人民政府` → (市, `政府`): a level word, then a body word
        and whatever follows it; with ``department`` also `省科技厅` → (省, `科技厅`), a level word
        of one division and a department's name of at least two characters before its head. None
        when the name is not a body named by its level."""
        if department and name.startswith(self.not_levels):
            department = False
        for level in self.levels:
            if not name.startswith(level.word):
                continue
            rest = name[len(level.word):]
            for written, canonical in self.bodies:
                if rest.startswith(written):
                    return level, canonical + rest[len(written):]
            if department and len(level.endings) == 1:
                head = next((h for h in self.heads if rest.endswith(h)), None)
                if head is not None and len(rest) - len(head) >= 2:
                    return level, rest
        return None


def load_level_bodies(folder: Path = LINKING_DIR) -> LevelBodies:
    levels: dict[str, LevelWord] = {}
    bodies: dict[str, tuple[str, str]] = {}
    with Problems() as problems:
        for where, row in tsv_rows(folder / "levels.tsv", ("id", "word", "endings"), problems):
            id_, word, endings = cell(row, "id"), cell(row, "word"), tuple(split_bars(row["endings"]))
            if not id_ or not word or not 1 <= len(endings) <= 2:
                problems.add(where, "a level word needs an id, the word and one or two endings")
            elif id_ in levels:
                problems.add(where, f"id {id_!r} is used twice")
            else:
                levels[id_] = LevelWord(id_, word, endings)
        for where, row in tsv_rows(folder / "bodies.tsv", ("id", "word", "canonical"), problems):
            id_, word, canonical = (cell(row, k) for k in ("id", "word", "canonical"))
            if not id_ or not word or not canonical:
                problems.add(where, "a body word needs an id, the word and its canonical form")
            elif id_ in bodies:
                problems.add(where, f"id {id_!r} is used twice")
            else:
                bodies[id_] = (word, canonical)
        departments: dict[str, tuple[str, str]] = {}
        for where, row in tsv_rows(folder / "departments.tsv", ("id", "kind", "word"), problems):
            id_, kind, word = (cell(row, k) for k in ("id", "kind", "word"))
            if not id_ or kind not in ("head", "word") or not word:
                problems.add(where, 'a department row needs an id, the kind "head" or "word" and the word')
            elif id_ in departments:
                problems.add(where, f"id {id_!r} is used twice")
            else:
                departments[id_] = (kind, word)
    return LevelBodies(
        levels=tuple(sorted(levels.values(), key=lambda lw: -len(lw.word))),
        bodies=tuple(sorted(bodies.values(), key=lambda b: -len(b[0]))),
        heads=tuple(sorted((w for k, w in departments.values() if k == "head"), key=lambda w: -len(w))),
        not_levels=tuple(sorted(w for k, w in departments.values() if k == "word")),
    )


class Linker:
    """Resolves mentions to entities and collects the entities seen, keyed by their stable key."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        same_as: Optional[dict[str, str]] = None,
        level_bodies: Optional[LevelBodies] = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.same_as = same_as if same_as is not None else load_same_as(known=gazetteer.forms)
        self.level_bodies = level_bodies if level_bodies is not None else load_level_bodies()
        self.entities: dict[str, Entity] = {}
        self._divisions: Optional[dict[str, Entry]] = None
        self._by_code: Optional[dict[str, Entry]] = None

    def fresh(self) -> "Linker":
        """A linker with no entities yet, sharing this one's tables: one per document, so what a
        document yields depends on that document alone."""
        other = Linker(self.gazetteer, self.same_as, self.level_bodies)
        other._divisions, other._by_code = self._division_table(), self._code_table()
        return other

    def link(self, mention: Mention, script: str = "zh-Hans", area_code: str = "") -> Entity:
        entity = self._country_named(mention)
        if entity is None:
            entry = self._entry_for(mention, area_code)
            if entry is None:
                form = canonical_form(mention.text)
                local = self._local_body(form, area_code, department=True) if mention.label == "ORG" else None
                entity = local or self._entity_for_name(mention)
            else:
                local = self._local_body(entry.name, area_code) if _GENERIC_BODY.match(entry.id) else None
                entity = local or self.entity_for_entry(entry)
        written = canonical_form(mention.source_text)
        entity.add_alias(written, "zh-Hant" if script == "zh-Hant" and written != canonical_form(mention.text) else "zh")
        entity.add_alias(canonical_form(mention.text), "zh")
        return entity

    def place(self, name: Optional[str]) -> Optional[Entity]:
        """The official division a place name denotes (杭州市, 上城区, 上城, 中国), if any."""
        form = canonical_form(name or "")
        if form in COUNTRY.forms:
            return self.country()
        for entry in self.gazetteer.lookup(form):
            if entry.code:
                return self.entity_for_entry(entry)
        return None

    def country(self) -> Entity:
        """China as one district: the root above the provinces, named by national documents."""
        entity = self.entities.get(COUNTRY_KEY)
        if entity is None:
            entity = Entity(COUNTRY_KEY, "DISTRICT", COUNTRY.name, code=COUNTRY.code, level=COUNTRY.level)
            self.entities[COUNTRY_KEY] = entity
        return entity

    def _country_named(self, mention: Mention) -> Optional[Entity]:
        if mention.label == "DISTRICT" and canonical_form(mention.text) in COUNTRY.forms:
            return self.country()
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
        entry = self._code_table().get(code)
        if entry is not None:
            self.entity_for_entry(entry)

    def _local_body(self, name: str, area_code: str, department: bool = False) -> Optional[Entity]:
        """市委 in a Hangzhou report is 杭州市委, 省政府 there is 浙江省政府, 州委 in a 黔东南 report
        黔东南苗族侗族自治州委: a body named by its level alone belongs to the nearest division at
        or above the document's own area whose name ends in the level word. With ``department``
        (a name no gazetteer lists) so does a department: 省科技厅 in a 山东省 report."""
        parsed = self.level_bodies.parse(name, department)
        if parsed is None or not area_code:
            return None
        level, body = parsed
        chain = self._chain(area_code)
        places = [next((d for d in chain if d.name.endswith(ending)), None) for ending in level.endings]
        if not places or any(p is None for p in places):
            return None
        names = [p.name + body for p in places]
        if len(names) == 1:
            return self._known_org(names[0]) or self._named_org(names[0])
        # 省市委: both committees as one body, named by both.
        return self._named_org("、".join(names))

    def _chain(self, code: str) -> list[Entry]:
        """The current division of ``code`` and those above it, nearest first."""
        out: list[Entry] = []
        while code and (division := self._division(code)) is not None and division not in out:
            out.append(division)
            code = division.parent
        return out

    def _known_org(self, name: str) -> Optional[Entity]:
        """The gazetteer's own body of that name (杭州市委 is 中共杭州市委), if it lists one."""
        for entry in self.gazetteer.lookup(name):
            if entry.label == "ORG":
                return self.entity_for_entry(entry)
        return None

    def _named_org(self, name: str) -> Entity:
        key = f"ORG:{name}"
        if key not in self.entities:
            self.entities[key] = Entity(key, "ORG", name)
        return self.entities[key]

    def _division(self, code: str) -> Optional[Entry]:
        return self._division_table().get(code)

    def _division_table(self) -> dict[str, Entry]:
        """Current divisions by code."""
        if self._divisions is None:
            self._divisions = {e.code: e for e in self.gazetteer.entries.values() if e.code and not e.until}
        return self._divisions

    def _code_table(self) -> dict[str, Entry]:
        """The first gazetteer entry of each code, in gazetteer order (the parent of a division)."""
        if self._by_code is None:
            self._by_code = {}
            for e in self.gazetteer.entries.values():
                if e.code:
                    self._by_code.setdefault(e.code, e)
        return self._by_code

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


def load_same_as(path: Path = DATA_DIR / "gazetteer" / "same_as.tsv", known: Optional[Container[str]] = None) -> dict[str, str]:
    """Names that denote another entry's entity (杭州高新区（滨江） is 滨江区), each listed once;
    with ``known`` (the gazetteer's forms), each target must be one of them."""
    if not path.exists():
        return {}
    same_as: dict[str, str] = {}
    with Problems() as problems:
        for where, row in tsv_rows(path, ("form", "target"), problems):
            form, target = canonical_form(cell(row, "form")), cell(row, "target")
            if not form or not target:
                problems.add(where, "a row needs a form and a target")
            elif form in same_as:
                problems.add(where, f"{form!r} is listed twice")
            elif known is not None and target not in known:
                problems.add(where, f"target {target!r} is no name of the gazetteer")
            else:
                same_as[form] = target
    return same_as


def link_all(linker: Linker, mentions: Iterable[Mention], script: str, area: Optional[str]) -> list[tuple[Mention, Entity]]:
    code = linker.area_code(area)
    return [(m, linker.link(m, script, code)) for m in mentions]
