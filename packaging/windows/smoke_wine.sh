#!/usr/bin/env bash
# Smoke-test the Windows bundle and installer under Wine, in a fresh Wine prefix (a new "Windows 10" user).
#
#   packaging/windows/smoke_wine.sh [--screenshot FILE.png] [smoke_test.py options, e.g. --repeat 5]
#
# Run after packaging/build_windows.sh (which calls it), with the same TONGKET_WINDOWS_CACHE: it uses the
# Windows Python prepared there to run packaging/smoke_test.py, which copies dist/tongket away from the source
# and runs tongket-cli.exe (version, render, check, the catalog, UTF-8 through a pipe, import/list, schema) and
# tongket.exe --smoke-test (offscreen), then --user-data (a new database in %LOCALAPPDATA%\TongKet) and
# --installer (install silently, run the installed programs, uninstall, the database stays).
# The prefix gets what of Windows 10 Wine 8 lacks (packaging/windows/icu_for_wine.py and
# bcryptprimitives_for_wine.py), nothing else of the build.
#
# --screenshot FILE.png also starts tongket.exe under Xvfb (a real X server) with the demo report open, and
# saves a screenshot of the screen (needs imagemagick). The whole run needs xvfb.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

WINPYTHON_VERSION=3.13.1
ICU4PY_VERSION=1.2.0
CACHE=${TONGKET_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tongket-windows}
PYDIR=$CACHE/python-$WINPYTHON_VERSION
screenshot=
if [[ ${1:-} == --screenshot ]]; then screenshot=$(realpath -m "$2"); shift 2; fi

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
installer=dist/installer/TongKet-$version-setup.exe
for file in "$PYDIR/python.exe" dist/tongket/tongket-cli.exe "$installer"; do
    [[ -f $file ]] || { echo "smoke_wine: no $file: run packaging/build_windows.sh first" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/tongket-wine-smoke.XXXXXX")
export WINEPREFIX=$work/prefix WINEDEBUG=${WINEDEBUG:--all} WINEARCH=win64 WINEDLLOVERRIDES="mscoree,mshtml="
export PYTHONUTF8=1
xvfb_pid=
cleanup() {
    [[ -n $xvfb_pid ]] && kill "$xvfb_pid" 2>/dev/null
    wineserver -k 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# See build_windows.sh: Wine's console programs need pipes for stdin and stdout here.
wrun() {
    local status
    true | wine "$@" 2>&1 | cat
    status=${PIPESTATUS[1]}
    return "$status"
}
wpy() { wrun "$PYDIR/python.exe" "$@"; }
win() { winepath -w "$1" 2>/dev/null; }

# An X server for the whole run: Inno Setup creates its (hidden) wizard window even with /VERYSILENT, and
# under Wine without a display that fails ("Error reading FPreparingMemo.Lines.Strings").
display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display

echo "== A fresh Wine prefix in $WINEPREFIX"
wineboot -i >/dev/null 2>&1
# Windows 10, as the installer requires (MinVersion=10.0); the 32-bit side of a new prefix says Windows 7.
wrun winecfg -v win10
wineserver -w
icu_wheel=$(ls "$CACHE"/downloads/icu4py-"$ICU4PY_VERSION"-cp313-cp313-win_amd64.whl)
system32=$(win "$WINEPREFIX/drive_c/windows/system32")
wpy packaging/windows/icu_for_wine.py "$(win "$icu_wheel")" "$system32"
wpy packaging/windows/bcryptprimitives_for_wine.py "$system32"

echo "== packaging/smoke_test.py under Wine"
wpy packaging/smoke_test.py --bundle "$(win "$ROOT/dist/tongket")" --python "$(win "$PYDIR/python.exe")" \
    --user-data --installer "$(win "$ROOT/$installer")" "$@"

if [[ -n $screenshot ]]; then
    echo "== The window under Xvfb, with the demo report open"
    # The demo imported into a data folder of its own; the window reopens the last report (QSettings INI).
    data=$work/screenshot-data
    mkdir -p "$data"
    TONGKET_DATA_DIR=$(win "$data") wrun dist/tongket/tongket-cli.exe import "$(win "$ROOT/tests/data/report_demo_v1.json")"
    appdata=$(wrun cmd /c echo %APPDATA% | tr -d '\r')
    ini=$(winepath -u "$appdata\\TongKet\\TongKet.ini")
    mkdir -p "$(dirname "$ini")"
    printf '[state]\r\nlast_report_id=1\r\ngeometry=@ByteArray()\r\n' > "$ini"
    # Pipes, not /dev/null or a file: with those, Wine hands Python invalid standard handles and the bootloader
    # shows "Failed to start embedded python interpreter!" (as in the console programs, see wrun).
    (true | TONGKET_DATA_DIR=$(win "$data") wine dist/tongket/tongket.exe 2>&1 | cat >"$work/gui.log") &
    gui_pid=$!
    # The window needs a few seconds under Wine; then the preview renders the report.
    for _ in $(seq 1 60); do
        sleep 1
        kill -0 "$gui_pid" 2>/dev/null || { echo "smoke_wine: tongket.exe ended early:" >&2; cat "$work/gui.log" >&2; exit 1; }
    done
    import -window root "$screenshot"
    echo "== Screenshot: $screenshot"
    kill "$gui_pid" 2>/dev/null || true
fi
