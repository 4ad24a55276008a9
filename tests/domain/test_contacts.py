"""The collection contact log: each contact checked against the rules the app shows, promises to pay as reminders,
and the record for a complaint. The loan is domain.md's worked loan: instalment 1 due 2025-02-10, unpaid, so it is
overdue from 2025-02-11; today 2025-02-16."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiebei_tui.domain.contacts import (
    add_contact,
    check_contacts,
    contact_report,
    promises,
    promises_to_remind,
    remove_contact,
)
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.integrity import problems
from jiebei_tui.domain.ledger import Ledger, add_loan, remove_loan
from jiebei_tui.domain.reminder_settings import ReminderRule, ReminderSettings, Owner
from jiebei_tui.domain.reminders import claim, occurrences, release
from jiebei_tui.domain.replay import all_states, loan_state, record_event
from jiebei_tui.domain.terms import make_loan
from tests.domain.test_account_properties import COMMON, FAR

TODAY = dt.date(2025, 2, 16)
SH = ZoneInfo("Asia/Shanghai")
WORKED = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start="2025-01-10")
ME = Owner(pid=101, boot_id="b", started="5")


def seed() -> Ledger:
    book, _ = add_loan(Ledger(), "Rent gap", WORKED)
    return book


def log(book: Ledger, at: str, channel: str = "phone", who: str = "Collector 400-000", **more) -> Ledger:
    book, _ = add_contact(book, loan_id="L1", at=at, channel=channel, who=who, today=TODAY, **more)
    return book


def flags(book: Ledger) -> dict[str, list[str]]:
    return {c.contact.id: [f.rule for f in c.flags] for c in check_contacts(book)}


def test_a_contact_at_22_30_is_flagged_with_the_night_rule() -> None:
    book = log(seed(), "2025-02-15 22:30")
    [checked] = check_contacts(book)
    # 22:30 is within 22:00–08:00; the loan was 5 days overdue that morning, so only the night rule
    assert [f.rule for f in checked.flags] == ["night"] and checked.flags[0].params["time"] == "22:30"
    assert checked.flags[0].sources == ("cba_2026", "nifa_2024") and checked.days_overdue == 5
    # the edges: 21:59 and 08:00 are allowed, 07:59 and 22:00 are not
    for at, rules in [("21:59", []), ("22:00", ["night"]), ("07:59", ["night"]), ("08:00", [])]:
        assert flags(log(seed(), f"2025-02-15 {at}")) == {"C1": rules}, at


def test_the_seventh_unanswered_call_of_a_day_is_flagged() -> None:
    book = seed()
    for hour in range(9, 16):  # seven calls, 09:00 … 15:00
        book = log(book, f"2025-02-14 {hour:02d}:00")
    found = check_contacts(book)
    assert [c.call_number for c in found] == [1, 2, 3, 4, 5, 6, 7]
    assert [[f.rule for f in c.flags] for c in found] == [[]] * 6 + [["calls"]]
    assert found[-1].flags[0].params == {"n": 7, "max": 6, "date": dt.date(2025, 2, 14)}
    assert found[-1].flags[0].sources == ("cba_2026",)


def test_answered_calls_other_numbers_and_other_days_do_not_count() -> None:
    book = seed()
    for hour in range(9, 15):  # six unanswered
        book = log(book, f"2025-02-14 {hour:02d}:00")
    book = log(book, "2025-02-14 15:00", answered=True)  # answered: not an unanswered attempt
    book = log(book, "2025-02-14 16:00", number="work phone")  # another number of yours
    book = log(book, "2025-02-15 09:00")  # the next day starts again
    book = log(book, "2025-02-14 17:00")  # recorded last, but the 7th unanswered call to the usual number that day
    assert flags(book) == {**{f"C{n}": [] for n in range(1, 10)}, "C10": ["calls"]}


def test_a_call_to_a_relative_is_flagged_third_party() -> None:
    book = log(seed(), "2025-02-14 10:00", channel="third-party", who="Agency X", note="Called my mother about the debt")
    assert flags(book) == {"C1": ["third_party"]}


def test_contact_before_the_loan_was_overdue() -> None:
    book = seed()
    book = log(book, "2025-02-08 10:00", channel="sms")  # two days before the due date
    book = log(book, "2025-02-10 10:00")  # the due day itself: paying by 23:59 is on time
    book = log(book, "2025-02-11 10:00")  # one day overdue
    assert flags(book) == {"C1": ["not_overdue"], "C2": ["not_overdue"], "C3": []}
    # a payment later that day does not make a call that morning "before overdue"
    clear = loan_state(book, "L1", dt.date(2025, 2, 11)).amount_to_clear
    paid, _ = record_event(book, "L1", "repayment", dt.date(2025, 2, 11), clear, FAR)
    assert loan_state(paid, "L1", dt.date(2025, 2, 11)).amount_to_clear == 0
    assert flags(paid)["C3"] == []
    # after the loan is paid off, any contact is flagged, saying so
    payoff = loan_state(book, "L1", dt.date(2025, 2, 12)).payoff
    closed, _ = record_event(book, "L1", "settlement", dt.date(2025, 2, 12), payoff, FAR)
    closed = log(closed, "2025-02-13 10:00")
    last = check_contacts(closed)[-1]
    assert [f.rule for f in last.flags] == ["not_overdue"] and last.flags[0].params["paid_off"] and last.paid_off


def test_several_rules_at_once() -> None:
    book = log(seed(), "2025-02-09 23:15", channel="third-party")
    assert flags(book) == {"C1": ["night", "third_party", "not_overdue"]}


def test_refusals_name_the_field_and_change_nothing() -> None:
    book = seed()
    cases = [
        (dict(at="2025-02-17 10:00"), "at", "contact_date"),  # tomorrow
        (dict(at="2025-01-09 10:00"), "at", "contact_date"),  # before the drawdown
        (dict(at="2025-02-15T10:00+08:00"), "at", "contact_at"),
        (dict(at="2025-02-15"), "at", "moment"),
        (dict(channel="email"), "channel", "contact_channel"),
        (dict(who="  "), "from", "text"),
        (dict(who="x" * 81), "from", "text"),
        (dict(note="a\x1b[2Jb"), "note", "text_control"),
        (dict(promise_amount="500"), "promise_date", "promise_both"),
        (dict(promise_date="2025-02-20"), "promise", "promise_both"),
        (dict(promise_amount="0", promise_date="2025-02-20"), "promise", "amount"),
        (dict(promise_amount="500", promise_date="2025-02-14"), "promise_date", "promise_date"),
        (dict(loan_id="L9"), "loan", "loan_id"),
    ]
    for change, field, rule in cases:
        args = dict(loan_id="L1", at="2025-02-15 10:00", channel="phone", who="Collector", today=TODAY) | change
        with pytest.raises(InputError) as caught:
            add_contact(book, **args)
        assert (caught.value.field, caught.value.rule) == (field, rule), change
    assert book.contacts == []
    # a note may hold line breaks
    book, contact = add_contact(book, loan_id="L1", at="2025-02-15 10:00", channel="sms", who="App",
                                note="line one\nline two", today=TODAY)
    assert contact.note == "line one\nline two"


def test_remove_and_ids_never_reused() -> None:
    book = log(log(seed(), "2025-02-14 10:00"), "2025-02-14 11:00")
    book = remove_contact(book, "C2")
    book = log(book, "2025-02-14 12:00")
    assert [c.id for c in book.contacts] == ["C1", "C3"]
    with pytest.raises(InputError) as caught:
        remove_contact(book, "C2")
    assert caught.value.rule == "contact_id"
    assert remove_loan(book, "L1").contacts == []


def test_the_file_keeps_contacts_and_older_files_load() -> None:
    book = log(seed(), "2025-02-14 10:00", promise_amount="500", promise_date="2025-02-20")
    again = Ledger.model_validate_json(book.model_dump_json())
    assert again == book
    stored = json.loads(book.model_dump_json())["contacts"][0]
    assert stored == {"id": "C1", "loan_id": "L1", "at": "2025-02-14T10:00:00", "channel": "phone",
                      "who": "Collector 400-000", "promise_amount": "500.00", "promise_date": "2025-02-20"}
    old = json.loads(seed().model_dump_json())
    old.pop("contacts", None)  # (an empty log is left out of the file)
    old["settings"].pop("credit_report_day", None)
    assert Ledger.model_validate(old).contacts == []


def test_integrity_names_a_contact_for_a_missing_loan() -> None:
    book = log(seed(), "2025-02-14 10:00")
    orphan = book.model_copy(update={"contacts": [book.contacts[0].model_copy(update={"loan_id": "L7"})] * 2})
    assert [p.key for p in problems(orphan)] == ["duplicate_contact", "orphan_contact", "orphan_contact"]


# --- promises to pay: one reminder, on the date promised ---


def promised(amount: str = "500", on: str = "2025-02-20") -> Ledger:
    return log(seed(), "2025-02-16 10:00", who="Collector Wang", promise_amount=amount, promise_date=on)


def window(book: Ledger, start: dt.datetime, end: dt.datetime, settings: ReminderSettings | None = None):
    s = settings or book.settings.reminders
    return [o for o in occurrences(all_states(book, TODAY), s, book.terms, SH, start, end,
                                   promises_to_remind(book, TODAY)) if o.promise]


def test_a_promise_is_one_reminder_at_the_due_day_time() -> None:
    book = promised()
    [o] = window(book, dt.datetime(2025, 2, 16, tzinfo=SH), dt.datetime(2025, 3, 31, tzinfo=SH))
    assert (o.id, o.kind, o.fire_at, o.amount, o.promised_to) == (
        "P:C1", "promise", dt.datetime(2025, 2, 20, 9, 0, tzinfo=SH), D("500.00"), "Collector Wang",
    )
    # the due-day rule's time is used (here moved to 07:30, inside quiet hours: 08:00, said so)
    rules = [ReminderRule(id="R3", offset_days=0, time="07:30")]
    [moved] = window(book, dt.datetime(2025, 2, 16, tzinfo=SH), dt.datetime(2025, 3, 31, tzinfo=SH),
                     ReminderSettings(rules=rules))
    assert moved.fire_at == dt.datetime(2025, 2, 20, 8, 0, tzinfo=SH) and moved.moved == "later"
    from jiebei_tui.text.reminders import message

    assert message(o, "en") == "Rent gap: you promised Collector Wang to pay ¥500.00 today (2025-02-20)."
    assert "承诺" in message(o, "zh")


def test_a_kept_promise_or_a_paid_off_loan_reminds_of_nothing() -> None:
    book = promised()
    part, _ = record_event(book, "L1", "repayment", TODAY, D("200"), FAR)
    [o] = window(part, dt.datetime(2025, 2, 16, tzinfo=SH), dt.datetime(2025, 3, 31, tzinfo=SH))
    assert o.amount == D("300.00")  # the rest of what was promised
    kept, _ = record_event(part, "L1", "repayment", TODAY, D("300"), FAR)
    assert promises(kept, TODAY)[0].kept and promises_to_remind(kept, TODAY) == []
    payoff = loan_state(book, "L1", TODAY).payoff
    closed, _ = record_event(log(seed(), "2025-02-16 09:00"), "L1", "settlement", TODAY, payoff, FAR)
    closed = log(closed, "2025-02-16 10:00", promise_amount="1", promise_date="2025-02-20")
    assert promises_to_remind(closed, TODAY) == []
    assert window(remove_contact(book, "C1"), dt.datetime(2025, 2, 16, tzinfo=SH), dt.datetime(2025, 3, 31, tzinfo=SH)) == []


@COMMON
@given(
    st.integers(0, 20),  # promised this many days after today
    st.lists(st.integers(1, 48 * 60), min_size=1, max_size=60),  # minutes between runs (up to two days)
    st.lists(st.sampled_from(["07:00", "09:00", "12:30", "21:00", "23:30"]), max_size=3),  # due-day rules' times
    st.booleans(),  # quiet hours
)
def test_a_promise_creates_exactly_one_reminder(days, gaps, times, quiet) -> None:
    on = TODAY + dt.timedelta(days=days)
    book = promised(on=on.isoformat())
    rules = [ReminderRule(id=f"R{n}", offset_days=0, time=t) for n, t in enumerate(dict.fromkeys(times), start=1)]
    settings = ReminderSettings(rules=rules, quiet_hours=quiet)
    # listed once in any window holding its day
    start, end = dt.datetime.combine(TODAY, dt.time(0), SH), dt.datetime.combine(on + dt.timedelta(days=2), dt.time(0), SH)
    assert len(window(book, start, end, settings)) == 1
    # delivered once by a series of runs, however they fall (the last one after the window)
    now = dt.datetime.combine(TODAY, dt.time(10, 30), SH)
    delivered = []
    promised_list = promises_to_remind(book, TODAY)
    k = 0
    while True:
        got, settings = claim(all_states(book, now.date()), settings, book.terms, SH, now, ME, f"{k:08x}",
                              promises=promised_list)
        delivered += [o.id for o in got.deliver if o.promise]
        settings = release(settings, got.token)
        if now > end:
            break
        now += dt.timedelta(minutes=gaps[k % len(gaps)])
        k += 1
    assert delivered == ["P:C1"]


# --- the record for a complaint ---


def test_the_report_lists_contacts_flags_and_payments() -> None:
    from jiebei_tui.text.complaint import csv_text, markdown

    book = seed()
    for hour in range(9, 16):
        book = log(book, f"2025-02-14 {hour:02d}:00")
    book = log(book, "2025-02-15 22:30", note="Said I'd be sued | tomorrow\n<b>loud</b>")
    book = log(book, "2025-02-14 10:30", channel="third-party", who="=HYPERLINK(\"x\")", note="Called my mother")
    book, _ = record_event(book, "L1", "repayment", TODAY, D("903.66"), FAR)
    report = contact_report(book, TODAY, "L1")
    assert report.flag_counts == {"night": 1, "calls": 1, "third_party": 1, "not_overdue": 0} and report.flagged == 3
    assert [e.amount for e in report.payments] == [D("903.66")]
    md = markdown(report, "en")
    assert md.startswith("# Collection contact record — Rent gap (L1)")
    assert "| 2025-02-15 22:30 | L1 | phone | Collector 400-000 | Said I'd be sued \\| tomorrow<br>&lt;b&gt;loud&lt;/b&gt; |" in md
    assert "at 22:30, between 22:00 and 08:00" in md and "unanswered call 7 of 2025-02-14" in md
    assert "| 2025-02-16 | L1 | repayment | ¥903.66 |" in md
    assert "China Banking Association" in md and "Illustrative" in md
    zh = markdown(report, "zh")
    assert "催收联系记录" in zh and "中国银行业协会" in zh and "22:30" in zh
    rows = csv_text(report, "en").splitlines()
    assert rows[0].startswith("record,id,loan,at,channel,from")
    assert len(rows) == 1 + 9 + 1
    third = next(r for r in rows if ",third-party," in r)
    assert "'=HYPERLINK" in third and "third_party" in third  # no formula reaches a spreadsheet
    assert rows[-1] == "payment,E1,L1,2025-02-16,repayment,,,,,,,903.66,,"
