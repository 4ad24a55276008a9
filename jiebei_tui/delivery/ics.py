"""`jiebei-tui export-ics`: an iCalendar file with a timed event for each unpaid instalment and one alarm per
enabled reminder rule at or before the due day. UIDs are stable; SEQUENCE is the ledger's revision (the store
raises it on every write), so it rises whenever anything changed and a calendar re-importing the file updates
its events instead of duplicating them. Exporting writes nothing to the ledger. Built with the icalendar package.

Times: in a named zone (zoneinfo) they are written with TZID=<zone>, and the calendar carries a VTIMEZONE for it,
as RFC 5545 (3.2.19) requires for every TZID used: icalendar's `add_missing_timezones`, built from the same tz
database the times were computed with, over the years the events span (from 1 January of the first due date's year
to 1 January two years after the last): every offset in force then, with a STANDARD/DAYLIGHT component and the
actual transition dates (RDATE) for a zone with daylight saving, so a rule change in the database is followed,
which RRULEs guessed from one year's transitions would not. A zone without a name (a fixed offset: the system's
zone could not be named) has no VTIMEZONE to give: its times are written in UTC (…Z), the same instants.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from jiebei_tui.domain.money import yuan
from jiebei_tui.domain.reminders import fire_time
from jiebei_tui.text.i18n import t
from jiebei_tui.text.safe import visible

EVENT_MINUTES = 30
DEFAULT_TIME = dt.time(9, 0)


def uid(loan_id: str, number: int) -> str:
    return f"jiebei-{loan_id}-{number}@jiebei-tui"


def build(states, settings, tz: dt.tzinfo, lang: str, now: dt.datetime, revision: int = 0) -> tuple[bytes, int]:
    """The calendar and how many events it holds. `revision`: the ledger's, the events' SEQUENCE."""
    day_rule = next((r for r in settings.rules if r.enabled and r.offset_days == 0), None)
    at = day_rule.at if day_rule else DEFAULT_TIME
    alarms = [r for r in settings.rules if r.enabled and r.offset_days <= 0]
    calendar = Calendar()
    calendar.add("prodid", "-//jiebei-tui//loan reminders//EN")
    calendar.add("version", "2.0")
    count = 0
    named = isinstance(tz, ZoneInfo)  # else a fixed offset: written in UTC
    due_dates: list[dt.date] = []
    for state in states:
        for inst in state.installments:
            if inst.status in ("paid", "restructured"):  # nothing more is due on it
                continue
            start = dt.datetime.combine(inst.due_date, at, tzinfo=tz)
            due_dates.append(inst.due_date)
            summary = f"{visible(state.record.name)}: {yuan(inst.owed)} — {t('label.due_date', lang)} {inst.due_date}"
            event = Event()
            event.add("uid", uid(state.record.id, inst.no))
            event.add("summary", summary)
            written = start if named else start.astimezone(dt.timezone.utc)
            event.add("dtstart", written)
            event.add("dtend", written + dt.timedelta(minutes=EVENT_MINUTES))
            event.add("dtstamp", now.astimezone(dt.timezone.utc))
            for rule in alarms:
                if not rule.applies_to(state.record.id):
                    continue
                before = inst.due_date if rule.offset_days < 0 else None  # quiet hours keep it off the due day
                fires = fire_time(inst.due_date + dt.timedelta(days=rule.offset_days), rule.at, settings, tz,
                                  before=before)
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary)
                alarm.add("trigger", fires - start)
                event.add_component(alarm)
            event.add("sequence", revision)
            calendar.add_component(event)
            count += 1
    if due_dates:  # a VTIMEZONE for each TZID used, over the years the events span (see the module's words)
        calendar.add_missing_timezones(dt.date(min(due_dates).year, 1, 1), dt.date(max(due_dates).year + 2, 1, 1))
    return calendar.to_ical(), count
