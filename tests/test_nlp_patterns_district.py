"""The DISTRICT name-shape rules in kg/data/patterns/20_district.jsonl, on the rule set as shipped.

Rows are (text, expected DISTRICT spans); only DISTRICT candidates are compared. The names are
invented or taken from outside the seeds, so the rules describe shapes, not known strings.
"""

from __future__ import annotations

import pytest


def _districts(rule_set, text, masked=()):
    return [(text[c.start:c.end], c.label) for c in rule_set.match(text, masked=masked) if c.label == "DISTRICT"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("加快东部新城、南湾新区建设", [("东部新城", "DISTRICT"), ("南湾新区", "DISTRICT")]),
        ("以前湾小镇为核心，打造前湾产业园", [("前湾小镇", "DISTRICT"), ("前湾产业园", "DISTRICT")]),
        ("甬江科创大走廊引领作用日益增强", [("甬江科创大走廊", "DISTRICT")]),
        ("推进瓯江生态带、沪宁城市连绵带建设", [("瓯江生态带", "DISTRICT"), ("沪宁城市连绵带", "DISTRICT")]),
        ("东钱湖旅游度假区、雁荡山景区品质提升", [("东钱湖旅游度假区", "DISTRICT"), ("雁荡山景区", "DISTRICT")]),
        ("完成三江口核心区1至5号地块收储", [("三江口核心区", "DISTRICT")]),
        # A verb in front is not part of the name.
        ("优化整合月湖历史街区，彻底改变南塘地区面貌", [("月湖历史街区", "DISTRICT"), ("南塘地区", "DISTRICT")]),
        # Coordinated zones stay two places.
        ("梅山新区和滨海新城同步推进", [("梅山新区", "DISTRICT"), ("滨海新城", "DISTRICT")]),
        # 预计, 现有 and the end of 目的地 begin no name.
        ("预计临港新区经济总量突破千亿", [("临港新区", "DISTRICT")]),
        ("改造现有梅溪农业园区", [("梅溪农业园区", "DISTRICT")]),
        ("建设国际旅游目的地洱源新区", [("洱源新区", "DISTRICT")]),
        ("扩容提质都市圈公共服务", []),
        # A government that coordinates a zone is not part of its name.
        ("由市人民政府协调滨湖新区和周边街道", [("滨湖新区", "DISTRICT")]),
        # bonded zones named by their city are zones; 申建 (to apply to set up) begins none
        ("漳州综保区封关运行", [("漳州综保区", "DISTRICT")]),
        ("黄石保税物流中心（B型）获批", [("黄石保税物流中心（B型）", "DISTRICT")]),
        ("支持孝感申建综保区", [("孝感", "DISTRICT")]),
    ],
)
def test_nlp_patterns_district_zones(rule_set, text, expected):
    assert _districts(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A zone named inside a zone, a parenthesised short name, and a place then a block inside it.
        ("挂牌成立宁波高新区（鄞州）奉化特别合作区", [("宁波高新区（鄞州）奉化特别合作区", "DISTRICT")]),
        ("中国（四川）自由贸易试验区成都片区获批", [("中国（四川）自由贸易试验区成都片区", "DISTRICT")]),
        ("推进甬江文化产业带江北发展极建设", [("甬江文化产业带江北发展极", "DISTRICT")]),
        ("完成9条城乡河道和桃源村白云坞区块拆迁", [("桃源村白云坞区块", "DISTRICT")]),
        ("推进鄞州大学科技（创业）园建设", [("鄞州大学科技（创业）园", "DISTRICT")]),
    ],
)
def test_nlp_patterns_district_compound_names(rule_set, text, expected):
    assert _districts(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("与四川凉山州、云南怒江州对口帮扶", [("四川凉山州", "DISTRICT"), ("云南怒江州", "DISTRICT")]),
        ("与法国里昂市、秘鲁首都利马市签署友好合作备忘录", [("法国里昂市", "DISTRICT"), ("秘鲁", "DISTRICT"), ("利马市", "DISTRICT")]),
        ("始宁桥社区列入首批省级试点", [("始宁桥社区", "DISTRICT")]),
        # A province and a city of two or more characters; 上市 and 城市 end no city's name.
        ("与湖北黄石市、安徽泾县合作", [("湖北黄石市", "DISTRICT"), ("安徽泾县", "DISTRICT")]),
        ("支持企业在北京证券交易所上市", []),
        ("提升天津城市能级和核心竞争力", [("天津", "DISTRICT")]),
        # A province and 地区 is the province, not a prefecture (阿里地区 is one, by the gazetteer).
        ("甘肃地区农民收入较快增长", [("甘肃", "DISTRICT")]),
        ("西藏阿里地区边境旅游升温", [("西藏阿里地区", "DISTRICT")]),
    ],
)
def test_nlp_patterns_district_divisions_and_foreign_places(rule_set, text, expected):
    assert _districts(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Generic areas without a name.
        "新打造3A级村落景区59个",
        "做强做优特色小镇和省级园区",
        "优化高新区体制机制",
        "覆盖453个行政村，所有建制村通客车",
        "新增城镇就业1.2万人",
        "扎实开展和谐社区创建",
        "加快布局建设新零售示范街区",
        "吸引乡贤回归，推动文化下乡",
        # A designation granted by a higher government is PROGRAM, not a place.
        "高水平建设国家自主创新示范区",
        "继续保持一类地区水平",
    ],
)
def test_nlp_patterns_district_generic_words_give_nothing(rule_set, text):
    assert _districts(rule_set, text) == []


