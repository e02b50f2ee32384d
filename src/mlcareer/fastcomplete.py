"""Tab completion of role and skill ids without loading Typer, pydantic or Rich.

A Tab press runs the whole program. Through Typer it costs about 200 ms (Typer, its
parameter adapters and pydantic, the catalog); answered here, from a small index of ids
written beside the catalog cache, it costs little more than the interpreter's start-up.

The index is trusted only when it was made from exactly the data files in use: it holds the
cache key (a hash of every data file's bytes, see ``mlcareer.datafiles.cache_key``), and the
key is computed again from the files on every Tab press. The grammar of the command line
(which word is a command, which option takes a value, what completes it) is not written here
either: it is recorded from the real Click commands (``mlcareer.cli.index``: shipped with
mlcareer, or recorded in this user's cache by a run Typer parsed), and it is trusted only when
recorded from exactly the command modules and the typer in use. Anything this module does
not know for certain (another shell, an option name, an enum value, a help text Rich would
change, an index or grammar missing or stale) returns None, and Typer answers as before. Tests compare every
answer given here with Typer's own, in bash, zsh and fish.

Only the standard library's light modules are imported here: this runs before anything else.
"""

from __future__ import annotations

import os
import string
import sys

# The index of ids, re-exported: callers and tests use fastcomplete.read_index and the rest.
from mlcareer.pack.fastindex import (
    INDEX_FORMAT,
    Grammar,
    cache_dir,
    data_key,
    index_path,
    read_grammar,
    read_index,
    shipped_data_dir,
    write_index,
)

__all__ = [
    "INDEX_FORMAT",
    "answer",
    "cache_dir",
    "data_key",
    "index_path",
    "main",
    "read_grammar",
    "read_index",
    "shipped_data_dir",
    "write_index",
]

COMPLETE_VAR = "_MLCAREER_COMPLETE"

# Help texts made only of these characters pass through Typer's Rich rendering unchanged
# (no markup, no emoji codes, no escapes added by the zsh quoting, one cell each).
_PLAIN = frozenset(string.ascii_letters + string.digits + " !\"#%&'()*+,-./;<=>?@^_{|}~")


def split_arg_string(string: str) -> list[str]:
    """As Click's: shlex, keeping an unfinished last token."""
    import shlex

    lex = shlex.shlex(string, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    out = []
    try:
        for token in lex:
            out.append(token)
    except ValueError:
        out.append(lex.token)
    return out


def _request(shell: str, environ: dict[str, str] | os._Environ[str]) -> tuple[list[str], str]:
    """The complete words after the program name, and the word being completed."""
    if shell == "bash":
        cwords = split_arg_string(environ["COMP_WORDS"])
        cword = int(environ["COMP_CWORD"])
        args = cwords[1:cword]
        incomplete = cwords[cword] if cword < len(cwords) else ""
        return args, incomplete
    line = environ.get("_TYPER_COMPLETE_ARGS", "")
    cwords = split_arg_string(line)
    args = cwords[1:]
    if args and not line.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def _target(
    args: list[str], incomplete: str, group_values: tuple[str, ...], commands: dict[str, Grammar]
) -> tuple[str | None, str] | None:
    """(what completes the word, the --data-dir given) when certain; else None.

    ``group_values`` and ``commands`` are the grammar recorded from the real commands
    (``mlcareer.cli.index``): the group's options that take a value, and each command's.
    """
    if incomplete.startswith("-") or "--" in args:
        return None
    found = _group_options(args, group_values)
    if found is None:
        return None
    i, data_dir = found
    if i >= len(args) or args[i] not in commands:
        return None
    arguments, values, flags = commands[args[i]]
    rest = args[i + 1 :]
    # As Click: a last word naming an option that takes a value means the value is completed.
    if rest and rest[-1] in values:
        return values[rest[-1]], data_dir
    given = _arguments_given(rest, values, flags)
    if given is None or given >= len(arguments):
        return None
    return arguments[given], data_dir


def _group_options(args: list[str], group_values: tuple[str, ...]) -> tuple[int, str] | None:
    """Where the command's name stands after the group's options, and the --data-dir they give;
    None when an option is not one of them or its value is the word being completed."""
    data_dir = ""
    i = 0
    while i < len(args) and args[i].startswith("-"):
        name, eq, value = args[i].partition("=")
        if name not in group_values:
            return None
        if not eq:
            i += 1
            if i >= len(args):
                return None  # completing --data-dir's value: a path
            value = args[i]
        if not value:
            return None
        data_dir = value
        i += 1
    return i, data_dir


def _arguments_given(rest: list[str], values: dict[str, str | None], flags: frozenset[str]) -> int | None:
    """How many arguments the words after the command give; None at a word this cannot read."""
    given = 0
    j = 0
    while j < len(rest):
        word = rest[j]
        if word == "-":
            return None
        if word.startswith("-"):
            name, eq, _ = word.partition("=")
            if word in values and not eq:
                j += 1  # its value, whatever it looks like
            elif not (eq and name.startswith("--") and name in values) and word not in flags:
                return None
        else:
            given += 1
        j += 1
    return given


def _width(environ: dict[str, str] | os._Environ[str]) -> int | None:
    """The width Typer's Rich console renders completion help at, or None if unsure."""
    if environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    fixed = environ.get("TERMINAL_WIDTH")
    if fixed:
        return int(fixed)
    width = 0
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd)[0]
        except (AttributeError, ValueError, OSError):
            continue
        break
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
        if width <= 0:
            return None
    return width or 80


