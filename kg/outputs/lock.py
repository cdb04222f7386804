"""One build at a time in an output folder: ``OUT/.kg-build.lock``, held with ``flock``.

The system lets go of the lock when the process holding it ends, however it ends, so a killed
build leaves no stale lock behind; the file itself stays (removing it would let a third build
lock a new file while the second still holds the old one).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kg.errors import OutputBusyError, OutputError

LOCK_FILE = ".kg-build.lock"


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold ``out``'s lock for the block; OutputBusyError at once when another build holds it,
    OutputError when ``out`` cannot be made or written."""
    try:
        import fcntl
    except ImportError:  # no flock on this system: builds are not kept apart
        yield
        return
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as err:
        raise OutputError(f"{out}: cannot write ({err.strerror or err})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
            who = f" (process {holder})" if holder.isdigit() else ""
            raise OutputBusyError(f"{out}: another kg build is writing to this folder{who}; "
                                  "wait for it to finish, or build into another --out") from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)  # named in the second build's message
        except OSError:
            pass  # a courtesy: the lock holds without it
        yield
    finally:
        os.close(fd)
