"""Builds the sidebar's pages for the main window (one line per page)."""

from __future__ import annotations

from ui.context import UiContext
from ui.customers.page import CustomersPage
from ui.main_window import Page
from ui.placeholder import PlaceholderPage
from ui.products_page import ProductsPage
from ui.settings_page import SettingsPage
from ui.templates_page import TemplatesPage


def build_pages(ctx: UiContext) -> list[Page]:
    return [
        Page("today", "Today", PlaceholderPage(
            "Today", "Drafts waiting for your review will appear here each morning: birthdays, "
            "back-in-stock notes and loyalty thank-yous, each with why it was written.")),
        Page("customers", "Customers", CustomersPage(ctx)),
        Page("products", "Products", ProductsPage(ctx)),
        Page("templates", "Templates", TemplatesPage(ctx)),
        Page("sent", "Sent", PlaceholderPage(
            "Sent", "Every note that left your mailbox will be listed here, with its exact text.")),
        Page("settings", "Settings", SettingsPage(ctx)),
    ]
