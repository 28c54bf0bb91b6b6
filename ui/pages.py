"""Builds the sidebar's pages for the main window (one line per page)."""

from __future__ import annotations

from desktop_app.mail_account import AccountSecrets
from ui.context import UiContext
from ui.main_window import Page
from ui.placeholder import PlaceholderPage
from ui.sent_page import SentPage, sending_job


def build_pages(ctx: UiContext) -> list[Page]:
    return [
        Page("today", "Today", PlaceholderPage(
            "Today", "Drafts waiting for your review will appear here each morning: birthdays, "
            "back-in-stock notes and loyalty thank-yous, each with why it was written.")),
        Page("customers", "Customers", PlaceholderPage(
            "Customers", "Your customer list will appear here.")),
        Page("products", "Products", PlaceholderPage(
            "Products", "Your products and their stock will appear here, with who asked to be "
            "told when each is back.")),
        Page("templates", "Templates", PlaceholderPage(
            "Templates", "The wording of each kind of note will appear here, ready for you to "
            "make it sound like you.")),
        Page("sent", "Sent", SentPage(ctx, send_now=sending_job(AccountSecrets()))),
        Page("settings", "Settings", PlaceholderPage(
            "Settings", "Your shop's details, your mail account and how often Fondly may write "
            "will be set here.")),
    ]
