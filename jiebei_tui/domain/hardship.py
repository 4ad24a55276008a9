"""Everything the missed-payment tools show for a monthly budget, in one call (what `hardship --budget` and the
app's section ask for): the budget plan across loans (afford.py) and, for each open loan, the request to put
to its lender (request.py) with the part of the budget left for it once the other loans are kept current.
Illustrative throughout; pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jiebei_tui.domain.afford import MAX_MONTHS, BudgetPlan, budget_plan
from jiebei_tui.domain.replay import loan_state
from jiebei_tui.domain.request import LenderRequest, budget_share, lender_request

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger


@dataclass(frozen=True)
class Hardship:
    plan: BudgetPlan
    requests: tuple[LenderRequest, ...]  # open loans, the longest overdue first

    def request(self, loan_id: str) -> LenderRequest | None:
        return next((r for r in self.requests if r.record.id == loan_id), None)


def hardship(
    ledger: Ledger,
    today: dt.date,
    budget: object,
    start: object = None,
    order: object = "oldest",
    months: object = MAX_MONTHS,
    *,
    waive_penalty: bool = True,
    waive_interest: bool = False,
) -> Hardship:
    """The budget plan and a request per open loan drawn before today (InputError naming a bad value, as
    budget_plan does)."""
    plan = budget_plan(ledger, today, budget, start, order, months)
    states = [loan_state(ledger, r.id, today) for r in ledger.loans]
    # a loan drawn today or later has nothing to renegotiate (restructuring it was refused, naming an --on)
    open_states = sorted((s for s in states if not s.paid_off and s.record.start < today),
                         key=lambda s: (-s.days_overdue, s.record.id))
    requests = []
    for state in open_states:
        share = budget_share(ledger, state.record.id, today, plan.budget)
        if share > 0:
            requests.append(lender_request(ledger, state.record.id, today, share, waive_penalty=waive_penalty,
                                           waive_interest=waive_interest))
    return Hardship(plan, tuple(requests))
