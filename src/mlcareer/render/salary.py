"""Rendering of pay (`mlcareer salary`, and the salary part of `mlcareer role`).

A table of figures by level, a horizontal range chart on one scale per currency, the
notes on what changes pay, and the sources with their own wording. Every piece reads at
40 columns and falls back to ASCII where the terminal cannot show more.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from mlcareer.models import Role, SalaryFigure, SalaryNote, Source
from mlcareer.official import SourceFamily
from mlcareer.render import official as off
from mlcareer.render.common import (
    MUTED,
    bullets,
    heading,
    literal,
    no_data,
    section,
    source_label,
)
from mlcareer.render.salary_chart import chart_block
from mlcareer.render.salary_table import NO_REGION, FigureList, SalaryTable, _Hanging, report_rows
from mlcareer.salaries import SalaryReport, charts, no_role_data

# ---------------------------------------------------------------- small pieces


def _role_names(roles: Iterable[Role]) -> str:
    return ", ".join(f"{r.title} ({r.id})" for r in roles) or "none"


def _available(report: SalaryReport) -> str:
    regions = ", ".join(r or NO_REGION for r in report.regions) or "none"
    return f"In the data: regions: {regions}; currencies: {', '.join(report.currencies) or 'none'}."


def _refs(sources: dict[str, Source]) -> dict[str, int]:
    """Sources numbered in the order they are first cited."""
    return {sid: i for i, sid in enumerate(sources, start=1)}


# ---------------------------------------------------------------- the table


# ---------------------------------------------------------------- `mlcareer role`


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


# ---------------------------------------------------------------- Markdown
