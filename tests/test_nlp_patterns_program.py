"""PROGRAM pattern rules (kg/data/patterns/30_program.jsonl) and the NOT shapes of 50_not.jsonl.

Rows are (text, expected [(span text, label)]) restricted to PROGRAM and PROJECT, so the
DISTRICT/ORG rules of other files may add their own entities without breaking these rows.
Invented names check that the rules follow name shapes, not known strings.
"""

from __future__ import annotations

import pytest

KEEP = ("PROGRAM", "PROJECT")


def _found(rule_set, text, masked=()):
    return [(text[c.start:c.end], c.label) for c in rule_set.match(text, masked) if c.label in KEEP]


@pytest.mark.parametrize(
    "text, expected",
    [
        # quoted name + head noun: the head stays in the span
        ("深化“最多跑一次”改革，优化营商环境。", [("“最多跑一次”改革", "PROGRAM")]),
        ("深入实施“凤凰行动”计划。", [("“凤凰行动”计划", "PROGRAM")]),
        ("全面落实“1+12”惠企政策。", [("“1+12”惠企政策", "PROGRAM")]),
        ("入选市“521”人才计划3人。", [("“521”人才计划", "PROGRAM")]),
        ("深入开展“不忘初心、牢记使命”主题教育。", [("“不忘初心、牢记使命”主题教育", "PROGRAM")]),
        ("完善“护校安园”机制。", [("“护校安园”机制", "PROGRAM")]),
        ("实施“66500”工程。", [("“66500”工程", "PROGRAM")]),
        ("推行“一窗通办、一网通办”模式。", [("“一窗通办、一网通办”模式", "PROGRAM")]),
        # invented names of the same shapes
        ("全面推行“三清三拆”改革。", [("“三清三拆”改革", "PROGRAM")]),
        ("实施“2468”产业计划。", [("“2468”产业计划", "PROGRAM")]),
        ("开展“百企千岗”专项行动。", [("“百企千岗”专项行动", "PROGRAM")]),
        # a noun of working on it stays out of the span
        ("深化“五水共治”工作。", [("“五水共治”", "PROGRAM")]),
        # a quote ending in a programme head is a name after a verb of believing or achieving,
        # and before 的 (an idea or a goal has no such head: see the slogans below)
        ("全面践行“青岚战略”，推动高质量发展。", [("“青岚战略”", "PROGRAM")]),
        ("倡导市民践行“空碟行动”。", [("“空碟行动”", "PROGRAM")]),
        ("探索“溪山人才培育计划”的实施路径。", [("“溪山人才培育计划”", "PROGRAM")]),
        # bare quoted names that name programmes (a brand programme too; 打好“…牌” is no name)
        ("深化“一镇一品牌”，培育特色产业。", [("“一镇一品牌”", "PROGRAM")]),
        ("深化“三改一拆”，完成改造。", [("“三改一拆”", "PROGRAM")]),
        ("深入开展“厕所革命”。", [("“厕所革命”", "PROGRAM")]),
        ("坚持以“八八战略”为统领。", [("“八八战略”", "PROGRAM")]),
        ("启动“未来社区”建设。", [("“未来社区”", "PROGRAM")]),
        ("持续推进“七水同治”。", [("“七水同治”", "PROGRAM")]),
        # five-year plans; the period is not an entity
        ("科学编制好“十四五”规划。", [("“十四五”规划", "PROGRAM")]),
        ("“十三五”时期经济社会发展成就显著。", []),
        ("第九个五年计划期间工业稳步增长。", []),
        ("完成第六个五年计划的各项任务。", [("第六个五年计划", "PROGRAM")]),
        # book titles: laws, regulations, plans
        ("实施《优化营商环境条例》。", [("《优化营商环境条例》", "PROGRAM")]),
        ("贯彻《监察法》。", [("《监察法》", "PROGRAM")]),
        ("编制实施《法治上城建设规划（2020—2025年）》。", [("《法治上城建设规划（2020—2025年）》", "PROGRAM")]),
        ("在《杭州日报》刊发。", []),
        # unquoted names with programme heads
        ("坚决打赢污染防治攻坚战。", [("污染防治攻坚战", "PROGRAM")]),
        ("深入开展扫黑除恶专项斗争。", [("扫黑除恶专项斗争", "PROGRAM")]),
        ("推进工程建设项目审批制度改革。", [("工程建设项目审批制度改革", "PROGRAM")]),
        ("实施文化兴盛三年行动计划。", [("文化兴盛三年行动计划", "PROGRAM")]),
        ("实施制造业数字化改造行动。", [("制造业数字化改造行动", "PROGRAM")]),
        ("实施文化惠民工程。", [("文化惠民工程", "PROGRAM")]),
        ("开展数字人民币试点。", [("数字人民币试点", "PROGRAM")]),
        ("积极融入长三角一体化国家战略。", [("长三角一体化国家战略", "PROGRAM")]),
        ("建设国家新一代人工智能创新发展试验区。", [("国家新一代人工智能创新发展试验区", "PROGRAM")]),
        ("编制国土空间总体规划。", [("国土空间总体规划", "PROGRAM")]),
        ("做好第七次全国人口普查。", [("第七次全国人口普查", "PROGRAM")]),
        ("严格落实中央八项规定精神。", [("中央八项规定", "PROGRAM")]),
        # invented unquoted names
        ("实施乡村人才回流计划。", [("乡村人才回流计划", "PROGRAM")]),
        ("打好城乡垃圾治理攻坚战。", [("城乡垃圾治理攻坚战", "PROGRAM")]),
        ("推进农村集体产权制度改革。", [("农村集体产权制度改革", "PROGRAM")]),
        # a regulation named without book marks; 本条例 refers back to one
        ("推动出台山区林地养护促进条例。", [("山区林地养护促进条例", "PROGRAM")]),
        ("违反本条例规定的，责令改正。", []),
        # a campaign of struggle in quotes, not a struggle with someone
        ("继续开展“清网”斗争。", [("“清网”斗争", "PROGRAM")]),
        ("这是同“旧势力”斗争的结果。", []),
        # a system of responsibility named in quotes
        ("坚持“鱼篓子”县长负责制。", [("“鱼篓子”县长负责制", "PROGRAM")]),
        # book titles: guides, guidelines and norms, also with half-width brackets
        ("参照《乡镇养老驿站建设指南（试行）》执行。", [("《乡镇养老驿站建设指南（试行）》", "PROGRAM")]),
        ("落实《县域物流网络建设指引(试行)》要求。", [("《县域物流网络建设指引(试行)》", "PROGRAM")]),
        # 应用型 is a kind of school, not the verb 应用
        ("实施应用型高校培育工程。", [("应用型高校培育工程", "PROGRAM")]),
        # 高等/中等/初等 + a school or an education begin a name: 等 is no function word there
        ("实施高等院校实验平台提质工程。", [("高等院校实验平台提质工程", "PROGRAM")]),
        ("深化中等职业学校办学体制改革。", [("中等职业学校办学体制改革", "PROGRAM")]),
        ("推进初等教育课程改革。", [("初等教育课程改革", "PROGRAM")]),
        # a field after 互联网+ / 人工智能+ in quotes: the whole quote, not the bare sign
        ("“互联网+巡查”全面推开。", [("“互联网+巡查”", "PROGRAM")]),
        ("推广“人工智能＋养殖”，提升效益。", [("“人工智能＋养殖”", "PROGRAM")]),
        # 和美 (harmonious and beautiful) begins a name; 和 alone is a conjunction
        ("建成一批和美村寨示范工程。", [("和美村寨示范工程", "PROGRAM")]),
        ("推动“互联网+”深入发展。", [("互联网+", "PROGRAM")]),  # the sign alone stays the bare name
    ],
)
def test_nlp_patterns_program_finds_programs(rule_set, text, expected):
    assert _found(rule_set, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # slogans, ideas, honours, budgets: not entities
        "进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”。",
        "带头过“紧日子”，压减“三公”经费5%以上。",
        "连续13年入围“中国最具幸福感城市”。",
        "荣获全国“五个一工程”奖。",
        "持之以恒纠正“四风”。",
        # after a verb of being honoured or of fighting, a programme head names an honour or an ill
        "荣获“五个一工程”优秀作品奖。",
        "坚决整治“盆景工程”。",
        "践行“敢为人先”精神，增强“节约光荣”意识。",
        "秉承“人本化、数字化、生态化”理念。",
        "实现疫情防控和经济社会发展“双胜利”。",
        # generic programme words with no name
        "推进重点领域改革。",
        "着力抓好民生工程。",
        "圆满完成一系列三年行动。",
        "争取国家重大战略落地。",
        # a figure of a plan, the planned economy (reports of the 1950s–80s)
        "税收收入比原计划增加两成。",
        "粮食收购计划和财政收支计划均已完成。",
        "产品要有计划地减少统购。",
        # a part or a building of works, a term of engineering
        "在一部分工程中发生事故。",
        "加快实施国家重点工程。",
        "修建下游分洪工程。",
        "船舶与海洋工程装备。",
        # a kind of reform, not one reform
        "推动关键环节改革和标志性改革落地。",
        "深入推进政府自身改革。",
        # a strategy followed by what it is for
        "建设国家能源战略保障基地。",
        "布局一批国家流通战略支点城市。",
        # in deeds (行动上), a result seen in action, concentrated tackling
        "在思想上政治上行动上保持一致。",
        "上面有部署、基层见行动。",
        "重点领域集中攻坚。",
        # a card played or a combination of punches is a way of working
        "打好“生态牌”，打好政策“组合拳”。",
        # a clause of a law
        "携带前款第一项规定的物品。",
        # an academy of engineering is a body, no works
        "3人当选中国工程院院士。",
    ],
)
def test_nlp_patterns_program_ignores_slogans_and_generic_words(rule_set, text):
    assert _found(rule_set, text) == []


