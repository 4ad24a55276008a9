"""The borrower's reminder settings, stored in the ledger: rules (days from a due date and a time of day),
quiet hours, time zone, delivery channels, and the record of what was already sent.

The sent record is bounded, whatever the number of days that pass: a high-water mark (`last_run`: every
occurrence firing at or before it was delivered or counted as missed, for every loan that existed then) plus
the claims still in flight (taken by a run that has not yet said it delivered them). Files from before kept one
entry per occurrence (`sent: {id: time}`) and calendar versions (`ics_versions`); they migrate on load.

Defaults follow common lender SMS timing (D−3, D−1, D0, D+1…): D−3 at 09:00; D−1 at 20:00 ("fund your
account"); D0 at 09:00; D+1 at 10:00 repeating daily while overdue. Quiet hours 22:00–08:00.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import ClassVar

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.record import AwareDatetime, ConfigDict, Field, Record, field_validator, model_validator

TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
MAX_OFFSET = 30
PLACEHOLDERS = ("loan", "amount", "due_date", "days_overdue", "message")  # what a command template may use
MAX_COMMAND = 1000


def parse_time(value: object, field: str = "time") -> dt.time:
    """HH:MM, 00:00 to 23:59 (full-width digits and colon as an input method types them: ０９：３０)."""
    from jiebei_tui.domain.terms import ascii_number

    text = ascii_number(str(value))
    match = TIME.match(text)
    if not match:
        raise InputError(field, value, "time")
    return dt.time(int(match[1]), int(match[2]))


def parse_offset(value: object, field: str = "offset") -> int:
    from jiebei_tui.domain.terms import parse_in_range

    return parse_in_range(value, field, "offset", -MAX_OFFSET, MAX_OFFSET, max=MAX_OFFSET)  # "+3" is a sign


class ReminderRule(Record):
    """Remind `offset_days` from an instalment's due date (negative before it, 0 on the day, positive after it
    while unpaid) at a local time, for all loans or chosen ones."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^R[0-9]{1,9}$")
    offset_days: int = Field(ge=-MAX_OFFSET, le=MAX_OFFSET, strict=True)
    time: str
    loans: list[str] | None = None  # None: every loan
    enabled: bool = True
    repeat_daily: bool = False  # only after the due date: every day while the instalment is unpaid

    @field_validator("time")
    @classmethod
    def _time(cls, v: str) -> str:
        try:
            return f"{parse_time(v):%H:%M}"  # as written by the program (a hand-typed ０９：００ too)
        except InputError as err:
            raise ValueError(str(err)) from None

    @model_validator(mode="after")
    def _repeat_only_after(self) -> ReminderRule:
        if self.repeat_daily and self.offset_days <= 0:
            raise ValueError("repeat_daily is only for reminders after the due date (offset_days > 0)")
        return self

    @property
    def at(self) -> dt.time:
        return parse_time(self.time)

    def applies_to(self, loan_id: str) -> bool:
        return self.loans is None or loan_id in self.loans


DEFAULT_RULES = [
    {"id": "R1", "offset_days": -3, "time": "09:00"},
    {"id": "R2", "offset_days": -1, "time": "20:00"},
    {"id": "R3", "offset_days": 0, "time": "09:00"},
    {"id": "R4", "offset_days": 1, "time": "10:00", "repeat_daily": True},
]


class Owner(Record):
    """Who holds a claim: a process, known by its id, the boot it runs in and its start time (so a reused
    process id is not mistaken for the owner). Empty boot id and start: a system that does not say."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pid: int = Field(ge=1, le=2**32)
    boot_id: str = Field(default="", max_length=64)
    started: str = Field(default="", max_length=32)


class InFlight(Record):
    """Occurrences a run has claimed and not yet marked as delivered. `owner` None: given up (the run hit an
    error before delivering), so the next run takes them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    token: str = Field(pattern=r"^[0-9a-f]{8,32}$")
    owner: Owner | None
    claimed_at: AwareDatetime
    first: AwareDatetime  # the earliest fire time among them, so a later run knows how far back to look
    occurrences: list[str]


