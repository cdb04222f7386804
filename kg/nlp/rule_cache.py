"""What the engine derives from a rule's pattern, kept between runs.

Rewriting a pattern for speed (``regex_opt``), finding its anchors (``anchors``) and the boundary
it begins with (``boundaries``) parse every pattern, which costs about a second on every start
for the shipped rules. The results depend only on the pattern and on the code of those modules,
so they are kept in a JSON file keyed by a digest of both; editing a rule or one of the modules
simply misses the cache. A cache that cannot be read or written is not used.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any, Callable, Optional

from kg.nlp import anchors as _anchors
from kg.nlp import boundaries as _boundaries
from kg.nlp import regex_opt as _regex_opt
from kg.nlp.anchors import Anchor, anchors
from kg.nlp.regex_opt import optimize


def _code_digest() -> bytes:
    digest = hashlib.sha256()
    for module in (_anchors, _regex_opt, _boundaries):
        digest.update(Path(module.__file__).read_bytes())
    return digest.digest()


class RuleCache:
    def __init__(self, path: Optional[Path]) -> None:
        self.path = path
        self.entries: dict[str, list] = {}
        self.changed = False
        self._code = _code_digest()
        if path is not None:
            try:
                self.entries = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self.entries = {}

    def _key(self, kind: str, text: str) -> str:
        return hashlib.sha256(self._code + f"\0{kind}\0{text}".encode()).hexdigest()

    def get(self, kind: str, text: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` (a JSON value) for ``text``, remembered under ``kind``."""
        key = self._key(kind, text)
        if key not in self.entries:
            self.entries[key] = [compute()]
            self.changed = True
        return self.entries[key][0]

    def optimized(self, pattern: str) -> str:
        return self.get("optimized", pattern, lambda: optimize(pattern))

    def anchor(self, regex: re.Pattern) -> Optional[Anchor]:
        key = self._key(f"anchor:{regex.flags}", regex.pattern)
        if key not in self.entries:
            found = anchors(regex)
            self.entries[key] = [sorted(found.strings), found.before, found.after] if found else []
            self.changed = True
        row = self.entries[key]
        return Anchor(frozenset(row[0]), row[1], row[2]) if row else None

    def save(self) -> None:
        if self.path is None or not self.changed:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.entries, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            pass  # a read-only cache folder only costs start-up time
