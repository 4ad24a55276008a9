"""After a missed payment (issue 12): `hardship --budget X` (the budget plan, the request to the lender, the
letter), `loans restructure ID` (the agreed new plan, previewed, then recorded), `contacts add|list|remove|report`
(the collection contact log) and `credit` (the credit-record timeline, the lender's reporting day).
Each parses, calls one action (jiebei_tui/actions/hardship.py, contacts.py, credit.py) and renders."""

from __future__ import annotations

import sys

from jiebei_tui.cli import door
from jiebei_tui.cli.context import EXIT_OK, Context, command
from jiebei_tui.cli.hardship_output import (
    contact_json,
    contacts_text,
    credit_json,
    credit_text,
    restructure_json,
    restructure_text,
    way_json,
    way_text,
)
from jiebei_tui.text import way_back as words
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible

CHANNELS = "phone|sms|app|visit|third-party"


def add_parsers(sub) -> None:
    p = command(sub, "hardship", cmd_hardship,
                "after a missed payment: pay only a monthly budget (month by month), what to ask the lender, "
                "the request letter (illustrative)")
    p.add_argument("--budget", metavar="YUAN", required=True, help="what you can pay a month, across every loan")
    p.add_argument("--from", dest="start", metavar="DATE", help="the first budget day (default today)")
    p.add_argument("--order", metavar="ORDER", default="oldest",
                   help="overdue loans first by: oldest (longest overdue, default) or costliest (highest penalty rate)")
    p.add_argument("--months", metavar="N", help="look at most N months ahead (default 60)")
    p.add_argument("--keep-penalty", action="store_true", help="do not ask for the penalty to be waived")
    p.add_argument("--waive-interest", action="store_true", help="ask for the unpaid interest to be waived too")
    letter = p.add_argument_group("the request letter")
    letter.add_argument("--letter", metavar="FILE", nargs="?", const="-",
                        help="write the letter to FILE (0600); without FILE (or -), print it")
    letter.add_argument("--loan", metavar="ID", help="the loan the letter is about (default: the longest overdue)")
    letter.add_argument("--lang", dest="letter_lang", choices=("zh", "en"),
                        help="the letter's language (default: the output's)")
    letter.add_argument("--ask", metavar="term|installment",
                        help="ask for a longer term or the budget's instalment (default: the one with less interest)")
    letter.add_argument("--name", metavar="TEXT", help="your name, to sign it")
    letter.add_argument("--lender", metavar="TEXT", help="the lender, to address it")
    letter.add_argument("--reason", metavar="TEXT", help="your circumstances, in a sentence")

    contacts = sub.add_parser("contacts", help="the collection contact log: add, list, remove, report for a complaint")
    actions = contacts.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)
    p = command(actions, "add", cmd_contacts_add, "record a collection contact (checked against the rules)")
    p.add_argument("--loan", metavar="ID", required=True)
    p.add_argument("--at", metavar="YYYY-MM-DD HH:MM", required=True, help="local time it happened")
    p.add_argument("--channel", metavar=CHANNELS, required=True)
    p.add_argument("--from", dest="who", metavar="TEXT", required=True, help="who contacted you (collector, number)")
    p.add_argument("--note", metavar="TEXT", help="what was said")
    p.add_argument("--answered", action="store_true", help="a call you answered (not an unanswered attempt)")
    p.add_argument("--number", metavar="TEXT", help="which of your numbers they called (default: your usual one)")
    p.add_argument("--promise", metavar="YUAN", help="you promised to pay this much …")
    p.add_argument("--promise-date", metavar="DATE", help="… by this date (a reminder comes that day)")
    p = command(actions, "list", cmd_contacts_list, "every contact, with the rules each breaks")
    p.add_argument("--loan", metavar="ID")
    p.add_argument("--flagged", action="store_true", help="only contacts that break a rule")
    p = command(actions, "remove", cmd_contacts_remove, "remove a contact recorded by mistake")
    p.add_argument("id", metavar="ID", help="the contact, e.g. C3")
    p = command(actions, "report", cmd_contacts_report,
                "a dated record of contacts, flags and payments, for a complaint (Markdown; CSV with --csv)")
    p.add_argument("--loan", metavar="ID", help="one loan's (default: every loan's)")
    p.add_argument("--out", metavar="FILE", help="write it here (0600); default (or -): standard output")
    p.add_argument("--csv", action="store_true", help="CSV instead of Markdown")

    p = command(sub, "credit", cmd_credit,
                "the credit record (征信) timeline: the next report, the last day to pay, how long a mark stays")
    p.add_argument("--loan", metavar="ID")
    p.add_argument("--report-day", metavar="N|off",
                   help="set the lender's monthly reporting day (1-31), or off when not known")


