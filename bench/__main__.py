"""``python -m bench`` (``make bench``): run every benchmark and write BENCHMARKS.md."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

from bench.harness import (
    OUT,
    ROOT,
    Env,
    Result,
    benchmark_modules,
    machine,
    table_lines,
    write_report,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--size", type=int, default=100_000, help="customers in the shop (100000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each side per measure (5)")
    parser.add_argument("--only", default="", help="comma-separated ids, e.g. p3,p4")
    parser.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--out-dir", type=Path, default=OUT, help="cache of generated shops")
    args = parser.parse_args(argv)

    env = Env(size=args.size, repeat=args.repeat, out=args.out_dir)
    only = [o.strip() for o in args.only.split(",") if o.strip()]
    started = time.perf_counter()
    results: list[Result] = []
    for module in benchmark_modules(only):
        name = module.__name__.rsplit(".", 1)[-1]
        env.log(f"{name}: {(module.__doc__ or '').strip().splitlines()[0]}")
        try:
            results.extend(module.run(env))
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            results.append(Result(name.split("_")[0].upper(), name, None, "", "",
                                  skipped=f"failed: {type(exc).__name__}: {exc}"[:200]))
    seconds = time.perf_counter() - started
    info = machine()
    print()
    for line in table_lines(results, info):
        print(line)
    write_report(args.output, results, info, size=args.size, repeat=args.repeat, seconds=seconds)
    print(f"\nwrote {args.output} in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
