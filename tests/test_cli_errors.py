"""How `kg` ends on an error nobody mapped: one line naming it and where it was raised, exit 9,
never a bare traceback; click's own endings are left alone."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import EXIT_OTHER, EXIT_USAGE, main
from kg.errors import DocumentFailed

HERE = Path(__file__).name


def _raising(err: BaseException):
    def graph_stats(path):  # stands in for kg.stats.graph_stats, which `kg stats` calls
        raise err

    return graph_stats


@pytest.mark.parametrize(
    "err, first_line",
    [
        (RuntimeError("boom"), "kg: internal error: RuntimeError: boom (at tests/test_cli_errors.py:"),
        (KeyError("district"), "kg: internal error: KeyError: 'district' (at tests/test_cli_errors.py:"),
        (ZeroDivisionError("division by zero"), "kg: internal error: ZeroDivisionError: division by zero (at "),
        (AssertionError(), "kg: internal error: AssertionError (at "),
        (ValueError("first line\nsecond line"), "kg: internal error: ValueError: first line (at "),
    ],
)
def test_cli_unexpected_exception_is_one_line_and_exit_9(monkeypatch, err, first_line):
    import kg.stats

    monkeypatch.setattr(kg.stats, "graph_stats", _raising(err))
    monkeypatch.delenv("KG_TRACEBACK", raising=False)
    # catch_exceptions=False: were the command line to let the exception out, the test would fail.
    result = CliRunner(catch_exceptions=False).invoke(main, ["stats", "graph.ttl"])
    assert result.exit_code == EXIT_OTHER
    assert result.stdout == ""
    assert result.stderr.startswith(first_line)
    assert f"{HERE}:" in result.stderr and "in graph_stats, from kg/cli.py:" in result.stderr
    assert "in stats)" in result.stderr  # the command's own line in kg
    assert "this is a bug in kg" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_cli_unexpected_exception_shows_the_traceback_when_asked(monkeypatch):
    import kg.stats

    monkeypatch.setattr(kg.stats, "graph_stats", _raising(RuntimeError("boom")))
    result = CliRunner(catch_exceptions=False).invoke(main, ["stats", "graph.ttl"], env={"KG_TRACEBACK": "1"})
    assert result.exit_code == EXIT_OTHER
    assert result.stderr.startswith("Traceback (most recent call last):")
    assert "RuntimeError: boom" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("kg: internal error: RuntimeError: boom")


def test_cli_typed_error_without_a_code_of_its_own_exits_9(monkeypatch):
    import kg.stats

    monkeypatch.setattr(kg.stats, "graph_stats", _raising(DocumentFailed("003.txt: the worker died")))
    result = CliRunner(catch_exceptions=False).invoke(main, ["stats", "graph.ttl"])
    assert result.exit_code == EXIT_OTHER
    assert result.stderr == "kg: error: 003.txt: the worker died\n"


@pytest.mark.parametrize(
    "err",
    [
        KeyboardInterrupt(),  # Ctrl-C is not a bug: click (or the build's handler) ends it
        BrokenPipeError(errno.EPIPE, "Broken pipe"),  # `kg … | head`: click ends quietly
    ],
)
def test_cli_interrupt_and_closed_pipe_are_not_internal_errors(monkeypatch, err):
    import kg.stats

    monkeypatch.setattr(kg.stats, "graph_stats", _raising(err))
    result = CliRunner(catch_exceptions=False).invoke(main, ["stats", "graph.ttl"])
    assert result.exit_code not in (0, EXIT_OTHER)
    assert "internal error" not in result.output


def test_cli_usage_errors_keep_click_exit_2():
    result = CliRunner(catch_exceptions=False).invoke(main, ["stats", "--no-such-option"])
    assert result.exit_code == EXIT_USAGE
    assert "No such option" in result.stderr
    help_result = CliRunner(catch_exceptions=False).invoke(main, ["query", "--help"])
    assert help_result.exit_code == 0 and "Exit codes:" in help_result.stdout
