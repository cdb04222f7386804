"""Linking mentions to canonical entities, through the real pipeline and gazetteers."""

from __future__ import annotations

import pytest

from kg.extract.entities import Linker, canonical_form, link_all
from kg.extract.mentions import Mention, mentions
from kg.ingest.document import ingest_text


@pytest.fixture()
def linker(rule_set):
    return Linker(rule_set.gazetteer)


def _link(nlp, linker, text, doc_id="t"):
    document = ingest_text(text, doc_id, strip_boilerplate=False)
    found = mentions(document, nlp(document.text))
    return {m.source_text: e for m, e in link_all(linker, found, document.meta.script, document.meta.area)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“最多跑一次”改革", "最多跑一次改革"),
        ("《优化营商环境条例》", "优化营商环境条例"),
        ("杭州高新区(滨江)", "杭州高新区（滨江）"),
        (" 西湖大学 ", "西湖大学"),
        ("全\n\n国科普示范区", "全国科普示范区"),
        ("APEC  Business 论坛", "APEC Business论坛"),
    ],
)
def test_extract_entities_canonical_form(text, expected):
    assert canonical_form(text) == expected


def test_extract_entities_one_entity_across_scripts(nlp, linker):
    simplified = _link(nlp, linker, "支持西湖大学建设。", "a")
    traditional = _link(nlp, linker, "支持西湖大學、浙江大學建設。", "b")
    assert simplified["西湖大学"] is traditional["西湖大學"]
    entity = traditional["西湖大學"]
    assert entity.name == "西湖大学"
    assert entity.aliases.get("西湖大學") == "zh-Hant"


def test_extract_entities_short_and_full_district_are_one(nlp, linker):
    found = _link(nlp, linker, "余杭区和余杭、上城区、杭州。")
    assert found["余杭"] is found["余杭区"]
    district = found["余杭区"]
    assert (district.label, district.code, district.parent) == ("DISTRICT", "330110", "division:330100")
    assert found["杭州"].code == "330100" and found["杭州"].parent == "division:330000"
    assert "division:330000" in linker.entities  # the hierarchy is complete up to the province


def test_extract_entities_quoted_and_unquoted_program_are_one(nlp, linker):
    found = _link(nlp, linker, "深化“最多跑一次”改革，推进最多跑一次改革。")
    assert found["“最多跑一次”改革"] is found["最多跑一次改革"]


def test_extract_entities_high_tech_zone_links_to_binjiang(nlp, linker):
    found = _link(nlp, linker, "支持杭州高新区(滨江)发展。")
    key = next(k for k in found if k.startswith("杭州高新区"))
    assert found[key].code == "330108"
    assert found[key].name == "滨江区"


@pytest.mark.parametrize(
    "area, text, expected",
    [
        # the gazetteer's own body when it lists one: 杭州市委 is 中共杭州市委
        ("杭州市", "在市委、省政府的领导下", {"市委": "中共杭州市委", "省政府": "浙江省人民政府"}),
        ("上城区", "在区委和市政府的领导下", {"区委": "上城区委", "市政府": "杭州市人民政府"}),
        (None, "在市委的领导下", {"市委": "市委"}),  # no area known: the body stays generic
        ("宁夏回族自治区", "在自治区党委、自治区政府的领导下",
         {"自治区党委": "宁夏回族自治区党委", "自治区政府": "宁夏回族自治区政府"}),
    ],
)
def test_extract_entities_level_bodies_belong_to_the_documents_area(nlp, linker, area, text, expected):
    from kg.nlp.pipeline import annotate

    document = ingest_text(text, "t", strip_boilerplate=False)
    found = mentions(document, annotate(nlp, document.text))
    linked = link_all(linker, found, "zh-Hans", area)
    assert {m.text: e.name for m, e in linked} == expected


def _mention(text: str, label: str = "ORG") -> Mention:
    return Mention(0, len(text), 0, len(text), label, text, text, "test", None, 0)


