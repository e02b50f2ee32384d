"""The salary range chart: horizontal bands on one shared scale, the average marked.

Reads at 40 columns, and draws with ASCII where the terminal cannot show more.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from mlcareer.domain.salaries import Chart
from mlcareer.render.common import MUTED, money

if TYPE_CHECKING:
    from mlcareer.models import OfficialPay, SalaryFigure

NO_LEVEL = "not stated"


def period_text(period: str) -> str:
    return f"per {period}"


@dataclass(frozen=True)
class _Glyphs:
    bar: str
    open_end: str
    average: str
    guide: str
    line: str
    tick: str
    left: str
    right: str


_UNICODE = _Glyphs("█", "▶", "◆", "┊", "─", "┼", "├", "┤")
_ASCII = _Glyphs("#", ">", "*", ":", "-", "+", "+", "+")
# Official percentiles: the median, and a thin line from the 10th to the 90th where given.
_MEDIAN = {False: "●", True: "o"}
_SPREAD = {False: "╌", True: "~"}


def compact(amount: int, currency: str, ascii_only: bool = False) -> str:
    """'$75k', '€1.5M', or a bare '75k' for a currency without a one-character symbol."""
    prefix = money(0, currency, ascii_only).removesuffix("0")
    prefix = prefix if len(prefix) == 1 else ""
    for div, suffix in ((1_000_000, "M"), (1_000, "k")):
        if amount >= div:
            return f"{prefix}{amount / div:g}{suffix}"
    return f"{prefix}{amount}"


def _chart_label(figure: SalaryFigure) -> str:
    if figure.level is not None:
        return figure.level.value
    return "average" if figure.kind == "average" else NO_LEVEL


def chart_labels(chart: Chart) -> list[str]:
    """Each row's label: the level (numbered when two share one), then the official keys."""
    labels = [_chart_label(f) for f in chart.figures]
    for label in set(labels):
        if labels.count(label) > 1:
            n = 0
            for i, x in enumerate(labels):
                if x == label:
                    n += 1
                    labels[i] = f"{label} {n}"
    return labels + [row.key for row in chart.official]


