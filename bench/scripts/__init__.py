"""Small programs the benchmarks start as child processes (baselines and probes)."""
