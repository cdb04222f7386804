"""Words that never begin a name, and trimming them off the front of rule-found names.

A rule finds an unquoted name by its head (…行动, …机场, …大学) and reaches back to a left
boundary for the rest. Policy text often puts a verb, an adverb, a modal or a pronoun right
before a name with nothing between them that the rules know as a boundary (决不能改革,
力促京雄高速二期, 应当立即报告区人民政府), and the match then begins with it. Such words come
from ``lexicon/leading.tsv`` (generated from jieba's tagged dictionary by
``scripts/make_lexicon.py``); they are trimmed off a pattern's name a whole word (a pkuseg token)
at a time, so a word only counts where the segmenter reads it as one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping, Sequence

from kg.nlp.candidates import Candidate
from kg.nlp.datafiles import RuleError, tsv_rows

# What is left of a name after trimming must be longer than a bare head (改革, 计划).
MIN_NAME = 3


# Verbs can begin a programme's name (降低…成本专项行动, 退耕还林): a leading verb only
# disqualifies a name when nothing but a bare head is left after it (体现计划). Modal verbs are
# never part of a name.
MODALS = frozenset({"能", "能够", "要", "会", "可", "可以", "应", "应当", "应该", "必须", "需", "需要", "须", "得", "将", "决不能", "不能", "不得", "不要"})


@dataclass(frozen=True)
class Lexicon:
    leading: frozenset[str] = frozenset()  # adverbs, prepositions, pronouns … and modals
    verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, folder: Path) -> "Lexicon":
        path = folder / "leading.tsv"
        if not path.exists():
            return cls()
        leading, verbs = set(MODALS), set()
        for where, row in tsv_rows(path):
            word = (row.get("word") or "").strip()
            if not word:
                raise RuleError(f"{where}: a row needs a word")
            (verbs if row.get("class") == "verb" else leading).add(word)
        return cls(frozenset(leading), frozenset(verbs - MODALS))


def trim_leading(
    text: str, candidates: Sequence[Candidate], words: Mapping[int, int], lexicon: Lexicon
) -> list[Candidate]:
    """``candidates`` with leading words of the lexicon taken off the names patterns found;
    a name left shorter than MIN_NAME is dropped. ``words`` maps each word's start to its end.
    Gazetteer names are kept as they are: they are names whatever they begin with."""
    kept = []
    for c in candidates:
        if c.entry is not None:
            kept.append(c)
            continue
        start = c.start
        while (end := words.get(start)) is not None and end < c.end and text[start:end] in lexicon.leading:
            start = end
        end = words.get(start)
        if end is not None and text[start:end] in lexicon.verbs and c.end - end < MIN_NAME:
            continue  # a verb and a bare head: 体现计划
        if start == c.start:
            kept.append(c)
        elif c.end - start >= MIN_NAME:
            kept.append(replace(c, start=start))
    return kept
