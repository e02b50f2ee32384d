"""Rendering of pay (`mlcareer salary`, and the salary part of `mlcareer role`).

A table of figures by level, a horizontal range chart on one scale per currency, the
notes on what changes pay, and the sources with their own wording. Every piece reads at
40 columns and falls back to ASCII where the terminal cannot show more.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.text import Text

from mlcareer.models import Role, SalaryFigure, SalaryNote, Source
from mlcareer.official import SourceFamily
from mlcareer.render import markdown as mdown
from mlcareer.render import official as off
from mlcareer.render.common import (
    MUTED,
    bullets,
    figure_amount,
    heading,
    literal,
    no_data,
    section,
    source_label,
)
from mlcareer.render.salary_chart import chart_block, chart_text, period_text
from mlcareer.salaries import SalaryReport, charts

NO_REGION = "region not stated"


# ---------------------------------------------------------------- small pieces


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


def no_role_data(role: Role) -> str:
    return f"no salary data for {role.id}"


def _role_names(roles: Iterable[Role]) -> str:
    return ", ".join(f"{r.title} ({r.id})" for r in roles) or "none"


def _available(report: SalaryReport) -> str:
    regions = ", ".join(r or NO_REGION for r in report.regions) or "none"
    return f"In the data: regions: {regions}; currencies: {', '.join(report.currencies) or 'none'}."


def _refs(sources: dict[str, Source]) -> dict[str, int]:
    """Sources numbered in the order they are first cited."""
    return {sid: i for i, sid in enumerate(sources, start=1)}


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


# ---------------------------------------------------------------- the table


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


# ---------------------------------------------------------------- `mlcareer role`


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


def role_salary(figures: list[SalaryFigure], figure_sources: dict[str, Source]) -> RenderableType:
    """The salary part of a role page: its figures, then (for two or more) a chart on one scale.

    ``figure_sources`` maps each figure's id to its source, as RoleView holds them.
    """
    if not figures:
        return no_data()
    sources = {f.source: figure_sources[f.id] for f in figures if f.id in figure_sources}
    listed = FigureList(figures, sources)
    if len(figures) < 2:
        return listed
    return Group(listed, Text(""), chart_block(charts(figures)))


# ---------------------------------------------------------------- `mlcareer salary`


def _title(report: SalaryReport) -> str:
    if report.source is SourceFamily.official and report.role is None:
        return "Salary: official figures"
    if report.role is not None:
        return f"Salary: {report.role.title} ({report.role.id})"
    if report.level is not None:
        info = report.bands[0].info if report.bands else None
        return f"Salary: {info.name if info else report.level.value + ' level'}"
    return "Salary bands by level"


def _note_lines(notes: list[SalaryNote], refs: dict[str, int]) -> list[Text]:
    lines = []
    for note in notes:
        cited = " ".join(f"[{refs[s]}]" for s in note.sources if s in refs)
        line = literal(note.title, "bold").append(": ").append(literal(note.text))
        if cited:
            line.append(f" {cited}", style=MUTED)
        lines.append(line)
    return lines


def _source_list(report: SalaryReport, refs: dict[str, int]) -> RenderableType:
    parts: list[RenderableType] = []
    for sid, source in report.sources.items():
        parts.append(_Hanging(Text(f"[{refs[sid]}] ").append(literal(source_label(source))), 4))
        for figure in report.figures:
            if figure.source == sid and figure.quote:
                parts.append(Padding(literal(f'"{figure.quote}"', MUTED), (0, 0, 0, 4)))
        parts += off.official_sources(report.official, sid)
    return Group(*parts)


class _Hanging:
    """Text whose wrapped lines are indented under its first line."""

    def __init__(self, text: Text, indent: int) -> None:
        self.text = text
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from _hang(console, self.text, options.max_width, self.indent)


def render_salary(report: SalaryReport) -> RenderableType:
    """The whole `mlcareer salary` page for one query."""
    title = Text(_title(report), style="bold")
    if report.role is not None and not report.role_has_data:
        return Group(
            title,
            Text(""),
            Text(no_role_data(report.role)),
            Text(""),
            section("Roles with salary figures", bullets(_ref_role(r) for r in report.roles_with_data)),
        )
    parts: list[RenderableType] = [title]
    rows = report_rows(report)
    refs = _refs(report.sources)
    official = report.official
    if not rows and not official.rows:
        parts += [Text(""), Text("No salary figure matches these filters."), literal(_available(report))]
        if official.note and report.source is not SourceFamily.articles:
            parts.append(literal(f"Official figures: {official.note}.", MUTED))
        return Group(*parts)
    parts.append(Text(""))
    if _articles_silent(report) and report.role is not None:
        parts.append(section(ARTICLES_HEADING, Text(no_role_data(report.role) + " in the articles")))
    if rows:
        parts += [section(ARTICLES_HEADING, Group(SalaryTable(rows, report.sources, refs)))]
        if not report.figures and (report.region or report.currency):
            parts += [literal(_available(report)), Text("")]
    if report.source is not SourceFamily.articles and (official.rows or official.note):
        parts.append(section(official_heading(report), off.official_block(official, refs)))
    if report.charts:
        parts.append(chart_block(report.charts))
        parts.append(Text(""))
    if report.level is not None and report.bands:
        band = report.bands[0]
        if band.covered:
            parts.append(section(COVERED, bullets(_ref_role(r) for r in band.covered)))
        if band.uncovered:
            parts.append(section(UNCOVERED, bullets(_ref_role(r) for r in band.uncovered)))
    if report.premiums:
        parts.append(section("Premiums the sources name", bullets(_note_lines(report.premiums, refs))))
    if report.factors:
        parts.append(section("What changes pay", bullets(_note_lines(report.factors, refs))))
    if report.sources:
        parts.append(Group(heading("Sources"), Padding(_source_list(report, refs), (0, 0, 0, 2))))
    return Group(*parts)


ARTICLES_HEADING = "From the articles"


def _articles_silent(report: SalaryReport) -> bool:
    """A role the articles give no figure for, on a page that shows official ones instead."""
    return report.role is not None and not report.role_has_article_data and report.source is SourceFamily.all


def official_heading(report: SalaryReport) -> str:
    agencies = sorted({row.occupation.agency for row in report.official.rows})
    named = f" ({', '.join(agencies)})" if agencies else ""
    return f"Official figures{named}: occupations, not roles"


COVERED = "Roles the figures' sentences cover"
UNCOVERED = "The level's other roles: no figure in the sources"


def _ref_role(role: Role) -> Text:
    return literal(role.title).append(literal(f" ({role.id})", MUTED))


# ---------------------------------------------------------------- JSON


def source_json(source: Source | None, source_id: str) -> dict[str, Any]:
    return {
        "id": source_id,
        "title": source.title if source else None,
        "published": source.published if source else None,
    }


def figure_json(figure: SalaryFigure, sources: dict[str, Source]) -> dict[str, Any]:
    """A figure with numbers as numbers and its source resolved."""
    return {
        "id": figure.id,
        "level": figure.level.value if figure.level else None,
        "kind": figure.kind,
        "low": figure.low,
        "high": figure.high,
        "open_ended": figure.open_ended,
        "amount": figure.amount,
        "currency": figure.currency,
        "period": figure.period,
        "region": figure.region,
        "scope": figure.scope,
        "as_of": figure.as_of,
        "roles": list(figure.roles),
        "source": source_json(sources.get(figure.source), figure.source),
        "quote": figure.quote,
        "note": figure.note,
    }


def _note_json(note: SalaryNote) -> dict[str, Any]:
    return {"id": note.id, "title": note.title, "text": note.text, "sources": list(note.sources)}


def salary_json(report: SalaryReport) -> dict[str, Any]:
    """The report as stable JSON."""
    role = report.role
    out: dict[str, Any] = {
        "filters": {
            "level": report.level.value if report.level else None,
            "role": role.id if role else None,
            "region": report.region,
            "currency": report.currency.upper() if report.currency else None,
            "source": report.source.value,
        },
        "figures": [figure_json(f, report.sources) for f in report.figures],
        "official": off.section_json(report.official),
        "levels": [
            {
                "level": band.level.value,
                "name": band.info.name if band.info else None,
                "figures": [f.id for f in band.figures],
                "no_data": band.no_data,
                "ladder_roles": [{"id": r.id, "title": r.title} for r in band.roles],
            }
            for band in report.bands
        ],
        "premiums": [_note_json(n) for n in report.premiums],
        "factors": [_note_json(n) for n in report.factors],
        "sources": [s.model_dump(mode="json") for s in report.sources.values()],
        "roles_with_data": [r.id for r in report.roles_with_data],
        "available": {"regions": list(report.regions), "currencies": list(report.currencies)},
    }
    if role is not None and not report.role_has_data:
        out["message"] = no_role_data(role)
    return out


# ---------------------------------------------------------------- Markdown


def salary_markdown(report: SalaryReport) -> str:
    """The report as Markdown: a table, the chart in a code block, notes and sources."""
    title = mdown.heading(1, _title(report))
    if report.role is not None and not report.role_has_data:
        names = mdown.md(_role_names(report.roles_with_data))
        return mdown.join(
            title, mdown.md(no_role_data(report.role)) + "\n", f"Roles with salary figures: {names}\n"
        )
    rows = report_rows(report)
    official = report.official
    if not rows and not official.rows:
        note = f"Official figures: {official.note}." if official.note else ""
        return mdown.join(
            title,
            "No salary figure matches these filters.\n",
            mdown.md(_available(report)) + "\n",
            mdown.md(note) + "\n" if note and report.source is not SourceFamily.articles else "",
        )
    refs = _refs(report.sources)
    parts = [title]
    if _articles_silent(report) and report.role is not None:
        silent = mdown.md(no_role_data(report.role) + " in the articles") + "\n"
        parts += [mdown.heading(2, ARTICLES_HEADING), silent]
    if rows:
        table = mdown.table(
            ["Level", "Pay", "Scope", "Region", "Source", "As of"],
            [_md_row(row, report.sources) for row in rows],
        )
        parts += [mdown.heading(2, ARTICLES_HEADING), table]
    if report.source is not SourceFamily.articles and (official.rows or official.note):
        parts += [mdown.heading(2, official_heading(report)), off.section_markdown(official, refs)]
    if report.charts:
        parts.append("```text\n" + chart_text(report.charts) + "```\n")
    if report.level is not None and report.bands:
        band = report.bands[0]
        for name, roles in ((COVERED, band.covered), (UNCOVERED, band.uncovered)):
            if roles:
                parts += [mdown.heading(2, name), mdown.bullets(f"{r.title} ({r.id})" for r in roles)]
    refs = _refs(report.sources)
    for name, notes in (("Premiums the sources name", report.premiums), ("What changes pay", report.factors)):
        if notes:
            items = [f"**{mdown.md(n.title)}**: {mdown.md(n.text)}{_md_cites(n, refs)}" for n in notes]
            parts += [mdown.heading(2, name), mdown.bullets(items, escaped=True)]
    if report.sources:
        lines = []
        for sid, source in report.sources.items():
            lines.append(f"{refs[sid]}. {mdown.md(source_label(source))}")
            lines += [f'   - "{mdown.md(f.quote)}"' for f in report.figures if f.source == sid and f.quote]
            lines += off.sources_markdown(official, sid)
        parts += [mdown.heading(2, "Sources"), "\n".join(lines) + "\n"]
    return mdown.join(*parts)


def _md_cites(note: SalaryNote, refs: dict[str, int]) -> str:
    cited = "".join(f"\\[{refs[s]}\\]" for s in note.sources if s in refs)
    return f" {cited}" if cited else ""


def _md_row(row: Row, sources: dict[str, Source]) -> list[str]:
    figure = row.figure
    if figure is None:
        return [row.label, row.message or "", "", "", "", ""]
    source = sources.get(figure.source)
    return [
        row.label,
        f"{figure_amount(figure)} {period_text(figure.period)}",
        figure.scope,
        region_text(figure),
        source.title if source else figure.source,
        as_of_text(figure, source),
    ]
