"""AppShell: the welcome screen on an empty folder, then the main window on the Customers page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.changes import Changes
from desktop_app.settings import Settings, load_settings, save_settings
from tests.ui.conftest import fill_customers
from ui.pages import build_pages
from ui.shell import AppShell


def test_an_empty_folder_starts_on_the_welcome_screen_then_the_customers_page(qtbot, ui_ctx):
    shell = AppShell(ui_ctx, build_pages=build_pages)
    with qtbot.waitSignal(shell.ready, timeout=5000):
        shell.start()
    welcome = shell.welcome
    assert welcome.isVisible() and shell.window is None

    qtbot.keyClicks(welcome.shop_name, "Corner Books")
    qtbot.mouseClick(welcome.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window is not None, timeout=5000)
    window = shell.window
    qtbot.addWidget(window)
    assert window.isVisible() and shell.welcome is None  # closed and deleted
    assert window.current_key() == "customers"
    assert window.windowTitle() == "Corner Books — Fondly"
    assert load_settings(ui_ctx.db).shop_name == "Corner Books"


def test_a_shop_opens_the_main_window_and_is_ready_when_rows_are_painted(qtbot, ui_ctx):
    fill_customers(ui_ctx.db, 300)
    save_settings(ui_ctx.db, Settings(shop_name="Rosie's"))
    shell = AppShell(ui_ctx, build_pages=build_pages, open_on_customers=True)
    with qtbot.waitSignal(shell.ready, timeout=5000):
        shell.start()
    window = shell.window
    qtbot.addWidget(window)
    assert shell.welcome is None
    page = window.pages["customers"].widget
    assert page.model.rowCount() == 300 and page.model.pages_read >= 1

    save_settings(ui_ctx.db, Settings(shop_name="Rosie's Bakery"))
    ui_ctx.hub.announce(Changes(settings=True))
    assert window.windowTitle() == "Rosie's Bakery — Fondly"


def test_closing_the_main_window_saves_the_table_state(qtbot, ui_ctx, private_qsettings):
    from PySide6.QtCore import QSettings

    fill_customers(ui_ctx.db, 10)
    save_settings(ui_ctx.db, Settings(shop_name="Rosie's"))
    shell = AppShell(ui_ctx, build_pages=build_pages, open_on_customers=True)
    with qtbot.waitSignal(shell.ready, timeout=5000):
        shell.start()
    window = shell.window
    qtbot.addWidget(window)
    window.pages["customers"].widget.table.horizontalHeader().resizeSection(0, 271)
    window.close()
    assert QSettings().value("customers/header") is not None
    assert QSettings().value("main_window/geometry") is not None


def test_explore_the_sample_bakery_opens_it_on_the_customers_page(qtbot, ui_ctx):
    shell = AppShell(ui_ctx, build_pages=build_pages)  # the real sample loader
    with qtbot.waitSignal(shell.ready, timeout=5000):
        shell.start()
    qtbot.mouseClick(shell.welcome.sample_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.window is not None, timeout=10000)
    window = shell.window
    qtbot.addWidget(window)
    page = window.pages["customers"].widget
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    assert window.current_key() == "customers"
    assert page.model.rowCount() == page.total >= 150
    assert "Fondly" in window.windowTitle() and load_settings(ui_ctx.db).shop_name in window.windowTitle()
