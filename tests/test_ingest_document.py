"""The ingestion stage end to end, on the seeds and on small files made here."""

from __future__ import annotations

import opencc
import pytest

from kg.ingest.document import ingest_file, ingest_paths
from tests.conftest import SEED_NAMES

_T2S = opencc.OpenCC("t2s")
_FOLD = str.maketrans({"，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")"})


def _fold(text: str) -> str:
    """What normalization may change: width, spacing, line breaks, punctuation width, script."""
    chars = []
    for ch in text:
        if "\uff10" <= ch <= "\uff5a":
            ch = chr(ord(ch) - 0xFEE0)
        chars.append(ch)
    return "".join(_T2S.convert("".join(chars)).translate(_FOLD).split())


@pytest.mark.parametrize("prefix", [name[:3] for name in SEED_NAMES])
def test_ingest_offset_map_is_exact_on_every_seed(seed_docs, prefix):
    doc = seed_docs[prefix]
    norm = doc.norm
    assert len(norm.starts) == len(norm.text)
    for i, ch in enumerate(norm.text):
        s, e = norm.span_to_source(i, i + 1)
        original = doc.original[s:e]
        if ch in " \n":
            assert original.isspace() or original == ch, (i, ch, original)
        else:
            assert _fold(original) == _fold(ch), (i, ch, original)
    for sent in doc.sentences:
        s, e = doc.to_source(sent.start, sent.end)
        assert _fold(doc.original[s:e]) == _fold(doc.text[sent.start:sent.end])


def test_ingest_seed_003_joins_broken_lines_and_maps_back(seed_docs):
    doc = seed_docs["003"]
    start = doc.text.index("全国科普示范区")
    s, e = doc.to_source(start, start + len("全国科普示范区"))
    assert doc.original[s:e] == "全\n\n国科普示范区"


def test_ingest_seed_002_is_traditional_and_normalized_to_simplified(seed_docs):
    doc = seed_docs["002"]
    assert doc.meta.script == "zh-Hant"
    start = doc.text.index("西湖大学")
    s, e = doc.to_source(start, start + 4)
    assert doc.original[s:e] == "西湖大學"


def test_ingest_seed_004_duplicates_000_and_records_masks(seed_docs):
    doc = seed_docs["004"]
    assert doc.duplicate is not None
    assert doc.duplicate.of == seed_docs["000"].doc_id
    assert doc.duplicate.similarity > 0.9
    forms = {m.form for m in doc.masks}
    assert {"XX", "***"} <= forms
    for mask in doc.masks:
        assert doc.original[mask.start_src:mask.end_src] == mask.form
    assert all(d.duplicate is None for k, d in seed_docs.items() if k != "004")


def test_ingest_records_removed_boilerplate_in_source_offsets(seed_docs):
    doc = seed_docs["000"]
    removed = "".join(doc.original[r.start_src:r.end_src] for r in doc.removed)
    assert "浏览次数" in removed
    assert "浏览次数" not in doc.text
    assert "各位代表" in doc.text
    ads = "".join(seed_docs["002"].original[r.start_src:r.end_src] for r in seed_docs["002"].removed)
    assert "報告庫會員" in ads
    assert "报告库会员" not in seed_docs["002"].text
    assert seed_docs["002"].text.rstrip().endswith("确保规划的目标任务落实落地。")


def test_ingest_folder_with_bad_files_builds_the_rest(tmp_path):
    (tmp_path / "good.txt").write_text("各位代表：\n\n我代表上城区人民政府向大会报告工作。", encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes("我代表西湖区人民政府向大会报告工作。".encode("gbk"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    docs, errors = ingest_paths([tmp_path, tmp_path / "missing.txt"])
    # an id is the file's stem and the start of its content's SHA-256
    assert sorted(d.doc_id for d in docs) == sorted(f"{d.doc_id.split('-')[0]}-{d.sha256[:8]}" for d in docs)
    assert sorted(d.doc_id.split("-")[0] for d in docs) == ["gbk", "good"]
    assert {e.path.rsplit("/", 1)[-1]: e.problem.split(" ")[0] for e in errors} == {
        "binary.txt": "looks",
        "empty.txt": "file",
        "missing.txt": "no",
    }


def test_ingest_big5_file_is_read_as_traditional(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes("杭州市國民經濟和社會發展第十四個五年規劃和二零三五年遠景目標的建議。".encode("big5"))
    doc = ingest_file(path)
    assert doc.encoding == "big5"
    assert doc.meta.script == "zh-Hant"
    assert "国民经济和社会发展" in doc.text


def test_ingest_html_file_maps_offsets_into_markup(tmp_path):
    path = tmp_path / "page.html"
    markup = "<html><head><title>t</title></head><body><p>我代表上城区人民政府向大会报告工作。</p></body></html>"
    path.write_text(markup, encoding="utf-8")
    doc = ingest_file(path)
    start = doc.text.index("上城区")
    s, e = doc.to_source(start, start + 3)
    assert markup[s:e] == "上城区"
