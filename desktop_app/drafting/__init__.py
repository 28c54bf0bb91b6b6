"""Drafting: the occasion rules, who may be messaged, the cool-down, rendering drafts from templates."""

from desktop_app.drafting.engine import DraftRun, days_to_scan, draft_day, last_scanned_day
from desktop_app.drafting.rendering import render_draft
from desktop_app.drafting.restock import draft_restock

__all__ = ["DraftRun", "days_to_scan", "draft_day", "draft_restock", "last_scanned_day", "render_draft"]
