"""Builds the sidebar's pages for the main window (one line per page).

Each page but Customers is built, and its modules imported, when it is first shown: a cold start
pays only for the page on screen (see ``Page``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.account_wiring import AccountWiring
from ui.context import UiContext
from ui.customers.page import CustomersPage
from ui.main_window import Page


def build_pages(ctx: UiContext) -> list[Page]:
    account = AccountWiring(ctx)
    return [
        Page("today", "Today", build=lambda: _today(ctx, account)),
        Page("customers", "Customers", CustomersPage(ctx)),
        Page("products", "Products", build=lambda: _products(ctx)),
        Page("templates", "Templates", build=lambda: _templates(ctx)),
        Page("sent", "Sent", build=lambda: _sent(ctx)),
        Page("settings", "Settings", build=lambda: _settings(ctx, account)),
    ]


def _today(ctx: UiContext, account: AccountWiring) -> QWidget:
    from desktop_app.review import ReviewService
    from desktop_app.review_facts import mail_account_configured
    from ui.review.page import ReviewPage

    today = ReviewPage(
        ctx,
        ReviewService(),
        has_account=lambda: mail_account_configured(ctx.db),
        ask_for_account=account.prompt(lambda: today.window()),
    )
    return today


def _products(ctx: UiContext) -> QWidget:
    from ui.products_page import ProductsPage

    return ProductsPage(ctx)


def _templates(ctx: UiContext) -> QWidget:
    from ui.templates_page import TemplatesPage

    return TemplatesPage(ctx)


def _sent(ctx: UiContext) -> QWidget:
    from ui.sent_page import SentPage, sending_job

    return SentPage(ctx, send_now=sending_job(ctx.secrets))


def _settings(ctx: UiContext, account: AccountWiring) -> QWidget:
    from ui.settings_page import SettingsPage

    settings = SettingsPage(ctx)
    settings.add_lazy_section("Mail account", account.settings_section)
    return settings
