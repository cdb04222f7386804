
import pytest

from kg.ingest.metadata import extract_metadata
from kg.ingest.structure import split_structure





def _meta(text: str, script: str = "zh-Hans"):
    return extract_metadata(text, split_structure(text)[0], script)


TITLES = [
    ("索引号: 0010/2020-248767\n2020年杭州市政府工作报告\n时间:2020-05-06\n政府工作报告\n各位代表:", "2020年杭州市政府工作报告"),
    ("杭州“十四五”规划和2035年远景目标建议(附全文) 发布时间:2021-01-25 09:09\n正文", "杭州“十四五”规划和2035年远景目标建议"),
    ("《上城区国民经济和社会发展第十四个五年规划纲要》\n正文", "上城区国民经济和社会发展第十四个五年规划纲要"),
    ("XX市政府工作报告\n以下为《XX市政府工作报告》的无排版文字预览,完整格式请下载\n各位代表:", "XX市政府工作报告"),
    ("各位代表:\n现在,我代表上城区人民政府向大会报告工作。", None),
]


@pytest.mark.parametrize("text,expected", TITLES)
def test_metadata_title_from_top_lines(text, expected):
    assert _meta(text).title == expected


KINDS = [
    ("2020年杭州市政府工作报告\n各位代表:", "government-work-report"),
    ("各位代表:\n现在,我代表上城区人民政府向大会报告工作。", "government-work-report"),
    ("杭州“十四五”規劃和2035年遠景目標建議\n正文", "plan-proposal"),
    ("杭州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n正文", "plan-outline"),
    ("关于开展安全生产大检查的通知\n正文", "other"),
    ("各位代表：\n现在，我代表国务院，向大会报告过去五年政府工作，请予审议。", "government-work-report"),
    ("# 杭州市物业管理条例\n第一条 政府应当每年向本级人民代表大会常务委员会报告工作。", "regulation"),
    ("上海市推进浦东新区实施建筑师负责制若干规定\n正文", "regulation"),
    ("山东省“十四五”教育事业发展规划\n正文", "plan"),
    ("中华人民共和国国民经济和社会发展第七个五年计划\n正文", "plan"),
]


@pytest.mark.parametrize("text,expected", KINDS)
def test_metadata_kind_from_title_or_opening(text, expected):
    assert _meta(text).kind == expected


AREAS = [
    ("现在,我代表上城区人民政府向大会报告工作", ("上城区", "district")),
    ("(20xx年2月19日在杭州市西湖区第十四届人民代表大会第一次会议上)", ("西湖区", "district")),
    ("《中共杭州市委关于制定杭州市国民经济和社会发展第十四个五年规划的建议》", ("杭州市", "city")),
    ("中國共產黨杭州市第十二屆委員會第十一次全體會議通過", ("杭州市", "city")),
    ("浙江省人民政府省长  张三\n各位代表:", ("浙江省", "province")),
    ("淳安县人民政府县长 李四\n各位代表:", ("淳安县", "county")),
    ("我代表梅城镇人民政府向大会报告工作", ("梅城镇", "township")),
    ("2020年杭州市政府工作报告\n我代表市人民政府向大会报告工作", ("杭州市", "city")),
    # `我代表区人民政府` says the level, which picks the district over the title's city
    ("20xx年杭州市政府工作报告\n在杭州市西湖区第十四届人民代表大会上\n我代表区人民政府", ("西湖区", "district")),
    ("XX市人民政府代市长 刘 忻\n我代表市人民政府向大会报告工作", (None, None)),
    ("现在，杭州市人民政府市长表示", (None, None)),
]


@pytest.mark.parametrize("text,expected", AREAS)
def test_metadata_area_from_strongest_evidence(text, expected):
    meta = _meta(text)
    assert (meta.area, meta.area_level) == expected


