"""The words of a reminder, in the borrower's language (from the domain's occurrence). Every text that came from
the file (loan names, account names) is made visible first: it goes to a terminal, a notification, a calendar
and the borrower's own command."""

from __future__ import annotations

import datetime as dt

from jiebei_tui.domain.reminders import EARLIER, NEXT_DAY, Occurrence
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible


def counted(key: str, n: int, lang: str, **values: object) -> str:
    """`key` with the number n: the `.one` wording when n is 1 (English says "1 day", not "1 days")."""
    return t(f"{key}.one" if n == 1 else key, lang, n=n, **values)


def message(o: Occurrence, lang: str) -> str:
    loan = visible(o.loan_name)
    if o.kind == "promise":
        return t("remind.promise", lang, loan=loan, amount=o.amount, due_date=o.due_date, to=visible(o.promised_to))
    if o.kind == "before":
        if o.auto_debit:
            account = visible(o.account) if o.account else t("repay.account", lang)
            return t("remind.before_debit", lang, loan=loan, account=account, amount=o.amount, due_date=o.due_date)
        days = -o.offset_days
        return t("remind.before.one" if days == 1 else "remind.before", lang, loan=loan, amount=o.amount,
                 due_date=o.due_date, days=days)
    if o.kind == "due":
        return t("remind.due", lang, loan=loan, amount=o.amount, due_date=o.due_date)
    return t(
        "remind.overdue", lang, loan=loan, days=o.days_overdue, due_date=o.due_date, amount=o.amount,
        per_day=o.penalty_per_day,
    )


def fires_on(at: dt.datetime, today: dt.date) -> str:
    """When a reminder fires, as a list shows it: "12-01 09:00" this year, "2027-01-12 09:00" another (a list
    near the year's end reaches into the next; a catch-up after New Year reaches back)."""
    return f"{at:%m-%d %H:%M}" if at.year == today.year else f"{at:%Y-%m-%d %H:%M}"


def missed_line(claimed, lang: str) -> str:
    """The one line for the reminders a run did not send one by one (a Claim's `missed`): for how many loans,
    since when, not how many reminders (rules × instalments × days: tens of thousands after years away)."""
    since = claimed.missed_since.isoformat() if claimed.missed_since else "…"
    return counted("remind.missed", len(claimed.missed_loans), lang, since=since)


def offset_label(offset: int, lang: str) -> str:
    if offset < 0:
        return t("offset.before", lang, n=-offset)
    return t("offset.due", lang) if offset == 0 else t("offset.after", lang, n=offset)


def shift_note(rule_at: dt.time, fire_at: dt.time, moved: str | None, lang: str) -> str:
    """How quiet hours moved a time: "07:45 → 08:00, quiet hours" (empty when they did not)."""
    if moved is None:
        return ""
    key = {NEXT_DAY: "remind.shifted_next_day", EARLIER: "remind.shifted_earlier"}.get(moved, "remind.shifted")
    return t(key, lang, rule=f"{rule_at:%H:%M}", fire=f"{fire_at:%H:%M}")


def occurrence_note(o: Occurrence, lang: str) -> str:
    return shift_note(o.rule_at.timetz(), o.fire_at.timetz(), o.moved, lang)


def moved_marks(found: list[Occurrence], lang: str) -> tuple[list[str], list[str]]:
    """Each coming reminder's mark ("*" when quiet hours moved it, else "") and the notes that say how, once a
    rule: the time stays one narrow column ("2026-12-02 08:00*"), the notes go under the list, as the rules
    table's do ("* R6: 07:45 → 08:00, quiet hours.")."""
    marks, notes = [], {}
    for o in found:
        note = occurrence_note(o, lang)
        marks.append("*" if note else "")
        if note:
            notes.setdefault((int(o.rule_id[1:]), note), t("remind.moved_note", lang, id=o.rule_id, note=note))
    if notes:  # the other times padded, so the rule column stays in line
        marks = [mark or " " for mark in marks]
    return marks, [notes[k] for k in sorted(notes)]  # in the rules' order, as `remind rules` lists them


def rule_time_marked(rule, settings, lang: str) -> tuple[str, str]:
    """A rule's time for a narrow column and, when quiet hours move it, the note to show beside the table: ("09:00",
    "") or ("08:00*", "* R5: 07:45 → 08:00, quiet hours.")."""
    from jiebei_tui.domain.reminders import rule_placement

    fires, moved = rule_placement(rule, settings)
    if moved is None:
        return rule.time, ""
    return f"{fires:%H:%M}*", t("remind.moved_note", lang, id=rule.id, note=shift_note(rule.at, fires, moved, lang))


def quiet_by_day(settings, lang: str) -> str:
    """Quiet hours that take in midday (08:00-22:00, likely meant as 22:00-08:00) say so when saved: every
    reminder then waits for the evening, which the rules table shows but nothing questioned. Else nothing."""
    from jiebei_tui.domain.reminders import in_quiet_hours

    if not in_quiet_hours(dt.time(12, 0), settings):
        return ""
    start, end = settings.quiet_start, settings.quiet_end
    return t("remind.quiet_by_day", lang, start=start, end=end)


def shift_said(settings, rule_id: str, lang: str) -> str:
    """What saving a rule says about quiet hours: "Its time falls in quiet hours: 07:45 → 08:00, quiet hours." when
    they move it; else nothing."""
    from jiebei_tui.domain.reminders import rule_placement

    rule = settings.rule(rule_id)
    fires, moved = rule_placement(rule, settings)
    return t("remind.rule_shifted", lang, note=shift_note(rule.at, fires, moved, lang)) if moved else ""
