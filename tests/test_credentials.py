"""Credentials for a remote store: from the environment only, sent to `kg query --endpoint` as to
`kg push`, and a warning before they go unencrypted to another machine. Only loopback addresses
are ever contacted here (0.0.0.0 reaches this machine on Linux, yet is not a loopback address)."""

from __future__ import annotations

import base64
import http.server
import json
from contextlib import contextmanager
from typing import Iterator

import pytest
from click.testing import CliRunner

from loopback_http import serving

from kg.cli import EXIT_ENDPOINT, main
from kg.credentials import cleartext_warning, credentials_from_env, is_loopback
from kg.errors import EndpointError

LOGIN = {"KG_ENDPOINT_USER": "alice", "KG_ENDPOINT_PASSWORD": "s3cret"}

pytestmark = pytest.mark.usefixtures("no_proxy_or_login")


def test_credentials_from_env():
    assert credentials_from_env({}) is None
    assert credentials_from_env({"KG_ENDPOINT_USER": "u", "KG_ENDPOINT_PASSWORD": ""}) == ("u", "")
    with pytest.raises(EndpointError, match="KG_ENDPOINT_USER is set but KG_ENDPOINT_PASSWORD is not"):
        credentials_from_env({"KG_ENDPOINT_USER": "u"})
    with pytest.raises(EndpointError, match="KG_ENDPOINT_PASSWORD is set but KG_ENDPOINT_USER is not"):
        credentials_from_env({"KG_ENDPOINT_PASSWORD": "p"})


@pytest.mark.parametrize(
    "host, loopback",
    [
        ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("::ffff:127.0.0.1", True),
        ("localhost", True), ("LOCALHOST", True), ("localhost.", True), ("store.localhost", True),
        ("0.0.0.0", False), ("10.0.0.5", False), ("192.0.2.1", False), ("::", False), ("2001:db8::1", False),
        ("example.org", False), ("localhost.example.org", False), ("127.0.0.1.example.org", False), ("", False),
    ],
)
def test_credentials_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    "url, auth, warned_about",
    [
        ("http://store.example.org:7878/query", ("u", "p"), "store.example.org:7878"),
        ("HTTP://192.0.2.1/store", ("u", "p"), "192.0.2.1"),
        ("http://[2001:db8::1]:3030/ds/data", ("u", "p"), "[2001:db8::1]:3030"),
        ("http://0.0.0.0:7878/store", ("u", "p"), "0.0.0.0:7878"),
        ("https://store.example.org/query", ("u", "p"), None),  # encrypted
        ("http://store.example.org/query", None, None),  # nothing secret sent
        ("http://127.0.0.1:7878/store", ("u", "p"), None),  # never leaves the machine
        ("http://localhost:7878/store", ("u", "p"), None),
        ("http://[::1]:7878/store", ("u", "p"), None),
    ],
)
def test_credentials_cleartext_warning(url, auth, warned_about):
    warning = cleartext_warning(url, auth)
    if warned_about is None:
        assert warning is None
    else:
        assert warning == (f"the credentials of KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD go to {warned_about} "
                           "over plain http://, unencrypted; use an https:// URL to keep them secret")


@pytest.mark.parametrize(
    "args",
    [
        ["push", "--endpoint", "http://0.0.0.0:{port}/store", "--graph", "{trig}"],
        ["query", "duplicates", "--endpoint", "http://0.0.0.0:{port}/query"],
    ],
)
def test_credentials_warning_comes_before_the_connection_fails(seed_build, free_port, args):
    args = [a.format(port=free_port, trig=seed_build / "graph.trig") for a in args]
    result = CliRunner(catch_exceptions=False).invoke(main, args, env=LOGIN)
    assert result.exit_code == EXIT_ENDPOINT, result.output
    first, second = result.stderr.splitlines()
    assert first == (f"kg: warning: the credentials of KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD go to "
                     f"0.0.0.0:{free_port} over plain http://, unencrypted; use an https:// URL to keep them secret")
    assert second.startswith("kg: error: ")
    assert "s3cret" not in result.output
    anonymous = CliRunner(catch_exceptions=False).invoke(main, args)
    assert anonymous.exit_code == EXIT_ENDPOINT and "warning" not in anonymous.stderr


@contextmanager
def sparql_server() -> Iterator[tuple[str, list[dict]]]:
    """A loopback SPARQL endpoint that records each request's headers and answers no rows."""
    seen: list[dict] = []
    answer = json.dumps({"head": {"vars": ["s"]}, "results": {"bindings": []}}).encode()

    def reply(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.rfile.read(int(handler.headers.get("Content-Length", 0)))
        seen.append(dict(handler.headers))
        handler.send_response(200)
        handler.send_header("Content-Type", "application/sparql-results+json")
        handler.send_header("Content-Length", str(len(answer)))
        handler.end_headers()
        handler.wfile.write(answer)

    with serving(reply, ("GET", "POST")) as base:
        yield f"{base}/query", seen


def test_credentials_query_endpoint_gets_basic_auth_from_the_environment():
    token = base64.b64encode(b"alice:s3cret").decode("ascii")
    with sparql_server() as (url, seen):
        result = CliRunner(catch_exceptions=False).invoke(main, ["query", "duplicates", "--endpoint", url], env=LOGIN)
        assert result.exit_code == 0, result.output
        assert result.stderr == ""  # loopback: no warning
        assert [h.get("Authorization") for h in seen] == [f"Basic {token}"]
        seen.clear()
        result = CliRunner(catch_exceptions=False).invoke(main, ["query", "duplicates", "--endpoint", url])
        assert result.exit_code == 0, result.output
        assert [h.get("Authorization") for h in seen] == [None]
