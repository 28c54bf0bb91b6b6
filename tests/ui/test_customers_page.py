"""The Customers page on a 1,000-customer store: search, sort, edit, add, delete, keys, state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage import customers
from tests.ui.conftest import fill_customers
from ui.customers.model import COLUMNS
from ui.customers.page import CustomersPage

N = 1000


class Answers:
    """Stands in for the delete confirmation: records the question, answers as told."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent, title, text, detail) -> bool:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def store(ui_ctx):
    fill_customers(ui_ctx.db, N)
    return ui_ctx


def open_page(qtbot, ctx, state, *, confirm=None) -> CustomersPage:
    page = CustomersPage(ctx, state=state, confirm=confirm or Answers(True))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.show()
    return page


def column(title: str) -> int:
    return [c.title for c in COLUMNS].index(title)


def names_in_view(page: CustomersPage, n: int = 20) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(min(n, page.model.rowCount()))]


def test_shows_the_whole_list_sorted_by_name(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    assert page.model.rowCount() == N
    assert page.count_label.text() == "1,000 customers"
    names = names_in_view(page, 50)
    assert names == sorted(names, key=str.casefold)
    assert page.model.pages_read <= 2  # only what is on screen was read


def test_first_rows_shown_is_emitted_once_rows_are_painted(qtbot, store, page_state):
    page = CustomersPage(store, state=page_state)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.first_rows_shown, timeout=5000):
        page.show()
    assert page.model.pages_read >= 1


