"""Assemble the document record from a source file: the ingestion stage's one entry point."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence

from kg.errors import InputError
from kg.ingest.boilerplate import find_boilerplate
from kg.ingest.dedup import find_duplicates
from kg.ingest.html import html_to_text
from kg.ingest.mapped import MappedText
from kg.ingest.masks import find_masks
from kg.ingest.metadata import extract_metadata
from kg.ingest.model import Document, Duplicate, Mask, Removed
from kg.ingest.normalize import normalize
from kg.ingest.read import RawSource, collect, read_source
from kg.ingest.structure import split_structure

_ID_UNSAFE = re.compile(r"[^\w.-]+")
_PLAN_KINDS = ("plan-proposal", "plan-outline", "plan")


def doc_id_for(path: str | Path, sha256: str = "") -> str:
    """A document's id: its file name without suffix, made safe for IRIs and file names, and
    the first characters of its content's SHA-256. It depends on the file alone, never on the
    other files built with it or their order: two files of one name in different folders are two
    documents, one file given twice is one."""
    stem = _ID_UNSAFE.sub("_", Path(path).stem).strip("_") or "document"
    return f"{stem}-{sha256[:8]}" if sha256 else stem


def ingest_text(
    text: str,
    doc_id: str,
    *,
    path: str = "",
    sha256: str = "",
    encoding: str = "utf-8",
    is_html: bool = False,
    strip_boilerplate: bool = True,
) -> Document:
    """Build a document record from already decoded text. A passage cut from a page (as in
    ``kg extract``) keeps its boilerplate: it was chosen to be read whole."""
    visible = html_to_text(text) if is_html else MappedText.identity(text)
    junk = find_boilerplate(visible.text) if strip_boilerplate else []
    norm, script = normalize(visible, [(j.start, j.end) for j in junk])
    sections, paragraphs, sentences = split_structure(norm.text)
    masks = []
    for hit in find_masks(norm.text):
        start_src, end_src = norm.span_to_source(hit.start, hit.end)
        masks.append(Mask(hit.start, hit.end, start_src, end_src, hit.form))
    removed = [Removed(*visible.span_to_source(j.start, j.end), j.kind, j.rule) for j in junk]
    meta = extract_metadata(norm.text, sections, script)
    if meta.kind in _PLAN_KINDS:
        # A plan's headings are orders ("坚持…", "加快…") with no tense word: all of it is plan.
        sections = [replace(s, tense="plan") if s.tense == "other" else s for s in sections]
    return Document(
        doc_id=doc_id,
        path=path,
        sha256=sha256,
        encoding=encoding,
        original=text,
        norm=norm,
        removed=removed,
        masks=masks,
        sections=sections,
        paragraphs=paragraphs,
        sentences=sentences,
        meta=meta,
    )


def ingest_file(path: str | Path) -> Document:
    return ingest_source(read_source(path))


def ingest_source(raw: RawSource) -> Document:
    """The document record of a decoded source file."""
    return ingest_text(
        raw.text, doc_id_for(raw.path, raw.sha256), path=raw.path, sha256=raw.sha256, encoding=raw.encoding, is_html=raw.is_html
    )


def ingest_paths(
    paths: Iterable[str | Path], on_file: Optional[Callable[[Path], None]] = None
) -> tuple[list[Document], list[InputError]]:
    """Ingest every file under ``paths``; a bad file is reported and the others go on."""
    listing = collect(paths)
    errors = listing.errors
    docs: list[Document] = []
    seen: set[str] = set()
    for path in listing.files:
        if on_file:
            on_file(path)
        try:
            doc = ingest_file(path)
        except InputError as err:
            errors.append(err)
            continue
        if doc.sha256 in seen:
            continue  # one content is one document, as in `kg build`
        seen.add(doc.sha256)
        docs.append(doc)
    mark_duplicates(docs)
    return docs, errors


def mark_duplicates(docs: Sequence[Document]) -> None:
    by_id = {d.doc_id: d for d in docs}
    for dup in find_duplicates([(d.doc_id, d.text) for d in docs]):
        by_id[dup.doc_id].duplicate = Duplicate(of=dup.of, similarity=round(dup.similarity, 4))
