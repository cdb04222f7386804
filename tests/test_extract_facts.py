"""The facts stage over whole documents: whose figures they are, and the one per-document step
`kg build` and `kg eval` share."""

from __future__ import annotations

import pytest

from kg.extract.facts import document_mentions, extract_facts, pipeline_annotate, pipeline_linker
from kg.extract.relations import load_relation_rules
from kg.ingest.document import ingest_text

NATIONAL = (
    "政府工作报告\n——2022年3月5日在第十三届全国人民代表大会第五次会议上\n国务院总理　李克强\n各位代表：\n"
    "现在，我代表国务院，向大会报告政府工作，请予审议。\n"
    "一、2021年工作回顾\n"
    "全国国内生产总值增长8.1%。\n"
)
CITY = (
    "2020年郑州市政府工作报告\n（2020年4月26日在郑州市第十五届人民代表大会第五次会议上）\n各位代表：\n"
    "现在，我代表市人民政府，向大会报告工作。\n"
    "一、2019年工作回顾\n"
    "全市地区生产总值增长6.5%，高于全国0.4个百分点。我国居民人均可支配收入增长5.8%。\n"
)


@pytest.mark.parametrize(
    "text, area, observed",
    [
        # the State Council's report speaks for the country: its 全国 is 中国
        (NATIONAL, "中国", {("地区生产总值", "division:100000")}),
        # a city's report: 全市 is the city, 我国 the country
        (CITY, "郑州市", {("地区生产总值", "division:410100"), ("居民人均可支配收入", "division:100000")}),
    ],
)
def test_extract_facts_observations_of_the_country_and_the_city(nlp, text, area, observed):
    document = ingest_text(text, "r", strip_boilerplate=False)
    assert document.meta.area == area
    facts = extract_facts([document], pipeline_annotate(nlp), pipeline_linker(nlp), load_relation_rules())
    assert {(o.indicator, e.key) for o, e in facts.documents[0].observations} == observed
    country = facts.entities.get("division:100000")
    assert country is not None and (country.name, country.label) == ("中国", "DISTRICT")


def test_extract_facts_build_and_eval_share_one_document_step(nlp):
    """extract_facts links exactly the mentions document_mentions gives, in order."""
    document = ingest_text(CITY + "市委、市政府深化“放管服”改革。\n", "r", strip_boilerplate=False)
    linker = pipeline_linker(nlp)
    facts = extract_facts([document], pipeline_annotate(nlp), linker, load_relation_rules())
    assert [m for m, _ in facts.documents[0].linked] == document_mentions(document, pipeline_annotate(nlp), linker)
    names = {m.text: e.name for m, e in facts.documents[0].linked}
    assert names["市委"] == "郑州市委" and names["市政府"] == "郑州市政府"
