"""Reminders: the rules and settings (one function per change, the same for the command line and the Reminders
screen), the run that delivers what is due (and asks about auto-debits past their due date), what is coming,
and a test through every channel.

The run and the test may take seconds (the borrower's command, up to 10 s): the app calls them from a thread
worker, as every action may be.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.delivery.reminders import Report
    from jiebei_tui.domain.debits import DebitQuestion
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.reminder_settings import ReminderSettings
    from jiebei_tui.domain.reminders import Claim, Occurrence


def settings(account: Account) -> ReminderSettings:
    return account.ledger.settings.reminders


@dataclass(frozen=True)
class Placement:
    """Where a rule fires on its day: `at` (HH:MM), moved by the quiet hours when `moved` says how."""

    at: dt.time
    moved: str | None


def placements(settings: ReminderSettings) -> dict[str, Placement]:
    """Each rule's firing time after the quiet hours (rule id → Placement)."""
    from jiebei_tui.domain.reminders import rule_placement

    return {r.id: Placement(*rule_placement(r, settings)) for r in settings.rules}


# --- changes: one transaction each, written only when something changed ---


@dataclass(frozen=True)
class Saved:
    """The settings after a change; `rule_id`: the rule added or edited; `changed`: False when nothing was
    written (it was already so)."""

    settings: ReminderSettings
    rule_id: str | None = None
    changed: bool = True


def _change(account: Account, change, *, action: str, params: dict | None = None) -> Saved:
    """Apply change(reminder settings, loan ids) -> (new settings, rule id or None) to the ledger."""
    from jiebei_tui.domain.ledger import change_reminders

    def whole(ledger: Ledger):
        new, rule_id = change_reminders(ledger, change)
        return new, (new.settings.reminders, rule_id)

    applied = account.change(whole, action=action, params=lambda result: {**(params or {}), "rule": result[1]})
    settings, rule_id = applied.result
    return Saved(settings, rule_id, applied.written)


def _rule_change(rule_id: str | None, offset: object, time: object, loans: object, repeat: bool):
    from jiebei_tui.domain.reminder_settings import add_rule, edit_rule

    def change(settings: ReminderSettings, known: list[str]):
        if rule_id is None:
            return add_rule(settings, offset, time, loans, bool(repeat), known)
        return edit_rule(settings, rule_id, offset, time, loans, bool(repeat), known), rule_id

    return change


def check_rule(account: Account, offset: object, time: object, loans: object = "all", repeat: bool = False,
               rule_id: str | None = None) -> Saved:
    """What adding (or, with `rule_id`, editing) a rule would give, checked as saving it would check it
    (InputError naming the field). Nothing is written: the rule form's check."""
    from jiebei_tui.domain.ledger import change_reminders

    ledger, new_id = change_reminders(account.ledger, _rule_change(rule_id, offset, time, loans, repeat))
    return Saved(ledger.settings.reminders, new_id, ledger is not account.ledger)


def add_rule(account: Account, offset: object, time: object, loans: object = "all", repeat: bool = False) -> Saved:
    """A new rule: `offset` days from the due date, at `time`, for `loans` ("all" or ids), daily while unpaid
    with `repeat`. One that repeats an existing rule is refused."""
    return _change(account, _rule_change(None, offset, time, loans, repeat), action="reminders.add",
                   params={"offset": str(offset), "time": str(time)})


def edit_rule(account: Account, rule_id: str, offset: object, time: object, loans: object = "all",
              repeat: bool = False) -> Saved:
    return _change(account, _rule_change(rule_id, offset, time, loans, repeat), action="reminders.edit",
                   params={"offset": str(offset), "time": str(time)})


def remove_rule(account: Account, rule_id: str) -> Saved:
    from jiebei_tui.domain.reminder_settings import remove_rule as removed

    return _change(account, lambda s, known: (removed(s, rule_id), rule_id), action="reminders.remove")


def set_rule_enabled(account: Account, rule_id: str, enabled: bool) -> Saved:
    from jiebei_tui.domain.reminder_settings import set_rule_enabled as turned

    return _change(account, lambda s, known: (turned(s, rule_id, bool(enabled)), rule_id),
                   action="reminders.enable" if enabled else "reminders.disable")


SETTINGS = ("quiet", "timezone", "desktop", "command", "command_enabled", "catch_up_days")


