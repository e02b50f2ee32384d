"""Pure domain: self-assessments of a group side by side, and two views of one person.

Each person is scored with the quiz's own scoring (:func:`mlcareer.domain.quiz.score`) against one
role, so a cell means what it means in `mlcareer quiz`: an answer against the role's
expectation (:mod:`mlcareer.domain.expectations`). :func:`gather` finds the answers files
in the files and folders a user names (the shared folder reader of every command that
takes a class folder).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Literal

from mlcareer.domain.expectations import Expectation, expectations
from mlcareer.domain.quiz import QuizResult, match_kinds, score
from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable

    from mlcareer.errors import MlcareerError
    from mlcareer.models import Catalog, Question, Role, ScaleStep, Skill

#: The names an answers file may have (any case): YAML or JSON.
ANSWER_SUFFIXES = (".yaml", ".yml", ".json")
#: The start of every JSON document mlcareer prints (``schema_version`` comes first).
_OWN_JSON = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"schema_version"\s*:')
_PEEK = 4096


class Skipped(NamedTuple):
    """A path left out of the files to read, and why.

    ``error``: a path that should have been an answers file and cannot be used (one the user
    named, or a special file or a broken link with an answers file's name in a folder); the
    command says so and fails (exit 1) after showing the rest. Otherwise a file that is not
    an answers file (mlcareer's own report in the folder), named on stderr only.
    """

    path: Path
    reason: str
    error: bool

    @property
    def message(self) -> str:
        from mlcareer.files import shown

        verb = "cannot read" if self.error else "skipped"
        return f"{verb} {shown(self.path)}: {self.reason}"


class Gathered(NamedTuple):
    """The answers files found in the paths given, each once, in order, and what was left out."""

    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...]

    @property
    def errors(self) -> tuple[Skipped, ...]:
        return tuple(s for s in self.skipped if s.error)

    @property
    def notices(self) -> tuple[Skipped, ...]:
        return tuple(s for s in self.skipped if not s.error)


def gather(paths: Sequence[Path], suffixes: Sequence[str] = ANSWER_SUFFIXES) -> Gathered:
    """The answers files in ``paths``: files as given, folders as the files directly in them.

    The shared folder reader (``team``, and any command that takes a folder of answers).
    Every path is examined with :func:`mlcareer.files.examine`, so a name too long, a
    directory that cannot be searched or listed, a loop of links... is a :class:`Skipped`
    error with its reason, never an exception. In a folder, only names ending in one of
    ``suffixes`` (any case) count, in byte order of their names; a FIFO, socket, device or
    directory by such a name is skipped as an error, and mlcareer's own JSON reports are
    skipped as not answers files. A file reached twice (the same folder in two spellings, a
    link, a hard link) is kept once, by device and inode. Every file kept is protected from
    ``--output`` for the rest of the run.
    """
    from mlcareer.files import PathError, examine, kind_of, list_directory, protect

    wanted = tuple(x.lower() for x in suffixes)
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[tuple[int, int]] = set()

    def take(path: Path, st: os.stat_result, named: bool) -> None:
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        if not stat.S_ISREG(st.st_mode):
            skipped.append(Skipped(path, f"it is {kind_of(st.st_mode)}, not an answers file", True))
        elif _own_report(path):
            reason = "it is a report mlcareer wrote (JSON output), not an answers file"
            skipped.append(Skipped(path, reason, named))
        else:
            protect(path, "an answers file this run reads")
            files.append(path)

    for given in paths:
        try:
            st = examine(given)
            if not stat.S_ISDIR(st.st_mode):
                take(given, st, named=True)
                continue
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            entries = list_directory(given)
        except PathError as exc:
            skipped.append(Skipped(given, exc.reason, True))
            continue
        for entry in entries:
            if not entry.name.lower().endswith(wanted):
                continue
            try:
                take(entry, examine(entry), named=False)
            except PathError as exc:
                skipped.append(Skipped(entry, exc.reason, True))
    return Gathered(tuple(files), tuple(skipped))


def _own_report(path: Path) -> bool:
    """Whether ``path`` is a JSON document mlcareer printed (``--json -o`` into the class folder)."""
    from mlcareer.files import read_regular

    if not path.name.lower().endswith(".json"):
        return False
    try:
        head = read_regular(path, _PEEK, is_input=False)
    except OSError:
        return False  # the reader says why
    return _OWN_JSON.match(head) is not None


class Person(NamedTuple):
    """One answers file of a group: the person's name (``name:``, else the file's), file, answers."""

    name: str
    file: str
    answers: dict[str, int]
    named: bool  # the name is the file's own ``name:``


def read_people(
    found: Gathered,
    asked: list[Question],
    every: list[Question],
    problem: Callable[[MlcareerError, Path], None],
    note: Callable[[str], None],
) -> list[Person]:
    """The people of the answers files ``found`` (see :func:`gather`), in order.

    A path that cannot be used, or a file whose answers are wrong, goes to ``problem`` and is
    left out, so one bad file does not hide the others; a file skipped as no answers file
    goes to ``note``.
    """
    from mlcareer.domain.answers import read_named_answers
    from mlcareer.errors import MlcareerError
    from mlcareer.files import PathError, shown

    for skipped in found.skipped:
        if skipped.error:
            problem(PathError(skipped.path, "read", skipped.reason), skipped.path)
        else:
            note(skipped.message[:1].upper() + skipped.message[1:])
    people: list[Person] = []
    for path in found.files:
        try:
            name, answers = read_named_answers(path, asked, every)
        except MlcareerError as exc:
            problem(exc, path)
            continue
        people.append(Person(name or shown(path.stem), shown(path), answers, name is not None))
    return people


#: A difference of this many steps or more between two views of one person is worth a talk
#: (as engineering ladders that ask a person and their manager to rate one rubric do).
TALK_ABOUT = 2


class Member(NamedTuple):
    """One person of the group: a name (from the file, else its file name) and their result."""

    name: str
    file: str
    result: QuizResult


class SkillLine(NamedTuple):
    """One skill the role expects, across the group."""

    skill: Skill
    expectation: Expectation
    answers: tuple[int | None, ...]  # per member, in order; None: not asked

    @property
    def answered(self) -> int:
        return sum(1 for a in self.answers if a is not None)

    @property
    def met(self) -> int:
        grade = self.expectation.grade
        return sum(1 for a in self.answers if a is not None and grade is not None and a >= grade)

    @property
    def below(self) -> int:
        """Members below a graded expectation (a skill named without a grade counts for no one)."""
        return self.answered - self.met if self.expectation.graded else 0


class Leaning(NamedTuple):
    """A kind of ML engineer and how well it fits the group: the mean of each member's match."""

    role: Role
    score: int  # 0-100
    top_for: int  # members for whom it is among their three best matches


class Team(NamedTuple):
    """The group against one role."""

    role: Role
    members: tuple[Member, ...]
    skills: tuple[SkillLine, ...]  # catalogue order
    leanings: tuple[Leaning, ...]

    @property
    def graded(self) -> int:
        """The role's graded expectations: what each readiness rests on."""
        return sum(1 for s in self.skills if s.expectation.graded)

    @property
    def shared_gaps(self) -> list[SkillLine]:
        """Skills some members are below on, the most shared first (then catalogue order)."""
        order = {s.skill.id: i for i, s in enumerate(self.skills)}
        gaps = [s for s in self.skills if s.below]
        return sorted(gaps, key=lambda s: (-s.below, order[s.skill.id]))


def team(
    catalog: Catalog, role: Role, people: Sequence[tuple[str, str, Mapping[str, int]]], quick: bool = False
) -> Team:
    """Score each (name, file, answers) against ``role``; the group's lines, gaps and leanings."""
    members = tuple(
        Member(name, file, score(catalog, role, answers, quick=quick)) for name, file, answers in people
    )
    lines = []
    for exp in expectations(catalog, role).items:
        answers = tuple(_answer(m.result, exp.skill.id) for m in members)
        lines.append(SkillLine(exp.skill, exp, answers))
    return Team(role, members, tuple(lines), _leanings(catalog, [answers for _, _, answers in people]))


def _answer(result: QuizResult, skill: str) -> int | None:
    return next((a for s, a in result.answered if s.id == skill), None)


def _leanings(catalog: Catalog, answers: list[Mapping[str, int]], n: int = 3) -> tuple[Leaning, ...]:
    """The kinds the group leans to: mean match score (mlcareer's own rule, as in the quiz)."""
    kinds = [r for r in catalog.roles if r.kind == "specialisation"]
    if not answers or not kinds:
        return ()
    totals = {r.id: 0 for r in kinds}
    tops = {r.id: 0 for r in kinds}
    for given in answers:
        matches = match_kinds(catalog, given, n=len(kinds))
        for m in matches:
            totals[m.role.id] += m.score
        for m in matches[:3]:
            tops[m.role.id] += 1
    order = {r.id: i for i, r in enumerate(kinds)}
    found = [Leaning(r, round(totals[r.id] / len(answers)), tops[r.id]) for r in kinds if totals[r.id]]
    found.sort(key=lambda lean: (-lean.score, order[lean.role.id]))
    return tuple(found[:n])


class CalibrationLine(NamedTuple):
    """One skill as two people rated it (None: not asked in that file)."""

    skill: Skill
    first: int | None
    second: int | None
    steps: tuple[ScaleStep | None, ScaleStep | None]

    @property
    def difference(self) -> int | None:
        if self.first is None or self.second is None:
            return None
        return self.second - self.first

    @property
    def talk_about(self) -> bool:
        """The two views differ by TALK_ABOUT steps or more."""
        return self.difference is not None and abs(self.difference) >= TALK_ABOUT


class Calibration(NamedTuple):
    """Two assessments of one person side by side (self and manager, say)."""

    first: Member
    second: Member
    lines: tuple[CalibrationLine, ...]

    @property
    def topics(self) -> list[CalibrationLine]:
        return [line for line in self.lines if line.talk_about]


def calibrate(catalog: Catalog, first: Member, second: Member) -> Calibration:
    """Every skill either file answers, in catalogue order, with both grades and their descriptions."""
    steps = catalog.lookup.scale
    a = dict((s.id, v) for s, v in first.result.answered)
    b = dict((s.id, v) for s, v in second.result.answered)
    lines = []
    for skill in catalog.skills:
        if skill.id in a or skill.id in b:
            x, y = a.get(skill.id), b.get(skill.id)
            pair = (steps.get(x) if x is not None else None, steps.get(y) if y is not None else None)
            lines.append(CalibrationLine(skill, x, y, pair))
    return Calibration(first, second, tuple(lines))


# ---------------------------------------------------------------- progress since an earlier round

MatchedBy = Literal["name", "file"]


class SkillChange(NamedTuple):
    """One skill of one person, in the earlier round and now (None: not asked)."""

    skill: Skill
    before: int | None
    after: int | None

    @property
    def change(self) -> int | None:
        return None if self.before is None or self.after is None else self.after - self.before


class PersonChange(NamedTuple):
    """One person found in both rounds: how they were matched, and what changed."""

    before: Member
    after: Member
    matched_by: MatchedBy
    skills: tuple[SkillChange, ...]  # every skill either round answered, catalogue order

    @property
    def readiness_change(self) -> int | None:
        a, b = self.before.result.readiness, self.after.result.readiness
        return None if a is None or b is None else b - a

    @property
    def up(self) -> list[SkillChange]:
        return [s for s in self.skills if (s.change or 0) > 0]

    @property
    def down(self) -> list[SkillChange]:
        return [s for s in self.skills if (s.change or 0) < 0]


class ClassSkillChange(NamedTuple):
    """One skill the role expects, across the whole group in each round."""

    before: SkillLine
    after: SkillLine

    @property
    def skill(self) -> Skill:
        return self.after.skill

    @staticmethod
    def mean(line: SkillLine) -> float | None:
        given = [a for a in line.answers if a is not None]
        return round(sum(given) / len(given), 1) if given else None

    @property
    def change(self) -> float | None:
        a, b = self.mean(self.before), self.mean(self.after)
        return None if a is None or b is None else round(b - a, 1)


class Progress(NamedTuple):
    """A group now against the same group in an earlier round, against one role."""

    before: Team
    after: Team
    people: tuple[PersonChange, ...]  # in the order of the later round
    skills: tuple[ClassSkillChange, ...]  # the role's expectations, catalogue order
    only_before: tuple[Member, ...]  # in the earlier round only
    only_after: tuple[Member, ...]  # new in the later round

    @property
    def role(self) -> Role:
        return self.after.role


#: How two rounds' people are paired, said wherever the pairs are shown.
MATCH_PEOPLE = (
    "People are paired by the name: key of their answers files (any case); a file without one "
    "is paired by its file name."
)


def pair_people(
    before: Sequence[Person], after: Sequence[Person]
) -> tuple[list[tuple[int, int, MatchedBy]], list[int], list[int]]:
    """Pairs (index before, index after, how) by ``name:`` where both files give one, else by file
    name; and the indexes left unpaired in each round."""
    pairs: list[tuple[int, int, MatchedBy]] = []
    free_before = list(range(len(before)))
    free_after = list(range(len(after)))
    hows: tuple[MatchedBy, ...] = ("name", "file")
    for how in hows:
        for j in list(free_after):
            key = _key(after[j], how)
            if key is None:
                continue
            i = next((i for i in free_before if _key(before[i], how) == key), None)
            if i is not None:
                pairs.append((i, j, how))
                free_before.remove(i)
                free_after.remove(j)
    pairs.sort(key=lambda p: p[1])
    return pairs, free_before, free_after


def _key(person: Person, how: str) -> str | None:
    if how == "name":
        return person.name.casefold() if person.named else None
    return PurePath(person.file).stem.casefold()


def progress(
    catalog: Catalog, role: Role, before: Sequence[Person], after: Sequence[Person], quick: bool = False
) -> Progress:
    """Each person's change between two rounds of answers, and the group's change per skill."""
    old = team(catalog, role, [(p.name, p.file, p.answers) for p in before], quick=quick)
    new = team(catalog, role, [(p.name, p.file, p.answers) for p in after], quick=quick)
    pairs, only_old, only_new = pair_people(before, after)
    people = []
    for i, j, how in pairs:
        a, b = old.members[i], new.members[j]
        x = dict((s.id, v) for s, v in a.result.answered)
        y = dict((s.id, v) for s, v in b.result.answered)
        either = [s for s in catalog.skills if s.id in x or s.id in y]
        skills = tuple(SkillChange(s, x.get(s.id), y.get(s.id)) for s in either)
        people.append(PersonChange(a, b, how, skills))
    lines = tuple(ClassSkillChange(a, b) for a, b in zip(old.skills, new.skills, strict=True))
    return Progress(
        old,
        new,
        tuple(people),
        lines,
        tuple(old.members[i] for i in only_old),
        tuple(new.members[j] for j in only_new),
    )
