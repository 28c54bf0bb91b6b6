"""``fondly queue``, ``fondly approve`` and ``fondly skip`` over a real data folder."""

from __future__ import annotations

import json

from desktop_app.cli import main
from desktop_app.workspace import Workspace
from storage import audit
from tests.drafts_factory import add_customer, add_draft, simple_check  # noqa: F401


def seed(data_dir):
    db = Workspace.at(str(data_dir)).connect()
    clean = add_draft(db, add_customer(db, "Anna", "Keller"), why="Asked for the rye loaf.")
    blocked = add_draft(db, add_customer(db, "Ben", "Berg"), subject="Hi [NAME]", key="b")
    db.close()
    return clean, blocked


def run(capsys, data_dir, *args):
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


def test_queue_json_lists_pending_drafts(data_dir, capsys):
    clean, blocked = seed(data_dir)
    code, out = run(capsys, data_dir, "queue", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["count"] == 2
    first = next(i for i in data["items"] if i["id"] == clean)
    assert first["customer"]["name"] == "Anna Keller"
    assert first["why"] == "Asked for the rye loaf." and first["status"] == "pending"
    assert first["occasion"] == "restock" and isinstance(first["findings"], list)


def test_approve_and_skip_then_list_by_status(data_dir, capsys):
    clean, blocked = seed(data_dir)
    code, out = run(capsys, data_dir, "approve", str(clean))
    assert code == 0 and f"Approved 1 draft: {clean}" in out
    assert "Anna Keller" in out and "goes 20" in out  # when it will leave
    code, out = run(capsys, data_dir, "skip", str(blocked), "--reason", "not today")
    assert code == 0 and "Skipped 1 draft" in out
    code, out = run(capsys, data_dir, "queue", "--status", "approved", "--json")
    assert [i["id"] for i in json.loads(out)["items"]] == [clean]
    code, out = run(capsys, data_dir, "queue", "--status", "skipped")
    assert "Ben Berg" in out and "1 draft" in out
    code, out = run(capsys, data_dir, "queue")
    assert "No pending drafts." in out


def test_blocked_draft_is_refused_without_override_and_yes(data_dir, capsys, monkeypatch):
    # The real check is not on this branch yet: make the CLI's service use the stand-in check.
    monkeypatch.setattr("desktop_app.review.default_check", lambda: simple_check)
    clean, blocked = seed(data_dir)
    code, out = run(capsys, data_dir, "approve", str(blocked))
    assert code == 1 and "is blocked" in out and "--override --yes" in out
    code, out = run(capsys, data_dir, "approve", str(blocked), "--override")
    assert code == 2 and "add --yes" in out
    code, out = run(capsys, data_dir, "approve", str(blocked), "--override", "--yes")
    assert code == 0
    db = Workspace.at(str(data_dir)).connect()
    assert [e.action for e in audit.entries(db, entity="draft", entity_id=blocked)] == ["approve", "override"]
    db.close()


def test_approve_all_clean(data_dir, capsys, monkeypatch):
    monkeypatch.setattr("desktop_app.review.default_check", lambda: simple_check)
    clean, blocked = seed(data_dir)
    code, out = run(capsys, data_dir, "approve", "--all-clean", "--json")
    assert code == 0 and json.loads(out) == {"done": [clean], "refused": []}
    code, out = run(capsys, data_dir, "approve")
    assert code == 2
