"""Document-level metadata: title, kind, area, years, date and speaker.

Everything is read from evidence in the text; masked values (`XX市`, `20xx年`) are left
None rather than guessed. Works on normalized and raw text (half-width punctuation,
Traditional script).

The area is the place the document speaks for, by the strongest evidence there is: a statement
(`我代表…人民政府`, `在…第N届人民代表大会`, a regulation's `…常务委员会第N次会议通过`), else the
place a title opens with (`2025年宁夏政府工作报告`, `深圳经济特区…条例`), else how the text names
itself (`全省`, `我市` and the place of that level it names most; `我国`, `全国` or an address
to every province for the country). Names resolve through the division table to official
names (宁夏 → 宁夏回族自治区); the country is 中国, level ``country``.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from kg.ingest.model import Metadata, Script, Section, YearEvidence
from kg.ingest.structure import variants as _v
from kg.resources.divisions import COUNTRY, Division, Divisions, load_divisions

_HEAD_CHARS = 4000  # the opening where titles, speakers and sessions are stated
_TOP_LINES = 30
_MAX_TITLE = 60
_CJK = "\u4e00-\u9fff"
_MASK = "XxＸｘ*＊_×○□■某"
_NAME = rf"[{_CJK}{_MASK}]"

# --- title and kind -----------------------------------------------------------------

# Titles are head-final: they end in the kind of document, maybe with `(草案)`.
_TITLE_END = re.compile(
    _v(
        r"(?:报告|规划|纲要|建议|意见|方案|决定|通知|办法|条例|规定|规则|细则|措施|指南|讲话|计划|公报)"
        r"(?:[（(][^（()）]{1,8}[)）])?$"
    )
)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s*")
_NOT_TITLE = re.compile(_v(r"预览|下载|分享|来源|浏览|索引号|发布单位|本文|举报|[:：。，,]"))
_TITLE_TAIL = re.compile(
    _v(r"\s*(?:发布时间|发布日期|更新时间|时间|日期)\s*[:：].*$|\s*[（(]?附?全文[)）]?\s*$")
)
_BODY_START = re.compile(_v(r"^(各位代表|各位委员|同志们)"))

_KINDS = [
    (
        "government-work-report",
        re.compile(
            _v(
                r"政府工作报告|向大会报告工作"
                # 我代表国务院，向大会报告过去五年政府工作; 我代表中央人民政府作工作报告
                r"|我代表[^。\n]{0,20}?(?:政府|国务院)[^。\n]{0,20}?(?:报告[^。\n]{0,12}?工作|作[^。\n]{0,4}?工作报告)"
            )
        ),
    ),
    ("plan-outline", re.compile(_v(r"规划[^。\n]{0,20}纲要"))),
    ("plan-proposal", re.compile(_v(r"规划[^。\n]{0,40}建议|规划建议"))),
]
# Kinds only a title tells: laws and rules of a people's congress or a government, and plans.
_TITLE_KINDS = [
    ("regulation", re.compile(_v(r"(?:条例|规定|规则|细则|办法)(?:[（(][^（()）]{1,8}[)）])?$"))),
    ("plan", re.compile(_v(r"(?:五年计划|五年规划|发展规划|规划)(?:纲要)?(?:[（(][^（()）]{1,12}[)）])?$"))),
]

# --- area -----------------------------------------------------------------------------

_UNIT = re.compile(rf"{_NAME}+?(?:{_v('自治区|特别行政区|自治州|自治县|街道|省|市|区|县|旗|镇|乡')})")
_LEVELS = [
    (_v("自治区|特别行政区|省"), "province"),
    (_v("自治州|市"), "city"),
    (_v("区"), "district"),
    (_v("自治县|县|旗"), "county"),
    (_v("街道|镇|乡"), "township"),
]
_SPECIFICITY = {"country": -1, "province": 0, "city": 1, "district": 2, "county": 2, "township": 3}
# The levels of divisions.tsv as a document's area level: a county-level city is a county.
_AREA_LEVEL = {"country": "country", "province": "province", "city": "city", "county-city": "county",
               "district": "district", "county": "county"}
_NUM = "[一二三四五六七八九十\\d]"
_AREA_PATTERNS = [
    re.compile(_v(rf"我代表({_NAME}{{0,15}}?)人民政府")),
    re.compile(_v(rf"在({_NAME}{{2,20}}?)第{_NUM}+届\s*人民代表大会")),
    re.compile(_v(rf"中共({_NAME}{{2,15}}?)委(?:员会)?关于")),
    re.compile(_v(rf"中国共产党({_NAME}{{2,15}}?)第{_NUM}+届委员会")),
    re.compile(_v(rf"^\s*({_NAME}{{2,15}}?)人民政府代?理?(?:省长|市长|区长|县长|州长|镇长|乡长|主席)"), re.M),
    # a local regulation: passed by the standing committee of the area's own congress (and
    # approved, 批准, by the province's: that line says nothing of the area)
    re.compile(_v(rf"^[^\n]{{0,20}}?日\s*({_NAME}{{2,20}}?)第?{_NUM}+届\s*人民代表大会常务委员会第{_NUM}+次会议[^\n]{{0,30}}?通过"), re.M),
]
# Statements of the national government and legislature.
_COUNTRY_PATTERNS = [
    re.compile(_v(r"我代表(?:国务院|中央人民政府)")),
    re.compile(_v(rf"在第{_NUM}+届\s*全国人民代表大会")),
    re.compile(_v(r"^\s*国务院(?:代理)?总理"), re.M),
]
_TITLE_AREA = re.compile(_v(rf"^(?:\S*?年度?)?({_NAME}{{2,15}}?)(?:人民)?政府工作报告"))
_TITLE_PREFIX = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4}|20[0-9xX]{2})年度?")
_TITLE_COUNTRY = re.compile(_v(r"^(?:中华人民共和国|国务院|中共中央|党中央|全国人民代表大会|全国人大)"))
# How a text names its own area, by the ending of the name of a division of that level; 全市场
# and 全区域 are no area.
_SELF_WORDS = [
    (re.compile(_v(r"(?:全|我|本)省")), "省"),
    (re.compile(_v(r"(?:全|我|本)市(?!场)")), "市"),
    (re.compile(_v(r"(?:全|我|本)区(?!域|块)")), "区"),
    (re.compile(_v(r"(?:全|我|本)县")), "县"),
    (re.compile(_v(r"(?:全|我|本)州")), "州"),
    (re.compile(_v(r"(?:全|我|本)盟")), "盟"),
    (re.compile(_v(r"(?:全|我|本)旗")), "旗"),
]
_MIN_SELF = 2  # one 全市 may quote another place; twice is the text's own voice
_COUNTRY_WORDS = re.compile(
    _v(r"全国|我国|各省、自治区、直辖市|各省（自治区、直辖市）|各省（区、市）|各省区市|党中央、国务院|中共中央、国务院")
)
_NAMES_SCANNED = 20000  # characters read for the places a text names most

# --- date -----------------------------------------------------------------------------

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "0": 0, "○": 0}
_YEAR = r"\d{4}|[〇○零一二三四五六七八九0]{4}"
_MD = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
_DELIVERY = re.compile(_v(rf"({_YEAR})年({_MD})月({_MD})日\s*在[^\n。]{{0,60}}?(?:会议|大会)上"))
_PUBLISHED = re.compile(
    _v(r"(?:发布时间|发布日期|公开日期|成文日期|发文日期|印发日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
)

# --- years ----------------------------------------------------------------------------

_FIVE_YEAR = re.compile(_v(r"十([一二三四五])五|第([一二三四五六七八九十]{1,3})个五年"))
_ORDINAL_YEAR = re.compile(
    _v(
        r"(?:(?P<year>(?:20|二〇|二○)[0-9xXＸ×*＊]{2}|20[0-9]?[xXＸ×*＊])年|(?P<rel>今年|去年))"
        r"\s*[，,]?\s*(?:是|为)[^。；;！？!?\n，,]{0,30}?“?十(?P<n>[一二三四五])五”?"
        r"[^。；;！？!?\n，,]{0,12}?(?P<ord>第[一二三四五]年|第[一二三四五]个年头|开局之年|起步之年|开篇之年|收官之年|最后一年)"
    )
)
_PERIOD_RANGE = re.compile(r"[（(]\s*(\d{4})\s*[—–\-－~～至到]\s*(\d{4})\s*年?\s*[)）]")
_HEADING_YEAR = re.compile(r"(\d{4})年")

# --- speaker --------------------------------------------------------------------------

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯")
_NAME_CHARS = rf"[{_CJK}](?:[ \t\u3000\xa0]{{0,3}}[{_CJK}]){{1,3}}"
_OFFICE_LINE = re.compile(
    _v(rf"(?:省长|市长|区长|县长|州长|镇长|乡长|主席|主任)\s*[:：]?\s*({_NAME_CHARS})\s*$")
)
_NAME_LINE = re.compile(rf"^{_NAME_CHARS}$")
_NOT_NAME = re.compile(_v(r"代表|报告|工作|目录|全文|政府|会议|附件|推荐"))


def _has_mask(s: str) -> bool:
    return any(c in _MASK for c in s)


def _top_lines(text: str) -> list[str]:
    """The stripped lines before the running text begins."""
    lines = []
    for m in re.finditer(r"[^\n]+", text[:_HEAD_CHARS]):
        line = m.group().strip()
        if not line:
            continue
        if _BODY_START.match(line) or len(line) >= 80 or len(lines) >= _TOP_LINES:
            break
        lines.append(line)
    return lines


def _title(top: list[str]) -> Optional[str]:
    best = None
    for line in top:
        cleaned, previous = line, ""
        while cleaned != previous:  # `…建议(附全文) 发布时间:…` has two tails
            previous, cleaned = cleaned, _TITLE_TAIL.sub("", _MARKDOWN_HEADING.sub("", cleaned)).strip().strip("《》")
        if not (4 <= len(cleaned) <= _MAX_TITLE) or not _TITLE_END.search(cleaned):
            continue
        if _NOT_TITLE.search(cleaned):
            continue
        # The most informative of the title-like lines (`2020年杭州市政府工作报告` over `政府工作报告`).
        if best is None or len(cleaned) > len(best):
            best = cleaned
    return best


def _kind(title: Optional[str], head: str) -> str:
    for source, kinds in ((title or "", _KINDS + _TITLE_KINDS), (head, _KINDS)):
        for kind, pattern in kinds:
            if pattern.search(source):
                return kind
    return "other"


def _units(name: str) -> list[tuple[str, str]]:
    """`杭州市西湖区` → [(杭州市, city), (西湖区, district)]."""
    out = []
    for m in _UNIT.finditer(name):
        unit = m.group()
        for suffix, level in _LEVELS:
            if re.search(f"(?:{suffix})$", unit):
                out.append((unit, level))
                break
    return out


_LEVEL_WORD = re.compile(_v("自治区|特别行政区|自治州|自治县|街道|省|市|区|县|旗|镇|乡|州|盟"))
_RANK = {"country": 0, "province": 1, "city": 2, "county-city": 3, "district": 3, "county": 3}


def _best(options: list[Division]) -> Division:
    """Of places one form names (吉林 the province and the city), one that still exists, and
    the higher level: a document speaking for the smaller place names it in full."""
    return min(options, key=lambda d: (bool(d.until), _RANK.get(d.level, 9)))


def _leading_division(text: str, divisions: Divisions) -> tuple[Optional[Division], int]:
    """The place ``text`` opens with, through a chain of names each inside the one before it
    (`浙江省杭州市西湖区` → 西湖区); and where the chain ends."""
    found: Optional[Division] = None
    i = 0
    while (form := divisions.prefix(text, i)) is not None:
        options = divisions.lookup(form)
        if found is not None:
            options = [d for d in options if found in divisions.chain(d.code)[1:]]
            if not options:
                break
        found = _best(options)
        i += len(form)
    return found, i


def _as_area(division: Division) -> tuple[str, str]:
    return division.name, _AREA_LEVEL.get(division.level, "county")


def _resolve(name: str, divisions: Divisions) -> Optional[tuple[str, str]]:
    """The official place a written name denotes (宁夏 → 宁夏回族自治区); a unit the division
    table does not know (a town) keeps its name as written, by its ending."""
    division, end = _leading_division(name, divisions)
    rest = _units(name[end:])
    if rest and len(rest[-1][0]) >= 2:
        return rest[-1]
    if division is not None:
        return _as_area(division)
    return None


def _statements(head: str, divisions: Divisions) -> tuple[list[tuple[str, str]], set[str], bool]:
    """Places the opening states the document speaks for, the levels it names without a place
    (`我代表区人民政府`), and whether a stated place is masked."""
    if any(p.search(head) for p in _COUNTRY_PATTERNS):
        return [_as_area(COUNTRY)], set(), False
    hinted: set[str] = set()
    found: list[tuple[str, str]] = []
    masked = False
    for name in (m.group(1) for p in _AREA_PATTERNS for m in p.finditer(head)):
        if _LEVEL_WORD.fullmatch(name):
            hinted.update(level for suffix, level in _LEVELS if re.fullmatch(suffix, name))
        elif _has_mask(name):
            masked = True
        elif (place := _resolve(name, divisions)) is not None:
            found.append(place)
    return found, hinted, masked


def _title_place(title: str, divisions: Divisions) -> tuple[Optional[tuple[str, str]], bool]:
    """The place a title opens with (after a year): `2025年宁夏政府工作报告`, `深圳经济特区…条例`,
    `中华人民共和国…` for the country; and whether that place is masked (`XX市政府工作报告`)."""
    stripped = _TITLE_PREFIX.sub("", title.strip("《》 "))
    if _TITLE_COUNTRY.match(stripped):
        return _as_area(COUNTRY), False
    division, _ = _leading_division(stripped, divisions)
    if division is not None:
        return _as_area(division), False
    tm = _TITLE_AREA.search(title)
    if tm:
        if _has_mask(tm.group(1)):
            return None, True
        return _resolve(tm.group(1), divisions), False
    return None, bool(re.match(rf"[{_MASK}]{{1,4}}{_LEVEL_WORD.pattern}", stripped))


def _self_named(text: str, divisions: Divisions) -> Optional[tuple[str, str]]:
    """The area a text speaks for by how it names itself: the level of its `全省`/`我市`/`本区`,
    and the place of that level it names most; else the country, when `我国`/`全国` and the
    like outnumber the local words."""
    counts = [(len(pattern.findall(text)), ending) for pattern, ending in _SELF_WORDS]
    n, ending = max(counts, key=lambda c: c[0])
    national = len(_COUNTRY_WORDS.findall(text))
    if n >= _MIN_SELF:
        division, named = _most_named(text[:_NAMES_SCANNED], divisions, ending)
        # A place named once, in a text that speaks of the country more than of itself, is
        # more likely an example than the speaker.
        if division is not None and (named >= _MIN_SELF or national <= n):
            return _as_area(division)
    if national > n:
        return _as_area(COUNTRY)
    return None


def _most_named(text: str, divisions: Divisions, ending: str) -> tuple[Optional[Division], int]:
    """The division whose name ends in ``ending`` that ``text`` names most, and how often. A
    county's bare short form (资源, 公安, 中方) is too often a word to count."""
    tally: Counter = Counter()
    first: dict[str, int] = {}
    for start, _, form in divisions.find(text):
        for d in divisions.lookup(form):
            if form != d.name and d.level not in ("province", "city"):
                continue
            if d.name.endswith(ending) and not d.until and d is not COUNTRY:
                tally[d.code] += 1
                first.setdefault(d.code, start)
    if not tally:
        return None, 0
    best = max(tally, key=lambda code: (tally[code], -first[code]))
    return divisions.get(best), tally[best]


