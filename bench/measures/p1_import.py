"""P1: import the Shopify CSV (validated, deduplicated, searchable) vs the sqlite3 CLI's .import."""

from __future__ import annotations

from bench.bench_import import run as run_import_benchmark


def run(env) -> list:
    rows = run_import_benchmark(env)
    if rows and rows[0].fondly is not None:
        env.figures[("P1", env.size)] = rows[0].fondly  # P7 compares 1,000,000 with it
    return rows
