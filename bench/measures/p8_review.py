"""P8: the Today page with 500 drafts — open, move with J/K, approve (each ≤ 50 ms)."""

from __future__ import annotations

from bench import bench_review
from bench.harness import Env, Result


def run(env: Env) -> list[Result]:
    return bench_review.run(env)
