"""What kg derives from its own files, kept on disk so that every process after the first loads
it instead of deriving it again (the gazetteer, the compiled SPARQL constraints).

A value is stored pickled under a key that digests every input file, the source of every module
whose code derives it, this Python's version and pickle's protocol: an edited file or module, or
another Python, misses the cache, so what is read is never stale. Values are plain data (records,
sets, dicts, rdflib terms), never code. The files live beside the segmentation model (the user's
cache folder by default); where they cannot be read or written, the value is derived as before.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable, Iterator, Optional, TypeVar

from kg.errors import OutputError
from kg.resources.atomic import write_atomic
from kg.resources.user_cache import kg_cache_dir

T = TypeVar("T")
_PROTOCOL = pickle.HIGHEST_PROTOCOL
_VERSION = f"kg-derived-1:{sys.implementation.cache_tag}:{sys.version}:{_PROTOCOL}".encode()
# Bytes of values kept per kind, the ones used last: the shipped data's (7 MB of gazetteer) and
# a few edited copies', and any number of small ones (tests' gazetteers of a few rows).
KEEP_BYTES = 32 << 20


def folder() -> Path:
    """Where the values are kept: beside the segmentation model."""
    return kg_cache_dir() / "derived"


def key(files: Iterable[Path], modules: Iterable[ModuleType], *extra: str) -> str:
    """A digest of the files (name and content), the modules' source and ``extra``."""
    digest = hashlib.sha256(_VERSION)
    for path in files:
        digest.update(f"\0file:{path.name}\0".encode())
        digest.update(path.read_bytes())
    for module in modules:
        digest.update(f"\0module:{module.__name__}\0".encode())
        digest.update(Path(module.__file__).read_bytes())
    for text in extra:
        digest.update(b"\0extra\0" + text.encode())
    return digest.hexdigest()[:40]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading builds many long-lived objects at once; the collector run on each few hundred of
    them finds nothing to free and costs a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def kept(kind: str, key_: str, make: Callable[[], T], where: Optional[Path] = None) -> T:
    """The value kept for ``kind`` under ``key_``, else ``make()`` (kept for the next time)."""
    path = (where or folder()) / kind / f"{key_}.pickle"
    found = _read(path)
    if found is not None:
        return found[0]
    value = make()
    try:
        write_atomic(path, pickle.dumps(value, protocol=_PROTOCOL))
        _prune(path.parent)
    except (OutputError, pickle.PicklingError):  # a cache that cannot be written only costs time
        pass
    return value


def _read(path: Path) -> Optional[tuple]:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        with gc_paused():
            value = pickle.loads(data)
    except (pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError, IndexError, TypeError):
        return None  # not a value this code wrote: made again and written over
    try:
        os.utime(path)  # recently used: kept when others are pruned
    except OSError:
        pass
    return (value,)


def _prune(kind_folder: Path) -> None:
    """Keep the values of the folder used last, KEEP_BYTES of them (the last one at least)."""
    try:
        files = [(p.stat(), p) for p in kind_folder.glob("*.pickle")]
        files.sort(key=lambda item: item[0].st_mtime, reverse=True)
        total = 0
        for n, (stat, path) in enumerate(files):
            total += stat.st_size
            if n and total > KEEP_BYTES:
                path.unlink(missing_ok=True)
    except OSError:
        pass
