"""The Products page: list and search, stock edit, Restocked N, waiting list, Notify when back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from storage import drafts, products, waitlist
from tests.desktop_app.shop_builder import add_customer
from tests.ui.occasion_context import close_context, make_context
from ui.products_page import ProductsPage
from ui.visit_dialog import LogVisitDialog


@pytest.fixture
def ctx(data_dir):
    context = make_context(data_dir)
    db = context.db
    with db.atomic():
        for name, sku, stock in (("Rye sourdough", "RYE", 0), ("Seeded loaf", "SEED", 4),
                                 ("Cinnamon bun", "BUN", 12)):
            products.insert(db, name=name, sku=sku, stock=stock)
        add_customer(db, first_name="Maria", last_name="Lopez", display_name="Maria Lopez",
                     email="maria@example.com")
        add_customer(db, first_name="Marco", last_name="Rossi", display_name="Marco Rossi",
                     email="marco@example.com")
    yield context
    close_context(context)


def test_lists_searches_and_shows_who_is_waiting(qtbot, ctx):
    rye = products.find_by_sku(ctx.db, "RYE")
    waitlist.add(ctx.db, customer_id=1, product_id=rye.id, variant="large")
    page = ProductsPage(ctx)
    qtbot.addWidget(page)
    assert [p.name for p in page.model.rows] == ["Cinnamon bun", "Rye sourdough", "Seeded loaf"]
    qtbot.keyClicks(page.search, "rye")
    qtbot.waitUntil(lambda: len(page.model.rows) == 1)
    page.table.selectRow(0)
    assert page.waiting.item(0).text().startswith("Maria Lopez — large, asked ")
    assert page.model.data(page.model.index(0, 3)) == 1


def test_edit_stock_and_restocked_draft_notes(qtbot, ctx):
    rye = products.find_by_sku(ctx.db, "RYE")
    waitlist.add(ctx.db, customer_id=1, product_id=rye.id)
    waitlist.add(ctx.db, customer_id=2, product_id=rye.id)
    page = ProductsPage(ctx)
    qtbot.addWidget(page)
    row = [p.sku for p in page.model.rows].index("RYE")
    page.table.selectRow(row)
    page.restock_selected(1)
    qtbot.waitUntil(lambda: "1 back-in-stock note" in page.status.text())
    assert drafts.count(ctx.db, status="pending") == 1
    assert products.get(ctx.db, rye.id).stock == 1
    assert page.waiting.count() == 1
    seed_row = [p.sku for p in page.model.rows].index("SEED")
    assert page.model.setData(page.model.index(seed_row, 2), 9)
    qtbot.waitUntil(lambda: products.find_by_sku(ctx.db, "SEED").stock == 9)


def test_notify_when_back_from_the_keyboard(qtbot, ctx):
    page = ProductsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.notify_customer.setFocus()
    qtbot.keyClicks(page.notify_customer, "mari")
    qtbot.keyClick(page.notify_customer, Qt.Key.Key_Return)
    assert page.notify_customer.chosen_id == 1
    qtbot.keyClicks(page.notify_product, "seed")
    qtbot.keyClick(page.notify_product, Qt.Key.Key_Return)
    qtbot.keyClicks(page.notify_variant, "small")
    qtbot.keyClick(page.notify_variant, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "will hear" in page.status.text())
    [request] = waitlist.open_for_customer(ctx.db, 1)
    assert (request.product_name, request.variant) == ("Seeded loaf", "small")


def test_log_visit_dialog(qtbot, ctx):
    dialog = LogVisitDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.customer, "marco")
    dialog.amount.setValue(23.5)
    dialog.submit()
    qtbot.waitUntil(lambda: "Logged" in dialog.status.text())
    assert "1 visits" in dialog.status.text() and "23 points" in dialog.status.text()
    dialog.submit()
    assert dialog.status.text() == "Pick a customer from the list first."
