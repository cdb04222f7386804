"""The ORG name-shape rules in kg/data/patterns/10_org.jsonl, on the rule set as shipped.

Rows are (text, expected ORG spans). Only ORG candidates are compared, so a gazetteer entry for
another label does not make a row fail; the places and bodies are chosen to be outside the seeds
where that matters, so the rules (not exact names) are what is tested.
"""

from __future__ import annotations

import pytest


def _orgs(rule_set, text, masked=()):
    return [(text[c.start:c.end], c.label) for c in rule_set.match(text, masked=masked) if c.label == "ORG"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Level prefix + standing body; 省委省政府 is two bodies, 省市委 one.
        ("在省委省政府和市委的坚强领导下", [("省委", "ORG"), ("省政府", "ORG"), ("市委", "ORG")]),
        ("坚决贯彻落实省市委决策部署", [("省市委", "ORG")]),
        ("依法接受区人大及其常委会监督，自觉接受区政协民主监督", [("区人大", "ORG"), ("区政协", "ORG")]),
        ("对市人大常委会审议意见认真研究", [("市人大常委会", "ORG")]),
        ("提请县人民政府审议", [("县人民政府", "ORG")]),
        # Place chain + body, with the left boundary after a verb or a year.
        ("现在，我代表宁波市鄞州区人民政府向大会报告工作", [("宁波市鄞州区人民政府", "ORG")]),
        ("2021年温州市政府工作报告", [("温州市政府", "ORG")]),
        ("成都市人民政府代市长", [("成都市人民政府", "ORG")]),
        # 中央 alone when it is coordinated or followed by its decisions.
        ("确保中央和省委决策部署落地见效", [("中央", "ORG"), ("省委", "ORG")]),
        ("深入学习中央经济工作会议精神", []),
    ],
)
def test_nlp_patterns_org_government_bodies(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A standing assembly is the ORG, its session is not part of it.
        ("（2022年1月5日在宁波市第十六届人民代表大会第一次会议上）", [("宁波市第十六届人民代表大会", "ORG")]),
        ("胜利完成了县十七届人大五次会议确定的各项目标任务", [("县十七届人大", "ORG")]),
        ("中国共产党温州市第十三届委员会第五次全体会议通过", [("中国共产党温州市第十三届委员会", "ORG")]),
    ],
)
def test_nlp_patterns_org_standing_assemblies(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("支持宁波诺丁汉大学、温州医科大学建设", [("宁波诺丁汉大学", "ORG"), ("温州医科大学", "ORG")]),
        ("加强与四川大学华西医学院等合作", [("四川大学华西医学院", "ORG")]),
        ("鄞州区第二人民医院建成启用", [("鄞州区第二人民医院", "ORG")]),
        ("引进甬江实验室、宁波材料研究所等创新平台", [("甬江实验室", "ORG"), ("宁波材料研究所", "ORG")]),
        ("成立长三角生物医药产业联盟", [("长三角生物医药产业联盟", "ORG")]),
        ("完成城投公司改制，组建宁波交通投资集团", [("城投公司", "ORG"), ("宁波交通投资集团", "ORG")]),
        ("设立区应急指挥中心，完成区消防救援大队挂牌", [("区应急指挥中心", "ORG"), ("区消防救援大队", "ORG")]),
        ("东湖派出所入选全省名单", [("东湖派出所", "ORG")]),
        ("召开“邻里守望”工作室成立大会", [("“邻里守望”工作室", "ORG")]),
        ("与成都市高新区管委会签署协议", [("成都市高新区管委会", "ORG")]),
        ("被教育部、商务部联合认定", [("教育部", "ORG"), ("商务部", "ORG")]),
        ("国家税务总局在杭州设立分支", [("国家税务总局", "ORG")]),
        # A newspaper is an ORG (ANNOTATION.md), in its title marks too.
        ("全文在《浙江日报》上刊载", [("浙江日报", "ORG")]),
        # The headquarters of an association is the association.
        ("充分发挥省归国华侨联合会总部作用", [("省归国华侨联合会总部", "ORG")]),
        # One body with two names.
        ("发布单位：市政府研究室（市政府参事室）", [("市政府研究室（市政府参事室）", "ORG")]),
        # An institute of an academy is named with the academy, past a place and a field of up to ten characters.
        ("中国科学院珠海先进能源与储能研究所挂牌", [("中国科学院珠海先进能源与储能研究所", "ORG")]),
        ("组建中国科学院海洋智能装备研究院", [("中国科学院海洋智能装备研究院", "ORG")]),
    ],
)
def test_nlp_patterns_org_named_bodies(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Generic words without a name are no bodies.
        "公办民办小学同步招生",
        "加快构建新型实验室体系",
        "建成镇街级示范型居家养老服务中心81家",
        "切实减轻学校负担",
        "新增城镇公办幼儿园2所",
        "新建中小学、幼儿园26所",
        "着力推进湖畔、良渚等省实验室建设",
        # A verb before a name never becomes part of it; 部 in 部署/干部/东西部 is no ministry.
        "深化与黔东南的东西部协作，加强基层干部队伍建设，全面部署",
        "形成区域均衡布局",
        # 人大代表 and 政协委员 are people, 城市政府 is no level of government.
        "承办人大代表建议111件、政协提案110件",
        "推进城市政府治理改革",
        # Bodies described by kind, level or count, not named.
        "推动更多县级公立医院达到三级水平",
        "改善乡镇初中寄宿制学校条件",
        "培育3个省级市县域产教联合体",
        "落地金融租赁管理型项目公司3家",
        "推进赣州、吉安2个城市国家公立医院改革",
        "实施19组集团层面重组",
        # 学位 is a school place, 或者/及时 are one word each: no body begins inside them.
        "新增高中学位5000个",
        "报告建设主管部门或者城市管理部门",
        "应当及时到医院就诊",
        # 零部件 are parts, a count of laws is no ministry; ranks and kinds of schools and hospitals
        "突破关键零部件和基础零部件",
        "已制定11部法规和政府规章3部",
        "建设世界一流大学",
        "二级以上公立医院和县域二甲公立医院全覆盖",
        "高职高专学校扩招",
        "组建产业链创新联合体",
        # a "smart" court or bank is a system being built, a cinema-theatre a kind of venue: no body
        "各级法院要加快推进智慧法院建设",
        "全国智慧法院应用水平明显提升",
        "支持各网点开展智慧银行改造",
        "商场、影剧院、体育场馆等人员密集场所",
    ],
)
def test_nlp_patterns_org_generic_words_give_nothing(rule_set, text):
    assert _orgs(rule_set, text) == []


