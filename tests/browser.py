"""Real headless Chromium for tests, driven through chromedriver (Debian's `chromium` and
`chromium-driver`, which setup.sh installs), with networking off.

``with chromium() as driver: page = open_page(driver, path)``; the page's own JavaScript is then
reachable with ``driver.execute_script``.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = ("chromium", "chromium-browser")
READY_TIMEOUT = 60.0  # seconds for the layout to settle
POLL_INTERVAL = 0.1
WINDOW = (1400, 900)
# A proxy on a loopback port nobody serves: anything the page tried to fetch would fail.
NO_PROXY_PORT = 9


class ChromiumUnavailable(RuntimeError):
    """Chromium or chromedriver is not installed."""


def _find(names: tuple[str, ...]) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumUnavailable(f"none of {', '.join(names)} on PATH; ./setup.sh installs Debian's chromium and chromium-driver")


@contextmanager
def chromium() -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a fresh profile and no network, quit at the end."""
    options = webdriver.ChromeOptions()
    options.binary_location = _find(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-background-networking", "--disable-gpu",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--proxy-server=127.0.0.1:{NO_PROXY_PORT}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(_find(("chromedriver",))), options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                               {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: webdriver.Chrome, path: Path) -> None:
    """Load a network page and wait until its layout has settled (physics stopped)."""
    driver.get(path.resolve().as_uri())
    deadline = time.monotonic() + READY_TIMEOUT
    while not driver.execute_script("return Boolean(window.kgView && window.kgView.ready)"):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path}: the network did not settle in {READY_TIMEOUT:.0f} s")
        time.sleep(POLL_INTERVAL)


# What the network drew: vis-network's own nodes and edges that are not hidden.
DRAWN = """
var body = kgView.network.body;
function shown(items) { return Object.values(items).filter(function (x) { return !x.options.hidden; }); }
return {
  nodes: shown(body.nodes).map(function (n) { return n.id; }).sort(),
  edges: shown(body.edges).length
};
"""


def drawn(driver: webdriver.Chrome) -> dict:
    return driver.execute_script(DRAWN)


def script_errors(driver: webdriver.Chrome) -> list[str]:
    """The console's errors since the last call (reading the log empties it)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
