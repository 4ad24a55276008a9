"""The command line's door: what every argument must be before any command sees it, and refusals that read as
one sentence naming the option the user typed.

- `Parser`: argparse without usage dumps: a mistake raises UsageError, which `usage_sentence` words. It records
  the subcommands it went through (a `--command` option may share a dest with them).
- `check_values(parser, args)`: every value given to the command in use is UTF-8 text (Python hands bytes that
  are not UTF-8 over as surrogate escapes), at most MAX_ARG characters, not empty (except ALLOW_EMPTY), free
  of control characters and direction overrides; a few values with a fixed shape (--now, --timezone) are checked
  here for every command at once; a file or folder option (metavar FILE or DIR) has a leading `~` expanded as the
  app's forms expand it (delivery/files.expand_home: a shell does not expand `--out=~/x` or a quoted "~/x").
- `option_label(parser, args, field)`: the option (or positional) of the command in use that a domain field
  came from: `pay L9` names ID, not --loan.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from jiebei_tui.delivery.files import expand_typed
from jiebei_tui.domain.errors import InputError
from jiebei_tui.domain.free_text import escape_char, first_unsafe
from jiebei_tui.domain.terms import parse_datetime
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import quoted

MAX_ARG = 4096  # a path's limit on Linux; no option takes more
ALLOW_EMPTY = frozenset({"command"})  # `remind set --command ""` clears the command
TIMEZONE = r"[A-Za-z0-9_+\-/]{1,64}"
PATHS = frozenset({"FILE", "DIR"})  # the metavars of options naming a file or a folder ("-": standard output)


def file_or_stdout(value: str | None) -> str | None:
    """A FILE option's value: the file to write, or None for standard output (left out, or "-", as every command
    that writes a file takes it)."""
    return None if value in (None, "-") else value

# A domain field and the option dests it may come from, in order (the field's own name is tried last).
FIELD_DESTS: dict[str, tuple[str, ...]] = {
    "loan": ("loan", "id"),  # `--loan L1` on simulations, the positional ID on pay/status/loans …
    "rule": ("id",),  # `remind remove R5`
    "repeat": ("offset",),  # "only reminders after the due date repeat": the offset is what to change
    "funding_account": ("account",),
    "date": ("on",),
}


class UsageError(Exception):
    """argparse found a mistake in the command line (unknown option, missing value, bad choice …).
    `extra`: the arguments no parser took, for "unrecognized arguments"."""

    def __init__(self, message: str, prog: str, extra: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.prog = prog
        self.extra = extra or []


class _Subcommands(argparse._SubParsersAction):
    """Subparsers that note which parser ran, outermost first, in the namespace (CHAIN)."""

    def __call__(self, parser, namespace, values, option_string=None):
        super().__call__(parser, namespace, values, option_string)
        deeper = getattr(namespace, CHAIN, [])  # copied up from the subparser's own namespace
        setattr(namespace, CHAIN, [self._name_parser_map[values[0]], *deeper])


CHAIN = "_door_subparsers"


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises UsageError instead of printing its usage and exiting (subparsers made by
    add_subparsers are of the same class, so they do too). --help and --version still print and exit 0."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Subcommands)

    def error(self, message: str):  # type: ignore[override]
        raise UsageError(message, self.prog)

    def parse_args(self, args=None, namespace=None):  # type: ignore[override]
        """As argparse's, but arguments nobody took are blamed on the command in use, not the program."""
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            prog = _parsers(self, parsed)[0].prog
            raise UsageError("unrecognized arguments: " + " ".join(extra), prog, extra)
        return parsed


# --- after parsing ---


