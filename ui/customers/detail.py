"""The detail panel beside the customer table: view, edit and save one customer, or add a new one."""

from __future__ import annotations

import calendar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from storage.customers import Customer, display_name_for
from ui.choices import LANGUAGES

CONSENTS = (("unknown", "Unknown — not asked yet"), ("yes", "Yes — agreed to e-mails"),
            ("no", "No — said no to e-mails"))


class CustomerDetailPanel(QWidget):
    """Shows one customer as an editable form. ``save_requested(id_or_None, values)`` asks the
    page to save (None means a new customer); the page runs it on the write lane."""

    save_requested = Signal(object, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.customer: Customer | None = None
        self._new = False
        self._loading = False
        self.dirty = False

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("customerStatus")

        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText("First and last name")
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.com")
        self.phone = QLineEdit()
        self.birth_month = QComboBox()
        self.birth_month.addItem("Month", 0)
        for month in range(1, 13):
            self.birth_month.addItem(calendar.month_name[month], month)
        self.birth_day = QSpinBox()
        self.birth_day.setRange(0, 31)
        self.birth_day.setSpecialValueText("Day")
        self.birth_year = QLineEdit()
        self.birth_year.setPlaceholderText("Year")
        self.birth_year.setToolTip("Optional: leave empty when you do not know the year.")
        self.birth_year.setValidator(QIntValidator(1900, 2100, self))
        self.birth_year.setMaximumWidth(120)
        birthday = QHBoxLayout()
        birthday.setContentsMargins(0, 0, 0, 0)
        birthday.addWidget(self.birth_month, 2)
        birthday.addWidget(self.birth_day, 1)
        birthday.addWidget(self.birth_year, 1)
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.addItem("The shop's language", "")
        for code, label in LANGUAGES:
            self.language.addItem(f"{label} ({code})", code)
        self.consent = QComboBox()
        for value, label in CONSENTS:
            self.consent.addItem(label, value)
        self.do_not_contact = QCheckBox("Do not contact")
        self.do_not_contact.setToolTip("Fondly never writes to customers marked so.")
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("regular, wholesale, …")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Anything worth remembering")
        self.notes.setTabChangesFocus(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("First name", self.first_name)
        form.addRow("Last name", self.last_name)
        form.addRow("Shown as", self.display_name)
        form.addRow("E-mail", self.email)
        form.addRow("Phone", self.phone)
        form.addRow("Birthday", birthday)
        form.addRow("Language", self.language)
        form.addRow("E-mail consent", self.consent)
        form.addRow("", self.do_not_contact)
        form.addRow("Tags", self.tags)
        form.addRow("Notes", self.notes)

        self.save_button = QPushButton("Save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.request_save)
        self.revert_button = QPushButton("Revert")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)

        for edit in (self.first_name, self.last_name, self.display_name, self.email, self.phone,
                     self.birth_year, self.tags):
            edit.textEdited.connect(self._mark_dirty)
            edit.returnPressed.connect(self.request_save)
        self.notes.textChanged.connect(self._mark_dirty)
        self.birth_month.currentIndexChanged.connect(self._mark_dirty)
        self.birth_day.valueChanged.connect(self._mark_dirty)
        self.language.currentTextChanged.connect(self._mark_dirty)
        self.consent.currentIndexChanged.connect(self._mark_dirty)
        self.do_not_contact.toggled.connect(self._mark_dirty)
        self.show_nothing()

    # -- what is shown -------------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.customer, self._new = None, False
        self._fill(None)
        self.heading.setText("No customer selected")
        self.status.setText("Choose a customer in the list, or press Ctrl+N to add one.")
        self._set_enabled(False)

    def show_customer(self, customer: Customer) -> None:
        self.customer, self._new = customer, False
        self._fill(customer)
        self._set_enabled(True)

    def start_new(self) -> None:
        self.customer, self._new = None, True
        self._fill(None)
        self.heading.setText("New customer")
        self.status.setText("Fill in what you know; a name, an e-mail or a phone number is enough.")
        self._set_enabled(True)
        self.first_name.setFocus()

    @property
    def is_new(self) -> bool:
        return self._new

    def focus_first_field(self) -> None:
        self.first_name.setFocus()
        self.first_name.selectAll()

    def revert(self) -> None:
        if self._new:
            self.start_new()
        elif self.customer is not None:
            self.show_customer(self.customer)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.first_name, self.last_name, self.display_name, self.email, self.phone,
                       self.birth_month, self.birth_day, self.birth_year, self.language, self.consent,
                       self.do_not_contact, self.tags, self.notes, self.save_button,
                       self.revert_button):
            widget.setEnabled(enabled)

    def _fill(self, c: Customer | None) -> None:
        self._loading = True
        try:
            self.first_name.setText(c.first_name if c else "")
            self.last_name.setText(c.last_name if c else "")
            self.display_name.setText(c.display_name if c else "")
            self.email.setText((c.email or "") if c else "")
            self.phone.setText((c.phone or "") if c else "")
            self.birth_month.setCurrentIndex((c.birth_month or 0) if c else 0)
            self.birth_day.setValue((c.birth_day or 0) if c else 0)
            self.birth_year.setText(str(c.birth_year) if c and c.birth_year else "")
            code = (c.language or "") if c else ""
            found = self.language.findData(code)
            if found >= 0:
                self.language.setCurrentIndex(found)
            else:
                self.language.setEditText(code)
            self.consent.setCurrentIndex(max(0, self.consent.findData(c.email_consent if c else "unknown")))
            self.do_not_contact.setChecked(bool(c and c.do_not_contact))
            self.tags.setText(c.tags if c else "")
            self.notes.setPlainText(c.notes if c else "")
            if c is not None:
                self.heading.setText(c.name or "Unnamed customer")
                self.status.setText(_status_line(c))
        finally:
            self._loading = False
        self.dirty = False

    def _mark_dirty(self, *_args) -> None:
        if not self._loading:
            self.dirty = True

    # -- saving --------------------------------------------------------------------------------

    def values(self) -> dict:
        """The form as the values ``customer_list.save_customer`` / ``add_customer`` take."""
        year_text = self.birth_year.text().strip()
        typed = self.language.currentText().strip()
        found = self.language.findText(typed)
        language = self.language.itemData(found) if found >= 0 else typed
        first, last = self.first_name.text().strip(), self.last_name.text().strip()
        shown = self.display_name.text().strip()
        before = self.customer
        # "Shown as" follows the name unless the owner chose something else for it.
        if not shown or (before is not None and shown == before.display_name
                         and shown == display_name_for(before.first_name, before.last_name)):
            shown = display_name_for(first, last)
        return {
            "first_name": first,
            "last_name": last,
            "display_name": shown,
            "email": self.email.text(),
            "phone": self.phone.text(),
            "birth_month": self.birth_month.currentData() or None,
            "birth_day": self.birth_day.value() or None,
            "birth_year": int(year_text) if year_text.isdigit() else None,
            "language": language or None,
            "email_consent": self.consent.currentData(),
            "do_not_contact": self.do_not_contact.isChecked(),
            "tags": self.tags.text(),
            "notes": self.notes.toPlainText(),
        }

    def request_save(self) -> None:
        if self._new:
            self.save_requested.emit(None, self.values())
        elif self.customer is not None:
            self.save_requested.emit(self.customer.id, self.values())


def _status_line(c: Customer) -> str:
    if c.do_not_contact:
        return "Do not contact: Fondly will never write to this customer."
    if not c.email:
        return "No e-mail address: Fondly cannot write to this customer."
    if c.email_consent == "no":
        return "Said no to e-mails: Fondly will not write to them."
    if c.email_consent == "unknown":
        return "E-mail consent unknown: check your Settings for whether Fondly may write."
    return "Agreed to e-mails."
