"""P5: the outbox sending 1,000 messages vs a bare smtplib loop on one connection (pacing off).

Both talk to the same local aiosmtpd server (implicit TLS, AUTH). The outbox side is the whole
production path: due rows from SQLite, a durable ``sending`` commit before each message and a
``sent`` commit after, the real message builder, one SmtpSession for the batch. Goal ≤ 1.3×.

Run: /work/main/.venv/bin/python -m bench.bench_send [N] [ROUNDS]   (prints the ratio, best of ROUNDS)
"""

from __future__ import annotations

import smtplib
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from email.message import EmailMessage
from pathlib import Path

from desktop_app.mail_account import AccountSecrets, account_for, save_account
from desktop_app.pacing import SendLimits
from desktop_app.send_job import wire_for
from desktop_app.sending import send_due
from desktop_app.settings import Settings
from storage.db import open_db
from tests.desktop_app.sending.outbox_rows import queue_messages
from tests.desktop_app.sending.outbox_server import PASSWORD, USERNAME, SmtpServer, start_server
from tests.keyring_fixtures import MemoryKeyring


def bare(server: SmtpServer, n: int) -> float:
    """What a careful script does: one connection, build each message, send it."""
    context = ssl.create_default_context(cafile=str(server.cafile))
    start = time.perf_counter()
    with smtplib.SMTP_SSL(server.host, server.port, local_hostname="bench", context=context) as smtp:
        smtp.login(USERNAME, PASSWORD)
        for i in range(n):
            msg = EmailMessage()
            msg["From"] = f"The Shop <{USERNAME}>"
            msg["To"] = f"C{i} <c{i}@example.org>"
            msg["Subject"] = f"Back in stock {i}"
            msg.set_content(f"Hello {i}, it is back.")
            smtp.send_message(msg)
    return time.perf_counter() - start


def ours(server: SmtpServer, n: int, folder: Path) -> float:
    db = open_db(folder / "fondly.db")
    queue_messages(db, n)
    account = account_for(USERNAME, preset_key="custom", name="The Shop", host=server.host,
                          port=server.port, security="ssl", cafile=str(server.cafile))
    save_account(db, account)
    secrets = AccountSecrets(keyring_backend=MemoryKeyring())
    secrets.save_password(account, PASSWORD)
    wire = wire_for(db, secrets=secrets, account=account, settings=Settings())
    wire = wire.__class__(**{**wire.__dict__, "limits": SendLimits.unpaced()})  # pacing off
    start = time.perf_counter()
    report = send_due(db, wire=wire)
    elapsed = time.perf_counter() - start
    db.close()
    if report.sent != n:
        raise SystemExit(f"the outbox sent {report.sent} of {n}")
    return elapsed


def serve(folder: str) -> None:
    """The server in its own process, so that it does not share the GIL with the senders."""
    warnings.simplefilter("ignore")
    server = start_server(Path(folder))
    print(server.port, server.cafile, flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    server.stop()


def _spawn_server(folder: Path) -> tuple[subprocess.Popen, SmtpServer]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_send", "--serve", str(folder)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    port, cafile = process.stdout.readline().split()
    return process, SmtpServer("127.0.0.1", int(port), Path(cafile), None, None)


def main(argv: list[str]) -> float:
    n = int(argv[0]) if argv else 1000
    rounds = int(argv[1]) if len(argv) > 1 else 5
    warnings.simplefilter("ignore")
    with tempfile.TemporaryDirectory() as tmp:
        process, server = _spawn_server(Path(tmp))
        try:
            bare_times, our_times = [], []
            for r in range(rounds):  # alternate, so drift on a busy machine hits both alike
                bare_times.append(bare(server, n))
                folder = Path(tmp) / f"round{r}"
                folder.mkdir()
                our_times.append(ours(server, n, folder))
        finally:
            process.stdin.close()
            process.wait(timeout=30)
    # Best of N, as timeit does: on a shared machine the slowest rounds measure the neighbours.
    b, o = min(bare_times), min(our_times)
    ratio = o / b
    median_ratio = statistics.median(our_times) / statistics.median(bare_times)
    print(f"bare smtplib loop: {b:.2f} s for {n} messages (best of {rounds})")
    print(f"Fondly outbox:     {o:.2f} s for {n} messages (best of {rounds})")
    print(f"ratio: {ratio:.2f}× (goal ≤ 1.3×) — {'OK' if ratio <= 1.3 else 'OVER'}; "
          f"ratio of medians {median_ratio:.2f}×")
    return ratio


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2])
    else:
        main(sys.argv[1:])
