"""A vertical bar chart drawn with block characters, with its peak value and date range as axes."""
from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

BLOCKS = " ▁▂▃▄▅▆▇█"


def bar_rows(values: list[int], height: int) -> list[str]:
    """The chart's text, top row first: each value a column of eighth blocks scaled to the peak."""
    peak = max(values, default=0) or 1
    eighths = [round(v / peak * height * 8) if v else 0 for v in values]
    eighths = [max(e, 1) if v else 0 for e, v in zip(eighths, values)]  # a non-zero day is never invisible
    rows = []
    for level in range(height - 1, -1, -1):
        cells = [BLOCKS[min(max(e - level * 8, 0), 8)] for e in eighths]
        rows.append(" ".join(cells))
    return rows


class BarChart(Widget):
    """Title, bars and an axis; data is [(date label, value)]."""

    DEFAULT_CSS = """
    BarChart { height: auto; width: 1fr; padding: 0 1; }
    """

    def __init__(self, title: str, data: list[tuple[str, int]], *, bar_height: int = 5, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.title, self.data, self.bar_height = title, data, bar_height

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.bar_height + 2

    def render(self) -> Content:
        values = [v for _, v in self.data]
        peak = max(values, default=0)
        total = sum(values)
        head = Content.assemble(Content.styled(self.title, "bold"),
                                Content.styled(f"  ·  total {total}, peak {peak}", "$text-muted"))
        width = max(len(str(peak)), 1)
        lines = [head]
        for i, row in enumerate(bar_rows(values, self.bar_height)):
            axis = str(peak).rjust(width) if i == 0 else ("0".rjust(width) if i == self.bar_height - 1 else " " * width)
            lines.append(Content.assemble(Content.styled(axis + " │", "$text-muted"),
                                          Content.styled(row, "$accent")))
        if self.data:
            span = 2 * len(self.data) - 1
            first, last = self.data[0][0][5:], self.data[-1][0][5:]  # MM-DD
            lines.append(Content.styled(" " * (width + 2) + first + last.rjust(max(span - len(first), 0)),
                                        "$text-muted"))
        return Content("\n").join(lines)
