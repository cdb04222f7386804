"""Relations between entities, each with the document, sentence and rule it came from.

Three sources:
- rules as data (``kg/data/relations/*.jsonl``) over two mentions of one sentence and the words
  between them: ``X落户Y``, ``在Y建设X``, ``Y的X``, ``Y推进X`` …;
- a name that begins with a place: 余杭现代农业产业园 lies in 余杭区;
- the document itself: its government implements the programs it names, and a district's own
  report places there the projects that name no other place.
The division hierarchy (上城区 in 杭州市 in 浙江省) is reference data, not read from documents; the
graph stage adds it from the entities.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Iterable, Optional, Sequence

from kg.extract.entities import Entity, Linker
from kg.extract.mentions import Mention
from kg.ingest.model import Document
from kg.nlp.datafiles import Problems, jsonl_rows
from kg.nlp.places import TOWNSHIP, weak, within
from kg.nlp.rules import DATA_DIR, LABELS

Linked = tuple[Mention, Entity]
# Levels whose own report is about one district: its projects lie there unless they say otherwise.
_DISTRICT_LEVELS = frozenset({"district", "county", "county-city", "township"})


@dataclass(frozen=True)
class Relation:
    subject: str  # entity key
    predicate: str  # "locatedIn" | "implements"
    object: str  # entity key
    doc_id: str
    sentence: Optional[int]  # index into the document's sentences
    rule: str


@dataclass(frozen=True)
class RelationRule:
    id: str
    predicate: str
    subject: frozenset[str]
    object: frozenset[str]
    subject_first: bool
    between: re.Pattern
    before: Optional[re.Pattern]


_RELATION_KEYS = frozenset({"id", "predicate", "subject", "object", "order", "between", "before", "note"})
PREDICATES = ("locatedIn", "implements")
ORDERS = ("subject-object", "object-subject")


def load_relation_rules(folder: Path = DATA_DIR / "relations") -> list[RelationRule]:
    rules: list[RelationRule] = []
    ids: set[str] = set()
    with Problems() as problems:
        for path in sorted(folder.glob("*.jsonl")):
            for where, row in jsonl_rows(path, problems):
                problem = _relation_problem(row, ids)
                if problem:
                    problems.add(where, problem)
                    continue
                ids.add(row["id"])
                try:
                    between = re.compile(row["between"])
                    before = re.compile(row["before"]) if row.get("before") else None
                except re.error as err:
                    problems.add(where, f"bad relation rule {row['id']!r}: {err}")
                    continue
                rules.append(RelationRule(
                    id=row["id"], predicate=row["predicate"], subject=frozenset(row["subject"]),
                    object=frozenset(row["object"]), subject_first=row["order"] == "subject-object",
                    between=between, before=before,
                ))
    return rules


def _relation_problem(row: dict, ids: set[str]) -> str:
    """What is wrong with a relation rule's line, or nothing."""
    unknown = sorted(set(row) - _RELATION_KEYS)
    if unknown:
        return f"unknown key {unknown[0]!r} (a relation rule has {', '.join(sorted(_RELATION_KEYS))})"
    if not isinstance(row.get("id"), str) or not row["id"]:
        return "a relation rule needs an id"
    if row["id"] in ids:
        return f"duplicate rule id {row['id']!r}"
    if row.get("predicate") not in PREDICATES or row.get("order") not in ORDERS:
        return f"predicate must be one of {', '.join(PREDICATES)}, order one of {', '.join(ORDERS)}"
    for side in ("subject", "object"):
        labels = row.get(side)
        if not isinstance(labels, list) or not labels or not set(labels) <= set(LABELS):
            return f"{side} must be a list of labels of {LABELS}"
    if not isinstance(row.get("between"), str) or not isinstance(row.get("before", ""), str):
        return "between (and before, if given) must be pattern strings"
    return ""


