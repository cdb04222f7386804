"""Write a file whole or not at all: every stage that writes (the cache, the outputs) does so here."""

from __future__ import annotations

import ctypes
import os
import tempfile
from pathlib import Path
from typing import Callable

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


def put_in_place(new: Path, target: Path, aside: Path) -> Callable[[], None]:
    """Put ``new`` (a file or folder) at ``target`` and return what undoes it. Where the system
    has it, one atomic exchange: readers see the old entry or the new one, never none, and
    ``new`` then holds the old one. Else ``target`` is renamed to ``aside`` and ``new`` renamed
    in, the first rename undone when the second fails."""
    if not os.path.lexists(target):
        os.rename(new, target)
        return lambda: os.rename(target, new)
    if exchange(new, target):
        return lambda: _exchange_back(new, target)
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(aside, target)
        raise

    def undo() -> None:
        os.rename(target, new)
        os.rename(aside, target)
    return undo


def _exchange_back(a: Path, b: Path) -> None:
    if not exchange(a, b):
        raise OSError(f"cannot exchange {b} back")
