"""The segmentation model's features, pickled once: a quicker start for every process.

spacy-pkuseg reads the model's ``features.msgpack`` (1.6 million feature names) in about 2.3 s on
every start; the same data pickled loads in about 1.2 s. spacy-pkuseg's own loader reads a
``features.pkl`` where a model folder has no ``features.msgpack``, so the pickled copy is a model
folder of its own, ``features.pkl`` beside a link to the model's ``weights.npz``, and the loader
is pkuseg's unchanged. The folder is named by a digest of ``features.msgpack``: a changed model
gets a new folder, never a stale one. It lives beside the model (in the user's cache folder by
default); where it cannot be written, the model is read as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import shutil
from pathlib import Path

from kg.errors import OutputError
from kg.resources.atomic import write_atomic

_FEATURES = "features.msgpack"
_PICKLED = "features.pkl"
_WEIGHTS = "weights.npz"
# pickle's protocol and spacy-pkuseg's layout of the data shape the file, so they name it too
_FORMAT = b"kg-pkuseg-features-1:" + str(pickle.HIGHEST_PROTOCOL).encode()


def pickled_dir(model: Path) -> Path:
    """Where the pickled copy of ``model``'s features is (or goes): named by their digest."""
    digest = hashlib.sha256(_FORMAT)
    with open(model / _FEATURES, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return model.parent / f"{model.name}.pickled" / digest.hexdigest()[:32]


def fast_model_dir(model: Path) -> Path:
    """A model folder pkuseg loads ``model`` from faster: the pickled copy, made on first use;
    ``model`` itself when the copy cannot be made."""
    try:
        folder = pickled_dir(model)
        if not ((folder / _PICKLED).is_file() and (folder / _WEIGHTS).is_file()):
            _make(model, folder)
    except (OSError, OutputError):  # a read-only cache folder only costs start-up time
        return model
    return folder


def _make(model: Path, folder: Path) -> None:
    import srsly

    data = srsly.read_msgpack(model / _FEATURES)
    # The lists and tables as spacy-pkuseg's loader expects them in features.pkl (it makes the sets).
    table = {key: data[key] for key in ("unigram", "bigram", "feature_to_idx", "tag_to_idx")}
    for old in folder.parent.glob("*"):  # copies of an earlier model are never read again
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    write_atomic(folder / _PICKLED, pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
    link = folder / _WEIGHTS
    if not os.path.lexists(link):  # made aside and renamed in: another process may be at it too
        aside = folder / f".{_WEIGHTS}.{os.getpid()}"
        os.symlink((model / _WEIGHTS).resolve(), aside)
        os.replace(aside, link)


def load_pkuseg(model: Path):
    """spacy-pkuseg's segmenter for ``model`` (a folder of features.msgpack and weights.npz),
    with pkuseg's default user dictionary, as spaCy's ChineseTokenizer would load it."""
    import spacy_pkuseg

    # spacy-pkuseg prints loading notes (and, for features.pkl, that it found no msgpack)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return spacy_pkuseg.pkuseg(str(fast_model_dir(model)), user_dict="default")
