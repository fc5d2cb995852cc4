"""Compile the gettext catalogs resources/locale/<lang>/LC_MESSAGES/*.po into .mo files under a staging folder.

    .venv/bin/python packaging/compile_catalogs.py build/staging/locale

The spec runs this, so that every bundle ships freshly compiled catalogs whatever sits in the source tree
(compiled .mo files are not in git). It compiles the way app.i18n does at run time from source: the catalog's
header may be marked fuzzy (as `pybabel init` leaves it, which makes `pybabel compile` skip the whole catalog),
while fuzzy messages are left out. It fails when there is no catalog or a catalog has errors.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "locale"


def compile_catalogs(target: Path, source: Path = SOURCE) -> list[Path]:
    """Write <target>/<lang>/LC_MESSAGES/<domain>.mo for each .po under source; the .mo paths written."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        language = po.parent.parent.name
        with po.open("rb") as f:
            catalog = read_po(f, locale=language, abort_invalid=True)
        problems = [f"{message.id!r}: {error}" for message, errors in catalog.check() for error in errors]
        if problems:
            raise ValueError(f"{po}: " + "; ".join(problems))
        mo = target / po.relative_to(source).with_suffix(".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as f:
            write_mo(f, catalog, use_fuzzy=False)
        messages = [m for m in catalog if m.id]
        done = sum(1 for m in messages if m.string and not m.fuzzy)
        print(f"compiled {po.relative_to(ROOT) if po.is_relative_to(ROOT) else po}: "
              f"{done} of {len(messages)} messages translated -> {mo}")
        written.append(mo)
    if not written:
        raise FileNotFoundError(f"no catalogs (*/LC_MESSAGES/*.po) under {source}")
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    compile_catalogs(Path(argv[0]).resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
