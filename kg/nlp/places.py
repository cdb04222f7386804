"""Which bare short forms of places count as places, places written one after another, and places
listed before a name.

Divisions written one after another, each inside the one before, name one place, the last
(ANNOTATION.md): 浙江省杭州市, 杭州萧山, 萧山区瓜沥镇, 内蒙古呼伦贝尔市海拉尔区, 越南河内. ``chains``
proposes each such run as one candidate linked to its last division, whose code gives the parent;
a run is longer than its parts, so it wins over them.

A county's short form (淳安, 雷山) is weak: 资源 or 新建 in running text are words, not the
counties of Guangxi and Jiangxi. It counts in its own city or province — the division the text
speaks for (``home``), or a place of that city or province named in the text — after its
province or city as one name (贵州雷山), in a list of places (建德、淳安), or in words that only a
place takes (上城经济社会发展, 支持上城发展: ``gazetteer/place_contexts.tsv``).

A township's short form (转塘 for 转塘街道, 梅城 for 梅城镇) is weaker still, as townships are
many and their names are ordinary words more often: it counts in its own county (home, or a
place of the county named in the text), after its county or city as one name (西湖区转塘), or
in a list beside a place of its own city that is not weak, or a township of its own county
(萧山区、瓶窑; 双浦、转塘). A township's full name (瓜沥镇, 转塘街道) counts anywhere, unless the
name is also a phrase (中心镇, 发展乡 in 发展乡村, 于城镇 in 高于城镇): then it is as weak as a
short form.

No short form counts right before a character that ends place names (紫金港 is not 紫金 and a
harbour, 余杭塘路 not 余杭 and a road), nor even a strong one before 湾 or 湖 (杭州湾, 青海湖
are a bay and a lake), nor a county's or township's before 遗址 (良渚遗址 is a site), nor in a
list counted in bodies (翠苑、古荡等5家社区卫生服务中心 are health centres). A place that opens
a national or international centre's name (深圳国际红树林中心) is inside that name.

A work or programme named right after a list of places begins with the last of them, like any
coordinated short form (西宁、格尔木国家物流枢纽), unless what follows that place has a name of
its own the whole list shares: 淳安、建德钱塘江源头区域生态修复项目 is 淳安, 建德 and the
project (``split_listed``).

Everything here looks up sets and dicts keyed by code: the cost grows with the candidates of a
text, not with the size of the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable, Optional, Sequence

from kg.nlp.candidates import Candidate, Entry

COUNTY_LEVELS = frozenset({"district", "county", "county-city"})
TOWNSHIP = "township"
FOREIGN_KINDS = frozenset({"country", "city"})
# Rule id prefix of a run of places written one after another; its entry is the last place.
CHAIN = "gazetteer:chain:"
# Above the district patterns' (at most 1), so a run beats a pattern match of the same span.
CHAIN_PRIORITY = 2
LIST_JOINERS = frozenset({"、", "和", "与", "及", "，"})
# A short form right before one of these is the start of another place's name: 紫金港, 余杭塘路.
PLACE_SUFFIXES = frozenset("港湾山湖江河溪桥路街巷村镇城园区岛塘坞埭浜岙畈垟")
# Any short form, strong or weak, right before 湾 or 湖 names a bay or a lake, not the place:
# 杭州湾, 青海湖 (but 安徽湖泊 are the province's lakes, 浙江湖州 a chain).
_BAY_OR_LAKE = re.compile(r"湾|湖(?![泊州南北])")
# Names listed and counted with 家, the measure word of bodies, are short names of bodies:
# 翠苑、古荡、蒋村（文新）等5家社区卫生服务中心.
_COUNTED_AS_BODIES = re.compile(
    r"[）)]?(?:[（(][^（）()、，。]{1,6}[）)])?"  # the rest of this item, and an other name in brackets
    r"(?:、[^、，。；]{1,8})*等[0-9一二三四五六七八九十两百]+家"  # the items after it, then the count
)

# A place that opens the name of a cluster, a catalogue or a list is inside that name (ANNOTATION.md:
# the outermost span only, and a place inside a title that is no entity is optional at most):
# 浙东工业母机…等国家先进制造业集群, 深圳市公共信用信息补充目录, 京津冀行政许可结果互认清单. The
# name runs on from the place without a function word or a verb; a modifier right after the place
# makes the place a place of its own (皖北重点产业集群, 湖南特色优势的产业集群), and so does a
# list of places (榆林、渭南等氢能产业集群).
_TITLE_CHAR = r"(?![的和与及在是为把对从等之])\w"
_TITLE_VERB = (
    r"(?!入选|获批|获评|列入|纳入|成为|形成|打造|建设|培育|推动|加快|支持|做大|做强|壮大|新增|建成"
    r"|实施|开展|认定|创建|编制|发布|制定|落实|完善|建立|公布|应当|按照|根据|依照|依据|可以|会同|负责"
    r"|执行|进入|不再|严格|确定|组织|调整|修订|出台|共同|需要|通过|实行|定期|研究|已经|正在|全面)"
)
_TITLE_WORDS = rf"(?:{_TITLE_VERB}{_TITLE_CHAR})"
_TITLE_AFTER = re.compile(
    r"(?!重点|特色|优势|主导|支柱|新兴|先进|传统|相关|现代|优质|各类|产业|制造业|集群|目录|清单)"
    rf"{_TITLE_WORDS}{{2,16}}?"
    rf"(?:(?:(?:、{_TITLE_WORDS}{{4,16}}?)*等{_TITLE_WORDS}{{0,10}}?)?(?:目录|清单)"
    rf"|(?:、{_TITLE_WORDS}{{4,16}}?)*等{_TITLE_WORDS}{{0,10}}?集群)"
)

# So is a place that opens the name of a centre, base or node of national or international rank:
# 深圳国际红树林中心, 大同国家数据标注基地, 杭州国家互联网骨干直联点 (PROJECT or ORG, the place
# inside). Without 国家 or 国际 after the place the rest is as often a description of what the
# place builds (包头老工业基地, 北京城市副中心 a zone), so the place stays; a centre city
# (武汉国际消费中心城市) is a designation of the city.
_FACILITY_AFTER = re.compile(
    rf"(?:国家级|国家|国际|國家級|國家|國際){_TITLE_WORDS}{{1,12}}?"
    r"(?:中心|基地|直联点|直聯點|出入口局)(?!城市)"
)


EntryOf = Callable[[Candidate], Optional[Entry]]


def opens_title(text: str, c: Candidate, next_start: Optional[int]) -> bool:
    """A place right before the rest of a cluster's, catalogue's or list's name (see
    ``_TITLE_AFTER``) or of a national or international centre's (``_FACILITY_AFTER``), unless a
    name found there begins where the place ends: then the place is joined to it
    (``rules.join_place_prefixes``)."""
    return next_start != c.end and bool(_TITLE_AFTER.match(text, c.end) or _FACILITY_AFTER.match(text, c.end))


# A place inside a name's marks is part of that name (ANNOTATION.md: the outermost span only):
# a place in brackets right after a name's last character says where that one is (高校区域技术转移
# 转化中心（福建）, 中国（太原）国际能源产业博览会, 华为（济南）软件开发云创新中心), and a place
# inside a short quoted name, slogan or brand that holds more than places is in it (“水韵江苏”文旅品牌,
# “泰安小美”站点, “六个龙江”; the gold leaves places in slogans and brands out). A quote of places
# alone, joined by dashes or plus signs, names those places (“澳门+横琴”, “深圳—香港—广州”).
_GLOSS_OPEN = frozenset("（(")
_GLOSS_CLOSE = frozenset("）)")
_QUOTE_LONGEST = 12
_QUOTE_STOPS = frozenset("“”，,。；;：:、！？!?\n")
_PLACE_JOINERS = frozenset("—－-+＋·")


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def in_name_marks(text: str, c: Candidate, places: bytearray) -> bool:
    """Whether the place ``c`` lies in a name's brackets or quote marks (see above); ``places``
    marks the characters of the places chosen in ``text``."""
    if (
        c.start >= 2 and text[c.start - 1] in _GLOSS_OPEN and text[c.end : c.end + 1] in _GLOSS_CLOSE
        and _han(text[c.start - 2])
    ):
        return True
    opening = text.rfind("“", max(0, c.start - _QUOTE_LONGEST), c.start)
    if opening < 0 or any(ch in _QUOTE_STOPS for ch in text[opening + 1 : c.start]):
        return False
    closing = text.find("”", c.end, c.end + _QUOTE_LONGEST)
    if closing < 0 or any(ch in _QUOTE_STOPS for ch in text[c.end : closing]):
        return False
    rest = [i for i in range(opening + 1, closing) if not c.start <= i < c.end]
    return any(not places[i] and text[i] not in _PLACE_JOINERS for i in rest)


def region(code: str) -> str:
    """The code prefix of a division's province (330000 -> 33) or city (330100, 330127 -> 3301)."""
    return code[:2] if code.endswith("0000") else code[:4]


