"""Small programs the benchmarks start as child processes (baselines and probes)."""

import resource


def peak_rss_kb() -> int:
    """This process's peak resident set in KiB.

    VmHWM (Linux) rather than ``ru_maxrss``: ``ru_maxrss`` survives ``exec``, so a child started
    by a harness that has grown to 200 MB reports the harness's peak, not its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
