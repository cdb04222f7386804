"""Linking mentions to canonical entities, through the real pipeline and gazetteers."""

from __future__ import annotations

import pytest

from kg.extract.entities import Linker, canonical_form, link_all
from kg.extract.mentions import mentions
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
        ("杭州市", "在市委、省政府的领导下", {"市委": "杭州市委", "省政府": "浙江省政府"}),
        ("上城区", "在区委和市政府的领导下", {"区委": "上城区委", "市政府": "杭州市政府"}),
        (None, "在市委的领导下", {"市委": "市委"}),  # no area known: the body stays generic
    ],
)
def test_extract_entities_level_bodies_belong_to_the_documents_area(nlp, linker, area, text, expected):
    from kg.nlp.pipeline import annotate

    document = ingest_text(text, "t", strip_boilerplate=False)
    found = mentions(document, annotate(nlp, document.text))
    linked = link_all(linker, found, "zh-Hans", area)
    assert {m.text: e.name for m, e in linked} == expected


def test_extract_entities_township_short_form_links_to_the_township(nlp, linker):
    found = _link(nlp, linker, "闲林、中泰两地加快发展。")
    assert (found["闲林"].name, found["闲林"].code, found["闲林"].parent) == ("闲林街道", "330110010", "division:330110")
