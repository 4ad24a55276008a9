"""The credit record (征信) timeline of a loan, illustrative: what the lender's next monthly report will likely
show, the last day to pay so that it does not show overdue, and how long an overdue mark stays.

What the app's sources say (domain.md): the lender (for Jiebei, Chongqing Ant Consumer Finance) reports to the
PBOC credit centre monthly, on a day it does not publish (a setting: `Settings.credit_report_day`, None when not
known); how many days late triggers a mark is not published either ("even one day may be reported"); adverse
records are kept 5 years from the day the bad behaviour ends (征信业管理条例, the PBOC Credit Reporting
Regulation, art. 16), then deleted.

The model here: a report made on day R shows the loan as it stood at the start of R (payments dated before R
counted): overdue if any instalment was past its due date and unpaid then. So paying everything due by the day
before R keeps R's report clean; paying by each due date keeps the loan from being overdue at all. An overdue
episode is a stretch of days with something overdue, from the day after a due date to the day it was cleared
(by a payment, or by a restructure agreed that day); the mark of a reported episode stays until 5 years after
its last day. The status codes are the repayment-status codes of the PBOC report as consumer guides explain
them (N normal, 1 = 1–30 days overdue … 7 = over 180, C closed).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.overdue import stage
from jiebei_tui.domain.replay import LoanReplay
from jiebei_tui.domain.terms import parse_in_range

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger

RETENTION_YEARS = 5  # 征信业管理条例 art. 16
ONE_DAY = dt.timedelta(days=1)
UNKNOWN_WORDS = ("", "none", "unknown", "off")


def parse_report_day(value: object, field: str = "report_day") -> int | None:
    """The lender's monthly reporting day, 1 to 31 (a shorter month's last day stands for 29–31), or none/unknown
    (empty) when not known."""
    if value is None or (isinstance(value, str) and value.strip().lower() in UNKNOWN_WORDS):
        return None
    return parse_in_range(value, field, "report_day", 1, 31)


def set_credit_report_day(ledger: Ledger, value: object) -> Ledger:
    """The ledger with the reporting day set (or cleared); the ledger itself when nothing changes."""
    day = parse_report_day(value)
    if day == ledger.settings.credit_report_day:
        return ledger
    return ledger.model_copy(update={"settings": ledger.settings.model_copy(update={"credit_report_day": day})})


def report_date(day: int, year: int, month: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_after(d: dt.date, months: int = 1) -> tuple[int, int]:
    index = d.year * 12 + d.month - 1 + months
    return index // 12, index % 12 + 1


def next_report_date(day: int, today: dt.date) -> dt.date:
    """The first reporting day after today (today's report is already made from yesterday's state)."""
    this = report_date(day, today.year, today.month)
    if this > today:
        return this
    return report_date(day, *_month_after(today))


def report_dates(day: int, after: dt.date, until: dt.date) -> list[dt.date]:
    """Reporting days in (after, until]."""
    out = []
    d = next_report_date(day, after)
    while d <= until:
        out.append(d)
        d = report_date(day, *_month_after(d))
    return out


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


STATUS_CODES: tuple[tuple[str, int | None, int | None], ...] = (
    ("N", None, None),
    ("1", 1, 30), ("2", 31, 60), ("3", 61, 90), ("4", 91, 120), ("5", 121, 150), ("6", 151, 180),
    ("7", 181, None),
    ("C", None, None),
)
"""Every repayment-status code with the days overdue it stands for (first, last; None: open), in the report's
order: N normal, 1–7 overdue in 30-day bands (7: over 180 days), C closed."""


def status_code(days_overdue: int, paid_off: bool) -> str:
    """N normal; 1 … 7 overdue by 30-day steps (7: over 180 days); C closed (STATUS_CODES)."""
    if paid_off:
        return "C"
    if days_overdue <= 0:
        return "N"
    return str(min((days_overdue - 1) // 30 + 1, 7))


@dataclass(frozen=True)
class ReportPoint:
    """What a report on `on` shows (or, in the future, will likely show if nothing more is paid)."""

    on: dt.date
    days_overdue: int
    paid_off: bool
    amount_overdue: Decimal  # what was overdue then, penalty included

    @property
    def stage(self) -> str:
        return stage(self.days_overdue)

    @property
    def code(self) -> str:
        return status_code(self.days_overdue, self.paid_off)

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


@dataclass(frozen=True)
class OverdueEpisode:
    """Days with something overdue, back to back."""

    start: dt.date  # the first day overdue (the day after a due date)
    end: dt.date | None  # the day it was cleared; None: still overdue
    days: int  # its length: to `end`, or to the day looked at
    installments: tuple[int, ...]
    reported_on: tuple[dt.date, ...]  # reporting days within it (a known reporting day only)

    @property
    def kept_until(self) -> dt.date | None:
        """The last day a mark for it stays on the record: 5 years from the day it ended (None while running)."""
        return add_years(self.end, RETENTION_YEARS) if self.end is not None else None


@dataclass(frozen=True)
class CreditOutlook:
    loan_id: str
    today: dt.date
    report_day: int | None  # None: not known
    past: tuple[ReportPoint, ...]  # reports made so far (a known reporting day only)
    next_report: dt.date | None
    next_shows: ReportPoint | None  # if nothing more is paid
    pay_by: dt.date | None  # the last day to pay so the next report does not show overdue (None: nothing to pay)
    pay_amount: Decimal  # what to pay by then: everything overdue by then, penalty included
    due_by: dt.date | None  # the next due date, when before the next report: to be overdue on no day after it
    due_amount: Decimal  # what to pay by `due_by` so nothing is overdue the day after: the instalment due that day,
    # plus (already overdue) everything overdue by then, penalty to that day included
    episodes: tuple[OverdueEpisode, ...]
    overdue_now: bool
    days_overdue: int
    illustrative: bool = True

    @property
    def reported(self) -> bool:
        """A past report showed the loan overdue."""
        return any(p.overdue for p in self.past)

    @property
    def kept_until_if_paid_by(self) -> dt.date | None:
        """Overdue now: a mark, if one is made, stays until 5 years after the day it is cleared (here: `pay_by`)."""
        if not self.overdue_now or self.pay_by is None:
            return None
        return add_years(self.pay_by, RETENTION_YEARS)


def _episodes(rows) -> list[tuple[dt.date, dt.date | None, list[int]]]:
    spans: list[tuple[dt.date, dt.date | None, int]] = []
    for r in rows:
        if r.status == "overdue":
            spans.append((r.due_date + ONE_DAY, None, r.no))
        elif r.status in ("paid", "restructured") and r.paid_on is not None and r.paid_on > r.due_date:
            spans.append((r.due_date + ONE_DAY, r.paid_on, r.no))
    spans.sort(key=lambda s: s[0])
    merged: list[tuple[dt.date, dt.date | None, list[int]]] = []
    for start, end, no in spans:
        if merged:
            m_start, m_end, nos = merged[-1]
            if m_end is None or start <= m_end + ONE_DAY:
                new_end = None if (m_end is None or end is None) else max(m_end, end)
                merged[-1] = (m_start, new_end, [*nos, no])
                continue
        merged.append((start, end, [no]))
    return merged


def _point(ledger: Ledger, loan_id: str, on: dt.date) -> ReportPoint:
    """The loan at the start of `on`: payments dated before it counted."""
    state = LoanReplay.of(ledger, loan_id, on - ONE_DAY).state(on)
    return ReportPoint(on, state.days_overdue, state.paid_off, state.amount_to_clear)


def _owed_by(ledger: Ledger, loan_id: str, today: dt.date, on: dt.date) -> Decimal:
    """What to pay on `on` (nothing more paid before) so that nothing is overdue the day after: everything overdue
    then, penalty included, and the instalment due that day."""
    at = LoanReplay.of(ledger, loan_id, today).state(on)
    return at.amount_to_clear + (at.next_due_amount if at.next_due_date == on else ZERO)


def credit_outlook(ledger: Ledger, loan_id: str, today: dt.date) -> CreditOutlook:
    """The credit-record timeline of one loan on `today` (illustrative)."""
    record = ledger.loan(loan_id)
    day = ledger.settings.credit_report_day
    state = LoanReplay.of(ledger, loan_id, today).state(today)
    past: list[ReportPoint] = []
    next_report = next_shows = None
    if day is not None:
        for on in report_dates(day, record.start, today):
            point = _point(ledger, loan_id, on)
            past.append(point)
            if point.paid_off:
                break
        if not state.paid_off:
            next_report = next_report_date(day, today)
            projected = LoanReplay.of(ledger, loan_id, today).state(next_report)  # nothing more paid
            next_shows = ReportPoint(next_report, projected.days_overdue, projected.paid_off, projected.amount_to_clear)
    pay_by = due_by = None
    amount = due_amount = ZERO
    if not state.paid_off:
        if next_report is not None:
            if next_shows is not None and next_shows.overdue:
                pay_by = max(next_report - ONE_DAY, today)
        elif state.days_overdue:
            pay_by = today  # the reporting day is not known: any day overdue may be the one reported
        if pay_by is not None:
            amount = _owed_by(ledger, loan_id, today, pay_by)
        if state.next_due_date is not None and (next_report is None or state.next_due_date < next_report):
            due_by = state.next_due_date
            due_amount = _owed_by(ledger, loan_id, today, due_by)
    episodes = tuple(
        OverdueEpisode(
            start, end, ((end or today) - start).days + 1, tuple(nos),
            tuple(p.on for p in past if p.overdue and start <= p.on and (end is None or p.on <= end)),
        )
        for start, end, nos in _episodes(state.installments)
    )
    return CreditOutlook(
        loan_id=loan_id,
        today=today,
        report_day=day,
        past=tuple(past),
        next_report=next_report,
        next_shows=next_shows,
        pay_by=pay_by,
        pay_amount=amount,
        due_by=due_by,
        due_amount=due_amount,
        episodes=episodes,
        overdue_now=state.days_overdue > 0,
        days_overdue=state.days_overdue,
    )


__all__ = [
    "RETENTION_YEARS", "STATUS_CODES", "CreditOutlook", "OverdueEpisode", "ReportPoint", "add_years", "credit_outlook",
    "next_report_date", "parse_report_day", "report_dates", "set_credit_report_day", "status_code",
]

