#!/usr/bin/env python3
"""Regenerate kg/data/gazetteer/foreign.tsv: the world's countries, their capitals and major cities.

A one-off generator for maintainers, like make_divisions.py: the kg package never imports it
and the TSV it writes needs nothing at run time.  ANNOTATION.md counts foreign places as
DISTRICT (意大利维罗纳市, 越南河内); this table lets them be found and linked by name, and lets a
country followed by one of its cities be one name (places.py).

Sources
-------
* jionlp's ``dictionary/world_location.txt`` (pip package ``jionlp``, Apache-2.0): for each
  sovereign state its usual Chinese name, full official name, capital and, for the larger ones,
  major cities, grouped by continent.  Chosen because it is the one registry package that gives
  countries *and* cities in Chinese.
* i18n-iso-countries' ``langs/zh.json`` (npm package ``i18n-iso-countries``, MIT): ISO 3166-1
  alpha-2 codes with Chinese names, which give each country a stable id (IT, VN) and one more
  written form where it differs (印尼, 沙特阿拉伯).
* The generated divisions.tsv: a form that is also a Chinese division's name (黑山, Montenegro,
  and 黑山县) is flagged and not matched, and so are the few forms that are ordinary words
  (``ORDINARY_WORDS``).  jieba's tags cannot tell those: it tags foreign names at random (河内 s,
  约旦 d, 加纳 v).
* jieba's ``dict.txt`` (pip package ``jieba``, MIT): a two-character form that frequent words
  hold in their middle more than at their end is flagged too: 海地 (Haiti) is in 沿海地区 and
  上海地区, while 希腊 in 古希腊 and 德国 in 联邦德国 are still the country.

China itself is left out: its divisions are in divisions.tsv, and 中国 in running text is
mostly part of another name (中国式现代化, 中国特色).  Hong Kong, Macao and Taiwan are divisions.

Usage::

    pip install jionlp jieba && npm pack i18n-iso-countries && tar xzf i18n-iso-countries-*.tgz
    python scripts/make_foreign.py --iso package/langs/zh.json

Output columns
--------------
foreign.tsv: id name kind parent short note
  id      ISO 3166-1 alpha-2 for a country (IT); for a city the country's code and its place in
          the source list (IT01 is the capital): append new cities at the end to keep ids.
  kind    country | city
  parent  the country's id, for a city
  short   ``|``-separated other written forms (full official name, ISO name, 河内市 for 河内)
  note    ``capital``, ``form-is-common-word=万象``, ``form-is-division=黑山``
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_divisions import OUT_DIR, default_jieba, write_tsv  # noqa: E402

COLUMNS = ["id", "name", "kind", "parent", "short", "note"]
# Countries whose names in the two sources differ too much to match by name.
ISO_BY_NAME = {"印度尼西亚": "ID", "沙特": "SA", "马其顿": "MK", "塞拉里昂": "SL", "多米尼克国": "DM"}
# world_location.txt lists 巴新, the short name of Papua New Guinea, among its cities.
COUNTRY_ALIASES_LISTED_AS_CITIES = {"巴新"}
# Islands and capes listed among the cities (济州岛, 好望角) are no cities.
NOT_CITIES = ("岛", "角")
SKIPPED_COUNTRIES = {"中国"}
# Forms that running Chinese uses as ordinary words: 万象 (Vientiane; 'everything', 万象更新),
# 金边 (Phnom Penh; 'gold trim'), 中非 (Central African Republic; 'China–Africa', 中非合作).
ORDINARY_WORDS = {"万象", "金边", "中非"}
INSIDE_WORDS_MIN = 50  # frequency of a jieba word that counts for the test above


def default_jionlp() -> Path | None:
    try:
        import jionlp  # type: ignore
    except ImportError:
        return None
    return Path(jionlp.__file__).parent / "dictionary" / "world_location.txt"


def read_world(path: Path) -> list[tuple[str, str, list[str]]]:
    """(name, full name, [capital, other cities…]) per country, in the file's order."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.rstrip().endswith(":"):
            continue  # blank, or a continent heading
        parts = line.split("\t")
        cities = [parts[2]] + (parts[3].split("/") if len(parts) > 3 and parts[3] else [])
        out.append((parts[0].strip(), parts[1].strip(), [c.strip() for c in cities if c.strip()]))
    return out


