"""Trimming words off the front of rule-found names (kg/nlp/lexicon.py), on a small lexicon built
here: which words a name of each label sheds (leading.tsv's ``begins``), counts, dates, and a
known place followed by a verb or a count. Text is segmented by hand (``cuts``), so the rows test
the trimming, not the segmenter."""

from __future__ import annotations

import re

import pytest

from kg.nlp.candidates import Candidate
from kg.nlp.lexicon import Lexicon, trim_leading

LEXICON = Lexicon(
    leading=frozenset({"其中"}),
    verbs=frozenset({"加强", "推进", "实现", "遴选", "实施", "搞好", "降低"}),
    common=frozenset({"行动", "计划", "铁路", "学院"}),
    leading_or_verb=frozenset({"其中", "加强", "推进", "实现", "遴选", "实施", "搞好", "降低"}),
    # 加强 and 推进 begin programmes' names (加强…行动), not bodies' or works'.
    begins={"加强": frozenset({"PROGRAM"}), "推进": frozenset({"PROGRAM"})},
    object_verbs=frozenset({"实施"}),
)


def _words(text, cuts):
    bounds = [0, *cuts, len(text)]
    return {a: b for a, b in zip(bounds, bounds[1:])}


def _trim(text, cuts, label, place_ends=()):
    found = trim_leading(text, [Candidate(0, len(text), label, "test", 0)], _words(text, cuts), LEXICON,
                         place_ends=frozenset(place_ends))
    return [text[c.start:c.end] for c in found]


@pytest.mark.parametrize(
    "text, cuts, label, expected",
    [
        # a verb that begins programmes' names is shed before a work or a body, kept before a programme
        ("加强云南数字平台", [2, 4, 6], "PROJECT", ["云南数字平台"]),
        ("加强滇中科学院", [2, 4], "ORG", ["滇中科学院"]),
        ("加强边境监管行动", [2, 4, 6], "PROGRAM", ["加强边境监管行动"]),
        # before a quoted name too: a field there may be such a verb (就业援助“…”政策)
        ("推进“一窗通办”改革", [2, 3, 7, 8], "PROGRAM", ["推进“一窗通办”改革"]),
        # a word that begins no name comes off every label's
        ("其中滇中科学院", [2, 4], "ORG", ["滇中科学院"]),
        ("其中边境监管行动", [2, 4, 6], "PROGRAM", ["边境监管行动"]),
        # a programme's name may begin with its verb, not with one that takes a name as its object
        ("降低物流成本行动", [2, 4, 6], "PROGRAM", ["降低物流成本行动"]),
        ("实施物流成本行动", [2, 4, 6], "PROGRAM", ["物流成本行动"]),
        # a verb's complement of result (搞好, 建设/好) begins no name, not even a programme's
        ("搞好国企改革试点", [2, 4, 6], "PROGRAM", ["国企改革试点"]),
        ("好滇中科学院", [1, 3], "ORG", ["滇中科学院"]),
    ],
)
def test_nlp_lexicon_leading_words_by_label(text, cuts, label, expected):
    assert _trim(text, cuts, label) == expected


@pytest.mark.parametrize(
    "text, cuts, label, expected",
    [
        # counts, also after a verb, with 万 after digits, and of laws and reforms
        ("遴选30家数据试点", [2, 5, 7], "PROGRAM", ["数据试点"]),
        ("实施80多项改革", [2, 6], "PROGRAM", []),
        ("2万所乡村学校", [3, 5], "ORG", ["乡村学校"]),
        ("近５０户乡村银行", [4, 6], "ORG", ["乡村银行"]),
        ("9部法规", [2], "PROGRAM", []),
        # counted rooms, vehicles and ships, with a decimal count
        ("1.5万间山区学校", [5, 7], "ORG", ["山区学校"]),
        ("300辆氢能公交示范项目", [4, 6, 8, 10], "PROJECT", ["氢能公交示范项目"]),
        # a date before a body
        ("2031年3月9日县人民政府", [9, 10], "ORG", ["县人民政府"]),
        # a count that is part of the name stays: 十大 is no count
        ("十大边境监管行动", [2, 4, 6], "PROGRAM", ["十大边境监管行动"]),
    ],
)
def test_nlp_lexicon_counts_and_dates_are_shed(text, cuts, label, expected):
    assert _trim(text, cuts, label) == expected


