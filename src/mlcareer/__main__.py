"""`python -m mlcareer` and the `mlcareer` console script.

This module imports nothing heavy before it guards against Ctrl-C, so an interrupt while
the command line is still loading exits 130 without a traceback, like one during a command.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the command line; Ctrl-C at any moment is a quiet exit 130."""
    try:
        if "_MLCAREER_COMPLETE" in os.environ:  # a Tab press: answered here when it can be
            from mlcareer import fastcomplete

            fastcomplete.main()
        from mlcareer import interrupts

        interrupts.install()
        from mlcareer.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("\nCancelled.\n")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
