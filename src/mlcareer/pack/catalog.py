"""Find a data directory, read its files, validate them into a Catalog, check references."""

from __future__ import annotations

import difflib
import errno
import os
import stat
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlcareer import datafiles
from mlcareer.datafiles import FILES, MAX_BYTES, FileSpec
from mlcareer.errors import MAX_PROBLEMS, DataError, Problem, capped
from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from pydantic import ValidationError

    from mlcareer.models import Catalog
    from mlcareer.pack.yamlfile import Document

ENV_DATA_DIR = "MLCAREER_DATA_DIR"


def shipped_data_dir() -> Path:
    """The data that ships inside the package (or, in a source checkout, the repo's data/)."""
    return Path(datafiles.shipped_data_dir())


def resolve_data_dir(option: Path | None) -> Path:
    """--data-dir, else $MLCAREER_DATA_DIR, else the shipped data."""
    if option is not None:
        return option
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env)
    return shipped_data_dir()


def display_name(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when inside it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)
    return str(path) if rel.startswith("..") else rel


class RawDirectory(NamedTuple):
    """A data directory's files as bytes, before parsing: what the cache key is made of."""

    directory: Path
    extras: tuple[str, ...]  # YAML files that are not data files (a typo, usually)
    files: dict[str, bytes | OSError | None]  # None: the file is not there


def read_directory(directory: Path) -> RawDirectory | Problem:
    """Read every data file's bytes (each at most MAX_BYTES + 1), or say why the directory can't be.

    Only regular files are read: a FIFO, a device or a directory in a data file's place is
    reported without being opened (a FIFO would block forever).
    """
    from mlcareer.files import PathError, examine, list_directory, read_regular

    shown = display_name(directory)
    try:
        st = examine(directory)
    except PathError as exc:
        if exc.errno == errno.ENOENT and not os.path.islink(directory):
            return Problem(shown, None, "", "no such data directory")
        return Problem(shown, None, "", f"cannot use as a data directory: {exc.reason}")
    if not stat.S_ISDIR(st.st_mode):
        return Problem(shown, None, "", "a file, not a data directory")
    try:
        entries = list_directory(directory)
    except PathError as exc:
        return Problem(shown, None, "", f"cannot use as a data directory: {exc.reason}")
    extras = datafiles.extras([p.name for p in entries])
    files: dict[str, bytes | OSError | None] = {}
    for spec in FILES:
        path = directory / spec.name
        if not os.path.lexists(path):
            files[spec.name] = None
            continue
        try:
            files[spec.name] = read_regular(path, MAX_BYTES + 1)
        except OSError as exc:
            files[spec.name] = exc
    return RawDirectory(directory, extras, files)


class Loaded(NamedTuple):
    """A valid catalog, the cache key of the files it was made from, and whether it was built now."""

    catalog: Catalog
    key: str | None  # None: some file could not be read for the key
    built: bool  # validated in this run (not read from the cache)


@cache
def load(directory: Path) -> Loaded:
    """Load and validate a data directory; raise DataError listing every problem.

    A valid catalog is cached, keyed by a hash of every data file's bytes, so later runs skip
    parsing and checking; any change to any file changes the key.
    """
    from mlcareer.pack import cache as data_cache

    raw = read_directory(directory)
    if isinstance(raw, Problem):
        raise DataError([raw])
    key = data_cache.key(raw.extras, raw.files)
    if key is not None:
        cached = data_cache.get(directory, key)
        if cached is not None:
            return Loaded(cached, key, built=False)
    catalog, problems = _check(raw)
    if problems or catalog is None:
        raise DataError(problems)
    if key is not None:
        data_cache.put(directory, key, catalog)
    return Loaded(catalog, key, built=True)


def load_catalog(directory: Path) -> Catalog:
    """The valid catalog of a data directory (see ``load``)."""
    return load(directory).catalog


def check_directory(directory: Path) -> tuple[Catalog | None, list[Problem]]:
    """Read, validate and cross-check a data directory, collecting every problem."""
    raw = read_directory(directory)
    if isinstance(raw, Problem):
        return None, [raw]
    return _check(raw)


def _check(raw: RawDirectory) -> tuple[Catalog | None, list[Problem]]:
    directory = raw.directory
    problems: list[Problem] = []
    docs: dict[str, tuple[str, Document]] = {}  # catalog key -> (file shown, document)
    combined: dict[str, Any] = {}
    known = sorted(datafiles.NAMES)
    for name in raw.extras:
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"; did you mean {close[0]}?" if close else f"; known files: {', '.join(known)}"
        problems.append(Problem(display_name(directory / name), None, "", f"unknown data file{hint}"))
    for spec in FILES:
        shown_file = display_name(directory / spec.name)
        doc = _parse(raw.files[spec.name], shown_file, spec, problems)
        if doc is None:
            continue
        data = doc.data
        target = combined.setdefault(spec.section, {}) if spec.section else combined
        for key in spec.keys:
            if key in data:
                target[key] = data[key]
                docs[f"{spec.section}.{key}" if spec.section else key] = (shown_file, doc)
    if problems:
        # Some file could not be read: references cannot be checked, but every file that
        # could be read is still checked against the schema, so one pass reports it all.
        problems += _section_problems(combined, docs, directory)
        problems.sort(key=lambda p: (p.file, p.line or 0))
        return None, capped(_dedupe(problems))
    from mlcareer.pack.checks import check_references

    problems.extend(check_references(combined, _locator(docs)))
    catalog: Catalog | None = None
    from pydantic import ValidationError

    from mlcareer.interrupts import critical
    from mlcareer.models import Catalog

    try:
        with critical():
            catalog = Catalog.model_validate(combined)
    except ValidationError as exc:
        problems[:0] = _validation_problems(exc, docs, directory)
    problems.sort(key=lambda p: (p.file, p.line or 0))
    return (None if problems else catalog), capped(_dedupe(problems))


