#!/usr/bin/env bash
# Build the one-folder bundle dist/tongket/ with PyInstaller, then smoke-test it away from the source tree.
#
#   packaging/build_linux.sh [smoke_test.py options, e.g. --repeat 5 --max-size-mb 190]
#
# Needs PyInstaller in the venv (pip install -c constraints.txt -e ".[build]", as make package does) and, to run the
# bundle, libgl1 libegl1 and a font (.ci/system-packages-run.txt has them). PYTHON overrides the interpreter.
# Exits non-zero when the build or any smoke check fails.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "PyInstaller is not installed for $PYTHON: $PYTHON -m pip install -c constraints.txt -e \".[build]\"" >&2
    exit 1
fi

echo "== Building dist/tongket with PyInstaller $("$PYTHON" -c 'import PyInstaller; print(PyInstaller.__version__)')"
rm -rf build/pyinstaller dist/tongket
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/tongket.spec
echo "== Built in $(( $(date +%s) - start )) s; du -sh: $(du -sh dist/tongket)"

echo "== Smoke test"
"$PYTHON" packaging/smoke_test.py --bundle dist/tongket "$@"
