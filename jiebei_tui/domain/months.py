"""The months ahead: what leaves the borrower's pocket each calendar month across every loan, with the
instalments behind it, from this month on. Everything overdue today is owed today (at the top of this month);
every instalment after is paid on its due date, exactly what it owes then (forecast.py, OVERDUE_TODAY).

A payday (Settings.payday, a day of the month; the month's last day when it is shorter) flags the instalments
falling due before it in their month: the money for them must be in place before the salary arrives.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.forecast import OVERDUE_TODAY, Forecast, add_months_clamped, month_of, next_month
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.terms import parse_in_range

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger

MAX_MONTHS = 120
DEFAULT_MONTHS = 12
SETTING = "setting"  # months_ahead's payday: the ledger's setting


@dataclass(frozen=True)
class MonthItem:
    """One payment in a month: an instalment falling due, or what is overdue today."""

    loan_id: str
    name: str
    due_date: dt.date
    amount: Decimal
    installment: int | None  # None: what is overdue today
    before_payday: bool  # falls due before the month's payday

    @property
    def overdue(self) -> bool:
        return self.installment is None


@dataclass(frozen=True)
class Month:
    month: dt.date  # its first day
    total: Decimal
    items: tuple[MonthItem, ...]  # by due date, then the ledger's order of loans
    payday: dt.date | None  # the payday in that month (None: no payday set)

    @property
    def before_payday(self) -> Decimal:
        """What must be in place before the payday."""
        return sum((i.amount for i in self.items if i.before_payday), ZERO)


def payday_in(month: dt.date, payday: int | None) -> dt.date | None:
    return None if payday is None else add_months_clamped(month, 0, payday)


def months_ahead(
    ledger: Ledger, today: dt.date, count: object = DEFAULT_MONTHS, payday: int | None | str = SETTING
) -> tuple[Month, ...]:
    """`count` months (1..120) from today's month, each with its total and the instalments behind it. `payday`:
    a day of the month, None for no payday, or (the default) the ledger's setting."""
    n = parse_in_range(count, "count", "months_count", 1, MAX_MONTHS, max=MAX_MONTHS)
    if payday == SETTING:
        payday = ledger.settings.payday
    first = month_of(today)
    end = first
    for _ in range(n):
        end = next_month(end)
    forecast = Forecast.of(ledger, today, OVERDUE_TODAY)
    forecast.due_until(end)
    order = {loan_id: k for k, loan_id in enumerate(forecast.replays)}
    by_month: dict[dt.date, list[MonthItem]] = {}
    for p in forecast.payments:
        if p.on >= end:
            continue
        month = month_of(p.on)
        pay_day = payday_in(month, payday)
        by_month.setdefault(month, []).append(
            MonthItem(
                p.loan_id,
                forecast.names[p.loan_id],
                p.on,
                p.amount,
                p.installment,
                pay_day is not None and p.on < pay_day,
            )
        )
    out = []
    month = first
    for _ in range(n):
        items = sorted(by_month.get(month, []), key=lambda i: (i.due_date, order[i.loan_id]))
        out.append(Month(month, sum((i.amount for i in items), ZERO), tuple(items), payday_in(month, payday)))
        month = next_month(month)
    return tuple(out)


# --- the payday setting ---


def parse_payday(value: object, field: str = "payday") -> int | None:
    """A day of the month 1..31, or none ("", "none", "off") for no payday."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "none", "off")):
        return None
    return parse_in_range(value, field, "payday", 1, 31)


def set_payday(ledger: Ledger, value: object) -> Ledger:
    """The ledger with its payday setting changed (the ledger itself when it is the same)."""
    payday = parse_payday(value)
    if payday == ledger.settings.payday:
        return ledger
    return ledger.model_copy(update={"settings": ledger.settings.model_copy(update={"payday": payday})})
