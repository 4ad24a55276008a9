"""Tables filled by tables.fill: each column as wide as its widest cell or heading, and the cells not measured again
by the table (it asked the console for its options once a cell: 700 times for 100 loans before they were drawn)."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from jiebei_tui.tui.widgets.tables import fill


class OneTable(App):
    def compose(self) -> ComposeResult:
        yield DataTable()


ROWS = [(str(n), [Text(f"¥{n * 1000:,}.00", justify="right"), f"Loan {n:03}", Text("on track", style="green")])
        for n in range(1, 101)]
COLUMNS = [("left", "Outstanding"), ("name", "Name"), ("state", "State")]


async def test_columns_are_as_wide_as_their_widest_cell_or_heading() -> None:
    app = OneTable()
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.query_one(DataTable)
        fill(table, COLUMNS, ROWS, widths={"name": 6})
        await pilot.pause()
        assert [c.width for c in table.columns.values()] == [len("¥100,000.00"), 6, len("on track")]
        assert [str(c) for c in table.get_row_at(99)] == ["¥100,000.00", "Loan 100", "on track"]
        assert table.get_row_at(0)[0].justify == "right" and table.get_row_at(0)[2].style == "green"


async def test_a_filled_table_does_not_measure_each_cell_again(monkeypatch) -> None:
    asked = []
    options = Console.options
    monkeypatch.setattr(Console, "options", property(lambda console: asked.append(1) or options.fget(console)))
    app = OneTable()
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.query_one(DataTable)
        await pilot.pause()
        asked.clear()
        fill(table, COLUMNS, ROWS)
        await pilot.pause()  # the table's idle measurement and its first drawing
        assert table.row_count == 100
        assert len(asked) < 10  # (300 when each cell was measured)
