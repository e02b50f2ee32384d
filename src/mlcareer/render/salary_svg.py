"""The salary chart of a handout as inline SVG: the terminal chart's ranges on one scale, drawn.

A bar per range (an arrow where the source says "or more"), a diamond and a guide line per
average, a dot per official median (a thin line from the 10th to the 90th percentile where
given), ticks along the top. Text is escaped; colours come from the page's CSS.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from mlcareer.render import view as v
from mlcareer.render.common import money
from mlcareer.render.salary_chart import compact, title

_LABEL_W, _PLOT_W, _ROW_H, _TOP = 110, 520, 24, 34


def _text(cls: str, x: float, y: float, text: str, anchor: str = "start") -> str:
    return f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'


def _line(cls: str, x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line class="{cls}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'


def charts_svg(charts: tuple[v.RangeChart, ...]) -> str:
    return "\n".join(_chart(chart) for chart in charts)


def _chart(chart: v.RangeChart) -> str:
    span = max(chart.high - chart.low, 1)

    def x(value: int) -> float:
        return _LABEL_W + (value - chart.low) * _PLOT_W / span

    height = _TOP + len(chart.rows) * _ROW_H + 8
    caption = escape(title(chart))
    out = [
        f'<figure class="chart"><figcaption>{caption}</figcaption>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_LABEL_W + _PLOT_W + 90} {height}" '
        f'role="img" aria-label="{caption}">',
    ]
    for tick in chart.ticks:
        out.append(
            f'<line class="tick" x1="{x(tick):.1f}" y1="{_TOP - 8}" x2="{x(tick):.1f}" y2="{height}"/>'
        )
        label = escape(compact(tick, chart.currency))
        out.append(
            f'<text class="axis" x="{x(tick):.1f}" y="{_TOP - 14}" text-anchor="middle">{label}</text>'
        )
    averages = [row.at for row in chart.rows if row.kind == "average" and row.at is not None]
    for amount in averages:
        out.append(
            f'<line class="guide" x1="{x(amount):.1f}" y1="{_TOP}" x2="{x(amount):.1f}" y2="{height}"/>'
        )
    for n, row in enumerate(chart.rows):
        y = _TOP + n * _ROW_H + _ROW_H / 2
        out.append(_text("label", 0, y + 4, row.label))
        if row.kind == "median":
            out += _median(row, chart.currency, x, y)
        elif row.kind == "range" and row.low is not None:
            end = x(row.high if row.high is not None else row.low)
            out.append(
                f'<rect class="band" x="{x(row.low):.1f}" y="{y - 7:.1f}" '
                f'width="{max(end - x(row.low), 2):.1f}" height="14" rx="2"/>'
            )
            if row.open_ended:
                out.append(f'<path class="band" d="M{end:.1f},{y - 9:.1f} l10,9 l-10,9 z"/>')
        elif row.at is not None:
            at = x(row.at)
            out.append(f'<path class="average" d="M{at:.1f},{y - 7:.1f} l7,7 l-7,7 l-7,-7 z"/>')
            out.append(_text("value", at + 11, y + 4, money(row.at, chart.currency)))
    out.append("</svg>")
    legend = ["bars: the ranges the sources give"]
    if averages:
        legend.append("diamond and line: an average")
    if any(row.open_ended for row in chart.rows):
        legend.append('arrow: no upper limit ("or more")')
    if any(row.kind == "median" for row in chart.rows):
        legend.append("dot: an official median (rows keyed as in the official table)")
    out.append(f'<p class="note">{escape("; ".join(legend))}.</p></figure>')
    return "\n".join(out)


def _median(row: v.ChartRow, currency: str, x: Callable[[int], float], y: float) -> list[str]:
    """An official median as a dot, with a thin line from the 10th to the 90th percentile."""
    out = []
    low = row.low if row.low is not None else row.at
    high = row.high if row.high is not None else row.at
    if low is not None and high is not None and high > low:
        out.append(f'<line class="spread" x1="{x(low):.1f}" y1="{y:.1f}" x2="{x(high):.1f}" y2="{y:.1f}"/>')
    if row.at is not None:
        median = escape(money(row.at, currency))
        out.append(f'<circle class="median" cx="{x(row.at):.1f}" cy="{y:.1f}" r="5"/>')
        out.append(f'<text class="value" x="{x(high or row.at) + 9:.1f}" y="{y + 4:.1f}">{median}</text>')
    return out
