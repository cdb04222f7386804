import itertools
import zlib
from pathlib import Path

import pytest

from kg.ingest.boilerplate import find_boilerplate
from kg.ingest.dedup import DupResult, find_duplicates

SEEDS = Path(__file__).parent.parent / "seeds"
IDS = ("000", "001", "002", "003", "004")


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _strip(text: str) -> str:
    out, pos = [], 0
    for j in find_boilerplate(text):
        out.append(text[pos : j.start])
        pos = j.end
    return "".join(out) + text[pos:]


# A short report paragraph and variants of it.
BASE = (
    "过去一年,我们坚持稳中求进工作总基调,杭州市经济社会保持健康发展良好态势,地区生产总值增长百分之六,"
    "一般公共预算收入稳步增长,新增城镇就业持续扩大。今年我们将继续深化改革开放,加快建设现代化经济体系,"
    "推进数字经济和制造业高质量发展,着力保障和改善民生,努力完成全年目标任务。"
)
MASKED = BASE.replace("杭州市", "XX市").replace("百分之六", "某某")
OTHER = (
    "本规划阐明全区国土空间开发保护的总体格局,明确生态保护红线、永久基本农田和城镇开发边界三条控制线,"
    "统筹安排交通、水利、能源等基础设施布局,提出历史文化保护和城市更新的主要任务与实施保障措施。"
)

CASES = [
    # (docs, expected (copy, original) pairs)
    ([("a", BASE), ("b", OTHER)], []),
    ([("a", BASE), ("b", MASKED)], [("b", "a")]),
    ([("b", BASE), ("a", MASKED)], [("a", "b")]),  # more masks wins over sort order
    ([("a", BASE), ("b", BASE)], [("b", "a")]),  # tie: the later doc_id is the copy
    ([("a", BASE), ("b", "下载前请阅读预览。\n" + MASKED + "\n1. 其他文档标题")], [("b", "a")]),  # wrapped copy
    ([("a", BASE), ("b", BASE[:60])], [("b", "a")]),  # a truncated copy is contained
    ([("a", BASE), ("b", "杭州")], []),  # too short to call a copy
    ([("a", ""), ("b", "")], []),
]


@pytest.mark.parametrize("docs,expected", CASES)
def test_dedup_pairs_copy_with_original(docs, expected):
    assert [(r.doc_id, r.of) for r in find_duplicates(docs)] == expected


def test_dedup_copy_points_to_its_most_similar_original():
    near = BASE[:-20] + "确保各项目标任务圆满完成。"
    docs = [("a", near), ("b", BASE), ("c", MASKED)]
    result = find_duplicates(docs)
    copy_of = {r.doc_id: r.of for r in result}
    assert copy_of["c"] == "b"
    assert len([r for r in result if r.doc_id == "c"]) == 1


def test_dedup_is_deterministic_and_order_free():
    docs = [("a", BASE), ("b", MASKED), ("c", OTHER), ("d", BASE + OTHER)]
    first = find_duplicates(docs)
    assert first == find_duplicates(list(reversed(docs)))
    assert [r.doc_id for r in first] == sorted(r.doc_id for r in first)
    assert all(0.0 <= r.similarity <= 1.0 for r in first)


def test_dedup_threshold_is_respected():
    docs = [("a", BASE), ("b", BASE[:90] + OTHER[:40])]
    sim = find_duplicates(docs, threshold=0.0)[0].similarity
    assert 0.5 < sim < 0.9
    assert [r.doc_id for r in find_duplicates(docs, threshold=sim)] == ["b"]
    assert find_duplicates(docs, threshold=sim + 0.01) == []


def test_dedup_seed_004_copies_000_and_nothing_else():
    docs = [(i, _strip(_seed(i))) for i in IDS]
    result = find_duplicates(docs)
    assert [(r.doc_id, r.of) for r in result] == [("004", "000")]
    assert result[0].similarity > 0.9


def test_dedup_seed_004_copies_000_even_with_junk():
    docs = [(i, _seed(i)) for i in IDS]
    assert [(r.doc_id, r.of) for r in find_duplicates(docs)] == [("004", "000")]


@pytest.mark.parametrize("pair", [p for p in itertools.combinations(IDS, 2) if p != ("000", "004")])
def test_dedup_seed_unrelated_pairs_score_low(pair):
    docs = [(i, _strip(_seed(i))) for i in pair]
    assert find_duplicates(docs, threshold=0.5) == []


def test_dedup_result_type():
    result = find_duplicates([("a", BASE), ("b", MASKED)])
    assert result == [DupResult("b", "a", result[0].similarity)]
    assert result[0].similarity > 0.8


@pytest.mark.parametrize("size", [0, 1, 7, 4096, 4097, 30000])
def test_dedup_signature_equals_datasketch_affine32(size):
    # kg writes the MinHash out instead of importing datasketch in every worker; the corpus
    # step's LSH index (datasketch) must see exactly datasketch's values.
    from datasketch import MinHash

    from kg.ingest.dedup import SIGNATURE_PERMUTATIONS, SIGNATURE_SCHEME, SIGNATURE_SEED, signature

    hashes = frozenset(zlib.crc32(f"shingle {n}".encode()) for n in range(size))
    minhash = MinHash(num_perm=SIGNATURE_PERMUTATIONS, seed=SIGNATURE_SEED, hashfunc=lambda v: v, scheme=SIGNATURE_SCHEME)
    minhash.update_batch(sorted(hashes))
    assert signature(hashes) == tuple(int(v) for v in minhash.hashvalues)
