from __future__ import annotations

import pytest

from kg.ingest.html import html_to_text


@pytest.mark.parametrize(
    "markup, expected",
    [
        ("<p>上城区</p><p>西湖区</p>", "\n上城区\n\n西湖区\n"),
        ("<b>杭州</b>市", "杭州市"),
        ("A&amp;B &lt;x&gt;", "A&B <x>"),
        ("<script>var x='<p>不显示</p>';</script>正文", "正文"),
        ("<style>p{}</style><!-- 注释 -->正文", "正文"),
        ("一\n   二", "一 二"),
    ],
)
def test_html_extracts_visible_text(markup, expected):
    assert html_to_text(markup).text == expected


def test_html_offsets_point_into_the_markup():
    markup = "<div><span>杭州&nbsp;市</span></div>"
    text = html_to_text(markup)
    start = text.text.index("杭州")
    s, e = text.span_to_source(start, start + 2)
    assert markup[s:e] == "杭州"
    nbsp = text.text.index("\u00a0")
    s, e = text.span_to_source(nbsp, nbsp + 1)
    assert markup[s:e] == "&nbsp;"
