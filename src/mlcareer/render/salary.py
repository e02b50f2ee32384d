"""The view of pay (`mlcareer salary`): figures by level, the official figures beside them,
a range chart on one scale per currency, the notes on what changes pay, and the sources with
their own wording. Described once as a page; every format renders it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.official import SourceFamily
from mlcareer.domain.salaries import Chart, SalaryReport, no_role_data
from mlcareer.render import official as off
from mlcareer.render import view as v
from mlcareer.render.common import source_label
from mlcareer.render.salary_chart import period_text

if TYPE_CHECKING:
    from mlcareer.models import Role, SalaryFigure, SalaryNote, Source

# ---------------------------------------------------------------- a figure, a chart: as plain values


def amount(figure: SalaryFigure, style: v.Style = "", *, per: bool = False) -> v.Amount:
    """A figure's amount in the view model ('$80,000 - $110,000'; ``per``: ' per year' after it)."""
    if figure.kind == "average":
        assert figure.amount is not None
        return v.Amount(
            figure.amount, None, figure.currency, figure.period, average=True, per=per, style=style
        )
    assert figure.low is not None
    return v.Amount(
        figure.low, figure.high, figure.currency, figure.period, figure.open_ended, per=per, style=style
    )


NO_LEVEL = "not stated"


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


def chart_view(charts: list[Chart]) -> v.Chart:
    """The domain's charts as the view model draws them: rows labelled and placed on each scale."""
    out = []
    for chart in charts:
        labels = chart_labels(chart)
        rows = [_figure_row(label, f) for label, f in zip(labels, chart.figures, strict=False)]
        rows += [
            v.ChartRow(label, "median", row.pay.p10, row.pay.p90, row.pay.median)
            for label, row in zip(labels[len(chart.figures) :], chart.official, strict=True)
        ]
        scale = chart.scale
        ticks = tuple(scale.ticks)
        out.append(v.RangeChart(chart.currency, chart.period, scale.low, scale.high, ticks, tuple(rows)))
    return v.Chart(tuple(out))


def _figure_row(label: str, figure: SalaryFigure) -> v.ChartRow:
    if figure.kind == "range":
        return v.ChartRow(label, "range", figure.low, figure.high, None, figure.open_ended)
    return v.ChartRow(label, "average", at=figure.amount)


# ---------------------------------------------------------------- small pieces


def _available(report: SalaryReport) -> str:
    """What the data holds, for a query that matched nothing."""
    regions = ", ".join(r or NO_REGION for r in report.regions) or "none"
    return f"In the data: regions: {regions}; currencies: {', '.join(report.currencies) or 'none'}."


def _refs(sources: dict[str, Source]) -> dict[str, int]:
    """Sources numbered in the order they are first cited."""
    return {sid: i for i, sid in enumerate(sources, start=1)}


# ---------------------------------------------------------------- the table

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
    money = [*(currencies if len(currencies) == 1 else [])]
    money += [period_text(p) for p in periods] if len(periods) == 1 else []
    if money:
        shared.append(" ".join(money))
    return shared, len(scopes) > 1, len(regions) > 1, len(periods) > 1


def _table(report: SalaryReport, refs: dict[str, int]) -> v.Blocks:
    """Level, pay, source and date, a row per figure; what all figures share is said once above."""
    figures = report.figures
    shared, by_scope, by_region, by_period = _uniform(figures) if figures else ([], True, True, True)
    header = ["Level", "Pay", *(["Scope"] * by_scope), *(["Region"] * by_region), "Source", "As of"]
    rows: list[tuple[v.Cell, ...]] = []

    def add(label: str, fig: SalaryFigure) -> None:
        source = report.sources.get(fig.source)
        pay = v.line(amount(fig, "strong", per=by_period))
        cells = [pay, *([v.line(fig.scope)] * by_scope), *([v.line(region_text(fig))] * by_region)]
        ref = f"[{refs[fig.source]}]" if fig.source in refs else fig.source
        cells += [v.line(v.muted(ref)), v.line(as_of_text(fig, source))]
        rows.append(((v.line(label),), *((c,) for c in cells)))

    missing = []  # levels without a figure, and why: said under the table
    for band in report.bands:
        for fig in band.figures:
            add(band.level.value, fig)
        if not band.figures:
            rows.append(
                ((v.line(band.level.value),), (v.line(v.muted("no data")),), *(((),) * (len(header) - 2)))
            )
            missing.append(v.note(f"{band.level.value}: no data: {band.no_data or 'no figure'}"))
    for fig in report.averages:  # an average of all levels, as sourced
        add("average", fig)
    table = v.Table(tuple(header), tuple(rows), min_width=64, labelled=True, lead=2, brief=True)
    return (*([v.note("; ".join(shared))] if shared else []), table, *missing)


