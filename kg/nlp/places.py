"""Which bare short forms of places count as places, and places listed before a name.

A county's short form (淳安, 雷山) is weak: 资源 or 新建 in running text are words, not the
counties of Guangxi and Jiangxi. It counts in its own city or province — the division the text
speaks for (``home``), or a place of that city or province named in the text — beside its
province or city, as one name (贵州雷山), in a list of places (建德、淳安), or in words that only
a place takes (上城经济社会发展, 支持上城发展: ``gazetteer/place_contexts.tsv``).

A township's short form (转塘 for 转塘街道, 梅城 for 梅城镇) is weaker still, as townships are
many and their names are ordinary words more often: it counts in its own county (home, or a
place of the county named in the text), after its county or city as one name (西湖区转塘), or
in a list beside a place that is not weak or a township of the same county (双浦、转塘).

No short form counts right before a character that ends place names (紫金港 is not 紫金 and a
harbour, 余杭塘路 not 余杭 and a road), nor in a list counted in bodies (翠苑、古荡等5家社区卫生
服务中心 are health centres).

A work or programme named right after a list of places, and beginning with a place itself,
belongs to the whole list: 淳安、建德钱塘江源头区域生态修复项目 is 淳安, 建德 and the project
(``split_listed``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from kg.nlp.candidates import Candidate, Entry

COUNTY_LEVELS = frozenset({"district", "county", "county-city"})
TOWNSHIP = "township"
LIST_JOINERS = frozenset({"、", "和", "与", "及", "，"})
# A short form right before one of these is the start of another place's name: 紫金港, 余杭塘路.
PLACE_SUFFIXES = frozenset("港湾山湖江河溪桥路街巷村镇城园区岛塘坞埭浜岙畈垟")
# Names listed and counted with 家, the measure word of bodies, are short names of bodies:
# 翠苑、古荡、蒋村（文新）等5家社区卫生服务中心.
_COUNTED_AS_BODIES = re.compile(
    r"[）)]?(?:[（(][^（）()、，。]{1,6}[）)])?"  # the rest of this item, and an other name in brackets
    r"(?:、[^、，。；]{1,8})*等[0-9一二三四五六七八九十两百]+家"  # the items after it, then the count
)


def region(code: str) -> str:
    """The code prefix of a division's province (330000 -> 33) or city (330100, 330127 -> 3301)."""
    return code[:2] if code.endswith("0000") else code[:4]


def county(code: str) -> str:
    """The county a division lies in (330106011 -> 330106); none for a city or province."""
    return code[:6] if len(code) >= 6 and not code[:6].endswith("00") else ""


def weak(entry: Optional[Entry], written: str) -> bool:
    return bool(
        entry and entry.code and (entry.level in COUNTY_LEVELS or entry.level == TOWNSHIP) and written != entry.name
    )


@dataclass(frozen=True)
class PlaceContext:
    id: str
    before: str
    after: str

    def around(self, text: str, start: int, end: int) -> bool:
        return text.startswith(self.after, end) and text.endswith(self.before, 0, start)


def keep_places(
    text: str,
    chosen: Sequence[Candidate],
    readings: dict[tuple[int, int], list[Candidate]],
    entry_of: Callable[[Candidate], Optional[Entry]],
    home: str = "",
    contexts: Sequence[PlaceContext] = (),
) -> list[Candidate]:
    """``chosen`` without the weak short forms that no context supports; a weak form may take
    another reading of its span (朝阳 of Changchun rather than of Beijing)."""

    def is_weak(c: Candidate) -> bool:
        return weak(entry_of(c), text[c.start : c.end])

    def inside_a_name(c: Candidate) -> bool:
        return text[c.end : c.end + 1] in PLACE_SUFFIXES

    strong = [e for e in map(entry_of, (c for c in chosen if not is_weak(c))) if e and e.code]
    regions = {region(e.code) for e in strong} | ({region(home)} if home else set())
    counties = {county(e.code) for e in strong} | {county(home)}
    counties.discard("")

    def near(entry: Entry) -> bool:
        if entry.level == TOWNSHIP:
            return county(entry.code) in counties
        return any(entry.code.startswith(r) for r in regions)

    kept: list[Candidate] = []
    for i, c in enumerate(chosen):
        if not is_weak(c):
            kept.append(c)
            continue
        if inside_a_name(c) or _COUNTED_AS_BODIES.match(text, c.end):
            continue
        previous = kept[-1] if kept else None
        parent = entry_of(previous) if previous else None
        alternatives = readings.get((c.start, c.end), [c])
        if previous and previous.end == c.start and parent and parent.code:
            under = [a for a in alternatives if entry_of(a).code.startswith(region(parent.code))]
            if under:
                # 贵州雷山, 长春朝阳, 西湖区转塘: one name, written with its province or city.
                a = under[0]
                kept[-1] = Candidate(previous.start, a.end, a.label, a.rule, a.priority, a.entry)
                continue
        at_home = [a for a in alternatives if near(entry_of(a))]
        if at_home:
            kept.append(at_home[0])
        elif _listed(text, chosen, i, entry_of, is_weak):
            kept.append(c)
        elif entry_of(c).level != TOWNSHIP and any(x.around(text, c.start, c.end) for x in contexts):
            kept.append(c)
    return kept


# What is left of a name once a place is split off its front must still be a name.
_MIN_REST = 4


def split_listed(
    text: str, chosen: Sequence[Candidate], readings: dict[tuple[int, int], list[Candidate]]
) -> list[Candidate]:
    """Split the place off the front of a work or programme named right after a list of places."""
    ends_at: dict[int, list[int]] = {}
    for start, end in readings:
        ends_at.setdefault(start, []).append(end)
    out: list[Candidate] = []
    for c in chosen:
        previous = out[-1] if out else None
        after_a_place = previous is not None and previous.label == "DISTRICT" and text[previous.end : c.start] == "、"
        if c.label in ("PROJECT", "PROGRAM") and after_a_place:
            ends = [e for e in ends_at.get(c.start, ()) if e <= c.end - _MIN_REST]
            if ends:
                end = max(ends)
                out += [readings[(c.start, end)][0], Candidate(end, c.end, c.label, c.rule, c.priority, c.entry)]
                continue
        out.append(c)
    return out


def _listed(text: str, chosen: Sequence[Candidate], i: int, entry_of, is_weak) -> bool:
    """Next to another place, with only a list mark between: 建德、淳安、桐庐. A township's
    short form needs a neighbour that is not weak, or a township of its own county."""
    entry = entry_of(chosen[i])
    for j in (i - 1, i + 1):
        if not (0 <= j < len(chosen) and chosen[j].label == "DISTRICT"):
            continue
        a, b = sorted((chosen[i], chosen[j]), key=lambda c: c.start)
        if text[a.end : b.start] not in LIST_JOINERS:
            continue
        other = entry_of(chosen[j])
        if entry.level != TOWNSHIP or not is_weak(chosen[j]) or (other and county(other.code) == county(entry.code)):
            return True
    return False
