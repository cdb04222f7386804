"""The engine's speed-ups change nothing: trie-compiled patterns and anchored windows give the
same matches as the rules as written, run everywhere."""

from __future__ import annotations

import re

import pytest

from kg.nlp.anchors import UNBOUNDED, anchors


def anchors_unbounded() -> int:
    return UNBOUNDED
from kg.nlp.regex_opt import optimize, trie


@pytest.mark.parametrize(
    "words, inside, outside",
    [
        (["推进", "推动", "实施"], ["推进", "推动", "实施"], ["推", "实", "推行"]),
        (["推", "推进"], ["推", "推进"], ["进"]),
        (["a.b", "a+b"], ["a.b", "a+b"], ["axb", "aab"]),
    ],
)
def test_nlp_rules_speedups_trie_matches_exactly_its_words(words, inside, outside):
    rx = re.compile(f"(?:{trie(words)})")
    assert all(rx.fullmatch(w) for w in inside)
    assert not any(rx.fullmatch(w) for w in outside)


@pytest.mark.parametrize(
    "pattern",
    [
        "(?:(?<=推进)|(?<=实施)|(?<=和)|(?<=开展))(?P<ent>[\\u4e00-\\u9fff]{2,6}?改革)",
        "(?!(?:推进|推动|实施))[\\u4e00-\\u9fff]{2}(?:大学|学院)",
    ],
)
def test_nlp_rules_speedups_optimize_keeps_matches(pattern):
    text = "推进国企改革，和教育改革，实施浙江大学与推动杭州学院，开展机构改革"
    plain, fast = re.compile(pattern), re.compile(optimize(pattern))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    "pattern, expected",
    [
        # (anchor strings, how far a match reaches before them, and after)
        ("[\\u4e00-\\u9fff]{2,5}(?:改革|计划)", ({"改革", "计划"}, 5, 0)),
        ("“[^”]{1,9}”(?:工程|项目)", ({"”工程", "”项目"}, 10, 0)),
        ("(?:省|市)委(?![会])", ({"省委", "市委"}, 0, 0)),
        ("(?<=推进)(?P<ent>[\\u4e00-\\u9fff]+改革)", ({"改革"}, anchors_unbounded(), 0)),
        ("[\\u4e00-\\u9fff]+", None),
    ],
)
def test_nlp_rules_speedups_anchors_are_required_literals(pattern, expected):
    found = anchors(re.compile(pattern))
    assert ((set(found.strings), found.before, found.after) if found else None) == expected


def test_nlp_rules_speedups_shipped_rules_match_as_written(rule_set, seed_docs):
    for doc in seed_docs.values():
        text = doc.text
        fast = sorted((c.start, c.end, c.rule) for c in rule_set.candidates(text) if not c.rule.startswith("gazetteer:"))
        plain = []
        for rule in rule_set.patterns:
            for m in rule.regex.finditer(text):
                start, end = m.span("ent") if "ent" in rule.regex.groupindex else m.span()
                if end > start:
                    plain.append((start, end, rule.id))
        assert fast == sorted(plain), doc.doc_id