def test_nlp_patterns_district_masked_text_gives_nothing(rule_set):
    text = "XX科创大走廊引领作用增强"
    assert _districts(rule_set, text, masked=[(0, 2)]) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A city whose short form is also a mountain or a word names the city only with a county after it.
        ("与红河蒙自、怒江泸水等地结对", [("红河蒙自", "DISTRICT"), ("怒江泸水", "DISTRICT")]),
        # A part of a free trade zone outranks the designation reading.
        ("列入中国湖北自贸区武汉联动创新区", [("中国湖北自贸区武汉联动创新区", "DISTRICT")]),
        # A cross-border cooperation area of abbreviated places is a planned area.
        ("推进沪苏浙跨省合作先行区建设", [("沪苏浙跨省合作先行区", "DISTRICT")]),
        # A nature name joined to a zone is one area; a quoted theme then a zone suffix continues it.
        ("推进东湖与两江汇流区块规划", [("东湖与两江汇流区块", "DISTRICT")]),
        ("探索东湖和两江汇流区块“未来城市”示范区建设", [("东湖和两江汇流区块“未来城市”示范区", "DISTRICT")]),
        # A community named before its “未来社区” project.
        ("推进德胜桥“未来社区”建设", [("德胜桥", "DISTRICT")]),
        # Village names ending in a landform character outrank a short form inside them.
        ("建成杨家埭、沈家浜等特色村", [("杨家埭", "DISTRICT"), ("沈家浜", "DISTRICT")]),
    ],
)
def test_nlp_patterns_district_named_areas(rule_set, text, expected):
    assert _districts(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # 县域 after a conjunction, a safety honour, a jubilee, a dynasty's city, an eco-city slogan.
        "推进城市医联体和县域医共体建设",
        "连续多年创建省级平安区",
        "庆祝建国70周年大庆",
        "保护南宋临安城遗址",
        "推进最优人才生态城市建设",
        # A designation without a place name, a slogan of coordinated villages.
        "积极创建数字自由贸易试验区",
        "深化区县协作、联乡结村等机制",
        # 和县 after a body is "and the counties": 市和县（市、区）, 部门和县（处）级, 和县乡公路.
        "由市和县（市、区）人民政府组织实施",
        "各部门和县（处）级干部参加",
        "改造国道和县乡公路",
        # A city's or a village's name inside an idiom.
        "事关边疆长治久安",
        "整治村容村貌",
        "穿越巴丹吉林沙漠",
        # A foreign capital's name inside a chemical, a people, a breed, a peninsula.
        "研发生物基多元醇",
        "弘扬蒙古马精神",
        "维护朝鲜半岛和平",
        # Short or full names of districts that are also words: salt lakes, peonies, river and sea
        # transport, an old or a new part of a town.
        "发展盐湖化工产业",
        "推广油用牡丹种植",
        "推进江海联运",
        "加快老城区有机更新",
        "新城区配套设施加快完善",
        # A village word and a harmony word begin no name.
        "开通城区至行政村客运班线",
        "推进和谐村镇建设",
        # 市场 is a market, not a city ending in 市.
        "建设湖南科技大市场",
    ],
)
def test_nlp_patterns_district_not_places(rule_set, text):
    assert _districts(rule_set, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # Names counted as towns or villages are places, whether the gazetteer knows them or not.
        ("推进梅溪等12个美丽城镇建设", [("梅溪", "DISTRICT")]),
        ("建成青云、白石、梅林三个旅游特色村", [("青云", "DISTRICT"), ("白石", "DISTRICT"), ("梅林", "DISTRICT")]),
        # 和 right after one character is inside the name; one character names no place.
        ("推进太和山片区拆迁安置", [("太和山片区", "DISTRICT")]),
        # The defence of a place is no programme: the places stay.
        ("打好湖北、武汉保卫战", [("湖北", "DISTRICT"), ("武汉", "DISTRICT")]),
    ],
)
def test_nlp_patterns_district_counted_and_inner_names(rule_set, text, expected):
    assert _districts(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A count without a listed name, a village-level body, generic words in the list.
        "其中5个村完成改造",
        "新增3个村级组织",
        "全区、全市等5个村",
        # Two halves of a place joined by 和 stay out: 东和西片区.
        "推进东和西片区建设",
        # People listed as examples, whatever their names contain.
        "王小明、李大华、韦长春等先进典型",
    ],
)
def test_nlp_patterns_district_counted_shapes_give_nothing(rule_set, text):
    assert _districts(rule_set, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # Places joined by dashes name one corridor or zone: the pieces are not places there.
        ("建强昆明—大理—丽江经济走廊，打造沿边开放带", [("昆明—大理—丽江经济走廊", "DISTRICT")]),
        ("支持中国—中亚产业合作区协同发展区建设", [("中国—中亚产业合作区协同发展区", "DISTRICT")]),
        ("加快银川—石嘴山都市圈建设", [("银川—石嘴山都市圈", "DISTRICT")]),
        # A region named by a short name and 地区; a zone that takes in relocated industry.
        ("加快陇东地区全面振兴", [("陇东地区", "DISTRICT")]),
        ("深入推进赣南承接产业转移示范区建设", [("赣南承接产业转移示范区", "DISTRICT")]),
        ("规划建设滇中经济区", [("滇中经济区", "DISTRICT")]),
        # A national park is an area, a country by its full name a place wherever it stands.
        ("高质量建设秦岭国家公园", [("秦岭国家公园", "DISTRICT")]),
        ("热烈庆祝中华人民共和国成立80周年", [("中华人民共和国", "DISTRICT")]),
        # A region ends at 地区: the zone after it is another.
        ("彻底改变西溪地区安置房集聚区面貌", [("西溪地区", "DISTRICT")]),
        # A university park, a science port, a central business district, an old revolutionary
        # base area and a protected heritage zone are named areas.
        ("推动仙林高教园、金山科技创新港协同发展", [("仙林高教园", "DISTRICT"), ("金山科技创新港", "DISTRICT")]),
        ("提升南湖商务中心区能级", [("南湖商务中心区", "DISTRICT")]),
        ("支持沂蒙革命老区红色旅游发展", [("沂蒙革命老区", "DISTRICT")]),
        ("推进隋唐洛阳城国家遗址保护特区建设", [("隋唐洛阳城国家遗址保护特区", "DISTRICT")]),
        # A place before a trade's zone names it.
        ("加快宁东新能源产业基地建设", [("宁东新能源产业基地", "DISTRICT")]),
        ("为云南发展带来机遇，加快昆明临空经济区建设", [("云南", "DISTRICT"), ("昆明临空经济区", "DISTRICT")]),
    ],
)
def test_nlp_patterns_district_corridors_regions_and_parks(rule_set, text, expected):
    assert _districts(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Zones described by what they are, not named: energy, scope, rank, batch, kind.
        "推进零碳园区、近零碳工厂建设",
        "夯实县域园区发展基础",
        "启动第三批零碳产业园区建设",
        "探索建设低碳零碳工业园区",
        "支持创新型特色园区发展",
        "百亿园区达到8个",
        # Zones described by what they merge, or as cross-border: no name.
        "培育农旅融合发展集聚区10个",
        "打造一批工贸融合先行区",
        "推动跨境物流合作区发展",
        # Zones described by the trade or business they hold: no name.
        "建设夜间文旅消费集聚区5个",
        "打造氢能产业先行区和储能产业基地",
        "推进小微企业创业园提档升级",
        # 带来 and 极为 are words of a clause, not a belt or a pole; kinds of zone alone.
        "为全省经济社会发展带来新机遇",
        "这是城乡发展极为关键的阶段",
        "加快渔港经济区建设",
        "推动综改示范区提质增效",
        # Old revolutionary base areas described, not named.
        "加大对革命老区的支持力度",
        "支持欠发达革命老区加快发展",
        # 其他 is one word: no zone begins at 他.
        "支持其他国家高新区提质",
        # Regions described, not named, and 地区生产总值 (GDP).
        "鼓励有条件地区先行先试",
        "脱贫地区农民收入较快增长",
        "水资源紧缺地区应当限制高耗水项目",
        "使这些地区的人民过上好日子",
        "全省地区生产总值增长5%",
        # 区块链 is a blockchain, not a block.
        "纳入目录区块链系统统一管理",
        # 带动 and 开发区域 are verbs, not a belt or a development zone; 以上 is no name's start.
        "以技术创新带动产业升级",
        "优势产业带动作用不强",
        "鼓励企业开发区域特色产品",
        "对县级及以上工业园区开展排查",
        # Zones described by a process, a count, a building, a theme or the sea: no name.
        "推广标准化生产单元",
        "一座座新城拔地而起",
        "完善医院功能区布局",
        "打造多个主题园区",
        "建设一批宜居片区",
        "创建海洋经济示范区",
        # A clause is no chain of zones: 入列 is a verb.
        "太湖地质公园入列世界地质公园名录",
        # A free trade area agreed between countries is an agreement, not a place.
        "加快推进中国—东盟自贸区升级谈判",
        "推动中日韩自贸区谈判，建设亚太自贸区",
    ],
)
def test_nlp_patterns_district_described_zones_give_nothing(rule_set, text):
    assert _districts(rule_set, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # The country by its short name as a clause's subject or object is the place.
        ("中国愿同各国加强合作", [("中国", "DISTRICT")]),
        ("坚持只有一个中国的原则", [("中国", "DISTRICT")]),
        ("在中国，改革开放深入人心", [("中国", "DISTRICT")]),
        ("这使中国成为贸易大国", [("中国", "DISTRICT")]),
        # Inside a name, a theory, a programme or a class of countries it is no place of its own.
        ("坚持中国特色社会主义道路", []),
        ("推进中国式现代化", []),
        ("建设美丽中国，", []),
        ("团结广大发展中国家", []),
        ("实现中国梦", []),
    ],
)
def test_nlp_patterns_district_country_short_name(rule_set, text, expected):
    assert _districts(rule_set, text) == expected


