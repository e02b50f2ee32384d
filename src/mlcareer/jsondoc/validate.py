"""`mlcareer validate` as JSON: a data directory's problems, and what it holds."""

from __future__ import annotations

from mlcareer.errors import Problem
from mlcareer.jsondoc.types import ValidateDoc


def validate_json(directory: str, problems: list[Problem], counts: dict[str, int]) -> ValidateDoc:
    return {
        "directory": directory,
        "ok": not problems,
        "problems": [
            {"file": p.file, "line": p.line, "field": p.field, "message": p.message} for p in problems
        ],
        "counts": counts,
    }
