"""The welcome screen: Start my shop saves settings; the sample bakery loads on the write lane."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from desktop_app.errors import AppError
from desktop_app.settings import load_settings
from storage import customers
from ui.welcome import WelcomeWidget


def test_start_my_shop_saves_the_settings(qtbot, ui_ctx, workspace):
    welcome = WelcomeWidget(ui_ctx, load_sample=lambda db: None)
    qtbot.addWidget(welcome)
    welcome.show()
    assert not welcome.start_button.isEnabled()  # a shop needs a name
    qtbot.keyClicks(welcome.shop_name, "Rosie's Bakery")
    qtbot.keyClicks(welcome.owner_name, "Rosie")
    welcome.language.setCurrentIndex(welcome.language.findData("fr"))
    welcome.country.setCurrentIndex(welcome.country.findData("FR"))
    assert not workspace.has_shop(ui_ctx.db)
    with qtbot.waitSignal(welcome.finished, timeout=5000):
        qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)
    settings = load_settings(ui_ctx.db)
    assert (settings.shop_name, settings.owner_name, settings.language, settings.country) == (
        "Rosie's Bakery", "Rosie", "fr", "FR")
    assert settings.currency == "EUR"
    assert settings.cooldown_days == 14  # the rest keeps its defaults
    assert workspace.has_shop(ui_ctx.db)


def test_explore_the_sample_bakery_runs_the_loader_on_the_write_lane(qtbot, ui_ctx, workspace):
    seen = {}

    def load_sample(db):
        seen["thread"] = threading.current_thread().name
        customers.insert(db, {"first_name": "Sample", "email": "sample@example.com"})

    welcome = WelcomeWidget(ui_ctx, load_sample=load_sample)
    qtbot.addWidget(welcome)
    with qtbot.waitSignal(welcome.finished, timeout=5000):
        qtbot.mouseClick(welcome.sample_button, Qt.MouseButton.LeftButton)
    assert seen["thread"].startswith("fondly-write")
    assert workspace.has_shop(ui_ctx.db)


def test_a_failing_sample_load_says_why_and_lets_the_owner_try_again(qtbot, ui_ctx):
    def load_sample(db):
        raise AppError("This folder already holds a shop.", "Choose an empty folder.")

    welcome = WelcomeWidget(ui_ctx, load_sample=load_sample)
    qtbot.addWidget(welcome)
    finished = []
    welcome.finished.connect(lambda: finished.append(1))
    welcome.explore_sample()
    qtbot.waitUntil(lambda: "already holds a shop" in welcome.message.text(), timeout=5000)
    assert welcome.sample_button.isEnabled() and finished == []

