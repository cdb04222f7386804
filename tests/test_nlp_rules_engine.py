"""The rule engine itself, on rule files made here (the shipped rules have their own tests)."""

from __future__ import annotations

import json

import pytest

from kg.nlp.rules import Candidate, RuleError, RuleSet, join_place_prefixes, load_gazetteer, load_patterns, resolve


def _write(folder, name, rows):
    path = folder / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def _rule_set(folder, patterns, organizations, divisions):
    """A rule set of its own: one pattern file and the two gazetteers' rows (TSV, no header)."""
    (folder / "patterns").mkdir()
    (folder / "gazetteer").mkdir()
    _write(folder / "patterns", "a.jsonl", [{"define": "CJK", "pattern": "[\\u4e00-\\u9fff]"}, *patterns])
    (folder / "gazetteer" / "organizations.tsv").write_text(
        "id\tname\taliases\tkind\tnote\n" + organizations, encoding="utf-8")
    (folder / "gazetteer" / "divisions.tsv").write_text(
        "code\tname\tlevel\tparent\tshort\tvalid_from\tvalid_to\tsuccessor\tnote\n" + divisions, encoding="utf-8")
    return RuleSet.load(folder)


@pytest.fixture()
def small_rules(tmp_path):
    return _rule_set(tmp_path, [
        {"id": "quoted-reform", "label": "PROGRAM", "pattern": "“<<CJK>>{2,8}”改革"},
        {"id": "lab", "label": "ORG", "pattern": "(?<![\\u4e00-\\u9fff])(?P<ent><<CJK>>{2}实验室)"},
        {"id": "slogan", "label": "NOT", "pattern": "“四个意识”"},
        {"id": "slogan-as-program", "label": "PROGRAM", "pattern": "“四个意识”"},
    ], "zju\t浙江大学\t浙大\tuniversity\t\n",
        "330000\t浙江省\tprovince\t\t\t\t\t\t\n330100\t杭州市\tcity\t330000\t杭州\t\t\t\t\n")


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


@pytest.fixture()
def slogan_rules(tmp_path):
    return _rule_set(tmp_path, [
        {"id": "quoted-goal", "label": "NOT", "pattern": "“<<CJK>>{1,10}”的"},
        {"id": "honour", "label": "NOT", "pattern": "<<CJK>>{2,6}奖"},
        {"id": "quoted", "label": "PROGRAM", "pattern": "“<<CJK>>{1,10}”"},
    ], "un\t联合国\t\tinternational\t\n", "330000\t浙江省\tprovince\t\t浙江\t\t\t\t\n")


@pytest.mark.parametrize(
    "text, expected",
    [
        # A quoted slogan is no name: a listed body inside it stays, the rest goes (a place too).
        ("粉碎“重返联合国”的图谋", [("联合国", "ORG")]),
        ("带有“浙江味道”的服饰", []),
        ("树立“敢为人先”的精神", []),
        # An unquoted NOT span still vetoes everything inside it.
        ("联合国和平奖", []),
    ],
)
def test_nlp_rules_engine_known_names_survive_a_quoted_slogan(slogan_rules, text, expected):
    assert [(text[c.start:c.end], c.label) for c in slogan_rules.match(text)] == expected


def test_nlp_rules_engine_resolve_prefers_longest_then_priority_then_label_order():
    a = Candidate(0, 4, "PROGRAM", "a", 0)
    b = Candidate(0, 4, "ORG", "b", 0)
    c = Candidate(0, 4, "DISTRICT", "c", 5)
    d = Candidate(2, 8, "PROJECT", "d", 0)
    assert resolve([a, b]) == [b]
    assert resolve([a, b, c]) == [c]
    assert resolve([a, d]) == [d]


def test_nlp_rules_engine_resolve_prefers_a_listed_name_on_the_same_span():
    # a listed designation beats a shape's guess of a body on the same span
    listed = Candidate(0, 8, "PROGRAM", "gazetteer:programs_national:x", 0, "x")
    shape = Candidate(0, 8, "ORG", "org-named", 0)
    assert resolve([shape, listed]) == [listed]
    # but a listed place does not claim a tie (places.py may drop it later), nor a longer span or a higher priority lose
    place = Candidate(0, 8, "DISTRICT", "gazetteer:townships:y", 0, "y")
    assert resolve([shape, place]) == [shape]
    assert resolve([listed, Candidate(0, 8, "ORG", "r", 1)]) == [Candidate(0, 8, "ORG", "r", 1)]
    assert resolve([listed, Candidate(0, 9, "ORG", "r", 0)]) == [Candidate(0, 9, "ORG", "r", 0)]


