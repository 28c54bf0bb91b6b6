"""The Products page: stock, Restocked…, who is waiting for each product, and "Notify when back"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.changes import Changes
from desktop_app.drafting import DraftRun
from desktop_app.products import list_products, restock, set_stock
from desktop_app.waitlist import add_request, open_for_product
from storage.products import Product
from ui.context import UiContext
from ui.typeahead import TypeAheadEdit, customer_suggestions, product_suggestions
from ui.visit_dialog import LogVisitDialog

COLUMNS = ("SKU", "Product", "Stock", "Waiting")
STOCK = 2


class ProductTableModel(QAbstractTableModel):
    """A small shop's products (hundreds, not 100k): held as a list, stock editable in place."""

    def __init__(self, on_stock_edited, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Product] = []
        self._on_stock_edited = on_stock_edited

    def set_rows(self, rows: list[Product]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            col = index.column()
            if col == 0:
                return p.sku or ""
            if col == 1:
                return p.label
            if col == STOCK:
                if role == Qt.ItemDataRole.EditRole:
                    return p.stock or 0
                return "—" if p.stock is None else p.stock
            return p.open_requests or ""
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (STOCK, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == STOCK and p.stock == 0:
            return QColor("#b3261e")  # out of stock
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STOCK:
            return "Double-click or F2 to change the stock"
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == STOCK else base

    def setData(self, index: QModelIndex, value: Any, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != STOCK:
            return False
        try:
            stock = int(value)
        except (TypeError, ValueError):
            return False
        if stock < 0:
            return False
        self._on_stock_edited(self.rows[index.row()].id, stock)
        return True


class ProductsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search products by name or SKU")
        self.search.setClearButtonEnabled(True)
        self.restock_button = QPushButton("&Restocked…")
        self.restock_button.setToolTip("Some came back in: draft notes for the oldest requests (Ctrl+R)")
        self.visit_button = QPushButton("Log &visit…")
        self.visit_button.setToolTip("Record a customer's visit and what they spent (Ctrl+L)")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.restock_button)
        top.addWidget(self.visit_button)

        self.model = ProductTableModel(self._edit_stock, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 110), (STOCK, 80), (3, 80)):
            self.table.setColumnWidth(col, width)

        self.waiting_box = QGroupBox("Waiting for this product")
        self.waiting = QListWidget()
        QVBoxLayout(self.waiting_box).addWidget(self.waiting)

        notify = QGroupBox("Notify when back")
        self.notify_customer = TypeAheadEdit(customer_suggestions(ctx.db), placeholder="Customer name or e-mail")
        self.notify_product = TypeAheadEdit(product_suggestions(ctx.db), placeholder="Product name or SKU")
        self.notify_variant = QLineEdit()
        self.notify_variant.setPlaceholderText("Size or variant (optional)")
        self.notify_button = QPushButton("&Add request")
        form = QFormLayout(notify)
        form.addRow("C&ustomer", self.notify_customer)
        form.addRow("&Product", self.notify_product)
        form.addRow("Varian&t", self.notify_variant)
        form.addRow("", self.notify_button)

        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setObjectName("productsStatus")

        bottom = QWidget()
        bl = QHBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.waiting_box, 1)
        side = QVBoxLayout()
        side.addWidget(notify)
        side.addStretch(1)
        bl.addLayout(side, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Products</h2>"))
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_timer.start)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.restock_button.clicked.connect(self.ask_restock)
        self.visit_button.clicked.connect(self.open_log_visit)
        # Enter moves on to the next field once this one is settled; on the last it adds.
        self.notify_customer.returnPressed.connect(lambda: self._advance(self.notify_customer, self.notify_product))
        self.notify_product.returnPressed.connect(lambda: self._advance(self.notify_product, self.notify_variant))
        self.notify_variant.returnPressed.connect(self.add_notify_request)
        self.notify_button.clicked.connect(self.add_notify_request)
        for key, slot in (("Ctrl+R", self.ask_restock), ("Ctrl+L", self.open_log_visit),
                          ("Ctrl+F", self.search.setFocus)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        ctx.hub.changed.connect(self._on_changes)
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def activated(self) -> None:
        self.reload()

    def reload(self) -> None:
        selected = self.selected_product()
        self.model.set_rows(list_products(self.ctx.db, self.search.text()))
        if selected is not None:
            for row, p in enumerate(self.model.rows):
                if p.id == selected.id:
                    self.table.selectRow(row)
                    break
        self._selection_changed()

    def selected_product(self) -> Product | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.rows[rows[0].row()] if rows else None

    def _selection_changed(self, *args) -> None:
        product = self.selected_product()
        self.waiting.clear()
        self.restock_button.setEnabled(product is not None)
        if product is None:
            self.waiting_box.setTitle("Waiting for this product")
            return
        self.waiting_box.setTitle(f"Waiting for {product.label}")
        requests = open_for_product(self.ctx.db, product.id)
        for r in requests:
            variant = f" — {r.variant}" if r.variant else ""
            self.waiting.addItem(f"{r.customer_name or 'Customer ' + str(r.customer_id)}{variant}, "
                                 f"asked {r.asked_at[:10]}")
        if not requests:
            self.waiting.addItem("Nobody is waiting.")
        if not self.notify_product.text():
            self.notify_product.setText(product.label)
            self.notify_product.chosen_id = product.id

    def _on_changes(self, changes: Changes) -> None:
        if changes.products or changes.customers:
            self.reload()

    # -- writing (write lane) -----------------------------------------------------------------

    def _edit_stock(self, product_id: int, stock: int) -> None:
        self.ctx.tasks.run("write", lambda t: set_stock(t.db, product_id, stock),
                           on_done=self._after_run, parent=self)

    def ask_restock(self) -> None:
        product = self.selected_product()
        if product is None:
            self.status.setText("Select a product first.")
            return
        quantity, ok = QInputDialog.getInt(
            self, "Restocked", f"How many {product.label} came back in?", 1, 1, 100_000)
        if ok:
            self.restock_selected(quantity)

    def restock_selected(self, quantity: int) -> None:
        product = self.selected_product()
        if product is None:
            return
        self.ctx.tasks.run("write", lambda t: restock(t.db, product.id, quantity),
                           on_done=self._after_run, parent=self)

    def _after_run(self, run: DraftRun) -> None:
        if run.created:
            self.status.setText(f"{run.created} back-in-stock note{'s' if run.created != 1 else ''} "
                                "drafted for your review.")
        elif run.skipped:
            self.status.setText(f"Nobody could be written to ({len(run.skipped)} skipped).")
        else:
            self.status.setText("Stock saved.")
        self.ctx.hub.announce(Changes(products=True, drafts=bool(run.created)))
        self.reload()

    def _advance(self, edit: TypeAheadEdit, following: QWidget) -> None:
        if edit.resolve() is not None:
            following.setFocus()
        else:
            self.status.setText("Several match: pick one from the suggestions (arrow keys, Enter).")

    def add_notify_request(self) -> None:
        customer_id = self.notify_customer.resolve()
        product_id = self.notify_product.resolve()
        if customer_id is None or product_id is None:
            missing = "customer" if customer_id is None else "product"
            self.status.setText(f"Pick a {missing} from the suggestions first.")
            (self.notify_customer if customer_id is None else self.notify_product).setFocus()
            return
        variant = self.notify_variant.text()

        def done(request) -> None:
            self.status.setText(f"{request.customer_name} will hear when {request.product_name} is back.")
            self.notify_customer.reset()
            self.notify_variant.clear()
            self.notify_customer.setFocus()
            self.ctx.hub.announce(Changes(products=True))

        self.ctx.tasks.run(
            "write",
            lambda t: add_request(t.db, customer_id=customer_id, product_id=product_id, variant=variant),
            on_done=done, parent=self,
        )

    def open_log_visit(self) -> None:
        dialog = LogVisitDialog(self.ctx, self)
        dialog.open()
