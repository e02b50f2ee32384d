"""The command line: parse, call one domain function, render once, map errors to exit codes.

Heavy modules (pydantic, rich, yaml, questionary) are imported inside the commands
that need them, so `mlcareer --help` starts fast. Each module below adds its commands
to the one Typer app.
"""

from __future__ import annotations

from mlcareer.cli import quiz as _quiz
from mlcareer.cli import roles as _roles
from mlcareer.cli.app import app

__all__ = ["app", "main"]

_COMMAND_MODULES = (_roles, _quiz)


def main() -> None:
    """Console-script entry point."""
    from mlcareer.console import prepare_streams

    prepare_streams()
    app(prog_name="mlcareer")
