"""The command line parsed before Typer loads, where the recorded commands parse it plainly.

Typer stays the parser. The command line's recording (``mlcareer.cli.index``: the one shipped
with mlcareer, or one a run made in this user's cache) holds, recorded from the real Click
commands, what this module needs to parse as they would (``cli.runspec``): each
parameter's option strings, kind, default, type's conversion, the reader its callback calls
(``commands.readers``) and what Typer makes of the value, and the function of
``mlcareer.commands`` that does the command's work. While that record was made from exactly
the command modules and the typer in use, a command line made only of the plain forms below
is parsed here and run without importing Typer or Click (about a third of a read command's
start-up):

- the command's name, with the program's own options (``--data-dir DIR``, ``--no-pager``)
  before or after it, as ``cli.app`` lets them stand;
- ``--option VALUE``, ``--option=VALUE``, ``-o VALUE`` and flags, each at most once (a
  repeatable option any number of times), and arguments, in any order.

Anything else goes to Typer unchanged, before anything is run: a word it does not know, a
bundle of short options, ``--``, ``-h``/``--help``, a value that begins with ``-`` (other than
``-``), a missing or extra argument, a value that a reader or a conversion refuses. So every
error message is Typer's own. ``tests/test_fastrun.py`` checks on random command lines that
what is parsed here is what Typer passes to the same function.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, NoReturn

from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

Spec = dict[str, Any]


class Parsed(NamedTuple):
    """A command line split as the recorded commands would split it: not yet converted."""

    group: list[Spec]  # the group's parameters
    program: dict[str, list[str] | bool]  # what was given of them, by name
    command: Spec  # the command's record: its parameters and its work ("body")
    given: dict[str, list[str] | bool]  # what was given of its parameters, by name


def main(argv: list[str]) -> None:
    """Run ``argv`` here when the recorded commands parse it plainly; otherwise return, and
    Typer parses it as ever."""
    from mlcareer.pack.fastindex import read_run

    spec = read_run()
    parsed = None if spec is None else parse(argv, spec)
    if parsed is None:
        return
    from mlcareer import interrupts

    interrupts.install()
    from mlcareer.commands.entry import run

    run(lambda: invoke(parsed))


# ---------------------------------------------------------------- splitting the words


def parse(argv: list[str], spec: Spec) -> Parsed | None:
    """Split ``argv`` as the recorded commands would; None for anything this does not parse."""
    try:
        group: list[Spec] = spec["group"]
        program: dict[str, list[str] | bool] = {}
        i = 0
        while i < len(argv) and _is_option(argv[i]):
            took = _option(argv, i, group, program)
            if took is None:
                return None
            i += took
        command = spec["commands"].get(argv[i]) if i < len(argv) else None
        if command is None:
            return None
        given: dict[str, list[str] | bool] = {}
        words = _after(argv[i + 1 :], command["params"], given, group, program)
        if words is None or not _place(words, command["params"], given):
            return None
        return Parsed(group, program, command, given)
    except (KeyError, TypeError, AttributeError, IndexError):  # a record of another shape
        return None


def _after(
    argv: list[str], params: list[Spec], given: dict[str, Any], group: list[Spec], program: dict[str, Any]
) -> list[str] | None:
    """Take the options after the command (its own, and the program's, which may follow it:
    ``cli.app`` hoists them); the words left are its arguments. None to leave it to Typer."""
    words: list[str] = []
    i = 0
    while i < len(argv):
        if not _is_option(argv[i]):
            words.append(argv[i])
            i += 1
            continue
        took = _option(argv, i, params, given)
        if took is None:
            took = _option(argv, i, group, program)
        if took is None:
            return None
        i += took
    return words


def _is_option(word: str) -> bool:
    return word.startswith("-") and word != "-"


def _option(argv: list[str], i: int, params: list[Spec], given: dict[str, Any]) -> int | None:
    """Take the option at ``argv[i]`` if it is one of ``params``: how many words it took, or None."""
    word = argv[i]
    name, equals, attached = word.partition("=") if word.startswith("--") else (word, "", "")
    found = next((p for p in params if p["kind"] != "argument" and name in p["opts"]), None)
    if found is None:
        return None
    key = found["name"]
    if found["kind"] == "flag":
        if equals or key in given:
            return None
        given[key] = True
        return 1
    if equals:
        value, took = attached, 1
    elif i + 1 < len(argv) and not _is_option(argv[i + 1]) and argv[i + 1] != "--":
        value, took = argv[i + 1], 2
    else:
        return None
    if key in given and not found["multiple"]:
        return None  # Click keeps the last; leave the rare repeat to Typer
    given.setdefault(key, []).append(value)
    return took


def _place(words: list[str], params: list[Spec], given: dict[str, Any]) -> bool:
    """Give the arguments their words in order; False when one is missing or one is left over."""
    for param in (p for p in params if p["kind"] == "argument"):
        if param["nargs"] == -1:
            taken, words = words, []
        else:
            taken, words = words[:1], words[1:]
        if taken:
            given[param["name"]] = taken
        elif param["required"]:
            return False
    return not words


# ---------------------------------------------------------------- values, as Typer passes them


def values(params: list[Spec], given: dict[str, Any]) -> dict[str, Any]:
    """Every parameter's value as Typer passes it to the command's function (raises on a value
    a conversion or reader refuses: the caller leaves the command line to Typer)."""
    return {p["name"]: _value(p, given.get(p["name"])) for p in params}


def _value(param: Spec, raw: list[str] | bool | None) -> Any:
    to_python = _PYTHON[param["python"]]
    if param["kind"] == "flag" or isinstance(raw, bool):
        return raw is True
    if param["multiple"] or param["nargs"] == -1:
        items = [_convert(param["type"], text) for text in raw or []]
        if not items and param["default"] is None:
            return None  # Typer: an empty list with no default is None
        return to_python(items)
    if raw is None:
        if param["default"] is None:
            return None  # Click calls the callback with None; every reader keeps None
        value = _convert(param["type"], param["default"])
    else:
        (text,) = raw
        value = _convert(param["type"], text)
    reader = param["reader"]
    if reader is not None and value is not None:
        from mlcareer.commands.readers import READERS

        value = READERS[reader[0]](to_python(value), *reader[1:])
    return to_python(value)


def _convert(kind: list[Any], value: Any) -> Any:
    """One value through its Click type."""
    if kind[0] == "str":
        return str(value)
    if kind[0] == "int":
        number = int(value)
        low, high = kind[1], kind[2]
        if (low is not None and number < low) or (high is not None and number > high):
            raise ValueError(f"{number} is out of range")
        return number
    if kind[0] == "reader":
        from mlcareer.commands.readers import READERS

        return READERS[kind[1]](value, *kind[2:])
    raise ValueError(f"unknown type {kind[0]!r}")


def _path(value: Any) -> Any:
    from pathlib import Path

    return value if value is None or isinstance(value, Path) else Path(value)


def _paths(value: Any) -> Any:
    return None if value is None else [_path(v) for v in value]


_PYTHON: dict[str, Callable[[Any], Any]] = {
    "value": lambda value: value,
    "path": _path,
    "list": lambda value: None if value is None else list(value),
    "paths": _paths,
}


# ---------------------------------------------------------------- running the command


def invoke(parsed: Parsed) -> NoReturn:
    """Run the command as Typer would: the program's options kept, its work called with every
    value, errors reported and turned into exit codes; or, when a value is refused, Typer."""
    from mlcareer.commands.state import apply, fresh_state
    from mlcareer.files import fresh_run
    from mlcareer.formats import resolve

    with fresh_state(), fresh_run():
        try:
            program = values(parsed.group, parsed.program)
            given = values(parsed.command["params"], parsed.given)
            body = parsed.command["body"]
            if not body.startswith("mlcareer.commands."):  # only mlcareer's own work, as recorded
                raise ValueError(f"not a command's work: {body}")
            work = resolve(body)
        except Exception:  # a value refused: Typer says why, as ever
            work = None
        if work is not None:
            _call(lambda: _run(apply, program, work, given))
    from mlcareer.cli import app

    app(prog_name="mlcareer")
    raise SystemExit(0)  # pragma: no cover - Typer always exits


def _run(
    apply: Callable[..., None], program: dict[str, Any], work: Callable[..., None], given: dict[str, Any]
) -> None:
    """The group's callback (the program's options kept), then the command's work."""
    apply(**program)
    work(**given)


def _call(work: Callable[[], object]) -> NoReturn:
    """Run ``work`` with the handling Typer's group and main give a command (``cli.app``, typer's
    ``_main``): a mlcareer error reported with its exit code, EOF "Aborted!" (1), Ctrl-C 130,
    a reader that went away 1."""
    import errno

    from mlcareer.commands.output import report_error
    from mlcareer.errors import MlcareerError

    try:
        try:
            work()
        except MlcareerError as exc:
            report_error(exc)
            raise SystemExit(exc.exit_code) from None
    except EOFError:
        sys.stderr.write("\nAborted!\n")
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise SystemExit(1) from None
        raise
    raise SystemExit(0)
