"""A column chart of the amount to clear against days late, with the stage boundaries (days 30, 60, 90) marked.
Drawn with block characters so it needs no plotting package and stays readable in 80 columns."""

from __future__ import annotations

from decimal import Decimal

from rich.text import Text
from textual.widget import Widget

from jiebei_tui.domain.money import yuan

BLOCKS = " ▁▂▃▄▅▆▇█"
BOUNDARIES = (30, 60, 90)


class CostChart(Widget):
    DEFAULT_CSS = """
    CostChart { height: 10; width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[tuple[int, Decimal]] = []
        self.marker: int | None = None
        self.bar_style = ""
        self.marker_style = "bold"

    def plot(self, points: list[tuple[int, Decimal]], marker: int | None, bar_style: str, marker_style: str) -> None:
        self.points, self.marker = points, marker
        self.bar_style, self.marker_style = bar_style, marker_style
        self.refresh()

    def render(self) -> Text:
        if not self.points:
            return Text("")
        label_width = max(len(yuan(self.points[-1][1])), len(yuan(self.points[0][1]))) + 1
        width = max(self.size.width - label_width - 1, 10)
        rows = max(self.size.height - 2, 3)
        days = self.points[-1][0]
        step = max(1, -(-(days + 1) // width))  # days per column
        columns = [self.points[min(k * step, days)] for k in range(days // step + 1)]
        low, high = self.points[0][1], self.points[-1][1]
        span = (high - low) or Decimal(1)
        out = Text()
        for row in range(rows, 0, -1):
            label = yuan(high) if row == rows else yuan(low) if row == 1 else ""
            out.append(label.rjust(label_width) + "│")
            for day, amount in columns:
                level = float((amount - low) / span) * rows * 8 + (8 if row == 1 else 0)
                cell = BLOCKS[max(0, min(8, int(level - (row - 1) * 8)))]
                marked = self.marker is not None and day <= self.marker < day + step
                out.append(cell, style=self.marker_style if marked else self.bar_style)
            out.append("\n")
        axis = [" "] * len(columns)
        for boundary in BOUNDARIES:
            index = boundary // step
            if index < len(axis):
                axis[index] = "┬"
        out.append(" " * label_width + "└" + "".join(c if c != " " else "─" for c in axis) + "\n")
        scale = [" "] * (len(columns) + 4)
        for boundary in (0, *BOUNDARIES):
            index = boundary // step
            for k, ch in enumerate(str(boundary)):
                if index + k < len(scale):
                    scale[index + k] = ch
        out.append(" " * (label_width + 1) + "".join(scale).rstrip())
        return out
