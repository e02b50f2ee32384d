"""Pay (`mlcareer salary`, and the salary part of `mlcareer role`) as JSON."""

from __future__ import annotations

from typing import Any

from mlcareer.jsondoc import official as off
from mlcareer.models import SalaryFigure, SalaryNote, Source
from mlcareer.salaries import SalaryReport, no_role_data


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
