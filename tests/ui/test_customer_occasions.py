"""The customer card's occasions panel: loyalty summary, open requests, quick entry, Log visit."""

from __future__ import annotations

import pytest

from desktop_app.settings import Settings
from desktop_app.visits import log_visit
from storage import products, waitlist
from tests.desktop_app.shop_builder import add_customer
from tests.ui.occasion_context import close_context, make_context
from ui.customer_occasions import CustomerOccasionsPanel
from ui.visit_dialog import LogVisitDialog


@pytest.fixture
def ctx(data_dir):
    context = make_context(data_dir)
    add_customer(context.db, first_name="Maria", display_name="Maria Lopez", email="maria@example.com")
    products.insert(context.db, name="Rye sourdough", sku="RYE", stock=0)
    yield context
    close_context(context)


def test_summary_requests_and_quick_entry(qtbot, ctx):
    log_visit(ctx.db, 1, amount=42.0, settings=Settings())
    panel = CustomerOccasionsPanel(ctx)
    qtbot.addWidget(panel)
    assert not panel.isEnabled()
    panel.show_customer(1)
    assert panel.summary.text().startswith("1 visit · 1/10 stamps · 42 points")
    assert panel.requests.item(0).text() == "Nothing."
    qtbot.keyClicks(panel.product, "rye")
    panel.add_request()
    qtbot.waitUntil(lambda: panel.status.text() == "Added.")
    assert [r.product_name for r in waitlist.open_for_customer(ctx.db, 1)] == ["Rye sourdough"]
    assert panel.requests.item(0).text().startswith("Rye sourdough, asked ")


def test_log_visit_dialog_can_start_with_the_customer(qtbot, ctx):
    dialog = LogVisitDialog(ctx, customer_id=1, customer_label="Maria Lopez")
    qtbot.addWidget(dialog)
    dialog.amount.setValue(5)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Logged: Maria Lopez"))
