"""Ledger figures: 1,000 loans and 50,000 events. Prints ms for a load of the file the program wrote (sealed: built
as it stands) and of the same file edited by hand (checked in full), derive every loan's state,
and save; then the whole-process time of `jiebei-tui schedule ... --json` beside `python -c "import pydantic"`
measured in the same run (medians). Not part of the test suite: run `make bench`.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from jiebei_tui.domain.ledger import Event, Ledger, LoanRecord
from jiebei_tui.domain.replay import all_states
from jiebei_tui.domain.schedule import build_schedule
from jiebei_tui.store import Store, dump_ledger, parse_ledger

from whole_process import compile_package, median_ms  # benchmarks/ is the script's own folder

LOANS, EVENTS_PER_LOAN, RUNS = 1000, 50, 9
TODAY = dt.date(2026, 11, 28)


def big_ledger(in_arrears: bool = False) -> Ledger:
    """1,000 three-year loans with 50 payments each. On track: each instalment paid in two halves, five days
    early and on the due day. In arrears (the worst case): ¥300 every two weeks, always behind, so every payment
    meets overdue instalments and their penalties."""
    loans, events = [], []
    for n in range(1, LOANS + 1):
        start = dt.date(2023, 1, 1) + dt.timedelta(days=n % 300)
        record = LoanRecord(
            id=f"L{n}", name=f"Loan {n}", principal=Decimal(20000 + n), daily_rate=Decimal("0.0004"), term=36,
            method=("equal-installment", "equal-principal", "interest-first")[n % 3], start=start,
        )
        loans.append(record)
        if in_arrears:
            payments = [(start + dt.timedelta(days=20 + 14 * k), Decimal("300.00")) for k in range(EVENTS_PER_LOAN)]
        else:
            payments = []
            for inst in build_schedule(record.loan).installments[: EVENTS_PER_LOAN // 2]:
                half = (inst.total / 2).quantize(Decimal("0.01"))
                payments += [(inst.due_date - dt.timedelta(days=5), half), (inst.due_date, inst.total - half)]
        for date, amount in payments:
            events.append(Event(id=f"E{len(events) + 1}", loan_id=f"L{n}", kind="repayment", date=date, amount=amount))
    return Ledger(loans=loans, events=events)


def ms(fn, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    compile_package()
    ledger = big_ledger()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder), demo=False, today=TODAY)
        store.transact(lambda _: (ledger, None))
        text = store.path.read_text()
        size = len(text.encode()) / 1e6
        print(f"ledger: {LOANS:,} loans, {LOANS * EVENTS_PER_LOAN:,} events, {size:.1f} MB")
        print(f"  load (sealed)           {ms(lambda: parse_ledger(text, store.path)):8.0f} ms   (as the program wrote it)")
        edited = json.dumps({k: v for k, v in json.loads(text).items() if k != "seal"}, indent=2, ensure_ascii=False)
        print(f"  load + validate         {ms(lambda: parse_ledger(edited, store.path)):8.0f} ms   (edited by hand: no seal)")
        print(f"  derive every loan state {ms(lambda: all_states(ledger, TODAY)):8.0f} ms   (payments on time)")
        arrears = big_ledger(in_arrears=True)
        print(f"  derive, all in arrears  {ms(lambda: all_states(arrears, TODAY)):8.0f} ms   (worst case: every payment"
              " meets overdue instalments)")
        # a real change each time (the store writes nothing for a ledger equal to the one on disk)
        themes = iter(range(1_000_000))

        def change(current):
            settings = current.settings.model_copy(update={"theme": f"theme-{next(themes)}"})
            return current.model_copy(update={"settings": settings}), None

        print(f"  save (locked, atomic)   {ms(lambda: store.transact(change)):8.0f} ms"
              "   (re-read + validate + write + keep backup + fsync)")
        print(f"  serialise only          {ms(lambda: dump_ledger(ledger)):8.0f} ms")
    cli = [sys.executable, "-m", "jiebei_tui", "--no-demo", "--data-dir", tempfile.mkdtemp(), "schedule",
           "--principal", "10000", "--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment",
           "--start", "2025-01-10", "--json"]
    baseline = median_ms([sys.executable, "-c", "import pydantic"], RUNS)
    command = median_ms(cli, RUNS)
    print(f"whole process, median of {RUNS}:")
    print(f"  python -c 'import pydantic'  {baseline:6.0f} ms  (baseline)")
    print(f"  jiebei-tui schedule --json   {command:6.0f} ms  ({command / baseline:.2f}x baseline)")


if __name__ == "__main__":
    main()
