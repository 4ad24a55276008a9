"""Tables drawn at their final size at once.

Textual's DataTable measures its columns later, when it is next idle, and does not redraw the rows it drew in
between: a table filled and shown before that kept columns as narrow as their headings ("2027-01-", "¥1,835")
until something else redrew it, and a snapshot taken in that moment differed from the next. So every table
here is given its column widths when it is filled, worked out from what it shows; nothing is left to measure.
Cells are plain text (a loan name is never read as markup). A cell with several lines (wrapped by the caller)
makes its row that many lines tall, again fixed when the row is added.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual.widgets import DataTable

Cell = str | Text


class Unmeasured(Text):
    """A cell as a table here is handed it: a Text that no one measures. Once idle, Textual's DataTable measures
    every new cell again, to size the columns that size themselves; every column here is given its width (fill),
    so the measurement is thrown away, and each one asks the console for its options, which asks the terminal for
    its size: 700 cells for 100 loans, about 7 ms before the loans could be drawn. A renderable without
    __rich_measure__ is not measured (its width is taken as one cell, of no use to a column of a given width)."""

    __slots__ = ()
    __rich_measure__ = None  # type: ignore[assignment]


def plain(cell: Cell) -> Text:
    return cell if isinstance(cell, Text) else Text(cell)


def unmeasured(cell: Text) -> Text:
    """The cell itself, made Unmeasured (no copy: 700 cells): fill takes the cells it is given as its own."""
    cell.__class__ = Unmeasured
    return cell


def lines(cell: Text) -> list[Text]:
    """The cell's lines (a copy of each is made only when there are several: 100 loans are 700 cells)."""
    return cell.split() if "\n" in cell.plain else [cell]


def fill(
    table: DataTable,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[tuple[str, Sequence[Cell]]],
    widths: dict[str, int] | None = None,
) -> None:
    """Empty `table` and fill it: columns (key, heading), rows (key, cells). Each column is as wide as its widest
    cell or heading (its widest line), unless `widths` names it (the cells are then cut to fit by the table). A
    row is as tall as its cell with the most lines."""
    rows = [(key, [plain(c) for c in cells]) for key, cells in rows]
    table.clear(columns=True)
    for n, (key, heading) in enumerate(columns):
        size = (widths or {}).get(key)
        if size is None:
            size = max([Text(heading).cell_len] + [line.cell_len for _, cells in rows for line in lines(cells[n])])
        table.add_column(heading, key=key, width=size)
    for key, cells in rows:
        table.add_row(*map(unmeasured, cells), key=key, height=max([1] + [len(lines(cell)) for cell in cells]))
