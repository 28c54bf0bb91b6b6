"""P1: import the Shopify CSV (validated, deduplicated, searchable) vs sqlite3's .import."""

from __future__ import annotations

from bench.bench_import import run as run_import_benchmark


def run(env) -> list:
    return run_import_benchmark(env)
