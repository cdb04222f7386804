"""What a worker runs for one source: its result, or a ``Failure`` naming the file.

The same function serves the build's own process, a process pool and a Dask worker; each
process loads its resources once (``resources_for``) and keeps them for every document it gets.
"""

from __future__ import annotations

import traceback

from kg.errors import DataFileError, InputError
from kg.run.document import process_source
from kg.run.resources import current_resources, resources_for
from kg.run.result import Failure, Outcome, Source


def work(source: Source, base: str) -> Outcome:
    try:
        return process_source(source, resources_for(base))
    except InputError as err:
        return Failure(source.name, str(err))
    except DataFileError:
        raise  # the data files, not this document: the build stops with them (pickled from a worker)
    except Exception as err:  # a bug met on one document must not stop the others: report it by name
        where = traceback.extract_tb(err.__traceback__)[-1]
        detail = f"{type(err).__name__}: {err} (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})"
        return Failure(source.name, f"{source.name}: kg failed on this document: {detail}", crashed=True)


def load(base: str) -> None:
    """A pool worker's initializer: load the resources before the first document arrives, or
    check that those it was forked with are still those of the files."""
    try:
        current_resources(base)
    except DataFileError:
        pass  # a failing initializer breaks the pool unexplained; work() raises it with its message
