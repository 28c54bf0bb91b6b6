"""P3: cold start of ``fondly --smoke`` on the big shop vs a bare PySide6 QMainWindow start."""

from __future__ import annotations

from bench.harness import Env, Result, median, run_child


def run(env: Env) -> list[Result]:
    shop = env.shop()
    fondly_argv = [env.python, "-m", "desktop_app.cli", "--smoke", "--data-dir", str(shop.folder)]
    bare_argv = [env.python, "-m", "bench.scripts.bare_window"]
    # One unmeasured start of each warms the OS file cache (a "cold" start is a new process, not a
    # cold disk: that would measure the disk, not Fondly).
    run_child(fondly_argv, env, ready_prefix="ready in ")
    run_child(bare_argv, env, ready_prefix="shown in ")
    fondly, bare, inside = [], [], []
    for _ in range(env.repeat):
        ms, out = run_child(fondly_argv, env, ready_prefix="ready in ")
        fondly.append(ms)
        inside.append(float(out.split("ready in ", 1)[1].split()[0]))
        bare.append(run_child(bare_argv, env, ready_prefix="shown in ")[0])
    env.log(f"  P3 fondly {sorted(round(x) for x in fondly)} ms, bare {sorted(round(x) for x in bare)} ms")
    return [Result(
        "P3", f"cold start to interactive window, {shop.size:,} customers (`fondly --smoke`)",
        median(fondly), "ms", "≤ 1.5×", baseline=median(bare), baseline_name="bare QMainWindow",
        note=(f"wall time from spawning the process to the ready line (the first page of "
              f"customers on screen), Python start-up included. Fastest runs: Fondly "
              f"{min(fondly):.0f} ms, bare {min(bare):.0f} ms (ratio {min(fondly) / min(bare):.2f}×). "
              f"Fondly's own `ready in` figure (from its app module import) was "
              f"{median(inside):.0f} ms."),
    )]
