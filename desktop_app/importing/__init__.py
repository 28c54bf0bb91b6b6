"""Importing customer lists and product stock from the files shop owners have (no Qt)."""
