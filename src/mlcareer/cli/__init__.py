"""The command line: parse, call one domain function, render once, map errors to exit codes.

Heavy modules (pydantic, rich, yaml, questionary) are imported inside the commands
that need them, so `mlcareer --help` starts fast. Each module below adds its commands
to the one Typer app.
"""

from __future__ import annotations

from mlcareer.cli import path as _path
from mlcareer.cli import plan as _plan
from mlcareer.cli import quiz as _quiz
from mlcareer.cli import roles as _roles
from mlcareer.cli import salary as _salary
from mlcareer.cli import skills as _skills
from mlcareer.cli import team as _team
from mlcareer.cli.app import app

__all__ = ["app", "main"]

_COMMAND_MODULES = (_roles, _salary, _path, _quiz, _plan, _team, _skills)


def main() -> None:
    """Console-script entry point."""
    import os

    from mlcareer.console import prepare_streams

    # mlcareer uses no pydantic plugins; looking for them scans every installed package's
    # entry points (about 15 ms a run), and one found would instrument our validation.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    prepare_streams()
    app(prog_name="mlcareer")
