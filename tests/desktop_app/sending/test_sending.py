"""The send job against a real SMTP server on 127.0.0.1: exactly once, and each fault handled."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from desktop_app.outbox_pause import read_pause
from desktop_app.sending import send_due
from storage import outbox
from tests.desktop_app.sending.outbox_rows import draft_status, queue_messages
from tests.desktop_app.sending.outbox_server import make_wire

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def states(db) -> Counter:
    return Counter(r[0] for r in db.execute("SELECT state FROM outbox").fetchall())


def test_a_batch_of_200_arrives_exactly_once_over_one_connection(db, outbox_server):
    ids = queue_messages(db, 200)
    report = send_due(db, wire=make_wire(outbox_server))
    assert report.sent == 200 and not report.failed and not report.needs_attention
    received = outbox_server.handler.ids()
    assert len(received) == 200 and len(set(received)) == 200
    stored = {outbox.get(db, i).message_id for i in ids}
    assert stored == set(received)
    assert outbox_server.handler.connections == 1
    assert states(db) == {"sent": 200}
    assert draft_status(db, ids[0]) == "sent"
    row = outbox.get(db, ids[-1])
    assert row.server_reply.startswith("250") and row.sent_at is not None
    # A second run finds nothing to do and sends nothing again.
    again = send_due(db, wire=make_wire(outbox_server))
    assert again.sent == 0 and len(outbox_server.handler.ids()) == 200
    assert again.next_send_at is None


def test_a_refused_login_pauses_the_whole_outbox(db, outbox_server):
    queue_messages(db, 3)
    report = send_due(db, wire=make_wire(outbox_server, password="wrong"))
    assert report.paused is not None and report.paused.reason == "auth"
    assert report.paused.code == "535"
    assert "refused the login" in report.paused.headline
    assert read_pause(db).reason == "auth"
    assert states(db) == {"queued": 3}
    # Paused: even with the right password nothing goes until the owner resumes.
    still = send_due(db, wire=make_wire(outbox_server))
    assert still.sent == 0 and still.paused is not None
    assert outbox_server.handler.ids() == []
    assert "wrong" not in repr(report.to_json())


def test_resume_after_a_pause_sends_the_waiting_messages(db, outbox_server):
    from desktop_app.outbox_pause import clear_pause

    queue_messages(db, 2)
    send_due(db, wire=make_wire(outbox_server, password="wrong"))
    assert clear_pause(db)
    assert send_due(db, wire=make_wire(outbox_server)).sent == 2


def test_421_mid_batch_defers_one_and_the_rest_wait_for_the_next_run(db, outbox_server):
    ids = queue_messages(db, 10)
    outbox_server.handler.script.close_after = 4
    now = dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC)
    report = send_due(db, wire=make_wire(outbox_server), clock=lambda: now)
    assert report.sent == 4 and report.deferred == 1
    fifth = outbox.get(db, ids[4])
    assert fifth.state == "deferred" and fifth.last_code == "421"
    assert fifth.next_attempt_at == "2026-01-02T12:05:00.000000+00:00"
    assert states(db) == {"sent": 4, "deferred": 1, "queued": 5}
    assert report.next_send_at == now  # the queued ones may go at once on the next run
    later = send_due(db, wire=make_wire(outbox_server), clock=lambda: now + dt.timedelta(minutes=6))
    assert later.sent == 6
    received = outbox_server.handler.ids()
    assert len(received) == 10 and len(set(received)) == 10


def test_450_then_success_with_backoff(db, outbox_server):
    ids = queue_messages(db, 3)
    outbox_server.handler.script.busy = {"c1@example.org": 2}
    t0 = dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC)
    first = send_due(db, wire=make_wire(outbox_server), clock=lambda: t0)
    assert first.sent == 2 and first.deferred == 1
    assert first.next_send_at == t0 + dt.timedelta(minutes=5)
    # Too early: nothing goes.
    early = send_due(db, wire=make_wire(outbox_server), clock=lambda: t0 + dt.timedelta(minutes=4))
    assert early.sent == 0 and early.deferred == 0
    t1 = t0 + dt.timedelta(minutes=5)
    second = send_due(db, wire=make_wire(outbox_server), clock=lambda: t1)
    assert second.deferred == 1 and second.next_send_at == t1 + dt.timedelta(minutes=10)
    third = send_due(db, wire=make_wire(outbox_server), clock=lambda: t1 + dt.timedelta(minutes=10))
    assert third.sent == 1
    row = outbox.get(db, ids[1])
    assert row.state == "sent" and row.attempts == 3
    assert [e.event for e in outbox.log_entries(db, ids[1])] == ["deferred", "deferred", "sent"]


def test_550_for_one_recipient_fails_it_and_the_batch_goes_on(db, outbox_server):
    ids = queue_messages(db, 5)
    outbox_server.handler.script.refuse = {"c2@example.org"}
    report = send_due(db, wire=make_wire(outbox_server))
    assert report.sent == 4
    assert [(p.outbox_id, p.code) for p in report.failed] == [(ids[2], "550")]
    assert "does not exist" in report.failed[0].message
    row = outbox.get(db, ids[2])
    assert row.state == "failed" and "does not exist" in row.last_error
    assert draft_status(db, ids[2]) == "failed"
    assert report.to_json()["failed"][0]["draft_id"] == row.draft_id


def test_connection_dropped_mid_data_needs_attention_and_is_never_resent(db, outbox_server):
    ids = queue_messages(db, 4)
    outbox_server.handler.script.drop_in_data = {"c1@example.org"}
    report = send_due(db, wire=make_wire(outbox_server))
    assert report.sent == 1
    assert [p.outbox_id for p in report.needs_attention] == [ids[1]]
    assert outbox.get(db, ids[1]).state == "needs_attention"
    outbox_server.handler.script.drop_in_data = set()
    rest = send_due(db, wire=make_wire(outbox_server))
    assert rest.sent == 2
    assert outbox.get(db, ids[1]).state == "needs_attention"
    assert len(outbox_server.handler.ids()) == 3


def test_a_quota_reply_pauses_until_the_window_frees(db, outbox_server):
    ids = queue_messages(db, 6)
    outbox_server.handler.script.quota_after = 3
    t0 = dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC)
    report = send_due(db, wire=make_wire(outbox_server), clock=lambda: t0)
    assert report.sent == 3 and report.deferred == 1
    assert report.paused.reason == "quota" and report.paused.code == "550"
    # The three that went free a slot 24 hours after the first of them.
    assert report.paused.until == t0 + dt.timedelta(hours=24)
    assert report.next_send_at == report.paused.until
    assert outbox.get(db, ids[3]).next_attempt_at == "2026-01-03T12:00:00.000000+00:00"
    outbox_server.handler.script.quota_after = None
    waiting = send_due(db, wire=make_wire(outbox_server), clock=lambda: t0 + dt.timedelta(hours=23))
    assert waiting.sent == 0 and waiting.paused is not None
    freed = send_due(db, wire=make_wire(outbox_server), clock=lambda: t0 + dt.timedelta(hours=24))
    assert freed.sent == 3 and freed.paused is None and read_pause(db) is None


def test_offline_nothing_moves_and_the_next_run_retries(db, outbox_server):
    queue_messages(db, 2)
    wire = make_wire(outbox_server, timeout=2)
    outbox_server.stop()
    now = dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC)
    report = send_due(db, wire=wire, clock=lambda: now)
    assert report.offline and report.sent == 0
    assert states(db) == {"queued": 2}
    assert report.next_send_at == now + dt.timedelta(minutes=5)


def test_without_a_mail_account_messages_wait(db):
    queue_messages(db, 2)
    report = send_due(db, wire=None)
    assert report.waiting_for_account and report.sent == 0
    assert states(db) == {"queued": 2}


def test_messages_planned_for_later_wait(db, outbox_server):
    now = dt.datetime(2026, 1, 2, 12, tzinfo=dt.UTC)
    queue_messages(db, 2, planned_at=now + dt.timedelta(hours=3))
    report = send_due(db, wire=make_wire(outbox_server), clock=lambda: now)
    assert report.sent == 0 and report.next_send_at == now + dt.timedelta(hours=3)
    assert outbox_server.handler.connections == 0  # no connection when nothing is due


def test_a_wrong_ca_is_refused_clearly_and_pauses(db, outbox_server, tmp_path):
    from tests.desktop_app.sending.outbox_server import make_certificate

    other_ca, _ = make_certificate(tmp_path)
    queue_messages(db, 1)
    wire = make_wire(outbox_server)
    wrong = make_wire(dataclasses.replace(outbox_server, cafile=other_ca))
    report = send_due(db, wire=wrong)
    assert report.paused.reason == "tls" and "could not be verified" in report.paused.message
    assert states(db) == {"queued": 1} and outbox_server.handler.ids() == []
    assert send_due(db, wire=wire).paused is not None  # stays paused until the owner resumes


def test_a_temporary_failure_gives_up_after_max_attempts(db, outbox_server):
    from desktop_app import pacing

    (row_id,) = queue_messages(db, 1)
    db.execute("UPDATE outbox SET attempts = ? WHERE id = ?", [pacing.MAX_ATTEMPTS - 1, row_id])
    outbox_server.handler.script.busy = {"c0@example.org": 1}
    report = send_due(db, wire=make_wire(outbox_server))
    assert report.deferred == 0 and len(report.failed) == 1
    assert "Gave up after 10 tries" in report.failed[0].message
    assert outbox.get(db, row_id).state == "failed"


def test_a_bug_while_sending_leaves_the_message_needing_attention(db, outbox_server):
    (row_id,) = queue_messages(db, 1)
    wire = make_wire(outbox_server)

    class BrokenSession:
        def __init__(self) -> None:
            self.inner = wire.open_session()

        def open(self) -> None:
            self.inner.open()

        def send(self, message):
            raise RuntimeError("a bug in the middle of the wire")

        def close(self) -> None:
            self.inner.close()

    broken = dataclasses.replace(wire, open_session=BrokenSession)
    with pytest.raises(RuntimeError):
        send_due(db, wire=broken)
    assert outbox.get(db, row_id).state == "needs_attention"


def test_a_message_that_cannot_be_built_fails_alone(db, outbox_server):
    ids = queue_messages(db, 2)
    wire = make_wire(outbox_server)

    def build(row):
        if row.id == ids[0]:
            raise ValueError("The recipient contains a line break.")
        return wire.build_message(row)

    report = send_due(db, wire=dataclasses.replace(wire, build_message=build))
    assert report.sent == 1 and report.failed[0].message == "The recipient contains a line break."
    assert outbox.get(db, ids[0]).state == "failed"


def test_a_refused_password_leaves_no_trace_in_the_store(db, db_path, outbox_server):
    secret = "pw-Wrong-Qx7!never-stored"
    queue_messages(db, 1)
    report = send_due(db, wire=make_wire(outbox_server, password=secret))
    assert report.paused.reason == "auth"
    assert secret not in repr(report.to_json())
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for path in db_path.parent.glob(db_path.name + "*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
