"""A request to put to the lender (协商还款): a plan the borrower's monthly budget covers, with the figures the
lender would see. Illustrative: the lender computes its own figures, and its contract binds.

Two ways to ask, each worked out by replaying the agreement it asks for on a copy of the loan (restructure.py),
so the figures are exactly what recording that agreement would give:
- **a longer term** — more monthly instalments than are left to pay (overdue ones included) and a smaller
  instalment than the plan in force asks (see `_term_option` for the rule); not offered, with the reason, when
  even the longest plan (60 months) would not lengthen the term or lower the instalment;
- **an instalment the budget sets** — the budget itself each month, for as many months as it takes.
Both ask, by default, for the penalty owed to be waived (减免罚息) and keep the unpaid interest in the new plan
(the lender is more likely to agree to that); the rate stays the one in force. When even 60 months ask more
than the budget, the request names the least instalment that works and the shortfall.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO
from jiebei_tui.domain.replay import LoanReplay
from jiebei_tui.domain.restructure import (
    MAX_RESTRUCTURE_TERM,
    RestructurePlan,
    RestructurePreview,
    default_first_due,
    least_installment,
    preview_restructure,
)
from jiebei_tui.domain.schedule import repayment_day
from jiebei_tui.domain.terms import Method, parse_amount

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger, LoanRecord

TERM, INSTALLMENT = "term", "installment"
NO_TERM_LONGEST = "longest"  # the instalments left already reach the longest plan
NO_TERM_SMALLER = "smaller"  # even the longest plan would not ask less a month than the plan in force


@dataclass(frozen=True)
class RequestOption:
    """One way to ask: the new plan as the lender would see it."""

    kind: str  # TERM or INSTALLMENT
    preview: RestructurePreview
    fits: bool  # the budget covers every instalment but the last, and the last too

    @property
    def term(self) -> int:
        return len(self.preview.new_installments)

    @property
    def installment(self) -> Decimal:
        """The monthly instalment (the last may differ by the rounding, or be smaller)."""
        return self.preview.regular_amount

    @property
    def last_installment(self) -> Decimal:
        return self.preview.last_installment

    @property
    def first_due(self) -> dt.date:
        return self.preview.new_installments[0].due_date

    @property
    def last_due(self) -> dt.date:
        return self.preview.last_due

    @property
    def principal(self) -> Decimal:
        """The new plan's principal: the principal outstanding, plus the interest (and penalty) not waived."""
        return self.preview.done.amount

    @property
    def total_interest(self) -> Decimal:
        return self.preview.total_interest

    @property
    def total_to_repay(self) -> Decimal:
        return self.preview.total_to_repay


@dataclass(frozen=True)
class LenderRequest:
    """What to ask the lender for one loan, on `on`, with a monthly `budget` for it."""

    record: LoanRecord
    on: dt.date
    budget: Decimal
    # as things stand on `on`
    principal_outstanding: Decimal
    overdue_principal: Decimal
    unpaid_interest: Decimal  # overdue interest and the running instalment's accrued to the day
    penalty: Decimal  # penalty owed on the day (all of it on what is overdue)
    # the overdue instalments' own unpaid interest (what Status and Overdue show as overdue interest; the
    # running instalment's interest accrued to the day is in `unpaid_interest`, not here)
    overdue_interest: Decimal
    amount_to_clear: Decimal  # what ends being overdue today
    days_overdue: int
    stage: str
    overdue_installments: tuple[int, ...]
    current_installment: Decimal  # the plan in force: its next instalment
    next_due_date: dt.date | None
    installments_left: int
    interest_left: Decimal  # interest the plan in force still projects, paid on schedule
    last_due_now: dt.date | None
    daily_rate: Decimal  # in force
    # what is asked
    waive_penalty: bool
    waive_interest: bool
    options: tuple[RequestOption, ...]  # (a longer term, the budget's instalment); no longer term: see no_term
    least_installment: Decimal  # the least instalment that repays within 60 months
    installments_unpaid: int = 0  # overdue and still to come: what a longer term must exceed
    installment_now: Decimal = ZERO  # the plan in force's instalment (the running one's): what it must undercut
    no_term: str | None = None  # why no longer term is offered: NO_TERM_LONGEST or NO_TERM_SMALLER
    illustrative: bool = True

    @property
    def shortfall(self) -> Decimal:
        """How much more a month even the longest plan needs (0 when the budget covers it)."""
        return max(self.least_installment - self.budget, ZERO)

    @property
    def penalty_waived(self) -> Decimal:
        return self.penalty if self.waive_penalty else ZERO

    @property
    def interest_waived(self) -> Decimal:
        return self.unpaid_interest if self.waive_interest else ZERO

    @property
    def best(self) -> RequestOption | None:
        """The option to lead with: the shorter plan that fits (less interest), else None."""
        fitting = [o for o in self.options if o.fits]
        return min(fitting, key=lambda o: (o.term, o.total_interest)) if fitting else None


def budget_share(ledger: Ledger, loan_id: str, on: dt.date, budget: Decimal) -> Decimal:
    """What a monthly budget across every loan leaves for one of them: the budget less each other open loan's
    next instalment (what keeping it current needs), never below 0."""
    others = ZERO
    for record in ledger.loans:
        if record.id == loan_id:
            continue
        state = LoanReplay.of(ledger, record.id, on).state(on)
        if not state.paid_off:
            others += state.next_due_amount
    return max(budget - others, ZERO)


