"""One error hierarchy; cli.py turns each into a message on stderr and an exit code."""

from __future__ import annotations

from enum import IntEnum

from mlcareer.named import NamedTuple


class ExitCode(IntEnum):
    """The exit codes every command uses."""

    OK = 0
    ERROR = 1
    USAGE = 2
    CANCELLED = 130


class MlcareerError(Exception):
    """A problem the user can act on; never a bug."""

    exit_code: ExitCode = ExitCode.ERROR


#: At most this many problems are listed; the rest are counted.
MAX_PROBLEMS = 100


class Problem(NamedTuple):
    """One problem in a data file: where it is and what is wrong.

    ``more`` > 0 marks an entry that stands for that many further problems, not listed.
    """

    file: str
    line: int | None
    field: str
    message: str
    more: int = 0

    def __str__(self) -> str:
        if self.more:
            return self.message
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    @classmethod
    def unlisted(cls, count: int) -> Problem:
        return cls("", None, "", f"... and {count:,} more problems, not listed", more=count)


def capped(problems: list[Problem], limit: int = MAX_PROBLEMS) -> list[Problem]:
    """The first ``limit`` problems and, when there are more, one entry that counts the rest."""
    listed = [p for p in problems if not p.more]
    extra = sum(p.more for p in problems) + max(0, len(listed) - limit)
    return [*listed[:limit], Problem.unlisted(extra)] if extra else listed


def count(problems: list[Problem]) -> int:
    """How many problems a list stands for, counting the unlisted ones."""
    return sum(p.more or 1 for p in problems)


class DataError(MlcareerError):
    """A data directory that cannot be used; carries every problem found (the first 100 listed)."""

    def __init__(self, problems: list[Problem], where: str = "the data") -> None:
        self.total = count(problems)
        self.problems = capped(problems)
        self.where = where
        super().__init__("\n".join(str(p) for p in self.problems))


MENTIONS_SHOWN = 6


class NotFoundError(MlcareerError):
    """A name that matches nothing in the data, with the closest ones."""

    def __init__(
        self,
        kind: str,
        name: str,
        suggestions: list[str],
        known: list[str],
        mentions: list[str] | None = None,
    ) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggestions
        self.known = known
        self.mentions = mentions or []
        message = f"unknown {kind} {name!r}"
        if suggestions:
            message += f"; did you mean {suggestions[0]}?"
            if len(suggestions) > 1:
                message += f" (also close: {', '.join(suggestions[1:])})"
        elif self.mentions:
            shown = self.mentions[:MENTIONS_SHOWN]
            more = len(self.mentions) - len(shown)
            message = f"no {kind} {name!r}; {kind}s that mention it: {', '.join(shown)}"
            message += f" and {more} more" if more > 0 else ""
        else:
            message += f"; try `mlcareer {kind}s` to list them"
        super().__init__(message)


class UsageError(MlcareerError):
    """Options that do not fit together, or a bad value the parser could not see."""

    exit_code = ExitCode.USAGE


class OutputError(MlcareerError):
    """Standard output cannot be written: closed, a full disk, a broken pipe."""

    def __init__(self, message: str, quiet: bool = False) -> None:
        self.quiet = quiet  # a reader that went away (EPIPE) needs no message
        super().__init__(message)

    @classmethod
    def from_os(cls, exc: OSError) -> OutputError:
        import errno

        return cls(f"cannot write to standard output: {exc.strerror or exc}", exc.errno == errno.EPIPE)


class NoRouteError(MlcareerError):
    """Two roles the ladder does not connect in that direction."""


class Failed(MlcareerError):
    """The run has already said on stderr what went wrong (each file it could not read, say):
    it ends with exit 1 and no further message."""

    def __init__(self) -> None:
        super().__init__("")


class Cancelled(Failed):
    """The person cancelled (the quiz said so as it stopped): exit 130, no further message."""

    exit_code = ExitCode.CANCELLED
