"""The slim customer search index (FTS5 detail=none): every typed text is a valid query, names
are found by any prefix, stores indexed the old way are migrated, and updates reindex."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from storage import bulk, customers, import_speed, imports
from storage.db import open_db
from storage.fts_words import SEPARATORS, measure_separators, words
from storage.schema import migrations

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])

# The index as m001 made it before m080: positions kept (detail=full), phrases allowed.
OLD_FTS_SQL = """
CREATE VIRTUAL TABLE customers_fts USING fts5(
    display_name, first_name, last_name, email, phone, notes,
    content='customers', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'
)"""

NAMES = ["Zoë Ångström", "O'Brien", "Jean-Luc Picard", "Ó Briain", "山田 太郎", "Zoe\u0308 Lee",
         "Anne-Marie d'Arcy", "François Müller-Łukasz", "Þóra Ævarsdóttir", "Nguyễn Thị Ánh",
         "José María", "Søren O’Neill", "Ἀλέξανδρος", "Иван Петров", "Chloé St. John-Smythe"]


def fts_sql(db) -> str:
    return db.execute("SELECT sql FROM sqlite_master WHERE name = 'customers_fts'").fetchone()[0]


def matching(db, text: str) -> list[int]:
    query = customers.fts_query(text)
    if query is None:
        return []
    return [r[0] for r in db.execute(
        "SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? ORDER BY rowid", [query])]


def _error(db, query: str) -> str:
    with pytest.raises(sqlite3.OperationalError) as caught:
        db.execute("SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?", [query]).fetchall()
    return str(caught.value)


def test_the_index_keeps_no_positions(db):
    sql = fts_sql(db)
    assert "detail=none" in sql and "columnsize=0" in sql and "prefix='1 2 3'" in sql
    assert "phrase queries are not supported" in _error(db, '"a b"')


@pytest.mark.parametrize("typed", ["a_b", "o'brien", "x·y", "x\u200by", "café☕au", "🙂🙂",
                                   "a\x00b", "\ud800x", "ü\u0301", "\u0301", '"', '""*', "AND",
                                   "NEAR(a b)", "a*", "-x", "col:val", "^a", "日本語テキスト"])
def test_text_the_tokenizer_splits_is_never_a_phrase(db, typed):
    customers.insert(db, {"first_name": "O'Brien", "last_name": "a_b x·y"})
    # None of these raises "fts5: phrase queries are not supported" or a syntax error.
    matching(db, typed)
    customers.first_ids(db, search=typed)
    customers.match_count(db, typed)


@pytest.mark.parametrize("typed", ["a_b", "o'brien", "O'B", "x·y", "a_", "o’bri", "b x"])
def test_words_joined_by_symbols_find_the_customer(db, typed):
    customer_id = customers.insert(db, {"first_name": "O'Brien", "last_name": "a_b x·y"})
    customers.insert(db, {"first_name": "Someone", "last_name": "Else"})
    assert matching(db, typed) == [customer_id]
    assert customers.first_ids(db, search=typed) == ([customer_id], 1)


def test_each_quoted_word_is_one_token_for_sqlite(db):
    # The index's own tokenizer sees one word in every quoted string fts_query makes.
    text = "Zoë O'Brien-Smith a_b x·y 山田 ☕ tea\u00a0time"
    for word in words(text):
        db.execute("CREATE VIRTUAL TABLE temp.one USING fts5(x, tokenize='unicode61 remove_diacritics 2')")
        db.execute("INSERT INTO temp.one(x) VALUES (?)", [word])
        db.execute("CREATE VIRTUAL TABLE temp.one_vocab USING fts5vocab(temp, one, 'row')")
        assert db.execute("SELECT count(*) FROM temp.one_vocab").fetchone()[0] == 1, word
        db.execute("DROP TABLE temp.one_vocab")
        db.execute("DROP TABLE temp.one")


@SETTINGS
@given(text=st.text())
def test_any_typed_text_is_a_valid_query(db, text):
    matching(db, text)  # raises sqlite3.OperationalError on a phrase or a syntax error


@SETTINGS
@given(text=st.text(st.characters(codec="utf-8"), max_size=40))
def test_any_text_stored_is_found_by_itself(db, text):
    assume(words(text))
    customer_id = customers.insert(db, {"first_name": text})
    assert customer_id in matching(db, text)
    customers.delete(db, [customer_id])


@pytest.fixture(scope="module")
def named_store(tmp_path_factory):
    database = open_db(tmp_path_factory.mktemp("names") / "fondly.db")
    ids = {name: customers.insert(database, {"display_name": name}) for name in NAMES}
    customers.insert(database, {"display_name": "Somebody Else"})
    yield database, ids
    database.close()


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(NAMES), cut=st.integers(min_value=1, max_value=40))
def test_any_prefix_of_a_name_finds_it(named_store, name, cut):
    db, ids = named_store
    typed = name[:cut]
    assume(words(typed))
    assert ids[name] in customers.ordered_ids(db, search=typed)
    assert ids[name] in customers.first_ids(db, search=typed, limit=len(ids) + 1)[0]


def test_the_separator_table_is_this_sqlites(db):
    assert measure_separators(db.conn) == list(SEPARATORS)


def test_a_store_indexed_the_old_way_is_migrated_and_still_searchable(db_path):
    database = open_db(db_path, migrate=False)
    migrations.apply(database, stop_before="m080_slim_search_index")
    for name in ("customers_ai", "customers_ad", "customers_au"):
        database.execute(f"DROP TRIGGER {name}")
    database.execute("DROP TABLE customers_fts")
    database.execute(OLD_FTS_SQL)
    zoe = customers.insert(database, {"first_name": "Zoë", "last_name": "O'Brien",
                                      "email": "zoe@example.com"})
    yamada = customers.insert(database, {"display_name": "山田 太郎", "notes": "likes rye"})
    database.execute("INSERT INTO customers_fts(customers_fts) VALUES ('rebuild')")
    database.conn.commit()
    assert "detail" not in fts_sql(database)
    database.close()

    database = open_db(db_path)  # runs m080
    assert migrations.pending(database) == []
    assert "detail=none" in fts_sql(database)
    assert customers.ordered_ids(database, search="zoe o'bri") == [zoe]
    assert customers.ordered_ids(database, search="山") == [yamada]
    assert customers.ordered_ids(database, search="rye") == [yamada]
    assert customers.match_count(database, "zoe@example") == 1
    # The triggers are back: later writes are indexed.
    later = customers.insert(database, {"first_name": "Marta"})
    customers.update(database, zoe, {"last_name": "Quinn", "display_name": "Zoë Quinn"})
    assert customers.ordered_ids(database, search="mart") == [later]
    assert customers.ordered_ids(database, search="o'brien") == []
    assert customers.ordered_ids(database, search="zoe quinn") == [zoe]
    database.close()


def test_the_import_reindex_replaces_the_old_words(db):
    ann = customers.insert(db, {"first_name": "Ann", "last_name": "Lee", "email": "al@example.com"})
    before_max = ann
    with db.atomic():
        suspended = import_speed.suspend_insert_indexing(db)
        current = dict(zip(("id", "display_name", "first_name", "last_name", "email", "phone", "notes"),
                           db.execute("SELECT id, display_name, first_name, last_name, email, phone, "
                                      "notes FROM customers WHERE id = ?", [ann]).fetchone(),
                           strict=True))
        imports.update_customer(db, ann, {"first_name": "Róisín", "display_name": "Róisín Lee"})
        import_speed.reindex_customer(db, ann, current)
        imports.insert_customers(db, ["first_name", "display_name", "created_at", "updated_at"],
                                 ["Bo", "Bo Ng", "2026-01-01", "2026-01-01"])
        import_speed.index_new_rows(db, after_id=before_max)
        import_speed.restore_triggers(db, suspended)
    assert customers.ordered_ids(db, search="ann") == []
    assert customers.ordered_ids(db, search="rois") == [ann]
    assert customers.ordered_ids(db, search="lee") == [ann]
    assert customers.ordered_ids(db, search="bo ng") == [ann + 1]
    # The index agrees with the table: an integrity check reads every entry against it.
    db.execute("INSERT INTO customers_fts(customers_fts, rank) VALUES ('integrity-check', 1)")


def test_bulk_loads_are_indexed(db):
    with db.atomic(), bulk.customers_fts_paused(db):
        bulk.insert_rows(db, "customers", ["first_name", "display_name", "created_at", "updated_at"],
                         [(f"Name{i}", f"Name{i} O'Hara", "2026-01-01", "2026-01-01") for i in range(50)])
    assert customers.match_count(db, "o'hara") == 50
    assert customers.ordered_ids(db, search="name7") == [8]
    db.execute("INSERT INTO customers_fts(customers_fts, rank) VALUES ('integrity-check', 1)")
