"""The front door: `jiebei-tui [global options] [command]`.

Every simulation the TUI shows is also a command here, with --json output. The TUI is imported only when it is
asked for, so --help, --version and every command stay free of Textual.
Exit codes: 0 done; 2 invalid input (one sentence on stderr, nothing written); 3 the data file cannot be used;
70 a bug (one sentence naming the crash report written by jiebei_tui/crash.py).
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
from jiebei_tui.cli import door, output
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
from jiebei_tui.text.i18n import STRINGS, system_lang, t
from jiebei_tui.text.safe import visible
from jiebei_tui.store import LedgerFileError, Store

if TYPE_CHECKING:
    from jiebei_tui.domain.ledger import Ledger
    from jiebei_tui.domain.product_terms import ProductTerms

# The ledger models (pydantic) are imported inside the commands that read the ledger, so a simulation of an
# inline loan starts as fast as the interpreter allows (see benchmarks/ledger.py).

EXIT_OK, EXIT_INPUT, EXIT_FILE, EXIT_INTERRUPTED = 0, 2, 3, 130
MAX_DAYS_LATE = 3650


class Context:
    """What every command needs: the store, today and the language."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.today = resolve_today(args.today)
        self.store = Store(Path(args.data_dir) if args.data_dir else None, demo=not args.no_demo, today=self.today)
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
    if value:
        return parse_date(value, "today")
    env = os.environ.get("JIEBEI_TUI_TODAY")
    if env:
        return parse_date(env, "JIEBEI_TUI_TODAY")
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


INLINE = ("principal", "daily_rate", "term", "method", "start")


def inline_loan(args: argparse.Namespace) -> Loan:
    missing = [name for name in INLINE if getattr(args, name) is None]
    if missing:
        if hasattr(args, "loan") and len(missing) == len(INLINE):  # nothing of either way to name a loan
            raise InputError("loan", None, "loan_spec")
        options = " ".join("--" + name.replace("_", "-") for name in missing)
        rule = "inline_missing" if hasattr(args, "loan") else "inline_missing_add"
        raise InputError(missing[0], None, rule, missing=options)
    return make_loan(
        principal=args.principal,
        daily_rate=args.daily_rate,
        term=args.term,
        method=args.method,
        start=args.start,
        repayment_day=args.repayment_day,
    )


def ledger_loan_id(args: argparse.Namespace) -> str | None:
    """--loan, when given; its terms come from the ledger, so inline terms beside it are refused, not ignored."""
    loan_id = getattr(args, "loan", None)
    if loan_id is not None:
        given = [name for name in (*INLINE, "repayment_day") if getattr(args, name, None) is not None]
        if given:
            raise InputError(given[0], getattr(args, given[0]), "loan_and_inline")
    return loan_id


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
            ),
            action="settle",
            params=lambda event: {"loan": ctx.args.loan, "event": event.id, "amount": result.payoff, "date": on},
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
            ),
            action="prepay",
            params=lambda event: {"loan": ctx.args.loan, "event": event.id, "amount": amount, "date": on,
                                  "strategy": strategy},
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

    from jiebei_tui.domain.ledger import clean_name

    new_id, was_demo = ctx.store.transact(
        change, action="loans.add", params=lambda result: {"id": result[0], "name": " ".join(ctx.args.name.split())}
    )
    text = t("cli.added", ctx.lang, id=new_id, name=visible(clean_name(ctx.args.name)))
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

    name, events = ctx.store.transact(
        change, action="loans.remove", params=lambda result: {"id": ctx.args.id, "name": result[0], "payments": result[1]}
    )
    ctx.out({"id": ctx.args.id, "removed": True}, t("cli.removed", ctx.lang, id=ctx.args.id, name=visible(name), events=events))
    return EXIT_OK


