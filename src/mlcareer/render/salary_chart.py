"""The salary range chart, drawn in character cells: horizontal bands on one shared scale.

Format-free: a chart of the view model (``view.RangeChart``, its rows already placed on a
scale) becomes lines of styled runs for a width and a character set. The terminal renderer
(``render.to_text``) turns the runs into Rich text; Markdown takes the plain ASCII text
(``chart_text``). Reads at 40 columns.
"""

from __future__ import annotations

from collections.abc import Callable

from mlcareer.named import NamedTuple
from mlcareer.render import view as v
from mlcareer.render.common import cells, money, wrap_words

Run = tuple[str, str]  # text and its style: "", "bold", "dim", "cyan", "yellow"...
ChartLine = list[Run]


def period_text(period: str) -> str:
    return f"per {period}"


class _Glyphs(NamedTuple):
    bar: str
    open_end: str
    average: str
    guide: str
    line: str
    tick: str
    left: str
    right: str
    median: str
    spread: str


_UNICODE = _Glyphs("█", "▶", "◆", "┊", "─", "┼", "├", "┤", "●", "╌")
_ASCII = _Glyphs("#", ">", "*", ":", "-", "+", "+", "+", "o", "~")
MUTED = "dim"


def compact(amount: int, currency: str, ascii_only: bool = False) -> str:
    """'$75k', '€1.5M', or a bare '75k' for a currency without a one-character symbol."""
    prefix = money(0, currency, ascii_only).removesuffix("0")
    prefix = prefix if len(prefix) == 1 else ""
    for div, suffix in ((1_000_000, "M"), (1_000, "k")):
        if amount >= div:
            return f"{prefix}{amount / div:g}{suffix}"
    return f"{prefix}{amount}"


def title(chart: v.RangeChart) -> str:
    return f"{chart.currency} {period_text(chart.period)}, on one scale"


class _Plot(NamedTuple):
    """Where a chart's rows are drawn: ``width`` cells, ``x`` placing an amount in them."""

    width: int
    x: Callable[[int], int]
    glyphs: _Glyphs
    currency: str
    ascii_only: bool

    def note(self, amount: int) -> str:
        return " " + money(amount, self.currency, self.ascii_only)


