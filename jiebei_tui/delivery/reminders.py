"""Reminders leaving the program: the time zone, the channels (desktop notification, the borrower's own
command, standard output), and the run shared by `jiebei-tui remind run` and the app.

At least once, never lost: a run claims the occurrences due by now inside the store's locked transaction (in
flight, with its owner: process id, boot id and start time), delivers them, then marks them sent in a second
transaction. A run killed in between leaves its claim behind; the next run sees that the owner is gone and
delivers those occurrences again. Two runs at once never claim the same occurrence.

Each channel fails on its own: a failure is reported and the others still go. A channel that cannot run on this
machine (no notify-send, no session bus) is reported as unavailable, which is not a failure.

Calling `run` from a thread: it is safe to call from a worker thread (the app does, so that up to ten seconds of
subprocesses never block the event loop). It keeps no module state, touches no UI, opens its own lock for each
transaction (flock on a fresh descriptor, so two threads of one process exclude each other as two processes
do), and returns everything to show (the Claim and the Report) for the caller to put on screen on its own
thread. Two calls at once, in threads or processes, deliver each occurrence once.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shlex
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import money_str
from jiebei_tui.domain.reminders import Claim, Occurrence, as_delivered, claim, done, occurrences, release
from jiebei_tui.text.i18n import t
from jiebei_tui.text.reminders import message, missed_line
from jiebei_tui.text.safe import visible

COMMAND_TIMEOUT = 10
NOTIFY_TIMEOUT = 5
DESKTOP, COMMAND = "notify-send", "command"


SAVED_ZONE = "settings.reminders.timezone"  # where the zone is saved: named when this machine does not know it


def saved_zone(name: str | None) -> dt.tzinfo:
    """The zone saved in the reminder settings (None: the system's). One this machine does not know is refused
    naming the saved setting and how to change it (the borrower typed no --timezone), each time it is needed,
    never when the ledger is read: a zone known on another machine must not lock the ledger."""
    try:
        return zone(name)
    except InputError:
        raise InputError(SAVED_ZONE, name, "saved_timezone") from None


def named_zone(name: str) -> ZoneInfo | None:
    """The IANA zone of that name, or None when this machine has none: the one place a zone name is read. Every
    way a bad key fails is caught: unknown (ZoneInfoNotFoundError), not a normalized relative path or not a TZif
    file (ValueError, UnicodeError), a tzdata folder such as Asia or Etc (IsADirectoryError), too long or
    unreadable (OSError)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # UnicodeError is a ValueError
        return None


class SystemZone(dt.tzinfo):
    """This machine's own zone as the C library keeps it, for when it has no IANA name (TZ='<+0330>-3:30', a
    POSIX rule such as TZ='EST5EDT,M3.2.0,M11.1.0', or no zone files): each instant is converted as
    `datetime.astimezone()` converts it, so the offset, daylight saving included, is the one `date` shows. It
    reads the C library each time, so a change of TZ (after time.tzset()) is followed. Not a named zone: the
    calendar file writes its times in UTC."""

    def _local(self, moment: dt.datetime) -> dt.datetime:
        return moment.replace(tzinfo=None).astimezone()  # wall time (and fold) read as this machine's

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta | None:
        return None if moment is None else self._local(moment).utcoffset()

    def tzname(self, moment: dt.datetime | None) -> str | None:
        return None if moment is None else self._local(moment).tzname()

    def dst(self, moment: dt.datetime | None) -> dt.timedelta | None:
        return None  # the C library tells whether daylight saving is on, not by how much

    def fromutc(self, moment: dt.datetime) -> dt.datetime:
        stamp = (moment.replace(tzinfo=None) - _EPOCH) / dt.timedelta(seconds=1)
        return dt.datetime.fromtimestamp(stamp).replace(tzinfo=self)  # fromtimestamp sets fold in a repeated hour

    def __repr__(self) -> str:
        return "SystemZone()"


_EPOCH = dt.datetime(1970, 1, 1)
SYSTEM_ZONE = SystemZone()


def zone(name: str | None) -> dt.tzinfo:
    """The configured zone, else the system's: $TZ when it names a zone, /etc/timezone, the /etc/localtime link;
    a $TZ that names none (a POSIX rule such as '<+0330>-3:30') or no name at all: the C library's own zone."""
    if name:
        found = named_zone(name)
        if found is None:
            raise InputError("timezone", name, "timezone")
        return found
    given = os.environ.get("TZ", "").lstrip(":")
    if given:
        return named_zone(given) or SYSTEM_ZONE  # $TZ rules this process's clock, named or not
    candidates = []
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
        found = named_zone(candidate) if candidate else None
        if found is not None:
            return found
    return SYSTEM_ZONE


def parse_now(value: str | None, tz: dt.tzinfo) -> dt.datetime:
    if not value:
        return dt.datetime.now(tz)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InputError("now", value, "datetime") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


# --- who holds a claim, and whether they still live ---


def _boot_id() -> str:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()[:64]
    except OSError:
        return ""


def _proc_stat(pid: int) -> tuple[str, str] | None:
    """(state, start time in clock ticks since boot) of a process, from /proc; None when it cannot be read."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # the name in parentheses may hold spaces
    return fields[0], fields[19]


def current_owner():
    """This process, as the owner of a claim."""
    from jiebei_tui.domain.reminder_settings import Owner

    pid = os.getpid()
    stat = _proc_stat(pid)
    return Owner(pid=pid, boot_id=_boot_id(), started=stat[1] if stat else "")


def owner_alive(owner) -> bool:
    """Whether the process that claimed is still running: same boot, same process id, same start time (a reused
    id is another process). A zombie has died. Without /proc, whether the id exists."""
    boot = _boot_id()
    if owner.boot_id and boot and owner.boot_id != boot:
        return False  # the machine restarted since
    stat = _proc_stat(owner.pid)
    if stat is not None:
        state, started = stat
        return state not in ("Z", "X", "x") and (not owner.started or owner.started == started)
    if Path("/proc/self/stat").exists():
        return False  # /proc works here, and has no such process
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# --- channels ---


class Unavailable(Exception):
    """The channel cannot run on this machine (not a failure): `key` picks the sentence."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


class ChannelError(Exception):
    """The channel ran and failed: the sentence says how (already in the reader's language)."""


@dataclass
class Report:
    """What a run or a test said and did. `lines`: what goes to standard output (safe to print). `failures`:
    one sentence per channel that ran and failed (the run should exit 1). `unavailable`: one sentence per channel
    that cannot run here (not a failure). `ran`: the channels that really ran and delivered at least once."""

    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    unavailable: list[str] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    _tally: dict = field(default_factory=dict, repr=False)  # channel → [delivered, failed, last problem]
    _off: dict = field(default_factory=dict, repr=False)  # channel → the unavailable key

    @property
    def failed(self) -> bool:
        return bool(self.failures)

    def _count(self, channel: str, problem: str | None) -> None:
        tally = self._tally.setdefault(channel, [0, 0, ""])
        if problem is None:
            tally[0] += 1
        else:
            tally[1] += 1
            tally[2] = problem

    def finish(self, lang: str) -> Report:
        """Turn the tallies into one sentence per channel."""
        self.failures = []
        self.ran = [channel for channel, (ok, _, _) in self._tally.items() if ok]
        for channel, (ok, bad, problem) in self._tally.items():
            if bad:
                key = "remind.channel_failed_n.one" if ok + bad == 1 else "remind.channel_failed_n"
                self.failures.append(t(key, lang, channel=channel, n=bad, total=ok + bad, problem=problem))
        self.unavailable = [t("remind.channel_unavailable", lang, channel=channel, reason=t(key, lang))
                            for channel, key in self._off.items()]
        return self


def deliver(o: Occurrence, settings, lang: str, report: Report, stdout: bool = True) -> None:
    text = message(o, lang)
    deliver_text(text, settings, lang, report, values_of(o), critical=o.urgent, stdout=stdout, stamp=o.fire_at)


def values_of(o: Occurrence) -> dict[str, str]:
    """The command's placeholders (every text from the file made visible: no control characters)."""
    return {"loan": visible(o.loan_name), "amount": money_str(o.amount), "due_date": o.due_date.isoformat(),
            "days_overdue": str(o.days_overdue)}


def deliver_text(
    text: str, settings, lang: str, report: Report, values: dict[str, str], critical: bool = False,
    stdout: bool = True, stamp: dt.datetime | None = None,
) -> None:
    """Every channel that is on, each on its own: a failure is counted and the others still go. A channel found
    unavailable is not tried again in the same report."""
    if settings.desktop and DESKTOP not in report._off:
        _try(report, DESKTOP, lambda: desktop(t("remind.title", lang), text, critical=critical), lang)
    if settings.command_enabled and settings.command.strip():
        _try(report, COMMAND, lambda: run_command(settings.command, {**values, "message": text}, lang), lang)
    if stdout:
        report.lines.append(f"{stamp:%Y-%m-%d %H:%M} {text}" if stamp else text)


def _try(report: Report, channel: str, send, lang: str) -> None:
    try:
        send()
    except Unavailable as why:
        report._off[channel] = why.key
        return
    except InputError as err:  # a command template that cannot be filled (hand-edited file)
        report._count(channel, err.sentence(lang, "command"))
        return
    except (ChannelError, OSError, subprocess.SubprocessError, ValueError) as err:
        report._count(channel, visible(str(err)))
        return
    report._count(channel, None)


def _bus_reachable(address: str) -> bool:
    """A unix socket address must exist; other kinds of address are taken as reachable."""
    for part in address.split(";"):
        kind, _, rest = part.partition(":")
        params = dict(p.partition("=")[::2] for p in rest.split(","))
        if kind == "unix" and "path" in params:
            if Path(params["path"]).exists():
                return True
        elif kind:
            return True
    return False


def desktop(title: str, body: str, critical: bool) -> None:
    """notify-send, when it exists and a session bus is reachable (else Unavailable). Its options come first and
    `--` ends them, so no text can become an option."""
    address = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    if not address:
        raise Unavailable("remind.no_bus")
    command = shutil.which("notify-send")
    if command is None:
        raise Unavailable("remind.no_notify_send")
    if not _bus_reachable(address):
        raise Unavailable("remind.bus_unreachable")
    urgency = "critical" if critical else "normal"
    _run([command, "-u", urgency, "-a", "jiebei-tui", "--", visible(title), visible(body)], NOTIFY_TIMEOUT)


def run_command(template: str, values: dict[str, str], lang: str = "en") -> None:
    """The borrower's own command: checked as `remind set` checks it, split like a shell would, placeholders
    filled per argument, run without a shell (a loan name cannot inject anything), in its own process group,
    which is killed whole if it outlives the timeout."""
    from jiebei_tui.domain.reminder_settings import parse_command

    parse_command(template)  # raises InputError: the channel fails alone
    argv = [part.format(**values) for part in shlex.split(template)]
    _run(argv, COMMAND_TIMEOUT, lang)


def _run(argv: list[str], timeout: float, lang: str = "en") -> None:
    """Run a program in a new session (its own process group); on timeout the whole group is killed. Its errors
    go to a temporary file, not a pipe: a background child holding a pipe open cannot make us wait."""
    with tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                    start_new_session=True)
        except FileNotFoundError:
            raise ChannelError(t("remind.not_found", lang, program=visible(argv[0]))) from None
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait()
            raise ChannelError(t("remind.timed_out", lang, program=visible(argv[0]), seconds=timeout)) from None
        if code:
            errors.seek(0)
            said = errors.read()[-2000:].decode(errors="replace").strip().splitlines()
            detail = visible(said[-1][:200]) if said else ""
            raise ChannelError(t("remind.exited", lang, program=visible(argv[0]), code=code, detail=detail).rstrip())


