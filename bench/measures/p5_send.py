"""P5: send 1,000 messages to a local SMTP server — the outbox vs a bare smtplib loop."""

from __future__ import annotations

import importlib
import tempfile
import warnings
from pathlib import Path

from bench.harness import Env, Result, median

MESSAGES = 1000
GOAL = "≤ 1.3×"
MEASURE = "send 1,000 messages to a local SMTP server"


def run(env: Env) -> list[Result]:
    # Sending 1,000 messages takes about a second a side: three rounds of each are enough.
    rounds = max(1, min(env.repeat, 3))
    try:
        send = importlib.import_module("bench.bench_send")
    except ImportError:
        return _session_only(env, rounds)
    warnings.simplefilter("ignore")
    bare, ours = [], []
    with tempfile.TemporaryDirectory(dir=env.out) as tmp:
        process, server = send._spawn_server(Path(tmp))
        try:
            for r in range(rounds):  # alternate, so drift on a busy machine hits both alike
                bare.append(send.bare(server, MESSAGES))
                folder = Path(tmp) / f"round{r}"
                folder.mkdir()
                ours.append(send.ours(server, MESSAGES, folder))
        finally:
            process.stdin.close()
            process.wait(timeout=30)
    env.log(f"  P5 outbox {[round(x, 2) for x in ours]} s, bare {[round(x, 2) for x in bare]} s")
    return [Result(
        "P5", MEASURE, median(ours), "s", GOAL, baseline=median(bare),
        baseline_name="bare smtplib loop, one connection",
        note=(f"`bench/bench_send.py`: the whole outbox path (due rows from SQLite, a durable "
              f"commit around each message, the real message builder, one SMTP session, pacing "
              f"off) vs smtplib sending the same count over one implicit-TLS connection to the "
              f"same aiosmtpd server in its own process; {rounds} rounds each, median. Best "
              f"rounds: {min(ours):.2f} s vs {min(bare):.2f} s ({min(ours) / min(bare):.2f}×)."),
    )]


def _session_only(env: Env, rounds: int) -> list[Result]:
    """Before the outbox exists: Fondly's SMTP session and message builder, no database."""
    from bench import smtp_session
    from tests.smtp_fixtures import SmtpTestServer, make_tls_files

    warnings.simplefilter("ignore")
    bare, ours = [], []
    with tempfile.TemporaryDirectory(dir=env.out) as tmp:
        server = SmtpTestServer(mode="starttls", tls=make_tls_files(Path(tmp))).start()
        try:
            smtp_session.bare(server, 20)  # warm up both paths
            smtp_session.ours(server, 20)
            for _ in range(rounds):
                bare.append(smtp_session.bare(server, MESSAGES))
                ours.append(smtp_session.ours(server, MESSAGES))
        finally:
            server.stop()
    return [Result(
        "P5", MEASURE + " (SMTP session only)", median(ours), "s", GOAL, baseline=median(bare),
        baseline_name="bare smtplib loop, one connection",
        note=("this checkout has no outbox yet (`bench/bench_send.py`): measured is "
              "`mailers.smtp.SmtpSession` with `build_message` over one STARTTLS connection vs "
              "smtplib, same in-process aiosmtpd server, no database."),
    )]
