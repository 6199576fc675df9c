#!/usr/bin/env bash
# Sets everything up, then runs sohoa on the committed samples and says where the results are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OMP_THREAD_LIMIT=1
out=${1:-out}
mkdir -p "$out"
.venv/bin/sohoa demo samples/committed --out "$out"
