"""``python -m mlcareer.cli.record [FILE]``: write the command line's recording that mlcareer ships.

The recording (``mlcareer.cli.index.recording_of``: the grammar for Tab completion, the
program's help and what the fast path parses) is made from the real commands with the typer in
use, and written by default to ``mlcareer/recording.json`` beside the code. Run it after changing
a command, an option, a choice or a format: ``tests/test_fastrun.py`` fails while the shipped
recording is not what the commands record now.
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str] | None = None) -> int:
    import typer.main

    from mlcareer.cli.app import app
    from mlcareer.cli.index import recording_of
    from mlcareer.pack.fastindex import shipped_path

    args = sys.argv[1:] if argv is None else argv
    target = args[0] if args else shipped_path()
    body = recording_of(typer.main.get_command(app))
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(body, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    sys.stderr.write(f"wrote {target}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
