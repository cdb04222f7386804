"""Reading the rule and gazetteer files users edit: TSV and JSONL, with file and line for errors.

Every data file is checked as it is loaded: its header has the columns its loader reads, each row
has as many cells as the header, values are of the kinds allowed, ids are unique and what a row
points to (a parent, an alias's entry) exists. A loader gathers every problem of its files in a
``Problems`` and raises them together as one ``DataFileError``, so a user sees all of them at once.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Iterator, Optional, Sequence

from kg.errors import DataFileError, InputError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Kept for the loaders and tests that knew the error by this name.
RuleError = DataFileError


class Problems:
    """The problems a loader finds in its files; ``with Problems() as problems:`` raises them all
    as one DataFileError when the block ends (a loader keeps reading after a bad row)."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.found.append(f"{where}: {message}")

    def raise_any(self) -> None:
        if self.found:
            raise DataFileError(*self.found)

    def __enter__(self) -> "Problems":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.raise_any()


def _report(problems: Optional[Problems], where: str, message: str) -> None:
    if problems is None:
        raise DataFileError(f"{where}: {message}")
    problems.add(where, message)


def read_lines(path: Path, problems: Optional[Problems]) -> Optional[list[str]]:
    """The lines of a UTF-8 file; None, and the problem told, when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8-sig").split("\n")  # -sig: a BOM (Excel) is no part of the header
    except FileNotFoundError:
        _report(problems, str(path), "no such file")
    except UnicodeDecodeError as err:
        _report(problems, str(path), f"not UTF-8 text (byte {err.start})")
    except OSError as err:
        _report(problems, str(path), f"cannot be read ({err.strerror})")
    return None


def tsv_rows(
    path: Path, columns: Sequence[str] = (), problems: Optional[Problems] = None
) -> Iterator[tuple[str, dict[str, str]]]:
    """(``file:line``, row) for each row of a tab-separated file with a header line; blank lines
    and lines starting with ``#`` are comments. The header must have ``columns``, and each row as
    many cells as the header (empty ones are fine): a row that has not is reported and skipped.
    Problems go to ``problems``, or are raised at once without one."""
    lines = read_lines(path, problems)
    if not lines:
        if lines is not None:
            _report(problems, f"{path}:1", "no header line")
        return
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not numbered:
        _report(problems, f"{path}:1", "no header line")
        return
    # No quoting: a row is one line, so a cell that begins with " cannot swallow the next lines.
    reader = csv.DictReader((line for _, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = reader.fieldnames or []
    missing = [c for c in columns if c not in header]
    if missing:
        _report(problems, f"{path}:{numbered[0][0]}", f"no column {missing[0]!r} (the header has {', '.join(header)})")
        return
    width = len(header)
    for (lineno, _), row in zip(numbered[1:], reader):
        where = f"{path}:{lineno}"
        # csv.DictReader files extra cells under None and fills missing ones with None.
        if None in row or None in row.values():
            cells = width + len(row.get(None) or ()) - sum(1 for k, v in row.items() if k is not None and v is None)
            _report(problems, where, f"{cells} cells, the header has {width}")
            continue
        yield where, row


def jsonl_rows(path: Path, problems: Optional[Problems] = None) -> Iterator[tuple[str, dict]]:
    """(``file:line``, object) for each JSON line; blank lines and ``//`` lines are comments. A
    line that is not a JSON object is reported (to ``problems``, else raised) and skipped."""
    for lineno, line in enumerate(read_lines(path, problems) or (), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            _report(problems, where, f"not JSON ({err.msg} at column {err.colno})")
            continue
        if not isinstance(row, dict):
            _report(problems, where, "each line must be a JSON object")
            continue
        yield where, row


def cell(row: dict[str, str], column: str) -> str:
    """A cell without surrounding spaces; empty when the file has no such column."""
    return (row.get(column) or "").strip()


def split_bars(value: Optional[str]) -> list[str]:
    """The ``|``-separated values of a cell, without empty ones."""
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def input_rows(path: str | Path, by_reference: bool = False) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each row of a user's JSONL file of passages, each needing an
    "id" and a "text" string; with ``by_reference`` a row may instead name where its text is: a
    "source" file name, the "offset" where the passage starts and its "length" (a gold kept
    without copying its documents). Blank lines are skipped. InputError names the file and
    line."""
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
            if not isinstance(row, dict) or "id" not in row:
                raise InputError(str(path), f"line {lineno} needs an \"id\" and a \"text\" string")
            if not isinstance(row.get("text"), str) and not (by_reference and _is_reference(row)):
                if by_reference:
                    raise InputError(
                        str(path), f"line {lineno} needs a \"text\" string, or a \"source\" with its \"offset\" and \"length\""
                    )
                raise InputError(str(path), f"line {lineno} needs an \"id\" and a \"text\" string")
            yield lineno, row


def _is_reference(row: dict) -> bool:
    """A row that names a source file and a stretch of it instead of carrying its text."""
    source, offset, length = row.get("source"), row.get("offset"), row.get("length")
    counts = all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (offset, length))
    return "text" not in row and isinstance(source, str) and bool(source) and counts

