"""Entity rules over characters: gazetteers (TSV) and regex patterns (JSONL), loaded as data.

Chinese names do not follow word segmentation ("杭州高新区（滨江）" is four pkuseg tokens,
"(市" can be one), so rules match characters of the normalized text; the spaCy component then
aligns tokens to what they found. ``RuleSet.match`` is pure: text in, chosen candidates out.

A rule matches within one line and at most ``MAX_NAME`` characters (broken lines are joined
before rules run), and is only tried near the literals every match of it contains
(``anchors.py``).

Pattern files hold one JSON object a line, either a definition that later patterns can use as
``<<NAME>>``::

    {"define": "CJK", "pattern": "[\\u4e00-\\u9fff]"}

or a rule::

    {"id": "org-university", "label": "ORG", "pattern": "...", "priority": 5}

A definition with ``"boundary": true`` is a name boundary: a zero-width test run once per
position for all the rules that begin with it (``boundaries.py``).

A rule may say ``"context_named": true`` (its context makes the match a name, so the match is
not judged by its words: 中央 before 决策部署) or ``"headless": true`` (its match has no head
noun, so every word of it is judged: an item a list calls a project) or ``"needs_name": true``
(its head names no thing by itself, 项目 or 园区, so the match needs a word the segmenter does not
know, a known place or a number); see ``lexicon.generic`` and ``lexicon.unnamed``. A rule that
says ``"verb_led": true`` finds titles that begin with their own verb after a verb of carrying
them out (开展|规范涉企执法专项行动): its name keeps its first verb (``lexicon.trim_leading``).

A rule's entity is the whole match, or the named group ``ent`` when the pattern has one. The
label ``NOT`` marks text that is never an entity (slogans, honours, meetings): any candidate lying
wholly inside such a span is dropped.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, replace
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Optional, Sequence

from kg.nlp.anchors import Anchor
from kg.nlp.candidates import Candidate, Entry
from kg.nlp.places import CHAIN, FOREIGN_KINDS, TOWNSHIP, PlaceContext, chains, keep_places, split_listed, trim_zone_verbs, weak
from kg.nlp.boundaries import Boundary, Starts, split, zero_width
from kg.errors import DataFileError
from kg.nlp.datafiles import Problems, cell, jsonl_rows, read_lines, split_bars, tsv_rows
from kg.nlp.composed import PlacePrefix, load_place_prefixes, place_names
from kg.nlp.lexicon import Lexicon, generic, trim_leading, unnamed
from kg.nlp.rule_cache import RuleCache
from kg.nlp.rule_cache import default_path as rule_cache_path
from kg.resources import datafiles as _datafiles, divisions as _divisions
from kg.resources.derived import key as derived_key, kept
from kg.resources.divisions import division_rows
from kg.resources.names import MARKS
from kg.nlp import candidates as _candidates, datafiles as _nlp_datafiles, places as _places

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
LABELS = ("ORG", "PROJECT", "PROGRAM", "DISTRICT")
NOT = "NOT"
# ANNOTATION.md: "a name that fits two labels takes the first in the order above".
_LABEL_ORDER = {label: i for i, label in enumerate(LABELS)}
_DEFINE_RE = re.compile(r"<<(\w+)>>")
RuleError = DataFileError  # the name callers and tests knew


@dataclass(frozen=True)
class PatternRule:
    id: str
    label: str
    regex: re.Pattern  # the pattern after its boundary, when it begins with one
    priority: int = 0
    anchor: Optional[Anchor] = None  # literals every match contains (see anchors.py)
    boundary: Optional[Boundary] = None  # where a match may start (see boundaries.py)
    source: str = ""  # the whole pattern as written, definitions expanded
    # The context makes its match a name (中央 before 决策部署, places counted as villages), so
    # it is not judged by its words (lexicon.generic).
    context_named: bool = False
    # Its match has no head noun (an item of a list of projects): every word of it is judged.
    headless: bool = False
    # Its head names no thing by itself (…项目, …园区): the match needs a word the segmenter does
    # not know, a known place or body, or a number (lexicon.unnamed).
    needs_name: bool = False
    # Its name begins with its own verb (规范涉企执法专项行动 after 开展): no leading verb is shed.
    verb_led: bool = False

    def finditer(self, text: str, hits: Sequence[tuple[int, int]], starts: Optional[Starts] = None) -> Iterable[re.Match]:
        """Matches of the rule: near its anchor ``hits`` when it has an anchor, else everywhere."""
        starts = starts or Starts(text)
        windows = _windows(text, hits, self.anchor) if self.anchor is not None else [(0, len(text))]
        seen: set[tuple[int, int]] = set()
        for lo, hi in windows:
            found = starts.matches(self.boundary, self.regex, lo, hi) if self.boundary else self.regex.finditer(text, lo, hi)
            for m in found:
                if m.span() not in seen:
                    seen.add(m.span())
                    yield m


# No name is longer than this: a rule whose repeats have no upper limit is tried this far from
# its anchors.
MAX_NAME = 80
# Lookaheads after a name look a few characters further than the name itself.
_LOOKAHEAD_MARGIN = 32


def _windows(text: str, hits: Sequence[tuple[int, int]], anchor: Anchor) -> list[tuple[int, int]]:
    """Merged stretches of text that hold every match containing one of ``hits``: as far as a
    match reaches from its anchor (at most MAX_NAME), and never past the line, since no name runs
    over a line break."""
    size = len(text)
    before, after = min(anchor.before, MAX_NAME), min(anchor.after, MAX_NAME) + _LOOKAHEAD_MARGIN
    merged: list[tuple[int, int]] = []
    for start, end in sorted(hits):
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = size if line_end < 0 else line_end + 1
        lo, hi = max(line_start, start - before), min(line_end, end + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


class FormIndex:
    """Exact written forms, found anywhere in a text by looking up each position's prefixes."""

    def __init__(self, forms: Iterable[str] = ()) -> None:
        self._forms: set[str] = set()
        self._lengths: dict[str, list[int]] = {}  # first char -> form lengths, longest first
        # Only positions that begin some form are looked at: their first two characters (or
        # the one of a one-character form) say so.
        self._pairs: set[str] = set()
        self._singles: set[str] = set()
        for form in forms:
            self.add(form)

    def add(self, form: str) -> None:
        if form in self._forms:
            return
        self._forms.add(form)
        (self._pairs if len(form) > 1 else self._singles).add(form[:2])
        lengths = self._lengths.setdefault(form[0], [])
        if len(form) not in lengths:
            lengths.append(len(form))
            lengths.sort(reverse=True)

    def __contains__(self, form: str) -> bool:
        return form in self._forms

    def __len__(self) -> int:
        return len(self._forms)

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        """Every occurrence of every form, as (start, end, form)."""
        lengths_for = self._lengths.get
        forms, pairs, singles = self._forms, self._pairs, self._singles
        size = len(text)
        if singles:
            starts = [i for i in range(size) if text[i : i + 2] in pairs or text[i] in singles]
        else:
            starts = [i for i in range(size - 1) if text[i : i + 2] in pairs]
        for i in starts:
            for n in lengths_for(text[i], ()):
                if i + n > size:
                    continue  # a slice cut short by the end of the text is not the form
                form = text[i : i + n]
                if form in forms:
                    yield i, i + n, form


