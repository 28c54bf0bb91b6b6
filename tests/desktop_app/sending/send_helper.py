"""A sender in its own process for the SIGKILL test: ``python -m … DB HOST PORT CAFILE`` (password on stdin).

Prints ``go`` once the connection is open, so the test aims its kill at the batch, not at start-up.
"""

from __future__ import annotations

import sys
from email.utils import make_msgid

from desktop_app.pacing import SendLimits
from desktop_app.sending import Wire, send_due
from mailers.smtp import SmtpConfig, SmtpSession
from storage.db import open_db
from tests.desktop_app.sending.outbox_rows import SENDER, simple_message


def main(argv: list[str]) -> int:
    db_path, host, port, cafile = argv
    password = sys.stdin.readline().rstrip("\n")
    config = SmtpConfig(host=host, port=int(port), security="ssl", username=SENDER,
                        cafile=cafile, timeout=10, local_hostname="localhost")
    class AnnouncingSession(SmtpSession):
        def open(self) -> None:
            was_open = self.is_open
            super().open()
            if not was_open:
                print("go", flush=True)

    wire = Wire(
        open_session=lambda: AnnouncingSession(config, password),
        build_message=simple_message,
        new_message_id=lambda: make_msgid(domain="example.test"),
        limits=SendLimits.unpaced(),
    )
    db = open_db(db_path)
    report = send_due(db, wire=wire)
    print(f"sent {report.sent}", flush=True)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