class RangeChart:
    """Horizontal ranges on one scale: a bar per range, a marked line per average."""

    def __init__(self, chart: Chart) -> None:
        self.chart = chart

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        chart, scale = self.chart, self.chart.scale
        ascii_only = options.ascii_only
        g = _ASCII if ascii_only else _UNICODE
        width = options.max_width
        labels = chart_labels(chart)
        label_w = min(max(cell_len(x) for x in labels), max(width // 4, 4))
        plot_w = max(width - label_w - 1, 8)
        span = max(scale.high - scale.low, 1)

        def x(value: int) -> int:
            return round((value - scale.low) * (plot_w - 1) / span)

        yield from Text(f"{chart.currency} {period_text(chart.period)}, on one scale", style="bold").wrap(
            console, width
        )
        pad = " " * (label_w + 1)
        yield Text(pad) + self._tick_labels(plot_w, x, ascii_only)
        axis = [g.line] * plot_w
        for tick in scale.ticks:
            axis[x(tick)] = g.tick
        axis[0], axis[-1] = g.left, g.right
        yield Text(pad) + Text("".join(axis), style=MUTED)
        averages = [x(f.amount) for f in chart.figures if f.kind == "average" and f.amount is not None]
        for label, figure in zip(labels, chart.figures, strict=False):
            cells: list[tuple[str, str]] = [(" ", "")] * plot_w
            for pos in averages:
                cells[pos] = (g.guide, "yellow dim")
            if figure.kind == "range" and figure.low is not None:
                end = x(figure.high) if figure.high is not None else x(figure.low)
                for pos in range(x(figure.low), end + 1):
                    cells[pos] = (g.bar, "cyan")
                if figure.open_ended and end + 1 < plot_w:
                    cells[end + 1] = (g.open_end, "cyan")
            elif figure.amount is not None:
                pos = x(figure.amount)
                cells[pos] = (g.average, "bold yellow")
                note = " " + money(figure.amount, figure.currency, ascii_only)
                if pos + cell_len(note) < plot_w:
                    cells[pos + 1 : pos + 1 + len(note)] = [(ch, "yellow") for ch in note]
                elif pos - len(note) >= 0:
                    cells[pos - len(note) : pos] = [(ch, "yellow") for ch in note[1:] + " "]
            line = Text(label[:label_w].ljust(label_w) + " ", style="bold")
            for ch, style in cells:
                line.append(ch, style)
            line.rstrip()
            yield line
        for label, row in zip(labels[len(chart.figures) :], chart.official, strict=True):
            yield self._official_line(label, label_w, plot_w, row.pay, x, ascii_only)
        legend = []
        if averages:
            legend.append(f"{g.average} average ({g.guide} through the bands)")
        if any(f.open_ended for f in chart.figures):
            legend.append(f'{g.open_end} no upper limit ("or more")')
        if chart.official:
            spread = any(r.pay.p10 is not None or r.pay.p90 is not None for r in chart.official)
            legend.append(
                f"{_MEDIAN[ascii_only]} official median (rows keyed as in the official table)"
                + (f" ({_SPREAD[ascii_only]} 10th to 90th percentile)" if spread else "")
            )
        if legend:
            yield from Text("; ".join(legend), style=MUTED).wrap(console, width)

    @staticmethod
    def _official_line(
        label: str, label_w: int, plot_w: int, pay: OfficialPay, x: Any, ascii_only: bool
    ) -> Text:
        cells: list[tuple[str, str]] = [(" ", "")] * plot_w
        low = pay.p10 if pay.p10 is not None else pay.median
        high = pay.p90 if pay.p90 is not None else pay.median
        if low is not None and high is not None:
            for pos in range(x(low), x(high) + 1):
                cells[pos] = (_SPREAD[ascii_only], "magenta")
        if pay.median is not None:
            pos = x(pay.median)
            cells[pos] = (_MEDIAN[ascii_only], "bold magenta")
            note = " " + money(pay.median, pay.currency, ascii_only)
            end = x(high) if high is not None else pos
            if end + cell_len(note) < plot_w:
                cells[end + 1 : end + 1 + len(note)] = [(ch, "magenta") for ch in note]
            elif x(low or pay.median) - len(note) >= 0:
                start = x(low or pay.median) - len(note)
                cells[start : start + len(note)] = [(ch, "magenta") for ch in note[1:] + " "]
        line = Text(label[:label_w].ljust(label_w) + " ", style="bold")
        for ch, style in cells:
            line.append(ch, style)
        line.rstrip()
        return line

    def _tick_labels(self, plot_w: int, x: Any, ascii_only: bool) -> Text:
        """Labels under every k-th tick, the smallest k at which none overlap."""
        ticks = self.chart.scale.ticks
        placed: list[tuple[int, str]] = []
        for every in range(1, len(ticks) + 1):
            placed, end = [], -1
            for tick in ticks[::every]:
                label = compact(tick, self.chart.currency, ascii_only)
                start = min(max(x(tick) - cell_len(label) // 2, 0), plot_w - cell_len(label))
                if start <= end or start < 0:
                    break
                placed.append((start, label))
                end = start + cell_len(label)
            else:
                break
        line = Text(style=MUTED)
        for start, label in placed:
            line.append(" " * (start - line.cell_len) + label)
        return line


def chart_block(chart_list: list[Chart]) -> RenderableType:
    parts: list[RenderableType] = []
    for n, chart in enumerate(chart_list):
        if n:
            parts.append(Text(""))
        parts.append(RangeChart(chart))
    return Group(*parts)


def chart_text(chart_list: list[Chart], width: int = 72) -> str:
    """The charts as plain ASCII text (for a code block, where wide glyphs misalign)."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="replace", newline="\n")
    console = Console(file=stream, width=width, color_system=None, highlight=False, emoji=False)
    console.print(chart_block(chart_list))
    stream.flush()
    return raw.getvalue().decode("ascii")
