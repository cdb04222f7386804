"""``kg extract`` and ``kg eval``: entity recognition over JSONL rows of passages.

A row that names its ``source`` file and the ``offset`` where the passage starts is recognized
in its document, as ``kg build`` recognizes it: the whole source file is ingested as the build
ingests it (boilerplate, normalization, masks, script, metadata and so the home area), the same
per-document step finds the mentions (``kg.extract.facts.document_mentions``), and those lying
within the passage are kept, shifted to passage offsets. Each source document is processed once
however many passages it has. A row without a source, whose source cannot be found or read, or
whose source text at ``offset`` is not the row's text, is recognized as plain text; the
recognizer counts which rows took which path and why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from kg.errors import InputError
from kg.eval.scorer import Score, score_row
from kg.extract.facts import document_mentions, pipeline_annotate, pipeline_linker
from kg.ingest.document import ingest_file, ingest_text
from kg.nlp.pipeline import load_pipeline
from kg.resources.datafiles import input_rows

IN_DOCUMENT = "in their source document"
# Why a row was recognized as plain text.
NO_SOURCE = "no source and offset given"
NOT_FOUND = "source not found"
UNREADABLE = "source unreadable"
TEXT_DIFFERS = "source text at offset differs"


def read_rows(path: str | Path, recognizer: Optional["PassageRecognizer"] = None) -> Iterator[dict]:
    """The rows of a JSONL file of passages. With a recognizer, a row may be kept by reference
    (its "source", "offset" and "length" instead of its "text"): its text is read from the source
    file, found in the recognizer's folders, as the build reads it."""
    for lineno, row in input_rows(path, by_reference=recognizer is not None):
        if "text" not in row and recognizer is not None:
            text = recognizer.source_text(row["source"], row["offset"], row["length"])
            if text is None:
                where = ", ".join(str(f) for f in recognizer.folders) or "no folder"
                problem = f"line {lineno}: its source {row['source']} is not found or too short"
                raise InputError(str(path), f"{problem} (looked in {where}; give its folder with --sources)")
            row = {**row, "text": text}
        yield row


def source_dirs(extra: Sequence[str | Path] = (), rows_file: Optional[str | Path] = None) -> list[Path]:
    """Where rows' source files are looked for, in order: the folders given, then ``seeds/`` and
    ``../shared/corpus/docs`` from the current folder (the project root, as for ``kg build``),
    then ``../seeds`` and ``../corpus/docs`` beside the rows file (a gold file in
    ``shared/gold/``). Folders that do not exist are left out."""
    candidates = [Path(d) for d in extra] + [Path("seeds"), Path("../shared/corpus/docs")]
    if rows_file is not None:
        here = Path(rows_file).resolve().parent
        candidates += [here.parent / "seeds", here.parent / "corpus" / "docs"]
    out: list[Path] = []
    seen: set[Path] = set()
    for folder in candidates:
        resolved = folder.resolve()
        if resolved.is_dir() and resolved not in seen:
            seen.add(resolved)
            out.append(folder)
    return out


@dataclass
class _SourceDocument:
    """What the build sees of one source file: its text, mentions in source offsets, script and
    masked stretches."""

    original: str
    spans: list[tuple[int, int, str]]
    script: str
    masks: list[tuple[int, int]]
    kind: str  # the document's kind as metadata reads it (government-work-report, regulation …)


@dataclass
class Passage:
    entities: list[list]  # [[start, end, label], ...] into the row's text
    path: str  # IN_DOCUMENT, or why the passage was read as plain text
    script: str = "zh-Hans"
    masked: bool = False
    kind: str = "other"  # its document's kind; a passage read as plain text is "other"


