"""At least once, never lost: `remind run` killed with SIGKILL at any point (before its claim, between claim and
delivery, in the middle of a slow command) loses no reminder; the next run delivers what the dead one claimed.

The catch-up window is 30 days here: killed every time, the runs fall further behind (each gets through one to
three slow commands, while three loans add new reminders every day), and a reminder older than the window is
summarised in one line rather than delivered, by design. Within the window, nothing may be lost: every reminder
due is delivered by a run at or after its time, or stood in for by the one its run delivered for the same loan
(and the same coming instalment), in that run's figures."""

from __future__ import annotations

import datetime as dt
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from jiebei_tui.domain.reminders import current, occurrences
from jiebei_tui.domain.replay import all_states
from jiebei_tui.store import Store
from jiebei_tui.text.reminders import message
from tests.conftest import EI

SH = ZoneInfo("Asia/Shanghai")
FIRST = dt.datetime(2025, 2, 8, 12, tzinfo=SH)  # D−1 (9 Feb 20:00) comes the next evening
KILLS = 30


def lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def wait_until(condition, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Poll for a condition (or the run's own end): no fixed pauses."""
    deadline = time.monotonic() + timeout
    while not condition() and proc.poll() is None:
        assert time.monotonic() < deadline, "the run neither progressed nor ended"
        time.sleep(0.01)


def test_thirty_kills_during_remind_run_lose_no_reminder(cli, data_dir: Path, tmp_path: Path) -> None:
    for name in ("Phone", "Laptop", "Bike"):
        assert cli("loans", "add", "--name", name, *EI, today="2025-02-01").code == 0
    record = tmp_path / "delivered"
    slow = tmp_path / "bin" / "slow-sms"
    slow.parent.mkdir()
    # writes what it was given, then takes its time, like a real SMS gateway
    slow.write_text(f'#!/bin/sh\nprintf "%s|%s|%s|%s\\n" "$1" "$2" "$3" "$4" >> {record}\nsleep 0.1\n')
    slow.chmod(slow.stat().st_mode | stat.S_IXUSR)
    assert cli("remind", "set", "--timezone", "Asia/Shanghai", "--desktop", "off", "--command",
               f"{slow} {{loan}} {{due_date}} {{days_overdue}} {{message}}", "--command-enabled", "on",
               "--catch-up-days", "30", today="2025-02-01").code == 0

    def remind_run(now: dt.datetime) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "jiebei_tui", "--data-dir", str(data_dir), "--lang", "en", "remind", "run",
             "--now", now.strftime("%Y-%m-%dT%H:%M")],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )

    killed_mid_delivery = 0
    now = FIRST
    said: list[tuple[dt.datetime, set[str], bool]] = []  # each run's time, what its command was given, whether it ended
    for i in range(KILLS):
        now = FIRST + dt.timedelta(hours=20 * i)  # runs 20 hours apart: each finds new reminders due
        before = len(lines(record))
        proc = remind_run(now)
        # kill at different moments: at once (before or during the claim), after 1, 2 or 3 commands started
        wanted = i % 4
        wait_until(lambda: len(lines(record)) >= before + wanted, proc)
        ended = proc.poll() is not None
        if not ended:
            os.kill(proc.pid, signal.SIGKILL)
            killed_mid_delivery += wanted > 0
        proc.wait(timeout=60)
        said.append((now, set(lines(record)[before:]), ended and proc.returncode == 0))
    before = len(lines(record))
    final = remind_run(now + dt.timedelta(minutes=1))
    assert final.wait(timeout=120) == 0, final.stderr.read()
    said.append((now + dt.timedelta(minutes=1), set(lines(record)[before:]), True))
    assert killed_mid_delivery >= 15  # the kills did land between a claim and its release

    # every reminder due from the first run's window to the last run was delivered at least once
    store = Store(data_dir, demo=False)
    ledger = store.load()
    last = now + dt.timedelta(minutes=1)
    expected = occurrences(all_states(ledger, last.date()), ledger.settings.reminders, ledger.terms, SH,
                           FIRST - dt.timedelta(days=30), last)
    assert len(expected) >= 70

    def line(o) -> str:
        return f"{o.loan_name}|{o.due_date}|{o.days_overdue}|{message(o, 'en')}"

    by_day = {}
    lost = []
    for o in expected:
        for at, got, ended in said:
            if at < o.fire_at:
                continue
            if at.date() not in by_day:
                by_day[at.date()] = {s.record.id: s for s in all_states(ledger, at.date())}
            if line(current(o, by_day[at.date()][o.loan_id], at)) in got:
                break  # delivered, or stood in for, as it was on that run's day
            if ended:  # a run that ended delivered all it claimed or took over: too late after it
                lost.append(line(o))
                break
        else:
            lost.append(line(o))
    assert not lost, f"{len(lost)} reminders lost, e.g. {sorted(lost)[:3]}"
    assert ledger.settings.reminders.in_flight == []  # the final run took over and released every dead claim


def test_runs_from_several_threads_of_one_process_deliver_each_reminder_once(cli, data_dir: Path) -> None:
    """The app calls `run` from a worker thread while the timer's process may run too: each transaction takes
    its own lock, so threads exclude each other as processes do."""
    import threading

    from jiebei_tui.delivery.reminders import run

    assert cli("loans", "add", "--name", "Phone", *EI, today="2025-02-01").code == 0
    assert cli("remind", "set", "--timezone", "Asia/Shanghai", "--desktop", "off", today="2025-02-01").code == 0
    now = dt.datetime(2025, 2, 16, 12, tzinfo=SH)
    start = threading.Barrier(6)
    said: list[str] = []

    def one() -> None:
        start.wait()
        _claimed, report = run(Store(data_dir, demo=False), now.date(), now, "en")
        said.extend(report.lines)

    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(line[:16] for line in said) == ["2025-02-16 10:00", "Missed reminders"]  # once, and counted once
