"""`scenario add|list|show|compare|apply|remove`: named what-ifs kept in the ledger apart from the real record.
`add`, `apply` and `remove` write (one transaction each); `list`, `show` and `compare` only show."""

from __future__ import annotations

from jiebei_tui.cli import plan_output
from jiebei_tui.cli.context import EXIT_OK, Context, command
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.money import ZERO, money_str, yuan
from jiebei_tui.text.i18n import t
from jiebei_tui.text.plan import counted
from jiebei_tui.text.safe import visible


def add_parsers(sub) -> None:
    group = sub.add_parser("scenario", help="what-ifs kept apart from your record: add, list, show, compare, apply, remove")
    actions = group.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)
    p = command(actions, "add", cmd_add, "a new scenario making one change (or --to: one more change to a scenario)")
    p.add_argument("name", nargs="?", metavar="NAME", help="the new scenario's name")
    p.add_argument("--to", metavar="SCENARIO", help="add the change to this scenario (id or name) instead")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--prepay", dest="kind", action="store_const", const="prepay",
                      help="pay --amount extra on --loan on --on")
    kind.add_argument("--monthly", dest="kind", action="store_const", const="monthly",
                      help="pay --amount extra every month from --on, to --loan or by --order")
    kind.add_argument("--repayment-day", dest="kind", action="store_const", const="repayment_day",
                      help="the lender moves --loan's repayment day to --day from --on")
    kind.add_argument("--settle", dest="kind", action="store_const", const="settle", help="pay off --loan on --on")
    p.add_argument("--loan", metavar="ID")
    p.add_argument("--amount", metavar="YUAN")
    p.add_argument("--on", metavar="DATE", help="the day of the change (default today)")
    p.add_argument("--strategy", metavar="STRATEGY", help="reduce-installment or reduce-term (default: the loan's)")
    p.add_argument("--day", metavar="N", help="the new repayment day, 1..28")
    p.add_argument("--order", metavar="ORDER",
                   help="a monthly extra with no --loan: highest-cost (default), smallest-balance or lowest-outgo")
    command(actions, "list", cmd_list, "the scenarios and their changes")
    p = command(actions, "show", cmd_show, "one scenario played out against things as they stand")
    p.add_argument("scenario", metavar="SCENARIO", help="its id or name")
    p = command(actions, "compare", cmd_compare, "up to four scenarios side by side (default: the first four)")
    p.add_argument("scenario", nargs="*", metavar="SCENARIO", help="ids or names")
    p = command(actions, "apply", cmd_apply,
                "record the payments a scenario stands for today (it keeps what is still to come)")
    p.add_argument("scenario", metavar="SCENARIO", help="its id or name")
    p = command(actions, "remove", cmd_remove, "remove a scenario (your loans and payments stay as they are)")
    p.add_argument("scenario", metavar="SCENARIO", help="its id or name")


def cmd_add(ctx: Context) -> int:
    from jiebei_tui.actions import scenarios

    a = ctx.args
    if (a.name is None) == (a.to is None):
        raise InputError("name" if a.name is None else "to", a.to, "scenario_one_of")
    change = scenarios.make_change(ctx.account, a.kind, on=a.on, loan=a.loan, amount=a.amount, strategy=a.strategy,
                                   day=a.day, order=a.order)
    if a.to is None:
        done = scenarios.add(ctx.account, a.name, change)
        text = t("plan.scenario.added", ctx.lang, id=done.id, name=visible(done.name))
    else:
        done = scenarios.extend(ctx.account, a.to, change)
        text = t("plan.scenario.extended", ctx.lang, id=done.id, name=visible(done.name), n=len(done.changes))
    ctx.out(plan_output.scenario_json(done), text)
    return EXIT_OK


def cmd_list(ctx: Context) -> int:
    from jiebei_tui.actions import scenarios

    found = scenarios.scenarios(ctx.account)
    ctx.out({"scenarios": [plan_output.scenario_json(s) for s in found]}, lambda: plan_output.scenarios_text(found, ctx.lang))
    return EXIT_OK


def cmd_show(ctx: Context) -> int:
    from jiebei_tui.actions import scenarios

    shown = scenarios.show(ctx.account, ctx.args.scenario)
    ctx.out(plan_output.shown_json(shown, ctx.lang), lambda: plan_output.shown_text(shown, ctx.lang))
    return EXIT_OK


def cmd_compare(ctx: Context) -> int:
    from jiebei_tui.actions import scenarios

    found = scenarios.compare(ctx.account, ctx.args.scenario)
    ctx.out(plan_output.compared_json(found, ctx.lang), lambda: plan_output.compared_text(found, ctx.lang))
    return EXIT_OK


def cmd_apply(ctx: Context) -> int:
    from jiebei_tui.actions import scenarios

    done = scenarios.apply(ctx.account, ctx.args.scenario)
    s = done.scenario
    total = sum((e.amount for e in done.events), ZERO)
    lines = [counted("plan.scenario.applied", len(done.events), ctx.lang, id=s.id, name=visible(s.name), amount=total)]
    lines += [f"  {e.id}  {e.date.isoformat()}  {e.loan_id}  {yuan(e.amount)}  {t(f'kind.{e.kind}', ctx.lang)}"
              for e in done.events]
    lines.append(t("plan.scenario.kept" if done.kept else "plan.scenario.gone", ctx.lang))
    data = {"scenario": s.id, "events": [e.id for e in done.events], "amount": money_str(total),
            "kept": done.kept}
    ctx.out(data, "\n".join(lines))
    return EXIT_OK


def cmd_remove(ctx: Context) -> int:
    from jiebei_tui.actions import scenarios

    done = scenarios.remove(ctx.account, ctx.args.scenario)
    ctx.out({"removed": done.id}, t("plan.scenario.removed", ctx.lang, id=done.id, name=visible(done.name)))
    return EXIT_OK

