"""The drafting benchmark runs end to end on a tiny shop (its figures are not checked here)."""

from __future__ import annotations

from bench.bench_drafting import measure


def test_benchmark_runs_on_a_small_shop(tmp_path):
    figures = measure(400, 1, tmp_path)
    assert figures["size"] == 400
    assert figures["drafts_per_day"] >= 0 and figures["render_s"] > 0 and figures["bare_render_s"] > 0
