"""What every command shares: the context it runs in (the account, today, the language, JSON or text), how a
command is added to the parser, and the two ways of naming a loan (--loan ID, or inline terms)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from jiebei_tui.cli import output
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.terms import make_loan, parse_date

if TYPE_CHECKING:
    from jiebei_tui.actions.account import Account
    from jiebei_tui.domain.terms import Loan

EXIT_OK, EXIT_INPUT, EXIT_FILE, EXIT_INTERRUPTED = 0, 2, 3, 130


class Context:
    """What every command needs: the borrower's account (read once, when a command first asks), today, the
    language, and whether to print JSON."""

    def __init__(self, args: argparse.Namespace) -> None:
        from jiebei_tui.actions.account import open_account

        self.args = args
        self.today = resolve_today(args.today)
        data_dir = Path(args.data_dir) if args.data_dir else None
        self.account: Account = open_account(data_dir, today=self.today, demo=not args.no_demo, source="cli")
        self.lang = args.lang or "en"
        self.json = getattr(args, "json", False)

    def out(self, data: object, text) -> None:
        """Print JSON or the readable text; `text` may be a function, so JSON runs never build it."""
        print(output.dumps(data) if self.json else (text() if callable(text) else text))


def resolve_today(value: str | None) -> dt.date:
    if value:
        return parse_date(value, "today")
    env = os.environ.get("JIEBEI_TUI_TODAY")
    if env:
        return parse_date(env, "JIEBEI_TUI_TODAY")
    return dt.date.today()


def command(sub, name: str, handler, help_text: str, json: bool = True) -> argparse.ArgumentParser:
    """A subcommand running `handler(ctx)`, with --json unless told otherwise."""
    p = sub.add_parser(name, help=help_text, description=help_text)
    p.set_defaults(handler=handler)
    if json:
        p.add_argument("--json", action="store_true", help="print JSON")
    return p


# --- naming a loan: --loan ID or inline terms ---

INLINE = ("principal", "daily_rate", "term", "method", "start")


def add_loan_options(parser: argparse.ArgumentParser, with_id: bool = True, title: str | None = None) -> None:
    group = parser.add_argument_group("loan", title or "a loan from the ledger (--loan ID) or one given inline")
    if with_id:
        group.add_argument("--loan", metavar="ID", help="a loan id from the ledger, e.g. L1")
    group.add_argument("--principal", metavar="YUAN", help="amount drawn, e.g. 10000")
    group.add_argument("--daily-rate", metavar="RATE", help="daily rate: 0.0004 or 0.04%%")
    group.add_argument("--term", metavar="MONTHS", help="number of monthly instalments, 1..36")
    group.add_argument(
        "--method", metavar="METHOD", help="equal-installment (等额本息), equal-principal (等额本金), interest-first (先息后本)"
    )
    group.add_argument("--start", metavar="DATE", help="drawdown date, YYYY-MM-DD")
    group.add_argument("--repayment-day", metavar="DAY", help="day of month 1..28 (default: from the drawdown)")


def inline_loan(args: argparse.Namespace) -> Loan:
    """The loan given by --principal --daily-rate --term --method --start [--repayment-day]."""
    missing = [name for name in INLINE if getattr(args, name) is None]
    if missing:
        if hasattr(args, "loan") and len(missing) == len(INLINE):  # nothing of either way to name a loan
            raise InputError("loan", None, "loan_spec")
        options = " ".join("--" + name.replace("_", "-") for name in missing)
        rule = "inline_missing" if hasattr(args, "loan") else "inline_missing_add"
        raise InputError(missing[0], None, rule, missing=options)
    return make_loan(**{name: getattr(args, name) for name in (*INLINE, "repayment_day")})


def ledger_loan_id(args: argparse.Namespace) -> str | None:
    """--loan, when given; its terms come from the ledger, so inline terms beside it are refused, not ignored."""
    loan_id = getattr(args, "loan", None)
    if loan_id is not None:
        given = [name for name in (*INLINE, "repayment_day") if getattr(args, name, None) is not None]
        if given:
            raise InputError(given[0], getattr(args, given[0]), "loan_and_inline")
    return loan_id
