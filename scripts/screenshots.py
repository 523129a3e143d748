"""Screenshots of the map and the report for the README: docs/img/map.png and docs/img/report.png.

    .venv/bin/python scripts/screenshots.py [--out docs/img]

Runs the pipeline over the bundled sample dispatches (offline outline basemap,
no tiles) and photographs the pages in headless Debian chromium with no
network (.ci/install-browser.sh installs it).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from geomap.pipeline import run
from geomap.render.browser import headless_chromium, wait_for_map

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "img", help="folder for the PNG files")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="geomap-shots-"))
    result = run(None, out=work, map_options={"tiles": None})
    # a popup worth showing: the incident with the longest sentence that names its place
    shown = max(
        (e for e in result.events if not e.duplicate_of and e.location in e.sentence),
        key=lambda e: (len(e.sources), len(e.sentence)),
    )

    with headless_chromium(offline=True, width=1280, height=820) as driver:
        driver.get((work / "map.html").as_uri())
        wait_for_map(driver)
        driver.execute_script("geomap.showPopup(arguments[0]);", shown.event_id)
        time.sleep(0.6)
        driver.save_screenshot(str(args.out / "map.png"))

    with headless_chromium(offline=True, width=1280, height=1500) as driver:
        driver.get((work / "report.html").as_uri())
        driver.switch_to.frame(driver.find_element("css selector", "iframe.map"))
        wait_for_map(driver)
        driver.switch_to.default_content()
        time.sleep(0.5)
        driver.save_screenshot(str(args.out / "report.png"))
    for name in ("map.png", "report.png"):
        print(args.out / name)


if __name__ == "__main__":
    main()