@dataclass
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    # form -> entry ids; several entries may share a short form (朝阳).
    forms: dict[str, list[str]] = field(default_factory=dict)
    index: FormIndex = field(default_factory=FormIndex)
    # Short forms that name their division only in its own documents (西湖: a lake elsewhere).
    home_forms: dict[str, list[str]] = field(default_factory=dict)

    def add(self, entry: Entry) -> None:
        self.entries[entry.id] = entry
        for form in entry.forms:
            if len(form) < 2:
                continue  # one-character abbreviations are never entities
            ids = self.forms.setdefault(form, [])
            if entry.id not in ids:  # an entry given more forms is added again
                ids.append(entry.id)
            self.index.add(form)

    def find(self, text: str) -> Iterable[tuple[int, int, str]]:
        return self.index.find(text)

    def lookup(self, form: str) -> list[Entry]:
        return [self.entries[i] for i in self.forms.get(form, ())]

    def words(self) -> list[str]:
        """The forms word segmentation should keep whole. Not the townships': there are ~60,000
        of their names and short forms, loading them into pkuseg costs a second, and a rare place
        name needs no help to be matched, as rules match characters. Not the bare short forms of
        counties either: they are ordinary words more often than places, and forced on the
        segmenter they cut the text around them wrongly (人民和 became 人/民和, 加大安置 加/大安/置)."""
        return sorted({
            f for e in self.entries.values() if e.source != "townships" for f in e.forms
            if len(f) >= 2 and not all(weak(self.entries[i], f) for i in self.forms.get(f, ()))
        })


