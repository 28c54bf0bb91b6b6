"""Fondly's services, rules, CLI and composition root (only app.py may import Qt)."""

__version__ = "0.1.0"
