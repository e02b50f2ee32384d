"""Pure salary queries over a Catalog: bands by level, filters, and the scale a chart shares."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from mlcareer.choices import Level
from mlcareer.domain.official import (
    Grouping,
    OfficialRow,
    Placement,
    SourceFamily,
    groupings,
    official_rows,
    percentiles,
    placements,
)
from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from mlcareer.models import Catalog, LevelInfo, OfficialOccupation, Role, SalaryFigure, SalaryNote, Source


def _key(figure: SalaryFigure) -> tuple[int, bool]:
    """Ladder order: figures with a level by rank, then those without; ranges before averages."""
    return (figure.level.rank if figure.level else len(Level), figure.kind != "range")


def salary_for_role(catalog: Catalog, role: Role) -> list[SalaryFigure]:
    """The figures that describe this role, in ladder order, ranges before averages."""
    return sorted((f for f in catalog.salaries.figures if role.id in f.roles), key=_key)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def matches(figure: SalaryFigure, *, region: str | None = None, currency: str | None = None) -> bool:
    """Whether a figure passes the region and currency filters (ignoring case and spacing)."""
    if currency is not None and not _same(figure.currency, currency):
        return False
    return region is None or (figure.region is not None and _same(figure.region, region))


def ladder_roles(catalog: Catalog, level: Level) -> list[Role]:
    """The roles at this level of the career ladder (not the specialisations), in data order."""
    return [r for r in catalog.roles if r.level == level and r.kind == "ladder"]


class Band(NamedTuple):
    """One level: its figures, the ladder roles at it, and why there is no figure when there is none."""

    level: Level
    info: LevelInfo | None
    figures: list[SalaryFigure]
    roles: list[Role]
    no_data: str | None

    @property
    def covered(self) -> list[Role]:
        """The level's roles that a figure's sentence covers (the figure names them)."""
        named = {r for f in self.figures for r in f.roles}
        return [r for r in self.roles if r.id in named]

    @property
    def uncovered(self) -> list[Role]:
        """The level's other roles: the sources give them no figure."""
        named = {r for f in self.figures for r in f.roles}
        return [r for r in self.roles if r.id not in named]


class Scale(NamedTuple):
    """A linear axis from ``low`` to ``high`` with ticks every ``step``."""

    low: int
    high: int
    step: int

    @property
    def ticks(self) -> list[int]:
        return list(range(self.low, self.high + 1, self.step))


class Chart(NamedTuple):
    """Figures that share a currency and period, drawn on one scale: the articles', then official ones."""

    currency: str
    period: str
    scale: Scale
    figures: list[SalaryFigure]
    official: list[OfficialRow]


class OfficialSection(NamedTuple):
    """The official figures `mlcareer salary` shows, each occupation with the roles it stands beside."""

    rows: list[OfficialRow]
    occupations: list[tuple[OfficialOccupation, list[Grouping]]]
    placements: list[Placement]  # with a role: the occupations beside it, each with its sentence
    note: str | None  # why none is shown, when none is


class SalaryReport(NamedTuple):
    """Everything `mlcareer salary` shows, with the filters that produced it."""

    level: Level | None
    role: Role | None
    region: str | None
    currency: str | None
    bands: list[Band]
    averages: list[SalaryFigure]  # figures without a level
    charts: list[Chart]
    premiums: list[SalaryNote]
    factors: list[SalaryNote]
    sources: dict[str, Source]
    role_has_data: bool
    roles_with_data: list[Role]
    regions: list[str | None]  # every region in the data (None: not stated)
    currencies: list[str]
    source: SourceFamily
    role_has_article_data: bool
    official: OfficialSection

    @property
    def figures(self) -> list[SalaryFigure]:
        """Every figure shown, in ladder order."""
        return [f for band in self.bands for f in band.figures] + self.averages

    @property
    def filtered(self) -> bool:
        return bool(self.role or self.region or self.currency or self.source is not SourceFamily.all)


