"""Text that remembers, character by character, where it came from.

Every normalization step rewrites text through a :class:`MappedBuilder`, so each output
character carries the half-open range ``[start, end)`` of source characters it stands for.
Composing steps composes the maps, and a span of the final text maps back exactly.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy


@dataclass(frozen=True)
class MappedText:
    """``text[i]`` stands for ``source[starts[i]:ends[i]]`` of the source it was made from."""

    text: str
    starts: array
    ends: array
    source_length: int

    @classmethod
    def identity(cls, text: str) -> "MappedText":
        n = len(text)
        return cls(text, array("l", range(n)), array("l", range(1, n + 1)), n)

    def __post_init__(self) -> None:
        if not (len(self.text) == len(self.starts) == len(self.ends)):
            raise ValueError("map length differs from text length")

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of ``text`` to the smallest source span covering it."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span {start}:{end} outside text of length {len(self.text)}")
        if start == end:
            pos = self.starts[start] if start < len(self.text) else self.source_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def compose(self, later: "MappedText") -> "MappedText":
        """``later`` was made from ``self.text``; return ``later`` mapped onto our source."""
        if later.source_length != len(self.text):
            raise ValueError("later text was not made from this text")
        if not later.text:
            return MappedText(later.text, array("l"), array("l"), self.source_length)
        # span_to_source for every character at once: a loop in Python is most of the time
        # ingestion takes on a long document.
        kind = numpy.dtype(f"i{self.starts.itemsize}")
        spans_start = numpy.frombuffer(later.starts, dtype=kind)
        spans_end = numpy.frombuffer(later.ends, dtype=kind)
        if spans_start.min() < 0 or spans_end.max() > len(self.text) or (spans_start > spans_end).any():
            raise IndexError("later text maps outside this text")
        own_starts = numpy.append(numpy.frombuffer(self.starts, dtype=kind), kind.type(self.source_length))
        starts = own_starts[spans_start]  # an empty span at the end maps to the end of the source
        if len(self.ends):
            last = numpy.frombuffer(self.ends, dtype=kind)[numpy.maximum(spans_end - 1, 0)]
            ends = numpy.where(spans_end > spans_start, last, starts)
        else:
            ends = starts
        return MappedText(later.text, array("l", starts.tobytes()), array("l", ends.astype(kind).tobytes()), self.source_length)


class MappedBuilder:
    """Append pieces of output, each tied to the source range it replaces."""

    def __init__(self, source_length: int) -> None:
        self._parts: list[str] = []
        self._starts = array("l")
        self._ends = array("l")
        self._source_length = source_length

    def keep(self, source: str, start: int, end: int) -> None:
        """Copy ``source[start:end]`` unchanged, one map entry per character."""
        self._parts.append(source[start:end])
        self._starts.extend(range(start, end))
        self._ends.extend(range(start + 1, end + 1))

    def replace(self, text: str, start: int, end: int) -> None:
        """Emit ``text`` in place of ``source[start:end]``; every output char covers the whole range."""
        if not text:
            return
        self._parts.append(text)
        self._starts.extend([start] * len(text))
        self._ends.extend([end] * len(text))

    def build(self) -> MappedText:
        return MappedText("".join(self._parts), self._starts, self._ends, self._source_length)
