"""The process pool (kg.run.schedule): its shutdown after Ctrl-C (_stop), its workers' start."""

from __future__ import annotations

import multiprocessing
import struct
import threading
import time
from concurrent.futures import ProcessPoolExecutor

import pytest

from kg.run.schedule import _stop


def test_schedule_stop_ends_a_pool_left_waiting_on_half_a_result():
    # As a worker killed in the middle of writing its result leaves it: a message header and
    # part of the body in the result pipe. Without _stop closing the pipe, shutdown() (and
    # then the interpreter's exit) waited forever for the rest.
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    assert pool.submit(abs, -1).result(timeout=120) == 1  # the worker is up
    pool._result_queue._writer._send(struct.pack("!i", 1 << 20) + b"half a result")
    time.sleep(0.5)  # the pool's manager thread starts reading it
    _stop(pool)
    shutdown = threading.Thread(target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True}, daemon=True)
    shutdown.start()
    shutdown.join(60)
    assert not shutdown.is_alive(), "the pool's shutdown still waits for the rest of the result"


def test_schedule_build_process_does_not_import_the_nlp():
    # The build's process hands documents to workers and merges their results: no spaCy (a
    # second of start-up) until a document is worked on in it (--jobs 1).
    import subprocess
    import sys

    code = ("import sys, kg.build, kg.run.schedule, kg.corpus.step, kg.run.resources;"
            " print(sorted(m for m in ('spacy', 'datasketch', 'networkx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_schedule_resources_loaded_again_when_their_files_changed(monkeypatch):
    """A worker forked with resources loaded for an earlier build, or a process building again,
    must not keep using them once a rule or gazetteer file has changed (the fingerprint)."""
    from kg.run import resources

    first = resources.current_resources()
    assert resources.current_resources() is first  # unchanged files: the same resources
    monkeypatch.setattr(resources, "fingerprint", lambda base=resources.DEFAULT_BASE: "edited")
    again = resources.current_resources()
    assert again is not first
    assert resources.current_resources() is again


@pytest.mark.parametrize("jobs, scheduler, use_cache, cached_before, started", [
    (2, None, True, False, True),  # a first build into OUT: its documents go to the pool
    (2, None, False, True, True),  # --no-cache: so do they
    (2, None, True, True, False),  # a cache to read first: maybe nothing to do
    (1, None, False, False, False),  # --jobs 1: no pool
    (2, "tcp://127.0.0.1:1", False, False, False),  # a Dask cluster: no pool either
])
def test_schedule_start_early_starts_the_forkserver_only_for_a_pool(tmp_path, jobs, scheduler, use_cache,
                                                                    cached_before, started):
    # Started before the build is imported, it imports the NLP meanwhile (a second of a cold build).
    import subprocess
    import sys

    from kg.run.cache import CACHE_DIR

    out = tmp_path / "out"
    if cached_before:
        (out / CACHE_DIR).mkdir(parents=True)
    code = ("from pathlib import Path; from multiprocessing import forkserver; from kg.run.schedule import start_early;"
            f" start_early(Path({str(out)!r}), {jobs}, {scheduler!r}, {use_cache});"
            " print(forkserver._forkserver._forkserver_pid is not None)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == str(started)
