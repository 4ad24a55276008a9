"""The front door: `jiebei-tui [global options] [command]`.

Every simulation the TUI shows is also a command here, with --json output. A command parses what was typed,
calls one function of the actions layer (jiebei_tui/actions/) and renders what it returns (output.py); one module
per group of commands: simulate (schedule, settle, prepay, overdue), loans, payments (pay, payments), status,
terms, plan (plan, goal), scenario, whatif (whatif, months, payday), export (csv, journal), remind (remind,
export-ics), history (undo, recover), hardship (hardship, contacts, credit; `loans restructure` is added to the
loans group from there). The TUI is imported only when it is asked for, so
--help, --version and every command stay free of Textual.
Exit codes: 0 done; 2 invalid input (one sentence on stderr, nothing written); 3 the data file cannot be used;
70 a bug (one sentence naming the crash report written by jiebei_tui/crash.py).
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from jiebei_tui import __version__
from jiebei_tui.actions.account import LedgerFileError
from jiebei_tui.cli import door
from jiebei_tui.cli.context import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, Context
from jiebei_tui.domain.errors import InputError
from jiebei_tui.text.i18n import system_lang, t
from jiebei_tui.text.safe import visible

# The ledger models (pydantic) are imported inside the actions that read the ledger, so a simulation of an
# inline loan starts as fast as the interpreter allows (see benchmarks/ledger.py).

# the command groups in `--help` order (modules of jiebei_tui.cli), imported when the full parser is built: opening
# the app needs none of them
GROUPS = ("simulate", "loans", "payments", "status", "terms", "plan", "scenario", "whatif", "export", "remind", "history",
          "hardship")
# each command and the group that adds it: a command line naming one is parsed by that group's parsers alone
# (tests/test_cli_parse.py checks this against the full parser)
COMMANDS = {
    "schedule": "simulate", "settle": "simulate", "prepay": "simulate", "overdue": "simulate", "loans": "loans",
    "pay": "payments", "payments": "payments", "status": "status", "terms": "terms", "plan": "plan", "goal": "plan",
    "scenario": "scenario", "whatif": "whatif", "months": "whatif", "payday": "whatif", "export": "export",
    "remind": "remind", "export-ics": "remind", "recover": "history", "undo": "history", "hardship": "hardship",
    "contacts": "hardship", "credit": "hardship",
}


def resolve_lang(args: argparse.Namespace, ctx: Context) -> str:
    """--lang, else the saved setting, else the locale."""
    return args.lang or ctx.account.saved_lang() or system_lang()


def cmd_tui(ctx: Context) -> int:
    try:
        from jiebei_tui.tui.app import JiebeiApp
    except ImportError as err:
        print(t("cli.tui_placeholder", ctx.lang, problem=err), file=sys.stderr)
        return 1
    app = JiebeiApp(data_dir=ctx.account.data_dir, today=ctx.today, lang=ctx.args.lang, demo=not ctx.args.no_demo,
                    prepare=True)
    app.run()
    crashed = getattr(app, "crash_sentence", None)  # set by crash.app_crashed; the terminal is restored now
    if crashed:
        print(crashed, file=sys.stderr)
    return app.return_code or EXIT_OK


# --- the parser ---


def build_parser(groups: tuple[str, ...] = GROUPS) -> argparse.ArgumentParser:
    """The command line's parser: every command group's commands (or only those of `groups`)."""
    import importlib

    parser = door.Parser(
        prog="jiebei-tui",
        description=t("cli.description", "en"),
        epilog="Run without a command to open the terminal app. Exit codes: 0 done, 2 invalid input, 3 data file unusable, "
        "70 a bug (a crash report is written in the data folder).",
    )
    parser.add_argument("--version", action="version", version=f"jiebei-tui {__version__}")
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in groups:
        importlib.import_module(f"jiebei_tui.cli.{name}").add_parsers(sub)
    return parser


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="DIR", help="folder of ledger.json (env JIEBEI_TUI_DATA_DIR)")
    parser.add_argument("--today", metavar="DATE", help="fix today's date, YYYY-MM-DD (env JIEBEI_TUI_TODAY)")
    parser.add_argument("--lang", choices=("zh", "en"), help="language (default: saved setting, then the locale)")
    parser.add_argument("--no-demo", action="store_true", help="start with an empty ledger instead of the demo")


def quick_parse(argv: list[str]) -> tuple[argparse.ArgumentParser, argparse.Namespace] | None:
    """Building every command's parser (and importing every command group) was a good part of a command's
    start-up, and all of it for opening the app. So opening the app (global options only) is parsed by the global
    options alone, and a command by the parsers of its own group (COMMANDS). None for anything else, or anything
    these cannot take (--help, --version, an unknown command, any mistake): the full parser then takes it and
    says what it always said."""
    front = door.Parser(prog="jiebei-tui", add_help=False)
    add_global_options(front)
    front.add_argument("rest", nargs=argparse.REMAINDER)  # the command and its arguments, as typed
    try:
        args, extra = front.parse_known_args(argv)
    except door.UsageError:
        return None
    if extra:
        return None
    if not args.rest:  # opening the app
        del args.rest
        args.command = None  # as the full parser's subcommand dest, with no command given
        return front, args
    group = COMMANDS.get(args.rest[0])
    if group is None:
        return None
    parser = build_parser((group,))
    try:
        return parser, parser.parse_args(argv)
    except door.UsageError:
        return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line. Every way out is an exit code and at most one sentence on stderr: 2 for input
    (door.py, the domain's InputError), 3 for the data file, 70 for a bug (crash.py writes the report)."""
    from jiebei_tui import crash

    argv = list(sys.argv[1:] if argv is None else argv)
    _tolerant_stdout()
    lang = _lang_in(argv) or system_lang()
    parser: argparse.ArgumentParser | None = None
    args: argparse.Namespace | None = None
    # A command lives for well under a second and keeps what it builds until it exits: collecting cycles along the
    # way (a 1,000-loan ledger is a few hundred thousand objects) would only cost time. The app's start-up builds
    # tens of thousands of objects too (Textual's, the ledger's): the app turns the collector back on once the
    # loans are on screen (it lives long). Turned back on at the end, for a caller that runs main() in its own
    # process, as the tests do.
    gc.disable()
    try:
        quick = quick_parse(argv)
        if quick is not None:
            parser, args = quick
        else:
            parser = build_parser()
            args = parser.parse_args(argv)
        lang = args.lang or lang
        door.check_values(parser, args)
        ctx = Context(args)
        ctx.lang = resolve_lang(args, ctx)
        lang = ctx.account.lang = ctx.lang
        handler = getattr(args, "handler", None)
        if handler is None:
            return cmd_tui(ctx)
        return handler(ctx)
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
    finally:
        gc.enable()


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
    if not text.startswith(str(err.path)):  # a sentence that starts with the path keeps it as typed ("rel/…")
        text = text[:1].upper() + text[1:]
    return visible(text)


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
