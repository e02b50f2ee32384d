"""Read a file of quiz answers (YAML or JSON: question id -> 0-4) and check it against the quiz."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlcareer.errors import MAX_PROBLEMS, DataError, MlcareerError, Problem, UsageError
from mlcareer.text import clean_line

if TYPE_CHECKING:
    from mlcareer.models import Question

#: More missing answers than this are reported as one problem, not one each.
_LIST_MISSING = 5
#: An answers file holds a few dozen answers; a larger one is refused unread.
MAX_BYTES = 1024 * 1024

#: The line of a top-level key in an answers file, or None.
Lines = Callable[[str], int | None]


def read_answers(path: Path, asked: list[Question], every: list[Question]) -> dict[str, int]:
    """The answers in ``path`` to the questions ``asked`` (all of them, or the quick form).

    Raise DataError naming the file, line and question of every problem: an unknown
    question id, an answer that is not a whole number 0-4, a question asked but left
    unanswered. Valid answers to questions not asked (the file answers the full quiz,
    the quick form is asked) are left out of the result.
    """
    return read_named_answers(path, asked, every)[1]


#: The header key an answers file may name its person by (`mlcareer team`, plan handouts);
#: every command that reads answers accepts it. Left empty (as the template writes it), no name.
NAME_KEY = "name"
#: ``--answers -``: the answers come from standard input.
STDIN = "-"
_STDIN_SHOWN = "<stdin>"


def is_stdin(path: Path) -> bool:
    """Whether ``path`` is ``-``, standard input."""
    return str(path) == STDIN


def read_named_answers(
    path: Path, asked: list[Question], every: list[Question]
) -> tuple[str | None, dict[str, int]]:
    """As :func:`read_answers`, and the person's ``name:`` when the file gives one."""
    data, lines, shown = _read(path)
    name = None
    if isinstance(data, dict) and NAME_KEY in data:
        data = dict(data)
        value = data.pop(NAME_KEY)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise DataError(
                [Problem(shown, lines(NAME_KEY), NAME_KEY, f"a name is text, found {_shown(value)}")], shown
            )
        # one line: a newline in a name cannot add a row
        name = clean_line(value.strip()) if value is not None else None
    return name, check_answers(data, lines, shown, asked, every)


def _read(path: Path) -> tuple[Any, Lines, str]:
    """The parsed file, the line of each top-level key, and the file's name as shown."""
    from mlcareer.files import NotRegularFile, PathError, read_regular, why
    from mlcareer.pack.catalog import display_name

    if is_stdin(path):
        raw = _stdin(MAX_BYTES + 1)
        data, lines = _parse(raw, _STDIN_SHOWN, _is_json(path, raw))
        return data, lines, _STDIN_SHOWN
    shown = display_name(path)
    try:
        raw = read_regular(path, MAX_BYTES + 1)
    except NotRegularFile as exc:
        raise PathError(shown, "read", f"it {exc.strerror}") from None
    except OSError as exc:
        raise PathError(shown, "read", why(exc, path)) from None
    data, lines = _parse(raw, shown, _is_json(path, raw))
    return data, lines, shown


#: Standard input once read, with the stream it came from: a second reading (a hint that
#: reads the file again) would find it empty.
_read_stdin: list[tuple[object, bytes]] = []


def _stdin(limit: int) -> bytes:
    """Standard input's bytes (at most ``limit``); a terminal is refused rather than waited on."""
    import sys

    stream = sys.stdin
    if _read_stdin and _read_stdin[0][0] is stream:
        return _read_stdin[0][1]
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):  # a closed or missing stdin
        terminal = False
    if terminal:
        raise UsageError(
            "--answers - reads the answers from standard input, and it is a terminal here; "
            "pipe a file in (`cat answers.yaml | mlcareer quiz --answers -`) or give --answers FILE"
        )
    try:
        buffer = getattr(stream, "buffer", None)
        raw = buffer.read(limit) if buffer is not None else stream.read(limit).encode("utf-8")
    except (OSError, ValueError) as exc:
        raise MlcareerError(f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}") from None
    _read_stdin[:] = [(stream, raw or b"")]
    return _read_stdin[0][1]


def _is_json(path: Path, raw: bytes) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return False
    return suffix == ".json" or raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"["))