def county(code: str) -> str:
    """The county a division lies in (330106011 -> 330106; a town of 东莞, 441900121, -> 441900, a
    city with no counties); none for a city or province itself."""
    if len(code) > 6:
        return code[:6]
    return code if len(code) == 6 and not code.endswith("00") else ""


def _scope(code: str) -> str:
    """The code prefix every division inside this one begins with: 33 for a province, 3301 for
    a city, the whole code below that."""
    if code.endswith("0000"):
        return code[:2]
    if len(code) == 6 and code.endswith("00"):
        return code[:4]
    return code


def within(code: str, area: str) -> bool:
    """Whether the division ``code`` lies in (or is) the division ``area``."""
    return bool(code and area) and code.startswith(_scope(area))


def inside(child: Entry, parent: Entry) -> bool:
    """Whether ``child`` lies in ``parent``: a division or zone by its code (a zone by its parent
    division's), a foreign city by its country."""
    if parent.code:
        own = child.code or child.parent
        return bool(own) and child.code != parent.code and own.startswith(_scope(parent.code))
    return bool(child.within) and child.within == parent.id


def weak(entry: Optional[Entry], written: str) -> bool:
    return bool(
        entry
        and entry.code
        and (entry.level in COUNTY_LEVELS or entry.level == TOWNSHIP)
        and (written != entry.name or entry.name_needs_context)
    )


