
import pytest

from kg.ingest.structure import split_structure





def _headings(text: str) -> list[tuple[str, int]]:
    return [(s.heading, s.level) for s in split_structure(text)[0]]


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_structure(text)[2]]


PARAGRAPHS = [
    ("甲。\n\n  乙；丙。 \n", ["甲。", "乙；丙。"]),
    ("\u3000\u3000首行缩进。\r\n次行", ["首行缩进。", "次行"]),
    ("\n \n", []),
]


@pytest.mark.parametrize("text,expected", PARAGRAPHS)
def test_structure_paragraphs_are_stripped_nonblank_lines(text, expected):
    assert [text[p.start : p.end] for p in split_structure(text)[1]] == expected


HEADINGS = [
    ("一、总体要求\n正文。", [("一、总体要求", 1)]),
    ("（一）强化法治政府建设\n", [("（一）强化法治政府建设", 2)]),
    ("(二)强化数字政府建设\n", [("(二)强化数字政府建设", 2)]),
    ("1、发展方式转变显著加快。一年来，我们促转型。", [("1、发展方式转变显著加快", 3)]),
    ("1.進入新發展階段的形勢。過去五年,市委堅決貫徹。", [("1.進入新發展階段的形勢", 3)]),
    ("12．深化科技体制改革。完善科技治理体系。", [("12．深化科技体制改革", 3)]),
    # decimals and number lists that open a broken line are not headings
    ("1.71调整为81:18.3:0.7，服务业首位。\n3.6倍、3.9倍。", []),
    ("1、2月份，工业生产回升。", []),
    ("各位代表：\n2019年工作回顾\n正文。", [("2019年工作回顾", 0)]),
    ("各位代表：\n今后五年的奋斗目标\n正文。", [("今后五年的奋斗目标", 0)]),
    # above the running text a short line is a title, not a heading
    ("2020年目标任务\n各位代表：\n正文。", []),
    ("各位代表：\n重点抓好以下五方面工作：\n", []),
    ("各位代表：\n20xx年政府工作报告\n", []),
    ("各位代表：\n我们完成了目标任务。\n", []),
]


@pytest.mark.parametrize("text,expected", HEADINGS)
def test_structure_finds_headings_and_levels(text, expected):
    assert _headings(text) == expected


def test_structure_long_list_item_counts_when_it_continues_numbering():
    long_item = "2.建设镇街级示范型居家养老服务中心30家，新增养老机构床位2000张，开展1070户经济困难、高龄、失能老年人家庭适老化改造。"
    text = "1.新建实验室1个。\n" + long_item
    assert [(s.level, s.heading[:6]) for s in split_structure(text)[0]] == [(3, "1.新建实验"), (3, "2.建设镇街")]
    assert split_structure(long_item)[0] == []


TENSES = [
    ("一、2019年工作回顾", ["review"]),
    ("一、20xx年政府工作和本届政府期间经济社会发展情况", ["review"]),
    ("一、過去五年工作回顧", ["review"]),
    ("二、今后五年的指导思想和发展目标", ["plan"]),
    ("二、2020年目标任务和重点工作", ["plan"]),
    ("三、加强政府自身建设", ["other"]),
    ("一、20xx年目标任务完成情况", ["review"]),  # the head noun decides
    ("一、2019年工作回顾和2020年目标任务", ["other"]),
    ("一、2019年工作回顾\n（一）着力稳企业稳增长\n二、2020年主要工作\n（一）扩大有效投资", ["review", "review", "plan", "plan"]),
]


@pytest.mark.parametrize("text,expected", TENSES)
def test_structure_tense_from_heading_or_parent(text, expected):
    assert [s.tense for s in split_structure(text)[0]] == expected


def test_structure_sections_nest_and_span_to_next_peer():
    text = "一、甲\n（一）乙\n乙文。\n（二）丙\n丙文。\n二、丁\n丁文。"
    sections, paragraphs, _ = split_structure(text)
    got = [(s.heading, s.parent, text[s.start : s.end]) for s in sections]
    assert got == [
        ("一、甲", None, "一、甲\n（一）乙\n乙文。\n（二）丙\n丙文。"),
        ("（一）乙", 0, "（一）乙\n乙文。"),
        ("（二）丙", 0, "（二）丙\n丙文。"),
        ("二、丁", None, "二、丁\n丁文。"),
    ]
    assert [p.section for p in paragraphs] == [0, 1, 1, 2, 2, 3, 3]


def test_structure_plain_headings_enclose_restarted_numbering():
    text = "各位代表：\n2019年工作回顾\n一、稳增长\n甲。\n二、调结构\n2020年重点工作\n一、优环境\n乙。"
    got = [(s.heading, s.parent, s.tense) for s in split_structure(text)[0]]
    assert got == [
        ("2019年工作回顾", None, "review"),
        ("一、稳增长", 0, "review"),
        ("二、调结构", 0, "review"),
        ("2020年重点工作", None, "plan"),
        ("一、优环境", 3, "plan"),
    ]


