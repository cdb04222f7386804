"""How `kg build` scales: the corpus cold and cached, one document changed, --jobs 1 against
--jobs 2, the seeds, and 1x/10x/30x copies of the seeds. Prints figures; asserts nothing.

    .venv/bin/python bench/build_scale.py [--corpus ../shared/corpus/docs] [--jobs-sample 60]
        [--skip corpus,jobs,seeds,growth,query]

Each build runs `kg build` as a new process, as a user does; memory is the peak of the summed
proportional set size (PSS: shared pages divided among the processes sharing them) of the
build and every process it starts, sampled every 0.2 s; CPU is the user and system seconds of
all of them as last sampled (less noisy than the wall time on a shared machine; a little
short: what a process does after its last sample is missed). Stage shares come from the
build's OUT/kg-build.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
KG = [sys.executable, "-m", "kg"]
TARGETS = {"corpus": 240, "rebuild": 15, "one changed": 30, "seeds": 8, "memory": 2048, "speedup": 1.7}


def _tree_pss(proc: psutil.Process, cpu: dict[int, float]) -> int:
    """The summed PSS of ``proc`` and its descendants; their CPU seconds noted in ``cpu`` by pid."""
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_full_info().pss
            times = p.cpu_times()
            cpu[p.pid] = times.user + times.system
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return total


def run_build(sources: list[Path], out: Path, *extra: str) -> dict:
    """One `kg build`: wall seconds, CPU seconds, peak PSS in MB, and the build's own stage timings."""
    cmd = [*KG, "build", *map(str, sources), "--out", str(out), "-q", *extra]
    start = time.perf_counter()
    proc = psutil.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    cpu: dict[int, float] = {}
    while proc.poll() is None:
        peak = max(peak, _tree_pss(proc, cpu))
        time.sleep(0.2)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"kg build failed ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
    try:
        timings = json.loads((out / "kg-build.json").read_text(encoding="utf-8")).get("timings", {})
    except OSError:
        timings = {}
    return {"wall": wall, "cpu": sum(cpu.values()), "mb": peak / 2**20, "timings": timings}


def show(name: str, figures: dict, target: str = "") -> None:
    stages = figures["timings"]
    total = sum(stages.values()) or 1
    share = ", ".join(f"{k} {v:.1f}s ({100 * v / total:.0f}%)" for k, v in stages.items())
    print(f"{name:<28} {figures['wall']:7.1f} s {figures['cpu']:7.1f} CPU s {figures['mb']:7.0f} MB   {target}")
    if share:
        print(f"{'':<28} {share}")


def corpus_runs(corpus: Path, work: Path) -> None:
    docs = work / "corpus"
    shutil.copytree(corpus, docs, ignore=shutil.ignore_patterns("manifest.jsonl", "README.md"))
    out = work / "out-corpus"
    size = sum(p.stat().st_size for p in docs.rglob("*") if p.is_file())
    print(f"corpus: {sum(1 for p in docs.rglob('*') if p.is_file())} files, {size / 2**20:.1f} MB")
    show("corpus cold, --jobs 2", run_build([docs], out, "--jobs", "2"), f"target ≤ {TARGETS['corpus']} s, ≤ {TARGETS['memory']} MB")
    show("corpus again, nothing changed", run_build([docs], out, "--jobs", "2"), f"target ≤ {TARGETS['rebuild']} s")
    one = sorted(p for p in docs.rglob("*") if p.is_file())[len(list(docs.rglob("*"))) // 2]
    one.write_bytes(one.read_bytes() + "\n本文件末尾新增一句。\n".encode("utf-8") if one.suffix != ".html" else one.read_bytes() + b"\n<p>x</p>\n")
    show("corpus, one document changed", run_build([docs], out, "--jobs", "2"), f"target ≤ {TARGETS['one changed']} s")
    added = docs / "zz-added.txt"
    shutil.copy(ROOT / "seeds" / sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))[0], added)
    show("corpus, one document added", run_build([docs], out, "--jobs", "2"), f"target ≤ {TARGETS['one changed']} s")
    query_runs(out)


def query_runs(out: Path) -> None:
    names = subprocess.run([*KG, "query", "--list"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for line in names.splitlines():
        if not line or line.startswith(" "):
            continue
        name = line.split(":")[0]
        start = time.perf_counter()
        done = subprocess.run([*KG, "query", name, "--graph", str(out / "graph.trig"), "--format", "csv"],
                              cwd=ROOT, capture_output=True, text=True)
        rows = max(0, done.stdout.count("\n") - 1)
        status = "" if done.returncode == 0 else f"(exit {done.returncode}: needs parameters)"
        print(f"  kg query {name:<24} {time.perf_counter() - start:5.2f} s  {rows} rows {status}")


def jobs_runs(corpus: Path, work: Path, sample: int) -> None:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm"))
    step = max(1, len(files) // sample)
    chosen = work / "jobs-sample"
    chosen.mkdir()
    for p in files[::step][:sample]:
        shutil.copy(p, chosen / p.name)
    # One build name for both: a build's IRIs are named by it (by default its OUT folder's name).
    one = run_build([chosen], work / "out-j1", "--jobs", "1", "--no-cache", "--build-id", "jobs-sample")
    two = run_build([chosen], work / "out-j2", "--jobs", "2", "--no-cache", "--build-id", "jobs-sample")
    show(f"{sample} corpus documents, --jobs 1", one)
    show(f"{sample} corpus documents, --jobs 2", two)
    same = all((work / "out-j1" / n).read_bytes() == (work / "out-j2" / n).read_bytes() for n in ("graph.trig", "graph.ttl", "graph.html"))
    print(f"  speed-up {one['wall'] / two['wall']:.2f}x (target ≥ {TARGETS['speedup']}x); outputs byte-identical: {same}")


def seed_runs(work: Path) -> None:
    show("seeds, empty cache", run_build([ROOT / "seeds"], work / "out-seeds"), f"target ≤ {TARGETS['seeds']} s")
    for copies in (1, 10, 30):
        folder = work / f"seeds-x{copies}"
        folder.mkdir()
        for n in range(copies):
            for p in sorted((ROOT / "seeds").glob("*.txt")):
                shutil.copy(p, folder / f"c{n:02d}-{p.name}")
        show(f"seeds x{copies} ({5 * copies} documents)", run_build([folder], work / f"out-x{copies}", "--no-cache"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "docs")
    parser.add_argument("--jobs-sample", type=int, default=60)
    parser.add_argument("--skip", default="")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    print(f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        if "seeds" not in skip:
            seed_runs(work)
        if not args.corpus.is_dir():
            print(f"skipping the corpus runs: {args.corpus} is not there")
            return
        if "jobs" not in skip:
            jobs_runs(args.corpus, work, args.jobs_sample)
        if "corpus" not in skip:
            corpus_runs(args.corpus, work)


if __name__ == "__main__":
    main()
