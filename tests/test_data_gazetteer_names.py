"""The name gazetteers: organizations.tsv, programs.tsv and not_entities.tsv.

They hold real-world names that recur across Chinese policy documents, matched character by
character against normalized (Simplified) text, so these tests check shape and consistency:
exact headers, unique ids and forms, valid kinds and labels, no quote marks, Simplified script,
full-width brackets, known rows, no short form that hides inside common words, and no name that
not_entities.tsv says is not an entity.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parent.parent / "kg" / "data" / "gazetteer"
ORGS = GAZETTEER / "organizations.tsv"
PROGRAMS = GAZETTEER / "programs.tsv"
NOT_ENTITIES = GAZETTEER / "not_entities.tsv"

HEADERS = {
    ORGS: ["id", "name", "aliases", "kind", "note"],
    PROGRAMS: ["id", "name", "aliases", "label", "note"],
    NOT_ENTITIES: ["text", "reason", "note"],
}
KINDS = {"party", "government", "legislature", "cppcc", "court", "procuratorate", "military",
         "mass-organization", "university", "research", "hospital", "company", "international",
         "association", "media"}
PROGRAM_LABELS = {"PROGRAM", "PROJECT"}
REASONS = {"theory", "slogan", "honour", "meeting", "generic", "time-period"}
QUOTES = set("“”‘’\"'《》〈〉「」『』")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A form written twice across organizations.tsv and programs.tsv; none is needed today.
ALLOWED_OVERLAPS: dict[str, set[str]] = {}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _forms(row: dict[str, str]) -> list[str]:
    return [row["name"]] + [a for a in row["aliases"].split("|") if a]


def _all_forms() -> list[tuple[str, str, str]]:
    """(form, file stem, id) for every name and alias of both name files."""
    return [(form, path.stem, row["id"]) for path in (ORGS, PROGRAMS) for row in _rows(path) for form in _forms(row)]


def _by_name(path: Path) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in _rows(path)}


@pytest.mark.parametrize("path", list(HEADERS), ids=lambda p: p.name)
def test_data_gazetteer_headers_exact(path):
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.split("\t") == HEADERS[path]


@pytest.mark.parametrize("path", list(HEADERS), ids=lambda p: p.name)
def test_data_gazetteer_rows_have_every_column_and_no_stray_space(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "file ends with one newline"
    for lineno, line in enumerate(lines[1:-1], 2):
        cells = line.split("\t")
        assert len(cells) == len(HEADERS[path]), f"{path.name}:{lineno}"
        assert all(c == c.strip() for c in cells), f"{path.name}:{lineno}"
        assert cells[0], f"{path.name}:{lineno}: first column empty"


@pytest.mark.parametrize("path", [ORGS, PROGRAMS], ids=lambda p: p.name)
def test_data_gazetteer_ids_are_unique_slugs(path):
    ids = [row["id"] for row in _rows(path)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert [i for i in ids if not ID_RE.match(i)] == []


def test_data_gazetteer_ids_unique_across_files():
    assert {r["id"] for r in _rows(ORGS)} & {r["id"] for r in _rows(PROGRAMS)} == set()


def test_data_gazetteer_no_form_written_twice():
    seen: dict[str, set[str]] = {}
    for form, stem, entry_id in _all_forms():
        seen.setdefault(form, set()).add(f"{stem}:{entry_id}")
    twice = {form: owners for form, owners in seen.items() if len(owners) > 1}
    assert twice == ALLOWED_OVERLAPS
    # and no row lists the same form twice, or its own name as an alias
    for path in (ORGS, PROGRAMS):
        for row in _rows(path):
            forms = _forms(row)
            assert len(forms) == len(set(forms)), f"{path.name}: {row['id']}"


def test_data_gazetteer_kinds_labels_and_reasons_valid():
    assert {r["kind"] for r in _rows(ORGS)} <= KINDS
    assert {r["label"] for r in _rows(PROGRAMS)} == PROGRAM_LABELS
    assert {r["reason"] for r in _rows(NOT_ENTITIES)} == REASONS


def test_data_gazetteer_forms_have_no_quote_marks_or_empty_parts():
    for form, stem, entry_id in _all_forms():
        assert not QUOTES & set(form), f"{stem}:{entry_id}: {form}"
        assert len(form) >= 2 and form == form.strip() and "|" not in form, f"{stem}:{entry_id}: {form!r}"
    for row in _rows(NOT_ENTITIES):
        assert not QUOTES & set(row["text"]), row["text"]


def test_data_gazetteer_brackets_are_full_width():
    # The normalizer turns ASCII brackets around Chinese into （）, so a name must use those.
    for form, stem, entry_id in _all_forms():
        assert "(" not in form and ")" not in form, f"{stem}:{entry_id}: {form}"


def test_data_gazetteer_forms_are_simplified():
    opencc = pytest.importorskip("opencc")
    t2s = opencc.OpenCC("t2s")
    texts = [form for form, _, _ in _all_forms()] + [r["text"] for r in _rows(NOT_ENTITIES)]
    assert [t for t in texts if t2s.convert(t) != t] == []


def test_data_gazetteer_not_entities_unique():
    texts = [r["text"] for r in _rows(NOT_ENTITIES)]
    assert len(texts) == len(set(texts)), sorted({t for t in texts if texts.count(t) > 1})


def test_data_gazetteer_not_entities_are_not_names():
    names = {form for form, _, _ in _all_forms()}
    assert sorted(names & {r["text"] for r in _rows(NOT_ENTITIES)}) == []


@pytest.mark.parametrize("name, kind, aliases", [
    ("国务院", "government", set()),
    ("中共中央", "party", {"党中央"}),
    ("全国人民代表大会常务委员会", "legislature", {"全国人大常委会"}),
    ("中国人民政治协商会议全国委员会", "cppcc", {"全国政协"}),
    ("中央纪律检查委员会", "party", {"中央纪委", "中纪委"}),
    ("中共中央宣传部", "party", {"中宣部"}),
    ("国家发展和改革委员会", "government", {"国家发展改革委", "国家发改委"}),
    ("工业和信息化部", "government", {"工信部"}),
    ("人力资源和社会保障部", "government", {"人力资源社会保障部", "人社部"}),
    ("住房和城乡建设部", "government", {"住房城乡建设部", "住建部"}),
    ("国家卫生健康委员会", "government", {"国家卫健委"}),
    ("最高人民法院", "court", set()),
    ("最高人民检察院", "procuratorate", set()),
    ("省市委", "party", set()),
    ("市政府", "government", {"市人民政府"}),
    ("区人大常委会", "legislature", set()),
    ("人大", "legislature", set()),
    ("政协", "cppcc", set()),
    ("中国人民政治协商会议", "cppcc", {"人民政协"}),
    ("中国人民解放军", "military", {"解放军"}),
    ("中国人民武装警察部队", "military", {"武警部队"}),
    ("妇联", "mass-organization", set()),
    ("农合联", "mass-organization", set()),
    ("浙江大学", "university", {"浙大"}),
    ("中国美术学院", "university", {"中国美院"}),
    ("中国科学院", "research", {"中科院"}),
    ("之江实验室", "research", set()),
    ("阿里达摩院", "research", {"达摩院"}),
    ("国科大杭州高等研究院", "research", set()),
    ("阿里巴巴", "company", set()),
    ("吉利控股集团", "company", {"吉利控股"}),
    ("上海证券交易所", "company", {"上交所"}),
    ("联合国", "international", set()),
    ("世界旅游联盟", "international", set()),
    ("亚洲奥林匹克理事会", "international", {"亚奥理事会"}),
    ("新华社", "media", set()),
    ("浙江日报", "media", set()),
])
def test_data_gazetteer_known_organizations(name, kind, aliases):
    row = _by_name(ORGS).get(name)
    assert row is not None, name
    assert row["kind"] == kind
    assert aliases <= set(_forms(row))


@pytest.mark.parametrize("name, label, aliases", [
    ("最多跑一次改革", "PROGRAM", {"最多跑一次"}),
    ("放管服改革", "PROGRAM", {"放管服"}),
    ("八八战略", "PROGRAM", set()),
    ("千村示范、万村整治", "PROGRAM", {"千万工程"}),
    ("长三角一体化发展国家战略", "PROGRAM", {"长三角一体化国家战略", "长三角区域一体化发展"}),
    ("十四五规划", "PROGRAM", {"十四五规划纲要"}),
    ("扫黑除恶专项斗争", "PROGRAM", set()),
    ("国家新一代人工智能创新发展试验区", "PROGRAM", set()),
    ("全国市域社会治理现代化试点", "PROGRAM", set()),
    ("中国（杭州）跨境电子商务综合试验区", "PROGRAM", set()),
    ("优化营商环境条例", "PROGRAM", set()),
    ("监察法", "PROGRAM", {"中华人民共和国监察法"}),
    ("城市大脑", "PROJECT", set()),
    ("杭州健康码", "PROJECT", set()),
    ("亲清在线", "PROJECT", set()),
    ("杭州亚运会", "PROJECT", {"亚运会", "2022年杭州亚运会", "第19届亚运会"}),
    ("G20杭州峰会", "PROJECT", set()),
    ("杭州西站", "PROJECT", {"铁路杭州西站枢纽"}),
    ("湖杭铁路", "PROJECT", set()),
])
def test_data_gazetteer_known_programs_and_projects(name, label, aliases):
    row = _by_name(PROGRAMS).get(name)
    assert row is not None, name
    assert row["label"] == label
    assert aliases <= set(_forms(row))


@pytest.mark.parametrize("text, reason", [
    ("四个意识", "theory"),
    ("两个维护", "theory"),
    ("习近平新时代中国特色社会主义思想", "theory"),
    ("一方有难、八方支援", "slogan"),
    ("中国最具幸福感城市", "honour"),
    ("大禹鼎", "honour"),
    ("党的十九大", "meeting"),
    ("十九届四中全会", "meeting"),
    ("中央经济工作会议", "meeting"),
    ("企业", "generic"),
    ("有关部门", "generic"),
    ("十三五", "time-period"),
])
def test_data_gazetteer_known_not_entities(text, reason):
    rows = {r["text"]: r for r in _rows(NOT_ENTITIES)}
    assert rows[text]["reason"] == reason


@pytest.mark.parametrize("phrase", [
    "中央行政机关",  # 央行
    "河北大学",  # 北大
    "城北大道",  # 北大
    "集中办理",  # 中办
    "全国网上办事",  # 国网
    "施工行业",  # 工行
    "居民建议",  # 民建
    "人民革命",  # 民革
    "人民进行",  # 民进
    "签订合作协议",  # 作协
    "监督法律实施",  # 监督法
    "纪检监察部门",  # 监察部
    "建设部署",  # 建设部
    "环保部门",  # 环保部
    "在杭电商企业",  # 杭电
    "空中通道",  # 中通
    "人行道",  # 人行
])
def test_data_gazetteer_short_forms_stay_out_of_common_words(phrase):
    # Forms are matched character by character, so a form must not hide inside common words.
    assert [form for form, _, _ in _all_forms() if form in phrase] == []
