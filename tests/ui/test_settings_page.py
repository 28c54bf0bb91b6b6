"""The Settings page: every field of Settings is on the form and saved on the write lane."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QLabel

from desktop_app.changes import Changes
from desktop_app.settings import Settings, load_settings, save_settings
from ui.settings_page import SettingsPage

# Settings that belong to no form group yet (none today); a new field must be placed on the page.
NOT_ON_THE_PAGE: set[str] = set()


def open_page(qtbot, ctx) -> SettingsPage:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def test_every_setting_has_an_editor(qtbot, ui_ctx):
    page = open_page(qtbot, ui_ctx)
    names = {f.name for f in dataclasses.fields(Settings)}
    assert set(page.editors) == names - NOT_ON_THE_PAGE
    assert list(page.groups)[:5] == ["Shop", "Messages", "Back in stock", "Loyalty", "Sending"]


def test_the_form_shows_the_stored_settings(qtbot, ui_ctx):
    stored = Settings(shop_name="Rosie's", country="DE", currency="EUR", timezone="Europe/Berlin",
                      cooldown_days=21, daily_send_cap=300, quiet_hours_start="22:30",
                      feb29_in_common_years="mar1", unknown_consent_allowed=False)
    save_settings(ui_ctx.db, stored)
    page = open_page(qtbot, ui_ctx)
    assert page.values() == stored
    assert not page.save_button.isEnabled()


def test_edit_and_save(qtbot, ui_ctx):
    page = open_page(qtbot, ui_ctx)
    announced = []
    ui_ctx.hub.changed.connect(announced.append)
    qtbot.keyClicks(page.editors["shop_name"].widget, "Corner Books")
    page.editors["cooldown_days"].widget.setValue(30)
    page.editors["unknown_consent_allowed"].widget.setChecked(False)
    feb29 = page.editors["feb29_in_common_years"].widget
    feb29.setCurrentIndex(feb29.findData("mar1"))
    page.editors["quiet_hours_start"].widget.setTime(QTime(20, 15))
    page.editors["per_minute_send_cap"].widget.setValue(20)
    page.editors["points_per_unit"].widget.setValue(2.5)
    assert page.dirty and page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "Saved.", timeout=5000)

    saved = load_settings(ui_ctx.db)
    assert saved.shop_name == "Corner Books" and saved.cooldown_days == 30
    assert saved.unknown_consent_allowed is False and saved.feb29_in_common_years == "mar1"
    assert saved.quiet_hours_start == "20:15" and saved.per_minute_send_cap == 20
    assert saved.points_per_unit == 2.5
    assert saved.daily_send_cap is None  # left blank: the provider's default
    assert announced == [Changes(settings=True)]
    assert not page.dirty


def test_revert_discards_edits(qtbot, ui_ctx):
    page = open_page(qtbot, ui_ctx)
    page.editors["cooldown_days"].widget.setValue(99)
    qtbot.mouseClick(page.revert_button, Qt.MouseButton.LeftButton)
    assert page.editors["cooldown_days"].widget.value() == Settings().cooldown_days
    assert not page.dirty


def test_settings_saved_elsewhere_are_shown_unless_mid_edit(qtbot, ui_ctx):
    page = open_page(qtbot, ui_ctx)
    save_settings(ui_ctx.db, Settings(shop_name="From the welcome screen"))
    ui_ctx.hub.announce(Changes(settings=True))
    assert page.editors["shop_name"].widget.text() == "From the welcome screen"
    page.editors["cooldown_days"].widget.setValue(5)
    save_settings(ui_ctx.db, Settings(shop_name="Other"))
    ui_ctx.hub.announce(Changes(settings=True))
    assert page.editors["cooldown_days"].widget.value() == 5  # the owner's typing is kept


def test_add_section_is_the_slot_for_other_features(qtbot, ui_ctx):
    page = open_page(qtbot, ui_ctx)
    group = page.add_section("Mail account", QLabel("account form"))
    assert page.groups["Mail account"] is group
    qtbot.waitUntil(group.isVisible, timeout=2000)


def test_the_form_is_built_only_when_first_shown(qtbot, ui_ctx):
    page = SettingsPage(ui_ctx)
    qtbot.addWidget(page)
    assert not page.built
    page.show()
    assert page.built
