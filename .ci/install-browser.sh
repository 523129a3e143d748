#!/bin/sh
# Install Debian's chromium and its chromedriver for the browser tests
# (tests/test_browser.py, scripts/screenshots.py, bench/bench_map.py).
# Does nothing when /usr/bin/chromium is already there.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium chromium-driver
/usr/bin/chromium --version
