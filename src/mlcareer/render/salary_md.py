"""Salary figures as Markdown (`mlcareer salary --format markdown`)."""

from __future__ import annotations

from mlcareer.models import SalaryNote, Source
from mlcareer.official import SourceFamily
from mlcareer.render import markdown as mdown
from mlcareer.render import official as off
from mlcareer.render.common import (
    figure_amount,
    source_label,
)
from mlcareer.render.salary import (
    ARTICLES_HEADING,
    COVERED,
    UNCOVERED,
    _articles_silent,
    _available,
    _refs,
    _role_names,
    _title,
    official_heading,
)
from mlcareer.render.salary_chart import chart_text, period_text
from mlcareer.render.salary_table import Row, as_of_text, region_text, report_rows
from mlcareer.salaries import SalaryReport, no_role_data


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