def _linked_name(linker, text: str, area: str | None, label: str = "ORG") -> str:
    return linker.link(_mention(text, label), "zh-Hans", linker.area_code(area)).name


@pytest.mark.parametrize(
    "area, text, expected",
    [
        # any province's cities
        ("郑州市", "市委", "郑州市委"),
        ("郑州市", "市人民政府", "郑州市政府"),
        ("郑州市", "市委宣传部", "郑州市委宣传部"),
        ("郑州市", "省政府", "河南省政府"),
        ("金水区", "市委", "郑州市委"),
        ("金水区", "区人大常委会", "金水区人大常委会"),
        ("义乌市", "市委", "义乌市委"),  # a county-level city is the nearest 市
        ("乌鲁木齐市", "自治区政府", "新疆维吾尔自治区政府"),
        # autonomous regions: 区党委 and 自治区政府 are the region's
        ("宁夏回族自治区", "区党委", "宁夏回族自治区党委"),
        ("宁夏回族自治区", "自治区党委", "宁夏回族自治区党委"),
        ("宁夏回族自治区", "自治区人民政府", "宁夏回族自治区政府"),
        ("宁夏回族自治区", "市委", "市委"),  # no city above a region: generic
        ("海拉尔区", "区委", "海拉尔区委"),
        ("海拉尔区", "自治区党委", "内蒙古自治区党委"),
        ("海拉尔区", "市政府", "呼伦贝尔市政府"),
        # municipalities: 市委 in a 北京市 report, and in one of its districts
        ("北京市", "市委", "北京市委"),
        ("朝阳区", "市委", "北京市委"),
        ("重庆市", "市政协", "重庆市政协"),
        # autonomous prefectures, leagues, banners
        ("黔东南苗族侗族自治州", "州委", "黔东南苗族侗族自治州委"),
        ("雷山县", "州委", "黔东南苗族侗族自治州委"),
        ("雷山县", "县委", "雷山县委"),
        ("锡林郭勒盟", "盟委", "锡林郭勒盟委"),
        ("锡林郭勒盟", "盟行政公署", "锡林郭勒盟行政公署"),
        # 省市委 is one body: both committees, as one entity
        ("郑州市", "省市委", "河南省委、郑州市委"),
        ("北京市", "省市委", "省市委"),  # no province above a municipality: generic
        # a national document: no level above the country
        ("中国", "省委", "省委"),
        # a department named by its level belongs to that division of the document's area
        ("济南市", "省科技厅", "山东省科技厅"),
        ("历下区", "市教育局", "济南市教育局"),
        ("历下区", "区发改局", "历下区发改局"),
        ("郑州市", "市市场监管局", "郑州市市场监管局"),
        ("郑州市", "省市场监管局", "河南省市场监管局"),
        ("郑州市", "市发展和改革委员会", "郑州市发展和改革委员会"),
        ("中国", "省科技厅", "省科技厅"),  # no province in a national document
        (None, "市教育局", "市教育局"),  # no area known
        # names that only begin like a level word are not bodies
        ("郑州市", "市场监管局", "市场监管局"),
        ("郑州市", "市级财政局", "市级财政局"),
        ("郑州市", "省人民医院", "省人民医院"),
        ("郑州市", "市局", "市局"),  # too short to be a department's name
    ],
)
def test_extract_entities_level_bodies_across_the_country(linker, area, text, expected):
    assert _linked_name(linker, text, area) == expected


def test_extract_entities_level_bodies_of_every_city(linker, rule_set):
    """市委 (州委, 盟委) in any prefecture's own document is that prefecture's committee."""
    endings = {"市": "市委", "州": "州委", "盟": "盟委"}
    cities = [e for e in rule_set.gazetteer.entries.values()
              if e.level == "city" and e.code and not e.until and e.name[-1] in endings]
    assert len(cities) > 300
    names = set()
    for city in cities:
        entity = linker.link(_mention(endings[city.name[-1]]), "zh-Hans", city.code)
        assert entity.name in (city.name + "委", f"中共{city.name}委"), city.name
        names.add(entity.key)
    assert len(names) == len(cities)


