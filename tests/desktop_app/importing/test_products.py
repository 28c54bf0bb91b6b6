"""Products and stock: Shopify products export (expected.json), Square item library, Shopify
inventory CSV; undo of a product import."""

from __future__ import annotations

import json

from desktop_app.importing.engine import run_import
from storage import imports as store

SQUARE_ITEMS = (
    "Token,Item Name,Variation Name,SKU,Description,Archived,Stockable,Price,"
    "Current Quantity Main St,New Quantity Main St,Stock Alert Enabled Main St,"
    "Stock Alert Count Main St\n"
    "T1,Seeded Rye,Regular,RYE-1,,N,Y,11.00,0,,N,\n"
    "T2,Seeded Rye,Large,,,N,Y,15.00,4,,Y,5\n"
    "T3,Old Loaf,Regular,OLD-1,,Y,Y,3.00,0,,N,\n"
    "T4,Gift card,Regular,GIFT,,N,N,25.00,,,N,\n"
)
INVENTORY = (
    "Handle,Title,Option1 Name,Option1 Value,SKU,Location,Available (not editable),"
    "On hand (current)\n"
    "rye,Seeded Rye,Title,Default Title,RYE-1,Shop,-2,0\n"
    "rye,Seeded Rye,Title,Default Title,RYE-1,Warehouse,1,1\n"
    "mug,Mug,Color,Blue,MUG-B,Shop,not stocked,\n"
    "mug,Mug,Color,Blue,MUG-B,Warehouse,not stocked,\n"
)


def test_shopify_products_as_expected(samples_dir, db):
    expected = json.loads((samples_dir / "expected.json").read_text("utf-8"))
    result = run_import(db, samples_dir / "shopify_products.csv")
    assert result.kind == "products" and result.format == "shopify_products"
    assert result.products == expected["files"]["shopify_products.csv"]["stats"] | {"restocked": []}
    rows = db.execute("SELECT sku, barcode, stock FROM products WHERE sku = '00042'").fetchall()
    assert rows == [("00042", "0012345678905", 6)]  # leading zeros survive
    names = {r[0] for r in db.execute("SELECT name FROM products")}
    assert "Dark Rye Flour – 2 kg" in names
    again = run_import(db, samples_dir / "shopify_products.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 20)


def test_square_item_library(tmp_path, db):
    path = tmp_path / "items.csv"
    path.write_text(SQUARE_ITEMS, encoding="utf-8")
    result = run_import(db, path)
    assert result.format == "square_items"
    rows = db.execute(
        "SELECT name, variant, sku, stock, tracked, status FROM products ORDER BY id").fetchall()
    assert rows == [
        ("Seeded Rye", "Regular", "RYE-1", 0, 1, "active"),
        ("Seeded Rye", "Large", None, 4, 1, "active"),
        ("Old Loaf", "Regular", "OLD-1", 0, 1, "archived"),
        ("Gift card", "Regular", "GIFT", None, 0, "active"),
    ]
    assert result.products["out_of_stock_variants_active"] == 1


def test_shopify_inventory_sums_locations(tmp_path, db):
    path = tmp_path / "inventory.csv"
    path.write_text(INVENTORY, encoding="utf-8")
    result = run_import(db, path)
    assert result.format == "shopify_inventory"
    rows = db.execute("SELECT sku, stock, tracked FROM products ORDER BY id").fetchall()
    assert rows == [("RYE-1", -1, 1), ("MUG-B", None, 0)]


def test_product_import_undo_restores_stock(tmp_path, db):
    path = tmp_path / "items.csv"
    path.write_text(SQUARE_ITEMS, encoding="utf-8")
    run_import(db, path)
    before = db.execute("SELECT * FROM products ORDER BY id").fetchall()
    path.write_text(SQUARE_ITEMS.replace("RYE-1,,N,Y,11.00,0", "RYE-1,,N,Y,11.00,9")
                    + "T5,Baguette,Regular,BAG,,N,Y,4.00,3,,N,\n", encoding="utf-8")
    second = run_import(db, path)
    assert (second.created, second.updated) == (1, 1)
    rye = db.execute("SELECT id FROM products WHERE sku = 'RYE-1'").fetchone()[0]
    assert second.restocked == [{"product_id": rye, "sku": "RYE-1", "quantity": 9}]
    store.undo_batch(db, second.batch_id)
    assert db.execute("SELECT * FROM products ORDER BY id").fetchall() == before


def test_back_in_stock_through_a_file_drafts_the_waiting_customers_note(tmp_path, db):
    from storage import customers

    path = tmp_path / "items.csv"
    path.write_text(SQUARE_ITEMS, encoding="utf-8")
    run_import(db, path)
    rye = db.execute("SELECT id FROM products WHERE sku = 'RYE-1'").fetchone()[0]
    with db.atomic():
        ana = customers.insert(db, {"first_name": "Ana", "email": "ana@example.com",
                                    "email_consent": "yes"})
        db.execute("INSERT INTO waitlist (customer_id, product_id, asked_at) VALUES (?, ?, ?)",
                   [ana, rye, "2026-11-20T10:00:00.000000+00:00"])
    path.write_text(SQUARE_ITEMS.replace("RYE-1,,N,Y,11.00,0", "RYE-1,,N,Y,11.00,9"),
                    encoding="utf-8")
    result = run_import(db, path)
    assert result.products["restock_drafts"] == 1
    drafts = db.execute("SELECT customer_id, occasion, status FROM drafts").fetchall()
    assert drafts == [(ana, "restock", "pending")]
    # A dry run shows the change but drafts nothing.
    path.write_text(SQUARE_ITEMS, encoding="utf-8")
    run_import(db, path)
    path.write_text(SQUARE_ITEMS.replace("RYE-1,,N,Y,11.00,0", "RYE-1,,N,Y,11.00,5"),
                    encoding="utf-8")
    preview = run_import(db, path, dry_run=True)
    assert "restock_drafts" not in preview.products
    assert db.execute("SELECT count(*) FROM drafts").fetchone()[0] == 1
