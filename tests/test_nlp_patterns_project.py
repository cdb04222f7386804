"""PROJECT pattern rules (kg/data/patterns/40_project.jsonl): construction, facilities, digital
systems and hosted events. Rows keep only PROGRAM/PROJECT results (see the program tests)."""

from __future__ import annotations

import pytest

KEEP = ("PROGRAM", "PROJECT")


def _found(rule_set, text, masked=()):
    return [(text[c.start:c.end], c.label) for c in rule_set.match(text, masked) if c.label in KEEP]


@pytest.mark.parametrize(
    "text, expected",
    [
        # quoted names with a project head
        ("全国首创政商“亲清在线”数字平台。", [("“亲清在线”数字平台", "PROJECT")]),
        ("完善“杭州办事服务”APP功能。", [("“杭州办事服务”APP", "PROJECT")]),
        ("提升“杭州之家”客户端。", [("“杭州之家”客户端", "PROJECT")]),
        ("实施“城市记忆”修复工程。", [("“城市记忆”修复工程", "PROJECT")]),
        ("推出“读地云”，发布产业用地。", [("“读地云”", "PROJECT")]),
        ("上线“邻里通”小程序。", [("“邻里通”小程序", "PROJECT")]),
        # rail, roads, bridges
        ("地铁5号线、16号线建成。", [("地铁5号线", "PROJECT"), ("16号线", "PROJECT")]),
        ("推进6号线一期建设。", [("6号线一期", "PROJECT")]),
        ("湖杭铁路开工建设。", [("湖杭铁路", "PROJECT")]),
        ("加快铁路杭州西站枢纽建设。", [("铁路杭州西站枢纽", "PROJECT")]),
        ("建成千黄高速。", [("千黄高速", "PROJECT")]),
        ("望江路过江隧道建成通车。", [("望江路过江隧道", "PROJECT")]),
        ("加快之江大桥建设。", [("之江大桥", "PROJECT")]),
        ("建成德胜快速路。", [("德胜快速路", "PROJECT")]),
        ("开工建设临平北大桥。", [("临平北大桥", "PROJECT")]),
        # works, facilities, phases, named projects
        ("推进萧山机场三期扩建工程。", [("萧山机场三期扩建工程", "PROJECT")]),
        ("实施张前弄山塘除险加固工程。", [("张前弄山塘除险加固工程", "PROJECT")]),
        ("规划建设杭州音乐厅。", [("杭州音乐厅", "PROJECT")]),
        ("建成区图书馆。", [("区图书馆", "PROJECT")]),
        ("完成吴山地下空间一期。", [("吴山地下空间一期", "PROJECT")]),
        ("建设西溪雕塑公园。", [("西溪雕塑公园", "PROJECT")]),
        ("推进中欣晶圆大尺寸半导体硅片项目。", [("中欣晶圆大尺寸半导体硅片项目", "PROJECT")]),
        ("加快闲林水厂一期建设。", [("闲林水厂一期", "PROJECT")]),
        ("推进西穆坞城中村改造。", [("西穆坞城中村改造", "PROJECT")]),
        ("开工建设桃源湖美术馆。", [("桃源湖美术馆", "PROJECT")]),
        # digital systems and events
        ("创新推出杭州健康码。", [("杭州健康码", "PROJECT")]),
        ("举办第五届全球私募基金西湖峰会。", [("第五届全球私募基金西湖峰会", "PROJECT")]),
        ("成功举办2019杭州数字经济高峰论坛。", [("2019杭州数字经济高峰论坛", "PROJECT")]),
        ("筹办好世界知识产权大会。", [("世界知识产权大会", "PROJECT")]),
        ("全力筹办2022年杭州亚运会。", [("2022年杭州亚运会", "PROJECT")]),
        ("举办首届钱塘国际龙舟节。", [("首届钱塘国际龙舟节", "PROJECT")]),
    ],
)
def test_nlp_patterns_project_finds_projects(rule_set, text, expected):
    assert _found(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "新引进20亿元以上产业项目69个。",
        "完成学校改造项目5个。",
        "城市快速路加速成网。",
        "新建和提升改造健身绿道517公里。",
        "聚焦人工智能、集成电路、生物医药等产业。",
        "现提交大会审议。",
        "经济保持高速增长。",
    ],
)
def test_nlp_patterns_project_ignores_generic_words(rule_set, text):
    assert _found(rule_set, text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a construction 工程 is a PROJECT, a policy 工程 a PROGRAM
        ("实施南塘二期大修工程。", [("南塘二期大修工程", "PROJECT")]),
        ("实施职业教育质量提升工程。", [("职业教育质量提升工程", "PROGRAM")]),
        # works on a named river, road, bridge or building with what is done to it is a PROJECT
        ("加快实施东溪河堤防工程。", [("东溪河堤防工程", "PROJECT")]),
        ("实施了南湖景观带改造工程。", [("南湖景观带改造工程", "PROJECT")]),
        ("完成文昌路改造工程。", [("文昌路改造工程", "PROJECT")]),
        ("推进滨江沿河道路工程。", [("滨江沿河道路工程", "PROJECT")]),
        ("完成鲁迅故居修缮工程。", [("鲁迅故居修缮工程", "PROJECT")]),
        ("完成中山街立面改造工程。", [("中山街立面改造工程", "PROJECT")]),
        ("完成红旗渠清淤疏浚工程。", [("红旗渠清淤疏浚工程", "PROJECT")]),
        ("实施中山公园改造工程。", [("中山公园改造工程", "PROJECT")]),
        ("实施赣江干流南昌段治理工程。", [("赣江干流南昌段治理工程", "PROJECT")]),
        ("完成东门桥至西门桥北岸景观改造工程。", [("东门桥至西门桥北岸景观改造工程", "PROJECT")]),
        ("推进京广铁路长沙段电气化改造工程。", [("京广铁路长沙段电气化改造工程", "PROJECT")]),
        ("推进白沙河、青溪河治理工程。", [("青溪河治理工程", "PROJECT")]),
        # a programme of action or a kind of thing names no works: PROGRAM
        ("推进人才工程。", [("人才工程", "PROGRAM")]),
        ("实施民心工程。", [("民心工程", "PROGRAM")]),
        ("实施农民素质提升工程。", [("农民素质提升工程", "PROGRAM")]),
        ("实施“菜篮子”工程。", [("“菜篮子”工程", "PROGRAM")]),
        ("实施城市道路改造工程。", [("城市道路改造工程", "PROGRAM")]),
        ("实施传统民居保护修缮工程。", [("传统民居保护修缮工程", "PROGRAM")]),
        ("实施美丽河湖提升工程。", [("美丽河湖提升工程", "PROGRAM")]),
        ("实施乡村振兴示范带提升工程。", [("乡村振兴示范带提升工程", "PROGRAM")]),
        ("实施城区河道综合整治工程。", [("城区河道综合整治工程", "PROGRAM")]),
        ("实施健身步道提升工程。", [("健身步道提升工程", "PROGRAM")]),
        ("实施危险路段整治工程。", [("危险路段整治工程", "PROGRAM")]),
        # a kind of restoration or water supply names no works; a place or a thing does
        ("实施湿地保护修复工程。", [("湿地保护修复工程", "PROGRAM")]),
        ("推进城市生态修复工程。", [("城市生态修复工程", "PROGRAM")]),
        ("完善城市供水工程。", []),
        ("建设规模化供水工程。", []),
        ("推进北湖供水工程。", [("北湖供水工程", "PROJECT")]),
        ("实施古塔修复工程。", [("古塔修复工程", "PROJECT")]),
        # a named water works, sluice or flood channel; a bare kind is none
        ("推进千岛湖配水工程建设。", [("千岛湖配水工程", "PROJECT")]),
        ("加强配水工程保护。", []),
        ("完成城南河沿河景观工程。", [("城南河沿河景观工程", "PROJECT")]),
        ("完成颍河节制闸工程。", [("颍河节制闸工程", "PROJECT")]),
        ("完成新安河减河工程。", [("新安河减河工程", "PROJECT")]),
        ("推进东沟分洪道工程。", [("东沟分洪道工程", "PROJECT")]),
        # a national designation of a platform is a PROGRAM
        ("加快建设“万亩千亿”新产业平台。", [("“万亩千亿”新产业平台", "PROGRAM")]),
    ],
)
def test_nlp_patterns_project_vs_program(rule_set, text, expected):
    assert _found(rule_set, text) == expected


