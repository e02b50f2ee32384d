"""Tab completion of role and skill ids without loading Typer, pydantic or Rich.

A Tab press runs the whole program. Through Typer it costs about 200 ms (Typer, its
parameter adapters and pydantic, the catalog); answered here, from a small index of ids
written beside the catalog cache, it costs little more than the interpreter's start-up.

The index is trusted only when it was made from exactly the data files in use: it holds the
cache key (a hash of every data file's bytes, see ``mlcareer.cache.key``), and the key is
computed again from the files on every Tab press. Anything this module does not know for
certain (another shell, an option name, an enum value, a help text Rich would change, an
index missing or stale) returns None, and Typer answers as before. Tests compare every
answer given here with Typer's own, in bash, zsh and fish.

Only the standard library's light modules are imported here: this runs before anything else.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import string
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from mlcareer.models import Catalog

COMPLETE_VAR = "_MLCAREER_COMPLETE"
INDEX_FORMAT = 1

# Mirrors mlcareer.catalog.FILES and mlcareer.cache.key (tests hold them equal).
DATA_FILES = (
    "sources.yaml",
    "levels.yaml",
    "skills.yaml",
    "credentials.yaml",
    "roles.yaml",
    "salaries.yaml",
    "quiz.yaml",
    "expectations.yaml",
    "plan.yaml",
    "occupations.yaml",
)
MAX_BYTES = 16 * 1024 * 1024
CACHE_FORMAT = 4

# The command line as Typer builds it (a test derives this from the Click tree and compares):
# per command, its arguments in order (what completes each: "role", "skill" or None), its
# options that take a value (with what completes them) and its flags.
_ROLE, _SKILL = "role", "skill"
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
    "plan": (
        (),
        {"--role": _ROLE, "-r": _ROLE, "--answers": None, "-a": None, "--done": None, "--undo": None}
        | _COMMON_VALUES,
        _COMMON_FLAGS | {"--quick"},
    ),
}
GROUP_VALUE_OPTIONS = ("--data-dir",)

# Help texts made only of these characters pass through Typer's Rich rendering unchanged
# (no markup, no emoji codes, no escapes added by the zsh quoting, one cell each).
_PLAIN = frozenset(string.ascii_letters + string.digits + " !\"#%&'()*+,-./;<=>?@^_{|}~")


# ---------------------------------------------------------------- the index, written by full runs


def help_line(text: str) -> str:
    """A title made safe for a completion menu: one line, printable, no Rich markup."""
    from mlcareer.console import escape_markup

    line = " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())
    return escape_markup(line[:80])


def role_items(catalog: Catalog) -> list[tuple[str, str]]:
    """Every role id with its title, as the completion menu shows them."""
    return [(r.id, help_line(r.title)) for r in catalog.roles]


def skill_items(catalog: Catalog) -> list[tuple[str, str]]:
    """Every skill id with its name, as the completion menu shows them."""
    return [(s.id, help_line(s.name)) for s in catalog.skills]


def write_index(directory: Path, key: str, catalog: Catalog) -> None:
    """Store the ids beside the catalog cache; any failure only costs speed."""
    import tempfile

    body = json.dumps({_ROLE: role_items(catalog), _SKILL: skill_items(catalog)}).encode()
    head = json.dumps({"format": INDEX_FORMAT, "key": key, "body": hashlib.sha256(body).hexdigest()})
    target = index_path(str(directory))
    if target is None:
        return
    tmp: str | None = None
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".ids-", suffix=".tmp", dir=os.path.dirname(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(head.encode() + b"\n" + body)
        os.replace(tmp, target)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


# ---------------------------------------------------------------- reading it back, before Typer loads


def cache_dir() -> str | None:
    """As mlcareer.cache.cache_dir(): a relative XDG_CACHE_HOME is ignored; no home, no cache."""
    explicit = os.environ.get("MLCAREER_CACHE_DIR")
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "mlcareer")
    home = os.path.expanduser("~")  # "~" itself when there is no home: never a relative path
    return os.path.join(home, ".cache", "mlcareer") if os.path.isabs(home) else None


def index_path(directory: str) -> str | None:
    """The index file, named as the catalog cache entry for this directory is (None: no cache)."""
    where = cache_dir()
    if where is None:
        return None
    name = hashlib.sha256(os.fsencode(os.path.realpath(directory))).hexdigest()[:24]
    return os.path.join(where, f"catalog-{os.geteuid()}-{name}.ids")


def _read_regular(path: str, limit: int, own: bool = False) -> bytes | None:
    """A regular file's bytes (``own``: only this user's, not writable by others), never
    through a FIFO or a device, and never more than ``limit``; None otherwise."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (os.O_NOFOLLOW if own else 0))
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        if own and (st.st_uid != os.geteuid() or st.st_mode & 0o022 or st.st_nlink != 1):
            return None
        with open(fd, "rb", closefd=False) as fh:
            return fh.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)


def data_key(directory: str) -> str | None:
    """The cache key of a data directory (as mlcareer.cache.key of its files), or None."""
    from mlcareer import __version__

    if not os.path.isdir(directory):
        return None
    known = set(DATA_FILES)
    extras = sorted(
        name
        for name in os.listdir(directory)
        if os.path.splitext(name)[1] in (".yaml", ".yml") and name not in known
    )
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{sys.version_info[:2]}".encode())
    digest.update(os.fsencode("|".join(extras)))
    for name in sorted(DATA_FILES):
        path = os.path.join(directory, name)
        raw: bytes | None = None
        if os.path.lexists(path):
            raw = _read_regular(path, MAX_BYTES + 1)  # a FIFO would block a Tab press forever
            if raw is None:
                return None  # the caller falls back to Typer, which reports it
        digest.update(f"\0{name}\0{-1 if raw is None else len(raw)}\0".encode())
        digest.update(raw or b"")
    return digest.hexdigest()


def shipped_data_dir() -> str:
    """As mlcareer.catalog.shipped_data_dir()."""
    here = os.path.dirname(os.path.realpath(__file__))
    packaged = os.path.join(here, "data")
    if os.path.isdir(packaged):
        return packaged
    return os.path.join(os.path.dirname(os.path.dirname(here)), "data")


def read_index(directory: str) -> dict[str, list[tuple[str, str]]] | None:
    """The ids of this data directory, only if the index was made from exactly its files."""
    path = index_path(directory)
    raw = None if path is None else _read_regular(path, MAX_BYTES, own=True)
    if raw is None:
        return None
    head, _, body = raw.partition(b"\n")
    try:
        meta = json.loads(head)
    except ValueError:
        return None
    if meta.get("format") != INDEX_FORMAT or meta.get("body") != hashlib.sha256(body).hexdigest():
        return None
    if meta.get("key") != data_key(directory):
        return None
    data = json.loads(body)
    out: dict[str, list[tuple[str, str]]] = {}
    for kind in (_ROLE, _SKILL):
        items = data[kind]
        if not all(
            isinstance(i, list) and len(i) == 2 and isinstance(i[0], str) and isinstance(i[1], str)
            for i in items
        ):
            return None
        out[kind] = [(i[0], i[1]) for i in items]
    return out


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