def _notes(notes: list[SalaryNote], refs: dict[str, int]) -> v.Bullets:
    def cited(note: SalaryNote) -> str:
        return " ".join(f"[{refs[s]}]" for s in note.sources if s in refs)

    return v.bullets(
        v.line(v.strong(n.title), f": {n.text}", v.muted(f" {cited(n)}".rstrip())) for n in notes
    )


def _sources(report: SalaryReport, refs: dict[str, int]) -> v.Tree:
    """Each source, numbered as cited, with the words of each figure taken from it."""
    branches = []
    for sid, source in report.sources.items():
        said = [f.quote for f in report.figures if f.source == sid and f.quote]
        quotes = [v.Branch((v.line(v.muted(f'"{quote}"')),)) for quote in said]
        quotes += off.official_sources(report.official, sid)
        branches.append(v.Branch((v.line(f"[{refs[sid]}] {source_label(source)}"),), tuple(quotes)))
    return v.Tree(tuple(branches))


def _ref_role(role: Role) -> v.Line:
    return v.line(role.title, v.muted(" ("), v.Span(role.id, "code"), v.muted(")"))


def _title(report: SalaryReport) -> str:
    if report.source is SourceFamily.official and report.role is None:
        return "Salary: official figures"
    if report.role is not None:
        return f"Salary: {report.role.title} ({report.role.id})"
    if report.level is not None:
        info = report.bands[0].info if report.bands else None
        return f"Salary: {info.name if info else report.level.value + ' level'}"
    return "Salary bands by level"


def salary_page(report: SalaryReport) -> v.Page:
    """The whole `mlcareer salary` page for one query."""
    title = _title(report)
    if report.role is not None and not report.role_has_data:
        listed = v.bullets(_ref_role(r) for r in report.roles_with_data)
        others = v.Section("Roles with salary figures", (listed,))
        return v.Page(title, (), (v.para(no_role_data(report.role)), others))
    if not report.bands and not report.averages and not report.official.rows:
        return v.Page(title, (), _nothing_matches(report))
    refs = _refs(report.sources)
    blocks = [*_figures(report, refs), *_level_roles(report)]
    if report.premiums:
        blocks.append(v.Section("Premiums the sources name", (_notes(report.premiums, refs),)))
    if report.factors:
        blocks.append(v.Section("What changes pay", (_notes(report.factors, refs),)))
    if report.sources:
        blocks.append(v.Section("Sources", (_sources(report, refs),)))
    return v.Page(title, (), tuple(blocks))


def _nothing_matches(report: SalaryReport) -> v.Blocks:
    blocks: list[v.Block] = [v.para("No salary figure matches these filters."), v.para(_available(report))]
    if report.official.note and report.source is not SourceFamily.articles:
        blocks.append(v.note(f"Official figures: {report.official.note}."))
    return tuple(blocks)


def _figures(report: SalaryReport, refs: dict[str, int]) -> list[v.Block]:
    """The articles' figures, the official ones, and the chart that puts them on one scale."""
    blocks: list[v.Block] = []
    if _articles_silent(report) and report.role is not None:
        blocks.append(v.Section(ARTICLES_HEADING, (v.para(no_role_data(report.role) + " in the articles"),)))
    if report.bands or report.averages:
        table = _table(report, refs)
        if not report.figures and (report.region or report.currency):
            table = (*table, v.para(_available(report)))
        blocks.append(v.Section(ARTICLES_HEADING, table))
    official = report.official
    if report.source is not SourceFamily.articles and (official.rows or official.note):
        blocks.append(v.Section(official_heading(report), off.official_blocks(official, refs)))
    if report.charts:
        blocks.append(chart_view(report.charts))
    return blocks


def _level_roles(report: SalaryReport) -> list[v.Block]:
    """For one level: the roles its figures' sentences cover, and the others."""
    if report.level is None or not report.bands:
        return []
    band = report.bands[0]
    blocks: list[v.Block] = []
    if band.covered:
        blocks.append(v.Section(COVERED, (v.bullets(_ref_role(r) for r in band.covered),)))
    if band.uncovered:
        blocks.append(v.Section(UNCOVERED, (v.bullets(_ref_role(r) for r in band.uncovered),)))
    return blocks


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