@dataclass
class RuleSet:
    gazetteer: Gazetteer
    patterns: list[PatternRule]
    not_entities: FormIndex = field(default_factory=FormIndex)
    place_contexts: list[PlaceContext] = field(default_factory=list)
    lexicon: Lexicon = field(default_factory=Lexicon)
    place_prefixes: list[PlacePrefix] = field(default_factory=list)
    _anchor_index: FormIndex = field(init=False)
    _context_named: frozenset[str] = field(init=False)
    _headless: frozenset[str] = field(init=False)
    _needs_name: frozenset[str] = field(init=False)
    _verb_led: frozenset[str] = field(init=False)
    # The segmenter's vocabulary, given by the pipeline (see lexicon.unnamed); empty: not judged.
    vocabulary: frozenset[str] = frozenset()
    _anchor_rules: dict[str, list[int]] = field(init=False)

    def __post_init__(self) -> None:
        self._context_named = frozenset(r.id for r in self.patterns if r.context_named)
        self._headless = frozenset(r.id for r in self.patterns if r.headless)
        self._needs_name = frozenset(r.id for r in self.patterns if r.needs_name)
        self._verb_led = frozenset(r.id for r in self.patterns if r.verb_led)
        self._anchor_rules = {}
        for i, rule in enumerate(self.patterns):
            for anchor in rule.anchor.strings if rule.anchor else ():
                self._anchor_rules.setdefault(anchor, []).append(i)
        self._anchor_index = FormIndex(self._anchor_rules)

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> "RuleSet":
        return cls(
            gazetteer=kept_gazetteer(data_dir / "gazetteer"),
            patterns=load_patterns(sorted((data_dir / "patterns").glob("*.jsonl")), cache=rule_cache_path()),
            not_entities=load_not_entities(data_dir / "gazetteer"),
            place_contexts=load_place_contexts(data_dir / "gazetteer" / "place_contexts.tsv"),
            lexicon=Lexicon.load(data_dir / "lexicon"),
            place_prefixes=load_place_prefixes(data_dir / "gazetteer" / "place_programs.tsv"),
        )

    def candidates(self, text: str) -> list[Candidate]:
        """Everything any rule proposes, before masks, vetoes and overlaps are settled."""
        found: list[Candidate] = []
        for start, end, form in self.gazetteer.find(text):
            for entry in self.gazetteer.lookup(form):
                found.append(Candidate(start, end, entry.label, f"gazetteer:{entry.source}:{entry.id}", 0, entry.id))
        hits: dict[int, list[tuple[int, int]]] = {}
        for start, end, anchor in self._anchor_index.find(text):
            for i in self._anchor_rules[anchor]:
                hits.setdefault(i, []).append((start, end))
        starts = Starts(text)  # shared: each boundary is tested once per position
        for i, rule in enumerate(self.patterns):
            if rule.anchor is not None and i not in hits:
                continue  # no anchor in the text: the rule cannot match
            for m in rule.finditer(text, hits.get(i, ()), starts):
                start, end = m.span("ent") if "ent" in rule.regex.groupindex else m.span()
                if end > start:
                    found.append(Candidate(start, end, rule.label, rule.id, rule.priority))
        return found

    def match(
        self,
        text: str,
        masked: Sequence[tuple[int, int]] = (),
        home: str = "",
        words: Optional[dict[int, int]] = None,
    ) -> list[Candidate]:
        """The entities of ``text``: outermost, non-overlapping, none touching a masked span, and
        no bare short form of a place that nothing in the text supports (see places.py);
        ``home`` is the division code of the area the text speaks for, if known; ``words``, the
        segmenter's words (start -> end), lets names shed a leading verb or adverb (lexicon.py)."""
        found = split_places_before_quotes(text, self.candidates(text) + self._at_home(text, home))
        found += chains(text, found, self._entry)
        if words:
            known_places = [c for c in found if c.entry is not None and c.label == "DISTRICT"]
            places = frozenset(c.start for c in known_places)
            found = trim_leading(text, found, words, self.lexicon, places, frozenset(c.end for c in known_places), self._verb_led)
            found = begin_with_places(text, found, words)
            # A word that begins places' names (当, 如: 当阳, 如东) is no verb inside a zone's name.
            found = trim_zone_verbs(
                text, found, words,
                lambda w: w in self.lexicon.leading_or_verb and "DISTRICT" not in self.lexicon.begins.get(w, ()),
            )
            found += place_names(text, found, words, self.place_prefixes, self._strong_place)
            # A county's or township's bare short form that begins or ends inside a word is not
            # there: 民和 in 人民/和, 大安 in 加大/安置.
            ends = set(words.values())
            found = [c for c in found if not self._cut_place(c, text) or (c.start in words and c.end in ends)]
            known = bytearray(len(text))
            for c in found:
                if c.entry is not None:
                    known[c.start : c.end] = b"\x01" * (c.end - c.start)
            found = [
                c for c in found
                if c.rule in self._context_named or not generic(text, c, words, self.lexicon, known, c.rule in self._headless)
            ]
            found = [c for c in found if c.rule not in self._needs_name or not unnamed(text, c, words, self.vocabulary, known)]
            found = drop_programme_classes(text, found)
        found = self._allowed(text, found, masked)
        # Places of one name (朝阳 of Beijing, of Changchun): every entry a span could be.
        readings: dict[tuple[int, int], list[Candidate]] = {}
        for c in found:
            if c.entry and c.label == "DISTRICT" and not c.rule.startswith(CHAIN):
                readings.setdefault((c.start, c.end), []).append(c)
        # A short form that nothing supports is no place, and must not hide what it overlapped:
        # drop it with its other readings and settle the overlaps again.
        def verb_at(pos: int, label: str) -> bool:
            end = words.get(pos) if words else None
            return end is not None and self.lexicon.sheds(text[pos:end], label)

        for _ in range(_SETTLE_ROUNDS):
            chosen = split_listed(text, resolve(found), readings, verb_at)
            kept, dropped = keep_places(text, chosen, readings, self._entry, home, self.place_contexts)
            if not dropped:
                break
            gone = {(c.start, c.end) for c in dropped}
            found = [c for c in found if not (c.entry and (c.start, c.end) in gone)]
            if not _overlapped(found, gone, len(text)):
                break  # nothing hid behind them: settling again would choose the same
        return quoted_heads(text, join_place_prefixes(text, kept))

    def _at_home(self, text: str, home: str) -> list[Candidate]:
        """The short forms that name a division only in its own documents (ANNOTATION.md: bare
        西湖 in 西湖区's report), where ``home`` is that division, unless the words after it
        make it the lake or mountain (西湖景区, 西湖边) or it opens a quoted name (“西湖模式”)."""
        if not home or not self.gazetteer.home_forms:
            return []
        found = []
        for form, ids in self.gazetteer.home_forms.items():
            ids = [i for i in ids if self.gazetteer.entries[i].code == home]
            if not ids:
                continue
            for m in re.finditer(re.escape(form), text):
                if not _NATURE_AFTER.match(text, m.end()) and text[m.start() - 1 : m.start()] != "“":
                    found.append(Candidate(m.start(), m.end(), "DISTRICT", f"gazetteer:home:{ids[0]}", 0, ids[0]))
        return found

    def _cut_place(self, c: Candidate, text: str) -> bool:
        """A known place, which the segmenter may cut through: dictionary words are forced whole
        unless the model reads a word across them (形成都市圈), so a cut place is not there."""
        return c.label == "DISTRICT" and c.rule.startswith("gazetteer:")

    def _strong_place(self, c: Candidate, written: str) -> bool:
        """A division named so that it needs no support from its context (see places.py)."""
        entry = self._entry(c)
        if c.rule.startswith("gazetteer:home:"):
            return True  # the document's own division, by the short form only it uses (西湖)
        return entry is not None and bool(entry.code) and entry.level != TOWNSHIP and not weak(entry, written)

    def _entry(self, c: Candidate) -> Optional[Entry]:
        return self.gazetteer.entries.get(c.entry or "")

    def _allowed(self, text: str, found: list[Candidate], masked: Sequence[tuple[int, int]]) -> list[Candidate]:
        """``found`` without NOT spans and what they, masks and listed non-entities veto."""
        vetoes = [(c.start, c.end) for c in found if c.label == NOT and text[c.start] != "“"]
        # A listed non-entity vetoes what lies inside it: 教育部 in 教育部门 is no ministry.
        vetoes += [(s, e) for s, e, _ in self.not_entities.find(text)]
        vetoed = _Vetoes(len(text), vetoes, masked)
        # A quoted slogan or honour is no name, so a listed body inside it is one (“重返联合国”的图谋):
        # only what else it holds goes with it. Not a place: the gold leaves places in slogans and
        # brands out (“醉杭州”样板, “西湖模式”品牌), and ANNOTATION.md makes them optional at most.
        in_slogan = _Vetoes(len(text), [(c.start, c.end) for c in found if c.label == NOT and text[c.start] == "“"], ())
        # A quoted name that a NOT span reads as an honour, a goal or a period (“五个一工程”奖)
        # is none with a field before it either (全国“五个一工程”).
        quoted = {}
        for c in found:
            if c.label == NOT and text[c.start] == "“":
                quoted[c.start] = max(quoted.get(c.start, 0), c.end)
        return [
            c
            for c in found
            if c.label != NOT and not vetoed(c) and _trim(text[c.start : c.end]) not in self.not_entities
            and (not in_slogan(c) or (c.label == "ORG" and c.entry is not None))
            and not _ends_in_quoted_not(text, c, quoted)
        ]