@pytest.mark.parametrize(
    "rows, message",
    [
        (["{not json"], "a.jsonl:1: not JSON"),
        ([json.dumps({"id": "x", "label": "PLACE", "pattern": "a"})], "a rule needs an id and a label"),
        ([json.dumps({"id": "x", "label": "ORG", "pattern": "<<NOPE>>"})], "<<NOPE>> is not defined"),
        ([json.dumps({"id": "x", "label": "ORG", "pattern": "(("})], "bad pattern for 'x'"),
        ([json.dumps({"define": "B", "boundary": True, "pattern": "a"})], "boundary 'B' must match no characters"),
        ([json.dumps({"id": "x", "label": "ORG", "pattern": "a"}), json.dumps({"id": "x", "label": "ORG", "pattern": "b"})],
         "a.jsonl:2: duplicate rule id 'x'"),
        ([json.dumps({"define": "D", "pattern": "a"}), json.dumps({"define": "D", "pattern": "b"})],
         "a.jsonl:2: <<D>> is defined twice"),
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
        "330100\t杭州市\tcity\t330000\t\t\t\t\t\n"
        "330000\t浙江省\tprovince\t\t\t\t\t\t\n"
        "330106\t西湖区\tdistrict\t330100\t西湖\t\t\t\tshort-shared=西湖;short-is-also-nature=西湖\n"
        "330102\t上城区\tdistrict\t330100\t上城\t\t\t\t\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(tmp_path)
    assert "西湖" not in gazetteer.forms
    assert "西湖区" in gazetteer.forms and "上城" in gazetteer.forms


@pytest.mark.parametrize(
    "text, chosen, expected",
    [
        # A place right before an unquoted name is part of the name, which keeps its label.
        ("深化宁波服务业综合试点", [(2, 4, "DISTRICT"), (4, 10, "PROGRAM")], [(2, 10, "PROGRAM")]),
        ("建好南昌国际陆港", [(2, 4, "DISTRICT"), (4, 8, "PROJECT")], [(2, 8, "PROJECT")]),
        # Apart: a quoted name, a gap, places after places, the last of listed places.
        ("宁波“十五五”规划", [(0, 2, "DISTRICT"), (2, 9, "PROGRAM")], [(0, 2, "DISTRICT"), (2, 9, "PROGRAM")]),
        ("宁波的国际陆港", [(0, 2, "DISTRICT"), (3, 7, "PROJECT")], [(0, 2, "DISTRICT"), (3, 7, "PROJECT")]),
        ("宁波北仑", [(0, 2, "DISTRICT"), (2, 4, "DISTRICT")], [(0, 2, "DISTRICT"), (2, 4, "DISTRICT")]),
        ("余姚、慈溪湿地修复项目", [(0, 2, "DISTRICT"), (3, 5, "DISTRICT"), (5, 11, "PROJECT")],
         [(0, 2, "DISTRICT"), (3, 5, "DISTRICT"), (5, 11, "PROJECT")]),
    ],
)
def test_nlp_rules_engine_place_joins_the_name_after_it(text, chosen, expected):
    joined = join_place_prefixes(text, [Candidate(s, e, label, "r") for s, e, label in chosen])
    assert [(c.start, c.end, c.label) for c in joined] == expected


@pytest.mark.parametrize(
    "forms, text, expected",
    [
        (["杭州市", "杭州"], "在杭州", [(1, 3, "杭州")]),  # a longer form cut short by the end is no match
        (["杭州市", "杭州"], "杭州市", [(0, 3, "杭州市"), (0, 2, "杭州")]),
        (["平安杭州"], "平安杭", []),
    ],
)
def test_nlp_rules_engine_form_index_finds_whole_forms_only(forms, text, expected):
    from kg.nlp.rules import FormIndex

    assert list(FormIndex(forms).find(text)) == expected


@pytest.fixture()
def county_rules(tmp_path):
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "gazetteer" / "divisions.tsv").write_text(
        "code\tname\tlevel\tparent\tshort\tvalid_from\tvalid_to\tsuccessor\tnote\n"
        "330000\t浙江省\tprovince\t\t浙江\t\t\t\t\n"
        "330100\t杭州市\tcity\t330000\t杭州\t\t\t\t\n"
        "330127\t淳安县\tcounty\t330100\t淳安\t\t\t\t\n"
        "330182\t建德市\tcounty-city\t330100\t建德\t\t\t\t\n"
        "520000\t贵州省\tprovince\t\t贵州\t\t\t\t\n"
        "522600\t黔东南苗族侗族自治州\tcity\t520000\t\t\t\t\t\n"
        "522634\t雷山县\tcounty\t522600\t雷山\t\t\t\t\n"
        "450000\t广西壮族自治区\tprovince\t\t\t\t\t\t\n"
        "450300\t桂林市\tcity\t450000\t\t\t\t\t\n"
        "450329\t资源县\tcounty\t450300\t资源\t\t\t\t\n"
        "110000\t北京市\tprovince\t\t\t\t\t\t\n"
        "110105\t朝阳区\tdistrict\t110000\t朝阳\t\t\t\t\n"
        "220000\t吉林省\tprovince\t\t\t\t\t\t\n"
        "220100\t长春市\tcity\t220000\t长春\t\t\t\t\n"
        "220104\t朝阳区\tdistrict\t220100\t朝阳\t\t\t\t\n",
        encoding="utf-8",
    )
    (tmp_path / "patterns").mkdir()
    return RuleSet.load(tmp_path)


@pytest.mark.parametrize(
    "text, home, expected",
    [
        ("优化资源配置", "", []),  # a county's short form in running text is a word
        ("资源县", "", ["资源县"]),  # its full name is not
        ("对口支援贵州雷山", "", ["贵州雷山"]),  # with its province, one name for the county
        ("杭州市和淳安，优化资源配置", "", ["杭州市", "淳安"]),  # a place of its own city is named in the text
        ("建德、淳安两地", "", ["建德", "淳安"]),  # in a list of places
        ("结对长春朝阳", "", ["长春朝阳"]),  # the 朝阳 of Changchun, not of Beijing
        ("支持淳安发展", "", []),
        ("支持淳安发展", "330100", ["淳安"]),  # at home, in a Hangzhou document
        ("杭州是浙江的省会", "", ["杭州", "浙江"]),  # cities and provinces stand alone
    ],
)
def test_nlp_rules_engine_county_short_forms_need_context(county_rules, text, home, expected):
    assert [text[c.start:c.end] for c in county_rules.match(text, home=home)] == expected


def test_nlp_rules_engine_chained_county_takes_the_right_entry(county_rules):
    (found,) = county_rules.match("结对长春朝阳")
    assert found.entry == "division:220104:朝阳区"


TOWN_HEADER = "code\tname\tparent\tshort\tnote\n"
FOREIGN_HEADER = "id\tname\tkind\tparent\tshort\tnote\n"


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("townships.tsv", TOWN_HEADER + "330106011\t转塘街道\t330106\t转塘\t\n33010601\t双浦镇\t330106\t双浦\t\n",
         "townships.tsv:3"),
        ("townships.tsv", TOWN_HEADER + "330106011\t转塘街道\t330109\t转塘\t\n", "townships.tsv:2"),
        ("townships.tsv", TOWN_HEADER + "330106011\t转塘街道\t330106\t转塘\n", "townships.tsv:2"),
        ("townships.tsv", "code\tname\tshort\tnote\n", "townships.tsv:1: no column 'parent'"),
        ("foreign.tsv", FOREIGN_HEADER + "VN01\t河内\tcity\tVN\t\t\n", "foreign.tsv:2"),
        ("foreign.tsv", FOREIGN_HEADER + "VN\t越南\tnation\t\t\t\n", "foreign.tsv:2"),
    ],
)
def test_nlp_rules_engine_reports_bad_place_files(tmp_path, name, text, message):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_gazetteer(tmp_path)