def lender_request(
    ledger: Ledger,
    loan_id: str,
    today: dt.date,
    budget: object,
    *,
    waive_penalty: bool = True,
    waive_interest: bool = False,
) -> LenderRequest:
    """The request for loan `loan_id` as things stand `today`, for a monthly `budget` toward it (see
    `budget_share` for a budget across loans). InputError: an unknown loan, a loan paid off, a bad budget."""
    amount = parse_amount(budget, "budget")
    record = ledger.loan(loan_id)
    replay = LoanReplay.of(ledger, loan_id, today)
    state = replay.state(today)
    if state.paid_off:
        raise InputError("loan", loan_id, "paid_off")
    overdue = [r for r in state.installments if r.status == "overdue"]
    running = [r for r in state.installments if r.status in ("due", "partial", "upcoming")]
    base = RestructurePlan(
        term=MAX_RESTRUCTURE_TERM,
        daily_rate=replay.daily_rate,
        method=Method.EQUAL_INSTALLMENT,  # a fixed monthly sum is what a budget covers
        first_due=default_first_due(repayment_day(record.loan), today),
        waive_penalty=waive_penalty,
        waive_interest=waive_interest,
    )
    longest = preview_restructure(ledger, loan_id, today, base)
    least = least_installment(ledger, loan_id, today, base)
    unpaid = len(overdue) + len(running)
    now = running[0] if running else overdue[-1]  # the instalment the plan in force asks a month
    installment_now = now.principal + now.interest
    term = _term_option(ledger, loan_id, today, base, amount, longest, unpaid, installment_now)
    last = _installment_option(ledger, loan_id, today, base, amount, least)
    options = (last,) if isinstance(term, str) else (term, last)
    done = longest.done
    return LenderRequest(
        record=record,
        on=today,
        budget=amount,
        principal_outstanding=done.principal,
        overdue_principal=done.overdue_principal,
        unpaid_interest=done.interest,
        penalty=done.penalty,
        overdue_interest=sum((r.unpaid_interest for r in overdue), ZERO),
        amount_to_clear=state.amount_to_clear,
        days_overdue=state.days_overdue,
        stage=state.stage,
        overdue_installments=tuple(r.no for r in overdue),
        current_installment=state.next_due_amount,
        next_due_date=state.next_due_date,
        installments_left=len(running),
        interest_left=sum((r.unpaid_interest for r in running), ZERO),
        last_due_now=running[-1].due_date if running else None,
        daily_rate=replay.daily_rate,
        waive_penalty=waive_penalty,
        waive_interest=waive_interest,
        options=options,
        least_installment=least,
        installments_unpaid=unpaid,
        installment_now=installment_now,
        no_term=term if isinstance(term, str) else None,
    )


def _covers(preview: RestructurePreview, budget: Decimal) -> bool:
    return all(i.principal + i.interest <= budget for i in preview.new_installments)


def _term_option(
    ledger: Ledger,
    loan_id: str,
    on: dt.date,
    base: RestructurePlan,
    budget: Decimal,
    longest: RestructurePreview,
    unpaid: int,
    installment_now: Decimal,
) -> RequestOption | str:
    """A longer term. The rule: the fewest months, more than the `unpaid` instalments left (overdue ones
    included), whose equal instalment is smaller than the plan in force's (`installment_now`) and which the budget
    covers; at most the longest plan (60 months). The instalment falls as the term grows, so the least such term
    is searched for. When the budget covers no such term, the longest plan (marked as not fitting). Not offered
    (the reason, NO_TERM_LONGEST or NO_TERM_SMALLER) when 60 months would not be longer, or not smaller."""
    if unpaid + 1 > MAX_RESTRUCTURE_TERM:
        return NO_TERM_LONGEST
    if longest.regular_amount >= installment_now:
        return NO_TERM_SMALLER

    def good(preview: RestructurePreview) -> bool:
        return preview.regular_amount < installment_now and _covers(preview, budget)

    if not good(longest):
        return RequestOption(TERM, longest, False)
    low, high, found = unpaid + 1, MAX_RESTRUCTURE_TERM, longest
    while low < high:
        middle = (low + high) // 2
        preview = preview_restructure(ledger, loan_id, on, base.model_copy(update={"term": middle}))
        if good(preview):
            high, found = middle, preview
        else:
            low = middle + 1
    if found.plan.term != low:
        found = preview_restructure(ledger, loan_id, on, base.model_copy(update={"term": low}))
    return RequestOption(TERM, found, True)


def _installment_option(
    ledger: Ledger, loan_id: str, on: dt.date, base: RestructurePlan, budget: Decimal, least: Decimal
) -> RequestOption:
    """The budget itself each month, as many months as it takes (at most 60: else the least that works)."""
    fits = budget >= least
    installment = budget if fits else least
    preview = preview_restructure(ledger, loan_id, on, base.model_copy(update={"installment": installment}))
    months = len(preview.new_installments)
    if months < MAX_RESTRUCTURE_TERM:  # the plan as it would be recorded: the months it takes
        preview = preview_restructure(
            ledger, loan_id, on, base.model_copy(update={"installment": installment, "term": months})
        )
    return RequestOption(INSTALLMENT, preview, fits)