_BODY = "\n第一条 为了规范管理，根据有关法律，结合本市实际，制定本条例。\n"
AREAS_ACROSS_CHINA = [
    # a title's place, short forms resolved to the official name
    ("2025年宁夏政府工作报告\n各位代表：\n现在，我代表自治区人民政府向大会报告工作", ("宁夏回族自治区", "province")),
    ("2026年内蒙古自治区政府工作报告\n各位代表：", ("内蒙古自治区", "province")),
    ("# 宁波市志愿服务条例" + _BODY, ("宁波市", "city")),
    ("# 宁波杭州湾新区条例" + _BODY, ("宁波市", "city")),
    ("# 深圳经济特区社会信用条例" + _BODY, ("深圳市", "city")),
    ("# 秀山土家族苗族自治县梅江河流域水生态环境保护条例" + _BODY, ("秀山土家族苗族自治县", "county")),
    ("云南省国民经济和社会发展第十个五年计划纲要\n正文", ("云南省", "province")),
    ("# 北京市物业管理条例" + _BODY, ("北京市", "province")),
    ("阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知\n正文", ("阿坝藏族羌族自治州", "city")),
    # a regulation's passing line: the standing committee that passed it, not the one approving it
    ("# 湖州市养犬管理规定\n\n2021年10月29日 湖州市第八届人民代表大会常务委员会第三十七次会议通过\n\n"
     "2021年11月25日 浙江省第十三届人民代表大会常务委员会第三十二次会议批准", ("湖州市", "city")),
    # a session line broken after 届
    ("政府工作报告\n——2026年1月26日在广东省第十四届\n人民代表大会第五次会议上\n各位代表：", ("广东省", "province")),
    # the State Council's report and national plans speak for the country
    ("各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。我国经济稳中向好。", ("中国", "country")),
    ("政府工作报告\n——2022年3月5日在第十三届全国人民代表大会第五次会议上\n国务院总理　李克强", ("中国", "country")),
    ("中华人民共和国国民经济和社会发展第七个五年计划\n正文", ("中国", "country")),
    ("各省、自治区、直辖市人民政府，国务院各部委：\n为推动全国数据资源开发利用，现提出以下意见。", ("中国", "country")),
    # no title, no statement: how the text names itself, and the place of that level it names
    ("为推进数字山东建设，全省各级要加快行动。山东省将建设一批示范区，全省统筹推进。", ("山东省", "province")),
    ("为加快全市人工智能产业发展，推动济南建设数字先锋城市，我市制定本计划。济南市各区县落实。", ("济南市", "city")),
    # a city named once in a text about the country is an example, not the speaker
    ("全国推广智慧社区。我国各地，如广州，全市统筹，本市试点。全国统一标准，我国率先。", ("中国", "country")),
    # a masked area is not guessed from the rest of the text
    ("XX市政府工作报告\n全市经济稳步增长，杭州市全市上下共同努力。", (None, None)),
]


@pytest.mark.parametrize("text,expected", AREAS_ACROSS_CHINA)
def test_metadata_area_of_documents_from_all_over_china(text, expected):
    meta = _meta(text)
    assert (meta.area, meta.area_level) == expected


DATES = [
    ("(2020年4月26日在杭州市第十三届人民代表大会第五次会议上)", "2020-04-26"),
    ("——2020年4月26日在*_**第五次会议上", "2020-04-26"),
    ("（二〇二一年二月二十日在杭州市第十三届人民代表大会第六次会议上）", "2021-02-20"),
    ("文号: 公开日期: 2020-05-06\n(2020年4月26日在杭州市第十三届人民代表大会第五次会议上)", "2020-04-26"),
    ("文号: 公开日期: 2020-05-06\n正文", "2020-05-06"),
    ("建议(附全文) 發布時間:2021-01-25 09:09", "2021-01-25"),
    ("(20xx年2月19日在杭州市西湖区第十四届人民代表大会第一次会议上)", None),
    ("本文由用户分享发布 更新时间:2021-03-17 05:05:26", None),
]


@pytest.mark.parametrize("text,expected", DATES)
def test_metadata_date_delivery_before_publication(text, expected):
    assert _meta(text).date == expected


SPEAKERS = [
    ("政府工作报告\n杭州市人民政府代市长  刘 忻\n各位代表:", "刘忻"),
    ("XX市人民政府代市长 刘 忻\n各位代表:", "刘忻"),
    ("20xx年政府工作报告\n(20xx年2月19日在会议上)\n朱党其\n各位代表:", "朱党其"),
    ("政府工作报告\n区长　欧阳明华\n各位代表:", "欧阳明华"),
    ("政府工作报告\n目录\n各位代表:", None),
    ("XX市人民政府市长 ***\n各位代表:", None),
    ("各位代表:\n朱党其", None),  # below the salutation a short line is not a byline
]


@pytest.mark.parametrize("text,expected", SPEAKERS)
def test_metadata_speaker_from_byline(text, expected):
    assert _meta(text).speaker == expected


