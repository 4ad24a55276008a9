"""Reminders leaving the program: the time zone, the channels (desktop notification, the borrower's own
command, standard output), and the exactly-once run shared by `jiebei-tui remind run` and the app's timer.

A run claims the occurrences due by now inside the store's locked transaction (recording them as sent), then
delivers them. Two programs running at once never claim the same occurrence. A channel that fails is reported
and does not stop the others.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import money_str
from jiebei_tui.domain.reminders import Claim, Occurrence, claim, occurrences
from jiebei_tui.text.i18n import t
from jiebei_tui.text.reminders import message

COMMAND_TIMEOUT = 10
NOTIFY_TIMEOUT = 5


def zone(name: str | None) -> dt.tzinfo:
    """The configured zone, else the system's: $TZ, /etc/timezone, the /etc/localtime link, else a fixed offset."""
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError("timezone", name, "timezone") from None
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        candidates.append(Path("/etc/timezone").read_text().strip())
    except OSError:
        pass
    try:
        target = os.readlink("/etc/localtime")
        candidates.append(target.split("zoneinfo/", 1)[1] if "zoneinfo/" in target else "")
    except OSError:
        pass
    for candidate in candidates:
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return dt.datetime.now().astimezone().tzinfo or dt.timezone.utc


def parse_now(value: str | None, tz: dt.tzinfo) -> dt.datetime:
    if not value:
        return dt.datetime.now(tz)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InputError("now", value, "datetime") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)  # what was said on standard output
    failures: list[str] = field(default_factory=list)


def deliver(o: Occurrence, settings, lang: str, report: Report, stdout: bool = True) -> None:
    values = {"loan": o.loan_name, "amount": money_str(o.amount), "due_date": o.due_date.isoformat(),
              "days_overdue": str(o.days_overdue)}
    text = message(o, lang)
    deliver_text(text, settings, lang, report, values, critical=o.urgent, stdout=stdout, stamp=o.fire_at)


def deliver_text(
    text: str, settings, lang: str, report: Report, values: dict[str, str], critical: bool = False,
    stdout: bool = True, stamp: dt.datetime | None = None,
) -> None:
    """Every channel that is on, each on its own: a failure is reported and the others still go."""
    if settings.desktop:
        _try(report, "notify-send", lambda: desktop(t("remind.title", lang), text, critical=critical), lang)
    if settings.command_enabled and settings.command.strip():
        _try(report, "command", lambda: run_command(settings.command, {**values, "message": text}), lang)
    if stdout:
        report.lines.append(f"{stamp:%Y-%m-%d %H:%M} {text}" if stamp else text)


def _try(report: Report, channel: str, send, lang: str) -> None:
    try:
        send()
    except (OSError, subprocess.SubprocessError, ValueError, KeyError, IndexError) as err:
        report.failures.append(t("remind.channel_failed", lang, channel=channel, problem=err))


def desktop(title: str, body: str, critical: bool) -> None:
    """notify-send, when it exists and a session bus is reachable; otherwise quietly nothing."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):  # no session bus: checked first, it costs nothing
        return
    command = shutil.which("notify-send")
    if command is None:
        return
    urgency = "critical" if critical else "normal"
    done = subprocess.run([command, "-u", urgency, "-a", "jiebei-tui", title, body], capture_output=True, timeout=NOTIFY_TIMEOUT)
    if done.returncode:
        raise OSError(f"notify-send exited {done.returncode}: {done.stderr.decode(errors='replace').strip()}")


def run_command(template: str, values: dict[str, str]) -> None:
    """The borrower's own command: split like a shell would, placeholders filled per argument, run without a
    shell (a loan name cannot inject anything), with a timeout."""
    argv = [part.format(**values) for part in shlex.split(template)]
    done = subprocess.run(argv, capture_output=True, timeout=COMMAND_TIMEOUT)
    if done.returncode:
        raise OSError(f"{argv[0]} exited {done.returncode}")


def run(store, today: dt.date, now: dt.datetime | None, lang: str, stdout: bool = True) -> tuple[Claim, Report]:
    """Claim what is due (one locked transaction) and deliver it. When nothing is due, nothing is written."""
    from jiebei_tui.domain.replay import all_states

    from jiebei_tui.domain.ledger import change_reminders

    def change(ledger):
        def take(settings, _loans):
            tz = zone(settings.timezone)
            claimed, updated = claim(all_states(ledger, today), settings, ledger.terms, tz, now or dt.datetime.now(tz))
            if not claimed.deliver and not claimed.missed:
                return settings, (claimed, settings)  # nothing due: unchanged, so the file is not rewritten
            return updated, (claimed, settings)

        return change_reminders(ledger, take)

    claimed, settings = store.transact(change)
    report = Report()
    for o in claimed.deliver:
        deliver(o, settings, lang, report, stdout)
    if claimed.missed:
        report.lines.append(t("remind.missed", lang, n=claimed.missed))
    return claimed, report


def coming(ledger, today: dt.date, now: dt.datetime, days: int, states=None, limit: int | None = None) -> list[Occurrence]:
    """The occurrences of the next `days` days that were not sent, in order: all of them, or the first `limit`
    (looked for a week ahead first, then further: a preview of ten need not work out two months of them).
    `states`: the loans' states at today, when the caller has them."""
    from jiebei_tui.domain.replay import all_states

    states = all_states(ledger, today) if states is None else states
    settings = ledger.settings.reminders
    tz = zone(settings.timezone)
    span = days if limit is None else min(7, days)
    while True:
        found = occurrences(states, settings, ledger.terms, tz, now, now + dt.timedelta(days=span))
        found = [o for o in found if o.id not in settings.sent]
        if limit is None:
            return found
        if len(found) >= limit or span >= days:
            return found[:limit]
        span = min(span * 4, days)
