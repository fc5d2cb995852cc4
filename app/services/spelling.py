"""Loads the Vietnamese Hunspell dictionary and keeps the office dictionary (the words she added) in the data folder.

The dictionary is the vi_VN Hunspell one (Debian: hunspell-vi, GPL-2), shipped in resources/dictionaries/ with its
licence (docs/licences.md) and looked for there first, then in the system's folders; spylls (Hunspell in pure
Python) reads it.
Without a dictionary there is no spell checking, and nothing else changes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Protocol

from app.domain.spelling import SpellChecker, ToneStyle
from app.fileio import atomic_writer
from app.paths import resources_dir, user_data_dir

LANGUAGE = "vi_VN"
OFFICE_DICTIONARY = "tu-dien-van-phong.txt"
SYSTEM_FOLDERS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"), Path("/usr/share/myspell"))


class Dictionary(Protocol):
    """What the checker uses of a spylls Dictionary (spylls ships no types)."""

    def lookup(self, word: str) -> bool: ...

    def suggest(self, word: str) -> Iterable[str]: ...


def dictionary_base(folders: tuple[Path, ...] | None = None) -> Path | None:
    """The path (without .aff/.dic) of the Vietnamese dictionary, or None when none is installed."""
    for folder in folders if folders is not None else (resources_dir() / "dictionaries", *SYSTEM_FOLDERS):
        base = folder / LANGUAGE
        if base.with_suffix(".aff").is_file() and base.with_suffix(".dic").is_file():
            return base
    return None


def office_dictionary_path(data_dir: Path | None = None) -> Path:
    return (data_dir if data_dir is not None else user_data_dir()) / OFFICE_DICTIONARY


def read_office_words(data_dir: Path | None = None) -> list[str]:
    """The words of the office dictionary, one a line (a missing file is an empty dictionary)."""
    path = office_dictionary_path(data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [w for w in (unicodedata.normalize("NFC", line.strip()) for line in text.splitlines()) if w]


def add_office_word(word: str, data_dir: Path | None = None) -> None:
    """Add word to the office dictionary (written whole and atomically; a word already there is not repeated)."""
    word = unicodedata.normalize("NFC", word.strip())
    words = read_office_words(data_dir)
    if not word or word in words:
        return
    with atomic_writer(office_dictionary_path(data_dir)) as out:
        out.write(("\n".join([*words, word]) + "\n").encode("utf-8"))


def load_checker(style: ToneStyle = ToneStyle.NEW, data_dir: Path | None = None,
                 extra_words: tuple[str, ...] = (), base: Path | None = None) -> SpellChecker | None:
    """A checker over the Vietnamese dictionary and the office dictionary; None when no dictionary is installed.

    Takes about half a second (spylls reads the dictionary): call it off the GUI thread.
    """
    base = base if base is not None else dictionary_base()
    if base is None:
        return None
    dictionary = _read_dictionary(base)
    # The vi_VN dictionary writes "hoà", "thuỷ" (the tone mark on the second vowel).
    return SpellChecker(dictionary.lookup, dictionary.suggest, ToneStyle.OLD, style,
                        [*read_office_words(data_dir), *extra_words])


def _read_dictionary(base: Path) -> Dictionary:
    """spylls' Dictionary.from_files, closing the files it opens (it leaves them to the garbage collector)."""
    from spylls import hunspell
    from spylls.hunspell import readers
    from spylls.hunspell.readers.file_reader import FileReader

    opened: list[IO[str]] = []

    class ClosingReader(FileReader):  # type: ignore[misc]  # spylls ships no types: FileReader is Any to mypy
        def _open(self, path: str, encoding: str) -> IO[str]:
            handle: IO[str] = super()._open(path, encoding)  # a text file, as FileReader opens it
            opened.append(handle)
            return handle

    try:
        aff, context = readers.read_aff(ClosingReader(f"{base}.aff"))
        dic = readers.read_dic(ClosingReader(f"{base}.dic", encoding=context.encoding), aff=aff, context=context)
    finally:
        for handle in opened:
            handle.close()
    dictionary: Dictionary = hunspell.Dictionary(aff, dic)
    return dictionary
