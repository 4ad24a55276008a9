"""Properties of the account model over random histories (hypothesis): payments early, late, partial, split in
two, over the instalment, prepayments, settlements, voids and edits, under random contract terms.

- conservation to the fen: payments = principal repaid + interest + penalty + fees, each payment's parts add
  up to it, and interest charged = Σ HALF_UP(balance × rate × days) over the stretches;
- interest never on principal already repaid: no stretch's balance exceeds the principal less what was repaid
  by its first day;
- paying the payoff closes the loan, a fen more is refused naming it; status, settle and pay agree on it;
- no instalment reopens: once paid it stays paid, on the same day, whatever the date looked at or the payment
  added after.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal as D

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.corrections import edit_event, void_event
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan, effective_terms, set_terms
from jiebei_tui.domain.money import FEN, ZERO, half_up, yuan
from jiebei_tui.domain.replay import LoanReplay, loan_state, record_event
from jiebei_tui.domain.simulate import position, settle
from jiebei_tui.domain.terms import Method, Strategy, make_loan

FAR = dt.date(2031, 1, 1)  # "today" while recording
AT = dt.datetime(2030, 6, 1, 12, tzinfo=dt.timezone.utc)

loans = st.builds(
    lambda fen, rate, term, method, start, day: make_loan(
        principal=D(fen) / 100, daily_rate=D(rate) / 1_000_000, term=term, method=method, start=start, repayment_day=day
    ),
    fen=st.integers(100_00, 50_000_00),
    rate=st.integers(100, 1000),
    term=st.integers(1, 9),
    method=st.sampled_from(list(Method)),
    start=st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31)),
    day=st.one_of(st.none(), st.integers(1, 28)),
)
terms = st.fixed_dictionaries(
    {},
    optional={
        "penalty_multiplier": st.sampled_from(["1", "1.5", "2"]),
        "grace_days": st.integers(0, 3),
        "compounding": st.booleans(),
        "default_strategy": st.sampled_from([s.value for s in Strategy]),
        "min_prepayment": st.sampled_from(["0", "50", "500"]),
        "prepayment_fee": st.sampled_from(["0", "0.5%", "0.02"]),
    },
)
KINDS = ("early", "on_time", "late", "partial", "split", "over", "prepay", "settle", "void", "edit")
actions = st.lists(
    st.tuples(st.integers(0, 45), st.sampled_from(KINDS), st.integers(1, 999), st.sampled_from(list(Strategy))),
    max_size=9,
)


def fen(x: D) -> D:
    return x.quantize(FEN, rounding=ROUND_DOWN)


def build(loan, loan_terms: dict, steps) -> tuple[Ledger, str]:
    """A ledger with the loan and the payments the steps ask for; each step the rules refuse is skipped (and
    must leave the ledger as it was: the functions are pure)."""
    book, lid = add_loan(Ledger(), "P", loan)
    book = set_terms(book, lid, **loan_terms)
    t = loan.start
    for gap, kind, per_mille, strategy in steps:
        t = t + dt.timedelta(days=gap)
        share = D(per_mille) / 1000
        s = loan_state(book, lid, t)
        owed_next = s.amount_to_clear + (s.next_due_amount if s.next_due_date is not None else ZERO)
        before = book
        try:
            if kind in ("early", "on_time", "late") and not s.paid_off:
                on = t
                if kind == "on_time" and s.next_due_date is not None:
                    on = s.next_due_date
                    owed_next = loan_state(book, lid, on).amount_to_clear + loan_state(book, lid, on).next_due_amount
                book = _pay(book, lid, on, owed_next)
                t = max(t, on)
            elif kind == "partial":
                book = _pay(book, lid, t, fen(owed_next * share))
            elif kind == "split":
                book = _pay(book, lid, t, fen(owed_next / 2))
                book = _pay(book, lid, t, owed_next - fen(owed_next / 2))
            elif kind == "over":
                book = _pay(book, lid, t, owed_next + fen((s.payoff - owed_next) * share))
            elif kind == "prepay":
                book = _pay(book, lid, t, fen(s.payoff * share), "prepayment", strategy)
            elif kind == "settle":
                book = _pay(book, lid, t, s.payoff, "settlement")
            elif kind in ("void", "edit"):
                standing = book.payments_by_loan().get(lid, [])
                if standing:
                    target = standing[per_mille % len(standing)]
                    if kind == "void":
                        book, _ = void_event(book, target.id, reason="typo", recorded_at=AT, source="cli")
                    else:
                        book, _ = edit_event(
                            book, target.id, amount=fen(target.amount * (share + D("0.5"))) or FEN, today=FAR,
                            recorded_at=AT, source="app",
                        )
        except InputError:
            assert book is before or kind == "split"  # a refusal changes nothing (split: the first half may stand)
    return book, lid


def _pay(book, lid, on, amount, kind="repayment", strategy=None) -> Ledger:
    if amount <= 0:
        return book
    new, _ = record_event(book, lid, kind, on, amount, FAR, strategy, recorded_at=AT, source="cli")
    return new


def logged(book: Ledger, lid: str, until: dt.date) -> LoanReplay:
    record = book.loan(lid)
    return LoanReplay.run(record.loan, effective_terms(book, lid), book.payments_by_loan().get(lid, []), until, record, log=True)


def last_date(book: Ledger, lid: str) -> dt.date:
    return max((e.date for e in book.events), default=book.loan(lid).start)


COMMON = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(loans, terms, actions, st.integers(0, 400))
def test_conservation_to_the_fen(loan, loan_terms, steps, later) -> None:
    book, lid = build(loan, loan_terms, steps)
    until = last_date(book, lid) + dt.timedelta(days=later)
    replay = logged(book, lid, until)
    state = replay.state(until)
    assert not state.problems
    payments = book.payments_by_loan().get(lid, [])
    assert sum((e.amount for e in payments), ZERO) == state.total_paid
    parts = {"principal": ZERO, "interest": ZERO, "penalty": ZERO, "fee": ZERO}
    for event, a in replay.allocations:
        split = a.penalty + a.overdue_interest + a.overdue_principal + a.interest + a.principal + a.prepaid + a.fee
        assert split == event.amount  # every fen of a payment goes somewhere
        parts["principal"] += a.overdue_principal + a.principal + a.prepaid
        parts["interest"] += a.overdue_interest + a.interest
        parts["penalty"] += a.penalty
        parts["fee"] += a.fee
    assert parts["principal"] == loan.principal - state.principal_outstanding
    # the principal column adds up to what was drawn (a prepayment shows on the instalment it came with)
    assert sum((i.principal for i in state.installments), ZERO) + replay.loose_prepaid == loan.principal
    assert parts["fee"] == state.fees_paid
    # interest charged = Σ HALF_UP(balance × rate × days) over the stretches, worked out again here
    charged = ZERO
    for start, end, balance, interest in replay.stretches:
        assert interest == half_up(balance * loan.daily_rate * (end - start).days)
        charged += interest
    charged_rows = sum((i.interest for i in state.installments if i.status in ("paid", "overdue")), ZERO)
    running = replay.running
    assert charged == charged_rows + (running.interest if running is not None else ZERO)
    # paid: at most what was charged, plus the open stretch a partial payment may have paid from
    assert parts["interest"] <= charged + replay._open_interest(until)
    penalty_charged = sum((i.penalty for i in state.installments), ZERO)
    assert parts["penalty"] <= penalty_charged
    if state.paid_off:  # everything charged was paid
        assert state.total_paid == loan.principal + charged + penalty_charged + state.fees_paid
        assert parts["interest"] == charged and parts["penalty"] == penalty_charged


@COMMON
@given(loans, terms, actions, st.integers(0, 400))
def test_interest_never_on_principal_already_repaid(loan, loan_terms, steps, later) -> None:
    book, lid = build(loan, loan_terms, steps)
    until = last_date(book, lid) + dt.timedelta(days=later)
    replay = logged(book, lid, until)
    replay.state(until)
    repaid: list[tuple[dt.date, D]] = [
        (a.on, a.overdue_principal + a.principal + a.prepaid) for _, a in replay.allocations
    ]
    previous_end = None
    for start, end, balance, _ in replay.stretches:
        assert start < end and (previous_end is None or start >= previous_end)  # stretches never overlap
        previous_end = end
        repaid_by_then = sum((x for on, x in repaid if on <= start), ZERO)
        assert balance <= loan.principal - repaid_by_then


@COMMON
@given(loans, terms, actions, st.integers(1, 400))
def test_paying_the_payoff_closes_and_a_fen_more_is_refused(loan, loan_terms, steps, later) -> None:
    book, lid = build(loan, loan_terms, steps)
    on = last_date(book, lid) + dt.timedelta(days=later)
    state = loan_state(book, lid, on)
    if state.paid_off:
        return
    payoff = state.payoff
    # status, settle and pay read the same figure
    assert settle(LoanReplay.of(book, lid, on), on).payoff == payoff
    assert position(LoanReplay.of(book, lid, on), on).payoff == payoff
    try:
        record_event(book, lid, "repayment", on, payoff + FEN, FAR)
        raise AssertionError("a fen more than the payoff was accepted")
    except InputError as err:
        assert err.rule == "repay_too_much" and yuan(payoff) in str(err)
    closed, _ = record_event(book, lid, "repayment", on, payoff, FAR)
    after = loan_state(closed, lid, on + dt.timedelta(days=30))
    assert after.paid_off and after.principal_outstanding == 0 and after.days_overdue == 0
    settled, _ = record_event(book, lid, "settlement", on, payoff, FAR)
    assert loan_state(settled, lid, on).paid_off


@COMMON
@given(loans, terms, actions, st.lists(st.integers(0, 500), min_size=2, max_size=6), st.integers(1, 999))
def test_no_instalment_reopens(loan, loan_terms, steps, offsets, per_mille) -> None:
    book, lid = build(loan, loan_terms, steps)
    first = loan.start
    paid: dict[int, dt.date] = {}
    for offset in sorted(offsets):
        for inst in loan_state(book, lid, first + dt.timedelta(days=offset)).installments:
            if inst.no in paid:
                assert inst.status == "paid" and inst.paid_on == paid[inst.no]
            elif inst.status == "paid":
                paid[inst.no] = inst.paid_on
    # a payment after all the others never reopens what was paid
    on = last_date(book, lid) + dt.timedelta(days=offsets[0])
    state = loan_state(book, lid, on)
    if state.paid_off:
        return
    amount = fen(state.payoff * D(per_mille) / 1000) or FEN
    try:
        more, _ = record_event(book, lid, "repayment", on, amount, FAR)
    except InputError as err:
        assert err.rule in ("prepay_minimum",)
        return
    after = {i.no: i for i in loan_state(more, lid, on).installments}
    for inst in state.installments:
        if inst.status == "paid":
            assert after[inst.no].status == "paid" and after[inst.no].paid_on == inst.paid_on


@COMMON
@given(loans, terms, actions, st.integers(0, 120))
def test_paying_what_is_due_now_completes_the_instalment_and_prepays_nothing(loan, loan_terms, steps, later) -> None:
    book, lid = build(loan, loan_terms, steps)
    on = last_date(book, lid) + dt.timedelta(days=later)
    state = loan_state(book, lid, on)
    if state.paid_off or state.pay_now <= 0:
        return
    assert state.amount_to_clear <= state.pay_now <= state.payoff
    alloc = LoanReplay.of(book, lid, on).pay(state.pay_now, on)
    assert (alloc.prepaid, alloc.fee, alloc.recomputed) == (ZERO, ZERO, False)
    assert alloc.overdue_cleared == state.amount_to_clear
    if alloc.interest or alloc.principal:  # the running instalment owed something: it is now paid
        assert alloc.running is not None and alloc.completed == alloc.running
