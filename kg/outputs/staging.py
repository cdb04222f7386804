"""A build's outputs written into a fresh folder inside OUT, then put in place together.

``graph.trig``, ``graph.ttl``, ``graph.html``, ``store/`` and ``kg-build.json`` are written into
``OUT/.kg-tmp-build-XXXX/``. ``Staging.commit`` then swaps each with the one in OUT (one atomic
exchange each where Linux has renameat2, else two renames) and, should a step fail, swaps back
those already done: OUT holds the outputs of the new build or of the previous one, never a mix.
The manifest, which says the outputs are complete, is taken away first and put in place last,
so a build killed within the commit itself (a few renames) is not taken for finished and the
next build writes the outputs again. A Ctrl-C during the commit is held until it is done, then
undoes it: an interrupted build has changed nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Sequence

from kg.errors import OutputError, OutputsMixedError
from kg.resources.atomic import TMP_PREFIX, put_in_place, umask
from kg.resources.interrupt import held_sigint

_PREVIOUS = ".previous"  # inside the staging folder: what the commit took out of OUT

Undo = Callable[[], None]


class Staging:
    """``OUT/.kg-tmp-build-XXXX``; ``kinds`` maps each output's name to True for a folder, False
    for a file. Making it checks that OUT is writable and that nothing of the wrong kind sits
    where an output goes (OutputError), so a build fails before its long work, not after."""

    def __init__(self, out: Path, kinds: dict[str, bool]) -> None:
        self.out, self.kinds = out, kinds
        for name, is_dir in kinds.items():
            target = out / name
            if os.path.lexists(target) and target.is_dir() != is_dir:
                what = "a folder" if target.is_dir() else "a file"
                raise OutputError(f"{target}: is {what}, where kg writes its {name}; move it away")
        try:
            out.mkdir(parents=True, exist_ok=True)
            self.path = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}build-", dir=out))
            (self.path / _PREVIOUS).mkdir()
        except OSError as err:
            raise OutputError(f"{out}: cannot write ({err.strerror or err})") from None

    def write(self, name: str, data: bytes) -> None:
        try:
            with open(self.path / name, "wb") as fh:
                os.chmod(fh.fileno(), 0o666 & ~umask())
                fh.write(data)
        except OSError as err:
            raise OutputError(f"{self.out / name}: cannot write ({err.strerror or err})") from None

    def commit(self, marker: str) -> None:
        """Put every output of ``kinds`` the staging folder holds in place in OUT, and take away
        those it lacks; ``marker`` (the manifest) first out, last in."""
        steps = [lambda: self._take_out(marker)]
        steps += [lambda name=name: self._swap(name) for name in self.kinds if name != marker]
        steps += [lambda: self._swap(marker)]
        done: list[Undo] = []
        with held_sigint() as interrupted:
            try:
                for step in steps:
                    done.append(step())
                if interrupted:
                    raise KeyboardInterrupt
            except BaseException as err:
                self._undo(done)
                if isinstance(err, OSError):
                    name = Path(err.filename or "").name or "outputs"
                    raise OutputError(f"{self.out / name}: cannot put the new output in place "
                                      f"({err.strerror or err})") from None
                raise

    def discard(self) -> None:
        """Remove the staging folder, with what the commit took out of OUT, if it did."""
        shutil.rmtree(self.path, ignore_errors=True)

    def _take_out(self, name: str) -> Undo:
        target, kept = self.out / name, self.path / _PREVIOUS / name
        if not os.path.lexists(target):
            return lambda: None
        os.rename(target, kept)
        return lambda: os.rename(kept, target)

    def _swap(self, name: str) -> Undo:
        new = self.path / name
        if not os.path.lexists(new):
            return self._take_out(name)
        return put_in_place(new, self.out / name, self.path / _PREVIOUS / name)

    def _undo(self, done: Sequence[Undo]) -> None:
        failed = None
        for undo in reversed(done):
            try:
                undo()
            except OSError as err:
                failed = failed or err
        if failed is not None:
            raise OutputsMixedError(f"{self.out}: a failed build could not put back all its previous outputs "
                              f"({failed.strerror or failed}); build again") from None


def sweep(out: Path, legacy: Sequence[str] = ()) -> None:
    """Remove from ``out`` the temporary files and folders a killed build left (``.kg-tmp-*``,
    and ``.NAME.*`` beside each output NAME of ``legacy``, as earlier versions named them)."""
    prefixes = (TMP_PREFIX,) + tuple(f".{name}." for name in legacy)
    try:
        leftovers = [p for p in out.iterdir() if p.name.startswith(prefixes)]
    except OSError:
        return
    for leftover in leftovers:
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            try:
                leftover.unlink()
            except OSError:
                pass  # one that cannot be removed does no harm: the next build tries again
