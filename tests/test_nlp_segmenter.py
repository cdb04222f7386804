"""kg's pkuseg segmentation and tokenizer give exactly the tokens spacy-pkuseg and spaCy give, but
for user-dictionary words, which are whole dictionary words (pkuseg forced a prefix of one)."""

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


def _pkuseg_cut(fast, shipped, text: str) -> list[str]:
    """pkuseg's own model and post-processing over the same user-dictionary pieces."""
    out: list[str] = []
    for piece in text.split():
        for word, is_word in fast.pieces(piece):
            out += [word] if is_word else shipped.postprocesser(shipped._cut(word))
    return out


@pytest.mark.parametrize("text", TRICKY)
def test_nlp_segmenter_cuts_as_pkuseg(segmenters, text):
    fast, shipped = segmenters
    assert fast.cut(text) == shipped.cut(text) == _pkuseg_cut(fast, shipped, text)


# pkuseg's Preprocesser keeps the part of its trie walk that matched, word or not: 上海浦东 is the
# way to 上海浦东新区…, 杭州市第 to 杭州市第一人民医院…, and forcing it cut the name that follows.
@pytest.mark.parametrize(
    "text, pkusegs, words",
    [
        ("推进上海浦东新区建设", "上海浦东", ["推进", "上海", "浦东新区", "建设"]),
        ("杭州市第十二届人民代表大会", "杭州市第", ["杭州市", "第十二", "届", "人民", "代表", "大会"]),
        ("支持武汉大力推进", "武汉大", ["支持", "武汉", "大力", "推进"]),
        ("实施科教兴国战略和人才强省战略", "科教兴国战略和人才强", ["实施", "科教兴国战略", "和", "人才", "强", "省", "战略"]),
    ],
)
def test_nlp_segmenter_forces_whole_dictionary_words(segmenters, text, pkusegs, words):
    fast, shipped = segmenters
    assert pkusegs in shipped.cut(text)  # the prefix pkuseg forces
    assert fast.cut(text) == words
    forced = [w for w, is_word in fast.dictionary_pieces(text) if is_word]
    assert pkusegs not in forced and all(_in_trie(fast, w) for w in forced)


def _in_trie(fast, word: str) -> bool:
    node = fast.preprocesser.trie
    for ch in word:
        node = node.children.get(ch)
        if node is None:
            return False
    return node.isword


def test_nlp_segmenter_features_are_pkusegs(segmenters):
    fast, shipped = segmenters
    extractor = shipped.feature_extractor
    for text in TRICKY[:3]:
        nodes = list(extractor.normalize_text(text))
        assert fast.features(text) == [extractor.get_node_features_idx(i, nodes) for i in range(len(nodes))]


# Where words of the model's vocabulary begin and end decides each character's word features:
# words at the first and the last character, words of every length from 2 to 6 overlapping, a
# text of one or two characters, numbers and letters standing for pkuseg's nodes.
@pytest.mark.parametrize(
    "text",
    ["中华人民共和国", "杭州", "杭", "经济社会发展", "发展经济社会", "中华人民共和国国务院总理",
     "GDP", "2025年", "推进长三角一体化发展", "。，", "高质量发展建设共同富裕示范区"],
)
def test_nlp_segmenter_features_are_pkusegs_at_word_edges(segmenters, text):
    fast, shipped = segmenters
    extractor = shipped.feature_extractor
    nodes = list(extractor.normalize_text(text))
    assert fast.features(text) == [extractor.get_node_features_idx(i, nodes) for i in range(len(nodes))]


def test_nlp_segmenter_cuts_every_seed_as_pkuseg(segmenters, seed_docs):
    fast, shipped = segmenters
    for doc in seed_docs.values():
        assert fast.cut(doc.text) == _pkuseg_cut(fast, shipped, doc.text), doc.doc_id


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


# A dictionary word is not forced where the model reads a common word across its edge and cuts
# there (形成 over 成都市, 部门 over 交通运输部, 医保 over 保定, 重大 over 大理); where the model
# cuts at the name's edges (创建/成都), the name stays one word.
@pytest.mark.parametrize(
    "text, forced, words",
    [
        ("加快形成都市圈", "成都市", ["加快", "形成", "都市圈"]),
        ("由市交通运输部门负责", "交通运输部", ["由", "市", "交通", "运输", "部门", "负责"]),
        ("纳入医保定点范围", "保定", ["纳入", "医保", "定点", "范围"]),
        ("实施一批重大理论创新工程", "大理", ["实施", "一批", "重大", "理论", "创新", "工程"]),
        ("今年力争创建成都国家植物园", "成都", ["今年", "力争", "创建", "成都", "国家", "植物园"]),
        ("推动成都市场主体发展", "成都市", ["推动", "成都", "市场", "主体", "发展"]),
    ],
)
def test_nlp_segmenter_keeps_the_models_cut_across_a_common_word(segmenters, text, forced, words):
    fast, shipped = segmenters
    assert forced in shipped.cut(text)  # pkuseg forces the dictionary word
    assert fast.cut(text) == words


def test_nlp_segmenter_scores_are_pkusegs(segmenters, seed_docs):
    """The node scores, summed a feature column at a time for several texts at once, are the
    very floats pkuseg's getLogYY sums a character at a time, and so are the Viterbi tags."""
    import numpy
    from spacy_pkuseg import inference

    fast, shipped = segmenters
    model = shipped.model
    texts = [t for t in TRICKY if t] + [next(iter(seed_docs.values())).text[:3000]]
    scores = fast._scores(texts)
    at = 0
    for text in texts:
        expected, _ = inference.getLogYY(fast.features(text), model.n_tag, model.n_feature * model.n_tag, model.w, 1.0)
        assert numpy.array_equal(scores[at : at + len(text)], expected), text[:20]
        at += len(text)
    assert at == len(scores)
    assert fast._cut_many(texts) == [shipped._cut(t) for t in texts]


@pytest.mark.parametrize(
    "features, free",
    [({"c.a": 0, "ww.l.ab*cd": 1}, True), ({"c.a": 0, "ww.l.ab***noWord": 1}, False), ({}, True)],
)
def test_nlp_segmenter_no_placeholder(features, free):
    from kg.nlp.segmenter import no_placeholder

    assert no_placeholder(features) is free


def test_nlp_segmenter_skips_placeholder_pairs_only_when_the_model_has_none(segmenters):
    fast, _ = segmenters
    assert fast._placeholder_free  # the shipped model names no **noWord
    from kg.nlp.segmenter import _pairs

    empty = (None,) * 5
    pres, posts = ("杭州", None, None, None, None), (None, "西湖", None, None, None)
    assert _pairs("ww.l.", pres, posts, empty, placeholder=False) == ["ww.l.杭州*西湖"]
    assert "ww.l.杭州***noWord" in _pairs("ww.l.", pres, posts, empty, placeholder=True)
