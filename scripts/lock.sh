#!/usr/bin/env bash
# Refreshes requirements.lock, the exact versions (with their hashes) that scripts/setup.sh installs, from
# pyproject.toml with the dev extra (pip-tools' pip-compile, in a virtual environment of its own under /tmp).
#   bash scripts/lock.sh                          keeps the versions already locked, adds what pyproject.toml now needs
#   bash scripts/lock.sh --upgrade                every package to the newest version pyproject.toml allows
#   bash scripts/lock.sh --upgrade-package NAME   one package (and what it needs) to its newest version
# Then run scripts/setup.sh (it reinstalls when the lock changes) and the tests, and commit requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
PIP_TOOLS_VERSION=7.6.2
tools=${TMPDIR:-/tmp}/sohoa-pip-tools-$PIP_TOOLS_VERSION
if [ ! -x "$tools/bin/pip-compile" ]; then
  "${PYTHON:-python3}" -m venv "$tools"
  "$tools/bin/python" -m pip install -q "pip-tools==$PIP_TOOLS_VERSION"
fi
"$tools/bin/pip-compile" --quiet --extra dev --generate-hashes --allow-unsafe --strip-extras \
  --no-emit-index-url --no-emit-find-links --output-file requirements.lock "$@" pyproject.toml
echo "lock: requirements.lock refreshed ($(grep -c '==' requirements.lock) packages)"
