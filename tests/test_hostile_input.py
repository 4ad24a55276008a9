"""Hostile command-line input, as an attacker would try it (issue 9): every refusal is exit 2 (or 3 for a data
folder that cannot be used) with exactly one sentence on stderr naming the option typed, nothing on stdout, no
traceback, and the ledger and its backup byte-for-byte unchanged. Then random Unicode and random bytes on every
option of every command: never a traceback, only exit 0, 2 or 3.

Everything runs in-process through `main(argv)`, so the table and the fuzzing stay fast."""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jiebei_tui.cli import build_parser, main
from jiebei_tui.domain.free_text import first_unsafe
from tests.conftest import EI

TODAY = "2025-03-01"
HUGE = "9" * 5000  # over Python's 4,300-digit int() limit
BIG = "x" * 131_072  # 131 KB
NOT_UTF8 = b"\xff\xfe".decode("utf-8", "surrogateescape")  # what Python puts in sys.argv for such bytes
ESC = "\x1b]0;owned\x07\x1b[2J"
BIDI = "\u202egnp.exe"
NUMBERS = ["①", "²", "٣", "𝟓", "½", "1_000", ",,,5", "1,00", "+-+1", "NaN", "Infinity", "-Infinity", "1e400", "0x10",
           "-0", HUGE, "", "\x1b[31m5", "5\u202e", BIG]


def c(*args: str) -> list[str]:
    """A command with the usual global options (a fixed today, no demo)."""
    return ["--today", TODAY, "--no-demo", "--lang", "en", *args]


def inline(**change: str) -> list[str]:
    """The worked example given inline, with some options replaced."""
    options = dict(zip(EI[::2], EI[1::2]))
    options.update({f"--{k.replace('_', '-')}": v for k, v in change.items()})
    return [part for pair in options.items() for part in pair]


