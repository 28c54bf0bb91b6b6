"""Builds the sidebar's pages for the main window (one line per page)."""

from __future__ import annotations

from ui.context import UiContext
from ui.customers.page import CustomersPage
from ui.main_window import Page
from ui.placeholder import PlaceholderPage
from ui.settings_page import SettingsPage


def build_pages(ctx: UiContext) -> list[Page]:
    return [
        Page("today", "Today", PlaceholderPage(
            "Today", "Drafts waiting for your review will appear here each morning: birthdays, "
            "back-in-stock notes and loyalty thank-yous, each with why it was written.")),
        Page("customers", "Customers", CustomersPage(ctx)),
        Page("products", "Products", PlaceholderPage(
            "Products", "Your products and their stock will appear here, with who asked to be "
            "told when each is back.")),
        Page("templates", "Templates", PlaceholderPage(
            "Templates", "The wording of each kind of note will appear here, ready for you to "
            "make it sound like you.")),
        Page("sent", "Sent", PlaceholderPage(
            "Sent", "Every note that left your mailbox will be listed here, with its exact text.")),
        Page("settings", "Settings", SettingsPage(ctx)),
    ]
