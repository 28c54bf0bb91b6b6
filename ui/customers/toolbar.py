"""The row above the customer table: search box, count, and the Import / Add / Delete buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget


class CustomersToolbar(QWidget):
    """Widgets only; the page connects them (it owns the behaviour)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names, e-mail, phone and notes   (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel("Loading…")
        self.count_label.setObjectName("customerCount")
        self.import_button = QPushButton("Import…")
        self.import_button.setToolTip("Import customers from a file (Ctrl+I)")
        self.import_button.hide()  # shown once the import feature hooks in
        self.add_button = QPushButton("Add customer")
        self.add_button.setToolTip("Add a customer (Ctrl+N)")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.setToolTip("Delete the selected customers (Delete)")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        row.addWidget(self.count_label)
        row.addSpacing(12)
        row.addWidget(self.import_button)
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
