"""Commands about skills: skills, skill."""

from __future__ import annotations

from typing import Annotated

import typer

from mlcareer.choices import Format
from mlcareer.cli.app import app, runs
from mlcareer.cli.complete import complete_skill
from mlcareer.cli.options import JsonOption, OutputOption, formats_for
from mlcareer.commands import skills as run


@app.command()
@runs(run.skills)
def skills(
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


@app.command()
@runs(run.skill)
def skill(
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
