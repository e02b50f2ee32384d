"""Tab completion of role and skill ids without loading Typer, pydantic or Rich.

A Tab press runs the whole program. Through Typer it costs about 200 ms (Typer, its
parameter adapters and pydantic, the catalog); answered here, from a small index of ids
written beside the catalog cache, it costs little more than the interpreter's start-up.

The index is trusted only when it was made from exactly the data files in use: it holds the
cache key (a hash of every data file's bytes, see ``mlcareer.pack.cache.key``), and the key is
computed again from the files on every Tab press. Anything this module does not know for
certain (another shell, an option name, an enum value, a help text Rich would change, an
index missing or stale) returns None, and Typer answers as before. Tests compare every
answer given here with Typer's own, in bash, zsh and fish.

Only the standard library's light modules are imported here: this runs before anything else.
"""

from __future__ import annotations

import os
import string
import sys

# The index of ids, re-exported: callers and tests use fastcomplete.read_index and the rest.
from mlcareer.pack.fastindex import (
    _ROLE,
    _SKILL,
    CACHE_FORMAT,
    DATA_FILES,
    INDEX_FORMAT,
    MAX_BYTES,
    cache_dir,
    data_key,
    help_line,
    index_path,
    read_index,
    role_items,
    shipped_data_dir,
    skill_items,
    write_index,
)

__all__ = [
    "CACHE_FORMAT",
    "DATA_FILES",
    "INDEX_FORMAT",
    "MAX_BYTES",
    "answer",
    "cache_dir",
    "data_key",
    "help_line",
    "index_path",
    "main",
    "read_index",
    "role_items",
    "shipped_data_dir",
    "skill_items",
    "write_index",
]

COMPLETE_VAR = "_MLCAREER_COMPLETE"

# The command line as Typer builds it (a test derives this from the Click tree and compares):
# per command, its arguments in order (what completes each: "role", "skill" or None), its
# options that take a value (with what completes them) and its flags.
_COMMON_VALUES: dict[str, str | None] = {"--format": None, "-f": None, "--output": None, "-o": None}
_COMMON_FLAGS = frozenset(("--json", "--help", "-h"))
GRAMMAR: dict[str, tuple[tuple[str | None, ...], dict[str, str | None], frozenset[str]]] = {
    "role": ((_ROLE,), {"--section": None, "-s": None, **_COMMON_VALUES}, _COMMON_FLAGS | {"--full"}),
    "compare": ((_ROLE, _ROLE), dict(_COMMON_VALUES), _COMMON_FLAGS),
    "skill": ((_SKILL,), dict(_COMMON_VALUES), _COMMON_FLAGS),
    "path": ((), {"--from": _ROLE, "--to": _ROLE, **_COMMON_VALUES}, _COMMON_FLAGS),
    "salary": (
        (),
        {"--level": None, "-l": None, "--role": _ROLE, "-r": _ROLE, "--region": None, "--currency": None}
        | {"--source": None, "-s": None}
        | _COMMON_VALUES,
        _COMMON_FLAGS,
    ),
    "quiz": (
        (),
        {"--role": _ROLE, "-r": _ROLE, "--answers": None, "-a": None, "--report": None} | _COMMON_VALUES,
        _COMMON_FLAGS | {"--quick", "--no-save", "--template", "--force", "--plan"},
    ),
    # plan is Typer's to complete: --done and --undo repeat
}
GROUP_VALUE_OPTIONS = ("--data-dir",)

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


def _target(args: list[str], incomplete: str) -> tuple[str | None, str] | None:
    """(what completes the word, the --data-dir given) when certain; else None."""
    if incomplete.startswith("-") or "--" in args:
        return None
    data_dir = ""
    i = 0
    while i < len(args) and args[i].startswith("-"):  # the group's options
        word = args[i]
        name, eq, value = word.partition("=")
        if name not in GROUP_VALUE_OPTIONS:
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
    if i >= len(args) or args[i] not in GRAMMAR:
        return None
    arguments, values, flags = GRAMMAR[args[i]]
    rest = args[i + 1 :]
    # As Click: a last word naming an option that takes a value means the value is completed.
    if rest and rest[-1] in values:
        return values[rest[-1]], data_dir
    given = 0
    j = 0
    while j < len(rest):
        word = rest[j]
        if word.startswith("-") and word != "-":
            name, eq, _ = word.partition("=")
            if eq and name.startswith("--") and name in values:
                pass
            elif word in values:
                j += 1  # its value, whatever it looks like
            elif word not in flags:
                return None
        elif word == "-":
            return None
        else:
            given += 1
        j += 1
    if given >= len(arguments):
        return None
    return arguments[given], data_dir


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
        args, incomplete = _request(shell, environ)
        if "=" in incomplete:
            return None
        target = _target(args, incomplete)
        if target is None or target[0] is None:
            return None
        kind, data_dir = target[0], target[1]
        directory = data_dir or environ.get("MLCAREER_DATA_DIR") or shipped_data_dir()
        index = read_index(directory)
        if index is None:
            return None
        items = [(value, text) for value, text in index[kind] if value.startswith(incomplete)]
        if shell == "bash":
            return "\n".join(value for value, _ in items) + "\n", 0
        width = _width(environ) if any(text for _, text in items) else 0
        if shell == "zsh":
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
        if fish_action == "is-args":
            return "", 0 if items else 1
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
    except Exception:  # anything unexpected: Typer answers
        return None


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
