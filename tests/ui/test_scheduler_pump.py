"""The pump runs pending jobs each tick and calls the catch-up after a clock gap."""

from __future__ import annotations

from ui.scheduler_pump import GAP_SECONDS, SchedulerPump


def test_tick_runs_pending_and_detects_a_sleep_gap(qtbot):
    now = [1000.0]
    ran, resumed = [], []
    pump = SchedulerPump(lambda: ran.append(now[0]), on_resume=lambda: resumed.append(now[0]),
                         interval_ms=30_000, clock=lambda: now[0])
    pump.start()
    now[0] += 30
    pump.tick()
    assert ran == [1030.0] and resumed == []
    now[0] += 30 + GAP_SECONDS + 1  # the laptop slept
    with qtbot.waitSignal(pump.resumed):
        pump.tick()
    assert resumed == [now[0]] and len(ran) == 2
    pump.stop()
    assert not pump.timer.isActive()
