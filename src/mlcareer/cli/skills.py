"""Commands about skills: skills, skill."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, catalog
from mlcareer.cli.complete import complete_skill
from mlcareer.cli.options import FormatOption, JsonOption, OutputOption
from mlcareer.cli.output import emit

if TYPE_CHECKING:
    from mlcareer.jsondoc.types import SkillDoc, SkillsDoc
    from mlcareer.render.view import Page


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
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """List the skills, grouped as technical, analytical and interpersonal, with how many roles need each.

    Example: mlcareer skills --search deep
    """
    from mlcareer.domain.skills import list_skills

    data = catalog(ctx)
    found = list_skills(data, search)
    total = len(data.roles)

    def document() -> SkillsDoc:
        from mlcareer.jsondoc.skill import skills_json

        return skills_json(found, total)

    def page() -> Page:
        from mlcareer.render.skill import skills_page

        return skills_page(found, total)

    emit(fmt=fmt, as_json=as_json, output=output, data=document, page=page)


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
    fmt: FormatOption = Format.text,
    as_json: JsonOption = False,
    output: OutputOption = None,
) -> None:
    """Explain a skill: what it is, its proficiency steps, the roles that need it, and credentials.

    Example: mlcareer skill python
    """
    from mlcareer.domain.skills import describe_skill, find_skill

    data = catalog(ctx)
    view = describe_skill(data, find_skill(data, name))

    def document() -> SkillDoc:
        from mlcareer.jsondoc.skill import skill_json

        return skill_json(view)

    def page() -> Page:
        from mlcareer.render.skill import skill_page

        return skill_page(view)

    emit(fmt=fmt, as_json=as_json, output=output, data=document, page=page)
