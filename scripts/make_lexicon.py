#!/usr/bin/env python3
"""Regenerate kg/data/lexicon/leading.tsv: words that never begin a name.

A one-off generator for maintainers; kg never imports it, and the TSV it writes is
self-contained (jieba is not needed at run time).

Why: the rules find a name by its head (…行动, …机场, …大学) and take the characters before it
back to a left boundary. In policy text a verb, an adverb, a modal or a pronoun often stands right
before a name without a punctuation mark or a known verb between them (决不能改革, 逐步缩小…计划,
力促京雄高速二期, 应当立即报告区人民政府), and the rules then take it into the name. Names in
these documents do not begin with such words, so the recognizer trims them off the front of a
rule-found name (``kg/nlp/lexicon.py``), a word (a pkuseg token) at a time.

Source: jieba's dictionary (``jieba/dict.txt`` in the MIT-licensed ``jieba`` 0.42.1 sdist on
PyPI), which tags 349,046 words with their part of speech and frequency. Chosen because it is the
one widely used, openly licensed Chinese lexicon with parts of speech; pkuseg's CTB8 model has no
tag dictionary.

Object verbs (class ``object-verb``, with ``--corpus``): verbs that stand before a quoted name at
least ``--object-min`` times and in ``--object-share`` of their occurrences in the policy texts and
begin no programme's name kg knows (实施“…”, 推行“…”). They take a name as their object, so they are shed even off a programme's name,
which may otherwise begin with its verb (推行全民健身计划 is 全民健身计划).

Taken: words tagged verb (v, vd, vi), adverb (d, ad), preposition (p), conjunction (c),
pronoun (r) or particle (u) with a frequency of at least ``--min-freq``. Left out:
- verbal nouns (vn: 建设, 发展, 管理) and nouns, which begin names;
- words in ``KEEP`` below, which begin names of any kind often enough in policy text to be kept.
Kept, with the labels whose names they may begin (column ``begins``): words that begin a name kg
knows, a gazetteer name or alias (kg/data/gazetteer/*.tsv) or an entity of the seed gold
(``--gold``, the passages the rules were written against; never the dev gold), each for that
name's label only, so that 创新 (创新驱动发展战略) stays a possible first word of a programme while
加强 is still shed before a work (加强APP) although a programme's name begins with it; the verbs of
``PROGRAM_VERBS`` begin programmes (推进…, 扩大…开放试点). A word that begins names of every label,
a word that begins a place's name (遵义, 开封: places head names of every kind), and a word other
than a verb that begins any name, are left out.

Usage::

    pip download jieba==0.42.1 --no-deps -d /tmp/jieba && tar xzf /tmp/jieba/jieba-0.42.1.tar.gz -C /tmp/jieba
    python scripts/make_lexicon.py --jieba-dict /tmp/jieba/jieba-0.42.1/jieba/dict.txt \\
        --gold ../shared/gold/seeds.jsonl --common-freq 300 --corpus ../shared/corpus/docs
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "kg" / "data" / "gazetteer"
OUT = ROOT / "kg" / "data" / "lexicon" / "leading.tsv"
COMMON_OUT = ROOT / "kg" / "data" / "lexicon" / "common.tsv"
# Part-of-speech tags of proper names, numbers and foreign strings: never common words.
PROPER_TAGS = {"ns", "nr", "nz", "nt", "nrt", "nrfg", "x", "eng", "m", "mq", "q"}

TAGS = {"v": "verb", "vd": "verb", "vi": "verb", "d": "adverb", "ad": "adverb", "p": "preposition",
        "c": "conjunction", "r": "pronoun", "u": "particle"}
# Words jieba tags as place names that name no place: kinds of area. They are common words.
GENERIC_PLACES = {"城市", "农村", "乡村", "城乡", "地区", "地方", "山区", "郊区", "城区", "社区", "边境", "沿海",
                  "内陆", "海外", "境外", "国内", "国外", "各地", "当地", "本地", "全国", "全省", "全市", "基层",
                  "城镇", "乡镇", "县城", "市区", "县域", "园区", "景区", "街道"}
# One-character words kept: function words only. The segmenter leaves the characters of a name it
# does not know as one-character words (之/浦路, 贴/沙河), and those are mostly content characters.
ONE_CHAR_TAGS = {"p", "c", "r"}
# Words that begin no name although the rules above leave them out: one-character adverbs (the
# segmenter reads them as words of their own before a name: 还/要/新建…, 已/建成…), and words that
# stand before names in reports as the clause's subject or adverb (我们制订…, 充分…), each with the
# class it is shed as (如, 像, 当 as prepositions: 如黄河三门峡水库 is an example given).
ALWAYS = {
    "还": "adverb", "也": "adverb", "已": "adverb", "仅": "adverb", "又": "adverb", "再": "adverb",
    "就": "adverb", "才": "adverb", "均": "adverb", "亦": "adverb", "便": "adverb", "有": "verb",
    "如": "preposition", "像": "preposition", "当": "preposition", "我们": "pronoun", "最近": "adverb",
    "充分": "adverb",
    # jieba tags 新建 a place (新建区 of Nanchang), but policy text uses it as the verb (新建…铁路).
    "新建": "verb",
}
# The labels whose names a word of ALWAYS still begins: places' names begin with these characters
# (当阳, 如东, 亦庄, 有…), and the segmenter cuts an unknown place's name into characters.
ALWAYS_BEGINS = {"新建": "DISTRICT", **{w: "DISTRICT" for w in ALWAYS if len(w) == 1}}
# The gazetteers of names (not the lists of non-entities or context words).
NAME_FILES = {"divisions": "DISTRICT", "townships": "DISTRICT", "zones": "DISTRICT", "same_as": "DISTRICT",
              "organizations": "ORG", "programs": "PROGRAM", "projects": "PROJECT"}
LABELS = ("ORG", "PROJECT", "PROGRAM", "DISTRICT")
# Verbs that name the action of a programme and so begin its name (推进…, 扩大…开放试点, 退耕还林);
# before a body, a work or a place they are the verb of the clause (推进杭州西站枢纽).
PROGRAM_VERBS = {
    "扩大", "退耕", "促进", "推进", "深化", "加快", "支持", "鼓励", "振兴", "治理", "防治", "引领",
    "提升", "改善", "整治", "修复", "巩固", "拓展", "培育", "扶贫", "脱贫", "优化", "救助", "援助",
    "补贴", "奖励", "节约",
}
# Words jieba tags as verbs but policy text uses as modifiers or as the first word of names of any
# kind (保护区, 联合国, 综合保税区, 服务中心).
KEEP = {
    "保护", "创新", "示范", "共享", "开放", "集中", "统一", "综合", "联合", "合作", "融合", "应用",
    "服务", "保障", "长期", "比较", "自治", "发展", "建设", "改革", "规划", "管理", "监督", "执法",
    "安居", "宜居", "惠民", "为民", "便民", "利民", "富民", "强", "兴", "护", "育", "扶", "惠",
    "稳", "保", "防", "治", "引", "助", "营", "共", "双", "新", "老", "大", "小", "上", "下",
    "中", "东", "西", "南", "北", "高", "美", "平", "安", "和", "长", "齐", "同", "通", "联", "京",
    "津", "沪", "渝", "冀", "晋", "蒙", "辽", "吉", "黑", "苏", "浙", "皖", "闽", "赣", "鲁", "豫",
    "鄂", "湘", "粤", "桂", "琼", "川", "蜀", "贵", "黔", "滇", "云", "藏", "陕", "秦", "甘", "陇",
    "青", "宁", "新", "港", "澳", "台", "杭", "甬", "温", "嘉", "湖", "绍", "金", "衢", "舟", "丽",
    # jieba tags 本科 a pronoun (本 + 科), but it is the level of a school or an education
    # (本科教育…改革, 本科院校).
    "本科",
}


def known_first_words(gold: list[Path]) -> dict[str, set[str]]:
    """The labels whose names (in the gazetteers and the given gold) begin with each prefix of 2–4
    characters. A one-character word is trimmed only where the segmenter reads it as a word of its
    own, which the first character of a name seldom is, so one-character prefixes do not count."""
    names: set[tuple[str, str]] = set()
    for path in sorted(GAZETTEER.glob("*.tsv")):
        label = next((lab for stem, lab in NAME_FILES.items() if path.stem.startswith(stem)), None)
        if label is None:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t"):
            row_label = (row.get("label") or label).strip()
            for column in ("name", "short", "aliases", "text", "form"):
                names.update((v.strip(), row_label) for v in (row.get(column) or "").split("|") if v.strip())
    for path in gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            for start, end, label in row["entities"]:
                names.add((row["text"][start:end].strip("“”‘’\"'《》〈〉「」『』"), label.lstrip("?")))
    firsts: dict[str, set[str]] = {}
    for name, label in names:
        for n in range(2, 5):
            firsts.setdefault(name[:n], set()).add(label)
    return firsts


def object_verbs(corpus: Path, verbs: set[str], least: int, share: float) -> set[str]:
    """The ``verbs`` that stand right before an opening quote in the texts of ``corpus`` at least
    ``least`` times and in at least ``share`` of their occurrences: they take a name as their
    object (实施“…”, 推行“…”), so before an unquoted programme's name they are the clause's verb
    too (推行全民健身计划). A verb seldom before a quote (新增, 化解: about 1%) may begin a
    programme's name (新增建设用地计划, 化解…专项行动)."""
    texts = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.glob("*.txt")))
    before: dict[str, int] = {}
    pos = texts.find("“")
    while pos >= 0:
        for n in range(2, 5):
            if pos >= n and texts[pos - n : pos] in verbs:
                before[texts[pos - n : pos]] = before.get(texts[pos - n : pos], 0) + 1
        pos = texts.find("“", pos + 1)
    return {v for v, n in before.items() if n >= least and n >= share * texts.count(v)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jieba-dict", type=Path, required=True, help="jieba/dict.txt")
    parser.add_argument("--gold", type=Path, action="append", default=[], help="gold JSONL whose names stay possible")
    parser.add_argument("--min-freq", type=int, default=50)
    parser.add_argument("--common-freq", type=int, default=1000, help="frequency from which a word is common")
    parser.add_argument("--corpus", type=Path, help="a folder of policy texts (*.txt) to find object verbs in")
    parser.add_argument("--object-min", type=int, default=5, help="times before a quoted name that make a verb an object verb")
    parser.add_argument("--object-share", type=float, default=0.02, help="and the share of the verb's occurrences they must be")
    args = parser.parse_args()

    firsts = known_first_words(args.gold)
    tagged = [line.split() for line in args.jieba_dict.read_text(encoding="utf-8").splitlines()]
    objects = object_verbs(args.corpus, {w for w, _, t in tagged if TAGS.get(t) == "verb" and len(w) > 1}, args.object_min,
                           args.object_share) if args.corpus else set()
    rows, common = [], []
    for word, freq, tag in tagged:
        if (int(freq) >= args.common_freq and tag not in PROPER_TAGS and len(word) > 1) or word in GENERIC_PLACES:
            common.append((word, tag, int(freq)))
        if word in ALWAYS:
            rows.append((word, ALWAYS[word], int(freq), ALWAYS_BEGINS.get(word, "")))
            continue
        if tag not in TAGS or int(freq) < args.min_freq or word in KEEP:
            continue
        if len(word) == 1 and tag not in ONE_CHAR_TAGS:
            continue
        begins = firsts.get(word, set()) | ({"PROGRAM"} if word in PROGRAM_VERBS else set())
        # Per label for verbs only: a programme is named by its action (加强…行动), a body or a
        # work is not. Another word that begins a name of any kind (自然 in 自然资源部, 自然保护区)
        # is a noun there as often as not, and begins names of every kind. So does a word that
        # begins a place's name (遵义, 开封): a place heads bodies' and works' names (遵义机场).
        if begins.issuperset(LABELS) or (begins and TAGS[tag] != "verb") or "DISTRICT" in begins:
            continue
        cls = TAGS[tag]
        if cls == "verb" and "PROGRAM" not in begins and word in objects:
            cls = "object-verb"
        rows.append((word, cls, int(freq), "|".join(sorted(begins))))
    rows.sort(key=lambda r: (-r[2], r[0]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Words that never begin a name; generated by scripts/make_lexicon.py from jieba 0.42.1's dict.txt.\n")
        fh.write("# begins: the labels whose names may begin with the word; it is not shed from those.\n")
        fh.write("word\tclass\tfreq\tbegins\n")
        for word, cls, freq, begins in rows:
            fh.write(f"{word}\t{cls}\t{freq}\t{begins}\n")
    print(f"wrote {OUT} ({len(rows)} words)")
    common.sort(key=lambda r: (-r[2], r[0]))
    with COMMON_OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(f"# Common words (jieba 0.42.1 frequency >= {args.common_freq}, no proper names); generated by scripts/make_lexicon.py.\n")
        fh.write("word\ttag\tfreq\n")
        for word, tag, freq in common:
            fh.write(f"{word}\t{tag}\t{freq}\n")
    print(f"wrote {COMMON_OUT} ({len(common)} words)")


if __name__ == "__main__":
    main()
