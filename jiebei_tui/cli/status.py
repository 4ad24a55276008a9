"""`status [ID]`: what is owed today, every loan or one loan's instalments; auto-debits waiting to be confirmed."""

from __future__ import annotations

from jiebei_tui.cli import output
from jiebei_tui.cli.context import EXIT_OK, Context, command


def add_parsers(sub) -> None:
    p = command(sub, "status", cmd_status, "what is owed today: every loan, or one loan's instalments")
    p.add_argument("id", nargs="?", metavar="ID")


def cmd_status(ctx: Context) -> int:
    from jiebei_tui.actions import facts

    status = facts.status(ctx.account, ctx.args.id)
    ctx.out(output.status_json(status), lambda: output.status_text(status, ctx.lang, detail=bool(ctx.args.id)))
    return EXIT_OK
