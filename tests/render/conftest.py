"""Fixtures for the render tests: the sample report model and its .docx written to a temporary folder."""

from __future__ import annotations

import pytest

from tests.render.sample import sample_model


@pytest.fixture
def model():
    return sample_model()


@pytest.fixture
def docx_path(tmp_path, model):
    from app.render.docx_writer import write_docx

    path = tmp_path / "bao-cao.docx"
    write_docx(model, path)
    return path
