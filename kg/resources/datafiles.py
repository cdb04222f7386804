"""Reading the rule and gazetteer files users edit: TSV and JSONL, with line numbers for errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator

from kg.errors import InputError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class RuleError(ValueError):
    """A rule or gazetteer file is malformed; the message names the file and line."""


def tsv_rows(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """(``file:line``, row) for each row of a tab-separated file with a header line; blank lines
    and lines starting with ``#`` are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    reader = csv.DictReader((line for _, line in lines), delimiter="\t")
    for (lineno, _), row in zip(lines[1:], reader):
        yield f"{path.name}:{lineno}", row


def jsonl_rows(path: Path) -> Iterator[tuple[str, dict]]:
    """(``file:line``, object) for each JSON line; blank lines and ``//`` lines are comments."""
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path.name}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            raise RuleError(f"{where}: not JSON ({err.msg})") from None
        if not isinstance(row, dict):
            raise RuleError(f"{where}: each line must be a JSON object")
        yield where, row


def input_rows(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each row of a user's JSONL file of passages, each needing an
    "id" and a "text" string; blank lines are skipped. InputError names the file and line."""
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
            yield lineno, row

