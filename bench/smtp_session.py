"""SmtpSession + build_message vs a bare smtplib loop, 1,000 messages over one STARTTLS connection.

Run: /work/main/.venv/bin/python -m bench.smtp_session [N]   (prints the ratio; lower is better)
"""

from __future__ import annotations

import smtplib
import ssl
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

from mailers.messages import build_message
from mailers.smtp import SmtpSession
from tests.smtp_fixtures import PASSWORD, USERNAME, SmtpTestServer, make_tls_files


def bare(server: SmtpTestServer, n: int) -> float:
    context = ssl.create_default_context(cafile=str(server.tls.ca_pem))
    start = time.perf_counter()
    with smtplib.SMTP(server.host, server.port, local_hostname="bench") as smtp:
        smtp.starttls(context=context)
        smtp.login(USERNAME, PASSWORD)
        for i in range(n):
            msg = EmailMessage()
            msg["From"] = USERNAME
            msg["To"] = f"customer{i}@example.net"
            msg["Subject"] = f"Hello {i}"
            msg.set_content(f"Dear customer {i},\nhappy birthday.\n")
            smtp.send_message(msg)
    return time.perf_counter() - start


def ours(server: SmtpTestServer, n: int) -> float:
    start = time.perf_counter()
    with SmtpSession(server.config(local_hostname="bench"), PASSWORD) as session:
        for i in range(n):
            session.send(build_message(
                sender_name="Ana's Flowers", sender_address=USERNAME,
                recipient_name=f"Customer {i}", recipient_address=f"customer{i}@example.net",
                subject=f"Hello {i}", text=f"Dear customer {i},\nhappy birthday.\n",
                occasion="birthday",
            ))
    return time.perf_counter() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        server = SmtpTestServer(mode="starttls", tls=make_tls_files(Path(folder))).start()
        try:
            bare(server, 20)  # warm up both paths
            ours(server, 20)
            base = min(bare(server, n) for _ in range(3))
            mine = min(ours(server, n) for _ in range(3))
        finally:
            server.stop()
    print(f"{n} messages: bare smtplib {base:.2f} s, SmtpSession {mine:.2f} s, ratio {mine / base:.2f}")


if __name__ == "__main__":
    main()