# (argv after --data-dir, the option or positional the sentence must name (None: any), the exit code)
TABLE: list[tuple[list[str], str | None, int]] = [
    # numbers: digits that are not ASCII or full-width, separators, signs, specials, sizes, controls
    *[(c("schedule", *inline(principal=v)), "--principal", 2) for v in NUMBERS],
    *[(c("pay", "L1", "--amount", v), "--amount", 2) for v in NUMBERS],
    *[(c("loans", "add", "--name", "x", *inline(term=v)), "--term", 2)
      for v in ["①", "²", "٣", "1_000", "+-+1", HUGE, "1e1", "-0", "37", "12.0", "１２个月"]],
    *[(c("schedule", *inline(repayment_day=v)), "--repayment-day", 2) for v in ["①", "²", "0", "29", "9" * 4301, "-0"]],
    *[(c("schedule", *inline(daily_rate=v)), "--daily-rate", 2)
      for v in ["0.04%%", "%", "NaN", "4e-4", "0.2%", "½%", "0.0004\x00", "0.0000001", "０．０４％％", "-0.0004"]],
    *[(c("overdue", "--loan", "L1", "--days", "3", "--installment", v), "--installment", 2)
      for v in ["①", "0", "13", HUGE, "+-+1", "1.0"]],
    *[(c("overdue", "--loan", "L1", "--days", v), "--days", 2) for v in ["²", "-1", "3651", "9" * 4301, "1.5", "三"]],
    *[(c("terms", "set", "--grace-days", v), "--grace-days", 2) for v in ["①", "31", "-1", HUGE]],
    *[(c("terms", "set", "--penalty-multiplier", v), "--penalty-multiplier", 2)
      for v in ["NaN", "Infinity", "1e400", "0", "10.1", "1,5", "1.00001"]],
    *[(c("remind", "set", "--catch-up-days", v), "--catch-up-days", 2) for v in ["①", "31", HUGE]],
    *[(c("remind", "list", "--days", v), "--days", 2) for v in ["0", "367", "²"]],
    *[(c("remind", "add", "--time", "09:00", "--offset", v), "--offset", 2)
      for v in ["+-+1", "31", "-31", "①", HUGE, "1.5"]],
    *[(c("remind", "add", "--offset", "1", "--time", v), "--time", 2) for v in ["9am", "24:00", "09:00\x07", "09:60"]],
    # dates: the range 1990-01-01 … 2099-12-31, the one shape
    *[(["--today", v, "--no-demo", "status"], "--today", 2)
      for v in ["9999-12-31", "0001-01-01", "2100-01-01", "1989-12-31", "2025-02-30", "20250110", "", "２０２５－１３－０１"]],
    *[(c("loans", "add", "--name", "x", *inline(start=v)), "--start", 2)
      for v in ["9999-12-31", "0001-01-01", "2025-W02-1", "1899-12-31"]],
    *[(c("pay", "L1", "--amount", "10", "--on", v), "--on", 2) for v in ["9999-12-31", "0001-01-01", "2025-03-02", ""]],
    (c("settle", "--loan", "L1", "--on", "9999-12-31"), "--on", 2),
    (c("prepay", "--loan", "L1", "--amount", "100", "--on", "0001-01-01"), "--on", 2),
    *[(c("remind", command, "--now", v), "--now", 2)
      for command in ("run", "list") for v in ["0001-01-01T00:00", "9999-12-31T23:59", "2025-03-01", "", "now"]],
    # text: control characters, bidi overrides, sizes
    *[(c("loans", "add", *EI, "--name", v), "--name", 2)
      for v in [ESC, "a\nb", BIDI, "\u2066x\u2069", "x\x7fy", "x\u0085y", "", "   ", "x" * 41, BIG, "\u2028", "\t"]],
    *[(c("loans", "rename", "L1", "--name", v), "--name", 2) for v in ["\x1b[2J", "a\r\nb", "\u202e"]],
    (c("remind", "set", "--command", "echo\x1b[2J"), "--command", 2),
    (c("remind", "set", "--command", BIG), "--command", 2),
    *[(c("remind", "set", "--timezone", v), "--timezone", 2)
      for v in ["Mars/Olympus", "", "a" * 300, "../../etc/passwd", "UTC\n", "Asia/Shanghai\u202e"]],
    *[(c("remind", "add", "--offset", "1", "--time", "09:00", "--loans", v), "--loans", 2) for v in ["L9", "L1,,L9", "\x1b"]],
    *[(c("export-ics", "--out", v), "--out", 2) for v in ["\x1b.ics", "a\nb.ics", ""]],
    *[(["--data-dir", v, *c("status")], "--data-dir", 2) for v in ["/tmp/x\nExecStartPost=/bin/sh", "", "\x1b"]],
    # ids: the positional is named as such (pay L9 is not --loan)
    (c("pay", "L9", "--amount", "10"), "ID", 2),
    (c("pay", "\x1b[2J", "--amount", "10"), "ID", 2),
    (c("pay", "", "--amount", "10"), "ID", 2),
    (c("loans", "remove", "L9"), "ID", 2),
    (c("loans", "rename", "L9", "--name", "x"), "ID", 2),
    (c("status", "L7"), "ID", 2),
    (c("status", HUGE), "ID", 2),
    (c("remind", "remove", "R9"), "RULE", 2),
    (c("remind", "enable", "R99"), "RULE", 2),
    (c("remind", "disable", "\u202eR1"), "RULE", 2),
    (c("settle", "--loan", "L9", "--on", "2025-02-25"), "--loan", 2),
    (c("prepay", "--loan", "", "--on", "2025-03-01", "--amount", "100"), "--loan", 2),
    (c("schedule", "--loan", "\x1b"), "--loan", 2),
    # words from a fixed list
    *[(c("schedule", *inline(method=v)), "--method", 2) for v in ["annuity", "", "\u202eequal-installment", "EQUAL-INSTALLMENT"]],
    *[(c("prepay", "--loan", "L1", "--on", "2025-03-01", "--amount", "100", "--strategy", v), "--strategy", 2)
      for v in ["faster", ""]],
    *[(c("terms", "set", "--compounding", v), "--compounding", 2) for v in ["maybe", "", "ON"]],
    (c("terms", "set", "--default-strategy", "x"), "--default-strategy", 2),
    (c("remind", "set", "--desktop", "yes"), "--desktop", 2),
    (c("remind", "set", "--command-enabled", ""), "--command-enabled", 2),
    *[(c("remind", "set", "--quiet", v), "--quiet", 2) for v in ["22-08", "25:00-07:00", "①"]],
    *[(["--lang", v, "--no-demo", "status"], "--lang", 2) for v in ["fr", ""]],
    # arguments that are not UTF-8
    (c("loans", "add", *EI, "--name", NOT_UTF8), "--name", 2),
    (c("pay", "L1", "--amount", "1" + NOT_UTF8), "--amount", 2),
    (c("status", NOT_UTF8), None, 2),
    (["--today", "2025" + NOT_UTF8, "status"], "--today", 2),
    (c("--" + NOT_UTF8), None, 2),
    ([f"--data-dir={NOT_UTF8}", *c("status")], "--data-dir", 2),
    # argparse: unknown commands and options, missing values, clashes — one sentence, no usage dump
    (c("bogus"), None, 2),
    (c("pay"), "ID", 2),
    (c("pay", "L1"), "--amount", 2),
    (c("pay", "L1", "--amount"), "--amount", 2),
    (c("settle", "--loan", "L1", "--on"), "--on", 2),  # a missing value (leaving --on out means today)
    (c("schedule", "--principal"), "--principal", 2),
    (c("status", "--json=1"), "--json", 2),
    (c("status", "L1", "L2"), None, 2),
    (["--no-demo", "status", "--today", TODAY], "--today", 2),
    (c("loans"), None, 2),
    (c("remind"), None, 2),
    (c("recover"), "--from-backup", 2),
    (c("recover", "--from-backup", "--start-empty"), "--from-backup", 2),
    (["--nope", *c("status")], "--nope", 2),
    (c("status", "--nope"), "--nope", 2),
    (c("terms", "maybe"), None, 2),
    (["--lang"], "--lang", 2),
    (c("overdue", "--loan", "L1"), "--days", 2),
    (c("loans", "add", *EI), "--name", 2),
    (c("remind", "add", "--offset", "1"), "--time", 2),
    (c("export-ics", "--out"), "--out", 2),
    (c("status", "--" + "x" * 5000), None, 2),
    # a loan named twice, or not completely
    (c("settle", "--loan", "L1", "--on", "2025-02-25", "--principal", "5"), "--principal", 2),
    (c("schedule", "--principal", "100"), "--daily-rate", 2),
    (c("loans", "add", "--name", "x", "--principal", "100"), "--daily-rate", 2),
    (c("settle", *EI, "--on", "2025-02-25", "--apply"), "--apply", 2),
    # amounts the ledger refuses
    (c("pay", "L1", "--amount", "20000"), "--amount", 2),
    (c("prepay", "--loan", "L1", "--on", "2025-03-01", "--amount", "1000000"), "--amount", 2),
    # correcting the record (issue 8): ids, reasons, amounts and dates, options that go together
    (c("payments", "void", "E9"), "ID", 2),
    (c("payments", "void", "E1", "--reason", ESC), "--reason", 2),
    (c("payments", "void", "E1", "--reason", "x" * 201), "--reason", 2),
    (c("payments", "edit", "E1", "--amount", "①"), "--amount", 2),
    (c("payments", "edit", "E1", "--on", "9999-12-31"), "--on", 2),
    (c("payments", "edit", "E1", "--on", "2025-03-02"), "--on", 2),
    (c("payments", "edit", "E1"), "--amount", 2),
    (c("payments", "list", "L9"), "LOAN", 2),
    (c("loans", "edit", "L1", "--term", "37"), "--term", 2),
    (c("loans", "edit", "L1", "--daily-rate", "0.2%", "--apply"), "--daily-rate", 2),
    (c("loans", "edit", "L9", "--term", "6"), "ID", 2),
    (c("loans", "edit", "L1"), "--principal", 2),
    (c("loans", "edit", "L1", "--start", "2025-03-05", "--apply"), "--start", 2),
    (c("loans", "add", "--name", "x", *EI, "--paid-through", "99"), "--paid-through", 2),
    (c("loans", "add", "--name", "x", *EI, "--paid-through", HUGE), "--paid-through", 2),
    (c("loans", "auto-debit", "L1", "maybe"), "on|off", 2),
    (c("loans", "auto-debit", "L1", "on", "--account", ESC), "--account", 2),
    (c("loans", "auto-debit", "L9", "on"), "ID", 2),
    (c("terms", "set", "--loan", "L9", "--grace-days", "1"), "--loan", 2),
    (c("terms", "set", "--prepayment-fee", "11%"), "--prepayment-fee", 2),
    (c("terms", "set", "--min-prepayment", "-1"), "--min-prepayment", 2),
    (c("terms", "set", "--reset", "grace-days"), "--reset", 2),
    (c("terms", "set", "--loan", "L1", "--reset", "colour"), "--reset", 2),
    (c("pay", "L1", "--debited"), "ID", 2),
    (c("pay", "L1", "--debited", "--amount", "5"), "--debited", 2),
    (c("pay", "L1", "--debited", "--on", "2025-02-10"), "--debited", 2),
    # the Plan section (issue 11): plans, goals, scenarios, what-ifs, months, payday, exports
    *[(c("plan", "--extra", v), "--extra", 2) for v in ["①", "-5", "0", HUGE, "NaN", "1.001"]],
    (c("plan"), "--extra", 2),
    (c("plan", "--extra", "5", "--on", "2025-02-28"), "--on", 2),
    (c("plan", "--extra", "5", "--on", "9999-12-31"), "--on", 2),
    (c("plan", "--monthly", "100"), "--from", 2),
    (c("plan", "--monthly", "100", "--from", "2025-02-01"), "--from", 2),
    (c("plan", "--extra", "5", "--strategy", "faster"), "--strategy", 2),
    (c("plan", "--extra", "5", "--order", "cheapest"), "--order", 2),
    (c("plan", "--extra", "5", "--on", "2025-03-05", "--apply-first"), "--apply-first", 2),
    (c("plan", "--extra", "5", "--roll-over=yes"), "--roll-over", 2),
    (c("goal", "--loan", "L1"), "--finish-by", 2),
    (c("goal", "--loan", "L9", "--save", "10"), "--loan", 2),
    (c("goal", "--loan", "L1", "--save", "0"), "--save", 2),
    (c("goal", "--loan", "L1", "--save", "①"), "--save", 2),
    (c("goal", "--loan", "L1", "--max-installment", "-1"), "--max-installment", 2),
    (c("goal", "--loan", "L1", "--max-installment", HUGE), "--max-installment", 2),
    (c("goal", "--loan", "L1", "--finish-by", "2025-02-30"), "--finish-by", 2),
    (c("goal", "--loan", "L1", "--save", "1", "--finish-by", "2025-06-01"), "--finish-by", 2),
    (c("goal", "--loan", "L1", "--save", "1", "--on", "2025-02-01"), "--on", 2),
    (c("goal", "--loan", "L1", "--save", "1", "--strategy", "x"), "--strategy", 2),
    (c("scenario", "add", "X", "--prepay", "--loan", "L1"), "--amount", 2),
    (c("scenario", "add", "X", "--prepay", "--amount", "10"), "--loan", 2),
    (c("scenario", "add", "X", "--prepay", "--loan", "L1", "--amount", "①"), "--amount", 2),
    (c("scenario", "add", ESC, "--settle", "--loan", "L1"), "NAME", 2),
    (c("scenario", "add", "x" * 41, "--settle", "--loan", "L1"), "NAME", 2),
    (c("scenario", "add", "Prepay", "--settle", "--loan", "L1"), "NAME", 2),  # the template's scenario
    (c("scenario", "add", "--settle", "--loan", "L1"), "NAME", 2),
    *[(c("scenario", "add", v, "--settle", "--loan", "L1"), "NAME", 2)  # an id's shape, or nothing visible
      for v in ["S2", "s9", "Ｓ1".replace("Ｓ", "S"), "\u200b", "\u200b\u200d\ufeff", "\u3164"]],
    *[(c("loans", "rename", "L1", "--name", v), "--name", 2) for v in ["\u200b", "\u2060\u200c", "\u2800"]],
    (c("scenario", "add", "X", "--to", "S1", "--settle", "--loan", "L1"), "--to", 2),
    (c("scenario", "add", "--to", "S9", "--settle", "--loan", "L1"), "--to", 2),
    (c("scenario", "add", "X", "--repayment-day", "--loan", "L1", "--day", "29"), "--day", 2),
    (c("scenario", "add", "X", "--repayment-day", "--loan", "L1"), "--day", 2),
    (c("scenario", "add", "X", "--monthly", "--amount", "10", "--order", "cheap"), "--order", 2),
    (c("scenario", "add", "X", "--monthly", "--amount", "10", "--loan", "L1", "--order", "lowest-outgo"), "--order", 2),
    (c("scenario", "add", "X", "--settle", "--loan", "L1", "--on", "2025-01-01"), "--on", 2),
    (c("scenario", "add", "X", "--settle", "--loan", "L9"), "--loan", 2),
    (c("scenario", "add", "X", "--prepay", "--settle"), "--settle", 2),
    (c("scenario", "add", "X"), None, 2),
    (c("scenario", "show", "S9"), "SCENARIO", 2),
    (c("scenario", "show", "\x1b[2J"), "SCENARIO", 2),
    (c("scenario", "apply", "S9"), "SCENARIO", 2),
    (c("scenario", "remove", "nope"), "SCENARIO", 2),
    (c("scenario", "compare", "S1", "S1", "S1", "S1", "S1"), "SCENARIO", 2),
    (c("scenario", "compare", "S7"), "SCENARIO", 2),
    (c("scenario"), None, 2),
    *[(c("whatif", "repayment-day", "--loan", "L1", "--day", v), "--day", 2) for v in ["29", "0", "①", "10", HUGE]],
    (c("whatif", "repayment-day", "--loan", "L9", "--day", "5"), "--loan", 2),
    (c("whatif", "repayment-day", "--loan", "L1", "--day", "5", "--on", "2025-02-01"), "--on", 2),
    (c("whatif"), None, 2),
    *[(c("months", "--count", v), "--count", 2) for v in ["0", "121", "①", HUGE, "1.5"]],
    *[(c("months", "--payday", v), "--payday", 2) for v in ["32", "0", "never"]],
    *[(c("payday", v), "DAY|off", 2) for v in ["32", "0", "①", "never", ESC]],
    (c("export", "csv", "--what", "loans"), "--what", 2),
    (c("export", "csv", "--what", "plan"), "--extra", 2),
    (c("export", "csv", "--what", "plan", "--extra", "①"), "--extra", 2),
    (c("export", "csv", "--what", "months", "--count", "0"), "--count", 2),
    (c("export", "csv", "--what", "schedule", "--out", "\x1b.csv"), "--out", 2),
    (c("export", "csv", "--what", "schedule", "--out", ""), "--out", 2),
    (c("export", "journal", "--format", "ledger"), "--format", 2),
    (c("export", "journal"), "--format", 2),
    (c("export"), None, 2),
    (["--data-dir", "{file}", *c("plan", "--extra", "5")], None, 3),
    # after a missed payment (issue 12): the budget plan and the letter
    *[(c("hardship", "--budget", v), "--budget", 2) for v in ["0", "-5", "①", "NaN", "1e400", HUGE, "1,00"]],
    (c("hardship"), "--budget", 2),
    *[(c("hardship", "--budget", "1000", "--from", v), "--from", 2) for v in ["2025-02-28", "9999-12-31", "x"]],
    (c("hardship", "--budget", "1000", "--order", "random"), "--order", 2),
    *[(c("hardship", "--budget", "1000", "--months", v), "--months", 2) for v in ["0", "121", "①"]],
    (c("hardship", "--budget", "1000", "--letter", "--loan", "L9"), "--loan", 2),
    (c("hardship", "--budget", "1000", "--letter", "--ask", "maybe"), "--ask", 2),
    (c("hardship", "--budget", "1000", "--letter", "--name", ESC), "--name", 2),
    (c("hardship", "--budget", "1000", "--letter", "--reason", BIDI), "--reason", 2),
    (c("hardship", "--budget", "1000", "--letter", "--lender", "x" * 81), "--lender", 2),
    (c("hardship", "--budget", "1000", "--letter", "--lang", "fr"), "--lang", 2),
    (c("hardship", "--budget", "1000", "--name", "x"), "--name", 2),
    (c("hardship", "--budget", "1000", "--letter", "x\x1b.txt"), "--letter", 2),
    (c("hardship", "--budget", "1000", "--letter", "/proc/no-such-folder/letter.txt"), "--letter", 2),  # the path in full, and why
    # loans restructure
    (c("loans", "restructure", "L9", "--on", TODAY, "--term", "12"), "ID", 2),
    (c("loans", "restructure", "L1", "--term", "12"), "--on", 2),
    *[(c("loans", "restructure", "L1", "--on", v, "--term", "12"), "--on", 2)
      for v in ["2025-03-02", "2025-01-10", "9999-12-31", "tomorrow"]],
    (c("loans", "restructure", "L1", "--on", TODAY), "--term", 2),
    *[(c("loans", "restructure", "L1", "--on", TODAY, "--term", v), "--term", 2) for v in ["0", "61", "①", HUGE]],
    *[(c("loans", "restructure", "L1", "--on", TODAY, "--installment", v), "--installment", 2) for v in ["0", "①", "20"]],
    *[(c("loans", "restructure", "L1", "--on", TODAY, "--term", "12", "--daily-rate", v), "--daily-rate", 2)
      for v in ["0.2%", "NaN", "-0.0004"]],
    (c("loans", "restructure", "L1", "--on", TODAY, "--term", "12", "--method", "annuity"), "--method", 2),
    *[(c("loans", "restructure", "L1", "--on", TODAY, "--term", "12", "--first-due", v), "--first-due", 2)
      for v in ["2025-03-01", "2025-03-29", "2025-07-01"]],
    (c("loans", "restructure", "L1", "--on", TODAY, "--term", "12", "--reference", ESC), "--reference", 2),
    (c("loans", "restructure", "L1", "--on", TODAY, "--term", "12", "--reference", "x" * 201), "--reference", 2),
    (c("loans", "restructure", "L1", "--on", TODAY, "--installment", "500", "--method", "equal-principal"),
     "--installment", 2),
    # the contact log
    (c("contacts", "add", "--at", "2025-02-15 10:00", "--channel", "phone", "--from", "X"), "--loan", 2),
    (c("contacts", "add", "--loan", "L9", "--at", "2025-02-15 10:00", "--channel", "phone", "--from", "X"), "--loan", 2),
    *[(c("contacts", "add", "--loan", "L1", "--at", v, "--channel", "phone", "--from", "X"), "--at", 2)
      for v in ["2025-03-02 10:00", "2025-03-01", "9999-12-31 10:00", "2025-02-15T10:00+08:00", "25:00", "2024-12-31 10:00"]],
    *[(c("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", v, "--from", "X"), "--channel", 2)
      for v in ["email", "PHONE", "third party"]],
    *[(c("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "sms", "--from", v), "--from", 2)
      for v in ["   ", ESC, "x" * 81, BIDI]],
    (c("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "sms", "--from", "X", "--note", ESC),
     "--note", 2),
    (c("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "sms", "--from", "X", "--number",
       BIDI), "--number", 2),
    (c("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "sms", "--from", "X", "--promise",
       "0", "--promise-date", "2025-02-20"), "--promise", 2),
    (c("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "sms", "--from", "X", "--promise",
       "500"), "--promise-date", 2),
    (c("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "sms", "--from", "X",
       "--promise-date", "2025-02-20"), "--promise", 2),
    (c("contacts", "add", "--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "sms", "--from", "X", "--promise",
       "500", "--promise-date", "2025-02-14"), "--promise-date", 2),
    (c("contacts", "list", "--loan", "L9"), "--loan", 2),
    (c("contacts", "remove", "C9"), "ID", 2),
    (c("contacts", "remove", "\x1b[2J"), "ID", 2),
    (c("contacts", "report", "--loan", "L9"), "--loan", 2),
    (c("contacts", "report", "--out", "\x1b.md"), "--out", 2),
    (c("contacts"), None, 2),
    # the credit record
    *[(c("credit", "--report-day", v), "--report-day", 2) for v in ["0", "32", "①", "never", HUGE]],
    (c("credit", "--loan", "L9"), "--loan", 2),
    # an export aimed at the ledger's own files ({ledger}: the data folder's ledger.json, {backup}: its backup 1)
    *[(c(*command, path), option, 2) for path in ("{ledger}", "{backup}")
      for command, option in ((("export-ics", "--out"), "--out"), (("export", "csv", "--what", "schedule", "--out"), "--out"),
                              (("export", "journal", "--format", "beancount", "--out"), "--out"),
                              (("contacts", "report", "--out"), "--out"), (("hardship", "--budget", "1000", "--letter"), "--letter"))],
    # a data folder that is a file: exit 3
    (["--data-dir", "{file}", *c("status")], None, 3),
    (["--data-dir", "{file}", *c("loans", "list")], None, 3),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger with the worked example, a payment (so there is a backup) and desktop notifications off."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    base = ["--data-dir", str(data), *c()]
    with contextlib.redirect_stdout(io.StringIO()):
        assert main([*base, "loans", "add", "--name", "Worked example", *EI]) == 0
        assert main([*base, "pay", "L1", "--amount", "900.41", "--on", "2025-02-10"]) == 0
        assert main([*base, "remind", "set", "--desktop", "off"]) == 0
        assert main([*base, "scenario", "add", "Prepay", "--prepay", "--loan", "L1", "--amount", "1000"]) == 0
    assert (data / "ledger.json.bak.1").exists()
    return data


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def sandbox(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the template ledger; the working folder and the systemd config folder inside tmp_path."""
    data = tmp_path / "data"
    shutil.copytree(template, data)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    (tmp_path / "a-file").write_text("not a folder")
    return data


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def one_sentence(message: str) -> bool:
    """One line, ending in a full stop, with no second sentence starting inside it."""
    return (
        message.count("\n") == 0
        and message.endswith((".", "。"))
        and re.search(r"[.。] +[A-Z]", message) is None
    )


def test_the_table_is_big_enough() -> None:
    assert len(TABLE) >= 150
    names = {"schedule", "settle", "prepay", "overdue", "loans", "pay", "status", "terms", "remind", "export-ics",
             "recover", "plan", "goal", "scenario", "whatif", "months", "payday", "export", "hardship", "contacts",
             "credit", "restructure"}
    commands = {a for argv, _, _ in TABLE for a in argv if a in names}
    assert commands == names


@pytest.mark.parametrize(("argv", "label", "code"), TABLE, ids=[f"{i}" for i in range(len(TABLE))])
def test_hostile_input_is_one_sentence_and_changes_nothing(sandbox: Path, argv, label, code) -> None:
    before = snapshot(sandbox)
    places = {"{file}": sandbox.parent / "a-file", "{ledger}": sandbox / "ledger.json", "{backup}": sandbox / "ledger.json.bak.1"}
    argv = [str(places[a]) if a in places else a for a in argv]
    if argv[0] != "--data-dir" and not argv[0].startswith("--data-dir="):
        argv = ["--data-dir", str(sandbox), *argv]
    got, out, err = run(argv)
    message = err.rstrip("\n")
    assert got == code, message
    assert out == ""
    assert "Traceback" not in err
    assert one_sentence(message), message
    assert len(message) <= 400  # a bad value is quoted at most 40 characters
    assert first_unsafe(message) is None  # what was typed is shown escaped, never acting on the terminal
    if label is not None:
        assert label in message, message
    if code == 2:
        assert "usage:" not in message
    assert snapshot(sandbox) == before  # the ledger, the backup, the lock: byte for byte; no crash report
    assert not (sandbox.parent / "config").exists()


def test_refusals_read_in_chinese_too(sandbox: Path) -> None:
    for argv in (["pay", "L9", "--amount", "10"], ["bogus"], ["status", "--nope"], ["pay", "L1", "--amount", "①"]):
        code, _, err = run(["--data-dir", str(sandbox), "--today", TODAY, "--lang", "zh", *argv])
        assert code == 2 and err.count("\n") == 1 and err.rstrip().endswith("。"), err


def test_help_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["pay", "--help"], ["remind", "add", "--help"]):
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 0
    assert "usage:" in capsys.readouterr().out


# --- random Unicode and random bytes on every option of every command ---


def _commands() -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = []

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        sub = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
        if sub is None:
            found.append((path, parser))
            return
        for name, child in sub.choices.items():
            walk(child, (*path, name))

    walk(build_parser(), ())
    return found


COMMANDS = _commands()
GLOBAL_OPTIONS = ["--today", "--lang"]  # --data-dir is a path: the table covers it
NOT_FUZZED = {"--out", "--letter", "--help", "--version", "--data-dir"}  # paths would write into random places
# what each command needs besides the fuzzed option, so that option is what gets examined
BASE: dict[tuple[str, ...], list[str]] = {
    ("schedule",): EI,
    ("settle",): ["--loan", "L1", "--on", "2025-02-25"],
    ("prepay",): ["--loan", "L1", "--on", TODAY, "--amount", "3000"],
    ("overdue",): ["--loan", "L1", "--days", "3"],
    ("loans", "add"): ["--name", "N", *EI],
    ("loans", "remove"): ["L1"],
    ("loans", "rename"): ["L1", "--name", "x"],
    ("pay",): ["L1", "--amount", "10"],
    ("terms",): ["set"],
    ("remind", "add"): ["--offset", "1", "--time", "09:00"],
    ("remind", "remove"): ["R1"],
    ("remind", "enable"): ["R1"],
    ("remind", "disable"): ["R1"],
    ("recover",): ["--from-backup"],
    ("payments", "void"): ["E1"],
    ("payments", "edit"): ["E1", "--amount", "10"],
    ("loans", "edit"): ["L1", "--term", "6"],
    ("loans", "auto-debit"): ["L1", "on"],
    ("plan",): ["--extra", "5000"],
    ("goal",): ["--loan", "L1", "--save", "10"],
    ("scenario", "add"): ["X", "--prepay", "--loan", "L1", "--amount", "100"],
    ("scenario", "show"): ["S1"],
    ("scenario", "apply"): ["S1"],
    ("scenario", "remove"): ["S1"],
    ("whatif", "repayment-day"): ["--loan", "L1", "--day", "25"],
    ("payday",): ["15"],
    ("export", "csv"): ["--what", "schedule"],
    ("export", "journal"): ["--format", "hledger"],
    ("hardship",): ["--budget", "1000"],
    ("loans", "restructure"): ["L1", "--on", TODAY, "--term", "12"],
    ("contacts", "add"): ["--loan", "L1", "--at", "2025-02-15 10:00", "--channel", "phone", "--from", "X"],
    ("contacts", "remove"): ["C1"],
}


def _with(base: list[str], action: argparse.Action, value: str) -> list[str]:
    """`base` with the action's value replaced (or added)."""
    argv = list(base)
    if action.option_strings:
        option = max(action.option_strings, key=len)
        if option in argv:
            at = argv.index(option) + 1
            return [*argv[:at], value, *argv[at + 1:]]  # (an optional value may be missing: then it is added)
        return [*argv, f"{option}={value}"]  # `=`: a value starting with - is still this option's value
    if argv and not argv[0].startswith("-"):
        return [value, *argv[1:]] if action.dest in ("id", "action", "name", "scenario", "payday") else argv
    return ["--", value] if not argv else [*argv, "--", value]


VALUES = st.one_of(
    st.text(max_size=40),
    st.binary(max_size=24).map(lambda b: b.decode("utf-8", "surrogateescape")),
    st.sampled_from(["①", "²", HUGE, "1_000", ",,,5", "+-+1", "NaN", "1e400", "-0", "9999-12-31", "0001-01-01T00:00",
                     "", ESC, BIDI, NOT_UTF8, "１０００", "0.04％"]),
)


@pytest.mark.parametrize("command", [path for path, _ in COMMANDS], ids=lambda path: " ".join(path))
@settings(max_examples=12, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_random_text_on_every_option_never_crashes(sandbox: Path, command: tuple[str, ...], data) -> None:
    parser = dict(COMMANDS)[command]
    actions = [a for a in parser._actions if a.nargs != 0 and not set(a.option_strings) & NOT_FUZZED]
    choices = [*[("global", o) for o in GLOBAL_OPTIONS], *[("command", a) for a in actions]]
    where, target = data.draw(st.sampled_from(choices))
    value = data.draw(VALUES)
    head = ["--data-dir", str(sandbox), "--today", TODAY, "--no-demo", "--lang", "en"]
    tail = BASE.get(command, [])
    if where == "global":
        head[head.index(target) + 1] = value
    else:
        tail = _with(tail, target, value)
    code, out, err = run([*head, *command, *tail])
    assert code in (0, 2, 3), err
    assert "Traceback" not in err and "Traceback" not in out
    if code:
        assert one_sentence(err.rstrip("\n")), err
    assert first_unsafe(err.rstrip("\n")) is None
    assert first_unsafe(out, allow="\n\r") is None  # (an iCalendar file on stdout ends its lines in CRLF)
    assert not list(sandbox.glob("crash-*"))


# --- text from a hand-edited file, shown by the command line ---


def test_names_from_a_hand_edited_file_are_shown_escaped(sandbox: Path) -> None:
    path = sandbox / "ledger.json"
    data = __import__("json").loads(path.read_text())
    data["loans"][0]["name"] = "\x1b]0;owned\x07\x1b[2J\nL9  forged row \u202e"
    data["loans"][0]["funding_account"] = "card\x9b31m"
    path.write_text(__import__("json").dumps(data))
    base = ["--data-dir", str(sandbox), "--today", TODAY, "--lang", "en", "--no-demo"]
    for argv in (["status"], ["status", "L1"], ["loans", "list"], ["status", "--json"], ["loans", "list", "--json"],
                 ["pay", "L1", "--amount", "10"], ["loans", "rename", "L1", "--name", "Fine"]):
        code, out, err = run([*base, *argv])
        assert code == 0, err
        assert first_unsafe(out, allow="\n") is None, (argv, out)
        assert "forged row" not in out or "\\x0a" in out or "\\n" in out  # the newline cannot start a row
        if "--json" in argv:
            assert "\\u202e" in out or "Fine" in out  # still valid JSON, the character escaped
            __import__("json").loads(out)
    code, out, _ = run([*base, "loans", "remove", "L1"])
    assert code == 0 and first_unsafe(out, allow="\n") is None


def test_a_backup_that_cannot_be_read_does_not_advise_the_command_that_failed(sandbox: Path) -> None:
    (sandbox / "ledger.json").write_text("{broken")
    (sandbox / "ledger.json.bak.1").write_text("{broken too")
    for other in sandbox.glob("ledger.json.bak.*"):  # every backup unreadable
        other.write_text("{broken too")
    code, out, err = run(["--data-dir", str(sandbox), "--lang", "en", "recover", "--from-backup"])
    assert code == 3 and out == "" and one_sentence(err.rstrip("\n")), err
    assert "ledger.json.bak.1" in err and "line 1" in err and "--from-backup" not in err


def test_a_hand_edited_year_9999_is_a_file_problem_not_a_crash(sandbox: Path) -> None:
    path = sandbox / "ledger.json"
    for field, where in (("start", "loans"), ("date", "events")):
        data = __import__("json").loads((sandbox / "ledger.json.bak.1").read_text())
        data[where][0][field] = "9999-12-31"
        path.write_text(__import__("json").dumps(data))
        code, out, err = run(["--data-dir", str(sandbox), "--today", TODAY, "--lang", "en", "status"])
        item = "loan L1 was drawn on 9999-12-31" if where == "loans" else "payment E1 is dated 9999-12-31"
        assert code == 3 and out == "" and item in err and "2099-12-31" in err, err


def test_today_from_the_environment_is_named_as_such(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIEBEI_TUI_TODAY", "9999-12-31")
    code, _, err = run(["--data-dir", str(sandbox), "--lang", "en", "status"])
    assert code == 2 and err.startswith('JIEBEI_TUI_TODAY "9999-12-31" is not allowed') and "2099-12-31" in err
    monkeypatch.setenv("JIEBEI_TUI_TODAY", "２０２５－０３－０１")  # full-width, as an input method types it
    code, out, _ = run(["--data-dir", str(sandbox), "--lang", "en", "status", "--json"])
    assert code == 0 and '"today": "2025-03-01"' in out


@pytest.mark.parametrize("argv", [
    [b"scenario", b"add", b"\xff\xfe", b"--settle", b"--loan", b"L1"],
    [b"contacts", b"add", b"--loan", b"L1", b"--at", b"2025-02-15 10:00", b"--channel", b"sms", b"--from", b"\xe4\xb8"],
    [b"hardship", b"--budget", b"1000", b"--letter", b"--reason", b"\x80"],
    [b"loans", b"restructure", b"L1", b"--on", b"2025-03-01", b"--term", b"12", b"--reference", b"\xc3("],
    [b"export", b"csv", b"--what", b"schedule", b"--out", b"/tmp/\xff.csv"],
    [b"payday", b"\xff"],
], ids=lambda argv: argv[0].decode())
def test_arguments_that_are_not_utf8_in_a_real_process(sandbox: Path, argv: list[bytes]) -> None:
    """As the operating system hands them over (bytes, through a UTF-8 locale and through LC_ALL=C): one sentence
    showing the bytes as \\xNN, exit 2, nothing written."""
    import os
    import subprocess
    import sys

    before = snapshot(sandbox)
    for locale in ("C.UTF-8", "C"):
        done = subprocess.run(
            [sys.executable.encode(), b"-m", b"jiebei_tui", b"--data-dir", bytes(sandbox), b"--today", TODAY.encode(),
             b"--no-demo", b"--lang", b"en", *argv],
            capture_output=True, env={**os.environ, "LC_ALL": locale, "LANG": locale}, timeout=60,
        )
        err = done.stderr.decode("utf-8")
        assert done.returncode == 2 and done.stdout == b"" and one_sentence(err.rstrip("\n")), err
        assert "UTF-8" in err and "\\x" in err and "Traceback" not in err
    assert snapshot(sandbox) == before