def read_iso(path: Path) -> dict[str, str]:
    """Chinese name -> alpha-2 code, ASCII parentheses."""
    names: dict[str, str] = {}
    for code, value in json.loads(path.read_text(encoding="utf-8"))["countries"].items():
        for name in value if isinstance(value, list) else [value]:
            names[name.replace("（", "(").replace("）", ")")] = code
    return names


def division_forms(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return {form for r in rows for form in [r["name"], *(r["short"].split("|") if r["short"] else [])]}


def read_jieba(path: Path) -> dict[str, int]:
    words: dict[str, int] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                words[parts[0]] = int(parts[1])
    return words


def inside_words(forms: set[str], jieba: dict[str, int]) -> set[str]:
    """Two-character forms that frequent words hold in their middle (沿海地区 ⊃ 海地) more often
    than at their end (古希腊 ⊃ 希腊)."""
    middle: dict[str, int] = {}
    end: dict[str, int] = {}
    for word, freq in jieba.items():
        if len(word) < 3 or freq < INSIDE_WORDS_MIN:
            continue
        for i in range(1, len(word) - 1):
            if word[i : i + 2] in forms:
                table = end if i + 2 == len(word) else middle
                table[word[i : i + 2]] = table.get(word[i : i + 2], 0) + freq
    return {f for f, n in middle.items() if n > end.get(f, 0)}


def flags(forms: list[str], divisions: set[str], inside: set[str] = frozenset()) -> list[str]:
    notes = []
    for form in forms:
        if form in ORDINARY_WORDS or form in inside:
            notes.append(f"form-is-common-word={form}")
        if form in divisions:
            notes.append(f"form-is-division={form}")
    return notes


def build(world, iso, divisions, jieba) -> list[dict[str, str]]:
    iso_names = {code: name for name, code in iso.items()}
    two = {f for name, full, cities in world for f in [name, full, *cities] if len(f) == 2}
    inside = inside_words(two, jieba)
    rows = []
    ids: set[str] = set()
    for name, full, cities in world:
        if name in SKIPPED_COUNTRIES:
            continue
        code = ISO_BY_NAME.get(name) or iso.get(name) or iso.get(full)
        if not code:
            sys.exit(f"no ISO 3166 code for {name} ({full}): add it to ISO_BY_NAME")
        assert code not in ids, (code, name)
        ids.add(code)
        forms = [f for f in dict.fromkeys([full, iso_names.get(code, "")]) if f and f != name]
        forms += [c for c in cities if c in COUNTRY_ALIASES_LISTED_AS_CITIES]
        # Parentheses as documents write them: 刚果(金) and 刚果（金）.
        forms += [f.replace("(", "（").replace(")", "）") for f in [name, *forms] if "(" in f]
        rows.append({"id": code, "name": name, "kind": "country", "parent": "", "short": "|".join(forms),
                     "note": ";".join(flags([name, *forms], divisions, inside))})
        n = 0
        for i, city in enumerate(cities):
            if city in COUNTRY_ALIASES_LISTED_AS_CITIES:
                continue
            n += 1
            if city == name or city.endswith(NOT_CITIES):
                continue  # 新加坡, 卢森堡: the country's own name
            city_forms = [] if city.endswith(("市", "城")) else [city + "市"]
            notes = (["capital"] if i == 0 else []) + flags([city, *city_forms], divisions, inside)
            rows.append({"id": f"{code}{n:02d}", "name": city, "kind": "city", "parent": code,
                         "short": "|".join(city_forms), "note": ";".join(notes)})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--world", type=Path, default=default_jionlp(), help="jionlp dictionary/world_location.txt")
    ap.add_argument("--iso", type=Path, required=True, help="i18n-iso-countries langs/zh.json")
    ap.add_argument("--jieba", type=Path, default=default_jieba(), help="jieba's dict.txt")
    ap.add_argument("--divisions", type=Path, default=OUT_DIR / "divisions.tsv")
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    args = ap.parse_args(argv)
    if not args.world or not args.world.exists():
        ap.error("world_location.txt not found: pip install jionlp, or pass --world")
    if not args.jieba or not args.jieba.exists():
        ap.error("jieba dict.txt not found: pip install jieba, or pass --jieba")
    rows = build(read_world(args.world), read_iso(args.iso), division_forms(args.divisions), read_jieba(args.jieba))
    write_tsv(args.out / "foreign.tsv", COLUMNS, rows)
    countries = sum(r["kind"] == "country" for r in rows)
    print(f"foreign: {countries} countries, {len(rows) - countries} cities")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
