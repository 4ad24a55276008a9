"""A request to put to the lender: figures worked independently for the seed's case (domain.md's loan,
instalment 1 six days late on 2025-02-16; penalty 3.25 asked to be waived; unpaid interest 124.00 + 22.14 =
146.14 kept in the new plan, whose principal is then 10,146.14; the new plan due on the 10th from 2025-03-10)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.replay import loan_state, record_event
from jiebei_tui.domain.request import INSTALLMENT, TERM, budget_share, lender_request
from jiebei_tui.domain.restructure import restructure_loan
from jiebei_tui.domain.schedule import add_months
from jiebei_tui.domain.terms import make_loan
from tests.domain.hand import annuity, half_up
from tests.domain.test_account_properties import FAR

TODAY = dt.date(2025, 2, 16)
WORKED = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
RATE = D("0.0004")
NEW_PRINCIPAL = D("10146.14")


def seed() -> tuple[Ledger, str]:
    return add_loan(Ledger(), "Rent gap", WORKED)


def dues(n: int) -> list[dt.date]:
    return [add_months(dt.date(2025, 3, 10), k, 10) for k in range(n)]


def schedule(amount: D, n: int) -> list[tuple[D, D]]:
    """(principal, interest) of each instalment paying `amount` a month, interest by days on the balance, the
    last taking what is left (or earlier, once the rest fits in one)."""
    balance, previous, out = NEW_PRINCIPAL, TODAY, []
    for k, due in enumerate(dues(n)):
        interest = half_up(balance * RATE * (due - previous).days)
        last = k == n - 1 or balance + interest <= amount
        principal = balance if last else amount - interest
        out.append((principal, interest))
        balance -= principal
        previous = due
        if last:
            break
    return out


def test_a_longer_term_the_budget_covers() -> None:
    book, lid = seed()
    request = lender_request(book, lid, TODAY, "500")
    assert (request.principal_outstanding, request.unpaid_interest, request.penalty) == (D("10000.00"), D("146.14"), D("3.25"))
    assert request.penalty_waived == D("3.25") and request.interest_waived == 0 and request.illustrative
    assert (request.days_overdue, request.stage, request.overdue_installments) == (6, "M1", (1,))
    term = next(o for o in request.options if o.kind == TERM)
    # the fewest months whose equal instalment is within 500: 24 (23 would ask more)
    a24, a23 = annuity(NEW_PRINCIPAL, RATE, TODAY, dues(24)), annuity(NEW_PRINCIPAL, RATE, TODAY, dues(23))
    assert a23 > D("500") >= a24 == D("488.59")
    assert (term.fits, term.term, term.installment, term.principal) == (True, 24, a24, NEW_PRINCIPAL)
    by_hand = schedule(a24, 24)
    assert term.total_interest == sum(i for _, i in by_hand) == D("1580.09")
    assert term.last_installment == sum(by_hand[-1]) and term.last_due == dt.date(2027, 2, 10)
    assert term.total_to_repay == NEW_PRINCIPAL + term.total_interest


def test_a_longer_term_is_longer_and_smaller_even_when_the_budget_is_large() -> None:
    """The budget covers a short plan, yet "a longer term" must still lengthen it: instalment 1 overdue and
    2-12 to come leave 12 unpaid, so the least longer term is 13 months (it used to offer 3 × ¥3,4xx)."""
    book, lid = seed()
    request = lender_request(book, lid, TODAY, "5000")
    assert (request.installments_unpaid, request.installment_now, request.no_term) == (12, D("900.41"), None)
    term = next(o for o in request.options if o.kind == TERM)
    # by hand: A = B / Σ_k Π_{j≤k} 1/(1 + 0.0004·days_j), B = 10,146.14; days from 2025-02-16 to each due date
    # 22, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28 → Σ = 11.99248 → A = 846.042, rounded down 846.04
    # (12 months would ask 911.18: more than the 900.41 now, so not a smaller instalment either)
    assert annuity(NEW_PRINCIPAL, RATE, TODAY, dues(13)) == D("846.04")
    assert (term.fits, term.term, term.installment) == (True, 13, D("846.04"))
    assert term.term > request.installments_unpaid and term.installment < request.installment_now


def test_no_longer_term_when_the_plan_already_runs_sixty_months() -> None:
    """A loan already restructured to 60 months has no longer term to ask for: not offered, with the reason."""
    from jiebei_tui.domain.request import NO_TERM_LONGEST
    from jiebei_tui.text.way_back import option_lines, option_rows

    book, lid = seed()
    book, _ = restructure_loan(book, lid, on=TODAY, today=TODAY, term=60)
    later = dt.date(2025, 2, 20)  # before the new plan's first due date: 60 instalments unpaid
    request = lender_request(book, lid, later, "5000")
    assert (request.installments_unpaid, request.no_term) == (60, NO_TERM_LONGEST)
    assert [o.kind for o in request.options] == [INSTALLMENT]
    assert option_rows(request, "en")[0][:2] == [
        "A longer term", "not offered: the 60 instalments left already reach the longest plan (60 months)"]
    assert option_lines(request, "zh")[0] == "延长期限——不提供：剩余 60 期已达最长期限（60 个月）"


def test_the_overdue_figures_are_the_overdue_instalments_own() -> None:
    """Two instalments overdue on 2025-03-16 (1 due 02-10, 2 due 03-10), nothing paid. By hand (domain.md):
    their interest is 124.00 and 103.30, 227.30 overdue; their principal 776.41 and 900.41 − 103.30 = 797.11,
    1,573.52. Instalment 3 has run 6 days on the principal not overdue, 10,000 − 1,573.52 = 8,426.48 (the overdue
    principal bears penalty instead): 8,426.48 × 0.0004 × 6 = 20.22 accrued, unpaid but not overdue. The letter's
    overdue interest is the 227.30 the Overdue section shows, not 247.52; the penalty is named on its own."""
    from jiebei_tui.domain.ledger import effective_terms
    from jiebei_tui.domain.outlook import overdue_outlook
    from jiebei_tui.text.letter import request_letter

    book, lid = seed()
    day = dt.date(2025, 3, 16)
    request = lender_request(book, lid, day, "500")
    assert request.overdue_installments == (1, 2)
    assert (request.overdue_principal, request.overdue_interest) == (D("1573.52"), D("227.30"))
    assert request.unpaid_interest == D("247.52")  # what the new plan carries: the 20.22 accrued too
    shown = overdue_outlook(book.loan(lid).loan, effective_terms(book, lid), (), 1, (day - dt.date(2025, 2, 10)).days)
    assert (shown.principal, shown.interest, shown.penalty_total) == (
        request.overdue_principal, request.overdue_interest, request.penalty)
    text = request_letter(request, "en")
    assert (f"¥1,573.52 of principal, ¥227.30 of interest and ¥{request.penalty} of penalty interest unpaid"
            in text)
    assert "逾期本金 ¥1,573.52，逾期利息 ¥227.30，罚息" in request_letter(request, "zh")


def test_the_budget_as_the_instalment() -> None:
    book, lid = seed()
    request = lender_request(book, lid, TODAY, "500")
    fixed = next(o for o in request.options if o.kind == INSTALLMENT)
    by_hand = schedule(D("500"), 60)
    assert (fixed.fits, fixed.term, fixed.installment) == (True, len(by_hand), D("500.00")) and len(by_hand) == 24
    assert fixed.last_installment == sum(by_hand[-1]) == D("184.12")
    assert fixed.total_interest == sum(i for _, i in by_hand) == D("1537.98")
    assert request.best is fixed  # the same 24 months, less interest
    # what it asks is what recording it does
    agreed, event = restructure_loan(book, lid, on=TODAY, today=TODAY, installment="500", waive_penalty=True)
    assert event.amount == fixed.principal and event.plan.term == fixed.term
    state = loan_state(agreed, lid, TODAY)
    assert sum((r.interest for r in state.installments if r.status == "upcoming"), D(0)) == fixed.total_interest


def test_a_budget_too_small_names_the_least_and_the_shortfall() -> None:
    book, lid = seed()
    request = lender_request(book, lid, TODAY, "200")
    assert not any(o.fits for o in request.options) and request.best is None
    least = request.least_installment
    # the least fixed instalment that repays 10,146.14 within 60 months, the last no more than it
    assert sum(schedule(least, 60)[-1]) <= least and len(schedule(least, 60)) == 60
    assert sum(schedule(least - D("0.01"), 60)[-1]) > least - D("0.01")
    assert request.shortfall == least - D("200")


def test_budget_share_keeps_the_other_loans_current() -> None:
    book, lid = seed()
    other = make_loan(principal="6000", daily_rate="0.0003", term=12, method="equal-installment", start="2025-02-01")
    book, oid = add_loan(book, "Fridge", other)
    nxt = loan_state(book, oid, TODAY).next_due_amount
    assert budget_share(book, lid, TODAY, D("1000")) == D("1000") - nxt
    assert budget_share(book, lid, TODAY, D("100")) == 0


def test_refusals() -> None:
    book, lid = seed()
    with pytest.raises(InputError) as caught:
        lender_request(book, lid, TODAY, "-5")
    assert caught.value.field == "budget"
    payoff = loan_state(book, lid, TODAY).payoff
    paid, _ = record_event(book, lid, "settlement", TODAY, payoff, FAR)
    with pytest.raises(InputError) as caught:
        lender_request(paid, lid, TODAY, "500")
    assert caught.value.rule == "paid_off"


def test_hardship_puts_the_plan_and_the_requests_together() -> None:
    from jiebei_tui.domain.afford import budget_plan
    from jiebei_tui.domain.hardship import hardship

    book, lid = seed()
    other = make_loan(principal="6000", daily_rate="0.0003", term=12, method="equal-installment", start="2025-02-01")
    book, oid = add_loan(book, "Fridge", other)
    both = hardship(book, TODAY, "1500")
    assert both.plan == budget_plan(book, TODAY, "1500")
    # the overdue loan first, with what is left once the other's next instalment is kept
    assert [r.record.id for r in both.requests] == [lid, oid]
    assert both.request(lid).budget == D("1500") - loan_state(book, oid, TODAY).next_due_amount
    assert both.request(oid).budget == D("1500") - loan_state(book, lid, TODAY).next_due_amount
