"""Pure views of the quiz history: trends and differences between results."""

from __future__ import annotations

from dataclasses import dataclass

from mlcareer.errors import MlcareerError
from mlcareer.history.entry import Entry


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
        raise MlcareerError(f"history diff compares the last two saved results, and {found}")
    return diff_entries(entries[1], entries[0])


# -- choosing results: `history show N`, `history diff [A B]` ------------------------------


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
    return not_comparable(a, b) is None


def not_comparable(before: Entry, after: Entry) -> str | None:
    """Why two results do not compare like for like, or None when they do."""
    reasons = []
    if before.role != after.role:
        reasons.append(f"they measure different roles ({before.role}, {after.role})")
    if before.quick != after.quick:
        reasons.append("one answered the quick form and the other the full quiz")
    elif set(before.answers) != set(after.answers):  # the quiz changed between them
        only = sorted(set(before.answers) ^ set(after.answers))
        shown = ", ".join(only[:3]) + (", ..." if len(only) > 3 else "")
        reasons.append(f"they answered different questions ({shown} in only one)")
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
            raise MlcareerError(f"history diff needs two different results; #{a.id} was given twice")
        before, after = (a, b) if a.id < b.id else (b, a)
        return diff_entries(before, after)
    if len(entries) < 2:
        found = "there are none yet" if not entries else "there is only one"
        raise MlcareerError(f"history diff compares two saved results, and {found}")
    for i, newer in enumerate(entries):  # newest first
        older = next((e for e in entries[i + 1 :] if same_questions(e, newer)), None)
        if older is not None:
            return diff_entries(older, newer)
    raise MlcareerError(
        "no two saved results measure the same role with the same questions; "
        "choose two with `mlcareer history diff A B` (see `mlcareer history` for the numbers)"
    )
