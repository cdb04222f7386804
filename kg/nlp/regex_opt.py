"""Rewrite rule patterns into equivalent ones that Python's ``re`` runs much faster.

Rule files spell word lists out (``(?:推进|推动|实施|…)``, ``(?<=推进)|(?<=推动)|…``) because that
is what a person edits. ``re`` tries such alternatives one by one at every position; as a trie
(``推(?:进|动)|实施``) it looks at each character once. Lookbehinds must be fixed-width, so
literal lookbehinds are grouped by length, each group one trie. The language matched is
unchanged; a test checks that on every shipped rule.

Name boundaries are tested at every position a rule is tried, so each word list also gets a
gate: one character class that every word starts (or, for a lookbehind, ends) with, which
``re`` tests in constant time and which fails at most positions before any alternative is tried.
A list of positions inside words (``(?<=对)(?=照)|(?<=对照)(?=世界)|…``) is grouped by the
character before the position, behind the same kind of gate.
"""

from __future__ import annotations

import re

_LIT = r"[^()\[\]\\|*+?{}.^$]+"
# (?:lit|lit|…) with literal alternatives only
_ALT_GROUP = re.compile(r"\(\?:(" + _LIT + r"(?:\|" + _LIT + r")+)\)")
# (?<=lit)|(?<=lit)|… : a run of literal lookbehinds joined by |
_LOOKBEHIND_RUN = re.compile(r"\(\?<=" + _LIT + r"\)(?:\|\(\?<=" + _LIT + r"\))+")
_ONE_LOOKBEHIND = re.compile(r"\(\?<=(" + _LIT + r")\)")
# (?:(?<=lit)(?=lit)|…): a group of positions between two literals
_SPLIT_GROUP = re.compile(r"\(\?:((?:\(\?<=" + _LIT + r"\)\(\?=" + _LIT + r"\)\|)+\(\?<=" + _LIT + r"\)\(\?=" + _LIT + r"\))\)")
_ONE_SPLIT = re.compile(r"\(\?<=(" + _LIT + r")\)\(\?=(" + _LIT + r")\)")
# Fewer alternatives than this are tried as fast as a class.
_GATE_FROM = 4


def optimize(pattern: str) -> str:
    pattern = _SPLIT_GROUP.sub(_group_splits, pattern)
    pattern = _LOOKBEHIND_RUN.sub(_group_lookbehinds, pattern)
    return _ALT_GROUP.sub(lambda m: "(?:" + gated_trie(m.group(1).split("|")) + ")", pattern)


def _group_lookbehinds(run: re.Match) -> str:
    words = _ONE_LOOKBEHIND.findall(run.group(0))
    by_length: dict[int, list[str]] = {}
    for word in words:
        by_length.setdefault(len(word), []).append(word)
    groups = "|".join(f"(?<={trie(ws)})" for _, ws in sorted(by_length.items(), reverse=True))
    if len(words) < _GATE_FROM:
        return groups
    return f"(?<={_class(w[-1] for w in words)})(?:{groups})"


def _group_splits(group: re.Match) -> str:
    """``(?<=X)(?=Y)|…`` as one gate on the characters either side, then by the last character
    of X, each X once with its Ys as a trie."""
    pairs = _ONE_SPLIT.findall(group.group(1))
    by_last: dict[str, dict[str, list[str]]] = {}
    for before, after in pairs:
        by_last.setdefault(before[-1], {}).setdefault(before, []).append(after)
    branches = []
    for last, afters_of in sorted(by_last.items()):
        inner = "|".join(
            f"(?<={re.escape(before)})(?={trie(afters)})"
            for before, afters in sorted(afters_of.items(), key=lambda kv: (-len(kv[0]), kv[0]))
        )
        branches.append(f"(?<={re.escape(last)})(?:{inner})")
    gate = f"(?<={_class(b[-1] for b, _ in pairs)})(?={_class(a[0] for _, a in pairs)})"
    return f"(?:{gate}(?:{'|'.join(branches)}))"


def _class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def gated_trie(words: list[str]) -> str:
    """``trie(words)`` behind a class of their first characters, when there are enough of them."""
    body = trie(words)
    return f"(?={_class(w[0] for w in words)}){body}" if len(set(words)) >= _GATE_FROM else body


def trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, longest alternative first at each branch, as the
    original alternation's leftmost-longest-listed order would not guarantee but every rule here
    only uses these groups as whole words (lookarounds and name boundaries)."""
    root: dict = {}
    for word in set(words):
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(root)


def _render(node: dict) -> str:
    branches = []
    ends_here = "" in node
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _render(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends_here else body
