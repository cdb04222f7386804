"""The engine's speed-ups change nothing: trie-compiled and gated patterns, anchored windows and
shared name boundaries give the same matches as the rules as written, run everywhere."""

from __future__ import annotations

import re

import pytest

from kg.nlp.anchors import UNBOUNDED, anchors


def anchors_unbounded() -> int:
    return UNBOUNDED
from kg.nlp.regex_opt import optimize, trie
from kg.nlp.rule_cache import RuleCache, _packed


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
        # positions inside words, grouped behind a gate; word lists behind a gate of first characters
        "(?!(?:(?<=推)(?=进)|(?<=推)(?=动)|(?<=实)(?=施)|(?<=开)(?=展)|(?<=开展)(?=教育)))[\\u4e00-\\u9fff]{2}改革",
        "(?:推进|推动|实施|开展|深化)[\\u4e00-\\u9fff]{2}",
        "(?:(?<=推进)|(?<=实施)|(?<=开展)|(?<=和)|(?<=深化教育))(?:[\\u4e00-\\u9fff]{2})",
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
        # what a lookahead or lookbehind requires is required too, within its reach
        ("[\\u4e00-\\u9fff]{2}(?=“未来社区”)", ({"“未来社区”"}, 2, 0)),
        ("(?<=实施)[0-9]{2}", ({"实施"}, 0, 2)),
    ],
)
def test_nlp_rules_speedups_anchors_are_required_literals(pattern, expected):
    found = anchors(re.compile(pattern))
    assert ((set(found.strings), found.before, found.after) if found else None) == expected


def _spans(regex, text, rule_id):
    found = []
    for m in regex.finditer(text):
        start, end = m.span("ent") if "ent" in regex.groupindex else m.span()
        if end > start:
            found.append((start, end, rule_id))
    return found


def test_nlp_rules_speedups_shipped_rules_match_as_written(rule_set, seed_docs):
    # Anchored windows and shared boundaries against each whole rule run everywhere.
    whole = [(rule.id, re.compile(optimize(rule.source))) for rule in rule_set.patterns]
    for doc in seed_docs.values():
        text = doc.text
        fast = sorted((c.start, c.end, c.rule) for c in rule_set.candidates(text) if not c.rule.startswith("gazetteer:"))
        plain = sorted(span for rule_id, regex in whole for span in _spans(regex, text, rule_id))
        assert fast == plain, doc.doc_id


def test_nlp_rules_speedups_rewritten_rules_match_as_written(rule_set, seed_docs):
    # The rewritten patterns against the patterns as written, on a stretch of every seed (the
    # written ones are slow: that is why they are rewritten).
    text = "\n".join(doc.text[:3000] for doc in seed_docs.values())
    for rule in rule_set.patterns:
        written, rewritten = re.compile(rule.source), re.compile(optimize(rule.source))
        assert _spans(rewritten, text, rule.id) == _spans(written, text, rule.id), rule.id


@pytest.mark.parametrize(
    "pattern, boundary",
    [
        ("<<B>>[a-z]+x", "B"),
        # not simply in sequence after the boundary, or able to match nothing: not split
        ("<<B>>a|b", None),
        ("<<B>>?ab", None),
        ("<<B>>a*", None),
        ("a<<B>>b", None),
    ],
)
def test_nlp_rules_speedups_boundary_split(pattern, boundary):
    from kg.nlp.boundaries import Boundary, split

    prefix = "(?:(?<=[ ,])|^)"
    found, rest = split(pattern.replace("<<B>>", prefix), {"B": Boundary("B", prefix, re.compile(prefix))})
    assert (found.name if found else None) == boundary
    if found:
        assert prefix + rest == pattern.replace("<<B>>", prefix)


def test_nlp_rules_speedups_boundary_matches_as_the_whole_pattern():
    from kg.nlp.boundaries import Boundary, Starts

    prefix = "(?:(?<=[ ,])|^)(?!no)"
    rest = "[a-z]{2,4}?x"
    text = "abx cdx,nox efghx ijx x"
    whole = [m.span() for m in re.finditer(prefix + rest, text)]
    starts = Starts(text)
    boundary = Boundary("B", prefix, re.compile(prefix))
    assert [m.span() for m in starts.matches(boundary, re.compile(rest), 0, len(text))] == whole
    # a second rule sharing the boundary, on a window: same as the whole pattern there
    assert [m.span() for m in starts.matches(boundary, re.compile(rest), 4, 17)] == [
        m.span() for m in re.compile(prefix + rest).finditer(text, 4, 17)
    ]