class ReminderSettings(Record):
    model_config = ConfigDict(extra="forbid")

    rules: list[ReminderRule] = Field(default_factory=lambda: [ReminderRule.model_construct(**r) for r in DEFAULT_RULES])
    quiet_hours: bool = True
    quiet_start: str = "22:00"
    quiet_end: str = "08:00"
    # None: the system's local zone; a name's shape as `remind set --timezone` takes it (a hand-edited path, spaces or
    # control characters are refused when the file is read, not at the next reminder run)
    timezone: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_+\-][A-Za-z0-9_+\-/]{0,63}$")
    desktop: bool = True  # notify-send, when it exists and a session bus is reachable
    command: str = ""  # e.g. `mail -s {loan} me@example.com`; placeholders {loan} {amount} {due_date} {days_overdue} {message}
    command_enabled: bool = False
    catch_up_days: int = Field(default=3, ge=0, le=30, strict=True)  # strict: not true, not "3"
    # the sent record: everything firing at or before last_run is done for loans numbered up to last_run_loan
    # (a loan added later is new to it); claims in flight are not done until their run says so
    last_run: AwareDatetime | None = None
    last_run_loan: int = Field(default=0, ge=0)
    in_flight: list[InFlight] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _migrate(cls, data: object) -> object:
        """Files from before: `sent` (one entry per occurrence, growing every day) becomes the high-water mark
        it implies; `ics_versions` goes (the calendar's SEQUENCE comes from the ledger's revision now)."""
        if not isinstance(data, dict) or not ("sent" in data or "ics_versions" in data):
            return data
        data = dict(data)
        sent = data.pop("sent", None)
        data.pop("ics_versions", None)
        if isinstance(sent, dict) and "last_run_loan" not in data:
            # ids are rule:loan:instalment[:day]; every loan with an entry existed when last_run was written,
            # and one without any had nothing to deliver in the window a new loan looks back over
            numbers = [int(m[1]) for key in sent if (m := SENT_ID.match(str(key)))]
            data["last_run_loan"] = max(numbers, default=0)
        return data

    RECORD: ClassVar[tuple[str, ...]] = ("last_run", "last_run_loan", "in_flight")  # bookkeeping of what was delivered, not a setting

    def with_record_of(self, other: ReminderSettings) -> ReminderSettings:
        """These settings with `other`'s delivery record: an undo or a restore brings settings back, never
        reminders already delivered (which would then be delivered again)."""
        return self.model_copy(update={name: getattr(other, name) for name in self.RECORD})

    @field_validator("quiet_start", "quiet_end")
    @classmethod
    def _times(cls, v: str) -> str:
        try:
            return f"{parse_time(v):%H:%M}"  # as written by the program (a hand-typed ０９：００ too)
        except InputError as err:
            raise ValueError(str(err)) from None

    def rule(self, rule_id: str) -> ReminderRule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise InputError("rule", rule_id, "rule_id", known=", ".join(r.id for r in self.rules) or "none")

    def next_rule_id(self) -> str:
        return f"R{max((int(r.id[1:]) for r in self.rules), default=0) + 1}"


SENT_ID = re.compile(r"^R[0-9]+:L([0-9]{1,9}):")


# --- changes a borrower makes (pure: each returns new settings or raises InputError) ---


EVERY_LOAN = ("", "all", "全部", "*")  # what a rule's loans may be typed as for every loan, in either language


def parse_loans(value: object, known: list[str]) -> list[str] | None:
    """"all" or "全部" (or nothing) means every loan; otherwise ids from the ledger, separated by commas. An id not
    in the ledger is refused, naming it."""
    text = str(value or "").strip()
    if text in EVERY_LOAN:
        return None
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    if not chosen:
        raise InputError("loans", value, "loans", known=", ".join(known) or "none")
    unknown = next((c for c in chosen if c not in known), None)
    if unknown is not None:
        from jiebei_tui.domain.free_text import first_unsafe

        if len(unknown) > 20 or first_unsafe(unknown) is not None:  # named only when it is short and plain to show
            raise InputError("loans", value, "loans", known=", ".join(known) or "none")
        raise InputError("loans", value, "loans_unknown", loan=unknown, known=", ".join(known) or "none")
    return chosen


def forget_loan(settings: ReminderSettings, loan_id: str) -> ReminderSettings:
    """The settings once `loan_id` is removed from the ledger: a rule naming it among others names it no more; a
    rule that was for it alone goes (it would remind of nothing, and an id is never given out again). The very
    settings given when no rule names it."""
    rules = []
    for rule in settings.rules:
        if rule.loans is None or loan_id not in rule.loans:
            rules.append(rule)
        elif left := [other for other in rule.loans if other != loan_id]:
            rules.append(rule.model_copy(update={"loans": left}))
    if len(rules) == len(settings.rules) and all(a is b for a, b in zip(rules, settings.rules)):
        return settings
    return settings.model_copy(update={"rules": rules})


def _rule_fields(offset: object, time: object, loans: object, repeat: bool, known: list[str]) -> dict:
    days = parse_offset(offset)
    at = parse_time(time)
    if repeat and days <= 0:
        raise InputError("repeat", offset, "repeat")
    return {"offset_days": days, "time": f"{at:%H:%M}", "loans": parse_loans(loans, known), "repeat_daily": repeat}