SENTENCES = [
    ("甲；乙。丙！丁？", ["甲；", "乙。", "丙！", "丁？"]),
    ("甲;乙.丙!丁?戊", ["甲;", "乙.丙!", "丁?", "戊"]),
    ("他说：“要坚持。”我们继续。", ["他说：“要坚持。”", "我们继续。"]),
    ("实现“十二五”圆满开局。", ["实现“十二五”圆满开局。"]),
    ("甲（注：乙。丙）丁。", ["甲（注：乙。丙）丁。"]),
    ("“未闭合。引号。", ["“未闭合。", "引号。"]),
    ("确保完成！！后续", ["确保完成！！", "后续"]),
    ("  甲。  乙  \n丙", ["甲。", "乙", "丙"]),
]


@pytest.mark.parametrize("text,expected", SENTENCES)
def test_structure_splits_sentences_at_clause_ends(text, expected):
    assert _sentences(text) == expected


def test_structure_sentences_know_paragraph_and_section():
    text = "前言。\n一、甲\n1.乙。乙文。"
    _, _, sentences = split_structure(text)
    assert [(text[s.start : s.end], s.paragraph, s.section) for s in sentences] == [
        ("前言。", 0, None),
        ("一、甲", 1, 0),
        ("1.乙。", 2, 1),
        ("乙文。", 2, 1),
    ]


def _summary(text: str):
    sections = split_structure(text)[0]
    return {(s.heading, s.level, s.tense) for s in sections}, sections


def test_structure_seed_000_report_parts(seed_text):
    found, sections = _summary(seed_text("000"))
    assert {("一、2019年工作回顾", 1, "review"), ("二、2020年目标任务和重点工作", 1, "plan")} <= found
    assert ("三、加强政府自身建设", 1, "other") in found
    assert ("（一）着力稳企业稳增长，高质量发展迈出坚实步伐", 2, "review") in found
    assert ("（八）优化公共服务供给，不断满足人民对美好生活的向往", 2, "plan") in found
    assert sum(s.level == 3 for s in sections) == 10  # the ten 民生实事
    assert not any("各位代表" in s.heading or "政府工作报告" in s.heading for s in sections)


def test_structure_seed_001_plain_headings(seed_text):
    found, sections = _summary(seed_text("001"))
    assert {("2019年工作回顾", 0, "review"), ("2020年重点工作", 0, "plan")} <= found
    first_plan = next(s for s in sections if s.heading.startswith("一、全力以赴"))
    assert sections[first_plan.parent].heading == "2020年重点工作"
    assert first_plan.tense == "plan"
    assert [s.tense for s in sections].count("review") == 7


@pytest.mark.parametrize("normalized", [True, False])
def test_structure_seed_002_numbered_heading_with_body(normalized, seed_text):
    text = seed_text("002", normalized)
    sections, paragraphs, sentences = split_structure(text)
    assert [s.level for s in sections].count(1) == 11
    assert [s.level for s in sections].count(3) == 43
    first = next(s for s in sections if s.level == 3)
    assert first.heading in ("1.进入新发展阶段我市所面临的形势", "1.進入新發展階段我市所面臨的形勢")
    assert sections[first.parent].heading.startswith("一、高水平打造")
    assert sections[-1].heading.startswith("43.")
    body = next(p for p in paragraphs if p.start == first.start)
    assert body.end > first.start + len(first.heading) + 100  # the same line carries the body
    assert {s.tense for s in sections if "目标" in s.heading or "目標" in s.heading} == {"plan"}


def test_structure_seed_003_masked_report(seed_text):
    found, sections = _summary(seed_text("003"))
    assert ("一、20xx年政府工作和本届政府期间经济社会发展情况", 1, "review") in found
    assert ("二、今后五年的指导思想和发展目标", 1, "plan") in found
    assert ("三、20xx年政府工作的主要目标任务", 1, "plan") in found
    assert ("1、发展方式转变显著加快", 3, "review") in found
    assert ("1、致力于发展优势产业，加快经济转型升级", 3, "plan") in found
    assert not any(s.heading.startswith(("1.71", "3.6")) for s in sections)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_structure_seed_offsets_are_consistent(prefix, seed_text):
    text = seed_text(prefix)
    sections, paragraphs, sentences = split_structure(text)
    for s in sections:
        assert text.startswith(s.heading, s.start) and s.end > s.start
    for s in sentences:
        piece = text[s.start : s.end]
        assert piece and piece == piece.strip() and "\n" not in piece
        para = paragraphs[s.paragraph]
        assert para.start <= s.start < s.end <= para.end and s.section == para.section
    raw = split_structure(seed_text(prefix, normalized=False))[0]
    assert [(s.level, s.tense, s.parent) for s in raw] == [(s.level, s.tense, s.parent) for s in sections]
