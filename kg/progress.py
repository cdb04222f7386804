"""A progress bar over the build's documents, drawn on standard error (the CLI's concern, not the library's)."""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.build import Progress as Tell
from kg.ingest.read import collect


@contextmanager
def build_progress(sources: Sequence[str | Path], disabled: bool = False) -> Iterator[Tell]:
    """One step per source file, whether built, reused from the cache, failed or skipped."""
    files = collect(sources).files
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    counts: Counter = Counter()
    with Progress(*columns, console=Console(stderr=True), disable=disabled, transient=True) as bar:
        task = bar.add_task("building", total=len(files))

        def tell(status: str, name: str) -> None:
            counts[status] += 1
            done = ", ".join(f"{counts[s]} {s}" for s in ("built", "reused", "failed", "skipped") if counts[s])
            bar.update(task, advance=1, description=f"{done} · {Path(name).name}")

        yield tell
