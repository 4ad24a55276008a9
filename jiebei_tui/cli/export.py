"""`export csv --what schedule|payments|plan|months` and `export journal --format hledger|beancount`: the ledger as
files other tools read. `--out FILE` writes a private file (0600, folders made 0700); `--out -` or no --out:
standard output. Nothing is written to the ledger."""

from __future__ import annotations

import sys

from jiebei_tui.cli import door
from jiebei_tui.cli.context import EXIT_OK, Context
from jiebei_tui.cli.plan import add_plan_options, plan_view
from jiebei_tui.domain.errors import InputError
from jiebei_tui.text.plan import counted
from jiebei_tui.text.safe import visible

CSV_WHAT = ("schedule", "payments", "plan", "months")
FORMATS = ("hledger", "beancount")


def add_parsers(sub) -> None:
    group = sub.add_parser("export", help="CSV tables and hledger or beancount journals of your loans")
    actions = group.add_subparsers(dest="export_command", metavar="ACTION", required=True)
    p = actions.add_parser("csv", help="a CSV table", description="a CSV table")
    p.set_defaults(handler=cmd_csv)
    p.add_argument("--what", required=True, choices=CSV_WHAT)
    p.add_argument("--out", metavar="FILE", help="default (or -): standard output")
    p.add_argument("--json", action="store_true", help="print what was exported as JSON (the text under \"text\")")
    plan = p.add_argument_group("--what plan", "the plan's money, as `plan` takes it")
    add_plan_options(plan)
    months = p.add_argument_group("--what months", "as `months` takes them")
    months.add_argument("--count", metavar="N", default="12")
    months.add_argument("--payday", metavar="DAY|off")
    p = actions.add_parser("journal", help="an hledger or beancount journal", description="an hledger or beancount journal")
    p.set_defaults(handler=cmd_journal)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", metavar="FILE", help="default (or -): standard output")
    p.add_argument("--json", action="store_true", help="print what was exported as JSON (the text under \"text\")")


def _out(ctx: Context):
    return door.file_or_stdout(ctx.args.out)


def _done(ctx: Context, written, key: str, **what: str) -> int:
    """The file's words, or the text itself on standard output; with --json, both as JSON."""
    if ctx.json:
        data = {**what, "rows": written.rows, "path": str(written.path) if written.path else None}
        if written.path is None:
            data["text"] = written.text
        ctx.out(data, "")
    elif written.path is None:
        sys.stdout.write(written.text)
    else:
        print(counted(key, written.rows, ctx.lang, path=visible(str(ctx.args.out))))
    return EXIT_OK


def cmd_csv(ctx: Context) -> int:
    from jiebei_tui.actions import export, plan

    a = ctx.args
    view = months = None
    if a.what == "plan":
        if a.extra is None and a.monthly is None:
            raise InputError("extra", None, "export_plan_money")
        view = plan_view(ctx)
    elif a.what == "months":
        months = plan.months(ctx.account, a.count, a.payday)
    written = export.export_csv(ctx.account, a.what, _out(ctx), plan=view, months=months)
    return _done(ctx, written, "plan.export.written", what=a.what)


def cmd_journal(ctx: Context) -> int:
    from jiebei_tui.actions import export

    written = export.export_journal(ctx.account, ctx.args.format, _out(ctx))
    return _done(ctx, written, "plan.export.journal_written", format=ctx.args.format)