class PassageRecognizer:
    """Recognizes passages, each in its source document when it can be found (see the module)."""

    def __init__(self, folders: Sequence[Path] = ()) -> None:
        self.folders = list(folders)
        nlp = load_pipeline()
        self._annotate = pipeline_annotate(nlp)
        self._linker = pipeline_linker(nlp)
        self._sources: dict[Path, Optional[_SourceDocument]] = {}  # None: found but unreadable
        self.paths: Counter = Counter()  # IN_DOCUMENT or a plain-text reason -> rows

    def recognize(self, row: dict) -> Passage:
        passage = self._in_document(row)
        if isinstance(passage, str):
            passage = self._plain(row, passage)
        self.paths[passage.path] += 1
        return passage

    def _in_document(self, row: dict) -> Passage | str:
        """The passage recognized in its source document, or why it cannot be."""
        text, source, offset = row["text"], row.get("source"), row.get("offset")
        if not isinstance(source, str) or not source or not isinstance(offset, int) or offset < 0:
            return NO_SOURCE
        path = self._find(source)
        if path is None:
            return NOT_FOUND
        document = self._source(path)
        if document is None:
            return UNREADABLE
        end = offset + len(text)
        if document.original[offset:end] != text:
            return TEXT_DIFFERS
        entities = [[s - offset, e - offset, label] for s, e, label in document.spans if offset <= s and e <= end]
        masked = any(s < end and offset < e for s, e in document.masks)
        return Passage(entities, IN_DOCUMENT, document.script, masked, document.kind)

    def source_text(self, source: str, offset: int, length: int) -> Optional[str]:
        """The stretch of a source file as the build reads it; None when the file is not found,
        cannot be read or is shorter."""
        path = self._find(source)
        document = self._source(path) if path is not None else None
        if document is None or offset + length > len(document.original):
            return None
        return document.original[offset : offset + length]

    def _find(self, source: str) -> Optional[Path]:
        return next((folder / source for folder in self.folders if (folder / source).is_file()), None)

    def _source(self, path: Path) -> Optional[_SourceDocument]:
        key = path.resolve()
        if key not in self._sources:
            try:
                document = ingest_file(path)
            except InputError:
                self._sources[key] = None
            else:
                found = document_mentions(document, self._annotate, self._linker)
                self._sources[key] = _SourceDocument(
                    original=document.original,
                    spans=[(m.start_src, m.end_src, m.label) for m in found],
                    script=document.meta.script,
                    masks=[(m.start_src, m.end_src) for m in document.masks],
                    kind=document.meta.kind or "other",
                )
        return self._sources[key]

    def _plain(self, row: dict, why: str) -> Passage:
        """The passage as a document of its own; a passage cut from a page keeps its
        boilerplate, as it was chosen to be read whole."""
        text = row["text"]
        if not text.strip():
            return Passage([], why)
        document = ingest_text(text, str(row["id"]), strip_boilerplate=False)
        found = document_mentions(document, self._annotate, self._linker)
        return Passage([[m.start_src, m.end_src, m.label] for m in found], why, document.meta.script, bool(document.masks))


def extract_entities(text: str, row_id: str = "passage") -> list[list]:
    """``[[start, end, label], …]`` with offsets into ``text`` as given, read as plain text."""
    return PassageRecognizer().recognize({"id": row_id, "text": text}).entities


def extract_rows(rows: Iterable[dict], recognizer: Optional[PassageRecognizer] = None) -> Iterator[dict]:
    recognizer = recognizer or PassageRecognizer()
    for row in rows:
        yield {"id": row["id"], "entities": recognizer.recognize(row).entities}


@dataclass
class Evaluation:
    overall: Score = field(default_factory=Score)
    by_document: dict[str, Score] = field(default_factory=dict)
    # per document: what kind of text it is ("zh-Hans", "zh-Hant", "masked")
    traits: dict[str, set[str]] = field(default_factory=dict)
    by_kind: dict[str, Score] = field(default_factory=dict)  # per kind of document
    paths: Counter = field(default_factory=Counter)  # how many rows were recognized which way


def evaluate(rows: Iterable[dict], recognizer: Optional[PassageRecognizer] = None) -> Evaluation:
    recognizer = recognizer or PassageRecognizer()
    result = Evaluation()
    for row in rows:
        passage = recognizer.recognize(row)
        predicted = [tuple(e) for e in passage.entities]
        score = score_row(row["text"], [tuple(e) for e in row.get("entities", [])], predicted, str(row["id"]))
        result.overall.add(score)
        group = str(row["id"]).split(":", 1)[0]
        result.by_document.setdefault(group, Score()).add(score)
        result.by_kind.setdefault(passage.kind, Score()).add(score)
        if row["text"].strip():
            traits = result.traits.setdefault(group, set())
            traits.add(passage.script)
            if passage.masked:
                traits.add("masked")
        result.paths[passage.path] += 1
    return result


def render_paths(paths: Counter) -> str:
    """`312 of 313 rows recognized in their source document; 1 as plain text (source not found: 1)`."""
    total = sum(paths.values())
    in_document = paths.get(IN_DOCUMENT, 0)
    plain = {why: n for why, n in sorted(paths.items()) if why != IN_DOCUMENT}
    line = f"{in_document} of {total} rows recognized {IN_DOCUMENT}"
    if plain:
        line += f"; {sum(plain.values())} as plain text (" + ", ".join(f"{why}: {n}" for why, n in plain.items()) + ")"
    return line
