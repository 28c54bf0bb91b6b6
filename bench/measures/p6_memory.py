"""P6: peak RSS with the Customers page open and scrolled end to end vs a bare QMainWindow."""

from __future__ import annotations

import re

from bench.harness import Env, Result, median, run_child


def _peak_mb(output: str) -> float:
    return int(re.search(r"peak_rss_kb (\d+)", output).group(1)) / 1024


def run(env: Env) -> list[Result]:
    shop = env.shop()
    measure = f"peak RSS, Customers page scrolled end to end, {shop.size:,} customers"
    probe = [env.python, "-m", "bench.scripts.customers_scroll", str(shop.folder)]
    bare_argv = [env.python, "-m", "bench.scripts.bare_window"]
    try:
        _, first = run_child(probe, env, ready_prefix="", timeout=300)
    except RuntimeError as exc:
        return [Result("P6", measure, None, "MB", "≤ 250 MB",
                       skipped=f"the probe failed ({str(exc).splitlines()[-1][:160]})")]
    if first.startswith("skip:"):
        return [Result("P6", measure, None, "MB", "≤ 250 MB", skipped=first[5:].strip())]
    fondly, bare = [_peak_mb(first)], []
    rows = re.search(r"rows (\d+)", first).group(1)
    # Memory varies little from run to run; three of each is enough.
    for _ in range(min(env.repeat, 3)):
        bare.append(_peak_mb(run_child(bare_argv, env, ready_prefix="shown in ")[1]))
        if len(fondly) < min(env.repeat, 3):
            fondly.append(_peak_mb(run_child(probe, env, ready_prefix="", timeout=300)[1]))
    return [Result("P6", measure, median(fondly), "MB", "≤ 250 MB", baseline=median(bare),
                   baseline_name="bare QMainWindow",
                   note=f"peak resident set (VmHWM) of the process; the table reported {rows} rows.")]
