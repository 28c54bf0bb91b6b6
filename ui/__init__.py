"""Fondly's Qt widgets, item models, the task manager and Qt adapters (the only Qt code)."""