def _ends_in_quoted_not(text: str, c: Candidate, quoted: dict[int, int]) -> bool:
    """Whether ``c`` opens a quote inside it that begins a NOT span ``c`` ends within."""
    if not quoted:
        return False
    pos = text.find("“", c.start + 1, c.end)
    while pos >= 0:
        if pos in quoted and c.end <= quoted[pos]:
            return True
        pos = text.find("“", pos + 1, c.end)
    return False


def _overlapped(found: Sequence[Candidate], spans: set[tuple[int, int]], size: int) -> bool:
    """Whether any candidate overlaps one of ``spans`` (and is not at one of them)."""
    marks = bytearray(size + 1)
    for s, e in spans:
        marks[s:e] = b"\x01" * (e - s)
    return any(marks.find(1, c.start, c.end) >= 0 for c in found if (c.start, c.end) not in spans)


# Dropping unsupported short forms and settling again converges in a round or two; a dropped
# form can only uncover candidates, which are short forms again at most this many times.
_SETTLE_ROUNDS = 3


_CONJUNCTIONS = frozenset("和与及暨并或同")


def drop_programme_classes(text: str, found: list[Candidate]) -> list[Candidate]:
    """``found`` without the works of a rule's …项目 that a known programme's name ends right
    before: 保交房项目, 国家重点研发计划项目 are the projects of a programme, a class, not one."""
    programmes: dict[int, int] = {}
    for c in found:
        if c.entry is not None and c.label == "PROGRAM":
            programmes[c.end] = min(c.start, programmes.get(c.end, c.start))
    return [
        c for c in found
        if not (
            c.entry is None and c.label == "PROJECT" and text.endswith("项目", c.start, c.end)
            and programmes.get(c.end - 2, -1) >= c.start
        )
    ]


def begin_with_places(text: str, found: list[Candidate], words: dict[int, int]) -> list[Candidate]:
    """A pattern's name that begins inside a known place the segmenter keeps one word and runs
    past it begins with the place: the pattern's boundary read a verb ending in the place's first
    character (建成 of 创建成都国家植物园, 和 of 呼和浩特都市圈), so the place is its first word.
    Not a place of two characters that begins with a conjunction: 和 of 教育和县乡财政 is one
    as often as 和县 is the county."""
    inside: dict[int, tuple[int, int]] = {}
    for c in found:
        if c.entry is not None and c.label == "DISTRICT" and words.get(c.start) == c.end:
            if c.end - c.start == 2 and text[c.start] in _CONJUNCTIONS:
                continue
            for pos in range(c.start + 1, c.end):
                inside.setdefault(pos, (c.start, c.end))
    if not inside:
        return found
    return [
        replace(c, start=inside[c.start][0]) if c.entry is None and c.start in inside and c.end > inside[c.start][1] else c
        for c in found
    ]


def split_places_before_quotes(text: str, found: list[Candidate]) -> list[Candidate]:
    """A place right before a quoted name is its own DISTRICT (ANNOTATION.md: 上城区“十四五”规划
    is 上城区 and “十四五”规划), while a field or scope there stays in the name: a name whose
    words before its opening quote are all places begins at the quote instead."""
    place_ends: dict[int, int] = {}
    for c in found:
        # A body there is no field either: 石河子大学“双一流” is 石河子大学 and “双一流”.
        if c.label in ("DISTRICT", "ORG") and c.end > place_ends.get(c.start, -1):
            place_ends[c.start] = c.end
    if not place_ends:
        return found
    out = []
    for c in found:
        quote = text.find("“", c.start + 1, c.end)
        if c.label not in ("DISTRICT", NOT) and quote > 0 and c.start in place_ends:
            pos = c.start
            while pos < quote and pos in place_ends and place_ends[pos] <= quote:
                pos = place_ends[pos]
            if pos == quote:
                c = replace(c, start=quote)
        out.append(c)
    return out


