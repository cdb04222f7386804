from __future__ import annotations

import pytest

from kg.ingest.mapped import MappedBuilder, MappedText


def test_mapped_identity_maps_each_character_to_itself():
    text = MappedText.identity("上城区")
    assert text.span_to_source(0, 3) == (0, 3)
    assert text.span_to_source(1, 2) == (1, 2)
    assert text.span_to_source(3, 3) == (3, 3)


def test_mapped_builder_replacement_covers_its_whole_source_range():
    source = "a\r\nb"
    builder = MappedBuilder(len(source))
    builder.keep(source, 0, 1)
    builder.replace("\n", 1, 3)
    builder.keep(source, 3, 4)
    text = builder.build()
    assert text.text == "a\nb"
    assert text.span_to_source(1, 2) == (1, 3)
    assert text.span_to_source(0, 3) == (0, 4)


def test_mapped_compose_maps_through_two_steps():
    first = MappedBuilder(5)
    first.keep("ab\ncd", 0, 2)  # drop the newline
    first.keep("ab\ncd", 3, 5)
    one = first.build()  # "abcd"
    second = MappedBuilder(4)
    second.keep("abcd", 1, 3)
    both = one.compose(second.build())  # "bc"
    assert both.text == "bc"
    assert both.span_to_source(0, 2) == (1, 4)


def test_mapped_rejects_spans_outside_the_text():
    with pytest.raises(IndexError):
        MappedText.identity("abc").span_to_source(2, 5)
