"""Start-up figures, measured in one run: time to the first frame of the app on a 100-loan ledger beside a bare
Textual app (Header, Static, Footer, pydantic imported), as medians of RUNS fresh processes each (the two
alternate, so a busy moment on the machine hits both alike), and their ratio; the time until the 100 loans are
on screen; then the time from a section key press (1-4) to the new section being rendered.
Not part of the test suite: run `make bench`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from whole_process import compile_package  # benchmarks/ is the script's own folder

RUNS = 15
TODAY = dt.date(2026, 11, 28)

# Each child prints the seconds from its spawn (the time is passed in argv) to the first frame, then exits.
BARE = """
import sys, time
start = float(sys.argv[1])
import pydantic  # noqa: F401  (the app imports it too)
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("Hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.done)

    def done(self):
        print(time.time() - start)
        self.exit()

Bare().run(headless=True)
"""

# The app's child prints two figures: the first frame, and the first frame showing the loans.
APP = """
import sys, time, datetime as dt
from pathlib import Path
start = float(sys.argv[1])
from jiebei_tui.tui.app import JiebeiApp

class Timed(JiebeiApp):
    def on_mount(self):
        self.call_after_refresh(self.painted)  # queued before the app's own load, so it runs first
        super().on_mount()

    def painted(self):
        self.first = time.time() - start

    def _start(self):  # the ledger has been read and the Status rows filled
        super()._start()
        assert self.screen.query_one("#loans").row_count == 100
        self.call_after_refresh(self.done)

    def done(self):
        print(self.first, time.time() - start)
        self.exit()

Timed(data_dir=Path(sys.argv[2]), today=dt.date(2026, 11, 28), lang="en", reminders=False).run(headless=True)
"""


def hundred_loans(folder: Path) -> None:
    from jiebei_tui.domain.ledger import Event, Ledger, LoanRecord
    from jiebei_tui.domain.schedule import build_schedule
    from jiebei_tui.store import Store

    loans, events = [], []
    for n in range(1, 101):
        record = LoanRecord(
            id=f"L{n}", name=f"Loan {n}", principal=Decimal(5000 + 100 * n), daily_rate=Decimal("0.0004"),
            term=12, method=("equal-installment", "equal-principal", "interest-first")[n % 3],
            start=TODAY - dt.timedelta(days=20 + 3 * n),
        )
        loans.append(record)
        for inst in build_schedule(record.loan).installments:
            if inst.due_date < TODAY - dt.timedelta(days=n % 10):
                events.append(
                    Event(id=f"E{len(events) + 1}", loan_id=record.id, kind="repayment", date=inst.due_date, amount=inst.total)
                )
    ledger = Ledger(loans=loans, events=events)
    Store(folder, demo=False, today=TODAY).transact(lambda _: (ledger, None))


def spawn(code: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, repr(time.time()), *args], capture_output=True, text=True, check=True)
    return [float(x) * 1000 for x in out.stdout.strip().splitlines()[-1].split()]


def first_frames(folder: Path) -> tuple[float, float, float]:
    bare, app, loaded = [], [], []
    for _ in range(RUNS):
        bare += spawn(BARE)
        first, shown = spawn(APP, str(folder))
        app.append(first)
        loaded.append(shown)
    return statistics.median(bare), statistics.median(app), statistics.median(loaded)


async def section_switches(folder: Path) -> tuple[float, float]:
    """Timed inside the app, from the section action starting to the first frame of the new section written
    to the terminal (Pilot's own press-and-settle takes about 150 ms even on a trivial app, so it cannot
    time this)."""
    from jiebei_tui.tui.app import JiebeiApp

    first: list[float] = []
    later: list[float] = []

    class Timed(JiebeiApp):
        visits: set[str] = set()
        pending: tuple | None = None  # (start, the screen left, first visit?)

        def action_section(self, name: str) -> None:
            self.pending = (time.perf_counter(), self.screen, name not in self.visits)
            self.visits.add(name)
            super().action_section(name)

        def _display(self, screen, renderable) -> None:
            super()._display(screen, renderable)
            if self.pending and screen is self.screen and screen is not self.pending[1]:
                start, _, new = self.pending
                (first if new else later).append((time.perf_counter() - start) * 1000)
                self.pending = None

    app = Timed(data_dir=folder, today=TODAY, lang="en", reminders=False)
    async with app.run_test(size=(120, 36)) as pilot:
        while app.ledger is None:
            await pilot.pause()
        app.visits.add("status")
        for _ in range(RUNS + 1):
            for key in ("2", "3", "4", "1"):
                await pilot.press(key)
                await pilot.pause(0.05)
    return statistics.median(first), statistics.median(first + later)


def main() -> None:
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        hundred_loans(folder)
        bare, app, loaded = first_frames(folder)
        print(f"time to first frame, median of {RUNS} processes each (alternating):")
        print(f"  bare Textual app (Header, Static, Footer, pydantic)  {bare:6.0f} ms")
        print(f"  jiebei-tui on a 100-loan ledger                      {app:6.0f} ms   ratio {app / bare:.2f}")
        print(f"  ... with its 100 loans on screen                     {loaded:6.0f} ms")
        first, median = asyncio.run(section_switches(folder))
        print(f"section key press to the new section rendered (100 loans), {4 * (RUNS + 1) - 1} presses:")
        print(f"  median                           {median:6.1f} ms")
        print(f"  first visit to a section (builds it), median  {first:6.1f} ms")


if __name__ == "__main__":
    main()