def join_place_prefixes(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A place written right before an unquoted name is part of it (ANNOTATION.md: a span is the
    whole name as written): 成都 + 服务业扩大开放综合试点 is one PROGRAM, 石家庄 + 国际陆港 one
    PROJECT. A name with a quote or title mark stays apart from the place before it (上城区
    “十四五”规划, see ``split_places_before_quotes``), and so does the last of places listed
    before a name of its own, which the name shares (淳安、建德 + 钱塘江…项目, see ``split_listed``);
    places after places are a chain (places.py)."""
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label == "DISTRICT"
            and prev.end == c.start
            and c.label not in ("DISTRICT", NOT)
            and not _OPENING_MARK.search(text, c.start, c.end)
            and not _listed_place(text, out)
        ):
            out[-1] = replace(c, start=prev.start, rule=f"{_PLACE_JOINED}{c.rule}")
            continue
        out.append(c)
    return out


# ANNOTATION.md: the noun after the closing mark that says what kind of thing it is stays in the span.
_KIND_AFTER_QUOTE = re.compile("”(?:主题教育|改革|计划|行动|活动|机制|工程|方案|体系|模式|政策|试点|平台|项目|新政)")


def quoted_heads(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A programme the gazetteer knows, written in quotes and followed by the noun of its kind,
    is named with both (ANNOTATION.md): “两重”项目, not 两重. Patterns keep the head already;
    a listed name matched only the words inside the marks."""
    out = []
    for c in chosen:
        if (
            c.entry is not None and c.label == "PROGRAM" and text[c.start - 1 : c.start] == "“"
            and (m := _KIND_AFTER_QUOTE.match(text, c.end))
        ):
            c = replace(c, start=c.start - 1, end=m.end())
        out.append(c)
    return out


def _listed_place(text: str, out: list[Candidate]) -> bool:
    """Whether the last of ``out`` is a place listed after another (淳安、建德)."""
    if len(out) < 2:
        return False
    before, last = out[-2], out[-1]
    return before.label == "DISTRICT" and before.end == last.start - 1 and text[before.end] in _LIST_MARKS


_LIST_MARKS = "、，,和与及"
_OPENING_MARK = re.compile("[“《‘〈]")
_PLACE_JOINED = "place+"  # rule prefix of a name joined to the place written before it


# Words after a lake's or mountain's name that make it the lake or mountain, not the district
# named after it: 西湖景区, 西湖边, 西湖十景, 黄山风景区.
_NATURE_AFTER = re.compile(r"景区|风景|名胜|湖|边|畔|山|水|十景|文化景观|申遗|龙井|醋鱼|游船|游览|周边|沿岸|湖区|之畔")


class _Vetoes:
    """Masked text is never part of an entity, and a name right after a mask began inside it
    (XX市人民政府 is a masked name, not 市人民政府); a NOT span vetoes what lies wholly inside it.
    Checked through per-character tables, as candidates run into thousands."""

    def __init__(self, size: int, vetoes: Sequence[tuple[int, int]], masked: Sequence[tuple[int, int]]) -> None:
        self.masked = bytearray(size + 1)
        self.mask_ends = set()
        for s, e in masked:
            self.masked[s:e] = b"\x01" * (e - s)
            self.mask_ends.add(e)
        # reach[i]: the furthest end of a veto span starting at or before i
        reach = [0] * (size + 1)
        for s, e in vetoes:
            reach[s] = max(reach[s], e)
        self.reach = list(accumulate(reach, max))

    def __call__(self, c: Candidate) -> bool:
        if c.start in self.mask_ends or self.masked.find(1, c.start, c.end) >= 0:
            return True
        return self.reach[c.start] >= c.end




def _trim(text: str) -> str:
    return text.strip(MARKS)


def resolve(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep the outermost candidates: longest first, then higher priority, then a listed name's
    own label over a shape's guess for the same span (西安科技创新中心 is a listed designation,
    not the body its head suggests), then label order. Listed places do not claim a tie: a short
    place name is judged later (places.py) and may be dropped, leaving the span to the rule."""
    ordered = sorted(
        candidates,
        key=lambda c: (
            -(c.end - c.start),
            -c.priority,
            c.entry is None or c.label == "DISTRICT",
            _LABEL_ORDER.get(c.label, 9),
            c.start,
            c.rule,
        ),
    )
    occupied = bytearray(max((c.end for c in ordered), default=0))
    taken: list[Candidate] = []
    for c in ordered:
        if occupied.find(1, c.start, c.end) >= 0:
            continue
        taken.append(c)
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(taken, key=lambda c: (c.start, c.end))


# ---- loading -------------------------------------------------------------------------------


# The keys a line of a pattern file may have: a definition's, a rule's (a note is free text).
_DEFINE_KEYS = frozenset({"define", "pattern", "boundary", "note"})
_RULE_KEYS = frozenset({"id", "label", "pattern", "priority", "context_named", "headless", "needs_name", "verb_led", "note"})
_RULE_FLAGS = ("context_named", "headless", "needs_name", "verb_led")


def load_patterns(paths: Sequence[Path], cache: Optional[Path] = None) -> list[PatternRule]:
    derived = RuleCache(cache)
    defines: dict[str, str] = {}
    boundaries: dict[str, Boundary] = {}
    rules: list[PatternRule] = []
    ids: set[str] = set()
    with Problems() as problems:
        for path in paths:
            for where, row in jsonl_rows(path, problems):
                pattern = _checked_pattern(row, defines, where, problems)
                if pattern is None:
                    continue
                if "define" in row:
                    name = row["define"]
                    if not isinstance(name, str) or not re.fullmatch(r"\w+", name):
                        problems.add(where, f"a definition's name is letters, digits and _, not {name!r}")
                        continue
                    if name in defines:
                        problems.add(where, f"<<{name}>> is defined twice (a second definition would change it for the rules below only)")
                        continue
                    defines[name] = pattern
                    if row.get("boundary"):
                        boundary = _boundary(name, pattern, derived, where, problems)
                        if boundary is not None:
                            boundaries[name] = boundary
                    continue
                rule_id, label = row.get("id"), row.get("label")
                if not rule_id or not isinstance(rule_id, str) or label not in LABELS + (NOT,):
                    problems.add(where, f"a rule needs an id and a label in {LABELS + (NOT,)}")
                    continue
                if rule_id in ids:
                    problems.add(where, f"duplicate rule id {rule_id!r}")
                    continue
                ids.add(rule_id)
                priority = row.get("priority", 0)
                if not isinstance(priority, int) or isinstance(priority, bool):
                    problems.add(where, f"priority of {rule_id!r} must be a whole number, not {priority!r}")
                    continue
                flags = [row.get(flag, False) for flag in _RULE_FLAGS]
                if not all(isinstance(flag, bool) for flag in flags):
                    problems.add(where, f"{', '.join(_RULE_FLAGS)} are true or false")
                    continue
                try:
                    boundary, rest = _split_boundary(pattern, boundaries, derived)
                    regex = derived.compiled(derived.optimized(rest))
                except re.error as err:
                    problems.add(where, f"bad pattern for {rule_id!r}: {err}")
                    continue
                rules.append(PatternRule(
                    rule_id, label, regex, priority, derived.anchor(regex), boundary, pattern, *flags,
                ))
    derived.save()
    return rules


def _checked_pattern(row: dict, defines: dict[str, str], where: str, problems: Problems) -> Optional[str]:
    """The line's pattern with definitions expanded; None, and the problem told, when the line
    has an unknown key, no pattern or one using a definition not made above it."""
    keys = _DEFINE_KEYS if "define" in row else _RULE_KEYS
    unknown = sorted(set(row) - keys)
    if unknown:
        problems.add(where, f"unknown key {unknown[0]!r} (a {'definition' if 'define' in row else 'rule'} has {', '.join(sorted(keys))})")
        return None
    pattern = row.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        problems.add(where, "a line needs a \"pattern\" string")
        return None
    undefined = [name for name in _DEFINE_RE.findall(pattern) if name not in defines]
    if undefined:
        problems.add(where, f"<<{undefined[0]}>> is not defined above")
        return None
    return _DEFINE_RE.sub(lambda m: defines[m.group(1)], pattern)


def _split_boundary(pattern: str, boundaries: dict[str, Boundary], derived: RuleCache) -> tuple[Optional[Boundary], str]:
    """The boundary ``pattern`` begins with and the rest (see boundaries.split), remembered."""

    def name() -> str:
        boundary, _ = split(pattern, boundaries)
        return boundary.name if boundary else ""

    key = "\0".join([pattern, *sorted(b.prefix for b in boundaries.values())])
    found = derived.get("boundary", key, name)
    if not found:
        return None, pattern
    return boundaries[found], pattern[len(boundaries[found].prefix) :]


def _boundary(name: str, pattern: str, derived: RuleCache, where: str, problems: Problems) -> Optional[Boundary]:
    try:
        regex = derived.compiled(derived.optimized(pattern))
    except re.error as err:
        problems.add(where, f"bad pattern for boundary {name!r}: {err}")
        return None
    if not derived.get("zero-width", pattern, lambda: zero_width(pattern)):
        problems.add(where, f"boundary {name!r} must match no characters (lookarounds only)")
        return None
    return Boundary(name, pattern, regex)


# Notes that keep a form out of the index: a short form that is also a lake, a mountain or an
# ordinary word (西湖, 黄山, 和平) names the place too rarely to be matched on its own.
_DIVISION_UNSAFE = re.compile(r"short-is-(?:also-nature|common-word)=([^;]+)")
# A township's short form (转塘, 梅城) counts only where places.py finds support for it, and
# never when it is also a lake, a mountain, an ordinary word, a name five or more townships share
# (城关, 新华), or the short form of a division (余杭 is 余杭区 before it is 余杭街道).
_TOWNSHIP_UNSAFE = re.compile(r"short-is-(?:also-nature|common-word|division|generic)=([^;]+)")
_FOREIGN_UNSAFE = re.compile(r"form-is-(?:common-word|division)=([^;]+)")
_TOWNSHIP_COLUMNS = ("code", "name", "parent", "short", "note")
_FOREIGN_COLUMNS = ("id", "name", "kind", "parent", "short", "note")
_ZONE_COLUMNS = ("id", "name", "kind", "parent", "short")
# What zones.tsv and organizations*.tsv may call a row's kind (a zone's is its division level).
ZONE_KINDS = frozenset({
    "region", "free-trade-zone", "econ-dev-zone", "new-area", "planning-area", "hi-tech-zone", "new-town",
    "bonded-zone", "characteristic-town", "special-cooperation-zone", "corridor", "national-park",
    "scenic-zone", "industrial-park",
})
ORG_KINDS = frozenset({
    "government", "party", "legislature", "cppcc", "court", "procuratorate", "military", "company",
    "university", "research", "hospital", "media", "association", "mass-organization", "international",
})
# Why not_entities*.tsv lists a text.
NOT_REASONS = frozenset({"generic", "meeting", "theory", "honour", "slogan", "time-period"})


def _choices(values: Iterable[str]) -> str:
    return ", ".join(sorted(values))


def _load_townships(path: Path, gazetteer: Gazetteer, problems: Problems, parents: Optional[set[str]]) -> None:
    """The country's ~40,000 townships, read line by line without the csv module: they are most
    of the gazetteer, and loading the pipeline must stay quick. ``parents``: the division codes a
    township's parent must be one of (None: not known here)."""
    lines = read_lines(path, problems)
    if lines is None:
        return
    header = lines[0].rstrip("\r").split("\t")
    missing = [c for c in _TOWNSHIP_COLUMNS if c not in header]
    if missing:
        problems.add(f"{path}:1", f"no column {missing[0]!r}")
        return
    at = [header.index(c) for c in _TOWNSHIP_COLUMNS]
    width = len(header)
    codes: set[str] = set()
    for lineno, line in enumerate(lines[1:], 2):
        line = line.rstrip("\r")
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != width:
            problems.add(f"{path}:{lineno}", f"{len(cells)} cells, the header has {width}")
            continue
        code, name, parent, short, note = (cells[i] for i in at)
        if not (len(code) == 9 and code.isascii() and code.isdigit() and code[:6] == parent and name):
            problems.add(f"{path}:{lineno}", "a township needs a name and a 9-digit code that begins with its parent's 6 digits")
            continue
        if code in codes:
            problems.add(f"{path}:{lineno}", f"code {code} is listed twice")
            continue
        codes.add(code)
        if parents is not None and parent not in parents:
            problems.add(f"{path}:{lineno}", f"parent {parent} is not a code of divisions.tsv")
        forms: tuple[str, ...] = (name,)
        if short and not (note and short in _TOWNSHIP_UNSAFE.findall(note)):
            forms = (name, short)
        gazetteer.add(Entry(
            id=f"division:{code}:{name}", name=name, label="DISTRICT", source="townships", forms=forms,
            code=code, parent=parent, level=TOWNSHIP, name_needs_context="name-is-phrase" in note,
        ))


def _load_divisions(path: Path, gazetteer: Gazetteer, problems: Problems) -> set[str]:
    """divisions.tsv into ``gazetteer``; the codes it lists."""
    codes = set()
    for row in division_rows(path, problems):
        name = row["name"]
        unsafe = set(_DIVISION_UNSAFE.findall(row["note"]))
        entry_id = f"division:{row['code']}:{name}"
        shorts = split_bars(row["short"])
        for form in unsafe & set(shorts):
            # 西湖 is the lake before it is 西湖区, except in 西湖区's own documents.
            gazetteer.home_forms.setdefault(form, []).append(entry_id)
        gazetteer.add(Entry(
            id=entry_id, name=name, label="DISTRICT", source="divisions",
            forms=(name, *(f for f in shorts if f not in unsafe)),
            code=row["code"], parent=row["parent"], level=row["level"], until=row["valid_to"],
            # A full name that is also a phrase (范县 in 示范县, 海城市 in 沿海城市) counts only
            # where places.py finds support for it, as a short form does.
            name_needs_context="name-is-phrase" in row["note"],
        ))
        codes.add(row["code"])
    return codes


def _load_foreign(path: Path, gazetteer: Gazetteer, problems: Problems) -> None:
    countries: set[str] = set()
    ids: set[str] = set()
    for where, row in tsv_rows(path, _FOREIGN_COLUMNS, problems):
        fid, name, kind, parent = (cell(row, c) for c in ("id", "name", "kind", "parent"))
        if not fid or not name or kind not in FOREIGN_KINDS:
            problems.add(where, f"a foreign place needs an id, a name and a kind in {sorted(FOREIGN_KINDS)}")
            continue
        if fid in ids:
            problems.add(where, f"id {fid!r} is used twice")
            continue
        ids.add(fid)
        if (kind == "country") != (not parent) or (parent and parent not in countries):
            problems.add(where, "a country has no parent; a city's parent is a country listed above it")
            continue
        if kind == "country":
            countries.add(fid)
        unsafe = set(_FOREIGN_UNSAFE.findall(row["note"]))
        gazetteer.add(Entry(
            id=f"foreign:{fid}", name=name, label="DISTRICT", source="foreign",
            forms=tuple(f for f in (name, *split_bars(row["short"])) if f not in unsafe),
            level=kind, within=f"foreign:{parent}" if parent else "",
        ))


def _load_zones(path: Path, gazetteer: Gazetteer, problems: Problems, parents: Optional[set[str]]) -> None:
    ids: set[str] = set()
    for where, row in tsv_rows(path, _ZONE_COLUMNS, problems):
        zid, name, kind, parent = (cell(row, c) for c in ("id", "name", "kind", "parent"))
        if not zid or not name or kind not in ZONE_KINDS:
            problems.add(where, f"a zone needs an id, a name and a kind in {_choices(ZONE_KINDS)}")
            continue
        if zid in ids:
            problems.add(where, f"id {zid!r} is used twice")
            continue
        ids.add(zid)
        if parent and parents is not None and parent not in parents:
            problems.add(where, f"parent {parent!r} is not a code of divisions.tsv")
        gazetteer.add(Entry(
            id=f"zone:{zid}", name=name, label="DISTRICT", source="zones",
            forms=(name, *split_bars(row["short"])), parent=parent, level=kind,
        ))


def _load_names(folder: Path, gazetteer: Gazetteer, problems: Problems) -> None:
    """organizations*.tsv (ORG unless a row says otherwise, a kind of ORG_KINDS), programs*.tsv
    and projects*.tsv (a label per row): ids are unique across the files of one prefix (org:,
    pro:). A row noted ``alias-of=<file>:<id>`` adds its forms to that entry instead of naming a
    thing of its own."""
    aliases: list[tuple[str, str, tuple[str, ...]]] = []
    ids: dict[str, str] = {}  # entry id -> where first listed
    for pattern, default_label in (("organizations*.tsv", "ORG"), ("programs*.tsv", None), ("projects*.tsv", None)):
        for path in sorted(folder.glob(pattern)):
            orgs = path.stem.startswith("organizations")
            prefix = "org" if orgs else "pro"
            for where, row in tsv_rows(path, ("id", "name", "aliases") + (("kind",) if orgs else ("label",)), problems):
                rid, name = cell(row, "id"), cell(row, "name")
                label = cell(row, "label") or default_label
                if not rid or not name:
                    problems.add(where, "a row needs an id and a name")
                    continue
                if label not in LABELS:
                    problems.add(where, f"label {label!r} is not one of {LABELS}")
                    continue
                if orgs and cell(row, "kind") not in ORG_KINDS:
                    problems.add(where, f"kind {cell(row, 'kind')!r} is not one of {_choices(ORG_KINDS)}")
                    continue
                entry_id = f"{prefix}:{rid}"
                if entry_id in ids:
                    problems.add(where, f"id {rid!r} is used twice (first at {ids[entry_id]})")
                    continue
                ids[entry_id] = where
                forms = (name, *split_bars(row["aliases"]))
                target = re.search(r"alias-of=[^:;\s]+:([^;\s]+)", row.get("note") or "")
                if target:
                    aliases.append((where, f"{prefix}:{target.group(1)}", forms))
                    continue
                gazetteer.add(Entry(id=entry_id, name=name, label=label, source=path.stem, forms=forms, level=cell(row, "kind")))
    for where, target, forms in aliases:
        entry = gazetteer.entries.get(target)
        if entry is None:
            problems.add(where, f"alias-of names no entry {target!r}")
            continue
        gazetteer.add(replace(entry, forms=tuple(dict.fromkeys(entry.forms + forms))))


def load_gazetteer(folder: Path) -> Gazetteer:
    """Every gazetteer file of ``folder`` that is there, checked: DataFileError lists what is wrong."""
    gazetteer = Gazetteer()
    with Problems() as problems:
        divisions = folder / "divisions.tsv"
        codes = _load_divisions(divisions, gazetteer, problems) if divisions.exists() else None
        if (folder / "townships.tsv").exists():
            _load_townships(folder / "townships.tsv", gazetteer, problems, codes)
        if (folder / "foreign.tsv").exists():
            _load_foreign(folder / "foreign.tsv", gazetteer, problems)
        if (folder / "zones.tsv").exists():
            _load_zones(folder / "zones.tsv", gazetteer, problems, codes)
        _load_names(folder, gazetteer, problems)
    return gazetteer


def kept_gazetteer(folder: Path) -> Gazetteer:
    """``load_gazetteer(folder)``, kept on disk (kg.resources.derived) under a digest of the
    folder's files and of the code that reads them: the townships alone take half a second to
    read, a tenth to load kept."""
    code = (sys.modules[__name__], _candidates, _places, _nlp_datafiles, _datafiles, _divisions)
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file())
        found = derived_key(files, code)
    except OSError:
        return load_gazetteer(folder)  # it says what is missing
    return kept("gazetteer", found, lambda: load_gazetteer(folder))


