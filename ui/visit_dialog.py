"""The quick Log visit dialog: customer type-ahead, optional amount, Enter to log."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import Changes
from desktop_app.settings import load_settings
from desktop_app.visits import log_visit, loyalty_of
from ui.context import UiContext
from ui.typeahead import TypeAheadEdit, customer_suggestions


class LogVisitDialog(QDialog):
    """Type a few letters of the name, pick, optionally an amount, Enter. Stays open for the next."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Log visit")
        self.customer = TypeAheadEdit(customer_suggestions(ctx.db), placeholder="Name or e-mail")
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0, 1_000_000)
        self.amount.setDecimals(2)
        self.amount.setSpecialValueText("no sale")
        self.amount.setPrefix(f"{ctx.settings().currency} ")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Customer", self.customer)
        form.addRow("&Amount", self.amount)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.log_button = buttons.addButton("&Log visit", QDialogButtonBox.ButtonRole.AcceptRole)
        self.log_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.customer.returnPressed.connect(self.amount.setFocus)

    def submit(self) -> None:
        customer_id = self.customer.resolve()
        if customer_id is None:
            self.status.setText("Pick a customer from the list first.")
            self.customer.setFocus()
            return
        amount = self.amount.value() or None
        label = self.customer.text()

        def work(task):
            settings = load_settings(task.db)
            log_visit(task.db, customer_id, amount=amount, settings=settings)
            return loyalty_of(task.db, customer_id, settings)

        def done(card) -> None:
            self.status.setText(f"Logged: {label} — {card.visits} visits, {card.stamps}/{card.stamp_every} "
                                f"stamps, {card.points} points.")
            self.ctx.hub.announce(Changes(customers=True))
            self.customer.reset()
            self.amount.setValue(0)
            self.customer.setFocus()

        self.ctx.tasks.run("write", work, on_done=done, parent=self)
