"""What the engine derives from a rule's pattern, kept between runs.

Rewriting a pattern for speed (``regex_opt``), finding its anchors (``anchors``) and the boundary
it begins with (``boundaries``) parse every pattern, which costs about a second on every start
for the shipped rules. The results depend only on the pattern and on the code of those modules,
so they are kept in a JSON file keyed by a digest of both; editing a rule or one of the modules
simply misses the cache. A cache that cannot be read or written is not used.

Compiling the rewritten patterns costs another second and a half: ``re.compile`` parses each
pattern and translates it into the code CPython's regex engine runs, in pure Python. That code
is kept too, keyed also by the Python that made it, and handed to the engine as ``re.compile``
does; it is kept only when the pattern so made equals ``re.compile``'s.
"""

from __future__ import annotations

import _sre
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any, Callable, Optional

from kg.nlp import anchors as _anchors
from kg.nlp import boundaries as _boundaries
from kg.nlp import regex_opt as _regex_opt
from kg.nlp.anchors import Anchor, anchors
from kg.nlp.regex_opt import optimize

# CPython's own two steps of re.compile: the parse, and the translation into the engine's code.
from re import _compiler, _parser  # noqa: E402  (isort keeps them apart from the public ones)

# The engine's code is this Python's: another version, another build, another key.
_PYTHON = f"{sys.implementation.cache_tag}:{sys.version}:{_sre.MAGIC}"


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

    def compiled(self, pattern: str) -> re.Pattern:
        """``re.compile(pattern)`` (re.error for a bad one), from the engine's code when kept."""
        key = self._key(f"sre:{_PYTHON}", pattern)
        kept = self.entries.get(key)
        if kept and kept[0]:
            try:
                return _engine(pattern, *kept[0])
            except (TypeError, ValueError, RuntimeError):  # not this engine's code after all
                pass
        regex = re.compile(pattern)
        if kept:  # [[]]: its code was found not to make the same pattern
            return regex
        row = [regex.flags, _compiler._code(_parser.parse(pattern, 0), 0), regex.groups, dict(regex.groupindex)]
        try:
            same = _engine(pattern, *row) == regex  # same flags, pattern and code
        except (TypeError, ValueError, RuntimeError):
            same = False
        self.entries[key] = [row if same else []]
        self.changed = True
        return regex

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


def _engine(pattern: str, flags: int, code: list[int], groups: int, groupindex: dict[str, int]) -> re.Pattern:
    """The pattern made as ``re._compiler.compile`` makes it from its parts."""
    indexgroup: list = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
