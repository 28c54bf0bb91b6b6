"""A sender killed with SIGKILL at random moments never makes the server receive a message twice."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.sending import send_due
from storage import outbox
from storage.db import open_db
from tests.desktop_app.sending.outbox_rows import queue_messages
from tests.desktop_app.sending.outbox_server import PASSWORD, make_wire

ROOT = Path(__file__).resolve().parents[3]
ROUNDS = 20

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS"),
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only"),
]


def _start_sender(db_path: Path, server) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.desktop_app.sending.send_helper", str(db_path),
         server.host, str(server.port), str(server.cafile)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    process.stdin.write(PASSWORD + "\n")
    process.stdin.close()
    return process


def test_killed_senders_never_send_twice_and_every_message_ends_sent_or_needs_attention(
    db_path, outbox_server
):
    db = open_db(db_path)
    ids = queue_messages(db, 100)
    db.close()
    # A few milliseconds per message at the server, so that kills land mid-conversation too.
    outbox_server.handler.script.data_delay = 0.004
    rng = random.Random(int(os.environ.get("FONDLY_KILL_SEED", "6")))
    kills = 0
    for _ in range(ROUNDS):
        process = _start_sender(db_path, outbox_server)
        first = process.stdout.readline().strip()
        if first == "go":  # connected: kill it somewhere in the batch
            time.sleep(rng.uniform(0.0, 0.05))
            if process.poll() is None:
                os.kill(process.pid, signal.SIGKILL)
                kills += 1
        else:  # nothing was left to send, so it never connected
            assert first == "sent 0", process.stderr.read()
        process.wait(timeout=20)
        process.stdout.close()
        process.stderr.close()
    assert kills >= ROUNDS // 2  # most rounds were really cut short

    db = open_db(db_path)
    try:
        final = send_due(db, wire=make_wire(outbox_server))  # resumed: recovers, then finishes
        received = Counter(outbox_server.handler.ids())
        assert received and max(received.values()) == 1, "a message arrived twice"
        rows = outbox.rows_by_ids(db, ids)
        assert {r.state for r in rows} <= {"sent", "needs_attention"}
        for row in rows:
            if row.state == "sent":
                assert received[row.message_id] == 1
        stored_ids = {r.message_id for r in rows}
        assert set(received) <= stored_ids  # nothing arrived that the outbox does not know
        attention = [r for r in rows if r.state == "needs_attention"]
        # The killed senders did real work before they died.
        assert 100 - final.sent - len(attention) > 0
        print(f"kills {kills}, sent before the last run {100 - final.sent - len(attention)}, "
              f"needs attention {len(attention)} "
              f"(of which arrived {sum(received[r.message_id] for r in attention)})")
        # Killed mid-send, some needed the owner's decision; everything else went exactly once.
        assert len(attention) <= kills
        assert sum(r.state == "sent" for r in rows) + len(attention) == 100
    finally:
        db.close()
