"""Drafting: the occasion rules, who may be messaged, the cool-down, rendering drafts from templates.

The names below load their modules on first use (PEP 562): ``desktop_app.drafting.dates`` is
needed by the customer card at start, the engine (and Jinja2 behind it) only when drafting.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.drafting.engine import DraftRun, days_to_scan, draft_day, last_scanned_day
    from desktop_app.drafting.rendering import render_draft
    from desktop_app.drafting.restock import draft_restock

_HOMES = {
    "DraftRun": "engine",
    "days_to_scan": "engine",
    "draft_day": "engine",
    "last_scanned_day": "engine",
    "render_draft": "rendering",
    "draft_restock": "restock",
}

__all__ = ["DraftRun", "days_to_scan", "draft_day", "draft_restock", "last_scanned_day", "render_draft"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