def load_not_entities(folder: Path) -> FormIndex:
    """Every ``not_entities*.tsv``: slogans, honours, meetings and generic words, each listed once
    with a reason of NOT_REASONS."""
    index = FormIndex()
    with Problems() as problems:
        for path in sorted(folder.glob("not_entities*.tsv")):
            for where, row in tsv_rows(path, ("text", "reason"), problems):
                form, reason = cell(row, "text"), cell(row, "reason")
                if not form or reason not in NOT_REASONS:
                    problems.add(where, f"a row needs a text and a reason in {_choices(NOT_REASONS)}")
                elif form in index:
                    problems.add(where, f"{form!r} is listed twice")
                else:
                    index.add(form)
    return index


def load_place_contexts(path: Path) -> list[PlaceContext]:
    if not path.exists():
        return []
    contexts: dict[str, PlaceContext] = {}
    with Problems() as problems:
        for where, row in tsv_rows(path, ("id", "before", "after"), problems):
            cid, before, after = cell(row, "id"), row["before"], row["after"]
            if not cid or not (before or after):
                problems.add(where, "a place context needs an id and a word before or after")
            elif cid in contexts:
                problems.add(where, f"id {cid!r} is used twice")
            else:
                contexts[cid] = PlaceContext(cid, before, after)
    return list(contexts.values())
