from pathlib import Path

import pytest

from kg.ingest.masks import find_masks

SEEDS = Path(__file__).parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _forms(text: str) -> list[tuple[str, int, int]]:
    return [(m.form, m.start, m.end) for m in find_masks(text)]


FOUND = [
    ("打好XX防控阻击战", [("XX", 2, 4)]),
    ("xx区", [("xx", 0, 2)]),
    ("ＸＸ县", [("ＸＸ", 0, 2)]),
    ("XXXX城", [("XXXX", 0, 4)]),
    ("在安某某、生与死", [("某某", 2, 4)]),
    ("某某某同志", [("某某某", 0, 3)]),
    ("***员提出意见", [("***", 0, 3)]),
    ("在*_**第五次会议上", [("*_**", 1, 5)]),
    ("与**_*作", [("**_*", 1, 5)]),
    ("＊＊公司", [("＊＊", 0, 2)]),
    ("○○县□□镇", [("○○", 0, 2), ("□□", 3, 5)]),
    ("■■■项目", [("■■■", 0, 3)]),
    ("×××同志", [("×××", 0, 3)]),
    ("人大代表政.和协委员", [(".", 5, 6)]),
]


@pytest.mark.parametrize("text,expected", FOUND)
def test_masks_finds_placeholder_forms(text, expected):
    assert _forms(text) == expected


NOT_MASKS = [
    "20xx年政府工作报告",  # masked year: handled by the year logic
    "201x年",
    "19XX年",
    "XXL码",
    "Xbox",
    "0xFF",
    "AXX",
    "XX2",
    "X光",  # a single X
    "深化某地对口支援",  # a single 某 is ordinary prose
    "二○三五年远景目标",  # ○ as zero in a Chinese numeral
    "二〇〇八年",
    "3×4米",
    "*注释",
    "1.进入新发展阶段",
    "www.gov.cn",
]


@pytest.mark.parametrize("text", NOT_MASKS)
def test_masks_ignores_words_codes_years_and_numerals(text):
    assert find_masks(text) == []


def test_masks_seed_004_every_form_with_offsets():
    text = _seed("004")
    hits = find_masks(text)
    assert all(text[m.start : m.end] == m.form for m in hits)
    assert all(a.end <= b.start for a, b in zip(hits, hits[1:]))
    forms = {m.form for m in hits}
    assert {"XX", "XXXX", "某某", "***", "*_**", "**_*", "."} <= forms
    starts = {(m.form, m.start) for m in hits}
    for form, context in (("XX", "XX健康码"), ("某某", "安某某、"), ("***", "***员提出意见"),
                          ("*_**", "*_**第五次会议"), ("**_*", "**_*作,全面"), ("XXXX", "XXXX城"), (".", "政.和协")):
        at = text.index(context) + context.index(form)
        assert (form, at) in starts


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_masks_seed_clean_documents_have_none(prefix):
    # 002 writes 二○三五 and 003 masks years as 20xx: neither is a placeholder.
    assert find_masks(_seed(prefix)) == []