def check_values(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Every value given to the command in use: UTF-8, not too long, not empty, no control characters or
    direction overrides; --now and --timezone in their shape (InputError with the option's dest as the field). A
    file or folder option's leading `~` is expanded (the value kept as text)."""
    for action in _actions(parser, args):
        value = getattr(args, action.dest, None)
        if not isinstance(value, (str, Path)) or action.dest in ("help", "version"):
            continue
        text = str(value)
        if any("\udc80" <= ch <= "\udcff" for ch in text):
            raw = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            raise InputError(action.dest, raw, "not_utf8")
        if len(text) > MAX_ARG:
            raise InputError(action.dest, text, "too_long", max=MAX_ARG)
        if text == "" and action.dest not in ALLOW_EMPTY:
            raise InputError(action.dest, None, "empty")
        bad = first_unsafe(text)
        if bad is not None:
            raise InputError(action.dest, text, "text_control", char=escape_char(text[bad]), position=bad + 1)
        if action.metavar in PATHS and isinstance(value, str) and value != "-":
            setattr(args, action.dest, expand_typed(value))
    now = getattr(args, "now", None)
    if isinstance(now, str):
        parse_datetime(now, "now")
    zone = getattr(args, "timezone", None)
    if isinstance(zone, str) and zone != "local" and not re.fullmatch(TIMEZONE, zone):
        raise InputError("timezone", zone, "timezone_name")


def _parsers(parser: argparse.ArgumentParser | None, args: argparse.Namespace | None) -> list[argparse.ArgumentParser]:
    """The parser and the subparsers the command line went through, innermost first."""
    if parser is None:
        return []
    return [parser, *getattr(args, CHAIN, [])][::-1]


def _actions(parser, args) -> list[argparse.Action]:
    return [a for p in _parsers(parser, args) for a in p._actions if not isinstance(a, argparse._SubParsersAction)]


def option_label(parser: argparse.ArgumentParser | None, args: argparse.Namespace | None, field: str) -> str:
    """How the command in use spells the option a domain field came from: `--daily-rate`, or a positional's
    metavar (`ID`, `RULE`). A field already spelled as an option, a position, an environment variable or a path
    in the ledger (settings.reminders.timezone: a saved setting the command line did not take) is kept."""
    if field.startswith("-") or " " in field or field.isupper() or "." in field:
        return field
    actions = _actions(parser, args)
    for dest in (*FIELD_DESTS.get(field, ()), field):
        for action in actions:
            if action.dest == dest:
                if action.option_strings:
                    return max(action.option_strings, key=len)
                return action.metavar if isinstance(action.metavar, str) else action.dest.upper()
    return "--" + field.replace("_", "-")


# --- argparse's mistakes, in one sentence (patterns as text: compiled only when there is a mistake) ---

_REQUIRED = r"the following arguments are required: (.+)"
_ONE_OF = r"one of the arguments (.+) is required"
_UNKNOWN = r"unrecognized arguments: (.*)"
_CHOICE = r"argument (\S+): invalid choice: (.+) \(choose from (.*)\)"
_NEEDS_VALUE = r"argument (\S+): expected (?:one argument|at most one argument)"
_NO_VALUE = r"argument (\S+): ignored explicit argument (.+)"
_TOGETHER = r"argument (\S+): not allowed with argument (\S+)"


def usage_sentence(err: UsageError, lang: str, parser: argparse.ArgumentParser | None) -> str:
    """argparse's message as one sentence in the user's language; values quoted visibly, at most 40 characters."""
    message, prog = err.message, err.prog
    if match := re.fullmatch(_REQUIRED, message, re.S):
        choices = _subcommands(parser, prog) if match[1] in ("ACTION", "COMMAND") else None
        if choices:
            return t("usage.needs_action", lang, prog=prog, choices=", ".join(choices))
        return t("usage.required", lang, options=match[1].replace(", ", " "), prog=prog)
    if match := re.fullmatch(_ONE_OF, message, re.S):
        return t("usage.one_of", lang, options=match[1], prog=prog)
    if match := re.fullmatch(_UNKNOWN, message, re.S):
        first = (err.extra or match[1].split(" ", 1))[0].split("=", 1)[0]
        command = prog.split(" ", 1)[1] if " " in prog else ""
        if command and parser is not None and first in parser._option_string_actions:
            return t("usage.global_after", lang, option=first, command=command)
        return t("usage.unknown", lang, args=quoted(" ".join(err.extra) or match[1]), prog=prog)
    if match := re.fullmatch(_CHOICE, message, re.S):
        value = quoted(_literal(match[2]))
        choices = ", ".join(str(c) for c in _literal(f"[{match[3]}]", []))
        option = match[1]
        if option.isupper():  # COMMAND, ACTION: the subcommand itself
            return t("usage.command", lang, value=value, prog=prog, choices=choices)
        return t("usage.choice", lang, option=option, value=value, choices=choices)
    if match := re.fullmatch(_NEEDS_VALUE, message, re.S):
        return t("usage.needs_value", lang, option=match[1])
    if match := re.fullmatch(_NO_VALUE, message, re.S):
        return t("usage.takes_no_value", lang, option=match[1], value=quoted(_literal(match[2])))
    if match := re.fullmatch(_TOGETHER, message, re.S):
        return t("usage.together", lang, option=match[1], other=match[2])
    problem = quoted(message, 120)[1:-1]
    return t("usage.other", lang, problem=problem[:1].upper() + problem[1:], prog=prog)


def _subcommands(parser: argparse.ArgumentParser | None, prog: str) -> list[str]:
    """The subcommands of the parser called `prog` (found anywhere below `parser`)."""
    todo = [parser] if parser is not None else []
    while todo:
        current = todo.pop()
        sub = next((a for a in current._actions if isinstance(a, argparse._SubParsersAction)), None)
        if sub is None:
            continue
        if current.prog == prog:
            return list(sub.choices)
        todo.extend(sub.choices.values())
    return []


def _literal(text: str, default: object = None) -> object:
    """A value argparse showed with repr(), back as the value (the text itself if it is not a literal)."""
    import ast  # only for a mistake: kept out of every command's start-up

    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text if default is None else default
