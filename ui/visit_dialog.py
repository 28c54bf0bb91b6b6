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
from desktop_app.errors import AppError
from desktop_app.settings import load_settings
from desktop_app.visits import log_visit, loyalty_of
from ui.context import UiContext
from ui.typeahead import TypeAheadEdit, customer_suggestions


class LogVisitDialog(QDialog):
    """Type a few letters of the name, pick, optionally an amount, Enter. Stays open for the next."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 customer_id: int | None = None, customer_label: str = "") -> None:
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
        # Enter is handled per field (customer → amount → log), never by a default button.
        for button in buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self._busy = False
        self.customer.chosen.connect(self._to_amount)
        self.amount.lineEdit().returnPressed.connect(self.submit)
        if customer_id is not None:
            self.customer.setText(customer_label)
            self.customer.chosen_id = customer_id
            self.amount.setFocus()

    def _to_amount(self, _customer_id: int) -> None:
        # Enter on the customer moves on to the amount; Enter there logs the visit.
        self.amount.setFocus()
        self.amount.selectAll()

    def submit(self) -> None:
        if self._busy:  # a second Enter while the first visit is being written
            return
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
            self._busy = False
            self.status.setText(f"Logged: {label} — {card.visits} visits, {card.stamps}/{card.stamp_every} "
                                f"stamps, {card.points} points.")
            self.ctx.hub.announce(Changes(customers=True))
            self.customer.reset()
            self.amount.setValue(0)
            self.customer.setFocus()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.status.setText(str(exc) if isinstance(exc, AppError) else "Could not log the visit.")
            if not isinstance(exc, AppError):
                raise exc

        self._busy = True
        self.ctx.tasks.run("write", work, on_done=done, on_error=failed, parent=self)