def add_restructure_parser(actions) -> None:
    """`loans restructure` (added to the loans group by cli/loans.py)."""
    p = command(actions, "restructure", cmd_restructure,
                "record the new plan the lender agreed (协商还款): shows it first; --apply records it")
    p.add_argument("id", metavar="ID")
    p.add_argument("--on", metavar="DATE", required=True, help="the day the agreement takes effect (not after today)")
    p.add_argument("--term", metavar="N", help="the new plan's monthly instalments, 1..60")
    p.add_argument("--installment", metavar="YUAN", help="a fixed monthly instalment (equal instalments)")
    p.add_argument("--daily-rate", metavar="RATE", help="the new daily rate (default: the one in force; 0: interest stopped)")
    p.add_argument("--method", metavar="METHOD", help="equal-installment, equal-principal or interest-first")
    p.add_argument("--waive-penalty", action="store_true", help="the penalty owed that day is waived")
    p.add_argument("--waive-interest", action="store_true", help="the unpaid interest that day is waived")
    p.add_argument("--first-due", metavar="DATE", help="the new plan's first due date (default: the loan's repayment day)")
    p.add_argument("--reference", metavar="TEXT", help="the agreement's number or a note")
    p.add_argument("--apply", action="store_true", help="record it")


# --- hardship ---


def cmd_hardship(ctx: Context) -> int:
    from jiebei_tui.actions import hardship

    a = ctx.args
    way = hardship.way_back(ctx.account, a.budget, a.start, a.order, a.months, waive_penalty=not a.keep_penalty,
                            waive_interest=a.waive_interest)
    letter = None
    wants_letter = a.letter is not None
    if not wants_letter:
        for name in ("loan", "letter_lang", "ask", "name", "lender", "reason"):
            if getattr(a, name) is not None:
                option = "--lang" if name == "letter_lang" else "--" + name
                raise door.UsageError(f"argument {option}: not allowed without argument --letter", "jiebei-tui hardship")
    else:
        request = hardship.request_for(way, a.loan)
        option = hardship.option_for(request, a.ask)
        out = door.file_or_stdout(a.letter)
        letter = hardship.letter(request, a.letter_lang or ctx.lang, option, name=a.name, lender=a.lender,
                                 reason=a.reason, out=out)
    if ctx.json:
        ctx.out(way_json(way, letter), "")
        return EXIT_OK
    print(way_text(way, ctx.lang))
    if letter is not None:
        if letter.path is None:
            print()
            sys.stdout.write(letter.text)
        else:
            print()
            print(t("way.letter_saved", ctx.lang, loan=letter.loan_id, language=t(f"way.lang.{letter.lang}", ctx.lang),
                    path=visible(str(letter.path))))
    return EXIT_OK


# --- loans restructure ---


def cmd_restructure(ctx: Context) -> int:
    from jiebei_tui.actions import hardship

    a = ctx.args
    given = {name: getattr(a, name) for name in ("term", "installment", "daily_rate", "method", "first_due",
                                                 "reference")}
    given.update(waive_penalty=a.waive_penalty, waive_interest=a.waive_interest)
    if a.apply:
        done = hardship.restructure(ctx.account, a.id, a.on, **given)
    else:
        done = hardship.preview_restructure(ctx.account, a.id, a.on, **given)
    ctx.out(restructure_json(done), lambda: restructure_text(done, ctx.lang))
    return EXIT_OK


