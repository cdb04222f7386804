"""kg's Chinese tokenizer: spaCy's pkuseg tokenizer made faster, its user-dictionary words
corrected (see ``segmenter.FastPkuseg.pieces``).

Two costs of spaCy's ``ChineseTokenizer`` are not pkuseg's model: spacy-pkuseg's feature
building (replaced by the exact ``segmenter.FastPkuseg``) and ``util.get_words_and_spaces``,
which copies the rest of the text for every word it aligns. The alignment here is the same,
searching in place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from spacy.lang.zh import ChineseTokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.nlp import segmenter as _segmenter
from kg.nlp.model_cache import load_pkuseg, pickled_dir
from kg.nlp.segmenter import fast_segmenter, no_placeholder
from kg.resources.derived import key as derived_key, kept


class KgChineseTokenizer(ChineseTokenizer):
    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab, segmenter="pkuseg")

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model: Optional[str] = None,
                   pkuseg_user_dict: Optional[str] = "default") -> None:
        free = None
        if pkuseg_model and pkuseg_user_dict == "default":  # kg's model: its pickled features load faster
            self.pkuseg_seg = load_pkuseg(Path(pkuseg_model))
            free = _placeholder_free(Path(pkuseg_model), self.pkuseg_seg)
        else:
            super().initialize(get_examples, nlp=nlp, pkuseg_model=pkuseg_model, pkuseg_user_dict=pkuseg_user_dict)
        # pkuseg_update_user_dict reaches the user dictionary through .preprocesser, which the
        # faster segmenter shares; a model it does not fit keeps pkuseg's own cut.
        self.pkuseg_seg = fast_segmenter(self.pkuseg_seg, free) or self.pkuseg_seg

    def __call__(self, text: str) -> Doc:
        words, spaces = words_and_spaces(self.pkuseg_seg.cut(text), text)
        return Doc(self.vocab, words=words, spaces=spaces)


def _placeholder_free(model: Path, seg) -> bool:
    """``segmenter.no_placeholder`` of the model's 1.6 million features, a scan of 0.15 s kept
    on disk under the digest its pickled copy is named by (kg.resources.derived)."""
    features = seg.feature_extractor.feature_to_idx
    try:
        found = derived_key([], [_segmenter], pickled_dir(model).name)
    except OSError:
        return no_placeholder(features)
    return kept("pkuseg-placeholder-free", found, lambda: no_placeholder(features))


def words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """``spacy.util.get_words_and_spaces`` for words cut from ``text`` in order: text between
    two words becomes a token of its own, except one space after a word, which is its ``whitespace_``."""
    if "".join(words) != "".join(text.split()):
        raise ValueError(f"the words do not spell the text: {text[:40]!r}…")
    out_words: list[str] = []
    out_spaces: list[bool] = []
    pos, size = 0, len(text)
    for word in words:
        start = text.find(word, pos)
        if start > pos:
            out_words.append(text[pos:start])
            out_spaces.append(False)
        out_words.append(word)
        pos = start + len(word)
        if pos < size and text[pos] == " ":
            out_spaces.append(True)
            pos += 1
        else:
            out_spaces.append(False)
    if pos < size:
        out_words.append(text[pos:])
        out_spaces.append(False)
    return out_words, out_spaces
