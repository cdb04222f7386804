"""A progress bar over the build's steps, drawn on standard error (the CLI's concern, not the library's)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.build import Progress as Step
from kg.ingest.read import collect


@contextmanager
def build_progress(sources: Sequence[str | Path], disabled: bool = False) -> Iterator[Step]:
    """Two steps per file: reading it, then analysing it."""
    files, _ = collect(sources)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), disable=disabled, transient=True) as bar:
        task = bar.add_task("building", total=2 * len(files))

        def step(description: str) -> None:
            bar.update(task, advance=1, description=description)

        yield step