def _zsh_escape(s: str) -> str:
    s = s.replace('"', '""').replace("'", "''")
    return s.replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")


def _plain(help_text: str, width: int | None) -> bool:
    return width is not None and len(help_text) < width and all(c in _PLAIN for c in help_text)


def answer(environ: dict[str, str] | os._Environ[str]) -> tuple[str, int] | None:
    """What Typer would print for this completion request, and the exit code; None: ask Typer."""
    try:
        instruction = environ.get(COMPLETE_VAR, "")
        action, _, shell = instruction.partition("_")
        if action != "complete" or shell not in ("bash", "zsh", "fish"):
            return None
        fish_action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
        if shell == "fish" and fish_action not in ("get-args", "is-args"):
            return None
        items = _items(shell, environ)
        if items is None:
            return None
        if shell == "bash":
            return "\n".join(value for value, _ in items) + "\n", 0
        if shell == "fish" and fish_action == "is-args":
            return "", 0 if items else 1
        width = _width(environ) if any(text for _, text in items) else 0
        return _zsh(items, width) if shell == "zsh" else _fish(items, width)
    except Exception:  # anything unexpected: Typer answers
        return None


def _items(shell: str, environ: dict[str, str] | os._Environ[str]) -> list[tuple[str, str]] | None:
    """The ids (with their titles) that complete the word, when certain; None otherwise."""
    args, incomplete = _request(shell, environ)
    if "=" in incomplete:
        return None
    grammar = read_grammar()
    if grammar is None:
        return None
    target = _target(args, incomplete, *grammar)
    if target is None or target[0] is None:
        return None
    kind, data_dir = target[0], target[1]
    index = read_index(data_dir or environ.get("MLCAREER_DATA_DIR") or shipped_data_dir())
    if index is None:
        return None
    return [(value, text) for value, text in index[kind] if value.startswith(incomplete)]


def _zsh(items: list[tuple[str, str]], width: int | None) -> tuple[str, int] | None:
    lines = []
    for value, text in items:
        if not text:
            lines.append(f'"{_zsh_escape(value)}"')
            continue
        shown = _zsh_escape(text)
        if not _plain(shown, width):
            return None
        lines.append(f'"{_zsh_escape(value)}":"{shown}"')
    if not lines:
        return "_files\n", 0
    body = "\n".join(lines)
    return f"_arguments '*: :(({body}))'\n", 0


def _fish(items: list[tuple[str, str]], width: int | None) -> tuple[str, int] | None:
    lines = []
    for value, text in items:
        if not text:
            lines.append(value)
            continue
        shown = "".join(" " if c.isspace() else c for c in text)
        if not _plain(shown, width):
            return None
        lines.append(f"{value}\t{shown}")
    return "\n".join(lines) + "\n", 0


def main() -> bool:
    """Answer a completion request if this module can; True when it did."""
    done = answer(os.environ)
    if done is None:
        return False
    text, code = done
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, AttributeError, ValueError):  # stdout closed or full: nothing to answer into
        raise SystemExit(1) from None
    raise SystemExit(code)
