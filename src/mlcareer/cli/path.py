"""The `path` command: the career ladder as a tree, and routes on it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, catalog
from mlcareer.cli.complete import complete_role
from mlcareer.cli.options import DiagramFormatOption, JsonOption, OutputOption
from mlcareer.cli.output import emit

if TYPE_CHECKING:
    from mlcareer.domain.ladder import Ladder, Route
    from mlcareer.jsondoc.types import PathLadderDoc, PathRouteDoc
    from mlcareer.models import Catalog
    from mlcareer.render.view import Page


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
    fmt: DiagramFormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Show the career ladder as a tree, what is reachable from a role, or the route between two roles.

    Each step of a route lists the skills the next role expects and the change in pay.

    --format mermaid prints a flowchart for docs and wikis.

    Example: mlcareer path --from junior-ml-engineer --to chief-technology-officer
    """
    from mlcareer.domain.careers import find_role
    from mlcareer.domain.ladder import explore

    data = catalog(ctx)
    result = explore(
        data,
        start=find_role(data, start) if start is not None else None,
        goal=find_role(data, goal) if goal is not None else None,
    )

    def document() -> PathLadderDoc | PathRouteDoc:
        from mlcareer.jsondoc.path import path_json

        return path_json(result, data.sources)

    def mermaid() -> str:
        from mlcareer.render.path_md import path_mermaid

        return path_mermaid(result)

    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        data=document,
        page=lambda: _page(data, result),
        mermaid=mermaid,
    )


def _page(data: Catalog, result: Ladder | Route) -> Page:
    """The ladder's page, or a route's, ending with its verdict (the pay from first role to last)."""
    from mlcareer.domain.ladder import Route, pay_change
    from mlcareer.render import path as render
    from mlcareer.render import verdict

    if not isinstance(result, Route):
        return render.ladder_page(result)
    if not result.steps:
        return render.route_page(result)
    total = pay_change(data, result.roles[0], result.roles[-1])
    return render.route_page(result, verdict.route_verdict(result, total, render.pay_text(total, "->")))
