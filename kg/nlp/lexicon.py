"""Words that never begin a name, and trimming them off the front of rule-found names.

A rule finds an unquoted name by its head (…行动, …机场, …大学) and reaches back to a left
boundary for the rest. Policy text often puts a verb, an adverb, a modal or a pronoun right
before a name with nothing between them that the rules know as a boundary (决不能改革,
力促京雄高速二期, 应当立即报告区人民政府), and the match then begins with it. Such words come
from ``lexicon/leading.tsv`` (generated from jieba's tagged dictionary by
``scripts/make_lexicon.py``); they are trimmed off a pattern's name a whole word (a pkuseg token)
at a time, so a word only counts where the segmenter reads it as one. A verb that begins names of
some labels (its ``begins`` column: 加强 begins programmes' names) is shed only from the others'
(加强APP). Counts and dates are shed with them (实施100多项改革, 2025年1月14日自治区人民政府).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator, Mapping, Optional, Sequence

from kg.nlp.candidates import Candidate
from kg.nlp.datafiles import Problems, tsv_rows

# What is left of a name after trimming must be longer than a bare head (改革, 计划).
MIN_NAME = 3


# Verbs can begin a programme's name (降低…成本专项行动, 退耕还林): a leading verb only
# disqualifies a name when nothing but a bare head is left after it (体现计划). Modal verbs are
# never part of a name.
MODALS = frozenset({"能", "能够", "要", "会", "可", "可以", "应", "应当", "应该", "必须", "需", "需要", "须", "得", "将", "决不能", "不能", "不得", "不要"})


@dataclass(frozen=True)
class Lexicon:
    leading: frozenset[str] = frozenset()  # adverbs, prepositions, pronouns … and modals
    verbs: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()  # frequent words that are no proper name

    leading_or_verb: frozenset[str] = frozenset()  # what a name other than a programme's never begins with
    never_inside: Optional[re.Pattern] = None  # words no name contains (never_inside.tsv)
    # Common verbs and verbal nouns (jieba v, vn: 设置, 建成): they begin names (建设银行,
    # 管理委员会), so they are not in leading.tsv, but never a body's or work's name that goes on
    # with a known place (设置重庆工业职业技术大学).
    verbal: frozenset[str] = frozenset()
    # Words of leading.tsv that do begin names of some labels (its column ``begins``): 加强 begins
    # a programme's name, so it is shed before a work (加强APP) but not before a programme.
    begins: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Verbs that take a name as their object (实施“…”, 统筹“…”): shed even off a programme's name.
    object_verbs: frozenset[str] = frozenset()
    # Nouns of common.tsv (jieba n, s, l, j: 开发区, 对外, 对外开放): a name found from inside one
    # begins with it (``_word_start``).
    nouns: frozenset[str] = frozenset()

    @classmethod
    def load(cls, folder: Path) -> "Lexicon":
        leading, verbs, begins, object_verbs = set(MODALS), set(), {}, set()
        with Problems() as problems:
            for row in _words(folder / "leading.tsv", LEADING_CLASSES, problems):
                (verbs if row["class"] in VERB_CLASSES else leading).add(row["word"])
                if row["class"] == "object-verb":
                    object_verbs.add(row["word"])
                labels = frozenset(filter(None, (row.get("begins") or "").split("|")))
                if labels - LABELS:
                    problems.add(row["where"], f"begins {'|'.join(sorted(labels - LABELS))!r}: not a label ({', '.join(sorted(LABELS))})")
                elif labels:
                    begins[row["word"]] = labels
            common_rows = _words(folder / "common.tsv", None, problems)
            common = {row["word"] for row in common_rows}
            inside = {row["word"] for row in _words(folder / "never_inside.tsv", NEVER_INSIDE_CLASSES, problems)}
        verbs -= MODALS
        inside_longest_first = sorted(inside, key=len, reverse=True)

        def tagged(tags: frozenset[str]) -> frozenset[str]:
            return frozenset(r["word"] for r in common_rows if len(r["word"]) > 1 and (r.get("tag") or "") in tags)

        return cls(
            frozenset(leading), frozenset(verbs), frozenset(common), frozenset(leading | verbs),
            re.compile("|".join(map(re.escape, inside_longest_first))) if inside else None,
            tagged(VERBAL_TAGS), begins, frozenset(object_verbs - MODALS), tagged(NOUN_TAGS),
        )

    def sheds(self, word: str, label: str, verbs: bool = True) -> bool:
        """Whether ``word`` comes off the front of a name of ``label`` (with ``verbs``, a verb too)."""
        if _RESULTATIVE.match(word) or word == "好":
            return True  # 搞好, 建设/好 (the verb's complement): no name begins with one
        # A programme's name may begin with its verb (降低…专项行动), not with an object verb.
        listed = word in self.leading_or_verb if verbs else (word in self.leading or word in self.object_verbs)
        if not listed:
            return False
        return label not in self.begins.get(word, ())

    def is_verb(self, word: str, label: str) -> bool:
        """Whether ``word`` is a verb that begins no name of ``label``."""
        return word in self.verbs and label not in self.begins.get(word, ())


LABELS = frozenset({"ORG", "PROJECT", "PROGRAM", "DISTRICT"})
# The word classes of leading.tsv (a verb may begin a programme's name, an object verb, one that
# takes a name as its object, or another word no name) and
# of never_inside.tsv.
LEADING_CLASSES = frozenset({"verb", "object-verb", "adverb", "pronoun", "conjunction", "preposition", "particle"})
VERB_CLASSES = frozenset({"verb", "object-verb"})
NEVER_INSIDE_CLASSES = frozenset({"verb", "modal", "preposition", "conjunction"})
# The tags of common.tsv (jieba's) that make a word a verb or a verbal noun.
VERBAL_TAGS = frozenset({"v", "vn"})
# The tags of common.tsv that make a word a noun a name may begin with (not f: 以南 of 以南宋…).
NOUN_TAGS = frozenset({"n", "s", "l", "j"})
# A verb with a complement of result (建好, 管好, 办好): jieba lists few of them, pkuseg reads
# them as one word, and no name begins with one.
_RESULTATIVE = re.compile(r"^\w好$")
# 可 that makes an adjective of the verb after it (可再生能源, 可持续发展) is no modal: pkuseg
# cuts 可/再生, and shedding it left 再生能源替代行动.
_ABLE = re.compile(r"可(?:再生|持续|循环|降解|追溯)")


def _words(path: Path, classes: Optional[frozenset[str]], problems: Problems) -> list[dict[str, str]]:
    """The rows of a word list, each word once; with ``classes``, each of one of them."""
    if not path.exists():
        return []
    rows = []
    seen: set[str] = set()
    for where, row in tsv_rows(path, ("word", "class") if classes else ("word",), problems):
        word = row["word"] = row["word"].strip()
        if not word:
            problems.add(where, "a row needs a word")
        elif classes is not None and row["class"].strip() not in classes:
            problems.add(where, f"class {row['class'].strip()!r} is not one of {', '.join(sorted(classes))}")
        elif word in seen:
            problems.add(where, f"{word!r} is listed twice")
        else:
            seen.add(word)
            row["where"] = where
            rows.append(row)
    return rows


# A count (1000家, 3个, 15条, 5批次, 100多项, 3万所, 近300户, 1.7万间) starts no name: 15条高速公路 are
# roads, 100多项改革 reforms, 12部 laws, not one of them.
_COUNT = re.compile(
    r"(?:近|约|超过|超|逾)?(?:[0-9０-９.]+[万亿千百]?|[一二三四五六七八九十百千万两几多]+)(?:余|多)?"
    r"(?:家|个|条|所|批次|批|组|座|处|类|种|名|位|支|户|栋|套|宗|项|台|部|件|间|辆|艘|架|张|头|只|份|本|门|元)"
    # a sum of money names nothing it pays for (3500万元的管网改造, 10亿元以上企业)
    r"(?:左右|以上|以下)?的?"
)
_YEAR = r"(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年"
_DATE = re.compile(rf"(?:{_YEAR})?[0-9０-９一二三四五六七八九十]{{1,2}}月[0-9０-９一二三四五六七八九十]{{1,3}}[日号](?:前|后|起)?")
# A bare year begins no body's or place's name (1955年包头钢铁公司); a programme's or an event's
# name may carry one (一九五八年计划, 2022年杭州亚运会).
_BARE_YEAR = re.compile(_YEAR)
_YEARLESS = frozenset({"ORG", "DISTRICT"})
_QUOTED = re.compile("[“《]")
_COMPANY = re.compile("集团|公司|股份|控股")
# Only a programme's name may begin with a verb (降低…成本专项行动); a body, a work or a place
# named after a verb is the verb's object (设置重庆工业职业技术大学, 力促京雄高速二期).
_VERB_LED = frozenset({"PROGRAM"})
_DESIGNATED = re.compile(r"(?:示范区|试验区|先行区|实验区)$")
# Bodies and works: a verb before a known place is never part of their name.
_OBJECT_LABELS = frozenset({"ORG", "PROJECT"})
# A work's name has no verb 建设 inside: what comes before it is who or how builds (邯郸建设…物流枢纽,
# 动工建设散裂中子源二期). An event or a hall about building is named with it (数字中国建设峰会,
# 营商环境建设大会, 中国社区建设展示中心), and 建设项目, 建设工程 are kinds of project.
_BUILD = "建设"
_BUILD_KIND = re.compile("项目|工程")
_EVENT_HEAD = re.compile(r"(?:会|论坛|馆|展示中心|展览中心|陈列中心)$")


def _bare(text: str, start: int, end: int, words: Mapping[int, int], lexicon: Lexicon) -> bool:
    """Whether ``text[start:end]`` is a bare head: too short to name anything, or one or two
    common words (行动计划, 实施方案)."""
    if end - start < MIN_NAME:
        return True
    found = []
    while start < end and (stop := words.get(start)) is not None and stop <= end and len(found) < 3:
        found.append(text[start:stop])
        start = stop
    return start == end and len(found) <= 2 and all(w in lexicon.common for w in found)


def _field_reform(text: str, start: int, end: int, words: Mapping[int, int]) -> bool:
    """Whether ``text[start:end]`` is a word and 改革: a reform is named by its field, and the
    word before that field may be one the dictionary calls a verb (审批制度改革, 公立医院改革,
    高考综合改革), while 相应改革 or 保证工程 is a verb and its object."""
    stop = words.get(start)
    return stop is not None and stop < end and text[stop:end] == "改革"


def _after_place_clause(text: str, start: int, c: Candidate, words: Mapping[int, int], lexicon: Lexicon, place_ends: frozenset[int]) -> int:
    """Where a body's or a work's name begins when a known place inside it is followed by a count
    (德令哈4座抽水蓄能电站 names none), or by a verb that begins none of its label's names and a
    bare head (兰州实现高铁 is a clause): after them; else ``start``. jieba calls some nouns verbs
    (警察, 知识), so a verb followed by more than a bare head stays (海南警察学院二期)."""
    for pos, end in _words_after_places(start, c.end, words, place_ends):
        if lexicon.is_verb(text[pos:end], c.label) and _bare(text, end, c.end, words, lexicon):
            return end
        if (m := _COUNT.match(text, pos, c.end)) and m.end() in words and m.end() < c.end:
            return m.end()
    return start


def _after_place_verb(text: str, start: int, c: Candidate, words: Mapping[int, int], lexicon: Lexicon, place_ends: frozenset[int]) -> int:
    """Where a programme's name begins that a known place begins, followed by a verb that takes a
    name as its object (开封创建国家级…示范城市: the place applies for the designation): after the
    verb; else ``start``. Only the place's own words come before the verb."""
    first = next(_words_after_places(start, c.end, words, place_ends), None)
    if first is None:
        return start
    word = text[first[0] : first[1]]
    return first[1] if word in lexicon.object_verbs and c.label not in lexicon.begins.get(word, ()) else start


