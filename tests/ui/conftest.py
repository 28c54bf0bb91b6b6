"""UI fixtures: a real workspace on disk, a real TaskManager, and a page-state file per test."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop_app.workspace import Workspace
from storage import customers
from ui.context import UiContext
from ui.tasks import TaskManager

FIRST = ("Ann", "Bob", "Zoë", "Chloé", "Sam", "Maria", "Jon", "Lea", "Omar", "Ines")
LAST = ("Smith", "Jones", "Brown", "Müller", "García", "Rossi", "Dubois", "Kowalski")


def fill_customers(db, n: int, *, seed: int = 7) -> None:
    """*n* varied customers: every third has a phone, consent mixed, some year-less birthdays."""
    rnd = random.Random(seed)
    customers.insert_many(db, (
        {
            "first_name": rnd.choice(FIRST),
            "last_name": f"{rnd.choice(LAST)}{i:04d}",
            "email": f"person{i}@example.com",
            "phone": f"+1 503 555 {i:04d}" if i % 3 == 0 else None,
            "birth_month": rnd.randint(1, 12),
            "birth_day": rnd.randint(1, 28),
            "birth_year": rnd.randint(1950, 2005) if i % 2 else None,
            "email_consent": ("yes", "no", "unknown")[i % 3],
            "do_not_contact": i % 50 == 0,
            "notes": "likes sourdough" if i % 10 == 0 else "",
        }
        for i in range(n)
    ))


@pytest.fixture(autouse=True)
def _no_modifier_left_held(qapp):
    """Each test starts with no modifier key held.

    Qt remembers the modifiers of the last key event it handled; after a test's Shift+A, a
    later test's ``table.selectRow`` would extend a selection instead of making one (seen
    when the sample-bakery morning test ran before the Sent page's on one worker).
    """
    yield
    if QGuiApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(QWidget(), Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)


@pytest.fixture
def workspace(data_dir) -> Workspace:
    return Workspace(data_dir)


@pytest.fixture
def ui_ctx(workspace):
    """A UiContext over a real store; lanes open their own connections to the same file."""
    errors: list = []
    db = workspace.connect()
    tasks = TaskManager(workspace.connect, error_handler=lambda parent, exc: errors.append(exc))
    ctx = UiContext(workspace=workspace, db=db, tasks=tasks)
    ctx.shown_errors = errors  # what would have been shown to the owner
    yield ctx
    tasks.shutdown()
    db.close()


@pytest.fixture
def page_state(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "ui-state.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path):
    """Windows that save their state with ``QSettings()`` write into the test's folder, not $HOME."""
    folder = str(tmp_path / "qsettings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    yield folder
