"""Salary figures laid out for the terminal: the table by level, a role's figure list, small pieces."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from mlcareer.models import SalaryFigure, Source
from mlcareer.render.common import (
    MUTED,
    bullets,
    figure_amount,
    literal,
    no_data,
)
from mlcareer.render.salary_chart import period_text
from mlcareer.salaries import SalaryReport


@dataclass(frozen=True)
class Row:
    """A line of the table: a figure, or a level without one and why."""

    label: str
    figure: SalaryFigure | None = None
    message: str | None = None


def report_rows(report: SalaryReport) -> list[Row]:
    rows: list[Row] = []
    for band in report.bands:
        if band.figures:
            rows += [Row(band.level.value, f) for f in band.figures]
        else:
            rows.append(Row(band.level.value, message=no_data_text(band.no_data or "no figure")))
    rows += [Row("average", f) for f in report.averages]  # an average of all levels, as sourced
    return rows


class SalaryTable:
    """Level, pay, source and date: columns when there is room, a stacked list when narrow."""

    def __init__(self, rows: list[Row], sources: dict[str, Source], refs: dict[str, int]) -> None:
        self.rows = rows
        self.sources = sources
        self.refs = refs
        figures = [r.figure for r in rows if r.figure is not None]
        self.shared, self.by_scope, self.by_region, self.by_period = (
            _uniform(figures) if figures else ([], False, False, False)
        )

    def caption(self) -> Text | None:
        return literal("; ".join(self.shared), MUTED) if self.shared else None

    def _pay(self, figure: SalaryFigure, ascii_only: bool) -> str:
        amount = figure_amount(figure, ascii_only)
        return f"{amount} {period_text(figure.period)}" if self.by_period else amount

    def _ref(self, figure: SalaryFigure) -> str:
        return f"[{self.refs[figure.source]}]" if figure.source in self.refs else figure.source

    def _columns(self) -> list[tuple[str, bool]]:
        """(header, flexible) for each column after the level."""
        cols = [("Pay", False)]
        if self.by_scope:
            cols.append(("Scope", True))
        if self.by_region:
            cols.append(("Region", True))
        return [*cols, ("Source", False), ("As of", False)]

    def _cells(self, figure: SalaryFigure, ascii_only: bool) -> list[Text]:
        cells = [Text(self._pay(figure, ascii_only), style="bold")]
        if self.by_scope:
            cells.append(literal(figure.scope))
        if self.by_region:
            cells.append(literal(region_text(figure)))
        cells.append(Text(self._ref(figure), style=MUTED))
        cells.append(literal(as_of_text(figure, self.sources.get(figure.source))))
        return cells

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if not self.rows:
            yield no_data()
            return
        caption = self.caption()
        if caption is not None:
            yield caption
        label_w = max(cell_len(r.label) for r in [Row("Level"), *self.rows])
        columns = self._columns()
        cells = {i: self._cells(r.figure, options.ascii_only) for i, r in enumerate(self.rows) if r.figure}
        widths = [cell_len(h) for h, _ in columns]
        for line_cells in cells.values():
            widths = [max(w, c.cell_len) for w, c in zip(widths, line_cells, strict=True)]
        flexible = [i for i, (_, flex) in enumerate(columns) if flex]
        fixed = label_w + sum(w for i, w in enumerate(widths) if i not in flexible) + 2 * len(columns)
        spare = width - fixed
        if flexible:
            share = spare // len(flexible)
            if share < 10:
                yield from self._stacked(console, width, cells)
                return
            for i in flexible:
                widths[i] = min(widths[i], share)
        elif spare < 0 or not cells:
            yield from self._stacked(console, width, cells)
            return
        header = [Text("Level".ljust(label_w)), *(Text(h) for h, _ in columns)]
        yield _join(header, [label_w, *widths], style="bold")
        for i, row in enumerate(self.rows):
            label = Text(row.label)
            if row.figure is None:
                rest = width - label_w - 2
                message = Text(row.message or "", style=MUTED).wrap(console, rest)
                for n, line in enumerate(message):
                    yield _join([label if n == 0 else Text(""), line], [label_w, rest])
                continue
            wrapped = [c.wrap(console, w) for c, w in zip(cells[i], widths, strict=True)]
            for n in range(max(len(w) for w in wrapped)):
                parts = [label if n == 0 else Text(""), *(w[n] if n < len(w) else Text("") for w in wrapped)]
                yield _join(parts, [label_w, *widths])

    def _stacked(self, console: Console, width: int, cells: dict[int, list[Text]]) -> Iterator[Text]:
        for i, row in enumerate(self.rows):
            if row.figure is None:
                yield from _hang(
                    console, Text.assemble((row.label, "bold"), ": ", (row.message or "", MUTED)), width
                )
                continue
            pay, *rest, ref, date = cells[i]
            yield from _hang(console, Text.assemble((row.label, "bold"), ": ", pay), width)
            details = Text("; ", style=MUTED).join([*rest, Text("source ", style=MUTED).append(ref), date])
            yield from _hang(console, Text("  ").append(details), width)


def _join(cells: list[Text], widths: list[int], style: str = "") -> Text:
    out = Text(style=style, no_wrap=True, overflow="crop", end="\n")
    for n, (cell, w) in enumerate(zip(cells, widths, strict=True)):
        piece = cell.copy()
        piece.rstrip()
        if n < len(cells) - 1:
            piece.pad_right(w - piece.cell_len + 2)
        out.append(piece)
    out.rstrip()
    return out


def _hang(console: Console, text: Text, width: int, indent: int = 2) -> Iterator[Text]:
    """Wrap ``text`` to ``width``; lines after the first are indented (beyond any indent it has)."""
    lead = len(text.plain) - len(text.plain.lstrip(" "))
    lines = text.wrap(console, max(width - indent, 8))
    for n, line in enumerate(lines):
        if n == 0:
            yield line
            continue
        yield Text(" " * (lead + indent)).append(line) if lead + indent + line.cell_len <= width else line


class FigureList:
    """A role's figures as bullets ('mid: $110,000 - $150,000 per year (scope, region; source; date)')."""

    def __init__(self, figures: list[SalaryFigure], sources: dict[str, Source]) -> None:
        self.figures = figures
        self.sources = sources  # by source id

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines: list[Text] = []
        for fig in self.figures:
            level = f"{fig.level.value}: " if fig.level else ""
            amount = figure_amount(fig, options.ascii_only)
            line = Text(f"{level}{amount} {period_text(fig.period)}", style="bold")
            source = self.sources.get(fig.source)
            where = f"{fig.scope}, {region_text(fig)}"
            title = f"; {source.title}" if source is not None else ""
            date = as_of_text(fig, source)
            line.append(literal(f"  ({where}{title}; {'as of ' if fig.as_of else ''}{date})"))
            lines.append(line)
        yield bullets(lines)


