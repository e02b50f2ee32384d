"""The documents of the reference views: role, roles, compare, salary, path."""

from __future__ import annotations

from typing import Literal, NotRequired

from typing_extensions import TypedDict

from mlcareer.jsondoc.types.shared import (
    CredentialDoc,
    ExpectationDoc,
    ExpectationsDoc,
    LevelInfoDoc,
    NotStatedDoc,
    OfficialSectionDoc,
    PayDoc,
    QuotedDoc,
    RoleName,
    RoleOfficialDoc,
    RoleRef,
    SourceDoc,
)

# ---------------------------------------------------------------- role, roles, compare


class ResponsibilityDoc(TypedDict):
    text: str
    sources: list[str]


class ResponsibilityGroupDoc(TypedDict):
    group: str
    items: list[ResponsibilityDoc]


class ContrastDoc(TypedDict):
    role: RoleName
    text: str
    quote: str
    source: str


class MoveDoc(TypedDict):
    role: RoleName
    move: Literal["advance", "specialisation"]


class SuitDoc(QuotedDoc):
    inferred: bool  # mlcareer's inference from the quote, not the source's words


class InheritsDoc(TypedDict):
    """What a kind of ML engineer shows of the role it specialises where the sources say nothing of
    the kind itself (that role's own document has the content)."""

    role: RoleName
    sections: list[str]  # responsibilities, tools, education, workplace, salary
    note: str


class RoleDoc(TypedDict):
    """A role: the data file's fields, with references resolved."""

    id: str
    title: str
    aliases: list[str]
    level: str
    kind: Literal["ladder", "specialisation"]
    summary: str
    level_info: LevelInfoDoc | None
    responsibilities: list[ResponsibilityGroupDoc]
    skills: list[ExpectationDoc]
    expectations: ExpectationsDoc
    tools: list[str]
    education: list[CredentialDoc]
    education_from_level: list[QuotedDoc]  # what the level says of education, where the role has none
    inherits: InheritsDoc | None  # a kind of ML engineer: what it shows of the role it specialises
    certifications: list[CredentialDoc]
    industries: list[str]
    applications: list[str]
    workplace: list[str]
    outlook: list[str]
    how_to_become: list[QuotedDoc]
    suits: list[SuitDoc]
    team: list[QuotedDoc]
    salary: list[PayDoc]
    official: list[RoleOfficialDoc]
    contrasts: list[ContrastDoc]
    related: list[str]
    specialises: str | None
    leads_to: list[MoveDoc]
    leads_from: list[MoveDoc]
    specialisations: list[str]
    sources: list[SourceDoc]


class RoleCommandDoc(TypedDict):
    """`mlcareer role ROLE --json` (with --section, only the identifying keys and that section's)."""

    role: RoleDoc


class RoleListItem(TypedDict):
    id: str
    title: str
    aliases: list[str]
    level: str
    # "sources": the level the source lists the role at; "specialises": a kind of ML engineer, which
    # the sources give no level of its own, at the level of the role it specialises
    level_from: Literal["sources", "specialises"]
    kind: str
    summary: str


class RolesDoc(TypedDict):
    roles: list[RoleListItem]


class CompareSkillDoc(TypedDict):
    skill: str
    name: str
    left: ExpectationDoc | NotStatedDoc
    right: ExpectationDoc | NotStatedDoc


class CompareDoc(TypedDict):
    left: RoleDoc
    right: RoleDoc
    contrasts: list[ContrastDoc]
    skills: list[CompareSkillDoc]


# ---------------------------------------------------------------- salary


class SalaryFiltersDoc(TypedDict):
    level: str | None
    role: RoleName | None
    region: str | None
    currency: str | None
    source: str


class SalaryLevelDoc(TypedDict):
    level: str
    name: str | None
    figures: list[str]
    no_data: str | None  # why the level has no figure
    ladder_roles: list[RoleRef]


class NoteDoc(TypedDict):
    id: str
    title: str
    text: str
    sources: list[str]


class AvailableDoc(TypedDict):
    regions: list[str | None]
    currencies: list[str]


class SalaryDoc(TypedDict):
    filters: SalaryFiltersDoc
    figures: list[PayDoc]
    official: OfficialSectionDoc
    levels: list[SalaryLevelDoc]
    premiums: list[NoteDoc]
    factors: list[NoteDoc]
    sources: list[SourceDoc]
    roles_with_data: list[str]
    available: AvailableDoc
    message: NotRequired[str]  # when the chosen role has no figure


# ---------------------------------------------------------------- path


class PathLevelDoc(TypedDict):
    id: str
    name: str
    advance: QuotedDoc | None
    roles: list[str]  # the roles the source says the level may include
    requirements: list[QuotedDoc]


class PathNodeDoc(RoleRef):
    specialises: str | None
    parent: str | None
    pay: list[PayDoc]


EdgeDoc = TypedDict(
    "EdgeDoc",
    {
        "from": str,  # a level id (between levels) or a role id (between roles)
        "to": str,
        "between": Literal["levels", "roles"],
        "kind": Literal["advance", "specialise"],
        "quote": str | None,  # the sentence the move rests on
        "source": str | None,
        "note": str,  # how mlcareer reads it
    },
)


class PathLadderDoc(TypedDict):
    start: RoleName | None  # `--from ROLE`: the role the reachable part starts at
    levels: list[PathLevelDoc]
    nodes: list[PathNodeDoc]
    edges: list[EdgeDoc]


class GrowthDoc(TypedDict):
    skill: str
    name: str
    now: ExpectationDoc | NotStatedDoc
    expects: ExpectationDoc
    change: int | None  # null: not stated now, or no source grades the difference
    # sources: statements at the two roles' scopes grade it differently; ceiling, speciality:
    # mlcareer's reading; unsourced: defaults or a shift of scope; same; none: not stated now
    change_basis: Literal["sources", "ceiling", "speciality", "unsourced", "same", "none"]


class PayChangeDoc(TypedDict):
    before: PayDoc | None
    after: PayDoc | None
    low_change: int | None
    high_change: int | None


# "from" is a Python keyword: these use the functional form.
StepDoc = TypedDict(
    "StepDoc",
    {
        "from": str,
        "to": str,
        "kind": Literal["advance", "specialisation"],
        "rests_on": QuotedDoc | str,  # the sentence the move rests on, or mlcareer's reading
        "requirements": list[QuotedDoc],
        "skills": list[GrowthDoc],
        "pay": PayChangeDoc,
    },
)

RouteDoc = TypedDict(
    "RouteDoc",
    {
        "from": str,
        "to": str,
        "origins": list[str],
        "roles": list[RoleRef],
        "steps": list[StepDoc],
        "note": str,
    },
)


class PathRouteDoc(TypedDict):
    route: RouteDoc
