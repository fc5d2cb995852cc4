"""Give a Wine 8 prefix the `bcryptprimitives.dll` of Windows 10, so that Rust extensions load (Wine only).

    python bcryptprimitives_for_wine.py SYSTEM32_FOLDER

Extensions built with Rust 1.78 or later (rpds-py, which jsonschema needs to check report files) import
`ProcessPrng` from `bcryptprimitives.dll`, which Windows 10 has and Wine 8 lacks: under Wine their import
fails with "DLL load failed ... Module not found". This writes a DLL of that name whose one export forwards
`ProcessPrng` to `advapi32.SystemFunction036` (RtlGenRandom: fill a buffer with random bytes; it returns
TRUE as ProcessPrng does). The DLL has no code: one read-only section with the export table. It is for Wine
only and never part of the bundle (Windows has its own). Standard library only.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

DLL_NAME = b"bcryptprimitives.dll"
FORWARDS = {b"ProcessPrng": b"advapi32.SystemFunction036"}

FILE_ALIGNMENT = 0x200
SECTION_RVA = 0x1000


def forwarder_dll(dll_name: bytes, forwards: dict[bytes, bytes]) -> bytes:
    """A PE32+ (x64) DLL image exporting each name of forwards as a forwarder to its 'module.function'."""
    names = sorted(forwards)  # the loader looks names up by binary search
    count = len(names)
    # The export section: directory, address table, name table, ordinal table, then the strings.
    directory_size = 40
    functions_at = directory_size
    names_at = functions_at + 4 * count
    ordinals_at = names_at + 4 * count
    strings_at = ordinals_at + 2 * count
    strings = bytearray()

    def add_string(text: bytes) -> int:
        offset = strings_at + len(strings)
        strings.extend(text + b"\0")
        return SECTION_RVA + offset

    dll_name_rva = add_string(dll_name)
    name_rvas = [add_string(name) for name in names]
    target_rvas = [add_string(forwards[name]) for name in names]
    section = bytearray(struct.pack(
        "<IIHHIIIIIII", 0, 0, 0, 0, dll_name_rva, 1, count, count,
        SECTION_RVA + functions_at, SECTION_RVA + names_at, SECTION_RVA + ordinals_at))
    section += b"".join(struct.pack("<I", rva) for rva in target_rvas)  # inside the directory: forwarders
    section += b"".join(struct.pack("<I", rva) for rva in name_rvas)
    section += b"".join(struct.pack("<H", i) for i in range(count))
    section += strings
    export_size = len(section)
    raw_size = -(-export_size // FILE_ALIGNMENT) * FILE_ALIGNMENT
    section += b"\0" * (raw_size - export_size)

    dos = bytearray(64)
    dos[0:2] = b"MZ"
    struct.pack_into("<I", dos, 0x3C, 64)
    # COFF header: x64, one section, 240 bytes of optional header, executable DLL for large addresses.
    coff = struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 240, 0x2022)
    directories = [(0, 0)] * 16
    directories[0] = (SECTION_RVA, export_size)
    optional = struct.pack(
        "<HBBIIIIIQIIHHHHHHIIIIHHQQQQII",
        0x20B, 14, 0, 0, raw_size, 0, 0, SECTION_RVA,  # magic PE32+, linker, sizes, no entry point, code base
        0x180000000, 0x1000, FILE_ALIGNMENT,  # image base, section and file alignment
        6, 0, 0, 0, 6, 0, 0,  # OS, image and subsystem versions, Win32VersionValue
        SECTION_RVA + -(-raw_size // 0x1000) * 0x1000, FILE_ALIGNMENT, 0,  # image size, headers size, checksum
        3, 0x0100,  # console subsystem; NX compatible (no relocations, so no dynamic base)
        0x100000, 0x1000, 0x100000, 0x1000, 0, 16,  # stack and heap, loader flags, directory count
    ) + b"".join(struct.pack("<II", rva, size) for rva, size in directories)
    assert len(optional) == 240
    section_header = struct.pack("<8sIIIIIIHHI", b".rdata", export_size, SECTION_RVA, raw_size, FILE_ALIGNMENT,
                                 0, 0, 0, 0, 0x40000040)  # initialised data, readable
    headers = bytes(dos) + b"PE\0\0" + coff + optional + section_header
    headers += b"\0" * (FILE_ALIGNMENT - len(headers))
    return headers + bytes(section)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    target = Path(argv[0]) / DLL_NAME.decode()
    target.write_bytes(forwarder_dll(DLL_NAME, FORWARDS))
    print(f"bcryptprimitives_for_wine: {target} forwards " +
          ", ".join(f"{k.decode()} to {v.decode()}" for k, v in FORWARDS.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
