"""The harness runs a benchmark module end to end and writes the table (no timing asserted)."""

from __future__ import annotations

from bench.__main__ import main
from bench.harness import Result, benchmark_modules, table_lines


def test_every_benchmark_module_has_the_one_function_interface():
    modules = benchmark_modules()
    assert {m.__name__.rsplit(".", 1)[1][:2] for m in modules} >= {"p3", "p4", "p6"}
    for module in modules:
        assert callable(module.run) and module.__doc__


def test_search_benchmark_writes_benchmarks_md(tmp_path, capsys):
    output = tmp_path / "BENCHMARKS.md"
    assert main(["--size", "300", "--repeat", "1", "--only", "p4", "--output", str(output),
                 "--out-dir", str(tmp_path / "out")]) == 0
    text = output.read_text(encoding="utf-8")
    assert "| # | Measure | Fondly | Baseline | Ratio | Goal | Machine |" in text
    line = next(row for row in text.splitlines() if row.startswith("| P4 |"))
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[2].endswith("ms") and cells[4].endswith("×") and cells[5] == "≤ 30 ms"
    assert "## Machine" in text


def test_table_shows_skips_and_missing_baselines():
    info = {"cores": "2", "memory": "24 GiB", "python": "3.11"}
    lines = table_lines([
        Result("P6", "peak RSS", None, "MB", "≤ 250 MB", skipped="no table yet"),
        Result("P8", "approve", 12.0, "ms", "≤ 50 ms"),
    ], info)
    assert "skipped: no table yet" in lines[2]
    assert "| 12.0 ms | — | — |" in lines[3]


def test_harness_docstring_examples():
    import doctest

    import bench.harness

    assert doctest.testmod(bench.harness).failed == 0