def test_nlp_rules_speedups_form_index_finds_one_character_forms():
    from kg.nlp.rules import FormIndex

    assert list(FormIndex(["局", "教育局"]).find("市教育局")) == [(1, 4, "教育局"), (3, 4, "局")]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?P<ent>[\u4e00-\u9fff]{2,8}(?:区|县))(?=人民政府)",
        r"(?i)abc|d(?:e|f)+",
        r"(?<![一-龥])(?:十四五|“十四五”)规划",
        r"(a)(b)?(?P<c>c)\2",
    ],
)
def test_nlp_rules_speedups_kept_engine_code_makes_the_same_pattern(tmp_path, pattern):
    # A pattern made from the kept code is re.compile's: same flags, groups and code.
    path = tmp_path / "cache.json"
    first = RuleCache(path)
    made = first.compiled(pattern)
    first.save()
    again = RuleCache(path).compiled(pattern)
    re.purge()
    expected = re.compile(pattern)
    assert made == expected and again == expected
    assert (again.flags, again.groupindex) == (expected.flags, expected.groupindex)
    assert RuleCache(path).entries[next(iter(first.entries))][0], "the code was not kept"


def test_nlp_rules_speedups_kept_engine_code_is_not_trusted_blindly(tmp_path):
    # Code that does not fit the engine is not used: the pattern is compiled as usual.
    path = tmp_path / "cache.json"
    first = RuleCache(path)
    first.compiled("ab+c")
    first.entries = {key: [[0, _packed([1, 2, 3]), 0, {}]] for key in first.entries}
    first.save()
    assert RuleCache(path).compiled("ab+c") == re.compile("ab+c")
    with pytest.raises(re.error):
        RuleCache(None).compiled("a(b")


@pytest.mark.parametrize("new_entry", [True, False])
def test_nlp_rules_speedups_cache_keeps_what_a_load_uses_and_few_others(tmp_path, new_entry):
    # Every process reads the whole file: entries of rules edited away since must not pile up
    # (it had grown to eight times what a load uses). Kept: the load's entries and, for an
    # edited copy of the rules, a quarter as many others, the newest; pruned also when nothing
    # was new.
    path = tmp_path / "cache.json"
    old = RuleCache(path)
    for n in range(10):
        old.optimized(f"old{n}")
    if not new_entry:
        old.optimized("new")
    old.save()
    load = RuleCache(path)
    for text in ("new", "a", "b", "c", "d", "e", "f", "g"):  # 8 used: 2 others kept
        assert load.optimized(text) == optimize(text)
    load.save()
    key = RuleCache(None)._key
    expected = ["old8", "old9", "new", "a", "b", "c", "d", "e", "f", "g"]
    assert list(RuleCache(path).entries) == [key("optimized", text) for text in expected]


def test_nlp_rules_speedups_shipped_positions_inside_words_are_grouped():
    """MIDSTOP is tested at every position a name may start: it must stay a list of literal pairs
    that regex_opt groups behind one gate (a character class in one pair once made every rule
    four times slower)."""
    import json

    from kg.nlp.regex_opt import optimize
    from kg.nlp.rules import DATA_DIR

    rows = [json.loads(line) for line in (DATA_DIR / "patterns" / "00_common.jsonl").read_text(encoding="utf-8").splitlines()
            if line.startswith("{")]
    midstop = next(r["pattern"] for r in rows if r.get("define") == "MIDSTOP")
    assert optimize(midstop).startswith("(?:(?<=[")


def test_nlp_rules_speedups_shipped_stop_words_stay_literal():
    """STOP is tried at every character of most names and LB's lookbehinds at every position a
    name may start: regex_opt makes tries of them only while each is a list of plain words (a
    lookahead on one word, 本市(?!场), once cost a quarter of the rules' time)."""
    import json
    import re

    from kg.nlp.regex_opt import optimize
    from kg.nlp.rules import DATA_DIR

    rows = [json.loads(line) for line in (DATA_DIR / "patterns" / "00_common.jsonl").read_text(encoding="utf-8").splitlines()
            if line.startswith("{")]
    stop = next(r["pattern"] for r in rows if r.get("define") == "STOP")
    assert re.fullmatch(r"\(\?:[^()\[\]?*+.\\]+\)", stop), "STOP must be (?:word|word|…)"
    assert optimize(stop).startswith("(?:(?=[")
    lb = next(r["pattern"] for r in rows if r.get("define") == "LB")
    assert re.findall(r"\(\?<=[^()\[\]]+\)(?![|)])", lb) == [], "each (?<=word) of LB must stand alone"
