"""Going overdue (逾期): penalty interest (罚息) per day, the stage by days past due, the cost after N days.

Penalty daily rate = daily rate × multiplier (1.5 by default), kept to 6 decimals as the bank field does.
Past the grace days, an unpaid instalment costs HALF_UP(unpaid principal × penalty rate × days) and, when
compounding, HALF_UP(unpaid interest × penalty rate × days). Penalty replaces normal interest on that principal.

What a day of lateness costs is stated in one place, `DailyPenalty`: the penalty runs on the unpaid amounts at
the penalty rate, (principal + interest) × rate a day, exactly (e.g. 896.97 × 0.06% = 0.538182). The rounding
is on the total, once (HALF_UP over the instalment's overdue life), never per day; so the amount to clear grows
by that exact figure's fen on one day and a fen more or less on another (0.53, 0.54, …), and a single "per day"
figure is `about`: the exact one, HALF_UP to the fen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from jiebei_tui.domain.money import FEN, ZERO, half_up, rate6
from jiebei_tui.domain.slotted import FrozenSlotted, Slotted

if TYPE_CHECKING:  # the pydantic model is only needed by callers that hold one
    from jiebei_tui.domain.product_terms import ProductTerms

STAGES = ("M0", "M1", "M2", "M3", "M3+")


def stage(days_past_due: int) -> str:
    if days_past_due <= 0:
        return "M0"
    if days_past_due <= 30:
        return "M1"
    if days_past_due <= 60:
        return "M2"
    if days_past_due <= 90:
        return "M3"
    return "M3+"


def penalty_rate(daily_rate: Decimal, terms: ProductTerms) -> Decimal:
    return rate6(daily_rate * terms.penalty_multiplier)


def penalty(
    principal_days: Decimal, interest_days: Decimal, rate: Decimal, days_past_due: int, terms: ProductTerms
) -> tuple[Decimal, Decimal]:
    """Penalty on principal and on interest from amount×days sums (an unpaid amount times the days it stayed
    unpaid). Within the grace days nothing is charged; past them, every day since the due date counts."""
    if days_past_due <= terms.grace_days:
        return ZERO, ZERO
    # exact in the default 28 digits: amounts have 2 decimals, rates 6, day counts are whole. (HALF_UP to the fen,
    # written out: called for every overdue instalment at every payment of a replay.)
    on_principal = (principal_days * rate).quantize(FEN, rounding=ROUND_HALF_UP)
    on_interest = (interest_days * rate).quantize(FEN, rounding=ROUND_HALF_UP) if terms.compounding else ZERO
    return on_principal, on_interest


# written out (slotted.py), frozen: one with every overdue instalment's cost
class DailyPenalty(FrozenSlotted):
    """What one more day late adds: the penalty rate on the unpaid principal (and, compounding, the unpaid
    interest) it runs on. `exact` is the day's accrual, unrounded; `about` the single figure to show (HALF_UP to
    the fen), since the total, not each day, is rounded."""

    __slots__ = ("principal", "interest", "rate")

    def __init__(
        self,
        principal: Decimal,  # the unpaid principal the penalty runs on
        interest: Decimal,  # the unpaid interest it runs on (0 without compounding)
        rate: Decimal,  # the penalty daily rate
    ) -> None:
        setattr_ = object.__setattr__
        setattr_(self, "principal", principal)
        setattr_(self, "interest", interest)
        setattr_(self, "rate", rate)

    @property
    def base(self) -> Decimal:
        return self.principal + self.interest

    @property
    def exact(self) -> Decimal:
        return self.base * self.rate

    @property
    def about(self) -> Decimal:
        return half_up(self.exact)


NO_DAILY_PENALTY = DailyPenalty(ZERO, ZERO, ZERO)


def daily_penalty(unpaid: Iterable[tuple[Decimal, Decimal]], rate: Decimal, terms: ProductTerms) -> DailyPenalty:
    """What one more day late adds for the instalments whose (unpaid principal, unpaid interest) are given (the
    same for each day past the grace days: the penalty counts every day since the due date)."""
    principal = interest = ZERO
    for on_principal, on_interest in unpaid:
        principal += on_principal
        interest += on_interest
    return DailyPenalty(principal, interest if terms.compounding else ZERO, rate)


# written out (slotted.py), not frozen: built by the ten thousand per run; never changed once built
class OverdueCost(Slotted):
    __slots__ = (
        "installment", "days", "due_date", "overdue_principal", "overdue_interest", "penalty_daily_rate",
        "penalty_principal", "penalty_interest", "daily", "stage",
    )

    def __init__(
        self,
        installment: int,
        days: int,
        due_date: dt.date,
        overdue_principal: Decimal,
        overdue_interest: Decimal,
        penalty_daily_rate: Decimal,
        penalty_principal: Decimal,
        penalty_interest: Decimal,
        daily: DailyPenalty,  # what one more day late adds
        stage: str,
    ) -> None:
        self.installment = installment
        self.days = days
        self.due_date = due_date
        self.overdue_principal = overdue_principal
        self.overdue_interest = overdue_interest
        self.penalty_daily_rate = penalty_daily_rate
        self.penalty_principal = penalty_principal
        self.penalty_interest = penalty_interest
        self.daily = daily
        self.stage = stage

    @property
    def daily_cost(self) -> Decimal:
        """What one more day late adds, to the fen (about: the total is rounded, not each day)."""
        return self.daily.about

    @property
    def penalty_total(self) -> Decimal:
        return self.penalty_principal + self.penalty_interest

    @property
    def amount_to_clear(self) -> Decimal:
        return self.overdue_principal + self.overdue_interest + self.penalty_total


def overdue_cost(
    installment: int,
    due_date: dt.date,
    unpaid_principal: Decimal,
    unpaid_interest: Decimal,
    daily_rate: Decimal,
    days: int,
    terms: ProductTerms,
) -> OverdueCost:
    """An instalment left unpaid `days` days after its due date."""
    rate = penalty_rate(daily_rate, terms)

    def total(n: int) -> tuple[Decimal, Decimal]:
        return penalty(unpaid_principal * n, unpaid_interest * n, rate, n, terms)

    on_principal, on_interest = total(days)
    return OverdueCost(
        installment=installment,
        days=days,
        due_date=due_date,
        overdue_principal=unpaid_principal,
        overdue_interest=unpaid_interest,
        penalty_daily_rate=rate,
        penalty_principal=on_principal,
        penalty_interest=on_interest,
        daily=daily_penalty([(unpaid_principal, unpaid_interest)], rate, terms),
        stage=stage(days),
    )


def cost_curve(
    due_date: dt.date,
    unpaid_principal: Decimal,
    unpaid_interest: Decimal,
    daily_rate: Decimal,
    terms: ProductTerms,
    max_days: int = 90,
) -> list[tuple[int, Decimal]]:
    """Amount to clear against days late, 0..max_days (for the overdue chart)."""
    return [
        (n, overdue_cost(0, due_date, unpaid_principal, unpaid_interest, daily_rate, n, terms).amount_to_clear)
        for n in range(max_days + 1)
    ]
