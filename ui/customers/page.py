"""CustomersPage: search box, the big table, the detail panel, add and delete, and their keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import customer_list
from desktop_app.changes import Changes
from desktop_app.errors import AppError
from ui.context import UiContext
from ui.customers.card import CustomerCard
from ui.customers.detail import CustomerDetailPanel
from ui.customers.empty import EmptyCustomersWidget
from ui.customers.id_loader import Head, IdLoader
from ui.customers.model import PAGE_SIZE, CustomerTableModel
from ui.customers.table import CustomerTableView
from ui.customers.toolbar import CustomersToolbar
from ui.errors import show_app_error
from ui.keys import shortcut
from ui.questions import ask_yes_no

SEARCH_DEBOUNCE_MS = 150


class CustomersPage(QWidget):
    """The whole customer list, however long: ids from SQL on the read lane, rows a page at a time.

    *state* is where header and splitter state persist (the app's ``QSettings()`` by default).
    *confirm* asks the owner before deleting and *show_error* tells them what to fix; tests pass
    their own.
    """

    first_rows_shown = Signal()  # once: the first page of rows (or the empty state) is on screen
    ids_applied = Signal()  # a search, sort or refresh result was swapped into the table

    def __init__(
        self,
        ctx: UiContext,
        *,
        state: QSettings | None = None,
        confirm: Callable[[QWidget, str, str, str], bool] = ask_yes_no,
        show_error: Callable[[QWidget, AppError], None] = show_app_error,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.confirm = confirm
        self.show_error = show_error
        self._state = state if state is not None else QSettings()
        self._started = False
        self._announced_ready = False
        self._select_after: int | None = None
        self.sort_key = "display_name"
        self.descending = False
        self.total = 0
        self._pending_selection: tuple[int | None, set[int]] | None = None

        self.model = CustomerTableModel(ctx.db, self)
        self._loader = IdLoader(ctx.tasks, head_size=PAGE_SIZE, on_head=self._apply, on_rest=self._complete)
        self._build()
        self._restore_state()
        ctx.hub.changed.connect(self._on_changes)

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.toolbar = CustomersToolbar()
        self.search = self.toolbar.search
        self.search.textChanged.connect(self._on_search_typed)
        self.search.returnPressed.connect(self._focus_table)
        self.count_label = self.toolbar.count_label
        self.toolbar_import_button = self.toolbar.import_button
        self.add_button = self.toolbar.add_button
        self.add_button.clicked.connect(self.start_new)
        self.delete_button = self.toolbar.delete_button
        self.delete_button.clicked.connect(self.delete_selected)

        self.table = CustomerTableView()
        self.table.setModel(self.model)
        self.table.sort_requested.connect(self._on_sort_requested)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())

        self.detail = CustomerDetailPanel()
        self.detail.setMinimumWidth(300)
        self.detail.save_requested.connect(self.save)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.card = CustomerCard(self.ctx, self.detail)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([760, 360])

        list_view = QWidget()
        list_layout = QVBoxLayout(list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.toolbar)
        list_layout.addWidget(self.splitter, 1)

        self.empty = EmptyCustomersWidget()
        self.empty.add_button.clicked.connect(self.start_new)
        self.import_button = self.empty.import_button
        self.empty_add_button = self.empty.add_button
        self.stack = QStackedWidget()
        self.stack.addWidget(list_view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.stack)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)

        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        only = Qt.ShortcutContext.WidgetShortcut
        shortcut(QKeySequence.StandardKey.Find, self, self.focus_search, within)
        shortcut(QKeySequence("Ctrl+N"), self, self.start_new, within)
        shortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.delete_selected, only)
        shortcut(QKeySequence(Qt.Key.Key_Return), self.table, self.edit_current, only)
        shortcut(QKeySequence(Qt.Key.Key_Enter), self.table, self.edit_current, only)
        shortcut(QKeySequence(Qt.Key.Key_Escape), self.search, self.search.clear, only)
        shortcut(QKeySequence(Qt.Key.Key_Down), self.search, self._focus_table, only)
        shortcut(QKeySequence(Qt.Key.Key_Escape), self.detail, self._leave_detail, within)
        self._update_buttons()

    def set_import_action(self, callback: Callable[[], None]) -> None:
        """The import feature's hook: show "Import a customer list…" on the empty state."""
        self.import_button.clicked.connect(callback)
        self.import_button.show()
        self.toolbar_import_button.clicked.connect(callback)
        self.toolbar_import_button.show()

    # -- loading the id array ------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.start()

    def start(self) -> None:
        """Ask for the id array (once). The composition root calls it before the window shows,
        so that the query on the read lane overlaps building and painting the window."""
        if not self._started:
            self._started = True
            self.refresh()

    def refresh(self) -> None:
        """Re-run the search and sort in SQL on the read lane; only the newest answer is used.

        The first page and the match count come first and are painted at once; the whole id
        array follows (see :class:`IdLoader`).
        """
        self._debounce.stop()
        self._loader.load(self.search.text(), self.sort_key, self.descending)

    def _apply(self, head: Head) -> None:
        keep = self._select_after if self._select_after is not None else self.current_id()
        self._select_after = None
        selected = set(self.selected_ids())
        self.total = head.total
        self.model.set_ids(head.ids, rows=head.matches)
        self._pending_selection = None
        if self.model.complete or (keep is not None and self.model.row_of(keep) is not None):
            self._restore_selection(keep, selected)
        else:
            self._pending_selection = (keep, selected)  # further down: once the rest is in
        if head.total == 0 and not head.text.strip() and not self.detail.is_new:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.stack.widget(0))
        self._update_count(head.matches, head.text)
        self._update_buttons()
        if self.model.complete:
            self.ids_applied.emit()
        if not self._announced_ready:
            self._announce_first_rows(bool(head.ids))

    def _complete(self, ids: list[int], text: str) -> None:
        self.model.complete_ids(ids)
        if self._pending_selection is not None:
            keep, selected = self._pending_selection
            self._pending_selection = None
            self._restore_selection(keep, selected)
        self._update_count(len(ids), text)
        self.ids_applied.emit()

    def _announce_first_rows(self, has_rows: bool) -> None:
        self._announced_ready = True
        if not has_rows:
            QTimer.singleShot(0, self.first_rows_shown.emit)
            return

        def on_page(number: int) -> None:
            self.model.page_loaded.disconnect(on_page)
            # The view asked for the rows while painting; they are on screen once it returns.
            QTimer.singleShot(0, self.first_rows_shown.emit)

        self.model.page_loaded.connect(on_page)

    def _restore_selection(self, keep: int | None, selected: set[int]) -> None:
        row = self.model.row_of(keep) if keep is not None else None
        if row is None:
            if not self.detail.is_new:
                self.detail.show_nothing()
                self.card.show_customer_id(None)
            return
        selection = self.table.selectionModel()
        index = self.model.index(row, 0)
        selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows)
        for other in selected - {keep}:
            other_row = self.model.row_of(other)
            if other_row is not None:
                selection.select(self.model.index(other_row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _update_count(self, shown: int, text: str) -> None:
        if text.strip():
            self.count_label.setText(f"{shown:,} of {self.total:,} match")
        else:
            self.count_label.setText(f"{self.total:,} customer" + ("" if self.total == 1 else "s"))

    # -- search and sort -----------------------------------------------------------------------

    def _on_search_typed(self, _text: str) -> None:
        self._debounce.start()  # restarts: the query runs ~150 ms after the last key

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        if self._started:
            self.refresh()

    def sort_by(self, key: str, *, descending: bool = False) -> None:
        self.table.show_sort(key, descending)
        self._on_sort_requested(key, descending)

    # -- selection and the detail panel --------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [cid for cid in (self.model.id_at(r) for r in rows) if cid is not None]

    def select_id(self, customer_id: int) -> bool:
        row = self.model.row_of(customer_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_current_row(self, current, previous) -> None:
        customer = self.model.customer_at(current.row()) if current.isValid() else None
        if customer is None:
            return
        shown = self.detail.customer
        if shown is not None and shown.id == customer.id and self.detail.dirty:
            return  # a refresh re-selected the row being edited: keep the owner's typing
        if self.detail.dirty and not self._keep_edits(previous):
            return
        self.detail.show_customer(customer)
        self.card.show_customer_id(customer.id)

    def _keep_edits(self, previous) -> bool:
        """Moving away from unsaved edits saves them; returns False (and stays) when they are invalid."""
        values = self.detail.values()
        try:
            customer_list.validate(values)
        except AppError as error:
            if previous.isValid() and not self.detail.is_new:
                selection = self.table.selectionModel()
                QTimer.singleShot(0, lambda: selection.setCurrentIndex(
                    previous, selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows))
            self.show_error(self, error)
            return False
        target = None if self.detail.is_new else self.detail.customer.id
        self.save(target, values, follow=False)
        return True

    def _update_buttons(self, *_args) -> None:
        self.delete_button.setEnabled(bool(self.table.selectionModel().hasSelection()))

    def focus_search(self) -> None:
        self.stack.setCurrentIndex(0)
        self.search.setFocus()
        self.search.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.selectRow(0)

    def _leave_detail(self) -> None:
        """Escape in the panel: drop the unsaved edits and go back to the list."""
        self.detail.revert()
        if self.detail.is_new:
            self.detail.show_nothing()
            self.card.show_customer_id(None)
        self.table.setFocus()

    def edit_current(self) -> None:
        if self.detail.customer is not None:
            self.detail.focus_first_field()

    def start_new(self) -> None:
        if self.detail.dirty and not self._keep_edits(self.table.currentIndex()):
            return
        self.stack.setCurrentIndex(0)
        self.table.selectionModel().clear()  # no current row either: any click leaves the form
        self.card.setCurrentIndex(0)
        self.card.show_customer_id(None)
        self.detail.start_new()

    # -- writes (on the write lane) ------------------------------------------------------------

    def save(self, customer_id: int | None, values: dict, *, follow: bool = True) -> None:
        """Save on the write lane. With *follow*, the saved customer stays selected afterwards."""
        if customer_id is None:
            def add(task):
                return customer_list.add_customer(task.db, values)

            self.ctx.tasks.run("write", add, on_done=lambda r: self._added(r, follow), parent=self)
        else:
            def edit(task):
                return customer_list.save_customer(task.db, customer_id, values)

            self.ctx.tasks.run("write", edit, on_done=self._saved, parent=self)

    def _added(self, result: tuple[int, Changes], follow: bool) -> None:
        new_id, changes = result
        if follow:
            self._select_after = new_id
            self.detail.show_nothing()
            self.card.show_customer_id(None)
        self.ctx.hub.announce(changes)

    def _saved(self, result) -> None:
        customer, changes = result
        shown = self.detail.customer
        if shown is not None and shown.id == customer.id and not self.detail.is_new:
            self.detail.show_customer(customer)  # the panel may have moved on meanwhile
        self.model.forget([customer.id])
        self.ctx.hub.announce(changes)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if len(ids) == 1:
            customer = self.model.customer_at(self.model.row_of(ids[0]))
            name = customer.name if customer and customer.name else "this customer"
            question = f"Delete {name}?"
        else:
            question = f"Delete {len(ids):,} customers?"
        detail = ("Their drafts, visits and waiting-list entries are deleted too. Notes already "
                  "sent stay in your Sent history.")
        if not self.confirm(self, "Delete customers", question, detail):
            return

        def delete(task):
            return customer_list.delete_customers(task.db, ids)

        self.ctx.tasks.run("write", delete, on_done=self.ctx.hub.announce, parent=self)

    def _on_changes(self, changes: Changes) -> None:
        if changes.customers and self._started:
            self.refresh()

    # -- persisted view state ------------------------------------------------------------------

    def _restore_state(self) -> None:
        header_state = self._state.value("customers/header")
        if header_state is not None:
            self.table.restore_header(header_state)
            self.sort_key, self.descending = self.table.sort_key, self.table.descending
        splitter_state = self._state.value("customers/splitter")
        if splitter_state is not None:
            self.splitter.restoreState(splitter_state)

    def save_state(self) -> None:
        """Called by the main window on close."""
        self._state.setValue("customers/header", self.table.save_header())
        self._state.setValue("customers/splitter", self.splitter.saveState())
        self._state.sync()
