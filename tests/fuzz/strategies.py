"""Hypothesis strategies for the fuzzing suite: interchange documents generated from the JSON Schema, damaged
documents, and hostile text.

The documents come from the shipped schema (resources/schema/report-v<N>.schema.json) walked keyword by
keyword: a keyword this walker does not know fails loudly, so a schema that grows a new rule is not fuzzed
as if it had none. (hypothesis-jsonschema 0.23.1, the newest release, calls a private `many.more()` that the
pinned Hypothesis no longer has, so it cannot generate a single document here.) A few places get values
shaped like real ones more often than chance would give them: section keys and sentence slots the templates
know, dates that exist, and no house-style file or template folder (those point at files the fuzzer does not
have; tests/fuzz/test_check.py covers them).
"""

from __future__ import annotations

import json
import os
import string
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from app.services.interchange import schema_text

# Examples per test: small by default so that the suite stays fast; TONGKET_FUZZ_EXAMPLES=10000 for a long run.
LONG_RUN = int(os.environ.get("TONGKET_FUZZ_EXAMPLES", "0") or 0)


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings of one fuzz test: examples by default, TONGKET_FUZZ_EXAMPLES when set.

    The short run (the test command, CI) walks the same examples every time, so that a build passes or fails
    for a reason in the code; the long run explores at random.
    """
    return settings(
        max_examples=LONG_RUN or examples,
        derandomize=not LONG_RUN,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )


# Section keys of the built-in outline (each has its own template or generated sentences) and the slots of the
# sentences the templates generate, from the demo report; a few unknown ones come from the text strategy.
SECTION_KEYS = (
    "phan_1", "dac_diem", "nhiem_vu_chinh_tri", "xay_dung_dang", "chinh_tri", "tu_tuong", "dao_duc",
    "to_chuc_can_bo", "kiem_tra", "dan_van", "danh_gia", "uu_diem", "han_che", "phan_2", "phuong_huong",
    "chi_tieu", "nhiem_vu_giai_phap", "de_xuat",
)
SLOTS = (
    "chi_tieu.target_1", "chi_tieu.target_2", "dac_diem.size", "danh_gia.targets", "danh_gia.targets_table",
    "dao_duc.theme", "kiem_tra.checks", "kiem_tra.complaints", "kiem_tra.discipline", "kiem_tra.lead",
    "kiem_tra.work", "to_chuc_can_bo.badges", "to_chuc_can_bo.candidates", "to_chuc_can_bo.commendations",
    "to_chuc_can_bo.meetings", "to_chuc_can_bo.membership_table", "to_chuc_can_bo.movement",
    "to_chuc_can_bo.ratings", "to_chuc_can_bo.ratings_table", "tu_tuong.study",
)
TABLE_NAMES = ("membership", "ratings", "targets")

# Characters that have broken renderers before or could: every line break str.splitlines() knows, the
# characters XML 1.0 forbids, lone surrogates, combining marks that NFC composes, the no-break and zero-width
# spaces, bidi controls, the noncharacters U+FFFE/U+FFFF, and Jinja2 / block-tag syntax.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
XML_INVALID = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ufffe\uffff"
SURROGATES = "\ud800\udbff\udc00\udfff"
SPECIALS = "\t \u00a0\u200b\u200d\u202e\u2066\ufeff\u0301\u0300\u0303\u0309\u0323\u031b\u0110\u0111&<>\"'{}%#@-+.,:;/\\"
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐƯƠ"
TAG_LIKE = ("@h1 ", "@p ", "@table membership", "@closing ", "@part_title x", "{{ report }}", "{% if %}", "{#",
            "- ", "+ ", "./.", "\n@h1 Tiêu đề giả\n", "2025 - 2030", "{year}", "{term}", "{next_year}")

# What a text field of an import may hold: everything but the control characters the schema refuses.
_SCHEMA_REFUSED = set(XML_INVALID)


def hostile_text(*, max_size: int = 24, importable: bool = False) -> st.SearchStrategy[str]:
    """Text built from the characters and fragments above and arbitrary code points, now and then a very long word.

    importable: leave out the control characters the interchange schema refuses (lone surrogates stay, rare).
    """
    specials = LINE_BREAKS + XML_INVALID + SURROGATES + SPECIALS
    if importable:
        # Lone surrogates only from the arbitrary code points (rarely): the reader refuses them, and a document
        # holds dozens of texts, so in the alphabet they would keep nearly every document from being printed.
        specials = "".join(c for c in specials if c not in _SCHEMA_REFUSED and c not in SURROGATES)
    alphabet = VIETNAMESE + " " * 8 + specials
    refused = "".join(_SCHEMA_REFUSED) if importable else None
    text = st.one_of(
        st.text(alphabet, max_size=max_size),  # one draw each: a document holds dozens of texts
        st.text(st.characters(codec=None, exclude_characters=refused), max_size=max_size),
        st.tuples(st.text(alphabet, max_size=max_size // 2), st.sampled_from(TAG_LIKE),
                  st.text(alphabet, max_size=max_size // 2)).map("".join),
    )
    # Now and then a word longer than a line, than a page: rare, or every document would be megabytes.
    long_word = st.integers(200, 3000).map(lambda n: "đ" * n)
    return st.integers(0, 49).flatmap(lambda roll: st.tuples(text, long_word).map("".join) if roll == 0 else text)


# JSON Schema → strategy.


@cache
def schema() -> dict[str, Any]:
    return json.loads(schema_text())


_IGNORED = {"description", "title", "$schema", "$id", "$defs", "$comment"}
_HANDLED = {"type", "const", "enum", "properties", "required", "additionalProperties", "propertyNames", "items",
            "allOf", "anyOf", "pattern", "minLength", "maxLength", "minimum", "maximum", "format", "$ref"}


def documents(max_depth: int = 3) -> st.SearchStrategy[dict[str, Any]]:
    """Interchange documents the schema accepts (give or take dates and times it cannot tell are impossible).

    max_depth: how deep sections nest; the schema's outline is recursive, a generator must stop somewhere.
    """
    return _Walker(schema(), max_depth).strategy(schema(), "")


class _Walker:
    def __init__(self, root: dict[str, Any], max_depth: int) -> None:
        self.defs: dict[str, Any] = root["$defs"]
        self.max_depth = max_depth

    def strategy(self, node: Any, name: str, depth: int = 0) -> st.SearchStrategy[Any]:
        """A strategy for node; name is the $defs name or the property the node describes, for the overrides."""
        if node is True or node == {}:
            return _json_values()
        unknown = set(node) - _HANDLED - _IGNORED
        if unknown:
            raise NotImplementedError(f"the fuzzer does not know the schema keywords {sorted(unknown)}")
        override = self.override(name, node, depth)
        if override is not None:
            return override
        if "$ref" in node:
            ref = node["$ref"].removeprefix("#/$defs/")
            rest = {k: v for k, v in node.items() if k != "$ref"}
            if ref == "section":
                depth += 1
            inner = self.strategy(self.defs[ref], ref, depth)
            return inner if not set(rest) - _IGNORED else self.all_of(inner, rest, name, depth)
        if "allOf" in node:
            (first, *others) = node["allOf"]
            rest = {k: v for k, v in node.items() if k != "allOf"}
            merged = {**first, **rest}
            for other in others:
                merged = {**merged, **other}
            return self.strategy(merged, name, depth)
        if "anyOf" in node:
            return st.one_of([self.strategy(sub, name, depth) for sub in node["anyOf"]])
        if "const" in node:
            return st.just(node["const"])
        if "enum" in node:
            return st.sampled_from(node["enum"])
        types = node["type"] if isinstance(node.get("type"), list) else [node["type"]]
        return st.one_of([self.typed(t, node, name, depth) for t in types])

    def all_of(self, inner: st.SearchStrategy[Any], rest: dict[str, Any], name: str,
               depth: int) -> st.SearchStrategy[Any]:
        # Only maxLength/minLength ever sit beside a $ref in the schema (a title is text of at most N characters).
        if set(rest) - _IGNORED - {"maxLength", "minLength"}:
            raise NotImplementedError(f"the fuzzer cannot merge {sorted(rest)} with a $ref")
        low, high = rest.get("minLength", 0), rest.get("maxLength", 10**9)
        return inner.map(lambda s: s[:high]).filter(lambda s: len(s) >= low)

    def typed(self, kind: str, node: dict[str, Any], name: str, depth: int) -> st.SearchStrategy[Any]:
        if kind == "null":
            return st.none()
        if kind == "boolean":
            return st.booleans()
        if kind == "integer":
            low, high = node.get("minimum", -(10**15)), node.get("maximum", 10**15)
            # The ends of the range are where formatting breaks: tried far more often than chance would.
            ends = sorted(x for x in {low, high, 0, 1, 99} if low <= x <= high)
            return st.one_of(st.sampled_from(ends),
                             st.integers(low, min(high, low + 200)), st.integers(low, high))
        if kind == "string":
            return self.string(node, name)
        if kind == "array":
            return st.lists(self.strategy(node["items"], name, depth), max_size=4 if name != "section" else 3)
        if kind == "object":
            return self.object(node, depth)
        raise NotImplementedError(f"the fuzzer does not know the type {kind}")

    def string(self, node: dict[str, Any], name: str) -> st.SearchStrategy[str]:
        low, high = node.get("minLength", 0), node.get("maxLength", 10**9)
        if node.get("format") == "date":
            base: st.SearchStrategy[str] = _dates()
        elif node.get("format") == "date-time":
            base = _timestamps(with_offset=True)
        elif "pattern" in node and node["pattern"].startswith("^[^"):  # text: anything but the refused characters
            base = hostile_text(importable=True)
        elif "pattern" in node:
            base = st.from_regex(node["pattern"], fullmatch=True)
        else:
            base = st.text(max_size=20)
        return base.map(lambda s: s[:high]).filter(lambda s: len(s) >= low)

    def object(self, node: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
        properties = node.get("properties", {})
        required = set(node.get("required", ()))
        extra = node.get("additionalProperties", True)
        fields: dict[str, st.SearchStrategy[Any]] = {}
        optional: dict[str, st.SearchStrategy[Any]] = {}
        for key, sub in properties.items():
            if key == "children" and depth >= self.max_depth:
                (fields if key in required else optional)[key] = st.just([])
                continue
            (fields if key in required else optional)[key] = self.strategy(sub, key, depth)
        fixed = st.fixed_dictionaries(fields, optional=optional)
        if extra is False or "propertyNames" not in node:
            return fixed
        names = node["propertyNames"]["enum"]
        more = st.dictionaries(st.sampled_from(names), self.strategy(extra, "", depth), max_size=len(names))
        return st.tuples(fixed, more).map(lambda pair: {**pair[1], **pair[0]})

    def override(self, name: str, node: dict[str, Any], depth: int) -> st.SearchStrategy[Any] | None:
        """Values shaped like real ones for the fields where chance alone would never reach the code paths."""
        if name == "key" and "minLength" in node:
            return st.one_of(st.sampled_from(SECTION_KEYS), hostile_text(importable=True).filter(bool))
        if name == "source":
            return st.one_of(st.just(""), st.sampled_from(SLOTS), st.text(max_size=10))
        if name in ("reference_docx", "templates_dir"):
            return st.just("")
        if name == "timestamp_or_null":
            return st.one_of(st.none(), _timestamps(with_offset=False), _timestamps(with_offset=True),
                             st.from_regex(node["pattern"], fullmatch=True))
        if name == "date_or_null":
            return st.one_of(st.none(), _dates())
        if name == "entry":
            return self.entry(node, depth)
        return None

    def entry(self, node: dict[str, Any], depth: int) -> st.SearchStrategy[dict[str, Any]]:
        """An entry; a table entry names one of the tables (or, now and then, one that does not exist)."""
        plain = self.object(node, depth)

        def tableise(entry: dict[str, Any], table: str) -> dict[str, Any]:
            return {**entry, "text": table} if entry["kind"] == "table" else entry

        return st.tuples(plain, st.one_of(st.sampled_from(TABLE_NAMES), st.text(VIETNAMESE, max_size=8))).map(
            lambda pair: tableise(*pair))


def _dates() -> st.SearchStrategy[str]:
    return st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat)


def _timestamps(*, with_offset: bool) -> st.SearchStrategy[str]:
    moments = st.datetimes(datetime(1, 1, 2), datetime(9999, 12, 30))
    if not with_offset:
        return moments.map(lambda m: m.isoformat(timespec="seconds"))
    offsets = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda minutes: timezone(timedelta(minutes=minutes)))
    return st.tuples(moments, offsets, st.sampled_from(["seconds", "microseconds"])).map(
        lambda t: t[0].replace(tzinfo=t[1]).isoformat(timespec=t[2]))


def _json_values() -> st.SearchStrategy[Any]:
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
        max_leaves=8,
    )


# Damage to a valid document.


def any_json() -> st.SearchStrategy[Any]:
    """Any JSON value, including the ones that trip readers: huge and negative numbers, floats, deep nesting."""
    leaves = st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
        st.sampled_from([0, -1, 1, 2, 3, 10**12, 10**13, -(10**13), 10**100, 1.5, 1e308, -0.0, 2026.0, "", "2",
                         "1e3", "NaN", "-0", "99999999999999999999.99999", "2026-02-30", "24:00"]),
        hostile_text(max_size=20),
    )
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=10)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            out += _paths(item, (*prefix, index))
    return out


@st.composite
def mutated_documents(draw: st.DrawFn, base: st.SearchStrategy[dict[str, Any]] | None = None) -> str:
    """The text of a valid document after one to three kinds of damage: a value replaced, a key removed or
    added, the version changed, the text cut or spliced with raw JSON syntax."""
    document = json.loads(json.dumps(draw(base if base is not None else documents(max_depth=2))))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(document)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "delete", "add", "version", "wrap"]))
        if action == "version":
            document["version"] = draw(st.one_of(st.sampled_from([0, -1, 1, 3, 2.0, "2", None, True, 10**30]),
                                                 st.integers()))
            continue
        if not path:
            continue
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        if action == "replace":
            parent[last] = draw(any_json())
        elif action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent[last], dict):
            parent[last][draw(st.text(max_size=8))] = draw(any_json())
        elif action == "wrap":
            parent[last] = draw(st.sampled_from([[parent[last]], {"value": parent[last]}]))
    text = json.dumps(document, ensure_ascii=draw(st.booleans()), allow_nan=True)
    cut = draw(st.sampled_from(["none", "none", "truncate", "splice"]))
    if cut == "truncate":
        text = text[: draw(st.integers(0, len(text)))]
    elif cut == "splice":
        at = draw(st.integers(0, len(text)))
        junk = draw(st.one_of(st.sampled_from(["{", "}", "[", "]", ",", ":", '"', "\\", "NaN", "-Infinity", "1" * 5000,
                                               "\\ud800", "\\u0000", "\ufeff", "\x00"]),
                              st.text(string.printable, max_size=5)))
        text = text[:at] + junk + text[at:]
    return text