def _words_after_places(start: int, stop: int, words: Mapping[int, int], place_ends: frozenset[int]) -> Iterator[tuple[int, int]]:
    """The words of a name from ``start`` to ``stop`` (exclusive) that begin where a known place
    inside it ends, as (start, end), up to the name's last word."""
    pos = start
    while (end := words.get(pos)) is not None and end < stop:
        if pos > start and pos in place_ends:
            yield pos, end
        pos = end


def _word_start(text: str, pos: int, words: Mapping[int, int], lexicon: Lexicon) -> int:
    """Where a name found from ``pos`` begins: at the start of the word ``pos`` falls inside when
    that word, or its beginning across ``pos``, is a noun of the dictionary, which the pattern's
    boundary read as a verb or a function word and its tail (开发|区 of 开发区, 对|外 of 对外开放);
    else at ``pos``. A verb or a word of place there is none of the name, whatever the segmenter
    glued to it (建成|都 of 建成都市圈, 以南|宋 of 以南宋皇城小镇)."""
    if pos in words:
        return _glued_start(text, pos, words, lexicon)
    for back in range(1, _LONGEST_WORD):
        end = words.get(pos - back)
        if end is not None:
            word = text[pos - back : end]
            # The noun may be the word's beginning only (将军|庙 of 将军庙, cut at the modal 将).
            if end > pos and word not in lexicon.leading_or_verb and any(
                word[:k] in lexicon.nouns for k in range(back + 1, len(word) + 1)
            ):
                return pos - back
            return pos
    return pos


