"""Official figures (occupations.yaml) as JSON: in `mlcareer salary` and a part of `mlcareer role`.

Every figure carries the occupation it describes (never a role), its edition, URL and quote.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.domain.official import OfficialRow, Placement, missing_note
from mlcareer.domain.salaries import OfficialSection
from mlcareer.jsondoc.common import role_name, source_doc

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import (
        OccupationDoc,
        OccupationRef,
        OfficialSectionDoc,
        PayDoc,
        PlacementDoc,
        RoleOfficialDoc,
    )
    from mlcareer.models import OfficialOccupation, OfficialPay, Source


def occupation_ref(occupation: OfficialOccupation) -> OccupationRef:
    return {
        "id": occupation.id,
        "title": occupation.title,
        "agency": occupation.agency,
        "soc": occupation.soc,
        "soc_note": occupation.soc_note,
        "edition": occupation.edition,
        "region": occupation.region,
        "url": occupation.url,
    }


def official_pay(key: str, occupation: OfficialOccupation, pay: OfficialPay, source: Source | None) -> PayDoc:
    """One official pay figure, in the shape of every pay figure, its occupation inside."""
    return {
        "id": key,
        "family": "official",
        "measure": "percentiles",
        "low": None,
        "high": None,
        "open_ended": False,
        "amount": None,
        "p10": pay.p10,
        "median": pay.median,
        "p90": pay.p90,
        "currency": pay.currency,
        "period": pay.period,
        "describes": pay.of,
        "level": None,
        "roles": [],
        "region": occupation.region,
        "as_of": pay.reference,
        "quote": pay.quote,
        "note": None,
        "occupation": occupation_ref(occupation),
        "source": source_doc(source, occupation.source),
    }


def pay_json(row: OfficialRow) -> PayDoc:
    return official_pay(row.key, row.occupation, row.pay, row.source)


def occupation_json(occupation: OfficialOccupation, source: Source | None) -> OccupationDoc:
    """Every figure of an occupation, each carrying its occupation, edition, date, URL and quote."""
    ref = occupation_ref(occupation)
    jobs, growth, change = occupation.jobs, occupation.growth, occupation.change
    openings, education = occupation.openings, occupation.education
    return {
        **ref,
        "retrieved": occupation.retrieved,
        "retrieved_note": occupation.retrieved_note,
        "pay": [
            official_pay(f"{occupation.id} {n}", occupation, p, source)
            for n, p in enumerate(occupation.pay, 1)
        ],
        "jobs": None
        if jobs is None
        else {"count": jobs.count, "reference": jobs.reference, "quote": jobs.quote, "occupation": ref},
        "growth": None
        if growth is None
        else {
            "percent": growth.percent,
            "period": growth.period,
            "description": growth.description,
            "quote": growth.quote,
            "occupation": ref,
        },
        "change": None
        if change is None
        else {"count": change.count, "period": change.period, "quote": change.quote, "occupation": ref},
        "openings": None
        if openings is None
        else {
            "per_year": openings.per_year,
            "period": openings.period,
            "quote": openings.quote,
            "occupation": ref,
        },
        "education": None
        if education is None
        else {"level": education.level, "quote": education.quote, "occupation": ref},
        "note": occupation.note,
        "source": source_doc(source, occupation.source),
    }


def section_json(section: OfficialSection) -> OfficialSectionDoc:
    """The official part of `mlcareer salary --json`."""
    return {
        "figures": [pay_json(row) for row in section.rows],
        "occupations": [
            {
                "id": occupation.id,
                "title": occupation.title,
                "beside": [
                    {"roles": [r.id for r in g.roles], "match": g.match, "label": g.label} for g in groups
                ],
            }
            for occupation, groups in section.occupations
        ],
        "placements": [_placement_json(p) for p in section.placements],
        "note": section.note,
        "missing": missing_note(section.rows),
    }


def _placement_json(placement: Placement) -> PlacementDoc:
    return {
        "role": role_name(placement.role),
        "occupation": placement.occupation.id,
        "match": placement.match,
        "label": placement.label,
    }


def role_official_json(placements: list[Placement]) -> list[RoleOfficialDoc]:
    return [{**_placement_json(p), "figures": occupation_json(p.occupation, p.source)} for p in placements]