# --- contacts ---


def cmd_contacts_add(ctx: Context) -> int:
    from jiebei_tui.actions import contacts

    a = ctx.args
    added = contacts.add_contact(ctx.account, a.loan, a.at, a.channel, a.who, note=a.note, answered=a.answered,
                                 number=a.number, promise_amount=a.promise, promise_date=a.promise_date)
    checked = added.checked

    def text() -> str:
        from jiebei_tui.text.complaint import flag_text, rule_text

        c = checked.contact
        lines = [t("contacts.added", ctx.lang, id=c.id, loan=c.loan_id, at=f"{c.at:%Y-%m-%d %H:%M}",
                   channel=t(f"contacts.channel.{c.channel}", ctx.lang), who=visible(c.who))]
        for flag in checked.flags:
            lines.append(t("contacts.breaks", ctx.lang, flag=flag_text(flag, ctx.lang)))
            lines.append("  " + rule_text(flag.rule, ctx.lang))
        if not checked.flags:
            lines.append(t("contacts.no_flags", ctx.lang))
        if c.promise:
            lines.append(t("contacts.promise_reminder", ctx.lang, amount=c.promise_amount, date=c.promise_date))
        lines.append(t("rules.illustrative", ctx.lang))
        return "\n".join(lines)

    ctx.out(contact_json(checked, ctx.lang), text)
    return EXIT_OK


def cmd_contacts_list(ctx: Context) -> int:
    from jiebei_tui.actions import contacts

    found = contacts.contacts(ctx.account, ctx.args.loan, ctx.args.flagged)
    ctx.out({"contacts": [contact_json(c, ctx.lang) for c in found]},
            lambda: contacts_text(found, ctx.lang, ctx.args.flagged))
    return EXIT_OK


def cmd_contacts_remove(ctx: Context) -> int:
    from jiebei_tui.actions import contacts

    removed = contacts.remove_contact(ctx.account, ctx.args.id)
    ctx.out({"id": removed.id, "removed": True},
            lambda: t("contacts.removed", ctx.lang, id=removed.id, loan=removed.loan_id,
                      at=f"{removed.at:%Y-%m-%d %H:%M}"))
    return EXIT_OK


def cmd_contacts_report(ctx: Context) -> int:
    from jiebei_tui.actions import contacts

    a = ctx.args
    fmt = "csv" if a.csv else "markdown"
    done = contacts.report(ctx.account, a.loan, ctx.lang, fmt, door.file_or_stdout(a.out))
    r = done.report
    data = {"path": str(done.path) if done.path else None, "format": fmt, "loans": list(r.loan_ids),
            "contacts": len(r.contacts), "flagged": r.flagged, "payments": len(r.payments),
            **({"text": done.text} if done.path is None else {})}
    if done.path is None and not ctx.json:
        sys.stdout.write(done.text)
        return EXIT_OK
    ctx.out(data, lambda: t("contacts.report_saved", ctx.lang, path=visible(str(done.path)),
                            format=t(f"contacts.format.{fmt}", ctx.lang), n=len(r.contacts), flagged=r.flagged,
                            payments=len(r.payments)))
    return EXIT_OK


# --- credit ---


def cmd_credit(ctx: Context) -> int:
    from jiebei_tui.actions import credit

    a = ctx.args
    saved = None
    if a.report_day is not None:
        saved = credit.set_report_day(ctx.account, a.report_day)
    found = credit.timeline(ctx.account, a.loan)
    data = credit_json(found)
    if saved is not None:
        data = {"saved": saved.changed, **data}

    def text() -> str:
        head = ""
        if saved is not None:
            key = "credit.day_saved" if saved.changed else "credit.day_unchanged"
            day = words.report_day_words(saved.day, ctx.lang) if saved.day is not None else t("credit.unknown", ctx.lang)
            head = t(key, ctx.lang, day=day) + "\n\n"
        return head + credit_text(found, ctx.lang)

    ctx.out(data, text)
    return EXIT_OK
