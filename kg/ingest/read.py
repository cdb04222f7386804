"""Find source files and decode them, naming the file in every failure."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, field
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
# What text in Chinese or English is made of (a byte order misread turns CJK into other
# scripts, and ASCII spaces and newlines into U+2000 and U+0A00); a UTF-16 reading of bytes
# without a byte order mark must be at least this share of it.
_NOT_TEXT = re.compile(r"[^\t\n\r\f\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e\u3000-\u303f\u3400-\u4dbf"
                       r"\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_UTF16_TEXT_SHARE = 0.95
# Half text or more, and the rest not: UTF-16 of something else, or damaged, rather than binary.
_UTF16_HINT_SHARE = 0.5


@dataclass(frozen=True)
class RawSource:
    path: str
    text: str
    encoding: str
    sha256: str
    is_html: bool


@dataclass(frozen=True)
class Skipped:
    """An entry of a source folder that is not read, and why; not a failure."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class Listing:
    files: list[Path] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)  # missing paths, folders that cannot be read
    skipped: list[Skipped] = field(default_factory=list)  # other file types, broken links, ...


def collect(paths: Iterable[str | Path]) -> Listing:
    """Expand files and folders into source files, in a stable order, each file once. A missing
    path or a folder that cannot be read is an error; what a folder holds besides source files
    is listed as skipped, except hidden entries (``.git``, ``.DS_Store``), which are left out as
    ``ls`` leaves them."""
    listing = Listing()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = Listing()
            _walk(path, found)
            listing.files.extend(sorted(found.files))
            listing.errors.extend(found.errors)
            listing.skipped.extend(found.skipped)
        elif path.is_file():
            listing.files.append(path)
        elif path.exists():
            listing.errors.append(InputError(str(path), "not a regular file"))
        else:
            listing.errors.append(InputError(str(path), "no such file or folder"))
    seen: set[Path] = set()
    unique = []
    for path in listing.files:  # one file named twice (a.txt a.txt, or dir/ and dir/a.txt) is read once
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    listing.files = unique
    return listing


def _walk(folder: Path, listing: Listing) -> None:
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError as err:
        listing.errors.append(InputError(str(folder), f"folder cannot be read ({err.strerror})"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink() and not path.exists():
            listing.skipped.append(Skipped(str(path), "broken symbolic link"))
        elif entry.is_dir(follow_symlinks=False):
            _walk(path, listing)
        elif entry.is_dir():
            listing.skipped.append(Skipped(str(path), "symbolic link to a folder, not followed"))
        elif not entry.is_file():
            listing.skipped.append(Skipped(str(path), "not a regular file"))
        elif path.suffix.lower() in SUFFIXES:
            listing.files.append(path)
        else:
            listing.skipped.append(Skipped(str(path), unsupported_type(path)))


def unsupported_type(path: Path) -> str:
    return f"unsupported file type {path.suffix or '(none)'}; expected one of {', '.join(SUFFIXES)}"


def read_source(path: str | Path) -> RawSource:
    path = Path(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(str(path), unsupported_type(path))
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
        raise InputError(name, unsupported_type(Path(name)))
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
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 (with or without), GB18030/GBK or
    Big5; raise on binary input."""
    if not data.strip():
        raise InputError(name, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), name), encoding
            except UnicodeDecodeError:
                label = "UTF-8" if encoding == "utf-8-sig" else "UTF-16"
                raise InputError(name, f"undecodable: starts with a {label} byte order mark but is not {label}") from None
    if b"\x00" in data:
        share, text, encoding = _utf16_reading(data)
        if share >= _UTF16_TEXT_SHARE:
            return _checked(text, name), encoding
        if share >= _UTF16_HINT_SHARE:
            raise InputError(name, "undecodable (UTF-16 without a byte order mark?)")
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


def _utf16_reading(data: bytes) -> tuple[float, str, str]:
    """The byte order under which bytes without a byte order mark read best as UTF-16: the
    share of the characters of Chinese or English text in that reading, the text, the encoding."""
    best = (0.0, "", "")
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = 1 - sum(len(run) for run in _NOT_TEXT.findall(text)) / max(len(text), 1)
        if share > best[0]:
            best = (share, text, encoding)
    return best


def _checked(text: str, name: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if text and controls / len(text) > _MAX_CONTROL_SHARE:
        raise InputError(name, "looks binary (many control characters), not text")
    return text
