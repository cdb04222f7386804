"""Write a file whole or not at all: every stage that writes (the cache, the outputs) does so here."""

from __future__ import annotations

import ctypes
import os
import tempfile
from pathlib import Path

from kg.errors import OutputError

# Every temporary file or folder kg makes starts so: what a killed process left is recognizable,
# and the next build removes it (kg.outputs.staging.sweep).
TMP_PREFIX = ".kg-tmp-"


def umask() -> int:
    """The process's file-creation mask (reading it means setting it, so it is set back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it over, so readers never see half a
    file and a failed write leaves the previous one; OutputError names the file."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f"{TMP_PREFIX}{path.name}.", dir=path.parent)
        try:
            os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600; outputs are for sharing
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror})") from None


def exchange(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Swap the entries at ``a`` and ``b`` (files or folders) in one atomic step, where the system
    has it (Linux renameat2 RENAME_EXCHANGE); False when it does not or refused."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0
