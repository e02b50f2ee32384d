"""Commands about skills: skills, skill."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, catalog
from mlcareer.cli.complete import complete_skill
from mlcareer.cli.options import JsonOption, OutputOption, formats_for
from mlcareer.cli.output import emit

if TYPE_CHECKING:
    pass


@app.command()
def skills(
    ctx: typer.Context,
    *,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            metavar="TEXT",
            help="Only skills whose id, name, aliases, description or examples contain TEXT.",
        ),
    ] = None,
    fmt: Annotated[str, formats_for("SkillList")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """List the skills, grouped as technical, analytical and interpersonal, with how many roles need each.

    Example: mlcareer skills --search deep
    """
    from mlcareer.domain.shown import SkillList
    from mlcareer.domain.skills import list_skills

    data = catalog(ctx)
    found = list_skills(data, search)
    emit(SkillList(found, len(data.roles)), fmt, output, as_json=as_json)


@app.command()
def skill(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="Skill id, name or alias, e.g. programming, python, deep-learning.",
            metavar="SKILL",
            autocompletion=complete_skill,
        ),
    ],
    *,
    fmt: Annotated[str, formats_for("SkillView")] = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Explain a skill: what it is, its proficiency steps, the roles that need it, and credentials.

    Example: mlcareer skill python
    """
    from mlcareer.domain.skills import describe_skill, find_skill

    data = catalog(ctx)
    emit(describe_skill(data, find_skill(data, name)), fmt, output, as_json=as_json)
