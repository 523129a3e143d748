"""Headless Chromium for checking and picturing maps (tests, screenshots, benchmarks).

Uses Debian's ``chromium`` and ``chromium-driver`` packages
(``apt-get install chromium chromium-driver``; see ``.ci/install-browser.sh``)
through the ``selenium`` package (``pip install 'geomap[test]'``).  Offline by
default: every host name fails to resolve, so a map that needs the network
shows it at once.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import GeomapError

__all__ = ["CHROMEDRIVER", "CHROMIUM", "chromium_available", "headless_chromium", "wait_for_map"]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

#: Installed before any page script: records alert() calls and uncaught errors.
WATCH_SCRIPT = (
    "window.__alerts = []; window.__errors = [];"
    "window.alert = window.confirm = window.prompt = function (m) {"
    " window.__alerts.push(String(m)); };"
    "window.addEventListener('error', function (e) {"
    " if (e.message) { window.__errors.push(String(e.message)); } });"
)


def chromium_available() -> bool:
    """Whether Debian's chromium and chromedriver are installed."""
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


@contextlib.contextmanager
def headless_chromium(*, offline: bool = True, width: int = 1280, height: int = 900) -> Iterator[Any]:
    """Start headless Debian chromium under selenium; quit it and remove its profile after use.

    Page scripts see ``alert``/``confirm``/``prompt`` replaced by a recorder
    (``window.__alerts``) and uncaught errors collected in ``window.__errors``.
    """
    if not chromium_available():
        msg = (
            f"{CHROMIUM} and {CHROMEDRIVER} are needed: apt-get install chromium chromium-driver "
            "(or run .ci/install-browser.sh)"
        )
        raise GeomapError(msg)
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError as exc:
        msg = "the browser checks need selenium: pip install 'geomap[test]'"
        raise GeomapError(msg) from exc
    profile = tempfile.mkdtemp(prefix="geomap-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--window-size={width},{height}",
        f"--user-data-dir={profile}",
    ):
        opts.add_argument(arg)
    if offline:
        opts.add_argument("--host-resolver-rules=MAP * ~NOTFOUND")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_SCRIPT})
        # the page itself gets width x height (the window size would include the browser's frame)
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def wait_for_map(driver: Any, *, timeout: float = 30.0, frame_api: str = "window.geomap") -> float:
    """Wait until the page's map has made all its markers; the seconds waited."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if driver.execute_script(f"return !!({frame_api} && {frame_api}.ready)"):
            return time.perf_counter() - start
        time.sleep(0.02)
    errors = driver.execute_script("return window.__errors || []")
    msg = f"the map did not finish loading in {timeout:.0f} s (page errors: {errors or 'none'})"
    raise TimeoutError(msg)
