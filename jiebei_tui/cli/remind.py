"""`jiebei-tui remind …` and `jiebei-tui export-ics`: reminders from the command line (see reminding.py)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from jiebei_tui.domain.money import money_str
from jiebei_tui.text.i18n import t
from jiebei_tui.text.width import table

UNIT = "jiebei-tui-remind"


def add_parsers(sub) -> None:
    remind = sub.add_parser("remind", help="your own reminder times: run, list, rules, install a timer")
    actions = remind.add_subparsers(dest="remind_command", metavar="ACTION", required=True)
    p = actions.add_parser("run", help="deliver every reminder whose time has come (each exactly once)")
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
    p.add_argument("--loans", default="all", metavar="all|ID,ID")
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
    p.add_argument("--command", metavar="TEMPLATE", help="e.g. 'mail -s {loan} me@example.com' ({amount} {due_date} {days_overdue} {message})")
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
    p.add_argument("--out", metavar="FILE", help="default: standard output")


def _now(ctx, ledger) -> dt.datetime:
    from jiebei_tui.delivery.reminders import parse_now, zone

    return parse_now(getattr(ctx.args, "now", None), zone(ledger.settings.reminders.timezone))


def _day(ctx, now: dt.datetime) -> dt.date:
    """With --now and no --today, the day is --now's."""
    return ctx.today if (ctx.args.today or os.environ.get("JIEBEI_TUI_TODAY") or not ctx.args.now) else now.date()


def cmd_run(ctx) -> int:
    from jiebei_tui.delivery import reminders as reminding

    # the zone for --now comes from a quick read: the ledger is validated once, inside the run's transaction
    now = reminding.parse_now(getattr(ctx.args, "now", None), reminding.zone(ctx.store.peek_reminder_zone()))
    _claimed, report = reminding.run(ctx.store, _day(ctx, now), now, ctx.lang)
    for line in report.lines:
        print(line)
    for failure in report.failures:
        print(failure, file=sys.stderr)
    return 0


def cmd_list(ctx) -> int:
    from jiebei_tui.domain.terms import parse_in_range
    from jiebei_tui.text.reminders import message
    from jiebei_tui.delivery.reminders import coming

    days = parse_in_range(ctx.args.days, "days", "days", 1, 366, max=366)
    ledger = ctx.ledger()
    now = _now(ctx, ledger)
    found = [(o, message(o, ctx.lang)) for o in coming(ledger, _day(ctx, now), now, days)]
    data = [
        {
            "id": o.id, "rule": o.rule_id, "fire_at": o.fire_at.isoformat(), "loan": o.loan_id, "installment": o.installment,
            "due_date": o.due_date.isoformat(), "amount": money_str(o.amount), "days_overdue": o.days_overdue,
            "message": text,
        }
        for o, text in found
    ]

    def readable() -> str:
        if not found:
            return t("remind.none_coming", ctx.lang, days=days)
        head = [t("col.when_fires", ctx.lang), t("col.rule", ctx.lang), t("col.message", ctx.lang)]
        return table(head, [[f"{o.fire_at:%Y-%m-%d %H:%M}", o.rule_id, text] for o, text in found])

    ctx.out(data, readable)
    return 0


def rules_json(settings) -> dict:
    return {
        "rules": [r.model_dump() for r in settings.rules],
        "quiet_hours": f"{settings.quiet_start}-{settings.quiet_end}" if settings.quiet_hours else "off",
        "timezone": settings.timezone or "local",
        "desktop": settings.desktop,
        "command": settings.command,
        "command_enabled": settings.command_enabled,
        "catch_up_days": settings.catch_up_days,
    }


def rules_text(settings, lang: str) -> str:
    from jiebei_tui.text.reminders import offset_label

    head = [t(f"col.{c}", lang) for c in ("rule", "offset", "time", "loans", "repeat", "enabled")]
    rows = [
        [r.id, offset_label(r.offset_days, lang), r.time, ",".join(r.loans) if r.loans else t("word.all", lang),
         t("word.daily", lang) if r.repeat_daily else "", t("word.on" if r.enabled else "word.off", lang)]
        for r in settings.rules
    ]
    data = rules_json(settings)
    extra = [f"quiet hours: {data['quiet_hours']} · timezone: {data['timezone']} · desktop: "
             f"{'on' if settings.desktop else 'off'} · command: {'on' if settings.command_enabled else 'off'} "
             f"{settings.command!r} · catch-up: {settings.catch_up_days} days"]
    return table(head, rows) + "\n\n" + "\n".join(extra)


def _change_reminders(ctx, change):
    """Apply change(reminder settings, loan ids) -> (new settings, result) in one transaction."""
    from jiebei_tui.domain.ledger import change_reminders

    return ctx.store.transact(lambda ledger: change_reminders(ledger, change))


def cmd_rules(ctx) -> int:
    settings = ctx.ledger().settings.reminders
    ctx.out(rules_json(settings), rules_text(settings, ctx.lang))
    return 0


