"""Give a Wine prefix the ICU that Windows 10 ships, so that Qt 6 starts under Wine (build and smoke test only).

    python icu_for_wine.py ICU4PY_WHEEL SYSTEM32_FOLDER

Qt6Core.dll of the PySide6 wheels for Windows imports `icuuc.dll`, the ICU in C:\\Windows\\System32 of
Windows 10 1703 and later, whose functions carry no version suffix (`ucnv_open`). Wine 8 has no ICU, so
Qt6Core.dll does not load there: neither PyInstaller's analysis of PySide6 nor the program can start.

The ICU 78 DLLs of the icu4py wheel (PyPI) export the same functions with a suffix (`ucnv_open_78`). This
copies them into SYSTEM32_FOLDER and writes `icuuc.dll`, a copy of the wheel's icuuc78 whose export names
lose the suffix: the export table keeps its entries, the names are rewritten in place (each one shorter)
and the name table sorted again, as the loader's binary search needs.

The result is for Wine only: on Windows, Qt uses the system's own icuuc.dll, and PyInstaller leaves DLLs of
the Windows folder out of the bundle. Needs pefile (a dependency of PyInstaller on Windows).
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import pefile

SUFFIX = re.compile(rb"_(\d{2})$")


def unversioned_exports(source: Path, target: Path) -> int:
    """Write target: source with every export name `name_NN` renamed `name`; the number of names renamed."""
    pe = pefile.PE(str(source))
    directory = pe.OPTIONAL_HEADER.DATA_DIRECTORY[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_EXPORT"]]
    export = pe.parse_export_directory(directory.VirtualAddress, directory.Size)
    count = export.struct.NumberOfNames
    names_offset = pe.get_offset_from_rva(export.struct.AddressOfNames)
    ordinals_offset = pe.get_offset_from_rva(export.struct.AddressOfNameOrdinals)
    data = bytearray(pe.__data__)
    entries = []  # (new name, name RVA, ordinal index)
    renamed = 0
    for i in range(count):
        name_rva = int.from_bytes(data[names_offset + 4 * i:names_offset + 4 * i + 4], "little")
        ordinal = int.from_bytes(data[ordinals_offset + 2 * i:ordinals_offset + 2 * i + 2], "little")
        start = pe.get_offset_from_rva(name_rva)
        end = data.index(b"\0", start)
        name = bytes(data[start:end])
        new = SUFFIX.sub(b"", name)
        if new != name:
            data[start:end] = new + b"\0" * (end - start - len(new))
            renamed += 1
        entries.append((new, name_rva, ordinal))
    entries.sort(key=lambda entry: entry[0])
    for i, (_name, name_rva, ordinal) in enumerate(entries):
        data[names_offset + 4 * i:names_offset + 4 * i + 4] = name_rva.to_bytes(4, "little")
        data[ordinals_offset + 2 * i:ordinals_offset + 2 * i + 2] = ordinal.to_bytes(2, "little")
    pe.close()
    target.write_bytes(bytes(data))
    return renamed


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    wheel, system32 = Path(argv[0]), Path(argv[1])
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(wheel) as archive:
        dlls = [name for name in archive.namelist() if name.startswith("icu4py.libs/") and name.endswith(".dll")]
        icuuc = [name for name in dlls if Path(name).name.startswith("icuuc")]
        if len(icuuc) != 1:
            raise SystemExit(f"{wheel} holds no single icuuc DLL: {dlls}")
        for name in dlls:
            archive.extract(name, tmp)
            shutil.copyfile(Path(tmp, name), system32 / Path(name).name)
        renamed = unversioned_exports(Path(tmp, icuuc[0]), system32 / "icuuc.dll")
    print(f"icu_for_wine: {system32 / 'icuuc.dll'} exports {renamed} ICU functions without their version suffix")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
