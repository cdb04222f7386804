"""Every data file is checked as it is loaded, and `kg check-data` checks a whole data folder:
each defect is reported with its file and line, all of them at once, with exit code 13."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.check_data import check_data
from kg.cli import EXIT_DATA, main
from kg.errors import DataFileError, KgError
from kg.nlp.rules import RuleError, load_gazetteer
from kg.resources.datafiles import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent

DIVISIONS = "code\tname\tlevel\tparent\tshort\tvalid_from\tvalid_to\tsuccessor\tnote\n"
ZHEJIANG = "330000\t浙江省\tprovince\t\t浙江\t\t\t\t\n"
HANGZHOU = "330100\t杭州市\tcity\t330000\t杭州\t\t\t\t\n"
XIHU = "330106\t西湖区\tdistrict\t330100\t\t\t\t\t\n"
ORGS = "id\tname\taliases\tkind\tnote\n"
PROGRAMS = "id\tname\taliases\tlabel\tnote\n"
TOWNSHIPS = "code\tname\tparent\tshort\tnote\n"
ZONES = "id\tname\tkind\tparent\tshort\tnote\n"
FOREIGN = "id\tname\tkind\tparent\tshort\tnote\n"
RELATION = {"id": "r", "predicate": "locatedIn", "subject": ["PROJECT"], "object": ["DISTRICT"],
            "order": "object-subject", "between": "建设"}

# The smallest data folder a build can load: the files every loader needs, each valid.
MINIMAL = {
    "gazetteer/divisions.tsv": DIVISIONS + ZHEJIANG + HANGZHOU + XIHU,
    "gazetteer/organizations.tsv": ORGS + "zju\t浙江大学\t浙大\tuniversity\t\n",
    "gazetteer/programs.tsv": PROGRAMS + "run-once\t最多跑一次改革\t\tPROGRAM\t\n",
    "patterns/10_org.jsonl": json.dumps({"id": "lab", "label": "ORG", "pattern": "[\u4e00-\u9fff]{2}实验室"}) + "\n",
    "relations/relations.jsonl": json.dumps(RELATION, ensure_ascii=False) + "\n",
    "lexicon/leading.tsv": "word\tclass\tfreq\n在\tpreposition\t1\n",
    "linking/levels.tsv": "id\tword\tendings\tnote\ncity\t市\t市\t\n",
    "linking/bodies.tsv": "id\tword\tcanonical\tnote\nparty\t委\t委\t\n",
    "linking/departments.tsv": "id\tkind\tword\tnote\nbureau\thead\t局\t\nmarket\tword\t市场\t\n",
    "numbers/indicators.tsv": "name\taliases\tnote\n地区生产总值\tGDP\t\n",
    "numbers/words.tsv": "word\trole\n全市\thome\n",
    "numbers/stages.tsv": "word\tstage\tposition\tnote\n建成\tcompleted\tafter\t\n",
}


def _folder(tmp_path: Path, changes: dict[str, str]) -> Path:
    folder = tmp_path / "data"
    for name, content in {**MINIMAL, **changes}.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return folder


def test_data_files_minimal_folder_is_valid(tmp_path):
    report = check_data(_folder(tmp_path, {}))
    assert report.problems == []
    assert report.summary().startswith("3 divisions, 1 organizations, 1 programs")


# One row a defect: the file as changed, then every problem expected (file: line: message).
DEFECTS = [
    pytest.param({"gazetteer/organizations.tsv": "id\taliases\tkind\tnote\nzju\t浙大\tuniversity\t\n"},
                 ["gazetteer/organizations.tsv:1: no column 'name' (the header has id, aliases, kind, note)"],
                 id="missing-column"),
    pytest.param({"gazetteer/divisions.tsv": DIVISIONS + ZHEJIANG + "330100\t杭州市\tcity\n"},
                 ["gazetteer/divisions.tsv:3: 3 cells, the header has 9"], id="truncated-row"),
    pytest.param({"gazetteer/programs.tsv": PROGRAMS + "run-once\t最多跑一次改革\t\tPROGRAM\t\tlate\n"},
                 ["gazetteer/programs.tsv:2: 6 cells, the header has 5"], id="extra-cell"),
    pytest.param({"gazetteer/townships.tsv": TOWNSHIPS + "330106011\t转塘街道\t330106\n"},
                 ["gazetteer/townships.tsv:2: 3 cells, the header has 5"], id="truncated-township"),
    pytest.param({"gazetteer/programs.tsv": PROGRAMS + "run-once\t最多跑一次改革\t\tPLAN\t\n"},
                 ["gazetteer/programs.tsv:2: label 'PLAN' is not one of ('ORG', 'PROJECT', 'PROGRAM', 'DISTRICT')"],
                 id="bad-label"),
    pytest.param({"gazetteer/divisions.tsv": DIVISIONS + ZHEJIANG + "330100\t杭州市\ttown\t330000\t\t\t\t\t\n"},
                 ["gazetteer/divisions.tsv:3: level 'town' is not one of province, city, county-city, district, county"],
                 id="bad-level"),
    pytest.param({"gazetteer/organizations.tsv": ORGS + "zju\t浙江大学\t浙大\tcollege\t\n"},
                 ["gazetteer/organizations.tsv:2: kind 'college' is not one of association, company, court, cppcc, "
                  "government, hospital, international, legislature, mass-organization, media, military, party, "
                  "procuratorate, research, university"], id="bad-org-kind"),
    pytest.param({"lexicon/leading.tsv": "word\tclass\tfreq\n在\tpreposition\t1\n就\tadverbial\t1\n"},
                 ["lexicon/leading.tsv:3: class 'adverbial' is not one of adverb, conjunction, object-verb, particle, "
                  "preposition, pronoun, verb"], id="bad-word-class"),
    pytest.param({"lexicon/leading.tsv": "word\tclass\tfreq\tbegins\n加强\tverb\t1\tPROGRAMME\n"},
                 ["lexicon/leading.tsv:2: begins 'PROGRAMME': not a label (DISTRICT, ORG, PROGRAM, PROJECT)"],
                 id="bad-begins-label"),
    pytest.param({"gazetteer/organizations.tsv": ORGS + "zju\t浙江大学\t浙大\tuniversity\t\nzju\t之江实验室\t\tresearch\t\n"},
                 ["gazetteer/organizations.tsv:3: id 'zju' is used twice (first at {data}/gazetteer/organizations.tsv:2)"],
                 id="duplicate-id"),
    pytest.param({"gazetteer/organizations_national.tsv": ORGS + "zju\t之江实验室\t\tresearch\t\n"},
                 ["gazetteer/organizations_national.tsv:2: id 'zju' is used twice "
                  "(first at {data}/gazetteer/organizations.tsv:2)"], id="duplicate-id-across-files"),
    pytest.param({"gazetteer/divisions.tsv": DIVISIONS + ZHEJIANG + HANGZHOU + XIHU + "330106\t西湖区\tdistrict\t330100\t\t\t\t\t\n"},
                 ["gazetteer/divisions.tsv:5: 330106 西湖区 is listed twice (first at line 4)",
                  "gazetteer/divisions.tsv:5: code 330106 is current in two rows (first at line 4); "
                  "a former one has valid_to"], id="duplicate-division"),
    pytest.param({"gazetteer/divisions.tsv": DIVISIONS + HANGZHOU},
                 ["gazetteer/divisions.tsv:2: parent '330000' is not a code of this file"], id="unknown-parent"),
    pytest.param({"gazetteer/townships.tsv": TOWNSHIPS + "330109001\t北干街道\t330109\t北干\t\n"},
                 ["gazetteer/townships.tsv:2: parent 330109 is not a code of divisions.tsv"], id="unknown-township-parent"),
    pytest.param({"gazetteer/zones.tsv": ZONES + "Z001\t钱塘新区\tnew-area\t330199\t\t\n"},
                 ["gazetteer/zones.tsv:2: parent '330199' is not a code of divisions.tsv"], id="unknown-zone-parent"),
    pytest.param({"gazetteer/foreign.tsv": FOREIGN + "VN01\t河内\tcity\tVN\t\t\n"},
                 ["gazetteer/foreign.tsv:2: a country has no parent; a city's parent is a country listed above it"],
                 id="unknown-country"),
    pytest.param({"gazetteer/same_as.tsv": "form\ttarget\tnote\n高新区（滨江）\t滨江区\t\n"},
                 ["gazetteer/same_as.tsv:2: target '滨江区' is no name of the gazetteer"], id="unknown-same-as-target"),
    pytest.param({"patterns/10_org.jsonl": json.dumps({"id": "lab", "label": "ORG", "pattern": "((实验室"}) + "\n"},
                 ["patterns/10_org.jsonl:1: bad pattern for 'lab': missing ), unterminated subpattern at position 1"],
                 id="bad-regex"),
    pytest.param({"patterns/10_org.jsonl": '{"id": "lab", "label": "ORG", "pattern": "实验室"\n'},
                 ["patterns/10_org.jsonl:1: not JSON (Expecting ',' delimiter at column 47)"], id="malformed-json"),
    pytest.param({"patterns/10_org.jsonl": json.dumps({"id": "lab", "label": "ORG", "pattern": "实验室", "priorty": 2}) + "\n"},
                 ["patterns/10_org.jsonl:1: unknown key 'priorty' (a rule has context_named, headless, id, label, "
                  "needs_name, note, pattern, priority, verb_led)"], id="misspelt-key"),
    pytest.param({"patterns/10_org.jsonl": json.dumps({"id": "lab", "label": "ORG", "pattern": "实验室", "priority": "high"}) + "\n"},
                 ["patterns/10_org.jsonl:1: priority of 'lab' must be a whole number, not 'high'"], id="bad-priority"),
    pytest.param({"relations/relations.jsonl": json.dumps({**RELATION, "between": "(建设"}) + "\n"},
                 ["relations/relations.jsonl:1: bad relation rule 'r': missing ), unterminated subpattern "
                  "at position 0"], id="bad-relation-regex"),
    pytest.param({"relations/relations.jsonl": json.dumps({**RELATION, "subject": ["PLACE"]}) + "\n"},
                 ["relations/relations.jsonl:1: subject must be a list of labels of ('ORG', 'PROJECT', 'PROGRAM', "
                  "'DISTRICT')"], id="bad-relation-label"),
    pytest.param({"numbers/words.tsv": "word\trole\n全市\thome\n力争\ttargets\n"},
                 ["numbers/words.tsv:3: a word needs a role in ('home', 'country', 'lead', 'qualifier', 'up', 'down', "
                  "'unit', 'target', 'review-paragraph')"], id="bad-role"),
    pytest.param({"numbers/stages.tsv": "word\tstage\tposition\tnote\n建成\tcompleted\tafter\t\n建成\tstarted\tafter\t\n"},
                 ["numbers/stages.tsv:3: '建成' is listed twice"], id="duplicate-status-word"),
    pytest.param({"linking/levels.tsv": "id\tword\tendings\tnote\ncity\t市\t市\t\ncity\t区\t区\t\n"},
                 ["linking/levels.tsv:3: id 'city' is used twice"], id="duplicate-level-id"),
    pytest.param({"linking/departments.tsv": "id\tkind\tword\tnote\nbureau\tend\t局\t\n"},
                 ['linking/departments.tsv:2: a department row needs an id, the kind "head" or "word" and the word'],
                 id="bad-department-kind"),
]


@pytest.mark.parametrize("changes, expected", DEFECTS)
def test_data_files_defect_is_reported_with_file_and_line(tmp_path, changes, expected):
    folder = _folder(tmp_path, changes)
    assert check_data(folder).problems == [f"{folder}/{p.format(data=folder)}" for p in expected]


def test_data_files_every_problem_of_a_folder_is_reported(tmp_path):
    folder = _folder(tmp_path, {
        "gazetteer/divisions.tsv": DIVISIONS + ZHEJIANG + HANGZHOU + "330106\t西湖区\tdistrict\n",
        "gazetteer/programs.tsv": PROGRAMS + "a\t甲计划\t\tPLAN\t\nb\t乙计划\t\tPROGRAM\t\nb\t丙计划\t\tPROGRAM\t\n",
        "numbers/stages.tsv": "word\tstage\n",
    })
    assert check_data(folder).problems == [
        f"{folder}/gazetteer/divisions.tsv:4: 3 cells, the header has 9",
        f"{folder}/gazetteer/programs.tsv:2: label 'PLAN' is not one of ('ORG', 'PROJECT', 'PROGRAM', 'DISTRICT')",
        f"{folder}/gazetteer/programs.tsv:4: id 'b' is used twice (first at {folder}/gazetteer/programs.tsv:3)",
        f"{folder}/numbers/stages.tsv:1: no column 'position' (the header has word, stage)",
    ]


def test_data_files_missing_file_is_named(tmp_path):
    folder = _folder(tmp_path, {})
    (folder / "numbers" / "words.tsv").unlink()
    assert check_data(folder).problems == [f"{folder}/numbers/words.tsv: no such file"]


def test_data_files_loader_raises_a_kg_error_naming_file_and_line(tmp_path):
    """The build's loaders raise what check-data reports: a KgError (so the command line maps it)
    still known by its old name."""
    (tmp_path / "organizations.tsv").write_text(ORGS + "zju\t浙江大学\n", encoding="utf-8")
    with pytest.raises(RuleError) as raised:
        load_gazetteer(tmp_path)
    assert isinstance(raised.value, KgError)
    assert raised.value.problems == (f"{tmp_path}/organizations.tsv:2: 2 cells, the header has 5",)


def test_data_files_error_survives_a_worker_process():
    """A worker's DataFileError reaches the build whole (it is pickled back from the pool)."""
    import pickle

    err = DataFileError("a.tsv:2: one", "b.tsv:3: two")
    back = pickle.loads(pickle.dumps(err))
    assert back.problems == err.problems and str(back) == "a.tsv:2: one\nb.tsv:3: two"


