"""Products and stock from Shopify's products export, Shopify's inventory CSV and Square's item
library (README section 6), through the same batch/undo machinery as customers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from desktop_app.errors import AppError
from desktop_app.importing.records import is_blank, text
from desktop_app.importing.results import ImportResult, RowOutcome
from desktop_app.importing.tables import Table
from desktop_app.progress import TaskContext
from storage import imports as store
from storage.timestamps import utc_now_iso


class _DryRun(Exception):
    pass


@dataclass(frozen=True)
class Variant:
    row: int
    sku: str | None
    name: str
    variant: str
    stock: int | None  # None: stock not tracked
    tracked: bool
    status: str  # active / draft / archived
    price: str | None = None
    handle: str | None = None
    token: str | None = None
    barcode: str | None = None


class _Columns:
    def __init__(self, header: list[str]) -> None:
        self.lowered = [h.strip().lower() for h in header]

    def index(self, *names: str) -> int | None:
        for name in names:
            if name in self.lowered:
                return self.lowered.index(name)
        return None

    def starting(self, prefix: str) -> list[int]:
        return [i for i, h in enumerate(self.lowered) if h.startswith(prefix)]


def _cell(cells: list, index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return text(cells[index]).strip()


def _int(value: str) -> int | None:
    try:
        return int(float(value.replace(",", "")))
    except ValueError:
        return None


def shopify_variants(table: Table, stats: dict) -> Iterator[Variant]:
    cols = _Columns(table.header)
    handle_i = cols.index("handle", "url handle")
    title_i = cols.index("title")
    status_i = cols.index("status")
    options = [cols.index(f"option{n} value") for n in (1, 2, 3)]
    sku_i = cols.index("variant sku", "sku")
    tracker_i = cols.index("variant inventory tracker")
    qty_i = cols.index("variant inventory qty", "inventory quantity")
    price_i = cols.index("variant price", "price")
    barcode_i = cols.index("variant barcode", "barcode")
    products: dict[str, tuple[str, str]] = {}
    number = 0
    for cells in table.open_rows():
        if is_blank(cells):
            continue
        number += 1
        handle = _cell(cells, handle_i)
        if handle not in products:
            status = (_cell(cells, status_i) or "active").lower()
            products[handle] = (_cell(cells, title_i) or handle, status)
            stats[status] = stats.get(status, 0) + 1
        values = [_cell(cells, i) for i in options]
        if not values[0]:
            stats["image_only_rows"] += 1
            continue
        stats["variant_rows"] += 1
        title, status = products[handle]
        # Without a tracker column (2025 exports) a quantity means the stock is tracked.
        tracked = (_cell(cells, tracker_i).lower() == "shopify" if tracker_i is not None
                   else bool(_cell(cells, qty_i)))
        variant = " / ".join(v for v in values if v and v != "Default Title")
        yield Variant(number, _cell(cells, sku_i) or None, title, variant,
                      _int(_cell(cells, qty_i)) if tracked else None, tracked, status,
                      _cell(cells, price_i) or None, handle=handle,
                      barcode=_cell(cells, barcode_i) or None)
    stats["products"] = len(products)
    stats["data_rows"] = number


def square_variants(table: Table, stats: dict) -> Iterator[Variant]:
    cols = _Columns(table.header)
    name_i, variation_i = cols.index("item name"), cols.index("variation name")
    sku_i, token_i = cols.index("sku"), cols.index("token")
    archived_i, stockable_i = cols.index("archived"), cols.index("stockable")
    price_i = cols.index("price")
    quantities = cols.starting("current quantity ")
    number = 0
    items: set[str] = set()
    for cells in table.open_rows():
        if is_blank(cells):
            continue
        number += 1
        name, variation = _cell(cells, name_i), _cell(cells, variation_i)
        items.add(name)
        stats["variant_rows"] += 1
        amounts = [_int(_cell(cells, i)) for i in quantities if _cell(cells, i)]
        tracked = _cell(cells, stockable_i).upper() == "Y" and bool(amounts)
        status = "archived" if _cell(cells, archived_i).upper() == "Y" else "active"
        yield Variant(number, _cell(cells, sku_i) or None, name, variation,
                      sum(a for a in amounts if a is not None) if tracked else None, tracked,
                      status, _cell(cells, price_i) or None, token=_cell(cells, token_i) or None)
    stats["products"] = len(items)
    stats["data_rows"] = number


def shopify_inventory_variants(table: Table, stats: dict) -> Iterator[Variant]:
    cols = _Columns(table.header)
    handle_i, title_i, sku_i = cols.index("handle"), cols.index("title"), cols.index("sku")
    options = [cols.index(f"option{n} value") for n in (1, 2, 3)]
    available_i = cols.index("available (not editable)")
    found: dict[str, dict] = {}
    number = 0
    for cells in table.open_rows():
        if is_blank(cells):
            continue
        number += 1
        values = [_cell(cells, i) for i in options]
        handle = _cell(cells, handle_i)
        variant = " / ".join(v for v in values if v and v != "Default Title")
        key = _cell(cells, sku_i) or f"{handle}\x1f{variant}"
        entry = found.setdefault(key, {"row": number, "handle": handle, "variant": variant,
                                       "title": _cell(cells, title_i) or handle,
                                       "sku": _cell(cells, sku_i) or None, "stock": 0,
                                       "stocked": False})
        amount = _int(_cell(cells, available_i))
        if amount is not None:  # "not stocked" at this location: ignored
            entry["stock"] += amount
            entry["stocked"] = True
    stats["data_rows"] = number
    stats["products"] = len({e["handle"] for e in found.values()})
    for e in found.values():
        stats["variant_rows"] += 1
        yield Variant(e["row"], e["sku"], e["title"], e["variant"],
                      e["stock"] if e["stocked"] else None, e["stocked"], "active",
                      handle=e["handle"])


_READERS = {"shopify_products": shopify_variants, "square_items": square_variants,
            "shopify_inventory": shopify_inventory_variants}


def import_products(db: Database, table: Table, fmt: str, *, dry_run: bool = False,
                    ctx: TaskContext | None = None) -> ImportResult:
    """Create or update one product row per variant; stock as the file says.

    :raises AppError: when the file has no product column Fondly knows.
    """
    result = ImportResult(file_name=table.path.name, format=fmt, kind="products",
                          encoding=table.encoding, delimiter=table.delimiter, sheet=table.sheet,
                          header=table.header, dry_run=dry_run)
    stats = {"variant_rows": 0, "image_only_rows": 0, "products": 0, "data_rows": 0}
    now = utc_now_iso()
    try:
        with db.atomic():
            batch_id = store.create_batch(db, file_name=table.path.name, format=fmt,
                                          kind="products", started_at=now)
            before_max = store.max_id(db, "product")
            variants = []
            for count, variant in enumerate(_READERS[fmt](table, stats), start=1):
                variants.append(variant)
                _write(db, batch_id, variant, result, now=now, before_max=before_max)
                if ctx is not None and count % 500 == 0:
                    ctx.raise_if_cancelled()
                    ctx.report(count, 0, f"Reading product {count:,}…")
            if not variants and stats["data_rows"]:
                raise AppError(f"{table.path.name} has no product variant Fondly can read.",
                               "Export the products again from your shop's admin.")
            store.record_created_after(db, batch_id, entity="product", after_id=before_max)
            result.data_rows = stats["data_rows"]
            result.accepted = len(variants)
            result.products = _product_stats(stats, variants) | {"restocked": result.restocked}
            result.unique_customers = db.execute("SELECT count(*) FROM customers").fetchone()[0]
            result.batch_id = batch_id
            if result.restocked and not dry_run:
                result.products["restock_drafts"] = _draft_restocks(db, result.restocked)
            store.finish_batch(db, batch_id, stats=result.to_json() | {"batch_id": batch_id})
            if dry_run:
                raise _DryRun()
    except _DryRun:
        result.batch_id = None
    return result


def _write(db: Database, batch_id: int, v: Variant, result: ImportResult, *, now: str,
           before_max: int) -> None:
    values = {"sku": v.sku, "name": v.name, "variant": v.variant, "stock": v.stock,
              "price": v.price, "shopify_handle": v.handle, "square_token": v.token,
              "status": v.status, "tracked": 1 if v.tracked else 0, "barcode": v.barcode}
    current = store.find_product(db, sku=v.sku, handle=v.handle, name=v.name, variant=v.variant)
    label = f"{v.name} — {v.variant}" if v.variant else v.name
    stock = "not tracked" if v.stock is None else f"stock {v.stock}"
    note = v.status.capitalize() + (", out of stock" if v.stock is not None and v.stock <= 0 else "")
    if current is None:
        store.insert_product(db, values | {"created_at": now, "updated_at": now})
        result.created += 1
        result.rows.append(RowOutcome(v.row, "new", label, stock, note=note))
        return
    changed = {k: val for k, val in values.items() if val is not None and current.get(k) != val}
    if "stock" in current and v.stock is None and current.get("stock") is not None:
        changed["stock"] = None  # no longer tracked
    if not changed:
        result.unchanged += 1
        result.rows.append(RowOutcome(v.row, "unchanged", label, stock, note=note))
        return
    if current["id"] <= before_max and not store.touched(db, batch_id, "product", current["id"]):
        before = {k: val for k, val in current.items() if k != "id"}
        store.record_updated(db, batch_id, entity="product", entity_id=current["id"], before=before)
    store.update_product(db, current["id"], changed | {"updated_at": now})
    old_stock = current.get("stock")
    if v.stock is not None and v.stock > 0 and old_stock is not None and old_stock <= 0:
        # Back in stock: the caller may draft the back-in-stock notes for this product.
        result.restocked.append({"product_id": current["id"], "sku": v.sku, "quantity": v.stock})
    result.updated += 1
    result.rows.append(RowOutcome(v.row, "update", label, stock, note=note))


def _draft_restocks(db: Database, restocked: list[dict]) -> int:
    """Back in stock through a file: draft the waiting customers' notes in the same transaction."""
    from desktop_app.drafting import draft_restock
    from desktop_app.drafting.dates import shop_today
    from desktop_app.settings import load_settings

    settings = load_settings(db)
    today = shop_today(settings)
    created = 0
    for item in restocked:
        run = draft_restock(db, item["product_id"], quantity=item["quantity"], today=today,
                            settings=settings)
        created += run.created
    return created


def _product_stats(stats: dict, variants: list[Variant]) -> dict:
    tracked = [v for v in variants if v.tracked]
    out = [v for v in tracked if v.stock is not None and v.stock <= 0]
    active_out = [v for v in out if v.status == "active"]
    return {
        "data_rows": stats["data_rows"], "products": stats["products"],
        "variant_rows": stats["variant_rows"], "image_only_rows": stats["image_only_rows"],
        "active_products": stats.get("active", 0), "draft_products": stats.get("draft", 0),
        "archived_products": stats.get("archived", 0),
        "tracked_variants": len(tracked), "untracked_variants": len(variants) - len(tracked),
        "out_of_stock_variants": len(out), "out_of_stock_variants_active": len(active_out),
        "oos_skus_active": [v.sku or f"{v.name} / {v.variant}" for v in active_out],
    }
