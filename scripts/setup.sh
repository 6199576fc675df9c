#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for sohoa: Debian packages, then a virtual environment in .venv
# with the project installed. Idempotent: a second run only checks and returns within seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  tesseract-ocr tesseract-ocr-vie tesseract-ocr-osd   # OCR with Vietnamese and orientation data
  poppler-utils qpdf ghostscript                      # pdftoppm/pdftotext/pdfsig; qpdf; gs for OCRmyPDF (bench)
  fonts-liberation2 fonts-croscore fonts-dejavu-core fonts-noto-core fonts-freefont-ttf  # Vietnamese glyphs
  pngquant unpaper                                    # OCRmyPDF's optional helpers (bench)
  softhsm2 opensc                                     # PKCS#11 token for signing tests
  chromium chromium-driver                            # web app browser tests
  libgl1 libglib2.0-0                                 # OpenCV runtime
  postgresql-client
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  [[ "$p" == \#* ]] && continue
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv
fi
# The exact versions of requirements.lock (hash-checked), then the project itself without resolving anything
# again; refresh the lock with scripts/lock.sh (docs/dependencies.md).
PIP_VERSION=26.3
stamp=.venv/.sohoa-installed
want=$( (cat pyproject.toml requirements.lock; echo "pip==$PIP_VERSION") | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing Python packages into .venv (first time takes a few minutes)"
  # pip itself pinned too (not "the newest"); the project built with the locked setuptools, not a newest one
  # fetched into an isolated build environment
  .venv/bin/python -m pip install -q "pip==$PIP_VERSION"
  .venv/bin/python -m pip install -q --require-hashes -r requirements.lock
  .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e .
  echo "$want" > "$stamp"
fi
echo "setup: ready (.venv/bin/sohoa)"
