"""Packaging: what kg needs at run time is package data, and a non-editable install works.

The ontology and the query library are read from kg/resources/ (kg.resources.packaged); the
top-level ontology/ and queries/ are the same files for users, kept byte-identical here.
The installed-kg tests run the `kg` of a new virtual environment (tests/fresh_venv.py) from a
folder outside the source tree.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from fresh_venv import clean_env

from kg.errors import InputError
from kg.query.library import QUERIES_DIR, library
from kg.resources.packaged import ontology_dir, queries_dir

PAIRS = [
    # (the user-facing folder, the package's copy, the files kg reads)
    ("ontology", "kg/resources/ontology", "*.ttl"),
    ("queries", "kg/resources/queries", "*.rq"),
]
GOLDEN = ROOT / "queries" / "expected"


def _files(folder: Path, pattern: str) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob(pattern))}


def _run(installed, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(installed.kg), *args], capture_output=True, text=True, cwd=cwd, env=clean_env())


@pytest.mark.parametrize("top, packaged, pattern", PAIRS)
def test_packaging_top_level_folder_is_identical_to_the_package_copy(top, packaged, pattern):
    user, package = _files(ROOT / top, pattern), _files(ROOT / packaged, pattern)
    assert sorted(user) == sorted(package), f"{top}/ and {packaged}/ hold different files: copy the one you changed over the other"
    differing = [name for name in user if user[name] != package[name]]
    assert differing == [], f"{top}/ and {packaged}/ differ in {differing}: copy the one you edited over the other"


def test_packaging_library_reads_the_package_copies():
    assert ontology_dir() == ROOT / "kg" / "resources" / "ontology"
    assert QUERIES_DIR == queries_dir() == ROOT / "kg" / "resources" / "queries"
    assert {"located-in", "indicator", "duplicates"} <= set(library())


def test_packaging_cross_validation_configs_are_package_files():
    from kg.eval.cv import VARIANTS

    configs = {v.name: v.config for v in VARIANTS.values() if v.config}
    assert configs["ner"] == ROOT / "kg" / "data" / "model" / "ner.cfg"
    assert all(c.is_file() and c.is_relative_to(ROOT / "kg") for c in configs.values()), configs


def test_packaging_installed_kg_is_imported_from_the_new_environment(installed_kg, tmp_path):
    done = subprocess.run([str(installed_kg.python), "-c", "import kg; print(kg.__file__)"],
                          capture_output=True, text=True, cwd=tmp_path, env=clean_env(), check=True)
    assert Path(done.stdout.strip()).is_relative_to(installed_kg.venv)


def test_packaging_installed_kg_holds_every_file_of_the_package(installed_kg):
    # A data file whose kind package-data does not name would be missing from every wheel.
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}

    installed = installed_kg.venv / "lib"
    package = next(installed.glob("python*/site-packages/kg"))
    assert sorted(files(ROOT / "kg") - files(package)) == []
    assert {"resources/ontology/shapes.ttl", "resources/queries/located-in.rq", "data/model/ner.cfg"} <= files(package)


def test_packaging_installed_kg_lists_the_query_library(installed_kg, tmp_path):
    done = _run(installed_kg, "query", "--list", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for name in sorted(library()):
        assert name in done.stdout


def test_packaging_installed_kg_builds_the_seeds_and_runs_a_named_query_elsewhere(installed_kg, tmp_path):
    seeds, work = tmp_path / "seeds", tmp_path / "work"
    shutil.copytree(SEEDS, seeds)
    work.mkdir()
    built = _run(installed_kg, "build", str(seeds), "--out", "out", "--jobs", "1", cwd=work)
    assert built.returncode == 0, built.stderr
    assert "5 documents: 5 built, 0 reused, 0 failed" in built.stdout
    assert (work / "out" / "graph.trig").is_file()

    # The default graph is out/graph.trig of the working folder; the district defaults to 上城区.
    located = _run(installed_kg, "query", "located-in", "--format", "tsv", cwd=work)
    assert located.returncode == 0, located.stderr
    got, expected = located.stdout.splitlines(), (GOLDEN / "located-in.tsv").read_text(encoding="utf-8").splitlines()
    assert got[0] == expected[0]
    assert sorted(got[1:]) == sorted(expected[1:])
    assert '<https://w3id.org/kg-policy/id/district/330102>\t"上城区"@zh\t<https://w3id.org/kg-policy/id/org/上城区人民政府>' in located.stdout

    validated = _run(installed_kg, "validate", "out/graph.ttl", cwd=work)  # the packaged shapes
    assert validated.returncode == 0, validated.stdout + validated.stderr


def test_packaging_missing_query_library_is_named_not_listed_empty(tmp_path):
    with pytest.raises(InputError) as caught:
        library(tmp_path / "queries")
    assert str(tmp_path / "queries") in str(caught.value)
    assert "reinstall kg" in str(caught.value)
