"""Search after re-imports: the index holds a customer's new values, not the old ones.

A re-import fills a missing name and replaces a changed phone (desktop_app/importing/merging.py);
the engine reindexes each updated customer with FTS5's 'delete' of the old values.
"""

from __future__ import annotations

import pytest

from desktop_app.importing.engine import run_import
from storage import customers

HEADER = "Name,Email,Phone,Notes\n"


def test_a_reimport_reindexes_updated_customers(tmp_path, db):
    first = tmp_path / "a.csv"
    first.write_text(HEADER + ",al@example.com,503 555 0101,likes rye\n"
                     "Bo Ng,bo@example.com,,\n", encoding="utf-8")
    run_import(db, first)
    al = customers.find_by_email(db, "al@example.com")
    assert customers.ordered_ids(db, search="555 0101") == [al.id]
    assert customers.ordered_ids(db, search="roisin") == []

    second = tmp_path / "b.csv"
    second.write_text(HEADER + "Róisín Ó Briain,al@example.com,503 555 0199,likes spelt\n"
                      "Cy O'Doe,cy@example.com,,\n", encoding="utf-8")
    result = run_import(db, second)
    assert (result.updated, result.created) == (1, 1)
    al = customers.get(db, al.id)
    assert (al.display_name, al.phone) == ("Róisín Ó Briain", "503 555 0199")
    assert customers.ordered_ids(db, search="0101") == []
    assert customers.ordered_ids(db, search="503 555 0199") == [al.id]
    assert customers.ordered_ids(db, search="roisin o b") == [al.id]
    assert customers.ordered_ids(db, search="rye spelt") == [al.id]
    cy = customers.find_by_email(db, "cy@example.com")
    assert customers.ordered_ids(db, search="o'd") == [cy.id]
    # Every index entry agrees with the table (a wrong 'delete' would leave stale entries).
    db.execute("INSERT INTO customers_fts(customers_fts, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize("reindex_at_once", [1, 20_000])
def test_a_later_row_of_the_same_file_reindexes_a_customer_made_earlier(tmp_path, db, monkeypatch,
                                                                        reindex_at_once):
    """New customers are indexed a batch at a time; a duplicate in a later batch that changes
    one of them must replace its index entry."""
    from desktop_app.importing import customer_import

    monkeypatch.setattr(customer_import, "BATCH_ROWS", 3)
    monkeypatch.setattr(customer_import, "INDEX_EVERY", 1)
    monkeypatch.setattr(customer_import, "REINDEX_AT_ONCE", reindex_at_once)
    path = tmp_path / "a.csv"
    fillers = "".join(f"P{i},p{i}@example.com,,\n" for i in range(7))
    path.write_text(HEADER + ",al@example.com,503 555 0101,\n" + fillers
                    + "Róisín Ó Briain,al@example.com,503 555 0199,likes spelt\n", encoding="utf-8")
    result = run_import(db, path)
    assert (result.created, result.merged_rows) == (8, 1)
    al = customers.find_by_email(db, "al@example.com")
    assert customers.ordered_ids(db, search="0101") == []
    assert customers.ordered_ids(db, search="0199") == [al.id]
    assert customers.ordered_ids(db, search="roisin spelt") == [al.id]
    assert customers.ordered_ids(db, search="p6") == [customers.find_by_email(db, "p6@example.com").id]
    db.execute("INSERT INTO customers_fts(customers_fts, rank) VALUES ('integrity-check', 1)")
