"""Commands about roles: role, roles, compare, validate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format, Level, Section
from mlcareer.cli.app import app, catalog
from mlcareer.cli.complete import complete_role
from mlcareer.cli.options import (
    JsonOption,
    LevelOption,
    OutputOption,
    choice,
    complete_choice,
    formats_for,
    state,
)
from mlcareer.cli.output import emit
from mlcareer.errors import DataError, ExitCode, UsageError

if TYPE_CHECKING:
    from mlcareer.models import Catalog


@app.command()
def role(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help='Role id, title or alias, e.g. ml-engineer, "ML Engineer", MLE.',
            metavar="ROLE",
            autocompletion=complete_role,
        ),
    ],
    *,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            "-s",
            metavar="SECTION",
            help="Show only this part of the role: " + ", ".join(s.value for s in Section) + ".",
            callback=choice(Section, "section"),
            autocompletion=complete_choice(Section),
            show_default=False,
        ),
    ] = None,
    full: Annotated[
        bool,
        typer.Option("--full", help="Show every section (by default, an overview that fits a screen)."),
    ] = False,
    fmt: Annotated[str, formats_for("RoleShown")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Explain a role: what it does, the skills it expects, pay, where it leads, and sources.

    As text, an overview that fits a screen; --full shows every section, --section one of them.
    Markdown and JSON are always complete.

    Example: mlcareer role ml-engineer --section skills
    """
    from mlcareer.domain.careers import describe_role, find_role
    from mlcareer.domain.shown import RoleShown

    data = catalog(ctx)
    view = describe_role(data, find_role(data, name))
    part = Section(section) if section else None
    if full and part is not None:
        raise UsageError("--full shows every section and --section one of them; give one")
    emit(RoleShown(view, part, full), fmt, output, as_json=as_json)


@app.command()
def roles(
    ctx: typer.Context,
    *,
    level: LevelOption = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search", metavar="TEXT", help="Only roles whose name, summary, tools or skills contain TEXT."
        ),
    ] = None,
    fmt: Annotated[str, formats_for("RoleList")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """List every role, grouped by level of the career ladder.

    Example: mlcareer roles --level senior
    """
    from mlcareer.domain.careers import list_roles
    from mlcareer.domain.shown import RoleList

    found = list_roles(catalog(ctx), Level(level) if level else None, search)  # read by LevelOption
    emit(RoleList(found), fmt, output, as_json=as_json)


@app.command()
def compare(
    ctx: typer.Context,
    first: Annotated[
        str, typer.Argument(help="A role id, title or alias.", metavar="ROLE", autocompletion=complete_role)
    ],
    second: Annotated[
        str,
        typer.Argument(help="Another role id, title or alias.", metavar="ROLE", autocompletion=complete_role),
    ],
    *,
    fmt: Annotated[str, formats_for("Comparison")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Compare two roles side by side: level, work, tools, pay and skills.

    Example: mlcareer compare ml-engineer data-scientist
    """
    from mlcareer.domain.careers import compare_roles, find_role

    data = catalog(ctx)
    result = compare_roles(data, find_role(data, first), find_role(data, second))
    emit(result, fmt, output, as_json=as_json)


@app.command()
def validate(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="The data directory to check (default: the one in use).", metavar="DIR", show_default=False
        ),
    ] = None,
    *,
    fmt: Annotated[str, formats_for("Validation")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Check a data directory and report every problem in it, with file, line and field.

    Exit 0 when the data is clean, 1 otherwise. With --json the report (problems included)
    goes to stdout; as text, problems go to stderr.

    Example: mlcareer validate ./my-bootcamp-data
    """
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
        raise typer.Exit(ExitCode.ERROR)


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
