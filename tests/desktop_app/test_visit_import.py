"""Shopify orders and Square transactions exports become visits, linked and idempotent."""

from __future__ import annotations

import pytest

from desktop_app.errors import AppError
from desktop_app.settings import Settings
from desktop_app.visit_import import import_visits
from storage import visits
from tests.desktop_app.shop_builder import add_customer

SHOPIFY = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,"
    "Lineitem quantity,Lineitem name,Created at,Phone,Id\n"
    "#1001,zoe@example.com,paid,2026-03-08 10:00:00 -0800,fulfilled,USD,10.00,0,0.80,10.80,1,Rye,"
    "2026-03-08 10:00:00 -0800,,5551001\n"
    "#1001,zoe@example.com,,,,,,,,,2,Scone,2026-03-08 10:00:00 -0800,,\n"
    "#1002,,paid,2026-03-09 11:00:00 -0800,fulfilled,USD,5.00,0,0,5.00,1,Bun,"
    "2026-03-09 11:00:00 -0800,+1 (503) 555-0101,5551002\n"
)
SQUARE = (
    "Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Tax,Tip,Total Collected,Source,"
    "Transaction ID,Payment ID,Customer ID,Customer Name\n"
    "2026-03-08,09:15:02,Pacific Time (US & Canada),$8.00,$0.00,$8.00,$0.64,$0.00,$8.64,Register,"
    "TX1,P1,SQ-9,Ana B\n"
    "2026-03-09,09:15:02,Pacific Time (US & Canada),$3.00,$0.00,$3.00,$0.00,$0.00,$3.00,Register,"
    "TX2,P2,,\n"
)


def test_shopify_orders_link_by_email_then_phone_one_visit_per_order(db, tmp_path):
    zoe = add_customer(db, email="zoe@example.com")
    phoned = add_customer(db, email="p@example.com", phone="503-555-0101")
    path = tmp_path / "orders_export.csv"
    path.write_text(SHOPIFY, encoding="utf-8")
    result = import_visits(db, path, settings=Settings(timezone="America/Los_Angeles"))
    assert (result.format, result.added, result.unmatched) == ("shopify_orders", 2, [])
    [visit] = visits.for_customer(db, zoe)
    assert (visit.at[:19], visit.amount, visit.points, visit.external_id) == (
        "2026-03-08T18:00:00", 10.8, 10, "5551001")
    assert len(visits.for_customer(db, phoned)) == 1
    assert import_visits(db, path).already == 2


def test_square_transactions_link_by_square_customer_id(db, tmp_path):
    ana = add_customer(db, square_id="SQ-9")
    path = tmp_path / "transactions.csv"
    path.write_text(SQUARE, encoding="utf-8")
    result = import_visits(db, path, settings=Settings(timezone="America/Los_Angeles"))
    assert (result.format, result.added, len(result.unmatched)) == ("square_transactions", 1, 1)
    assert visits.for_customer(db, ana)[0].amount == 8.64


def test_unknown_file_says_what_it_needs(db, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("foo,bar\n1,2\n", encoding="utf-8")
    with pytest.raises(AppError, match="Shopify orders"):
        import_visits(db, path)
