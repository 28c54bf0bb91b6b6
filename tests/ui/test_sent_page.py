"""The Sent page: fetch-more paging (checked with qtmodeltester), filter, banner, decisions."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.changes import Changes
from desktop_app.mail_account import account_for, save_account
from desktop_app.outbox_pause import Pause, read_pause, set_pause
from desktop_app.workspace import Workspace
from storage import outbox
from storage.db import open_db
from storage.timestamps import utc_now_iso
from tests.desktop_app.sending.outbox_rows import queue_messages
from ui.context import UiContext
from ui.sent_model import SentHistoryModel
from ui.sent_page import SentPage
from ui.tasks import TaskManager


@pytest.fixture
def ui_ctx(db_path, db):
    tasks = TaskManager(lambda: open_db(db_path))
    yield UiContext(workspace=Workspace(db_path.parent), db=db, tasks=tasks)
    tasks.shutdown()


def _settle(db, ids, how):
    now = utc_now_iso()
    for n, row_id in enumerate(ids):
        outbox.claim(db, row_id, message_id=f"<{row_id}@shop.example>", now=now)
        if how == "sent":
            outbox.mark_sent(db, row_id, reply=f"250 2.0.0 OK queued as {n}", now=now)
        elif how == "failed":
            outbox.mark_failed(db, row_id, code="550", message="550 5.1.1 No such user", now=now)
        else:
            outbox.mark_needs_attention(db, row_id, code=None, message="lost", now=now)


def test_the_model_pages_newest_first_and_passes_qtmodeltester(qtmodeltester, db):
    ids = queue_messages(db, 250, with_drafts=False)
    model = SentHistoryModel(db, page_size=100)
    inserted = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    assert model.rowCount() == 100 and model.row_at(0).id == ids[-1]
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert inserted == [(100, 199), (200, 249)]  # `last` is inclusive
    assert model.rowCount() == 250 and not model.canFetchMore()
    assert [model.row_at(i).id for i in range(250)] == ids[::-1]
    qtmodeltester.check(model)

    # The tester also drives fetchMore itself, and watches a reset from a filter change.
    fresh = SentHistoryModel(db, page_size=30)
    qtmodeltester.check(fresh)
    fresh.set_states(("sent",))
    assert fresh.rowCount() == 0 and not fresh.canFetchMore()
    fresh.set_states(("queued",))
    assert fresh.canFetchMore()


def test_filter_and_exact_text(qtbot, ui_ctx, db):
    sent = queue_messages(db, 3, prefix="s")
    failed = queue_messages(db, 1, prefix="f")
    _settle(db, sent, "sent")
    _settle(db, failed, "failed")
    page = SentPage(ui_ctx, confirm=lambda *_: True)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 4
    page.filter_combo.setCurrentText("Failed")
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    text = page.detail.toPlainText()
    assert "550 5.1.1 No such user" in text and "Hello 0, it is back." in text
    assert page.retry_button.isEnabled() and page.discard_button.isEnabled()
    page.filter_combo.setCurrentText("Sent")
    page.table.selectRow(0)
    assert "250 2.0.0 OK" in page.detail.toPlainText()
    assert not page.retry_button.isEnabled()  # a sent message is not sent again


def test_retry_mark_sent_and_discard(qtbot, ui_ctx, db):
    ids = queue_messages(db, 3)
    _settle(db, ids, "attention")
    page = SentPage(ui_ctx, confirm=lambda *_: True)
    qtbot.addWidget(page)
    announced = []
    ui_ctx.hub.changed.connect(announced.append)
    page.table.selectRow(0)  # newest first: ids[2]
    with qtbot.waitSignal(ui_ctx.hub.changed, timeout=5000):
        page.mark_sent_button.click()
    page.table.selectRow(1)
    with qtbot.waitSignal(ui_ctx.hub.changed, timeout=5000):
        page.retry_button.click()
    page.table.selectRow(2)
    with qtbot.waitSignal(ui_ctx.hub.changed, timeout=5000):
        page.discard_button.click()
    assert [outbox.get(db, i).state for i in ids] == ["discarded", "queued", "sent"]
    assert announced and announced[0] == Changes(outbox=True, drafts=True)
    assert page.model.row_at(0).state == "sent"  # the view refreshed


def test_discard_asks_first(qtbot, ui_ctx, db):
    ids = queue_messages(db, 1)
    _settle(db, ids, "failed")
    page = SentPage(ui_ctx, confirm=lambda *_: False)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.discard_button.click()
    ui_ctx.tasks.run_sync("write", lambda task: None)
    assert outbox.get(db, ids[0]).state == "failed"


def test_banner_waits_for_an_account_then_shows_pause_and_next_send(qtbot, ui_ctx, db):
    queue_messages(db, 2)
    page = SentPage(ui_ctx)
    qtbot.addWidget(page)
    assert "waiting for a mail account" in page.banner_label.text()
    assert not page.resume_button.isVisible()
    save_account(db, account_for("shop@example.com", preset_key="gmail"))
    set_pause(db, Pause("auth", "smtp.gmail.com refused the login.", "535",
                        dt.datetime.now(dt.UTC), None))
    page.activated()
    assert "refused the login" in page.banner_label.text()
    assert not page.resume_button.isHidden()
    with qtbot.waitSignal(ui_ctx.hub.changed, timeout=5000):
        page.resume_button.click()
    assert read_pause(db) is None
    assert "Next send at" in page.banner_label.text() and "2 waiting" in page.banner_label.text()
    assert page.resume_button.isHidden()


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_send_now_runs_on_the_net_lane_and_refreshes(qtbot, ui_ctx, db, tmp_path):
    from desktop_app.mail_account import AccountSecrets
    from desktop_app.settings import Settings, save_settings
    from tests.desktop_app.sending.outbox_server import PASSWORD, USERNAME, start_server
    from tests.keyring_fixtures import MemoryKeyring
    from ui.sent_page import sending_job

    server = start_server(tmp_path)
    try:
        account = account_for(USERNAME, preset_key="custom", host=server.host, port=server.port,
                              security="ssl", cafile=str(server.cafile))
        save_account(db, account)
        save_settings(db, Settings(quiet_hours_start="", quiet_hours_end=""))
        secrets = AccountSecrets(keyring_backend=MemoryKeyring())
        secrets.save_password(account, PASSWORD)
        queue_messages(db, 3)
        page = SentPage(ui_ctx, send_now=sending_job(secrets))
        qtbot.addWidget(page)
        assert page.send_button.isEnabled()
        with qtbot.waitSignal(ui_ctx.hub.changed, timeout=15000):
            page.send_button.click()
        assert page.run_label.text() == "Sent 3"
        assert "Nothing is waiting" in page.banner_label.text()
        assert [page.model.row_at(i).state for i in range(3)] == ["sent"] * 3
        assert len(server.handler.ids()) == 3
    finally:
        server.stop()
