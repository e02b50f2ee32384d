"""What the command line's fast path (``mlcareer.fastrun``) parses, recorded from the real commands.

For the program's group and each command that Typer would parse in the plain way the fast
path knows, this records every parameter as Click holds it: its name, its option strings, its
kind (argument, option or flag), how many values it takes, its default, its type's conversion,
the reader its callback calls (``commands.readers``, by the name the callback carries), and
the conversion Typer applies from the declared annotation; and the command's work, the
function of ``mlcareer.commands`` it runs (``cli.app.runs``).

A command with anything else (a callback or type the fast path cannot repeat, an environment
variable, a prompt, a subcommand, an option string shared with the group) is not recorded, and
Typer parses it as ever. The record is written with the grammar (``cli.index``) and used only
while it was made from exactly the command modules and the typer in use.
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

from mlcareer.commands import BODY
from mlcareer.commands.readers import READS


class Unsupported(Exception):
    """A parameter or command the fast path does not parse: it stays with Typer."""


def run_spec(group: Any) -> dict[str, Any]:
    """The group's own parameters and, per command the fast path can parse, its parameters and work."""
    group_ctx = group.make_context("mlcareer", [], resilient_parsing=True)
    try:
        options = _group_params(group, group_ctx)
    except Unsupported:
        return {}
    taken = {o for p in options for o in p["opts"]}
    commands: dict[str, Any] = {}
    for name in list(group.commands):
        command = group.commands[name]
        try:
            commands[name] = _command(command, group_ctx, name, taken)
        except Unsupported:
            continue
    return {"group": options, "commands": commands}


def _group_params(group: Any, ctx: Any) -> list[dict[str, Any]]:
    """The group's parameters that set the run's options: ``commands.state.apply`` takes them."""
    hints = _hints(group.callback)
    return [_param(p, hints) for p in group.get_params(ctx) if not p.is_eager and p.expose_value]


def _command(command: Any, group_ctx: Any, name: str, taken: set[str]) -> dict[str, Any]:
    body = getattr(command.callback, BODY, None)
    if hasattr(command, "commands") or not isinstance(body, str):
        raise Unsupported(name)
    if command.allow_extra_args or command.ignore_unknown_options or not command.allow_interspersed_args:
        raise Unsupported(name)
    ctx = command.make_context(name, [], parent=group_ctx, resilient_parsing=True)
    hints = _hints(command.callback)
    params = []
    for param in command.get_params(ctx):
        if param.is_eager:  # --help: a word the fast path leaves to Typer
            if param.expose_value:
                raise Unsupported(param.name)
            continue
        params.append(_param(param, hints))
    if {o for p in params for o in p["opts"]} & taken:
        raise Unsupported(name)  # an option of the group's: Typer hoists it (cli.app)
    arguments = [p for p in params if p["kind"] == "argument"]
    if any(p["nargs"] == -1 for p in arguments[:-1]):
        raise Unsupported(name)
    return {"body": body, "params": params}


def _hints(callback: Any) -> dict[str, Any]:
    """The declared annotations of a command's parameters (``typing.get_type_hints``)."""
    declared = getattr(callback, "__wrapped__", callback)
    return typing.get_type_hints(declared)


def _param(param: Any, hints: dict[str, Any]) -> dict[str, Any]:
    """One parameter as the fast path reads it (``Unsupported`` if it cannot)."""
    if param.param_type_name not in ("argument", "option") or not param.expose_value:
        raise Unsupported(param.name)
    if getattr(param, "envvar", None) or getattr(param, "prompt", None) or callable(param.default):
        raise Unsupported(param.name)
    if param.default is not None and not isinstance(param.default, str | bool | int):
        raise Unsupported(param.name)
    flag = bool(getattr(param, "is_flag", False))
    if flag and (param.secondary_opts or getattr(param, "flag_value", True) is not True or param.default):
        raise Unsupported(param.name)
    if param.nargs not in (1, -1) or (param.nargs == -1 and param.param_type_name == "option"):
        raise Unsupported(param.name)
    return {
        "name": param.name,
        "kind": "flag" if flag else param.param_type_name,
        "opts": [*param.opts, *param.secondary_opts] if param.param_type_name == "option" else [],
        "multiple": bool(getattr(param, "multiple", False)),
        "nargs": param.nargs,
        "required": bool(param.required),
        "default": param.default,
        "type": ["bool"] if flag else _type(param),
        "reader": _reader(param.callback),
        "python": _python(hints.get(param.name)),
    }


def _type(param: Any) -> list[Any]:
    """The Click type's conversion of one value: as text, a path, an integer, or a reader."""
    kind = type(param.type).__name__
    if kind == "StringParamType":
        return ["str"]
    if kind in ("Path", "TyperPath"):
        plain = {"exists": False, "file_okay": True, "dir_okay": True, "readable": False}
        plain |= {"writable": False, "executable": False, "resolve_path": False, "allow_dash": False}
        if any(getattr(param.type, k, v) != v for k, v in plain.items()) or param.type.type is not None:
            raise Unsupported(param.name)
        return ["str"]  # an unchecked click.Path gives the text as it is
    if kind in ("IntParamType", "IntRange"):
        bounds = [getattr(param.type, k, None) for k in ("min", "max")]
        if getattr(param.type, "min_open", False) or getattr(param.type, "max_open", False):
            raise Unsupported(param.name)
        if getattr(param.type, "clamp", False):
            raise Unsupported(param.name)
        return ["int", *bounds]
    if kind == "FuncParamType":
        return ["reader", *_reads(param.type.func, param.name)]
    raise Unsupported(param.name)


def _reader(callback: Any) -> list[Any] | None:
    """The reader a parameter's callback calls, with its arguments; None if it has no callback."""
    if callback is None:
        return None
    # Typer wraps the declared callback (functools.update_wrapper): the mark is on the declared one.
    return _reads(getattr(callback, "__wrapped__", callback), "callback")


def _reads(function: Any, name: str) -> list[Any]:
    reads = getattr(function, READS, None)
    if not isinstance(reads, list):
        raise Unsupported(name)
    return list(reads)


def _python(annotation: Any) -> str:
    """What Typer makes of a parsed value from the declared annotation: a Path, a list of them,
    a list, or the value as it is (``typer.main.determine_type_convertor``)."""
    found = [annotation]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):  # X | None
        found = [a for a in typing.get_args(annotation) if a is not type(None)]
    if len(found) != 1:
        raise Unsupported(str(annotation))
    main = found[0]
    if typing.get_origin(main) is list:
        (inner,) = typing.get_args(main)
        return "paths" if inner is Path else "list" if inner is str else _unsupported(main)
    if isinstance(main, type) and issubclass(main, Path):
        return "path"
    if main in (str, bool, int):
        return "value"
    return _unsupported(main)


def _unsupported(annotation: Any) -> str:
    raise Unsupported(str(annotation))
