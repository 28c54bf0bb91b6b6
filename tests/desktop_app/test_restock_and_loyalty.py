"""Back-in-stock with N smaller than the waitlist, old and very old requests; loyalty rules."""

from __future__ import annotations

import datetime as dt

from desktop_app.drafting import draft_day
from desktop_app.products import restock, set_stock
from desktop_app.settings import Settings
from desktop_app.visits import log_visit
from storage import drafts, products, waitlist
from tests.desktop_app.shop_builder import add_customer, add_product, add_visit, ask

S = Settings(cooldown_days=14, restock_still_interested_days=30, restock_expire_days=180,
             stamp_every=10, points_reward_threshold=100, winback_after_days=90, winback_min_visits=3)
DAY = dt.date(2026, 3, 12)


def test_restocked_n_smaller_than_the_waitlist_tells_the_oldest_n(db):
    product = add_product(db, name="Rye sourdough")
    people = [add_customer(db) for _ in range(5)]
    for i, cid in enumerate(people):
        ask(db, cid, product, DAY - dt.timedelta(days=10 - i))
    run = restock(db, product, 3, settings=S, today=DAY)
    assert run.by_occasion == {"restock": 3}
    told = [drafts.get(db, i).customer_id for i in run.draft_ids]
    assert told == people[:3]
    assert [r.customer_id for r in waitlist.open_for_product(db, product)] == people[3:]
    assert products.get(db, product).stock == 3
    first = drafts.get(db, run.draft_ids[0])
    assert first.why == "Asked on 2 March for Rye sourdough; 3 back in stock today"
    assert first.occasion_key == f"product:{product}:{first.data['waitlist_id']}"
    # Two more arrive: the next two in line.
    assert [drafts.get(db, i).customer_id for i in restock(db, product, 2, settings=S, today=DAY).draft_ids] == people[3:]


def test_a_customer_who_cannot_be_written_to_does_not_use_up_a_unit(db):
    product = add_product(db)
    blocked = add_customer(db, do_not_contact=True)
    ok = add_customer(db)
    ask(db, blocked, product, DAY - dt.timedelta(days=5))
    ask(db, ok, product, DAY - dt.timedelta(days=4))
    run = restock(db, product, 1, settings=S, today=DAY)
    assert [drafts.get(db, i).customer_id for i in run.draft_ids] == [ok]


def test_old_requests_ask_if_still_interested_and_very_old_ones_expire(db):
    product = add_product(db)
    fresh, old, ancient = (add_customer(db) for _ in range(3))
    ask(db, ancient, product, DAY - dt.timedelta(days=200))
    ask(db, old, product, DAY - dt.timedelta(days=45))
    ask(db, fresh, product, DAY - dt.timedelta(days=3))
    run = restock(db, product, None, settings=S, today=DAY)
    made = {drafts.get(db, i).customer_id: drafts.get(db, i).occasion for i in run.draft_ids}
    assert made == {old: "restock_still_interested", fresh: "restock"}
    assert run.expired_requests == 1
    assert waitlist.open_for_product(db, product) == []


def test_stock_going_from_zero_to_more_drafts_for_that_many(db):
    product = add_product(db, stock=0)
    people = [add_customer(db) for _ in range(3)]
    for i, cid in enumerate(people):
        ask(db, cid, product, DAY - dt.timedelta(days=5 - i))
    assert set_stock(db, product, 2, settings=S, today=DAY).by_occasion == {"restock": 2}
    assert set_stock(db, product, 5, settings=S, today=DAY).created == 0  # 2 → 5 is not a restock
    assert set_stock(db, product, 0, settings=S, today=DAY).created == 0
    assert set_stock(db, product, 1, settings=S, today=DAY).by_occasion == {"restock": 1}


def test_the_daily_run_expires_very_old_requests(db):
    product = add_product(db)
    ask(db, add_customer(db), product, DAY - dt.timedelta(days=181))
    assert draft_day(db, DAY, S).expired_requests == 1


def test_tenth_visit_earns_a_stamp_reward_once(db):
    cid = add_customer(db)
    for back in range(10, 0, -1):
        add_visit(db, cid, DAY - dt.timedelta(days=back * 2))
    run = draft_day(db, DAY, S)
    assert run.by_occasion == {"stamp_reward": 1}
    draft = drafts.get(db, run.draft_ids[0])
    assert draft.why == "10th visit on Tue 10 March" and draft.occasion_key == "stamp:10"
    assert draft_day(db, DAY + dt.timedelta(days=1), S).created == 0


def test_points_threshold_reward(db):
    cid = add_customer(db)
    log_visit(db, cid, amount=60.0, at=DAY - dt.timedelta(days=5), settings=S)
    assert draft_day(db, DAY, S).created == 0
    log_visit(db, cid, amount=45.5, at=DAY - dt.timedelta(days=1), settings=S)
    run = draft_day(db, DAY + dt.timedelta(days=1), S)
    assert run.by_occasion == {"points_reward": 1}
    draft = drafts.get(db, run.draft_ids[0])
    assert draft.occasion_key == "points:100" and draft.data["points"] == 105


def test_first_visit_anniversary(db):
    cid = add_customer(db)
    add_visit(db, cid, dt.date(2024, 3, 12))
    add_visit(db, cid, dt.date(2025, 3, 12))
    run = draft_day(db, DAY, S.replace(stamp_every=0))
    assert run.by_occasion == {"anniversary": 1}
    draft = drafts.get(db, run.draft_ids[0])
    assert draft.data["years"] == 2 and draft.why == "First visit 2 years ago, on 12 March 2024"
    assert draft_day(db, DAY, S.replace(stamp_every=0, anniversary_enabled=False)).created == 0


def test_winback_once_per_lapse(db):
    cid = add_customer(db)
    occasional = add_customer(db)
    for back in (300, 200, 95):
        add_visit(db, cid, DAY - dt.timedelta(days=back))
    for back in (200, 95):
        add_visit(db, occasional, DAY - dt.timedelta(days=back))  # fewer than 3 visits
    run = draft_day(db, DAY, S)
    assert run.by_occasion == {"winback": 1}
    draft = drafts.get(db, run.draft_ids[0])
    assert draft.customer_id == cid and draft.why.startswith("No visit since")
    # Later days during the same lapse make nothing new.
    assert draft_day(db, DAY + dt.timedelta(days=20), S).created == 0
    # They come back, then lapse again: a new win-back.
    add_visit(db, cid, DAY + dt.timedelta(days=30))
    assert draft_day(db, DAY + dt.timedelta(days=121), S).by_occasion == {"winback": 1}