def _same(rule: ReminderRule, fields: dict) -> bool:
    """Two rules that would say the same thing at the same moment: same day, time, loans and repeat."""
    def loans(value: list[str] | None) -> frozenset[str] | None:
        return None if value is None else frozenset(value)

    return (rule.offset_days, rule.time, loans(rule.loans), rule.repeat_daily) == (
        fields["offset_days"], fields["time"], loans(fields["loans"]), fields["repeat_daily"]
    )


def _refuse_duplicate(settings: ReminderSettings, fields: dict, editing: str | None = None) -> None:
    for rule in settings.rules:
        if rule.id != editing and _same(rule, fields):
            raise InputError("time", fields["time"], "duplicate", id=rule.id)


def add_rule(
    settings: ReminderSettings, offset: object, time: object, loans: object, repeat: bool, known: list[str]
) -> tuple[ReminderSettings, str]:
    """A new rule; one that repeats an existing rule exactly (day, time, loans, repeat) is refused."""
    fields = _rule_fields(offset, time, loans, repeat, known)
    _refuse_duplicate(settings, fields)
    rule = ReminderRule(id=settings.next_rule_id(), **fields)
    return settings.model_copy(update={"rules": [*settings.rules, rule]}), rule.id


def edit_rule(
    settings: ReminderSettings, rule_id: str, offset: object, time: object, loans: object, repeat: bool, known: list[str]
) -> ReminderSettings:
    settings.rule(rule_id)
    fields = _rule_fields(offset, time, loans, repeat, known)
    _refuse_duplicate(settings, fields, editing=rule_id)
    rules = [r.model_copy(update=fields) if r.id == rule_id else r for r in settings.rules]
    if rules == settings.rules:
        return settings  # nothing changed: nothing to write
    return settings.model_copy(update={"rules": rules})


def remove_rule(settings: ReminderSettings, rule_id: str) -> ReminderSettings:
    settings.rule(rule_id)
    return settings.model_copy(update={"rules": [r for r in settings.rules if r.id != rule_id]})


def set_rule_enabled(settings: ReminderSettings, rule_id: str, enabled: bool) -> ReminderSettings:
    settings.rule(rule_id)
    rules = [r.model_copy(update={"enabled": enabled}) if r.id == rule_id else r for r in settings.rules]
    return settings.model_copy(update={"rules": rules})


def changed_settings(settings: ReminderSettings, update: dict) -> ReminderSettings:
    """The settings with `update` ({field: value}, already checked) applied; the very settings given when every
    value is already so (nothing to write)."""
    if all(getattr(settings, name) == value for name, value in update.items()):
        return settings
    return settings.model_copy(update=update)


def parse_quiet(value: object) -> tuple[bool, str | None, str | None]:
    """"off", or HH:MM-HH:MM (full-width forms too: ２３：００－０７：００), start and end not equal."""
    from jiebei_tui.domain.terms import ascii_number

    text = ascii_number(str(value))
    if text.lower() == "off":
        return False, None, None
    parts = text.replace("–", "-").split("-")
    if len(parts) != 2:
        raise InputError("quiet", value, "quiet")
    try:
        start, end = parse_time(parts[0]), parse_time(parts[1])
    except InputError:
        raise InputError("quiet", value, "quiet") from None
    if start == end:  # not "no quiet hours" in disguise (that is "off") nor "quiet all day": refused, said so
        raise InputError("quiet", value, "quiet_equal")
    return True, f"{start:%H:%M}", f"{end:%H:%M}"


def parse_on_off(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if value not in ("on", "off"):
        raise InputError(field, value, "on_off")
    return value == "on"


def parse_command(value: object) -> str:
    """The borrower's command template: split like a shell would (quotes must close), each placeholder one of
    {loan} {amount} {due_date} {days_overdue} {message} written plainly (no attributes, indexes, positions or
    formats), and the program itself fixed (a placeholder there would let a loan name choose what runs).
    Empty: no command. Returns the template as typed, without surrounding spaces."""
    import shlex

    text = str(value).strip()
    if not text:
        return ""
    if len(text) > MAX_COMMAND:
        raise InputError("command", text[:40] + "…", "command_long", max=MAX_COMMAND)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise InputError("command", value, "command_control")
    try:
        words = shlex.split(text)
    except ValueError:
        raise InputError("command", value, "command_quote") from None
    if not words:
        return ""
    allowed = " ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    for n, word in enumerate(words):
        try:
            parts = list(string.Formatter().parse(word))
        except ValueError:  # a lone { or }
            raise InputError("command", value, "command_brace", allowed=allowed) from None
        for _literal, name, spec, conversion in parts:
            if name is None:
                continue
            if name not in PLACEHOLDERS or spec or conversion:
                shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                raise InputError("command", value, "command_placeholder", placeholder=shown, allowed=allowed)
            if n == 0:
                raise InputError("command", value, "command_program")
    return text
