"""Ctrl-C held off while a step that must not be cut short runs (a commit of the outputs, the
start of worker processes), then raised."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def held_sigint() -> Iterator[list[int]]:
    """Note a Ctrl-C instead of raising it while the block runs; the list it gives is non-empty
    when one came, for the block to undo its work. KeyboardInterrupt is raised after the block
    when one came and the block raised nothing itself. Only the main thread may set a handler:
    elsewhere the block runs as it is."""
    caught: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield caught
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
    if caught:
        raise KeyboardInterrupt
