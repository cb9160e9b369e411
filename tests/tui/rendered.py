"""Colours as the terminal shows them, read from the app's own SVG screenshot (not from the CSS)."""
from __future__ import annotations

import html
import re


class Rendered:
    """Cells of a screenshot: each text run with its foreground, and the background under any column."""

    def __init__(self, svg: str) -> None:
        styles = dict(re.findall(r"\.(terminal-[\w-]+-r\d+) \{ fill: (#[0-9a-fA-F]{6})", svg))
        # Each screen line has a clip path whose rect starts at the line's y: the rows of the background rects.
        tops = sorted((float(y), int(n)) for n, y in re.findall(r'<clipPath id="[\w-]+-line-(\d+)">\s*<rect x="0" y="([\d.]+)"', svg))

        def line_of(y: str) -> int:
            return max((top for top in tops if top[0] <= float(y) + 0.01), default=tops[0])[1]

        rects = re.findall(r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" '
                           r'height="[\d.]+" shape-rendering', svg)
        # Cells on the terminal's own background (ANSI themes) have no rect: the window's fill shows through.
        self.default = re.search(r'<rect fill="(#[0-9a-fA-F]{6})" stroke=', svg).group(1)
        self.backgrounds: dict[int, list[tuple[float, float, str]]] = {}
        for fill, x, y, width in rects:
            self.backgrounds.setdefault(line_of(y), []).append((float(x), float(x) + float(width), fill))
        texts = re.findall(r'<text class="([\w-]+)" x="([\d.]+)" y="[\d.]+"[^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"'
                           r'>(.*?)</text>', svg)
        self.texts: list[tuple[int, float, str, str]] = [
            (int(line), float(x), styles.get(cls, "#000000"), html.unescape(t).replace("\xa0", " "))
            for cls, x, line, t in texts]

    def background(self, row: int, x: float) -> str:
        return next((fill for start, end, fill in self.backgrounds.get(row, ()) if start <= x < end), self.default)

    def row_of(self, text: str) -> int:
        return next(row for row, _x, _fg, t in self.texts if t.strip() == text)

    def runs(self, row: int) -> list[tuple[float, str, str]]:
        """(x, foreground, text) of the visible text runs of a row."""
        return [(x, fg, t) for r, x, fg, t in self.texts if r == row and t.strip()]


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
