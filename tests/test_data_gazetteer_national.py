"""The national name lists: programs_national.tsv, projects_national.tsv, organizations_national.tsv
and not_entities_national.tsv.

They hold names of all China (central bodies, national strategies, laws, works, events, central
SOEs, universities, international bodies) next to the mostly Hangzhou/Zhejiang gazetteers. Every
form is matched as an exact string anywhere in the text, so these tests check that the files load
with kg's own reader and loader, that ids are unique across every gazetteer file, that labels and
kinds are valid, that no form is shorter than two characters, written twice, given two labels or
listed as a not-entity, that no short form hides inside common words, and that a listed
not-entity vetoes a law's short form inside 法律/法规.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from kg.nlp.datafiles import tsv_rows
from kg.nlp.rules import Gazetteer, RuleSet, load_gazetteer, load_not_entities

GAZETTEER = Path(__file__).resolve().parent.parent / "kg" / "data" / "gazetteer"
PROGRAMS = GAZETTEER / "programs_national.tsv"
PROJECTS = GAZETTEER / "projects_national.tsv"
ORGS = GAZETTEER / "organizations_national.tsv"
NOT_ENTITIES = GAZETTEER / "not_entities_national.tsv"
NATIONAL = (PROGRAMS, PROJECTS, ORGS)

HEADERS = {
    PROGRAMS: ["id", "name", "aliases", "label", "note"],
    PROJECTS: ["id", "name", "aliases", "label", "note"],
    ORGS: ["id", "name", "aliases", "kind", "note"],
    NOT_ENTITIES: ["text", "reason", "note"],
}
LABELS = {PROGRAMS: {"PROGRAM"}, PROJECTS: {"PROJECT"}}
KINDS = {"party", "government", "legislature", "cppcc", "court", "procuratorate", "military",
         "mass-organization", "university", "research", "hospital", "company", "international",
         "association", "media"}
REASONS = {"theory", "slogan", "honour", "meeting", "generic", "time-period"}
QUOTES = set("“”‘’\"'《》〈〉「」『』")
FIELD_QUOTE = re.compile("(?<=[^“”])“[^“”‘’《》]+”")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NOTE_RE = re.compile(r"^(?:corpus:\d+ docs?|national)(?:; .+)?$")
ALIAS_OF_RE = re.compile(r"alias-of=(programs|organizations):([a-z0-9-]+)")


def _rows(path: Path) -> list[dict[str, str]]:
    return [row for _, row in tsv_rows(path)]


def _forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *(a for a in (row.get("aliases") or "").split("|") if a)]


def _label(path: Path, row: dict[str, str]) -> str:
    return row.get("label") or "ORG"


def _national_forms() -> list[tuple[str, str, str]]:
    """(form, label, owner) for every name and alias of the three national name files."""
    return [(f, _label(p, r), f"{p.stem}:{r['id']}") for p in NATIONAL for r in _rows(p) for f in _forms(r)]


def _other_forms() -> dict[str, set[tuple[str, str]]]:
    """form -> {(label, owner)} over every other gazetteer file."""
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for stem, label in (("organizations", "ORG"), ("programs", None)):
        for row in _rows(GAZETTEER / f"{stem}.tsv"):
            for f in _forms(row):
                owners[f].add((row.get("label") or label, f"{stem}:{row['id']}"))
    for stem, key in (("divisions", "code"), ("townships", "code"), ("zones", "id")):
        for row in _rows(GAZETTEER / f"{stem}.tsv"):
            for f in [row["name"], *(row.get("short") or "").split("|")]:
                if f:
                    owners[f].add(("DISTRICT", f"{stem}:{row[key]}"))
    return owners


@pytest.mark.parametrize("path", list(HEADERS), ids=lambda p: p.name)
def test_data_gazetteer_national_headers_and_cells(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].split("\t") == HEADERS[path]
    assert lines[-1] == "", "file ends with one newline"
    for lineno, line in enumerate(lines[1:-1], 2):
        if line.startswith("#"):
            continue
        cells = line.split("\t")
        assert len(cells) == len(HEADERS[path]), f"{path.name}:{lineno}"
        assert all(c == c.strip() for c in cells) and cells[0], f"{path.name}:{lineno}"


def test_data_gazetteer_national_ids_are_unique_slugs_across_all_files():
    # The loader keys entries "<first 3 letters of the file stem>:<id>": pro: for programs and
    # projects files alike, org: for both organization files. Ids stay unique over all of them.
    ids: dict[str, list[str]] = defaultdict(list)
    for path in sorted(GAZETTEER.glob("*.tsv")):
        if "id" in HEADERS.get(path, ["id"]) and path.stem not in ("divisions", "townships", "not_entities", "place_contexts", "same_as"):
            for row in _rows(path):
                ids[row["id"]].append(path.stem)
    assert {i: files for i, files in ids.items() if len(files) > 1} == {}
    for path in NATIONAL:
        assert [r["id"] for r in _rows(path) if not ID_RE.match(r["id"])] == []


def test_data_gazetteer_national_labels_kinds_reasons_valid():
    for path, labels in LABELS.items():
        assert {r["label"] for r in _rows(path)} == labels
    assert {r["kind"] for r in _rows(ORGS)} <= KINDS
    assert {r["reason"] for r in _rows(NOT_ENTITIES)} <= REASONS


def test_data_gazetteer_national_notes_say_where_attested():
    for path in NATIONAL:
        for row in _rows(path):
            assert NOTE_RE.match(row["note"]), f"{path.name}: {row['id']}: {row['note']!r}"


def test_data_gazetteer_national_forms_well_formed():
    for form, _, owner in _national_forms():
        assert len(form) >= 2, f"{owner}: {form!r} is shorter than 2 characters"
        assert form == form.strip() and "|" not in form, f"{owner}: {form!r}"
        # Marks only as one balanced pair after a field (金融“五篇大文章”): the field stays in the
        # name by ANNOTATION.md, so the form must hold the marks as written; a bare quoted name is
        # matched without its marks.
        assert not QUOTES & set(FIELD_QUOTE.sub("", form)), f"{owner}: {form}"
        assert "(" not in form and ")" not in form, f"{owner}: {form}: brackets are full-width"


def test_data_gazetteer_national_forms_are_simplified():
    opencc = pytest.importorskip("opencc")
    t2s = opencc.OpenCC("t2s")
    texts = [f for f, _, _ in _national_forms()] + [r["text"] for r in _rows(NOT_ENTITIES)]
    assert [t for t in texts if t2s.convert(t) != t] == []


def test_data_gazetteer_national_no_form_written_twice():
    seen: dict[str, set[str]] = defaultdict(set)
    for form, _, owner in _national_forms():
        seen[form].add(owner)
    assert {f: o for f, o in seen.items() if len(o) > 1} == {}
    for path in NATIONAL:
        for row in _rows(path):
            assert len(_forms(row)) == len(set(_forms(row))), f"{path.name}: {row['id']}"


def test_data_gazetteer_national_forms_not_in_other_files():
    # Not even with the same label: an entry of another file keeps its own forms, and a national
    # row that adds forms to it says so with alias-of= in its note.
    others = _other_forms()
    clashes = {f: (owner, sorted(others[f])) for f, _, owner in _national_forms() if f in others}
    assert clashes == {}


def test_data_gazetteer_national_no_form_with_two_labels():
    labels: dict[str, set[str]] = defaultdict(set)
    for form, label, _ in _national_forms():
        labels[form].add(label)
    for form, owners in _other_forms().items():
        if form in labels:
            labels[form] |= {label for label, _ in owners}
    assert {f: ls for f, ls in labels.items() if len(ls) > 1} == {}


def test_data_gazetteer_national_no_form_is_a_not_entity():
    not_entities = {r["text"] for p in (GAZETTEER / "not_entities.tsv", NOT_ENTITIES) for r in _rows(p)}
    assert sorted({f for f, _, _ in _national_forms()} & not_entities) == []


def test_data_gazetteer_national_not_entities_unique_and_new():
    texts = [r["text"] for r in _rows(NOT_ENTITIES)]
    assert len(texts) == len(set(texts)), sorted({t for t in texts if texts.count(t) > 1})
    assert sorted(set(texts) & {r["text"] for r in _rows(GAZETTEER / "not_entities.tsv")}) == []


def test_data_gazetteer_national_alias_of_points_to_an_entry_of_the_same_label():
    targets = {
        "programs": {r["id"]: r["label"] for r in _rows(GAZETTEER / "programs.tsv")},
        "organizations": {r["id"]: "ORG" for r in _rows(GAZETTEER / "organizations.tsv")},
    }
    for path in NATIONAL:
        for row in _rows(path):
            for stem, target in ALIAS_OF_RE.findall(row["note"]):
                assert target in targets[stem], f"{row['id']}: {stem}:{target} does not exist"
                assert targets[stem][target] == _label(path, row), f"{row['id']}: label differs from {target}"


@pytest.mark.parametrize("phrase", [
    "中央行政机关",  # 央行
    "河北大学",  # 北大
    "东北约占全国",  # 北约
    "让才华能够施展",  # 华能
    "陕西电网",  # 西电
    "松根海尔汗区",  # 海尔
    "河北科大",  # 北科大
    "线上外卖",  # 上外
    "中央财政",  # 央财
    "北京东城区",  # 京东
    "统一汽车",  # 一汽
    "坐上汽车",  # 上汽
    "大唐不夜城",  # 大唐
    "建设部署",  # 建设部
    "纪检监察部门",  # 监察部
    "居民建议",  # 民建
    "人民革命",  # 民革
    "空中通道",  # 中通
    "人行道",  # 人行
    "北京东方化工厂",  # 京东方
    "监督法律实施",  # 监督法
])
def test_data_gazetteer_national_short_forms_stay_out_of_common_words(phrase):
    assert [f for f, _, _ in _national_forms() if f in phrase] == []


def _national_gazetteer(tmp_path: Path) -> Gazetteer:
    """kg's own loader on the name lists alone (no divisions): the national files and the
    files their ``alias-of`` rows point into."""
    for path in (*NATIONAL, GAZETTEER / "programs.tsv", GAZETTEER / "organizations.tsv"):
        shutil.copy(path, tmp_path / path.name)
    return load_gazetteer(tmp_path)


def test_data_gazetteer_national_loads_with_kg_loader(tmp_path):
    gazetteer = _national_gazetteer(tmp_path)
    for path in NATIONAL:
        prefix = "org" if path.stem.startswith("organizations") else "pro"
        for row in _rows(path):
            if "alias-of=" in (row.get("note") or ""):
                continue
            entry = gazetteer.entries[f"{prefix}:{row['id']}"]
            assert entry.name == row["name"] and entry.source == path.stem
    assert [e.name for e in gazetteer.lookup("东北振兴")] == ["东北地区等老工业基地振兴战略"]
    assert [e.name for e in gazetteer.lookup("港珠澳大桥")] == ["港珠澳大桥"]
    assert [e.label for e in gazetteer.lookup("中国海油")] == ["ORG"]


def test_data_gazetteer_national_alias_rows_join_their_entry(tmp_path):
    gazetteer = _national_gazetteer(tmp_path)
    assert [e.id for e in gazetteer.lookup("最高法")] == ["org:spc"]
    assert [e.id for e in gazetteer.lookup("中华人民共和国国务院")] == ["org:state-council"]


@pytest.mark.parametrize("text, expected", [
    ("依照道路交通安全法处罚，并宣传道路交通安全法律法规。", [("道路交通安全法", "PROGRAM")]),
    ("健全教育法规规章制度体系，修订教育法。", [("教育法", "PROGRAM")]),
    ("推进南水北调后续工程和川藏铁路建设。", [("南水北调后续工程", "PROJECT"), ("川藏铁路", "PROJECT")]),
    ("同七十七国集团的合作关系不断加强，并出席七国集团会议。", [("七十七国集团", "ORG"), ("七国集团", "ORG")]),
    # 两新 is the programme; 两新组织 (new economic and social organizations) is a listed non-entity
    ("加强两新组织党建，落实两新政策。", [("两新政策", "PROGRAM")]),
])
def test_data_gazetteer_national_match_with_vetoes(tmp_path, text, expected):
    rules = RuleSet(gazetteer=_national_gazetteer(tmp_path), patterns=[], not_entities=load_not_entities(GAZETTEER))
    assert [(text[c.start : c.end], c.label) for c in rules.match(text)] == expected


@pytest.mark.parametrize("name, label", [
    ("区域全面经济伙伴关系协定", "PROGRAM"),
    ("高效办成一件事", "PROGRAM"),
    ("六稳", "PROGRAM"),  # a programme of action, unlike the theory slogans (四个意识)
    ("长江十年禁渔", "PROGRAM"),
    ("南水北调工程", "PROJECT"),
    ("宁波舟山港", "PROJECT"),  # one port of two cities, not two places
    ("中国—东盟博览会", "PROJECT"),
    ("全国运动会", "PROJECT"),
])
def test_data_gazetteer_national_known_programs_and_projects(name, label):
    rows = {r["name"]: r for p in (PROGRAMS, PROJECTS) for r in _rows(p)}
    assert rows[name]["label"] == label


@pytest.mark.parametrize("name, kind", [
    ("中央国家安全委员会", "party"),
    ("国家航天局", "government"),
    ("中国海洋石油集团有限公司", "company"),
    ("复旦大学", None),  # in organizations.tsv already
    ("西北工业大学", "university"),
    ("中国农业科学院", "research"),
    ("七十七国集团", "international"),
])
def test_data_gazetteer_national_known_organizations(name, kind):
    rows = {r["name"]: r for r in _rows(ORGS)}
    if kind is None:
        assert name not in rows
    else:
        assert rows[name]["kind"] == kind
