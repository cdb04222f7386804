"""Find source files and decode them, naming the file in every failure."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from charset_normalizer import from_bytes

from kg.errors import InputError

SUFFIXES = (".txt", ".md", ".html", ".htm")

# Encodings Chinese government pages are published in. GB18030 is a superset of GBK and GB2312.
_CANDIDATES = ("utf_8", "gb18030", "big5", "utf_16")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Share of C0 control characters (other than tab/newline/CR/form feed) above which text is binary.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class RawSource:
    path: str
    text: str
    encoding: str
    sha256: str
    is_html: bool


def collect(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Expand files and folders into source files, in a stable order; missing paths are errors."""
    files: list[Path] = []
    errors: list[InputError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(InputError(str(path), "no such file or folder"))
    return files, errors


def read_source(path: str | Path) -> RawSource:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(str(path), f"unsupported file type {path.suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})") from None
    return read_bytes(str(path), data)


def read_bytes(name: str, data: bytes) -> RawSource:
    """A source file's bytes decoded; ``name`` is the file's path or name, for messages and for
    what kind of file it is."""
    if Path(name).suffix.lower() not in SUFFIXES:
        raise InputError(name, f"unsupported file type {Path(name).suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}")
    text, encoding = decode(data, name)
    if not text.strip():
        raise InputError(name, "file is empty")
    return RawSource(
        path=name,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        is_html=Path(name).suffix.lower() in (".html", ".htm"),
    )


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), GB18030/GBK or Big5; raise on binary input."""
    if not data.strip():
        raise InputError(name, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding), name), encoding
    if b"\x00" in data:
        raise InputError(name, "looks binary (contains NUL bytes), not text")
    try:
        return _checked(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    if best is None:
        raise InputError(name, "cannot be decoded as UTF-8, GB18030/GBK or Big5")
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(name, f"cannot be decoded as {encoding}") from None
    return _checked(text, name), encoding.replace("_", "-")


def _checked(text: str, name: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputError(name, "looks binary (many control characters), not text")
    return text
