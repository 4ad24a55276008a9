"""The Status section's schedule after a payment that completes the running instalment and prepays principal:
the instalment reads its own principal and what was paid toward it, the principal prepaid a line of its own
(replay.schedule_lines), as `status ID` prints it. Figures worked by hand in tests/test_schedule_prepaid.py:
¥2,000.00 on 2025-02-05 on the worked loan = 104.00 interest + 776.41 instalment 1's principal (880.41) +
1,119.59 prepaid."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.conftest import EI
from tests.tui.conftest import ready
from tests.tui.test_record import cells, open_app


async def test_status_shows_the_prepaid_principal_apart(cli, data_dir) -> None:
    assert cli("loans", "add", "--name", "Worked example", *EI).code == 0
    assert cli("pay", "L1", "--amount", "2000", "--on", "2025-02-05", today="2025-02-05").code == 0
    for lang, paid, prepaid in (("en", "paid", "prepaid principal"), ("zh", "已还", "提前还本")):
        app = open_app(data_dir, "2025-02-05", lang)
        async with app.run_test(size=(80, 40)) as pilot:
            await ready(pilot)
            rows = cells(app.screen.query_one("#schedule", DataTable))
            assert rows[0] == ["1", "2025-02-10", "¥776.41", "¥104.00", "¥0.00", "¥880.41", paid]
            assert rows[1] == ["", "2025-02-05", "¥1,119.59", "", "", "¥1,119.59", prepaid]
            assert rows[2][:4] == ["▶ 2", "2025-03-10", "¥685.71", "¥106.97"]  # the one due next
            assert len(rows) == 13  # 12 instalments and the prepaid line
