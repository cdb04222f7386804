"""Name boundaries: where a name may start, tested once per text for every rule that shares one.

Most rules begin with a left boundary (``<<LB>>``, ``<<ORG_LB>>`` …): a long zero-width test of
the characters around a position (punctuation, function words, verbs that come before names,
not inside such a verb). Inlined, it was compiled into some sixty rules and tested by each of
them at each position. A definition marked ``"boundary": true`` is compiled once, tested at most
once per position of a text, and a rule that begins with it runs only the rest of its pattern,
at the positions where the boundary holds: the same matches, in the same order, as the whole
pattern gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from typing import Iterator, Optional

try:  # Python ≥ 3.11
    from re import _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as P  # type: ignore[no-redef]


@dataclass(frozen=True)
class Boundary:
    name: str
    prefix: str  # the expanded pattern text a rule begins with when it begins at this boundary
    regex: re.Pattern


def zero_width(pattern: str) -> bool:
    return P.parse(pattern).getwidth() == (0, 0)


def split(pattern: str, boundaries: dict[str, Boundary]) -> tuple[Optional[Boundary], str]:
    """The boundary ``pattern`` begins with (the longest) and the rest; (None, pattern) when it
    begins with none, or when the rest is not simply what follows the boundary in sequence
    (``<<LB>>a|b``, ``<<LB>>?a``) or may match nothing (an empty match would advance differently)."""
    for boundary in sorted(boundaries.values(), key=lambda b: -len(b.prefix)):
        if not pattern.startswith(boundary.prefix):
            continue
        rest = pattern[len(boundary.prefix) :]
        try:
            whole, head, tail = P.parse(pattern), P.parse(boundary.prefix), P.parse(rest)
        except re.error:
            return None, pattern
        if len(whole) == len(head) + len(tail) and tail.getwidth()[0] > 0:
            return boundary, rest
        return None, pattern
    return None, pattern


class Starts:
    """The positions of one text where each boundary holds, found on demand and remembered.
    Each boundary is tested against the whole text, as the whole pattern would be."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._tested: dict[str, bytearray] = {}
        self._holds: dict[str, bytearray] = {}

    def between(self, boundary: Boundary, lo: int, hi: int) -> Iterator[int]:
        size = len(self.text) + 1
        tested = self._tested.setdefault(boundary.name, bytearray(size))
        holds = self._holds.setdefault(boundary.name, bytearray(size))
        gap = tested.find(0, lo, hi)
        while gap >= 0:
            end = tested.find(1, gap, hi)
            end = hi if end < 0 else end
            for m in boundary.regex.finditer(self.text, gap):
                if m.start() >= end:
                    break
                holds[m.start()] = 1
            tested[gap:end] = b"\x01" * (end - gap)
            gap = tested.find(0, end, hi)
        return compress(range(lo, hi), holds[lo:hi])

    def matches(self, boundary: Boundary, rest: re.Pattern, lo: int, hi: int) -> Iterator[re.Match]:
        """What ``boundary`` + ``rest`` finds between ``lo`` and ``hi``, as ``finditer`` would:
        the leftmost match, then the next from its end."""
        text, match = self.text, rest.match
        resume = lo
        for p in self.between(boundary, lo, hi):
            if p >= resume and (m := match(text, p, hi)) is not None:
                yield m
                resume = m.end()
