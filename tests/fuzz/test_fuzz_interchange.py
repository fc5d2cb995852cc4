"""The reader under fuzzing: any text gives a Report or a UserError that says what is wrong, never a traceback."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from app import i18n
from app.domain.demo import demo_report
from app.domain.errors import UserError
from app.domain.report import Report
from app.services.interchange import dumps_report, loads_report
from tests.fuzz.harness import envelope_text
from tests.fuzz.strategies import documents, fuzz_settings, mutated_documents, schema


@pytest.fixture(autouse=True)
def english():
    """Messages in English, the msgids the assertions quote."""
    i18n.set_language("en")


def read(text: str) -> Report | UserError:
    """What the reader makes of text; any exception but a UserError fails the test with its traceback."""
    try:
        return loads_report(text)
    except UserError as exc:
        assert str(exc).strip(), "a refusal says what is wrong"
        return exc


@fuzz_settings(15)
@given(documents())
def test_every_generated_document_satisfies_the_schema(document):
    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [e.message for e in validator.iter_errors(document)] == []


@fuzz_settings(30)
@given(documents(), st.booleans())
def test_every_document_the_schema_allows_reads_as_a_report_or_a_user_error(document, ascii_only):
    read(envelope_text(document, ascii_only=ascii_only))


_DEMO = json.loads(dumps_report(demo_report()))


@fuzz_settings(80)
@given(mutated_documents(st.one_of(st.just(_DEMO), documents(max_depth=1))))
def test_every_damaged_document_reads_as_a_report_or_a_user_error(text):
    read(text)


@fuzz_settings(100)
@given(st.one_of(st.text(), st.binary().map(lambda b: b.decode("utf-8", "surrogateescape"))))
def test_any_text_reads_as_a_report_or_a_user_error(text):
    read(text)


# Regressions the fuzzing found.


@pytest.mark.parametrize("version", [0, -1, -(10**20)])
def test_a_version_below_one_is_refused_with_a_message(version):
    document = {**_DEMO, "version": version}
    with pytest.raises(UserError):
        loads_report(json.dumps(document))


def test_a_number_too_long_to_read_is_refused_with_a_message():
    with pytest.raises(UserError, match="number"):
        loads_report('{"format": "tongket-report", "version": ' + "1" * 5000 + "}")


def test_half_a_character_is_refused_with_the_field_it_is_in():
    document = json.loads(json.dumps(_DEMO))
    document["report"]["organisation"]["signature"]["name"] = "Nguyễn \ud800Văn A"
    with pytest.raises(UserError) as raised:
        loads_report(json.dumps(document))
    assert "report.organisation.signature.name" in str(raised.value)
