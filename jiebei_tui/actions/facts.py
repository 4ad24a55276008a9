"""What is shown about the loans, each fact worked out in one place: the status, the amount to pay now and what
it covers, the badge, the date a loan fell behind, the schedule, and the auto-debits waiting to be confirmed.
The command line, the banner, Status, the pay dialog and Repay all read these.

Nothing here writes. (Loan states come from the account: worked out once per ledger.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from jiebei_tui.domain.schedule import Installment, build_schedule
from jiebei_tui.domain.terms import Loan
from jiebei_tui.domain.value import Value, value

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.debits import DebitQuestion
    from jiebei_tui.domain.replay import LoanState
    from jiebei_tui.domain.urgency import Urgent

Badge = Literal["paid_off", "overdue", "due_today", "due_soon", "on_track"]


# --- one loan's state in a word, and the date it fell behind ---


def badge(s: LoanState) -> Badge:
    """paid off, overdue, due today, due soon (within urgency.DUE_SOON_DAYS days, as the banner counts) or on
    track."""
    from jiebei_tui.domain.urgency import DUE_SOON_DAYS

    if s.paid_off:
        return "paid_off"
    if s.days_overdue:
        return "overdue"
    if s.days_until_due == 0:
        return "due_today"
    if s.days_until_due is not None and s.days_until_due <= DUE_SOON_DAYS:
        return "due_soon"
    return "on_track"


def behind_since(s: LoanState) -> dt.date | None:
    """The date the loan fell behind: the due date of its oldest unpaid overdue instalment (None: not behind)."""
    for inst in s.installments:
        if inst.status == "overdue":
            return inst.due_date
    return None


# --- the amount to pay now, and what it covers: the one rule ---


@value
class DueNow(Value):
    """What a loan asks of the borrower now.

    `amount` is what to pay today: when the loan is overdue, what clears the overdue instalments (and the one
    falling due today, if one does); otherwise what completes the running instalment today with nothing left
    over to prepay (its interest counted to today: paying the amount shown for its due date today would prepay
    the difference). `covers`: the instalments that amount pays in full.

    `date` and `shown` are the date and amount shown beside the loan: the date it fell behind and what clears
    it, or the next due date and what that instalment owes on it. `payoff`: what closes the loan today."""

    badge: Badge
    amount: Decimal
    covers: tuple[int, ...]
    date: dt.date | None
    shown: Decimal
    days_overdue: int
    days_until_due: int | None
    payoff: Decimal

    @property
    def nothing(self) -> bool:
        return self.badge == "paid_off"


def due_now(s: LoanState) -> DueNow:
    from jiebei_tui.domain.money import ZERO

    kind = badge(s)
    if kind == "paid_off":
        return DueNow(kind, ZERO, (), None, ZERO, 0, None, ZERO)
    amount, covers = s.to_pay_today()  # the one rule, in the domain: reminders say the same
    date = behind_since(s)
    if date is not None:
        shown = s.amount_to_clear
    else:
        date, shown = s.next_due_date, s.next_due_amount
    return DueNow(kind, amount, covers, date, shown, s.days_overdue, s.days_until_due, s.payoff)


def due_on(account: Account, loan_id: str, on: object = None) -> DueNow:
    """What a loan asked for on day `on` (default today), from the payments recorded up to it: the pay dialog's
    prefill for a payment dated that day (InputError naming `on` for a date it cannot be)."""
    from jiebei_tui.domain.replay import loan_state
    from jiebei_tui.domain.terms import parse_date

    day = parse_date(on, "on") if on is not None else account.today
    if day == account.today:
        return due_now(account.state(loan_id))
    record = account.loan(loan_id)
    return due_now(loan_state(account.ledger, record.id, day))


def normal_month(states) -> Decimal:
    """What the open loans ask in a month as contracted, the yardstick for a budget (Way back): each loan's running
    instalment in full, principal and interest as scheduled (not what is overdue, no penalty). An equal-principal
    loan's regular amount is its fixed principal alone: counted that way, January's interest went missing."""
    from jiebei_tui.domain.money import ZERO

    running = (next((i for i in s.installments if i.status in ("due", "partial", "upcoming")), None)
               for s in states if not s.paid_off)
    return sum((i.principal - i.prepaid + i.interest for i in running if i is not None), ZERO)


def first_day(s: LoanState, today: dt.date) -> dt.date:
    """The date the app's settle and prepay panels start with: today, or the drawdown day of a loan drawn later.
    A settlement or prepayment is worked out for any day from the drawdown on (the drawdown day included:
    domain/simulate.py position), and the app records one only on the day it is made."""
    return max(today, s.record.start)


# --- every loan ---


@value
class Status(Value):
    """Every loan's state at today (or one loan's), and the auto-debits among them waiting to be confirmed."""

    today: dt.date
    demo: bool
    states: tuple[LoanState, ...]
    debits: tuple[DebitQuestion, ...] = ()


def status(account: Account, loan_id: str | None = None, field: str = "id") -> Status:
    """Every loan's state at today, or one loan's (InputError naming `field` for an unknown id)."""
    if loan_id is not None:
        states: tuple = (account.state(loan_id, field),)
    else:
        states = tuple(account.states)
    debits = tuple(debits_to_confirm(account, states[0].record.id if loan_id is not None else None))
    return Status(account.today, account.ledger.demo, states, debits)


def most_urgent(account: Account) -> Urgent:
    """The banner's fact: the most urgent loan (overdue, due today, due soon, else the next due date)."""
    from jiebei_tui.domain.urgency import most_urgent as urgent

    return urgent(account.states)


def debits_to_confirm(account: Account, loan_id: str | None = None) -> list[DebitQuestion]:
    """For each auto-debit loan whose oldest unpaid instalment is past its due date: "did the ¥X debit on D go
    through?" (`jiebei-tui pay ID --debited` or the app's key records the answer yes)."""
    from jiebei_tui.domain.debits import debits_to_confirm as questions

    return questions(account.ledger, account.today, loan_id)


# --- the plan ---


@value
class Plan(Value):
    """A loan's instalments (for a ledger loan: as they now stand after its payments), its contract's total
    interest and annualised rates."""

    loan: Loan
    installments: tuple[Installment, ...]
    apr_simple: Decimal
    apr_irr: Decimal

    @property
    def total_interest(self) -> Decimal:
        return sum((i.interest for i in self.installments), Decimal(0))

    @property
    def total_payment(self) -> Decimal:
        return sum((i.total + i.prepaid for i in self.installments), Decimal(0))


def _rates(loan: Loan) -> tuple[Decimal, Decimal]:
    from jiebei_tui.domain.apr import apr_irr, apr_simple

    return apr_simple(loan.daily_rate), apr_irr(build_schedule(loan))


def contract_plan(loan: Loan) -> Plan:
    """A loan given without a ledger (or being typed into the add form): its contract schedule."""
    simple, irr = _rates(loan)
    return Plan(loan, tuple(build_schedule(loan).installments), simple, irr)


def loan_plan(account: Account, loan_id: str, field: str = "loan") -> Plan:
    """A ledger loan's instalments as they now stand on today (paid, due and planned), and its contract's rates."""
    from jiebei_tui.domain.replay import LoanReplay

    record = account.loan(loan_id, field)
    replay = LoanReplay.of(account.ledger, record.id, account.today)
    simple, irr = _rates(record.loan)
    return Plan(record.loan, tuple(replay.installments(account.today)), simple, irr)
