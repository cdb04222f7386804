"""Split a document's text into sections, paragraphs and sentences.

Works on normalized text and on raw text alike: half- and full-width punctuation, and
Simplified or Traditional script for the words that signal headings and tense.
"""

from __future__ import annotations

import re
from typing import Optional

from kg.ingest.model import Paragraph, Section, Sentence, Tense

# Traditional forms of the Simplified characters used in the patterns below, so that
# raw Traditional-script text is matched too.
_TRAD = dict(
    zip(
        "区县乡镇长届会议规划纲报务标顾过后来导绩况点发时间开国产党员关单总结进实达龙门见设计论",
        "區縣鄉鎮長屆會議規劃綱報務標顧過後來導績況點發時間開國產黨員關單總結進實達龍門見設計論",
    )
)


def variants(pattern: str) -> str:
    """Let each Simplified character of a regex pattern also match its Traditional form."""
    return "".join(f"[{c}{_TRAD[c]}]" if c in _TRAD else c for c in pattern)


_CN_NUM = "一二三四五六七八九十"
_L1 = re.compile(rf"[{_CN_NUM}]{{1,3}}[、．]")
_L2 = re.compile(rf"[（(][{_CN_NUM}]{{1,3}}[)）]")
# 1、 1. 1． but not a decimal (1.71) nor a list like 1、2月.
_L3 = re.compile(r"\d{1,2}(?:、|[.．](?!\d))\s*(?!\d)")
_HEAD_STOP = re.compile(r"[。！？；!?;：:]")
_MAX_NUMBERED_HEADING = 60
_MAX_PLAIN_HEADING = 30

_PLAIN_HEADING_WORD = re.compile(
    variants(
        "回顾|目标|任务|重点工作|主要工作|建议|情况|总体要求|基本要求|指导思想|展望|成绩|"
        "工作安排|工作部署|基本思路|主要成效"
    )
)
# A title or a portal line, not a section heading.
_NOT_PLAIN_HEADING = re.compile(variants(r"报告|纲要|《|》|^关于|^[（(]|^——|^\d{4}年\d{1,2}月"))
_CLAUSE_PUNCT = re.compile(r"[。！？；!?;：:，,]")
_SALUTATION = re.compile(variants(r"^(各位代表|各位委员|同志们|各位)"))
_BODY_MIN = 60  # a paragraph this long means the running text has begun

_REVIEW = variants(r"回顾|过去|成绩|成效|情况|总结|进展|上年|去年|一年来|五年来")
_PLAN = variants(
    r"目标|任务|重点工作|主要工作|今后|未来|展望|建议|指导思想|总体要求|基本要求|"
    r"工作安排|部署|今年|明年|下一步|思路"
)
_SIGNAL = re.compile(rf"(?P<review>{_REVIEW})|(?P<plan>{_PLAN})")
_COORD = re.compile(r"和|与|及|暨|、")

_TERMINATORS = set("。！？!?；;")
_CLOSERS = set("”’」』）)》】〉\"'")
_OPENERS = {"（": "）", "(": ")", "《": "》", "【": "】", "〈": "〉"}
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』"}


def heading_tense(heading: str) -> Optional[Tense]:
    """The tense a heading signals by itself, or None when it says nothing.

    Chinese noun phrases put the head last, so the last signal wins
    (`目标任务完成情况` is a review); headings coordinating a review and a plan are `other`.
    """
    hits = [(m.start(), m.lastgroup) for m in _SIGNAL.finditer(heading)]
    if not hits:
        return None
    kinds = {k for _, k in hits}
    if len(kinds) == 2:
        first = {k: p for p, k in reversed(hits)}
        lo, hi = sorted(first.values())
        if _COORD.search(heading, lo, hi):
            return "other"
    return hits[-1][1]  # type: ignore[return-value]


def _numbered_heading(line: str) -> Optional[tuple[int, int, int]]:
    """(level, heading length, number) for a line opening with a section number."""
    for level, pattern in ((1, _L1), (2, _L2), (3, _L3)):
        m = pattern.match(line)
        if not m:
            continue
        stop = _HEAD_STOP.search(line, m.end())
        length = len(line[: stop.start() if stop else len(line)].rstrip())
        if length == m.end():
            return None
        digits = re.sub(r"\D", "", m.group())
        return level, length, int(digits) if digits else _cn_number(m.group())
    return None


def _cn_number(marker: str) -> int:
    """一 → 1, 十一 → 11, 二十三 → 23 (markers stay below 100)."""
    digits = [c for c in marker if c in _CN_NUM]
    if not digits:
        return 0
    values = [_CN_NUM.index(c) + 1 for c in digits]
    if 10 not in values:
        return values[0]
    i = values.index(10)
    return (values[i - 1] if i else 1) * 10 + (values[i + 1] if i + 1 < len(values) else 0)


