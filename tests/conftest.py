"""Shared test set-up: offscreen Qt, a temporary data folder per test, the Vietnamese catalog."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app import i18n


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    """Every test gets its own user data folder, so no test touches the real database."""
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setenv("TONGKET_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def vietnamese():
    """Messages in Vietnamese, the app's default language; restored after each test."""
    i18n.set_language("vi")
    yield
    i18n.set_language("vi")


@pytest.fixture
def demo():
    from app.domain.demo import demo_report

    return demo_report()
