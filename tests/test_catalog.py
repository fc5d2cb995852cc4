"""The Vietnamese catalog: it parses, translates every message, keeps up with the sources and keeps placeholders."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "resources" / "locale" / "vi" / "LC_MESSAGES" / "app.po"

# "{name}", "{name!r}", "{name:>3}": the fields str.format fills. "{…}" and "{{" are not fields.
_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")
# Qt's own strings number their arguments: "%1".
_QT_ARG = re.compile(r"%\d")
# An accelerator: "&" before a letter, "&&" being a literal ampersand.
_ACCELERATOR = re.compile(r"(?<!&)&(?!&)")


@cache
def catalog() -> Catalog:
    with PO.open("rb") as f:
        return read_po(f, locale="vi")


def messages() -> list[Message]:
    return [m for m in catalog() if m.id]


def name(message: Message) -> str:
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return f"[{message.context}] {msgid!r}" if message.context else repr(msgid)


def msgids(message: Message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def msgstrs(message: Message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def makefile_keywords() -> list[str]:
    """The -k options of the Makefile's `messages` target, so that the test extracts what `make messages` does."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = text.split("\nmessages:", 1)[1]
    keywords = re.findall(r"(?:^|\s)-k\s+(\S+)", recipe.split("pybabel update", 1)[0])
    assert "_" in keywords, "the Makefile's messages target no longer passes -k options"
    return keywords


def extracted() -> dict[tuple[str, str | None], str]:
    """(msgid, msgctxt) → "file:line" of every message in the sources, extracted as `make messages` does."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    # pybabel extract adds its -k keywords to Babel's defaults (no --no-default-keywords in the Makefile).
    keywords = dict(DEFAULT_KEYWORDS)
    keywords.update(parse_keywords(makefile_keywords()))
    found: dict[tuple[str, str | None], str] = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            ROOT, method_map, options_map, keywords=keywords):
        msgid = message[0] if isinstance(message, (tuple, list)) else message
        if msgid:
            found.setdefault((msgid, context), f"{filename}:{lineno}")
    return found


def test_catalog_parses_and_has_no_fuzzy_entry():
    assert not catalog().fuzzy, "the header of app.po is marked fuzzy"
    fuzzy = [name(m) for m in messages() if m.fuzzy]
    assert not fuzzy, "fuzzy entries in app.po:\n" + "\n".join(fuzzy)
    assert len(messages()) > 100


def test_every_message_has_a_vietnamese_translation():
    untranslated = [name(m) for m in messages() if not all(s.strip() for s in msgstrs(m))]
    assert not untranslated, "untranslated in app.po:\n" + "\n".join(untranslated)


def test_catalog_holds_every_message_of_the_sources():
    po = catalog()
    missing = [f"{where}: " + (f"[{ctx}] {msgid!r}" if ctx else repr(msgid))
               for (msgid, ctx), where in sorted(extracted().items(), key=lambda kv: kv[1])
               if po.get(msgid, ctx) is None]
    assert not missing, ("strings missing from app.po; run `make messages` and translate them:\n"
                         + "\n".join(missing))


@pytest.mark.parametrize(("pattern", "what"), [(_FIELD, "{fields}"), (_QT_ARG, "%N arguments")])
def test_translations_keep_the_placeholders_of_their_msgid(pattern, what):
    wrong = []
    for m in messages():
        expected = {f for msgid in msgids(m) for f in pattern.findall(msgid)}
        for string in msgstrs(m):
            if string and set(pattern.findall(string)) != expected:
                wrong.append(f"{name(m)} → {string!r}")
    assert not wrong, f"translations whose {what} differ from the msgid's:\n" + "\n".join(wrong)


def test_translations_keep_one_accelerator_when_the_msgid_has_one():
    wrong = [f"{name(m)} → {s!r}" for m in messages() for s in msgstrs(m)
             if s and len(_ACCELERATOR.findall(s)) != len(_ACCELERATOR.findall(msgids(m)[0]))]
    assert not wrong, "translations that add or drop the '&' of a shortcut:\n" + "\n".join(wrong)


def test_translations_keep_the_leading_and_trailing_whitespace_of_their_msgid():
    def ends(text: str) -> tuple[str, str]:
        return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]

    wrong = [f"{name(m)} → {s!r}" for m in messages() for s in msgstrs(m) if s and ends(s) != ends(msgids(m)[0])]
    assert not wrong, "translations whose leading or trailing spaces differ from the msgid's:\n" + "\n".join(wrong)

