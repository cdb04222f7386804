"""Plain-text report of an evaluation, for ``kg eval``."""

from __future__ import annotations

from kg.eval.run import Evaluation, render_paths
from kg.eval.scorer import Counts, Score, error_summary
from kg.nlp.rules import LABELS


def _row(name: str, c: Counts) -> str:
    return f"  {name:<10} P {c.precision:6.3f}  R {c.recall:6.3f}  F1 {c.f1:6.3f}   (tp {c.tp}, fp {c.fp}, fn {c.fn})"


def _block(title: str, score: Score) -> list[str]:
    lines = [title]
    for label in LABELS:
        if label in score.typed:
            lines.append(_row(label, score.typed[label]))
    lines.append(_row("ALL typed", score.typed.get("ALL", Counts())))
    lines.append(_row("untyped", score.untyped))
    return lines


def render_evaluation(result: Evaluation, show_errors: int = 0) -> str:
    lines = [render_paths(result.paths), ""]
    lines += _block("overall", result.overall)
    if len(result.by_kind) > 1:
        for kind in sorted(result.by_kind):
            lines.append("")
            lines.extend(_block(f"documents of kind {kind}", result.by_kind[kind]))
    for group in sorted(result.by_document):
        lines.append("")
        traits = set(result.traits.get(group, ()))
        if "zh-Hant" in traits:
            # A Traditional document has short passages (numbers, names) that read as Simplified.
            traits.discard("zh-Hans")
        traits = sorted(traits)
        lines.extend(_block(f"document {group} ({', '.join(traits) or 'empty'})", result.by_document[group]))
    if show_errors:
        lines.append("")
        lines.append("most frequent errors (kind, label, text, count):")
        for kind, label, text, n in error_summary(result.overall, show_errors):
            lines.append(f"  {kind}  {label:<8} {text}  ×{n}")
    return "\n".join(lines)
