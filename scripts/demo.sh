#!/usr/bin/env bash
# Sets everything up, then runs the whole pipeline on the committed samples and says where the results are.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export OMP_THREAD_LIMIT=1
out=${1:-out}
status=0
.venv/bin/sohoa digitize samples/committed --out "$out" || status=$?
# Exit status 3 means some inputs went to quarantine (with their reasons): the others are done.
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then exit "$status"; fi
echo "Results: $(cd "$out" && pwd) (searchable signed PDF/A copies, extraction JSON, summary.json)"