def salary_report(
    catalog: Catalog,
    *,
    level: Level | None = None,
    role: Role | None = None,
    region: str | None = None,
    currency: str | None = None,
    source: SourceFamily = SourceFamily.all,
) -> SalaryReport:
    """The figures that pass the filters, grouped by level, with the notes and sources they cite.

    Official figures (occupations.yaml) come beside the articles' unless ``source`` keeps one
    family; they describe an occupation at every level, so a level filter leaves them out.
    Each facet of the report is its own function below: the bands, the official figures, the
    sources cited, which roles have figures, and what the data holds.
    """
    every = sorted(catalog.salaries.figures, key=_key)
    articles = source is not SourceFamily.official
    pool = (salary_for_role(catalog, role) if role else every) if articles else []
    shown = [f for f in pool if matches(f, region=region, currency=currency)]
    bands = _bands(catalog, every, shown, level, role, region, currency) if articles else []
    averages = [f for f in shown if f.level is None] if level is None else []
    figures = [f for band in bands for f in band.figures] + averages
    official = _official(catalog, level=level, role=role, region=region, currency=currency, source=source)
    context = [f for f in every if matches(f, region=region, currency=currency)] if articles else []
    notes = catalog.salaries
    return SalaryReport(
        level=level,
        role=role,
        region=region,
        currency=currency,
        bands=bands,
        averages=averages,
        charts=charts(figures, context=context, official=official.rows),
        premiums=list(notes.premiums) if figures else [],
        factors=list(notes.factors) if figures else [],
        sources=_cited(catalog, figures, official),
        role_has_data=role is None or (articles and _has_figures(every, role)) or bool(official.rows),
        roles_with_data=_roles_with_data(catalog, every, source),
        regions=_regions(catalog, every),
        currencies=_currencies(catalog, every),
        source=source,
        role_has_article_data=role is None or _has_figures(every, role),
        official=official,
    )


def _bands(
    catalog: Catalog,
    every: list[SalaryFigure],
    shown: list[SalaryFigure],
    level: Level | None,
    role: Role | None,
    region: str | None,
    currency: str | None,
) -> list[Band]:
    """A band per level asked for (every level, or those with a figure once filtered), each
    saying why it has no figure when it has none."""
    if level is not None:
        levels = [level]
    elif role or region or currency:
        levels = [lv for lv in Level if any(f.level == lv for f in shown)]
    else:
        levels = list(Level)
    bands = []
    for lv in levels:
        figures = [f for f in shown if f.level == lv]
        reason = None
        if not figures and not any(f.level == lv for f in every):
            reason = f"the sources give no figure for {lv.value} roles"
        elif not figures:
            reason = "no figure matches " + _filters(role, region, currency)
        bands.append(Band(lv, catalog.lookup.levels.get(lv), figures, ladder_roles(catalog, lv), reason))
    return bands


def _cited(catalog: Catalog, figures: list[SalaryFigure], official: OfficialSection) -> dict[str, Source]:
    """The sources the figures shown cite, then their notes', then the official figures', in that order."""
    cited = [f.source for f in figures]
    if figures:
        notes = catalog.salaries
        cited += [s for note in (*notes.premiums, *notes.factors) for s in note.sources]
    cited += [row.occupation.source for row in official.rows]
    by_id = catalog.lookup.sources
    return {s: by_id[s] for s in dict.fromkeys(cited) if s in by_id}


def _has_figures(every: list[SalaryFigure], role: Role) -> bool:
    return any(role.id in f.roles for f in every)


def _roles_with_data(catalog: Catalog, every: list[SalaryFigure], source: SourceFamily) -> list[Role]:
    """The roles some figure of the family asked for describes (an article's, or an official one's)."""
    named = {r for f in every for r in f.roles} if source is not SourceFamily.official else set()
    official = source is not SourceFamily.articles
    return [r for r in catalog.roles if r.id in named or (official and placements(catalog, r))]