def _ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "DISTRICT"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Parks, bases, small towns, scenic areas and corridors told by what is in them, in words
        # the segmenter knows, are descriptions.
        ("启动养老产业基地和冰雪主题小镇建设", []),
        ("打造高品质滑雪旅游景区", []),
        ("加快农产品加工小作坊园区建设", []),
        ("完善停车场和公交港湾", []),
        ("推动低碳货运走廊建设", []),
        # Named after a known place, they are names; a belt, a new area or a region needs none.
        ("建成鄞州智能产业园和余姚机器人小镇", [("鄞州智能产业园", "DISTRICT"), ("余姚机器人小镇", "DISTRICT")]),
        ("推进汾河生态经济带建设", [("汾河生态经济带", "DISTRICT")]),
        # A lake, river or mountain names a park or a scenic area.
        ("提升南湖北线景区和瓯江文化创意园", [("南湖北线景区", "DISTRICT"), ("瓯江文化创意园", "DISTRICT")]),
    ],
)
def test_nlp_patterns_district_parks_need_a_name(nlp, text, expected):
    assert _ents(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A listed zone whose name opens with a city is the zone, not the city (zones.tsv)
        ("支持青岛蓝谷发展海洋产业。", [("青岛蓝谷", "DISTRICT")]),
        ("推动中原农谷与周边园区协同。", [("中原农谷", "DISTRICT")]),
        # and a listed research centre named after its city is a body (organizations_national.tsv): no city
        ("会同青岛海洋科技中心推进。", []),
        # the city alone before other words stays the city
        ("青岛海洋经济稳步增长。", [("青岛", "DISTRICT")]),
    ],
)
def test_nlp_patterns_district_listed_names_opened_by_a_city(nlp, text, expected):
    assert _ents(nlp, text) == expected
