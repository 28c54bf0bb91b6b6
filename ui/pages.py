"""Builds the sidebar's pages for the main window (one line per page)."""

from __future__ import annotations

from desktop_app.review import ReviewService
from desktop_app.review_facts import mail_account_configured
from ui.account_wiring import AccountWiring
from ui.context import UiContext
from ui.customers.page import CustomersPage
from ui.main_window import Page
from ui.products_page import ProductsPage
from ui.review.page import ReviewPage
from ui.sent_page import SentPage, sending_job
from ui.settings_page import SettingsPage
from ui.templates_page import TemplatesPage


def build_pages(ctx: UiContext) -> list[Page]:
    account = AccountWiring(ctx)
    settings = SettingsPage(ctx)
    settings.add_lazy_section("Mail account", account.settings_section)
    today = ReviewPage(
        ctx,
        ReviewService(),
        has_account=lambda: mail_account_configured(ctx.db),
        ask_for_account=account.prompt(lambda: today.window()),
    )
    return [
        Page("today", "Today", today),
        Page("customers", "Customers", CustomersPage(ctx)),
        Page("products", "Products", ProductsPage(ctx)),
        Page("templates", "Templates", TemplatesPage(ctx)),
        Page("sent", "Sent", SentPage(ctx, send_now=sending_job(ctx.secrets))),
        Page("settings", "Settings", settings),
    ]
