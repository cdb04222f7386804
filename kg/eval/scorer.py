"""Score predicted entity spans against gold, as ANNOTATION.md says.

A prediction is right when its trimmed span and label equal a gold entity's: quote and title
marks are trimmed from both ends, then a trailing noun of working on the thing (建设, 工作, 创建
and their Traditional forms) where a name of two or more characters remains, so 平安西湖建设 and
平安西湖, “五水共治”工作 and “五水共治” are one span. Gold labels starting with ``?`` are optional: a
prediction on such a span is neither right nor wrong, and missing it costs nothing. Scores are
micro precision, recall and F1 per label and overall, and once more with labels ignored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from kg.resources.names import trim

Span = tuple[int, int, str]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class Score:
    typed: dict[str, Counts] = field(default_factory=dict)  # per label, plus "ALL"
    untyped: Counts = field(default_factory=Counts)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)  # (row id, kind, text, label)

    def add(self, other: "Score") -> None:
        for label, counts in other.typed.items():
            self.typed.setdefault(label, Counts()).add(counts)
        self.untyped.add(other.untyped)
        self.errors.extend(other.errors)


def score_row(text: str, gold: Sequence[Span], predicted: Iterable[Span], row_id: str = "") -> Score:
    required: dict[tuple[int, int], str] = {}
    optional: set[tuple[int, int]] = set()
    for start, end, label in gold:
        span = trim(text, start, end)
        if label.startswith("?"):
            optional.add(span)
        else:
            required[span] = label
    score = Score()
    counts: dict[str, Counts] = {}
    matched: set[tuple[int, int]] = set()
    untyped_matched: set[tuple[int, int]] = set()
    for start, end, label in predicted:
        span = trim(text, start, end)
        if span in required:
            untyped_matched.add(span)
            score.untyped.tp += 1
            if required[span] == label:
                matched.add(span)
                counts.setdefault(label, Counts()).tp += 1
                continue
        elif span in optional:
            continue
        else:
            score.untyped.fp += 1
        counts.setdefault(label, Counts()).fp += 1
        score.errors.append((row_id, "fp", text[span[0]:span[1]], label))
    for span, label in required.items():
        if span not in matched:
            counts.setdefault(label, Counts()).fn += 1
            score.errors.append((row_id, "fn", text[span[0]:span[1]], label))
        if span not in untyped_matched:
            score.untyped.fn += 1
    total = Counts()
    for c in counts.values():
        total.add(c)
    score.typed = {**counts, "ALL": total}
    return score


def error_summary(score: Score, most: int = 30) -> list[tuple[str, str, str, int]]:
    """The most frequent (kind, label, text) errors, for tuning rules."""
    tally = Counter((kind, label, text) for _, kind, text, label in score.errors)
    return [(kind, label, text, n) for (kind, label, text), n in tally.most_common(most)]