@pytest.mark.parametrize(
    "text, masked",
    [
        ("XX市人民政府代市长", [(0, 2)]),
        ("XX市政府工作报告", [(0, 2)]),
        ("引进某某大学等创新平台", [(2, 4)]),
    ],
)
def test_nlp_patterns_org_masked_text_gives_nothing(rule_set, text, masked):
    assert _orgs(rule_set, text, masked) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A stock exchange's short name and its base in a city are one body.
        ("推动上交所宁波基地建设", [("上交所宁波基地", "ORG")]),
        # What goes public is a company.
        ("宁波舜宇成功上市", [("宁波舜宇", "ORG")]),
        # 到 ("to") is a clause word: the exchange begins after it.
        ("支持更多企业到上海证券交易所上市", [("上海证券交易所", "ORG")]),
        ("鼓励企业到北京证券交易所挂牌融资", [("北京证券交易所", "ORG")]),
    ],
)
def test_nlp_patterns_org_exchanges_and_listed_companies(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


def test_nlp_patterns_org_listing_generic_words_give_nothing(rule_set):
    assert _orgs(rule_set, "三家企业成功上市") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # 报 (report to) and a rank (国家级) before a body are not part of it.
        ("编制规划，报省人民政府批准后实施", [("省人民政府", "ORG")]),
        ("建成国家级湖北省知识产权保护中心", [("湖北省知识产权保护中心", "ORG")]),
        # A country's government is a body, not the country.
        ("经过同法国政府的友好协商", [("法国政府", "ORG")]),
    ],
)
def test_nlp_patterns_org_reporting_ranks_and_governments(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # companies a list names by what it calls them, whatever their words
        ("推动与华电、国电投、中煤等大型国有企业合作。", [("华电", "ORG"), ("国电投", "ORG"), ("中煤", "ORG")]),
        ("支持正泰、天能、超威等龙头企业扩大产能。", [("正泰", "ORG"), ("天能", "ORG"), ("超威", "ORG")]),
        ("引入中化、中粮等央企落户。", [("中化", "ORG"), ("中粮", "ORG")]),
        # a kind of firm may carry a field or rank before it, and a single name counts too
        ("培育了海辰微电、卓越云控等一批行业领军企业。", [("海辰微电", "ORG"), ("卓越云控", "ORG")]),
        ("扶持丰禾源、绿野牧歌等农牧业龙头企业。", [("丰禾源", "ORG"), ("绿野牧歌", "ORG")]),
        ("抓好金穗集团、江淮重机等重点企业改革。", [("金穗集团", "ORG"), ("江淮重机", "ORG")]),
        ("省城投、省水投等6家地方国企进入榜单。", [("省城投", "ORG"), ("省水投", "ORG")]),
        ("支持汇川达等5家企业建设研发中心。", [("汇川达", "ORG")]),
        ("涌现出雪麟冰品、麦香坊等一批新锐企业。", [("雪麟冰品", "ORG"), ("麦香坊", "ORG")]),
        # trades and kinds of company are no names
        ("支持纺织、建材等龙头企业转型。", []),
        ("推动煤炭、电力等大型国有企业兼并重组。", []),
        ("引进500强、上市公司、央企国企等知名企业。", []),
        # a bare 等企业 follows trades as often as names
        ("支持汽车、新材等企业发展。", []),
        # 等地 lists places, not firms; a field between the kind and 企业 is a trade (知名物流企业)
        ("加强与京沪等地大型龙头企业合作。", []),
        ("培育了钢铁、化工等一批重点企业。", []),
        ("引进顺达、佳运等知名物流企业。", []),
    ],
)
def test_nlp_patterns_org_companies_a_list_names(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a verb or verbal noun right before a known place is not part of a body's name
        ("加快设置甘肃工业职业技术大学。", [("甘肃工业职业技术大学", "ORG")]),
        ("组织学习吉林大学地质研究所的经验。", [("吉林大学地质研究所", "ORG")]),
        # names that begin with a verbal noun keep it
        ("支持建设银行扩大普惠贷款。", [("建设银行", "ORG")]),
        # a verb of sending, a date or a count before a body is no part of its name
        ("报表请于6月1日前上报市局办公室。", [("市局办公室", "ORG")]),
        ("职能从综合处划入办公室。", []),
        ("——2031年3月9日县人民政府县长在大会上", [("县人民政府", "ORG")]),
        ("全省2万所乡镇卫生院完成改造。", []),
        # 以上/以下 are no boundary, 简称 is one
        ("二级以上公立医院全覆盖。", []),
        ("滨湖新区开发建设管理委员会（以下简称滨湖管委会）负责", [("滨湖管委会", "ORG")]),
    ],
)
def test_nlp_patterns_org_verbs_before_a_place_are_shed(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A name does not run across a clause word: 由 and 被 (by), 经 before a body, 使, or a
        # verb whose object is the body; the body after a boundary word is still found.
        ("年度计划由常务委员会主任会议通过", [("常务委员会", "ORG")]),
        ("该项草案经常务委员会会议审议", [("常务委员会", "ORG")]),
        ("该企业被区人民法院裁定重整", [("区人民法院", "ORG")]),
        ("要使农业银行更好服务农户", [("农业银行", "ORG")]),
        ("会议听取法制委员会的说明", []),
        ("这种做法违背人民政府的宗旨", []),
        ("科室负责人签批后报区局办公室", [("区局办公室", "ORG")]),
        # 自由, 大使馆, 经济 and 中西医结合 stay inside names.
        ("成立东亚自由贸易研究院", [("东亚自由贸易研究院", "ORG")]),
        ("扩建临安中西医结合医院", [("临安中西医结合医院", "ORG")]),
        ("组建省外经贸集团", [("省外经贸集团", "ORG")]),
        ("经区人民政府同意", [("区人民政府", "ORG")]),
        ("可以委托乡镇街道办事处代为登记", [("街道办事处", "ORG")]),
        # (the pipeline then drops 商业保险公司 as generic words: lexicon.generic)
        ("卫生部门与商业保险公司开展合作", [("商业保险公司", "ORG")]),
        # A count of meetings before a body is no part of it.
        ("议案经过两次常务委员会会议审议", []),
    ],
)
def test_nlp_patterns_org_names_do_not_cross_clause_words(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Kinds of bank, company or group (X性) are no names.
        "组建政策性银行和商业性银行",
        "发展跨地区的竞争性企业集团",
        # A stem of 经济 and a count of ministries are no body.
        "发展横向经济联合体",
        "拍摄千部优秀影片",
        "中央１２个部联合发文",
        # Troops named by where they are stationed are a description, not a unit.
        "向驻湘部队、公安干警致以敬意",
        "支持驻市部队建设",
        "驻粤各军警部队官兵",
    ],
)
def test_nlp_patterns_org_kinds_and_stationed_troops_give_nothing(rule_set, text):
    assert _orgs(rule_set, text) == []


