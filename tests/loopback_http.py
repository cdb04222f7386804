"""A tiny HTTP server on loopback for tests that must see the requests kg sends or make the
other side fail: ``serving(answer, methods)`` runs it, calling ``answer(handler)`` for every request."""

from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager
from typing import Callable, Iterator


@contextmanager
def serving(answer: Callable[[http.server.BaseHTTPRequestHandler], None], methods: tuple[str, ...]) -> Iterator[str]:
    """``http://127.0.0.1:PORT`` while the block runs; requests of other ``methods`` get 501."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep the test output clean
            pass

    for method in methods:
        setattr(Handler, f"do_{method}", answer)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
