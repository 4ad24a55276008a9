"""A restructure (协商还款 agreed) as an entry in the loan's history: hand-worked figures on domain.md's worked loan
(10,000.00 at 0.04%/day, 12 months, equal instalments, drawn 2025-01-10, instalment 1 of 900.41 due 2025-02-10
= 776.41 principal + 124.00 interest), refusals, and conservation to the fen over random histories."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal as D

import pytest
from hypothesis import assume, given
from hypothesis import event as note
from hypothesis import strategies as st

from jiebei_tui.domain.corrections import edit_event, payments_of, void_event
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.money import ZERO, half_up
from jiebei_tui.domain.reminder_settings import ReminderSettings
from jiebei_tui.domain.reminders import occurrences
from jiebei_tui.domain.replay import all_states, loan_state, record_event
from jiebei_tui.domain.restructure import preview_restructure, parse_plan, restructure_loan, restructures_of
from jiebei_tui.domain.schedule import add_months
from jiebei_tui.domain.terms import make_loan
from tests.domain.hand import annuity
from tests.domain.test_account_properties import AT, COMMON, FAR, actions, build, fen, loans, logged, terms

LOAN = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
LATE = dt.date(2025, 2, 16)  # instalment 1 six days overdue


def worked() -> tuple[Ledger, str]:
    return add_loan(Ledger(), "Rent gap", LOAN)


def test_six_days_late_restructured_over_twelve_months_penalty_waived() -> None:
    book, lid = worked()
    new, event = restructure_loan(book, lid, on="2025-02-16", today=LATE, term=12, waive_penalty=True,
                                  recorded_at=AT, source="cli")
    # by hand: interest unpaid = 124.00 (instalment 1) + 9,223.59 × 0.04% × 6 = 22.14 → 146.14;
    # penalty 776.41 × 0.06% × 6 = 2.80 and 124.00 × 0.06% × 6 = 0.45 → 3.25, waived;
    # the new plan's principal: 10,000.00 + 146.14 = 10,146.14
    assert (event.kind, event.date, event.amount) == ("restructure", LATE, D("10146.14"))
    assert event.plan.first_due == dt.date(2025, 3, 10) and event.plan.waive_penalty and event.plan.term == 12
    state = loan_state(new, lid, LATE)
    [done] = state.restructures
    assert (done.principal, done.overdue_principal, done.interest, done.penalty) == (
        D("10000.00"), D("776.41"), D("146.14"), D("3.25"),
    )
    assert (done.penalty_waived, done.interest_waived, done.carried, done.ended) == (D("3.25"), ZERO, D("146.14"), (1, 2))
    assert state.days_overdue == 0 and state.stage == "M0" and state.amount_to_clear == ZERO
    assert state.principal_outstanding == D("10146.14") and state.capitalised == D("146.14")
    # the new plan: 12 instalments on the 10th from 2025-03-10, the first over 22 days
    dues = [add_months(dt.date(2025, 3, 10), k, 10) for k in range(12)]
    a = annuity(D("10146.14"), D("0.0004"), LATE, dues)
    new_rows = [r for r in state.installments if r.no >= 3]
    assert [r.due_date for r in new_rows] == dues
    assert state.regular_amount == a
    assert new_rows[0].interest == half_up(D("10146.14") * D("0.0004") * 22) == D("89.29")
    assert new_rows[0].principal == a - D("89.29")
    assert [r.status for r in state.installments[:2]] == ["restructured", "restructured"]
    # the old instalments show what they repaid (nothing) and the interest and penalty charged
    assert (state.installments[0].principal, state.installments[0].interest, state.installments[0].penalty) == (
        ZERO, D("124.00"), D("3.25"),
    )


def test_paid_to_the_end_payments_are_principal_plus_interest_less_waived() -> None:
    book, lid = worked()
    book, _ = restructure_loan(book, lid, on="2025-02-16", today=LATE, term=12, waive_penalty=True)
    state = loan_state(book, lid, LATE)
    for row in [r for r in state.installments if r.status == "upcoming"]:
        s = loan_state(book, lid, row.due_date)
        book, _ = record_event(book, lid, "repayment", row.due_date, s.next_due_amount, FAR)
    end = loan_state(book, lid, FAR)
    assert end.paid_off
    new_interest = sum((r.interest for r in end.installments if r.no >= 3), ZERO)
    # payments = 10,000.00 drawn + interest charged (124.00 + 22.14 before the agreement, the new plan's after)
    #          + penalty charged 3.25 − penalty waived 3.25
    assert end.total_paid == D("10000.00") + D("146.14") + new_interest + D("3.25") - D("3.25")
    assert end.waived == D("3.25")


def test_interest_and_penalty_carried_or_waived() -> None:
    book, lid = worked()
    on = LATE
    both = parse_plan(book, lid, on=on, today=LATE, term=6, waive_penalty=True, waive_interest=True)[1]
    neither = parse_plan(book, lid, on=on, today=LATE, term=6)[1]
    assert preview_restructure(book, lid, on, both).done.amount == D("10000.00")
    assert preview_restructure(book, lid, on, neither).done.amount == D("10000.00") + D("146.14") + D("3.25")


def test_interest_stopped_rate_zero_repays_the_principal_in_equal_parts() -> None:
    book, lid = worked()
    book, event = restructure_loan(book, lid, on="2025-02-16", today=LATE, term=10, daily_rate="0",
                                   waive_penalty=True, waive_interest=True)
    state = loan_state(book, lid, LATE)
    new = [r for r in state.installments if r.status == "upcoming"]
    assert len(new) == 10 and all(r.interest == ZERO for r in new)
    assert [r.principal for r in new] == [D("1000.00")] * 10 and state.regular_amount == D("1000.00")
    assert state.penalty_rate == ZERO


def test_a_fixed_instalment_takes_the_months_it_needs() -> None:
    book, lid = worked()
    # 10,146.14 at 0.04%/day at about 120 a month of interest: 1,000 a month takes 11 months, the last smaller
    new, event = restructure_loan(book, lid, on="2025-02-16", today=LATE, installment="1000", waive_penalty=True)
    state = loan_state(new, lid, LATE)
    rows = [r for r in state.installments if r.no >= 3]
    assert event.plan.term == len(rows) == 11 and event.plan.installment == D("1000.00")
    assert all(r.principal + r.interest == D("1000.00") for r in rows[:-1])
    assert D("0") < rows[-1].principal + rows[-1].interest <= D("1000.00")
    # independently: the balance after each instalment, interest by days on it
    balance, previous = D("10146.14"), LATE
    for r in rows[:-1]:
        interest = (balance * D("0.0004") * (r.due_date - previous).days).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        assert r.interest == interest
        balance -= D("1000.00") - interest
        previous = r.due_date
    assert rows[-1].principal == balance


def test_an_instalment_bigger_than_the_whole_plan_is_the_one_instalment_it_takes() -> None:
    book, lid = worked()
    # by hand: the new principal 10,000.00 + 146.14 interest + 3.25 penalty = 10,149.39; due 2025-03-10, 22 days
    # on: interest 10,149.39 x 0.04% x 22 = 89.3146 -> 89.31; one instalment of 10,238.70 repays it all
    for term in (None, 12):
        _, plan = parse_plan(book, lid, on="2025-02-16", today=LATE, installment="1000000", term=term)
        preview = preview_restructure(book, lid, LATE, plan)
        assert plan.installment == preview.regular_amount == preview.last_installment == D("10238.70")
        assert [r.principal + r.interest for r in preview.new_installments] == [D("10238.70")]
    # and it is the plan typed as that real amount (term 1)
    exact = parse_plan(book, lid, on="2025-02-16", today=LATE, installment="10238.70")[1]
    assert parse_plan(book, lid, on="2025-02-16", today=LATE, installment="1000000")[1] == exact
    new, event = restructure_loan(book, lid, on="2025-02-16", today=LATE, installment="1000000")
    assert event.plan.installment == D("10238.70") and event.amount == D("10149.39")


def test_refusals_name_the_field() -> None:
    book, lid = worked()
    cases = [
        (dict(on="2025-02-17", term=12), "restructure_date"),  # after today
        (dict(on="2025-01-10", term=12), "restructure_date"),  # the drawdown day
        (dict(on="2025-02-16"), "restructure_needs"),
        (dict(on="2025-02-16", term=61), "restructure_term"),
        (dict(on="2025-02-16", term=12, daily_rate="0.2%"), "restructure_rate"),
        (dict(on="2025-02-16", term=12, first_due="2025-02-16"), "restructure_first_due"),
        (dict(on="2025-02-16", term=12, first_due="2025-03-29"), "restructure_first_due"),
        (dict(on="2025-02-16", installment="100"), "restructure_installment_small"),
        (dict(on="2025-02-16", installment="180"), "restructure_installment_term"),
        (dict(on="2025-02-16", installment="1000", method="equal-principal"), "restructure_installment_method"),
        (dict(on="2025-02-16", term=6, reference="a\x1b[2J"), "text_control"),
    ]
    for kwargs, rule in cases:
        with pytest.raises(InputError) as caught:
            restructure_loan(book, lid, today=LATE, **kwargs)
        assert caught.value.rule == rule, (kwargs, caught.value.rule)
    # the least instalment that repays within 60 months is named
    with pytest.raises(InputError) as caught:
        restructure_loan(book, lid, today=LATE, on="2025-02-16", installment="180")
    least = caught.value.params["least"]
    assert D("180") < least < D("260")
    restructure_loan(book, lid, today=LATE, on="2025-02-16", installment=least)  # and it is accepted


def test_a_later_payment_that_no_longer_fits_refuses_it() -> None:
    book, lid = worked()
    # the whole payoff paid on 2025-02-20: after an agreement on 02-16 it would be more than the new payoff
    payoff = loan_state(book, lid, dt.date(2025, 2, 20)).payoff
    paid, _ = record_event(book, lid, "repayment", dt.date(2025, 2, 20), payoff, FAR)
    with pytest.raises(InputError) as caught:
        restructure_loan(paid, lid, on="2025-02-16", today=FAR, term=12, waive_penalty=True)
    assert caught.value.rule == "history_conflict" and caught.value.field == "on"


def test_void_takes_it_back_and_edit_is_refused() -> None:
    book, lid = worked()
    new, event = restructure_loan(book, lid, on="2025-02-16", today=LATE, term=12)
    assert restructures_of(new, lid) == [event] and payments_of(new, lid) == []
    with pytest.raises(InputError) as caught:
        edit_event(new, event.id, amount="1", today=LATE)
    assert caught.value.rule == "restructure_not_edited"
    voided, _ = void_event(new, event.id, reason="recorded by mistake")
    assert restructures_of(voided, lid) == []
    assert loan_state(voided, lid, LATE).amount_to_clear == loan_state(book, lid, LATE).amount_to_clear == D("903.66")


def test_a_restructure_that_no_longer_matches_its_history_is_a_problem_not_a_crash() -> None:
    book, lid = worked()
    paid, _ = record_event(book, lid, "repayment", dt.date(2025, 2, 12), D("100.00"), FAR)
    new, event = restructure_loan(paid, lid, on="2025-02-16", today=LATE, term=12)
    # a hand edit removes the payment the agreement's figure depends on
    edited = new.model_copy(update={"events": [e for e in new.events if e.kind == "restructure"]})
    state = loan_state(edited, lid, LATE)
    assert state.problems and event.id in state.problems[0]


def test_reminders_follow_the_new_plan() -> None:
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Shanghai")
    book, lid = worked()
    book, _ = restructure_loan(book, lid, on="2025-02-16", today=LATE, term=12, first_due="2025-03-20")
    settings = ReminderSettings()
    found = occurrences(all_states(book, LATE), settings, book.terms, tz,
                        dt.datetime(2025, 2, 16, 12, tzinfo=tz), dt.datetime(2025, 3, 21, tzinfo=tz))
    # no more overdue reminders for instalment 1, no reminder for the old 03-10 date: the new plan's 03-20
    assert {(o.installment, o.due_date) for o in found} == {(3, dt.date(2025, 3, 20))}
    assert [o.offset_days for o in found] == [-3, -1, 0]


def test_a_prepayment_after_a_restructure_recomputes_the_new_plan() -> None:
    book, lid = worked()
    book, _ = restructure_loan(book, lid, on="2025-02-16", today=LATE, term=12, waive_penalty=True)
    s = loan_state(book, lid, dt.date(2025, 3, 10))
    book, _ = record_event(book, lid, "prepayment", dt.date(2025, 3, 10), s.next_due_amount + D("2000"), FAR)
    after = loan_state(book, lid, dt.date(2025, 3, 10))
    upcoming = [r for r in after.installments if r.status == "upcoming"]
    assert len(upcoming) == 11 and upcoming[0].no == 4  # numbers go on; reduce-installment keeps the term
    assert after.regular_amount < s.regular_amount


# --- conservation to the fen, over random histories with agreements in them ---

plans = st.fixed_dictionaries(
    {"gap": st.integers(0, 60)},
    optional={
        "term": st.integers(1, 24),
        "installment_share": st.integers(5, 60),  # % of the principal outstanding
        "daily_rate": st.sampled_from(["0", "0.0002", "0.0005", "0.001"]),
        "method": st.sampled_from(["equal-installment", "equal-principal", "interest-first"]),
        "waive_penalty": st.booleans(),
        "waive_interest": st.booleans(),
    },
)
after_steps = st.lists(st.tuples(st.integers(1, 50), st.integers(1, 1200)), max_size=6)


def _restructure(book: Ledger, lid: str, day: dt.date, spec: dict) -> Ledger:
    args = {k: spec[k] for k in ("term", "daily_rate", "method", "waive_penalty", "waive_interest") if k in spec}
    if "installment_share" in spec:
        s = loan_state(book, lid, day)
        args["installment"] = max(fen(s.principal_outstanding * spec["installment_share"] / 100), D("1.00"))
        args.pop("method", None)
    if "term" not in args and "installment" not in args:
        args["term"] = 6
    try:
        new, _ = restructure_loan(book, lid, on=day, today=FAR, recorded_at=AT, source="cli", **args)
    except InputError:
        return book
    return new


@COMMON
@given(loans, terms, actions, st.lists(plans, min_size=1, max_size=2), after_steps, st.integers(0, 200))
def test_conservation_to_the_fen_with_restructures(loan, loan_terms, steps, specs, later, close_gap) -> None:
    book, lid = build(loan, loan_terms, steps)
    day = max((e.date for e in book.events), default=loan.start)
    for spec in specs:
        day = day + dt.timedelta(days=spec["gap"])
        if day > loan.start:
            book = _restructure(book, lid, day, spec)
        for gap, per_mille in later[: len(later) // len(specs) + 1]:
            day += dt.timedelta(days=gap)
            s = loan_state(book, lid, day)
            if s.paid_off:
                break
            amount = min(fen((s.amount_to_clear + s.next_due_amount) * per_mille / 1000), s.payoff)
            if amount > 0:
                try:
                    book, _ = record_event(book, lid, "repayment", day, amount, FAR)
                except InputError:  # a minimum prepayment: the rules may refuse it, changing nothing
                    pass
    restructured = restructures_of(book, lid)
    assume(restructured)
    # close it: pay the payoff some days later
    end = day + dt.timedelta(days=close_gap)
    s = loan_state(book, lid, end)
    if not s.paid_off:
        book, _ = record_event(book, lid, "settlement", end, s.payoff, FAR)
    replay = logged(book, lid, end)
    state = replay.state(end)
    assert not state.problems and state.paid_off
    for done in state.restructures:
        note("agreed while overdue" if done.days_overdue else "agreed while current")
        note("penalty carried" if done.penalty and not done.plan.waive_penalty else "no penalty carried")
        note("rate changed" if done.plan.daily_rate != loan.daily_rate else "rate kept")
    payments = [e for e in book.payments_by_loan()[lid] if e.kind != "restructure"]
    assert sum((e.amount for e in payments), ZERO) == state.total_paid
    principal = interest_paid = penalty_paid = fees = ZERO
    for event, a in replay.allocations:
        assert a.penalty + a.overdue_interest + a.overdue_principal + a.interest + a.principal + a.prepaid + a.fee == event.amount
        principal += a.overdue_principal + a.principal + a.prepaid
        interest_paid += a.overdue_interest + a.interest
        penalty_paid += a.penalty
        fees += a.fee
    # principal repaid: what was drawn and what agreements carried into a new plan's principal
    assert principal == loan.principal + state.capitalised
    # interest charged = Σ HALF_UP(balance × the rate in force × days), worked out again here
    agreements = [(e.date, e.plan.daily_rate) for e in restructured]
    charged = ZERO
    for start, stop, balance, amount in replay.stretches:
        rate = loan.daily_rate
        for on, new_rate in agreements:
            if on <= start:
                rate = new_rate
        assert amount == half_up(balance * rate * (stop - start).days)
        charged += amount
    penalty_charged = sum((i.penalty for i in state.installments), ZERO)
    waived = sum((r.waived for r in state.restructures), ZERO)
    # payments = principal drawn + interest charged + penalty charged + fees − waived, to the fen
    assert state.total_paid == loan.principal + charged + penalty_charged + fees - waived
    assert fees == state.fees_paid
    # and what was carried was charged first: interest and penalty paid + carried + waived = charged
    carried = sum((r.carried for r in state.restructures), ZERO)
    assert interest_paid + penalty_paid + carried + waived == charged + penalty_charged


def test_a_hand_edited_plan_in_the_wrong_place_is_an_integrity_problem() -> None:
    from jiebei_tui.domain.integrity import problems

    book, lid = worked()
    new, event = restructure_loan(book, lid, on="2025-02-16", today=LATE, term=12)
    assert problems(new) == []
    bare = new.model_copy(update={"events": [event.model_copy(update={"plan": None})]})
    assert [p.key for p in problems(bare)] == ["restructure_plan"]
    assert loan_state(bare, lid, LATE).problems  # the replay shows it and does not crash


def test_the_overdue_outlook_follows_the_new_plan() -> None:
    from jiebei_tui.domain.outlook import loan_overdue_outlook

    book, lid = worked()
    book, _ = restructure_loan(book, lid, on="2025-02-16", today=LATE, term=12, waive_penalty=True)
    state = loan_state(book, lid, LATE)
    first = next(r for r in state.installments if r.no == 3)  # the new plan's first, due 2025-03-10
    o = loan_overdue_outlook(book, lid, 3, 6)
    assert o.due_date == first.due_date == dt.date(2025, 3, 10)
    # 6 days late: its principal and interest at the penalty rate 0.06%/day, by hand
    p6 = half_up(first.principal * D("0.0006") * 6) + half_up(first.interest * D("0.0006") * 6)
    assert o.amount_to_clear == first.principal + first.interest + p6
