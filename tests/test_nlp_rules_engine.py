"""The rule engine itself, on rule files made here (the shipped rules have their own tests)."""

from __future__ import annotations

import json

import pytest

from kg.nlp.rules import Candidate, RuleError, RuleSet, load_gazetteer, load_patterns, resolve


def _write(folder, name, rows):
    path = folder / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def small_rules(tmp_path):
    (tmp_path / "patterns").mkdir()
    (tmp_path / "gazetteer").mkdir()
    _write(tmp_path / "patterns", "a.jsonl", [
        {"define": "CJK", "pattern": "[\\u4e00-\\u9fff]"},
        {"id": "quoted-reform", "label": "PROGRAM", "pattern": "“<<CJK>>{2,8}”改革"},
        {"id": "lab", "label": "ORG", "pattern": "(?<![\\u4e00-\\u9fff])(?P<ent><<CJK>>{2}实验室)"},
        {"id": "slogan", "label": "NOT", "pattern": "“四个意识”"},
        {"id": "slogan-as-program", "label": "PROGRAM", "pattern": "“四个意识”"},
    ])
    (tmp_path / "gazetteer" / "organizations.tsv").write_text(
        "id\tname\taliases\tkind\tnote\nzju\t浙江大学\t浙大\tuniversity\t\n", encoding="utf-8")
    (tmp_path / "gazetteer" / "divisions.tsv").write_text(
        "code\tname\tlevel\tparent\tshort\tvalid_from\tvalid_to\tsuccessor\tnote\n"
        "330100\t杭州市\tcity\t330000\t杭州\t\t\t\t\n", encoding="utf-8")
    return RuleSet.load(tmp_path)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("深化“最多跑一次”改革", [("“最多跑一次”改革", "PROGRAM", "quoted-reform")]),
        ("浙大与浙江大学", [("浙大", "ORG", "gazetteer:organizations:org:zju"), ("浙江大学", "ORG", "gazetteer:organizations:org:zju")]),
        # The lab rule needs a boundary before its name, so only the division is found here.
        ("杭州市之江实验室", [("杭州市", "DISTRICT", "gazetteer:divisions:division:330100:杭州市")]),
        ("，之江实验室", [("之江实验室", "ORG", "lab")]),
        # A NOT rule vetoes whatever lies inside it.
        ("增强“四个意识”", []),
    ],
)
def test_nlp_rules_engine_matches(small_rules, text, expected):
    found = small_rules.match(text)
    assert [(text[c.start:c.end], c.label, c.rule) for c in found] == expected


def test_nlp_rules_engine_masked_text_gives_nothing(small_rules):
    text = "XX市与杭州市"
    assert [text[c.start:c.end] for c in small_rules.match(text, masked=[(0, 2)])] == ["杭州市"]
    assert small_rules.match("杭州市", masked=[(1, 2)]) == []
    # A name that starts where a mask ends began inside the mask.
    assert small_rules.match("XX杭州市", masked=[(0, 2)]) == []


def test_nlp_rules_engine_resolve_prefers_longest_then_priority_then_label_order():
    a = Candidate(0, 4, "PROGRAM", "a", 0)
    b = Candidate(0, 4, "ORG", "b", 0)
    c = Candidate(0, 4, "DISTRICT", "c", 5)
    d = Candidate(2, 8, "PROJECT", "d", 0)
    assert resolve([a, b]) == [b]
    assert resolve([a, b, c]) == [c]
    assert resolve([a, d]) == [d]


@pytest.mark.parametrize(
    "rows, message",
    [
        (["{not json"], "a.jsonl:1: not JSON"),
        ([json.dumps({"id": "x", "label": "PLACE", "pattern": "a"})], "a rule needs an id and a label"),
        ([json.dumps({"id": "x", "label": "ORG", "pattern": "<<NOPE>>"})], "<<NOPE>> is not defined"),
        ([json.dumps({"id": "x", "label": "ORG", "pattern": "(("})], "bad pattern for 'x'"),
        ([json.dumps({"id": "x", "label": "ORG", "pattern": "a"}), json.dumps({"id": "x", "label": "ORG", "pattern": "b"})],
         "a.jsonl:2: duplicate rule id 'x'"),
    ],
)
def test_nlp_rules_engine_reports_bad_rule_files(tmp_path, rows, message):
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_patterns([path])


def test_nlp_rules_engine_skips_one_character_forms(tmp_path):
    (tmp_path / "organizations.tsv").write_text("id\tname\taliases\tkind\tnote\nx\t浙江大学\t浙\tuniversity\t\n", encoding="utf-8")
    gazetteer = load_gazetteer(tmp_path)
    assert "浙" not in gazetteer.forms
    assert gazetteer.forms["浙江大学"] == ["org:x"]


def test_nlp_rules_engine_skips_short_forms_flagged_as_nature_or_common_words(tmp_path):
    (tmp_path / "divisions.tsv").write_text(
        "code\tname\tlevel\tparent\tshort\tvalid_from\tvalid_to\tsuccessor\tnote\n"
        "330106\t西湖区\tdistrict\t330100\t西湖\t\t\t\tshort-shared=西湖;short-is-also-nature=西湖\n"
        "330102\t上城区\tdistrict\t330100\t上城\t\t\t\t\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(tmp_path)
    assert "西湖" not in gazetteer.forms
    assert "西湖区" in gazetteer.forms and "上城" in gazetteer.forms
