"""Project lifecycle events read from real sentences of the seed reports."""

from __future__ import annotations

import pytest

from kg.extract.entities import Entity
from kg.extract.events import EventFact, load_stage_rules, project_events
from kg.extract.mentions import Mention
from kg.nlp.rules import RuleError
from report_text import PLAN, REVIEW, report_document as _document


def _linked(document, names: list[str], label: str = "PROJECT"):
    """Mentions of the named projects as the recognizer would give them (first occurrence)."""
    text = document.text
    found = []
    for name in names:
        start = text.index(name)
        end = start + len(name)
        sentence = next(i for i, s in enumerate(document.sentences) if s.start <= start < s.end)
        mention = Mention(start, end, start, end, label, name, name, "test", None, sentence)
        found.append((mention, Entity(f"{label}:{name}", label, name)))
    return sorted(found, key=lambda pair: pair[0].start)


def _events(sentence: str, heading: str, names: list[str], label: str = "PROJECT") -> list[tuple]:
    document = _document(sentence, heading)
    return sorted(
        (e.project.split(":", 1)[1], e.stage, e.period, e.word, e.kind)
        for e in project_events(document, _linked(document, names, label))
    )


CASES = {
    "coordinated_after": (
        REVIEW,
        "铁路杭州西站枢纽暨湖杭铁路开工建设，地铁5号线、16号线和铁路杭州南站建成。",
        ["铁路杭州西站枢纽", "湖杭铁路", "地铁5号线", "16号线", "铁路杭州南站"],
        [
            ("16号线", "completed", 2019, "建成", "actual"),
            ("地铁5号线", "completed", 2019, "建成", "actual"),
            ("湖杭铁路", "started", 2019, "开工建设", "actual"),
            ("铁路杭州南站", "completed", 2019, "建成", "actual"),
            ("铁路杭州西站枢纽", "started", 2019, "开工建设", "actual"),
        ],
    ),
    "unnamed_item_in_list": (
        REVIEW,
        "地铁5号线、16号线和铁路杭州南站建成。",
        ["地铁5号线", "铁路杭州南站"],
        [
            ("地铁5号线", "completed", 2019, "建成", "actual"),
            ("铁路杭州南站", "completed", 2019, "建成", "actual"),
        ],
    ),
    "etc_and_longest_word": (
        REVIEW,
        "城市快速路网加快成网，望江路过江隧道、留石快速路北延、之浦路三期等建成通车。",
        ["望江路过江隧道", "留石快速路北延", "之浦路三期"],
        [
            ("之浦路三期", "completed", 2019, "建成通车", "actual"),
            ("望江路过江隧道", "completed", 2019, "建成通车", "actual"),
            ("留石快速路北延", "completed", 2019, "建成通车", "actual"),
        ],
    ),
    "in_operation": (
        REVIEW,
        "地下综合管廊国家试点项目投用。",
        ["地下综合管廊国家试点项目"],
        [("地下综合管廊国家试点项目", "inOperation", 2019, "投用", "actual")],
    ),
    "adverb_between": (
        REVIEW,
        "德寿宫遗址考古有效推进，海潮寺复建工程顺利开工。",
        ["德寿宫遗址考古", "海潮寺复建工程"],
        [
            ("德寿宫遗址考古", "underConstruction", 2019, "有效推进", "actual"),
            ("海潮寺复建工程", "started", 2019, "开工", "actual"),
        ],
    ),
    "under_construction": (
        REVIEW,
        "萧山国际机场三期工程加快推进。",
        ["萧山国际机场三期工程"],
        [("萧山国际机场三期工程", "underConstruction", 2019, "加快推进", "actual")],
    ),
    "before_in_plan": (
        PLAN,
        "开工建设德寿宫遗址公园暨南宋博物院一期工程，加快打造“世界级文化遗产群落”。",
        ["德寿宫遗址公园", "南宋博物院一期工程"],
        [
            ("南宋博物院一期工程", "started", 2020, "开工建设", "target"),
            ("德寿宫遗址公园", "started", 2020, "开工建设", "target"),
        ],
    ),
    "planned": (
        PLAN,
        "规划建设杭州音乐厅，持续推进杭州书房建设。",
        ["杭州音乐厅"],
        [("杭州音乐厅", "planned", 2020, "规划建设", "target")],
    ),
    "completed_before_in_plan": (
        PLAN,
        "建成地铁1号线三期、6号线一期、杭富线，新增里程133公里。",
        ["地铁1号线三期", "6号线一期", "杭富线"],
        [
            ("6号线一期", "completed", 2020, "建成", "target"),
            ("地铁1号线三期", "completed", 2020, "建成", "target"),
            ("杭富线", "completed", 2020, "建成", "target"),
        ],
    ),
    "explicit_year_overrides": (
        PLAN,
        "2019年，天子岭餐厨垃圾处置项目二期建成。",
        ["天子岭餐厨垃圾处置项目二期"],
        [("天子岭餐厨垃圾处置项目二期", "completed", 2019, "建成", "target")],
    ),
}

