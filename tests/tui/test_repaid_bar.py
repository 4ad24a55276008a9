"""Status's bar of the principal repaid (widgets/repaid_bar.py) reads as Textual's ProgressBar did, cell for cell,
colours included: each case is checked against a ProgressBar showing the same progress beside it."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import ProgressBar

from jiebei_tui.tui.widgets.repaid_bar import CELLS, SHOWN, RepaidBar
from tests.tui.conftest import settle


class Beside(App):
    def compose(self) -> ComposeResult:
        yield ProgressBar(total=100, show_eta=False, id="theirs")
        yield RepaidBar(id="ours")


def cells(widget) -> list[tuple[str, object]]:
    """The widget's first line as (character, colour, background) per cell."""
    return [(ch, seg.style.color, seg.style.bgcolor) for seg in widget.render_line(0) for ch in seg.text]


@pytest.mark.parametrize(("repaid", "of"), [(0, 100), (816.97, 10000), (1, 64), (1.5, 64), (50, 100), (99.9, 100),
                                            (100, 100), (120, 100), (0, 0), (3333.33, 10000)])
async def test_the_bar_reads_as_a_progress_bar(repaid: float, of: float) -> None:
    app = Beside()
    async with app.run_test(size=(60, 4)) as pilot:
        theirs, ours = app.query_one("#theirs", ProgressBar), app.query_one("#ours", RepaidBar)
        theirs.update(total=of or 100, progress=repaid if of else 0)
        ours.update(repaid, of)
        await settle(pilot)
        bar, percentage = cells(theirs.query_one("Bar")), cells(theirs.query_one("PercentageStatus"))
        assert cells(ours)[: CELLS + SHOWN] == bar + percentage


async def test_it_takes_the_cells_of_the_bar_and_its_percentage() -> None:
    app = Beside()
    async with app.run_test(size=(60, 4)) as pilot:
        ours = app.query_one("#ours", RepaidBar)
        ours.update(816.97, 10000)
        await settle(pilot)
        assert ours.size.width == CELLS + SHOWN
        assert "".join(ch for ch, _, _ in cells(ours)) == "━━╸" + "━" * 29 + "   8%"
