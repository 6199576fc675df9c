#!/usr/bin/env bash
# Sets everything up, then runs the test suite (slow tests excluded; add -m slow to run those).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/services.sh
export OMP_THREAD_LIMIT=1
exec .venv/bin/python -m pytest "$@"
