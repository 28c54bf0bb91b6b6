"""Product rows: search, read, insert and stock changes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from storage.timestamps import utc_now_iso


@dataclass(frozen=True)
class Product:
    id: int
    sku: str | None
    name: str
    variant: str
    stock: int | None
    price: str | None
    open_requests: int = 0

    @property
    def label(self) -> str:
        return f"{self.name} ({self.variant})" if self.variant else self.name


_SELECT = (
    "SELECT p.id, p.sku, p.name, p.variant, p.stock, p.price, "
    "(SELECT count(*) FROM waitlist w WHERE w.product_id = p.id "
    " AND w.fulfilled_at IS NULL AND w.expired_at IS NULL) FROM products p"
)


def _row(row) -> Product:
    return Product(*row)


def search(db: Database, text: str = "", *, limit: int | None = None) -> list[Product]:
    """Products whose name, variant or SKU contains *text* (all when empty), by name."""
    params: list = []
    where = ""
    if text.strip():
        like = f"%{text.strip()}%"
        where = " WHERE p.name LIKE ? OR p.variant LIKE ? OR p.sku LIKE ?"
        params = [like, like, like]
    sql = f"{_SELECT}{where} ORDER BY p.name COLLATE NOCASE, p.variant, p.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_row(r) for r in db.execute(sql, params).fetchall()]


def get(db: Database, product_id: int) -> Product | None:
    row = db.execute(f"{_SELECT} WHERE p.id = ?", [product_id]).fetchone()
    return _row(row) if row else None


def find_by_sku(db: Database, sku: str) -> Product | None:
    row = db.execute(f"{_SELECT} WHERE p.sku = ?", [sku]).fetchone()
    return _row(row) if row else None


def find_by_name(db: Database, name: str) -> list[Product]:
    rows = db.execute(f"{_SELECT} WHERE p.name = ? COLLATE NOCASE ORDER BY p.id", [name]).fetchall()
    return [_row(r) for r in rows]


def insert(
    db: Database,
    *,
    name: str,
    sku: str | None = None,
    variant: str = "",
    stock: int | None = None,
    price: str | None = None,
    now: str | None = None,
) -> int:
    now = now or utc_now_iso()
    cursor = db.execute(
        "INSERT INTO products (sku, name, variant, stock, price, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [sku or None, name, variant, stock, price, now, now],
    )
    return cursor.lastrowid


def set_stock(db: Database, product_id: int, stock: int | None, *, now: str | None = None) -> None:
    db.execute(
        "UPDATE products SET stock = ?, updated_at = ? WHERE id = ?",
        [stock, now or utc_now_iso(), product_id],
    )
