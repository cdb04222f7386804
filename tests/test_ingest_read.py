from __future__ import annotations

import codecs
import hashlib

import pytest

from kg.errors import InputError
from kg.ingest.read import collect, decode, read_source

TEXT = "杭州市人民政府工作报告：全市地区生产总值增长6.8%。"
TRAD = "杭州市人民政府工作報告：全市地區生產總值增長6.8%。"


@pytest.mark.parametrize(
    "data, expected_text, expected_encoding",
    [
        (TEXT.encode("utf-8"), TEXT, "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
        (TEXT.encode("gb18030"), TEXT, "gb18030"),
        (TEXT.encode("gbk"), TEXT, "gb18030"),
        ((TRAD * 3).encode("big5"), TRAD * 3, "big5"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16"),
    ],
)
def test_read_decode_detects_encoding(data, expected_text, expected_encoding):
    text, encoding = decode(data, "x.txt")
    assert text == expected_text
    assert encoding == expected_encoding


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\t\n", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("controls.txt", bytes(range(1, 9)) * 20, "binary"),
        ("report.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_read_rejects_bad_files_naming_them(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_source(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)


def test_read_missing_path_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "nope.txt"
    files, errors = collect([missing])
    assert files == []
    assert [e.path for e in errors] == [str(missing)]
    assert "no such file" in str(errors[0])


def test_read_collect_walks_folders_in_order_and_skips_other_types(tmp_path):
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "a.md").write_text("甲", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("<p>丙</p>", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    files, errors = collect([tmp_path])
    assert [p.name for p in files] == ["a.md", "b.txt", "c.html"]
    assert errors == []


def test_read_source_records_sha256_and_html(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes("<p>杭州</p>".encode("utf-8"))
    raw = read_source(path)
    assert raw.is_html
    assert raw.sha256 == hashlib.sha256("<p>杭州</p>".encode("utf-8")).hexdigest()
