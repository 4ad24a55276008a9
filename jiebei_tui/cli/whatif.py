"""`whatif repayment-day` (what moving a loan's repayment day would do), `months` (the months ahead) and
`payday` (the payday setting the months ahead flag instalments against). Only `payday N|off` writes."""

from __future__ import annotations

from jiebei_tui.cli import plan_output
from jiebei_tui.cli.context import EXIT_OK, Context, command
from jiebei_tui.text.i18n import t


def add_parsers(sub) -> None:
    group = sub.add_parser("whatif", help="what a change the lender would make does, before you ask")
    actions = group.add_subparsers(dest="whatif_command", metavar="ACTION", required=True)
    p = command(actions, "repayment-day", cmd_repayment_day,
                "moving a loan's repayment day: the new due dates and what the move costs or saves")
    p.add_argument("--loan", required=True, metavar="ID")
    p.add_argument("--day", required=True, metavar="N", help="the new repayment day, 1..28")
    p.add_argument("--on", metavar="DATE", help="the day the move is made (default today)")
    p = command(sub, "months", cmd_months, "each month's outgo across every loan, with the instalments behind it")
    p.add_argument("--count", metavar="N", default="12", help="how many months, 1..120 (default 12)")
    p.add_argument("--payday", metavar="DAY|off", help="flag against this payday for this view only (default: the setting)")
    p = command(sub, "payday", cmd_payday, "show or set your payday (a day of the month, or off)")
    p.add_argument("payday", nargs="?", metavar="DAY|off", help="1..31 (the month's last day when shorter) or off")


def cmd_repayment_day(ctx: Context) -> int:
    from jiebei_tui.actions import plan

    a = ctx.args
    move = plan.repayment_day(ctx.account, a.loan, a.day, a.on)
    names = {r.id: r.name for r in ctx.account.ledger.loans}
    ctx.out(plan_output.day_move_json(move), lambda: plan_output.day_move_text(move, names, ctx.lang))
    return EXIT_OK


def cmd_months(ctx: Context) -> int:
    from jiebei_tui.actions import plan

    view = plan.months(ctx.account, ctx.args.count, ctx.args.payday)
    ctx.out(plan_output.months_json(view), lambda: plan_output.months_text(view, ctx.lang))
    return EXIT_OK


def cmd_payday(ctx: Context) -> int:
    from jiebei_tui.actions import plan

    lang = ctx.lang
    if ctx.args.payday is None:
        day = ctx.account.ledger.settings.payday if ctx.account.exists() else None
        ctx.out({"payday": day}, t("plan.payday.is", lang, day=day) if day else t("plan.payday.none", lang))
        return EXIT_OK
    done = plan.set_payday(ctx.account, ctx.args.payday)
    shown = t("plan.payday.is", lang, day=done.payday) if done.payday else t("plan.payday.none", lang)
    ctx.out({"payday": done.payday, "changed": done.changed},
            shown + " " + t("plan.payday.saved" if done.changed else "plan.payday.unchanged", lang))
    return EXIT_OK
