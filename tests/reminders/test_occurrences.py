"""When reminders fire: month ends, quiet hours (also over midnight), time zones, repeats that stop when paid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.reminder_settings import ReminderRule, ReminderSettings, add_rule, parse_quiet
from jiebei_tui.domain.reminders import claim, fire_time, in_quiet_hours, occurrences
from jiebei_tui.domain.replay import all_states, record_event
from jiebei_tui.domain.terms import make_loan

SH = ZoneInfo("Asia/Shanghai")
NY = ZoneInfo("America/New_York")


def ledger(day: int = 31, start: str = "2025-01-10", repayment_day: int | None = None) -> Ledger:
    loan = make_loan(principal="10000", daily_rate="0.0004", term=12, method="equal-installment", start=start,
                     repayment_day=repayment_day)
    book, _ = add_loan(Ledger(), "Phone", loan)
    return book


def at(y, m, d, hh=0, mm=0, tz=SH) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=tz)


def only(rule: dict, **settings) -> ReminderSettings:
    return ReminderSettings(rules=[ReminderRule(id="R1", **rule)], **settings)


def fires(book: Ledger, settings: ReminderSettings, start, end, today=dt.date(2025, 1, 20), tz=SH):
    return occurrences(all_states(book, today), settings, book.terms, tz, start, end)


def test_three_days_before_crosses_a_month_end() -> None:
    # drawn 2025-01-28, due on the 28th: 28 Feb − 3 days is 25 Feb; 28 Mar − 3 days is 25 Mar
    book = ledger(start="2025-01-28")
    found = fires(book, only({"offset_days": -3, "time": "09:00"}), at(2025, 2, 1), at(2025, 4, 1))
    assert [o.fire_at for o in found] == [at(2025, 2, 25, 9), at(2025, 3, 25, 9)]
    # and a reminder 5 days after a due date on the 28th lands in the next month
    after = fires(book, only({"offset_days": 5, "time": "09:00"}), at(2025, 3, 1), at(2025, 3, 10), today=dt.date(2025, 3, 10))
    assert [o.fire_at.date() for o in after] == [dt.date(2025, 3, 5)]


def test_quiet_hours_over_midnight_move_to_the_morning() -> None:
    settings = ReminderSettings()  # 22:00–08:00
    assert in_quiet_hours(dt.time(23, 30), settings) and in_quiet_hours(dt.time(7, 59), settings)
    assert not in_quiet_hours(dt.time(8, 0), settings) and not in_quiet_hours(dt.time(21, 59), settings)
    assert fire_time(dt.date(2025, 2, 9), dt.time(23, 0), settings, SH) == at(2025, 2, 10, 8)  # next morning
    assert fire_time(dt.date(2025, 2, 9), dt.time(6, 30), settings, SH) == at(2025, 2, 9, 8)  # same morning
    off = settings.model_copy(update={"quiet_hours": False})
    assert fire_time(dt.date(2025, 2, 9), dt.time(23, 0), off, SH) == at(2025, 2, 9, 23)


def test_quiet_hours_within_one_day() -> None:
    settings = ReminderSettings(quiet_start="12:00", quiet_end="14:00")
    assert fire_time(dt.date(2025, 2, 9), dt.time(12, 30), settings, SH) == at(2025, 2, 9, 14)
    assert fire_time(dt.date(2025, 2, 9), dt.time(23, 30), settings, SH) == at(2025, 2, 9, 23, 30)


def test_a_rule_inside_quiet_hours_fires_when_they_end() -> None:
    book = ledger()
    found = fires(book, only({"offset_days": -1, "time": "23:00"}), at(2025, 2, 1), at(2025, 2, 11))
    assert [o.fire_at for o in found] == [at(2025, 2, 10, 8)]  # D−1 23:00 → D0 08:00


def test_time_zones_give_the_same_wall_clock() -> None:
    book = ledger()
    rule = only({"offset_days": 0, "time": "09:00"})
    shanghai = fires(book, rule, at(2025, 2, 1), at(2025, 2, 11), tz=SH)
    new_york = fires(book, rule, at(2025, 2, 1, tz=NY), at(2025, 2, 11, tz=NY), tz=NY)
    assert shanghai[0].fire_at.hour == new_york[0].fire_at.hour == 9
    assert new_york[0].fire_at - shanghai[0].fire_at == dt.timedelta(hours=13)


def test_daylight_saving_keeps_the_local_time() -> None:
    # New York moves its clocks on 9 March 2025: a 09:00 reminder stays at 09:00 local
    book = ledger(start="2025-01-09", repayment_day=9)
    found = fires(book, only({"offset_days": 0, "time": "09:00"}), at(2025, 2, 1, tz=NY), at(2025, 3, 31, tz=NY), tz=NY)
    assert [(o.fire_at.hour, o.fire_at.utcoffset()) for o in found] == [(9, dt.timedelta(hours=-5)), (9, dt.timedelta(hours=-4))]


def test_repeating_overdue_reminders_stop_when_paid() -> None:
    book = ledger()
    rule = only({"offset_days": 1, "time": "10:00", "repeat_daily": True})
    unpaid = fires(book, rule, at(2025, 2, 10), at(2025, 2, 15, 23), today=dt.date(2025, 2, 15))
    assert [o.fire_at.day for o in unpaid] == [11, 12, 13, 14, 15]
    assert [o.days_overdue for o in unpaid] == [1, 2, 3, 4, 5]
    assert unpaid[0].amount == D("900.41") + D("0.47") + D("0.07")  # 776.41×0.06% = 0.4658 → 0.47; 124×0.06% → 0.07
    paid, _ = record_event(book, "L1", "repayment", dt.date(2025, 2, 13), D("902.26"), dt.date(2025, 2, 13))
    after = fires(paid, rule, at(2025, 2, 10), at(2025, 2, 15, 23), today=dt.date(2025, 2, 15))
    assert [o.fire_at.day for o in after] == [11, 12]  # paid on the 13th: the 13th's and later are cancelled
    assert len({o.id for o in unpaid}) == 5  # each day its own stable id


def test_a_loan_can_be_chosen_and_rules_checked() -> None:
    settings, rule_id = add_rule(ReminderSettings(rules=[]), "-2", "08:30", "L1", False, ["L1"])
    assert settings.rule(rule_id).loans == ["L1"]
    for offset, time, loans, repeat, field in (("31", "09:00", "all", False, "offset"), ("-1", "25:00", "all", False, "time"),
                                               ("-1", "9", "all", False, "time"), ("0", "09:00", "all", True, "repeat"),
                                               ("1", "09:00", "L9", False, "loans")):
        with pytest.raises(InputError) as err:
            add_rule(settings, offset, time, loans, repeat, ["L1"])
        assert err.value.field == field
    assert parse_quiet("off") == (False, None, None) and parse_quiet("23:00-07:30") == (True, "23:00", "07:30")


def test_claim_marks_sent_and_summarises_what_is_older_than_the_window() -> None:
    book = ledger()
    rule = only({"offset_days": 1, "time": "10:00", "repeat_daily": True}, catch_up_days=2,
                last_run=at(2025, 2, 1))
    states = all_states(book, dt.date(2025, 2, 20))
    first, settings = claim(states, rule, book.terms, SH, at(2025, 2, 20, 12))
    # repeats from 11 Feb to 20 Feb: 18th, 19th, 20th are within 2 days of the 20th noon (18th 10:00 is not)
    assert [o.fire_at.day for o in first.deliver] == [19, 20]
    assert first.missed == 8
    again, _ = claim(states, settings, book.terms, SH, at(2025, 2, 20, 12))
    assert again.deliver == [] and again.missed == 0


def test_amounts_in_the_overdue_text_follow_the_rules() -> None:
    book = ledger()
    found = fires(book, only({"offset_days": 6, "time": "10:00"}), at(2025, 2, 10), at(2025, 2, 17), today=dt.date(2025, 2, 16))
    assert found[0].amount == D("903.66") and found[0].days_overdue == 6  # the worked example


@pytest.mark.parametrize("limit", [1, 3, 10, 40])
def test_the_first_few_coming_are_the_first_of_all_coming(limit: int) -> None:
    """The Reminders preview asks for the first ten, looked for a week ahead first and then further: they must
    be exactly the first ten of the full list, whether the week holds none, some or more than enough."""
    from jiebei_tui.delivery.reminders import coming

    book = ledger(start="2025-01-10")
    book = book.model_copy(update={"settings": book.settings.model_copy(update={"reminders": ReminderSettings(timezone="Asia/Shanghai")})})
    for now in (at(2025, 1, 20, 12), at(2025, 2, 8, 12), at(2025, 2, 11, 12), at(2025, 3, 1, 0)):
        today = now.date()
        everything = coming(book, today, now, 60)
        first = coming(book, today, now, 60, all_states(book, today), limit)
        assert [o.id for o in first] == [o.id for o in everything[:limit]]
    assert len(everything) >= 10  # the case where the full list is longer than the preview was tried