def test_nlp_rules_engine_township_flags_keep_short_forms_out(tmp_path):
    (tmp_path / "townships.tsv").write_text(
        TOWN_HEADER
        + "330106011\t转塘街道\t330106\t转塘\t\n"
        + "330109004\t新塘街道\t330109\t新塘\tshort-is-generic=新塘\n"
        + "330110004\t于城镇\t330110\t于城\tshort-is-common-word=于城;name-is-phrase\n",
        encoding="utf-8",
    )
    gazetteer = load_gazetteer(tmp_path)
    assert "转塘" in gazetteer.forms and "新塘" not in gazetteer.forms and "于城" not in gazetteer.forms
    assert gazetteer.lookup("于城镇")[0].name_needs_context
    assert "转塘街道" not in gazetteer.words()  # townships stay out of pkuseg's dictionary


@pytest.fixture()
def chain_rules(tmp_path):
    (tmp_path / "gazetteer").mkdir()
    (tmp_path / "patterns").mkdir()
    (tmp_path / "gazetteer" / "divisions.tsv").write_text(
        "code\tname\tlevel\tparent\tshort\tvalid_from\tvalid_to\tsuccessor\tnote\n"
        "330000\t浙江省\tprovince\t\t浙江\t\t\t\t\n"
        "330100\t杭州市\tcity\t330000\t杭州\t\t\t\t\n"
        "330106\t西湖区\tdistrict\t330100\t\t\t\t\t\n"
        "320000\t江苏省\tprovince\t\t江苏\t\t\t\t\n",
        encoding="utf-8",
    )
    (tmp_path / "gazetteer" / "townships.tsv").write_text(
        TOWN_HEADER + "330106011\t转塘街道\t330106\t转塘\t\n", encoding="utf-8")
    (tmp_path / "gazetteer" / "foreign.tsv").write_text(
        FOREIGN_HEADER + "VN\t越南\tcountry\t\t\t\nVN01\t河内\tcity\tVN\t河内市\tcapital\n", encoding="utf-8")
    return RuleSet.load(tmp_path)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("浙江省杭州市西湖区转塘街道", [("浙江省杭州市西湖区转塘街道", "division:330106011:转塘街道")]),
        ("杭州西湖区", [("杭州西湖区", "division:330106:西湖区")]),
        ("西湖区转塘", [("西湖区转塘", "division:330106011:转塘街道")]),
        ("越南河内市", [("越南河内市", "foreign:VN01")]),
        ("江苏杭州", [("江苏", "division:320000:江苏省"), ("杭州", "division:330100:杭州市")]),  # not inside
        ("杭州、浙江", [("杭州", "division:330100:杭州市"), ("浙江", "division:330000:浙江省")]),
    ],
)
def test_nlp_rules_engine_chains_places_written_one_after_another(chain_rules, text, expected):
    assert [(text[c.start:c.end], c.entry) for c in chain_rules.match(text)] == expected


