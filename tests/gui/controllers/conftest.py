"""What every controller is handed: a window to parent dialogs, a runner over a real database, the prompts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from app.gui.controllers.prompts import Prompts
from app.gui.controllers.runner import ServiceRunner
from app.gui.editing import ReportEditing
from app.gui.tasks import Tasks
from app.services.sessions import open_sessions


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def runner(parent):
    runner = ServiceRunner(Tasks(inline=True), parent)
    runner.sessions = open_sessions()
    yield runner
    runner.sessions.close()


@pytest.fixture
def prompts(parent, runner):
    prompts = Prompts(parent)
    runner.failed.connect(prompts.show_error)
    return prompts


@pytest.fixture
def editing(runner, parent):
    return ReportEditing(runner.tasks, lambda: runner.sessions, parent)
