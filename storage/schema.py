"""The whole product's schema as ordered, named migrations (extend only by appending new ones)."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

migrations = Migrations("fondly")

# FTS5 over the customer's names, e-mail and notes. External-content table, kept in sync by
# triggers. Prefix indexes make search-as-you-type ("mar" → "mar"*) an index lookup. Search only
# asks which rows match, so the index keeps no positions or column sizes (detail=none,
# columnsize=0): a third of the size, twice as fast to build. It then refuses phrase queries, so
# storage.customers.fts_query quotes one word at a time (storage/fts_words.py).
CUSTOMERS_FTS_SQL = """
CREATE VIRTUAL TABLE customers_fts USING fts5(
    display_name, first_name, last_name, email, phone, notes,
    content='customers', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3',
    detail=none, columnsize=0
);
CREATE TRIGGER customers_ai AFTER INSERT ON customers BEGIN
  INSERT INTO customers_fts(rowid, display_name, first_name, last_name, email, phone, notes)
  VALUES (new.id, new.display_name, new.first_name, new.last_name, new.email, new.phone, new.notes);
END;
CREATE TRIGGER customers_ad AFTER DELETE ON customers BEGIN
  INSERT INTO customers_fts(customers_fts, rowid, display_name, first_name, last_name, email, phone, notes)
  VALUES ('delete', old.id, old.display_name, old.first_name, old.last_name, old.email, old.phone, old.notes);
END;
CREATE TRIGGER customers_au AFTER UPDATE OF display_name, first_name, last_name, email, phone, notes
ON customers BEGIN
  INSERT INTO customers_fts(customers_fts, rowid, display_name, first_name, last_name, email, phone, notes)
  VALUES ('delete', old.id, old.display_name, old.first_name, old.last_name, old.email, old.phone, old.notes);
  INSERT INTO customers_fts(rowid, display_name, first_name, last_name, email, phone, notes)
  VALUES (new.id, new.display_name, new.first_name, new.last_name, new.email, new.phone, new.notes);
