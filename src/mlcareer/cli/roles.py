"""Commands about roles: role, roles, compare, validate."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mlcareer.choices import Format, Section
from mlcareer.cli.app import app, runs
from mlcareer.cli.complete import complete_role
from mlcareer.cli.options import (
    JsonOption,
    LevelOption,
    OutputOption,
    choice,
    complete_choice,
    formats_for,
)
from mlcareer.commands import roles as run


@app.command()
@runs(run.role)
def role(
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
            callback=choice("section"),
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


@app.command()
@runs(run.roles)
def roles(
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


@app.command()
@runs(run.compare)
def compare(
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


@app.command()
@runs(run.validate)
def validate(
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
