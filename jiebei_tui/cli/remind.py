"""`jiebei-tui remind …` and `jiebei-tui export-ics`: reminders from the command line (see delivery/reminders.py).

Exit codes beyond the usual (0, 2 bad input, 3 the data file): `remind run` and `remind test` exit 1 when an
enabled channel ran and failed or timed out (one line per failed channel on standard error), so a systemd unit
shows as failed. A channel that cannot run on this machine is reported as unavailable and is not a failure.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import sys
from pathlib import Path

from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import money_str
from jiebei_tui.text.i18n import sentences, t
from jiebei_tui.text.safe import visible
from jiebei_tui.text.width import table

UNIT = "jiebei-tui-remind"
EXIT_CHANNEL_FAILED = 1


def add_parsers(sub) -> None:
    remind = sub.add_parser("remind", help="your own reminder times: run, list, rules, install a timer")
    actions = remind.add_subparsers(dest="remind_command", metavar="ACTION", required=True)
    p = actions.add_parser("run", help="deliver every reminder whose time has come (at least once, never lost; exit 1 if a channel failed)")
    p.set_defaults(handler=cmd_run)
    p.add_argument("--now", metavar="YYYY-MM-DDTHH:MM", help="pretend it is this time (local to the reminder zone)")
    p = actions.add_parser("list", help="the coming reminders, in order")
    p.set_defaults(handler=cmd_list)
    p.add_argument("--days", default="14", metavar="N")
    p.add_argument("--now", metavar="YYYY-MM-DDTHH:MM")
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("rules", help="the reminder rules and settings")
    p.set_defaults(handler=cmd_rules)
    p.add_argument("--json", action="store_true")
    p = actions.add_parser("add", help="add a rule: --offset -3 --time 09:00 [--loans L1,L2] [--repeat]")
    p.set_defaults(handler=cmd_add)
    p.add_argument("--offset", required=True, metavar="DAYS", help="days from the due date, -30..30 (0: the due day)")
    p.add_argument("--time", required=True, metavar="HH:MM")
    p.add_argument("--loans", default="all", metavar="all|ID,ID", help="every loan (all, or 全部) or loan ids")
    p.add_argument("--repeat", action="store_true", help="after the due date: every day while unpaid")
    for name, handler, text in (("remove", cmd_remove, "remove a rule"), ("enable", cmd_enable, "turn a rule on"),
                                ("disable", cmd_disable, "turn a rule off")):
        p = actions.add_parser(name, help=text)
        p.set_defaults(handler=handler)
        p.add_argument("id", metavar="RULE")
    p = actions.add_parser("set", help="quiet hours, time zone, channels, catch-up window")
    p.set_defaults(handler=cmd_set)
    p.add_argument("--quiet", metavar="HH:MM-HH:MM|off")
    p.add_argument("--timezone", metavar="NAME|local", help="e.g. Asia/Shanghai; local: the system's zone")
    p.add_argument("--desktop", metavar="on|off")
    p.add_argument("--command", metavar="TEMPLATE",
                   help="e.g. 'mail -s {loan} me@example.com' ({amount} {due_date} {days_overdue} {message}); '' for none")
    p.add_argument("--command-enabled", metavar="on|off")
    p.add_argument("--catch-up-days", metavar="N")
    p = actions.add_parser("test", help="send a test reminder through every channel that is on")
    p.set_defaults(handler=cmd_test)
    p = actions.add_parser("install", help="a systemd user timer (every 15 minutes, catching up after sleep)")
    p.set_defaults(handler=cmd_install)
    p.add_argument("--cron", action="store_true", help="print a crontab line instead")
    p = actions.add_parser("uninstall", help="remove what install wrote")
    p.set_defaults(handler=cmd_uninstall)
    p = sub.add_parser("export-ics", help="an iCalendar file of your unpaid instalments, with alarms")
    p.set_defaults(handler=cmd_export_ics)
    p.add_argument("--out", metavar="FILE", help="default (or -): standard output")


def _now(ctx) -> dt.datetime:
    """--now, else the clock in the reminders' zone; on a fixed day (--today), that day at the clock's time of day,
    as the app's reminders take it (the README: --today fixes the date for the whole program)."""
    from jiebei_tui.actions.reminders import now_in_zone, on_day

    given = getattr(ctx.args, "now", None)
    now = now_in_zone(ctx.account, given)
    return on_day(now, ctx.today) if _fixed(ctx) and not given else now


def _fixed(ctx) -> bool:
    return bool(ctx.args.today or os.environ.get("JIEBEI_TUI_TODAY"))


def _day(ctx, now: dt.datetime) -> dt.date:
    """With --now and no --today, the day is --now's."""
    return ctx.today if (_fixed(ctx) or not ctx.args.now) else now.date()


def _report(report) -> int:
    """Print what a run or a test said; exit 1 when an enabled channel ran and failed."""
    for line in report.lines:
        print(line)
    for line in report.unavailable + report.failures:
        print(line, file=sys.stderr)
    return EXIT_CHANNEL_FAILED if report.failed else 0


