"""`schedule`, `settle`, `prepay`, `overdue`: what a loan's figures are and what paying more, or late, would do.
Nothing is written, except `settle --apply` and `prepay --apply` (a loan from the ledger only)."""

from __future__ import annotations

from jiebei_tui.cli import output
from jiebei_tui.cli.context import EXIT_OK, Context, add_loan_options, command, inline_loan, ledger_loan_id
from jiebei_tui.domain.errors import InputError
from jiebei_tui.text.i18n import t


def add_parsers(sub) -> None:
    from jiebei_tui.actions.overdue import MAX_DAYS

    p = command(sub, "schedule", cmd_schedule, "the instalment schedule, total interest and annualised rates")
    add_loan_options(p)
    p = command(sub, "settle", cmd_settle, "what settling everything early on a date costs and saves")
    add_loan_options(p)
    p.add_argument("--on", metavar="DATE", help="the settlement date (default today)")
    p.add_argument("--apply", action="store_true", help="record it in the ledger (needs --loan)")
    p = command(sub, "prepay", cmd_prepay, "simulate prepaying part of the principal on a date")
    add_loan_options(p)
    p.add_argument("--on", metavar="DATE", help="the day of the prepayment (default today)")
    p.add_argument("--amount", required=True, metavar="YUAN")
    p.add_argument("--strategy", metavar="STRATEGY", help="reduce-installment (keep term) or reduce-term (default: the loan's)")
    p.add_argument("--apply", action="store_true", help="record it in the ledger (needs --loan)")
    p = command(sub, "overdue", cmd_overdue,
                "what an instalment costs N days late, counting every instalment falling due by then")
    add_loan_options(p)
    p.add_argument("--installment", metavar="K", help="instalment number (default: a ledger loan's oldest unpaid, else 1)")
    p.add_argument("--days", required=True, metavar="N", help=f"days late, 0..{MAX_DAYS}")
    p.add_argument("--grace-days", metavar="G", help="override the grace days")
    p.add_argument("--penalty-multiplier", metavar="M", help="override the penalty multiplier")
    p.add_argument("--compounding", metavar="on|off", help="override penalty on unpaid interest")


def cmd_schedule(ctx: Context) -> int:
    from jiebei_tui.actions import facts

    loan_id = ledger_loan_id(ctx.args)
    plan = facts.loan_plan(ctx.account, loan_id) if loan_id else facts.contract_plan(inline_loan(ctx.args))
    ctx.out(output.schedule_json(plan), lambda: output.schedule_text(plan, ctx.lang))
    return EXIT_OK


def _refuse_inline_apply(ctx: Context) -> str | None:
    loan_id = ledger_loan_id(ctx.args)
    if ctx.args.apply and not loan_id:
        raise InputError("apply", None, "inline_apply")
    return loan_id


def cmd_settle(ctx: Context) -> int:
    from jiebei_tui.actions import repay

    loan_id = _refuse_inline_apply(ctx)
    if loan_id is None:
        result = repay.settle_inline(ctx.account, inline_loan(ctx.args), ctx.args.on)
    elif ctx.args.apply:
        result = repay.settle(ctx.account, loan_id, ctx.args.on).result
    else:
        result = repay.settle_preview(ctx.account, loan_id, ctx.args.on)
    note = _applied_note(ctx, "settlement", result.payoff, result.on)
    ctx.out(output.settle_json(result), lambda: output.settle_text(result, ctx.lang) + note)
    return EXIT_OK


def cmd_prepay(ctx: Context) -> int:
    from jiebei_tui.actions import repay

    a = ctx.args
    loan_id = _refuse_inline_apply(ctx)
    if loan_id is None:
        done = repay.prepay_inline(ctx.account, inline_loan(a), a.amount, a.on, a.strategy)
    elif a.apply:
        done = repay.prepay(ctx.account, loan_id, a.amount, a.on, a.strategy)
    else:
        done = repay.prepay_explained(ctx.account, loan_id, a.amount, a.on, a.strategy)
    result, nxt = done.result, done.next
    note = _applied_note(ctx, "prepayment", result.amount, result.on)
    ctx.out(output.prepay_json(result, nxt), lambda: output.prepay_text(result, nxt, ctx.lang) + note)
    return EXIT_OK


def _applied_note(ctx: Context, kind: str, amount, on) -> str:
    if ctx.args.apply:
        return "\n\n" + t("cli.recorded", ctx.lang, kind=t(f"kind.{kind}", ctx.lang), amount=amount, date=on, loan=ctx.args.loan)
    return "\n\n" + t("cli.simulated_only", ctx.lang)


def cmd_overdue(ctx: Context) -> int:
    from jiebei_tui.actions import overdue

    a = ctx.args
    loan_id = ledger_loan_id(a)
    overrides = {"penalty_multiplier": a.penalty_multiplier, "grace_days": a.grace_days, "compounding": a.compounding}
    if loan_id:
        found = overdue.outlook(ctx.account, loan_id, a.days, a.installment, **overrides)
    else:
        found = overdue.inline_outlook(ctx.account, inline_loan(a), a.days, a.installment, **overrides)
    ctx.out(output.outlook_json(found), lambda: output.outlook_text(found, ctx.lang))
    return EXIT_OK
