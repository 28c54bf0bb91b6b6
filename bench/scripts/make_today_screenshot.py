"""Renders resources/screenshots/today.png: the Today page of a small bakery, offscreen.

Run from the repository root: ``python bench/scripts/make_today_screenshot.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.review import ReviewService  # noqa: E402
from desktop_app.settings import Settings, save_settings  # noqa: E402
from desktop_app.workspace import Workspace  # noqa: E402
from tests.drafts_factory import add_customer, add_draft  # noqa: E402
from ui.context import UiContext  # noqa: E402
from ui.main_window import MainWindow, Page  # noqa: E402
from ui.placeholder import PlaceholderPage  # noqa: E402
from ui.review.page import ReviewPage  # noqa: E402
from ui.tasks import TaskManager  # noqa: E402

NOW = dt.datetime(2026, 3, 10, 8, 40, tzinfo=dt.UTC)
SIGN = "\n\nWarmly,\nRosa\nRosa's Bakery, 12 Mill Lane"
STOP = "\n\nDon't want these notes? Just reply 'stop'."

DRAFTS = [
    ("Amira", "Haddad", "yes", "birthday", "2026-03-10", "Happy birthday, Amira!",
     "Dear Amira,\n\nHappy birthday from all of us at Rosa's Bakery! Your next coffee and a slice of "
     "cake are on us this week — just say hello at the counter." + SIGN + STOP,
     "Amira's birthday is today, 10 March (from the loyalty sign-up form)."),
    ("Jonas", "Weber", "yes", "birthday", "2026-03-10", "Happy birthday, Jonas",
     "Hi Jonas,\n\nWe hope your birthday is a lovely one. Come by for a free coffee on us!!!" + SIGN + STOP,
     "Jonas's birthday is today, 10 March."),
    ("Lucía", "García", "unknown", "birthday", "2026-03-10", "Feliz cumpleaños, Lucía",
     "Querida Lucía:\n\n¡Feliz cumpleaños de parte de todos en Rosa's Bakery! Tu próximo café corre "
     "por nuestra cuenta.\n\nCon cariño,\nRosa\n\n¿No quieres más correos? Responde «baja».",
     "Lucía's birthday is today, 10 March."),
    ("Sven", "Lind", "yes", "restock", "2026-03-10", "Good news: the rye sourdough is back",
     "Hi Sven,\n\nYou asked us to tell you when the rye sourdough was back. We baked a fresh batch this "
     "morning and set one aside for you until Saturday." + SIGN + STOP,
     "Asked on 2 March to be told when the rye sourdough is back."),
    ("Mei", "Chen", "yes", "restock", "2026-03-10", "Hello {{ first_name }}, the plum cake is back",
     "Hi Mei,\n\nThe plum cake is back on the counter from today." + SIGN + STOP,
     "Asked on 27 February about the plum cake."),
    ("Olga", "Novak", "yes", "stamp_reward", "2026-03-10", "Your tenth coffee is on us",
     "Hi Olga,\n\nYour stamp card is full — thank you for all those visits. Your next coffee is on us."
     + SIGN + STOP, "Tenth stamp on the loyalty card on 8 March."),
    ("Farid", "Rahimi", "yes", "winback", "2026-03-11", "We have missed you, Farid",
     "Hi Farid,\n\nIt has been a while! The spring menu is out, and we would love to see you again."
     + SIGN + STOP, "Last visit 94 days ago, after 12 visits."),
    ("Greta", "Moreau", "yes", "birthday", "2026-03-12", "Happy birthday, Greta!",
     "Dear Greta,\n\nEveryone at Rosa's Bakery wishes you a wonderful birthday on Thursday." + SIGN + STOP,
     "Greta's birthday is on Thursday, 12 March."),
]


def ascii_name(name: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


def main() -> int:
    QCoreApplication.setOrganizationName("FondlyScreenshots")
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        workspace = Workspace(Path(folder))
        db = workspace.connect()
        save_settings(db, Settings(shop_name="Rosa's Bakery", timezone="UTC"))
        for n, (first, last, consent, occasion, day, subject, body, why) in enumerate(DRAFTS):
            cid = add_customer(db, first, last, email=f"{ascii_name(first)}.{ascii_name(last)}@example.org",
                               email_consent=consent)
            add_draft(db, cid, occasion=occasion, occasion_date=day, subject=subject, body=body,
                      why=why, key=f"shot-{n}")
        tasks = TaskManager(workspace.connect)
        ctx = UiContext(workspace=workspace, db=db, tasks=tasks)
        service = ReviewService(clock=lambda: NOW)  # the real check
        review = ReviewPage(ctx, service)
        pages = [Page("today", "Today", review)] + [
            Page(key, key.capitalize(), PlaceholderPage(key.capitalize(), ""))
            for key in ("customers", "products", "templates", "sent", "settings")
        ]
        window = MainWindow(pages, shop_name="Rosa's Bakery")
        window.resize(1240, 780)
        window.show()
        window.show_page("today")

        def settle() -> None:
            while tasks.busy:
                loop = QEventLoop()
                QTimer.singleShot(5, loop.quit)
                loop.exec()
            app.processEvents()

        settle()
        review.approve()  # Amira: approved, goes at nine
        settle()
        settle()
        out = ROOT / "resources" / "screenshots" / "today.png"
        window.grab().save(str(out))
        print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
        tasks.shutdown()
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