END;
"""


def rebuild_customers_fts(db: Database) -> None:
    """Recreate the customers FTS table and its triggers (``transform()`` drops triggers)."""
    for name in ("customers_ai", "customers_ad", "customers_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("DROP TABLE IF EXISTS customers_fts")
    _exec_script(db)
    db.execute("INSERT INTO customers_fts(customers_fts) VALUES ('rebuild')")


def _exec_script(db: Database) -> None:
    # executescript() would COMMIT the surrounding migration transaction; run statement by statement.
    for statement in _split_sql(CUSTOMERS_FTS_SQL):
        db.execute(statement)


def _split_sql(script: str) -> list[str]:
    statements, current = [], []
    for line in script.strip().splitlines():
        current.append(line)
        joined = "\n".join(current)
        if line.rstrip().endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    return statements


@migrations()
def m001_core(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE customers (
            id INTEGER PRIMARY KEY,
            first_name TEXT NOT NULL DEFAULT '',
            last_name TEXT NOT NULL DEFAULT '',
            display_name TEXT NOT NULL DEFAULT '',
            email TEXT,
            email_key TEXT,
            phone TEXT,
            phone_key TEXT,
            birth_month INTEGER CHECK (birth_month BETWEEN 1 AND 12),
            birth_day INTEGER CHECK (birth_day BETWEEN 1 AND 31),
            birth_year INTEGER,
            language TEXT,
            email_consent TEXT NOT NULL DEFAULT 'unknown'
                CHECK (email_consent IN ('yes', 'no', 'unknown')),
            consent_source TEXT,
            consent_at TEXT,
            do_not_contact INTEGER NOT NULL DEFAULT 0,
            notes TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            shopify_id TEXT,
            square_id TEXT,
            edited_fields TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE UNIQUE INDEX customers_email_key ON customers(email_key) WHERE email_key IS NOT NULL")
    db.execute("CREATE INDEX customers_phone_key ON customers(phone_key) WHERE phone_key IS NOT NULL")
    db.execute("CREATE INDEX customers_shopify_id ON customers(shopify_id) WHERE shopify_id IS NOT NULL")
    db.execute("CREATE INDEX customers_square_id ON customers(square_id) WHERE square_id IS NOT NULL")
    db.execute("CREATE INDEX customers_display_name ON customers(display_name COLLATE NOCASE, id)")
    db.execute("CREATE INDEX customers_last_name ON customers(last_name COLLATE NOCASE, id)")
    db.execute("CREATE INDEX customers_email ON customers(email COLLATE NOCASE, id)")
    db.execute("CREATE INDEX customers_birthday ON customers(birth_month, birth_day, id)")
    db.execute("CREATE INDEX customers_created ON customers(created_at, id)")
    _exec_script(db)

    db.execute(
        """
        CREATE TABLE products (
            id INTEGER PRIMARY KEY,
            sku TEXT,
            name TEXT NOT NULL,
            variant TEXT NOT NULL DEFAULT '',
            stock INTEGER,
            price TEXT,
            shopify_handle TEXT,
            square_token TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE UNIQUE INDEX products_sku ON products(sku) WHERE sku IS NOT NULL AND sku != ''")
    db.execute("CREATE INDEX products_name ON products(name COLLATE NOCASE, variant, id)")

    db.execute(
        """
        CREATE TABLE waitlist (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
            variant TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            asked_at TEXT NOT NULL,
            fulfilled_at TEXT,
            expired_at TEXT
        )
        """
    )
    db.execute("CREATE INDEX waitlist_open ON waitlist(product_id, asked_at) WHERE fulfilled_at IS NULL AND expired_at IS NULL")
    db.execute("CREATE INDEX waitlist_customer ON waitlist(customer_id)")

    db.execute(
        """
        CREATE TABLE visits (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            amount REAL,
            points INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT 'manual',
            external_id TEXT
        )
        """
    )
    db.execute("CREATE INDEX visits_customer ON visits(customer_id, at)")
    db.execute("CREATE UNIQUE INDEX visits_external ON visits(source, external_id) WHERE external_id IS NOT NULL")

    db.execute(
        """
        CREATE TABLE templates (
            id INTEGER PRIMARY KEY,
            occasion TEXT NOT NULL,
            language TEXT NOT NULL,
            subject TEXT NOT NULL,
            body_text TEXT NOT NULL,
            body_html TEXT,
            edited INTEGER NOT NULL DEFAULT 0,
            updated_at TEXT NOT NULL,
            UNIQUE (occasion, language)
        )
        """
    )

    db.execute(
        """
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            occasion TEXT NOT NULL,
            occasion_key TEXT NOT NULL,
            occasion_date TEXT,
            why TEXT NOT NULL,
            data TEXT NOT NULL DEFAULT '{}',
            language TEXT,
            template_id INTEGER REFERENCES templates(id) ON DELETE SET NULL,
            subject TEXT NOT NULL DEFAULT '',
            body_text TEXT NOT NULL DEFAULT '',
            body_html TEXT,
            edited INTEGER NOT NULL DEFAULT 0,
            findings TEXT NOT NULL DEFAULT '[]',
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'skipped', 'snoozed', 'dropped',
                                  'sent', 'failed')),
            status_reason TEXT,
            snooze_until TEXT,
            planned_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            decided_at TEXT,
            UNIQUE (customer_id, occasion, occasion_key)
        )
        """
    )
    db.execute("CREATE INDEX drafts_status ON drafts(status, occasion_date, id)")
    db.execute("CREATE INDEX drafts_customer ON drafts(customer_id, created_at)")

    # "Never this occasion for this customer", set from the review queue.
    db.execute(
        """
        CREATE TABLE suppressions (
            customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
            occasion TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (customer_id, occasion)
        )
        """
    )

    db.execute(
        """
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY,
            draft_id INTEGER UNIQUE REFERENCES drafts(id) ON DELETE SET NULL,
            customer_id INTEGER REFERENCES customers(id) ON DELETE SET NULL,
            occasion TEXT NOT NULL,
            to_name TEXT NOT NULL DEFAULT '',
            to_addr TEXT NOT NULL,
            subject TEXT NOT NULL,
            body_text TEXT NOT NULL,
            body_html TEXT,
            message_id TEXT,
            state TEXT NOT NULL DEFAULT 'queued'
                CHECK (state IN ('approved', 'queued', 'sending', 'sent', 'failed', 'deferred',
                                 'needs_attention', 'discarded')),
            attempts INTEGER NOT NULL DEFAULT 0,
            planned_at TEXT NOT NULL,
            next_attempt_at TEXT,
            last_code TEXT,
            last_error TEXT,
            server_reply TEXT,
            sent_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX outbox_due ON outbox(state, planned_at, id)")
    db.execute("CREATE INDEX outbox_sent ON outbox(sent_at, id) WHERE sent_at IS NOT NULL")
    db.execute("CREATE INDEX outbox_customer ON outbox(customer_id, sent_at)")

    db.execute(
        """
        CREATE TABLE send_log (
            id INTEGER PRIMARY KEY,
            outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            event TEXT NOT NULL,
            code TEXT,
            detail TEXT
        )
        """
    )
    db.execute("CREATE INDEX send_log_outbox ON send_log(outbox_id, id)")
    db.execute("CREATE INDEX send_log_at ON send_log(at)")

    db.execute(
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            file_name TEXT NOT NULL,
            format TEXT,
            kind TEXT NOT NULL DEFAULT 'customers',
            stats TEXT NOT NULL DEFAULT '{}',
            undone_at TEXT
        )
        """
    )
    # What each import did to each row it touched, so "undo" restores the exact earlier state.
    db.execute(
        """
        CREATE TABLE import_changes (
            id INTEGER PRIMARY KEY,
            import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
            entity TEXT NOT NULL DEFAULT 'customer',
            entity_id INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('created', 'updated')),
            before TEXT
        )
        """
    )
    db.execute("CREATE INDEX import_changes_batch ON import_changes(import_id, entity, entity_id)")
    db.execute(
        """
        CREATE TABLE import_mappings (
            header_key TEXT PRIMARY KEY,
            mapping TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )

    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    # Machine state (last day scanned, outbox pause, …): not owner-facing settings.
    db.execute("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")

    db.execute(
        """
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            detail TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    db.execute("CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id)")


@migrations()
def m030_import_products(db: Database) -> None:
    # What the product imports know beyond stock: Shopify/Square status (only active products
    # are offered for back-in-stock notes), whether stock is tracked at all, and the barcode.
    db.execute("ALTER TABLE products ADD COLUMN status TEXT NOT NULL DEFAULT 'active'")
    db.execute("ALTER TABLE products ADD COLUMN tracked INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE products ADD COLUMN barcode TEXT")
    db.execute("CREATE INDEX products_handle ON products(shopify_handle, variant) "
               "WHERE shopify_handle IS NOT NULL")


@migrations()
def m040_occasions(db: Database) -> None:
    # The shop-local day a draft was made on: the cool-down counts in the shop's calendar days,
    # and `fondly draft --today` must behave like that day (created_at is the real clock).
    db.execute("ALTER TABLE drafts ADD COLUMN drafted_on TEXT")
    db.execute("CREATE INDEX drafts_customer_day ON drafts(customer_id, drafted_on)")
    db.execute("CREATE INDEX waitlist_product ON waitlist(product_id, id)")
    # Win-back reads visits by date range; anniversaries by month-day of the first visit.
    db.execute("CREATE INDEX visits_at ON visits(at, customer_id, points)")
    db.execute("CREATE INDEX visits_month_day ON visits(substr(at, 6, 5))")
    # Loyalty numbers and sums each visit's history per customer without touching the table.
    db.execute("CREATE INDEX visits_customer_points ON visits(customer_id, at, points)")


@migrations()
def m050_review(db: Database) -> None:
    # When the check last ran on a draft: findings older than the draft, its customer or today
    # are recomputed before the owner sees them (an empty '[]' alone cannot say "never checked").
    db.execute("ALTER TABLE drafts ADD COLUMN checked_at TEXT")


@migrations()
def m070_outbox_history(db: Database) -> None:
    # The Sent page's status filter pages newest first within one state ("Failed", "Sent"):
    # without this it would scan the whole history to find a few failed rows.
    db.execute("CREATE INDEX outbox_state_id ON outbox(state, id)")


@migrations()
def m080_slim_search_index(db: Database) -> None:
    # Rebuild the customer search index without positions and column sizes (CUSTOMERS_FTS_SQL):
    # an FTS5 table's options cannot be altered, so drop it and index every customer again.
    rebuild_customers_fts(db)


@migrations()
def m081_created_ranges(db: Database) -> None:
    # An import records the rows it created as one id range (entity_id..until_id), not a row
    # per customer: 100,000 rows of bookkeeping cost a bulk import 0.06 s and 3 MB.
    db.execute("ALTER TABLE import_changes ADD COLUMN until_id INTEGER")


@migrations()
def m082_email_order_from_key(db: Database) -> None:
    # Customers sort by e-mail through the identity key's index (the address lower-cased), so
    # one index serves both, and every import builds one index fewer. The key index now holds
    # customers without an address too (several NULLs never clash in a UNIQUE index), so the
    # customer list can walk it in order.
    db.execute("DROP INDEX IF EXISTS customers_email")
    db.execute("DROP INDEX IF EXISTS customers_email_key")
    db.execute("CREATE UNIQUE INDEX customers_email_key ON customers(email_key)")


# The customer sort indexes as m083 leaves them: SQLite ends every index entry with the row id,
# so an index on the sort columns alone also orders ties by id.
SORT_INDEXES_SQL = (
    "CREATE INDEX customers_display_name ON customers(display_name COLLATE NOCASE)",
    "CREATE INDEX customers_last_name ON customers(last_name COLLATE NOCASE)",
    "CREATE INDEX customers_birthday ON customers(birth_month, birth_day)",
    "CREATE INDEX customers_created ON customers(created_at)",
)


@migrations()
def m083_sort_indexes_without_id(db: Database) -> None:
    # m001 named ``id`` as the last column of each sort index, and SQLite appends the row id
    # anyway: each entry held it twice. The same plans use the slimmer indexes (ORDER BY …, id
    # still walks them without a sort), which an import builds 12 % faster.
    for sql in SORT_INDEXES_SQL:
        name = sql.split()[2]
        db.execute(f"DROP INDEX IF EXISTS {name}")
        db.execute(sql)
