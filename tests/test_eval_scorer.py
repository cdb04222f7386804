"""The scorer on hand-made cases, each checking one clause of ANNOTATION.md's scoring rules."""

from __future__ import annotations

import pytest

from kg.eval.scorer import score_row, trim

TEXT = "深化“最多跑一次”改革，推进杭州市之江医院建设。"
REFORM = (2, 11)  # “最多跑一次”改革
HOSPITAL = (14, 21)  # 杭州市之江医院
CITY = (14, 17)  # 杭州市


def _counts(score, label="ALL"):
    c = score.typed.get(label)
    return (c.tp, c.fp, c.fn) if c else (0, 0, 0)


@pytest.mark.parametrize(
    "gold, predicted, typed, untyped",
    [
        # exact match
        ([(*REFORM, "PROGRAM")], [(*REFORM, "PROGRAM")], (1, 0, 0), (1, 0, 0)),
        # quote marks are trimmed from both ends before comparing
        ([(*REFORM, "PROGRAM")], [(3, 11, "PROGRAM")], (1, 0, 0), (1, 0, 0)),
        # right span, wrong label: wrong when typed, right when untyped
        ([(*HOSPITAL, "ORG")], [(*HOSPITAL, "PROJECT")], (0, 1, 1), (1, 0, 0)),
        # an inner span is not the outer one
        ([(*HOSPITAL, "ORG")], [(*CITY, "DISTRICT")], (0, 1, 1), (0, 1, 1)),
        # optional gold: a prediction on it is neither right nor wrong, missing it costs nothing
        ([(*HOSPITAL, "?ORG")], [(*HOSPITAL, "PROJECT")], (0, 0, 0), (0, 0, 0)),
        ([(*HOSPITAL, "?ORG")], [], (0, 0, 0), (0, 0, 0)),
        # nothing predicted, nothing right
        ([(*REFORM, "PROGRAM"), (*HOSPITAL, "ORG")], [], (0, 0, 2), (0, 0, 2)),
    ],
)
def test_eval_scorer_cases(gold, predicted, typed, untyped):
    score = score_row(TEXT, gold, predicted)
    assert _counts(score) == typed
    assert (score.untyped.tp, score.untyped.fp, score.untyped.fn) == untyped


def test_eval_scorer_per_label_and_f1():
    gold = [(*REFORM, "PROGRAM"), (*HOSPITAL, "ORG")]
    score = score_row(TEXT, gold, [(*REFORM, "PROGRAM"), (*CITY, "DISTRICT")])
    assert _counts(score, "PROGRAM") == (1, 0, 0)
    assert _counts(score, "ORG") == (0, 0, 1)
    assert _counts(score, "DISTRICT") == (0, 1, 0)
    overall = score.typed["ALL"]
    assert (overall.precision, overall.recall, overall.f1) == (0.5, 0.5, 0.5)


@pytest.mark.parametrize(
    "text, span, expected",
    [("“五水共治”", (0, 6), (1, 5)), ("《监察法》", (0, 5), (1, 4)), ("杭州", (0, 2), (0, 2)), ("“”", (0, 2), (2, 2))],
)
def test_eval_scorer_trims_marks(text, span, expected):
    assert trim(text, *span) == expected
