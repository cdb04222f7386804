"""NOT rules (kg/data/patterns/50_not.jsonl) and generic words (gazetteer/not_entities*.tsv):
text that names nothing, whatever a rule of another label finds inside it. Sentences written for
the tests, in the language of laws and of old national reports."""

from __future__ import annotations

import pytest


def _found(rule_set, text):
    return [(text[c.start:c.end], c.label) for c in rule_set.match(text)]


@pytest.mark.parametrize(
    "text",
    [
        # Every township's government or every residents' committee, not one of them: no
        # 镇人民政府 or 民委员会 cut out of the longer generic word.
        "各乡镇人民政府应当组织实施",
        "乡（镇）人民政府协助做好登记",
        "居（村）民委员会协助调解纠纷",
        "村（居）民委员会应当予以配合",
        "由所在地的居民委员会负责登记",
        "村民委员会可以制定公约",
        "区县（自治县）人民政府应当统筹安排",
        # A determiner of quantity before a generic head, with a few words between.
        "许多铁路已经通车",
        "一些银行收紧贷款",
        "有一部分中学缺少教师",
        "大批中小型水库开工",
        "每一项价格改革都要稳妥",
        # A year or a span of years before a generic work: a count of them.
        "1960年新建铁路一千公里",
        "三年内修建公路五千公里",
        "今后若干年铁路投资增加",
        "1962年高等学校招生增加",
        # Two years compared: the head after them is a verb or a count.
        "1962年比1961年计划增长一成",
        "一九八〇年比一九七九年医院床位增加",
        # Kinds of construction work in a law, named by nothing.
        "城市地下管线工程竣工后应当测量",
        "建筑保温工程必须符合标准",
        "房屋建筑工程的施工单位",
        "今年兴修的小型水利工程",
    ],
)
def test_nlp_patterns_not_generic_and_counted_give_nothing(rule_set, text):
    assert _found(rule_set, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A named committee or government is longer than the generic word, and stays.
        ("瓶窑镇人民政府负责登记", [("瓶窑镇人民政府", "ORG")]),
        # A name after a year or a determiner is no count.
        ("一些市民观看2022年杭州亚运会", [("2022年杭州亚运会", "PROJECT")]),
        ("1958年国民经济计划已经完成", [("1958年国民经济计划", "PROGRAM")]),
        ("实施老旧小区加装电梯建设工程", [("老旧小区加装电梯建设工程", "PROGRAM")]),
    ],
)
def test_nlp_patterns_not_names_beside_them_kept(rule_set, text, expected):
    assert _found(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A county's short form that is an ordinary word here: a plain, not 平原县.
        ("推进黑龙江三江平原、江西鄱阳湖地区开发", [("黑龙江", "DISTRICT"), ("江西鄱阳湖地区", "DISTRICT")]),
        # 责成 is a clause's verb: who orders is before it, who is ordered after it.
        ("国务院已责成国家计委研究", [("国务院", "ORG"), ("国家计委", "ORG")]),
    ],
)
def test_nlp_patterns_not_ordinary_words_and_clause_verbs(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected
