"""Rendering of official figures (occupations.yaml): in `mlcareer salary` and as a part of `mlcareer role`.

An occupation's figure is never shown without the sentence that says whose it is:
"BLS has no 'machine learning engineer' occupation; nearest: ...". Every piece reads at
40 columns. Described as view blocks (``render.view``); every format renders them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mlcareer.domain.official import OfficialRow, Placement, missing_note, percentiles
from mlcareer.domain.salaries import OfficialSection
from mlcareer.render import view as v
from mlcareer.render.common import money, source_label

if TYPE_CHECKING:
    from mlcareer.models import OfficialOccupation, OfficialPay

NAMES = ("10th", "median", "90th")
HEADERS = {"10th": "10th pct", "median": "Median", "90th": "90th pct"}


def pay_text(pay: OfficialPay, ascii_only: bool = False) -> str:
    """'median $136,620 per year', '10th $80,000, median $120,000, 90th $190,000 per year'."""
    parts = [f"{name} {money(value, pay.currency, ascii_only)}" for name, value in percentiles(pay)]
    return ", ".join(parts) + f" per {pay.period}"


def _given(rows: list[OfficialRow]) -> list[str]:
    """The percentiles any row gives, in order: the table's columns."""
    have = {name for row in rows for name, _ in percentiles(row.pay)}
    return [name for name in NAMES if name in have]


def occupation_line(occupation: OfficialOccupation) -> str:
    """'Computer and ... (BLS; 2022-32 edition data; United States)'."""
    return f"{occupation.title} ({occupation.agency}; edition {occupation.edition}; {occupation.region})"


# ---------------------------------------------------------------- the table in `mlcareer salary`


def official_blocks(section: OfficialSection, refs: dict[str, int]) -> v.Blocks:
    """The official part of `mlcareer salary`: whose figures they are, then the table."""
    if not section.rows:
        return (v.note(f"No official figure: {section.note or 'none in the data'}."),)
    blocks: list[v.Block] = []
    for occupation, groups in section.occupations:
        labels = [g.label for g in groups] if not section.placements else []
        labels += [p.label for p in section.placements if p.occupation.id == occupation.id]
        blocks.append(v.Label(occupation_line(occupation)))
        blocks.append(v.bullets(labels or ["Shown beside no role: not any role's own figures."]))
    given = _given(section.rows)
    rows = []
    for row in section.rows:
        values = dict(percentiles(row.pay))
        cells = [v.line(v.strong(money(values[n], row.pay.currency)) if n in values else "-") for n in given]
        ref = f"[{refs[row.occupation.source]}]" if row.occupation.source in refs else row.occupation.source
        cells += [v.line(row.pay.reference), v.line(v.muted(ref))]
        rows.append(((v.line(v.muted(row.key)),), (v.line(row.pay.of),), *((c,) for c in cells)))
    header = ("", "Occupation", *(HEADERS[n] for n in given), "As of", "Source")
    blocks.append(v.Table(header, tuple(rows), min_width=72, labelled=True, lead=2, brief=True))
    note = missing_note(section.rows)
    if note:
        blocks.append(v.note(note))
    return tuple(blocks)


def official_sources(section: OfficialSection, source_id: str) -> list[v.Branch]:
    """Under a source in the source list: each official figure's page and quote."""
    return [
        v.Branch(
            (v.line(v.muted(f"{', '.join(row.key for row in rows)}: {url}")),),
            tuple(v.Branch((v.line(v.muted(f'"{row.pay.quote}"')),)) for row in rows),
        )
        for url, rows in _by_page(section, source_id).items()
    ]


def _by_page(section: OfficialSection, source_id: str) -> dict[str, list[OfficialRow]]:
    pages: dict[str, list[OfficialRow]] = {}
    for row in section.rows:
        if row.occupation.source == source_id:
            pages.setdefault(row.occupation.url, []).append(row)
    return pages


# ---------------------------------------------------------------- `mlcareer role`


def _outlook_lines(occupation: OfficialOccupation) -> list[str]:
    lines: list[str] = []
    missing = "not recorded in the data"
    g = occupation.growth
    said = f" ({g.description})" if g is not None and g.description else ""
    lines.append(
        f"Employment growth {g.period}: {g.percent:g}%{said}" if g else f"Employment growth: {missing}"
    )
    if occupation.change is not None:
        lines.append(f"Employment change {occupation.change.period}: {occupation.change.count:+,} jobs")
    o = occupation.openings
    lines.append(
        f"Openings: about {o.per_year:,} a year on average, {o.period}" if o else f"Openings: {missing}"
    )
    j = occupation.jobs
    lines.append(f"Jobs in {j.reference}: {j.count:,}" if j else f"Jobs: {missing}")
    e = occupation.education
    lines.append(
        f"Typical entry-level education: {e.level}" if e else f"Typical entry-level education: {missing}"
    )
    return lines


def _quotes(occupation: OfficialOccupation) -> list[str]:
    figures: list[Any] = [*occupation.pay, occupation.jobs, occupation.growth, occupation.change]
    figures += [occupation.openings, occupation.education]
    return list(dict.fromkeys(f.quote for f in figures if f is not None))


def _source_line(placement: Placement) -> str:
    source = placement.source
    named = source_label(source) if source is not None else placement.occupation.source
    return f"Source: {named}; {placement.occupation.url}"


def role_official(placements: list[Placement]) -> v.Blocks:
    """The official part of a role page: the nearest occupation's pay and outlook, labelled."""
    if not placements:
        return (v.note("no data: this data pack sets no official occupation beside this role"),)
    blocks: list[v.Block] = []
    for placement in placements:
        occupation = placement.occupation
        pay = [
            v.line(v.strong("Pay: "), f"{p.of}: ", v.strong(pay_text(p)), f" ({p.reference})")
            for p in occupation.pay
        ] or [v.line(v.muted("Pay: no data"))]
        blocks += [
            v.Label(placement.label),
            v.note(occupation_line(occupation)),
            v.bullets([*pay, *(v.line(x) for x in _outlook_lines(occupation))]),
            v.note(_source_line(placement)),
            v.bullets((v.line(v.muted(f'"{q}"')) for q in _quotes(occupation)), empty=""),
        ]
    return tuple(blocks)
