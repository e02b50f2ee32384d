"""The `path` command: the career ladder as a tree, and routes on it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, catalog
from mlcareer.cli.complete import complete_role
from mlcareer.cli.options import JsonOption, OutputOption, formats_for
from mlcareer.cli.output import emit

if TYPE_CHECKING:
    pass


@app.command()
def path(
    ctx: typer.Context,
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
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.ladder import Route, explore, pay_change
    from mlcareer.domain.shown import PathShown

    data = catalog(ctx)
    result = explore(
        data,
        start=find_role(data, start) if start is not None else None,
        goal=find_role(data, goal) if goal is not None else None,
    )

    total = None
    if isinstance(result, Route) and result.steps:
        total = pay_change(data, result.roles[0], result.roles[-1])
    emit(PathShown(result, data.sources, total), fmt, output, as_json=as_json)
