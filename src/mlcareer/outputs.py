"""The table of results: for each result type a command shows, how it becomes each format.

Each entry names, as ``"module:function"`` strings resolved only when used (in the spirit of
hatch's lazy commands), the builder of its JSON document and of its page (``render.view``,
which every document format of ``mlcareer.formats`` draws), and where it has one, a terminal
form of its own (``text``) or a diagram (``mermaid``). ``commands.output.emit`` shows a result
through its entry; a command's ``--format`` choices and help (``cli.options.formats_of``) and
the JSON schemas (``jsondoc.schemas.documents``) are read from here, so none of them is a copy
kept equal by tests. Adding a command with JSON output takes its command, its domain function,
its page and JSON builders, and one entry here.

Standard library only, like ``formats``: the command line reads it before anything loads.
"""

from __future__ import annotations

from mlcareer.formats import DOCUMENTS, Format
from mlcareer.named import NamedTuple


class Document(NamedTuple):
    """A JSON document a result prints: its schema's name (docs/schemas/NAME.schema.json), its
    TypedDict (a name in ``mlcareer.jsondoc.types``, or ``"module:Name"``), and the command."""

    name: str
    typeddict: str
    command: str


class Output(NamedTuple):
    """How one result type is shown: each builder takes the result and returns its form."""

    json: str
    documents: tuple[Document, ...]
    page: str | None = None
    text: str | None = None  # the terminal's own form, instead of the page's text
    mermaid: str | None = None

    @property
    def formats(self) -> tuple[Format, ...]:
        """The formats this result has, in the order help lists them."""
        offered = {Format.text, Format.json}
        offered |= set(DOCUMENTS) if self.page else set()
        offered |= {Format.mermaid} if self.mermaid else set()
        return tuple(f for f in Format if f in offered)


_D = "mlcareer.domain"

