"""The `path` command: the career ladder as a tree, and routes on it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import DiagramFormatOption, JsonOption, OutputOption, app, catalog, emit
from mlcareer.cli.complete import complete_role

if TYPE_CHECKING:
    from mlcareer.ladder import Ladder, Route
    from mlcareer.models import Catalog


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
    from mlcareer.careers import find_role
    from mlcareer.jsondoc import path as jsondoc
    from mlcareer.ladder import explore
    from mlcareer.render import path_md

    data = catalog(ctx)
    result = explore(
        data,
        start=find_role(data, start) if start is not None else None,
        goal=find_role(data, goal) if goal is not None else None,
    )
    emit(
        fmt=fmt,
        as_json=as_json,
        output=output,
        text=lambda: _with_verdict(data, result),
        data=lambda: jsondoc.path_json(result, data.sources),
        markdown=lambda: path_md.path_markdown(result),
        mermaid=lambda: path_md.path_mermaid(result),
    )


def _with_verdict(data: Catalog, result: Ladder | Route) -> object:
    """A route ends with its verdict: the steps, and the pay from the first role to the last."""
    from mlcareer.ladder import Route, pay_change
    from mlcareer.render import path as render
    from mlcareer.render import verdict

    page = render.render_path(result)
    if not isinstance(result, Route) or not result.steps:
        return page
    total = pay_change(data, result.roles[0], result.roles[-1])
    return verdict.ending(page, verdict.route_verdict(result, total, render.pay_text(total, "->")))
