"""Status's bar of the principal repaid: one line, drawn as Textual's ProgressBar draws it (the bar's cells, then
the percentage), as one widget. A ProgressBar is three widgets composed only once it is mounted, so Status was
drawn with its loans first and again, a frame or more later, with the bar (under load the bar came 80-130 ms after
the loans), and composing it was on the way of the loans too."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from textual.geometry import Size
from textual.renderables.bar import Bar
from textual.widget import Widget

CELLS = 32  # the bar, as wide as ProgressBar's
SHOWN = 5  # the percentage after it, right-aligned ("  8%", "100%")


class RepaidBar(Widget):
    COMPONENT_CLASSES = {"repaid-bar--bar", "repaid-bar--complete"}
    DEFAULT_CSS = """
    RepaidBar {
        width: auto;
        height: 1;
        &> .repaid-bar--bar { color: $primary; background: $surface; }
        &> .repaid-bar--complete { color: $success; background: $surface; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fraction = 0.0

    def update(self, repaid: float, of: float) -> None:
        """Show `repaid` of `of` (nothing of nothing: 0%)."""
        self.fraction = min(max(repaid / of, 0.0), 1.0) if of > 0 else 0.0
        self.refresh()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return CELLS + SHOWN

    def render(self) -> Table:
        style = self.get_component_rich_style("repaid-bar--complete" if self.fraction >= 1 else "repaid-bar--bar")
        filled = int(self.fraction * CELLS * 2) / 2  # to the half cell below, as ProgressBar's Bar
        bar = Bar(highlight_range=(0, filled), highlight_style=Style.from_color(style.color),
                  background_style=Style.from_color(style.bgcolor), width=CELLS)
        line = Table.grid()
        line.add_column(width=CELLS, no_wrap=True)
        line.add_column(width=SHOWN, justify="right", no_wrap=True)
        line.add_row(bar, f"{round(self.fraction * 100)}%")
        return line