def cmd_add(ctx) -> int:
    from jiebei_tui.domain.reminder_settings import add_rule

    a = ctx.args
    rule_id = _change_reminders(ctx, lambda s, known: add_rule(s, a.offset, a.time, a.loans, a.repeat, known))
    print(t("remind.rule_added", ctx.lang, id=rule_id))
    return 0


def cmd_remove(ctx) -> int:
    from jiebei_tui.domain.reminder_settings import remove_rule

    _change_reminders(ctx, lambda s, known: (remove_rule(s, ctx.args.id), None))
    print(t("remind.rule_removed", ctx.lang, id=ctx.args.id))
    return 0


def _enable(ctx, on: bool) -> int:
    from jiebei_tui.domain.reminder_settings import set_rule_enabled

    _change_reminders(ctx, lambda s, known: (set_rule_enabled(s, ctx.args.id, on), None))
    print(t("remind.rule_changed", ctx.lang, id=ctx.args.id, state=t("remind.enabled" if on else "remind.disabled", ctx.lang)))
    return 0


def cmd_enable(ctx) -> int:
    return _enable(ctx, True)


def cmd_disable(ctx) -> int:
    return _enable(ctx, False)


def cmd_set(ctx) -> int:
    from jiebei_tui.domain.reminder_settings import parse_on_off, parse_quiet
    from jiebei_tui.domain.terms import parse_in_range
    from jiebei_tui.delivery.reminders import zone

    a = ctx.args
    update: dict = {}
    if a.quiet is not None:
        on, start, end = parse_quiet(a.quiet)
        update["quiet_hours"] = on
        if on:
            update.update(quiet_start=start, quiet_end=end)
    if a.timezone is not None:
        name = None if a.timezone == "local" else a.timezone
        zone(name)  # refuses an unknown zone
        update["timezone"] = name
    if a.desktop is not None:
        update["desktop"] = parse_on_off(a.desktop, "desktop")
    if a.command is not None:
        update["command"] = a.command
    if a.command_enabled is not None:
        update["command_enabled"] = parse_on_off(a.command_enabled, "command_enabled")
    if a.catch_up_days is not None:
        update["catch_up_days"] = parse_in_range(a.catch_up_days, "catch_up_days", "catch_up", 0, 30)
    settings = _change_reminders(ctx, lambda s, known: (s.model_copy(update=update),) * 2)
    ctx.out(rules_json(settings), t("remind.settings_saved", ctx.lang) + "\n" + rules_text(settings, ctx.lang))
    return 0


def cmd_test(ctx) -> int:
    from jiebei_tui.delivery.reminders import Report, deliver_text

    settings = ctx.ledger().settings.reminders
    report = Report()
    deliver_text(t("remind.test", ctx.lang), settings, ctx.lang, report, values={"loan": "test", "amount": "0.00",
                 "due_date": ctx.today.isoformat(), "days_overdue": "0"})
    for line in report.lines:
        print(line)
    for failure in report.failures:
        print(failure, file=sys.stderr)
    return 0


def _units() -> tuple[Path, Path]:
    home = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    folder = home / "systemd" / "user"
    return folder / f"{UNIT}.service", folder / f"{UNIT}.timer"


def _command(ctx) -> str:
    parts = [sys.executable, "-m", "jiebei_tui", "--data-dir", str(ctx.store.data_dir.resolve()), "remind", "run"]
    return " ".join(f'"{p}"' if " " in p else p for p in parts)


def cmd_install(ctx) -> int:
    if ctx.args.cron:
        bus = f"unix:path=/run/user/{os.getuid()}/bus"
        print(t("remind.cron", ctx.lang))
        print(f"*/15 * * * * DBUS_SESSION_BUS_ADDRESS={bus} {_command(ctx)}")
        return 0
    service, timer = _units()
    service.parent.mkdir(parents=True, exist_ok=True)
    service.write_text(
        "[Unit]\nDescription=jiebei-tui: deliver due loan reminders\n\n"
        f"[Service]\nType=oneshot\nExecStart={_command(ctx)}\n"
    )
    timer.write_text(
        "[Unit]\nDescription=jiebei-tui: loan reminders every 15 minutes\n\n"
        "[Timer]\nOnCalendar=*:0/15\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n"
    )
    print(t("remind.installed", ctx.lang, service=service, timer=timer, unit=f"{UNIT}.timer"))
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
    from jiebei_tui.delivery import ics
    from jiebei_tui.domain.replay import all_states
    from jiebei_tui.delivery.reminders import zone

    from jiebei_tui.domain.ledger import change_reminders

    def export(ledger):
        def build(settings, _loans):
            tz = zone(settings.timezone)
            data, versions, count = ics.build(all_states(ledger, ctx.today), settings, tz, ctx.lang, dt.datetime.now(tz))
            return settings.model_copy(update={"ics_versions": versions}), (data, count)

        return change_reminders(ledger, build)

    data, count = ctx.store.transact(export)  # the sequence numbers are remembered for the next export
    if ctx.args.out:
        Path(ctx.args.out).write_bytes(data)
        print(t("remind.exported", ctx.lang, n=count, path=ctx.args.out))
    else:
        sys.stdout.write(data.decode())
    return 0

