"""The SQLite store of finished quizzes, and the trend and diff computed from it.

The database lives in the user's data directory: ``$MLCAREER_HOME``, else
``$XDG_DATA_HOME/mlcareer``, else ``~/.local/share/mlcareer``. Its schema version is
``PRAGMA user_version``. Each save is one ``BEGIN IMMEDIATE`` transaction with a busy
timeout, so saves from two processes at once both land.

A database that cannot be read (not SQLite, a newer schema, no permission) is reported
and left alone: an existing file is only ever opened, never created, truncated,
recreated or deleted; the only writes are an insert on save and a delete of the rows
on ``--clear``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlcareer.errors import MlcareerError

if TYPE_CHECKING:
    from mlcareer.quiz import QuizResult

ENV_HOME = "MLCAREER_HOME"
FILE_NAME = "history.sqlite3"
SCHEMA_VERSION = 1
BUSY_SECONDS = 10.0

_SCHEMA = """
CREATE TABLE results (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL,
    role TEXT NOT NULL,
    role_title TEXT NOT NULL,
    readiness INTEGER,
    level TEXT,
    quick INTEGER NOT NULL,
    skills TEXT NOT NULL,
    answers TEXT NOT NULL
)
"""


class HistoryError(MlcareerError):
    """The history database cannot be read or written; it was left as it was."""


def data_home() -> Path:
    """The directory mlcareer keeps its data in."""
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "share"
    return base / "mlcareer"


def database_path() -> Path:
    return data_home() / FILE_NAME


@dataclass(frozen=True)
class SkillSnapshot:
    """One skill in a saved result: your answer and what the target role expected."""

    skill: str
    name: str
    you: int | None
    expected: int | None


@dataclass(frozen=True)
class Entry:
    """One saved quiz result (``id`` 0 until saved)."""

    id: int
    taken_at: str  # ISO 8601, UTC
    role: str
    role_title: str
    readiness: int | None
    level: str | None
    quick: bool
    skills: list[SkillSnapshot]
    answers: dict[str, int]


def entry_from(result: QuizResult, when: datetime | None = None) -> Entry:
    """What is kept of a result: the scores, and every skill answered or expected."""
    when = (when or datetime.now(UTC)).astimezone(UTC)
    listed = {row.skill.id for row in result.skills}
    skills = [SkillSnapshot(r.skill.id, r.skill.name, r.you, r.expected) for r in result.skills]
    # and the skills answered that the role does not list, so a diff sees every answer
    skills += [SkillSnapshot(s.id, s.name, you, None) for s, you in result.answered if s.id not in listed]
    return Entry(
        id=0,
        taken_at=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        role=result.role.id,
        role_title=result.role.title,
        readiness=result.readiness,
        level=result.level.level.value if result.level.level else None,
        quick=result.quick,
        skills=skills,
        answers=dict(result.answers),
    )


class Store:
    """The history database at ``path``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else database_path()

    # -- opening ---------------------------------------------------------------

    def _problem(self, what: str) -> HistoryError:
        return HistoryError(f"history database {self.path}: {what}; it was left unchanged")

    @contextmanager
    def _open(self, write: bool) -> Iterator[sqlite3.Connection | None]:
        """A connection, or None when there is no database yet and ``write`` is False."""
        exists = self.path.exists() or self.path.is_symlink()
        if not exists and not write:
            yield None
            return
        if exists:
            if self.path.is_dir():
                raise self._problem("is a directory")
            access = os.R_OK | (os.W_OK if write else 0)
            if not os.access(self.path, access):
                raise self._problem("permission denied")
            mode = "rw" if write else "ro"
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise HistoryError(f"cannot create {self.path.parent}: {exc.strerror or exc}") from None
            mode = "rwc"
        uri = f"{self.path.absolute().as_uri()}?mode={mode}"
        try:
            con = sqlite3.connect(uri, uri=True, timeout=BUSY_SECONDS, isolation_level=None)
        except sqlite3.Error as exc:
            raise self._problem(_reason(exc)) from None
        try:
            yield con
        except sqlite3.Error as exc:
            raise self._problem(_reason(exc)) from None
        finally:
            con.close()

    def _version(self, con: sqlite3.Connection) -> int:
        """The schema version; 0 for a new, empty database. Raise for anything else."""
        version = int(con.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise self._problem(
                f"was written by a newer mlcareer (schema {version}; this version reads up to "
                f"{SCHEMA_VERSION}); upgrade mlcareer, or set {ENV_HOME} to use another directory"
            )
        if version == 0 and con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise self._problem("is not an mlcareer history database")
        return version

    # -- operations -------------------------------------------------------------

    def check(self) -> None:
        """Raise HistoryError unless the database is usable, or missing and can be created."""
        if not (self.path.exists() or self.path.is_symlink()):
            existing = next(p for p in self.path.parents if p.exists())
            if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
                raise HistoryError(f"cannot create {self.path}: {existing} is not a writable directory")
            return
        with self._open(write=False) as con:
            if con is not None:
                if self._version(con):
                    con.execute("SELECT count(*) FROM results").fetchone()
                if not os.access(self.path, os.W_OK):
                    raise self._problem("is read-only")

    def save(self, entry: Entry) -> int:
        """Add one result in one transaction; return its id."""
        with self._open(write=True) as con:
            assert con is not None
            con.execute("BEGIN IMMEDIATE")
            try:
                if self._version(con) == 0:
                    con.execute(_SCHEMA)
                    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                cursor = con.execute(
                    "INSERT INTO results (taken_at, role, role_title, readiness, level, quick,"
                    " skills, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        entry.taken_at,
                        entry.role,
                        entry.role_title,
                        entry.readiness,
                        entry.level,
                        int(entry.quick),
                        json.dumps([s.__dict__ for s in entry.skills]),
                        json.dumps(entry.answers, sort_keys=True),
                    ),
                )
                con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise
            return int(cursor.lastrowid or 0)

    def load(self) -> list[Entry]:
        """Every saved result, newest first."""
        with self._open(write=False) as con:
            if con is None or self._version(con) == 0:
                return []
            rows = con.execute(
                "SELECT id, taken_at, role, role_title, readiness, level, quick, skills, answers"
                " FROM results ORDER BY id DESC"
            ).fetchall()
        try:
            return [_entry(row) for row in rows]
        except (ValueError, TypeError, KeyError) as exc:
            raise self._problem(f"holds a result mlcareer cannot read ({exc})") from None

    def clear(self) -> int:
        """Delete every saved result (the file stays); return how many."""
        if not self.path.exists():
            return 0
        with self._open(write=True) as con:
            assert con is not None
            con.execute("BEGIN IMMEDIATE")
            try:
                if self._version(con) == 0:
                    con.execute("ROLLBACK")
                    return 0
                count = int(con.execute("DELETE FROM results").rowcount)
                con.execute("COMMIT")
            except BaseException:
                if con.in_transaction:
                    con.execute("ROLLBACK")
                raise
            return count


