"""The import dialog, the import history and the File-menu/drop wiring (Qt)."""
