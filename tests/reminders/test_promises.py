"""A promise to pay recorded in the contact log reaches the real reminder run and list, once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from jiebei_tui.delivery.reminders import coming, run
from jiebei_tui.domain.contacts import add_contact
from jiebei_tui.store import Store
from tests.conftest import EI

SH = ZoneInfo("Asia/Shanghai")


def test_remind_run_and_list_include_a_promise_once(cli, data_dir: Path) -> None:
    assert cli("loans", "add", "--name", "Phone", *EI, today="2025-02-01").code == 0
    assert cli("remind", "set", "--timezone", "Asia/Shanghai", "--desktop", "off", today="2025-02-01").code == 0
    store = Store(data_dir, demo=False)
    today = dt.date(2025, 2, 16)

    def contact(ledger):
        return add_contact(ledger, loan_id="L1", at="2025-02-16 11:00", channel="phone", who="Collector Wang",
                           promise_amount="300", promise_date="2025-02-18", today=today)

    store.transact(contact, action="contacts.add")
    ledger = store.load()
    listed = [o for o in coming(ledger, today, dt.datetime(2025, 2, 16, 12, tzinfo=SH), 7) if o.promise]
    assert [(o.id, o.fire_at) for o in listed] == [("P:C1", dt.datetime(2025, 2, 18, 9, 0, tzinfo=SH))]
    said = []
    for now in (dt.datetime(2025, 2, 16, 12, tzinfo=SH), dt.datetime(2025, 2, 18, 9, 5, tzinfo=SH),
                dt.datetime(2025, 2, 18, 9, 20, tzinfo=SH), dt.datetime(2025, 2, 19, 9, 0, tzinfo=SH)):
        _claimed, report = run(store, now.date(), now, "en")
        said += [line for line in report.lines if "promised" in line]
    assert said == ["2025-02-18 09:00 Phone: you promised Collector Wang to pay ¥300.00 today (2025-02-18)."]
