"""What the engine derives from a rule's pattern, kept between runs.

Rewriting a pattern for speed (``regex_opt``), finding its anchors (``anchors``) and the boundary
it begins with (``boundaries``) parse every pattern, which costs about a second on every start
for the shipped rules. The results depend only on the pattern and on the code of those modules,
so they are kept in a file (pickled plain data: strings, numbers, lists) keyed by a digest of
both; editing a rule or one of the modules simply misses the cache. A cache that cannot be read
or written is not used.

Compiling the rewritten patterns costs another second and a half: ``re.compile`` parses each
pattern and translates it into the code CPython's regex engine runs, in pure Python. That code
is kept too, keyed also by the Python that made it, and handed to the engine as ``re.compile``
does; it is kept only when the pattern so made equals ``re.compile``'s.

Every process reads the whole file, so it keeps what the last load used and, for the few rules
an edited copy of the rules changes, a quarter as many others, the newest: entries of rules
since edited away are dropped instead of slowing every start. (Kept as JSON, it had grown to
eight times what a load uses; reading it took 0.4 s, now 0.05.)
"""

from __future__ import annotations

import _sre
import hashlib
import pickle
import re
import sys
from array import array
from pathlib import Path
from typing import Any, Callable, Optional

from kg.errors import OutputError
from kg.nlp import anchors as _anchors
from kg.nlp import boundaries as _boundaries
from kg.nlp import regex_opt as _regex_opt
from kg.nlp.anchors import Anchor, anchors
from kg.nlp.regex_opt import optimize
from kg.resources.atomic import write_atomic
from kg.resources.user_cache import kg_cache_dir

# CPython's own two steps of re.compile: the parse, and the translation into the engine's code.
from re import _compiler, _parser  # noqa: E402  (isort keeps them apart from the public ones)

# The engine's code is this Python's: another version, another build, another key.
_PYTHON = f"{sys.implementation.cache_tag}:{sys.version}:{_sre.MAGIC}"
# Entries kept besides those the last load used: one for every KEEP_ONE_IN of these (see the module).
KEEP_ONE_IN = 4


def default_path() -> Path:
    """Where the pipeline keeps the rules' derived forms: kg's user cache."""
    return kg_cache_dir() / "rules.pickle"


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
        self.used: set[str] = set()  # the keys of this load, kept when the file is written
        self._code = _code_digest()
        if path is not None:
            try:
                entries = pickle.loads(path.read_bytes())
            except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, ImportError, IndexError,
                    TypeError):
                entries = None
            self.entries = entries if isinstance(entries, dict) else {}  # else: not a file this code wrote

    def _key(self, kind: str, text: str) -> str:
        key = hashlib.sha256(self._code + f"\0{kind}\0{text}".encode()).hexdigest()
        self.used.add(key)
        return key

    def get(self, kind: str, text: str, compute: Callable[[], Any]) -> Any:
        """``compute()`` (plain data) for ``text``, remembered under ``kind``."""
        key = self._key(kind, text)
        if key not in self.entries:
            self.entries[key] = [compute()]
            self.changed = True
        return self.entries[key][0]

    def optimized(self, pattern: str) -> str:
        return self.get("optimized", pattern, lambda: optimize(pattern))

    def compiled(self, pattern: str) -> re.Pattern:
        """``re.compile(pattern)`` (re.error for a bad one), from the engine's code when kept."""
        key = self._key(f"sre2:{_PYTHON}", pattern)
        kept = self.entries.get(key)
        if kept and kept[0]:
            try:
                return _engine(pattern, *kept[0])
            except (TypeError, ValueError, RuntimeError):  # not this engine's code after all
                pass
        regex = re.compile(pattern)
        if kept:  # [[]]: its code was found not to make the same pattern
            return regex
        try:
            row = [regex.flags, _packed(_compiler._code(_parser.parse(pattern, 0), 0)), regex.groups,
                   dict(regex.groupindex)]
            same = _engine(pattern, *row) == regex  # same flags, pattern and code
        except (TypeError, ValueError, RuntimeError, OverflowError):
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
        """Write the entries made, and drop old ones (see the module), if there are any."""
        if self.path is None:
            return
        others = [key for key in self.entries if key not in self.used]  # oldest first
        spare = len(self.used) // KEEP_ONE_IN
        if not self.changed and len(others) <= spare:
            return
        kept = {key: self.entries[key] for key in others[max(0, len(others) - spare):]}
        kept.update((key, row) for key, row in self.entries.items() if key in self.used)  # the newest last
        try:
            write_atomic(self.path, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
        except OutputError:
            pass  # a read-only cache folder only costs start-up time


def _packed(code: list[int]) -> bytes:
    """The engine's code as its 4-byte words: a tenth of the time to read of a list of numbers."""
    return array("I", code).tobytes()


def _engine(pattern: str, flags: int, packed: str, groups: int, groupindex: dict[str, int]) -> re.Pattern:
    """The pattern made as ``re._compiler.compile`` makes it from its parts (the code ``_packed``)."""
    words = array("I")
    words.frombytes(packed)
    code = words.tolist()
    indexgroup: list = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))
