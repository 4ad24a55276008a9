"""Reminder figures: `jiebei-tui remind list` and `remind run` over a 1,000-loan ledger, whole process, beside
`python -c "import pydantic"` measured in the same run (medians). Target: under 1 s here.
Not part of the test suite: run `make bench`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from whole_process import compile_package, median_ms  # benchmarks/ is the script's own folder

LOANS, RUNS = 1000, 9
TODAY = dt.date(2026, 11, 28)
NOW = "2026-11-28T12:00"


def ledger_of_1000(folder: Path) -> None:
    from jiebei_tui.domain.ledger import Event, Ledger, LoanRecord
    from jiebei_tui.domain.schedule import build_schedule
    from jiebei_tui.store import Store

    loans, events = [], []
    for n in range(1, LOANS + 1):
        record = LoanRecord(
            id=f"L{n}", name=f"Loan {n}", principal=Decimal(3000 + n), daily_rate=Decimal("0.0004"), term=12,
            method="equal-installment", start=TODAY - dt.timedelta(days=20 + n % 200),
        )
        loans.append(record)
        for inst in build_schedule(record.loan).installments:
            if inst.due_date < TODAY - dt.timedelta(days=n % 7):  # some loans are a few days behind
                events.append(Event(id=f"E{len(events) + 1}", loan_id=record.id, kind="repayment", date=inst.due_date, amount=inst.total))
    Store(folder, demo=False, today=TODAY).transact(lambda _: (Ledger(loans=loans, events=events), None))


def main() -> None:
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        ledger_of_1000(folder)
        pristine = Path(tmp) / "pristine.json"
        shutil.copy(folder / "ledger.json", pristine)
        cli = [sys.executable, "-m", "jiebei_tui", "--data-dir", str(folder), "--today", TODAY.isoformat(), "remind"]
        baseline = median_ms([sys.executable, "-c", "import pydantic"], RUNS)
        listing = median_ms([*cli, "list", "--days", "14", "--now", NOW, "--json"], RUNS)
        first = median_ms([*cli, "run", "--now", NOW], RUNS, before=lambda: shutil.copy(pristine, folder / "ledger.json"))
        claimed = subprocess.run([*cli, "run", "--now", NOW], capture_output=True, text=True)
        again = median_ms([*cli, "run", "--now", NOW], RUNS)
        shutil.copy(pristine, folder / "ledger.json")
        count = len(subprocess.run([*cli, "run", "--now", NOW], capture_output=True, text=True).stdout.splitlines())
        print(f"{LOANS:,} loans, whole process, median of {RUNS}:")
        print(f"  python -c 'import pydantic'            {baseline:6.0f} ms  (baseline)")
        print(f"  remind list --days 14 --json           {listing:6.0f} ms")
        print(f"  remind run, delivering {count:4d} reminders  {first:6.0f} ms")
        print(f"  remind run again, nothing due          {again:6.0f} ms  ({len(claimed.stdout.splitlines())} lines)")


if __name__ == "__main__":
    main()
