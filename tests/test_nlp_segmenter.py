"""kg's pkuseg segmentation and tokenizer give exactly the tokens spacy-pkuseg and spaCy give."""

from __future__ import annotations

import pytest
from spacy.util import get_words_and_spaces

from kg.nlp.segmenter import FastPkuseg
from kg.nlp.tokenizer import words_and_spaces

TRICKY = [
    "2020年杭州市GDP增长3.9%，达到1.61万亿元。",
    "ＡＢＣ１２３／－・ａｂｃ，第十四个五年规划",
    "a-b_c.d,e|f/g*h:i 混合 文本\u3000全角空格\t制表",
    "西湖大学和浙江大学、之江实验室",  # gazetteer names in pkuseg's user dictionary
    "“最多跑一次”改革", "一", "",
]


@pytest.fixture(scope="module")
def segmenters(nlp):
    fast = nlp.tokenizer.pkuseg_seg
    assert isinstance(fast, FastPkuseg), "the pipeline uses the faster segmenter"
    return fast, fast.seg


@pytest.mark.parametrize("text", TRICKY)
def test_nlp_segmenter_cuts_as_pkuseg(segmenters, text):
    fast, shipped = segmenters
    assert fast.cut(text) == shipped.cut(text)


def test_nlp_segmenter_features_are_pkusegs(segmenters):
    fast, shipped = segmenters
    extractor = shipped.feature_extractor
    for text in TRICKY[:3]:
        nodes = list(extractor.normalize_text(text))
        assert fast.features(text) == [extractor.get_node_features_idx(i, nodes) for i in range(len(nodes))]


def test_nlp_segmenter_cuts_every_seed_as_pkuseg(segmenters, seed_docs):
    fast, shipped = segmenters
    for doc in seed_docs.values():
        assert fast.cut(doc.text) == shipped.cut(doc.text), doc.doc_id


@pytest.mark.parametrize(
    "words, text",
    [
        (["杭州", "西湖"], "杭州 西湖"),
        (["杭州", "西湖"], "杭州  西湖"),
        (["杭州", "西湖"], " 杭州\n\n西湖 \t"),
        (["a", "b"], "a\u3000b "),
        ([], "   "),
    ],
)
def test_nlp_tokenizer_words_and_spaces_as_spacy(words, text):
    assert words_and_spaces(words, text) == get_words_and_spaces(words, text)


def test_nlp_tokenizer_doc_text_is_the_text(nlp):
    text = " 深化“最多跑一次”改革，  支持西湖大学\n\n建设。 "
    assert nlp.make_doc(text).text == text
