"""The Today page's keyboard shortcuts, and the help overlay that lists them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

# (keys, what it does); the page maps the same keys, the tooltips and the overlay show them.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("J / K", "Next / previous draft"),
    ("A", "Approve (goes to the outbox)"),
    ("Shift+A", "Approve all clean drafts"),
    ("S", "Skip, with an optional reason"),
    ("Z", "Snooze to a date"),
    ("N", "Never this occasion for this customer"),
    ("E", "Edit subject and body"),
    ("Ctrl+Enter / Esc", "Save / cancel an edit"),
    ("X", "Select or unselect for a group action"),
    ("Shift+J / Shift+K", "Extend the selection"),
    ("U", "Undo the last action"),
    ("?", "Show or hide this help"),
)


def tip(text: str, key: str) -> str:
    return f"{text} ({key})"


class ShortcutHelpOverlay(QWidget):
    """A dimmed layer over the page with the shortcut list; any key or click closes it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        rows = "".join(
            f"<tr><td style='padding:4px 18px 4px 0'><b>{keys}</b></td><td style='padding:4px 0'>{what}</td></tr>"
            for keys, what in SHORTCUTS
        )
        self.card = QLabel(
            "<h3 style='margin-bottom:6px'>Keyboard shortcuts</h3>"
            f"<table>{rows}</table><p style='color:#666'>Press any key to close.</p>"
        )
        self.card.setObjectName("helpCard")
        self.card.setStyleSheet(
            "#helpCard { background: palette(base); border-radius: 10px; padding: 18px 24px; }"
        )
        layout.addWidget(self.card)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.setFocus()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 110))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        self.hide()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        self.hide()