def cmd_loans_rename(ctx: Context) -> int:
    from jiebei_tui.domain.ledger import rename_loan

    ctx.store.transact(
        lambda ledger: (rename_loan(ledger, ctx.args.id, ctx.args.name), None),
        action="loans.rename",
        params={"id": ctx.args.id, "name": " ".join(ctx.args.name.split())},
    )
    name = ctx.ledger().loan(ctx.args.id).name
    ctx.out({"id": ctx.args.id, "name": name}, t("cli.renamed", ctx.lang, id=ctx.args.id, name=visible(name)))
    return EXIT_OK


def cmd_pay(ctx: Context) -> int:
    from jiebei_tui.domain.replay import loan_state, record_event

    amount = parse_amount(ctx.args.amount)
    on = parse_date(ctx.args.on, "on") if ctx.args.on else ctx.today
    event = ctx.store.transact(
        lambda ledger: record_event(
            ledger, ctx.args.id, "repayment", on, amount, ctx.today, recorded_at=recorded_now(), source="cli"
        ),
        action="pay",
        params=lambda event: {"loan": ctx.args.id, "event": event.id, "amount": amount, "date": on},
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

        terms = ctx.store.transact(change, action="terms.set")
        ctx.out(output.terms_json(terms), t("cli.terms_saved", ctx.lang) + "\n" + output.terms_text(terms, ctx.lang))
    else:
        terms = ctx.ledger().terms
        ctx.out(output.terms_json(terms), output.terms_text(terms, ctx.lang))
    return EXIT_OK


def cmd_recover(ctx: Context) -> int:
    from jiebei_tui.text.backups import when

    store, args, lang = ctx.store, ctx.args, ctx.lang
    if args.list:
        gens = store.generations()
        ctx.out({"backups": [output.generation_json(g) for g in gens]}, lambda: output.generations_text(store, gens, lang))
        return EXIT_OK
    if args.from_backup is not None:
        number = None if args.from_backup == "newest" else parse_in_range(args.from_backup, "from_backup", "backup_number", 1, 9999)
        done = store.recover_from_backup(number, force=args.force)
        g = done.restored
        text = t("recover.from", lang, path=visible(str(done.path)), number=g.number, backup=g.path.name, saved=when(g.saved),
                 loans=g.loans, payments=g.payments, revision=g.revision)
    else:
        done = store.start_empty(force=args.force)
        text = t("recover.started_empty", lang, path=visible(str(done.path)), aside="")
    if done.kept:
        text += t("recover.kept", lang, kept=visible(done.kept.name))
    if done.aside:
        text += t("recover.aside", lang, aside=visible(str(done.aside)))
    ctx.out(output.recovered_json(done), text)
    return EXIT_OK


def cmd_undo(ctx: Context) -> int:
    from jiebei_tui.store import ChangeWords, UndoRefused
    from jiebei_tui.text.backups import when

    try:
        done = ctx.store.undo()
    except UndoRefused as refused:
        ctx.out({"undone": None, "reason": refused.sentence("en")}, refused.sentence(ctx.lang))
        return refused.exit_code
    change = done.change
    text = t("undo.done", ctx.lang, what=ChangeWords(change).render(ctx.lang), at=when(change.at),
             source=t(f"source.{change.source}", ctx.lang) if f"source.{change.source}" in STRINGS else change.source,
             revision=done.revision)
    ctx.out({"undone": output.change_json(change), "restored_revision": done.restored, "revision": done.revision}, text)
    return EXIT_OK


def cmd_tui(ctx: Context) -> int:
    try:
        from jiebei_tui.tui.app import JiebeiApp
    except ImportError as err:
        print(t("cli.tui_placeholder", ctx.lang, problem=err), file=sys.stderr)
        return 1
    app = JiebeiApp(data_dir=ctx.store.data_dir, today=ctx.today, lang=ctx.args.lang, demo=not ctx.args.no_demo)
    app.run()
    crashed = getattr(app, "crash_sentence", None)  # set by crash.app_crashed; the terminal is restored now
    if crashed:
        print(crashed, file=sys.stderr)
    return app.return_code or EXIT_OK


# --- the parser ---


def build_parser() -> argparse.ArgumentParser:
    parser = door.Parser(
        prog="jiebei-tui",
        description=t("cli.description", "en"),
        epilog="Run without a command to open the terminal app. Exit codes: 0 done, 2 invalid input, 3 data file unusable, "
        "70 a bug (a crash report is written in the data folder).",
    )
    parser.add_argument("--version", action="version", version=f"jiebei-tui {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="folder of ledger.json (env JIEBEI_TUI_DATA_DIR)")
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
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p = loans_sub.add_parser("rename", help="rename a loan")
    p.set_defaults(handler=cmd_loans_rename)
    p.add_argument("id", metavar="ID")
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
    p = command("recover", cmd_recover, "list the backups, restore one, or start empty (the file there is kept)")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--list", action="store_true", help="the backups, newest first: when, loans, payments, revision")
    how.add_argument(
        "--from-backup", nargs="?", const="newest", metavar="N",
        help="restore backup N (default: the newest that can be used); the file there is kept",
    )
    how.add_argument("--start-empty", action="store_true", help="start an empty ledger (the file there is kept)")
    p.add_argument("--force", action="store_true", help="replace a ledger that is readable (it is kept as backup 1)")
    command("undo", cmd_undo, "undo the last change (again: the one before), from the backups")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line. Every way out is an exit code and at most one sentence on stderr: 2 for input
    (door.py, the domain's InputError), 3 for the data file, 70 for a bug (crash.py writes the report)."""
    from jiebei_tui import crash

    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_stdout()
    lang = _lang_in(argv) or system_lang()
    parser: argparse.ArgumentParser | None = None
    args: argparse.Namespace | None = None
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        lang = args.lang or lang
        door.check_values(parser, args)
        ctx = Context(args)
        ctx.lang = resolve_lang(args, ctx.store)
        lang = ctx.store.lang = ctx.lang
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
    except door.UsageError as err:
        print(door.usage_sentence(err, lang, parser), file=sys.stderr)
        return EXIT_INPUT
    except InputError as err:
        print(err.sentence(lang, door.option_label(parser, args, err.field)), file=sys.stderr)
        return EXIT_INPUT
    except LedgerFileError as err:
        print(file_error_sentence(err, lang), file=sys.stderr)
        return err.exit_code
    except BrokenPipeError:  # `jiebei-tui status | head`
        return EXIT_OK
    except KeyboardInterrupt:  # ctrl+c: the user's choice, not a crash
        return EXIT_INTERRUPTED
    except Exception as err:  # a bug: one sentence naming the crash report, exit 70
        data_dir = getattr(args, "data_dir", None) or None
        return crash.report_cli(err, Path(data_dir) if data_dir else None, argv, lang)


def file_error_sentence(err: LedgerFileError, lang: str) -> str:
    """The data file's problem in one sentence, paths and quoted file text made visible. A backup that cannot be
    read is said without the advice its own error carries (to run `recover --from-backup`, the very command
    that failed)."""
    inner = err.params.get("problem")  # the backup's own error, whose sentence ends with that advice
    if err.key == "file.no_backup" and isinstance(inner, LedgerFileError):
        detail = inner.params.get("problem", "")
        if "line" in inner.params:
            detail = f"line {inner.params['line']}, column {inner.params['column']}: {detail}"
        where = inner.path.name
        text = t("file.no_backup", lang, path=str(err.path), problem=f"{where}: {detail}" if detail else where)
    else:
        text = err.sentence(lang)
    return visible(text[:1].upper() + text[1:])


def _tolerant_stdout() -> None:
    """On a terminal that is not UTF-8 (PYTHONIOENCODING=ascii, an old locale), ¥ and 中文 print as escapes
    instead of failing the command."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (ValueError, OSError):
            pass


def _lang_in(argv: list[str]) -> str | None:
    """--lang as given, for the words of a refusal that comes before the parser has run."""
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        if value in ("zh", "en"):
            return value
    return None
