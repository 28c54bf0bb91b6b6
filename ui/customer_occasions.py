"""The occasions part of a customer card: visits, stamps and points, open requests, quick entry."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import Changes
from desktop_app.visits import loyalty_of
from desktop_app.waitlist import add_request, open_for_customer
from storage import customers
from ui.context import UiContext
from ui.typeahead import TypeAheadEdit, product_suggestions
from ui.visit_dialog import LogVisitDialog


class CustomerOccasionsPanel(QWidget):
    """Embed under a customer's details; call :meth:`show_customer` when the selection changes."""

    changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.requests = QListWidget()
        self.requests.setMaximumHeight(90)
        self.product = TypeAheadEdit(product_suggestions(ctx.db), placeholder="Notify when back: product…")
        self.variant = QLineEdit()
        self.variant.setPlaceholderText("Size / variant")
        self.variant.setMaximumWidth(130)
        self.add_button = QPushButton("Add")
        self.visit_button = QPushButton("Log visit…")
        self.status = QLabel("")
        entry = QHBoxLayout()
        entry.addWidget(self.product, 1)
        entry.addWidget(self.variant)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.visit_button)
        layout.addLayout(top)
        layout.addWidget(QLabel("Waiting for"))
        layout.addWidget(self.requests)
        layout.addLayout(entry)
        layout.addWidget(self.status)
        layout.addStretch(1)  # keep the panel at the top of a tall card
        self.product.chosen.connect(lambda _id: self.variant.setFocus())
        self.variant.returnPressed.connect(self.add_request)
        self.add_button.clicked.connect(self.add_request)
        self.visit_button.clicked.connect(self.open_log_visit)
        ctx.hub.changed.connect(self._on_changes)
        self.show_customer(None)

    def show_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self.setEnabled(customer_id is not None)
        self.requests.clear()
        self.status.setText("")
        if customer_id is None:
            self.summary.setText("")
            return
        card = loyalty_of(self.ctx.db, customer_id, self.ctx.settings())
        if card.visits:
            self.summary.setText(
                f"{card.visits} visit{'s' if card.visits != 1 else ''} · {card.stamps}/{card.stamp_every} "
                f"stamps · {card.points} points · last visit {card.last_visit[:10]}")
        else:
            self.summary.setText("No visits logged yet.")
        for r in open_for_customer(self.ctx.db, customer_id):
            variant = f" ({r.variant})" if r.variant else ""
            self.requests.addItem(f"{r.product_name}{variant}, asked {r.asked_at[:10]}")
        if self.requests.count() == 0:
            self.requests.addItem("Nothing.")

    def add_request(self) -> None:
        product_id = self.product.resolve()
        if self.customer_id is None or product_id is None:
            self.status.setText("Pick a product from the suggestions first.")
            return
        customer_id, variant = self.customer_id, self.variant.text()

        def done(_request) -> None:
            self.product.reset()
            self.variant.clear()
            self.ctx.hub.announce(Changes(products=True))
            self.show_customer(customer_id)
            self.status.setText("Added.")

        self.ctx.tasks.run("write", lambda t: add_request(
            t.db, customer_id=customer_id, product_id=product_id, variant=variant),
            on_done=done, parent=self)

    def open_log_visit(self) -> None:
        if self.customer_id is None:
            return
        customer = customers.get(self.ctx.db, self.customer_id)
        label = customer.name if customer else ""
        LogVisitDialog(self.ctx, self, customer_id=self.customer_id, customer_label=label).open()

    def _on_changes(self, changes: Changes) -> None:
        if (changes.customers or changes.products) and self.customer_id is not None:
            self.show_customer(self.customer_id)
