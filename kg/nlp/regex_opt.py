"""Rewrite rule patterns into equivalent ones that Python's ``re`` runs much faster.

Rule files spell word lists out (``(?:推进|推动|实施|…)``, ``(?<=推进)|(?<=推动)|…``) because that
is what a person edits. ``re`` tries such alternatives one by one at every position; as a trie
(``推(?:进|动)|实施``) it looks at each character once. Lookbehinds must be fixed-width, so
literal lookbehinds are grouped by length, each group one trie. The language matched is
unchanged; a test checks that on every shipped rule.
"""

from __future__ import annotations

import re

_LIT = r"[^()\[\]\\|*+?{}.^$]+"
# (?:lit|lit|…) with literal alternatives only
_ALT_GROUP = re.compile(r"\(\?:(" + _LIT + r"(?:\|" + _LIT + r")+)\)")
# (?<=lit)|(?<=lit)|… : a run of literal lookbehinds joined by |
_LOOKBEHIND_RUN = re.compile(r"\(\?<=" + _LIT + r"\)(?:\|\(\?<=" + _LIT + r"\))+")
_ONE_LOOKBEHIND = re.compile(r"\(\?<=(" + _LIT + r")\)")


def optimize(pattern: str) -> str:
    pattern = _LOOKBEHIND_RUN.sub(_group_lookbehinds, pattern)
    return _ALT_GROUP.sub(lambda m: "(?:" + trie(m.group(1).split("|")) + ")", pattern)


def _group_lookbehinds(run: re.Match) -> str:
    by_length: dict[int, list[str]] = {}
    for word in _ONE_LOOKBEHIND.findall(run.group(0)):
        by_length.setdefault(len(word), []).append(word)
    return "|".join(f"(?<={trie(words)})" for _, words in sorted(by_length.items(), reverse=True))


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