def test_extract_entities_one_entity_for_a_body_however_named(linker):
    assert linker.link(_mention("市政府"), "zh-Hans", "330100") is linker.link(_mention("市人民政府"), "zh-Hans", "330100")
    assert linker.link(_mention("市委"), "zh-Hans", "330100") is linker.link(_mention("杭州市委"), "zh-Hans", "")
    joint = linker.link(_mention("省市委"), "zh-Hans", "330100")
    assert (joint.key, joint.label) == ("ORG:浙江省委、杭州市委", "ORG")
    assert "省市委" in joint.aliases


@pytest.mark.parametrize(
    "text, key",
    [("国务院", "org:state-council"), ("党中央", "org:cpc-central-committee"), ("中共中央", "org:cpc-central-committee"),
     ("黨中央", "org:cpc-central-committee")],
)
def test_extract_entities_central_bodies_are_one_entity_each(linker, text, key):
    mention = Mention(0, len(text), 0, len(text), "ORG", canonical_form(text).replace("黨", "党"), text, "test", None, 0)
    assert linker.link(mention, "zh-Hans", "330100").key == key


@pytest.mark.parametrize("text", ["中国", "中华人民共和国", "我国"])
def test_extract_entities_the_country_is_one_district(linker, text):
    entity = linker.link(_mention(text, "DISTRICT"), "zh-Hans", "")
    assert (entity.key, entity.name, entity.code, entity.level, entity.parent) == ("division:100000", "中国", "100000", "country", None)
    assert linker.place("中国") is entity and linker.place("中华人民共和国") is entity
    assert linker.area_code("中国") == ""  # the country is no home for choosing among same-named places


def test_extract_entities_linking_tables_name_file_and_line(tmp_path):
    from kg.extract.entities import load_level_bodies
    from kg.resources.datafiles import RuleError

    (tmp_path / "levels.tsv").write_text("id\tword\tendings\tnote\ncity\t市\t\t\n", encoding="utf-8")
    (tmp_path / "bodies.tsv").write_text("id\tword\tcanonical\tnote\nparty\t委\t委\t\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"levels\.tsv:2"):
        load_level_bodies(tmp_path)
    (tmp_path / "levels.tsv").write_text("id\tword\tendings\tnote\ncity\t市\t市\t\n", encoding="utf-8")
    (tmp_path / "bodies.tsv").write_text("id\tword\tcanonical\tnote\nparty\t委\t委\t\nparty\t党委\t党委\t\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"bodies\.tsv:3: id 'party' is used twice"):
        load_level_bodies(tmp_path)
    (tmp_path / "bodies.tsv").write_text("id\tword\tcanonical\tnote\nparty\t委\t委\t\n", encoding="utf-8")
    (tmp_path / "departments.tsv").write_text("id\tkind\tword\tnote\nbureau\tsuffix\t局\t\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"departments\.tsv:2: a department row needs"):
        load_level_bodies(tmp_path)


def test_extract_entities_township_short_form_links_to_the_township(nlp, linker):
    found = _link(nlp, linker, "闲林、中泰两地加快发展。")
    assert (found["闲林"].name, found["闲林"].code, found["闲林"].parent) == ("闲林街道", "330110010", "division:330110")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("富陽區深化「最多跑一次」改革。", ("「最多跑一次」改革", "PROGRAM")),
        ("富阳区深化“最多跑一次”改革。", ("“最多跑一次”改革", "PROGRAM")),
    ],
)
def test_extract_entities_corner_brackets_quote_a_name_as_curly_quotes_do(text, expected):
    from kg.eval.run import extract_entities

    assert expected in {(text[s:e], label) for s, e, label in extract_entities(text)}
