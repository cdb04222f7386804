"""Document results kept on disk between builds, keyed by what shapes them.

An entry is one file, ``<folder>/<fingerprint[:16]>/<key[:2]>/<key>.result``: the zlib-compressed
pickle of a ``DocumentResult``. Its key digests the file's name and content hash; the folder
above it is named by the fingerprint of kg's code, rules and ontology
(``kg.run.resources.fingerprint``), so a changed rule file makes every entry made under the
previous rules unreachable, and ``prune`` removes them. Entries are written by rename, so a
killed build leaves whole entries or none. The cache is kg's own: a pickle from elsewhere is
not read (it lives in the output folder the user chose for kg).
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import zlib
from pathlib import Path
from typing import Optional

from kg.errors import OutputError
from kg.resources.atomic import TMP_PREFIX, write_atomic
from kg.run.result import DocumentResult

CACHE_DIR = ".kg-cache"
_SUFFIX = ".result"
_LEVEL = 1  # zlib: fast; the graphs' N-Triples compress about eightfold even so


def entry_key(name: str, sha256: str) -> str:
    """The key of a source: its file name (part of the document id and record) and content."""
    return hashlib.sha256(f"{Path(name).name}\n{sha256}".encode("utf-8")).hexdigest()


class ResultCache:
    def __init__(self, folder: str | Path, fingerprint: str) -> None:
        self.root = Path(folder)
        self.folder = self.root / fingerprint[:16]

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / (key + _SUFFIX)

    def get(self, key: str) -> Optional[DocumentResult]:
        try:
            data = self._path(key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as err:
            raise OutputError(f"{self._path(key)}: cannot read the cache ({err.strerror})") from None
        try:
            result = pickle.loads(zlib.decompress(data))
        except (zlib.error, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None  # damaged or from an incompatible version: rebuild the document
        return result if isinstance(result, DocumentResult) else None

    def put(self, key: str, result: DocumentResult) -> None:
        write_atomic(self._path(key), zlib.compress(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), _LEVEL))

    def get_text(self, name: str) -> Optional[str]:
        """A text the last build kept beside the entries (``put_text``), or None."""
        try:
            return zlib.decompress((self.root / name).read_bytes()).decode("utf-8")
        except (OSError, zlib.error, UnicodeDecodeError):
            return None

    def put_text(self, name: str, text: str) -> None:
        write_atomic(self.root / name, zlib.compress(text.encode("utf-8"), _LEVEL))

    def sweep(self) -> None:
        """Remove the temporary files a killed build left while writing entries (``.kg-tmp-*``,
        and ``.KEY.result.*`` as earlier versions named them)."""
        if not self.root.is_dir():
            return
        for pattern in (TMP_PREFIX + "*", ".*" + _SUFFIX + ".*"):
            for leftover in self.root.rglob(pattern):
                try:
                    leftover.unlink()
                except OSError:
                    pass  # the next build tries again; a leftover is never read as an entry

    def prune(self, keep: set[str]) -> int:
        """Remove entries made under other fingerprints, and this fingerprint's entries whose key
        is not in ``keep`` (files no longer in the build); how many entries went."""
        removed = 0
        if not self.root.is_dir():
            return 0
        for other in self.root.iterdir():
            if other.is_dir() and other != self.folder:
                removed += sum(1 for _ in other.rglob("*" + _SUFFIX))
                shutil.rmtree(other, ignore_errors=True)
        if self.folder.is_dir():
            for path in self.folder.rglob("*" + _SUFFIX):
                if path.name[: -len(_SUFFIX)] not in keep:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed
