"""The front door: `jiebei-tui [global options] [command]`.

Every simulation the TUI shows is also a command here, with --json output. The TUI is imported only when it is
asked for, so --help, --version and every command stay free of Textual.
Exit codes: 0 done; 2 invalid input (one sentence on stderr, nothing written); 3 the data file cannot be used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from jiebei_tui import __version__
from jiebei_tui.cli import output
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.schedule import build_schedule
from jiebei_tui.domain.terms import (
    Loan,
    make_loan,
    parse_amount,
    parse_date,
    parse_in_range,
    parse_strategy,
)
from jiebei_tui.text.i18n import system_lang, t
from jiebei_tui.store import LedgerFileError, Store

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.product_terms import ProductTerms

# The ledger models (pydantic) are imported inside the commands that read the ledger, so a simulation of an
# inline loan starts as fast as the interpreter allows (see benchmarks/ledger.py).

EXIT_OK, EXIT_INPUT, EXIT_FILE = 0, 2, 3
MAX_DAYS_LATE = 3650


class Context:
    """What every command needs: the store, today and the language."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.today = resolve_today(args.today)
        self.store = Store(args.data_dir, demo=not args.no_demo, today=self.today)
        self.lang = args.lang or "en"
        self.json = getattr(args, "json", False)

    def ledger(self) -> Ledger:
        return self.store.load()

    def terms(self) -> ProductTerms:
        """The ledger's product terms, or the illustrative defaults when there is no ledger yet."""
        if self.store.exists():
            return self.ledger().terms
        from jiebei_tui.domain.product_terms import ProductTerms

        return ProductTerms()

    def out(self, data: object, text) -> None:
        """Print JSON or the readable text; `text` may be a function, so JSON runs never build it."""
        print(output.dumps(data) if self.json else (text() if callable(text) else text))


def resolve_today(value: str | None) -> dt.date:
    value = value or os.environ.get("JIEBEI_TUI_TODAY")
    if value:
        return parse_date(value, "today")
    return dt.date.today()


def resolve_lang(args: argparse.Namespace, store: Store) -> str:
    """--lang, else the saved setting, else the locale."""
    return args.lang or store.saved_lang() or system_lang()


# --- naming a loan: --loan ID or inline terms ---


def add_loan_options(parser: argparse.ArgumentParser, with_id: bool = True) -> None:
    group = parser.add_argument_group("loan", "a loan from the ledger (--loan ID) or one given inline")
    if with_id:
        group.add_argument("--loan", metavar="ID", help="a loan id from the ledger, e.g. L1")
    group.add_argument("--principal", metavar="YUAN", help="amount drawn, e.g. 10000")
    group.add_argument("--daily-rate", metavar="RATE", help="daily rate as a fraction: 0.0004 is 0.04%% a day")
    group.add_argument("--term", metavar="MONTHS", help="number of monthly instalments, 1..36")
    group.add_argument(
        "--method", metavar="METHOD", help="equal-installment (等额本息), equal-principal (等额本金), interest-first (先息后本)"
    )
    group.add_argument("--start", metavar="DATE", help="drawdown date, YYYY-MM-DD")
    group.add_argument("--repayment-day", metavar="DAY", help="day of month 1..28 (default: from the drawdown)")


def inline_loan(args: argparse.Namespace) -> Loan:
    needed = (args.principal, args.daily_rate, args.term, args.method, args.start)
    if any(v is None for v in needed):
        raise InputError("loan", None, "loan_spec")
    return make_loan(
        principal=args.principal,
        daily_rate=args.daily_rate,
        term=args.term,
        method=args.method,
        start=args.start,
        repayment_day=args.repayment_day,
    )


def ledger_loan_id(args: argparse.Namespace) -> str | None:
    return getattr(args, "loan", None)


# --- commands ---


def cmd_schedule(ctx: Context) -> int:
    from jiebei_tui.domain.apr import apr_irr, apr_simple

    loan_id = ledger_loan_id(ctx.args)
    if loan_id:
        from jiebei_tui.domain.replay import LoanReplay

        ledger = ctx.ledger()
        replay = LoanReplay.of(ledger, loan_id, ctx.today)
        installments = replay.installments(ctx.today)  # the plan as it now stands, after payments
        loan = ledger.loan(loan_id).loan
    else:
        loan = inline_loan(ctx.args)
        installments = list(build_schedule(loan).installments)
    contract = build_schedule(loan)
    simple, irr = apr_simple(loan.daily_rate), apr_irr(contract)
    ctx.out(
        output.schedule_json(loan, installments, simple, irr),
        output.schedule_text(loan, installments, simple, irr, ctx.lang),
    )
    return EXIT_OK


def _replay(ctx: Context, on: dt.date):
    """The loan on `on`: from the ledger (what was really paid), or given inline (every instalment due before
    `on` paid on its due date)."""
    from jiebei_tui.domain.replay import LoanReplay

    loan_id = ledger_loan_id(ctx.args)
    if loan_id:
        return LoanReplay.of(ctx.ledger(), loan_id, on)
    if ctx.args.apply:
        raise InputError("apply", None, "inline_apply")
    return LoanReplay.inline(inline_loan(ctx.args), ctx.terms(), on)


def recorded_now() -> dt.datetime:
    """When an entry is recorded: the machine's clock, in its zone (the domain has no clock)."""
    return dt.datetime.now().astimezone()


def cmd_settle(ctx: Context) -> int:
    from jiebei_tui.domain.replay import record_event
    from jiebei_tui.domain.simulate import settle

    on = parse_date(ctx.args.on, "on")
    if ctx.args.apply and not ledger_loan_id(ctx.args):
        raise InputError("apply", None, "inline_apply")
    result = settle(_replay(ctx, on), on)
    if ctx.args.apply:
        ctx.store.transact(
            lambda ledger: record_event(
                ledger, ctx.args.loan, "settlement", on, result.payoff, ctx.today, recorded_at=recorded_now(), source="cli"
            )
        )
    ctx.out(output.settle_json(result), output.settle_text(result, ctx.lang) + _applied_note(ctx, "settlement", result.payoff, on))
    return EXIT_OK


def cmd_prepay(ctx: Context) -> int:
    from jiebei_tui.domain.replay import record_event
    from jiebei_tui.domain.simulate import prepay

    on = parse_date(ctx.args.on, "on")
    amount = parse_amount(ctx.args.amount)
    if ctx.args.apply and not ledger_loan_id(ctx.args):
        raise InputError("apply", None, "inline_apply")
    replay = _replay(ctx, on)
    strategy = parse_strategy(ctx.args.strategy) if ctx.args.strategy else replay.default_strategy
    result = prepay(replay, amount, on, strategy)
    if ctx.args.apply:
        ctx.store.transact(
            lambda ledger: record_event(
                ledger, ctx.args.loan, "prepayment", on, amount, ctx.today, strategy, recorded_at=recorded_now(), source="cli"
            )
        )
    ctx.out(output.prepay_json(result), output.prepay_text(result, ctx.lang) + _applied_note(ctx, "prepayment", amount, on))
    return EXIT_OK


def _applied_note(ctx: Context, kind: str, amount, on: dt.date) -> str:
    if ctx.args.apply:
        return "\n\n" + t("cli.recorded", ctx.lang, kind=t(f"kind.{kind}", ctx.lang), amount=amount, date=on, loan=ctx.args.loan)
    return "\n\n" + t("cli.simulated_only", ctx.lang)


def cmd_overdue(ctx: Context) -> int:
    from jiebei_tui.domain.overdue import overdue_cost
    from jiebei_tui.domain.replay import loan_state

    args = ctx.args
    loan_id = ledger_loan_id(args)
    if loan_id:
        from jiebei_tui.domain.ledger import effective_terms

        ledger = ctx.ledger()
        terms = effective_terms(ledger, loan_id)
        state = loan_state(ledger, loan_id, ctx.today)
        rows = [(i.no, i.due_date, i.unpaid_principal, i.unpaid_interest, i.principal, i.interest) for i in state.installments]
        rate = state.record.daily_rate
    else:
        loan = inline_loan(args)
        terms = ctx.terms()
        rows = [(i.no, i.due_date, i.principal, i.interest, i.principal, i.interest) for i in build_schedule(loan).installments]
        rate = loan.daily_rate
    numbers = [r[0] for r in rows]
    number = numbers[0]
    if args.installment:
        number = parse_in_range(args.installment, "installment", "installment", 1, numbers[-1], n=numbers[-1])
        if number not in numbers:
            raise InputError("installment", args.installment, "installment", n=numbers[-1])
    days = parse_in_range(args.days, "days", "days", 0, MAX_DAYS_LATE, max=MAX_DAYS_LATE)
    terms = terms_with_overrides(terms, args)
    no, due, unpaid_p, unpaid_i, sched_p, sched_i = rows[numbers.index(number)]
    if unpaid_p + unpaid_i == 0:  # already paid: show what it would have cost
        unpaid_p, unpaid_i = sched_p, sched_i
    cost = overdue_cost(no, due, unpaid_p, unpaid_i, rate, days, terms)
    ctx.out(output.overdue_json(cost), output.overdue_text(cost, terms, ctx.lang))
    return EXIT_OK


def terms_with_overrides(terms: ProductTerms, args: argparse.Namespace) -> ProductTerms:
    from jiebei_tui.domain.product_terms import updated_terms

    return updated_terms(
        terms,
        penalty_multiplier=getattr(args, "penalty_multiplier", None),
        grace_days=getattr(args, "grace_days", None),
        compounding=getattr(args, "compounding", None),
        default_strategy=getattr(args, "default_strategy", None),
    )


def cmd_loans_add(ctx: Context) -> int:
    from jiebei_tui.domain.ledger import add_loan

    loan = inline_loan(ctx.args)

    def change(ledger: Ledger):
        was_demo = ledger.demo
        new_ledger, new_id = add_loan(ledger, ctx.args.name, loan)
        return new_ledger, (new_id, was_demo)

    new_id, was_demo = ctx.store.transact(change)
    text = t("cli.added", ctx.lang, id=new_id, name=" ".join(ctx.args.name.split()))
    if was_demo:
        text += "\n" + t("cli.demo_replaced", ctx.lang)
    ctx.out({"id": new_id}, text)
    return EXIT_OK


def cmd_loans_list(ctx: Context) -> int:
    ledger = ctx.ledger()
    ctx.out({"demo": ledger.demo, "loans": output.loans_json(ledger)}, output.loans_text(ledger, ctx.lang))
    return EXIT_OK


def cmd_loans_remove(ctx: Context) -> int:
    from jiebei_tui.domain.ledger import remove_loan

    def change(ledger: Ledger):
        record = ledger.loan(ctx.args.id, "id")
        events = len(ledger.events_of(record.id))
        return remove_loan(ledger, record.id), (record.name, events)

    name, events = ctx.store.transact(change)
    ctx.out({"id": ctx.args.id, "removed": True}, t("cli.removed", ctx.lang, id=ctx.args.id, name=name, events=events))
    return EXIT_OK


def cmd_loans_rename(ctx: Context) -> int:
    from jiebei_tui.domain.ledger import rename_loan

    ctx.store.transact(lambda ledger: (rename_loan(ledger, ctx.args.id, ctx.args.name), None))
    name = ctx.ledger().loan(ctx.args.id).name
    ctx.out({"id": ctx.args.id, "name": name}, t("cli.renamed", ctx.lang, id=ctx.args.id, name=name))
    return EXIT_OK


def cmd_pay(ctx: Context) -> int:
    from jiebei_tui.domain.replay import loan_state, record_event

    amount = parse_amount(ctx.args.amount)
    on = parse_date(ctx.args.on, "on") if ctx.args.on else ctx.today
    event = ctx.store.transact(
        lambda ledger: record_event(
            ledger, ctx.args.id, "repayment", on, amount, ctx.today, recorded_at=recorded_now(), source="cli"
        )
    )
    state = loan_state(ctx.ledger(), ctx.args.id, ctx.today)
    text = t("cli.recorded", ctx.lang, kind=t("kind.repayment", ctx.lang), amount=amount, date=on, loan=ctx.args.id)
    ctx.out(
        {"event": event.id, "loan": output.loan_state_json(state)},
        text + "\n\n" + output.status_text(ctx.today, [state], ctx.lang, False, detail=False),
    )
    return EXIT_OK


def cmd_status(ctx: Context) -> int:
    from jiebei_tui.domain.replay import all_states, loan_state

    ledger = ctx.ledger()
    if ctx.args.id:
        states = [loan_state(ledger, ledger.loan(ctx.args.id, "id").id, ctx.today)]
    else:
        states = all_states(ledger, ctx.today)
    ctx.out(
        output.status_json(ctx.today, states, ledger.demo),
        output.status_text(ctx.today, states, ctx.lang, ledger.demo, detail=bool(ctx.args.id)),
    )
    return EXIT_OK


def cmd_terms(ctx: Context) -> int:
    args = ctx.args
    if args.action == "set":
        def change(ledger: Ledger):
            terms = terms_with_overrides(ledger.terms, args)
            return ledger.model_copy(update={"terms": terms}), terms

        terms = ctx.store.transact(change)
        ctx.out(output.terms_json(terms), t("cli.terms_saved", ctx.lang) + "\n" + output.terms_text(terms, ctx.lang))
    else:
        terms = ctx.ledger().terms
        ctx.out(output.terms_json(terms), output.terms_text(terms, ctx.lang))
    return EXIT_OK


def cmd_recover(ctx: Context) -> int:
    store = ctx.store
    if ctx.args.from_backup:
        path, aside = store.recover_from_backup()
        note = t("recover.aside", ctx.lang, aside=aside) if aside else ""
        print(t("recover.restored", ctx.lang, path=path, backup=store.backup_path, aside=note))
    else:
        aside = store.start_empty()
        note = t("recover.aside", ctx.lang, aside=aside) if aside else ""
        print(t("recover.started_empty", ctx.lang, path=store.path, aside=note))
    return EXIT_OK


def cmd_tui(ctx: Context) -> int:
    try:
        from jiebei_tui.tui.app import JiebeiApp
    except ImportError as err:
        print(t("cli.tui_placeholder", ctx.lang, problem=err), file=sys.stderr)
        return 1
    app = JiebeiApp(data_dir=ctx.store.data_dir, today=ctx.today, lang=ctx.args.lang, demo=not ctx.args.no_demo)
    app.run()
    return app.return_code or EXIT_OK


# --- the parser ---


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jiebei-tui",
        description=t("cli.description", "en"),
        epilog="Run without a command to open the terminal app. Exit codes: 0 done, 2 invalid input, 3 data file unusable.",
    )
    parser.add_argument("--version", action="version", version=f"jiebei-tui {__version__}")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="folder of ledger.json (env JIEBEI_TUI_DATA_DIR)")
    parser.add_argument("--today", metavar="DATE", help="fix today's date, YYYY-MM-DD (env JIEBEI_TUI_TODAY)")
    parser.add_argument("--lang", choices=("zh", "en"), help="language (default: saved setting, then the locale)")
    parser.add_argument("--no-demo", action="store_true", help="start with an empty ledger instead of the demo")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler, help_text: str, json: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        if json:
            p.add_argument("--json", action="store_true", help="print JSON")
        return p

    p = command("schedule", cmd_schedule, "the instalment schedule, total interest and annualised rates")
    add_loan_options(p)
    p = command("settle", cmd_settle, "what settling everything early on a date costs and saves")
    add_loan_options(p)
    p.add_argument("--on", required=True, metavar="DATE", help="the settlement date")
    p.add_argument("--apply", action="store_true", help="record it in the ledger (needs --loan)")
    p = command("prepay", cmd_prepay, "simulate prepaying part of the principal on a date")
    add_loan_options(p)
    p.add_argument("--on", required=True, metavar="DATE")
    p.add_argument("--amount", required=True, metavar="YUAN")
    p.add_argument("--strategy", metavar="STRATEGY", help="reduce-installment (keep term, default) or reduce-term")
    p.add_argument("--apply", action="store_true", help="record it in the ledger (needs --loan)")
    p = command("overdue", cmd_overdue, "what an instalment costs N days late: penalty, stage, amount to clear")
    add_loan_options(p)
    p.add_argument("--installment", metavar="K", help="instalment number (default 1)")
    p.add_argument("--days", required=True, metavar="N", help="days late")
    p.add_argument("--grace-days", metavar="G", help="override the grace days")
    p.add_argument("--penalty-multiplier", metavar="M", help="override the penalty multiplier (default 1.5)")
    p.add_argument("--compounding", metavar="on|off", help="override penalty on unpaid interest")

    loans = sub.add_parser("loans", help="add, list, rename or remove loans in the ledger")
    loans_sub = loans.add_subparsers(dest="loans_command", metavar="ACTION", required=True)
    p = loans_sub.add_parser("add", help="add a loan")
    p.set_defaults(handler=cmd_loans_add)
    p.add_argument("--name", required=True)
    p.add_argument("--json", action="store_true")
    add_loan_options(p, with_id=False)
    p = loans_sub.add_parser("list", help="list the loans")
    p.set_defaults(handler=cmd_loans_list)
    p.add_argument("--json", action="store_true")
    p = loans_sub.add_parser("remove", help="remove a loan and its payments")
    p.set_defaults(handler=cmd_loans_remove)
    p.add_argument("id")
    p.add_argument("--json", action="store_true")
    p = loans_sub.add_parser("rename", help="rename a loan")
    p.set_defaults(handler=cmd_loans_rename)
    p.add_argument("id")
    p.add_argument("--name", required=True)
    p.add_argument("--json", action="store_true")

    p = command("pay", cmd_pay, "record a repayment (pays penalty, then overdue, then what is due next)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--amount", required=True, metavar="YUAN")
    p.add_argument("--on", metavar="DATE", help="default today; not before the drawdown, not after today")
    p = command("status", cmd_status, "what is owed today: every loan, or one loan's instalments")
    p.add_argument("id", nargs="?", metavar="ID")
    p = command("terms", cmd_terms, "show or set your contract's penalty and prepayment terms")
    p.add_argument("action", nargs="?", choices=("show", "set"), default="show")
    p.add_argument("--penalty-multiplier", metavar="M")
    p.add_argument("--grace-days", metavar="G")
    p.add_argument("--compounding", metavar="on|off")
    p.add_argument("--default-strategy", metavar="STRATEGY")
    from jiebei_tui.cli import remind as cli_remind

    cli_remind.add_parsers(sub)
    p = command("recover", cmd_recover, "get past a ledger file that cannot be read", json=False)
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--from-backup", action="store_true", help="restore ledger.json.bak (the bad file is kept aside)")
    how.add_argument("--start-empty", action="store_true", help="move the bad file aside and start empty")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or system_lang()
    try:
        ctx = Context(args)
        ctx.lang = resolve_lang(args, ctx.store)
        lang = ctx.lang
        handler = getattr(args, "handler", None)
        if handler is None:
            return cmd_tui(ctx)
        # A command lives for well under a second and keeps what it builds until it exits: collecting cycles
        # along the way (a 1,000-loan ledger is a few hundred thousand objects) would only cost time. (Turned
        # back on after, for a caller that runs main() in its own process, as the tests do.)
        gc.disable()
        try:
            return handler(ctx)
        finally:
            gc.enable()
    except InputError as err:
        print(err.sentence(lang), file=sys.stderr)
        return EXIT_INPUT
    except LedgerFileError as err:
        print(err.sentence(lang), file=sys.stderr)
        return EXIT_FILE
    except BrokenPipeError:  # `jiebei-tui status | head`
        return EXIT_OK
