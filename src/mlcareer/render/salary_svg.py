"""The salary chart of a handout as inline SVG: the terminal chart's ranges on one scale, drawn.

A bar per range (an arrow where the source says "or more"), a diamond and a guide line per
average, a dot per official median (a thin line from the 10th to the 90th percentile where
given), ticks along the top. Text is escaped; colours come from the page's CSS.
"""

from __future__ import annotations

from html import escape

from mlcareer.domain.salaries import Chart
from mlcareer.render.common import money
from mlcareer.render.salary_chart import chart_labels, compact, period_text

_LABEL_W, _PLOT_W, _ROW_H, _TOP = 110, 520, 24, 34


def _text(cls: str, x: float, y: float, text: str, anchor: str = "start") -> str:
    return f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'


def _line(cls: str, x1: float, y1: float, x2: float, y2: float) -> str:
    return f'<line class="{cls}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>'


def charts_svg(charts: list[Chart]) -> str:
    return "\n".join(_chart(chart) for chart in charts)


def _chart(chart: Chart) -> str:
    scale = chart.scale
    span = max(scale.high - scale.low, 1)

    def x(value: int) -> float:
        return _LABEL_W + (value - scale.low) * _PLOT_W / span

    labels = chart_labels(chart)
    rows = len(chart.figures) + len(chart.official)
    height = _TOP + rows * _ROW_H + 8
    title = f"{chart.currency} {period_text(chart.period)}, on one scale"
    out = [
        f'<figure class="chart"><figcaption>{escape(title)}</figcaption>',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_LABEL_W + _PLOT_W + 90} {height}" '
        f'role="img" aria-label="{escape(title)}">',
    ]
    for tick in scale.ticks:
        out.append(
            f'<line class="tick" x1="{x(tick):.1f}" y1="{_TOP - 8}" x2="{x(tick):.1f}" y2="{height}"/>'
        )
        label = escape(compact(tick, chart.currency))
        out.append(
            f'<text class="axis" x="{x(tick):.1f}" y="{_TOP - 14}" text-anchor="middle">{label}</text>'
        )
    averages = [f.amount for f in chart.figures if f.kind == "average" and f.amount is not None]
    for amount in averages:
        out.append(
            f'<line class="guide" x1="{x(amount):.1f}" y1="{_TOP}" x2="{x(amount):.1f}" y2="{height}"/>'
        )
    for n, (label, figure) in enumerate(zip(labels, chart.figures, strict=False)):
        y = _TOP + n * _ROW_H + _ROW_H / 2
        out.append(_text("label", 0, y + 4, label))
        if figure.kind == "range" and figure.low is not None:
            end = x(figure.high if figure.high is not None else figure.low)
            out.append(
                f'<rect class="band" x="{x(figure.low):.1f}" y="{y - 7:.1f}" '
                f'width="{max(end - x(figure.low), 2):.1f}" height="14" rx="2"/>'
            )
            if figure.open_ended:
                out.append(f'<path class="band" d="M{end:.1f},{y - 9:.1f} l10,9 l-10,9 z"/>')
        elif figure.amount is not None:
            at = x(figure.amount)
            out.append(f'<path class="average" d="M{at:.1f},{y - 7:.1f} l7,7 l-7,7 l-7,-7 z"/>')
            out.append(_text("value", at + 11, y + 4, money(figure.amount, figure.currency)))
    for n, (label, row) in enumerate(zip(labels[len(chart.figures) :], chart.official, strict=True)):
        y = _TOP + (len(chart.figures) + n) * _ROW_H + _ROW_H / 2
        out.append(_text("label", 0, y + 4, label))
        pay = row.pay
        low = pay.p10 if pay.p10 is not None else pay.median
        high = pay.p90 if pay.p90 is not None else pay.median
        if low is not None and high is not None and high > low:
            out.append(
                f'<line class="spread" x1="{x(low):.1f}" y1="{y:.1f}" x2="{x(high):.1f}" y2="{y:.1f}"/>'
            )
        if pay.median is not None:
            median = escape(money(pay.median, pay.currency))
            out.append(f'<circle class="median" cx="{x(pay.median):.1f}" cy="{y:.1f}" r="5"/>')
            out.append(
                f'<text class="value" x="{x(high or pay.median) + 9:.1f}" y="{y + 4:.1f}">{median}</text>'
            )
    out.append("</svg>")
    legend = ["bars: the ranges the sources give"]
    if averages:
        legend.append("diamond and line: an average")
    if any(f.open_ended for f in chart.figures):
        legend.append('arrow: no upper limit ("or more")')
    if chart.official:
        legend.append("dot: an official median (rows keyed as in the official table)")
    out.append(f'<p class="note">{escape("; ".join(legend))}.</p></figure>')
    return "\n".join(out)