def chains(text: str, found: Sequence[Candidate], entry_of: EntryOf) -> list[Candidate]:
    """One candidate for each run of places written one after another, each inside the one before
    it: the whole run, linked to its last place. Runs are found right to left, each place looking
    only at the places that begin where it ends."""
    by_start: dict[int, list[tuple[Candidate, Entry]]] = {}
    for c in found:
        entry = entry_of(c) if c.label == "DISTRICT" and c.entry else None
        if entry is not None:
            by_start.setdefault(c.start, []).append((c, entry))
    # (start, end, entry id) of a place -> (end, last entry) of the longest run it begins
    runs: dict[tuple[int, int, str], tuple[int, Entry]] = {}
    out: dict[tuple[int, int, str], Candidate] = {}
    for start in sorted(by_start, reverse=True):
        for c, entry in by_start[start]:
            end, last = c.end, entry
            for nxt, child in by_start.get(c.end, ()):
                if not inside(child, entry) or _cut_short(text, nxt, child):
                    continue
                run_end, run_last = runs[(nxt.start, nxt.end, child.id)]
                if run_end > end:
                    end, last = run_end, run_last
            runs[(c.start, c.end, entry.id)] = (end, last)
            if end > c.end:
                out.setdefault((c.start, end, last.id), Candidate(c.start, end, "DISTRICT", CHAIN + last.id, CHAIN_PRIORITY, last.id))
    return list(out.values())


def _names_water(text: str, c: Candidate, entry: Optional[Entry]) -> bool:
    """A division's short form that begins the name of a bay or a lake (杭州湾, 青海湖)."""
    return (
        entry is not None and bool(entry.code) and not c.rule.startswith(CHAIN)
        and text[c.start : c.end] != entry.name and bool(_BAY_OR_LAKE.match(text, c.end))
    )


# A division's short form right before 遗址 names an ancient site, not the place: 良渚遗址, 红山文化
# 遗址, 南宋临安城遗址 (ANNOTATION.md: a site is a scenic spot, a DISTRICT only as a whole name).
# Cities and provinces are named before 遗址 as the place whose sites they are.
_SITE = re.compile(r"(?:古城|故城|城|文化)?(?:遗址|遺址)")


def _names_site(text: str, c: Candidate, entry: Optional[Entry]) -> bool:
    """A county's or township's short form that begins the name of an ancient site (良渚遗址); a
    city's or province's stays (西安遗址保护 is rather the city's sites)."""
    return (
        entry is not None and bool(entry.code) and not c.rule.startswith(CHAIN)
        and (entry.level in COUNTY_LEVELS or entry.level == TOWNSHIP)
        and text[c.start : c.end] != entry.name and bool(_SITE.match(text, c.end))
    )


