"""The work of the salary command: sourced pay bands by level."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.commands.catalog import catalog
from mlcareer.commands.output import emit

if TYPE_CHECKING:
    from pathlib import Path


def salary(
    *,
    level: str | None,
    role: str | None,
    region: str | None,
    currency: str | None,
    source: str | None,
    fmt: str,
    as_json: bool,
    output: Path | None,
) -> None:
    """`mlcareer salary`: pay by level as the sources give it, with the filters given."""
    from mlcareer.choices import Level, SourceFamily
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.salaries import salary_report

    data = catalog()
    report = salary_report(
        data,
        level=Level(level) if level else None,
        role=find_role(data, role) if role is not None else None,
        region=region,
        currency=currency,
        source=SourceFamily(source) if source else SourceFamily.all,  # read by readers.source
    )
    emit(report, fmt, output, as_json=as_json)