def test_nlp_patterns_project_masked_text_is_never_part_of_a_name(rule_set):
    text = "加快XX大桥建设。"
    start = text.index("XX")
    assert _found(rule_set, text, masked=[(start, start + 2)]) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A city's international day and an event with (国际) before its head.
        ("和宁波国际日等活动", [("宁波国际日", "PROJECT")]),
        ("提升宁波（国际）毅行大会影响力", [("宁波（国际）毅行大会", "PROJECT")]),
        # A branch of a hall, a commercial block, the digitising of a named zone.
        ("建设省图书馆之江分馆", [("省图书馆之江分馆", "PROJECT")]),
        ("推进南塘商业特色街区建设", [("南塘商业特色街区", "PROJECT")]),
        ("启动装备制造功能区数字化园区建设", [("装备制造功能区数字化园区", "PROJECT")]),
        # 整治建设 is the work done on listed things, not a named renovation.
        ("完成5条道路和桃源村白云坞区块整治建设", []),
        # A hall or park named only by its kind (public, community, youth, care, class of park) is
        # no name; a place or name before the kind still makes one.
        ("县、乡公共图书馆应当免费开放。", []),
        ("本市行政区域内公共图书馆的运行管理，适用本办法。", []),
        ("全年新改建社区养老服务综合体12家。", []),
        ("儿童福利院、青少年活动中心等场所禁止吸烟。", []),
        ("按功能分为社区公园、专类公园和游园。", []),
        ("面向公众开放的公益性公园。", []),
        ("新晋国家等级博物馆5个。", []),
        ("建成临海市青少年活动中心。", [("临海市青少年活动中心", "PROJECT")]),
        ("温州市图书馆新馆开放。", [("温州市图书馆", "PROJECT")]),
    ],
)
def test_nlp_patterns_project_events_halls_and_blocks(rule_set, text, expected):
    assert _found(rule_set, text) == expected


