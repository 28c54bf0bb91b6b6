"""first_ids: the first page of a search or sort, the same as ordered_ids' head, by either plan."""

from __future__ import annotations

import random

import pytest

from storage import customers

FIRST = ("Maria", "Mario", "Marek", "Ann", "Omar", "Zoë", "Sofia", "Oscar", "王", "Jon")
LAST = ("Müller", "Smith", "O'Brien", "Nguyen", "Sato", "García", "Orsini", "Kowalski")


@pytest.fixture
def shop(db):
    rnd = random.Random(3)
    customers.insert_many(db, (
        {
            "first_name": rnd.choice(FIRST),
            "last_name": rnd.choice(LAST),
            "email": f"p{i}@example.com" if i % 7 else None,
            "phone": "+1 503 555 0100" if i % 7 == 0 else None,
            "birth_month": rnd.choice((None, rnd.randint(1, 12))),
            "birth_day": rnd.randint(1, 28),
            "email_consent": rnd.choice(("yes", "no", "unknown")),
        }
        for i in range(600)
    ))
    return db


@pytest.mark.parametrize("order_by", sorted(customers.SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_first_ids_is_the_head_of_ordered_ids_for_every_sort_and_search(shop, order_by, descending):
    # sort_at_most=0: the index walk for every search (succeeding or giving up on its budget);
    # the default: sorting, as a 600-customer shop always does.
    for search in ("", "m", "mar", "maria", "o", "王", "zz", "smith ma", "p12"):
        full = customers.ordered_ids(shop, search=search, order_by=order_by, descending=descending)
        for limit in (5, 60, 400):
            for sort_at_most in (0, customers.SORT_AT_MOST):
                ids, matches = customers.first_ids(shop, search=search, order_by=order_by,
                                                   descending=descending, limit=limit,
                                                   sort_at_most=sort_at_most)
                assert (ids, matches) == (full[:limit], len(full)), (search, limit, sort_at_most)


def _statements(db, action) -> list[str]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    action()
    db.conn.set_trace_callback(None)
    return [sql for sql in seen if sql.startswith("SELECT id FROM")]


def test_many_matches_walk_the_index_and_few_are_sorted(shop):
    walk = _statements(shop, lambda: customers.first_ids(shop, search="p", limit=5, sort_at_most=100))
    assert len(walk) == 1 and "INDEXED BY customers_display_name" in walk[0]
    few = _statements(shop, lambda: customers.first_ids(shop, search="p", limit=5))
    assert len(few) == 1 and "INDEXED BY" not in few[0]


def test_a_walk_past_its_budget_gives_up_and_sorts(shop):
    # Every Zoë sorts last by name: the walk's budget (8 × limit × customers ÷ matches) ends
    # long before the first of them.
    zoes = customers.ordered_ids(shop, search="zoë")
    assert 0 < len(zoes) < 100
    steps = _statements(shop, lambda: customers.first_ids(shop, search="zoë", limit=1, sort_at_most=0))
    assert len(steps) == 2 and "INDEXED BY" in steps[0] and "INDEXED BY" not in steps[1]
    assert customers.first_ids(shop, search="zoë", limit=1, sort_at_most=0) == (zoes[:1], len(zoes))


def test_first_ids_falls_back_to_sorting_when_the_index_is_missing(shop):
    expected = customers.ordered_ids(shop, search="m")[:5]
    shop.execute("DROP INDEX customers_display_name")
    assert customers.first_ids(shop, search="m", limit=5, sort_at_most=0)[0] == expected


def test_match_count_counts_what_ordered_ids_finds(shop):
    for search in ("", "ma", "zz", "  ", "-"):
        assert customers.match_count(shop, search) == len(customers.ordered_ids(shop, search=search))


def test_email_order_is_the_lower_cased_address_through_the_key_index(db):
    customers.insert_many(db, ({"first_name": n, "email": e, "phone": p} for n, e, p in (
        ("Bo", "bo@example.com", None), ("Al", "Al@Example.com", None),
        ("Ça", "Ça@example.com", None), ("Cy", "cy@example.com", None),
        ("Ph", None, "+1 503 555 0100"))))
    ids = customers.ordered_ids(db, order_by="email")
    names = [customers.get(db, i).first_name for i in ids]
    assert names == ["Ph", "Al", "Bo", "Cy", "Ça"]  # no address first, then case-insensitively
    plan = " ".join(r[3] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT id FROM customers ORDER BY email_key, id").fetchall())
    assert "customers_email_key" in plan and "TEMP B-TREE" not in plan
    walk = _statements(db, lambda: customers.first_ids(db, search="example", order_by="email",
                                                       limit=2, sort_at_most=0))
    assert "INDEXED BY customers_email_key" in walk[0]
    assert customers.first_ids(db, search="example", order_by="email", limit=2,
                               sort_at_most=0)[0] == ids[1:3]


@pytest.mark.parametrize("order_by", sorted(customers.SORT_INDEXES))
@pytest.mark.parametrize("descending", [False, True])
def test_every_indexed_sort_walks_its_index_ties_by_id_included(shop, order_by, descending):
    # The sort indexes name only the sort columns (m083): SQLite's row id at the end of every
    # entry orders the ties, so "ORDER BY …, id" needs no sort of its own.
    order = customers._order_clause(order_by, descending)
    plan = " ".join(r[3] for r in shop.execute(
        f"EXPLAIN QUERY PLAN SELECT id FROM customers ORDER BY {order} LIMIT 5").fetchall())
    assert customers.SORT_INDEXES[order_by] in plan and "TEMP B-TREE" not in plan
    index = customers.SORT_INDEXES[order_by]
    walked = [r[0] for r in shop.execute(f"SELECT id FROM customers INDEXED BY {index} "
                                         f"ORDER BY {order}")]
    assert walked == customers.ordered_ids(shop, order_by=order_by, descending=descending)
