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
    # limit 5 walks the index for the wide searches; limit 400 sorts every search's matches.
    for search in ("", "m", "mar", "maria", "o", "王", "zz", "smith ma", "p12"):
        full = customers.ordered_ids(shop, search=search, order_by=order_by, descending=descending)
        for limit in (5, 60, 400):
            ids, matches = customers.first_ids(shop, search=search, order_by=order_by,
                                               descending=descending, limit=limit)
            assert (ids, matches) == (full[:limit], len(full)), (search, limit)


def test_first_ids_uses_the_index_walk_for_a_wide_search_and_sorting_for_a_narrow_one(shop):
    plans = []
    shop.conn.set_trace_callback(plans.append)
    customers.first_ids(shop, search="m", limit=5)
    customers.first_ids(shop, search="maria smith", limit=60)
    shop.conn.set_trace_callback(None)
    walks = [sql for sql in plans if "INDEXED BY" in sql]
    assert len(walks) == 1 and "'\"m\"*'" in walks[0]


def test_first_ids_falls_back_to_sorting_when_the_index_is_missing(shop):
    expected = customers.ordered_ids(shop, search="m")[:5]
    shop.execute("DROP INDEX customers_display_name")
    assert customers.first_ids(shop, search="m", limit=5)[0] == expected


def test_match_count_counts_what_ordered_ids_finds(shop):
    for search in ("", "ma", "zz", "  ", "-"):
        assert customers.match_count(shop, search) == len(customers.ordered_ids(shop, search=search))
