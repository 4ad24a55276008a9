"""Hand-edited ledgers, as an attacker (or a careless editor) would leave them: wrong types, sizes, nesting,
numbers, ids, orphans and times. Each is a function of a good ledger (as a dict) returning the file's bytes,
and the words the refusal must contain to name the problem. Shared by the command-line and the app tests."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from jiebei_tui.cli import main

GOOD_TODAY = "2025-03-01"


def build_good_ledger(folder) -> bytes:
    """Two loans, three payments (one of them corrected: a void and its replacement), a restructure agreed for the
    second loan, two scenarios, a collection contact with a promise, a payday and a credit reporting day, a
    reminder record with zoned times, a history: written by the program."""
    base = ["--data-dir", str(folder), "--today", GOOD_TODAY, "--lang", "en", "--no-demo"]
    loan = ["--daily-rate", "0.0004", "--term", "12", "--method", "equal-installment"]
    for args in (
        ["loans", "add", "--name", "Phone", "--principal", "10000", *loan, "--start", "2025-01-10"],
        ["loans", "add", "--name", "Laptop", "--principal", "6000", *loan, "--start", "2025-01-20"],
        ["pay", "L1", "--amount", "900.41", "--on", "2025-02-10"],
        ["pay", "L2", "--amount", "100", "--on", "2025-02-20"],
        ["pay", "L1", "--amount", "50", "--on", "2025-02-25"],
        ["scenario", "add", "Prepay", "--prepay", "--loan", "L1", "--amount", "1000"],
        ["scenario", "add", "Settle", "--settle", "--loan", "L2", "--on", "2025-03-20"],
        ["contacts", "add", "--loan", "L2", "--at", "2025-02-26 23:00", "--channel", "phone", "--from", "Agency",
         "--promise", "300", "--promise-date", "2025-03-05"],
        ["payday", "15"],
        ["credit", "--report-day", "20"],
        ["loans", "restructure", "L2", "--on", "2025-03-01", "--term", "24", "--waive-penalty", "--reference", "A-1",
         "--apply"],  # E4
        ["payments", "edit", "E3", "--amount", "60"],  # E5 voids E3, E6 replaces it
    ):
        with contextlib.redirect_stdout(io.StringIO()):
            assert main([*base, *args]) == 0, args
    path = folder / "ledger.json"
    data = json.loads(path.read_text())
    data["settings"]["reminders"]["last_run"] = "2025-02-28T09:00:00+08:00"
    data["settings"]["reminders"]["sent"] = {"L1:1:R1": "2025-02-07T09:00:00+08:00"}
    path.write_text(json.dumps(data, indent=2))
    return path.read_bytes()


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[dict], bytes]
    says: tuple[str, ...]  # every one of these is in the refusal


def edit(change: Callable[[dict], object]) -> Callable[[dict], bytes]:
    """The good ledger with `change` applied to a copy of its dict."""

    def make(good: dict) -> bytes:
        data = copy.deepcopy(good)
        change(data)
        return json.dumps(data, indent=2).encode()

    return make


def text(replace: Callable[[str], str]) -> Callable[[dict], bytes]:
    """The good ledger's JSON text, edited as text (for what json.dumps cannot write)."""

    def make(good: dict) -> bytes:
        return replace(json.dumps(good, indent=2)).encode()

    return make


def raw(content: bytes) -> Callable[[dict], bytes]:
    return lambda good: content


def sub(old: str, new: str) -> Callable[[dict], bytes]:
    def replace(source: str) -> str:
        assert old in source, old
        return source.replace(old, new, 1)

    return text(replace)


