"""Fixtures shared by the test suite; slow ones are session-scoped."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
SEED_BUILD = "seeds"  # the seed build's name, in its entities graph's IRI


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_docs():
    """Every seed ingested once, keyed by its three-digit prefix ("000" … "004")."""
    from kg.ingest.document import ingest_paths

    docs, errors = ingest_paths([SEEDS])
    assert errors == []
    return {d.doc_id[:3]: d for d in docs}


@pytest.fixture(scope="session")
def seed_text():
    """``seed_text(prefix, normalized=True)``: a seed's text as read, or as the normalizer
    hands it to later stages (boilerplate still in, so rules meet it too)."""
    from kg.ingest.mapped import MappedText
    from kg.ingest.normalize import normalize

    def read(prefix: str, normalized: bool = True) -> str:
        text = next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")
        return normalize(MappedText.identity(text))[0].text if normalized else text

    return read


@pytest.fixture(scope="session")
def rule_set():
    """The entity rules and gazetteers as shipped, loaded once."""
    from kg.nlp.rules import RuleSet

    return RuleSet.load()


@pytest.fixture(scope="session")
def nlp():
    """The full spaCy pipeline (pkuseg + entity rules); needs `kg install-model` first."""
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """`kg build seeds/` once, through the command line, as the build named ``seeds``; the output folder."""
    from click.testing import CliRunner

    from kg.cli import main

    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(out), "--build-id", SEED_BUILD, "-q"])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def two_builds(tmp_path_factory):
    """Two corpora built apart, for a store that holds both: ``.a`` (seeds 000 and 001, in a
    folder named A, so the build is named A), ``.b`` (seed 003, folder B), and ``.a_again``: A
    rebuilt without 000 into a copy of its folder (another folder named A, its cache reused)."""
    import shutil
    from types import SimpleNamespace

    from click.testing import CliRunner

    from kg.cli import main

    root = tmp_path_factory.mktemp("builds")
    corpora = {"A": SEED_NAMES[0:2], "B": SEED_NAMES[3:4], "A-again": SEED_NAMES[1:2]}
    for name, files in corpora.items():
        (root / "docs" / name).mkdir(parents=True)
        for file in files:
            shutil.copy(SEEDS / file, root / "docs" / name / file)

    def build(corpus: str, out: Path) -> Path:
        result = CliRunner().invoke(main, ["build", str(root / "docs" / corpus), "--out", str(out), "-q", "-j", "1"])
        assert result.exit_code == 0, result.output
        return out

    a, b = build("A", root / "A"), build("B", root / "B")
    shutil.copytree(a, root / "again" / "A")
    return SimpleNamespace(a=a, b=b, a_again=build("A-again", root / "again" / "A"),
                           dropped=corpora["A"][0].removesuffix(".txt"))


# A report whose names and sentences carry markup that must show as text and never run.
HOSTILE_REPORT = """2020年杭州市政府工作报告

一、2019年工作回顾
全面实施“<img src=x onerror="window.kgPwned='name'">”工程，深化《<script>window.kgPwned='script'</script>条例》改革，西湖区推进“<b>最多跑一次</b>”改革。
杭州<script>window.kgPwned=1</script>研究院落户西湖区。
"""
HOSTILE_NAME = "<script>window.kgPwned=script</script>条例"


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory):
    """`kg build` of HOSTILE_REPORT: ``.out``, the output folder, and ``.name``, the entity
    name that carries a script element."""
    from types import SimpleNamespace

    from click.testing import CliRunner

    from kg.cli import main

    folder = tmp_path_factory.mktemp("hostile")
    (folder / "report.txt").write_text(HOSTILE_REPORT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(folder / "report.txt"), "--out", str(folder / "out"), "-q"])
    assert result.exit_code == 0, result.output
    return SimpleNamespace(out=folder / "out", name=HOSTILE_NAME)


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    """The seed build's graph, read back from its Turtle file."""
    from kg.graph.read import load_graph

    return load_graph(seed_build / "graph.ttl")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session, offline (see tests/browser.py)."""
    from browser import ChromiumUnavailable, chromium

    try:
        with chromium() as driver:
            yield driver
    except ChromiumUnavailable as err:
        pytest.fail(str(err))


@pytest.fixture
def oxigraph(tmp_path):
    """A fresh, empty Oxigraph server on a free loopback port; its base URL (BASE/store for the
    Graph Store Protocol, BASE/query for SPARQL, BASE/update for SPARQL Update)."""
    from oxigraph_server import find_oxigraph, oxigraph_server

    if find_oxigraph() is None:
        pytest.fail("no `oxigraph` command: install the test extra, pip install -e '.[test]'")
    with oxigraph_server(tmp_path / "oxigraph") as base:
        yield base


@pytest.fixture
def free_port() -> int:
    """A loopback port nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def installed_kg(tmp_path_factory):
    """kg built from this tree and installed non-editable into a new virtual environment that
    borrows the dependencies (see tests/fresh_venv.py); ``.python``, ``.kg`` (the command)."""
    from fresh_venv import install_kg

    return install_kg(ROOT, tmp_path_factory.mktemp("installed"))