# Words longer than this are not looked for around a name's start.
_LONGEST_WORD = 5


# Conjunctions a pattern's left boundary stops at; the last character of a proper word too (协和).
_CONJUNCTIONS = frozenset("和与及同并或")


def _glued_start(text: str, pos: int, words: Mapping[int, int], lexicon: Lexicon) -> int:
    """Where a name found from the start of a word begins when the pattern's boundary was a
    character of the word before it: a one-character modal that makes a noun with the name's first
    character (将|军庙 of 将军庙, read as the modal 将), or a word the dictionary does not know
    that ends with a conjunction (协和|医学院); else ``pos``."""
    if words.get(pos - 1) == pos and _modal_noun(text, pos - 1, lexicon):
        return pos - 1
    for back in range(2, _LONGEST_WORD):
        if words.get(pos - back) == pos:
            word = text[pos - back : pos]
            return pos - back if word[-1] in _CONJUNCTIONS and _unknown_word(word, lexicon) else pos
    return pos


def _modal_noun(text: str, pos: int, lexicon: Lexicon) -> bool:
    """Whether the modal at ``pos`` begins a noun with the next character (将军, 本市)."""
    return text[pos] in MODALS and text[pos : pos + 2] in lexicon.nouns


def _unknown_word(word: str, lexicon: Lexicon) -> bool:
    """Whether ``word`` is one the dictionary does not know, nor any of its beginnings: a proper
    word whose last character a pattern's boundary read as a conjunction (协|和 of 协和医学院). A
    verb the segmenter glued to a character (报告县, 建成都) begins with a word it knows."""
    return len(word) > 1 and word not in lexicon.common and not any(
        word[:k] in lexicon.common or word[:k] in lexicon.leading_or_verb for k in range(1, len(word))
    )


