"""Plan figures (issue 11): `plan` over 20 loans × 36 months and `goal` on one of them, each under 200 ms of
computation (CPU time of the process), printed beside a baseline measured in the same run: deriving the 20 loans'
states once (what `status` does). Medians of several runs. Not part of the test suite: run `make bench` or this
script.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from decimal import Decimal

from jiebei_tui.domain.goal import FINISH_BY, MAX_INSTALLMENT, SAVE, Goal, goal_seek
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.months import months_ahead
from jiebei_tui.domain.plan import plan
from jiebei_tui.domain.replay import all_states
from jiebei_tui.domain.scenario_compare import compare
from jiebei_tui.domain.scenarios import add_scenario, make_change
from jiebei_tui.domain.terms import make_loan

LOANS, TERM, RUNS = 20, 36, 7
TODAY = dt.date(2025, 4, 20)
TARGET_MS = 200


def twenty_loans() -> Ledger:
    """20 three-year loans drawn over January, the three methods in turn, rates 0.02%–0.059%, three instalments
    already paid on time."""
    book = Ledger()
    for n in range(LOANS):
        loan = make_loan(
            principal=str(5_000 + 1_000 * n),
            daily_rate=f"0.000{20 + 2 * n:02d}",
            term=TERM,
            method=("equal-installment", "equal-principal", "interest-first")[n % 3],
            start=dt.date(2025, 1, 1 + n),
        )
        book, _ = add_loan(book, f"Loan {n + 1}", loan, paid_through=3, today=TODAY)
    return book


def ms(fn, runs: int = RUNS) -> float:
    """Median CPU time of the process (the machine is shared: wall-clock time there measures the neighbours)."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append((time.process_time() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    book = twenty_loans()
    monthly_from = dt.date(2025, 5, 1)
    baseline = ms(lambda: all_states(book, TODAY))
    rows = [
        ("derive the 20 loans' states once (baseline)", baseline, False),
        ("plan --extra 5000", ms(lambda: plan(book, TODAY, Decimal("5000"))), True),
        ("plan --extra 5000 --monthly 500", ms(lambda: plan(book, TODAY, Decimal("5000"), monthly=Decimal("500"), monthly_from=monthly_from)), True),
        ("plan ... --roll-over (worst: money placed every due day)",
         ms(lambda: plan(book, TODAY, Decimal("5000"), monthly=Decimal("500"), monthly_from=monthly_from, roll_over=True), runs=3), True),
    ]
    on = dt.date(2025, 5, 3)
    for label, goal in (
        ("goal --finish-by 2026-06-20", Goal(FINISH_BY, date=dt.date(2026, 6, 20))),
        ("goal --max-installment 300", Goal(MAX_INSTALLMENT, amount=Decimal("300"))),
        ("goal --save 500", Goal(SAVE, amount=Decimal("500"))),
    ):
        rows.append((f"{label} (a 36-month loan, both strategies)", ms(lambda g=goal: goal_seek(book, "L20", TODAY, on, g)), True))
    rows.append(("months --count 12", ms(lambda: months_ahead(book, TODAY, 12)), False))
    scenarios = book
    for name, kind, kw in (
        ("prepay", "prepay", {"loan": "L20", "amount": "5000"}),
        ("monthly", "monthly", {"amount": "500"}),
        ("day", "repayment_day", {"loan": "L1", "day": "25"}),
        ("settle", "settle", {"loan": "L2"}),
    ):
        scenarios, _ = add_scenario(scenarios, name, [make_change(kind, on="2025-05-01", today=TODAY, ledger=scenarios, **kw)])
    rows.append(("scenario compare (4 side by side)", ms(lambda: compare(scenarios, TODAY)), False))
    print(f"plan figures: {LOANS} loans × {TERM} months, today {TODAY} (CPU ms, median of {RUNS} runs; target < {TARGET_MS} ms)")
    for label, figure, targeted in rows:
        mark = ("ok" if figure < TARGET_MS else "OVER") if targeted else ""
        print(f"  {label:<62} {figure:8.1f} ms  {figure / baseline:6.1f}× baseline  {mark}")
    whole_commands(book)


def whole_commands(book: Ledger) -> None:
    """The same through the front door: `jiebei-tui plan` and `goal` as fresh processes on the ledger written to a
    file (reading and validating it, the actions layer, the JSON), wall time beside `python -c "import pydantic"`."""
    import sys
    import tempfile
    from pathlib import Path

    from whole_process import compile_package, median_ms  # beside this script
    from jiebei_tui.store import Store

    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder), demo=False, today=TODAY)
        store.transact(lambda _ledger: (book, None))
        cli = [sys.executable, "-m", "jiebei_tui", "--data-dir", folder, "--today", TODAY.isoformat()]
        rows = [
            ('python -c "import pydantic" (baseline)', [sys.executable, "-c", "import pydantic"]),
            ("jiebei-tui plan --extra 5000 --json", [*cli, "plan", "--extra", "5000", "--json"]),
            ("jiebei-tui goal --loan L20 --save 500 --json", [*cli, "goal", "--loan", "L20", "--on", "2025-05-03", "--save", "500", "--json"]),
        ]
        print("whole process (wall ms, median of 5 fresh processes):")
        for label, argv in rows:
            print(f"  {label:<62} {median_ms(argv, 5):8.1f} ms")


if __name__ == "__main__":
    main()
