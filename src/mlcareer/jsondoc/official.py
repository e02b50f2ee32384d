"""Official figures (occupations.yaml) as JSON: in `mlcareer salary` and a part of `mlcareer role`.

Every figure carries its occupation, edition, date, URL and quote.
"""

from __future__ import annotations

from typing import Any

from mlcareer.models import OfficialOccupation, Source
from mlcareer.official import OfficialRow, Placement, missing_note
from mlcareer.salaries import OfficialSection


def pay_json(row: OfficialRow) -> dict[str, Any]:
    """One official pay figure with everything needed to check it: occupation, edition, date, URL, quote."""
    occupation, pay = row.occupation, row.pay
    return {
        "key": row.key,
        "kind": "official",
        "occupation": occupation.title,
        "occupation_id": occupation.id,
        "of": pay.of,
        "soc": occupation.soc,
        "soc_note": occupation.soc_note,
        "agency": occupation.agency,
        "edition": occupation.edition,
        "reference": pay.reference,
        "region": occupation.region,
        "p10": pay.p10,
        "median": pay.median,
        "p90": pay.p90,
        "currency": pay.currency,
        "period": pay.period,
        "url": occupation.url,
        "quote": pay.quote,
        "source": _source_json(row.source, occupation.source),
    }


def _source_json(source: Source | None, source_id: str) -> dict[str, Any]:
    return {
        "id": source_id,
        "title": source.title if source else None,
        "publisher": source.publisher if source else None,
        "published": source.published if source else None,
        "edition": source.edition if source else None,
        "url": source.url if source else None,
    }


def _figure(occupation: OfficialOccupation, name: str) -> dict[str, Any] | None:
    """A non-pay figure of an occupation as JSON, with its occupation, edition, URL and quote."""
    value = getattr(occupation, name)
    if value is None:
        return None
    out: dict[str, Any] = value.model_dump(mode="json")
    out.update(
        occupation=occupation.title, soc=occupation.soc, edition=occupation.edition, url=occupation.url
    )
    return out


def occupation_json(occupation: OfficialOccupation, source: Source | None) -> dict[str, Any]:
    """Every figure of an occupation, each carrying its occupation, edition, date, URL and quote."""
    pays = [pay_json(OfficialRow(f"{occupation.agency}", occupation, p, source)) for p in occupation.pay]
    for pay in pays:
        pay.pop("key")
    return {
        "id": occupation.id,
        "title": occupation.title,
        "agency": occupation.agency,
        "soc": occupation.soc,
        "soc_note": occupation.soc_note,
        "edition": occupation.edition,
        "url": occupation.url,
        "region": occupation.region,
        "retrieved": occupation.retrieved,
        "retrieved_note": occupation.retrieved_note,
        "pay": pays,
        "jobs": _figure(occupation, "jobs"),
        "growth": _figure(occupation, "growth"),
        "change": _figure(occupation, "change"),
        "openings": _figure(occupation, "openings"),
        "education": _figure(occupation, "education"),
        "note": occupation.note,
        "source": _source_json(source, occupation.source),
    }


def section_json(section: OfficialSection) -> dict[str, Any]:
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


def _placement_json(placement: Placement) -> dict[str, Any]:
    return {
        "role": placement.role.id,
        "occupation": placement.occupation.id,
        "match": placement.match,
        "label": placement.label,
    }


def role_official_json(placements: list[Placement]) -> list[dict[str, Any]]:
    return [{**_placement_json(p), "figures": occupation_json(p.occupation, p.source)} for p in placements]
