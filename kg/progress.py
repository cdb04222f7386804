"""A progress bar over source files, drawn on standard error (the CLI's concern, not the library's)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.build import Progress as OnFile
from kg.ingest.read import collect


@contextmanager
def file_progress(sources: Sequence[str | Path], disabled: bool = False) -> Iterator[OnFile]:
    files, _ = collect(sources)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), disable=disabled, transient=True) as bar:
        task = bar.add_task("building", total=len(files))

        def on_file(path: Path) -> None:
            bar.update(task, advance=1, description=f"building {path.name}")

        yield on_file
