"""The crash path: uncaught exceptions are logged to the data folder's file and shown as text."""

from __future__ import annotations

import logging
import sys

import pytest

from ui.errors import CrashDialog, install_excepthook


@pytest.fixture
def restore_hooks():
    hook, root = sys.excepthook, logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
            root.removeHandler(handler)
    root.setLevel(level)
    sys.excepthook = hook


def test_excepthook_logs_the_traceback_to_the_file(tmp_path, restore_hooks):
    log_file = tmp_path / "fondly.log"
    install_excepthook(log_file, show=False)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        # What Python does for an uncaught exception: hand it to sys.excepthook.
        sys.excepthook(type(exc), exc, exc.__traceback__)
    text = log_file.read_text(encoding="utf-8")
    assert "Uncaught exception" in text
    assert "RuntimeError: boom in a slot" in text
    assert "test_excepthook_logs_the_traceback_to_the_file" in text  # the traceback itself


def test_crash_dialog_shows_copyable_text(qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QPushButton

    dialog = CrashDialog("Traceback: boom", tmp_path / "fondly.log")
    qtbot.addWidget(dialog)
    assert dialog.details.isReadOnly() and dialog.details.toPlainText() == "Traceback: boom"
    copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy text")
    copy.click()
    assert QGuiApplication.clipboard().text() == "Traceback: boom"