# A pattern's boundary can read a verb that ends in a place's first character (建成 in 创建成都…);
# the name then begins with the place the segmenter keeps whole, but not a two-character place
# that begins with a conjunction (和县 in 教育和县乡: after a verb the two modifiers share the head
# 改革, one programme, and no 和县 is found inside it).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("今年力争创建成都国家植物园", [("成都国家植物园", "PROJECT")]),
        ("重点推进和林格尔新区大数据中心建设", [("和林格尔新区大数据中心", "PROJECT")]),
        ("加快义务教育和县乡财政体制改革", [("义务教育和县乡财政体制改革", "PROGRAM")]),
    ],
)
def test_nlp_rules_engine_name_begins_with_the_place_the_segmenter_keeps(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


# A known place the segmenter cuts through is not there: the segmenter forces known places
# whole unless the model reads a common word across them (形成/都市圈, 顺应/城市).
@pytest.mark.parametrize(
    "text, expected",
    [
        ("加快形成都市圈建设", []),
        ("顺应城市发展规律", []),
        ("推动成都市场主体发展", [("成都", "DISTRICT")]),
        ("实施黄河内蒙古段河道治理", [("内蒙古", "DISTRICT")]),
    ],
)
def test_nlp_rules_engine_place_cut_by_the_segmenter_is_not_there(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
