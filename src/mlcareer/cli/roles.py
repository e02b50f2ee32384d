"""Commands about roles: role, roles, compare, validate."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format, Level, Section
from mlcareer.cli.app import app, catalog
from mlcareer.cli.complete import complete_role
from mlcareer.cli.options import (
    FormatOption,
    JsonOption,
    LevelOption,
    OutputOption,
    TextJsonFormatOption,
    choice,
    complete_choice,
    state,
)
from mlcareer.cli.output import emit
from mlcareer.errors import DataError, ExitCode, UsageError

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import CompareDoc, RoleDoc, RolesDoc
    from mlcareer.models import Catalog
    from mlcareer.render.view import Page


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
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Explain a role: what it does, the skills it expects, pay, where it leads, and sources.

    As text, an overview that fits a screen; --full shows every section, --section one of them.
    Markdown and JSON are always complete.

    Example: mlcareer role ml-engineer --section skills
    """
    from mlcareer.domain.careers import describe_role, find_role

    data = catalog(ctx)
    view = describe_role(data, find_role(data, name))
    part = Section(section) if section else None
    if full and part is not None:
        raise UsageError("--full shows every section and --section one of them; give one")

    def document() -> dict[str, RoleDoc]:
        from mlcareer.jsondoc.role import role_json

        return {"role": role_json(view, part)}

    def page() -> Page:
        from mlcareer.render.role_page import role_page

        return role_page(view, part)

    def overview() -> object:
        from mlcareer.render import to_text
        from mlcareer.render.role_page import overview_page

        return to_text.page(overview_page(view))

    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        data=document,
        page=page,
        text=None if full or part else overview,
    )


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
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """List every role, grouped by level of the career ladder.

    Example: mlcareer roles --level senior
    """
    from mlcareer.domain.careers import list_roles

    found = list_roles(catalog(ctx), Level(level) if level else None, search)  # read by LevelOption

    def document() -> RolesDoc:
        from mlcareer.jsondoc.role import roles_json

        return roles_json(found)

    def page() -> Page:
        from mlcareer.render.role import roles_page

        return roles_page(found)

    def lines() -> object:
        from mlcareer.render.role_list import render_roles

        return render_roles(found)

    emit(fmt=fmt, as_json=as_json, output=output, data=document, page=page, text=lines)


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
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Compare two roles side by side: level, work, tools, pay and skills.

    Example: mlcareer compare ml-engineer data-scientist
    """
    from mlcareer.domain.careers import compare_roles, find_role

    data = catalog(ctx)
    result = compare_roles(data, find_role(data, first), find_role(data, second))

    def document() -> CompareDoc:
        from mlcareer.jsondoc.compare import comparison_json

        return comparison_json(result)

    def page() -> Page:
        from mlcareer.render.compare import comparison_page

        return comparison_page(result)

    emit(fmt=fmt, as_json=as_json, output=output, data=document, page=page)


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
    fmt: TextJsonFormatOption = Format.text,
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
    from mlcareer.jsondoc.validate import validate_json
    from mlcareer.render.rich_common import valid_data

    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        text=lambda: valid_data(shown, _counts(found)),
        data=lambda: validate_json(shown, problems, _counts(found)),
    )
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