def cmd_run(ctx) -> int:
    from jiebei_tui.actions import reminders

    # the zone for --now comes from a quick read: the ledger is validated once, inside the run's transaction
    now = _now(ctx)
    ctx.account.today = _day(ctx, now)
    ran = reminders.run(ctx.account, now, ctx.lang)
    from jiebei_tui.cli.output import debit_question_text

    for question in ran.debits:
        ran.report.lines.append(debit_question_text(question, ctx.lang))
    return _report(ran.report)


def cmd_list(ctx) -> int:
    from jiebei_tui.actions import reminders
    from jiebei_tui.domain.terms import parse_in_range
    from jiebei_tui.text.reminders import counted, message, moved_marks

    days = parse_in_range(ctx.args.days, "days", "days", 1, 366, max=366)
    now = _now(ctx)
    ctx.account.today = _day(ctx, now)
    found = [(o, message(o, ctx.lang)) for o in reminders.coming(ctx.account, days, now)]
    data = [
        {
            "id": o.id, "rule": o.rule_id, "fire_at": o.fire_at.isoformat(), "rule_at": o.rule_at.isoformat(),
            "quiet_hours": o.moved, "loan": o.loan_id, "installment": o.installment,
            "due_date": o.due_date.isoformat(), "amount": money_str(o.amount), "days_overdue": o.days_overdue,
            "message": text,
        }
        for o, text in found
    ]

    def readable() -> str:
        if not found:
            return counted("remind.none_coming", days, ctx.lang, days=days)
        head = [t("col.when_fires", ctx.lang), t("col.rule", ctx.lang), t("col.message", ctx.lang)]
        marks, notes = moved_marks([o for o, _ in found], ctx.lang)
        rows = [[f"{o.fire_at:%Y-%m-%d %H:%M}{mark}", o.rule_id, text] for (o, text), mark in zip(found, marks)]
        return "\n\n".join(filter(None, [table(head, rows), "\n".join(notes)]))

    ctx.out(data, readable)
    return 0


def rules_json(settings) -> dict:
    from jiebei_tui.actions.reminders import placements

    where = placements(settings)

    def rule(r) -> dict:
        return {**r.model_dump(), "fires_at": f"{where[r.id].at:%H:%M}", "quiet_hours": where[r.id].moved}

    return {
        "rules": [rule(r) for r in settings.rules],
        "quiet_hours": f"{settings.quiet_start}-{settings.quiet_end}" if settings.quiet_hours else "off",
        "timezone": settings.timezone or "local",
        "desktop": settings.desktop,
        "command": settings.command,
        "command_enabled": settings.command_enabled,
        "catch_up_days": settings.catch_up_days,
    }


def rules_text(settings, lang: str) -> str:
    from jiebei_tui.text.reminders import offset_label, rule_time_marked

    head = [t(f"col.{c}", lang) for c in ("rule", "offset", "time", "loans", "repeat", "enabled")]
    times = {r.id: rule_time_marked(r, settings, lang) for r in settings.rules}  # "08:00*", the note under it
    rows = [
        [r.id, offset_label(r.offset_days, lang), times[r.id][0],
         ",".join(r.loans) if r.loans else t("word.all", lang),
         t("word.daily", lang) if r.repeat_daily else "", t("word.on" if r.enabled else "word.off", lang)]
        for r in settings.rules
    ]
    data = rules_json(settings)
    extra = [f"quiet hours: {data['quiet_hours']} · timezone: {visible(data['timezone'])} · desktop: "
             f"{'on' if settings.desktop else 'off'} · command: {'on' if settings.command_enabled else 'off'} "
             f"{visible(repr(settings.command))} · catch-up: {settings.catch_up_days} days"]
    notes = [note for _, note in times.values() if note]
    return "\n\n".join(filter(None, [table(head, rows), "\n".join(notes), "\n".join(extra)]))


def cmd_rules(ctx) -> int:
    from jiebei_tui.actions import reminders

    settings = reminders.settings(ctx.account)
    ctx.out(rules_json(settings), lambda: rules_text(settings, ctx.lang))
    return 0


def cmd_add(ctx) -> int:
    from jiebei_tui.actions import reminders
    from jiebei_tui.text.reminders import shift_said

    a = ctx.args
    saved = reminders.add_rule(ctx.account, a.offset, a.time, a.loans, a.repeat)
    said = [t("remind.rule_added", ctx.lang, id=saved.rule_id), shift_said(saved.settings, saved.rule_id, ctx.lang)]
    print(sentences(said, ctx.lang))
    return 0


def cmd_remove(ctx) -> int:
    from jiebei_tui.actions import reminders

    reminders.remove_rule(ctx.account, ctx.args.id)
    print(t("remind.rule_removed", ctx.lang, id=ctx.args.id))
    return 0