#: Every result type a command shows ("module:Class"), and how it is shown.
RESULTS: dict[str, Output] = {
    f"{_D}.shown:RoleShown": Output(
        json="mlcareer.jsondoc.role:role_shown_json",
        page="mlcareer.render.role_page:role_shown_page",
        text="mlcareer.render.role_page:role_shown_text",
        documents=(
            Document("role", "RoleCommandDoc", "mlcareer role ROLE --json"),
            Document("role-section", "RoleCommandDoc", "mlcareer role ROLE --section NAME --json"),
        ),
    ),
    f"{_D}.shown:RoleList": Output(
        json="mlcareer.jsondoc.role:role_list_json",
        page="mlcareer.render.role:role_list_page",
        text="mlcareer.render.role_list:role_list_text",
        documents=(Document("roles", "RolesDoc", "mlcareer roles --json"),),
    ),
    f"{_D}.careers:Comparison": Output(
        json="mlcareer.jsondoc.compare:comparison_json",
        page="mlcareer.render.compare:comparison_page",
        documents=(Document("compare", "CompareDoc", "mlcareer compare ROLE ROLE --json"),),
    ),
    f"{_D}.salaries:SalaryReport": Output(
        json="mlcareer.jsondoc.salary:salary_json",
        page="mlcareer.render.salary:salary_page",
        documents=(Document("salary", "SalaryDoc", "mlcareer salary --json"),),
    ),
    f"{_D}.shown:PathShown": Output(
        json="mlcareer.jsondoc.path:path_shown_json",
        page="mlcareer.render.path:path_shown_page",
        mermaid="mlcareer.render.path_md:path_shown_mermaid",
        documents=(
            Document("path-ladder", "PathLadderDoc", "mlcareer path --json"),
            Document("path-route", "PathRouteDoc", "mlcareer path --from ROLE --to ROLE --json"),
        ),
    ),
    f"{_D}.shown:SkillList": Output(
        json="mlcareer.jsondoc.skill:skill_list_json",
        page="mlcareer.render.skill:skill_list_page",
        documents=(Document("skills", "SkillsDoc", "mlcareer skills --json"),),
    ),
    f"{_D}.skills:SkillView": Output(
        json="mlcareer.jsondoc.skill:skill_json",
        page="mlcareer.render.skill:skill_page",
        documents=(Document("skill", "SkillDoc", "mlcareer skill SKILL --json"),),
    ),
    "mlcareer.assessment:Assessment": Output(
        json="mlcareer.jsondoc.quiz:assessment_json",
        page="mlcareer.render.quiz:assessment_page",
        documents=(Document("quiz", "QuizResultDoc", "mlcareer quiz --json"),),
    ),
    f"{_D}.shown:History": Output(
        json="mlcareer.jsondoc.history:history_shown_json",
        page="mlcareer.render.history:history_shown_page",
        documents=(Document("history", "HistoryDoc", "mlcareer history --json"),),
    ),
    f"{_D}.shown:Saved": Output(
        json="mlcareer.jsondoc.history:saved_shown_json",
        page="mlcareer.render.history:saved_shown_page",
        documents=(Document("history-show", "SavedResultDoc", "mlcareer history show N --json"),),
    ),
    f"{_D}.shown:DiffShown": Output(
        json="mlcareer.jsondoc.history:diff_shown_json",
        page="mlcareer.render.history:diff_shown_page",
        documents=(Document("history-diff", "DiffDoc", "mlcareer history diff --json"),),
    ),
    f"{_D}.shown:Cleared": Output(
        json="mlcareer.jsondoc.history:cleared_shown_json",  # as text, a notice on stderr
        documents=(Document("history-clear", "ClearedDoc", "mlcareer history clear --json"),),
    ),
    f"{_D}.shown:PlanShown": Output(
        json="mlcareer.jsondoc.plan:plan_shown_json",
        page="mlcareer.render.plan:plan_shown_page",
        documents=(Document("plan", "PlanDoc", "mlcareer plan --json"),),
    ),
    f"{_D}.shown:TeamShown": Output(
        json="mlcareer.jsondoc.team:team_shown_json",
        page="mlcareer.render.team:team_shown_page",
        documents=(Document("team", "TeamDoc", "mlcareer team FILE... --json"),),
    ),
    f"{_D}.shown:ProgressShown": Output(
        json="mlcareer.jsondoc.team:progress_shown_json",
        page="mlcareer.render.team:progress_shown_page",
        documents=(Document("team-since", "TeamSinceDoc", "mlcareer team NEW --since OLD --json"),),
    ),
    f"{_D}.team:Calibration": Output(
        json="mlcareer.jsondoc.team:calibration_json",
        page="mlcareer.render.team:calibration_page",
        documents=(
            Document("team-calibrate", "CalibrationDoc", "mlcareer team FILE FILE --calibrate --json"),
        ),
    ),
    f"{_D}.shown:Validation": Output(
        json="mlcareer.jsondoc.validate:validation_json",
        text="mlcareer.render.rich_common:validation_text",
        documents=(Document("validate", "ValidateDoc", "mlcareer validate --json"),),
    ),
}
del _D


def type_key(result: object) -> str:
    """The table's key of a result: its type's module and name."""
    kind = type(result)
    return f"{kind.__module__}:{kind.__qualname__}"


def output_of(result: object) -> Output:
    """The table's entry for a result (KeyError naming its type if it has none)."""
    return RESULTS[type_key(result)]


def entry(name: str) -> Output:
    """A result type's entry, by its key or by its class name alone ('SalaryReport')."""
    if name in RESULTS:
        return RESULTS[name]
    found = [out for key, out in RESULTS.items() if key.rpartition(":")[2] == name]
    if len(found) != 1:
        raise KeyError(f"{name}: {'no' if not found else 'more than one'} result type of that name")
    return found[0]


def formats_of(*results: str) -> tuple[Format, ...]:
    """The formats of a command that shows any of ``results`` (see ``entry``), in help's order."""
    offered = {f for name in results for f in entry(name).formats}
    return tuple(f for f in Format if f in offered)
