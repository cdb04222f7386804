"""The segmentation model's features, pickled once (kg.nlp.model_cache): the segmenter loaded
from the copy is the one loaded from the model, and a changed model never meets a stale copy."""

from __future__ import annotations

import numpy as np
import pytest
import srsly

from kg.nlp.model_cache import fast_model_dir, load_pkuseg, pickled_dir

FEATURES = {
    "unigram": ["发展", "经济"],
    "bigram": ["发展.经济"],
    "feature_to_idx": {"/": 0, "c.发": 1, "c.展": 2, "w1.发展": 3},
    "tag_to_idx": {"B": 0, "I": 1},
}


def _model(folder, features):
    folder.mkdir(parents=True, exist_ok=True)
    srsly.write_msgpack(folder / "features.msgpack", features)
    n_tag, n_feature = len(features["tag_to_idx"]), len(features["feature_to_idx"])
    np.savez(folder / "weights.npz", sizes=np.array([n_tag, n_feature]),
             w=np.arange(n_tag * (n_feature + n_tag), dtype=float))
    return folder


def _loaded(seg):
    fe = seg.feature_extractor
    return fe.unigram, fe.bigram, fe.feature_to_idx, fe.tag_to_idx, seg.model.w.tolist(), seg.idx_to_tag


def test_nlp_model_cache_pickled_copy_loads_the_same_segmenter(tmp_path):
    import spacy_pkuseg

    model = _model(tmp_path / "cache" / "pkuseg-ctb8", FEATURES)
    from_copy = load_pkuseg(model)
    assert (pickled_dir(model) / "features.pkl").is_file(), "the copy was not made"
    assert _loaded(load_pkuseg(model)) == _loaded(from_copy) == _loaded(spacy_pkuseg.pkuseg(str(model)))
    assert from_copy.feature_extractor.unigram == {"发展", "经济"}


@pytest.mark.parametrize("change", ["unigram", "feature_to_idx"])
def test_nlp_model_cache_changed_model_gets_a_new_copy(tmp_path, change):
    model = _model(tmp_path / "pkuseg-ctb8", FEATURES)
    before = fast_model_dir(model)
    changed = dict(FEATURES, **{change: {"unigram": ["改革"], "feature_to_idx": {"/": 0, "c.改": 1}}[change]})
    _model(model, changed)
    after = fast_model_dir(model)
    assert after != before and not before.exists()
    assert load_pkuseg(model).feature_extractor.__dict__[change] == (
        set(changed[change]) if change == "unigram" else changed[change])


def test_nlp_model_cache_unwritable_cache_reads_the_model_itself(tmp_path):
    # A file where the copies' folder would be: nothing can be written there (even by root).
    model = _model(tmp_path / "pkuseg-ctb8", FEATURES)
    (tmp_path / "pkuseg-ctb8.pickled").write_text("not a folder")
    assert fast_model_dir(model) == model
    assert load_pkuseg(model).feature_extractor.feature_to_idx == FEATURES["feature_to_idx"]


def test_nlp_model_cache_copy_maps_the_weights_and_reads_word_pairs_when_used(tmp_path):
    # Loaded in every worker: the weights (63 MB) are mapped from the file, shared by all of
    # them, and the 600,000 word pairs kg's segmenter does without are read only if asked for.
    model = _model(tmp_path / "pkuseg-ctb8", FEATURES)
    load_pkuseg(model)  # makes the copy
    seg = load_pkuseg(model)
    assert isinstance(seg.model.w, np.memmap) and seg.model.w.tolist() == list(range(12))
    assert seg.feature_extractor._bigram is None
    assert seg.feature_extractor.bigram == {"发展.经济"}


def test_nlp_model_cache_changed_weights_get_a_new_copy(tmp_path):
    model = _model(tmp_path / "pkuseg-ctb8", FEATURES)
    before = fast_model_dir(model)
    np.savez(model / "weights.npz", sizes=np.array([2, 4]), w=np.arange(12, dtype=float) * 2)
    after = fast_model_dir(model)
    assert after != before and load_pkuseg(model).model.w.tolist() == list(range(0, 24, 2))


@pytest.mark.parametrize("damage", ["features.pkl", "weights.npy"])
def test_nlp_model_cache_damaged_copy_reads_the_model_itself(tmp_path, damage):
    model = _model(tmp_path / "pkuseg-ctb8", FEATURES)
    (fast_model_dir(model) / damage).write_bytes(b"not what was written")
    assert _loaded(load_pkuseg(model)) == _loaded(_reference(model))


def _reference(model):
    import spacy_pkuseg

    return spacy_pkuseg.pkuseg(str(model))
