"""How well document metadata finds each document's area and kind, against a corpus manifest.

Run: .venv/bin/python bench/metadata_areas.py [--corpus ../shared/corpus] [--show N]
The manifest's area and kind are used here only to measure; `kg` never reads them. Prints, by
the manifest's level, how many documents got the right area, a wrong one or none, then the same
for the level, the kinds found against the manifest's, and up to N wrong or missing areas.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # measure this checkout's kg, whichever one the interpreter has installed
LEVELS = ("national", "provincial", "prefecture", "county")
# The manifest's level words against the levels metadata gives.
LEVEL_OF = {
    "country": "national",
    "province": "provincial",
    "city": "prefecture",
    "district": "county",
    "county": "county",
}


def expected_area(area: str) -> str:
    """`国务院/全国` is the country; `海拉尔区（内蒙古呼伦贝尔市）` is 海拉尔区."""
    if area == "国务院/全国":
        return "中国"
    return re.sub(r"[（(].*$", "", area)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--show", type=int, default=20, help="list up to N wrong or missing areas")
    args = parser.parse_args()

    from kg.ingest.document import ingest_file

    rows = [json.loads(line) for line in (args.corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line]
    areas: dict[str, Counter] = defaultdict(Counter)
    levels: dict[str, Counter] = defaultdict(Counter)
    kinds: Counter = Counter()
    misses = []
    for row in rows:
        meta = ingest_file(args.corpus / "docs" / row["file"]).meta
        want = expected_area(row["area"])
        verdict = "missing" if not meta.area else ("right" if meta.area == want else "wrong")
        areas[row["level"]][verdict] += 1
        level = LEVEL_OF.get(meta.area_level or "")
        levels[row["level"]]["missing" if level is None else ("right" if level == row["level"] else "wrong")] += 1
        kinds[(row["kind"], meta.kind)] += 1
        if verdict != "right":
            misses.append((row["file"], row["level"], want, meta.area, (meta.title or "")[:40]))

    for title, table in (("area", areas), ("level", levels)):
        print(f"{title:<12} {'right':>6} {'wrong':>6} {'missing':>8} {'docs':>6}")
        total = Counter()
        for level in LEVELS:
            c = table[level]
            total.update(c)
            print(f"  {level:<10} {c['right']:>6} {c['wrong']:>6} {c['missing']:>8} {sum(c.values()):>6}")
        n = sum(total.values())
        print(f"  {'all':<10} {total['right']:>6} {total['wrong']:>6} {total['missing']:>8} {n:>6}"
              f"   ({total['right'] / n:.1%} right)")
        print()
    print("kind (manifest -> found)")
    for (want, got), n in sorted(kinds.items()):
        print(f"  {want:<24} -> {got or '-':<24} {n}")
    if args.show and misses:
        print()
        print("wrong or missing areas (file, level, expected, found, title):")
        for miss in misses[: args.show]:
            print("  " + "  ".join(str(x) for x in miss))


if __name__ == "__main__":
    main()
