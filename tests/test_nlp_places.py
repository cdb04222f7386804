"""Which bare short forms of places count (kg/nlp/places.py), on the gazetteers as shipped.

Rows are (text, home division code, expected [(span, label)]). The townships and counties are
chosen outside the seeds, so the context rules are what is tested, not known sentences.
"""

from __future__ import annotations

import pytest


def _found(rule_set, text, home=""):
    return [(text[c.start:c.end], c.label) for c in rule_set.match(text, home=home)]


@pytest.mark.parametrize(
    "text, home, expected",
    [
        # Townships' short forms: two of one county listed together, beside a full place name,
        # after their county, or at home in their county.
        ("闲林、中泰两地加快发展", "", [("闲林", "DISTRICT"), ("中泰", "DISTRICT")]),
        ("萧山区、瓶窑加快融合", "", [("萧山区", "DISTRICT"), ("瓶窑", "DISTRICT")]),
        ("余杭区瓶窑加快发展", "", [("余杭区瓶窑", "DISTRICT")]),
        ("支持瓶窑发展", "330110", [("瓶窑", "DISTRICT")]),
        # A county's short form in words only a place takes.
        ("向所有关心支持桐庐发展的同志们致谢", "", [("桐庐", "DISTRICT")]),
        ("青田经济社会发展稳中有进", "", [("青田", "DISTRICT")]),
    ],
)
def test_nlp_places_short_forms_with_support(rule_set, text, home, expected):
    assert _found(rule_set, text, home) == expected


@pytest.mark.parametrize(
    "text, home",
    [
        # A township's short form alone, even in words a place takes: townships are many.
        ("支持瓶窑发展", ""),
        # A county's short form that is also a word.
        ("优化资源配置", ""),
        # Right before a character that ends place names it is part of another name.
        ("拓宽余杭塘路", "330100"),
        # Listed and counted in bodies: short names of health centres, not places.
        ("完成闲林、中泰、仓前等3家社区卫生服务中心改造", "330110"),
        ("完成闲林、仓前（中泰）等2家社区卫生服务中心改造", "330110"),
    ],
)
def test_nlp_places_short_forms_without_support_give_nothing(rule_set, text, home):
    assert [span for span, label in _found(rule_set, text, home) if label == "DISTRICT"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A work named right after a list of places, beginning with a place, belongs to the list.
        ("加快桐庐、建德富春江生态修复项目建设",
         [("桐庐", "DISTRICT"), ("建德", "DISTRICT"), ("富春江生态修复项目", "PROJECT")]),
        # A body keeps its place: 宁波银行 is a bank's name.
        ("支持杭州、宁波银行发展", [("杭州", "DISTRICT"), ("宁波银行", "ORG")]),
    ],
)
def test_nlp_places_listed_place_before_a_name(rule_set, text, expected):
    assert _found(rule_set, text) == expected
