"""What the refiner judges: suggestions (spans the rules proposed) and their features.

A suggestion is a span of ``doc.text`` that some rule proposed, or that the rules chose, with
what each rule said of it. Its features are strings, hashed: the span's own characters (whole,
first and last ones), the characters and words around it, its length, the rules that proposed
it and with which label, the label the rules chose for it if they did, and how it sits against
the chosen entities (inside one, containing one, crossing one).
"""

from __future__ import annotations

import bisect
import zlib
from typing import Iterable, NamedTuple, Sequence

import numpy
from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Model
from thinc.types import Ints2d

from kg.ingest.masks import find_masks
from kg.nlp.learned.recording import CANDIDATES_KEY, CHOSEN_KEY

NOT = "NOT"  # the label of spans the rules say are never entities (see rules.py)


class Proposal(NamedTuple):
    label: str
    rule: str  # pattern id or "gazetteer:<file>:<entry id>"
    entry: str = ""  # gazetteer entry id, if any


class Suggestion(NamedTuple):
    start: int  # characters of the text, end exclusive
    end: int
    proposals: tuple[Proposal, ...]  # every rule that proposed exactly this span
    chosen: str = ""  # the label the rules chose for this span, if they chose it
    chosen_rule: str = ""
    chosen_entry: str = ""


class Judged(NamedTuple):
    """A Doc, its text (``doc.text`` is rebuilt from the tokens on every access) and its
    suggestions: what the model reads."""

    doc: Doc
    text: str
    suggestions: list[Suggestion]


def chosen_by_rules(doc: Doc) -> list[tuple[int, int, str, str, str]]:
    """(start, end, label, rule, entry) of the entities the rules chose."""
    chosen = doc.user_data.get(CHOSEN_KEY)
    if chosen is None:
        chosen = [(e.start_char, e.end_char, e.label_, e.id_, e.kb_id_) for e in doc.ents]
    return chosen


def suggest(doc: Doc, text: str, use_candidates: bool = True) -> list[Suggestion]:
    """The spans to judge in ``doc``, in text order: the entities the rules chose, and
    (``use_candidates``) every other candidate they proposed, except those inside a span they
    call NOT and those touching masked text or right after it (as the rules have it). ``text``
    is ``doc.text``."""
    chosen = {(s, e): (label, rule, entry) for s, e, label, rule, entry in chosen_by_rules(doc)}
    proposals: dict[tuple[int, int], list[Proposal]] = {}
    found = doc.user_data.get(CANDIDATES_KEY) if use_candidates else None
    if found:
        blocked = _Blocked(text, [(s, e) for s, e, label, _, _ in found if label == NOT])
        for start, end, label, rule, entry in found:
            if label == NOT or ((start, end) not in chosen and blocked(start, end)):
                continue
            proposals.setdefault((start, end), []).append(Proposal(label, rule, entry))
    out = []
    for span in sorted(set(proposals) | set(chosen)):
        label, rule, entry = chosen.get(span, ("", "", ""))
        out.append(Suggestion(span[0], span[1], tuple(proposals.get(span, ())), label, rule, entry))
    return out


class _Blocked:
    """Whether a span lies inside a NOT span, touches masked text or begins where a mask ends."""

    def __init__(self, text: str, vetoes: Sequence[tuple[int, int]]) -> None:
        # veto starts in order, and the furthest end of the vetoes starting at or before each
        self.starts: list[int] = []
        self.reach: list[int] = []
        for s, e in sorted(vetoes):
            self.starts.append(s)
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)
        self.masks = [(m.start, m.end) for m in find_masks(text)]

    def __call__(self, start: int, end: int) -> bool:
        if any(s < end and start <= e for s, e in self.masks):
            return True
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _rule_name(rule: str) -> str:
    # a gazetteer entry is too particular to learn from; the file it comes from is not
    return ":".join(rule.split(":")[:2]) if rule.startswith("gazetteer:") else rule


def feature_strings(doc: Doc, text: str, suggestions: Sequence[Suggestion]) -> Iterable[list[str]]:
    """The features of each suggestion (in text order), as strings; ``text`` is ``doc.text``."""
    edges = doc.to_array([IDX, LENGTH]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
    starts = edges[:, 0].tolist()
    ends = (edges[:, 0] + edges[:, 1]).tolist()
    token_at = {s: i for i, s in enumerate(starts)}
    token_at[len(text)] = len(starts)

    def word(i: int) -> str:
        return text[starts[i]:ends[i]] if 0 <= i < len(starts) else ("<s>" if i < 0 else "</s>")

    chosen = [(s.start, s.end, s.chosen) for s in suggestions if s.chosen]  # in text order, disjoint
    chosen_starts = [c[0] for c in chosen]
    for sug in suggestions:
        a, e = sug.start, sug.end
        s = text[a:e]
        f = [
            "w=" + s, "f1=" + s[:1], "f2=" + s[:2], "l1=" + s[-1:], "l2=" + s[-2:], "l3=" + s[-3:],
            "b1=" + text[max(0, a - 1):a], "b2=" + text[max(0, a - 2):a],
            "a1=" + text[e:e + 1], "a2=" + text[e:e + 2], "len=" + str(min(e - a, 16)),
        ]
        for p in sug.proposals:
            f += ["rule=" + _rule_name(p.rule), "rl=" + p.label, "rl|l1=" + p.label + s[-1:], "rl|l2=" + p.label + s[-2:]]
        if not sug.proposals:
            f.append("nocand")
        f.append("final=" + sug.chosen if sug.chosen else "notfinal")
        i, j = token_at.get(a), token_at.get(e)
        if i is not None:
            f += ["ft=" + word(i), "pt=" + word(i - 1)]
        if j is not None:
            f += ["lt=" + word(j - 1), "nt=" + word(j)]
        f.append("nt#=" + str(min(j - i, 8)) if i is not None and j is not None else "unaligned")
        # the chosen entities overlapping this span: those starting before its end, from the
        # last one starting at or before its start
        k = max(bisect.bisect_right(chosen_starts, a) - 1, 0)
        while k < len(chosen) and chosen[k][0] < e:
            ca, ce, cl = chosen[k]
            k += 1
            if ce <= a or (ca, ce) == (a, e):
                continue
            if ca <= a and e <= ce:
                f.append("inside=" + cl)
            elif a <= ca and ce <= e:
                f.append("contains=" + cl)
            else:
                f.append("crosses=" + cl)
        yield f


def hash_features(strings: list[str]) -> numpy.ndarray:
    # crc32: fast, and the same in every process (Python's hash() of a str is not)
    return numpy.fromiter((zlib.crc32(x.encode("utf8")) for x in strings), dtype="uint64", count=len(strings)).reshape(-1, 1)


@registry.layers("kg.SpanFeatures.v1")
def SpanFeatures() -> Model[list[Judged], list[Ints2d]]:
    """Docs with their suggestions -> one column of hashed feature ids per suggestion."""
    return Model("kg_span_features", _features_forward)


def _features_forward(model: Model, inputs: list[Judged], is_train: bool):
    out = [hash_features(f) for doc, text, suggestions in inputs for f in feature_strings(doc, text, suggestions)]
    return out, lambda d_out: []
