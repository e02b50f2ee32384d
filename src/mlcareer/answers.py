"""Read a file of quiz answers (YAML or JSON: question id -> 0-4) and check it against the quiz."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

from mlcareer.errors import DataError, MlcareerError, Problem
from mlcareer.models import Question
from mlcareer.text import clean

#: More missing answers than this are reported as one problem, not one each.
_LIST_MISSING = 5


def read_answers(path: Path, asked: list[Question], every: list[Question]) -> dict[str, int]:
    """The answers in ``path`` to the questions ``asked`` (all of them, or the quick form).

    Raise DataError naming the file, line and question of every problem: an unknown
    question id, an answer that is not a whole number 0-4, a question asked but left
    unanswered. Valid answers to questions not asked (the file answers the full quiz,
    the quick form is asked) are left out of the result.
    """
    data, lines, shown = _read(path)
    return check_answers(data, lines, shown, asked, every)


#: The key a file of a group (`mlcareer team`) may name its person by.
NAME_KEY = "name"


def read_named_answers(
    path: Path, asked: list[Question], every: list[Question]
) -> tuple[str | None, dict[str, int]]:
    """As :func:`read_answers`, for a file that may also give its person's ``name:``."""
    data, lines, shown = _read(path)
    name = None
    if isinstance(data, dict) and NAME_KEY in data:
        data = dict(data)
        value = data.pop(NAME_KEY)
        if not isinstance(value, str) or not value.strip():
            found = _shown(value) if value is not None else "nothing"
            raise DataError(
                [Problem(shown, lines.get(NAME_KEY), NAME_KEY, f"a name is text, found {found}")], shown
            )
        name = clean(value.strip())
    return name, check_answers(data, lines, shown, asked, every)


def _read(path: Path) -> tuple[Any, dict[str, int], str]:
    """The parsed file, the line of each top-level key, and the file's name as shown."""
    from mlcareer.catalog import MAX_BYTES, display_name

    shown = display_name(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise MlcareerError(f"cannot read {shown}: {exc.strerror or exc}") from None
    data, lines = _parse(raw, shown, _is_json(path, raw))
    return data, lines, shown


def _is_json(path: Path, raw: bytes) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return False
    return suffix == ".json" or raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"["))


def _parse(raw: bytes, shown: str, as_json: bool) -> tuple[Any, dict[str, int]]:
    """The file's data, and the line of each top-level key."""
    if not as_json:
        from mlcareer.yamlfile import YamlProblem, parse

        try:
            doc = parse(raw)
        except YamlProblem as exc:
            raise DataError([exc.problem(shown)], shown) from None
        tops = {key[0]: line for key, line in doc.lines.items() if len(key) == 1 and isinstance(key[0], str)}
        return doc.data, tops
    try:
        text = raw.decode("utf-8-sig")
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except UnicodeDecodeError:
        raise DataError([Problem(shown, None, "", "not valid UTF-8 text")], shown) from None
    except json.JSONDecodeError as exc:
        raise DataError([Problem(shown, exc.lineno, "", f"invalid JSON: {exc.msg}")], shown) from None
    except _Duplicate as exc:
        raise DataError([Problem(shown, _line_of(text, exc.key), exc.key, "duplicate key")], shown) from None
    lines: dict[str, int] = {}
    if isinstance(data, dict):
        for key in data:
            line = _line_of(text, key)
            if line is not None:
                lines[key] = line
    return data, lines


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


def _line_of(text: str, key: str) -> int | None:
    found = re.search(re.escape(json.dumps(key)) + r"\s*:", text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def check_answers(
    data: Any, lines: dict[str, int], shown: str, asked: list[Question], every: list[Question]
) -> dict[str, int]:
    """Validate parsed answers; see :func:`read_answers`."""
    from mlcareer.yamlfile import short

    if not isinstance(data, dict) or not data:
        found = "nothing" if not data else ("a list" if isinstance(data, list) else short(data))
        message = f"expected a mapping of question id to answer (0-4), found {found}"
        raise DataError([Problem(shown, 1 if data else None, "", message)], shown)
    known = {q.id for q in every}
    wanted = {q.id for q in asked}
    problems: list[Problem] = []
    answers: dict[str, int] = {}
    for key, value in data.items():
        line = lines.get(key)
        if key not in known:
            close = difflib.get_close_matches(key, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(Problem(shown, line, key, f"unknown question id{hint}"))
        elif value is None:
            problems.append(Problem(shown, line, key, "no answer given; answer 0-4"))
        elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
            message = f"answer must be a whole number 0-4, found {_shown(value)}"
            problems.append(Problem(shown, line, key, message))
        elif key in wanted:
            answers[key] = value
    missing = [q.id for q in asked if q.id not in data]
    if 0 < len(missing) <= _LIST_MISSING:
        problems.extend(Problem(shown, None, q, "no answer (the question is missing)") for q in missing)
    elif missing:
        names = ", ".join(missing[:_LIST_MISSING])
        message = (
            f"no answers to {len(missing)} questions: {names}, ... "
            "(`mlcareer quiz --template` writes a file with every question)"
        )
        problems.append(Problem(shown, None, "", message))
    if problems:
        raise DataError(problems, shown)
    return answers


def _shown(value: Any) -> str:
    from mlcareer.yamlfile import short

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | dict):
        return "a list" if isinstance(value, list) else "a mapping"
    return short(value)
