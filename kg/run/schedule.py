"""Spread documents over processes: this one (``jobs=1``), a local process pool, or a Dask
cluster. Each yields ``(index, outcome)`` as documents finish, in whatever order they finish;
the build sorts what it gathers, so the order never shows in the output.

A worker process that dies (a crash in native code, the kernel's out-of-memory killer) breaks a
``ProcessPoolExecutor`` and every document in flight with it. The pool is then restarted and
the documents that were in flight are run again one at a time, so the one that kills its worker
is named and the others are built.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterator, Sequence

from kg.errors import ClusterError, WorkerError
from kg.run.result import Failure, Source
from kg.run.work import Outcome, load, work

IN_FLIGHT_PER_JOB = 2  # documents queued per worker: enough to keep it busy, few to redo after a crash


def run_serial(sources: Sequence[Source], base: str) -> Iterator[tuple[int, Outcome]]:
    for index, source in enumerate(sources):
        yield index, work(source, base)


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean process (no threads of the caller, such as a
    # progress bar's), with kg's modules already imported there once.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.run.work"])
        return context
    return multiprocessing.get_context("spawn")


def run_pool(sources: Sequence[Source], base: str, jobs: int) -> Iterator[tuple[int, Outcome]]:
    # Largest first (popped from the end): a long report started last would leave the other
    # workers idle while it finishes.
    pending = sorted(range(len(sources)), key=lambda i: (len(sources[i].data), -i))
    suspects: list[int] = []
    finished = [0]  # documents any worker finished: a pool whose workers never do is broken itself
    context = _context()
    make = lambda workers: ProcessPoolExecutor(workers, mp_context=context, initializer=load, initargs=(base,))
    while pending or suspects:
        if suspects:
            yield from _isolate(suspects, sources, base, make, finished)
            suspects = []
            continue
        pool = make(min(jobs, len(pending)))
        running: dict[Future, int] = {}
        try:
            while pending or running:
                while pending and len(running) < IN_FLIGHT_PER_JOB * jobs:
                    index = pending.pop()
                    running[pool.submit(work, sources[index], base)] = index
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=running.get):
                    index = running.pop(future)
                    try:
                        outcome = future.result()
                    except BrokenProcessPool:
                        suspects.append(index)
                        continue
                    finished[0] += 1
                    yield index, outcome
                if suspects:
                    suspects.extend(running.values())
                    running.clear()
                    break
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _isolate(suspects: list[int], sources: Sequence[Source], base: str, make: Callable,
             finished: list[int]) -> Iterator[tuple[int, Outcome]]:
    """Run each document that was in flight when a worker died on its own, in a fresh worker
    after each death, to name the one that kills it. When workers have died on two documents
    and finished none, the fault is the workers', not the documents': stop with WorkerError."""
    pool = make(1)
    deaths = 0
    try:
        for index in sorted(suspects):
            try:
                outcome = pool.submit(work, sources[index], base).result()
                finished[0] += 1
                yield index, outcome
            except BrokenProcessPool:
                deaths += 1
                if deaths >= 2 and not finished[0]:
                    raise WorkerError("worker processes die before finishing any document; "
                                      "run with --jobs 1 to see why") from None
                name = sources[index].name
                yield index, Failure(name, f"{name}: the worker process died on this document", crashed=True)
                pool.shutdown(wait=True)
                pool = make(1)
    finally:
        pool.shutdown(wait=True)


def run_dask(sources: Sequence[Source], base: str, address: str) -> Iterator[tuple[int, Outcome]]:
    """Send each document to the Dask cluster at ``address``; its workers load their resources
    once each (``kg.run.resources.resources_for`` is a per-process cache) and must have the same
    kg, with its model, installed."""
    try:
        from distributed import Client, as_completed
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker
    except ImportError:
        raise ClusterError("--scheduler needs Dask's distributed package: pip install 'kg[cluster]'") from None
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({err})") from None
    with client:
        futures = client.map(work, sources, base=base, pure=False)
        index = {f.key: n for n, f in enumerate(futures)}
        for future in as_completed(futures):
            n = index[future.key]
            try:
                yield n, future.result()
            except (KilledWorker, FutureCancelledError) as err:
                name = sources[n].name
                yield n, Failure(name, f"{name}: the Dask worker died on this document ({type(err).__name__})", crashed=True)
            future.release()