def test_nlp_patterns_program_masked_text_is_never_part_of_a_name(rule_set):
    text = "深化“XX跑一次”改革。"
    start = text.index("XX")
    assert _found(rule_set, text, masked=[(start, start + 2)]) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # 平安/法治 + a city ends a sentence too.
        ("打造更高水平的平安宁波", [("平安宁波", "PROGRAM")]),
        # "X在Y" before a quoted umbrella name.
        ("实施品质消费在宁波、放心消费在宁波“三大行动”",
         [("品质消费在宁波", "PROGRAM"), ("放心消费在宁波", "PROGRAM"), ("“三大行动”", "PROGRAM")]),
        # A quoted initiative that is to "land" is carried out.
        ("推动“上海研发+宁波制造”落地", [("“上海研发+宁波制造”", "PROGRAM")]),
        # A battle is a campaign, the defence of a named place is not.
        ("打赢碧水保卫战", [("碧水保卫战", "PROGRAM")]),
        ("打好湖北、武汉保卫战", []),
    ],
)
def test_nlp_patterns_program_cities_quotes_and_battles(rule_set, text, expected):
    assert _found(rule_set, text) == expected


def _ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents if e.label_ in KEEP]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a field or scope before the quote stays in the name; a verb, a body or a level does not
        ("实施林区防火“护绿”三年行动。", [("林区防火“护绿”三年行动", "PROGRAM")]),
        # 建设 after 工程 is the work on it, unless a longer word (工程建设项目) goes on
        ("加快西部荒漠生态修复工程建设。", [("西部荒漠生态修复工程", "PROGRAM")]),
        # an event after a verb of hosting or attending, whatever comes before the verb
        ("通过视频方式主持亚欧互联互通特别峰会。", [("亚欧互联互通特别峰会", "PROJECT")]),
        ("深化物流行业“一单到底”改革。", [("物流行业“一单到底”改革", "PROGRAM")]),
        ("开展渔业资源“清海”行动。", [("渔业资源“清海”行动", "PROGRAM")]),
        ("实施乡村教师“强师兴教计划”。", [("乡村教师“强师兴教计划”", "PROGRAM")]),
        ("推进老旧厂区“退二进三”建设。", [("老旧厂区“退二进三”", "PROGRAM")]),
        ("锚定“4321”战略目标。", [("“4321”战略", "PROGRAM")]),
        ("持续深化交通、水利、电力“三网融合”综合改革。", [("“三网融合”综合改革", "PROGRAM")]),
        ("实施自治区“雏鹰成长计划”。", [("“雏鹰成长计划”", "PROGRAM")]),
        ("支持东湖学院“双一流”建设。", [("“双一流”", "PROGRAM")]),
        ("各地已经推开“多证合一”改革。", [("“多证合一”改革", "PROGRAM")]),
        ("今年国家“两新”政策力度更大。", [("“两新”政策", "PROGRAM")]),
        ("提前一年达到“十五五”规划目标。", [("“十五五”规划", "PROGRAM")]),
        # a designation granted to a named area keeps the name, not the verb before it
        ("突出城乡融合国家农业科技创新示范区带动作用。", [("城乡融合国家农业科技创新示范区", "PROGRAM")]),
        ("积极创建大运河国家文物保护利用示范区。", [("大运河国家文物保护利用示范区", "PROGRAM")]),
        ("支持云溪争创国家农业科技创新示范区。", [("国家农业科技创新示范区", "PROGRAM")]),
        # the head after the quote: regulation, a series of actions, a plan's whole system
        ("全面推行“双随机、一公开”监管。", [("“双随机、一公开”监管", "PROGRAM")]),
        ("开展“净网”系列专项行动。", [("“净网”系列专项行动", "PROGRAM")]),
        ("“五级四类”国土空间规划体系基本建立。", [("“五级四类”国土空间规划体系", "PROGRAM")]),
        # unquoted names: 对标 inside, a long action, a verb-led study campaign, a reform of a field
        ("开展工业园区对标提升行动。", [("工业园区对标提升行动", "PROGRAM")]),
        ("实施沿海滩涂湿地候鸟栖息地系统保护修复示范行动。", [("沿海滩涂湿地候鸟栖息地系统保护修复示范行动", "PROGRAM")]),
        ("认真开展深入贯彻廉洁自律准则精神学习教育。", [("深入贯彻廉洁自律准则精神学习教育", "PROGRAM")]),
        ("稳步推进公立医院改革。", [("公立医院改革", "PROGRAM")]),
        ("落实好农村留守老人关爱十年规划。", [("农村留守老人关爱十年规划", "PROGRAM")]),
        ("积极创建生态文明先行试点县（市）。", [("生态文明先行试点县（市）", "PROGRAM")]),
        ("发布《全球海洋治理合作倡议》。", [("《全球海洋治理合作倡议》", "PROGRAM")]),
        ("实施德智并举培优工程。", [("德智并举培优工程", "PROGRAM")]),
        # 服务业 begins a name though the verb 服务 does not
        ("实施服务业扩大开放综合试点。", [("服务业扩大开放综合试点", "PROGRAM")]),
        # 其他 is trimmed off, a name after 搞好 begins there
        ("推进其他城市银行改革。", [("城市银行改革", "PROGRAM")]),
        ("搞好消费税转型试点。", [("消费税转型试点", "PROGRAM")]),
        # words no name holds count only as words: 促进|行动 holds no 进行
        ("开展老年人营养健康促进行动。", [("老年人营养健康促进行动", "PROGRAM")]),
        # nor does a word that begins a longer word of the dictionary: 负责 of 负责制
        ("推行山林看护负责制试点。", [("山林看护负责制试点", "PROGRAM")]),
        # a name does not begin inside a word: 开发区, 对外 (开发 and 对 alone end a left boundary)
        ("深化开发区审批制度改革。", [("开发区审批制度改革", "PROGRAM")]),
        ("完善对外开放“1+3”政策。", [("对外开放“1+3”政策", "PROGRAM")]),
        # 推开 (rolling out) takes the programme as its object, like 实施
        ("全面推开农村信贷改革试点。", [("农村信贷改革试点", "PROGRAM")]),
        # 本科 is a level of education, not the pronoun 本 (jieba tags it r)
        ("优化本科课程体系评价改革。", [("本科课程体系评价改革", "PROGRAM")]),
        # an opening-up pilot zone granted to a place is named with the place, past 开放 (a STOP word)
        ("推进东兴重点开发开放试验区建设。", [("东兴重点开发开放试验区", "PROGRAM")]),
        ("贵州内陆开放型经济试验区成效明显。", [("贵州内陆开放型经济试验区", "PROGRAM")]),
        ("建设海口国际教育开放试验区。", [("海口国际教育开放试验区", "PROGRAM")]),
        ("支持榆林国家农高区建设。", [("榆林国家农高区", "PROGRAM")]),
        # no place or field names it: a general aim, not a zone
        ("推进高水平对外开放试验区建设。", []),
        ("促进国家农高区发展。", []),  # a kind of zone after a verb
    ],
)
def test_nlp_patterns_program_fields_and_heads_in_context(nlp, text, expected):
    assert _ents(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "推进重点领域改革和关键领域改革。",
        "这是一项系统工程，要久久为功。",
        "培养一批卓越工程师。",
        "法院裁定批准重整计划。",
        "逐步减少指令性计划。",
        "依照本条例第十四条规定处理。",
        "力争教育等领域国家试点政策率先落地。",
        "提高国家战略体系和能力。",
        "干部清廉务实、干事创业。",
        "荣获全国“五个一工程”奖。",
        "各级部门都要以改革的精神抓好落实。",
        "当前反渗透斗争形势依然复杂。",
        "深入领会“两个统筹”战略思想。",
        "这是新发展格局战略任务。",
        "为服务国家战略贡献力量。",
        "统筹考虑高考综合改革背景。",
        "当前城市经济体制改革的中心课题。",
        "今年经济体制改革的重点。",
        "有的干部缺乏改革攻坚精神。",
        "确保党中央战略决策落实。",
        # a step or a pronoun before 改革, a year's or a building plan, a verb of giving
        "实行了第二步改革。",
        "这一改革抓住了关键。",
        "按照１９５６年计划摄制影片。",
        "调整自己的基本建设计划。",
        "免费向学生提供专题教育。",
        # 工程 and 战略 as the first part of a longer word (工程质量, 战略联盟): no head there
        "鼓励购置工程质量保险产品。",
        "负责检查公路工程安全防护措施。",
        "禁止毁坏堤防工程设施。",
        "审核桥梁工程设计方案。",
        "依法推行工程建设领域信用评价。",
        "简化小型工程建设项目审批。",
        "组建新材料产业战略联盟。",
        "设立数字经济战略咨询委员会。",
        "中法战略协作不断深化。",
        "抗洪救灾取得重大战略成果。",
        "大国战略博弈日趋激烈。",
        # a verb, then a preposition or a pronoun: the clause's verb, not the name's first word
        "注重用改革的办法破解难题。",
        "着力解决本专项计划的核心问题。",
        # verbs of a clause (never_inside.tsv) inside what a head reached back over
        "未取得建设工程规划许可证的，不得施工。",
        "评审后确定试点城市名单。",
        "合理确定工程业务架构。",
    ],
)
def test_nlp_patterns_program_generic_kinds_are_no_names(nlp, text):
    assert _ents(nlp, text) == []


