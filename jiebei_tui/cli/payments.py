"""`pay ID --amount X [--on D]` and `pay ID --debited`; `payments list [LOAN]`, `payments void ID [--reason]`,
`payments edit ID [--amount] [--on] [--reason]`: recording payments and correcting the record."""

from __future__ import annotations

from jiebei_tui.cli import door, output
from jiebei_tui.cli.context import EXIT_OK, Context, command


def add_parsers(sub) -> None:
    p = command(sub, "pay", cmd_pay, "record a repayment (pays penalty, then overdue, then what is due next)")
    p.add_argument("id", metavar="ID")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--amount", metavar="YUAN")
    how.add_argument("--debited", action="store_true",
                     help="the auto-debit went through: record the oldest unconfirmed instalment on its due date")
    p.add_argument("--on", metavar="DATE", help="default today; not before the drawdown, not after today")

    payments = sub.add_parser("payments", help="list, void or correct recorded payments")
    actions = payments.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    p = command(actions, "list", cmd_list, "every payment, with where it went and whether it still counts")
    p.add_argument("loan", nargs="?", metavar="LOAN", help="only this loan's")
    p = command(actions, "void", cmd_void, "void a payment (a reversing entry: the history keeps both)")
    p.add_argument("id", metavar="ID", help="the payment, e.g. E3")
    p.add_argument("--reason", metavar="TEXT")
    p = command(actions, "edit", cmd_edit, "correct a payment's amount or date (the old one is voided, the new one takes its place)")
    p.add_argument("id", metavar="ID", help="the payment, e.g. E3")
    p.add_argument("--amount", metavar="YUAN")
    p.add_argument("--on", metavar="DATE")
    p.add_argument("--reason", metavar="TEXT")


def cmd_pay(ctx: Context) -> int:
    from jiebei_tui.actions import payments

    a = ctx.args
    if a.debited:
        if a.on is not None:
            raise door.UsageError("argument --on: not allowed with argument --debited", "jiebei-tui pay")
        paid = payments.pay_debited(ctx.account, a.id)
    else:
        paid = payments.pay(ctx.account, a.id, a.amount, a.on)
    ctx.out({"event": paid.event.id, "loan": output.loan_state_json(paid.state)},
            lambda: output.paid_text(paid, ctx.today, ctx.lang))
    return EXIT_OK


def cmd_list(ctx: Context) -> int:
    from jiebei_tui.actions import payments

    rows = payments.payments(ctx.account, ctx.args.loan, "loan")
    ctx.out({"payments": [output.payment_json(r) for r in rows]}, lambda: output.payments_text(rows, ctx.lang))
    return EXIT_OK


def cmd_void(ctx: Context) -> int:
    from jiebei_tui.actions import payments

    done = payments.void(ctx.account, ctx.args.id, ctx.args.reason)
    ctx.out({"voided": done.payment.id, "void": done.void.id, "loan": output.loan_state_json(done.state)},
            lambda: output.voided_text(done, ctx.today, ctx.lang))
    return EXIT_OK


def cmd_edit(ctx: Context) -> int:
    from jiebei_tui.actions import payments

    a = ctx.args
    if a.amount is None and a.on is None:
        raise door.UsageError("one of the arguments --amount --on is required", "jiebei-tui payments edit")
    done = payments.edit(ctx.account, a.id, amount=a.amount, on=a.on, reason=a.reason)
    data = {"edited": done.payment.id, "replacement": done.replacement.id if done.replacement else None,
            "loan": output.loan_state_json(done.state)}
    ctx.out(data, lambda: output.edited_text(done, ctx.today, ctx.lang))
    return EXIT_OK
