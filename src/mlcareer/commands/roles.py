"""The work of the commands about roles: role, roles, compare, validate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlcareer.choices import Format, Level, Section
from mlcareer.commands.catalog import catalog
from mlcareer.commands.output import emit
from mlcareer.errors import DataError, Failed, UsageError

if TYPE_CHECKING:
    from pathlib import Path

    from mlcareer.models import Catalog


def role(name: str, *, section: str | None, full: bool, fmt: str, as_json: bool, output: Path | None) -> None:
    """`mlcareer role ROLE`: a role explained, as an overview, --full or one --section."""
    from mlcareer.domain.careers import describe_role, find_role
    from mlcareer.domain.shown import RoleShown

    data = catalog()
    view = describe_role(data, find_role(data, name))
    part = Section(section) if section else None
    if full and part is not None:
        raise UsageError("--full shows every section and --section one of them; give one")
    emit(RoleShown(view, part, full), fmt, output, as_json=as_json)


def roles(*, level: str | None, search: str | None, fmt: str, as_json: bool, output: Path | None) -> None:
    """`mlcareer roles`: every role, grouped by level."""
    from mlcareer.domain.careers import list_roles
    from mlcareer.domain.shown import RoleList

    found = list_roles(catalog(), Level(level) if level else None, search)  # read by LevelOption
    emit(RoleList(found), fmt, output, as_json=as_json)


def compare(first: str, second: str, *, fmt: str, as_json: bool, output: Path | None) -> None:
    """`mlcareer compare ROLE ROLE`: two roles side by side."""
    from mlcareer.domain.careers import compare_roles, find_role

    data = catalog()
    result = compare_roles(data, find_role(data, first), find_role(data, second))
    emit(result, fmt, output, as_json=as_json)


def validate(directory: Path | None, *, fmt: str, as_json: bool, output: Path | None) -> None:
    """`mlcareer validate [DIR]`: every problem of a data directory (exit 1 when there is one)."""
    from mlcareer.commands.state import state
    from mlcareer.pack.catalog import check_directory, display_name, resolve_data_dir

    target = directory if directory is not None else resolve_data_dir(state().data_dir)
    found, problems = check_directory(target)
    shown = display_name(target)
    wants_json = as_json or Format(fmt) is Format.json
    if problems and not wants_json:
        raise DataError(problems)
    from mlcareer.domain.shown import Validation

    emit(Validation(shown, problems, _counts(found)), fmt, output, as_json=as_json)
    if problems:
        raise Failed  # the report says what is wrong


def _counts(found: Catalog | None) -> dict[str, int]:
    if found is None:
        return {}
    return {
        "roles": len(found.roles),
        "skills": len(found.skills),
        "credentials": len(found.credentials),
        "levels": len(found.levels),
        "salary_figures": len(found.salaries.figures),
        "official_occupations": len(found.occupations),
        "quiz_questions": len(found.quiz.questions) if found.quiz else 0,
        "sources": len(found.sources),
    }
