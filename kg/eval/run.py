"""``kg extract`` and ``kg eval``: entity recognition over JSONL rows of passages."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from kg.errors import InputError
from kg.eval.scorer import Score, score_row
from kg.extract.mentions import mentions
from kg.ingest.document import ingest_text
from kg.ingest.model import Document
from kg.nlp.pipeline import load_pipeline


def read_rows(path: str | Path) -> Iterator[dict]:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise InputError(str(path), f"line {lineno} is not JSON ({err.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "id" not in row:
                raise InputError(str(path), f"line {lineno} needs an \"id\" and a \"text\" string")
            yield row


def _recognize(text: str, row_id: str) -> tuple[list[list], Optional[Document]]:
    if not text.strip():
        return [], None
    document = ingest_text(text, row_id, strip_boilerplate=False)
    doc = load_pipeline()(document.text)
    return [[m.start_src, m.end_src, m.label] for m in mentions(document, doc)], document


def extract_entities(text: str, row_id: str = "passage") -> list[list]:
    """``[[start, end, label], …]`` with offsets into ``text`` as given."""
    return _recognize(text, row_id)[0]


def extract_rows(rows: Iterable[dict]) -> Iterator[dict]:
    for row in rows:
        yield {"id": row["id"], "entities": extract_entities(row["text"], str(row["id"]))}


@dataclass
class Evaluation:
    overall: Score = field(default_factory=Score)
    by_document: dict[str, Score] = field(default_factory=dict)
    # per document: what kind of text it is ("zh-Hans", "zh-Hant", "masked")
    traits: dict[str, set[str]] = field(default_factory=dict)


def evaluate(rows: Iterable[dict]) -> Evaluation:
    result = Evaluation()
    for row in rows:
        entities, document = _recognize(row["text"], str(row["id"]))
        predicted = [tuple(e) for e in entities]
        score = score_row(row["text"], [tuple(e) for e in row.get("entities", [])], predicted, str(row["id"]))
        result.overall.add(score)
        group = str(row["id"]).split(":", 1)[0]
        result.by_document.setdefault(group, Score()).add(score)
        if document is not None:
            traits = result.traits.setdefault(group, set())
            traits.add(document.meta.script)
            if document.masks:
                traits.add("masked")
    return result
