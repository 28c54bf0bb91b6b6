"""The benchmark harness: what a benchmark module gets (Env), what it returns (Result), the report.

A benchmark measures Fondly and, in the same run, a bare baseline, several times each; it reports
medians. It asserts nothing about time: numbers go to BENCHMARKS.md and to the terminal.
"""

from __future__ import annotations

import importlib
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from bench.make_shop import ShopFiles, cached_shop

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


@dataclass(frozen=True)
class Result:
    """One line of the table. ``baseline`` is None when the goal is absolute (no bare twin)."""

    id: str  # "P3"
    measure: str
    fondly: float | None
    unit: str  # "ms", "MB", "s"
    goal: str
    baseline: float | None = None
    baseline_name: str = ""
    note: str = ""
    skipped: str = ""  # why it could not be measured in this checkout

    @property
    def ratio(self) -> float | None:
        if self.fondly is None or not self.baseline:
            return None
        return self.fondly / self.baseline


@dataclass
class Env:
    """What a benchmark module's ``run(env)`` is given."""

    size: int = 100_000
    repeat: int = 5
    out: Path = OUT
    python: str = sys.executable
    log: Callable[[str], None] = field(default=lambda text: print(text, flush=True))
    # Figures a measure leaves for a later one, by (id, size): P7 reuses P1, P2 and P4 at the
    # base size instead of measuring them twice.
    figures: dict[tuple[str, int], float] = field(default_factory=dict)

    def shop(self, size: int | None = None) -> ShopFiles:
        """The cached benchmark shop of *size* customers (made on first use, ~13 s per 100k)."""
        size = size or self.size
        started = time.perf_counter()
        files = cached_shop(size, self.out)
        took = time.perf_counter() - started
        if took > 1:
            self.log(f"  made a {size:,}-customer shop in {took:.1f} s → {files.folder}")
        return files

    def subprocess_env(self) -> dict[str, str]:
        env = dict(os.environ)
        # An installed app runs from cached bytecode; with this set (as some shells and CI do),
        # every start would compile Fondly's ~40 start-up modules from source (~40 ms).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
        return env


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 60 samples is the 57th smallest).

    >>> percentile([5, 1, 4, 2, 3], 95), percentile([5, 1, 4, 2, 3], 50)
    (5, 3)
    """
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * pct // 100))
    return ordered[int(rank) - 1]


def benchmark_modules(only: Sequence[str] = ()) -> list[ModuleType]:
    """Every module in bench/measures/ (name order), or those whose id is in *only*."""
    import pkgutil

    import bench.measures as package

    modules = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        if only and not any(info.name.lower().startswith(o.lower()) for o in only):
            continue
        modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    return modules


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        text = Path("/proc/cpuinfo").read_text()
        match = re.search(r"model name\s*:\s*(.+)", text)
        if match:
            cpu = match.group(1).strip()
    except OSError:
        pass
    memory = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, AttributeError):
        pass
    try:
        # The harness may import Qt; Fondly's core may not.
        from PySide6 import __version__ as qt_version
    except ImportError:
        qt_version = "absent"
    try:
        # Other work on the machine inflates every figure; the table should say so.
        load = " / ".join(f"{x:.1f}" for x in os.getloadavg()) + " (1, 5, 15 min, at the end)"
    except OSError:
        load = "unknown"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "pyside6": qt_version,
        "load average": load,
    }


def short_machine(info: dict[str, str]) -> str:
    return f"{info['cores']} cores, {info['memory']}, Python {info['python']}"


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f} {unit}"


def table_lines(results: Sequence[Result], info: dict[str, str]) -> list[str]:
    lines = ["| # | Measure | Fondly | Baseline | Ratio | Goal | Machine |",
             "|---|---|---|---|---|---|---|"]
    where = short_machine(info)
    for r in results:
        if r.skipped:
            lines.append(f"| {r.id} | {r.measure} | skipped: {r.skipped} | — | — | {r.goal} | {where} |")
            continue
        baseline = _fmt(r.baseline, r.unit)
        if r.baseline_name:
            baseline += f" ({r.baseline_name})"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        lines.append(f"| {r.id} | {r.measure} | {_fmt(r.fondly, r.unit)} | {baseline} | {ratio} "
                     f"| {r.goal} | {where} |")
    return lines


def write_report(path: Path, results: Sequence[Result], info: dict[str, str], *, size: int,
                 repeat: int, seconds: float) -> None:
    notes = [f"- **{r.id}**: {r.note}" for r in results if r.note]
    text = "\n".join([
        "# Fondly benchmarks",
        "",
        f"Written by `make bench` (`python -m bench`) on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        f" in {seconds:.0f} s. Shop: {size:,} customers made by `bench/make_shop.py`. Every figure "
        f"is the median of {repeat} runs unless the measure says otherwise; each baseline ran in "
        "the same run, interleaved with Fondly. Ratio = Fondly ÷ baseline.",
        "",
        *table_lines(results, info),
        "",
        "## Notes",
        "",
        *(notes or ["- none"]),
        "",
        "## Machine",
        "",
        *[f"- {k}: {v}" for k, v in info.items()],
        "",
    ])
    path.write_text(text, encoding="utf-8")


def run_child(argv: Sequence[str], env: Env, *, ready_prefix: str, timeout: float = 120) -> tuple[float, str]:
    """Start a process, return (ms from spawn until it printed *ready_prefix*, its whole stdout).

    :raises RuntimeError: when it exits without printing it (its stderr is in the message).
    """
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env.subprocess_env(), cwd=ROOT)
    seen_at = None
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append(line)
        if seen_at is None and line.startswith(ready_prefix):
            seen_at = time.perf_counter()
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if seen_at is None or proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err.strip()[-800:]}")
    return (seen_at - started) * 1000, "".join(lines)
