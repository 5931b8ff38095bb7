#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, when missing:
#  - Chromium from Debian's packages, for the browser tests of /graphiql and /explore;
#  - a project-local Python virtualenv with the pinned packages of the example notebooks;
#  - the real public data the tests load (scripts/ensure-public-data.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium (apt) for the browser tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  else
    echo "The browser tests need Chromium: install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
    exit 1
  fi
fi

# The notebooks' requirements include the Python client (clients/python) and Jupyter; the client's own
# tests need pytest. Reinstalled whenever the requirements or the client's files change.
requirements=examples/notebooks/requirements.txt
venv=var/venv
marker="$venv/.requirements.sha256"
want=$(cat "$requirements" $(git ls-files clients/python 2>/dev/null || find clients/python -type f | sort) | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
  echo "Creating the Python virtualenv in $venv (notebooks, the Python client and its tests; pinned requirements)..."
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements" "./clients/python[plot,test]"
  echo "$want" > "$marker"
fi

bash scripts/ensure-nlp.sh
bash scripts/ensure-public-data.sh
