"""`mlcareer validate` as JSON: a data directory's problems, and what it holds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from mlcareer.errors import DataError, MlcareerError, Problem, count

if TYPE_CHECKING:
    from mlcareer.domain.shown import Validation
    from mlcareer.jsondoc.types import ProblemDoc, ValidateDoc


def problem_rows(problems: Iterable[Problem]) -> list[ProblemDoc]:
    """Problems as rows of a JSON report: file, line, field, message.

    The entry that only counts problems not listed is no problem of its own: a document says
    how many there were beside the rows (``validate_json``).
    """
    return [
        {"file": p.file, "line": p.line, "field": p.field, "message": p.message}
        for p in problems
        if not p.more
    ]


def error_rows(exc: MlcareerError, file: str) -> list[ProblemDoc]:
    """An error reading ``file`` as rows: one per problem of a data error, else one for the error."""
    found = exc.problems if isinstance(exc, DataError) else []
    return problem_rows(found) or [{"file": file, "line": None, "field": "", "message": str(exc)}]


def validate_json(directory: str, problems: list[Problem], counts: dict[str, int]) -> ValidateDoc:
    return {
        "directory": directory,
        "ok": not problems,
        "problems": problem_rows(problems),
        "total": count(problems),
        "unlisted": sum(p.more for p in problems),
        "counts": counts,
    }


def validation_json(shown: Validation) -> ValidateDoc:
    return validate_json(shown.directory, shown.problems, shown.counts)