# --- the run ---


def run(store, today: dt.date, now: dt.datetime | None = None, lang: str = "en", stdout: bool = True,
        *, owner=None, seen=None) -> tuple[Claim, Report]:
    """Claim what is due (one locked transaction), deliver it, mark it sent (a second one). When nothing is due,
    nothing is written; with no ledger file yet (the demo at a first look) there is nothing to remind of. Safe from a worker thread (see the module's note). `owner` is for tests: by default this
    process. `seen(ledger, states)`, when given, is called with the ledger the claim read and its loans' states
at today (so a caller need not read and validate the file a second time). Raises what the store raises
(LedgerFileError) and InputError for a bad saved time zone."""
    from jiebei_tui.domain.contacts import promises_to_remind
    from jiebei_tui.domain.ledger import change_reminders
    from jiebei_tui.domain.replay import all_states

    if not store.exists():
        return Claim([], 0), Report()  # a ledger never saved (the demo at a first look): nothing is due, nothing written
    me = owner if owner is not None else current_owner()
    token = secrets.token_hex(8)

    def take(ledger):
        def change(settings, _loans):
            tz = saved_zone(settings.timezone)
            moment = now or dt.datetime.now(tz)
            states = all_states(ledger, today)
            if seen is not None:
                seen(ledger, states)
            claimed, updated = claim(states, settings, ledger.terms, tz, moment, me, token, owner_alive,
                                     promises_to_remind(ledger, today))
            return updated, (claimed, settings)

        return change_reminders(ledger, change)

    claimed, settings = store.transact(take, bookkeeping=True)
    report = Report()
    try:
        for o in claimed.deliver:
            deliver(o, settings, lang, report, stdout)
    except BaseException:
        if claimed.token is not None:  # give the claim up: the next run delivers what this one could not
            _release(store, claimed.token, delivered=False)
        raise
    if claimed.token is not None:
        _release(store, claimed.token, delivered=True)
    if claimed.missed:
        report.lines.append(missed_line(claimed, lang))
    return claimed, report.finish(lang)