def _area(text: str, head: str, title: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    divisions = load_divisions()
    stated, hinted, masked = _statements(head, divisions)
    candidates = stated
    if not candidates and title:
        place, title_masked = _title_place(title, divisions)
        masked = masked or title_masked
        candidates = [place] if place else []
    if hinted:
        candidates = [c for c in candidates if c[1] in hinted] or candidates
    if candidates:
        # The most specific place wins: `杭州市西湖区…人民代表大会` over `杭州市…`.
        return max(candidates, key=lambda c: _SPECIFICITY[c[1]])
    if masked:
        return None, None  # a document that hides its area: nothing else is guessed
    return _self_named(text, divisions) or (None, None)


def _cn_int(s: str) -> int:
    if s.isdigit() and s.isascii():
        return int(s)
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    tens, _, ones = s.partition("十")
    if "十" not in s:
        return _CN_DIGITS[s]
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _iso(y: str, m: str, d: str) -> Optional[str]:
    try:
        year, month, day = _cn_int(y), _cn_int(m), _cn_int(d)
    except KeyError:
        return None
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _five_year_start(n: str) -> int:
    """十N五 is the (10+N)th five-year plan."""
    return _plan_start(10 + "一二三四五".index(n) + 1)


def _plan_start(ordinal: int) -> int:
    """The first year of the Nth five-year plan: 1953 and 1958, then from the 3rd (1966) on
    they follow each other."""
    if ordinal <= 2:
        return 1953 + 5 * (ordinal - 1)
    return 1966 + 5 * (ordinal - 3)


def _section_at(sections: list[Section], pos: int) -> Optional[Section]:
    inside = [s for s in sections if s.start <= pos < s.end]
    return max(inside, key=lambda s: s.start) if inside else None


def _speaker(top: list[str]) -> Optional[str]:
    for line in top:
        if len(line) > 40:
            continue
        m = _OFFICE_LINE.search(line)
        name = m.group(1) if m else (line if _NAME_LINE.match(line) else None)
        if name is None:
            continue
        name = re.sub(r"\s", "", name)
        surname_ok = name[0] in _SURNAMES or name[:2] in _COMPOUND_SURNAMES
        if 2 <= len(name) <= 4 and surname_ok and not _NOT_NAME.search(name):
            return name
    return None


def _years(
    text: str, sections: list[Section], date_match: Optional[re.Match]
) -> tuple[Optional[int], Optional[int], list[YearEvidence]]:
    """Reviewed and planned year of an annual report, each with the phrases behind it."""
    evidence: list[YearEvidence] = []
    if date_match:
        y = _cn_int(date_match.group(1))
        phrase = date_match.group(0)
        evidence.append(YearEvidence(y, "planned", phrase, date_match.start(), date_match.end()))
        evidence.append(YearEvidence(y - 1, "reviewed", phrase, date_match.start(), date_match.end()))
    for s in sections:
        m = _HEADING_YEAR.search(s.heading)
        # Only the document's main divisions: list items can carry unrelated years.
        if m and s.level <= 1 and s.tense in ("review", "plan"):
            role = "reviewed" if s.tense == "review" else "planned"
            evidence.append(YearEvidence(int(m.group(1)), role, s.heading, s.start, s.start + len(s.heading)))
    for m in _ORDINAL_YEAR.finditer(text):
        o = m.group("ord")
        offset = 4 if ("收官" in o or "最后" in o) else ("一二三四五".index(o[1]) if o[0] == "第" else 0)
        year = _five_year_start(m.group("n")) + offset
        if m.group("rel"):
            role = "planned" if m.group("rel") == "今年" else "reviewed"
        else:
            section = _section_at(sections, m.start())
            if section is None or section.tense == "other":
                continue  # a masked year with no tense around it says nothing
            role = "reviewed" if section.tense == "review" else "planned"
        evidence.append(YearEvidence(year, role, m.group(0), m.start(), m.end()))

    reviewed = next((e for e in evidence if e.role == "reviewed"), None)
    planned = next((e for e in evidence if e.role == "planned"), None)
    # An annual report plans the year after the one it reviews.
    if reviewed and not planned:
        planned = YearEvidence(reviewed.year + 1, "planned", reviewed.text, reviewed.start, reviewed.end)
        evidence.append(planned)
    elif planned and not reviewed:
        reviewed = YearEvidence(planned.year - 1, "reviewed", planned.text, planned.start, planned.end)
        evidence.append(reviewed)
    return (reviewed.year if reviewed else None), (planned.year if planned else None), evidence


def _plan_period(title: Optional[str], head: str) -> Optional[tuple[int, int]]:
    for source in (title or "", head):
        m = _FIVE_YEAR.search(source)
        if m:
            start = _five_year_start(m.group(1)) if m.group(1) else _plan_start(_cn_int(m.group(2)))
            return start, start + 4
        r = _PERIOD_RANGE.search(source)
        if r and int(r.group(2)) - int(r.group(1)) == 4:
            return int(r.group(1)), int(r.group(2))
    return None


def extract_metadata(text: str, sections: list[Section], script: Script) -> Metadata:
    head = text[:_HEAD_CHARS]
    top = _top_lines(text)
    title = _title(top)
    kind = _kind(title, head)
    area, area_level = _area(text, head, title)
    delivery = _DELIVERY.search(head)
    published = _PUBLISHED.search(head)
    date = _iso(*delivery.groups()) if delivery else None
    if date is None and published:
        date = _iso(*published.groups())

    meta = Metadata(
        title=title,
        kind=kind,
        area=area,
        area_level=area_level,
        date=date,
        speaker=_speaker(top),
        script=script,
    )
    if kind == "government-work-report":
        usable = delivery if date and delivery else None
        meta.review_year, meta.plan_year, meta.year_evidence = _years(text, sections, usable)
    elif kind in ("plan-proposal", "plan-outline", "plan"):
        meta.plan_period = _plan_period(title, head)
    return meta