def _cut_short(text: str, c: Candidate, entry: Entry) -> bool:
    """A short form right before a character that ends place names begins another name."""
    return text[c.start : c.end] != entry.name and text[c.end : c.end + 1] in PLACE_SUFFIXES


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
    entry_of: EntryOf,
    home: str = "",
    contexts: Sequence[PlaceContext] = (),
) -> tuple[list[Candidate], list[Candidate]]:
    """``chosen`` without the weak short forms that no context supports, and those left out. A
    span takes its strong reading if it has one (襄阳 the city, not the former district), and
    among places of one name the one nearest the places named (朝阳 of Changchun beside 长春)."""

    def is_weak(c: Candidate) -> bool:
        return not c.rule.startswith(CHAIN) and weak(entry_of(c), text[c.start : c.end])

    def order(a: Candidate) -> tuple[bool, bool]:
        return is_weak(a), bool(entry_of(a).until)  # strong first, then places that still exist

    def reading(c: Candidate) -> Candidate:
        """The gazetteer reading of a span to keep: a pattern's match too is the place listed
        under its name (瓜沥镇), when that reading is strong."""
        alternatives = readings.get((c.start, c.end))
        if not alternatives or c.rule.startswith(CHAIN) or c.label != "DISTRICT":
            return c
        best = min(alternatives, key=order)
        return best if c.entry or not is_weak(best) else c

    chosen = [reading(c) for c in chosen]
    # Where the text is: places named by a name of one reading only, and the home division.
    strong = [entry_of(c) for c in chosen if not is_weak(c) and len(readings.get((c.start, c.end), ())) <= 1]
    codes = [e.code for e in strong if e and e.code] + ([home] if home else [])
    regions = {region(code) for code in codes}
    # the counties named, and the cities, as a few (东莞, 中山) hold townships without counties
    counties = {county(code) for code in codes} | set(codes)

    def near(entry: Entry) -> bool:
        if entry.level == TOWNSHIP:
            return county(entry.code) in counties
        return bool(entry.code) and any(entry.code.startswith(r) for r in regions)

    # A name that begins with the last of listed places (西宁、格尔木国家物流枢纽) lists that place.
    first_place: dict[int, Candidate] = {}
    for (start, end), alternatives in readings.items():
        if start not in first_place or end > first_place[start].end:
            first_place[start] = alternatives[0]
    listing = [
        first_place[c.start] if c.label != "DISTRICT" and c.start in first_place and first_place[c.start].end < c.end else c
        for c in chosen
    ]
    places = bytearray(len(text))
    for c in chosen:
        if c.label == "DISTRICT":
            places[c.start : c.end] = b"\x01" * (c.end - c.start)
    kept: list[Candidate] = []
    dropped: list[Candidate] = []
    for i, c in enumerate(chosen):
        alternatives = readings.get((c.start, c.end), [c])
        following = chosen[i + 1] if i + 1 < len(chosen) and chosen[i + 1].label != "DISTRICT" else None
        if c.label == "DISTRICT" and opens_title(text, c, following.start if following else None):
            dropped.append(c)
            continue
        if c.label == "DISTRICT" and in_name_marks(text, c, places):
            dropped.append(c)
            continue
        if _names_water(text, c, entry_of(c)) or _names_site(text, c, entry_of(c)):
            dropped.append(c)
            continue
        if not is_weak(c):
            if len(alternatives) > 1 and not c.rule.startswith(CHAIN):
                c = next((a for a in alternatives if not is_weak(a) and near(entry_of(a))), c)
            kept.append(c)
            continue
        if text[c.end : c.end + 1] in PLACE_SUFFIXES or _COUNTED_AS_BODIES.match(text, c.end):
            dropped.append(c)
            continue
        at_home = [a for a in alternatives if near(entry_of(a))]
        if at_home:
            kept.append(at_home[0])
        elif _listed(text, listing, i, entry_of, is_weak):
            kept.append(c)
        elif entry_of(c).level != TOWNSHIP and any(x.around(text, c.start, c.end) for x in contexts):
            kept.append(c)
        else:
            dropped.append(c)
    return kept, dropped


# What is left of a name once a place is split off its front must still be a name.
_MIN_REST = 4


