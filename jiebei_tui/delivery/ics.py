"""`jiebei-tui export-ics`: an iCalendar file with a timed event for each unpaid instalment and one alarm per
enabled reminder rule at or before the due day. UIDs are stable; SEQUENCE is the ledger's revision (the store
raises it on every write), so it rises whenever anything changed and a calendar re-importing the file updates
its events instead of duplicating them. Exporting writes nothing to the ledger. Built with the icalendar package.
"""

from __future__ import annotations

import datetime as dt

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
    for state in states:
        for inst in state.installments:
            if inst.status in ("paid", "restructured"):  # nothing more is due on it
                continue
            start = dt.datetime.combine(inst.due_date, at, tzinfo=tz)
            summary = f"{visible(state.record.name)}: {yuan(inst.owed)} — {t('label.due_date', lang)} {inst.due_date}"
            event = Event()
            event.add("uid", uid(state.record.id, inst.no))
            event.add("summary", summary)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=EVENT_MINUTES))
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
    return calendar.to_ical(), count
