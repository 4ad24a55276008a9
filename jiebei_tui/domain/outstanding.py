"""Principal outstanding over time, across every loan, for a chart: what was really owed up to today (the
replay's allocations of the recorded payments), what the contracts scheduled, and what a forecast (doing
nothing extra, a plan, a scenario) leaves owed from today on.

A series is a step function: each point (day, principal) holds from that day on, after that day's drawdowns
and payments, until the next point.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.replay import LoanReplay
from jiebei_tui.domain.schedule import build_schedule

if TYPE_CHECKING:
    from jiebei_tui.domain.forecast import Forecast
    from jiebei_tui.domain.ledger import Ledger

ACTUAL = "actual"
SCHEDULED = "scheduled"


@dataclass(frozen=True)
class Series:
    label: str  # ACTUAL, SCHEDULED, a plan's order or a scenario's id
    points: tuple[tuple[dt.date, Decimal], ...]  # in date order, one per day

    def at(self, day: dt.date) -> Decimal:
        """The principal outstanding at the end of `day` (zero before the first point)."""
        k = bisect_right([d for d, _ in self.points], day)
        return self.points[k - 1][1] if k else ZERO

    def sampled(self, days: list[dt.date]) -> list[Decimal]:
        return [self.at(d) for d in days]

    @property
    def last(self) -> dt.date | None:
        return self.points[-1][0] if self.points else None


def _steps(changes: list[tuple[dt.date, Decimal]], label: str, start: Decimal = ZERO) -> Series:
    """Running sum of (day, change), one point per day."""
    by_day: dict[dt.date, Decimal] = {}
    for day, delta in changes:
        by_day[day] = by_day.get(day, ZERO) + delta
    level = start
    points = []
    for day in sorted(by_day):
        level += by_day[day]
        points.append((day, level))
    return Series(label, tuple(points))


def actual(ledger: Ledger, today: dt.date) -> Series:
    """What was owed, day by day, from the first drawdown to today, from the payments recorded."""
    from jiebei_tui.domain.ledger import terms_for

    grouped = ledger.payments_by_loan()
    changes: list[tuple[dt.date, Decimal]] = []
    for record in ledger.loans:
        if record.start > today:
            continue
        changes.append((record.start, record.principal))
        replay = LoanReplay.run(record.loan, terms_for(record, ledger.terms), grouped.get(record.id, ()), today, record=record, log=True)
        for _event, a in replay.allocations:
            repaid = a.overdue_principal + a.principal + a.prepaid
            if repaid:
                changes.append((a.on, -repaid))
    series = _steps(changes, ACTUAL)
    if series.points and series.points[-1][0] < today:
        series = Series(ACTUAL, (*series.points, (today, series.points[-1][1])))
    return series


def scheduled(ledger: Ledger) -> Series:
    """What the contracts scheduled: each instalment's principal repaid on its due date."""
    changes: list[tuple[dt.date, Decimal]] = []
    for record in ledger.loans:
        changes.append((record.start, record.principal))
        for inst in build_schedule(record.loan).installments:
            changes.append((inst.due_date, -inst.principal))
    return _steps(changes, SCHEDULED)


def forecast_series(forecast: Forecast, label: str, principal_today: Decimal) -> Series:
    """What a forecast leaves owed from today on (call it once the forecast is played out). `principal_today`:
    what was owed at the end of today before any of the forecast's payments (`actual(...).at(today)`)."""
    changes = [(forecast.today, ZERO)]
    changes += [(r.loan.start, r.loan.principal) for r in forecast.replays.values() if r.loan.start > forecast.today]
    changes += [(p.on, -p.principal) for p in forecast.payments if p.principal]
    return _steps(changes, label, principal_today)
