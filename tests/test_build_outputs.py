"""A build's outputs change as a set: a failure at any output, or Ctrl-C, leaves the previous ones
byte-identical and no temporary file behind; OUT is checked before the documents are worked on;
one build at a time per folder; what a killed build left is removed by the next."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.build import MANIFEST, build
from kg.cli import EXIT_INTERRUPTED, EXIT_OUTPUT, main
from kg.errors import OutputBusyError, OutputError
from kg.outputs.lock import LOCK_FILE
from kg.outputs.staging import Staging
from kg.resources import atomic
from kg.run.cache import CACHE_DIR

ROOT = Path(__file__).resolve().parent.parent
KEPT = "the previous outputs were kept"
INTERRUPTED = "kg: build interrupted; the previous outputs are unchanged"
NO_SPACE = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _outputs(out: Path) -> dict[str, str]:
    """Every output file (the store's too) by path, with the digest of its bytes."""
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and CACHE_DIR not in p.parts and p.name != LOCK_FILE}


def _leftovers(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.name.startswith((".kg-tmp-", ".store.")))


def _build(*args: str):
    return CliRunner().invoke(main, ["build", *args, "--jobs", "1", "-q"], catch_exceptions=False)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


class _FullDisk:
    """A file being written on a disk that has just filled up."""

    def __init__(self, handle) -> None:
        self.handle = handle

    def write(self, data: bytes) -> int:
        raise NO_SPACE

    def fileno(self) -> int:
        return self.handle.fileno()

    def close(self) -> None:
        self.handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _disk_full_at(module: str, name: str):
    """A patch making the module's files named ``name`` fail to write, as on a full disk."""
    def fake_open(path, *args, **kwargs):
        handle = open(path, *args, **kwargs)
        return _FullDisk(handle) if Path(path).name == name else handle
    return lambda mp: mp.setattr(f"{module}.open", fake_open, raising=False)


def _raise_no_space(*args, **kwargs):
    raise NO_SPACE


def _swap_failing_at(name: str):
    real = Staging._swap

    def swap(self, swapped: str):
        if swapped == name:
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(self.out / name))
        return real(self, swapped)
    return swap


@pytest.fixture
def built(small_reports, tmp_path):
    """OUT after a first build of the small reports, and one of them changed for the next."""
    out = tmp_path / "out"
    assert _build(str(small_reports), "--out", str(out)).exit_code == 0
    (small_reports / "report2.txt").write_text(
        (small_reports / "report2.txt").read_text(encoding="utf-8").replace("增长", "稳步增长"), encoding="utf-8")
    return small_reports, out


@pytest.mark.parametrize("patch, detail", [
    (_disk_full_at("kg.outputs.stream", "graph.ttl"), "graph.ttl: cannot write (No space left on device)"),
    (_disk_full_at("kg.outputs.staging", "graph.html"), "graph.html: cannot write (No space left on device)"),
    (lambda mp: mp.setattr("kg.outputs.store._fill", _raise_no_space), "store: cannot write (No space left on device)"),
    (_disk_full_at("kg.outputs.staging", MANIFEST), "kg-build.json: cannot write (No space left on device)"),
    (lambda mp: mp.setattr(Staging, "_swap", _swap_failing_at("graph.html")),
     "graph.html: cannot put the new output in place (Input/output error)"),
], ids=["graph.ttl", "graph.html", "store", "manifest", "commit"])
def test_build_failed_output_keeps_the_previous_ones(built, monkeypatch, patch, detail):
    folder, out = built
    before = _outputs(out)
    patch(monkeypatch)
    result = _build(str(folder), "--out", str(out))
    assert result.exit_code == EXIT_OUTPUT
    assert result.stderr == f"kg: error: {out}/{detail}; {KEPT}\n"
    assert _outputs(out) == before
    assert _leftovers(out) == []
    monkeypatch.undo()
    assert _build(str(folder), "--out", str(out)).exit_code == 0
    assert _outputs(out) != before and _leftovers(out) == []


def test_build_real_write_error_keeps_the_previous_outputs(built):
    """A real write error, from the system: files may grow to 200 kB only (RLIMIT_FSIZE), so the
    page, the third output written, fails (EFBIG, as a full disk fails with ENOSPC)."""
    import resource

    folder, out = built
    before = _outputs(out)
    assert (out / "graph.trig").stat().st_size < 200_000 < (out / "graph.html").stat().st_size

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of a signal
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    run = subprocess.run([sys.executable, "-m", "kg", "build", str(folder), "--out", str(out), "-q", "--jobs", "1"],
                         capture_output=True, text=True, env=_env(), preexec_fn=limit, timeout=600)
    assert run.returncode == EXIT_OUTPUT, run.stderr
    assert run.stderr == f"kg: error: {out / 'graph.html'}: cannot write (File too large); {KEPT}\n"
    assert _outputs(out) == before and _leftovers(out) == []


def _under_a_file(tmp_path: Path) -> Path:
    (tmp_path / "plain").write_text("a file, not a folder\n", encoding="utf-8")
    return tmp_path / "plain" / "out"


def _trig_is_a_folder(tmp_path: Path) -> Path:
    (tmp_path / "out" / "graph.trig").mkdir(parents=True)
    return tmp_path / "out"


def _read_only(tmp_path: Path) -> Path:
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder all the same")
    (tmp_path / "out").mkdir()
    (tmp_path / "out").chmod(0o500)
    return tmp_path / "out"


