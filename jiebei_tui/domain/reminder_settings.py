"""The borrower's reminder settings, stored in the ledger: rules (days from a due date and a time of day),
quiet hours, time zone, delivery channels, and the record of what was already sent.

Defaults follow common lender SMS timing (D−3, D−1, D0, D+1…): D−3 at 09:00; D−1 at 20:00 ("fund your
account"); D0 at 09:00; D+1 at 10:00 repeating daily while overdue. Quiet hours 22:00–08:00.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

from jiebei_tui.domain.errors import InputError

TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
MAX_OFFSET = 30


def parse_time(value: object, field: str = "time") -> dt.time:
    """HH:MM, 00:00 to 23:59."""
    text = str(value).strip()
    match = TIME.match(text)
    if not match:
        raise InputError(field, value, "time")
    return dt.time(int(match[1]), int(match[2]))


def parse_offset(value: object, field: str = "offset") -> int:
    from jiebei_tui.domain.terms import parse_in_range

    return parse_in_range(str(value).strip().replace("+", ""), field, "offset", -MAX_OFFSET, MAX_OFFSET, max=MAX_OFFSET)


class ReminderRule(BaseModel):
    """Remind `offset_days` from an instalment's due date (negative before it, 0 on the day, positive after it
    while unpaid) at a local time, for all loans or chosen ones."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^R[0-9]{1,9}$")
    offset_days: int = Field(ge=-MAX_OFFSET, le=MAX_OFFSET)
    time: str
    loans: list[str] | None = None  # None: every loan
    enabled: bool = True
    repeat_daily: bool = False  # only after the due date: every day while the instalment is unpaid

    @field_validator("time")
    @classmethod
    def _time(cls, v: str) -> str:
        try:
            parse_time(v)
        except InputError as err:
            raise ValueError(str(err)) from None
        return v

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


class ReminderSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: list[ReminderRule] = Field(default_factory=lambda: [ReminderRule(**r) for r in DEFAULT_RULES])
    quiet_hours: bool = True
    quiet_start: str = "22:00"
    quiet_end: str = "08:00"
    timezone: str | None = None  # None: the system's local zone
    desktop: bool = True  # notify-send, when it exists and a session bus is reachable
    command: str = ""  # e.g. `mail -s {loan} me@example.com`; placeholders {loan} {amount} {due_date} {days_overdue} {message}
    command_enabled: bool = False
    catch_up_days: int = Field(default=3, ge=0, le=30)
    last_run: AwareDatetime | None = None
    sent: dict[str, AwareDatetime] = Field(default_factory=dict)  # occurrence id → when it was due to fire
    ics_versions: dict[str, str] = Field(default_factory=dict)  # calendar UID → "sequence:digest" last exported

    @field_validator("quiet_start", "quiet_end")
    @classmethod
    def _times(cls, v: str) -> str:
        try:
            parse_time(v)
        except InputError as err:
            raise ValueError(str(err)) from None
        return v

    def rule(self, rule_id: str) -> ReminderRule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise InputError("rule", rule_id, "rule_id", known=", ".join(r.id for r in self.rules) or "none")

    def next_rule_id(self) -> str:
        return f"R{max((int(r.id[1:]) for r in self.rules), default=0) + 1}"


# --- changes a borrower makes (pure: each returns new settings or raises InputError) ---


def parse_loans(value: object, known: list[str]) -> list[str] | None:
    """"all" (or nothing) means every loan; otherwise ids from the ledger, separated by commas."""
    text = str(value or "").strip()
    if text in ("", "all", "*"):
        return None
    chosen = [part.strip() for part in text.split(",") if part.strip()]
    if not chosen or any(c not in known for c in chosen):
        raise InputError("loans", value, "loans", known=", ".join(known) or "none")
    return chosen


def add_rule(
    settings: ReminderSettings, offset: object, time: object, loans: object, repeat: bool, known: list[str]
) -> tuple[ReminderSettings, str]:
    days = parse_offset(offset)
    at = parse_time(time)
    if repeat and days <= 0:
        raise InputError("repeat", offset, "repeat")
    rule = ReminderRule(
        id=settings.next_rule_id(), offset_days=days, time=f"{at:%H:%M}", loans=parse_loans(loans, known),
        repeat_daily=repeat,
    )
    return settings.model_copy(update={"rules": [*settings.rules, rule]}), rule.id


def edit_rule(
    settings: ReminderSettings, rule_id: str, offset: object, time: object, loans: object, repeat: bool, known: list[str]
) -> ReminderSettings:
    settings.rule(rule_id)
    days = parse_offset(offset)
    at = parse_time(time)
    if repeat and days <= 0:
        raise InputError("repeat", offset, "repeat")
    update = {"offset_days": days, "time": f"{at:%H:%M}", "loans": parse_loans(loans, known), "repeat_daily": repeat}
    rules = [r.model_copy(update=update) if r.id == rule_id else r for r in settings.rules]
    return settings.model_copy(update={"rules": rules})


def remove_rule(settings: ReminderSettings, rule_id: str) -> ReminderSettings:
    settings.rule(rule_id)
    return settings.model_copy(update={"rules": [r for r in settings.rules if r.id != rule_id]})


def set_rule_enabled(settings: ReminderSettings, rule_id: str, enabled: bool) -> ReminderSettings:
    settings.rule(rule_id)
    rules = [r.model_copy(update={"enabled": enabled}) if r.id == rule_id else r for r in settings.rules]
    return settings.model_copy(update={"rules": rules})


def parse_quiet(value: object) -> tuple[bool, str | None, str | None]:
    """"off", or HH:MM-HH:MM."""
    text = str(value).strip()
    if text.lower() == "off":
        return False, None, None
    parts = text.replace("–", "-").split("-")
    if len(parts) != 2:
        raise InputError("quiet", value, "quiet")
    try:
        start, end = parse_time(parts[0]), parse_time(parts[1])
    except InputError:
        raise InputError("quiet", value, "quiet") from None
    return True, f"{start:%H:%M}", f"{end:%H:%M}"


def parse_on_off(value: object, field: str) -> bool:
    if isinstance(value, bool):
        return value
    if value not in ("on", "off"):
        raise InputError(field, value, "on_off")
    return value == "on"
