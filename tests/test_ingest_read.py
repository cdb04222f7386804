from __future__ import annotations

import codecs
import hashlib
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest.read import collect, decode, read_source

TEXT = "杭州市人民政府工作报告：全市地区生产总值增长6.8%。"
TRAD = "杭州市人民政府工作報告：全市地區生產總值增長6.8%。"
ENGLISH = "Hangzhou Municipal Government Work Report\nGDP grew by 6.8 percent.\n"
# UTF-16 without a byte order mark of text that is a third private-use characters.
PRIVATE_USE_UTF16 = "".join(ch + (chr(0xE000 + i) if i % 2 else "") for i, ch in enumerate(TEXT * 3)).encode("utf-16-le")


@pytest.mark.parametrize(
    "data, expected_text, expected_encoding",
    [
        (TEXT.encode("utf-8"), TEXT, "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
        (TEXT.encode("gb18030"), TEXT, "gb18030"),
        (TEXT.encode("gbk"), TEXT, "gb18030"),
        ((TRAD * 3).encode("big5"), TRAD * 3, "big5"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16"),
        # UTF-16 without a byte order mark: the byte order whose reading is text.
        ((TEXT + "\n").encode("utf-16-le"), TEXT + "\n", "utf-16-le"),
        ((TEXT + "\n").encode("utf-16-be"), TEXT + "\n", "utf-16-be"),
        (ENGLISH.encode("utf-16-le"), ENGLISH, "utf-16-le"),
        (ENGLISH.encode("utf-16-be"), ENGLISH, "utf-16-be"),
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
        ("utf16.txt", PRIVATE_USE_UTF16, "undecodable (UTF-16 without a byte order mark?)"),
        ("bom8.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfd", "undecodable: starts with a UTF-8 byte order mark"),
        ("bom16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "undecodable: starts with a UTF-16 byte order mark"),
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
    listing = collect([missing])
    assert listing.files == [] and listing.skipped == []
    assert [e.path for e in listing.errors] == [str(missing)]
    assert "no such file" in str(listing.errors[0])


def test_read_collect_walks_folders_in_order_and_lists_what_it_skips(tmp_path):
    (tmp_path / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "a.md").write_text("甲", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("<p>丙</p>", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / "sub" / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "linked").symlink_to(tmp_path / "sub")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / ".git").mkdir()  # hidden entries are left out, as ls leaves them
    (tmp_path / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("丁", encoding="utf-8")
    listing = collect([tmp_path])
    assert [p.name for p in listing.files] == ["a.md", "b.txt", "c.html"]
    assert listing.errors == []
    assert [(Path(s.path).relative_to(tmp_path).as_posix(), s.reason) for s in listing.skipped] == [
        ("gone.txt", "broken symbolic link"),
        ("linked", "symbolic link to a folder, not followed"),
        ("notes.docx", "unsupported file type .docx; expected one of .txt, .md, .html, .htm"),
        ("pipe.txt", "not a regular file"),
        ("sub/report.pdf", "unsupported file type .pdf; expected one of .txt, .md, .html, .htm"),
    ]


@pytest.mark.parametrize("given", [["a.txt", "a.txt"], ["a.txt", "."], [".", "./a.txt"], ["a.txt", "sub/../a.txt"]])
def test_read_collect_lists_a_file_named_twice_once(tmp_path, monkeypatch, given):
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    listing = collect(given)
    assert [p.resolve() for p in listing.files] == [tmp_path / "a.txt"]
    assert listing.errors == [] and listing.skipped == []


def test_read_source_records_sha256_and_html(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes("<p>杭州</p>".encode("utf-8"))
    raw = read_source(path)
    assert raw.is_html
    assert raw.sha256 == hashlib.sha256("<p>杭州</p>".encode("utf-8")).hexdigest()