def _release(store, token: str, delivered: bool) -> None:
    from jiebei_tui.domain.ledger import change_reminders

    store.transact(lambda ledger: change_reminders(ledger, lambda s, _loans: (release(s, token, delivered), None)),
                   bookkeeping=True)


def send_test(settings, lang: str, today: dt.date, stdout: bool = True) -> Report:
    """A test reminder through every channel that is on. The report's `ran` names the channels that really
    delivered it (not one that is unavailable here or failed)."""
    report = Report()
    values = {"loan": "test", "amount": "0.00", "due_date": today.isoformat(), "days_overdue": "0"}
    deliver_text(t("remind.test", lang), settings, lang, report, values, stdout=stdout)
    return report.finish(lang)


def coming(ledger, today: dt.date, now: dt.datetime, days: int, states=None, limit: int | None = None) -> list[Occurrence]:
    """The reminders of the next `days` days not yet sent, in order, as delivery will say them (as_delivered: one
    per loan about paying now, at what clears it on that day): all of them, or the first `limit` (looked for a
    week ahead first, then further: a preview of ten need not work out two months of them). `states`: the loans'
    states at today, when the caller has them."""
    from jiebei_tui.domain.contacts import promises_to_remind
    from jiebei_tui.domain.replay import all_states

    states = all_states(ledger, today) if states is None else states
    state_on = _states_on(ledger, today, states)
    promised = promises_to_remind(ledger, today) if ledger.contacts else []
    settings = ledger.settings.reminders
    tz = saved_zone(settings.timezone)
    span = days if limit is None else min(7, days)
    claimed = {oid for c in settings.in_flight for oid in c.occurrences}
    while True:
        found = occurrences(states, settings, ledger.terms, tz, now, now + dt.timedelta(days=span), promised)
        found = as_delivered([o for o in found if not done(o, settings) and o.id not in claimed], state_on)
        if limit is None:
            return found
        if len(found) >= limit or span >= days:
            return found[:limit]
        span = min(span * 4, days)


def _states_on(ledger, today: dt.date, states):
    """state_on(loan id, day): a loan's state on a day from today on, no payment assumed after today (today's
    from `states`; a later day's replayed once per loan and advanced, each day worked out once)."""
    from jiebei_tui.domain.ledger import terms_for
    from jiebei_tui.domain.replay import LoanReplay

    at_today = {s.record.id: s for s in states}
    replays: dict[str, list] = {}  # loan id → [replay, the day it is advanced to]
    found: dict[tuple[str, dt.date], object] = {}
    events = None

    def state_on(loan_id: str, day: dt.date):
        nonlocal events
        if day <= today or loan_id not in at_today:
            return at_today.get(loan_id)
        key = (loan_id, day)
        if key not in found:
            held = replays.get(loan_id)
            if held is None or held[1] > day:  # time only moves forward in a replay
                if events is None:
                    events = ledger.payments_by_loan()
                record = at_today[loan_id].record
                held = replays[loan_id] = [LoanReplay.run(record.loan, terms_for(record, ledger.terms),
                                                          events.get(loan_id, ()), today, record=record), today]
            found[key] = held[0].state(day)
            held[1] = day
        return found[key]

    return state_on