def _enable(ctx, on: bool) -> int:
    from jiebei_tui.actions import reminders

    reminders.set_rule_enabled(ctx.account, ctx.args.id, on)
    print(t("remind.rule_changed", ctx.lang, id=ctx.args.id, state=t("remind.enabled" if on else "remind.disabled", ctx.lang)))
    return 0


def cmd_enable(ctx) -> int:
    return _enable(ctx, True)


def cmd_disable(ctx) -> int:
    return _enable(ctx, False)


def cmd_set(ctx) -> int:
    from jiebei_tui.actions import reminders

    a = ctx.args
    saved = reminders.change_settings(
        ctx.account, quiet=a.quiet, timezone=a.timezone, desktop=a.desktop, command=a.command,
        command_enabled=a.command_enabled, catch_up_days=a.catch_up_days,
    )
    settings = saved.settings
    from jiebei_tui.text.reminders import quiet_by_day

    said = "\n".join(filter(None, [t("remind.settings_saved", ctx.lang), quiet_by_day(settings, ctx.lang)]))
    ctx.out(rules_json(settings), lambda: said + "\n" + rules_text(settings, ctx.lang))
    return 0


def cmd_test(ctx) -> int:
    from jiebei_tui.actions import reminders

    report = reminders.send_test(ctx.account, ctx.lang)
    channels = [t("remind.channel_terminal", ctx.lang), *report.ran]
    report.lines.append(t("reminders.test_sent", ctx.lang, channels=", ".join(channels)))
    return _report(report)


def _units() -> tuple[Path, Path]:
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    folder = home / "systemd" / "user"
    return folder / f"{UNIT}.service", folder / f"{UNIT}.timer"


SYSTEMD_PLAIN = re.compile(r"^[A-Za-z0-9_@+=:,./-]+$")


def _argv(ctx) -> list[str]:
    """What the timer runs. A path with a line break or another control character is refused: no escaping
    carries it safely through a unit file and a crontab line."""
    folder = str(ctx.account.data_dir.resolve())
    for part in (folder, sys.executable):
        if any(ord(ch) < 32 or ord(ch) == 127 or ch in "\u2028\u2029\x85" for ch in part):
            raise InputError("data_dir", visible(part), "path_control")
    return [sys.executable, "-m", "jiebei_tui", "--data-dir", folder, "remind", "run"]


def systemd_word(word: str) -> str:
    """One argument of ExecStart=, by systemd's rules: `%` is a specifier (%% for itself), `$` a variable ($$
    for itself), and a word with spaces, quotes or backslashes goes in double quotes with `\\` and `\\"`."""
    escaped = word.replace("%", "%%").replace("$", "$$")
    if SYSTEMD_PLAIN.match(word):
        return escaped
    return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'


def cron_word(word: str) -> str:
    """One word of a crontab command, by cron's rules and then the shell's: cron turns an unescaped `%` into a
    line break (so `\\%`, outside the shell's quotes, where cron removes the backslash), then /bin/sh reads the
    rest (quoted with shlex)."""
    return "\\%".join(shlex.quote(piece) if piece else "" for piece in word.split("%")) or "''"


def cmd_install(ctx) -> int:
    argv = _argv(ctx)
    if ctx.args.cron:
        bus = f"unix:path=/run/user/{os.getuid()}/bus"
        print(t("remind.cron", ctx.lang))
        print(f"*/15 * * * * DBUS_SESSION_BUS_ADDRESS={bus} {' '.join(cron_word(w) for w in argv)}")
        return 0
    service, timer = _units()
    service.parent.mkdir(parents=True, exist_ok=True)
    service.write_text(
        "[Unit]\nDescription=jiebei-tui: deliver due loan reminders\n\n"
        f"[Service]\nType=oneshot\nExecStart={' '.join(systemd_word(w) for w in argv)}\n"
    )
    timer.write_text(
        "[Unit]\nDescription=jiebei-tui: loan reminders every 15 minutes\n\n"
        "[Timer]\nOnCalendar=*:0/15\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
    )
    print(t("remind.installed", ctx.lang, service=visible(str(service)), timer=visible(str(timer)), unit=f"{UNIT}.timer"))
    return 0


def cmd_uninstall(ctx) -> int:
    removed = [p for p in _units() if p.exists()]
    for path in removed:
        path.unlink()
    if removed:
        print(t("remind.uninstalled", ctx.lang, files=", ".join(str(p) for p in removed)))
    else:
        print(t("remind.nothing_installed", ctx.lang))
    return 0


def cmd_export_ics(ctx) -> int:
    """The calendar, read from the ledger as it is: nothing is written to it (SEQUENCE is its revision)."""
    from jiebei_tui.actions.export import export_ics
    from jiebei_tui.text.reminders import counted

    from jiebei_tui.cli.door import file_or_stdout

    done = export_ics(ctx.account, ctx.lang, file_or_stdout(ctx.args.out))
    if done.path is not None:
        print(counted("remind.exported", done.events, ctx.lang, path=visible(str(done.path))))
    else:
        sys.stdout.write(done.data.decode())
    return 0
