"""`loans add|list|rename|remove|edit|auto-debit`: the loans in the ledger (`loans restructure`: cli/hardship.py)."""

from __future__ import annotations

from jiebei_tui.cli import door, output
from jiebei_tui.cli.context import EXIT_OK, Context, add_loan_options, command, inline_loan
from jiebei_tui.text.i18n import t
from jiebei_tui.text.loans import paid_through_text
from jiebei_tui.text.safe import visible

EDIT_FIELDS = ("principal", "daily_rate", "term", "method", "start", "repayment_day")


def add_parsers(sub) -> None:
    loans = sub.add_parser("loans", help="add, list, rename, edit or remove loans in the ledger")
    actions = loans.add_subparsers(dest="loans_command", metavar="ACTION", required=True)
    p = command(actions, "add", cmd_add, "add a loan")
    p.add_argument("--name", required=True)
    add_loan_options(p, with_id=False)
    p.add_argument("--paid-through", metavar="K",
                   help="already repaid: instalments 1..K are recorded as paid on their due dates (default 0)")
    command(actions, "list", cmd_list, "list the loans")
    p = command(actions, "remove", cmd_remove, "remove a loan and its payments")
    p.add_argument("id", metavar="ID")
    p = command(actions, "rename", cmd_rename, "rename a loan")
    p.add_argument("id", metavar="ID")
    p.add_argument("--name", required=True)
    p = command(actions, "edit", cmd_edit,
                "change a loan's contract terms: shows what changes (every payment replayed); --apply records it")
    p.add_argument("id", metavar="ID")
    add_loan_options(p, with_id=False, title="the terms to change (the others stay)")
    p.add_argument("--apply", action="store_true", help="record the change")
    p = command(actions, "auto-debit", cmd_auto_debit,
                "whether the lender debits this loan itself (each debit is still confirmed: pay ID --debited)")
    p.add_argument("id", metavar="ID")
    p.add_argument("state", metavar="on|off")
    p.add_argument("--account", metavar="NAME", help="the account it is debited from, e.g. Yu'e Bao")
    from jiebei_tui.cli.hardship import add_restructure_parser

    add_restructure_parser(actions)


def cmd_add(ctx: Context) -> int:
    from jiebei_tui.actions import loans

    a = ctx.args
    loan = inline_loan(a)  # every field checked, in the order the options are listed
    contract = {name: getattr(loan, name) for name in EDIT_FIELDS}
    added = loans.add_loan(ctx.account, a.name, paid_through=a.paid_through or 0, **contract)

    def text() -> str:
        lines = [t("cli.added", ctx.lang, id=added.record.id, name=visible(added.record.name))]
        if added.paid_through:
            lines.append(paid_through_text(added.paid_through, ctx.lang))
        if added.replaced_demo:
            lines.append(t("cli.demo_replaced", ctx.lang))
        return "\n".join(lines)

    ctx.out({"id": added.record.id, "paid_through": added.paid_through}, text)
    return EXIT_OK


def cmd_list(ctx: Context) -> int:
    ledger = ctx.account.ledger
    ctx.out({"demo": ledger.demo, "loans": output.loans_json(ledger.loans)}, lambda: output.loans_text(ledger.loans, ctx.lang))
    return EXIT_OK


def cmd_remove(ctx: Context) -> int:
    from jiebei_tui.actions import loans

    done = loans.remove_loan(ctx.account, ctx.args.id)
    key = "cli.removed_rules" if done.rules else "cli.removed"
    ctx.out({"id": done.record.id, "removed": True, "rules_removed": list(done.rules)},
            lambda: t(key, ctx.lang, id=done.record.id, name=visible(done.record.name), events=done.payments,
                      n=len(done.rules), rules=", ".join(done.rules)))
    return EXIT_OK


def cmd_rename(ctx: Context) -> int:
    from jiebei_tui.actions import loans

    done = loans.rename_loan(ctx.account, ctx.args.id, ctx.args.name)
    record = done.record
    ctx.out({"id": record.id, "name": record.name}, lambda: t("cli.renamed", ctx.lang, id=record.id, name=visible(record.name)))
    return EXIT_OK


def cmd_edit(ctx: Context) -> int:
    from jiebei_tui.actions import loans

    a = ctx.args
    fields = {name: getattr(a, name) for name in EDIT_FIELDS}
    if all(value is None for value in fields.values()):
        options = " ".join("--" + name.replace("_", "-") for name in EDIT_FIELDS)
        raise door.UsageError(f"one of the arguments {options} is required", "jiebei-tui loans edit")
    if a.apply:
        edit = loans.edit_loan(ctx.account, a.id, **fields)
    else:
        edit = loans.preview_loan_edit(ctx.account, a.id, **fields)
    ctx.out(output.loan_edit_json(edit, a.apply), lambda: output.loan_edit_text(edit, a.apply, ctx.lang))
    return EXIT_OK


def cmd_auto_debit(ctx: Context) -> int:
    from jiebei_tui.actions import loans

    a = ctx.args
    done = loans.set_auto_debit(ctx.account, a.id, a.state, a.account)
    record = done.record
    key = "cli.auto_debit_on" if record.auto_debit else "cli.auto_debit_off"
    text = t(key, ctx.lang, id=record.id, account=visible(record.funding_account) or "—")
    if not done.changed:
        text += " " + t("cli.unchanged", ctx.lang)
    ctx.out({"id": record.id, "auto_debit": record.auto_debit, "funding_account": record.funding_account}, text)
    return EXIT_OK
