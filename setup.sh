#!/usr/bin/env bash
# One command from a fresh clone to a built graph: virtual environment in .venv/, the package
# and its test tools, then the graph of seeds/ in out/.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'

# The segmentation model comes from the pkuseg wheel on PyPI, converted once into ~/.cache/kg.
.venv/bin/kg install-model

.venv/bin/kg build seeds --out out
