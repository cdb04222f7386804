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
    [
        ("“五水共治”", (0, 6), (1, 5)),
        ("《监察法》", (0, 5), (1, 4)),
        ("杭州", (0, 2), (0, 2)),
        ("“”", (0, 2), (2, 2)),
        # a trailing noun of working on the thing goes, then the marks before it
        ("平安西湖建设", (0, 6), (0, 4)),
        ("“五水共治”工作", (0, 8), (1, 5)),
        ("“未来社区”创建", (0, 8), (1, 5)),
        ("平安西湖建設", (0, 6), (0, 4)),  # Traditional
        ("文明城市創建", (0, 6), (0, 4)),
        # only where a name of two or more characters remains
        ("市建设", (0, 3), (0, 3)),
        ("“市”工作", (0, 5), (1, 5)),
        ("建设", (0, 2), (0, 2)),
        # one noun, at the end only; other kind nouns stay
        ("基础设施建设工作", (0, 8), (0, 6)),
        ("建设银行", (0, 4), (0, 4)),
        ("“最多跑一次”改革", (0, 9), (1, 9)),
        # the span's own end: a work noun just outside it is not trimmed
        ("平安西湖建设", (0, 4), (0, 4)),
        ("平安西湖建设", (3, 5), (3, 5)),
    ],
)
def test_eval_scorer_trims_marks_and_work_nouns(text, span, expected):
    assert trim(text, *span) == expected


WORK = "推进“五水共治”工作和平安西湖建设。"
WATER_WORK, WATER = (2, 10), (2, 8)  # “五水共治”工作, “五水共治”
SAFE_WORK, SAFE = (11, 17), (11, 15)  # 平安西湖建设, 平安西湖


@pytest.mark.parametrize(
    "gold, predicted, typed",
    [
        # gold without the work noun, prediction with it, and the other way round
        ([(*WATER, "PROGRAM")], [(*WATER_WORK, "PROGRAM")], (1, 0, 0)),
        ([(*SAFE_WORK, "PROGRAM")], [(*SAFE, "PROGRAM")], (1, 0, 0)),
        # the label still has to agree
        ([(*SAFE, "PROGRAM")], [(*SAFE_WORK, "PROJECT")], (0, 1, 1)),
        # optional gold is trimmed the same way
        ([(*WATER, "?PROGRAM")], [(*WATER_WORK, "PROJECT")], (0, 0, 0)),
    ],
)
def test_eval_scorer_work_noun_either_way(gold, predicted, typed):
    assert _counts(score_row(WORK, gold, predicted)) == typed
