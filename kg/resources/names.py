"""How two written names are compared (ANNOTATION.md): quote and title marks off both ends, then a
trailing noun of working on the thing (建设, 工作, 创建) where a name of two or more characters
remains. The scorer compares so, and the learned refiner learns so (kg/nlp/learned)."""

from __future__ import annotations

MARKS = "“”‘’\"'《》〈〉「」『』"
# ANNOTATION.md: "a noun of working on it stays out (建设, 工作, 创建)"; scoring ignores it either way.
WORK_NOUNS = ("建设", "工作", "创建", "建設", "創建")
_MIN_NAME = 2


def _trim_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in MARKS:
        start += 1
    while end > start and text[end - 1] in MARKS:
        end -= 1
    return start, end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span as scored: marks off both ends, then one trailing work noun when a name of two or
    more characters remains (its marks trimmed again: “五水共治”工作 is 五水共治)."""
    start, end = _trim_marks(text, start, end)
    for noun in WORK_NOUNS:
        if end - len(noun) >= start and text.startswith(noun, end - len(noun), end):
            name = _trim_marks(text, start, end - len(noun))
            if name[1] - name[0] >= _MIN_NAME:
                return name
            break
    return start, end