class _Hanging:
    """Text whose wrapped lines are indented under its first line."""

    def __init__(self, text: Text, indent: int) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from _hang(console, self.text, options.max_width, self.indent)


NO_REGION = "region not stated"


def region_text(figure: SalaryFigure) -> str:
    return figure.region or NO_REGION


def as_of_text(figure: SalaryFigure, source: Source | None) -> str:
    """The figure's own date, else when its source was published, else 'undated'."""
    if figure.as_of:
        return figure.as_of
    if source is not None and source.published:
        return f"published {source.published}"
    return "undated"


def no_data_text(reason: str) -> str:
    return f"no data: {reason}"


def _uniform(figures: list[SalaryFigure]) -> tuple[list[str], bool, bool, bool]:
    """What every figure shares (said once, above the table), and which columns vary."""
    scopes = {f.scope for f in figures}
    regions = {f.region for f in figures}
    currencies = {f.currency for f in figures}
    periods = {f.period for f in figures}
    shared = []
    if len(scopes) == 1:
        shared.append(next(iter(scopes)))
    if len(regions) == 1:
        shared.append(region_text(figures[0]))
    money_part = " ".join(
        [
            *(currencies if len(currencies) == 1 else []),
            *(map(period_text, periods) if len(periods) == 1 else []),
        ]
    )
    if money_part:
        shared.append(money_part)
    return shared, len(scopes) > 1, len(regions) > 1, len(periods) > 1
