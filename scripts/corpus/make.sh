#!/usr/bin/env bash
# Rebuilds the interop corpus test/fixtures/corpus/ (see its README.md), then checks it.
#
#   scripts/corpus/make.sh [--no-verify] [make.py options: --only FILE…, --keep-work]
#
# make.py writes the openpyxl files itself and drives LibreOffice (soffice --headless
# --convert-to …, profile /tmp/lo-corpus) for the others; verify.py then opens every file with
# openpyxl, LibreOffice and ExcelJS and runs `kam kpi` on it (needs `npm run build:cli` first).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
py=/usr/bin/python3 # Debian's python3-openpyxl lives here, not in a venv's python
verify=1
args=()
for a in "$@"; do
  if [[ "$a" == "--no-verify" ]]; then verify=0; else args+=("$a"); fi
done
"$py" -c 'import openpyxl' 2>/dev/null || { echo "make.sh: $py cannot import openpyxl (apt-get install python3-openpyxl)" >&2; exit 1; }
command -v soffice >/dev/null || { echo "make.sh: soffice not found (apt-get install libreoffice-calc-nogui)" >&2; exit 1; }
"$py" "$here/make.py" "${args[@]}"
if [[ $verify == 1 ]]; then
  "$py" "$here/verify.py"
fi