def chart_lines(chart: v.RangeChart, width: int, ascii_only: bool) -> list[ChartLine]:
    """The chart as lines of styled runs, ``width`` cells wide (ASCII glyphs when ``ascii_only``)."""
    g = _ASCII if ascii_only else _UNICODE
    label_w = min(max(cells(row.label) for row in chart.rows), max(width // 4, 4))
    plot_w = max(width - label_w - 1, 8)
    span = max(chart.high - chart.low, 1)

    def x(value: int) -> int:
        return round((value - chart.low) * (plot_w - 1) / span)

    plot = _Plot(plot_w, x, g, chart.currency, ascii_only)
    out: list[ChartLine] = [[(line, "bold")] for line in wrap_words(title(chart), width)]
    pad = " " * (label_w + 1)
    out.append([(pad, ""), (_tick_labels(chart, plot), MUTED)])
    axis = [g.line] * plot_w
    for tick in chart.ticks:
        axis[x(tick)] = g.tick
    axis[0], axis[-1] = g.left, g.right
    out.append([(pad, ""), ("".join(axis), MUTED)])
    averages = [x(row.at) for row in chart.rows if row.kind == "average" and row.at is not None]
    for row in chart.rows:
        runs = _median(row, plot) if row.kind == "median" else _figure(row, plot, averages)
        out.append(_rstrip([(row.label[:label_w].ljust(label_w) + " ", "bold"), *runs]))
    legend = _legend(chart, g, bool(averages))
    if legend:
        out += [[(line, MUTED)] for line in wrap_words("; ".join(legend), width)]
    return out


def _figure(row: v.ChartRow, plot: _Plot, averages: list[int]) -> list[Run]:
    """A source's figure: a bar for a range (an arrow where it has no upper limit), a marked amount
    for an average; the averages' guides run through every such row."""
    x, g = plot.x, plot.glyphs
    runs: list[Run] = [(" ", "")] * plot.width
    for pos in averages:
        runs[pos] = (g.guide, "yellow dim")
    if row.kind == "range" and row.low is not None:
        end = x(row.high) if row.high is not None else x(row.low)
        for pos in range(x(row.low), end + 1):
            runs[pos] = (g.bar, "cyan")
        if row.open_ended and end + 1 < plot.width:
            runs[end + 1] = (g.open_end, "cyan")
    elif row.at is not None:
        pos = x(row.at)
        runs[pos] = (g.average, "bold yellow")
        note = plot.note(row.at)
        if pos + cells(note) < plot.width:
            runs[pos + 1 : pos + 1 + len(note)] = [(ch, "yellow") for ch in note]
        elif pos - len(note) >= 0:
            runs[pos - len(note) : pos] = [(ch, "yellow") for ch in note[1:] + " "]
    return runs


def _median(row: v.ChartRow, plot: _Plot) -> list[Run]:
    """An official figure: its median marked, a thin line from the 10th to the 90th percentile."""
    x, g = plot.x, plot.glyphs
    runs: list[Run] = [(" ", "")] * plot.width
    low = row.low if row.low is not None else row.at
    high = row.high if row.high is not None else row.at
    if low is not None and high is not None:
        for pos in range(x(low), x(high) + 1):
            runs[pos] = (g.spread, "magenta")
    if row.at is not None:
        pos = x(row.at)
        runs[pos] = (g.median, "bold magenta")
        note = plot.note(row.at)
        end = x(high) if high is not None else pos
        if end + cells(note) < plot.width:
            runs[end + 1 : end + 1 + len(note)] = [(ch, "magenta") for ch in note]
        elif x(low or row.at) - len(note) >= 0:
            start = x(low or row.at) - len(note)
            runs[start : start + len(note)] = [(ch, "magenta") for ch in note[1:] + " "]
    return runs


def _legend(chart: v.RangeChart, g: _Glyphs, averages: bool) -> list[str]:
    legend = []
    if averages:
        legend.append(f"{g.average} average ({g.guide} through the bands)")
    if any(row.open_ended for row in chart.rows):
        legend.append(f'{g.open_end} no upper limit ("or more")')
    medians = [row for row in chart.rows if row.kind == "median"]
    if medians:
        spread = any(r.low is not None or r.high is not None for r in medians)
        legend.append(
            f"{g.median} official median (rows keyed as in the official table)"
            + (f" ({g.spread} 10th to 90th percentile)" if spread else "")
        )
    return legend


def _tick_labels(chart: v.RangeChart, plot: _Plot) -> str:
    """Labels under every k-th tick, the smallest k at which none overlap."""
    placed: list[tuple[int, str]] = []
    for every in range(1, len(chart.ticks) + 1):
        placed, end = [], -1
        for tick in chart.ticks[::every]:
            label = compact(tick, chart.currency, plot.ascii_only)
            start = min(max(plot.x(tick) - cells(label) // 2, 0), plot.width - cells(label))
            if start <= end or start < 0:
                break
            placed.append((start, label))
            end = start + cells(label)
        else:
            break
    line = ""
    for start, label in placed:
        line += " " * (start - cells(line)) + label
    return line


def _rstrip(line: list[Run]) -> list[Run]:
    """A line without the spaces at its end, whatever their style."""
    out = list(line)
    while out and not out[-1][0].strip():
        out.pop()
    if out:
        text, style = out[-1]
        out[-1] = (text.rstrip(), style)
    return out


def charts_lines(charts: tuple[v.RangeChart, ...], width: int, ascii_only: bool) -> list[ChartLine]:
    """Every chart's lines, a blank line between two charts."""
    out: list[ChartLine] = []
    for n, chart in enumerate(charts):
        if n:
            out.append([])
        out += chart_lines(chart, width, ascii_only)
    return out


def chart_text(charts: tuple[v.RangeChart, ...], width: int = 72) -> str:
    """The charts as plain ASCII text (for a code block, where wide glyphs misalign)."""
    lines = ["".join(text for text, _ in line) for line in charts_lines(charts, width, ascii_only=True)]
    return "\n".join(lines).encode("ascii", "replace").decode("ascii") + "\n"