@pytest.mark.parametrize(
    "text, verb",
    [
        ("有效衔接城乡振兴战略。", "衔接"),
        ("积极推荐智能工厂试点。", "推荐"),
        ("全省遴选50家工业互联网试点示范。", "遴选"),
        ("推动修订山林防火条例。", "修订"),
        ("狠抓助农增收行动。", "狠抓"),
    ],
)
def test_nlp_patterns_program_names_do_not_hold_a_verb_before_them(nlp, text, verb):
    assert [name for name, _ in _ents(nlp, text) if verb in name] == []


def _words(text, cuts):
    """A segmentation of ``text`` at ``cuts`` (start -> end of each word), as the pipeline gives."""
    bounds = [0, *cuts, len(text)]
    return dict(zip(bounds, bounds[1:]))


@pytest.mark.parametrize(
    "text, cuts, expected",
    [
        # a dictionary verb before a quoted name is trimmed off its field
        ("推开“多证合一”改革", [2, 3, 7, 8], "“多证合一”改革"),
        # and a field cut down to one character (安置/房) is none
        ("安置房“拆建分离”改革", [2, 3, 4, 8, 9], "“拆建分离”改革"),
        # a field of nouns stays
        ("物流行业“一单到底”改革", [2, 4, 5, 9, 10], "物流行业“一单到底”改革"),
    ],
)
def test_nlp_patterns_program_field_before_quote_sheds_verbs(rule_set, text, cuts, expected):
    from kg.nlp.candidates import Candidate
    from kg.nlp.lexicon import trim_leading

    found = trim_leading(text, [Candidate(0, len(text), "PROGRAM", "prg-field-quoted-head", 0)], _words(text, cuts), rule_set.lexicon)
    assert [text[c.start:c.end] for c in found] == [expected]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a title that begins with its own verb, after a verb of carrying it out or issuing it
        ("今年开展规范渔船检验专项行动。", [("规范渔船检验专项行动", "PROGRAM")]),
        ("深入实施降低小微企业用电成本专项行动。", [("降低小微企业用电成本专项行动", "PROGRAM")]),
        ("出台促进夜间经济发展壮大18条措施。", [("促进夜间经济发展壮大18条措施", "PROGRAM")]),
        ("及时出台实施全面落实稳外贸政策的12条措施。", [("全面落实稳外贸政策的12条措施", "PROGRAM")]),
        ("研究出台支持低空经济高质量发展意见。", [("支持低空经济高质量发展意见", "PROGRAM")]),
        ("实施提升水利工程质量三年行动计划。", [("提升水利工程质量三年行动计划", "PROGRAM")]),
        ("开展强化山区公共服务共建共享三年行动。", [("强化山区公共服务共建共享三年行动", "PROGRAM")]),
        # two verbs of carrying out: neither is the title's
        ("深化实施科技领军企业培育行动计划。", [("科技领军企业培育行动计划", "PROGRAM")]),
        # 可 of 可再生 is no modal
        ("实施可再生能源供热行动。", [("可再生能源供热行动", "PROGRAM")]),
        # a listed programme in quotes keeps the noun of its kind after the mark
        ("全省九十个“两重”项目列入清单。", [("“两重”项目", "PROGRAM")]),
        # 服务 is a head only as the name's last word
        ("推广“即办即走”服务，方便群众。", [("“即办即走”服务", "PROGRAM")]),
        # a field of up to 13 characters before the quote stays in the name
        ("实施电动船舶充电设施服务能力“两年倍增”行动。", [("电动船舶充电设施服务能力“两年倍增”行动", "PROGRAM")]),
        # a line that is a whole title of a place's regulation names it, past words (规划, 行为) that end names elsewhere
        ("第一章\n温州市古树名木规划保护条例\n第一条", [("温州市古树名木规划保护条例", "PROGRAM")]),
        ("　　泉州市文明行为养成规定\n", [("泉州市文明行为养成规定", "PROGRAM")]),
        # a title with 关于 names its issuing body first; a line of prose is no title
        ("泉州市人民政府关于加强某项管理的决定\n", []),
        ("市人民政府另有规定\n", []),
    ],
)
def test_nlp_patterns_program_title_boundaries(nlp, text, expected):
    assert _ents(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plan named by its field after a verb of making or carrying it out
        ("编制茶叶产业发展规划。", [("茶叶产业发展规划", "PROGRAM")]),
        ("实施山区供水保障规划，加快建设。", [("山区供水保障规划", "PROGRAM")]),
        ("本市养老服务设施布局规划由民政部门编制。", [("养老服务设施布局规划", "PROGRAM")]),
        ("出台湿地生态保护规划和配套措施。", [("湿地生态保护规划", "PROGRAM")]),
        # 应用 inside an action's name (it begins none)
        ("开展北斗导航规模化应用示范行动。", [("北斗导航规模化应用示范行动", "PROGRAM")]),
        # a road, a plan of a kind, a concrete plan, planning done at once, planning as a verb
        ("实施滨江规划三路改造。", []),
        ("编制实施相关规划。", []),
        ("制定出具体规划和措施。", []),
        ("严格落实消防设施同步规划、同步建设。", []),
        # a body after the verb (the compiling unit), a plan named only by its span or scope
        ("编制单位应当就规划的目标听取意见。", []),
        ("各地要实施中长期发展规划和年度计划。", []),
        ("开发区新一轮总体发展规划全面实施。", []),
        ("实施中长期青少年发展规划。", [("中长期青少年发展规划", "PROGRAM")]),
        ("统筹规划建设水厂。", []),
        # 实行动态管理 is no action
        ("对示范应用实行动态管理。", []),
    ],
)
def test_nlp_patterns_program_plans_named_by_field(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # construction works as a legal term after a sector or a place, and their costs
        ("市水利建设工程的质量由监督机构负责。", []),
        ("本行政区域内建设工程的施工许可由住建部门办理。", []),
        ("鼓励使用新型建设工程材料。", []),
        ("管理机构收集有关工程造价资料。", []),
        # an abstract field names a programme of works
        ("深入实施邻里互助建设工程。", [("邻里互助建设工程", "PROGRAM")]),
        # 工程 right after a verb is its object, not a programme's head
        ("施工单位要保证工程质量。", []),
        ("任何单位不得影响工程安全。", []),
        ("管理单位应当定期检查工程设施。", []),
        ("努力提高工程效益。", []),
        ("巡查中发现工程隐患的应当报告。", []),
        # water works of a kind are no programme
        ("完善城市供水工程。", []),
        ("加强配水工程保护。", []),
        # a programme of protection or betterment stays
        ("实施消费者权益保护工程。", [("消费者权益保护工程", "PROGRAM")]),
        ("实施城乡人居环境改善工程。", [("城乡人居环境改善工程", "PROGRAM")]),
        # the department of development and reform in a list of departments
        ("县级以上人民政府发展改革、住建等部门按职责负责。", []),
        ("深化电力体制改革、水价改革。", [("电力体制改革", "PROGRAM"), ("水价改革", "PROGRAM")]),
        # 开行动车 runs trains
        ("沿线开行动车组列车。", []),
        # a verb of drafting or holding to begins no name
        ("制订年度科技计划。", []),
        ("紧扣国家发展战略推进改革。", []),
    ],
)
def test_nlp_patterns_program_terms_of_regulations_are_no_programs(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a policy named by the benefit it gives
        ("全面落实托育服务补贴政策。", [("托育服务补贴政策", "PROGRAM")]),
        ("实施高中阶段免学费政策。", [("高中阶段免学费政策", "PROGRAM")]),
        ("出台首套住房贷款贴息政策。", [("首套住房贷款贴息政策", "PROGRAM")]),
        # a benefit alone names a kind of policy
        ("完善税收优惠、财政补贴政策。", []),
        ("落实各项补贴政策。", []),
        # national programmes written without their head noun
        ("继续实施天然林保护、退耕还林。", [("天然林保护", "PROGRAM"), ("退耕还林", "PROGRAM")]),
        ("健全主体功能区制度。", [("主体功能区制度", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_policies_named_by_benefit(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "深化“一码通办”服务矩阵建设。",
        "强化“一老一小”服务保障。",
        "可以推广垃圾分类。",
    ],
)
def test_nlp_patterns_program_title_boundaries_not_names(nlp, text):
    assert [name for name, label in _ents(nlp, text) if label == "PROGRAM"] == []


@pytest.mark.parametrize(
    "text",
    [
        # works named only to be opposed, and slogans of ethnic unity
        "坚决杜绝“形象工程”“政绩工程”。",
        "坚决反对“面子工程”。",
        "引导群众增强“五个认同”。",
        "坚持“民有所呼、我有所应”。",
    ],
)
def test_nlp_patterns_program_vanity_works_and_slogans_are_no_programs(nlp, text):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a document issued without book marks keeps the verbs its title begins with
        ("出台支持夜间经济发展若干措施。", [("支持夜间经济发展若干措施", "PROGRAM")]),
        ("制定促进银发经济发展的实施意见。", [("促进银发经济发展的实施意见", "PROGRAM")]),
        ("出台实施加快发展冰雪运动12条措施。", [("加快发展冰雪运动12条措施", "PROGRAM")]),
        # its first verb is the title's, not a verb of doing that is shed
        ("制定构建现代物流体系若干措施。", [("构建现代物流体系若干措施", "PROGRAM")]),
        ("印发实现农业现代化行动方案。", [("实现农业现代化行动方案", "PROGRAM")]),
        # asking for opinions, measures of no name, a plan and another document
        ("制定草案并征求意见。", []),
        ("出台了一系列政策措施。", []),
        ("出台茶产业发展规划和行动方案。", [("茶产业发展规划", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_issued_documents_keep_their_title(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # national mechanisms and tasks the gazetteer knows, with or without their quotes
        ("银行要用好小微企业融资协调工作机制。", [("小微企业融资协调工作机制", "PROGRAM")]),
        ("发挥城市房地产融资协调机制作用。", [("城市房地产融资协调机制", "PROGRAM")]),
        ("扎实做好金融“五篇大文章”，服务实体经济。", [("金融“五篇大文章”", "PROGRAM")]),
        # a programme of works still names one; the legal terms of construction do not
        ("实施新一轮百万亩造林绿化工程。", [("百万亩造林绿化工程", "PROGRAM")]),
        ("新建民用建筑工程应当执行节能标准。", []),
        ("鼓励其他房屋建筑工程优先选用绿色建材。", []),
        ("审查附属园林绿化工程设计方案。", []),
        ("核发建设工程规划许可证。", []),
        # a level and a field name a kind of programme; a year's plan is a kind of plan
        ("支持企业申报省级科技计划项目。", []),
        ("依托省级以上重点人才工程引进专家。", []),
        ("入选国家级重点人才工程的专家。", []),
        ("编制区年度立法计划。", []),
        ("承担国家级改革试点。", []),
        ("创建省级高品质步行街试点。", [("省级高品质步行街试点", "PROGRAM")]),
        # a strategy's firmness and the readiness for military struggle are no programmes
        ("我们保持战略定力。", []),
        ("加强各方向军事斗争准备。", []),
        ("组织实施城市绿化年度建设计划。", []),
        # works named only to be opposed, with the verb that opposes them
        ("严禁搞半拉子工程和豆腐渣工程。", []),
        ("坚决不搞形象工程。", []),
    ],
)
def test_nlp_patterns_program_kinds_and_terms_are_no_names(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a working word right before the head stays in the name
        ("实施湖泊水质持续改善行动。", [("湖泊水质持续改善行动", "PROGRAM")]),
        ("实施古村落保护传承利用工程。", [("古村落保护传承利用工程", "PROGRAM")]),
        ("实施山区供水巩固提升工程。", [("山区供水巩固提升工程", "PROGRAM")]),
        ("开展跨境电商市场拓展行动。", [("跨境电商市场拓展行动", "PROGRAM")]),
        ("实施低收入农户持续增收行动。", [("低收入农户持续增收行动", "PROGRAM")]),
        ("实施农文旅深度融合工程。", [("农文旅深度融合工程", "PROGRAM")]),
        ("实施青年科技人才支持计划。", [("青年科技人才支持计划", "PROGRAM")]),
        ("开展外资项目落地行动。", [("外资项目落地行动", "PROGRAM")]),
        # but a verb on works, or on family planning, names nothing
        ("多措并举推进工程建设。", []),
        ("大力支持计划生育工作。", []),
        # works of a kind, a trade, and what is selected into a ranking
        ("实施一批控制性工程和先导性工程。", []),
        ("开展对外承包工程和劳务合作。", []),
        ("该案例入选“年度十大创新案例”，备受关注。", []),
    ],
)
def test_nlp_patterns_program_working_words_before_the_head(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # national policies the gazetteer knows keep their head noun
        ("各地继续落实消费品以旧换新政策。", [("消费品以旧换新政策", "PROGRAM")]),
        ("银行落实无还本续贷政策。", [("无还本续贷政策", "PROGRAM")]),
        ("对稻谷继续执行最低收购价政策。", [("最低收购价政策", "PROGRAM")]),
        ("加快实现城市运行“一网统管”。", [("城市运行“一网统管”", "PROGRAM")]),
        # the same words as a loan product or a figure are none
        ("全年无还本续贷余额增长两成。", []),
    ],
)
def test_nlp_patterns_program_national_policies_keep_their_head(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a working word may stand right before the head after the quote
        ("全面实施“五美”建设计划。", [("“五美”建设计划", "PROGRAM")]),
        ("建立“孵化+加速+上市”企业培育机制。", [("“孵化+加速+上市”企业培育机制", "PROGRAM")]),
        ("健全“网格+警格”新型社区运行模式。", [("“网格+警格”新型社区运行模式", "PROGRAM")]),
        # but no verb of filing into something: the quote is its subject
        ("推动“东数西算”纳入省级算力建设试点。", [("东数西算", "PROJECT"), ("省级算力建设试点", "PROGRAM")]),
        # the activities of a quoted campaign are the campaign; those of a quoted day are events
        ("办好“乐游江城”系列活动。", [("“乐游江城”系列活动", "PROGRAM")]),
        ("开展“志愿者日”系列活动。", [("“志愿者日”系列活动", "PROJECT")]),
        # a numbered phase of a quoted programme's works is a work
        ("推进“退耕还林”三期工程建设。", [("“退耕还林”三期工程", "PROJECT")]),
        # a 战略布局 is theory, not a strategy of action
        ("协调推进“四个全面”战略布局。", []),
    ],
)
def test_nlp_patterns_program_quote_and_head(rule_set, text, expected):
    assert _found(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # after a verb of making or carrying it out, a name runs to its head across the STOP
        # words, 的, 与, 为 and 以 it holds
        ("落实省委整治文山会海为干部松绑若干规定。", [("省委整治文山会海为干部松绑若干规定", "PROGRAM")]),
        ("推进山区教育以乡为主的管理体制改革。", [("山区教育以乡为主的管理体制改革", "PROGRAM")]),
        ("加快科研院所与主管部门脱钩改革。", [("科研院所与主管部门脱钩改革", "PROGRAM")]),
        ("拟定了省政府机构改革方案。", [("省政府机构改革方案", "PROGRAM")]),
        ("落实应对老龄人口高峰工作方案。", [("应对老龄人口高峰工作方案", "PROGRAM")]),
        ("制定实施大运河保护传承三年行动计划。", [("大运河保护传承三年行动计划", "PROGRAM")]),
        # its first word may be a verb of the title
        ("必须大力实施强化山区特色优势战略。", [("强化山区特色优势战略", "PROGRAM")]),
        ("开展服务保障进园区行动。", [("服务保障进园区行动", "PROGRAM")]),
        # heads such as 专项, 重大专项 and 示范项目 belong to the name
        ("开展茶树良种选育工程重大专项。", [("茶树良种选育工程重大专项", "PROGRAM")]),
        ("实施长三角联合攻关专项，打造中试基地。", [("长三角联合攻关专项", "PROGRAM")]),
        # a second name joined by 和 after the verb; the first may end in any programme head
        ("实施旅游品牌战略和重大文旅项目带动战略。", [("旅游品牌战略", "PROGRAM"), ("重大文旅项目带动战略", "PROGRAM")]),
        ("开展智慧养老试点和社区医院改革示范项目。", [("智慧养老试点", "PROGRAM"), ("社区医院改革示范项目", "PROGRAM")]),
        # a reform's pilot keeps its head
        ("今年推行房产税改革试点。", [("房产税改革试点", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_whole_name_after_a_verb_of_doing(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        # a clause is no part of a name: a degree before 的, a list word, a count, a scope word
        ("推进更大范围的粮食流通改革。", "更大范围的粮食流通改革"),
        ("积极推进其他方面的配套改革。", "其他方面的配套改革"),
        ("积极推进农村各项改革。", "农村各项改革"),
        ("实施8项省级重大技术专项。", "8项省级重大技术专项"),
        ("组织实施本行政区域内的数字经济发展战略、规划。", "本行政区域内的数字经济发展战略"),
        ("以推进城乡融合发展为战略牵引。", "城乡融合发展为战略"),
        ("加快住房制度改革的进程。", "住房制度改革的进程"),
        # a locative before 的 (面上的, 区域内的), the measures of a reform, a duty of a regulation
        ("推进面上的国企改革。", "面上的国企改革"),
        ("出台优化水价改革举措。", "优化水价改革"),
        ("建设单位应当制定、实施扬尘污染防治工作方案。", "扬尘污染防治工作方案"),
        # 专项 before the work it qualifies is no head
        ("开展道路交通安全专项整治。", "道路交通安全专项"),
        # the department of development and reform in a list is no reform
        ("推进中心镇发展改革、财政等部门协作。", "中心镇发展改革"),
    ],
)
def test_nlp_patterns_program_whole_name_after_a_verb_stops_at_a_clause(nlp, text, absent):
    assert absent not in [t for t, _ in _ents(nlp, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # list items before a counted quote are what it counts, not its field
        ("完善公路、铁路、水运“三网衔接”机制。", [("“三网衔接”机制", "PROGRAM")]),
        ("深化线上受理、线下办结“双轨并行”模式。", [("“双轨并行”模式", "PROGRAM")]),
        # after a quoted item the next field is parallel to it and stays
        ("落实“一网通办”改革、营商环境“双优”机制。", [("“一网通办”改革", "PROGRAM"), ("营商环境“双优”机制", "PROGRAM")]),
        # a field before a quote not after a list still stays
        ("实施农村电网“三年提升”行动。", [("农村电网“三年提升”行动", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_list_items_before_a_counted_quote(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a field ending in 建设 before a quoted programme stays in its name
        ("抓好海防建设“十五五”规划执行。", [("海防建设“十五五”规划", "PROGRAM")]),
        ("扎实推进美丽山村建设“千村百镇”工程。", [("美丽山村建设“千村百镇”工程", "PROGRAM")]),
        # 建设 right after a verb is the verb: the quote alone is the name
        ("加快建设“四港联动”工程。", [("“四港联动”工程", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_building_field_before_quote(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a bare quote whose results are kept or whose coverage is reached
        ("持续巩固“三减一增”成果。", [("“三减一增”", "PROGRAM")]),
        ("实现全县“一乡一站”全覆盖。", [("“一乡一站”", "PROGRAM")]),
        # quotes in a row before 建设 are each built
        ("加强“高峰学科”“优势学科”建设。", [("“高峰学科”", "PROGRAM"), ("“优势学科”", "PROGRAM")]),
        # 建设类 is a kind of field: the quotes before it are none
        ("“工程资质”“施工许可”建设类事项已上线。", []),
        # 统筹推进 carries out a programme; a 总体布局 after the quote is theory
        ("统筹推进“两减”和质量提升。", [("“两减”", "PROGRAM")]),
        ("统筹推进“五位一体”总体布局。", []),
    ],
)
def test_nlp_patterns_program_bare_quotes_by_what_follows(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # clusters counted by a quoted code are a programme of clusters
        ("做强“62X”现代制造业集群。", [("“62X”现代制造业集群", "PROGRAM")]),
        ("“3721”集群营收增长一成。", [("“3721”集群", "PROGRAM")]),
        ("培育“八强”先进产业集群。", [("“八强”先进产业集群", "PROGRAM")]),
        # a quote of words before 集群 describes it
        ("打造“金字塔形”产业集群。", []),
    ],
)
def test_nlp_patterns_program_clusters_by_quoted_code(rule_set, text, expected):
    assert _found(rule_set, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a programme of building named in quotes keeps its head (建设行动, 建设计划, 建设工程 …)
        ("全面实施“三好”建设计划。", [("“三好”建设计划", "PROGRAM")]),
        ("开展“暖心家园”建设行动，加力改造。", [("“暖心家园”建设行动", "PROGRAM")]),
        ("实施“光网江城”建设工程。", [("“光网江城”建设工程", "PROGRAM")]),
        # 建设 alone after the quote stays out: a noun of working on it
        ("启动“未来乡村”建设。", [("“未来乡村”", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_quoted_building_heads(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a kind of strategy, reform or works with no word that says which one names nothing
        ("坚持农业发展战略不动摇。", []),
        ("主动对接区域重大战略。", []),
        ("我们主动服务国家重大战略。", []),
        ("推进能源发展重大工程。", []),
        ("必须加大结构性改革力度。", []),
        ("推动一批示范性改革落地。", []),
        ("贯彻积极防御的军事战略方针。", []),
        ("打造向南开放战略高地。", []),
        ("补齐战略领域技术短板。", []),
        ("勇于同违法犯罪现象作斗争。", []),
        ("古堰入选世界灌溉工程遗产名录。", []),
        ("加快构建国土空间规划体系。", []),
        # kinds of works and programmes a law or plan lists, written without a name
        ("对较大的单项工程和收尾工程组织验收。", []),
        ("积极参与国际大科学计划和大科学工程。", []),
        ("利用人民防空工程设置停车场。", []),
        # a word that says which one keeps it a name, and so does a field before a known reform
        ("实施滨海湾区发展战略。", [("滨海湾区发展战略", "PROGRAM")]),
        ("实施中药材振兴发展重大工程。", [("中药材振兴发展重大工程", "PROGRAM")]),
        ("深化林业供给侧结构性改革。", [("林业供给侧结构性改革", "PROGRAM")]),
        ("抢抓国家战略腹地建设机遇。", [("国家战略腹地", "PROGRAM")]),
        # items of a list of actions are the actions' names, their own verb kept
        ("持续实施青盾和清网护林等专项行动。", [("青盾", "PROGRAM"), ("清网护林", "PROGRAM")]),
        ("深入实施皖货出海等行动。", [("皖货出海", "PROGRAM")]),
        ("开展规范涉农收费、欠薪清零等专项行动。", [("规范涉农收费", "PROGRAM"), ("欠薪清零", "PROGRAM")]),
        ("实施乡村教育提质和职业教育扩容等“五大行动”。", [("乡村教育提质", "PROGRAM"), ("职业教育扩容", "PROGRAM"), ("“五大行动”", "PROGRAM")]),
        # but not a list of common words, nor an item in quotes, nor the clause before the verb
        ("开展金融支持等行动。", []),
        ("开展“护苗”、“净网”等专项行动。", [("“护苗”", "PROGRAM"), ("“净网”", "PROGRAM")]),
        ("组织园区开展平台对接等专项行动。", [("平台对接", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_generic_heads_and_listed_actions(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The mainland's arrangements with Hong Kong and Macao are one programme; the places inside
        # its name are no DISTRICT.
        ("要全面落实内地与香港、澳门更紧密经贸关系安排，深化合作", [("内地与香港、澳门更紧密经贸关系安排", "PROGRAM")]),
        ("继续实施更紧密经贸关系安排", [("更紧密经贸关系安排", "PROGRAM")]),
        # Hong Kong on its own stays a place.
        ("支持香港融入国家发展大局", [("香港", "DISTRICT")]),
    ],
)
def test_nlp_patterns_program_arrangements_with_places_inside(rule_set, text, expected):
    assert [(text[c.start:c.end], c.label) for c in rule_set.match(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a campaign after a verb of launching it; in a list only the last item carries the head
        ("广泛开展节煤节电、节粮节水运动。", [("节粮节水运动", "PROGRAM")]),
        ("在全县进行了清仓查库运动。", [("清仓查库运动", "PROGRAM")]),
        ("掀起一个群众性的植树造林运动。", [("植树造林运动", "PROGRAM")]),
        ("深入开展“三增三节”运动。", [("“三增三节”运动", "PROGRAM")]),
        ("促进“三增三节”运动深入开展。", [("“三增三节”运动", "PROGRAM")]),
        # a scope before the campaign stays out; a zone for a sport is no campaign
        ("在机关广泛开展机关节能降耗运动。", [("节能降耗运动", "PROGRAM")]),
        ("建设“云岭”户外运动发展基地。", []),
        # sports and the masses name no campaign
        ("积极开展冰雪运动和群众体育运动。", []),
        ("开展群众运动，发展水上运动。", []),
        # a reform of a system is named by its field; 体制改革 alone is none
        ("深化投资体制改革和流通体制改革。", [("投资体制改革", "PROGRAM"), ("流通体制改革", "PROGRAM")]),
        ("加快推进固定资产投资体制改革。", [("固定资产投资体制改革", "PROGRAM")]),
        ("积极稳妥推进各方面的体制改革。", []),
        # a quoted programme headed 战役, with its field when it has one
        ("打好产业转型“两大战役”。", [("产业转型“两大战役”", "PROGRAM")]),
        ("打好“五场战役”。", [("“五场战役”", "PROGRAM")]),
        # what one 打好 in quotes without a head is a figure of speech
        ("下好先手棋，打好“时间差”。", []),
        # 制 after a quote heads a system, not 制造 or 制约
        ("推行“林长”制。", [("“林长”制", "PROGRAM")]),
        ("加快“人工智能+”制造业融合。", [("人工智能+", "PROGRAM")]),
        ("破解“卡脖子”制约。", []),
        # the title of an award list is no reform
        ("获评中国改革年度案例。", []),
    ],
)
def test_nlp_patterns_program_campaigns_system_reforms_battles(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # two modifiers joined by 和, 与 or 及 after a verb share one head: one programme
        ("深化山林承包制度和茶场经营改革，发展林下经济。", [("山林承包制度和茶场经营改革", "PROGRAM")]),
        ("开展旧街改造和防洪韧性提升行动。", [("旧街改造和防洪韧性提升行动", "PROGRAM")]),
        ("实施海岛考古与渔村遗产保护利用工程，挖掘文化资源。", [("海岛考古与渔村遗产保护利用工程", "PROGRAM")]),
        ("推进县级及以上园区低碳循环化改造试点。", [("县级及以上园区低碳循环化改造试点", "PROGRAM")]),
        # a first item with a head of its own is a name of its own
        ("实施茶园提质工程和农家书屋振兴行动。", [("茶园提质工程", "PROGRAM"), ("农家书屋振兴行动", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_modifiers_share_one_head(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        # a short second item before a bare head is a description, not a name
        ("加快重大山区干线与枢纽工程建设。", "重大山区干线与枢纽工程"),
        ("实施节水减排重大技术和示范工程。", "节水减排重大技术和示范工程"),
        # a spirit or a rule before 和 is a name of its own
        ("严格落实中央八项规定精神和省委减负若干规定。", "中央八项规定精神和省委减负若干规定"),
        # items joined by 、 are mostly names of their own
        ("推动青溪高铁、白沙水网及县域配套工程等项目建设。", "白沙水网及县域配套工程"),
        # without a verb of carrying it out, 和 joins two clauses' objects
        ("群众满意度和市场秩序整治行动成效明显。", "群众满意度和市场秩序整治行动"),
    ],
)
def test_nlp_patterns_program_modifiers_share_no_head(nlp, text, absent):
    assert absent not in [t for t, _ in _ents(nlp, text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # investment is a field before a reform of its system, with or without 项目
        ("深化投资审批制度改革，做好要素保障。", [("投资审批制度改革", "PROGRAM")]),
        ("深化企业投资项目核准制度改革。", [("企业投资项目核准制度改革", "PROGRAM")]),
        ("继续推进投资项目审批制度改革，压缩时限。", [("投资项目审批制度改革", "PROGRAM")]),
        ("全年完成投资120亿元，改革稳步推进。", []),
        # 以…为契机/牵引/引领 frames a programme; a verb of doing after 以 stays out
        ("坚持以财税体制改革为牵引，培育新动能。", [("财税体制改革", "PROGRAM")]),
        ("以东湾文化建设提升行动为引领，发展文旅。", [("东湾文化建设提升行动", "PROGRAM")]),
        ("以深化要素市场化配置改革为核心，优化布局。", [("要素市场化配置改革", "PROGRAM")]),
        ("以合作区总体发展规划为统领。", [("合作区总体发展规划", "PROGRAM")]),
        # no programme head, or a bare kind, or no frame after 为
        ("以群众满意为目标，以改革为动力。", []),
        ("可以通过改革为企业减负。", []),
        ("以体制机制改革为突破口。", []),
        # 事权和支出责任 is one term inside a reform's name; the whole name after a verb of deepening
        ("市县财政事权和支出责任划分改革有序推进。", [("市县财政事权和支出责任划分改革", "PROGRAM")]),
        ("深化省与市县财政事权和支出责任划分改革，理顺关系。", [("省与市县财政事权和支出责任划分改革", "PROGRAM")]),
        ("落实中央与地方财政事权和支出责任划分改革方案。", [("中央与地方财政事权和支出责任划分改革方案", "PROGRAM")]),
        ("深化国有企业混合所有制改革，完善治理。", [("国有企业混合所有制改革", "PROGRAM")]),
        ("明确两级财政事权和支出责任。", []),
        ("深化体制机制改革，强化合作。", []),
        # the battle against major risks is named with its 重大 in either order
        ("坚决打赢重大风险防范化解攻坚战。", [("重大风险防范化解攻坚战", "PROGRAM")]),
        ("打好防范化解重大风险攻坚战。", [("防范化解重大风险攻坚战", "PROGRAM")]),
    ],
)
def test_nlp_patterns_program_fields_frames_and_fixed_terms(nlp, text, expected):
    assert [(t, l) for t, l in _ents(nlp, text) if l == "PROGRAM"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # 先导区 is a designation head like 示范区: 国家…先导区, a place's own, or two places' joined by a dash
        ("争创国家区块链创新应用先导区。", [("国家区块链创新应用先导区", "PROGRAM")]),
        ("加快合肥市智能网联创新应用先导区建设。", [("合肥市智能网联创新应用先导区", "PROGRAM")]),
        ("深化成都—德阳数字经济创新应用先导区建设。", [("成都—德阳数字经济创新应用先导区", "PROGRAM")]),
        ("推进西安-咸阳跨境电商综合试验区建设。", [("西安-咸阳跨境电商综合试验区", "PROGRAM")]),
        # 综合实验区 is written for 综合试验区: the zone's whole name, the place inside it
        ("各区人民政府、长沙临空经济综合实验区按职责分工负责。", [("长沙临空经济综合实验区", "PROGRAM")]),
        # a verb before 国家 leaves the designation alone (was 市高标准建设国家…)
        ("支持各市高标准建设国家自主创新示范区。", [("国家自主创新示范区", "PROGRAM")]),
        # a kind of zone with no place, field or rank before it names nothing
        ("推动在先导区落地一批项目。", []),
        ("支持各地打造未来产业先导区。", []),
    ],
)
def test_nlp_patterns_program_pilot_zones_named_by_place(nlp, text, expected):
    assert _ents(nlp, text) == expected
