"""P7: P1, P2 and P4 at 1,000,000 customers vs the same at 100,000 (linear is 10×; goal ≤ 11×)."""

from __future__ import annotations

from bench import bench_import
from bench.harness import Env, Result, percentile
from bench.measures import p2_drafting, p4_search

BIG = 1_000_000
GOAL = "≤ 11×"


def run(env: Env) -> list[Result]:
    small = env.size
    big = max(BIG, small * 10)
    # At 1M each side takes ten times as long: one import, the same three days of drafting as P2,
    # and the search keystrokes twice (122 samples for the p95).
    return [_search(env, small, big), _drafting(env, small, big), _import(env, small, big)]


def _search(env: Env, small: int, big: int) -> Result:
    base = env.figures.get(("P4", small))
    if base is None:
        base = percentile(p4_search.search_latencies(env.shop(small).db_path, env.repeat)["first"], 95)
    got = p4_search.search_latencies(env.shop(big).db_path, 2)
    value = percentile(got["first"], 95)
    env.log(f"  P7/P4 {value:.1f} ms at {big:,} vs {base:.1f} ms at {small:,}")
    return Result("P7", f"P4 search per keystroke p95 at {big:,} vs {small:,}", value, "ms", GOAL,
                  baseline=base, baseline_name=f"{small:,} customers",
                  note=(f"P4 search at {big:,}: 2 rounds of the same keystrokes; whole id array "
                        f"p95 {percentile(got['whole'], 95):.0f} ms there; widest prefix "
                        f"{got['worst']!r} → {got['worst_matches']:,} matches."))


def _drafting(env: Env, small: int, big: int) -> Result:
    # The same consecutive days as P2 at both sizes: the first day after the warm-up drafts the
    # rewards that then wait out their cool-down, so one day alone is not the median of three.
    repeat = p2_drafting.repeat_of(env)
    base = env.figures.get(("P2", small))
    if base is None:
        base = p2_drafting.drafting_figures(env, small, repeat)["draft_day_s"]
    m = p2_drafting.drafting_figures(env, big, repeat)
    env.log(f"  P7/P2 {m['draft_day_s']:.2f} s at {big:,} vs {base:.2f} s at {small:,}")
    return Result("P7", f"P2 draft one day at {big:,} vs {small:,}", m["draft_day_s"], "s", GOAL,
                  baseline=base, baseline_name=f"{small:,} customers",
                  note=(f"P2 drafting at {big:,}: median of the same {repeat} days as P2 "
                        f"({m['drafts_per_day']:.0f} drafts a day), CPU {m['draft_day_cpu_s']:.2f} s."))


def _import(env: Env, small: int, big: int) -> Result:
    measure = f"P1 import the Shopify CSV at {big:,} vs {small:,}"
    base = env.figures.get(("P1", small))
    if base is None:
        base = bench_import.measure(small, 1, log=env.log, csv_path=env.shop(small).csv_path)["fondly"]
    m = bench_import.measure(big, 1, log=env.log, csv_path=env.shop(big).csv_path)
    env.log(f"  P7/P1 {m['fondly']:.1f} s at {big:,} vs {base:.1f} s at {small:,}")
    return Result("P7", measure, m["fondly"], "s", GOAL, baseline=base,
                  baseline_name=f"{small:,} customers",
                  note=(f"P1 at {big:,}: one import, timed as P1 is (sqlite3 .import of the same "
                        f"file {m['bare']:.1f} s there, so {m['fondly'] / m['bare']:.2f}× the bare "
                        f"import; peak RSS {m['peak_mb']:.0f} MB)."))