@pytest.mark.parametrize("make_out, problem", [
    (_under_a_file, "cannot write (Not a directory)"),
    (_trig_is_a_folder, "is a folder, where kg writes its graph.trig; move it away"),
    (_read_only, "cannot write (Permission denied)"),
])
def test_build_unwritable_out_fails_before_any_document(small_reports, tmp_path, make_out, problem):
    out = make_out(tmp_path)
    settled = []
    with pytest.raises(OutputError) as raised:
        build([small_reports], out, jobs=1, progress=lambda status, name: settled.append(name))
    assert problem in str(raised.value) and str(raised.value).startswith(str(out))
    assert settled == []  # not one document was worked on
    result = _build(str(small_reports), "--out", str(out))
    assert result.exit_code == EXIT_OUTPUT and problem in result.stderr


def test_build_second_build_into_the_same_folder_is_refused(small_reports, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen(  # another build, as far as the lock can tell
        [sys.executable, "-c", "import fcntl, os, sys, time\n"
         f"fd = os.open({str(out / LOCK_FILE)!r}, os.O_RDWR | os.O_CREAT)\n"
         "fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, b'%d' % os.getpid()); print('locked', flush=True)\n"
         "time.sleep(600)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(OutputBusyError):
            build([small_reports], out, jobs=1)
        result = _build(str(small_reports), "--out", str(out))
        assert result.exit_code == EXIT_OUTPUT
        assert result.stderr == (f"kg: error: {out}: another kg build is writing to this folder (process {holder.pid}); "
                                 "wait for it to finish, or build into another --out\n")
        assert sorted(p.name for p in out.iterdir()) == [LOCK_FILE]  # it wrote nothing
    finally:
        holder.kill()
        holder.wait()
    assert _build(str(small_reports), "--out", str(out)).exit_code == 0  # a killed holder leaves no lock


def _start_build(out: Path, *sources: Path) -> subprocess.Popen:
    # Its own process group, as a terminal's Ctrl-C reaches the build and every worker of it.
    return subprocess.Popen([sys.executable, "-m", "kg", "build", *map(str, sources), "--out", str(out), "-q",
                             "--jobs", "2", "--no-cache"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=_env(), start_new_session=True)


def _wait_for(condition, proc: subprocess.Popen) -> None:
    while not condition():
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)


def _entries(out: Path) -> int:
    return sum(1 for _ in (out / CACHE_DIR).rglob("*.result"))


def test_build_sigint_leaves_the_previous_outputs(built, seeds_dir):
    folder, out = built
    before, cached = _outputs(out), _entries(out)
    proc = _start_build(out, seeds_dir)
    _wait_for(lambda: _entries(out) > cached, proc)  # the workers are up and have finished a seed
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=600)
    assert (proc.returncode, stderr, stdout) == (EXIT_INTERRUPTED, INTERRUPTED + "\n", "")
    assert _outputs(out) == before and _leftovers(out) == []


def test_build_sigint_during_the_commit_undoes_it(built, monkeypatch):
    folder, out = built
    before = _outputs(out)
    real = Staging._swap

    def swap(self, name):
        if name == "graph.html":
            os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C when two outputs are already in place
        return real(self, name)

    monkeypatch.setattr(Staging, "_swap", swap)
    result = _build(str(folder), "--out", str(out))
    assert (result.exit_code, result.stderr) == (EXIT_INTERRUPTED, INTERRUPTED + "\n")
    assert _outputs(out) == before and _leftovers(out) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2-exchange", "two-renames"])
def test_build_commit_puts_back_what_it_swapped_when_a_step_fails(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(atomic, "exchange", lambda a, b: False)
    out = tmp_path / "out"
    (out / "store").mkdir(parents=True)
    for name, text in [("a.txt", "old a"), ("store/x", "old x"), ("m.json", "old m")]:
        (out / name).write_text(text, encoding="utf-8")
    kinds = {"a.txt": False, "new.txt": False, "store": True, "b.txt": False, "m.json": False}
    staging = Staging(out, kinds)
    for name in ("a.txt", "new.txt", "m.json"):
        staging.write(name, f"new {name}".encode())
    (staging.path / "store").mkdir()
    (staging.path / "store" / "x").write_text("new x", encoding="utf-8")
    before = _outputs(out)
    monkeypatch.setattr(Staging, "_swap", _swap_failing_at("b.txt"))  # after a.txt, new.txt and store
    with pytest.raises(OutputError, match="b.txt: cannot put the new output in place"):
        staging.commit("m.json")
    assert _outputs(out) == before
    monkeypatch.undo()
    if not exchange:
        monkeypatch.setattr(atomic, "exchange", lambda a, b: False)
    staging.commit("m.json")
    staging.discard()
    assert {p: (out / p).read_text(encoding="utf-8") for p in _outputs(out)} == {
        "a.txt": "new a.txt", "new.txt": "new new.txt", "store/x": "new x", "m.json": "new m.json"}
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "m.json", "new.txt", "store"]


def test_build_removes_what_a_killed_build_left(built, seeds_dir):
    folder, out = built
    proc = _start_build(out, seeds_dir)
    _wait_for(lambda: any(p.name.startswith(".kg-tmp-build-") for p in out.iterdir()), proc)
    os.killpg(proc.pid, signal.SIGKILL)  # no chance to clean up
    proc.communicate(timeout=600)
    entry = next((out / CACHE_DIR).rglob("*.result"))
    (entry.parent / f".kg-tmp-{entry.name}.x1y2z3").write_bytes(b"half an entry")  # as a killed write leaves
    assert _leftovers(out)
    assert _build(str(folder), "--out", str(out)).exit_code == 0
    assert _leftovers(out) == []
