"""MainWindow builds a page given as ``build`` only when it is first shown (or asked for)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import fill_customers
from ui.main_window import MainWindow, Page
from ui.pages import build_pages
from ui.shell import AppShell


class StatefulLabel(QLabel):
    def __init__(self, text: str, log: list[str]) -> None:
        super().__init__(text)
        self.log = log

    def save_state(self) -> None:
        self.log.append(f"saved {self.text()}")


def test_a_lazy_page_is_built_on_first_showing_and_takes_its_stand_ins_place(qtbot, private_qsettings):
    log: list[str] = []

    def build_second() -> QLabel:
        log.append("built second")
        return StatefulLabel("second", log)

    window = MainWindow([Page("first", "First", StatefulLabel("first", log)),
                         Page("second", "Second", build=build_second)])
    qtbot.addWidget(window)
    window.show_page("first")
    assert log == [] and not window.pages["second"].built

    window.show_page("second")
    assert log == ["built second"]
    assert window.stack.currentWidget() is window.pages["second"].widget
    assert window.stack.count() == 2 and window.stack.indexOf(window.pages["second"].widget) == 1

    window.show_page("first")
    window.show_page("second")
    assert log == ["built second"]  # once
    window.close()
    assert log[1:] == ["saved first", "saved second"]


def test_an_unshown_lazy_page_is_never_built_nor_saved(qtbot, private_qsettings):
    log: list[str] = []
    window = MainWindow([Page("first", "First", StatefulLabel("first", log)),
                         Page("second", "Second", build=lambda: StatefulLabel("second", log))])
    qtbot.addWidget(window)
    window.show_page("first")
    window.close()
    assert log == ["saved first"] and not window.pages["second"].built


def test_a_page_needs_exactly_one_of_widget_and_build():
    with pytest.raises(ValueError):
        Page("x", "X")


def test_the_app_opens_on_customers_without_building_the_other_pages(qtbot, ui_ctx):
    fill_customers(ui_ctx.db, 20)
    shell = AppShell(ui_ctx, build_pages=build_pages, open_on_customers=True, background_jobs=False)
    with qtbot.waitSignal(shell.ready, timeout=5000):
        shell.start()
    window = shell.window
    qtbot.addWidget(window)
    assert [key for key, page in window.pages.items() if page.built] == ["customers"]

    window.show_page("today")
    assert window.pages["today"].built
    assert window.stack.currentWidget() is window.pages["today"].widget


def test_the_customer_cards_extra_tabs_are_built_when_first_looked_at(qtbot, ui_ctx):
    from ui.customers.page import CustomersPage

    fill_customers(ui_ctx.db, 5)
    page = CustomersPage(ui_ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.ids_applied, timeout=5000):
        page.show()
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.card._occasions is None and page.card._history is None
    page.card.setCurrentIndex(1)
    assert page.card._occasions is not None and page.card._history is None
    assert page.card.currentWidget().isAncestorOf(page.card.occasions)
    page.card.setCurrentIndex(2)
    assert page.card.currentWidget().isAncestorOf(page.card.history)
