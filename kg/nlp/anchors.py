"""Literal anchors: strings one of which every match of a pattern must contain.

Most rules end in a head noun (…改革, …大学) or start at a mark (“, 《). Searching the text for
those literals first and running the full pattern only near them does the same work as
running it everywhere, at a fraction of the cost. The anchors come from the pattern's own
syntax tree, so rule files need no extra field; what a lookahead or lookbehind requires counts
too (a name right before “未来社区”). Each anchor also says how far a match can reach before and
after it (a head noun is last, so a match reaches only backwards from it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from typing import Optional

try:  # Python ≥ 3.11
    from re import _constants as C, _parser as P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

UNBOUNDED = int(C.MAXREPEAT)
_MAX_SET = 400  # more alternatives than this is no filter
_MAX_CLASS = 12  # a character class of at most this many characters counts as alternatives


@dataclass(frozen=True)
class Anchor:
    strings: frozenset[str]
    before: int  # the most a match can hold before the anchor (UNBOUNDED if no limit)
    after: int  # the most a match can hold after it


def anchors(regex: re.Pattern) -> Optional[Anchor]:
    """The most selective anchor of ``regex``, or None when no literal is required."""
    tree = P.parse(regex.pattern, regex.flags)
    return _best(_sequence(tree.state, list(tree), 0, 0))


def _add(*widths: int) -> int:
    return min(sum(widths), UNBOUNDED)


def _width(state, items: list) -> int:
    return min(int(P.SubPattern(state, items).getwidth()[1]), UNBOUNDED) if items else 0


def _best(found: list[Anchor]) -> Optional[Anchor]:
    """Longest shortest-string first, then fewest strings, then the tightest reach, then the
    last in the pattern (a head noun rather than the context a lookbehind asks for)."""
    usable = [(i, a) for i, a in enumerate(found) if a.strings and len(a.strings) <= _MAX_SET and "" not in a.strings]
    if not usable:
        return None
    return max(usable, key=lambda ia: (min(len(s) for s in ia[1].strings), -len(ia[1].strings), -_add(ia[1].before, ia[1].after), ia[0]))[1]


def _sequence(state, items: list, before: int, after: int) -> list[Anchor]:
    """Anchors of a sequence: runs of fixed-string items joined into longer strings."""
    widths = [_width(state, [item]) for item in items]
    found: list[Anchor] = []
    run: frozenset[str] = frozenset({""})
    run_start = 0

    def close(end: int) -> None:
        if run != frozenset({""}):
            found.append(Anchor(run, _add(before, *widths[:run_start]), _add(*widths[end:], after)))

    for i, item in enumerate(items):
        exact = _exact(item)
        if exact is not None and len(run) * len(exact) <= _MAX_SET:
            if run == frozenset({""}):
                run_start = i
            run = frozenset(a + b for a, b in product(run, exact))
            continue
        close(i)
        run = frozenset({""})
        found.extend(_required(state, item, _add(before, *widths[:i]), _add(*widths[i + 1 :], after), widths[i]))
        if exact is not None:
            run, run_start = exact, i
    close(len(items))
    return found


def _exact(item) -> Optional[frozenset[str]]:
    """The strings ``item`` matches, when it always matches one of a few fixed strings."""
    op, av = item
    if op is C.LITERAL:
        return frozenset({chr(av)})
    if op is C.IN:
        chars = []
        for kind, value in av:
            if kind is C.LITERAL:
                chars.append(chr(value))
            elif kind is C.RANGE and value[1] - value[0] < _MAX_CLASS:
                chars.extend(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        return frozenset(chars) if 0 < len(chars) <= _MAX_CLASS else None
    if op is C.SUBPATTERN:
        return _exact_sequence(list(av[-1]))
    if op is C.BRANCH:
        options: set[str] = set()
        for branch in av[1]:
            strings = _exact_sequence(list(branch))
            if strings is None:
                return None
            options |= strings
            if len(options) > _MAX_SET:
                return None
        return frozenset(options)
    return None


def _exact_sequence(items: list) -> Optional[frozenset[str]]:
    result: frozenset[str] = frozenset({""})
    for item in items:
        strings = _exact(item)
        if strings is None or len(result) * len(strings) > _MAX_SET:
            return None
        result = frozenset(a + b for a, b in product(result, strings))
    return result


def _required(state, item, before: int, after: int, width: int) -> list[Anchor]:
    """Anchors that any match of ``item`` contains (none for zero-width or optional items)."""
    op, av = item
    if op is C.SUBPATTERN:
        return _sequence(state, list(av[-1]), before, after)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        low, _, body = av
        # Inside a repeat the anchor may fall in any round: the whole repeat may lie on either side.
        return _sequence(state, list(body), _add(before, width), _add(width, after)) if low >= 1 else []
    if op is C.ASSERT:
        # A lookahead's text starts here and a lookbehind's ends here: what it requires lies
        # within its own width of this point, which the reach below allows for on both sides.
        _, body = av
        return _sequence(state, list(body), before, after)
    if op is C.BRANCH:
        per_branch = [_best(_sequence(state, list(b), before, after)) for b in av[1]]
        if any(b is None for b in per_branch):
            return []
        union = frozenset().union(*(b.strings for b in per_branch))
        if len(union) > _MAX_SET:
            return []
        return [Anchor(union, max(b.before for b in per_branch), max(b.after for b in per_branch))]
    return []