def _projects(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ == "PROJECT"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # power sent between provinces named by their one-character names, quoted or not
        ("推进“滇电入桂”和陕电送鄂特高压工程建设。", [("“滇电入桂”", "PROJECT"), ("陕电送鄂特高压工程", "PROJECT")]),
        # grid works named by their ends or place and a voltage or current
        ("建成郑州至武汉特高压交流工程。", [("郑州至武汉特高压交流工程", "PROJECT")]),
        ("开工建设苏皖直流联网工程。", [("苏皖直流联网工程", "PROJECT")]),
        # neighbouring provinces' one-character names before a quoted work
        ("打造湘赣“红色走廊”。", [("湘赣“红色走廊”", "PROJECT")]),
        # a province's or city's event by its ordinal keeps the place
        ("办好河南省第十五届青少年运动会。", [("河南省第十五届青少年运动会", "PROJECT")]),
        # halls being built
        ("建成开放福建革命军事馆。", [("福建革命军事馆", "PROJECT")]),
        # names joined by 暨 in a list called projects are two
        ("加快东湖大桥暨南湖隧道等重大项目建设。", [("东湖大桥", "PROJECT"), ("南湖隧道", "PROJECT")]),
        # names a list calls hosted events (等重大展会, 等赛事, 等重大节会)
        ("办好湖滨灯会、钱江潮音节等重大节会。", [("湖滨灯会", "PROJECT"), ("钱江潮音节", "PROJECT")]),
        ("举办全国龙舟邀请赛、省青少年攀岩锦标赛等赛事。", [("全国龙舟邀请赛", "PROJECT"), ("省青少年攀岩锦标赛", "PROJECT")]),
        # two ordinal events joined by 暨 are two
        ("举办第三届市运会暨第二届残运会。", [("第三届市运会", "PROJECT"), ("第二届残运会", "PROJECT")]),
        ("办好江西省第九届青少年运动会暨第五届老年人运动会。", [("江西省第九届青少年运动会", "PROJECT"), ("第五届老年人运动会", "PROJECT")]),
        # a numbered corridor doubling a river, road, port or quoted programme
        ("推进钱塘江二通道建设。", [("钱塘江二通道", "PROJECT")]),
        ("建成满洲里公路口岸第三通道。", [("满洲里公路口岸第三通道", "PROJECT")]),
        ("推动“北电南送”第二通道开工。", [("“北电南送”第二通道", "PROJECT")]),
        # a platform or system that goes live, whatever words name it
        ("江淮中小企业融资撮合服务平台上线运行。", [("江淮中小企业融资撮合服务平台", "PROJECT")]),
        ("港区智能闸口调度系统投入运行。", [("港区智能闸口调度系统", "PROJECT")]),
        # a work named after 以
        ("以贵阳数据中心集群为核心。", [("贵阳数据中心集群", "PROJECT")]),
        # a platform with its seat in brackets
        ("推广中国建造（湖北）互联网平台。", [("中国建造（湖北）互联网平台", "PROJECT")]),
        # a complex is named past the first facility word in it
        ("建成万达广场城市商贸综合体。", [("万达广场城市商贸综合体", "PROJECT")]),
        # a verb before a known place is not part of a work's name
        ("建好江西革命军事馆。", [("江西革命军事馆", "PROJECT")]),
        # a water, rail or airport works named by its place or line is a PROJECT to its 工程
        ("加快滇南水资源配置工程建设。", [("滇南水资源配置工程", "PROJECT")]),
        ("开工建设青龙湖调蓄工程。", [("青龙湖调蓄工程", "PROJECT")]),
        ("实施赣江吉安段河道治理工程。", [("赣江吉安段河道治理工程", "PROJECT")]),
        ("完成沪昆铁路株洲至醴陵段扩能改造工程。", [("沪昆铁路株洲至醴陵段扩能改造工程", "PROJECT")]),
        ("赣深高铁主体工程完工。", [("赣深高铁主体工程", "PROJECT")]),
        ("昆明机场改扩建主体工程开工。", [("昆明机场改扩建主体工程", "PROJECT")]),
        # a verb of building or approving before a work is not part of its name
        ("建好黄河国家文化公园（宁夏段）。", [("黄河国家文化公园（宁夏段）", "PROJECT")]),
        ("建成投运石门坎水库。", [("石门坎水库", "PROJECT")]),
        ("省政府批复青石公路。", [("青石公路", "PROJECT")]),
        ("建好赤水河大桥、白沙博物馆等项目。", [("赤水河大桥", "PROJECT"), ("白沙博物馆", "PROJECT")]),
        ("加快建设长城国家文化公园（河北段）。", [("长城国家文化公园（河北段）", "PROJECT")]),
        # an event or hub of China and a partner keeps both names across the dash
        ("举办中国—东盟司法论坛。", [("中国—东盟司法论坛", "PROJECT")]),
        ("参加中国-中亚文化交流周。", [("中国-中亚文化交流周", "PROJECT")]),
        # a hub named by its place
        ("建设襄阳国家综合货运枢纽。", [("襄阳国家综合货运枢纽", "PROJECT")]),
        # a count after a name is its length, not a count of kinds
        ("建成滨江绿道86公里。", [("滨江绿道", "PROJECT")]),
        # an extension of a metro line
        ("地铁3号线延伸线通车。", [("地铁3号线延伸线", "PROJECT")]),
        # items a list calls projects of a kind: 在建, 整车, 抽水蓄能, 更新
        ("加快红旗水库、青山电厂三期等在建项目。", [("红旗水库", "PROJECT"), ("青山电厂三期", "PROJECT")]),
        ("推动江淮汽车新能源工厂等重大整车项目。", [("江淮汽车新能源工厂", "PROJECT")]),
        # an extension of a line is named to its 段 (not cut at 延)
        ("建成5号线东延伸段。", [("5号线东延伸段", "PROJECT")]),
        # a kind word inside a name, after its place, does not stop it
        ("推进宁海抽水蓄能项目。", [("宁海抽水蓄能项目", "PROJECT")]),
        ("建成宁安城际铁路。", [("宁安城际铁路", "PROJECT")]),
        # a stretch of a road named by its place is a section (路段 is none)
        ("建成苏南高速宜兴段。", [("苏南高速宜兴段", "PROJECT")]),
        # a clause after a works does not become a line of it
        ("城东供水管网扩建工程实现环线供水。", [("城东供水管网扩建工程", "PROJECT")]),
        # water led from one river to another, one character of each
        ("加快引湘济桂二期工程建设。", [("引湘济桂二期工程", "PROJECT")]),
        ("推进引嫩入白、引松济长。", [("引嫩入白", "PROJECT"), ("引松济长", "PROJECT")]),
        ("实施引客入湘行动，引导经济平稳运行。", []),
        # a quoted name after 获批 or 首个 is one, not counted
        ("获批“丝路云桥”国际物流中心。", [("“丝路云桥”国际物流中心", "PROJECT")]),
        # an inland port is named with its city, whatever is between (国际): one PROJECT, not the city
        ("推动兰州国际陆港扩能。", [("兰州国际陆港", "PROJECT")]),
        ("西宁陆港开行班列，阿勒泰国际陆地港建成。", [("西宁陆港", "PROJECT"), ("阿勒泰国际陆地港", "PROJECT")]),
        # a park or company named after the port is not the port
        ("组建青海陆港集团。", []),
        ("完善空港、国际陆港等开放平台。", []),  # a kind of port, no city names it
        # water led from one river to another keeps its first character, a verb to the segmenter
        ("抓紧引江入洱二期工程建设。", [("引江入洱二期工程", "PROJECT")]),
        # a building verb before a work is not part of its name
        ("今年要新建湖北丹江口水库、河南白沙水库。", [("湖北丹江口水库", "PROJECT"), ("河南白沙水库", "PROJECT")]),
        # items named by their company stay in a list called projects
        ("推进万华乙烯二期、天能新材料等项目。", [("万华乙烯二期", "PROJECT"), ("天能新材料", "PROJECT")]),
        # apps named in quotes before 功能 stay apps; a quoted name before 项目 stays one
        ("优化“鲁通”“爱齐鲁”功能。", [("“鲁通”", "PROJECT"), ("“爱齐鲁”", "PROJECT")]),
        ("推广“绿色森林”项目。", [("“绿色森林”项目", "PROJECT")]),
        # an extension of a line written 西延伸 is one phase
        ("建成7号线西延伸。", [("7号线西延伸", "PROJECT")]),
        # an event ends before 等 in a list
        ("办好第九届省运会等重大赛事。", [("第九届省运会", "PROJECT")]),
        # an ordinal makes any recurring gathering an event: symposia, air shows, seasons, film weeks
        ("首届江南水乡民俗学术研讨会顺利召开。", [("首届江南水乡民俗学术研讨会", "PROJECT")]),
        ("成功举办第八届中国航展。", [("第八届中国航展", "PROJECT")]),
        ("举办首届草原民族艺术季。", [("首届草原民族艺术季", "PROJECT")]),
        ("办好第三届海峡两岸电影周。", [("第三届海峡两岸电影周", "PROJECT")]),
        ("筹办第六届残特奥会。", [("第六届残特奥会", "PROJECT")]),
        # the brand 中国·<place> after the ordinal stays in the name
        ("举办首届中国·西湖音乐周和第二届钱江论坛。", [("首届中国·西湖音乐周", "PROJECT"), ("第二届钱江论坛", "PROJECT")]),
        # 暨 joins two events, each a name of its own
        ("办好第七届县运会暨第三届残运会。", [("第七届县运会", "PROJECT"), ("第三届残运会", "PROJECT")]),
        ("举办第五届茶博会暨首届山地马拉松。", [("第五届茶博会", "PROJECT"), ("首届山地马拉松", "PROJECT")]),
        # projects a list calls planned or new
        ("推进青松物流园、白鹭商城等拟建项目。", [("青松物流园", "PROJECT"), ("白鹭商城", "PROJECT")]),
        ("启动金穗粮库、红枫酒店等新建项目。", [("金穗粮库", "PROJECT"), ("红枫酒店", "PROJECT")]),
        # weeks a place or the nation hosts are events
        ("办好上海国际设计周。", [("上海国际设计周", "PROJECT")]),
        ("每年5月为宁波市科普宣传周。", [("宁波市科普宣传周", "PROJECT")]),
        # a hub node of a quoted national work; 节 of 节点 is no festival
        ("推进“西电东送”国家枢纽节点建设。", [("“西电东送”国家枢纽节点", "PROJECT")]),
        # a kind word before a known work's own name is shed
        # what comes before the verb 建设 builds the work; an event about building keeps it
        ("动工建设韶山红色文旅综合体。", [("韶山红色文旅综合体", "PROJECT")]),
        ("在示范区建设“湾区新街坊”等民生项目。", [("“湾区新街坊”", "PROJECT")]),
        ("办好生态文明建设高峰论坛。", [("生态文明建设高峰论坛", "PROJECT")]),
        ("召开营商环境建设大会。", [("营商环境建设大会", "PROJECT")]),
        ("中国乡村建设展示中心重装开馆。", [("中国乡村建设展示中心", "PROJECT")]),
        ("建成开放嘉兴图书馆，高品质建设黄河国家文化公园（河南段）。", [("嘉兴图书馆", "PROJECT"), ("黄河国家文化公园（河南段）", "PROJECT")]),
    ],
)
def test_nlp_patterns_project_shapes_of_works_and_events(nlp, text, expected):
    assert _projects(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "坚决遏制“两高”项目盲目上马。",  # a class of projects a policy names
        "加快建设武夷山国家公园。",  # a national park is an area (DISTRICT)
        "全社会都要行动起来。",  # 会都 inside 社会都
        "居民不得私接污水管道。",  # a pipe of a house
        "北仑港新增集装箱泊位5个。",  # berths added, not a named work
        "长途汽车站、客运码头应当设置标识。",  # kinds of station
        "建立完善饮用水水源水质监测信息系统。",  # a system described in common words
        "扩大绿电外送规模，推动家电入户。",  # no province sends the power
        "开展中外人文交流工程。",  # 交流 of people, not current
        "数据平台上线。",  # a bare head goes live
        "以上项目全部开工。",  # 以上 is no boundary
        "建设以部级数据中心为核心的体系。",  # a rank after 以 describes
        "以国省干线公路为骨干。",  # a scope after 以 describes
        "培育10家以上产业互联网平台。",  # a count and common words
        "实施省大中型项目120个。",  # a size class of projects
        "建设乡镇（街道）综合服务平台。",  # a kind of place in brackets is no seat
        "支持发展一批行业（产品）垂直电商平台。",  # a remark in brackets is no seat
        "新开工6件中型水库。",  # a count before a kind of works
        "建成省内12条高速公路。",  # a count after a scope
        "纳入全国十大数据中心集群。",  # a count of kinds
        "已建成36台射电望远镜。",  # a count of devices
        "加快建设大科学装置和算力中心。",  # kinds of works without a name
        "实施病险水库除险加固，新建充换电站。",  # kinds of works without a name
        "守住底线、兜牢民生底线、不碰红线。",  # slogans ending in 线 are no lines
        "实现县县通高速、市市通高铁。",  # a slogan of coverage is no railway
        "打响“浙字号”“老字号”品牌。",  # brands of a province, not apps
        "深化内地与香港合作。",  # 香港 is no port of 内地
        "实施农村供水工程。",  # a kind of water works
        "推进化纤、造纸等建设项目。",  # kinds of industry a list calls construction projects
        "打造区域性国际快递枢纽和多式联运枢纽。",  # kinds of hub, no place names them
        "建设西南门户复合型国际航空枢纽。",  # what kind of hub, not which
        "落地跨境贸易类项目12个。",  # a class of projects
        "召开全市农业工作研讨会。",  # a meeting without an ordinal is not an event
        "组织专家研讨会和展销会。",  # kinds of meetings without a name
        "推进水利、交通等拟建项目。",  # kinds of works a list calls planned projects
        "入选省青年拔尖人才项目。",  # a talent programme's grant
        "规范实施PPP新机制项目。",  # a way of financing, not a name
        # a description begins with what kind of work it is or which ones (PRJ_KIND)
        "加快城市间高铁和城际铁路建设。",  # kinds of railway
        "岸线优先用于公用码头，对已建码头实施改造。",  # kinds of quay
        "启动燃煤电厂改造，提升普通国省道。",  # kinds of road and plant
        "支持功能型总部和高能级总部落户。",  # kinds of headquarters
        "推进抽水蓄能项目和源网荷储一体化项目。",  # kinds of energy project
        "新建五星级酒店、产权式酒店。",  # kinds of hotel
        "实施农房抗震加固工程。",  # a kind of works
        "培育一批优秀工业APP。",  # industrial apps are a kind of software
        "开发行业通用工业APP和企业专用工业APP。",
        "修建一批产业路、旅游路、便民路等。",  # kinds of rural road in a list
        "完善外资企业圆桌会机制。",  # a standing mechanism, not a hosted event
        "实施高速公路拥堵路段改造。",  # a kind of stretch, no place names it
        "打造对外开放门户枢纽和物流重要枢纽。",  # the role of a hub, not its name
        "增加中学生每天综合体育锻炼时间。",  # 综合体 inside 综合体育
        "电视台“美食四季”节目播出。",  # a programme on TV, not a festival
        "打造宁波港国际枢纽港。",  # 枢纽 inside 枢纽港
        "保持国民经济高速度发展，实现交通运输高速化。",  # speed, not an expressway
        "编制全省统一的政务服务事项目录。",  # 事项目录 is a list of items
        "小区业主大会依法选举业主委员会。",  # an owners' assembly, not a hosted event
        "协会依法自主发展会员。",  # 展会 inside 发展会员
        "居民可通过手机APP预约挂号。",  # a phone app of any kind
        "铺设热力管网、8公里供水管网和5公里燃气管道等项目。",  # lengths of pipes in a list
        "建成2万平方米广场。",  # an area before a kind of facility
        "新建、改扩建酒店6家。",  # kinds of hotel a count describes
        "圆满完成“十四五”节能减排目标。",  # 节 of 节能
        "开展客运市场整治。",  # regulating a market is no works
        "建设全民健身体育场馆。",  # 体育场 inside 体育场馆
        "引进一批金融机构区域性总部。",  # a kind of headquarters (…性/…型总部)
        "扩大城乡规模化供水工程覆盖面。",  # a kind of water works
        "培育大企业大集团。",  # 大集 inside 大集团
        "报告经本次大会批准后实施。",  # this assembly, not a hosted event
        "全年铁路货运量稳步增长。",  # a time, not a railway's name
        "推进58个“拆旧建新”项目，支持“技改焕新”项目320个。",  # counted: classes of projects
        # a size or a type before a kind of works describes it (PRJ_KIND)
        "加快中小型水库和低风速型风电场建设。",
        "改造重点小型病险水库。",
        # a quantity, a time or a region before a kind of works describes it
        "今年将修建许多公路，本年内铁路运量增长。",
        "1960年新建铁路1000公里。",
        "加强中西部铁路和内河航道建设。",
        # a bare kind of event in a list, or what a fair needs, is no event
        "组织演唱会、音乐节等赛事活动。",
        "培育会展服务机构、会展媒体等会展。",
        # a second way of service or a slogan's count is no corridor
        "开辟审批绿色第二通道。",
        "形成“内环网、外送五通道”格局。",
        # industries a list calls projects name none (PRJ_INDUSTRY)
        "发展新能源、新材料、燃气轮机等重大项目。",
        "建设一批化工新材料、专用化学品等项目。",
        # a regulation's projects described by where or which they are
        "保护区内建设项目应当避让，区内已有合法建设项目应当整改。",
        "符合省有关产业政策确定项目的标准。",
        "新建住宅类建设项目应当配套，推动文化惠民项目。",
        # 路线 and 热线 in a list are no metro lines
        "坚持群众路线、开通服务热线。",
        # a standing assembly's congress or session is no hosted event
        "1956年我受全国人民代表大会委托报告。",
        "中国共产党第十次全国代表大会召开。",
        # 委会 of a committee, and a date or an area before a canal, are no names
        "各级革委会都要整顿。",
        # roles and counts in quotes are no apps (功能 of a role)
        "发挥兵团“压舱石”“大熔炉”“桥头堡”功能。",
        "强化“三中心”功能。",
        # a national policy's class of projects in quotes
        "加大“白名单”项目贷款，推进“工业上楼”项目。",
        # a big port of the world is no port's name, nor are smart kinds of hall or port
        "成为世界大港。",
        "推进智慧图书馆、智慧博物馆、智慧港口建设。",
        # kinds of data centre by region, size or scope
        "推动东西部数据中心协同，对小散数据中心改造，调度区域内数据中心集群。",
        # a list of slogans in one pair of quotes is no platform
        "初步建成“一个体系、两个中心、五大平台”。",
        # taking apps down names none
        "依法下架APP、小程序300余款。",
        "开工十日前报运河管理机构，保护本行政区域内运河遗产。",
        # kinds of work by use, grade, depth or access, not names
        "建成一座公共科研码头，新增公共汽车站10个。",
        "引进高品质酒店，新建高等级公路300公里、县乡公路500公里。",
        "宁波等港的深水泊位建成投产，建设一批坑口电站。",
        "改造老旧管道2万公里，以及长距离管道输煤技术。",
        "加强涉密信息系统和非涉密政务信息系统保护。",
        "支持建设区域性大数据中心和区域级数据中心集群。",
        "新建科普场馆和会展场馆，经营性公路由企业养护。",
        "建设智能风电场、智能化无人码头，设立少年儿童图书馆。",
        "以港口为中心，集疏运公路、铁路相配套。",
        # piped gas is a kind of gas, not a pipeline
        "禁止转供管道燃气，调整居民生活用管道燃气价格。",
        # a batch of projects
        "做好第三批搬迁项目落地服务，首批转移项目开工。",
        # a place that builds a kind of hub is the subject of a clause
        "支持洛阳建设商贸服务型国家物流枢纽。",
        # densifying a network names no work
        "织密公路网，加密高铁车次，加密至主要枢纽机场的航线。",
        # a count after 建设 counts works of a kind
        "围绕园区需求布局建设8条铁路专用线。",
        # projects of a known programme, or of chain slogans, are a class
        "承担国家重点研发计划项目的单位，既有保交房项目全部交付。",
        "引进龙头企业和补链强链项目，实施产业强链补链延链项目。",
        # key nodes of a quoted programme
        "在“八大工程”关键节点培育企业。",
    ],
)
def test_nlp_patterns_project_ignores_classes_and_descriptions(nlp, text):
    assert _projects(nlp, text) == []