# A water's or mountain's name opening what follows the place: the work has a name of its own.
_OWN_NAME = re.compile(r"[\u4e00-\u9fff]{1,3}[江河湖山]")


def split_listed(
    text: str,
    chosen: Sequence[Candidate],
    readings: dict[tuple[int, int], list[Candidate]],
    verb_at: Callable[[int, str], bool] = lambda pos, label: False,
) -> list[Candidate]:
    """Split the place off the front of a work or programme named right after a list of places,
    where the rest has a name of its own that the list shares (淳安、建德 + 钱塘江源头…项目) or
    begins with a verb (``verb_at``: 郑州、开封 + 创建…城市). Otherwise the last place begins
    the name, like any coordinated short form (ANNOTATION.md: 之江、西湖实验室): 西宁、
    格尔木国家物流枢纽, 南宁、贵港国家产融合作试点."""
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
                if not (_OWN_NAME.match(text, end) or verb_at(end, c.label)):
                    out.append(c)
                    continue
                out += [readings[(c.start, end)][0], Candidate(end, c.end, c.label, c.rule, c.priority, c.entry)]
                continue
        out.append(c)
    return out


def _listed(text: str, chosen: Sequence[Candidate], i: int, entry_of: EntryOf, is_weak) -> bool:
    """Next to another place, with only a list mark between: 建德、淳安、桐庐. A township's
    short form needs a neighbour of its own city that is not weak, or a township of its own
    county: among the country's townships some name is always close to any word."""
    entry = entry_of(chosen[i])
    for j in (i - 1, i + 1):
        if not (0 <= j < len(chosen) and chosen[j].label == "DISTRICT"):
            continue
        a, b = sorted((chosen[i], chosen[j]), key=lambda c: c.start)
        if text[a.end : b.start] not in LIST_JOINERS:
            continue
        if entry.level != TOWNSHIP:
            return True
        other = entry_of(chosen[j])
        if other is None or not other.code:
            continue
        if is_weak(chosen[j]) and other.level == TOWNSHIP and county(other.code) == county(entry.code):
            return True
        if not is_weak(chosen[j]) and entry.code.startswith(region(other.code)):
            return True
    return False


# Verbs that zone names contain (经济技术开发区, 旅游度假区, 承接产业转移集聚区, 跨境电子商务
# 综合试验区): a zone is not cut at them.
_ZONE_VERBS = frozenset({
    "开发", "度假", "集聚", "孵化", "承接", "转移", "联动", "特别", "创意", "休闲", "毗邻", "共建",
    "搬迁", "安置", "合作", "示范", "发展", "创新", "融合", "加工", "制造", "出口", "保税", "试验",
    "先行", "协同", "引领", "带动", "辐射", "创业", "科创", "改革", "开放", "综合",
    "至",  # a corridor between places: 赤峰至锦州港至上海绿氢走廊
})


# A word that begins with the last character of a zone's kind is a chain of zones the segmenter
# misread (之江文化产业带|上城发展极 read as 产业/带上/城).
_ZONE_ENDS = frozenset("带区城园镇港廊圈")
_BARE_ZONE = 3  # 新区, 科学城: no name before the kind


def trim_zone_verbs(
    text: str, found: list[Candidate], words: dict[int, int], cuts: Callable[[str], bool]
) -> list[Candidate]:
    """A zone that a name-shape rule found across a verb or a preposition begins after it: the
    rule's left boundary read a clause as the name (确需占用|湘湖度假区, 集团增资|宝坻…科技城,
    去攻克|科学城). ``cuts`` says which words a name never runs across; what remains is judged
    like any name, and a bare kind (科学城, 新区) is none."""
    out = []
    for c in found:
        if c.label == "DISTRICT" and c.entry is None and c.rule.startswith("district-"):
            cut, pos = None, c.start
            while pos < c.end:
                end = words.get(pos)
                if end is None:
                    pos += 1
                    continue
                word = text[pos:end]
                if end < c.end and word not in _ZONE_VERBS and word[0] not in _ZONE_ENDS and cuts(word):
                    cut = end
                pos = end
            if cut is not None:
                if c.end - cut <= _BARE_ZONE:
                    continue  # only the zone's kind is left: 去攻克|科学城, 财政返还|新区
                c = replace(c, start=cut)
        out.append(c)
    return out
