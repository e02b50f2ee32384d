"""The `path` command: the career ladder as a tree, and routes on it."""

from __future__ import annotations

from typing import Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, runs
from mlcareer.cli.complete import complete_role
from mlcareer.cli.options import JsonOption, OutputOption, formats_for
from mlcareer.commands import path as run


@app.command()
@runs(run.path)
def path(
    *,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            autocompletion=complete_role,
            metavar="ROLE",
            help="Where you are: a role id, title or alias. Alone: everything reachable from it.",
            show_default=False,
        ),
    ] = None,
    goal: Annotated[
        str | None,
        typer.Option(
            "--to",
            autocompletion=complete_role,
            metavar="ROLE",
            help="Where you want to be: shows the shortest route (from the entry roles without --from).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, formats_for("PathShown")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Show the career ladder as a tree, what is reachable from a role, or the route between two roles.

    Each step of a route lists the skills the next role expects and the change in pay.

    --format mermaid prints a flowchart for docs and wikis.

    Example: mlcareer path --from junior-ml-engineer --to chief-technology-officer
    """
