"""The account model (shared/domain.md, "The account model"): both worked examples number for number, the
README's worked example, issue 8's repros, and the rules one by one. Every figure is worked by hand in the
comments (10,000 at 0.04%/day, 12 months, equal instalments, drawn 2025-01-10: instalment 900.41)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan, set_terms
from jiebei_tui.domain.product_terms import ProductTerms
from jiebei_tui.domain.replay import LoanReplay, loan_state, record_event
from jiebei_tui.domain.simulate import position, settle
from jiebei_tui.domain.terms import Strategy, make_loan

D1, D2 = dt.date(2025, 2, 10), dt.date(2025, 3, 10)
FAR = dt.date(2030, 1, 1)  # "today" when recording: any payment date is allowed


def d(month: int, day: int, year: int = 2025) -> dt.date:
    return dt.date(year, month, day)


def worked(term: int = 12, method: str = "equal-installment") -> tuple[Ledger, str]:
    loan = make_loan(principal="10000", daily_rate="0.0004", term=term, method=method, start="2025-01-10")
    return add_loan(Ledger(), "Worked", loan)


def pay(book: Ledger, loan_id: str, on: dt.date, amount: str, kind: str = "repayment", strategy=None) -> Ledger:
    new, _ = record_event(book, loan_id, kind, on, D(amount), FAR, strategy)
    return new


# --- domain.md, the account model's worked examples ---


def test_instalment_one_paid_early_reduce_installment() -> None:
    book, lid = worked()
    book = pay(book, lid, d(2, 5), "900.41")
    s = loan_state(book, lid, d(2, 5))
    first, second, last = s.installments[0], s.installments[1], s.installments[-1]
    # interest to 5 Feb: 10,000 × 0.04% × 26 = 104.00; scheduled principal 776.41; 20.00 left over → principal
    assert (first.status, first.paid_on, first.interest) == ("paid", d(2, 5), D("104.00"))
    assert (first.principal - first.prepaid, first.prepaid) == (D("776.41"), D("20.00"))
    assert s.principal_outstanding == D("9203.59")
    # reduce-installment: instalments 2–11 become 900.23, the last 900.30; instalment 2 runs 33 days from 5 Feb
    assert (second.period_start, second.interest, second.principal) == (d(2, 5), D("121.49"), D("778.74"))
    assert [i.principal + i.interest for i in s.installments[1:11]] == [D("900.23")] * 10
    assert last.principal + last.interest == D("900.30")
    assert s.total_interest == D("803.01")  # instead of 804.93


def test_instalment_one_paid_early_reduce_term() -> None:
    book, lid = worked()
    book = pay(book, lid, d(2, 5), "900.41", kind="prepayment", strategy=Strategy.REDUCE_TERM)
    s = loan_state(book, lid, d(2, 5))
    # keeps 900.41 and ends with 898.38 in month 12
    assert [i.principal + i.interest for i in s.installments[1:11]] == [D("900.41")] * 10
    assert (s.installments[-1].no, s.installments[-1].principal + s.installments[-1].interest) == (12, D("898.38"))


def test_payoff_after_instalment_one_closes_the_loan_and_a_fen_more_is_refused() -> None:
    book, lid = worked()
    book = pay(book, lid, D1, "900.41")
    # 9,223.59 + 9,223.59 × 0.04% × 15 = 9,223.59 + 55.34 = 9,278.93
    assert loan_state(book, lid, d(2, 25)).payoff == D("9278.93")
    with pytest.raises(InputError) as err:
        pay(book, lid, d(2, 25), "9278.94")
    assert err.value.rule == "repay_too_much" and "¥9,278.93" in str(err.value)
    closed = pay(book, lid, d(2, 25), "9278.93")
    s = loan_state(closed, lid, d(3, 25))
    assert s.paid_off and s.principal_outstanding == 0 and s.days_overdue == 0 and s.payoff == 0


# --- the README's worked example ---


def test_readme_settle_and_six_days_late() -> None:
    loan = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
    assert settle(LoanReplay.inline(loan, ProductTerms(), d(2, 25)), d(2, 25)).payoff == D("9278.93")
    book, lid = worked()
    late = loan_state(book, lid, d(2, 16))
    first = late.installments[0]
    # 776.41 × 0.06% × 6 = 2.80 on principal, 124.00 × 0.06% × 6 = 0.45 on interest; 903.66 clears it
    assert (first.penalty, late.amount_to_clear) == (D("2.80") + D("0.45"), D("903.66"))
    cleared = loan_state(pay(book, lid, d(2, 16), "903.66"), lid, d(2, 16))
    assert cleared.installments[0].status == "paid" and cleared.days_overdue == 0


# --- issue 8's repros ---


def test_issue_repro_early_payment_then_prepay_then_settle_on_a_two_month_loan() -> None:
    """loans add --term 2; pay 5090.18 on 02-05; prepay 2000 on 02-06 --apply; status on 02-20; settle --apply;
    status on 03-20. Instalment 1 must stay paid, and the settlement must close the loan."""
    book, lid = worked(term=2)
    # 2 months: instalment 5,090.18, of which instalment 1 is 124.00 interest + 4,966.18 principal
    book = pay(book, lid, d(2, 5), "5090.18")
    # 5 Feb: interest 10,000 × 0.04% × 26 = 104.00, principal 4,966.18, 20.00 prepaid → balance 5,013.82;
    # instalment 2 recomputed: 5,013.82 × 0.04% × 33 = 66.18 → 5,080.00 on 10 Mar
    s = loan_state(book, lid, d(2, 5))
    assert s.principal_outstanding == D("5013.82") and s.next_due_amount == D("5080.00")
    book = pay(book, lid, d(2, 6), "2000.00", kind="prepayment", strategy=Strategy.REDUCE_INSTALLMENT)
    # 6 Feb: instalment 2's interest for 1 day 2.01 (5,013.82 × 0.04%), then 1,997.99 of its principal: it stays
    # open, balance 3,015.83
    s = loan_state(book, lid, d(2, 20))
    first, second = s.installments
    assert (first.status, first.paid_on) == ("paid", d(2, 5))
    assert second.status == "partial" and s.days_overdue == 0
    assert s.principal_outstanding == D("3015.83")
    # due 10 Mar: 3,015.83 + interest 2.01 + 3,015.83 × 0.04% × 32 (38.60) − 2.01 paid = 3,054.43
    assert (second.interest, s.next_due_amount) == (D("40.61"), D("3054.43"))
    # payoff 20 Feb: 3,015.83 + 3,015.83 × 0.04% × 14 (16.89) = 3,032.72
    assert s.payoff == D("3032.72")
    result = settle(LoanReplay.of(book, lid, d(2, 20)), d(2, 20))
    assert result.payoff == D("3032.72")
    book = pay(book, lid, d(2, 20), "3032.72", kind="settlement")
    after = loan_state(book, lid, d(3, 20))
    assert after.paid_off and after.days_overdue == 0 and after.amount_to_clear == 0
    assert [i.status for i in after.installments] == ["paid", "paid"]
    # conservation: 5,090.18 + 2,000.00 + 3,032.72 = 10,122.90 = 10,000 + 104.00 + 2.01 + 16.89
    assert after.total_paid == D("10122.90") == D("10000") + after.total_interest
    with pytest.raises(InputError) as err:
        pay(book, lid, d(3, 20), "1.00")
    assert err.value.rule == "paid_off"


def test_issue_repro_paying_the_settle_figure_closes_and_more_is_refused() -> None:
    book, lid = worked()
    book = pay(book, lid, D1, "900.41")
    with pytest.raises(InputError) as err:
        pay(book, lid, d(2, 25), "9500.00")
    assert "¥9,278.93" in str(err.value)
    s = loan_state(pay(book, lid, d(2, 25), "9278.93"), lid, d(2, 25))
    assert s.paid_off and s.next_due_amount == 0  # no future interest left owing (it used to leave 625.59)


def test_issue_repro_interest_never_on_repaid_principal() -> None:
    book, lid = worked()
    # 20 Jan: interest to the day 10,000 × 0.04% × 10 = 40.00; instalment 1's principal 776.41 (it is paid);
    # 4,183.59 prepaid → balance 5,040.00 from 20 Jan
    book = pay(book, lid, d(1, 20), "5000.00")
    s = loan_state(book, lid, d(1, 20))
    first, second = s.installments[:2]
    assert (first.interest, first.status) == (D("40.00"), "paid")  # not the 124.00 of the full period
    assert s.principal_outstanding == D("5040.00")
    assert (second.period_start, second.interest) == (d(1, 20), D("98.78"))  # 5,040.00 × 0.04% × 49 = 98.784
    # over the loan, interest on 5,040.00 at most: every later instalment's interest is on the balance left
    replay = LoanReplay.run(book.loans[0].loan, ProductTerms(), book.payments_by_loan()[lid], FAR, log=True)
    assert replay.paid_off is False
    for start, end, balance, charged in replay.stretches:
        assert balance <= D("5040.00") or end <= d(1, 20)


# --- the rules one by one ---


def test_a_partial_payment_leaves_the_running_instalment_open() -> None:
    book, lid = worked()
    # 1 Feb: interest 10,000 × 0.04% × 22 = 88.00, then 412.00 of the 776.41 principal → balance 9,588.00
    book = pay(book, lid, d(2, 1), "500.00")
    s = loan_state(book, lid, D1)
    first = s.installments[0]
    # on its due date it owes the rest of its principal 364.41 and the interest accrued over its period on the
    # balance actually outstanding (88.00 + 9,588.00 × 0.04% × 9 = 34.52), less the 88.00 paid
    assert (first.status, first.interest) == ("due", D("122.52"))
    assert (first.unpaid_principal, first.unpaid_interest, s.next_due_amount) == (D("364.41"), D("34.52"), D("398.93"))
    late = loan_state(book, lid, D1 + dt.timedelta(days=1))
    assert late.amount_to_clear == D("398.93") + D("0.22") + D("0.02")  # 364.41 × 0.06% = 0.2186, 34.52 × 0.06% = 0.0207


def test_a_payment_short_of_the_interest_does_not_split_the_stretch() -> None:
    book, lid = worked()
    book = pay(book, lid, d(2, 1), "50.00")  # 88.00 accrued by then: 50.00 of interest, no principal
    first = loan_state(book, lid, D1).installments[0]
    # one stretch, 10 Jan → 10 Feb: 124.00, of which 50.00 paid
    assert (first.interest, first.unpaid_interest, first.unpaid_principal) == (D("124.00"), D("74.00"), D("776.41"))


def test_an_early_instalment_with_nothing_left_over_keeps_the_plan() -> None:
    book, lid = worked()
    # 5 Feb exactly what instalment 1 owes that day: 104.00 + 776.41 = 880.41 → nothing left over
    before = loan_state(book, lid, d(2, 5))
    assert (before.pay_now, before.next_due_amount) == (D("880.41"), D("900.41"))
    book = pay(book, lid, d(2, 5), "880.41")
    s = loan_state(book, lid, d(2, 5))
    second = s.installments[1]
    # the plan is not recomputed: instalment 2 keeps its principal 797.11; its interest runs from 5 Feb on
    # 9,223.59: 33 days = 121.75 (instead of 28 days, 103.30)
    assert (second.principal, second.period_start, second.interest) == (D("797.11"), d(2, 5), D("121.75"))
    assert s.installments[2].principal + s.installments[2].interest == D("900.41")


def test_a_paid_instalment_never_reopens() -> None:
    book, lid = worked()
    book = pay(book, lid, d(2, 5), "900.41")
    book = pay(book, lid, d(2, 6), "2000.00", kind="prepayment", strategy=Strategy.REDUCE_TERM)
    for day in (d(2, 6), d(2, 20), d(3, 10), d(3, 11), d(6, 1)):
        first = loan_state(book, lid, day).installments[0]
        assert (first.status, first.paid_on) == ("paid", d(2, 5))


def test_overdue_first_then_the_running_instalment_then_principal() -> None:
    book, lid = worked()
    # 16 Feb (6 days late): 3.25 penalty, 124.00 interest, 776.41 principal of instalment 1 (903.66); then
    # instalment 2's interest 9,223.59 × 0.04% × 6 = 22.14 and its principal 797.11; 100.79 is left → principal
    replay = LoanReplay.of(book, lid, d(2, 16))
    alloc = replay.pay(D("1823.70"), d(2, 16))
    assert (alloc.penalty, alloc.overdue_interest, alloc.overdue_principal) == (D("3.25"), D("124.00"), D("776.41"))
    assert (alloc.interest, alloc.principal, alloc.prepaid, alloc.completed) == (D("22.14"), D("797.11"), D("100.79"), 2)


def test_overdue_principal_accrues_penalty_not_interest() -> None:
    book, lid = worked()
    # nothing paid by 10 Mar: instalment 2's interest runs on 9,223.59 only (776.41 is overdue): 103.30
    s = loan_state(book, lid, D2)
    assert s.installments[1].interest == D("103.30")
    assert s.installments[0].penalty == D("13.04") + D("2.08")  # 776.41 × 0.06% × 28, 124.00 × 0.06% × 28


def test_payments_out_of_date_order_are_accepted_when_the_history_replays() -> None:
    book, lid = worked()
    book = pay(book, lid, D2, "900.41")
    book = pay(book, lid, D1, "900.41")  # recorded later, dated earlier: instalment 1 on time, then 2
    s = loan_state(book, lid, D2)
    assert [i.status for i in s.installments[:2]] == ["paid", "paid"] and s.days_overdue == 0


def test_a_payment_that_would_unsettle_a_later_one_is_refused_naming_it() -> None:
    book, lid = worked()
    book = pay(book, lid, D1, "900.41")
    book = pay(book, lid, d(2, 25), "9278.93", kind="settlement")  # E2
    with pytest.raises(InputError) as err:
        pay(book, lid, d(2, 20), "100.00")
    assert err.value.rule == "history_conflict" and err.value.field == "on"
    assert "E2" in str(err.value) and "no longer fit" in str(err.value) and "at most the payoff" in str(err.value)
    assert "E2" in err.value.sentence("zh") and "结清金额" in err.value.sentence("zh")


def test_a_settlement_must_be_the_payoff() -> None:
    book, lid = worked()
    book = pay(book, lid, D1, "900.41")
    with pytest.raises(InputError) as err:
        pay(book, lid, d(2, 25), "9000.00", kind="settlement")
    assert err.value.rule == "settle_amount" and "¥9,278.93" in str(err.value)


# --- per-loan terms: minimum prepayment and the prepayment fee ---


def test_minimum_prepayment_refuses_a_small_leftover_but_not_the_payoff() -> None:
    book, lid = worked()
    book = set_terms(book, lid, min_prepayment="1000")
    pay(book, lid, D1, "900.41")  # nothing left over: fine
    with pytest.raises(InputError) as err:
        pay(book, lid, D1, "1000.00")  # 99.59 would be prepaid
    assert err.value.rule == "prepay_minimum" and "¥99.59" in str(err.value) and "¥1,000.00" in str(err.value)
    book = set_terms(pay(book, lid, D1, "900.41"), lid, min_prepayment="9000")
    closed = pay(book, lid, d(2, 25), "9278.93")  # prepays 8,426.48, below 9,000.00, but it closes the loan
    assert loan_state(closed, lid, d(2, 25)).paid_off


def test_prepayment_fee_is_in_the_payoff_and_conserved() -> None:
    book, lid = worked()
    book = set_terms(book, lid, prepayment_fee="1%")
    book = pay(book, lid, D1, "900.41")
    # 25 Feb: instalment 2's 55.34 interest and 797.11 principal are its own; the payoff prepays 8,426.48,
    # fee 1% = 84.2648 → 84.27 (rounded up, so that ROUND_DOWN(8,510.75 / 1.01) = 8,426.48)
    s = loan_state(book, lid, d(2, 25))
    assert s.payoff == D("9278.93") + D("84.27")
    with pytest.raises(InputError):
        pay(book, lid, d(2, 25), "9363.21")
    closed = loan_state(pay(book, lid, d(2, 25), "9363.20"), lid, d(2, 25))
    assert closed.paid_off and closed.fees_paid == D("84.27")
    # conservation: payments = principal + interest + fees
    assert closed.total_paid == D("10000.00") + closed.total_interest + closed.fees_paid


def test_prepayment_fee_on_a_partial_prepayment() -> None:
    book, lid = worked()
    book = set_terms(book, lid, prepayment_fee="0.02")
    # 10 Feb: 900.41 pays instalment 1; 1,020.00 is left: principal ROUND_DOWN(1,020.00 / 1.02) = 1,000.00, fee 20.00
    s = loan_state(pay(book, lid, D1, "1920.41"), lid, D1)
    assert (s.installments[0].prepaid, s.fees_paid, s.principal_outstanding) == (D("1000.00"), D("20.00"), D("8223.59"))


def test_a_loans_own_terms_override_the_ledgers() -> None:
    book, lid = worked()
    book = set_terms(book, lid, grace_days="3")
    assert loan_state(book, lid, d(2, 13)).amount_to_clear == D("900.41")  # within its 3 grace days
    assert book.terms.grace_days == 0
    book = set_terms(book, lid, reset=("grace_days",))
    assert loan_state(book, lid, d(2, 13)).amount_to_clear > D("900.41")


def test_position_parts_add_up_to_the_payoff() -> None:
    book, lid = worked()
    book = pay(book, lid, d(2, 1), "500.00")
    pos = position(LoanReplay.of(book, lid, d(2, 5)), d(2, 5))
    # closed 88.00 (10 Jan → 1 Feb) + 9,588.00 × 0.04% × 4 = 15.34, less 88.00 paid
    assert (pos.interest_charged, pos.accrued_gross, pos.interest_paid, pos.accrued) == (
        D("88.00"), D("15.34"), D("88.00"), D("15.34")
    )
    assert pos.payoff == D("9588.00") + D("15.34") == loan_state(book, lid, d(2, 5)).payoff


def test_the_demo_replays_cleanly_with_its_three_cases() -> None:
    from jiebei_tui.domain.demo import build_demo
    from jiebei_tui.domain.replay import all_states

    for today in (dt.date(2026, 11, 28), dt.date(2025, 2, 27), dt.date(2024, 1, 31), dt.date(2025, 3, 29)):
        ledger = build_demo(today)
        on_track, soon, late = all_states(ledger, today)
        assert not (on_track.problems or soon.problems or late.problems)
        assert on_track.days_overdue == 0 and on_track.days_until_due > 3
        assert 1 <= soon.days_until_due <= 4 and soon.days_overdue == 0
        assert 4 <= late.days_overdue <= 8 and late.stage == "M1"
        assert all(e.source == "demo" and e.recorded_at is not None for e in ledger.events)


def test_an_instalment_owing_nothing_at_its_due_date_behind_an_overdue_one() -> None:
    # interest-first, 1.70 at 0.01%/day: 31 days → 0.00527 → 0.01; 28 days → 0.00476 → 0.00. Instalment 1
    # (0.01) is left unpaid; instalment 2 owes nothing and counts as paid at its due date, behind it
    loan = make_loan(principal="1.70", daily_rate="0.0001", term=3, method="interest-first", start="2025-01-10")
    book, lid = add_loan(Ledger(), "Tiny", loan)
    s = loan_state(book, lid, d(4, 20))
    assert [i.status for i in s.installments] == ["overdue", "paid", "overdue"]
    # 0.01 + 1.70 + 0.01; the penalties (0.01 × 0.015% × 69, 1.70 × 0.015% × 10) round to 0.00
    assert s.amount_to_clear == D("1.72") and s.payoff == s.amount_to_clear
    closed = loan_state(pay(book, lid, d(4, 20), "1.72"), lid, d(4, 20))
    assert closed.paid_off
