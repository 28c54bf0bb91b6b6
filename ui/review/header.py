"""The Today page's top: title, counts, Undo, Approve all clean, help, and the no-account banner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.review.shortcuts import tip


class ReviewHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("<h2 style='margin:0'>Today</h2>")
        self.counts = QLabel()
        self.undo_button = QPushButton("Undo")
        self.undo_button.setToolTip(tip("Undo the last action", "U"))
        self.clean_button = QPushButton("Approve all clean")
        self.clean_button.setToolTip(tip("Approve every draft the check found nothing wrong with", "Shift+A"))
        self.help_button = QPushButton("?")
        self.help_button.setToolTip(tip("Keyboard shortcuts", "?"))
        self.help_button.setFixedWidth(32)
        for button in (self.undo_button, self.clean_button, self.help_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the queue keeps the keyboard
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.counts)
        top.addStretch(1)
        top.addWidget(self.undo_button)
        top.addWidget(self.clean_button)
        top.addWidget(self.help_button)
        self.banner = QLabel("No mail account yet: approved notes wait safely in the outbox until you "
                             "add one in Settings → Mail account.")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background:#e8f1fb; border:1px solid #b6d0ee; border-radius:6px; padding:8px;"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(top)
        layout.addWidget(self.banner)