def test_data_files_shipped_data_checks_out():
    result = CliRunner().invoke(main, ["check-data"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    line = result.stdout.strip()
    assert line.startswith(f"{DATA_DIR}: ok: ") and "\n" not in line
    assert "divisions" in line and "townships" in line and "pattern rules" in line and "status words" in line


def test_data_files_cli_broken_folder_exits_13_naming_file_and_line(tmp_path):
    folder = _folder(tmp_path, {
        "gazetteer/organizations.tsv": ORGS + "zju\t浙江大学\t浙大\tuniversity\t\nzju\t之江实验室\t\tresearch\t\n",
        "patterns/10_org.jsonl": "{not json\n",
    })
    result = CliRunner().invoke(main, ["check-data", str(folder)], catch_exceptions=False)
    assert result.exit_code == EXIT_DATA == 13
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{folder}/gazetteer/organizations.tsv:3: id 'zju' is used twice (first at {folder}/gazetteer/organizations.tsv:2)",
        f"{folder}/patterns/10_org.jsonl:1: not JSON (Expecting property name enclosed in double quotes at column 2)",
        f"kg: error: 2 problems in the data files of {folder}",
    ]


def test_data_files_exit_code_is_in_help_and_readme():
    result = CliRunner().invoke(main, ["check-data", "--help"], catch_exceptions=False)
    assert "13 a rule, gazetteer or other data file is malformed" in " ".join(result.output.split())
    assert "| 13 |" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def broken_package(tmp_path_factory) -> Path:
    """A copy of kg whose organizations.tsv lists one id twice (the issue's silent replacement)."""
    root = tmp_path_factory.mktemp("broken")
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("kg", "ontology", "queries"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name, ignore=ignore)
    orgs = root / "kg" / "data" / "gazetteer" / "organizations.tsv"
    text = orgs.read_text(encoding="utf-8")
    orgs.write_text(text + "cpc\t中国共产党党组\t\tparty\t\n", encoding="utf-8")
    return root


def test_data_files_build_with_broken_data_fails_with_its_code(broken_package, seeds_dir, tmp_path):
    orgs = broken_package / "kg" / "data" / "gazetteer" / "organizations.tsv"
    line = len(orgs.read_text(encoding="utf-8").splitlines())
    source = tmp_path / "src"
    source.mkdir()
    shutil.copy(next(seeds_dir.glob("001_*.txt")), source)
    env = {**os.environ, "PYTHONPATH": str(broken_package)}
    # Two jobs: the error is met in a worker process and must still reach the user whole.
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(source), "--out", str(tmp_path / "out"), "-q",
                           "--jobs", "2"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == EXIT_DATA, done.stderr
    assert done.stderr.splitlines() == [f"kg: error: {orgs}:{line}: id 'cpc' is used twice (first at {orgs}:2)"]
    assert "Traceback" not in done.stderr and not (tmp_path / "out" / "graph.ttl").exists()
