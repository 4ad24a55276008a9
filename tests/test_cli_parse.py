"""A command line is parsed by its own command group's parsers (cli.quick_parse; the full parser only for --help,
--version, unknown commands and mistakes): that must read every command line exactly as the full parser does."""

from __future__ import annotations

import argparse
import importlib

import pytest

from jiebei_tui import cli
from jiebei_tui.cli import door


def commands_of(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub._name_parser_map)


def helps(parser: argparse.ArgumentParser) -> list[str]:
    """The help of a parser and of every subcommand under it, depth first."""
    out = [parser.format_help()]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action._name_parser_map.items():
                out += [name, *helps(child)]
    return out


def test_every_command_is_mapped_to_the_group_that_adds_it() -> None:
    full = commands_of(cli.build_parser())
    assert set(cli.COMMANDS) == set(full)
    for group in cli.GROUPS:
        module = importlib.import_module(f"jiebei_tui.cli.{group}")
        parser = door.Parser(prog="jiebei-tui")
        module.add_parsers(parser.add_subparsers(dest="command"))
        assert {c for c, g in cli.COMMANDS.items() if g == group} == set(commands_of(parser)), group


@pytest.mark.parametrize("command", sorted(cli.COMMANDS))
def test_a_command_alone_is_described_as_in_the_full_parser(command: str) -> None:
    alone = commands_of(cli.build_parser((cli.COMMANDS[command],)))[command]
    assert helps(alone) == helps(commands_of(cli.build_parser())[command])


LINES = [
    [],
    ["--data-dir", "/tmp/x", "--today", "2026-11-28", "--lang", "zh", "--no-demo"],
    ["--data=/tmp/x"],  # an abbreviation, as argparse allows
    ["--today", "2026-11-28", "status", "--json"],
    ["status", "L1"],
    ["schedule", "--principal", "1000", "--daily-rate", "0.0004", "--term", "3", "--method", "equal-installment",
     "--start", "2026-01-01", "--json"],
    ["pay", "L1", "--amount", "100", "--on", "2026-11-01"],
    ["remind", "run", "--now", "2026-11-28T10:00"],
    ["loans", "list"],
]
WRONG = [["status", "--bogus"], ["statu"], ["remind"], ["--lang", "xx"], ["--version"], ["-h"], ["status", "--today", "x"]]


def namespace(args: argparse.Namespace) -> dict:
    return {k: v for k, v in vars(args).items() if k != door.CHAIN}


@pytest.mark.parametrize("argv", LINES, ids=" ".join)
def test_a_command_line_reads_as_the_full_parser_reads_it(argv: list[str]) -> None:
    quick = cli.quick_parse(argv)
    assert quick is not None
    parser, args = quick
    expected = cli.build_parser().parse_args(argv)
    assert namespace(args) == namespace(expected)
    assert [p.prog for p in door._parsers(parser, args)] == [p.prog for p in door._parsers(cli.build_parser(), expected)]


@pytest.mark.parametrize("argv", WRONG, ids=" ".join)
def test_what_the_quick_parse_cannot_take_goes_to_the_full_parser(argv: list[str]) -> None:
    assert cli.quick_parse(argv) is None
