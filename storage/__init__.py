"""Fondly's SQLite store: schema, migrations, SQL and row types. No Qt, no network."""
