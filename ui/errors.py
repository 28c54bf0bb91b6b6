"""The owner-facing error path: AppError dialogs, and a crash handler that logs and shows the text."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import AppError

log = logging.getLogger("fondly")


def show_app_error(parent: QWidget | None, error: AppError) -> None:
    """What happened, and what to do next."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Fondly")
    box.setText(error.message)
    if error.hint:
        box.setInformativeText(error.hint)
    box.exec()


class CrashDialog(QDialog):
    """Shows a traceback as copyable text, with where the log file is."""

    def __init__(self, text: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fondly ran into a problem")
        layout = QVBoxLayout(self)
        where = f" It was written to {log_file}." if log_file else ""
        intro = QLabel(
            "Something went wrong inside Fondly. Your data is safe: nothing half-done was saved."
            f"{where} If it happens again, copy the text below and send it to us."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit(text)
        self.details.setReadOnly(True)
        self.details.setMinimumSize(560, 220)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy text", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def install_excepthook(log_file: Path | None, *, show: bool = True) -> None:
    """Log uncaught exceptions to *log_file* and show them in a :class:`CrashDialog`."""
    if log_file is not None:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.getLogger().addHandler(handler)
        logging.getLogger().setLevel(logging.INFO)
    showing = False

    def hook(exc_type, exc, tb) -> None:
        nonlocal showing
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("Uncaught exception:\n%s", text)
        if show and not showing:
            showing = True  # a crash inside the dialog must not open another one forever
            try:
                CrashDialog(text, log_file).exec()
            finally:
                showing = False
        else:
            sys.__excepthook__(exc_type, exc, tb)

    sys.excepthook = hook