def _adverbial(text: str, start: int, end: int, words: Mapping[int, int], lexicon: Lexicon) -> int:
    """Where a name begins that runs across an adverbial (适当地, 有计划地) and its verb or
    preposition (适当地增加医院, 有效地同…作斗争): after the 地; else ``start``. The 地 must be a
    word of its own after a common word (跨军|地 of 跨军地改革 is a noun's), and a verb or a
    function word must follow it: 地区, 地质 and 内地 are words of their own."""
    pos, prev = start, start
    while pos < end and (stop := words.get(pos)) is not None and stop < end:
        after = words.get(stop)
        if (
            text[pos:stop] == "地" and text[prev:pos] in lexicon.common and after is not None and after <= end
            and (text[stop:after] in lexicon.leading_or_verb or text[stop:after] in lexicon.verbal)
        ):
            start = stop
        prev, pos = pos, stop
    return start


def _in_longer_word(text: str, m: re.Match, words: Mapping[int, int], common: frozenset[str]) -> bool:
    """Whether the segmenter's word at ``m`` runs past it and is a word of the dictionary
    (负责制, 进行曲), not a verb the segmenter glued to a name's first character (报告县)."""
    end = words.get(m.start(), m.end())
    return end > m.end() and text[m.start() : end] in common


def trim_leading(
    text: str, candidates: Sequence[Candidate], words: Mapping[int, int], lexicon: Lexicon,
    places: frozenset[int] = frozenset(), place_ends: frozenset[int] = frozenset(),
    verb_led: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """``candidates`` with leading words of the lexicon (and a leading count) taken off the
    names patterns found; a name left shorter than MIN_NAME is dropped. ``words`` maps each
    word's start to its end; ``places``, where known places begin: a body's or a
    work's name does not begin with a verb or verbal noun right before one (设置重庆…大学,
    建好湖南…馆); ``place_ends``, where they end: a place followed by a verb or a count is the
    subject of a clause, not the first word of a name (兰州实现高铁, 德令哈4座…电站). Gazetteer
    names are kept as they are: they are names whatever they begin with, and so are the names of
    ``verb_led`` rules, titles whose first verb is their own (开展 + 规范涉企执法专项行动, 出台 +
    促进民营经济发展壮大20条措施)."""
    kept = []
    for c in candidates:
        if c.entry is not None or c.rule in verb_led:
            kept.append(c)
            continue
        start = _word_start(text, c.start, words, lexicon)
        if lexicon.never_inside is not None and not _QUOTED.search(text, c.start, c.end):
            for m in lexicon.never_inside.finditer(text, c.start, c.end):
                # Only where a word begins: the 进行 across 促进|行动 is none (报告县 is one word),
                # and not inside a longer word of the dictionary: 负责 of 建筑师负责制 is none.
                # A one-character word only as a whole word: 同 of 同济, 使 of 大使馆 or 使用 is none.
                if m.start() in words and not _in_longer_word(text, m, words, lexicon.common) and (
                    len(m.group()) > 1 or (words[m.start()] == m.end() and m.start() not in places)
                ):
                    start = m.end()
        if not _QUOTED.search(text, c.start, c.end):
            start = _adverbial(text, start, c.end, words, lexicon)
        if c.label in _OBJECT_LABELS:
            start = _after_place_clause(text, start, c, words, lexicon, place_ends)
        elif start in places:
            start = _after_place_verb(text, start, c, words, lexicon, place_ends)
        if c.label == "PROJECT":
            start = _after_build(text, start, c.end, words)
        if (m := _DATE.match(text, start, c.end)) and m.end() in words:
            start = m.end()  # a date is no part of a name: 2025年1月14日自治区人民政府
        elif c.label in _YEARLESS and (m := _BARE_YEAR.match(text, start, c.end)) and m.end() in words:
            start = m.end()
        if (m := _COUNT.match(text, start, c.end)) and m.end() in words:
            start = m.end()
        # A field before a quoted name is no verb (多感受到“放管服”改革 is “放管服”改革), nor is
        # what names a designated zone (突出张江国家自主创新示范区 is 张江国家自主创新示范区).
        no_verb = (text[c.start] not in "“《" and "“" in text[c.start : c.end]) or bool(_DESIGNATED.search(text, c.start, c.end))
        verbs = c.label not in _VERB_LED or no_verb
        while (
            (end := words.get(start)) is not None and end < c.end
            and (lexicon.sheds(text[start:end], c.label, verbs) or _clause_verb(text, start, end, c, words, lexicon))
            and not _ABLE.match(text, start, c.end)
            # a one-character modal that begins a noun with the next character is none (将|军庙 of 将军庙;
            # 本|市政府 is this city's government),
            # nor one that begins a known place (当|雄县, 如|东县)
            and not (end - start == 1 and (_modal_noun(text, start, lexicon) or start in places))
        ):
            start = end
        # A verb and a count, whatever the label: 遴选50家…试点 are fifty pilots, 实施100多项改革.
        if (end := words.get(start)) is not None and text[start:end] in lexicon.verbs and (m := _COUNT.match(text, end, c.end)) and m.end() in words:
            start = m.end()
        elif (m := _COUNT.match(text, start, c.end)) and m.end() in words:
            start = m.end()
        quote = text.find("“", start, c.end)
        if no_verb and 0 < quote - start < 2:
            start = quote  # one character left of a field is no field: 安置/房“…”
        end = words.get(start)
        if (
            c.label in _OBJECT_LABELS and end is not None and end in places and end < c.end
            and (text[start:end] in lexicon.verbal or _RESULTATIVE.match(text[start:end]))
        ):
            start, end = end, words.get(end)
        if end is not None and lexicon.is_verb(text[start:end], c.label) and _bare(text, end, c.end, words, lexicon) and not _field_reform(text, end, c.end, words):
            continue  # a verb and a bare head: 体现计划, 解决行动计划
        if start == c.start:
            kept.append(c)
        elif c.end - start >= MIN_NAME:
            kept.append(replace(c, start=start))
    return kept


def _clause_verb(text: str, start: int, end: int, c: Candidate, words: Mapping[int, int], lexicon: Lexicon) -> bool:
    """Whether ``text[start:end]``, a verb that begins no name of the label, is the clause's: the
    next word is a preposition, an adverb, a pronoun or a modal (注重/用/改革, 解决/本/…计划,
    坚持/以/…): a programme's name may begin with its own verb, never with a verb and such a word."""
    if not lexicon.is_verb(text[start:end], c.label) or (after := words.get(end)) is None or after >= c.end:
        return False
    return text[end:after] in lexicon.leading


def _after_build(text: str, start: int, end: int, words: Mapping[int, int]) -> int:
    """Where a work's name begins that runs across the word 建设 (支持邯郸建设…枢纽): after its
    last such word; else ``start``. Not in an event's or a hall's name, nor before 项目, 工程 or
    的 (建设的能源 is what is built)."""
    if _EVENT_HEAD.search(text, start, end) or _QUOTED.match(text, start):
        return start
    pos = text.rfind(_BUILD, start + 1, end)
    while pos > start:
        after = pos + len(_BUILD)
        if words.get(pos) == after and end - after >= MIN_NAME and not _BUILD_KIND.match(text, after) and text[after] != "的":
            return after
        pos = text.rfind(_BUILD, start + 1, pos)
    return start


# Labels whose names carry something proper: a place, a company, a number. A programme's name may
# be made of common words only (营养改善计划), so a PROGRAM is checked only when it is one common
# word and its head (保护工程, 体育改革, 监管改革).
NAMED_LABELS = frozenset({"PROJECT", "ORG", "DISTRICT"})
# Words that say how big or what aim a programme has, never which one it is: 经济发展战略,
# 国家重大战略 and 国防发展重大工程 are one field word and a head, as generic as 经济战略.
_PROGRAM_FILLERS = frozenset({"发展", "重大"})
# A body or facility of a level of government is one thing: 区图书馆, 省商务厅, 市一医院.
_LEVEL_CHARS = frozenset("省市区县州盟旗镇乡")
_PROPER_CHARS = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ“”《》「」第一二三四五六七八九十]")


