"""A slim bar under the queue that asks one thing (a reason, a date, a confirmation): no modal dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class InlinePromptBar(QWidget):
    """Enter confirms, Esc cancels. ``accepted`` carries the text, the date or True."""

    accepted = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptBar")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#promptBar { background: #fff6d6; border-top: 1px solid #e0c96a; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)  # names are escaped by the caller
        self.text = QLineEdit()
        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.confirm = QPushButton()
        self.confirm.setDefault(True)
        self.cancel = QPushButton("Cancel (Esc)")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.date)
        layout.addWidget(self.confirm)
        layout.addWidget(self.cancel)
        self.confirm.clicked.connect(self._accept)
        self.cancel.clicked.connect(self._cancel)
        for widget in (self, self.text, self.date, self.confirm, self.cancel):
            widget.installEventFilter(self)
        self._kind = ""
        self.hide()

    @property
    def kind(self) -> str:
        """What is being asked (``skip``, ``snooze``, ``override``…), '' when hidden."""
        return self._kind if self.isVisible() else ""

    def ask_text(self, kind: str, label: str, button: str, placeholder: str = "") -> None:
        self._open(kind, label, button)
        self.text.clear()
        self.text.setPlaceholderText(placeholder)
        self.text.show()
        self.text.setFocus()

    def ask_date(self, kind: str, label: str, button: str, *, default: dt.date, minimum: dt.date) -> None:
        self._open(kind, label, button)
        self.date.setMinimumDate(QDate(minimum.year, minimum.month, minimum.day))
        self.date.setDate(QDate(default.year, default.month, default.day))
        self.date.show()
        self.date.setFocus()

    def ask_confirm(self, kind: str, label: str, button: str) -> None:
        self._open(kind, label, button)
        self.confirm.setFocus()

    def close_prompt(self) -> None:
        self._kind = ""
        self.hide()

    def _open(self, kind: str, label: str, button: str) -> None:
        self._kind = kind
        self.label.setText(label)
        self.confirm.setText(f"{button} (Enter)")
        self.text.hide()
        self.date.hide()
        self.show()

    def _accept(self) -> None:
        if self.text.isVisible():
            value: object = self.text.text()
        elif self.date.isVisible():
            value = self.date.date().toPython()
        else:
            value = True
        self.close_prompt()
        self.accepted.emit(value)

    def _cancel(self) -> None:
        self.close_prompt()
        self.cancelled.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and self.isVisible():
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._accept()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self._cancel()
                return True
        return False