SMALL_REPORTS = (
    "2020年杭州市西湖区政府工作报告\n\n一、2019年工作回顾\n西湖区推进“最多跑一次”改革，"
    "浙江大学落户西湖区紫金港。云栖小镇建设加快。\n",
    "2021年杭州市余杭区政府工作报告\n\n一、2020年工作回顾\n余杭区实施乡村振兴战略，"
    "未来科技城建设提速，阿里巴巴集团在余杭区落户。\n",
    "2019年宁波市政府工作报告\n\n一、2018年工作回顾\n宁波市推进“最多跑一次”改革，"
    "宁波舟山港吞吐量增长。\n",
)


@pytest.fixture
def small_reports(tmp_path) -> Path:
    """A folder of three short reports (``report0.txt`` …), quick to build."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for n, text in enumerate(SMALL_REPORTS):
        (folder / f"report{n}.txt").write_text(text, encoding="utf-8")
    return folder


def _unprivileged() -> list[str]:
    """A command prefix under which permissions hold: root reads any file, so as root the
    process runs without the capabilities that bypass them (util-linux setpriv)."""
    import os
    import shutil

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: an unreadable file cannot be made")
    return ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


@pytest.fixture(scope="session")
def messy_build(tmp_path_factory):
    """`kg build` in a subprocess over a folder holding what users' folders hold: two files with
    one content, two files of one name and different contents, a .docx, a broken link and a
    subfolder that cannot be read, plus a file given by name that cannot be read and a file
    given twice. ``.run`` (the finished process), ``.src``, ``.out``, ``.unreadable``."""
    import os
    import subprocess
    import sys
    from types import SimpleNamespace

    root = tmp_path_factory.mktemp("messy")
    src = root / "src"
    (src / "other").mkdir(parents=True)
    (src / "locked").mkdir()
    (src / "report.txt").write_text("我代表上城区人民政府向大会报告工作。上城区深化“最多跑一次”改革。", encoding="utf-8")
    (src / "copy.txt").write_bytes((src / "report.txt").read_bytes())
    (src / "other" / "report.txt").write_text("我代表西湖区人民政府向大会报告工作。西湖区推进城市大脑建设。", encoding="utf-8")
    (src / "locked" / "hidden.txt").write_text("我代表滨江区人民政府向大会报告工作。", encoding="utf-8")
    (src / "notes.docx").write_bytes(b"PK\x03\x04")
    (src / "gone.txt").symlink_to(src / "nowhere.txt")
    unreadable = root / "unreadable.txt"
    unreadable.write_text("我代表萧山区人民政府向大会报告工作。", encoding="utf-8")
    prefix = _unprivileged()
    for path in (src / "locked", unreadable):
        path.chmod(0)
    try:
        run = subprocess.run(
            [*prefix, sys.executable, "-m", "kg", "build", str(src), str(unreadable), str(src / "report.txt"),
             "--out", str(root / "out"), "--jobs", "1"],
            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False,
        )
    finally:
        (src / "locked").chmod(0o755)
        unreadable.chmod(0o644)
    return SimpleNamespace(run=run, src=src, out=root / "out", unreadable=unreadable)


PROXY_VARIABLES = ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
LOGIN_VARIABLES = ("KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD")


@pytest.fixture
def no_proxy_or_login(monkeypatch):
    """For tests that talk to a loopback endpoint: requests must not wander through a proxy, and
    the test chooses the credentials (``pytestmark = pytest.mark.usefixtures(...)``)."""
    for name in PROXY_VARIABLES + LOGIN_VARIABLES:
        monkeypatch.delenv(name, raising=False)
