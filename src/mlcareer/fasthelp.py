"""`mlcareer --help` (or `-h`) answered before Typer loads, from the help the real group printed.

The command line's recording (``mlcareer.cli.index``: the one shipped with mlcareer, or one a
run made in this user's cache) holds the program's help, formatted by the real Click group for
a terminal of 80 columns or more (Click then formats 78 columns wide, whatever the width). This
answers exactly `mlcareer --help` and `mlcareer -h` with it when the recording was made from the
command modules and the typer in use (``fastindex.read_help``) and the terminal is that wide;
anything else goes to Typer unchanged.
"""

from __future__ import annotations

import sys

HELP_ARGS = (["--help"], ["-h"])
MIN_COLUMNS = 80  # Click formats help min(columns, 80) - 2 wide


def main(argv: list[str]) -> None:
    """Print the recorded help and exit when it answers ``argv`` exactly; else return.

    It is printed in the frame of every run (``commands.entry.run``), as Typer's help is: a
    closed stdout, a full disk or a file-size limit is the same error, with the same exit code.
    """
    if argv not in HELP_ARGS:
        return
    import shutil

    if shutil.get_terminal_size().columns < MIN_COLUMNS:  # as Click measures the terminal
        return
    from mlcareer.pack.fastindex import read_help

    text = read_help()
    if text is None:
        return
    from mlcareer.commands.entry import run

    run(lambda: _print(text))


def _print(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
