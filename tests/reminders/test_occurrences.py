"""When reminders fire: month ends, quiet hours (also over midnight), time zones, repeats that stop when paid."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.ledger import Ledger, add_loan
from jiebei_tui.domain.reminder_settings import ReminderRule, ReminderSettings, add_rule, parse_quiet
from jiebei_tui.domain.reminder_settings import Owner
from jiebei_tui.domain.reminders import claim, fire_time, in_quiet_hours, occurrences, release
from jiebei_tui.domain.replay import all_states, record_event
from jiebei_tui.domain.terms import make_loan

SH = ZoneInfo("Asia/Shanghai")
ME, OTHER = Owner(pid=101, boot_id="b", started="5"), Owner(pid=202, boot_id="b", started="6")
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


def test_a_rule_inside_quiet_hours_fires_when_they_end_and_says_so() -> None:
    book = ledger()  # due 2025-02-10
    found = fires(book, only({"offset_days": -2, "time": "23:00"}), at(2025, 2, 1), at(2025, 2, 11))
    assert [o.fire_at for o in found] == [at(2025, 2, 9, 8)]  # D−2 23:00 → D−1 08:00
    assert found[0].rule_at == at(2025, 2, 8, 23) and found[0].moved == "next_day"
    morning = fires(book, only({"offset_days": 0, "time": "07:45"}), at(2025, 2, 1), at(2025, 2, 11))
    assert (morning[0].rule_at, morning[0].fire_at, morning[0].moved) == (at(2025, 2, 10, 7, 45), at(2025, 2, 10, 8), "later")
    plain = fires(book, only({"offset_days": 0, "time": "09:00"}), at(2025, 2, 1), at(2025, 2, 11))
    assert (plain[0].rule_at, plain[0].fire_at, plain[0].moved) == (at(2025, 2, 10, 9), at(2025, 2, 10, 9), None)


def test_a_reminder_before_the_due_day_is_never_moved_onto_it() -> None:
    """D−1 at 23:00 under 22:00–08:00 quiet hours would land on the debit day at 08:00: it moves earlier instead,
    to 21:59 the same evening (the last minute before quiet hours begin). A D−1 20:00 funding reminder under
    19:00–08:00 quiet hours likewise fires at 18:59 on D−1."""
    book = ledger()  # due 2025-02-10
    late = fires(book, only({"offset_days": -1, "time": "23:00"}), at(2025, 2, 1), at(2025, 2, 11))
    assert [(o.fire_at, o.moved) for o in late] == [(at(2025, 2, 9, 21, 59), "earlier")]
    funding = fires(book, only({"offset_days": -1, "time": "20:00"}, quiet_start="19:00"), at(2025, 2, 1), at(2025, 2, 11))
    assert [o.fire_at for o in funding] == [at(2025, 2, 9, 18, 59)] and funding[0].kind == "before"
    # a morning reminder inside quiet hours stays on its own day (later), and one on D0 may move later as usual
    early = fires(book, only({"offset_days": -1, "time": "06:30"}), at(2025, 2, 1), at(2025, 2, 11))
    assert [o.fire_at for o in early] == [at(2025, 2, 9, 8)]
    due_day = fires(book, only({"offset_days": 0, "time": "23:00"}), at(2025, 2, 1), at(2025, 2, 12), today=dt.date(2025, 2, 1))
    assert [o.fire_at for o in due_day] == [at(2025, 2, 11, 8)]


def test_the_rules_table_says_how_quiet_hours_move_a_rule() -> None:
    from jiebei_tui.domain.reminder_settings import ReminderRule
    from jiebei_tui.domain.reminders import rule_placement
    from jiebei_tui.text.reminders import rule_time_marked

    settings = ReminderSettings()
    cases = [({"offset_days": 0, "time": "07:45"}, "08:00*", "07:45 → 08:00, quiet hours", "07:45 → 08:00，免打扰"),
             ({"offset_days": -2, "time": "23:00"}, "08:00*", "23:00 → 08:00 next day, quiet hours",
              "23:00 → 次日 08:00，免打扰"),
             ({"offset_days": -1, "time": "23:00"}, "21:59*", "23:00 → 21:59, quiet hours (kept before the due day)",
              "23:00 → 21:59，免打扰（仍在还款日之前）"),
             ({"offset_days": -1, "time": "20:00"}, "20:00", "", "")]
    for fields, shown, en, zh in cases:
        rule = ReminderRule(id="R9", **fields)
        assert rule_time_marked(rule, settings, "en") == (shown, f"* R9: {en}." if en else "")
        assert rule_time_marked(rule, settings, "zh") == (shown, f"* R9：{zh}。" if zh else "")
    off = settings.model_copy(update={"quiet_hours": False})
    assert rule_placement(ReminderRule(id="R9", offset_days=0, time="07:45"), off) == (dt.time(7, 45), None)


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
    # equal start and end would silently mean no quiet hours (quiet_window): refused, "off" says that
    with pytest.raises(InputError) as err:
        parse_quiet("22:00-22:00")
    assert (err.value.field, err.value.rule) == ("quiet", "quiet_equal")
    assert "start and end at different times" in err.value.sentence("en")


def test_claim_marks_sent_and_summarises_what_is_older_than_the_window() -> None:
    book = ledger()
    rule = only({"offset_days": 1, "time": "10:00", "repeat_daily": True}, catch_up_days=2,
                last_run=at(2025, 2, 1), last_run_loan=1)
    states = all_states(book, dt.date(2025, 2, 20))
    first, settings = claim(states, rule, book.terms, SH, at(2025, 2, 20, 12), ME, "a1a1a1a1")
    # repeats from 11 Feb to 20 Feb: 19th and 20th are within 2 days of the 20th noon (18th 10:00 is not); the
    # 20th's says what is owed now and stands in for the 19th's, which is counted with the eight older ones
    assert [o.fire_at.day for o in first.deliver] == [20]
    assert first.missed == 9
    again, _ = claim(states, settings, book.terms, SH, at(2025, 2, 20, 12), OTHER, "b2b2b2b2")
    assert again.deliver == [] and again.missed == 0  # in flight with a live owner: not taken
    settings = release(settings, first.token)
    assert settings.in_flight == []
    later, _ = claim(states, settings, book.terms, SH, at(2025, 2, 20, 23), OTHER, "b2b2b2b2")
    assert later.deliver == [] and later.missed == 0  # sent


def test_a_claim_whose_owner_died_is_delivered_again_once() -> None:
    book = ledger()
    rule = only({"offset_days": 1, "time": "10:00", "repeat_daily": True}, last_run=at(2025, 2, 18, 12), last_run_loan=1)
    states = all_states(book, dt.date(2025, 2, 20))
    first, claimed = claim(states, rule, book.terms, SH, at(2025, 2, 20, 12), ME, "a1a1a1a1")
    assert [o.fire_at.day for o in first.deliver] == [20] and first.missed == 1  # the 19th's: stood in for
    # ME was killed before it delivered: the next run (an hour later) takes its claim and adds the new ones
    dead = lambda owner: owner != ME  # noqa: E731
    second, settings = claim(states, claimed, book.terms, SH, at(2025, 2, 20, 13), OTHER, "b2b2b2b2", dead)
    assert [o.id for o in second.deliver] == [o.id for o in first.deliver]
    assert [c.token for c in settings.in_flight] == ["b2b2b2b2"]
    # ME's release comes too late (it was taken over): it changes nothing
    assert release(settings, "a1a1a1a1") is settings
    done_settings = release(settings, "b2b2b2b2")
    third, _ = claim(states, done_settings, book.terms, SH, at(2025, 2, 20, 14), ME, "c3c3c3c3", dead)
    assert third.deliver == [] and third.missed == 0
    # a run that gave its claim up (an error before delivering) leaves it for the next one, alive or not
    given_up = release(claimed, "a1a1a1a1", delivered=False)
    fourth, _ = claim(states, given_up, book.terms, SH, at(2025, 2, 20, 13), OTHER, "d4d4d4d4")
    assert [o.id for o in fourth.deliver] == [o.id for o in first.deliver]


def test_a_claim_taken_over_after_the_window_counts_as_missed_and_a_paid_one_goes() -> None:
    book = ledger()
    rule = only({"offset_days": 1, "time": "10:00", "repeat_daily": True}, last_run=at(2025, 2, 11, 12), last_run_loan=1)
    states = all_states(book, dt.date(2025, 2, 12))
    first, claimed = claim(states, rule, book.terms, SH, at(2025, 2, 12, 12), ME, "a1a1a1a1")
    assert [o.fire_at.day for o in first.deliver] == [12]
    dead = lambda owner: False  # noqa: E731
    # ten days later: the 12th is past the 3-day window now: missed (counted), with the 13th–19th; the 22nd's
    # stands in for the 20th's and the 21st's (counted too)
    late, _ = claim(all_states(book, dt.date(2025, 2, 22)), claimed, book.terms, SH, at(2025, 2, 22, 12), OTHER, "b2b2b2b2", dead)
    assert late.missed == 10 and [o.fire_at.day for o in late.deliver] == [22]
    # paid on the 12th after the claim: the dead claim's reminder is not delivered again
    paid, _ = record_event(book, "L1", "repayment", dt.date(2025, 2, 12), D("903.00"), dt.date(2025, 2, 12))
    again, settings = claim(all_states(paid, dt.date(2025, 2, 12)), claimed, paid.terms, SH, at(2025, 2, 12, 13), OTHER,
                            "b2b2b2b2", dead)
    assert again.deliver == [] and again.missed == 0 and settings.in_flight == []


def test_a_loan_added_since_the_last_run_gets_what_is_within_the_window() -> None:
    """The mark covers the loans that existed when it was set: a loan added later (a higher number) still gets
    its reminders from the catch-up window: one, today's, with today's figures; those of the 14th and 15th are
    counted, not sent one by one (nothing older than the window: it was not in the ledger then)."""
    book = ledger()
    rule = only({"offset_days": 1, "time": "10:00", "repeat_daily": True}, last_run=at(2025, 2, 16, 12), last_run_loan=0)
    got, settings = claim(all_states(book, dt.date(2025, 2, 16)), rule, book.terms, SH, at(2025, 2, 16, 12), ME, "a1a1a1a1")
    assert [o.fire_at.day for o in got.deliver] == [16] and got.missed == 2
    assert settings.last_run_loan == 1 and settings.last_run == at(2025, 2, 16, 12)


def test_a_clock_that_goes_back_delivers_nothing_twice() -> None:
    book = ledger()
    rule = only({"offset_days": 1, "time": "10:00", "repeat_daily": True})
    states = all_states(book, dt.date(2025, 2, 16))
    first, settings = claim(states, rule, book.terms, SH, at(2025, 2, 16, 12), ME, "a1a1a1a1")
    settings = release(settings, first.token)
    back, kept = claim(states, settings, book.terms, SH, at(2025, 2, 15, 12), ME, "b2b2b2b2")
    assert back.deliver == [] and kept.last_run == at(2025, 2, 16, 12)


def test_nothing_due_changes_nothing() -> None:
    book = ledger()
    settings = ReminderSettings(last_run=at(2025, 1, 20, 9), last_run_loan=1)
    got, same = claim(all_states(book, dt.date(2025, 1, 20)), settings, book.terms, SH, at(2025, 1, 20, 12), ME)
    assert got.deliver == [] and got.token is None and same is settings


def test_old_files_migrate_to_the_bounded_record() -> None:
    old = {"last_run": "2025-02-16T12:00:00+08:00", "ics_versions": {"jiebei-L1-1@jiebei-tui": "2:abc"},
           "sent": {"R4:L1:1:2025-02-14": "2025-02-14T10:00:00+08:00", "R3:L7:2": "2025-02-10T09:00:00+08:00"}}
    settings = ReminderSettings.model_validate(old)
    assert settings.last_run == at(2025, 2, 16, 12) and settings.last_run_loan == 7 and settings.in_flight == []
    dumped = settings.model_dump(mode="json")
    assert "sent" not in dumped and "ics_versions" not in dumped
    assert ReminderSettings.model_validate(dumped) == settings
    assert ReminderSettings.model_validate({"sent": {}}).last_run_loan == 0


def test_naive_times_in_the_record_are_refused() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        ReminderSettings.model_validate({"last_run": "2025-02-16T12:00:00"})


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
