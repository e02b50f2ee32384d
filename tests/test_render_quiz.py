"""The quiz and history renderers at fixed widths, in UTF-8 and in ASCII terminals."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType

from mlcareer.domain.careers import role_by_id
from mlcareer.domain.quiz import QuizResult, quiz_data, score
from mlcareer.history.diff import diff_last, trends
from mlcareer.history.entry import Entry, SkillSnapshot
from mlcareer.models import Catalog, Skill, Statement
from mlcareer.pack.catalog import load_catalog, shipped_data_dir
from mlcareer.pack.yamlfile import parse
from mlcareer.records import as_data, replace
from mlcareer.render import to_markdown, to_text
from mlcareer.render.history import diff_page, history_page
from mlcareer.render.quiz import answers_template, result_page

SHIPPED = load_catalog(shipped_data_dir())


def _mini_naming_without_grades() -> Catalog:
    """mini (whose pack sets no default grade), with the junior engineer naming one skill, ungraded."""
    from tests.conftest import MINI

    mini = load_catalog(MINI)
    said = [Statement(skill="communication", quote="talks to people", source="doc")]
    roles = [replace(r, skills=said) if r.id == "junior-engineer" else r for r in mini.roles]
    return replace(mini, roles=roles)


MINI_ANSWERS = {"programming": 4, "statistics": 4, "communication": 4, "interest-images": 1}


class _Ascii(io.StringIO):
    encoding = "ascii"


def _page(result: QuizResult) -> RenderableType:
    return to_text.page(result_page(result))


def _markdown(result: QuizResult) -> str:
    return to_markdown.page(result_page(result))


def _text(renderable: RenderableType, width: int = 80, ascii_only: bool = False) -> str:
    buffer: io.StringIO = _Ascii() if ascii_only else io.StringIO()
    Console(file=buffer, width=width, color_system=None, highlight=False, emoji=False).print(renderable)
    return buffer.getvalue()


def _result(role: str = "ml-engineer", value: int = 2, answers: dict[str, int] | None = None) -> QuizResult:
    given = {q.id: value for q in quiz_data(SHIPPED).questions} | (answers or {})
    return score(SHIPPED, role_by_id(SHIPPED, role), given)


def test_result_at_80_columns() -> None:
    out = _text(_page(_result(answers={"interest-vision": 4})))
    assert "Readiness: 71% ███" in out
    # what readiness is measured over: graded expectations only, by basis; defaults never count
    flat = " ".join(out.split())
    assert "over the role's 12 graded expectations (1 its level's, 11 profession-wide): 2 met" in flat
    assert "15 named without a grade, shown beside your answer and never counted" in flat
    algorithms = next(line for line in out.splitlines() if line.startswith("  Machine learning algorithms"))
    assert algorithms.split()[-4:] == ["●●○○", "●●●○", "gap", "1"]
    assert "Skills the role names without a grade (shown, never counted)" in out
    # readiness per rung of the ladder, each on what it rests
    assert "• mid (Machine Learning Engineer): 71%, 2 of 12 graded expectations met" in out
    # skills alone are not all a level asks: its requirements are quoted beside the verdict
    assert "Skills are not all a level asks; the sources also say:" in out
    assert "Often required: some experience with machine learning through" in flat
    assert "1. Computer Vision Engineer" in out
    assert "This is a self-assessment for orientation, not a hiring test." in flat
    # the verdict closes it, on screen when the output stops
    assert " ".join(" ".join(out.rstrip().splitlines()[-3:]).split()) == (
        "In short: 71% ready for Machine Learning Engineer (2 of 12 graded expectations met); your "
        "answers fit entry level; best-fitting kind: Computer Vision Engineer (85% match, mlcareer's rule)."
    )
    assert all(len(line) <= 80 for line in out.splitlines())


def test_result_at_40_columns_in_ascii() -> None:
    out = _text(_page(_result()), width=40, ascii_only=True)
    assert all(len(line) <= 40 for line in out.splitlines())
    assert out.isascii()
    assert "You: ##--; The role expects: ###-; gap 1" in " ".join(out.split())
    assert "#####" in out  # the readiness bar


def test_no_data_is_said_not_guessed() -> None:
    catalog = _mini_naming_without_grades()
    out = _text(_page(score(catalog, role_by_id(catalog, "junior-engineer"), MINI_ANSWERS)))
    assert "Readiness: no percentage" in out
    assert "%" not in out.split("Readiness", 1)[1].split("Level", 1)[0]
    assert "the sources grade too few of this role's skills to score it (0 of 1)" in " ".join(out.split())
    assert "Communication  ●●●●" in out  # answered, shown, and not scored
    assert "The sources grade none of this role's skills, so there are no gaps to rank." in out


def test_a_pack_without_a_default_grade_is_described_truly() -> None:
    catalog = _mini_naming_without_grades()
    junior = _text(_page(score(catalog, role_by_id(catalog, "junior-engineer"), MINI_ANSWERS)))
    assert "the sources name no skill for this role" not in junior  # they name communication
    engineer = _text(_page(score(catalog, role_by_id(catalog, "engineer"), MINI_ANSWERS)))
    assert "over the role's 2 graded expectations (2 the role's own)" in engineer
    assert "at the data pack's default" not in engineer  # mini sets none
    assert "lists with named without" not in " ".join(engineer.split())


def test_no_match_and_no_gaps() -> None:
    out = _text(_page(_result(value=0)))
    assert "no match" in out
    top = _text(_page(_result(value=4)))
    assert "No gaps: your answers meet every proficiency the sources grade for the role." in top
    assert "Level: senior" in top
    assert "meets every expectation of the senior-level Lead Machine Learning" in " ".join(top.split())


def test_data_text_is_never_markup() -> None:
    result = _result(answers={"interest-vision": 4})
    skill = result.skills[0].skill
    evil = Skill.model_validate({**as_data(skill), "name": "[bold]x[/red] \x1b[31m"})
    rows = [type(result.skills[0])(evil, 1, result.skills[0].expectation), *result.skills[1:]]
    hacked = result._replace(skills=rows)
    out = _text(_page(hacked))
    assert "[bold]x[/red] \\x1b[31m" in out
    md = _markdown(hacked)
    assert "\\[bold\\]x\\[/red\\]" in md


def test_markdown_result() -> None:
    md = _markdown(_result())
    assert md.startswith("# Self-assessment against Machine Learning Engineer\n")
    assert "**Readiness:** " in md and "## Largest gaps, and what to do" in md
    assert "_This is a self-assessment for orientation, not a hiring test._" in md


def test_template_is_valid_yaml_with_every_question() -> None:
    quiz = quiz_data(SHIPPED)
    scale = {s.value: s for s in SHIPPED.scale}
    interest = {s.value: s for s in quiz.interest_scale}
    text = answers_template(quiz.questions, scale, interest, {s.id: s.name for s in SHIPPED.skills})
    doc = parse(text.encode())
    assert list(doc.data) == ["name", *(q.id for q in quiz.questions)]
    assert doc.data["name"] is None  # one answers format: the header key a class file names its person by
    assert "#   0 none: I have not written programs." in text
    assert "#   4 very interested: This is the work I most want to do." in text


def _entries() -> list[Entry]:
    def entry(i: int, readiness: int, algo: int, quick: bool = False) -> Entry:
        skills = [
            SkillSnapshot("machine-learning-algorithms", "Machine learning algorithms", algo, 4),
            SkillSnapshot("programming", "Programming", 3, 3),
        ]
        return Entry(
            i,
            f"2025-01-0{i}T10:00:00Z",
            "ml-engineer",
            "Machine Learning Engineer",
            readiness,
            "entry",
            quick,
            skills,
            {},
        )

    return [entry(2, 80, 4), entry(1, 70, 2, quick=True)]


def test_history_table_and_narrow_history() -> None:
    wide = _text(to_text.page(history_page(trends(_entries()))))
    assert "(quick)" in wide and "+10 pts" in wide and "first" in wide
    narrow = _text(to_text.page(history_page(trends(_entries()))), width=40, ascii_only=True)
    assert all(len(line) <= 40 for line in narrow.splitlines())
    assert "  Readiness: 80%\n  Level: entry\n" in "\n".join(x.rstrip() for x in narrow.splitlines()) + "\n"
    assert "No saved results yet" in _text(to_text.page(history_page([])))


def test_diff_lists_changed_skills_only() -> None:
    out = _text(to_text.page(diff_page(diff_last(_entries()))))
    assert "70% -> 80%  (+10 pts)" in out
    line = next(x for x in out.splitlines() if "Machine learning algorithms" in x)
    assert line.split()[-4:] == ["2", "->", "4", "+2"]
    assert "Programming" not in out.split("Skills that changed")[1].split("skills unchanged")[0]
    assert "1 skills unchanged" in out
