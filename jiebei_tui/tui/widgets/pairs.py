"""Label and value pairs, the values lined up and wrapping under themselves (a hanging indent), as the command
line's `pairs` lays them out but fitted to the width the widget is given. An entry whose label is None is a
heading across the whole width (a loan's name above its pairs), set in bold. Text is plain: never read as
markup (the values carry text from the file, made visible by text/way_back.py)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from jiebei_tui.text.width import pad, width, wrap

Entry = tuple[str | None, str]
GAP = 2  # columns between a label and its value
MIN_VALUE = 24  # narrower than this beside the labels: each label on a line of its own, its value under it


def lay_out(entries: Sequence[Entry], size: int) -> tuple[list[str], list[int]]:
    """The lines at `size` columns, and the indexes of the heading lines."""
    size = max(size, 8)
    lines: list[str] = []
    headings: list[int] = []
    labelled = [label for label, _ in entries if label is not None]
    column = max((width(label) for label in labelled), default=0)
    stacked = size - column - GAP < MIN_VALUE
    for label, value in entries:
        if label is None:
            if lines:
                lines.append("")
            for line in wrap(value, size):
                headings.append(len(lines))
                lines.append(line)
        elif stacked:
            lines.extend(wrap(label, size))
            lines.extend("  " + line for line in wrap(value, size - 2))
        else:
            for n, line in enumerate(wrap(value, size - column - GAP) or [""]):
                lines.append((pad(label, column) if n == 0 else " " * column) + " " * GAP + line)
    return lines, headings


class PairsVisual(Visual):
    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        self._laid_out: tuple[int, Content] | None = None

    def __str__(self) -> str:
        return "\n".join(value if label is None else f"{label}  {value}" for label, value in self.entries)

    def at(self, size: int) -> Content:
        if self._laid_out is None or self._laid_out[0] != size:
            lines, headings = lay_out(self.entries, size)
            content = Content("\n".join(lines))
            offset = 0
            for n, line in enumerate(lines):
                if n in headings:
                    content = content.stylize("bold", offset, offset + len(line))
                offset += len(line) + 1
            self._laid_out = (size, content)
        return self._laid_out[1]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return container_width

    def get_minimal_width(self, rules: RulesMap) -> int:
        return 8

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.at(width).get_height(rules, width)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.at(width).render_strips(width, height, style, options)


class Pairs(Static):
    DEFAULT_CSS = "Pairs { width: 1fr; height: auto; }"

    def __init__(self, entries: Sequence[Entry] = (), **kwargs) -> None:
        super().__init__(PairsVisual(entries), **kwargs)

    def show(self, entries: Sequence[Entry]) -> None:
        self.display = bool(entries)
        self.update(PairsVisual(entries))

    @property
    def text(self) -> str:
        return str(self.content)