_REPORT = "20xx年政府工作报告\n各位代表:\n一、20xx年工作回顾\n{}\n二、20xx年目标任务\n正文。"
YEARS = [
    ("(2020年4月26日在杭州市第十三届人民代表大会第五次会议上)\n政府工作报告", (2019, 2020)),
    ("各位代表:\n我代表区人民政府向大会报告工作。\n2019年工作回顾\n正文。\n2020年重点工作\n正文。", (2019, 2020)),
    (_REPORT.format("20xx年,是我区全面实施“十二五”规划的第一年。"), (2011, 2012)),
    (_REPORT.format("20xx年是“十三五”规划的第二年。"), (2017, 2018)),
    (_REPORT.format("201x年是“十二五”规划收官之年。"), (2015, 2016)),
    ("20xx年政府工作报告\n各位代表:\n一、20xx年目标任务\n20xx年是“十四五”开局之年。", (2020, 2021)),
    (_REPORT.format("20xx年,我们奋力拼搏。"), (None, None)),
    # a masked year in a section without tense gives nothing away
    ("20xx年政府工作报告\n各位代表:\n一、加强自身建设\n20xx年是“十二五”规划的第一年。", (None, None)),
    # not an annual report: no reviewed or planned year
    ("关于开展大检查的通知\n(2020年4月26日在杭州市第十三届人民代表大会第五次会议上)", (None, None)),
]


@pytest.mark.parametrize("text,expected", YEARS)
def test_metadata_years_from_evidence_only(text, expected):
    meta = _meta(text)
    assert (meta.review_year, meta.plan_year) == expected
    for e in meta.year_evidence:
        assert text[e.start : e.end] == e.text


PERIODS = [
    ("杭州“十四五”规划和2035年远景目标建议", (2021, 2025)),
    ("关于制定第十三个五年规划的建议", (2016, 2020)),
    ("“十一五”规划纲要", (2006, 2010)),
    ("法治上城建设规划纲要(2020—2024年)", (2020, 2024)),
    ("中华人民共和国国民经济和社会发展第七个五年计划", (1986, 1990)),
    ("发展国民经济的第一个五年计划", (1953, 1957)),
]


@pytest.mark.parametrize("text,expected", PERIODS)
def test_metadata_plan_period_of_five_year_plans(text, expected):
    assert _meta(text + "\n正文").plan_period == expected


def test_metadata_seed_000_report(seed_text):
    meta = _meta(seed_text("000"))
    assert meta.title == "2020年杭州市政府工作报告"
    assert meta.kind == "government-work-report"
    assert (meta.area, meta.area_level) == ("杭州市", "city")
    assert (meta.speaker, meta.date) == ("刘忻", "2020-04-26")
    assert (meta.review_year, meta.plan_year, meta.plan_period) == (2019, 2020, None)
    assert ("一、2019年工作回顾", "reviewed") in {(e.text, e.role) for e in meta.year_evidence}


def test_metadata_seed_001_untitled_district_report(seed_text):
    meta = _meta(seed_text("001"))
    assert (meta.title, meta.kind) == (None, "government-work-report")
    assert (meta.area, meta.area_level) == ("上城区", "district")
    assert (meta.review_year, meta.plan_year) == (2019, 2020)
    assert (meta.date, meta.speaker) == (None, None)


@pytest.mark.parametrize("normalized", [True, False])
def test_metadata_seed_002_plan_proposal(normalized, seed_text):
    meta = _meta(seed_text("002", normalized), "zh-Hant")
    expected_title = "杭州“十四五”规划和2035年远景目标建议" if normalized else "杭州“十四五”規劃和2035年遠景目標建議"
    assert meta.title == expected_title
    assert (meta.kind, meta.plan_period) == ("plan-proposal", (2021, 2025))
    assert (meta.area, meta.area_level, meta.date) == ("杭州市", "city", "2021-01-25")
    assert (meta.review_year, meta.plan_year, meta.script) == (None, None, "zh-Hant")


def test_metadata_seed_003_masked_years_inferred(seed_text):
    text = seed_text("003")
    meta = _meta(text)
    assert meta.title == "20xx年杭州市政府工作报告"
    assert (meta.area, meta.area_level, meta.speaker, meta.date) == ("西湖区", "district", "朱党其", None)
    assert (meta.review_year, meta.plan_year) == (2011, 2012)
    reviewed = next(e for e in meta.year_evidence if e.role == "reviewed")
    assert reviewed.year == 2011 and "十二五" in reviewed.text and "第一年" in reviewed.text
    assert text[reviewed.start : reviewed.end] == reviewed.text


def test_metadata_seed_004_masked_copy(seed_text):
    meta = _meta(seed_text("004"))
    assert (meta.title, meta.kind) == ("XX市政府工作报告", "government-work-report")
    assert (meta.area, meta.area_level) == (None, None)
    assert (meta.speaker, meta.date, meta.review_year, meta.plan_year) == ("刘忻", "2020-04-26", 2019, 2020)
