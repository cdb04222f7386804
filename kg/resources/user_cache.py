"""kg's folder in the user's cache, where the segmentation model and what kg derives live."""

from __future__ import annotations

import os
from pathlib import Path

MODEL_DIR_ENV = "KG_MODEL_DIR"


def kg_cache_dir() -> Path:
    """The parent of ``$KG_MODEL_DIR`` when that is set (the model's neighbours go with it),
    else ``$XDG_CACHE_HOME/kg`` (``~/.cache/kg`` by default)."""
    if os.environ.get(MODEL_DIR_ENV):
        return Path(os.environ[MODEL_DIR_ENV]).parent
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kg"