def _parse(
    raw: bytes | OSError | None, shown: str, spec: FileSpec, problems: list[Problem]
) -> Document | None:
    from mlcareer.pack.yamlfile import YamlProblem, parse, short

    if raw is None:
        if spec.required:
            problems.append(Problem(shown, None, "", "required data file is missing"))
        return None
    if isinstance(raw, OSError):
        problems.append(Problem(shown, None, "", f"cannot read: {raw.strerror or raw}"))
        return None
    if len(raw) > MAX_BYTES:
        problems.append(Problem(shown, None, "", f"file is larger than {MAX_BYTES // (1024 * 1024)} MB"))
        return None
    try:
        doc = parse(raw)
    except YamlProblem as exc:
        problems.append(exc.problem(shown))
        return None
    expected = ", ".join(spec.keys)
    if doc.data is None:
        problems.append(Problem(shown, None, "", f"file is empty; expected a mapping with {expected}"))
        return None
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else f"a single value {short(doc.data)}"
        problems.append(Problem(shown, 1, "", f"expected a mapping with {expected}, found {kind}"))
        return None
    unknown = [key for key in doc.data if key not in spec.keys]
    for key in unknown[:MAX_PROBLEMS]:
        close = difflib.get_close_matches(key, spec.keys, n=1)
        hint = f"did you mean {close[0]!r}?" if close else f"expected {expected}"
        problems.append(Problem(shown, doc.lines.get((key,)), key, f"unknown key; {hint}"))
    if len(unknown) > MAX_PROBLEMS:
        problems.append(Problem.unlisted(len(unknown) - MAX_PROBLEMS))
    return None if unknown else doc


def _locator(docs: dict[str, tuple[str, Document]]) -> Any:
    """A function from a Catalog path to (file, line, field path within that file)."""
    from mlcareer.pack.yamlfile import format_path

    def locate(path: tuple[str | int, ...]) -> tuple[str, int | None, str]:
        for width in (2, 1):
            head = ".".join(str(p) for p in path[:width])
            if head in docs and all(isinstance(p, str) for p in path[:width]):
                shown, doc = docs[head]
                inner = path[width - 1 :]
                return shown, doc.line_of(inner), format_path(inner)
        return "", None, format_path(path)

    return locate


_MESSAGES = {
    "missing": "required field is missing",
    "string_type": "must be text (put it in quotes if YAML read it as a number or true/false)",
    "int_type": "must be a whole number",
    "bool_type": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be a mapping of fields",
    "dict_type": "must be a mapping of fields",
}


def _section_problems(
    combined: dict[str, Any], docs: dict[str, tuple[str, Document]], directory: Path
) -> list[Problem]:
    """Schema problems of each section on its own (when the whole catalog can't be built)."""
    from pydantic import TypeAdapter, ValidationError

    from mlcareer.interrupts import critical
    from mlcareer.models import Catalog

    out: list[Problem] = []
    for key, value in combined.items():
        field = Catalog.model_fields.get(key)
        if field is None or field.annotation is None:
            continue
        try:
            with critical():
                TypeAdapter(field.annotation).validate_python(value)
        except ValidationError as exc:
            out += _validation_problems(exc, docs, directory, base=(key,))
    return out


def _validation_problems(
    exc: ValidationError,
    docs: dict[str, tuple[str, Document]],
    directory: Path,
    base: tuple[str | int, ...] = (),
) -> list[Problem]:
    from mlcareer.models import fields_at

    locate = _locator(docs)
    out: list[Problem] = []
    errors = exc.errors(include_url=False, include_input=False, include_context=False)
    if len(errors) > MAX_PROBLEMS:
        out.append(Problem.unlisted(len(errors) - MAX_PROBLEMS))
    for err in errors[:MAX_PROBLEMS]:
        loc = (*base, *err["loc"])
        kind = err["type"]
        if kind == "extra_forbidden":
            name = str(loc[-1])
            close = difflib.get_close_matches(name, sorted(fields_at(loc)), n=1)
            message = "unknown field" + (f"; did you mean {close[0]!r}?" if close else "")
        elif kind == "missing" and len(loc) == 1:
            spec = next((s for s in FILES if loc[0] in s.keys), None)
            name = spec.name if spec else str(loc[0])
            out.append(Problem(display_name(directory / name), None, str(loc[0]), "required"))
            continue
        else:
            message = _MESSAGES.get(kind) or err["msg"]
            for prefix, replacement in (
                ("Value error, ", ""),
                ("Input should be ", "must be "),
                ("String should match pattern ", "must match the pattern "),
            ):
                if message.startswith(prefix):
                    message = replacement + message[len(prefix) :]
        file, line, field = locate(loc)
        out.append(Problem(file or display_name(directory), line, field, message[:300]))
    return out


def _dedupe(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    out = []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out