def test_nlp_patterns_org_named_garrison_kept(rule_set):
    assert _orgs(rule_set, "驻澳部队依法履行防务职责") == [("驻澳部队", "ORG")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A department of two fields joined by 和 is one name, after a level or a place.
        ("责任单位：省工业和信息化厅、省商务厅", [("省工业和信息化厅", "ORG"), ("省商务厅", "ORG")]),
        ("会同县人力资源和社会保障局", [("县人力资源和社会保障局", "ORG")]),
        ("洛阳市文化和旅游局牵头", [("洛阳市文化和旅游局", "ORG")]),
        ("区自然资源和规划局负责", [("区自然资源和规划局", "ORG")]),
        # 会同 (jointly with) after a body ends it; 会议 after 委 is the meeting.
        ("由县农业农村局会同县财政局制定", [("县农业农村局", "ORG"), ("县财政局", "ORG")]),
        ("区委会议研究决定", [("区委", "ORG")]),
        # Without a level or place the two fields are no body.
        ("推进工业和信息化深度融合", []),
        # 至 (to) before a level is sending to the body, no end of a place's name; 周至县 is one.
        ("材料推荐至市工业和信息化局审核", [("市工业和信息化局", "ORG")]),
        ("意见报送至省财政厅", [("省财政厅", "ORG")]),
        ("周至县财政局拨付", [("周至县财政局", "ORG")]),
    ],
)
def test_nlp_patterns_org_departments_of_two_fields(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A place's branch of a national office, named by the place alone.
        ("支持宁波海关、浙江银保监局开展试点。", [("宁波海关", "ORG"), ("浙江银保监局", "ORG")]),
        ("配合厦门海关做好监管。", [("厦门海关", "ORG")]),
        # 海关 after a common word, a first or inside 山海关 names no office.
        ("加快智慧海关建设。", []),
        ("推动海关、税务等部门协同。", []),
        ("落地首单海关特殊监管业务。", []),
        ("秦皇岛山海关景区提升。", []),
    ],
)
def test_nlp_patterns_org_place_offices(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A class of bodies counted or measured out names none of them.
        ("新设若干儿科医学研究中心", []),
        ("组建一批海洋装备交叉研究院", []),
        ("推动一些航运公司重组", []),
        ("支持部分职业技术学院扩招", []),
        ("南北两大钢铁集团合并", []),
        ("支持长沙两大先进计算创新中心建设", []),
        ("五大连池风景区管委会", [("五大连池风景区管委会", "ORG")]),
        # the body named after the class is still found
        ("建成若干实验室，湘江实验室挂牌", [("湘江实验室", "ORG")]),
        # 居（村）民委员会 is the kind of committee, and 民委员会 no name.
        ("由街道办事处和村（居）民委员会协助", [("街道办事处", "ORG")]),
        # Governments of a kind of city are a class; a named city's is a body.
        ("各省、自治区、直辖市人民政府要抓好落实", []),
        ("计划单列市人民政府参照执行", []),
        ("县级市政府承担主体责任", []),
        ("经绍兴市人民政府批准", [("绍兴市人民政府", "ORG")]),
        # The level before a department is no place: a department of a level is no name.
        ("县城市管理行政主管部门负责本办法实施", []),
        ("计划单列市商务主管部门审核", []),
        ("由江西省药品监督管理部门备案", [("江西省药品监督管理部门", "ORG")]),
        ("淄博市张店区卫生健康局", [("淄博市张店区卫生健康局", "ORG")]),
        ("枣庄市市中区人民政府", [("枣庄市市中区人民政府", "ORG")]),
        # A verb of sending or a part of a class is no part of a body's name.
        ("材料请正式行文报送至国家药监局", [("国家药监局", "ORG")]),
        ("其中有一部分中学由县里负担", []),
        # A level's kind of body is a class.
        ("建成区级婴幼儿照护综合服务中心", []),
        ("县级以上文明城市建设委员会负责协调", []),
        ("新认定省级生物制造技术创新中心8家", []),
        ("国家级山西省知识产权保护中心揭牌", [("山西省知识产权保护中心", "ORG")]),
        # Listed, multinational and platform companies are kinds of company.
        ("新增境外上市公司12家", []),
        ("吸引知名跨国公司设立研发中心", []),
        ("推进城投融资平台公司转型", []),
        ("网约车平台公司应当公示计价规则", []),
        ("中国上市公司协会发布年报", [("中国上市公司协会", "ORG")]),
        # An owners' committee is one every estate has; the verbs of regulations end no body's name.
        ("业主大会可以另行选举业主委员会", []),
        ("逾期不召开业主委员会会议的", []),
        ("应当书面告知街道办事处", [("街道办事处", "ORG")]),
        ("向房屋所在地街道办事处申请", [("街道办事处", "ORG")]),
        ("（九）街道办事处负责调解", [("街道办事处", "ORG")]),
        ("方案应当报街道办事处备案", [("街道办事处", "ORG")]),
        # 与 before a level or 城乡 begins a second body or a kind; between fields it is inside a name.
        ("推动农技人员与区人民政府签订协议", [("区人民政府", "ORG")]),
        ("深化集团化办学与城乡学校共同体建设", []),
        ("组建海洋材料科学与工程研究所", [("海洋材料科学与工程研究所", "ORG")]),
        ("将该项目纳入临港算力研究院", [("临港算力研究院", "ORG")]),
    ],
)
def test_nlp_patterns_org_classes_of_bodies_give_nothing(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Bare 党委 is the Party committee as an institution, no body named (like 政府 alone);
        # with a level it names one.
        ("坚持党委统一领导、部门协同推进", []),
        ("在各级党委和政府领导下推进", []),
        ("按照自治区党委的部署推进", [("自治区党委", "ORG")]),
        ("县委、县政府高度重视", [("县委", "ORG"), ("县政府", "ORG")]),
        # 全市政府 are all the governments of the city.
        ("全市政府系统要转变作风", []),
        ("全省政府性债务风险可控", []),
    ],
)
def test_nlp_patterns_org_bare_party_committee_is_generic(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Bare 工会 is the trade union beside 共青团 or 妇联; 计生协 is a people's organisation too.
        ("鼓励工会、共青团、妇联、计生协参与社区服务", [("工会", "ORG"), ("共青团", "ORG"), ("妇联", "ORG"), ("计生协", "ORG")]),
        ("依靠共青团、工会、侨联做好青年工作", [("共青团", "ORG"), ("工会", "ORG"), ("侨联", "ORG")]),
        # elsewhere 工会 is a field of work or any union
        ("工会、青少年、老龄等工作扎实推进", []),
        ("推动企业工会、共青团组织规范化建设", [("共青团", "ORG")]),
        ("新建工会驿站30个", []),
        # the armed police without 中国 in front
        ("加强人民武装警察部队和民兵建设", [("人民武装警察部队", "ORG")]),
    ],
)
def test_nlp_patterns_org_peoples_organisations(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A coined name before 运营中心, 工作专班 or 科技大市场 makes a body.
        ("江苏算力资源运营中心正式揭牌", [("江苏算力资源运营中心", "ORG")]),
        ("由市低空经济工作专班统筹推进", [("市低空经济工作专班", "ORG")]),
        ("吉林科技大市场促成技术合同300项", [("吉林科技大市场", "ORG")]),
        # a count before a noun belongs to the list, not to the last name
        ("支持江南航运学院、东海海洋大学2所高校扩招", [("江南航运学院", "ORG"), ("东海海洋大学", "ORG")]),
        # 可持续 stays inside a name (持续 alone is a verb before one)
        ("中非可持续渔业创新中心落户舟山", [("中非可持续渔业创新中心", "ORG")]),
        ("持续壮大海洋研究院", [("海洋研究院", "ORG")]),
        # 推进组 is a noun: no name starts at its 组
        ("由产业推进组工作专班牵头", []),
        # a verb of election is outside the body's name
        ("该园区当选亚洲科技园区协会理事单位", [("亚洲科技园区协会", "ORG")]),
    ],
)
def test_nlp_patterns_org_coined_names_with_new_heads(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Kinds of school, university or centre: 含 (including), X类, 公办, 义务教育.
        "中等职业学校（含技工学校）纳入统筹",
        "普通高中12所（含完全中学3所）",
        "鼓励境外医药类大学合作办学",
        "引导人文社科类学会规范发展",
        "新建公办义务教育学校5所",
        "推进示范性公办婴幼儿照护服务中心建设",
        "新建义务教育寄宿制学校20所",
        "县属公办养老机构全部达标",
        # governments of districts and counties together are a class
        "市、区县人民政府应当建立协调机制",
        "由各旗县区政府负责落实",
        "健全市县政府依法行政制度",
        # a kind of body counted right after its name is a class
        "认定离岸贸易结算运营中心6家，",
        "建成镇（街道）文化服务中心120个。",
        "其中主板公司12家，创业板公司3家。",
        # a kind of car in a list of trades is no brand
        "引进动力电池、电动汽车、通用航空等制造业企业",
        "支持新能源汽车和智能网联汽车、低空装备等企业发展",
        # 中央 beside a level's adjective is one too
        "落实中央、省级环保督察反馈问题整改",
        "下达中央及省级补助资金3亿元",
    ],
)
def test_nlp_patterns_org_kinds_of_school_give_nothing(rule_set, text):
    assert _orgs(rule_set, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A city designated a science and technology innovation centre is a programme, not a body.
        ("支持武汉科技创新中心建设", [("武汉科技创新中心", "PROGRAM")]),
        ("共建上海（长三角）国际科技创新中心", [("上海（长三角）国际科技创新中心", "PROGRAM")]),
        # the UN Charter is a document; the UN beside it a body
        ("遵守联合国宪章，支持联合国发挥作用", [("联合国宪章", "PROGRAM"), ("联合国", "ORG")]),
        # a body with a similar head stays a body
        ("南湖绿色化工科创中心投入运营", [("南湖绿色化工科创中心", "ORG")]),
    ],
)
def test_nlp_patterns_org_designated_centres_and_charters(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ in ("ORG", "PROGRAM")] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A bank's branch named by its place is one body; the place inside it is no DISTRICT.
        ("牵头单位：人行芜湖中心支行、市财政局", [("人行芜湖中心支行", "ORG"), ("市财政局", "ORG")]),
        ("责任单位：人民银行泰安市中心支行", [("人民银行泰安市中心支行", "ORG")]),
        ("（牵头单位：人民银行郑州分行营业管理部）", [("人民银行郑州分行营业管理部", "ORG")]),
        ("配合单位：中国人民银行河南省分行", [("中国人民银行河南省分行", "ORG")]),
        ("，农业银行湖州分行发放首笔贷款", [("农业银行湖州分行", "ORG")]),
        # No place between the bank and the branch word: the bank alone.
        ("人民银行各分支行要加强监测", [("人民银行", "ORG")]),
        ("行人应当走人行横道", []),
    ],
)
def test_nlp_patterns_org_bank_branches(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


def test_nlp_patterns_org_bank_branch_place_is_no_district(rule_set):
    text = "牵头单位：人行芜湖中心支行"
    assert [c.label for c in rule_set.match(text) if text[c.start:c.end] == "芜湖"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # Two bodies joined by 与: each is a name of its own, the span stops at 与.
        ("推动江南大学与东海实验室共建平台", [("江南大学", "ORG"), ("东海实验室", "ORG")]),
        ("支持黄河农谷与青岭湾国家实验室开展合作", [("青岭湾国家实验室", "ORG")]),
        ("鼓励市第二医院与西溪医学院联合培养", [("市第二医院", "ORG"), ("西溪医学院", "ORG")]),
        # ... after a government, a court, a ministry or a bureau too, and after people or units
        ("落实工信部与国家林草局的合作协议", [("工信部", "ORG"), ("国家林草局", "ORG")]),
        ("由县人民政府与人民法院共同建立协调机制", [("县人民政府", "ORG")]),
        ("鼓励志愿人员与社区医院联动", []),
        ("打通保险单位与法院之间的通道", []),
        # ... but a kind on either side stays none: 非银行 (…支付机构), 医学院校.
        ("支持银行与非银行支付机构合作", []),
        ("鼓励本市医院与境外医学院校合作", []),
        # The 与 inside a name joins two fields, no bodies.
        ("南湖材料科学与技术研究所挂牌成立", [("南湖材料科学与技术研究所", "ORG")]),
        ("建设海鲈种源保护与技术研究中心", [("海鲈种源保护与技术研究中心", "ORG")]),
    ],
)
def test_nlp_patterns_org_bodies_joined_by_yu(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Verbs of a clause (never_inside.tsv): the body after them is named on its own.
        ("用水数据来自县水利局；", [("县水利局", "ORG")]),
        ("气象数据来自东州市气象局；", [("东州市气象局", "ORG")]),
        ("鼓励物业企业加入行业协会。", []),
        ("三级保护区征求东州区人民政府意见。", [("东州区人民政府", "ORG")]),
        ("应当征得市林业主管部门同意。", [("市林业主管部门", "ORG")]),
    ],
)
def test_nlp_patterns_org_names_do_not_run_across_clause_verbs(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    "text",
    [
        # A kind of school or hospital with no naming word is no body.
        "扩充幼儿园公办学位2万个",
        "控制幼儿园班额，逐步达到标准",
        "探索建设智慧医院",
        "开展中职学校“双优”建设",
        "鼓励企业与学校联合办学",
        "支持公共图书馆与学校、博物馆合作",
        # 初中/高中 before 学业 or 学段: no 中学 there
        "完善初中学业水平考试制度",
        "在高中学段开展试点",
    ],
)
def test_nlp_patterns_org_bare_kinds_of_school_give_nothing(nlp, text):
    assert [e.text for e in nlp(text).ents if e.label_ == "ORG"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cooperative named by its kind names none, whatever a clause puts before it
        ("三年来农业生产合作社有了很大发展。", []),
        ("鼓励科研人员与农民专业合作社开展合作。", []),
        ("手工业合作社和信用合作社都有发展。", []),
        ("由县供销合作社负责收购。", [("县供销合作社", "ORG")]),
        # schools named by their mode of study are kinds (夜大学, 函授学校, 半日制学校, 业余学校)
        ("要使函授学校和夜大学逐步发展。", []),
        ("继续发展半日制学校和业余学校。", []),
        ("扩建临江市第一中学。", [("临江市第一中学", "ORG")]),
        # 学会 after an adverb is the verb 'learn'; 办 before a school is the verb 'run'
        ("在工作中已经学会了很多本领。", []),
        ("群众初步地学会了管理。", []),
        ("依靠群众勤俭办学校。", []),
        ("加强与中国土地学会合作。", [("中国土地学会", "ORG")]),
        # 协商会议 is a meeting: its 商会 is no chamber of commerce; a chamber elsewhere still is one
        ("双方举行工资集体协商会议。", []),
        ("召开温岭市青年商会会员大会。", [("温岭市青年商会", "ORG")]),
        # a named body whose field begins with 智慧 or 影 is still a body
        ("宁海县智慧城市研究院今日挂牌。", [("宁海县智慧城市研究院", "ORG")]),
        ("设立智慧交通协同创新中心。", [("智慧交通协同创新中心", "ORG")]),
        ("宿州市影视艺术学院招生。", [("宿州市影视艺术学院", "ORG")]),
    ],
)
def test_nlp_patterns_org_kinds_in_old_reports(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the patriotic health committee is a standing body of every level, listed with the mass organizations
        ("支持妇联、爱卫会、红十字会发挥作用。", [("妇联", "ORG"), ("爱卫会", "ORG"), ("红十字会", "ORG")]),
        ("县爱国卫生运动委员会负责组织实施。", [("县爱国卫生运动委员会", "ORG")]),
        # the campaign is no body
        ("深入开展爱国卫生运动。", []),
    ],
)
def test_nlp_patterns_org_patriotic_health_committee(nlp, text, expected):
    assert [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "ORG"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A country's party, legislature, ministry or academy is a body, not the country.
        ("老挝人民在老挝人民革命党的领导下", [("老挝人民革命党", "ORG")]),
        ("代表团会见了越南共产党和日本自民党的代表", [("越南共产党", "ORG"), ("日本自民党", "ORG")]),
        ("苏联最高苏维埃主席团通过决定", [("苏联最高苏维埃主席团", "ORG")]),
        ("我国农业部同匈牙利农业部签订协定", [("农业部", "ORG"), ("匈牙利农业部", "ORG")]),
        ("波兰科学院和捷克斯洛伐克国会", [("波兰科学院", "ORG"), ("捷克斯洛伐克国会", "ORG")]),
        # A region of a country, or 全部 after it, is no ministry.
        ("美国南部和越南北部", []),
        ("撤出柬埔寨全部军队", []),
        # A zone's committee by the zone's kind alone; the verb before it stays out.
        ("应当经风景区管委会审核后", [("风景区管委会", "ORG")]),
        ("并报度假区管委会备案", [("度假区管委会", "ORG")]),
        ("征求高新区管委会和开发区管委会的意见", [("高新区管委会", "ORG"), ("开发区管委会", "ORG")]),
        ("温州经开区管委会负责实施", [("温州经开区管委会", "ORG")]),
        ("深化开发区管委会体制改革", []),
        # 有关/相关 (the ones concerned) opens no name, whatever follows: after 征求 too.
        ("应当征求有关区县（自治县）人民政府的意见", []),
        ("由相关区（县、市）人民政府负责", []),
        # A plenary session (次全委) is a meeting of the body, not a body.
        ("贯彻县委十三届四次全委扩大会议精神", [("县委", "ORG")]),
    ],
)
def test_nlp_patterns_org_foreign_and_zone_bodies(rule_set, text, expected):
    assert _orgs(rule_set, text) == expected
