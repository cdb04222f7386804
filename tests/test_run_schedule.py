"""The process pool's shutdown after Ctrl-C (kg.run.schedule._stop)."""

from __future__ import annotations

import multiprocessing
import struct
import threading
import time
from concurrent.futures import ProcessPoolExecutor

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
