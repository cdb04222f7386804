"""The division table as plain records: what ingestion reads a document's area with."""

from __future__ import annotations

import pytest

from kg.resources.datafiles import RuleError
from kg.resources.divisions import COUNTRY, load_divisions, read_divisions

HEADER = "code\tname\tlevel\tparent\tshort\tvalid_from\tvalid_to\tsuccessor\tnote\n"


@pytest.mark.parametrize(
    "form, names",
    [
        ("宁夏", ["宁夏回族自治区"]),
        ("杭州", ["杭州市"]),
        ("阿坝州", ["阿坝藏族羌族自治州"]),
        ("中华人民共和国", ["中国"]),
        ("西湖", []),  # also the lake: not the place on its own
    ],
)
def test_resources_divisions_forms_name_the_official_division(form, names):
    assert [d.name for d in load_divisions().lookup(form)] == names


def test_resources_divisions_chain_runs_up_to_the_province():
    assert [d.name for d in load_divisions().chain("330106")] == ["西湖区", "杭州市", "浙江省"]


@pytest.mark.parametrize(
    "text, start, expected",
    [("浙江省杭州市西湖区", 0, "浙江省"), ("浙江省杭州市西湖区", 3, "杭州市"), ("深圳经济特区", 0, "深圳"), ("关于", 0, None), ("", 0, None)],
)
def test_resources_divisions_longest_prefix(text, start, expected):
    assert load_divisions().prefix(text, start) == expected


def test_resources_divisions_country_is_the_root():
    divisions = load_divisions()
    assert divisions.get("100000") is COUNTRY
    assert COUNTRY.name == "中国" and COUNTRY.level == "country" and not COUNTRY.parent


@pytest.mark.parametrize("row", ["33010\t西湖区\tdistrict\t330100\t\t\t\t\t\n", "330106\t\tdistrict\t330100\t\t\t\t\t\n"])
def test_resources_divisions_bad_row_names_file_and_line(tmp_path, row):
    path = tmp_path / "divisions.tsv"
    path.write_text(HEADER + "330100\t杭州市\tcity\t330000\t杭州\t\t\t\t\n" + row, encoding="utf-8")
    with pytest.raises(RuleError, match=r"divisions\.tsv:3"):
        read_divisions(path)
