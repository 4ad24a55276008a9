"""Scenarios (domain/scenarios.py, domain/scenario_compare.py, domain/outstanding.py): kept in the ledger apart
from the real record, compared side by side against hand-worked numbers (plan_ledgers.two_loans, see
test_plan.py), applied as the real payments they stand for; and a scenario never changes the real record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger
from jiebei_tui.domain.replay import all_states, loan_state
from jiebei_tui.domain.repayment_day import move_day
from jiebei_tui.domain.scenario_compare import CURRENT, apply_scenario, compare, scenario_payments, show
from jiebei_tui.domain.scenarios import (
    MAX_COMPARED,
    Scenario,
    ScenarioChange,
    add_scenario,
    find_scenario,
    forget_loan,
    list_scenarios,
    make_change,
    remove_scenario,
)
from tests.domain.plan_ledgers import TODAY, build_ledger, ledgers, two_loans


def change(kind: str, ledger: Ledger, **kw) -> ScenarioChange:
    return make_change(kind, today=TODAY, ledger=ledger, **kw)


def with_scenarios() -> Ledger:
    book = two_loans()
    book, _ = add_scenario(book, "Prepay A", [change("prepay", book, on="2025-01-20", loan="L1", amount="5000")])
    book, _ = add_scenario(book, "Settle B", [change("settle", book, on="2025-01-20", loan="L2")])
    book, _ = add_scenario(book, "1,000 a month", [change("monthly", book, on="2025-02-01", loan="L1", amount="1000")])
    book, _ = add_scenario(book, "A on the 25th", [change("repayment_day", book, on="2025-01-20", loan="L1", day="25")])
    return book


def test_scenarios_are_kept_apart_from_the_record() -> None:
    book = with_scenarios()
    assert [(s.id, s.name) for s in list_scenarios(book)] == [
        ("S1", "Prepay A"), ("S2", "Settle B"), ("S3", "1,000 a month"), ("S4", "A on the 25th"),
    ]
    assert book.loans == two_loans().loans and book.events == two_loans().events
    assert find_scenario(book, "settle b").id == "S2" and find_scenario(book, "S3").name == "1,000 a month"
    removed = remove_scenario(book, "S2")
    assert [s.id for s in removed.scenarios] == ["S1", "S3", "S4"]
    again, new = add_scenario(removed, "Settle B", [change("settle", removed, on="2025-02-01", loan="L2")])
    assert new.id == "S5"  # ids are never given out again
    reloaded = Ledger.model_validate_json(again.model_dump_json())
    assert reloaded == again
    assert "scenarios" not in Ledger().model_dump_json()  # left out while there are none: older files look the same


@pytest.mark.parametrize(
    ("kind", "kw", "field", "rule"),
    [
        ("refinance", {"on": "2025-02-01"}, "kind", "scenario_kind"),
        ("prepay", {"on": "2025-01-19", "loan": "L1", "amount": "10"}, "on", "plan_date"),
        ("prepay", {"on": "2025-02-01", "amount": "10"}, "loan", "scenario_needs_loan"),
        ("prepay", {"on": "2025-02-01", "loan": "L9", "amount": "10"}, "loan", "loan_id"),
        ("prepay", {"on": "2025-02-01", "loan": "L1", "amount": "0"}, "amount", "amount"),
        ("monthly", {"on": "2025-02-01", "loan": "L1", "amount": "10", "order": "highest_cost"}, "order", "scenario_order_or_loan"),
        ("monthly", {"on": "2025-02-01", "amount": "10", "order": "cheapest"}, "order", "plan_order"),
        ("repayment_day", {"on": "2025-02-01", "loan": "L1", "day": "29"}, "day", "repayment_day"),
        ("settle", {"on": "2025-02-30", "loan": "L1"}, "on", "date"),
    ],
)
def test_changes_are_checked_as_typed(kind, kw, field, rule) -> None:
    with pytest.raises(InputError) as err:
        make_change(kind, today=TODAY, ledger=two_loans(), **kw)
    assert (err.value.field, err.value.rule) == (field, rule)


def test_a_name_is_unique_and_a_scenario_makes_a_change() -> None:
    book = with_scenarios()
    for name, changes, rule in [
        ("prepay a", [change("settle", book, on="2025-02-01", loan="L2")], "scenario_name_taken"),
        ("x\x1b[31m", [change("settle", book, on="2025-02-01", loan="L2")], "text_control"),
        ("Empty", [], "scenario_no_change"),
    ]:
        with pytest.raises(InputError) as err:
            add_scenario(book, name, changes)
        assert err.value.rule == rule


def test_side_by_side_against_hand_worked_numbers() -> None:
    """Things as they stand cost 504.00 (test_plan.py). S1 is highest cost first's ¥5,000 (306.01); S2 settles
    B for 3,004.50 on 01-20 (B's interest 4.50 instead of 54.00): 454.50; S3 puts 1,000 into A on 02-01, 03-01
    and 04-01 (test_plan.py's monthly extra); S4 is the repayment-day move's cost."""
    book = with_scenarios()
    c = compare(book, TODAY)
    assert c.current.label == CURRENT and c.current.cost == D("504.00") and c.current.debt_free == dt.date(2025, 4, 15)
    s1, s2, s3, s4 = c.scenarios
    assert (s1.cost, s1.saving, s1.debt_free) == (D("306.01"), D("197.99"), dt.date(2025, 4, 15))
    assert [(p.loan_id, p.amount) for p in s1.steps] == [("L1", D("5000.00"))]
    assert (s2.cost, s2.saving) == (D("454.50"), D("49.50"))
    assert [(p.loan_id, p.amount, p.kind) for p in s2.steps] == [("L2", D("3004.50"), "settlement")]
    assert [(p.on, p.extra) for p in s3.steps] == [(dt.date(2025, m, 1), D("1000.00")) for m in (2, 3, 4)]
    move = move_day(book, "L1", TODAY, 25)
    assert s4.saving == -move.cost
    assert s4.debt_free == dt.date(2025, 4, 25)
    # the same months for everyone, from this month to the last debt-free month
    assert [m.month for m in s1.months] == [m.month for m in c.current.months] == [dt.date(2025, m, 1) for m in (1, 2, 3, 4)]
    assert all(not s.notes for s in c.scenarios)
    assert show(book, TODAY, "Settle B").cost == D("454.50")


def test_principal_outstanding_over_time() -> None:
    """Actual: 10,000 from 01-10, 13,000 from 01-15 (nothing repaid yet). Scheduled: A repays its 10,000 on
    04-10; B 1,000 on each of 02-15, 03-15, 04-15. S1: 4,950 of A repaid on 01-20, then A's 5,050 on 04-10."""
    c = compare(with_scenarios(), TODAY, ["S1"])
    assert c.actual.points == ((dt.date(2025, 1, 10), D("10000.00")), (dt.date(2025, 1, 15), D("13000.00")), (TODAY, D("13000.00")))
    assert c.actual.at(dt.date(2025, 1, 9)) == 0
    sched = c.scheduled
    assert sched.sampled([dt.date(2025, 2, 15), dt.date(2025, 3, 15), dt.date(2025, 4, 10), dt.date(2025, 4, 15)]) == [
        D("12000.00"), D("11000.00"), D("1000.00"), D("0.00"),
    ]
    s1 = c.scenarios[0].series
    assert s1.at(TODAY) == D("13000.00") - D("4950.00")
    assert s1.at(dt.date(2025, 2, 15)) == D("8050.00") - D("1000.00")
    assert s1.at(dt.date(2025, 4, 10)) == D("1000.00") and s1.at(dt.date(2025, 4, 15)) == 0
    assert c.current.series.at(TODAY) == D("13000.00")
    assert [s.label for s in c.series] == ["actual", "scheduled", CURRENT, "S1"]


def test_notes_say_what_could_not_happen() -> None:
    book = with_scenarios()
    later = dt.date(2025, 2, 5)  # S1's prepayment was for 01-20: played today instead
    notes = {s.label: [n.key for n in s.notes] for s in compare(book, later).scenarios}
    assert notes["S1"] == ["plan.scenario.moved_to_today"]
    book, _ = add_scenario(book, "Too much", [change("prepay", book, on="2025-01-20", loan="L2", amount="9000")])
    capped = compare(book, TODAY, ["Too much"]).scenarios[0]
    assert [(n.key, n.params["payoff"]) for n in capped.notes] == [("plan.scenario.capped", D("3004.50"))]
    assert capped.steps[0].kind == "settlement"
    ghost = Scenario(id="S9", name="Ghost", changes=(ScenarioChange(kind="settle", on=TODAY, loan_id="L7"),))
    hand_edited = book.model_copy(update={"scenarios": [*book.scenarios, ghost]})
    assert [n.key for n in compare(hand_edited, TODAY, ["Ghost"]).scenarios[0].notes] == ["plan.scenario.unknown_loan"]
    assert [s.id for s in forget_loan(hand_edited, "L7").scenarios] == [s.id for s in book.scenarios]


def test_at_most_four_side_by_side() -> None:
    book = with_scenarios()
    book, _ = add_scenario(book, "Fifth", [change("settle", book, on="2025-02-01", loan="L1")])
    assert len(compare(book, TODAY).scenarios) == MAX_COMPARED
    with pytest.raises(InputError) as err:
        compare(book, TODAY, ["S1", "S2", "S3", "S4", "S5"])
    assert err.value.rule == "scenario_compare_count"


# --- applying ---


def test_applying_records_the_payments_it_stands_for() -> None:
    book = with_scenarios()
    played = compare(book, TODAY, ["S1"]).scenarios[0]
    new, events = apply_scenario(book, TODAY, "S1", source="cli")
    assert [(e.loan_id, e.kind, e.date, e.amount, e.source) for e in events] == [("L1", "prepayment", TODAY, D("5000.00"), "cli")]
    assert [s.id for s in new.scenarios] == ["S2", "S3", "S4"]  # nothing of S1 is left to come
    state = loan_state(new, "L1", TODAY)
    later = [p for p in played.payments if p.loan_id == "L1" and p.on > TODAY]
    rows = [r for r in state.installments if r.status in ("due", "partial", "upcoming")]
    assert [(r.due_date, r.owed) for r in rows] == [(p.on, p.amount) for p in later]


def test_a_monthly_extra_is_applied_month_by_month() -> None:
    book = two_loans()
    book, _ = add_scenario(book, "Monthly", [change("monthly", book, on="2025-01-20", amount="700")])
    application = scenario_payments(book, TODAY, "Monthly")
    assert [(p.loan_id, p.amount) for p in application.payments] == [("L1", D("700.00"))]  # highest cost first
    assert [c.on for c in application.remaining] == [dt.date(2025, 2, 20)]
    new, _ = apply_scenario(book, TODAY, "Monthly")
    assert new.scenarios[0].changes[0].on == dt.date(2025, 2, 20)


def test_what_cannot_be_applied() -> None:
    book = with_scenarios()
    with pytest.raises(InputError) as err:
        apply_scenario(book, TODAY, "S4")
    assert err.value.rule == "scenario_apply_repayment_day"
    with pytest.raises(InputError) as err:
        apply_scenario(book, TODAY, "S3")  # its first month is 02-01
    assert (err.value.rule, err.value.params["first"]) == ("scenario_nothing_today", dt.date(2025, 2, 1))
    settled = apply_scenario(book, TODAY, "S2")[0]
    with pytest.raises(InputError) as err:  # B is paid off now: S2 no longer exists, and a copy of it cannot happen
        apply_scenario(settled.model_copy(update={"scenarios": book.scenarios}), TODAY, "S2")
    assert err.value.rule == "scenario_paid_off"


# --- a scenario never changes the real record ---

scenario_changes = st.lists(
    st.one_of(
        st.builds(lambda d, loan, fen: ("prepay", {"on": d, "loan": loan, "amount": str(D(fen) / 100)}),
                  st.dates(TODAY, dt.date(2025, 6, 30)), st.sampled_from(["L1", "L2"]), st.integers(1, 1_000_000)),
        st.builds(lambda d, loan: ("settle", {"on": d, "loan": loan}), st.dates(TODAY, dt.date(2025, 6, 30)), st.sampled_from(["L1", "L2"])),
        st.builds(lambda d, fen, order: ("monthly", {"on": d, "amount": str(D(fen) / 100), "order": order}),
                  st.dates(TODAY, dt.date(2025, 6, 30)), st.integers(1, 300_000), st.sampled_from(["highest_cost", "smallest_balance", "lowest_outgo"])),
        st.builds(lambda d, loan, day: ("repayment_day", {"on": d, "loan": loan, "day": day}),
                  st.dates(TODAY, dt.date(2025, 6, 30)), st.sampled_from(["L1", "L2"]), st.integers(1, 28)),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(ledgers, scenario_changes)
def test_a_scenario_never_changes_the_real_record(specs, changes) -> None:
    book = build_ledger(specs)
    states = all_states(book, TODAY)
    made = []
    for kind, kw in changes:
        if "loan" in kw and kw["loan"] not in {r.id for r in book.loans}:
            continue
        made.append(make_change(kind, today=TODAY, ledger=book, **kw))
    if not made:
        return
    added, scenario = add_scenario(book, "What if", made)
    assert (added.loans, added.events, added.terms, added.settings) == (book.loans, book.events, book.terms, book.settings)
    before = added.model_copy(deep=True)
    result = compare(added, TODAY, [scenario.id])
    assert added == before  # comparing changes nothing
    assert all_states(added, TODAY) == states
    assert remove_scenario(added, scenario.id).model_copy(update={"ids_issued": book.ids_issued}) == book
    # what it shows is played from the same record: things as they stand are the same with or without it
    assert result.current.payments == compare(book, TODAY).current.payments


def test_a_name_shaped_like_an_id_is_refused_and_ids_come_first() -> None:
    """`scenario add S3` made S2 named "S3": `scenario remove S3` then removed S2, not S3."""
    book = two_loans()
    for name in ("S3", "s12", " S1 "):
        with pytest.raises(InputError) as err:
            add_scenario(book, name, [change("settle", book, on="2025-01-20", loan="L1")])
        assert err.value.field == "name" and err.value.rule == "scenario_name_id"
    book, first = add_scenario(book, "First", [change("settle", book, on="2025-01-20", loan="L1")])
    book, second = add_scenario(book, "Second", [change("settle", book, on="2025-01-20", loan="L2")])
    hand_edited = book.model_copy(update={"scenarios": [first.model_copy(update={"name": second.id}), second]})
    assert find_scenario(hand_edited, second.id).id == second.id  # the id, not the name that looks like it