@pytest.mark.parametrize(
    "text, cuts, place_ends, label, expected",
    [
        # a known place, a verb and a bare head: the place is the subject of a clause
        ("景洪实现高铁", [2, 4], [2], "PROJECT", []),
        ("景洪实现铁路", [2, 4], [2], "PROJECT", []),
        # jieba tags some nouns verbs (警察): a verb followed by more than a bare head stays
        ("景洪实现警察学院二期", [2, 4, 6, 8], [2], "PROJECT", ["景洪实现警察学院二期"]),
        # a known place and a count: the works are counted, none is named
        ("景洪4座水电站", [2, 4, 7], [2], "PROJECT", ["水电站"]),
        # a place and a noun stay one name; a programme is not judged so
        ("景洪水电站二期", [2, 5], [2], "PROJECT", ["景洪水电站二期"]),
        ("景洪实现脱贫行动", [2, 4, 6], [2], "PROGRAM", ["景洪实现脱贫行动"]),
    ],
)
def test_nlp_lexicon_place_then_verb_or_count(text, cuts, place_ends, label, expected):
    assert _trim(text, cuts, label, place_ends) == expected


@pytest.mark.parametrize(
    "text, cuts, label, expected",
    [
        # a known place and a verb that takes a name as its object: the place applies for it
        ("景洪实施边境监管行动", [2, 4, 6, 8], "PROGRAM", ["边境监管行动"]),
        # a verb that may begin a programme's name stays, and so does a place without a verb
        ("景洪降低物流成本行动", [2, 4, 6, 8], "PROGRAM", ["景洪降低物流成本行动"]),
        ("景洪边境监管行动", [2, 4, 6], "PROGRAM", ["景洪边境监管行动"]),
    ],
)
def test_nlp_lexicon_place_then_object_verb_before_programme(text, cuts, label, expected):
    found = trim_leading(text, [Candidate(0, len(text), label, "test", 0)], _words(text, cuts), LEXICON,
                         places=frozenset({0}), place_ends=frozenset({2}))
    assert [text[c.start:c.end] for c in found] == expected


@pytest.mark.parametrize(
    "text, cuts, label, expected",
    [
        # a sum of money, with 以上 or 的, names nothing it pays for
        ("20亿元以上滇中科学院", [3, 4, 6, 8], "ORG", ["滇中科学院"]),
        ("4500万元的边境铁路二期", [5, 6, 7, 9, 11], "PROJECT", ["边境铁路二期"]),
        # an amount of capacity stays: 万吨 is how big the work is
        ("40万吨边境铁路二期", [4, 6, 8], "PROJECT", ["40万吨边境铁路二期"]),
    ],
)
def test_nlp_lexicon_sums_of_money_are_shed(text, cuts, label, expected):
    assert _trim(text, cuts, label) == expected


def test_nlp_lexicon_load_reads_begins_per_label(tmp_path):
    (tmp_path / "leading.tsv").write_text(
        "word\tclass\tfreq\tbegins\n加强\tverb\t9\tPROGRAM\n其中\tpronoun\t9\t\n开通\tverb\t9\tDISTRICT|PROJECT\n"
        "统筹\tobject-verb\t9\t\n",
        encoding="utf-8")
    lexicon = Lexicon.load(tmp_path)
    assert lexicon.begins == {"加强": {"PROGRAM"}, "开通": {"DISTRICT", "PROJECT"}}
    assert [lexicon.sheds("加强", label) for label in ("ORG", "PROJECT", "PROGRAM", "DISTRICT")] == [True, True, False, True]
    assert [lexicon.sheds("开通", label) for label in ("ORG", "PROJECT", "PROGRAM", "DISTRICT")] == [True, False, True, False]
    assert lexicon.sheds("其中", "PROGRAM", verbs=False) and not lexicon.sheds("加强", "ORG", verbs=False)
    assert lexicon.object_verbs == {"统筹"} and lexicon.sheds("统筹", "PROGRAM", verbs=False) and lexicon.is_verb("统筹", "ORG")


