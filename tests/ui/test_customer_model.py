"""CustomerTableModel: a valid Qt model over an id array, reading rows a page at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt

from storage import customers
from tests.ui.conftest import fill_customers
from ui.customers.model import COLUMNS, MAX_PAGES, PAGE_SIZE, CustomerTableModel, birthday_label


def test_model_passes_qt_model_tester(qtmodeltester, db):
    fill_customers(db, 450)
    model = CustomerTableModel(db)
    model.set_ids(customers.ordered_ids(db))
    qtmodeltester.check(model, force_py=True)


def test_empty_model_passes_qt_model_tester(qtmodeltester, db):
    model = CustomerTableModel(db)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 0


def test_rows_follow_the_id_array_order(db):
    fill_customers(db, 300)
    ids = customers.ordered_ids(db, order_by="email", descending=True)
    model = CustomerTableModel(db)
    model.set_ids(ids)
    assert model.rowCount() == 300
    assert model.columnCount() == len(COLUMNS)
    email_column = [c.title for c in COLUMNS].index("E-mail")
    shown = [model.data(model.index(row, email_column)) for row in range(300)]
    assert shown == sorted(shown, key=str.lower, reverse=True)
    assert model.data(model.index(5, 0), Qt.ItemDataRole.UserRole) == ids[5]
    assert model.row_of(ids[123]) == 123


def test_only_the_pages_looked_at_are_read_and_the_cache_is_bounded(db):
    fill_customers(db, PAGE_SIZE * (MAX_PAGES + 3))
    model = CustomerTableModel(db)
    model.set_ids(customers.ordered_ids(db))
    model.data(model.index(0, 0))
    model.data(model.index(PAGE_SIZE - 1, 0))
    assert model.pages_read == 1
    for page in range(MAX_PAGES + 3):
        model.data(model.index(page * PAGE_SIZE, 0))
    assert model.pages_read == MAX_PAGES + 3
    assert len(model._pages) == MAX_PAGES
    model.data(model.index(0, 0))  # page 0 was evicted (least recently used): read again
    assert model.pages_read == MAX_PAGES + 4


def test_forget_rereads_a_changed_row(db):
    fill_customers(db, 10)
    ids = customers.ordered_ids(db)
    model = CustomerTableModel(db)
    model.set_ids(ids)
    assert model.data(model.index(3, 0)) != "Renamed"
    customers.update(db, ids[3], {"display_name": "Renamed"})
    assert model.data(model.index(3, 0)) != "Renamed"  # cached
    model.forget([ids[3]])
    assert model.data(model.index(3, 0)) == "Renamed"


def test_consent_and_do_not_contact_are_shown(db):
    first = customers.insert(db, {"first_name": "Dee", "email_consent": "no", "do_not_contact": True})
    model = CustomerTableModel(db)
    model.set_ids([first])
    titles = [c.title for c in COLUMNS]
    assert model.data(model.index(0, titles.index("E-mail consent"))) == "No"
    assert model.data(model.index(0, titles.index("Contact"))) == "Do not contact"
    assert model.data(model.index(0, titles.index("Contact")), Qt.ItemDataRole.ForegroundRole) is not None


def test_a_deleted_row_shows_a_placeholder_until_the_next_refresh(db):
    fill_customers(db, 3)
    ids = customers.ordered_ids(db)
    customers.delete(db, [ids[1]])
    model = CustomerTableModel(db)
    model.set_ids(ids)
    assert model.data(model.index(1, 0)) == "…"
    assert model.customer_at(1) is None


def test_birthday_label():
    assert birthday_label(customers.Customer(id=1, birth_month=3, birth_day=14, birth_year=1988)) == "14 Mar 1988"
    assert birthday_label(customers.Customer(id=1)) == ""


def test_a_partial_id_array_has_the_full_height_and_completes_without_a_reset(qtmodeltester, db, qtbot):
    fill_customers(db, 450)
    ids = customers.ordered_ids(db)
    model = CustomerTableModel(db)
    model.set_ids(ids[:PAGE_SIZE - 50], rows=len(ids))
    assert model.rowCount() == 450 and not model.complete
    qtmodeltester.check(model, force_py=True)
    assert model.data(model.index(10, 0), Qt.ItemDataRole.UserRole) == ids[10]
    assert model.data(model.index(300, 0)) == "…"  # below the head, until the rest arrives
    assert model.customer_at(PAGE_SIZE - 10) is None

    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    model.complete_ids(ids)
    assert model.complete and resets == [] and changed == [(PAGE_SIZE - 50, 449)]
    # Page 0 was read with only the head: it is read again, whole.
    assert model.customer_at(PAGE_SIZE - 10).id == ids[PAGE_SIZE - 10]
    assert model.data(model.index(300, 0), Qt.ItemDataRole.UserRole) == ids[300]
    qtmodeltester.check(model, force_py=True)


def test_a_rest_that_does_not_continue_the_head_resets_the_model(db):
    fill_customers(db, 300)
    ids = customers.ordered_ids(db)
    model = CustomerTableModel(db)
    model.set_ids(ids[:50], rows=300)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.complete_ids(ids[1:])  # one deleted meanwhile
    assert resets == [1] and model.rowCount() == 299 and model.ids() == ids[1:]