def _regions(catalog: Catalog, every: list[SalaryFigure]) -> list[str | None]:
    """Every region in the data, the articles' first (None: not stated)."""
    official = [o.region for o in catalog.occupations if o.pay]
    return list(dict.fromkeys([*(f.region for f in every), *official]))


def _currencies(catalog: Catalog, every: list[SalaryFigure]) -> list[str]:
    """Every currency in the data, the articles' first."""
    official = [p.currency for o in catalog.occupations for p in o.pay]
    return list(dict.fromkeys([*(f.currency for f in every), *official]))


def _official(
    catalog: Catalog,
    *,
    level: Level | None,
    role: Role | None,
    region: str | None,
    currency: str | None,
    source: SourceFamily,
) -> OfficialSection:
    if source is SourceFamily.articles or not catalog.occupations:
        return OfficialSection([], [], [], None)
    placed = placements(catalog, role) if role is not None else []
    if level is not None:
        why = "they describe an occupation at every level, so --level leaves them out"
        return OfficialSection([], [], placed, why)
    rows = official_rows(catalog, role=role, region=region, currency=currency)
    note: str | None = None
    if not rows:
        if role is not None and not placed:
            note = f"this data pack sets no official occupation beside {role.id}"
        else:
            note = "no official figure matches " + _filters(role, region, currency)
    shown = list({row.occupation.id: row.occupation for row in rows}.values())
    return OfficialSection(rows, [(o, groupings(catalog, o)) for o in shown], placed, note)


def _filters(role: Role | None, region: str | None, currency: str | None) -> str:
    parts = [f"role {role.id}" if role else "", f"region {region!r}" if region else ""]
    parts.append(f"currency {currency.upper()}" if currency else "")
    return ", ".join(p for p in parts if p) or "the filters"


def charts(
    figures: list[SalaryFigure],
    context: list[SalaryFigure] | None = None,
    official: list[OfficialRow] | None = None,
) -> list[Chart]:
    """One chart per currency and period, on a scale that also fits ``context``.

    With the figures of every level as context, one level's band is drawn where it
    sits among the others rather than stretched across the whole width. Official
    percentiles of the same currency and period share the chart and its scale. A
    figure with nothing to compare against gets no chart.
    """
    groups: dict[tuple[str, str], tuple[list[SalaryFigure], list[OfficialRow]]] = {}
    for figure in figures:
        groups.setdefault((figure.currency, figure.period), ([], []))[0].append(figure)
    for row in official or []:
        groups.setdefault((row.pay.currency, row.pay.period), ([], []))[1].append(row)
    out = []
    for (cur, period), (figs, rows) in groups.items():
        wider = [f for f in context or [] if (f.currency, f.period) == (cur, period)]
        scaled = list({f.id: f for f in [*figs, *wider]}.values())
        extra = [v for row in rows for _, v in percentiles(row.pay)]
        if len(scaled) + len(rows) > 1:
            out.append(Chart(cur, period, shared_scale(scaled, extra=extra), figs, rows))
    return out


def shared_scale(figures: list[SalaryFigure], intervals: int = 5, extra: list[int] | None = None) -> Scale:
    """A scale with round ticks covering every amount (and ``extra`` values), with room past an open end."""
    values = [v for f in figures for v in (f.low, f.high, f.amount) if v is not None] + list(extra or [])
    lo, hi = min(values), max(values)
    if lo == hi:
        pad = max(lo // 10, 1)
        lo, hi = max(lo - pad, 0), hi + pad
    step = _nice_step((hi - lo) / intervals)
    low = (lo // step) * step
    high = math.ceil(hi / step) * step
    if any(f.open_ended and (f.high if f.high is not None else f.low or 0) >= high for f in figures):
        high += step
    return Scale(low, high, step)


def _nice_step(raw: float) -> int:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least ``raw`` (at least 1)."""
    if raw <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw and step == int(step):
            return int(step)
    return int(10 * magnitude)  # pragma: no cover - 10 * magnitude always qualifies


def no_role_data(role: Role) -> str:
    """The words for a role the salary figures do not cover, alike in every format."""
    return f"no salary data for {role.id}"