def _reason(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "not a database" in text:
        return "is not a readable SQLite database (corrupt, or another kind of file)"
    if "readonly" in text or "read-only" in text:
        return "is read-only"
    if "unable to open" in text:
        return "cannot be opened (check the permissions of the file and its directory)"
    if "locked" in text or "busy" in text:
        return f"is busy (another mlcareer is using it): {text}"
    return text


def _entry(row: tuple[Any, ...]) -> Entry:
    skills = [SkillSnapshot(**item) for item in json.loads(row[7])]
    answers = {str(k): int(v) for k, v in json.loads(row[8]).items()}
    return Entry(
        id=int(row[0]),
        taken_at=str(row[1]),
        role=str(row[2]),
        role_title=str(row[3]),
        readiness=None if row[4] is None else int(row[4]),
        level=None if row[5] is None else str(row[5]),
        quick=bool(row[6]),
        skills=skills,
        answers=answers,
    )


# -- pure views of the history ----------------------------------------------------


@dataclass(frozen=True)
class Trend:
    """A result and its change in readiness since the previous result for the same role."""

    entry: Entry
    previous: Entry | None
    change: int | None  # None: first result for the role, or readiness has no data


def trends(entries: list[Entry]) -> list[Trend]:
    """Each entry (newest first) with its change against the previous one for the same role."""
    out: list[Trend] = []
    for i, entry in enumerate(entries):
        previous = next((e for e in entries[i + 1 :] if e.role == entry.role), None)
        change = None
        if previous is not None and entry.readiness is not None and previous.readiness is not None:
            change = entry.readiness - previous.readiness
        out.append(Trend(entry, previous, change))
    return out


@dataclass(frozen=True)
class SkillChange:
    """One skill between two results."""

    skill: str
    name: str
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Diff:
    """What changed between two results: scores and each skill answered in either."""

    before: Entry
    after: Entry
    skills: list[SkillChange]
    not_comparable: str | None = None  # why the two do not compare like for like

    @property
    def readiness_change(self) -> int | None:
        if self.before.readiness is None or self.after.readiness is None:
            return None
        return self.after.readiness - self.before.readiness


def diff_last(entries: list[Entry]) -> Diff:
    """The change between the two newest results; an error with fewer than two."""
    if len(entries) < 2:
        found = "there are none yet" if not entries else "there is only one"
        raise MlcareerError(f"--diff compares the last two saved results, and {found}")
    return diff_entries(entries[1], entries[0])


# -- choosing results: `history show N`, `history --diff [A B]` ----------------------------


def find_entry(entries: list[Entry], result_id: int) -> Entry:
    """The saved result numbered ``result_id``; an error naming the numbers there are."""
    for entry in entries:
        if entry.id == result_id:
            return entry
    if not entries:
        raise MlcareerError(
            f"no saved result #{result_id}: there are none yet; take the quiz with `mlcareer quiz`"
        )
    ids = sorted(e.id for e in entries)
    shown = f"#{ids[0]}" if len(ids) == 1 else f"#{ids[0]} to #{ids[-1]}"
    raise MlcareerError(
        f"no saved result #{result_id}; the saved results are {shown} (see `mlcareer history`)"
    )


def same_questions(a: Entry, b: Entry) -> bool:
    """Whether two results answered the same question set for the same role, so a diff means something."""
    return a.role == b.role and a.quick == b.quick


def not_comparable(before: Entry, after: Entry) -> str | None:
    """Why two results do not compare like for like, or None when they do."""
    reasons = []
    if before.role != after.role:
        reasons.append(f"they measure different roles ({before.role}, {after.role})")
    if before.quick != after.quick:
        reasons.append("one answered the quick form and the other the full quiz")
    if not reasons:
        return None
    return f"#{before.id} and #{after.id} are not comparable: " + " and ".join(reasons)


def diff_entries(before: Entry, after: Entry) -> Diff:
    """The change from ``before`` to ``after``, each skill answered in either."""
    old = {s.skill: s for s in before.skills}
    new = {s.skill: s for s in after.skills}
    changes = [
        SkillChange(s.skill, s.name, old[s.skill].you if s.skill in old else None, s.you)
        for s in after.skills
    ]
    changes += [SkillChange(s.skill, s.name, s.you, None) for s in before.skills if s.skill not in new]
    kept = [c for c in changes if c.before is not None or c.after is not None]
    return Diff(before, after, kept, not_comparable(before, after))


def diff_chosen(entries: list[Entry], first: int | None = None, second: int | None = None) -> Diff:
    """Two chosen results (older first), or by default the last two for the same role and questions."""
    if first is not None and second is not None:
        a, b = find_entry(entries, first), find_entry(entries, second)
        if a.id == b.id:
            raise MlcareerError(f"--diff needs two different results; #{a.id} was given twice")
        before, after = (a, b) if a.id < b.id else (b, a)
        return diff_entries(before, after)
    if len(entries) < 2:
        found = "there are none yet" if not entries else "there is only one"
        raise MlcareerError(f"--diff compares two saved results, and {found}")
    for i, newer in enumerate(entries):  # newest first
        older = next((e for e in entries[i + 1 :] if same_questions(e, newer)), None)
        if older is not None:
            return diff_entries(older, newer)
    raise MlcareerError(
        "no two saved results measure the same role with the same questions; "
        "choose two with `mlcareer history --diff A B` (see `mlcareer history` for the numbers)"
    )
