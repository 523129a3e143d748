#!/usr/bin/env bash
# The test command of the README: install what the tests need, then run them.
#   - a virtual environment with geomap and its test extras (PyPI);
#   - Debian's chromium + chromedriver for the browser tests (needs root or sudo;
#     without them the browser tests are skipped with a clear reason);
#   - the whole pytest suite (no network needed).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
if [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; then
    sh .ci/install-browser.sh || echo "warning: could not install chromium; browser tests will be skipped" >&2
fi
exec .venv/bin/python -m pytest "$@"
