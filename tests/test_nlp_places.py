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
        # Lakes of a province are no lake's name: the province stays.
        ("安徽湖泊众多", "", [("安徽", "DISTRICT")]),
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
        # A full name that is also a phrase counts only with support, like a short form:
        # 范县 in 示范县, 海城市 in 沿海城市, 新建区 (a newly built area).
        ("创建国家级示范县", ""),
        ("开放沿海城市", ""),
        ("新建区的绿地面积不低于三成", ""),
        # An idiom and a phrase that hold a city's name: 文山会海, 医保定点.
        ("精简文山会海", ""),
        ("扩大医保定点范围", ""),
        # A province's or a city's short form that begins a lake's or a bay's name.
        ("保护青海湖水体", ""),
        ("治理泉州湾海域", ""),
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
        # A name with none of its own begins with the last place listed (a coordinated short
        # form, ANNOTATION.md), and the listed places still support each other.
        ("支持柳州、玉林国家物流枢纽扩容",
         [("柳州", "DISTRICT"), ("玉林国家物流枢纽", "PROJECT")]),
        ("推动满洲里、黑河智慧口岸试点扩面",
         [("满洲里", "DISTRICT"), ("黑河智慧口岸试点", "PROGRAM")]),
    ],
)
def test_nlp_places_listed_place_before_a_name(rule_set, text, expected):
    assert _found(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A verb after the last place listed begins no name that place is part of.
        ("支持南阳、信阳创建国家级旅游休闲城市",
         [("南阳", "DISTRICT"), ("信阳", "DISTRICT")]),
        ("推动漯河、许昌国家产融合作试点提质", [("漯河", "DISTRICT"), ("许昌国家产融合作试点", "PROGRAM")]),
    ],
)
def test_nlp_places_listed_place_before_a_verb_or_a_name(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


def _linked(rule_set, text, home=""):
    """(span, label, division code or foreign id, parent code) of each entity found."""
    out = []
    for c in rule_set.match(text, home=home):
        entry = rule_set.gazetteer.entries.get(c.entry or "")
        key = (entry.code or entry.id) if entry else ""
        out.append((text[c.start:c.end], c.label, key, entry.parent if entry else ""))
    return out


@pytest.mark.parametrize(
    "text, home, expected",
    [
        # A township's full name counts anywhere in the country, linked to its code.
        ("东莞市虎门镇和太原市迎泽区的代表", "", [("东莞市虎门镇", "DISTRICT", "441900121", "441900"),
                                          ("太原市迎泽区", "DISTRICT", "140106", "140100")]),
        ("虎门镇举办服装交易会", "", [("虎门镇", "DISTRICT", "441900121", "441900")]),
        # Its short form only in its own county (or city, for 东莞's towns) ...
        ("虎门举办服装交易会", "441900", [("虎门", "DISTRICT", "441900121", "441900")]),
        # ... and when the county is named in the text.
        ("东莞市提出，虎门要加快转型", "", [("东莞市", "DISTRICT", "441900", "440000"),
                                         ("虎门", "DISTRICT", "441900121", "441900")]),
    ],
)
def test_nlp_places_townships_nationwide(rule_set, text, home, expected):
    assert _linked(rule_set, text, home) == expected


@pytest.mark.parametrize(
    "text, home",
    [
        ("虎门举办服装交易会", ""),  # a township's short form with nothing around it
        ("虎门举办服装交易会", "330106"),  # at home in another county
        ("城乡居民收入增速高于城镇居民", ""),  # 于城镇 is a town, and here 高于 + 城镇
        ("加强中心镇建设", ""),  # 中心镇, central towns, also a town's name
        ("大力发展乡村旅游", ""),  # 发展乡 is a township, here 发展 + 乡村
    ],
)
def test_nlp_places_townships_without_support_give_nothing(rule_set, text, home):
    assert [span for span, label in _found(rule_set, text, home) if label == "DISTRICT"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # Divisions written one after another are one name, linked to the last, whose code
        # gives the parent; full names and short forms alike.
        ("浙江省杭州市萧山区瓜沥镇加快发展", [("浙江省杭州市萧山区瓜沥镇", "DISTRICT", "330109113", "330109")]),
        ("到内蒙古呼伦贝尔市海拉尔区考察", [("内蒙古呼伦贝尔市海拉尔区", "DISTRICT", "150702", "150700")]),
        ("与广西壮族自治区南宁市合作", [("广西壮族自治区南宁市", "DISTRICT", "450100", "450000")]),
        ("杭州萧山的企业", [("杭州萧山", "DISTRICT", "330109", "330100")]),
        ("浙江湖州的企业", [("浙江湖州", "DISTRICT", "330500", "330000")]),
        ("湖北省襄阳市襄州区张家集镇", [("湖北省襄阳市襄州区张家集镇", "DISTRICT", "420607109", "420607")]),
        # Side by side in a list they stay apart; a place not inside the one before is no chain.
        ("新疆、西藏", [("新疆", "DISTRICT", "650000", ""), ("西藏", "DISTRICT", "540000", "")]),
        ("北京上海两地", [("北京", "DISTRICT", "110000", ""), ("上海", "DISTRICT", "310000", "")]),
    ],
)
def test_nlp_places_chains_are_one_place(rule_set, text, expected):
    assert _linked(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # An autonomous prefecture by its short forms.
        ("黔东南州和黔东南各县", [("黔东南州", "DISTRICT", "522600", "520000"), ("黔东南", "DISTRICT", "522600", "520000")]),
        # 盟 and 旗.
        ("锡林郭勒盟、鄂温克族自治旗", [("锡林郭勒盟", "DISTRICT", "152500", "150000"),
                                      ("鄂温克族自治旗", "DISTRICT", "150724", "150700")]),
        # Former names keep their own rows (and years) in the gazetteer.
        ("原襄樊市和思茅市", [("襄樊市", "DISTRICT", "420600", "420000"), ("思茅市", "DISTRICT", "530800", "530000")]),
        ("呼伦贝尔盟", [("呼伦贝尔盟", "DISTRICT", "152100", "150000")]),
        # Foreign places: a country, its city, and the two as one name.
        ("越南河内与日本东京", [("越南河内", "DISTRICT", "foreign:VN01", ""), ("日本东京", "DISTRICT", "foreign:JP01", "")]),
        ("同意大利开展合作", [("意大利", "DISTRICT", "foreign:IT", "")]),
        # Former states keep their own rows (withdrawn ISO codes); the longer name wins over the
        # countries it contains (捷克斯洛伐克, not 捷克 and 斯洛伐克).
        ("学习苏联和南斯拉夫的经验", [("苏联", "DISTRICT", "foreign:SU", ""), ("南斯拉夫", "DISTRICT", "foreign:YU", "")]),
        ("同波兰、捷克斯洛伐克往来", [("波兰", "DISTRICT", "foreign:PL", ""), ("捷克斯洛伐克", "DISTRICT", "foreign:CS", "")]),
        # Parts of a province that plans treat as units.
        ("推动皖北地区和苏北振兴", [("皖北地区", "DISTRICT", "zone:Z168", "340000"), ("苏北", "DISTRICT", "zone:Z167", "320000")]),
    ],
)
def test_nlp_places_prefectures_banners_former_names_foreign_and_regions(rule_set, text, expected):
    assert _linked(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A zone's name-shape rule read a clause as the name: it begins after the verb.
        ("确需占用梅岭度假区内林地的，应当报批", [("梅岭度假区", "DISTRICT")]),
        ("协调有关部门派驻云栖度假区的机构", [("云栖度假区", "DISTRICT")]),
        ("投资公司增资九龙湖科学城，市场化引进", [("九龙湖科学城", "DISTRICT")]),
        # Only the zone's kind is left after the verb: no place.
        ("号召青年去攻克科学城堡", []),
        ("按规定由市级财政返还新区", []),
        # Verbs that zone names contain, and a chain of zones, stay whole.
        ("推进皖北承接产业转移集聚区建设", [("皖北承接产业转移集聚区", "DISTRICT")]),
        ("积极推进之江文化产业带上城发展极建设", [("之江文化产业带上城发展极", "DISTRICT")]),
        ("设立南湖经济技术开发区", [("南湖经济技术开发区", "DISTRICT")]),
    ],
)
def test_nlp_places_zone_begins_after_a_verb(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "DISTRICT"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A place that opens the name of a cluster, a catalogue or a list is inside that name.
        ("新增苏南工业软件、珠三角智能家电等国家先进制造业集群", []),
        ("列入杭州市企业信用信息补充目录的信息", []),
        ("探索长三角政务服务事项互认清单管理", []),
        # A modifier or a list mark after the place: the place is its own.
        ("推动苏南重点产业集群发展", [("苏南", "DISTRICT")]),
        ("支持嘉兴、湖州等纺织产业集群", [("嘉兴", "DISTRICT"), ("湖州", "DISTRICT")]),
        ("湖州丝绸入选国家产业集群", [("湖州", "DISTRICT")]),
        ("滨江区应当按照产业发展指导目录执行", [("滨江区", "DISTRICT")]),
        # A free trade zone of one place is a zone; one agreed between countries is not.
        ("设立福建自贸区，推动中国—东盟自贸区升级", [("福建自贸区", "DISTRICT")]),
        # A place that opens the name of a national or international centre, base or node.
        ("推进昆山国家重离子治疗中心建设", []),
        ("扩容升级郑州国家级互联网骨干直联点", []),
        ("加快芜湖国际物流基地建设", []),
        ("建成運營廈門國際郵件交換中心", []),
        # Not: no centre after 国际, a centre city (a designation of the city), no 国家 or 国际.
        ("提升泉州国际知名度", [("泉州", "DISTRICT")]),
        ("争创宁波国际消费中心城市", [("宁波", "DISTRICT")]),
        ("支持鞍山老工业基地振兴", [("鞍山", "DISTRICT")]),
        ("推动南宁、柳州等国家物流基地建设", [("南宁", "DISTRICT"), ("柳州", "DISTRICT")]),
    ],
)
def test_nlp_places_inside_titles_of_clusters_catalogues_and_lists(rule_set, text, expected):
    assert _found(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A place in brackets right after a name says where that one is: inside the name.
        ("获批建设海洋装备检测中心（江西），运行良好", []),
        ("举办中国（昆明）国际茶叶博览会", []),
        ("成立恒通（洛阳）物流有限公司", []),
        # A place inside a quoted brand or slogan that holds more than the place is in it.
        ("持续擦亮“多彩湖南”文旅品牌", []),
        ("开展“乐游甘肃”系列推介活动", []),
        ("加快建设“三个四川”", []),
        # Not: a quote of the place alone, or of places joined by a dash or a plus sign.
        ("宣传“宁波”，走向世界", [("宁波", "DISTRICT")]),
        ("推进“珠海+澳门”协同发展", [("珠海", "DISTRICT"), ("澳门", "DISTRICT")]),
        # Not: brackets after a list mark, or a place before a quote (ANNOTATION.md).
        ("（江西）加快发展", [("江西", "DISTRICT")]),
        ("湖南“十五五”规划", [("湖南", "DISTRICT")]),
    ],
)
def test_nlp_places_inside_brackets_and_quotes_of_names(rule_set, text, expected):
    assert [f for f in _found(rule_set, text) if f[1] == "DISTRICT"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A work named by two places side by side is the work, not the places.
        ("宁波舟山港货物吞吐量稳居全球第一", [("宁波舟山港", "PROJECT")]),
        # Not: the two cities listed.
        ("推动宁波、舟山港口一体化", [("宁波", "DISTRICT"), ("舟山", "DISTRICT")]),
    ],
)
def test_nlp_places_works_named_by_two_places(rule_set, text, expected):
    assert _found(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, home, expected",
    [
        # A county's or township's short form right before 遗址 names an ancient site.
        ("加强河姆渡遗址的保护和管理", "330281", []),
        ("推动红山文化遗址申遗", "150404", []),
        ("推進南宋臨安城遺址保護", "330100", []),
        # Not: the place before other words, a city's or province's short form.
        ("推进河姆渡发展", "330281", [("河姆渡", "DISTRICT")]),
        ("实施新疆考古与文化遗产保护", "", [("新疆", "DISTRICT")]),
        ("加强西安遗址保护", "", [("西安", "DISTRICT")]),
    ],
)
def test_nlp_places_short_form_before_a_site(rule_set, text, home, expected):
    assert _found(rule_set, text, home) == expected
