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
import signal
import threading
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence

from kg.errors import ClusterError, WorkerError
from kg.resources.interrupt import held_sigint
from kg.run.cache import CACHE_DIR
from kg.run.result import Failure, Outcome, Source

IN_FLIGHT_PER_JOB = 2  # documents queued per worker: enough to keep it busy, few to redo after a crash


def work(source: Source, base: str) -> Outcome:
    """``kg.run.work.work``, imported where it runs: the build's own process hands documents to
    workers without importing the NLP they need."""
    from kg.run import work as worker

    return worker.work(source, base)


def load(base: str) -> None:
    """``kg.run.work.load``, a pool worker's initializer, imported where it runs (as ``work``)."""
    from kg.run import work as worker

    worker.load(base)


def run_serial(sources: Sequence[Source], base: str) -> Iterator[tuple[int, Outcome]]:
    if not sources:  # every document came from the cache: no pipeline to load (seconds)
        return
    load(base)  # this process may have loaded its resources for an earlier build
    for index, source in enumerate(sources):
        yield index, work(source, base)


def start_early(out: Path, jobs: int, scheduler: Optional[str], use_cache: bool) -> None:
    """Start the process pool workers are forked from (see ``_context``) before the build
    itself is imported: it imports the NLP, a second, while this process imports and reads.
    Whether documents go to a pool is known once the cache is read; with no cache to read (a
    first build into ``out``, or ``use_cache`` off) they almost surely do."""
    if jobs > 1 and not scheduler and (not use_cache or not (out / CACHE_DIR).is_dir()):
        _context()


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean process (no threads of the caller, such as a
    # progress bar's), with kg's modules imported there once. Each worker loads its own
    # resources: loaded once in the forkserver and forked, they saved a second of a small build
    # but cost 600 MB at the whole corpus's peak (2.35 GB against 1.76), as every worker's
    # reference counts copy the pages they share.
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["kg.run.work"])
        _start_forkserver()
        return context
    return multiprocessing.get_context("spawn")


def _start_forkserver() -> None:
    # Ctrl-C reaches every process of the terminal's group; the forkserver ignores it only once
    # it has imported kg, and would die of one before, with a traceback of its own. Started while
    # SIGINT is ignored, which a new program inherits (and Python keeps), it ignores it from the
    # start, and so do the workers forked from it: the build stops them itself (``_stop``). The
    # signal is blocked meanwhile too, so that a Ctrl-C then waits to be raised here, not lost
    # (Linux keeps a blocked signal pending even while it is ignored).
    from multiprocessing import forkserver

    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()  # only the main thread may set a handler
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def run_pool(sources: Sequence[Source], base: str, jobs: int) -> Iterator[tuple[int, Outcome]]:
    # Largest first (popped from the end): a long report started last would leave the other
    # workers idle while it finishes.
    pending = sorted(range(len(sources)), key=lambda i: (len(sources[i].data), -i))
    suspects: list[int] = []
    finished = [0]  # documents any worker finished: a pool whose workers never do is broken itself
    context = _context()
    make = lambda workers: ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                                               initargs=(load, base))
    while pending or suspects:
        if suspects:
            yield from _isolate(suspects, sources, base, make, finished)
            suspects = []
            continue
        pool = None
        running: dict[Future, int] = {}

        def fill() -> None:
            while pending and len(running) < IN_FLIGHT_PER_JOB * jobs:
                index = pending.pop()
                try:
                    running[pool.submit(work, sources[index], base)] = index
                except BrokenProcessPool:  # a worker died before all were submitted (seen under load)
                    suspects.append(index)
                    return
        try:
            with held_sigint():  # the first submit starts the workers (see _start_worker)
                pool = make(min(jobs, len(pending)))
                fill()
            while pending or running:
                fill()
                if suspects:
                    suspects.extend(running.values())
                    running.clear()
                    break
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
        except (KeyboardInterrupt, GeneratorExit):  # Ctrl-C, or the build gave up on the rest
            _stop(pool)
            raise
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)


def _isolate(suspects: list[int], sources: Sequence[Source], base: str, make: Callable,
             finished: list[int]) -> Iterator[tuple[int, Outcome]]:
    """Run each document that was in flight when a worker died on its own, in a fresh worker
    after each death, to name the one that kills it. When workers have died on two documents
    and finished none, the fault is the workers', not the documents': stop with WorkerError."""
    pool = None
    deaths = 0
    try:
        for index in sorted(suspects):
            with held_sigint():  # as in run_pool
                pool = pool or make(1)
                future = pool.submit(work, sources[index], base)
            try:
                outcome = future.result()
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
                pool = None
    except (KeyboardInterrupt, GeneratorExit):
        _stop(pool)
        raise
    finally:
        if pool is not None:
            pool.shutdown(wait=True)


def _start_worker(load_resources: Callable[[str], None], base: str) -> None:
    # Ctrl-C reaches every process of the terminal's group: the build stops the workers itself
    # (``_stop``), so they must not die of it each with a traceback of its own. (Workers of a
    # forkserver started by _start_forkserver ignore it already; this covers spawned ones.) The
    # pool starts its workers at the first submit, waiting while the forkserver imports kg; a
    # Ctrl-C then would leave a worker half started, out of the pool's reach, to fail with a
    # traceback after the build ended: hence the held_sigint around that submit.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_resources(base)


_STOP_WAIT = 10  # seconds a terminated worker gets to exit


def _stop(pool: ProcessPoolExecutor | None) -> None:
    """End the pool's workers now, on Ctrl-C, rather than wait for the documents they are on."""
    # Python 3.14 has ProcessPoolExecutor.terminate_workers; before it, only the private table.
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(_STOP_WAIT)
    # A worker killed while it wrote a result leaves half a message in the result pipe, and the
    # pool's manager thread waits for the rest forever (and shutdown() and the interpreter's exit
    # with it; seen under load). With the workers gone, closing the pool's own copy of the pipe's
    # writing end ends that wait: the manager reads end of file and winds the pool down as broken.
    results = getattr(pool, "_result_queue", None)
    if results is not None:
        results._writer.close()


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