NOTHING = {
    # another verb phrase between the project and the status word
    "other_words_between": (REVIEW, "萧山国际机场三期工程配套道路建成。", ["萧山国际机场三期工程"]),
    # the status word belongs to another clause
    "clause_break": (REVIEW, "推动萧山国际机场三期工程，建成一批项目。", ["萧山国际机场三期工程"]),
    # no status word at all
    "no_word": (REVIEW, "萧山国际机场三期工程进展良好。", ["萧山国际机场三期工程"]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_extract_events_sentences(name):
    heading, sentence, names, expected = CASES[name]
    assert _events(sentence, heading, names) == sorted(expected)


@pytest.mark.parametrize("name", sorted(NOTHING))
def test_extract_events_no_status_word_gives_nothing(name):
    heading, sentence, names = NOTHING[name]
    assert _events(sentence, heading, names) == []


def test_extract_events_only_projects():
    assert _events("湖滨国家级步行街开街。", REVIEW, ["湖滨国家级步行街"], label="ORG") == []


def test_extract_events_span_is_the_status_word():
    document = _document("地铁5号线、16号线和铁路杭州南站建成。", REVIEW)
    events = project_events(document, _linked(document, ["地铁5号线", "铁路杭州南站"]))
    assert {document.text[e.start : e.end] for e in events} == {"建成"}
    assert all(isinstance(e, EventFact) and e.rule == "status-after" for e in events)


def test_extract_events_bad_data_file_raises(tmp_path):
    (tmp_path / "stages.tsv").write_text("word\tstage\tposition\tnote\n建成\tfinished\tafter\t\n", encoding="utf-8")
    with pytest.raises(RuleError):
        load_stage_rules(tmp_path)
    (tmp_path / "stages.tsv").write_text("word\tstage\tposition\tnote\n建成\tcompleted\tsomewhere\t\n", encoding="utf-8")
    with pytest.raises(RuleError):
        load_stage_rules(tmp_path)


@pytest.fixture(scope="module")
def seed_events(seed_docs, nlp, rule_set):
    from kg.extract.entities import Linker, link_all
    from kg.extract.mentions import mentions
    from kg.nlp.pipeline import annotate

    events = {}
    for prefix in ("000", "001", "003"):
        document = seed_docs[prefix]
        found = mentions(document, annotate(nlp, document.text))
        linked = link_all(Linker(rule_set.gazetteer), found, document.meta.script, document.meta.area)
        events[prefix] = project_events(document, linked)
    return events


def _has(events, **want):
    return any(all(getattr(e, k) == v for k, v in want.items()) for e in events)


def test_extract_events_seed_000(seed_events):
    events = seed_events["000"]
    for project in ("PROJECT:地铁5号线", "PROJECT:铁路杭州南站"):
        assert _has(events, project=project, stage="completed", period=2019, word="建成")
    assert _has(events, project="PROJECT:世界旅游联盟总部项目", stage="started", period=2019)
    assert _has(events, project="PROJECT:杭州音乐厅", stage="planned", period=2020, kind="target")


def test_extract_events_seed_001(seed_events):
    events = seed_events["001"]
    assert _has(events, project="PROJECT:区行政中心", stage="completed", period=2019, word="竣工")
    assert _has(events, project="PROJECT:吴山地下空间一期", stage="started", period=2020)


def test_extract_events_seed_003(seed_events):
    events = seed_events["003"]
    assert _has(events, project="PROJECT:外桐坞艺术村落一期", stage="completed", period=2011)
    assert _has(events, project="PROJECT:地铁6号线", stage="started", period=2012)
