"""What a command shows, where that is more than one domain result: the result, with what its
views need beside it (the part of a role asked for, the number of roles, a route's pay...).

Each is a result type of ``mlcareer.outputs``, the table that names its page and JSON builders.
A command whose domain function returns its result whole (a SalaryReport, a Comparison) needs
none of these.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from mlcareer.choices import Section
    from mlcareer.domain.careers import RoleView
    from mlcareer.domain.ladder import Ladder, PayChange, Route
    from mlcareer.domain.plan import Plan
    from mlcareer.domain.quiz import QuizResult
    from mlcareer.domain.skills import SkillSummary
    from mlcareer.domain.team import Progress, Team
    from mlcareer.errors import MlcareerError, Problem
    from mlcareer.history.diff import Diff, Trend
    from mlcareer.history.entry import Entry
    from mlcareer.models import Role, ScaleStep, Source


class RoleShown(NamedTuple):
    """`mlcareer role`: one role, all of it or one ``section``; as text an overview unless ``full``."""

    view: RoleView
    section: Section | None
    full: bool


class RoleList(NamedTuple):
    """`mlcareer roles`: the roles that match, in ladder order."""

    roles: list[Role]


class SkillList(NamedTuple):
    """`mlcareer skills`: the skills that match, and how many roles there are in all."""

    skills: list[SkillSummary]
    total_roles: int


class PathShown(NamedTuple):
    """`mlcareer path`: the ladder or a route, the sources its figures cite, and for a route of
    at least one step the change in pay from its first role to its last."""

    found: Ladder | Route
    sources: list[Source]
    total: PayChange | None


class PlanShown(NamedTuple):
    """`mlcareer plan`: the plan, where its answers came from (as the JSON says it), and with
    --next N the number of open steps to show (None: all)."""

    plan: Plan
    origin: Mapping[str, Any]
    first: int | None = None


class TeamShown(NamedTuple):
    """`mlcareer team`: the group, and the files that could not be read (shown as text, each error)."""

    team: Team
    failed: list[tuple[str, MlcareerError]]


class ProgressShown(NamedTuple):
    """`mlcareer team NEW --since OLD`: each person's change and the group's, the two rounds as
    the command line named them, and the files that could not be read."""

    progress: Progress
    before: str
    after: str
    failed: list[tuple[str, MlcareerError]]


class Validation(NamedTuple):
    """`mlcareer validate`: the directory as shown, its problems, and what it holds when it is valid."""

    directory: str
    problems: list[Problem]
    counts: dict[str, int]


class History(NamedTuple):
    """`mlcareer history`: the saved results, newest first, each with its trend."""

    trends: list[Trend]


class DiffShown(NamedTuple):
    """`mlcareer history diff`: two results compared, and the scale that names their grades
    (empty when the data cannot be read: the grades stay unnamed)."""

    diff: Diff
    scale: Mapping[int, ScaleStep]


class Saved(NamedTuple):
    """`mlcareer history show N`: a saved result, scored again against the data in use."""

    entry: Entry
    result: QuizResult


class Cleared(NamedTuple):
    """`mlcareer history clear`: how many results were deleted."""

    deleted: int
