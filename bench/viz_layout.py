"""How long the network page takes to become still in headless Chromium, by node count.

Run: .venv/bin/python bench/viz_layout.py [--graph out/graph.trig] [--nodes 100,200,400,0] [--repeat 2]

For each --max-nodes value (0 = every entity) it writes the page as `kg viz` does, opens it in
Debian's Chromium (the browser tests' driver, tests/browser.py, networking off) and reports the
page size, the time from navigation until the page script has run (data parsed, filters built)
and until the layout has settled and physics stopped. The best of --repeat loads is reported.
This is what `DEFAULT_MAX_NODES` was chosen by; it prints its figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the browser helper the tests use

from browser import chromium, drawn  # noqa: E402

from kg.outputs.network import Selection  # noqa: E402
from kg.outputs.viz import write_network_page  # noqa: E402
from kg.stats import load_graph  # noqa: E402

POLL = 0.02


def time_page(driver, page: Path) -> tuple[float, float]:
    """Seconds until the page script has run, and until the layout settled."""
    start = time.perf_counter()
    driver.get(page.as_uri())
    script = None
    while not driver.execute_script("return Boolean(window.kgView && window.kgView.ready)"):
        if script is None and driver.execute_script("return Boolean(window.kgView)"):
            script = time.perf_counter() - start
        time.sleep(POLL)
    settled = time.perf_counter() - start
    return (script if script is not None else settled), settled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, default=ROOT / "out" / "graph.trig")
    parser.add_argument("--nodes", default="100,200,400,0", help="comma-separated --max-nodes values; 0 = all")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    graph = load_graph(args.graph)
    print(f"graph: {args.graph} ({len(graph)} triples)")
    print(f"{'max-nodes':>9} {'nodes':>6} {'edges':>6} {'page KB':>8} {'script s':>9} {'settled s':>10}")
    with tempfile.TemporaryDirectory() as tmp, chromium() as driver:
        for limit in (int(n) for n in args.nodes.split(",")):
            page = Path(tmp) / f"graph-{limit}.html"
            net = write_network_page(graph, page, Selection(max_nodes=limit or None))
            runs = [time_page(driver, page) for _ in range(args.repeat)]
            script, settled = min(r[0] for r in runs), min(r[1] for r in runs)
            shown = drawn(driver)
            assert len(shown["nodes"]) == net.number_of_nodes()  # the page drew what was written
            print(f"{limit or 'all':>9} {net.number_of_nodes():>6} {net.number_of_edges():>6} "
                  f"{page.stat().st_size / 1024:>8.0f} {script:>9.2f} {settled:>10.2f}")


if __name__ == "__main__":
    main()
