"""Pay (`mlcareer salary`, and the salary part of `mlcareer role`) as JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from mlcareer.domain.salaries import SalaryReport, no_role_data
from mlcareer.jsondoc import official as off
from mlcareer.jsondoc.common import role_name, role_ref, source_doc, sources_doc

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import NoteDoc, PayDoc, SalaryDoc
    from mlcareer.models import SalaryFigure, SalaryNote, Source


def figure_json(figure: SalaryFigure, sources: Mapping[str, Source]) -> PayDoc:
    """A figure from the articles, in the shape of every pay figure, its source resolved."""
    return {
        "id": figure.id,
        "family": "articles",
        "measure": figure.kind,
        "low": figure.low,
        "high": figure.high,
        "open_ended": figure.open_ended,
        "amount": figure.amount,
        "p10": None,
        "median": None,
        "p90": None,
        "currency": figure.currency,
        "period": figure.period,
        "describes": figure.scope,
        "level": figure.level.value if figure.level else None,
        "roles": list(figure.roles),
        "region": figure.region,
        "as_of": figure.as_of,
        "quote": figure.quote,
        "note": figure.note,
        "occupation": None,
        "source": source_doc(sources.get(figure.source), figure.source),
    }


def _note_json(note: SalaryNote) -> NoteDoc:
    return {"id": note.id, "title": note.title, "text": note.text, "sources": list(note.sources)}


def salary_json(report: SalaryReport) -> SalaryDoc:
    """The report as stable JSON."""
    role = report.role
    out: SalaryDoc = {
        "filters": {
            "level": report.level.value if report.level else None,
            "role": role_name(role) if role else None,
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
                "ladder_roles": [role_ref(r) for r in band.roles],
            }
            for band in report.bands
        ],
        "premiums": [_note_json(n) for n in report.premiums],
        "factors": [_note_json(n) for n in report.factors],
        "sources": sources_doc(list(report.sources.values())),
        "roles_with_data": [r.id for r in report.roles_with_data],
        "available": {"regions": list(report.regions), "currencies": list(report.currencies)},
    }
    if role is not None and not report.role_has_data:
        out["message"] = no_role_data(role)
    return out
