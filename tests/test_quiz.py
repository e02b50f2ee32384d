"""Quiz scoring (pure), the shipped quiz data, and reading answers files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlcareer.choices import Level
from mlcareer.domain.answers import read_answers
from mlcareer.domain.careers import role_by_id
from mlcareer.domain.quiz import DISCLAIMER, fit_level, quiz_data, readiness, score, select_questions
from mlcareer.errors import DataError
from mlcareer.models import Catalog, Question, Statement
from mlcareer.pack.catalog import load_catalog, shipped_data_dir
from mlcareer.records import replace
from tests.conftest import MINI

SHIPPED = load_catalog(shipped_data_dir())
MINI_DATA = load_catalog(MINI)


def _all(catalog: Catalog, value: int) -> dict[str, int]:
    return {q.id: value for q in quiz_data(catalog).questions}


def _mini_with_junior_saying(*statements: Statement) -> Catalog:
    """mini, with the junior engineer's skills replaced (mini's pack sets no default grade)."""
    roles = [replace(r, skills=list(statements)) if r.id == "junior-engineer" else r for r in MINI_DATA.roles]
    return replace(MINI_DATA, roles=roles)


# --- the shipped quiz -------------------------------------------------------------


def test_one_skill_question_per_skill_of_the_catalogue() -> None:
    questions = quiz_data(SHIPPED).questions
    asked = [str(q.skill) for q in questions if q.kind == "skill"]
    assert sorted(asked) == sorted(s.id for s in SHIPPED.skills)


def test_an_interest_question_for_each_of_the_twelve_kinds() -> None:
    kinds = {r.id for r in SHIPPED.roles if r.kind == "specialisation"}
    assert len(kinds) == 12
    pointed = {role for q in quiz_data(SHIPPED).questions if q.kind == "interest" for role in q.roles}
    assert pointed == kinds
    for q in quiz_data(SHIPPED).questions:
        if q.kind == "interest":
            assert q.sources == ["what-does-mle-do"]


def test_quick_form_has_about_ten_questions_of_both_kinds() -> None:
    quick = select_questions(quiz_data(SHIPPED), quick=True)
    assert 8 <= len(quick) <= 12
    assert {q.kind for q in quick} == {"skill", "interest"}
    assert len(select_questions(quiz_data(SHIPPED))) == len(quiz_data(SHIPPED).questions)


# --- readiness ----------------------------------------------------------------------


def test_readiness_caps_each_skill_at_what_the_role_expects() -> None:
    engineer = role_by_id(MINI_DATA, "engineer")  # programming 3, statistics 4
    result = score(MINI_DATA, engineer, {"programming": 3, "statistics": 2})
    assert result.readiness == round(100 * 5 / 7)
    # being above the expectation in one skill does not make up for a gap in another
    above = score(MINI_DATA, engineer, {"programming": 4, "statistics": 2})
    assert above.readiness == result.readiness
    assert (result.graded, result.judged) == (2, 2)


def test_readiness_counts_only_the_skills_asked() -> None:
    engineer = role_by_id(MINI_DATA, "engineer")
    result = score(MINI_DATA, engineer, {"programming": 3, "interest-images": 2}, quick=True)
    assert result.readiness == 100
    assert (result.graded, result.judged) == (2, 1)
    rows = {r.skill.id: r for r in result.skills}
    assert rows["statistics"].status == "not asked"
    assert rows["communication"].status == "no expectation"


def test_readiness_is_no_data_when_the_role_states_no_grade_and_there_is_no_default() -> None:
    catalog = _mini_with_junior_saying(
        Statement(skill="communication", quote="talks to people", source="doc")
    )
    result = score(
        catalog, role_by_id(catalog, "junior-engineer"), {q.id: 4 for q in quiz_data(catalog).questions}
    )
    assert result.readiness is None
    assert result.graded == 0
    assert [r.skill.id for r in result.skills] == ["communication"]
    assert all(r.status == "no expectation" and r.expectation.state == "mentioned" for r in result.skills)
    assert result.gaps == []


def test_a_role_the_sources_grade_too_thinly_gets_no_percentage() -> None:
    # the shipped data-scientist's sources name five skills and grade none: the pack's default fills
    # the table, and never counts
    result = score(SHIPPED, role_by_id(SHIPPED, "data-scientist"), _all(SHIPPED, 4))
    default = SHIPPED.expectations.default_grade
    assert default is not None
    assert result.readiness is None
    assert (result.graded, result.named, result.minimum) == (0, 5, 5)
    assert all(r.expectation.state == "mentioned" and r.expected == default.grade for r in result.skills)
    assert not any(r.graded for r in result.skills)
    assert result.expectations.counts()["default"] == 5
    low = score(SHIPPED, role_by_id(SHIPPED, "data-scientist"), _all(SHIPPED, 0))
    assert low.readiness is None and low.gaps == []  # no gap on a grade no source gives


def test_defaults_never_count_towards_readiness() -> None:
    role = role_by_id(SHIPPED, "ml-engineer")
    graded = {e.skill.id for e in score(SHIPPED, role, {}).expectations.items if e.graded}
    # 4 in every graded skill, 0 in every skill named without a grade: still 100%
    answers = {q.skill: (4 if q.skill in graded else 0) for q in quiz_data(SHIPPED).questions if q.skill}
    result = score(SHIPPED, role, answers)
    assert result.readiness == 100 and result.met == result.graded == len(graded) >= 5
    assert result.named == len(result.skills) - len(graded) > 0


def test_executive_roles_are_never_ready_on_default_grades() -> None:
    # working knowledge everywhere used to make anyone "100% ready" for the executives
    for role_id in ("chief-technology-officer", "chief-data-officer", "director-of-engineering"):
        result = score(SHIPPED, role_by_id(SHIPPED, role_id), _all(SHIPPED, 2))
        assert result.readiness is None, role_id
        assert result.graded < result.minimum


def test_readiness_bounds() -> None:
    role = role_by_id(SHIPPED, "ml-engineer")
    assert score(SHIPPED, role, _all(SHIPPED, 0)).readiness == 0
    assert score(SHIPPED, role, _all(SHIPPED, 4)).readiness == 100
    assert readiness({"a": 0}, {"a": 0}) == 100
    assert readiness({"a": 3}, {}) is None


# --- level --------------------------------------------------------------------------


def test_level_is_judged_against_the_ml_engineer_family_at_each_level() -> None:
    fit = fit_level(SHIPPED, {s.id: 4 for s in SHIPPED.skills})
    assert fit.level is Level.senior
    assert fit.basis == (
        "meets every expectation of the senior-level Lead Machine Learning Engineer "
        "(12 of 12 graded expectations met)"
    )
    assert [c.status for c in fit.checks] == ["met", "met", "met"]
    assert [c.role.id for c in fit.checks if c.role is not None] == list(SHIPPED.expectations.family)
    # skills alone never show the level's other requirements: each check carries them, hedges kept
    levels = {lv.id: lv for lv in SHIPPED.levels}
    for check in fit.checks:
        assert check.requirements == tuple(levels[check.level].requirements)
    assert any(c.requirements for c in fit.checks)


def test_below_entry_is_a_start_not_no_data() -> None:
    fit = fit_level(SHIPPED, {s.id: 0 for s in SHIPPED.skills})
    assert fit.level is None and fit.below_entry
    assert fit.start is not None and fit.start.id == "junior-ml-engineer"
    assert fit.basis.startswith("below entry level: start with the Junior Machine Learning Engineer (0 of 3")
    # the junior's sources grade none of its skills: it is judged at the entry level's grade
    assert [c.status for c in fit.checks] == ["not met"] * 3
    assert [c.how for c in fit.checks] == ["characteristic", "graded", "graded"]


def test_level_below_the_lowest_graded_level_is_the_rung_below() -> None:
    # mini, with the entry role grading nothing: entry is no data, so "below mid" is entry
    catalog = _mini_with_junior_saying(Statement(skill="programming", quote="writes code", source="doc"))
    fit = fit_level(catalog, {"programming": 0, "statistics": 0})
    assert fit.level is Level.entry
    assert fit.basis == "below the mid-level Engineer: 0 of 2 graded expectations met"
    assert [c.status for c in fit.checks] == ["no data", "not met", "no data"]


def test_level_rules_on_a_ladder_with_entry_and_mid_expectations() -> None:
    # mini: junior-engineer (entry) expects programming 2; engineer (mid) programming 3, statistics 4
    assert fit_level(MINI_DATA, {"programming": 3, "statistics": 4}).level is Level.mid
    entry = fit_level(MINI_DATA, {"programming": 3, "statistics": 1})
    assert entry.level is Level.entry
    assert entry.basis == (
        "meets every expectation of the entry-level Junior Engineer (1 of 1 graded expectations met); "
        "mid (Engineer): 1 of 2 graded expectations met"
    )
    below = fit_level(MINI_DATA, {"programming": 1})
    assert below.level is None and below.start is not None and below.start.id == "junior-engineer"
    assert below.basis == "below entry level: start with the Junior Engineer (0 of 1 graded expectations met)"
    nothing = fit_level(MINI_DATA, {})
    assert nothing.level is None


# --- gaps and matches ---------------------------------------------------------------


def test_gaps_largest_first_with_credentials_tied_to_the_skill() -> None:
    role = role_by_id(SHIPPED, "ml-engineer")
    # the ML engineer expects algorithms at 3 (its mid-level statement), programming at 3
    answers = _all(SHIPPED, 0) | {"machine-learning-algorithms": 2, "statistics": 0, "programming": 3}
    result = score(SHIPPED, role, answers)
    sizes = [g.size for g in result.gaps]
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == 3  # expert wording, capped at the mid level's characteristic grade
    by_skill = {g.skill.id: g for g in result.gaps}
    assert "programming" not in by_skill  # met
    assert by_skill["machine-learning-algorithms"].size == 1
    creds = {c.id for c in by_skill["data-analysis"].credentials}
    assert creds == {"ibm-data-science-professional-certificate", "certified-analytics-professional"}
    assert by_skill["data-analysis"].skill.description.startswith("Collecting")
    assert {c.id for c in result.certifications} >= {"google-professional-ml-engineer"}
    assert result.disclaimer == DISCLAIMER


def test_matches_follow_interest_and_skills() -> None:
    role = role_by_id(SHIPPED, "ml-engineer")
    answers = _all(SHIPPED, 0) | {
        "interest-vision": 4,
        "interest-language": 3,
        "machine-learning-algorithms": 4,
    }
    result = score(SHIPPED, role, answers)
    ids = [m.role.id for m in result.matches]
    assert ids[:2] == ["computer-vision-engineer", "nlp-engineer"]
    assert len(ids) == 3  # the algorithms skill of its speciality alone also counts for the third
    top = result.matches[0]
    assert [q.id for q, _ in top.interests] == ["interest-vision"]
    assert [s.id for s, _ in top.skills] == ["machine-learning-algorithms"]
    assert 0 < top.score <= 100


def test_no_matches_without_interest_or_skills() -> None:
    result = score(SHIPPED, role_by_id(SHIPPED, "ml-engineer"), _all(SHIPPED, 0))
    assert result.matches == []


def test_mini_match_by_interest_alone() -> None:
    result = score(MINI_DATA, role_by_id(MINI_DATA, "engineer"), {"interest-images": 4})
    assert [(m.role.id, m.score) for m in result.matches] == [("vision-engineer", 70)]


# --- properties ---------------------------------------------------------------------

QUESTION_IDS = [q.id for q in quiz_data(SHIPPED).questions]
ROLE_IDS = [r.id for r in SHIPPED.roles]


@st.composite
def answers_and_a_rise(draw: st.DrawFn) -> tuple[str, dict[str, int], str, int]:
    role = draw(st.sampled_from(ROLE_IDS))
    ids = draw(st.lists(st.sampled_from(QUESTION_IDS), min_size=1, unique=True))
    answers = {i: draw(st.integers(0, 4)) for i in ids}
    raised = draw(st.sampled_from(ids))
    new = draw(st.integers(answers[raised], 4))
    return role, answers, raised, new


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(answers_and_a_rise())
def test_readiness_stays_in_bounds_and_never_falls_when_an_answer_rises(
    case: tuple[str, dict[str, int], str, int],
) -> None:
    role_id, answers, raised, new = case
    role = role_by_id(SHIPPED, role_id)
    before = score(SHIPPED, role, answers)
    after = score(SHIPPED, role, {**answers, raised: new})
    assert (before.readiness is None) == (after.readiness is None)
    if before.readiness is not None and after.readiness is not None:
        assert 0 <= before.readiness <= after.readiness <= 100
    for match in after.matches:
        assert 0 < match.score <= 100
    assert len(after.matches) <= 3


# --- answers files ------------------------------------------------------------------

QUESTIONS = quiz_data(MINI_DATA).questions
QUICK = select_questions(quiz_data(MINI_DATA), quick=True)


def _file(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _problems(path: Path, asked: list[Question] | None = None) -> list[str]:
    with pytest.raises(DataError) as info:
        read_answers(path, asked if asked is not None else list(QUESTIONS), list(QUESTIONS))
    return [str(p) for p in info.value.problems]


def test_yaml_answers(tmp_path: Path) -> None:
    path = _file(tmp_path, "programming: 3\nstatistics: 0\ncommunication: 4\ninterest-images: 2\n")
    got = read_answers(path, list(QUESTIONS), list(QUESTIONS))
    assert got == {"programming": 3, "statistics": 0, "communication": 4, "interest-images": 2}


def test_json_answers_by_extension_and_by_content(tmp_path: Path) -> None:
    data = {"programming": 3, "statistics": 0, "communication": 4, "interest-images": 2}
    for name in ("answers.json", "answers.txt"):
        path = _file(tmp_path, json.dumps(data, indent=2), name)
        assert read_answers(path, list(QUESTIONS), list(QUESTIONS)) == data


def test_bad_answers_name_file_line_and_question(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "programing: 3\nstatistics: 7\ncommunication: three\ninterest-images: true\n",
    )
    problems = _problems(path)
    assert any(
        p.endswith("answers.yaml:1: programing: unknown question id; did you mean 'programming'?")
        for p in problems
    )
    assert any(
        p.endswith("answers.yaml:2: statistics: answer must be a whole number 0-4, found 7") for p in problems
    )
    assert any(
        "answers.yaml:3: communication: answer must be a whole number 0-4, found 'three'" in p
        for p in problems
    )
    assert any(
        "answers.yaml:4: interest-images: answer must be a whole number 0-4, found true" in p
        for p in problems
    )
    assert any("programming: no answer" in p for p in problems)


def test_missing_and_empty_answers(tmp_path: Path) -> None:
    problems = _problems(_file(tmp_path, "programming: 3\nstatistics:\n"))
    assert any("answers.yaml:2: statistics: no answer given" in p for p in problems)
    assert any("communication: no answer (the question is missing)" in p for p in problems)
    assert _problems(_file(tmp_path, "")) == [
        f"{tmp_path / 'answers.yaml'}: expected a mapping of question id to answer (0-4), found nothing"
    ]
    assert "found a list" in _problems(_file(tmp_path, "- 1\n- 2\n"))[0]


def test_many_missing_answers_are_one_problem(tmp_path: Path) -> None:
    questions = quiz_data(SHIPPED).questions
    path = _file(tmp_path, "programming: 3\n")
    with pytest.raises(DataError) as info:
        read_answers(path, list(questions), list(questions))
    (problem,) = info.value.problems
    assert f"no answers to {len(questions) - 1} questions" in problem.message
    assert "--template" in problem.message


def test_duplicate_keys_are_refused_in_yaml_and_json(tmp_path: Path) -> None:
    assert (
        "answers.yaml:2: programming: duplicate key"
        in _problems(_file(tmp_path, "programming: 1\nprogramming: 2\n"))[0]
    )
    text = '{\n  "programming": 1,\n  "programming": 2\n}\n'
    assert "answers.json:2: programming: duplicate key" in _problems(_file(tmp_path, text, "answers.json"))[0]
    assert "answers.json:3: invalid JSON" in _problems(_file(tmp_path, '{\n "a": 1,\n}', "answers.json"))[0]


def test_quick_form_uses_only_its_answers(tmp_path: Path) -> None:
    path = _file(tmp_path, "programming: 3\nstatistics: 0\ncommunication: 4\ninterest-images: 2\n")
    got = read_answers(path, list(QUICK), list(QUESTIONS))
    assert got == {"programming": 3, "statistics": 0, "interest-images": 2}
