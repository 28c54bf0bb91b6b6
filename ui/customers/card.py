"""The customer card: details to edit, visits and requests, and every note sent to them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QListWidget, QTabWidget, QVBoxLayout, QWidget

from desktop_app.changes import Changes
from ui.context import UiContext
from ui.customers.detail import CustomerDetailPanel

if TYPE_CHECKING:
    from ui.customer_occasions import CustomerOccasionsPanel


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
        from desktop_app.outbox_actions import sent_to_customer
        from ui.sent_model import STATE_WORDS, when_text

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
        # The extra tabs' panels (and their modules) are built when first looked at: the card
        # is part of the window's start, its tabs are not.
        self._occasions: CustomerOccasionsPanel | None = None
        self._history: CustomerHistoryList | None = None
        self._slots = [_Slot(), _Slot()]
        self.addTab(detail, "Details")
        self.addTab(self._slots[0], "Visits && requests")
        self.addTab(self._slots[1], "Sent")
        self.customer_id: int | None = None
        self._stale = {1: True, 2: True}
        self.currentChanged.connect(self._refresh_current)
        ctx.hub.changed.connect(self._on_changes)

    @property
    def occasions(self) -> CustomerOccasionsPanel:
        if self._occasions is None:
            from ui.customer_occasions import CustomerOccasionsPanel

            self._occasions = CustomerOccasionsPanel(self.ctx)
            self._slots[0].put(self._occasions)
        return self._occasions

    @property
    def history(self) -> CustomerHistoryList:
        if self._history is None:
            self._history = CustomerHistoryList(self.ctx)
            self._slots[1].put(self._history)
        return self._history

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


class _Slot(QWidget):
    """A tab's page that takes its panel when the panel is first needed."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def put(self, panel: QWidget) -> None:
        self._layout.addWidget(panel)