def generic(
    text: str, c: Candidate, words: Mapping[int, int], lexicon: Lexicon, known: bytearray, headless: bool = False
) -> bool:
    """A pattern's name made only of common words (公共图书馆, 城市污水处理厂, 乡镇卫生院) is a
    description, not a name. ``known`` marks the characters a gazetteer name covers (places,
    bodies): such a name is proper. Only whole words are judged; text the segmenter left in
    pieces that are not words counts as proper. The last word is the head and is not judged,
    unless the name has none (``headless``: an item a list calls a project)."""
    if c.entry is not None or c.label not in NAMED_LABELS | {"PROGRAM"} or not lexicon.common:
        return False
    if words.get(c.start) == c.start + 1 and text[c.start] in _LEVEL_CHARS:
        return False
    if known.find(1, c.start, c.end) >= 0:
        return False
    if _PROPER_CHARS.search(text, c.start, c.end):
        return False
    # The last word is the head (卫生院, 处理厂): what kind of thing, never what makes it proper.
    pos, body = c.start, []
    while pos < c.end:
        end = words.get(pos)
        if end is None or end > c.end:
            return False
        body.append(text[pos:end])
        pos = end
    if c.label == "PROGRAM":
        body = [w for w in body[:-1] if w not in _PROGRAM_FILLERS] + body[-1:]
        if len(body) > 2:
            return False  # several common words may well name a programme: 营养改善计划
    return all(word in lexicon.common for word in (body[:-1] if len(body) > 1 and not headless else body))


def unnamed(
    text: str, c: Candidate, words: Mapping[int, int], vocabulary: frozenset[str], known: bytearray
) -> bool:
    """For rules whose head makes no name by itself (…项目, …园区): a name needs something no
    description has, a place or body the gazetteers know, a number or letters, or a word the
    segmenter's vocabulary (pkuseg's CTB8 words) does not have, as names of companies and small
    places are not in it (中欣晶圆, 董湾). 第二批疏解项目 or 民间资本推介优质项目 have none."""
    if not vocabulary or known.find(1, c.start, c.end) >= 0 or _PROPER_CHARS.search(text, c.start, c.end):
        return False
    if _COMPANY.search(text, c.start, c.end):
        return False  # a company's project: 新世界集团项目
    if words.get(c.start) == c.start + 1 and text[c.start] in _LEVEL_CHARS:
        return False
    pos = c.start
    while pos < c.end:
        end = words.get(pos)
        if end is None or end > c.end:
            return False
        if text[pos:end] not in vocabulary:
            return False
        pos = end
    return True