def test_search_as_you_type_is_debounced_and_runs_in_sql(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    expected = customers.ordered_ids(store.db, search="sourdough")
    assert 0 < len(expected) < N
    applied: list[int] = []
    page.ids_applied.connect(lambda: applied.append(page.model.rowCount()))
    qtbot.keyClicks(page.search, "sourd")
    qtbot.waitUntil(lambda: bool(applied), timeout=5000)
    qtbot.wait(300)
    # Five keystrokes, one query: the debounce waited for the typing to stop.
    assert applied == [len(expected)]
    assert page.model.ids() == expected
    assert page.count_label.text() == f"{len(expected)} of 1,000 match"

    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.search.clear()
    assert page.model.rowCount() == N


def test_search_by_email_and_by_a_name_with_accents(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        qtbot.keyClicks(page.search, "person999@example.com")
    assert [page.model.customer_at(r).email for r in range(page.model.rowCount())] == ["person999@example.com"]
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.search.setText("zoë")
    rows = [page.model.customer_at(r) for r in range(page.model.rowCount())]
    assert rows and all(c.first_name == "Zoë" for c in rows)


def test_stale_search_results_are_dropped(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    page.search.setText("Müller")
    page.refresh()  # an older query, superseded straight away by the next one
    page.search.setText("sourdough")
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.refresh()
    qtbot.wait(200)
    assert page.model.ids() == customers.ordered_ids(store.db, search="sourdough")


def test_no_match_keeps_the_table_with_a_zero_count(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.search.setText("qqqzzz")
    assert page.model.rowCount() == 0
    assert page.stack.currentWidget() is not page.empty
    assert page.count_label.text() == "0 of 1,000 match"


def test_clicking_headers_sorts_in_sql(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    header = page.table.horizontalHeader()
    email = column("E-mail")
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=header.viewport().rect().topLeft() + _section_centre(header, email))
    assert page.sort_key == "email"
    ascending = page.model.ids()
    assert ascending == customers.ordered_ids(store.db, order_by="email", descending=page.descending)
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=header.viewport().rect().topLeft() + _section_centre(header, email))
    assert page.model.ids() == list(reversed(ascending))

    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.sort_by("birthday")
    months = [page.model.customer_at(r).birth_month for r in range(200)]
    assert months == sorted(months)


def test_a_column_sql_cannot_sort_keeps_the_current_sort(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    before = page.model.ids()
    header = page.table.horizontalHeader()
    header.setSortIndicator(column("Phone"), Qt.SortOrder.AscendingOrder)
    qtbot.wait(50)
    assert page.sort_key == "display_name"
    assert header.sortIndicatorSection() == column("Name")
    assert page.model.ids() == before


def _section_centre(header, logical: int):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(logical) + header.sectionSize(logical) // 2
    return QPoint(x, header.height() // 2)


def test_edit_a_customer_in_the_detail_panel(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    page.table.setFocus()
    page.table.selectRow(3)
    chosen = page.model.customer_at(3)
    assert page.detail.customer.id == chosen.id
    assert page.detail.email.text() == chosen.email

    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter: edit
    assert page.detail.first_name.hasFocus()
    page.detail.first_name.clear()
    qtbot.keyClicks(page.detail.first_name, "Aaron")
    page.detail.birth_month.setCurrentIndex(2)
    page.detail.birth_day.setValue(29)
    page.detail.birth_year.setText("")
    page.detail.consent.setCurrentIndex(page.detail.consent.findData("yes"))
    page.detail.do_not_contact.setChecked(True)
    qtbot.keyClicks(page.detail.tags, "vip")
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        qtbot.mouseClick(page.detail.save_button, Qt.MouseButton.LeftButton)

    saved = customers.get(store.db, chosen.id)
    assert saved.first_name == "Aaron"
    assert saved.display_name == f"Aaron {chosen.last_name}"  # "Shown as" followed the name
    assert (saved.birth_month, saved.birth_day, saved.birth_year) == (2, 29, None)
    assert saved.email_consent == "yes" and saved.do_not_contact
    assert "first_name" in saved.edited_fields
    # The table re-sorted (the name changed) and kept the edited customer selected.
    assert page.current_id() == chosen.id
    row = page.model.row_of(chosen.id)
    assert page.model.data(page.model.index(row, column("Contact"))) == "Do not contact"


def test_an_invalid_edit_is_refused_with_a_message(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    page.table.selectRow(0)
    chosen = page.detail.customer
    page.detail.email.setText("not an address")
    page.detail.request_save()
    qtbot.waitUntil(lambda: bool(store.shown_errors), timeout=5000)
    assert "not an e-mail address" in store.shown_errors[0].message
    assert customers.get(store.db, chosen.id).email == chosen.email


def test_add_a_customer_with_ctrl_n(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.detail.is_new and page.detail.first_name.hasFocus()
    qtbot.keyClicks(page.detail.first_name, "Aalia")
    qtbot.keyClicks(page.detail.last_name, "Aardvark")
    qtbot.keyClicks(page.detail.email, "aalia@example.org")
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        qtbot.keyClick(page.detail.email, Qt.Key.Key_Return)
    assert page.model.rowCount() == N + 1
    added = customers.find_by_email(store.db, "aalia@example.org")
    assert added is not None and added.display_name == "Aalia Aardvark"
    assert page.current_id() == added.id
    assert page.detail.customer.id == added.id and not page.detail.is_new


def test_delete_selected_customers_after_confirmation(qtbot, store, page_state):
    answers = Answers(True)
    page = open_page(qtbot, store, page_state, confirm=answers)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    doomed = page.selected_ids()
    assert len(doomed) == 3
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert answers.asked == ["Delete 3 customers?"]
    assert page.model.rowCount() == N - 3
    assert customers.rows_by_ids(store.db, doomed) == {}
    assert page.detail.customer is None


def test_delete_is_not_done_when_the_owner_says_no(qtbot, store, page_state):
    answers = Answers(False)
    page = open_page(qtbot, store, page_state, confirm=answers)
    page.table.selectRow(4)
    name = page.model.customer_at(4).name
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert answers.asked == [f"Delete {name}?"]
    qtbot.wait(100)
    assert customers.count(store.db) == N and page.model.rowCount() == N


def test_ctrl_f_focuses_search_and_down_returns_to_the_table(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    page.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.current_id() == page.model.id_at(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.detail.customer.id == page.model.id_at(1)


def test_empty_store_shows_the_empty_state_and_can_add(qtbot, ui_ctx, page_state):
    page = CustomersPage(ui_ctx, state=page_state)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.first_rows_shown, timeout=5000):
        page.show()
    assert page.stack.currentWidget() is page.empty
    assert not page.import_button.isVisible()
    calls = []
    page.set_import_action(lambda: calls.append(1))
    assert page.import_button.isVisible()
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert calls == [1]
    qtbot.mouseClick(page.empty_add_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is not page.empty and page.detail.is_new
    page.detail.first_name.setText("First")
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.detail.request_save()
    assert page.model.rowCount() == 1 and page.stack.currentWidget() is not page.empty
    # With customers in the list, the import stays one click away in the toolbar.
    assert page.toolbar_import_button.isVisible()
    qtbot.mouseClick(page.toolbar_import_button, Qt.MouseButton.LeftButton)
    assert calls == [1, 1]


def test_changes_announced_elsewhere_refresh_the_table(qtbot, store, page_state):
    from desktop_app.changes import Changes

    page = open_page(qtbot, store, page_state)
    customers.insert(store.db, {"first_name": "Imported"})
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        store.hub.announce(Changes(customers=True))
    assert page.model.rowCount() == N + 1


def test_header_and_splitter_state_persist(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    header = page.table.horizontalHeader()
    header.resizeSection(column("E-mail"), 333)
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.sort_by("email", descending=True)
    page.splitter.setSizes([600, 480])
    sizes = page.splitter.sizes()
    page.save_state()

    again = open_page(qtbot, store, page_state)
    assert again.table.horizontalHeader().sectionSize(column("E-mail")) == 333
    assert (again.sort_key, again.descending) == ("email", True)
    assert again.model.ids() == customers.ordered_ids(store.db, order_by="email", descending=True)
    assert again.splitter.sizes() == sizes


def test_rows_have_one_fixed_height(qtbot, store, page_state):
    from PySide6.QtWidgets import QHeaderView

    page = open_page(qtbot, store, page_state)
    vertical = page.table.verticalHeader()
    assert vertical.sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert vertical.sectionSize(0) == vertical.sectionSize(N - 1)


def test_moving_to_another_customer_saves_the_edits(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    page.table.setFocus()
    page.table.selectRow(0)
    first = page.detail.customer
    qtbot.keyClicks(page.detail.tags, "moved-away")
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert customers.get(store.db, first.id).tags == "moved-away"
    assert page.detail.customer.id == page.model.id_at(1)


def test_invalid_edits_stop_the_move_and_say_why(qtbot, ui_ctx, page_state):
    fill_customers(ui_ctx.db, 20)
    shown = []
    page = CustomersPage(ui_ctx, state=page_state, show_error=lambda parent, error: shown.append(error))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.show()
    page.table.selectRow(0)
    first = page.detail.customer
    page.detail.email.clear()
    qtbot.keyClicks(page.detail.email, "broken@")
    page.table.selectRow(1)
    assert shown and "not an e-mail address" in shown[0].message
    qtbot.waitUntil(lambda: page.current_id() == first.id, timeout=2000)
    assert page.detail.customer.id == first.id and page.detail.email.text() == "broken@"
    assert customers.get(ui_ctx.db, first.id).email == first.email


def test_escape_in_the_panel_drops_the_edits_and_returns_to_the_list(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    page.table.setFocus()
    page.table.selectRow(2)
    before = page.detail.customer
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.keyClicks(page.detail.first_name, "zzz")
    assert page.detail.dirty
    qtbot.keyClick(page.detail.first_name, Qt.Key.Key_Escape)
    assert not page.detail.dirty and page.detail.first_name.text() == before.first_name
    assert page.table.hasFocus()


def test_a_wide_search_paints_its_first_page_before_the_whole_array(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    heads: list[tuple[int, int]] = []
    page.model.modelReset.connect(lambda: heads.append((len(page.model.ids()), page.model.rowCount())))
    expected = customers.ordered_ids(store.db, search="person")  # every e-mail is person…@
    assert len(expected) == N
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.search.setText("person")
        page.refresh()
    assert heads == [(200, len(expected))]  # the head with the full height, then no second reset
    assert page.model.ids() == expected
    assert page.count_label.text() == "1,000 of 1,000 match"


def test_a_selected_customer_below_the_first_page_stays_selected_after_a_refresh(qtbot, store, page_state):
    page = open_page(qtbot, store, page_state)
    far = page.model.id_at(700)
    assert page.select_id(far)
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.refresh()
    assert page.current_id() == far
