"""Indicator observations: 地区生产总值完成15373亿元、增长6.8% as a plain fact.

Rules are data (``kg/data/numbers/``): ``indicators.tsv`` names the indicators and their written
forms, ``groups.tsv`` forms that name several at once (城乡居民人均可支配收入), ``words.tsv`` the
area words, words allowed between an indicator and its number, qualifiers, growth verbs, units and
tense cues. The reader works one sentence at a time:

- find the indicator names (longest form first); a name must open its stretch of the sentence,
  after nothing but area words and lead words (全市…完成, 全年预计…, 力争…), so 占地区生产总值的比重
  or 五大主导产业实现一般公共预算收入 is not read as the area's own figure;
- read after the name a value (number + unit) and a growth (增长/下降 + number + %), possibly
  continuing into the next comma-separated stretch when it opens with a growth (…140亿元，增长0.5%);
- a ``分别`` list hands its numbers in order to the names before it that still lack them
  (地区生产总值566.6亿元，其中服务业增加值459亿元，分别增长11.2%和13%), only when the counts agree.

Actual or target and the year come from the section's tense and the document's metadata, an
explicit year in the sentence overriding (masked years 20xx never do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Optional

from kg.ingest.model import Document
from kg.nlp.datafiles import Problems, cell, split_bars, tsv_rows
from kg.nlp.rules import DATA_DIR

NUMBERS_DIR = DATA_DIR / "numbers"
ROLES = ("home", "country", "lead", "qualifier", "up", "down", "unit", "target", "review-paragraph")


@dataclass(frozen=True)
class ObservationFact:
    indicator: str  # canonical indicator name from indicators.tsv
    area: str  # "home" (the document's own area), "country" (全国, 我国) or the place name as written
    period: Optional[int]
    value: Optional[Decimal]  # number as written
    unit: Optional[str]  # unit as written
    growth: Optional[Decimal]  # growth rate in percent, negative for a fall
    kind: str  # "actual" | "target"
    qualifier: Optional[str]  # 左右 / 以上 / 力争 … as written, ","-joined
    sentence: int  # index into document.sentences
    start: int  # indicator name through the last number of the observation (normalized offsets)
    end: int
    rule: str


@dataclass(frozen=True, eq=False)
class NumberRules:
    forms: dict[str, tuple[str, ...]]  # written form -> canonical indicator names (several for a group)
    words: dict[str, frozenset[str]]  # role -> words

    def alternation(self, role: str) -> str:
        return "|".join(re.escape(w) for w in sorted(self.words.get(role, ()), key=len, reverse=True))


def load_number_rules(folder: Path = NUMBERS_DIR) -> NumberRules:
    forms: dict[str, tuple[str, ...]] = {}
    names: set[str] = set()
    words: dict[str, set[str]] = {}
    with Problems() as problems:
        for where, row in tsv_rows(folder / "indicators.tsv", ("name", "aliases"), problems):
            name = cell(row, "name")
            if not name:
                problems.add(where, "an indicator needs a name")
                continue
            if name in names:
                problems.add(where, f"indicator {name!r} is listed twice")
                continue
            names.add(name)
            for form in [name] + split_bars(row["aliases"]):
                if form in forms and forms[form] != (name,):
                    problems.add(where, f"{form!r} already names {forms[form][0]!r}")
                forms.setdefault(form, (name,))
        groups = folder / "groups.tsv"
        if groups.exists():
            for where, row in tsv_rows(groups, ("form", "members"), problems):
                form, members = cell(row, "form"), tuple(split_bars(row["members"]))
                if not form or len(members) < 2 or not set(members) <= names:
                    problems.add(where, "a group needs a form and two or more indicators of indicators.tsv")
                elif form in forms:
                    problems.add(where, f"{form!r} already names {', '.join(forms[form])}")
                else:
                    forms[form] = members
        for where, row in tsv_rows(folder / "words.tsv", ("word", "role"), problems):
            word, role = cell(row, "word"), cell(row, "role")
            if not word or role not in ROLES:
                problems.add(where, f"a word needs a role in {ROLES}")
            elif word in words.get(role, ()):
                problems.add(where, f"{word!r} is listed twice as {role}")
            else:
                words.setdefault(role, set()).add(word)
    return NumberRules(forms, {k: frozenset(v) for k, v in words.items()})


@lru_cache(maxsize=1)
def default_rules() -> NumberRules:
    return load_number_rules()


# ---------------------------------------------------------------------------------------------
# Tense and year, shared with the event reader.

_YEAR = re.compile(r"(?<![\d０-９])((?:19|20)\d{2})年(?!\d{1,2}月|的|底前|以来)")
_BASE_YEAR = re.compile(r"(?:比|较|是|与|同|相比)$")
_FIVE_YEAR_HEADING = re.compile(r"今后五年|五年规划|[十]?[一二三四五六七八九]五(?:时期|规划)?(?:的)?(?:主要)?目标")


def explicit_year(text: str, before: int) -> Optional[int]:
    """The last written year (2019年) before offset ``before`` of ``text``, not a date (2020年4月)
    nor a base of comparison (是2010年的2.3倍)."""
    found = None
    for m in _YEAR.finditer(text, 0, before + 5):
        if m.start() >= before:
            break
        if _BASE_YEAR.search(text[max(0, m.start() - 2) : m.start()]):
            continue
        found = int(m.group(1))
    return found


def sentence_context(document: Document, index: int, rules: Optional[NumberRules] = None) -> tuple[str, Optional[int]]:
    """(tense, default year) of a sentence: "review" / "plan" / "other", and the year its
    section speaks of when the sentence names none."""
    rules = rules or default_rules()
    sentence = document.sentences[index]
    meta = document.meta
    tense, headings = "other", []
    if sentence.section is not None:
        section = document.sections[sentence.section]
        tense = section.tense
        walk: Optional[int] = sentence.section
        while walk is not None:
            headings.append(document.sections[walk].heading)
            walk = document.sections[walk].parent
    if tense != "review":
        # 过去五年，… opens a look back: it and the next two sentences of its paragraph are review.
        cues = tuple(rules.words.get("review-paragraph", ()))
        for back in range(index, max(-1, index - 3), -1):
            earlier = document.sentences[back]
            if earlier.paragraph != sentence.paragraph:
                break
            if cues and document.text.startswith(cues, earlier.start):
                tense = "review-paragraph"
                break
    if tense == "review":
        return "review", meta.review_year
    if tense == "review-paragraph":
        if meta.plan_period:
            return "review", meta.plan_period[0] - 1
        return "review", meta.review_year
    if tense == "plan":
        if meta.plan_period and (meta.kind or "").startswith("plan"):
            return "plan", meta.plan_period[1]
        if any(_FIVE_YEAR_HEADING.search(h) for h in headings):
            return "plan", None  # a five-year section of an annual report: no single year
        return "plan", meta.plan_year
    return "other", None


# ---------------------------------------------------------------------------------------------
# The reader.

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass
class _Item:
    names: tuple[str, ...]
    start: int  # name start, sentence-relative
    end: int  # name end
    area: str
    qualifiers: list[str]
    value: Optional[Decimal] = None
    unit: Optional[str] = None
    growth: Optional[Decimal] = None
    last: int = 0  # end of the last number read
    rule: str = "indicator-value"


class _Patterns:
    def __init__(self, rules: NumberRules) -> None:
        self.rules = rules
        forms = sorted(rules.forms, key=len, reverse=True)
        self.names = re.compile("|".join(re.escape(f) for f in forms))
        qual = rules.alternation("qualifier")
        unit = rules.alternation("unit")
        up, down = rules.alternation("up"), rules.alternation("down")
        self.qualifier = re.compile(f"(?:{qual})")
        self.growth = re.compile(
            rf"(?:同比|比上年|较上年|年均)?(?P<verb>{up}|{down})(?P<q1>(?:{qual})*)(?P<num>{_NUM})\s*%(?P<q2>(?:{qual})*)"
        )
        self.value = re.compile(rf"(?P<num>{_NUM})\s*(?P<unit>{unit})(?![倍个项名位家件次天岁人元美亿])(?P<q2>(?:{qual})*)")
        self.down = re.compile(f"^(?:{down})")
        lead = rules.alternation("lead")
        home = rules.alternation("home")
        country = rules.alternation("country") or "(?!)"
        self.lead_word = re.compile(f"(?:{lead})")
        self.home = re.compile(f"^(?:{home})$")
        self.country = re.compile(f"^(?:{country})$")
        # What may stand between the start of a stretch and a name: a year, area words, lead words.
        self.prefix = re.compile(
            rf"^(?:(?:\d{{4}}|20xx|20XX)年)?(?:{lead})*(?P<area>{home}|{country}|(?![占比较在为全我本])[\u4e00-\u9fff]{{1,4}}(?:省|市|区|县))?(?:{lead})*$"
        )
        self.stretch_break = re.compile(r"[，,：:；;。！？!?]")
        self.distributive = re.compile(r"分别")
        # A sentence about one sector (金融服务业持续做强，完成一般公共预算收入18.08亿元) gives that
        # sector's figures, not the area's.
        self.sector_subject = re.compile(
            r"^[\u4e00-\u9fff“”]{2,10}(?:产业|服务业|行业)(?:持续|蓬勃|加快|势头|实现|完成|发展|再创|稳步)"
        )


@lru_cache(maxsize=4)
def _patterns(rules: NumberRules) -> _Patterns:
    return _Patterns(rules)


def observations(document: Document, rules: Optional[NumberRules] = None) -> list[ObservationFact]:
    rules = rules or default_rules()
    pats = _patterns(rules)
    found: list[ObservationFact] = []
    for index, sentence in enumerate(document.sentences):
        text = document.text[sentence.start : sentence.end]
        if not pats.names.search(text):
            continue
        tense, default_year = sentence_context(document, index, rules)
        for item in _read_sentence(text, pats):
            year = explicit_year(text, item.start)
            if tense == "review":
                kind = "actual"
            elif tense == "plan":
                kind = "target"
            else:
                kind = "target" if any(w in text for w in rules.words.get("target", ())) else "actual"
            qualifiers = list(dict.fromkeys(item.qualifiers))
            for name in item.names:
                found.append(ObservationFact(
                    indicator=name,
                    area=item.area,
                    period=year if year is not None else default_year,
                    value=item.value,
                    unit=item.unit,
                    growth=item.growth,
                    kind=kind,
                    qualifier=",".join(qualifiers) or None,
                    sentence=index,
                    start=sentence.start + item.start,
                    end=sentence.start + item.last,
                    rule=item.rule,
                ))
    return found


def _read_sentence(text: str, pats: _Patterns) -> list[_Item]:
    names = [m for m in pats.names.finditer(text)]
    if not names:
        return []
    sector = pats.sector_subject.match(text)
    if sector and sector.start() <= names[0].start() < sector.end():
        sector = None  # the name itself (数字经济核心产业增加值…)
    if sector:
        return []
    items: list[_Item] = []
    for i, m in enumerate(names):
        stretch_start = _stretch_start(text, m.start(), pats)
        prefix = text[stretch_start : m.start()]
        if text[stretch_start - 1 : stretch_start] == "、" and not prefix:
            area, quals = None, []
        else:
            pm = pats.prefix.match(prefix)
            if not pm:
                continue
            area = pm.group("area")
            quals = pats.qualifier.findall(prefix)
        if area is None or pats.home.match(area):
            area_name = "home"
        elif pats.country.match(area):
            area_name = "country"
        else:
            area_name = area
        limit = names[i + 1].start() if i + 1 < len(names) else len(text)
        item = _Item(pats.rules.forms[m.group()], m.start(), m.end(), area_name, quals, last=m.end())
        if len(item.names) == 1:  # a group's numbers come only from a 分别 list
            _read_tail(text, m.end(), limit, item, pats)
        items.append(item)
    _distribute(text, items, pats)
    return [it for it in items if len(it.names) == 1 and (it.value is not None or it.growth is not None)]


def _stretch_start(text: str, pos: int, pats: _Patterns) -> int:
    start = pos
    while start > 0 and not pats.stretch_break.match(text[start - 1]) and text[start - 1] != "、":
        start -= 1
    return start


def _read_tail(text: str, pos: int, limit: int, item: _Item, pats: _Patterns) -> None:
    """Value and growth after a name, up to the next name or the end of the clause."""
    first = True
    while pos < limit:
        progressed = False
        while pos < limit:
            g = pats.growth.match(text, pos, limit)
            if g and item.growth is None:
                number = _number(g.group("num"))
                item.growth = -number if pats.down.match(g.group("verb")) else number
                item.qualifiers += pats.qualifier.findall(g.group("q1") + g.group("q2"))
                pos = item.last = g.end()
                progressed = True
                continue
            v = pats.value.match(text, pos, limit)
            if v and first and item.value is None and item.growth is None:
                item.value, item.unit = _number(v.group("num")), v.group("unit")
                item.qualifiers += pats.qualifier.findall(v.group("q2"))
                pos = item.last = v.end()
                progressed = True
                continue
            w = pats.lead_word.match(text, pos, limit)
            if w and w.end() > pos:
                if pats.qualifier.fullmatch(w.group()):
                    item.qualifiers.append(w.group())
                pos = w.end()
                continue
            if text[pos : pos + 1] in ("、", "的") and progressed:
                pos += 1
                continue
            break
        # Continue into the next comma stretch only when it opens with the growth still missing.
        if pos < limit and text[pos : pos + 1] in "，," and item.growth is None and (item.value is not None):
            nxt = pos + 1
            g = re.compile(r"(?:同比|比上年|较上年)?").match(text, nxt, limit)
            probe = pats.growth.match(text, g.end() if g else nxt, limit)
            if probe:
                pos = nxt
                first = False
                continue
        break


def _distribute(text: str, items: list[_Item], pats: _Patterns) -> None:
    """分别 lists: numbers in order to the names before them that still lack that kind of number."""
    previous = 0
    for m in pats.distributive.finditer(text):
        end = len(text)
        stop = re.compile(r"[；;。]").search(text, m.end())
        if stop:
            end = stop.start()
        values = list(_list_numbers(text, m.end(), end, pats))
        if not values:
            previous = m.end()
            continue
        growths = all(v[0] == "growth" for v in values)
        before = [it for it in items if previous <= it.start < m.start()]
        # The names just before 分别 that still lack that kind of number (a rate such as 3.5% takes
        # no growth, and ends the run).
        run: list[_Item] = []
        for it in reversed(before):
            if (it.growth is not None) if growths else (it.value is not None):
                break
            if growths and it.unit == "%":
                break
            run.insert(0, it)
        wanting = [(it, name) for it in run for name in it.names]
        previous = m.end()
        if len(wanting) != len(values):
            continue
        for (it, name), (what, number, unit, quals, last) in zip(wanting, values):
            target = it
            if len(it.names) > 1:  # a group: one item per member
                target = _Item((name,), it.start, it.end, it.area, list(it.qualifiers), it.value, it.unit, it.growth, it.last)
                items.append(target)
            if what == "growth":
                target.growth = number
            else:
                target.value, target.unit = number, unit
            target.qualifiers = target.qualifiers + quals
            target.last = last
            target.rule = "distributive"


def _list_numbers(text: str, pos: int, end: int, pats: _Patterns):
    """The numbers of a 分别 list: 增长11.2%和13%, 达到99.6%和95.7%, 增长10%、力争增长12%."""
    negative = False
    verb_seen = False
    while pos < end:
        quals = []
        while True:
            w = pats.lead_word.match(text, pos, end)
            if w and w.end() > pos:
                if pats.qualifier.fullmatch(w.group()):
                    quals.append(w.group())
                pos = w.end()
                continue
            break
        g = pats.growth.match(text, pos, end)
        if g:
            negative = bool(pats.down.match(g.group("verb")))
            verb_seen = True
            number = _number(g.group("num"))
            yield ("growth", -number if negative else number, "%", quals + pats.qualifier.findall(g.group("q1") + g.group("q2")), g.end())
            pos = g.end()
        else:
            v = pats.value.match(text, pos, end)
            if not v:
                return
            number = _number(v.group("num"))
            if verb_seen and v.group("unit") == "%":
                yield ("growth", -number if negative else number, "%", quals + pats.qualifier.findall(v.group("q2")), v.end())
            else:
                yield ("value", number, v.group("unit"), quals + pats.qualifier.findall(v.group("q2")), v.end())
            pos = v.end()
        sep = re.compile(r"[、和及与,，]|以及").match(text, pos, end)
        if not sep:
            return
        pos = sep.end()


def _number(written: str) -> Decimal:
    return Decimal(written.replace(",", ""))
