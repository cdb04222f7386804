from __future__ import annotations

import pytest

from kg.ingest.mapped import MappedText
from kg.ingest.normalize import detect_script, normalize


def _norm(text: str, removed=()) -> str:
    return normalize(MappedText.identity(text), removed)[0].text


@pytest.mark.parametrize(
    "source, expected",
    [
        ("增长６．８％，ＧＤＰ", "增长6．8％，GDP"),
        ("杭州\u3000市\u00a0区", "杭州 市 区"),
        ("杭\u200b州", "杭州"),
        ("第一行\r\n第二行", "第一行\n第二行"),
        ("现在,我代表市人民政府:", "现在，我代表市人民政府："),
        ("杭州高新区(滨江)", "杭州高新区（滨江）"),
        ("(2020年4月26日在大会上)", "（2020年4月26日在大会上）"),
        ("时间 15:01, v1.0 (beta)", "时间 15:01, v1.0 (beta)"),
        # Corner brackets are the quotation marks of Traditional and Hong Kong texts.
        ("深化「最多跑一次」改革", "深化“最多跑一次”改革"),
        ("推行『一网通办』", "推行‘一网通办’"),
    ],
)
def test_normalize_characters_and_punctuation(source, expected):
    assert _norm(source) == expected


@pytest.mark.parametrize(
    "source, expected",
    [
        # A wrapped sentence is joined across the blank line.
        ("实现全区科普基础设施全覆盖，成功创建全\n\n国科普示范区。", "实现全区科普基础设施全覆盖，成功创建全国科普示范区。"),
        ("资产投资分别是上年的2.3倍、\n3.6倍。", "资产投资分别是上年的2.3倍、3.6倍。"),
        # A heading, a title and a finished sentence stay on their own lines.
        ("一、2019年工作回顾\n\n全年增长6%。", "一、2019年工作回顾\n\n全年增长6%。"),
        ("2020年杭州市政府工作报告\n时间：2020", "2020年杭州市政府工作报告\n时间：2020"),
        ("全年增长6%。\n\n二、目标", "全年增长6%。\n\n二、目标"),
        ("城市建设取得新进展，完成投资，\n（一）坚持创新", "城市建设取得新进展，完成投资，\n（一）坚持创新"),
        # A numbered heading that runs on into prose can wrap too.
        ("4、民生改善。一年来，我们成功创建全\n国科普示范区。", "4、民生改善。一年来，我们成功创建全国科普示范区。"),
    ],
)
def test_normalize_joins_lines_broken_mid_sentence(source, expected):
    assert _norm(source) == expected


def test_normalize_converts_traditional_and_keeps_offsets():
    source = "杭州“十四五”規劃和2035年遠景目標建議,發揮數字經濟優勢。"
    text, script = normalize(MappedText.identity(source))
    assert script == "zh-Hant"
    assert text.text == "杭州“十四五”规划和2035年远景目标建议，发挥数字经济优势。"
    start = text.text.index("规划")
    s, e = text.span_to_source(start, start + 2)
    assert source[s:e] == "規劃"


def test_normalize_leaves_out_removed_spans():
    source = "广告：会员优惠\n正文开始。"
    text, _ = normalize(MappedText.identity(source), [(0, 8)])
    assert text.text == "正文开始。"
    assert text.span_to_source(0, 2) == (8, 10)


@pytest.mark.parametrize(
    "text, script",
    [
        ("杭州市人民政府工作报告", "zh-Hans"),
        ("杭州市人民政府工作報告，發揮數字經濟優勢", "zh-Hant"),
        ("GDP 6.8%", "zh-Hans"),
    ],
)
def test_normalize_detects_script(text, script):
    assert detect_script(text) == script
