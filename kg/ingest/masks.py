"""Find placeholders that hide real text: ``XX市``, ``某某``, ``***``, ``*_**``, ``○○``, ``××``.

Masked years (``20xx``, ``201x``) are left out on purpose: they hide a year, not a name, and are
handled by the year logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MaskHit:
    start: int
    end: int
    form: str  # the literal masked text


# Letters and digits, ASCII and full-width: a run of X touching one is a word, code or masked year.
_ALNUM = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"
# Chinese numerals: 〇/○ next to one is a zero (二○三五年), not a placeholder.
_CN_DIGITS = "零一二三四五六七八九十百千两"
# CJK ideographs, for the scrambling dot between two of them.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff"

_PATTERNS = (
    # XX市, XX健康码, XXXX城; not XXL, 20xx, 0xFF.
    rf"(?<![{_ALNUM}])[XxＸｘ]{{2,}}(?![{_ALNUM}])",
    # 某某, 某某某; a single 某 is ordinary prose (某地, 某种).
    r"某{2,}",
    # ***, *_**, **_*: at least two stars, underscores only between them.
    r"[*＊﹡][*＊﹡_＿]*[*＊﹡]",
    # □□, ■■, ××; circles only when they are not zeros in a Chinese numeral or a masked year.
    r"[□■×]{2,}",
    rf"(?<![{_CN_DIGITS}0-9])[○〇]{{2,}}(?![{_CN_DIGITS}年])",
    # Download sites scramble copied text with a stray ASCII dot between two ideographs (政.和协).
    rf"(?<=[{_HAN}])\.(?=[{_HAN}])",
)
_MASK = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


def find_masks(text: str) -> list[MaskHit]:
    """Placeholder runs in ``text``, sorted by offset and non-overlapping."""
    return [MaskHit(m.start(), m.end(), m.group()) for m in _MASK.finditer(text)]
