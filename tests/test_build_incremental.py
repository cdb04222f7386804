"""The corpus-scale build: the same bytes whatever the number of jobs, on a Dask cluster or
locally, from the cache or cold, built whole or a file at a time; the cache follows the rules;
a document that kills its worker is named and the others build."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from kg.build import MANIFEST, build
from kg.run import resources as resources_module
from kg.run import schedule
from kg.run.cache import CACHE_DIR
from kg.run.result import DocumentResult, Failure, Source
from conftest import SEED_BUILD, SMALL_REPORTS

OUTPUTS = ("graph.trig", "graph.ttl", "graph.html")


def _bytes(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in OUTPUTS}


def test_build_jobs_give_byte_identical_outputs(seed_build, seeds_dir, tmp_path):
    # Named as the seed build is: by default a build is named by its folder, and the name is in its IRIs.
    one = build([seeds_dir], tmp_path / "one", jobs=1, use_cache=False, build_id=SEED_BUILD)
    two = build([seeds_dir], tmp_path / "two", jobs=2, use_cache=False, build_id=SEED_BUILD)
    assert one.built == two.built == 5 and not one.errors and not two.errors
    assert _bytes(tmp_path / "one") == _bytes(tmp_path / "two") == _bytes(seed_build)


def test_build_dask_cluster_gives_the_local_bytes(seed_build, seeds_dir, tmp_path):
    distributed = pytest.importorskip("distributed", reason="Dask's distributed is in kg[cluster] and kg[test]")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        result = build([seeds_dir], tmp_path / "dask", scheduler=cluster.scheduler_address, use_cache=False,
                       build_id=SEED_BUILD)
    assert result.built == 5 and not result.errors
    assert _bytes(tmp_path / "dask") == _bytes(seed_build)


def test_build_cached_rebuild_reuses_every_document(small_reports, tmp_path):
    out = tmp_path / "out"
    cold = build([small_reports], out, jobs=1)
    first = _bytes(out)
    again = build([small_reports], out, jobs=1)
    assert (cold.built, cold.reused) == (3, 0)
    assert (again.built, again.reused, again.unchanged) == (0, 3, True)
    (out / MANIFEST).unlink()  # the outputs are redone, from the cached documents
    cached = build([small_reports], out, jobs=1)
    assert (cached.built, cached.reused, cached.unchanged) == (0, 3, False)
    assert _bytes(out) == first
    assert cached.triples == cold.triples and cached.class_counts == cold.class_counts


def test_build_from_cached_documents_loads_no_pipeline(small_reports, tmp_path):
    # Every document from the cache (the outputs redone, or a document removed): nothing for
    # the pipeline to do, so the build's process does not load it (seconds of spaCy and pkuseg).
    import subprocess
    import sys

    out = tmp_path / "out"
    build([small_reports], out, jobs=1)
    (small_reports / "report2.txt").unlink()
    code = ("import sys; from kg.build import build;"
            f" r = build([{str(small_reports)!r}], {str(out)!r}, jobs=1);"
            " print(r.built, r.reused, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "2", "False"]


def test_build_no_cache_redoes_every_document(small_reports, tmp_path):
    out = tmp_path / "out"
    build([small_reports], out, jobs=1)
    again = build([small_reports], out, jobs=1, use_cache=False)
    assert (again.built, again.reused) == (3, 0)


def test_build_changing_one_file_redoes_only_it(small_reports, tmp_path):
    out = tmp_path / "out"
    build([small_reports], out, jobs=1)
    (small_reports / "report1.txt").write_text(SMALL_REPORTS[1].replace("提速", "加速"), encoding="utf-8")
    changed = build([small_reports], out, jobs=1)
    assert (changed.built, changed.reused) == (1, 2)
    fresh = build([small_reports], tmp_path / "fresh", jobs=1, use_cache=False, build_id="out")
    assert fresh.built == 3 and _bytes(out) == _bytes(tmp_path / "fresh")
    (small_reports / "report1.txt").unlink()
    removed = build([small_reports], out, jobs=1)
    assert (removed.built, removed.reused) == (0, 2)
    assert "report1" not in (out / "graph.trig").read_text(encoding="utf-8")


def test_build_a_file_at_a_time_matches_the_whole_folder(small_reports, tmp_path):
    whole = tmp_path / "whole"
    build([small_reports], whole, jobs=1, use_cache=False, build_id="out")
    growing, out = tmp_path / "growing", tmp_path / "out"
    growing.mkdir()
    for path in sorted(small_reports.iterdir()):
        shutil.copy(path, growing / path.name)
        step = build([growing], out, jobs=1)
        assert step.built == 1
    assert _bytes(out) == _bytes(whole)


def test_build_document_ids_do_not_depend_on_the_other_files(small_reports, tmp_path):
    alone = build([small_reports / "report2.txt"], tmp_path / "alone", jobs=1)
    together = build([small_reports], tmp_path / "together", jobs=1)
    ids = {r.source: r.doc_id for r in together.documents}
    assert [r.doc_id for r in alone.documents] == [ids["report2.txt"]]
    assert ids["report2.txt"].startswith("report2-")


def test_build_changed_rule_file_changes_the_fingerprint(tmp_path):
    package = tmp_path / "kg"
    shutil.copytree(resources_module.PACKAGE / "data", package / "data")
    ontology = tmp_path / "ontology"
    shutil.copytree(resources_module.ONTOLOGY, ontology)
    before = resources_module.fingerprint(package=package, ontology=ontology)
    (package / "data" / "README.md").write_text("notes\n", encoding="utf-8")  # shapes nothing
    assert resources_module.fingerprint(package=package, ontology=ontology) == before
    rules = package / "data" / "gazetteer" / "programs.tsv"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    changed = resources_module.fingerprint(package=package, ontology=ontology)
    assert changed != before
    (ontology / "shapes.ttl").write_text((ontology / "shapes.ttl").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert resources_module.fingerprint(package=package, ontology=ontology) not in (before, changed)


def test_build_cache_made_under_other_rules_is_not_used(small_reports, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([small_reports], out, jobs=1)
    monkeypatch.setattr("kg.build.fingerprint", lambda base: "0" * 64)  # as after a rule file changed
    rebuilt = build([small_reports], out, jobs=1)
    assert (rebuilt.built, rebuilt.reused) == (3, 0)
    assert [p.name for p in (out / CACHE_DIR).iterdir() if p.is_dir()] == ["0" * 16]  # the old rules' entries are gone


def test_build_worker_that_dies_is_named_and_the_others_build(small_reports, monkeypatch):
    import crashing_work

    monkeypatch.setattr(schedule, "work", crashing_work.work_or_die)
    (small_reports / "crash.txt").write_text(SMALL_REPORTS[0], encoding="utf-8")
    files = sorted(small_reports.iterdir())
    sources = [Source(str(p), p.read_bytes(), hashlib.sha256(p.read_bytes()).hexdigest()) for p in files]
    outcomes = dict(schedule.run_pool(sources, resources_module.DEFAULT_BASE, jobs=2))
    assert sorted(outcomes) == list(range(len(files)))
    failed = {files[i].name: o for i, o in outcomes.items() if isinstance(o, Failure)}
    assert list(failed) == ["crash.txt"] and failed["crash.txt"].crashed
    assert "crash.txt" in failed["crash.txt"].message
    assert all(isinstance(o, DocumentResult) for i, o in outcomes.items() if files[i].name != "crash.txt")


def test_build_bad_file_is_reported_and_the_rest_build(small_reports, tmp_path):
    (small_reports / "empty.txt").write_bytes(b"")
    result = build([small_reports], tmp_path / "out", jobs=1)
    assert [str(e) for e in result.errors] == [f"{small_reports / 'empty.txt'}: file is empty"]
    assert len(result.documents) == 3


def _trig_quads(path: Path) -> set:
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.TRIG)
    return set(store)


def test_build_store_follows_changed_documents_without_a_reload(tmp_path, monkeypatch):
    import pyoxigraph as ox

    import kg.build
    from kg.outputs.store import graph_digests

    updates = []
    updated_store = kg.build.updated_store
    monkeypatch.setattr(kg.build, "updated_store", lambda *a: updates.append(a) or updated_store(*a))
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(20):  # enough documents that one changed is a small share of the store
        (folder / f"r{n}.txt").write_text(f"{1990 + n}" + SMALL_REPORTS[n % 3][4:], encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out, jobs=1)
    before = graph_digests(out)
    (folder / "r3.txt").write_text(SMALL_REPORTS[2].replace("吞吐量增长", "吞吐量稳步增长"), encoding="utf-8")
    (folder / "r5.txt").unlink()
    build([folder], out, jobs=1)
    after = graph_digests(out)
    gone = {g.rsplit("/", 1)[-1].split("-")[0] for g in set(before) - set(after)}
    new = {g.rsplit("/", 1)[-1].split("-")[0] for g in set(after) - set(before)}
    assert (gone, new) == ({"r3", "r5"}, {"r3"})
    assert all(after[g] == before[g] for g in set(after) & set(before) if "/graph/doc/" in g)
    assert len(updates) == 1  # the store was updated, not loaded again
    stored = set(ox.Store.read_only(str(out / "store")))
    assert stored == _trig_quads(out / "graph.trig")


def test_build_workers_that_cannot_start_stop_the_build(small_reports, monkeypatch):
    import crashing_work

    from kg.errors import WorkerError

    monkeypatch.setattr(schedule, "load", crashing_work.die_on_start)
    files = sorted(small_reports.iterdir())
    sources = [Source(str(p), p.read_bytes(), hashlib.sha256(p.read_bytes()).hexdigest()) for p in files]
    with pytest.raises(WorkerError, match="--jobs 1"):
        list(schedule.run_pool(sources, resources_module.DEFAULT_BASE, jobs=2))


def test_build_is_named_by_its_folder_unless_given_a_name(small_reports, tmp_path):
    out = tmp_path / "corpusA"
    build([small_reports], out, jobs=1)
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert "<https://w3id.org/kg-policy/id/graph/entities/corpusA> {" in trig
    assert "<https://w3id.org/kg-policy/id/graph/build/corpusA> {" in trig
    renamed = build([small_reports], out, jobs=1, build_id="other")  # the same inputs: only the name changed
    assert not renamed.unchanged and renamed.reused == 3
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert "<https://w3id.org/kg-policy/id/graph/entities/other> {" in trig and "corpusA" not in trig
