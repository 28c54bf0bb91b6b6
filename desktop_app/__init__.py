"""Fondly's services, rules, CLI and composition root (only app.py may import Qt)."""

# First, so that every desktop_app module's `from sqlite_utils import …` finds sqlite-utils
# already loaded without numpy (see storage/__init__.py).
import storage  # noqa: F401

__version__ = "0.1.0"
