"""Project lifecycle events: 地铁5号线建成, 开工建设德寿宫遗址公园 as plain facts.

Status words are data (``kg/data/numbers/stages.tsv``: word, stage, position). A status word
belongs to the PROJECT mentions it stands next to in one clause: after the project
(地铁5号线、16号线和铁路杭州南站建成) or before it (开工建设吴山地下空间一期、…). Projects listed
together (、和及与暨 between them, or a short listed item the recognizer did not name) share the
word; between the last project and the word only 等/等项目 and an adverb (顺利, 正式 …) may stand.

The year is the section's, as for observations (review → reviewed year, plan → planned year); a
year written in the sentence overrides. ``kind`` says whether the event is reported (review) or
intended (plan).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from kg.extract.entities import Entity
from kg.extract.mentions import Mention
from kg.extract.numbers import NUMBERS_DIR, explicit_year, sentence_context
from kg.ingest.model import Document
from kg.nlp.datafiles import Problems, cell, tsv_rows

STAGES = ("planned", "approved", "started", "underConstruction", "completed", "inOperation")
POSITIONS = ("after", "before", "both")


@dataclass(frozen=True)
class EventFact:
    project: str  # entity key of a PROJECT entity
    stage: str  # planned | approved | started | underConstruction | completed | inOperation
    period: Optional[int]
    sentence: int
    start: int  # the status word's span (normalized offsets)
    end: int
    word: str  # the status word as written
    rule: str
    kind: str = "actual"  # "actual" (a review section) | "target" (a plan section)


@dataclass(frozen=True, eq=False)
class StageRules:
    after: dict[str, str]  # word -> stage, for words that follow the project
    before: dict[str, str]  # word -> stage, for words that precede it
    adverbs: frozenset[str]

    def __post_init__(self) -> None:
        def alt(words):
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        adverbs = f"(?:{alt(self.adverbs)})*" if self.adverbs else ""
        object.__setattr__(self, "_after", re.compile(
            rf"(?:等(?:项目|工程)?)?(?P<adv>{adverbs})(?P<word>{alt(self.after)})"
        ))
        object.__setattr__(self, "_before", re.compile(rf"(?P<word>{alt(self.before)})(?P<adv>{adverbs})$"))


def load_stage_rules(folder: Path = NUMBERS_DIR) -> StageRules:
    after: dict[str, str] = {}
    before: dict[str, str] = {}
    seen: set[str] = set()
    adverbs: set[str] = set()
    with Problems() as problems:
        for where, row in tsv_rows(folder / "stages.tsv", ("word", "stage", "position"), problems):
            word, stage, position = (cell(row, k) for k in ("word", "stage", "position"))
            if not word or stage not in STAGES or position not in POSITIONS:
                problems.add(where, f"a status word needs a stage in {STAGES} and a position in {POSITIONS}")
                continue
            if word in seen:
                problems.add(where, f"{word!r} is listed twice")
                continue
            seen.add(word)
            if position in ("after", "both"):
                after[word] = stage
            if position in ("before", "both"):
                before[word] = stage
        path = folder / "stage_adverbs.tsv"
        if path.exists():
            adverbs = {cell(row, "word") for _, row in tsv_rows(path, ("word",), problems)} - {""}
    return StageRules(after, before, frozenset(adverbs))


@lru_cache(maxsize=1)
def default_stage_rules() -> StageRules:
    return load_stage_rules()


# Between two listed projects: list marks, or a short listed item no rule named (、16号线和).
_LIST_GAP = re.compile(r"(?:[、和及与暨]|以及)(?:[^，,。；;：:！？\s“”]{1,8}?(?:[、和及与暨]|以及))?")


def project_events(
    document: Document,
    linked: Sequence[tuple[Mention, Entity]],
    rules: Optional[StageRules] = None,
) -> list[EventFact]:
    rules = rules or default_stage_rules()
    text = document.text
    projects = sorted(
        ((m, e) for m, e in linked if m.label == "PROJECT" and e.label == "PROJECT" and m.sentence is not None),
        key=lambda pair: pair[0].start,
    )
    found: dict[tuple, EventFact] = {}
    for chain in _chains(text, projects):
        index = chain[0][0].sentence
        sentence = document.sentences[index]
        tense, default_year = sentence_context(document, index)
        kind = "target" if tense == "plan" else "actual"
        first, last = chain[0][0], chain[-1][0]
        words = []
        a = rules._after.match(text, last.end, sentence.end)
        if a:
            words.append((a.start("word"), a.end("word"), a.group("word"), rules.after[a.group("word")], "status-after"))
        b = rules._before.search(text, sentence.start, first.start)
        if b:
            words.append((b.start("word"), b.end("word"), b.group("word"), rules.before[b.group("word")], "status-before"))
        for start, end, word, stage, rule in words:
            year = explicit_year(text[sentence.start : sentence.end], start - sentence.start)
            for mention, entity in chain:
                key = (entity.key, stage, index, start)
                found.setdefault(key, EventFact(
                    project=entity.key,
                    stage=stage,
                    period=year if year is not None else default_year,
                    sentence=index,
                    start=start,
                    end=end,
                    word=word,
                    rule=rule,
                    kind=kind,
                ))
    return sorted(found.values(), key=lambda e: (e.sentence, e.start, e.project))


def _chains(text: str, projects: Sequence[tuple[Mention, Entity]]):
    """Runs of projects listed together in one clause."""
    chain: list[tuple[Mention, Entity]] = []
    for pair in projects:
        if chain:
            prev = chain[-1][0]
            gap = text[prev.end : pair[0].start]
            if prev.sentence == pair[0].sentence and _LIST_GAP.fullmatch(gap):
                chain.append(pair)
                continue
            yield chain
        chain = [pair]
    if chain:
        yield chain
