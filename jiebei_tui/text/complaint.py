"""The collection contact record for a complaint, as text: Markdown (to read, print or attach) or CSV (for a
spreadsheet), from the domain's `ContactReport` (domain/contacts.py). Pure: the caller writes the file
(delivery/files.write_private).

Text from the ledger (names, who called, notes) is made visible, and escaped for the format: in Markdown a `|`
cannot break a table and no HTML gets through; in CSV a cell never starts a formula.
"""

from __future__ import annotations

import csv
import io

from jiebei_tui.domain.contacts import (
    MAX_UNANSWERED_CALLS,
    NIGHT_END,
    NIGHT_START,
    RULES,
    SOURCES,
    CheckedContact,
    ContactReport,
    Flag,
)
from jiebei_tui.domain.money import money_str, yuan
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible


def flag_text(flag: Flag, lang: str) -> str:
    """What rule a contact breaks, in words."""
    if flag.rule == "not_overdue" and flag.params.get("paid_off"):
        return t("flag.not_overdue.paid_off", lang, **flag.params)
    return t(f"flag.{flag.rule}", lang, **{k: v for k, v in flag.params.items() if k != "paid_off"})


def rule_text(rule: str, lang: str) -> str:
    """A rule as the app states it, with its sources."""
    words = t(f"rules.{rule}", lang, start=f"{NIGHT_START:%H:%M}", end=f"{NIGHT_END:%H:%M}", max=MAX_UNANSWERED_CALLS)
    sources = "; ".join(t(f"source.{s}", lang) for s in SOURCES[rule])
    return f"{words} {t('report.source', lang, source=sources)}"


def _md(text: str) -> str:
    """A Markdown table cell: visible, no HTML, no column break, line breaks kept."""
    lines = [visible(line).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
             for line in text.split("\n")]
    return "<br>".join(lines)


def _promise(c: CheckedContact, lang: str) -> str:
    contact = c.contact
    if not contact.promise:
        return ""
    return t("report.promise", lang, amount=contact.promise_amount, date=contact.promise_date)


def _channel(c: CheckedContact, lang: str) -> str:
    words = t(f"contacts.channel.{c.contact.channel}", lang)
    if c.contact.answered:
        words += f" ({t('report.answered', lang)})"
    if c.contact.number:
        words += f" → {c.contact.number}"
    return words


def markdown(report: ContactReport, lang: str = "en") -> str:
    """The record in Markdown."""
    if len(report.loan_ids) == 1:
        lid = report.loan_ids[0]
        title = t("report.title_loan", lang, loan=_md(report.names.get(lid, lid)), id=lid)
    else:
        title = t("report.title", lang)
    out = [f"# {title}", "", t("report.prepared", lang, today=report.today), "", f"## {t('report.summary', lang)}", ""]
    out.append(f"- {t('report.count', lang, n=len(report.contacts), flagged=report.flagged)}")
    for rule in RULES:
        out.append(f"- {t('report.count_rule', lang, rule=t(f'rule_name.{rule}', lang), n=report.flag_counts[rule])}")
    out += ["", f"## {t('report.contacts', lang)}", ""]
    if report.contacts:
        head = [t(f"report.col.{k}", lang) for k in ("at", "loan", "channel", "from", "note", "promise", "flags")]
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        for c in report.contacts:
            contact = c.contact
            flags = "<br>".join(_md(flag_text(f, lang)) for f in c.flags)
            cells = [f"{contact.at:%Y-%m-%d %H:%M}", contact.loan_id, _md(_channel(c, lang)), _md(contact.who),
                     _md(contact.note), _md(_promise(c, lang)), flags]
            out.append("| " + " | ".join(cells) + " |")
    else:
        out.append(t("report.none", lang))
    out += ["", f"## {t('report.payments', lang)}", ""]
    if report.payments:
        head = [t(f"report.col.{k}", lang) for k in ("date", "loan", "kind", "amount")]
        out.append("| " + " | ".join(head) + " |")
        out.append("|" + "---|" * len(head))
        for e in report.payments:
            out.append(f"| {e.date} | {e.loan_id} | {t(f'kind.{e.kind}', lang)} | {yuan(e.amount)} |")
    else:
        out.append(t("report.none", lang))
    out += ["", f"## {t('report.rules', lang)}", ""]
    for rule in RULES:
        out.append(f"- **{t(f'rule_name.{rule}', lang)}** — {_md(rule_text(rule, lang))}")
    out += ["", t("rules.illustrative", lang), ""]
    return "\n".join(out)


CSV_COLUMNS = ("record", "id", "loan", "at", "channel", "from", "answered", "number", "note", "promise_amount",
               "promise_date", "amount", "flags", "flags_text")
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    """Visible, and never read as a formula by a spreadsheet."""
    text = visible(value.replace("\n", " / "))
    return "'" + text if text.startswith(FORMULA) else text


def csv_text(report: ContactReport, lang: str = "en") -> str:
    """The record as CSV: one row per contact, then one per payment (`record` says which); amounts with two
    decimals, flags as rule ids (`flags`, separated by ;) and in words (`flags_text`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in report.contacts:
        contact = c.contact
        writer.writerow([
            "contact", contact.id, contact.loan_id, f"{contact.at:%Y-%m-%d %H:%M}", contact.channel,
            _cell(contact.who), "yes" if contact.answered else "", _cell(contact.number), _cell(contact.note),
            money_str(contact.promise_amount) if contact.promise_amount is not None else "",
            contact.promise_date.isoformat() if contact.promise_date else "", "",
            ";".join(f.rule for f in c.flags), _cell("; ".join(flag_text(f, lang) for f in c.flags)),
        ])
    for e in report.payments:
        writer.writerow(["payment", e.id, e.loan_id, e.date.isoformat(), e.kind, "", "", "", "", "", "",
                         money_str(e.amount), "", ""])
    return buffer.getvalue()
