"""What the Customers page shows before there is anyone on the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyCustomersWidget(QWidget):
    """A friendly line and two ways to start: import a list (hidden until the import feature
    hands in its action) or add someone by hand."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel("<h2>No customers yet</h2>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel("Fondly writes birthday, back-in-stock and thank-you notes to the people on "
                      "your customer list. Bring in the list you already keep, or add people one "
                      "by one.")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(520)
        self.import_button = QPushButton("Import a customer list…")
        self.import_button.hide()
        self.add_button = QPushButton("Add a customer")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
