"""The customer card: details to edit, visits and requests, and every note sent to them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QTabWidget, QVBoxLayout, QWidget

from desktop_app.changes import Changes
from desktop_app.outbox_actions import sent_to_customer
from ui.context import UiContext
from ui.customer_occasions import CustomerOccasionsPanel
from ui.customers.detail import CustomerDetailPanel
from ui.sent_model import STATE_WORDS, when_text


class CustomerHistoryList(QWidget):
    """What was sent (or waits to be sent) to one customer, newest first."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list = QListWidget()
        self.list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(QLabel("Notes to this customer"))
        layout.addWidget(self.list, 1)

    def show_customer(self, customer_id: int | None) -> None:
        self.list.clear()
        if customer_id is None:
            return
        rows = sent_to_customer(self.ctx.db, customer_id)
        for row in rows:
            state = STATE_WORDS.get(row.state, row.state)
            self.list.addItem(f"{when_text(row)} · {state}\n{row.subject}")
        if not rows:
            self.list.addItem("Nothing sent yet.")


class CustomerCard(QTabWidget):
    """Tabs beside the table. The extra tabs load only when they are looked at."""

    def __init__(self, ctx: UiContext, detail: CustomerDetailPanel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.occasions = CustomerOccasionsPanel(ctx)
        self.history = CustomerHistoryList(ctx)
        self.addTab(detail, "Details")
        self.addTab(self.occasions, "Visits && requests")
        self.addTab(self.history, "Sent")
        self.customer_id: int | None = None
        self._stale = {1: True, 2: True}
        self.currentChanged.connect(self._refresh_current)
        ctx.hub.changed.connect(self._on_changes)

    def show_customer_id(self, customer_id: int | None) -> None:
        if customer_id == self.customer_id:
            return
        self.customer_id = customer_id
        self._stale = {1: True, 2: True}
        self._refresh_current()

    def _refresh_current(self, *_args) -> None:
        index = self.currentIndex()
        if not self._stale.get(index):
            return
        self._stale[index] = False
        if index == 1:
            self.occasions.show_customer(self.customer_id)
        elif index == 2:
            self.history.show_customer(self.customer_id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.outbox or changes.drafts:
            self._stale[2] = True
            self._refresh_current()
