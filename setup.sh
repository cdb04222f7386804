#!/usr/bin/env bash
# One command from a fresh clone to a built graph: virtual environment in .venv/, the package
# and its test tools, then the graph of seeds/ in out/.
set -euo pipefail
cd "$(dirname "$0")"

# The browser tests open the network page in Debian's Chromium through chromedriver; CJK fonts
# make its Chinese labels legible in their screenshot.
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
{ command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; } || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
    else
        echo "setup.sh: install ${need[*]} (Chromium, chromedriver, CJK fonts) for the browser tests" >&2
    fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

# The segmentation model comes from the pkuseg wheel on PyPI, converted once into ~/.cache/kg.
.venv/bin/kg install-model

.venv/bin/kg build seeds --out out