def settings_update(
    *,
    quiet: object = None,
    timezone: object = None,
    desktop: object = None,
    command: object = None,
    command_enabled: object = None,
    catch_up_days: object = None,
) -> dict:
    """The settings as typed, each checked (InputError naming it), as {ReminderSettings field: value}; None: not
    given. `quiet` "HH:MM-HH:MM" or "off"; `timezone` a zone name, or "local"/"" for the system's; `desktop` and
    `command_enabled` on/off (or True/False); `command` a template ("" for none); `catch_up_days` 0..30."""
    from jiebei_tui.domain.reminder_settings import parse_on_off

    update: dict = {}
    if quiet is not None:
        from jiebei_tui.domain.reminder_settings import parse_quiet

        on, start, end = parse_quiet(quiet)
        update["quiet_hours"] = on
        if on:
            update.update(quiet_start=start, quiet_end=end)
    if timezone is not None:
        from jiebei_tui.delivery.reminders import zone

        name = str(timezone).strip()
        name = None if name in ("", "local") else name
        zone(name)  # refuses a zone this machine does not know
        update["timezone"] = name
    if desktop is not None:
        update["desktop"] = parse_on_off(desktop, "desktop")
    if command is not None:
        from jiebei_tui.domain.reminder_settings import parse_command

        update["command"] = parse_command(command)
    if command_enabled is not None:
        update["command_enabled"] = parse_on_off(command_enabled, "command_enabled")
    if catch_up_days is not None:
        from jiebei_tui.domain.terms import parse_in_range

        update["catch_up_days"] = parse_in_range(catch_up_days, "catch_up_days", "catch_up", 0, 30)
    return update


def change_settings(account: Account, **typed: object) -> Saved:
    """Save the settings given (see settings_update), in one transaction, only when one of them changes."""
    from jiebei_tui.domain.reminder_settings import changed_settings

    update = settings_update(**typed)
    given = {name: str(value) for name, value in typed.items() if value is not None}
    return _change(account, lambda s, known: (changed_settings(s, update), None), action="reminders.settings",
                   params=given)


# --- time ---


def zone_of(account: Account) -> dt.tzinfo:
    """The reminders' time zone: the saved one, else the system's (read without validating the whole ledger
    when it has not been read yet). A saved zone this machine does not know: InputError naming the setting."""
    from jiebei_tui.delivery.reminders import saved_zone

    name = account.ledger.settings.reminders.timezone if account.loaded else account.store.peek_reminder_zone()
    return saved_zone(name)


def now_in_zone(account: Account, given: str | None = None) -> dt.datetime:
    """The time now in the reminders' zone: `given` ("YYYY-MM-DDTHH:MM", local to that zone), else the clock."""
    from jiebei_tui.delivery.reminders import parse_now

    tz = zone_of(account)
    return parse_now(given, tz) if given else account.now().astimezone(tz)


def on_day(moment: dt.datetime, day: dt.date) -> dt.datetime:
    """The time now on a fixed day (--today): that day at `moment`'s time of day, in its zone."""
    return moment if moment.date() == day else dt.datetime.combine(day, moment.time(), tzinfo=moment.tzinfo)


# --- the run, what is coming, the test ---


@dataclass
class Ran:
    """What a run did (the Claim: delivered, missed), what it said (the Report: lines, failures, unavailable
    channels), and the auto-debits past their due date that the borrower has not confirmed (asked, each with
    the command that records it)."""

    claim: Claim
    report: Report
    debits: list[DebitQuestion] = field(default_factory=list)


def run(account: Account, now: dt.datetime | None = None, lang: str = "en", stdout: bool = True) -> Ran:
    """Deliver every reminder whose time has come (at least once, never lost: delivery/reminders.py), and ask
    about auto-debits past their due date. Nothing is written when nothing is due; with no ledger file yet,
    there is nothing to remind of."""
    from jiebei_tui.delivery import reminders as reminding
    from jiebei_tui.domain.debits import debits_to_confirm

    found: list = []

    def seen(ledger: Ledger, _states) -> None:
        found[:] = debits_to_confirm(ledger, account.today)

    claimed, report = reminding.run(account.store, account.today, now, lang, stdout, seen=seen)
    account.refresh()  # the run's bookkeeping, if it wrote any (read again only if something was read before)
    return Ran(claimed, report, found)


def coming(account: Account, days: object, now: dt.datetime | None = None, limit: int | None = None) -> list[Occurrence]:
    """The reminders of the next `days` days (1..366) not yet sent, in order (the first `limit`)."""
    from jiebei_tui.delivery.reminders import coming as upcoming
    from jiebei_tui.domain.terms import parse_in_range

    n = parse_in_range(days, "days", "days", 1, 366, max=366)
    moment = now or now_in_zone(account)
    return upcoming(account.ledger, account.today, moment, n, account.states, limit)


def send_test(account: Account, lang: str = "en", stdout: bool = True) -> Report:
    """A test reminder through every channel that is on (its report says which really delivered it)."""
    from jiebei_tui.delivery.reminders import send_test as test

    return test(account.ledger.settings.reminders, lang, account.today, stdout)