def _plain_heading(line: str) -> bool:
    return (
        len(line) <= _MAX_PLAIN_HEADING
        and not _CLAUSE_PUNCT.search(line)
        and not _NOT_PLAIN_HEADING.search(line)
        and _PLAIN_HEADING_WORD.search(line) is not None
    )


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def _sentence_spans(text: str, start: int, end: int, track_quotes: bool = True) -> list[tuple[int, int]]:
    """Clause-final splits within one paragraph, not inside brackets or quotes."""
    cuts: list[int] = []
    stack: list[str] = []
    pairs = {**_OPENERS, **_QUOTES} if track_quotes else _OPENERS
    closing = set(pairs.values())
    i = start
    while i < end:
        ch = text[i]
        if ch in pairs:
            stack.append(pairs[ch])
        elif ch in closing and stack and stack[-1] == ch:
            stack.pop()
            # `…。”` ends the sentence after the quote.
            if not stack and text[i - 1] in _TERMINATORS:
                i = _after_closers(text, i + 1, end)
                cuts.append(i)
                continue
        elif ch in _TERMINATORS and not stack:
            i = _after_closers(text, i + 1, end)
            cuts.append(i)
            continue
        i += 1
    if stack and track_quotes:
        # Unbalanced quotes in a broken line would swallow it: split ignoring quotes.
        return _sentence_spans(text, start, end, track_quotes=False)
    out = []
    for s, e in zip([start] + cuts, cuts + [end]):
        seg = text[s:e]
        if seg.strip():
            s2 = s + len(seg) - len(seg.lstrip())
            out.append((s2, s2 + len(seg.strip())))
    return out


def _after_closers(text: str, i: int, end: int) -> int:
    while i < end and (text[i] in _TERMINATORS or text[i] in _CLOSERS):
        i += 1
    return i


def _rank(heads: list[tuple[int, int, int, int]], k: int) -> int:
    """Nesting rank of a heading: lower encloses higher.

    A plain heading encloses the numbered ones when their numbering restarts under it
    (`2019年工作回顾` / `一、…` … `2020年重点工作` / `一、…`); otherwise it sits at rank 1.
    """
    level = heads[k][1]
    if level:
        return level
    for _, nxt_level, _, number in heads[k + 1 :]:
        if nxt_level == 0:
            return 1
        return 0 if (nxt_level, number) == (1, 1) else 1
    return 1


def split_structure(text: str) -> tuple[list[Section], list[Paragraph], list[Sentence]]:
    para_spans = _paragraph_spans(text)

    # Headings: (paragraph index, level, heading length, number).
    heads: list[tuple[int, int, int, int]] = []
    last_number = {1: 0, 2: 0, 3: 0}
    body_started = False
    for pi, (s, e) in enumerate(para_spans):
        line = text[s:e]
        numbered = _numbered_heading(line)
        if numbered:
            level, length, number = numbered
            # A long first clause is a list item, unless it continues the numbering.
            if length <= _MAX_NUMBERED_HEADING or number == last_number[level] + 1:
                heads.append((pi, level, length, number))
                last_number[level] = number
                body_started = True
                continue
        # Plain headings only once the running text has begun: above it sit titles.
        if body_started and _plain_heading(line):
            heads.append((pi, 0, len(line), 0))
        if _SALUTATION.match(line) or len(line) >= _BODY_MIN:
            body_started = True

    ranks = [_rank(heads, k) for k in range(len(heads))]

    def closes(j: int, k: int) -> bool:
        """Heading j ends the section opened by heading k."""
        return ranks[j] <= ranks[k] or heads[j][1] == heads[k][1] == 0

    sections: list[Section] = []
    stack: list[int] = []
    para_section: list[Optional[int]] = [None] * len(para_spans)
    for k, (pi, level, length, _) in enumerate(heads):
        while stack and closes(k, stack[-1]):
            stack.pop()
        parent = stack[-1] if stack else None
        stack.append(k)
        end_pi = next((heads[j][0] for j in range(k + 1, len(heads)) if closes(j, k)), len(para_spans))
        own_end = heads[k + 1][0] if k + 1 < len(heads) else len(para_spans)
        for p in range(pi, own_end):
            para_section[p] = k
        start = para_spans[pi][0]
        heading = text[start : start + length]
        tense = heading_tense(heading) or (sections[parent].tense if parent is not None else "other")
        sections.append(Section(start, para_spans[end_pi - 1][1], heading, level, tense, parent))

    paragraphs = [Paragraph(s, e, para_section[i]) for i, (s, e) in enumerate(para_spans)]
    sentences = [
        Sentence(ss, se, i, para_section[i])
        for i, (s, e) in enumerate(para_spans)
        for ss, se in _sentence_spans(text, s, e)
    ]
    return sections, paragraphs, sentences