def put(path: str, value: object) -> Callable[[dict], bytes]:
    """Set one field: path like "loans.0.principal"."""

    def change(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return edit(change)


def drop(path: str) -> Callable[[dict], bytes]:
    def change(data: dict) -> None:
        *parents, last = path.split(".")
        node = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return edit(change)


def nest(levels: int, inner: str = "1") -> str:
    return '{"a": ' * levels + inner + "}" * levels


DEEP_LIST = b"[" * 100_000 + b"]" * 100_000
HUGE = "9" * 5000

CASES = [
    # --- types ---
    Case("top-level-list", raw(b"[]"), ("top level must be an object",)),
    Case("top-level-string", raw(b'"ledger"'), ("top level must be an object",)),
    Case("top-level-null", raw(b"null"), ("top level must be an object",)),
    Case("schema-version-text", put("schema_version", "3"), ("schema_version",)),
    Case("schema-version-missing", drop("schema_version"), ("schema_version",)),
    Case("schema-version-bool", put("schema_version", True), ("schema_version",)),
    Case("schema-version-future", put("schema_version", 99), ("schema_version 99", "newer")),
    Case("loans-an-object", put("loans", {}), ("loans",)),
    Case("principal-negative", put("loans.0.principal", "-5"), ("loans.0.principal",)),
    Case("principal-an-object", put("loans.0.principal", {"yuan": 5}), ("loans.0.principal",)),
    Case("principal-too-big", put("loans.0.principal", "1000000000"), ("loans.0.principal",)),
    Case("term-zero", put("loans.0.term", 0), ("loans.0.term",)),
    Case("term-fraction", put("loans.0.term", "12.5"), ("loans.0.term",)),
    Case("method-unknown", put("loans.0.method", "magic"), ("loans.0.method",)),
    Case("start-not-a-date", put("loans.0.start", "2025-13-01"), ("loans.0.start",)),
    Case("name-empty", put("loans.0.name", ""), ("loans.0.name",)),
    Case("name-too-long", put("loans.0.name", "x" * 41), ("loans.0.name",)),
    Case("amount-zero", put("events.0.amount", "0"), ("events.0.amount",)),
    Case("amount-three-decimals", put("events.0.amount", "1.001"), ("events.0.amount",)),
    Case("kind-unknown", put("events.0.kind", "gift"), ("events.0.kind",)),
    Case("event-date-garbage", put("events.0.date", "last tuesday"), ("events.0.date",)),
    Case("unknown-field", put("extra", 1), ("extra",)),
    Case("demo-a-word", put("demo", "maybe"), ("demo",)),
    Case("lang-unknown", put("settings.lang", "fr"), ("settings.lang",)),
    Case("keymap-number", put("settings.keymap", {"jiebei.pay": 5}), ("settings.keymap",)),
    Case("rule-offset-out-of-range", put("settings.reminders.rules.0.offset_days", 99), ("settings.reminders.rules.0.offset_days",)),
    Case("catch-up-negative", put("settings.reminders.catch_up_days", -1), ("settings.reminders.catch_up_days",)),
    Case("penalty-multiplier-word", put("terms.penalty_multiplier", "abc"), ("terms.penalty_multiplier",)),
    Case("ids-issued-negative", put("ids_issued", {"L": -1}), ("ids_issued",)),
    Case("revision-negative", put("revision", -1), ("revision",)),
    Case("history-action-bad", put("history.0.action", "Bad Action!"), ("history.0.action",)),
    Case("history-source-number", put("history.0.source", 5), ("history.0.source",)),
    Case("control-characters-in-a-key", put("settings.keymap", {"\x1b]0;owned\x07": 5}), ("\\x1b]0;owned\\x07",)),
    # --- sizes and encodings ---
    Case("empty-file", raw(b""), ("not valid JSON", "line 1")),
    Case("whitespace-only", raw(b"  \n\n  "), ("not valid JSON",)),
    Case("cut-in-half", lambda good: json.dumps(good, indent=2).encode()[:700], ("not valid JSON",)),
    Case("trailing-garbage", text(lambda s: s + "\n}{"), ("not valid JSON", "Extra data")),
    Case("not-utf8", raw(b'{"schema_version": 3, "loans": ["\xff\xfe"]}'), ("not UTF-8", "byte 34")),
    Case("utf16", lambda good: json.dumps(good).encode("utf-16"), ("not UTF-8",)),
    Case("nul-bytes", raw(b"\x00" * 64), ("not valid JSON",)),
    # --- nesting ---
    Case("deep-list", raw(DEEP_LIST), ("more than 32 levels",)),
    Case("deep-unclosed", raw(b"[" * 100_000), ("more than 32 levels",)),
    Case("deep-objects", raw(nest(100_000).encode()), ("more than 32 levels",)),
    Case("deep-in-keymap", sub('"keymap": {}', '"keymap": ' + nest(40, '"x"')), ("more than 32 levels",)),
    Case("deep-in-events", sub('"events": [', '"events": [' + "[" * 40 + "]" * 40 + ","), ("more than 32 levels",)),
    # --- numbers ---
    Case("revision-5000-digits", text(lambda s: re.sub(r'"revision": [0-9]+', '"revision": ' + HUGE, s, count=1)), ("5000 characters long",)),
    Case("term-4301-digits", sub('"term": 12', '"term": ' + "1" * 4301), ("4301 characters long",)),
    Case("principal-5000-digit-decimal", sub('"principal": "10000.00"', '"principal": 1.' + HUGE), ("5002 characters long",)),
    Case("nan", text(lambda s: re.sub(r'"revision": [0-9]+', '"revision": NaN', s, count=1)), ("NaN",)),
    Case("infinity", sub('"term": 12', '"term": Infinity'), ("Infinity",)),
    Case("minus-infinity", sub('"term": 12', '"term": -Infinity'), ("-Infinity",)),
    Case("principal-huge-exponent", sub('"principal": "10000.00"', '"principal": 1e999999'), ("loans.0.principal",)),
    Case("amount-tiny-exponent", sub('"amount": "900.41"', '"amount": 1e-999999'), ("events.0.amount",)),
    Case("principal-infinity-text", put("loans.0.principal", "Infinity"), ("loans.0.principal",)),
    Case("rate-nan-text", put("loans.0.daily_rate", "NaN"), ("loans.0.daily_rate",)),
    Case("term-5000-digit-text", put("loans.0.term", HUGE), ("loans.0.term",)),
    Case("loan-id-5000-digits", put("loans.0.id", "L" + HUGE), ("loans.0.id",)),
    Case("event-id-5000-digits", put("events.0.id", "E" + HUGE), ("events.0.id",)),
    Case("rule-id-5000-digits", put("settings.reminders.rules.0.id", "R" + HUGE), ("settings.reminders.rules.0.id",)),
    Case("ids-issued-huge", put("ids_issued", {"E": 10**12}), ("ids_issued",)),
    # --- ids and orphans ---
    Case("duplicate-loan-id", edit(lambda d: d["loans"].append(d["loans"][0])), ("loan id L1 appears 2 times",)),
    Case("three-loans-one-id", edit(lambda d: d["loans"].__setitem__(slice(None), [d["loans"][0]] * 3)), ("loan id L1 appears 3 times",)),
    Case("duplicate-loan-id-renamed", edit(lambda d: d["loans"][1].update(id="L1")), ("loan id L1 appears 2 times",)),
    Case("duplicate-event-id", edit(lambda d: d["events"].append(d["events"][0])), ("payment id E1 appears 2 times",)),
    Case("duplicate-event-id-other-loan", edit(lambda d: d["events"][1].update(id="E1")), ("payment id E1 appears 2 times",)),
    Case("duplicate-rule-id", edit(lambda d: d["settings"]["reminders"]["rules"][1].update(id="R1")), ("reminder rule id R1 appears 2 times",)),
    Case("loan-id-wrong-shape", put("loans.0.id", "X1"), ("loans.0.id",)),
    Case("orphan-event", put("events.0.loan_id", "L9"), ("payment E1 is for loan L9", "not in the ledger")),
    Case("orphan-event-empty-loan", put("events.0.loan_id", ""), ("payment E1 is for loan", "not in the ledger")),
    Case("loan-removed-payments-kept", edit(lambda d: d["loans"].pop(1)), ("payment E2 is for loan L2", "not in the ledger")),
    # --- times ---
    Case("payment-before-drawdown", put("events.0.date", "2024-12-01"), ("payment E1 is dated 2024-12-01", "before loan L1 was drawn (2025-01-10)")),
    Case("payment-day-before-drawdown", put("events.1.date", "2025-01-19"), ("payment E2 is dated 2025-01-19", "before loan L2 was drawn")),
    Case("payment-year-1", put("events.0.date", "0001-01-01"), ("payment E1 is dated 0001-01-01", "from 1990-01-01 to 2099-12-31")),
    Case("payment-year-2100", put("events.0.date", "2100-01-01"), ("payment E1 is dated 2100-01-01",)),
    Case("loan-drawn-9999", edit(lambda d: (d["loans"][1].update(start="9999-12-31"), d["events"].pop(1))), ("loan L2 was drawn on 9999-12-31",)),
    Case("loan-drawn-1900", edit(lambda d: (d["loans"][1].update(start="1900-01-01"))), ("loan L2 was drawn on 1900-01-01",)),
    Case("naive-last-run", put("settings.reminders.last_run", "2025-02-28T09:00:00"), ("settings.reminders.last_run", "timezone")),
    Case("naive-history-time", put("history.0.at", "2025-03-01T10:00:00"), ("history.0.at", "timezone")),
    Case("last-run-a-word", put("settings.reminders.last_run", "yesterday"), ("settings.reminders.last_run",)),
    Case("history-out-of-order", edit(lambda d: d["history"].reverse()), ("history is out of order",)),
    Case("history-ahead-of-ledger", put("revision", 1), ("history is out of order",)),
    # --- the new fields (scenarios, contacts, restructures, voids, payday, reporting day): types, sizes, ids, orphans ---
    Case("scenarios-an-object", put("scenarios", {}), ("scenarios",)),
    Case("scenario-a-string", put("scenarios", ["S1"]), ("scenarios.0",)),
    Case("scenario-no-changes", put("scenarios.0.changes", []), ("scenarios.0.changes",)),
    Case("scenario-nine-changes", edit(lambda d: d["scenarios"][0].update(changes=d["scenarios"][0]["changes"] * 9)), ("scenarios.0.changes",)),
    Case("scenario-id-5000-digits", put("scenarios.0.id", "S" + HUGE), ("scenarios.0.id",)),
    Case("scenario-name-empty", put("scenarios.0.name", ""), ("scenarios.0.name",)),
    Case("scenario-amount-5000-digits", put("scenarios.0.changes.0.amount", HUGE), ("scenarios.0.changes.0.amount",)),
    Case("scenario-on-9999", put("scenarios.0.changes.0.on", "9999-12-31"), ("scenarios.0.changes.0.on",)),
    Case("scenario-day-29", put("scenarios.1.changes.0", {"kind": "repayment_day", "on": "2025-03-01", "loan_id": "L1", "day": 29}), ("scenarios.1.changes.0.day",)),
    Case("scenario-kind-unknown", put("scenarios.0.changes.0.kind", "win"), ("scenarios.0.changes.0.kind",)),
    Case("duplicate-scenario-id", edit(lambda d: d["scenarios"][1].update(id="S1")), ("scenario id S1 appears 2 times",)),
    Case("duplicate-scenario-name", put("scenarios.1.name", "PREPAY"), ("scenario S2 has the same name as scenario S1",)),
    Case("21-scenarios", edit(lambda d: d["scenarios"].extend(
        {**d["scenarios"][0], "id": f"S{n}", "name": f"Copy {n}"} for n in range(3, 22))),
        ("it holds 21 scenarios, more than the 20 the program keeps (the first over is S21)",)),
    Case("rule-for-a-loan-never-in-the-ledger", put("settings.reminders.rules.1.loans", ["L1", "L9"]),
         ("reminder rule R2 is for loan L9, which is not in the ledger",)),
    Case("rule-for-a-loan-that-is-not-an-id", put("settings.reminders.rules.0.loans", ["Phone"]),
         ("reminder rule R1 is for loan Phone, which is not in the ledger",)),
    Case("orphan-scenario", put("scenarios.1.changes.0.loan_id", "L9"), ("scenario S2 names loan L9", "not in the ledger")),
    Case("contacts-an-object", put("contacts", {"C1": 1}), ("contacts",)),
    Case("contact-at-with-a-zone", put("contacts.0.at", "2025-02-26T23:00:00+08:00"), ("contacts.0.at",)),
    Case("contact-channel-unknown", put("contacts.0.channel", "email"), ("contacts.0.channel",)),
    Case("contact-who-too-long", put("contacts.0.who", "x" * 1000), ("contacts.0.who",)),
    Case("contact-promise-5000-digits", put("contacts.0.promise_amount", HUGE), ("contacts.0.promise_amount",)),
    Case("contact-id-5000-digits", put("contacts.0.id", "C" + HUGE), ("contacts.0.id",)),
    Case("duplicate-contact-id", edit(lambda d: d["contacts"].append(d["contacts"][0])), ("contact id C1 appears 2 times",)),
    Case("orphan-contact", put("contacts.0.loan_id", "L9"), ("contact C1 is for loan L9", "not in the ledger")),
    Case("contact-in-9999", put("contacts.0.at", "9999-12-31T10:00:00"), ("contact C1", "9999-12-31")),
    Case("contact-promise-in-9999", put("contacts.0.promise_date", "9999-12-31"), ("contact C1", "9999-12-31")),
    Case("contact-before-drawdown", put("contacts.0.at", "2024-01-01T10:00:00"), ("contact C1 is dated 2024-01-01", "before loan L2 was drawn (2025-01-20)")),
    Case("restructure-without-its-plan", put("events.3.plan", None), ("entry E4 (restructure)",)),
    Case("plan-on-a-repayment", edit(lambda d: d["events"][0].update(plan=d["events"][3]["plan"])), ("entry E1 (repayment)",)),
    Case("plan-term-61", put("events.3.plan.term", 61), ("events.3.plan.term",)),
    Case("plan-rate-half", put("events.3.plan.daily_rate", "0.5"), ("events.3.plan.daily_rate",)),
    Case("plan-first-due-9999", put("events.3.plan.first_due", "9999-12-01"), ("events.3.plan.first_due",)),  # crashed: year 10000
    Case("plan-installment-equal-principal", edit(lambda d: d["events"][3]["plan"].update(method="equal-principal", installment="100.00")), ("events.3.plan",)),
    Case("void-of-nothing", drop("events.4.voids"), ("void E5 does not name the entry it reverses",)),
    Case("void-of-an-unknown-entry", put("events.4.voids", "E99"), ("void E5 reverses E99", "not an entry of loan L1")),
    Case("void-of-another-loans-payment", put("events.4.voids", "E2"), ("void E5 reverses E2", "not an entry of loan L1")),
    Case("void-of-a-void", edit(lambda d: d["events"].append({**d["events"][4], "id": "E7", "voids": "E5"})), ("void E7 reverses E5",)),
    Case("voided-twice", edit(lambda d: d["events"].append({**d["events"][4], "id": "E7"})), ("entry E3 is voided 2 times",)),
    Case("voids-on-a-repayment", put("events.0.voids", "E2"), ("entry E1 (repayment) names E2 as voided",)),
    Case("replaces-an-unknown-payment", put("events.5.replaces", "E99"), ("payment E6 replaces E99",)),
    Case("replaces-itself", put("events.5.replaces", "E6"), ("payment E6 replaces E6",)),
    Case("replaces-another-loans-payment", put("events.5.replaces", "E2"), ("payment E6 replaces E2", "loan L1")),
    Case("payday-zero", put("settings.payday", 0), ("settings.payday",)),
    Case("payday-32", put("settings.payday", 32), ("settings.payday",)),
    Case("payday-true", put("settings.payday", True), ("settings.payday",)),
    Case("payday-text", put("settings.payday", "15"), ("settings.payday",)),
    Case("payday-huge", sub('"payday": 15', '"payday": ' + "1" * 4301), ("4301 characters long",)),
    Case("report-day-true", put("settings.credit_report_day", True), ("settings.credit_report_day",)),
    Case("report-day-a-word", put("settings.credit_report_day", "twenty"), ("settings.credit_report_day",)),
    Case("report-day-99", put("settings.credit_report_day", 99), ("settings.credit_report_day",)),
    Case("ids-issued-unknown-prefix", put("ids_issued", {"X": 1}), ("ids_issued",)),
    # --- older fields the sweep found taken: a path for a time zone (every remind run then refused, naming a
    # --timezone nobody typed), true for a number ---
    Case("timezone-a-path", put("settings.reminders.timezone", "../../etc/passwd"), ("settings.reminders.timezone",)),
    Case("timezone-absolute", put("settings.reminders.timezone", "/etc/localtime"), ("settings.reminders.timezone",)),
    Case("timezone-control", put("settings.reminders.timezone", "UTC\n"), ("settings.reminders.timezone",)),
    Case("rule-offset-true", put("settings.reminders.rules.0.offset_days", True), ("settings.reminders.rules.0.offset_days",)),
    Case("catch-up-true", put("settings.reminders.catch_up_days", True), ("settings.reminders.catch_up_days",)),
]

assert len({case.name for case in CASES}) == len(CASES)
