"""`jiebei-tui export-ics`: an iCalendar file with a timed event for each unpaid instalment and one alarm per
enabled reminder rule at or before the due day. UIDs are stable; SEQUENCE rises when an event changes, so a
calendar re-importing the file updates its events instead of duplicating them. Built with the icalendar package.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Alarm, Calendar, Event

from jiebei_tui.domain.reminders import fire_time
from jiebei_tui.domain.money import yuan
from jiebei_tui.text.i18n import t

EVENT_MINUTES = 30
DEFAULT_TIME = dt.time(9, 0)


def uid(loan_id: str, number: int) -> str:
    return f"jiebei-{loan_id}-{number}@jiebei-tui"


def build(states, settings, tz: dt.tzinfo, lang: str, now: dt.datetime) -> tuple[bytes, dict[str, str], int]:
    """The calendar, the new UID → "sequence:digest" record, and how many events it holds."""
    day_rule = next((r for r in settings.rules if r.enabled and r.offset_days == 0), None)
    at = day_rule.at if day_rule else DEFAULT_TIME
    alarms = [r for r in settings.rules if r.enabled and r.offset_days <= 0]
    calendar = Calendar()
    calendar.add("prodid", "-//jiebei-tui//loan reminders//EN")
    calendar.add("version", "2.0")
    versions: dict[str, str] = {}
    count = 0
    for state in states:
        for inst in state.installments:
            if inst.status == "paid":
                continue
            start = dt.datetime.combine(inst.due_date, at, tzinfo=tz)
            summary = f"{state.record.name}: {yuan(inst.owed)} — {t('label.due_date', lang)} {inst.due_date}"
            event = Event()
            event.add("uid", uid(state.record.id, inst.no))
            event.add("summary", summary)
            event.add("dtstart", start)
            event.add("dtend", start + dt.timedelta(minutes=EVENT_MINUTES))
            event.add("dtstamp", now.astimezone(dt.timezone.utc))
            triggers = []
            for rule in alarms:
                if not rule.applies_to(state.record.id):
                    continue
                fires = fire_time(inst.due_date + dt.timedelta(days=rule.offset_days), rule.at, settings, tz)
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary)
                alarm.add("trigger", fires - start)
                event.add_component(alarm)
                triggers.append(str(fires - start))
            digest = hashlib.sha256("|".join([summary, start.isoformat(), *triggers]).encode()).hexdigest()[:16]
            sequence = _sequence(settings.ics_versions.get(uid(state.record.id, inst.no)), digest)
            event.add("sequence", sequence)
            versions[uid(state.record.id, inst.no)] = f"{sequence}:{digest}"
            calendar.add_component(event)
            count += 1
    return calendar.to_ical(), versions, count


def _sequence(previous: str | None, digest: str) -> int:
    if not previous:
        return 0
    number, _, old = previous.partition(":")
    return int(number) if old == digest else int(number) + 1
