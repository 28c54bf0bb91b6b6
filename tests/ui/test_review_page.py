"""The Today page driven by keyboard: J/K, approve, skip, snooze, never, edit, undo, overrides."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app.review import ReviewService
from desktop_app.settings import Settings, save_settings
from desktop_app.workspace import Workspace
from storage import audit, suppressions
from tests.drafts_factory import NOW, add_customer, add_draft, fill_queue, simple_check
from ui.context import UiContext
from ui.review.page import ReviewPage
from ui.tasks import TaskManager


@pytest.fixture
def env(data_dir):
    workspace = Workspace(data_dir)
    db = workspace.connect()
    save_settings(db, Settings(shop_name="Rosa's Bakery", timezone="UTC"))
    tasks = TaskManager(workspace.connect)
    yield workspace, db, tasks
    tasks.shutdown()
    db.close()


@pytest.fixture
def make_page(qtbot, env):
    workspace, db, tasks = env

    pages = []

    def make(has_account=lambda: False) -> ReviewPage:
        ctx = UiContext(workspace=workspace, db=db, tasks=tasks)
        page = ReviewPage(ctx, ReviewService(check=simple_check, clock=lambda: NOW), has_account=has_account)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        settle(qtbot, page)
        pages.append(page)
        return page

    yield make
    # Nothing may still be on its way to a page when the lanes shut down.
    for page in pages:
        page.live_check.stop()
        settle(qtbot, page)
        page.close()


def settle(qtbot, page: ReviewPage) -> None:
    qtbot.waitUntil(lambda: not page.ctx.tasks.busy, timeout=10000)


def key(qtbot, page, k, modifier=Qt.KeyboardModifier.NoModifier):
    target = page.focusWidget() or page.list
    qtbot.keyClick(target, k, modifier)
    settle(qtbot, page)


def statuses(db) -> dict[str, int]:
    return dict(db.execute("SELECT status, COUNT(*) FROM drafts GROUP BY status").fetchall())


def test_keyboard_only_review_of_fifty_drafts(qtbot, env, make_page):
    _, db, _ = env
    fill_queue(db, 50, flagged_every=10)
    page = make_page()
    assert page.model.waiting_count() == 50
    assert page.current_item() is not None
    seen = []
    for n in range(50):
        seen.append(page.current_item().id)
        if n % 10 == 3:
            key(qtbot, page, Qt.Key.Key_S)
            assert page.prompt.kind == "skip"
            qtbot.keyClicks(page.prompt.text, "on holiday")
            key(qtbot, page, Qt.Key.Key_Return)
        elif n % 10 == 6:
            key(qtbot, page, Qt.Key.Key_Z)
            assert page.prompt.kind == "snooze"
            key(qtbot, page, Qt.Key.Key_Return)
        elif n % 10 == 8:
            key(qtbot, page, Qt.Key.Key_J)  # leave it for later
        else:
            key(qtbot, page, Qt.Key.Key_A)
    assert len(set(seen)) == 50  # every draft was visited exactly once
    assert statuses(db) == {"approved": 35, "skipped": 5, "snoozed": 5, "pending": 5}
    assert db.execute("SELECT COUNT(*) FROM outbox WHERE state = 'queued'").fetchone()[0] == 35
    reasons = db.execute("SELECT DISTINCT status_reason FROM drafts WHERE status = 'skipped'").fetchall()
    assert reasons == [("on holiday",)]
    snoozed = db.execute("SELECT DISTINCT snooze_until FROM drafts WHERE status = 'snoozed'").fetchall()
    assert snoozed == [("2026-03-11",)]
    # K goes back, U undoes the last approval.
    key(qtbot, page, Qt.Key.Key_K)
    key(qtbot, page, Qt.Key.Key_U)
    assert statuses(db)["approved"] == 34
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 34
    assert page.counts.text().startswith("6 waiting")


def test_blocked_draft_needs_confirmation_and_the_override_is_audited(qtbot, env, make_page):
    _, db, _ = env
    did = add_draft(db, add_customer(db, "Ben", "Berg"), subject="Hello [NAME]")
    page = make_page()
    key(qtbot, page, Qt.Key.Key_A)
    assert page.prompt.kind == "override"
    assert "Template text" in page.prompt.label.text()
    key(qtbot, page, Qt.Key.Key_Escape)
    assert page.prompt.kind == ""
    assert db.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0
    key(qtbot, page, Qt.Key.Key_A)
    key(qtbot, page, Qt.Key.Key_Return)
    assert db.execute("SELECT draft_id FROM outbox").fetchall() == [(did,)]
    actions = [e.action for e in audit.entries(db, entity="draft", entity_id=did)]
    assert actions == ["approve", "override"]


def test_approve_all_clean_leaves_flagged_drafts_pending(qtbot, env, make_page):
    _, db, _ = env
    ids = fill_queue(db, 12, flagged_every=4)
    blocked = add_draft(db, add_customer(db, "Zoe", "Stop", do_not_contact=1))
    page = make_page()
    key(qtbot, page, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    waiting = {i.id for i in page.model.items() if i.queue_status == "pending"}
    assert waiting == {ids[3], ids[7], ids[11], blocked}
    assert statuses(db) == {"approved": 9, "pending": 4}
    assert "Approved 9 notes" in page.message.text()


def test_multi_select_with_x_then_approve(qtbot, env, make_page):
    _, db, _ = env
    ids = fill_queue(db, 5)
    page = make_page()
    order = [i.id for i in page.model.items()]
    key(qtbot, page, Qt.Key.Key_X)
    key(qtbot, page, Qt.Key.Key_J)
    key(qtbot, page, Qt.Key.Key_J, Qt.KeyboardModifier.ShiftModifier)
    assert page.selected_ids() == order[:3]
    key(qtbot, page, Qt.Key.Key_A)
    approved = {r[0] for r in db.execute("SELECT id FROM drafts WHERE status = 'approved'")}
    assert approved == set(order[:3]) and set(ids) >= approved


def test_edit_reruns_the_check_while_typing_and_keeps_the_words(qtbot, env, make_page):
    _, db, _ = env
    did = add_draft(db, add_customer(db, "Anna", "Keller"), subject="Your loaf", body="Hello Anna")
    page = make_page()
    key(qtbot, page, Qt.Key.Key_E)
    assert page.detail.editing and not page.detail.subject.isReadOnly()
    page.detail.subject.setFocus()
    qtbot.keyClicks(page.detail.subject, " is ready!!!")
    qtbot.waitUntil(lambda: "exclamation" in page.detail.findings.text(), timeout=5000)
    assert db.execute("SELECT edited FROM drafts WHERE id = ?", [did]).fetchone()[0] == 0  # not saved yet
    qtbot.keyClick(page.detail.subject, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)
    row = db.execute("SELECT subject, edited FROM drafts WHERE id = ?", [did]).fetchone()
    assert row == ("Your loaf is ready!!!", 1)
    assert not page.detail.editing
    assert audit.entries(db, entity="draft", entity_id=did)[0].action == "edit"
    assert page.current_item().worst_severity == "warn"


def test_escape_drops_an_edit(qtbot, env, make_page):
    _, db, _ = env
    add_draft(db, add_customer(db, "Anna"), subject="Original")
    page = make_page()
    key(qtbot, page, Qt.Key.Key_E)
    page.detail.subject.setFocus()
    qtbot.keyClicks(page.detail.subject, " changed")
    qtbot.keyClick(page.detail.subject, Qt.Key.Key_Escape)
    assert not page.detail.editing and page.detail.subject.text() == "Original"


def test_never_this_occasion_then_undo(qtbot, env, make_page):
    _, db, _ = env
    cid = add_customer(db, "Anna")
    add_draft(db, cid, occasion="birthday", occasion_date="2026-03-12")
    page = make_page()
    key(qtbot, page, Qt.Key.Key_N)
    assert page.prompt.kind == "never"
    key(qtbot, page, Qt.Key.Key_Return)
    assert suppressions.for_customer(db, cid) == ["birthday", "birthday_belated"]
    key(qtbot, page, Qt.Key.Key_U)
    assert suppressions.for_customer(db, cid) == []
    assert statuses(db) == {"pending": 1}


def test_help_overlay_and_tooltips(qtbot, make_page):
    page = make_page()
    qtbot.keyClick(page.list, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier, )
    assert page.help.isVisible()
    assert "Undo the last action" in page.help.card.text()
    qtbot.keyClick(page.help, Qt.Key.Key_Escape)
    assert not page.help.isVisible()
    assert "(A)" in page.detail.approve_button.toolTip()
    assert "(Shift+A)" in page.clean_button.toolTip()


def test_banner_says_messages_wait_without_an_account(qtbot, env, make_page):
    _, db, _ = env
    fill_queue(db, 2)
    page = make_page()
    assert page.banner.isVisible() and "wait" in page.banner.text()
    key(qtbot, page, Qt.Key.Key_A)
    assert statuses(db)["approved"] == 1
    assert make_page(has_account=lambda: True).banner.isHidden()


def test_snoozed_draft_shows_again_on_its_day(qtbot, env, make_page):
    _, db, _ = env
    add_draft(db, add_customer(db, "Anna"), status="snoozed", snooze_until=NOW.date().isoformat())
    add_draft(db, add_customer(db, "Ben"), status="snoozed", snooze_until=(NOW.date() + dt.timedelta(days=1)).isoformat())
    page = make_page()
    assert [i.customer_name for i in page.model.items()] == ["Anna"]


def test_snoozed_draft_comes_back_when_the_date_turns_while_open(qtbot, env, make_page):
    _, db, _ = env
    add_draft(db, add_customer(db, "Anna"), status="snoozed", snooze_until="2026-03-11")
    page = make_page()
    assert page.model.items() == []
    page.check_day()  # same day: nothing to do
    assert not page.ctx.tasks.busy
    page.service._clock = lambda: NOW + dt.timedelta(days=1)
    page.check_day()
    settle(qtbot, page)
    assert [i.customer_name for i in page.model.items()] == ["Anna"]


def test_the_model_is_well_behaved(qtbot, qtmodeltester, env, make_page):
    _, db, _ = env
    fill_queue(db, 20, flagged_every=3)
    page = make_page()
    qtmodeltester.check(page.model)


def test_status_line_wording():
    from desktop_app.review import Outcome, Refusal
    from ui.review.wording import describe

    assert describe(Outcome("skip", done=(3,))) == "Skipped 1 note. Press U to undo."
    refused = Outcome("approve", done=(1, 2), refused=(Refusal(9, "no_email", "Nora has no e-mail address."),))
    assert describe(refused) == ("Approved 2 notes: they wait in the outbox for their time. Press U to undo. "
                                 "Nora has no e-mail address.")


def test_first_approval_without_an_account_asks_for_one_once(qtbot, env, make_page):
    _, db, _ = env
    fill_queue(db, 3)
    asked = []
    page = make_page()
    page._ask_for_account = lambda: asked.append(True)  # what pages.py passes: the account dialog
    key(qtbot, page, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: asked == [True])
    key(qtbot, page, Qt.Key.Key_A)
    qtbot.wait(20)
    assert asked == [True] and statuses(db)["approved"] == 2