def sentence_relations(document: Document, linked: Sequence[Linked], rules: Sequence[RelationRule]) -> list[Relation]:
    """Relations read from the words between two mentions of one sentence."""
    found = []
    text = document.text
    for first, second in _pairs_in_sentences(linked):
        m1, m2 = first[0], second[0]
        between = text[m1.end : m2.start]
        for rule in rules:
            subject, obj = (first, second) if rule.subject_first else (second, first)
            if subject[1].label not in rule.subject or obj[1].label not in rule.object or subject[1] is obj[1]:
                continue
            if not rule.between.fullmatch(between):
                continue
            if rule.before is not None:
                sentence_start = document.sentences[m1.sentence].start
                if not rule.before.search(text[sentence_start : m1.start]):
                    continue
            found.append(Relation(subject[1].key, rule.predicate, obj[1].key, document.doc_id, m1.sentence, rule.id))
    return found


def _pairs_in_sentences(linked: Sequence[Linked]) -> Iterable[tuple[Linked, Linked]]:
    """Consecutive mentions of one sentence (the words between them are what rules read)."""
    for a, b in zip(linked, linked[1:]):
        if a[0].sentence is not None and a[0].sentence == b[0].sentence:
            yield a, b


def name_relations(document: Document, linked: Sequence[Linked], linker: Linker) -> list[Relation]:
    """A name that begins with a place lies in it: 余杭现代农业产业园 → 余杭区, 杭州市之江医院 → 杭州市."""
    found = []
    area = linker.area_code(document.meta.area)
    for mention, entity in linked:
        place = _leading_place(linker, mention.text, entity, area)
        if place is not None:
            found.append(Relation(entity.key, "locatedIn", place.key, document.doc_id, mention.sentence, "name-begins-with-place"))
    return found


def _leading_place(linker: Linker, name: str, entity: Entity, area: str = "") -> Optional[Entity]:
    gazetteer = linker.gazetteer
    for length in range(min(len(name) - 1, 8), 1, -1):
        for entry in gazetteer.lookup(name[:length]):
            if entry.label != "DISTRICT" or not entry.code or entry.until:
                continue
            if length < len(entry.name) and entry.level in ("district", "county", "county-city"):
                continue  # a county's bare short form at the head of a name is too often a word
            if entry.level == TOWNSHIP and weak(entry, name[:length]) and not within(entry.code, area):
                continue  # so is a township's, but in its own county's or city's documents (转塘科技经济园区)
            place = linker.entity_for_entry(entry)
            if place.key != entity.key and entity.code != place.code:
                return place
    return None


def document_relations(document: Document, linked: Sequence[Linked], linker: Linker) -> list[Relation]:
    """What the document's own government does and where its own projects are."""
    home = linker.place(document.meta.area)
    if home is None:
        return []
    found = []
    places_named = {m.sentence for m, e in linked if e.label == "DISTRICT" and e.key != home.key}
    for mention, entity in linked:
        if entity.label == "PROGRAM":
            found.append(Relation(home.key, "implements", entity.key, document.doc_id, mention.sentence, "issuing-government"))
        elif (
            entity.label == "PROJECT"
            and home.level in _DISTRICT_LEVELS
            and mention.sentence not in places_named
            and not _leading_place(linker, mention.text, entity, home.code)
        ):
            found.append(Relation(entity.key, "locatedIn", home.key, document.doc_id, mention.sentence, "own-district-report"))
    return found


def relations(document: Document, linked: Sequence[Linked], linker: Linker, rules: Sequence[RelationRule]) -> list[Relation]:
    """Every relation of a document, each once per (subject, predicate, object, sentence), in a stable order."""
    found = sentence_relations(document, linked, rules) + name_relations(document, linked, linker)
    found += document_relations(document, linked, linker)
    unique = {(r.subject, r.predicate, r.object, r.sentence): r for r in reversed(found)}
    return sorted(unique.values(), key=lambda r: (r.sentence if r.sentence is not None else -1, r.subject, r.predicate, r.object, r.rule))


def co_mentions(per_document: Iterable[Sequence[Linked]]) -> Counter:
    """For each pair of entities, in how many sentences both are named (keys sorted in the pair)."""
    counts: Counter = Counter()
    for linked in per_document:
        by_sentence: dict[int, set[str]] = {}
        for mention, entity in linked:
            if mention.sentence is not None:
                by_sentence.setdefault(mention.sentence, set()).add(entity.key)
        for keys in by_sentence.values():
            counts.update(combinations(sorted(keys), 2))
    return counts
