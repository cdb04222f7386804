"""Indicator observations read from real sentences of the seed reports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.numbers import ObservationFact, load_number_rules, observations
from kg.ingest.document import ingest_text
from kg.nlp.rules import RuleError
from report_text import OTHER, PLAN, REVIEW, report_document as _document


def _facts(sentence: str, heading: str) -> list[tuple]:
    """(indicator, area, period, value, unit, growth, kind, qualifier) of each observation."""
    return [
        (o.indicator, o.area, o.period, None if o.value is None else str(o.value), o.unit,
         None if o.growth is None else str(o.growth), o.kind, o.qualifier)
        for o in observations(_document(sentence, heading))
    ]


def _row(indicator, period, value, unit, growth, kind, qualifier=None, area="home"):
    return (indicator, area, period, value, unit, growth, kind, qualifier)


CASES = {
    "value_and_growth": (
        REVIEW,
        "全市地区生产总值完成15373亿元、增长6.8%，总量排名全国城市第9、较上年前进1位，一般公共预算收入增长7.7%，城乡居民人均可支配收入分别增长8%和9.2%。",
        [
            _row("地区生产总值", 2019, "15373", "亿元", "6.8", "actual"),
            _row("一般公共预算收入", 2019, None, None, "7.7", "actual"),
            _row("城镇居民人均可支配收入", 2019, None, None, "8", "actual"),
            _row("农村居民人均可支配收入", 2019, None, None, "9.2", "actual"),
        ],
    ),
    "target_about": (
        PLAN,
        "建议2020年全市经济社会发展主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长7%左右，全社会研发经费支出与地区生产总值之比3.5%左右，城镇、农村居民人均可支配收入分别增长7.5%和8.5%，全员劳动生产率稳步提高。",
        [
            _row("地区生产总值", 2020, None, None, "6.5", "target", "左右"),
            _row("一般公共预算收入", 2020, None, None, "7", "target", "左右"),
            _row("研发经费支出占比", 2020, "3.5", "%", None, "target", "左右"),
            _row("城镇居民人均可支配收入", 2020, None, None, "7.5", "target"),
            _row("农村居民人均可支配收入", 2020, None, None, "8.5", "target"),
        ],
    ),
    "target_above": (
        PLAN,
        "一般公共预算收入增长6%以上。",
        [_row("一般公共预算收入", 2020, None, None, "6", "target", "以上")],
    ),
    "distributive_with_value": (
        REVIEW,
        "全区实现地区生产总值566.6亿元，其中服务业增加值459亿元，分别增长11.2%和13%；",
        [
            _row("地区生产总值", 2019, "566.6", "亿元", "11.2", "actual"),
            _row("服务业增加值", 2019, "459", "亿元", "13", "actual"),
        ],
    ),
    "distributive_fiscal": (
        REVIEW,
        "财政总收入116.6亿元，其中地方财政收入70.5亿元，分别增长16.4%和14.1%；",
        [
            _row("财政总收入", 2019, "116.6", "亿元", "16.4", "actual"),
            _row("地方财政收入", 2019, "70.5", "亿元", "14.1", "actual"),
        ],
    ),
    "distributive_list_of_names": (
        PLAN,
        "地区生产总值增长10.5%，服务业增加值增长12%，财政总收入、地方财政收入分别增长10%、力争增长12%，城镇登记失业率控制在4%以内。",
        [
            _row("地区生产总值", 2020, None, None, "10.5", "target"),
            _row("服务业增加值", 2020, None, None, "12", "target"),
            _row("财政总收入", 2020, None, None, "10", "target"),
            _row("地方财政收入", 2020, None, None, "12", "target", "力争"),
            _row("城镇登记失业率", 2020, "4", "%", None, "target", "以内"),
        ],
    ),
    "distributive_count_mismatch_keeps_values_only": (
        REVIEW,
        "实现区外到位资金260亿元、市外到位资金168亿元、合同外资7.9亿美元、实际到位外资4.6亿美元，分别增长28.7%、60%、10.7%和10.8%。",
        [_row("实际利用外资", 2019, "4.6", "亿美元", None, "actual")],
    ),
    "growth_in_next_clause": (
        REVIEW,
        "固定资产投资140亿元，增长0.5%；",
        [_row("固定资产投资", 2019, "140", "亿元", "0.5", "actual")],
    ),
    "decline_is_negative": (
        REVIEW,
        "万元工业增加值综合能耗下降6.3%；",
        [_row("单位工业增加值能耗", 2019, None, None, "-6.3", "actual")],
    ),
    "estimate_in_review_is_actual": (
        REVIEW,
        "全年预计地区生产总值增长6%，其中服务业增加值增长8%；",
        [
            _row("地区生产总值", 2019, None, None, "6", "actual", "预计"),
            _row("服务业增加值", 2019, None, None, "8", "actual"),
        ],
    ),
    "rate_value": (
        REVIEW,
        "城镇登记失业率1.86%；",
        [_row("城镇登记失业率", 2019, "1.86", "%", None, "actual")],
    ),
    "per_capita_with_wan": (
        REVIEW,
        "人均GDP达9.16万元；",
        [_row("人均生产总值", 2019, "9.16", "万元", None, "actual")],
    ),
    "trillion_and_dollars": (
        PLAN,
        "力争全市生产总值突破2.3万亿元、人均生产总值突破18万元，研究与试验发展经费投入强度力争达到4%。",
        [
            _row("地区生产总值", 2020, "2.3", "万亿元", None, "target", "力争,突破"),
            _row("人均生产总值", 2020, "18", "万元", None, "target", "突破"),
            _row("研发经费支出占比", 2020, "4", "%", None, "target", "力争"),
        ],
    ),
    "explicit_year_overrides": (
        PLAN,
        "2019年，全市地区生产总值完成15373亿元。",
        [_row("地区生产总值", 2019, "15373", "亿元", None, "target")],
    ),
    "thousands_separator": (
        REVIEW,
        "全市地区生产总值完成15,373亿元。",
        [_row("地区生产总值", 2019, "15373", "亿元", None, "actual")],
    ),
    "place_as_area": (
        REVIEW,
        "上城区地区生产总值增长6%。",
        [_row("地区生产总值", 2019, None, None, "6", "actual", area="上城区")],
    ),
    # 全国 and 我国 are the country in any report; 我省/全州 the report's own area
    "country_area": (
        REVIEW,
        "全国国内生产总值增长6.1%，我国居民人均可支配收入增长5.8%。",
        [
            _row("地区生产总值", 2019, None, None, "6.1", "actual", area="country"),
            _row("居民人均可支配收入", 2019, None, None, "5.8", "actual", area="country"),
        ],
    ),
    "own_province_and_prefecture": (
        REVIEW,
        "我省地区生产总值增长6%，全州一般公共预算收入增长3%。",
        [
            _row("地区生产总值", 2019, None, None, "6", "actual"),
            _row("一般公共预算收入", 2019, None, None, "3", "actual"),
        ],
    ),
}

NOTHING = {
    "date": "2020年4月26日，全市召开大会。",
    "project_count": "新开工项目152个，推进1686个亿元以上项目建设，其中产业项目534个。",
    "ranking": "总量排名全国城市第9、较上年前进1位。",
    "duration": "审批时间压缩到20天，90天内完成。",
    "coverage_rate": "优质教育资源覆盖率达96.4%。",
    "share_of_indicator": "五大主导产业实现一般公共预算收入49.19亿元，占全区一般公共预算收入60.37%。",
    "sector_figure": "金融服务业持续做强，完成一般公共预算收入18.08亿元，同比增长1.3%。",
    "ratio_to_gdp": "文创产业增加值占地区生产总值的比重达28.5%。",
    "multiples": "地区生产总值、财政总收入、地方财政收入分别是2010年的2.3倍、3.3倍和3.6倍。",
    "visitors": "全区接待游客680万人次，相当于地区生产总值的20%。",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_extract_numbers_sentences(name):
    heading, sentence, expected = CASES[name]
    assert _facts(sentence, heading) == expected


@pytest.mark.parametrize("name", sorted(NOTHING))
def test_extract_numbers_non_indicator_sentences_give_nothing(name):
    assert _facts(NOTHING[name], REVIEW) == []


def test_extract_numbers_span_covers_name_through_number():
    document = _document("全市地区生产总值完成15373亿元、增长6.8%，总量排名全国城市第9。", REVIEW)
    (fact,) = observations(document)
    assert document.text[fact.start : fact.end] == "地区生产总值完成15373亿元、增长6.8%"
    assert document.sentences[fact.sentence].start <= fact.start < fact.end <= document.sentences[fact.sentence].end
    assert isinstance(fact, ObservationFact) and fact.rule == "indicator-value"


def test_extract_numbers_other_section_uses_target_words():
    assert _facts("压减一般公共预算收入5%以上目标。", OTHER) == []  # 压减 is not a lead word
    assert _facts("城镇登记失业率控制在4%以内的目标。", OTHER) == [
        _row("城镇登记失业率", None, "4", "%", None, "target", "以内"),
    ]


def test_extract_numbers_masked_years_use_metadata():
    text = (
        "西湖区政府工作报告\n（20xx年1月5日在杭州市西湖区第X届人民代表大会第X次会议上）\n"
        "一、20xx年政府工作回顾\n20xx年，全区实现地区生产总值566.6亿元。\n"
    )
    document = ingest_text(text, "t", strip_boilerplate=False)
    facts = observations(document)
    assert [(f.indicator, f.period, f.kind) for f in facts] == [("地区生产总值", document.meta.review_year, "actual")]


def test_extract_numbers_bad_data_file_raises(tmp_path):
    (tmp_path / "indicators.tsv").write_text("name\taliases\tnote\n\tGDP\t\n", encoding="utf-8")
    (tmp_path / "words.tsv").write_text("word\trole\n", encoding="utf-8")
    with pytest.raises(RuleError):
        load_number_rules(tmp_path)
    (tmp_path / "indicators.tsv").write_text("name\taliases\tnote\n地区生产总值\t\t\n", encoding="utf-8")
    (tmp_path / "words.tsv").write_text("word\trole\n全市\tnowhere\n", encoding="utf-8")
    with pytest.raises(RuleError):
        load_number_rules(tmp_path)


def test_extract_numbers_shipped_data_loads():
    rules = load_number_rules()
    assert rules.forms["GDP"] == ("地区生产总值",)
    assert rules.forms["城乡居民人均可支配收入"] == ("城镇居民人均可支配收入", "农村居民人均可支配收入")


def _has(facts, **want):
    return any(all(getattr(f, k) == v for k, v in want.items()) for f in facts)


def test_extract_numbers_seed_000(seed_docs):
    facts = observations(seed_docs["000"])
    assert _has(facts, indicator="地区生产总值", value=Decimal("15373"), unit="亿元", growth=Decimal("6.8"), kind="actual", period=2019, area="home")
    assert _has(facts, indicator="地区生产总值", growth=Decimal("6.5"), qualifier="左右", kind="target", period=2020)
    assert _has(facts, indicator="农村居民人均可支配收入", growth=Decimal("9.2"), kind="actual", period=2019)
    assert _has(facts, indicator="新增城镇就业", value=Decimal("33.95"), unit="万人", period=2019)


def test_extract_numbers_seed_001(seed_docs):
    facts = observations(seed_docs["001"])
    assert _has(facts, indicator="地区生产总值", growth=Decimal("6"), qualifier="预计", kind="actual", period=2019)
    assert _has(facts, indicator="固定资产投资", value=Decimal("140"), growth=Decimal("0.5"), period=2019)
    assert _has(facts, indicator="实际利用外资", value=Decimal("4.49"), unit="亿美元", growth=Decimal("97.98"))
    assert _has(facts, indicator="社会消费品零售总额", growth=Decimal("8"), kind="target", period=2020)
    # 五大主导产业实现一般公共预算收入49.19亿元 is a sector's share, not the district's revenue.
    assert not _has(facts, indicator="一般公共预算收入", value=Decimal("49.19"))


def test_extract_numbers_seed_002_plan_proposal(seed_docs):
    facts = observations(seed_docs["002"])
    assert _has(facts, indicator="地区生产总值", value=Decimal("2.3"), unit="万亿元", kind="target", period=2025)
    assert _has(facts, indicator="居民人均可支配收入", value=Decimal("8.5"), unit="万元", qualifier="突破", period=2025)
    # 过去五年… looks back: the 13th plan's outcome, 2020.
    assert _has(facts, indicator="地区生产总值", value=Decimal("1.5"), unit="万亿元", kind="actual", period=2020)


def test_extract_numbers_seed_003_masked_years(seed_docs):
    facts = observations(seed_docs["003"])
    assert _has(facts, indicator="地区生产总值", value=Decimal("566.6"), growth=Decimal("11.2"), period=2011, rule="distributive")
    assert _has(facts, indicator="服务业增加值", value=Decimal("459"), growth=Decimal("13"), period=2011)
    assert _has(facts, indicator="地区生产总值", growth=Decimal("10.5"), kind="target", period=2012)
    # 到20xx年… in the five-year section: the year is masked and not the plan year.
    assert _has(facts, indicator="地区生产总值", value=Decimal("1000"), qualifier="力争,突破", period=None)


def test_extract_numbers_seed_004_masked_copy(seed_docs):
    facts = observations(seed_docs["004"])
    assert _has(facts, indicator="地区生产总值", value=Decimal("15373"), growth=Decimal("6.8"), period=2019)
