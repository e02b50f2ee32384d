"""`python -m mlcareer` and the `mlcareer` console script.

This module imports nothing heavy before it guards against Ctrl-C, so an interrupt while
the command line is still loading exits 130 without a traceback, like one during a command.

A run is short, and what it allocates lives until the end: the cyclic garbage collector
only costs time here. It is off for the run (a cold 8,000-role validation: 9.2 s -> 4.0 s
on the benchmark machine, same peak memory), and everything is frozen before exit, so the
interpreter's final pass over every loaded object (about 45 ms) is skipped. The interactive
quiz turns it back on (mlcareer.terminal.prompts): a person may take minutes.
"""

from __future__ import annotations

import gc
import os
import sys


def main() -> None:
    """Run the command line; Ctrl-C at any moment is a quiet exit 130."""
    gc.disable()
    try:
        if "_MLCAREER_COMPLETE" in os.environ:  # a Tab press: answered here when it can be
            from mlcareer import fastcomplete

            fastcomplete.main()
        if sys.argv[1:2] in (["--help"], ["-h"]):  # the program's help: answered here when it can be
            from mlcareer import fasthelp

            fasthelp.main(sys.argv[1:])
        elif "_MLCAREER_COMPLETE" not in os.environ:  # a plain command line: parsed here when it can be
            from mlcareer import fastrun

            fastrun.main(sys.argv[1:])
        from mlcareer import interrupts

        interrupts.install()
        from mlcareer.cli import main as run

        run()
    except KeyboardInterrupt:
        _cancelled()
    except MemoryError:  # `ulimit -v`, a huge input: a message, not a traceback
        _out_of_memory()
    except RuntimeError as exc:
        # Python 3.11 wraps an exception raised while a class is being built (in
        # ``__set_name__``: a dataclass field, as a module is imported) in a RuntimeError.
        if isinstance(exc.__cause__, KeyboardInterrupt):
            _cancelled()
        raise
    finally:
        gc.freeze()


def _out_of_memory() -> None:
    import contextlib

    with contextlib.suppress(OSError, ValueError, MemoryError):
        sys.stderr.write("Error: out of memory (is a memory limit such as `ulimit -v` set?)\n")
    raise SystemExit(1) from None


def _cancelled() -> None:
    sys.stderr.write("\nCancelled.\n")
    raise SystemExit(130) from None


if __name__ == "__main__":
    main()
