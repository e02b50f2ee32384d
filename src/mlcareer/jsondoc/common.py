"""The parts every JSON document shares: a proficiency, a source, a credential, a quote, a role."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import (
        CredentialDoc,
        MatchScore,
        Proficiency,
        QuotedDoc,
        RoleName,
        RoleRef,
        ScaleStepDoc,
        SourceDoc,
    )
    from mlcareer.models import Credential, Quoted, Role, ScaleStep, Source


def proficiency(grade: int | None, scale: Mapping[int, ScaleStep]) -> Proficiency:
    """A grade and the scale's name for it; ``{"grade": null, "name": null}`` for none."""
    step = scale.get(grade) if grade is not None else None
    return {"grade": grade, "name": step.name if step is not None else None}


def scale_step(step: ScaleStep) -> ScaleStepDoc:
    return {"grade": step.value, "name": step.name, "description": step.description}


def source_doc(source: Source | None, source_id: str) -> SourceDoc:
    """A source as the data has it; only its id when the data lacks it."""
    return {
        "id": source_id,
        "title": source.title if source else None,
        "author": source.author if source else None,
        "publisher": source.publisher if source else None,
        "published": source.published if source else None,
        "edition": source.edition if source else None,
        "url": source.url if source else None,
        "document": source.document if source else None,
        "note": source.note if source else None,
    }


def sources_doc(sources: list[Source]) -> list[SourceDoc]:
    return [source_doc(s, s.id) for s in sources]


def quoted(q: Quoted) -> QuotedDoc:
    return {"text": q.text, "quote": q.quote, "source": q.source}


def credential(c: Credential) -> CredentialDoc:
    return {
        "id": c.id,
        "name": c.name,
        "kind": c.kind,
        "description": c.description,
        "skills": list(c.skills),
        "sources": list(c.sources),
    }


def role_name(role: Role) -> RoleName:
    """A role as every document names one: its id and title."""
    return {"id": role.id, "title": role.title}


def match_score(percent: int) -> MatchScore:
    """A kind's match as a percentage, with mlcareer's rule."""
    from mlcareer.domain.quiz import MATCH_RULE

    return {"percent": percent, "rule": MATCH_RULE}


def role_ref(role: Role) -> RoleRef:
    return {"id": role.id, "title": role.title, "level": role.level.value, "kind": role.kind}