NEVER_INSIDE = Lexicon(
    leading=frozenset(), verbs=frozenset(), common=frozenset({"负责制"}), leading_or_verb=frozenset(),
    never_inside=re.compile("进行|申报|负责"),
)


@pytest.mark.parametrize(
    "text, cuts, expected",
    [
        # a word no name contains: the name begins after it
        ("申报绿色工厂行动", [2, 4, 6], ["绿色工厂行动"]),
        ("全面进行绿色工厂行动", [2, 4, 6, 8], ["绿色工厂行动"]),
        # only as a word: the 进行 across 促进|行动 is none
        ("健康促进行动", [2, 4], ["健康促进行动"]),
        # nor the start of a longer word of the dictionary: 负责 of 负责制 is none
        ("园长负责制若干规定", [2, 5, 7], ["园长负责制若干规定"]),
        # a verb the segmenter glued to a name's first character still is one (负责县|…)
        ("负责县环境监测站", [3, 5, 7], ["县环境监测站"]),
    ],
)
def test_nlp_lexicon_never_inside_only_as_words(text, cuts, expected):
    found = trim_leading(text, [Candidate(0, len(text), "PROGRAM", "test", 0)], _words(text, cuts), NEVER_INSIDE)
    assert [text[c.start:c.end] for c in found] == expected


WORD_START = Lexicon(
    leading=frozenset(), verbs=frozenset({"建成"}), common=frozenset({"开发区", "对外", "建成", "以南"}),
    leading_or_verb=frozenset({"建成"}), nouns=frozenset({"开发区", "对外"}),
)


@pytest.mark.parametrize(
    "text, cuts, start, expected",
    [
        # a pattern that began inside a noun of the dictionary begins with that noun
        ("深化开发区税制改革", [2, 5, 7], 4, "开发区税制改革"),
        ("扩大对外经贸改革", [2, 4, 6], 3, "对外经贸改革"),
        # a name that begins where a word begins stays as it is
        ("深化开发区税制改革", [2, 5, 7], 5, "税制改革"),
        # a verb the segmenter glued to the name's first character stays out (建成|都)
        ("建成都江植物园", [2, 3, 5], 2, "都江植物园"),
        # and so does a word of place (以南|宋…: south of)
        ("以南塘古镇为核心", [2, 4, 6], 2, "塘古镇为核心"),
    ],
)
def test_nlp_lexicon_names_begin_where_words_begin(text, cuts, start, expected):
    found = trim_leading(text, [Candidate(start, len(text), "PROGRAM", "test", 0)], _words(text, cuts), WORD_START)
    assert [text[c.start:c.end] for c in found] == [expected]


CLAUSE = Lexicon(
    leading=frozenset({"要", "将", "还", "如", "适当"}), verbs=frozenset({"增加", "整治", "兴修"}),
    common=frozenset({"将军", "开发区", "合理", "适当", "增加", "整治", "地区", "医院"}),
    leading_or_verb=frozenset({"要", "将", "还", "如", "适当", "增加", "整治", "兴修"}),
    never_inside=re.compile("同|使"), nouns=frozenset({"将军", "开发区", "地区", "医院", "本市"}),
)


