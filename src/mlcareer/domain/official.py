"""Pure queries over official figures (occupations.yaml): which occupation stands beside a role.

An occupation is never a role. Every function here that pairs one with a role also
returns the sentence that says so, so no view can show the figure without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.choices import SOURCE_ALIASES as SOURCE_ALIASES  # re-exported; defined with the enum
from mlcareer.choices import SourceFamily as SourceFamily
from mlcareer.choices import parse_source_family as parse_source_family
from mlcareer.choices import source_help as source_help
from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from mlcareer.models import Catalog, OfficialOccupation, OfficialPay, Role, Source

NOT_OWN = "Its figures are the occupation's, not the role's own."


def beside_label(occupation: OfficialOccupation, role: Role, match: str) -> str:
    """The sentence shown wherever an occupation's figure stands beside a role."""
    agency = occupation.agency
    if match == "same-name":
        return (
            f"{agency} occupation '{occupation.title}' shares the name of '{role.title}' but covers "
            f"every level and employer. {NOT_OWN}"
        )
    return f"{agency} has no '{role.title.casefold()}' occupation; nearest: {occupation.title}. {NOT_OWN}"


def group_label(occupation: OfficialOccupation, roles: list[Role], match: str) -> str:
    """The same sentence for every role an occupation stands beside, on a page about pay in general."""
    agency = occupation.agency
    names = ", ".join(f"{r.title} ({r.id})" for r in roles)
    if match == "same-name":
        return (
            f"Shown beside {names}: the {agency} occupation of that name covers every level and "
            "employer, so its figures are not these roles' own."
        )
    return (
        f"Shown beside {names}: {agency} has no occupation of these names; nearest: "
        f"{occupation.title}. Not these roles' own figures."
    )


class Placement(NamedTuple):
    """An occupation beside one role, with the sentence that says how near it is."""

    occupation: OfficialOccupation
    role: Role
    match: str
    label: str
    source: Source | None


class Grouping(NamedTuple):
    """An occupation beside a set of roles (the data pack's choice), with its sentence."""

    roles: list[Role]
    match: str
    label: str


class OfficialRow(NamedTuple):
    """One official pay figure, with the occupation it describes and that occupation's source.

    ``key`` ("BLS 1") ties the figure's line in a table to its line on a chart.
    """

    key: str
    occupation: OfficialOccupation
    pay: OfficialPay
    source: Source | None


def placements(catalog: Catalog, role: Role) -> list[Placement]:
    """The occupations this data pack shows beside ``role``, in data order."""
    sources = catalog.lookup.sources
    out = []
    for occupation in catalog.occupations:
        for entry in occupation.beside:
            if role.id in entry.roles:
                label = beside_label(occupation, role, entry.match)
                out.append(Placement(occupation, role, entry.match, label, sources.get(occupation.source)))
    return out


def groupings(catalog: Catalog, occupation: OfficialOccupation) -> list[Grouping]:
    """The roles an occupation stands beside, each set with its sentence."""
    by_id = catalog.lookup.roles
    out = []
    for entry in occupation.beside:
        roles = [by_id[r] for r in entry.roles if r in by_id]
        if roles:
            out.append(Grouping(roles, entry.match, group_label(occupation, roles, entry.match)))
    return out


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def official_rows(
    catalog: Catalog,
    *,
    role: Role | None = None,
    region: str | None = None,
    currency: str | None = None,
) -> list[OfficialRow]:
    """Official pay figures that pass the filters: with a role, those of the occupations beside it."""
    sources = catalog.lookup.sources
    wanted = {p.occupation.id for p in placements(catalog, role)} if role is not None else None
    rows: list[OfficialRow] = []
    for occupation in catalog.occupations:
        if wanted is not None and occupation.id not in wanted:
            continue
        if region is not None and not _same(occupation.region, region):
            continue
        for pay in occupation.pay:
            if currency is not None and not _same(pay.currency, currency):
                continue
            key = f"{occupation.agency} {len(rows) + 1}"
            rows.append(OfficialRow(key, occupation, pay, sources.get(occupation.source)))
    return rows


def percentiles(pay: OfficialPay) -> list[tuple[str, int]]:
    """('10th', v), ('median', v), ('90th', v) for the percentiles the source gives, in order."""
    named = (("10th", pay.p10), ("median", pay.median), ("90th", pay.p90))
    return [(name, value) for name, value in named if value is not None]


def missing_note(rows: list[OfficialRow]) -> str | None:
    """Say which percentiles the data does not record, rather than leave them out silently."""
    have = {name for row in rows for name, _ in percentiles(row.pay)}
    absent = [n for n in ("10th", "90th") if n not in have]
    if not absent:
        return None
    verb = "percentiles are" if len(absent) > 1 else "percentile is"
    return f"The {' and '.join(absent)} {verb} not recorded in the data."