def _parse(raw: bytes, shown: str, as_json: bool) -> tuple[Any, Lines]:
    """The file's data, and a function giving the line of a top-level key."""
    if len(raw) > MAX_BYTES:
        message = "file is larger than 1 MB; an answers file holds a few dozen answers"
        raise DataError([Problem(shown, None, "", message)], shown)
    if not as_json:
        from mlcareer.pack.yamlfile import YamlProblem, parse

        try:
            doc = parse(raw)
        except YamlProblem as exc:
            raise DataError([exc.problem(shown)], shown) from None
        return doc.data, lambda key: doc.lines.get((key,))
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_int=_small_int, parse_constant=_bad)
    except UnicodeDecodeError:
        raise DataError([Problem(shown, None, "", "not valid UTF-8 text")], shown) from None
    except json.JSONDecodeError as exc:
        raise DataError([Problem(shown, exc.lineno, "", f"invalid JSON: {exc.msg}")], shown) from None
    except _Duplicate as exc:
        line = _KeyLines(text)(exc.key)
        raise DataError([Problem(shown, line, exc.key, "duplicate key")], shown) from None
    except _Unreadable as exc:
        raise DataError([Problem(shown, None, "", str(exc))], shown) from None
    except RecursionError:
        raise DataError([Problem(shown, None, "", "invalid JSON: nested too deeply")], shown) from None
    return data, _KeyLines(text)


class _Unreadable(ValueError):
    """A JSON value no answer can be: a huge number, NaN, Infinity."""


def _small_int(text: str) -> int:
    if len(text.lstrip("-")) > 20:
        raise _Unreadable(f"a number of {len(text)} digits; an answer is 0-4")
    return int(text)


def _bad(text: str) -> Any:
    raise _Unreadable(f"{text} is not a number JSON allows; an answer is 0-4")


class _KeyLines:
    """The line of each key in a JSON text, found in one pass the first time one is asked for."""

    _KEY = re.compile(r'"((?:[^"\\\n]|\\.)*)"\s*:')

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[str, int] | None = None

    def __call__(self, key: str) -> int | None:
        if self.lines is None:
            self.lines = {}
            line, last = 1, 0
            for found in self._KEY.finditer(self.text):
                line += self.text.count("\n", last, found.start())
                last = found.start()
                raw = found.group(1)
                try:
                    name = json.loads(f'"{raw}"') if "\\" in raw else raw
                except ValueError:
                    continue
                self.lines.setdefault(name, line)
        return self.lines.get(key)


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


def check_answers(
    data: Any, lines: Lines, shown: str, asked: list[Question], every: list[Question]
) -> dict[str, int]:
    """Validate parsed answers; see :func:`read_answers`."""
    from mlcareer.pack.yamlfile import short

    if not isinstance(data, dict) or not data:
        found = "nothing" if not data else ("a list" if isinstance(data, list) else short(data))
        message = f"expected a mapping of question id to answer (0-4), found {found}"
        raise DataError([Problem(shown, 1 if data else None, "", message)], shown)
    known = {q.id for q in every}
    wanted = {q.id for q in asked}
    problems: list[Problem] = []
    answers: dict[str, int] = {}
    unlisted = 0
    for key, value in data.items():
        if key in known and _valid(value):
            if key in wanted:  # else: a valid answer to a question not asked (the quick form)
                answers[key] = value
        elif len(problems) >= MAX_PROBLEMS:  # listed: the first ones; the rest only counted
            unlisted += 1
        else:
            problems.append(_answer_problem(key, value, lines(key), known, shown))
    if unlisted:
        problems.append(Problem.unlisted(unlisted))
    problems += _missing(asked, data, shown)
    if problems:
        raise DataError(problems, shown)
    return answers


def _answer_problem(key: str, value: Any, line: int | None, known: set[str], shown: str) -> Problem:
    """What is wrong with one answer: an unknown question, no answer, or not a grade 0-4."""
    if key not in known:
        close = difflib.get_close_matches(key, sorted(known), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return Problem(shown, line, key, f"unknown question id{hint}")
    if value is None:
        return Problem(shown, line, key, "no answer given; answer 0-4")
    return Problem(shown, line, key, f"answer must be a whole number 0-4, found {_shown(value)}")


def _missing(asked: list[Question], data: dict[str, Any], shown: str) -> list[Problem]:
    """The questions asked that have no answer: each named, or a count past a few."""
    missing = [q.id for q in asked if q.id not in data]
    if 0 < len(missing) <= _LIST_MISSING:
        return [Problem(shown, None, q, "no answer (the question is missing)") for q in missing]
    if not missing:
        return []
    names = ", ".join(missing[:_LIST_MISSING])
    message = (
        f"no answers to {len(missing)} questions: {names}, ... "
        "(`mlcareer quiz --template` writes a file with every question)"
    )
    return [Problem(shown, None, "", message)]


def _valid(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 4


def _shown(value: Any) -> str:
    from mlcareer.pack.yamlfile import short

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        text = repr(value)
        return text if len(text) <= 20 else f"a number of {len(text)} characters"
    if isinstance(value, list | dict):
        return "a list" if isinstance(value, list) else "a mapping"
    return short(value)
