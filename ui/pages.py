"""Builds the sidebar's pages for the main window (one line per page)."""

from __future__ import annotations

from desktop_app.review import ReviewService
from desktop_app.review_facts import mail_account_configured
from ui.context import UiContext
from ui.main_window import Page
from ui.placeholder import PlaceholderPage
from ui.review.page import ReviewPage


def build_pages(ctx: UiContext) -> list[Page]:
    return [
        Page("today", "Today", ReviewPage(ctx, ReviewService(), has_account=lambda: mail_account_configured(ctx.db))),
        Page("customers", "Customers", PlaceholderPage(
            "Customers", "Your customer list will appear here.")),
        Page("products", "Products", PlaceholderPage(
            "Products", "Your products and their stock will appear here, with who asked to be "
            "told when each is back.")),
        Page("templates", "Templates", PlaceholderPage(
            "Templates", "The wording of each kind of note will appear here, ready for you to "
            "make it sound like you.")),
        Page("sent", "Sent", PlaceholderPage(
            "Sent", "Every note that left your mailbox will be listed here, with its exact text.")),
        Page("settings", "Settings", PlaceholderPage(
            "Settings", "Your shop's details, your mail account and how often Fondly may write "
            "will be set here.")),
    ]
