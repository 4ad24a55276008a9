"""The stage strip: the worst stage reached each month of a plan (M0 … M3+), month by month, in the colours of
the theme, as many months to a line as the width takes. Each month is its number and its stage ("3 M1 ")."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from jiebei_tui.tui.widgets.palette import style

NUMBER = 2  # the month's number, right-aligned
STAGE = 5  # the stage, " M3+ "
GAP = 1
CELL = NUMBER + 1 + STAGE
# how each stage looks: from on track to the worst
LOOKS = {"M0": "on_track", "M1": "due", "M2": "penalty", "M3": "overdue", "M3+": "overdue"}


def stage_style(app, stage: str) -> str:
    """A stage's look in a table cell (theme colours)."""
    return style(app, LOOKS.get(stage, "upcoming"))


def per_line(size: int) -> int:
    return max(1, (size + GAP) // (CELL + GAP))


class StageStrip(Widget):
    DEFAULT_CSS = "StageStrip { width: 1fr; height: auto; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.stages: list[str] = []

    def show(self, stages: list[str]) -> None:
        self.stages = list(stages)
        self.display = bool(self.stages)
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        n = per_line(width)
        return max(1, -(-len(self.stages) // n))

    def render(self) -> Text:
        n = per_line(self.content_size.width)
        text = Text(no_wrap=True, overflow="crop")
        for i, stage in enumerate(self.stages):
            if i and i % n == 0:
                text.append("\n")
            elif i:
                text.append(" " * GAP)
            look = stage_style(self.app, stage)
            if "reverse" not in look:
                look = f"{look} reverse".strip()
            text.append(f"{i + 1:>{NUMBER}} ", style="dim")
            text.append(f" {stage:<3} ", style=look)
        return text
