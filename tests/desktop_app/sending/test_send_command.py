"""``fondly send`` end to end: stored account, keyring password, a real server on 127.0.0.1."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.mail_account import AccountSecrets, account_for, save_account
from desktop_app.settings import Settings, save_settings
from desktop_app.workspace import Workspace
from storage import outbox
from tests.desktop_app.sending.outbox_rows import queue_messages
from tests.desktop_app.sending.outbox_server import PASSWORD, USERNAME

pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")


def _shop(data_dir, server, *, password=PASSWORD):
    db = Workspace.at(str(data_dir)).connect()
    account = account_for(USERNAME, preset_key="custom", name="The Shop", host=server.host,
                          port=server.port, security="ssl", cafile=str(server.cafile))
    save_account(db, account)
    AccountSecrets().save_password(account, password)
    # No quiet hours, so the test passes at any time of day.
    save_settings(db, Settings(shop_name="The Shop", quiet_hours_start="", quiet_hours_end=""))
    return db


def _run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), "send", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_send_json_reports_what_went(capsys, data_dir, outbox_server, memory_keyring):
    db = _shop(data_dir, outbox_server)
    ids = queue_messages(db, 4)
    outbox_server.handler.script.refuse = {"c3@example.org"}
    code, out, _ = _run(capsys, data_dir, "--json", "--limit", "3")
    report = json.loads(out)
    assert code == 0
    assert report["sent"] == 3 and report["deferred"] == 0 and report["failed"] == []
    assert report["needs_attention"] == [] and report["next_send_at"] is not None
    code, out, _ = _run(capsys, data_dir, "--json")
    report = json.loads(out)
    assert report["sent"] == 0
    [failed] = report["failed"]
    assert failed["draft_id"] == outbox.get(db, ids[3]).draft_id and failed["code"] == "550"
    assert "does not exist" in failed["message"]
    assert report["next_send_at"] is None
    # The real message builder was used: the owner's name, a Message-ID on the owner's domain.
    raw = outbox_server.handler.received[0].raw.decode()
    assert "From: The Shop <shop@example.test>" in raw and "@example.test>" in raw
    assert "List-Unsubscribe" not in raw  # restock notes are transactional
    db.close()


def test_send_without_an_account_waits(capsys, data_dir, memory_keyring):
    db = Workspace.at(str(data_dir)).connect()
    queue_messages(db, 1)
    db.close()
    code, out, _ = _run(capsys, data_dir)
    assert code == 0 and "No mail account" in out and "Sent 0" in out


def test_a_wrong_password_pauses_and_says_so(capsys, data_dir, outbox_server, memory_keyring):
    db = _shop(data_dir, outbox_server, password="not the password")
    queue_messages(db, 1)
    code, out, _ = _run(capsys, data_dir)
    assert code == 1
    assert "Sending is paused" in out and "535" in out
    assert "not the password" not in out
    db.close()


def test_a_header_injection_fails_that_message_only(capsys, data_dir, outbox_server, memory_keyring):
    db = _shop(data_dir, outbox_server)
    good = queue_messages(db, 1)
    bad = outbox.enqueue(db, to_addr="eve@example.org", to_name="Eve\r\nBcc: all@example.org",
                         subject="Hi", body_text="x", planned_at="2026-01-01T00:00:00.000000+00:00")
    code, out, _ = _run(capsys, data_dir, "--json")
    report = json.loads(out)
    assert code == 0 and report["sent"] == 1
    assert [f["outbox_id"] for f in report["failed"]] == [bad]
    assert outbox.get(db, good[0]).state == "sent" and outbox.get(db, bad).state == "failed"
    assert all("Bcc" not in r.raw.decode() for r in outbox_server.handler.received)
    db.close()
