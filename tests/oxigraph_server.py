"""A real Oxigraph server for tests: `oxigraph serve` on a free loopback port, stopped at the end.

The `oxigraph` command comes from the PyPI package of that name (in the `test` extra). Use it as
``with oxigraph_server(tmp_path) as base: ...``; ``base`` is ``http://127.0.0.1:PORT``, whose
``/store`` is the Graph Store Protocol endpoint, ``/query`` the SPARQL query endpoint and
``/update`` the SPARQL Update endpoint.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

HOST = "127.0.0.1"
START_TIMEOUT = 20.0  # seconds for the server to answer
POLL_INTERVAL = 0.05
STOP_TIMEOUT = 10.0  # seconds after terminate() before kill()
PORT_ATTEMPTS = 3  # another process may take the port between picking and binding it


class OxigraphUnavailable(RuntimeError):
    """No `oxigraph` command next to the interpreter or on PATH."""


def find_oxigraph() -> Optional[str]:
    """The `oxigraph` command of this interpreter's environment, else one on PATH."""
    here = Path(sys.executable).parent
    for name in ("oxigraph", "oxigraph.exe"):
        if (here / name).is_file():
            return str(here / name)
    return shutil.which("oxigraph")


def free_port() -> int:
    """A loopback port nobody listens on right now (the OS picks it for a socket bound to 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
    try:
        with opener.open(url, timeout=1.0) as response:
            response.read()
        return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means it is serving
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)


@contextmanager
def oxigraph_server(tmp_dir: str | Path) -> Iterator[str]:
    """Run `oxigraph serve` with its store in ``tmp_dir``; yield its base URL, then stop it."""
    binary = find_oxigraph()
    if binary is None:
        raise OxigraphUnavailable("no `oxigraph` command; install the test extra: pip install -e '.[test]'")
    tmp_dir = Path(tmp_dir)
    tmp_dir.mkdir(parents=True, exist_ok=True)
    log_path = tmp_dir / "oxigraph.log"
    problem = ""
    for _ in range(PORT_ATTEMPTS):
        port = free_port()
        base = f"http://{HOST}:{port}"
        with open(log_path, "ab") as log:
            process = subprocess.Popen(
                [binary, "serve", "--location", str(tmp_dir / "store"), "--bind", f"{HOST}:{port}"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )
        try:
            ready = False
            deadline = time.monotonic() + START_TIMEOUT
            for _ in range(int(START_TIMEOUT / POLL_INTERVAL) + 1):  # bounded, and by the clock too
                if process.poll() is not None or time.monotonic() > deadline:
                    break
                if _answers(base + "/"):
                    ready = True
                    break
                time.sleep(POLL_INTERVAL)
            if ready:
                yield base
                return
            problem = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            if process.poll() is None:  # running but silent: a port race will not explain that
                raise RuntimeError(f"oxigraph did not answer at {base} within {START_TIMEOUT:.0f} s:\n{problem}")
        finally:
            _stop(process)
    raise RuntimeError(f"oxigraph did not start after {PORT_ATTEMPTS} attempts:\n{problem}")
