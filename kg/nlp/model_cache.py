"""The segmentation model, kept in a form that loads faster: a quicker start for every process.

spacy-pkuseg reads the model's ``features.msgpack`` (1.6 million feature names) in about 2.3 s on
every start, and its ``weights.npz`` (63 MB) into each process's memory. Kept here instead: the
feature table pickled (1.2 s to load), without the 600,000 word pairs only pkuseg's own feature
builder reads (``bigram``, pickled apart and read when first used: kg's segmenter does without
them), and the weights as a plain ``.npy`` file, memory-mapped copy-on-write, so that they load at
once and every worker shares the same pages. The copy is a folder named by a digest of
``features.msgpack`` and of its format: a changed model gets a new folder, never a stale one. It
lives beside the model (in the user's cache folder by default); where it cannot be written, the
model is read by spacy-pkuseg as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
import shutil
from pathlib import Path
from typing import Optional

from spacy_pkuseg.feature_extractor import FeatureExtractor

from kg.errors import OutputError
from kg.resources.atomic import write_atomic

_FEATURES = "features.msgpack"
_PICKLED = "features.pkl"
_BIGRAM = "bigram.pkl"
_WEIGHTS = "weights.npz"
_ARRAY = "weights.npy"
# pickle's protocol and the layout of the copy shape the files, so they name the folder too
_FORMAT = b"kg-pkuseg-features-2:" + str(pickle.HIGHEST_PROTOCOL).encode()
_MADE = (_PICKLED, _BIGRAM, _ARRAY)


def pickled_dir(model: Path) -> Path:
    """Where the copy of ``model`` is (or goes): named by a digest of its features, and of its
    weights' size and time (63 MB, read only when copied)."""
    digest = hashlib.sha256(_FORMAT)
    with open(model / _FEATURES, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    stat = (model / _WEIGHTS).stat()
    digest.update(f"\0{stat.st_size}:{stat.st_mtime_ns}".encode())
    return model.parent / f"{model.name}.pickled" / digest.hexdigest()[:32]


def fast_model_dir(model: Path) -> Path:
    """A model folder pkuseg loads ``model`` from faster: the pickled copy, made on first use;
    ``model`` itself when the copy cannot be made."""
    try:
        folder = pickled_dir(model)
        if not all((folder / name).is_file() for name in _MADE):
            _make(model, folder)
    except (OSError, OutputError):  # a read-only cache folder only costs start-up time
        return model
    return folder


def _make(model: Path, folder: Path) -> None:
    import numpy as np
    import srsly

    data = srsly.read_msgpack(model / _FEATURES)
    weights = np.load(model / _WEIGHTS)
    table = {key: data[key] for key in ("unigram", "feature_to_idx", "tag_to_idx")}
    table["sizes"] = [int(n) for n in weights["sizes"][:2]]  # the tags and features the weights are for
    for old in folder.parent.glob("*"):  # copies of an earlier model are never read again
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    # Each file written aside and renamed in: another process may be at it too.
    array = io.BytesIO()
    np.save(array, np.ascontiguousarray(weights["w"], dtype=np.float64), allow_pickle=False)
    write_atomic(folder / _ARRAY, array.getvalue())
    write_atomic(folder / _BIGRAM, pickle.dumps(data["bigram"], protocol=pickle.HIGHEST_PROTOCOL))
    write_atomic(folder / _PICKLED, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))


def load_pkuseg(model: Path):
    """spacy-pkuseg's segmenter for ``model`` (a folder of features.msgpack and weights.npz),
    with pkuseg's default user dictionary, as spaCy's ChineseTokenizer would load it."""
    import spacy_pkuseg

    folder = fast_model_dir(model)
    if folder != model:
        try:
            return _assembled(folder)
        except (OSError, ValueError, KeyError, EOFError, pickle.UnpicklingError):
            pass  # a damaged copy: the model itself is read
    # spacy-pkuseg prints loading notes
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return spacy_pkuseg.pkuseg(str(model), user_dict="default")


def _assembled(folder: Path):
    """What ``spacy_pkuseg.pkuseg(model, user_dict="default")`` makes of a model folder, made
    from the copy in ``folder``."""
    import numpy as np
    import spacy_pkuseg
    from spacy_pkuseg.config import config
    from spacy_pkuseg.model import Model

    table = pickle.loads((folder / _PICKLED).read_bytes())
    n_tag, n_feature = table.pop("sizes")
    weights = np.load(folder / _ARRAY, mmap_mode="c")  # writable, as pkuseg's decoder asks; never written
    if weights.shape != (n_tag * (n_feature + n_tag),):
        raise ValueError(f"{folder / _ARRAY}: {weights.shape} weights for {n_tag} tags and {n_feature} features")
    seg = spacy_pkuseg.pkuseg.__new__(spacy_pkuseg.pkuseg)
    config.modelDir = str(folder)  # as pkuseg's constructor: its loaders' default folder
    seg.postag = False
    seg.preprocesser = spacy_pkuseg.Preprocesser(None)
    seg.postprocesser = spacy_pkuseg.Postprocesser(None, [str(Path(spacy_pkuseg.__file__).parent / "dicts" / "default.pkl")])
    seg.feature_extractor = _Features(table, folder / _BIGRAM)
    seg.model = Model.__new__(Model)
    seg.model.n_tag, seg.model.n_feature = n_tag, n_feature
    seg.model.n_transition_feature = n_tag * (n_feature + n_tag)
    seg.model.w = weights
    seg.idx_to_tag = {idx: tag for tag, idx in seg.feature_extractor.tag_to_idx.items()}
    seg.n_feature = len(seg.feature_extractor.feature_to_idx)
    seg.n_tag = len(seg.feature_extractor.tag_to_idx)
    return seg


class _Features(FeatureExtractor):
    """pkuseg's feature table whose ``bigram`` set is read from its file when first used."""

    def __init__(self, table: dict, bigram: Path) -> None:  # pkuseg's own builds a table from text
        self.unigram = set(table["unigram"])
        self.feature_to_idx = table["feature_to_idx"]
        self.tag_to_idx = table["tag_to_idx"]
        self._bigram: Optional[set] = None
        self._bigram_file = bigram

    @property
    def bigram(self) -> set:
        if self._bigram is None:
            self._bigram = set(pickle.loads(self._bigram_file.read_bytes()))
        return self._bigram

    @bigram.setter
    def bigram(self, value: set) -> None:
        self._bigram = value
