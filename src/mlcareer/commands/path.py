"""The work of the `path` command: the career ladder, what is reachable, a route."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.commands.catalog import catalog
from mlcareer.commands.output import emit

if TYPE_CHECKING:
    from pathlib import Path


def path(*, start: str | None, goal: str | None, fmt: str, as_json: bool, output: Path | None) -> None:
    """`mlcareer path [--from ROLE] [--to ROLE]`."""
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.ladder import Route, explore, pay_change
    from mlcareer.domain.shown import PathShown

    data = catalog()
    result = explore(
        data,
        start=find_role(data, start) if start is not None else None,
        goal=find_role(data, goal) if goal is not None else None,
    )
    total = None
    if isinstance(result, Route) and result.steps:
        total = pay_change(data, result.roles[0], result.roles[-1])
    emit(PathShown(result, data.sources, total), fmt, output, as_json=as_json)
