"""`plan` (where the next yuan goes; `--apply-first` records its first step) and `goal` (goal seek). Nothing is
written, except `plan --apply-first`."""

from __future__ import annotations

from jiebei_tui.cli import output, plan_output
from jiebei_tui.cli.context import EXIT_OK, Context, command
from jiebei_tui.domain.errors import InputError
from jiebei_tui.text.i18n import t

ORDERS = "highest-cost, smallest-balance or lowest-outgo"


def add_plan_options(p) -> None:
    """The plan's money (shared with `export csv --what plan`)."""
    p.add_argument("--extra", metavar="YUAN", help="an extra amount to place once")
    p.add_argument("--on", metavar="DATE", help="the day of the extra amount (default today)")
    p.add_argument("--monthly", metavar="YUAN", help="an extra amount every month (needs --from)")
    p.add_argument("--from", dest="from", metavar="DATE", help="the first month's day of the monthly extra")
    p.add_argument("--strategy", metavar="STRATEGY",
                   help="what prepayments do: reduce-installment or reduce-term (default: each loan's own)")
    p.add_argument("--roll-over", action="store_true",
                   help="keep paying what doing nothing pays: money a plan frees goes on at once")


def add_parsers(sub) -> None:
    p = command(sub, "plan", cmd_plan,
                "where extra money goes: overdue first, then highest cost, smallest balance or lowest outgo, side by side")
    add_plan_options(p)
    p.add_argument("--order", metavar="ORDER", help=f"the order whose steps are listed and applied: {ORDERS} "
                   "(default: the cheapest)")
    p.add_argument("--apply-first", action="store_true",
                   help="record the order's first step (a payment falling today) in the ledger")
    p = command(sub, "goal", cmd_goal, "the smallest extra payment on a day that meets a goal, for each strategy")
    p.add_argument("--loan", required=True, metavar="ID")
    p.add_argument("--on", metavar="DATE", help="the day of the extra payment (default today)")
    goal = p.add_mutually_exclusive_group(required=True)
    goal.add_argument("--finish-by", metavar="DATE", help="paid off on or before this date")
    goal.add_argument("--max-installment", metavar="YUAN", help="no instalment after the payment above this")
    goal.add_argument("--save", metavar="YUAN", help="save at least this (interest and penalty, less any fee)")
    p.add_argument("--strategy", metavar="STRATEGY", help="only this strategy (default: both)")


def plan_view(ctx: Context):
    from jiebei_tui.actions import plan

    a = ctx.args
    if a.extra is None and a.monthly is None:  # the options to type, not the domain's "no money" (no value typed)
        raise InputError("extra", None, "plan_options_no_money")
    return plan.plan(ctx.account, a.extra, a.on, a.monthly, getattr(a, "from"), a.strategy, a.roll_over,
                     getattr(a, "order", None))


def cmd_plan(ctx: Context) -> int:
    from jiebei_tui.actions import plan

    view = plan_view(ctx)
    applied = None
    footer = plan_output.plan_footer(view, ctx.lang)
    if ctx.args.apply_first:
        from jiebei_tui.actions.facts import Status

        paid = plan.apply_first(ctx.account, view)
        e = paid.event
        applied = {"event": e.id, "loan": output.loan_state_json(paid.state)}
        footer = t("plan.applied", ctx.lang, kind=t(f"kind.{e.kind}", ctx.lang), amount=e.amount, date=e.date,
                   loan=e.loan_id) + "\n\n" + output.status_text(Status(ctx.today, False, (paid.state,)), ctx.lang, False)
    ctx.out(plan_output.plan_json(view, applied), lambda: plan_output.plan_text(view, ctx.lang) + "\n\n" + footer)
    return EXIT_OK


def cmd_goal(ctx: Context) -> int:
    from jiebei_tui.actions import plan

    a = ctx.args
    seek = plan.goal_seek(ctx.account, a.loan, a.on, finish_by=a.finish_by, max_installment=a.max_installment,
                          save=a.save, strategy=a.strategy)
    names = {r.id: r.name for r in ctx.account.ledger.loans}
    ctx.out(plan_output.goal_json(seek, names, ctx.lang), lambda: plan_output.goal_text(seek, names, ctx.lang))
    return EXIT_OK
