"""Name shapes for documents from all over China, through the whole pipeline (segmenter words
matter: kg/nlp/lexicon.py trims and judges names word by word). Every row is text written for
the test, with the label and the exact span of each entity it should give."""

from __future__ import annotations

import pytest


def _ents(nlp, text, labels=("ORG", "PROJECT", "PROGRAM", "DISTRICT")):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in labels]


@pytest.mark.parametrize(
    "text, expected",
    [
        # transport, energy and water works named by their place
        ("年内开通运营赣州机场、遵义机场。", [("赣州机场", "PROJECT"), ("遵义机场", "PROJECT")]),
        ("加快宜宾机场航站楼改扩建。", [("宜宾机场航站楼改扩建", "PROJECT")]),
        ("推进防城港三期建设。", [("防城港三期", "PROJECT")]),
        ("建成白鹤滩水电站。", [("白鹤滩水电站", "PROJECT")]),
        ("加快推进大藤峡灌区建设。", [("大藤峡灌区", "PROJECT")]),
        # capacity projects and research facilities
        ("建成30万吨乙二醇项目。", [("30万吨乙二醇项目", "PROJECT")]),
        ("推动高能同步辐射光源装置开放运行。", [("高能同步辐射光源装置", "PROJECT")]),
        # apps named in quotes with what they are
        ("迭代升级“赣服通”“赣政通”功能。", [("“赣服通”", "PROJECT"), ("“赣政通”", "PROJECT")]),
        # events: abbreviated fairs, games, summits of a named forum
        ("办好第八届进博会和农博会。", [("第八届进博会", "PROJECT"), ("农博会", "PROJECT")]),
        ("筹办第十六届省运会。", [("第十六届省运会", "PROJECT")]),
        ("出席金砖国家领导人会议和东亚合作领导人会议。", [("东亚合作领导人会议", "PROJECT")]),
        ("举办第三届壮族三月三文化艺术节。", [("第三届壮族三月三文化艺术节", "PROJECT")]),
        ("推进大运河浙江段和长城国家文化公园河北段建设。",
         [("大运河浙江段", "PROJECT"), ("长城国家文化公园河北段", "PROJECT")]),
        # names a list calls projects
        ("推动兰新高铁提质、达州电厂扩建等12个重大项目开工。",
         [("兰新高铁提质", "PROJECT"), ("达州电厂扩建", "PROJECT")]),
    ],
)
def test_nlp_shapes_projects(nlp, text, expected):
    assert _ents(nlp, text, ("PROJECT",)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("认真组织第三次全国土壤普查。", [("第三次全国土壤普查", "PROGRAM")]),
        ("扎实开展党史学习教育。", [("党史学习教育", "PROGRAM")]),
        ("深化校外培训机构乱象集中整治。", [("校外培训机构乱象集中整治", "PROGRAM")]),
        ("配合做好中央生态环保督察。", [("中央生态环保督察", "PROGRAM")]),
        ("积极争创国家文化和旅游消费示范城市。", [("国家文化和旅游消费示范城市", "PROGRAM")]),
        ("印发稳外贸稳外资12条措施。", [("稳外贸稳外资12条措施", "PROGRAM")]),
        ("推动黄河大保护。", [("黄河大保护", "PROGRAM")]),
        ("深入实施“数据要素×”三年行动和人工智能+行动。",
         [("“数据要素×”三年行动", "PROGRAM"), ("人工智能+行动", "PROGRAM")]),
        # a goal word and a known place
        ("奋力建设平安甘肃、法治甘肃。", [("平安甘肃", "PROGRAM"), ("法治甘肃", "PROGRAM")]),
        ("全面推进数字福建建设。", [("数字福建", "PROGRAM")]),
        # national S&T programmes by their list names
        ("承担国家科技重大专项和国家重点研发计划课题。",
         [("国家科技重大专项", "PROGRAM"), ("国家重点研发计划", "PROGRAM")]),
        ("组织实施国家重大科技专项。", [("国家重大科技专项", "PROGRAM")]),
        # a quoted special programme of the key R&D plan keeps its head; funds of it are no programme
        ("发布“海洋环境安全保障”重点专项申报指南。", [("“海洋环境安全保障”重点专项", "PROGRAM")]),
        ("“先进结构材料”重点专项咨询电话：略。", [("“先进结构材料”重点专项", "PROGRAM")]),
        ("安排“乡村振兴”重点专项资金。", []),
    ],
)
def test_nlp_shapes_programmes(nlp, text, expected):
    assert _ents(nlp, text, ("PROGRAM",)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("由市发展改革委、市市场监督管理局按职责分工负责。",
         [("市发展改革委", "ORG"), ("市市场监督管理局", "ORG")]),
        ("支持利群牧业、恒信机械等企业扩大产能。", [("利群牧业", "ORG"), ("恒信机械", "ORG")]),
        ("在人民代表大会闭会期间，由常务委员会审议。", [("人民代表大会", "ORG")]),
        ("支持重庆高等研究院建设。", [("重庆高等研究院", "ORG")]),
        ("向江苏省药品监督管理部门申报。", [("江苏省药品监督管理部门", "ORG")]),
        ("成立浙江大学国际联合创新中心。", [("浙江大学国际联合创新中心", "ORG")]),
        ("认真贯彻中央关于防范化解风险的部署。", [("中央", "ORG")]),
        # a former state's government is a body, as any country's is
        ("我国政府感谢苏联政府的援助。", [("苏联政府", "ORG")]),
        # numbered ministries of old reports are bodies of their own, the number inside the name
        ("撤销第三机械工业部，设立机械工业部。", [("第三机械工业部", "ORG"), ("机械工业部", "ORG")]),
    ],
)
def test_nlp_shapes_bodies(nlp, text, expected):
    assert _ents(nlp, text, ("ORG",)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a place right before a quoted name is its own DISTRICT (ANNOTATION.md)
        ("编制好贵阳市“十五五”规划。", [("贵阳市", "DISTRICT"), ("“十五五”规划", "PROGRAM")]),
        # leading adverbs, modals, verbs and counts are not part of a name
        ("应当立即报告县人民政府。", [("县人民政府", "ORG")]),
        ("力促宁淮城际二期建成。", [("宁淮城际二期", "PROJECT")]),
        ("全年建成12条高速公路。", []),
        # no name is made of common words only, or of one common word and its head
        ("新建乡镇卫生院和公共图书馆。", []),
        ("建设城市污水处理厂。", []),
        ("推进体育改革和监管改革。", []),
        # modals and clause verbs of laws are inside no name
        ("经营单位应当报告县应急管理局。", [("县应急管理局", "ORG")]),
        # a verb and a bare programme head; a device is no research facility
        ("要解决行动计划落实中的问题。", []),
        ("安装车辆卫星定位装置。", []),
        ("开展降低全社会物流成本专项行动。", [("降低全社会物流成本专项行动", "PROGRAM")]),
        # a count, a time or a determiner before a programme head
        ("这些改革和明年计划都要抓实。", []),
        # a clause's verb is inside no name; a scenic spot's grade is a rank, not a place
        ("龙潭峡景区申报国家5A级景区。", [("龙潭峡景区", "DISTRICT")]),
        ("优先发展滇中经济区。", [("滇中经济区", "DISTRICT")]),
        ("力争入选国家4A级旅游景区。", []),
        # a place right before an unquoted name is part of it
        ("深化西安服务业扩大开放综合试点。", [("西安服务业扩大开放综合试点", "PROGRAM")]),
        # a former state's name read across a place and the next word is no state (江苏 + 联通)
        ("江苏联通公司参与建设。", [("江苏联通公司", "ORG")]),
        ("姑苏联动发展。", []),
    ],
)
def test_nlp_shapes_boundaries(nlp, text, expected):
    assert _ents(nlp, text) == expected


@pytest.mark.parametrize(
    "text, home, expected",
    [
        # a short form that is also a lake names the district only in the district's own text
        ("西湖新一轮发展目标全面完成。", "330106", [("西湖", "DISTRICT")]),
        ("西湖新一轮发展目标全面完成。", "330100", []),
        ("做好西湖景区保护。", "330106", [("西湖景区", "DISTRICT")]),
        ("打造“西湖模式”品牌。", "330106", []),
    ],
)
def test_nlp_shapes_home_short_form(nlp, text, home, expected):
    from kg.nlp.pipeline import annotate

    assert [(e.text, e.label_) for e in annotate(nlp, text, home).ents if e.label_ == "DISTRICT"] == expected
