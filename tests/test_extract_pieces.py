"""Long documents through the pipeline a piece at a time (kg.extract.pieces)."""

from __future__ import annotations

import pytest

from kg.extract.entities import Linker
from kg.extract.facts import document_mentions, pipeline_annotate
from kg.extract.pieces import pieces
from kg.ingest.document import ingest_text
from kg.ingest.mapped import MappedText
from kg.ingest.model import Document, Paragraph, Sentence

from conftest import SEEDS


def _document(text: str, paragraphs: list[tuple[int, int]], sentences: list[tuple[int, int]]) -> Document:
    return Document(
        doc_id="d", path="d.txt", sha256="", encoding="utf-8", original=text, norm=MappedText.identity(text),
        paragraphs=[Paragraph(s, e, None) for s, e in paragraphs],
        sentences=[Sentence(s, e, 0, None) for s, e in sentences],
    )


@pytest.mark.parametrize(
    "text, paragraphs, sentences, size, expected",
    [
        # Short enough: one piece, the whole text, as before pieces existed.
        ("甲乙丙。", [(0, 4)], [(0, 4)], 10, [(0, 4)]),
        # Cut where a paragraph begins, the last one that fits.
        ("甲甲甲。\n乙乙乙。\n丙丙丙。\n", [(0, 4), (5, 9), (10, 14)], [(0, 4), (5, 9), (10, 14)], 8,
         [(0, 5), (5, 10), (10, 15)]),
        ("甲甲甲。\n乙乙乙。\n丙丙丙。\n", [(0, 4), (5, 9), (10, 14)], [(0, 4), (5, 9), (10, 14)], 11,
         [(0, 10), (10, 15)]),
        # A paragraph longer than a piece: cut where a sentence begins.
        ("甲甲甲。乙乙乙。丙丙丙。丁丁丁。", [(0, 16)], [(0, 4), (4, 8), (8, 12), (12, 16)], 6,
         [(0, 4), (4, 8), (8, 12), (12, 16)]),
        # A sentence longer than a piece: after its last clause mark within reach, else at the size.
        ("甲" * 12 + "，" + "乙" * 12, [(0, 25)], [(0, 25)], 20, [(0, 13), (13, 25)]),
        ("甲" * 25, [(0, 25)], [(0, 25)], 10, [(0, 10), (10, 20), (20, 25)]),
    ],
)
def test_pieces_tile_the_text_cut_at_paragraphs_then_sentences(text, paragraphs, sentences, size, expected):
    spans = pieces(_document(text, paragraphs, sentences), size)
    assert spans == expected
    assert "".join(text[s:e] for s, e in spans) == text and all(e - s <= size for s, e in spans)


def test_pieces_give_the_mentions_of_one_pass_at_exact_offsets(nlp):
    """A seed three times over, in pieces of one copy each: every copy's mentions are those of
    the seed annotated in one pass, shifted to where the copy stands, in the normalized text
    and in the source."""
    seed = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8").rstrip() + "\n\n"
    linker = Linker(nlp.get_pipe("kg_entity_rules").rules.gazetteer)
    annotate = pipeline_annotate(nlp)
    # Boilerplate left in: what is boilerplate depends on where in a file a line stands.
    one = ingest_text(seed, "one", strip_boilerplate=False)
    three = ingest_text(seed * 3, "three", strip_boilerplate=False)
    size = len(one.text)
    assert three.text == one.text * 3  # normalization is local: the copies stay copies
    assert pieces(three, size) == [(0, size), (size, 2 * size), (2 * size, 3 * size)]

    alone = document_mentions(one, annotate, linker)
    found = document_mentions(three, annotate, linker, piece_chars=size)
    assert len(alone) > 100 and len(found) == 3 * len(alone)
    for k in range(3):
        copy = found[k * len(alone) : (k + 1) * len(alone)]
        assert [(m.start - k * size, m.end - k * size, m.start_src - k * len(seed), m.end_src - k * len(seed),
                 m.label, m.source_text, m.sentence - k * len(one.sentences)) for m in copy] == [
                (m.start, m.end, m.start_src, m.end_src, m.label, m.source_text, m.sentence) for m in alone]
        assert all(three.original[m.start_src : m.end_src] == m.source_text for m in copy)