@pytest.mark.parametrize(
    "text, cuts, start, label, expected",
    [
        # an adverbial ending in 地 and its verb begin no name: the name begins after the 地
        ("合理地整治沿江航道工程", [2, 3, 5, 7, 9], 0, "PROJECT", ["沿江航道工程"]),
        ("适当地增加县城医院", [2, 3, 5, 7], 0, "ORG", ["县城医院"]),
        # 地 as a word of its own before no verb, and inside 地区, stays
        ("西山地区中心医院", [2, 4, 6], 0, "ORG", ["西山地区中心医院"]),
        # nor after a word the dictionary does not know (跨军|地 of 跨军地改革)
        ("跨营地改革", [2, 3], 0, "PROGRAM", ["跨营地改革"]),
        # a one-character clause word inside a name, as a word of its own: the name begins after it
        ("北州大学同南州大学", [2, 4, 5, 7], 0, "ORG", ["南州大学"]),
        ("使东州规划", [1, 3], 0, "PROGRAM", ["东州规划"]),
        # but not as a character of a longer word (大使馆, 同济)
        ("东国大使馆", [2, 5], 0, "ORG", ["东国大使馆"]),
        ("同济新村医院", [2, 4], 0, "ORG", ["同济新村医院"]),
        # a one-character adverb or modal comes off the front
        ("还要兴修北河水库", [1, 2, 4, 6], 0, "PROJECT", ["北河水库"]),
        ("如北河水库", [1, 3], 0, "PROJECT", ["北河水库"]),
        # a modal that is a noun's first character stays: 将军庙, found from 军 or from 将
        ("将军庙至北河铁路", [3, 4, 6], 1, "PROJECT", ["将军庙至北河铁路"]),
        ("将军庙至北河铁路", [1, 3, 4, 6], 1, "PROJECT", ["将军庙至北河铁路"]),
        ("将军庙至北河铁路", [1, 3, 4, 6], 0, "PROJECT", ["将军庙至北河铁路"]),
        # only a modal: 本|市政府 is this city's government, not a 本市 one
        ("本市政府", [1, 4], 1, "ORG", ["市政府"]),
        # a proper word ending with a conjunction the pattern stopped at (协和|医学院)
        ("泰和医学院附属医院", [2, 5, 7], 2, "ORG", ["泰和医学院附属医院"]),
        # a year before a body's name is none of it; before a programme's it stays
        ("1955年东州钢铁公司", [5, 7, 9], 0, "ORG", ["东州钢铁公司"]),
        ("一九五八年东州计划", [5, 7], 0, "PROGRAM", ["一九五八年东州计划"]),
    ],
)
def test_nlp_lexicon_clause_words_before_and_inside_names(text, cuts, start, label, expected):
    found = trim_leading(text, [Candidate(start, len(text), label, "test", 0)], _words(text, cuts), CLAUSE)
    assert [text[c.start:c.end] for c in found] == expected


@pytest.mark.parametrize(
    "text, cuts, places, expected",
    [
        # a one-character adverb or clause word that begins a known place stays (如|东县, 同|江市)
        ("如东县医院", [1, 3, 5], [0], ["如东县医院"]),
        ("北州同江市医院", [2, 3, 5, 7], [2], ["北州同江市医院"]),
        # where no place begins there, it goes
        ("如东海医院", [1, 3, 5], [], ["东海医院"]),
    ],
)
def test_nlp_lexicon_clause_words_that_begin_places_stay(text, cuts, places, expected):
    found = trim_leading(text, [Candidate(0, len(text), "ORG", "test", 0)], _words(text, cuts), CLAUSE,
                         places=frozenset(places))
    assert [text[c.start:c.end] for c in found] == expected


# 注重 and 逮捕 begin no programme's name; 用 and 本 are a preposition and a pronoun.
CLAUSE_LEXICON = Lexicon(
    leading=frozenset({"用", "本"}),
    verbs=frozenset({"注重", "逮捕", "拘留", "降低"}),
    common=frozenset({"改革", "计划", "条例"}),
    leading_or_verb=frozenset({"用", "本", "注重", "逮捕", "拘留", "降低"}),
)


@pytest.mark.parametrize(
    "text, cuts, expected",
    [
        # a verb, then a preposition or a pronoun: the clause's verb, not the name's first word
        ("注重用数字治理改革", [2, 3, 5, 7], ["数字治理改革"]),
        ("注重用改革", [2, 3], []),
        ("注重本流域治理计划", [2, 3, 5, 7], ["流域治理计划"]),
        # a programme's name may begin with its verb, and with two verbs (a law on both)
        ("降低物流成本计划", [2, 4, 6], ["降低物流成本计划"]),
        ("逮捕拘留条例", [2, 4], ["逮捕拘留条例"]),
    ],
)
def test_nlp_lexicon_clause_verb_before_a_function_word(text, cuts, expected):
    found = trim_leading(text, [Candidate(0, len(text), "PROGRAM", "test", 0)], _words(text, cuts), CLAUSE_LEXICON)
    assert [text[c.start:c.end] for c in found] == expected
