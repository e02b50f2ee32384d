"""Grades a mentor would sign: each rule of the calibration pinned by a small pack of its own.

The level ceiling, a kind's speciality, a role graded too thinly to score, a beginner below the
entry level, a sentence scoped to its bullet (and to part of a skill), a level statement said of
named roles, and moves up the ladder between levels. Then the same rules on the shipped data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlcareer.domain.careers import role_by_id
from mlcareer.domain.expectations import expectations
from mlcareer.domain.ladder import route
from mlcareer.domain.plan import make_plan
from mlcareer.domain.quiz import score
from mlcareer.errors import DataError
from mlcareer.models import Catalog
from mlcareer.pack.catalog import load_catalog, shipped_data_dir
from tests.conftest import Invoke
from tests.test_expectations import _exp, _load, _pack, _role, _said

SHIPPED = load_catalog(shipped_data_dir())

CEILINGS = {
    "reason": "the pack's reading of each rung",
    "levels": [
        {"level": "entry", "grade": 2, "quote": "Some experience with coding.", "source": "doc"},
        {"level": "mid", "grade": 3, "quote": "A solid understanding.", "source": "doc"},
        {"level": "senior", "grade": 4, "quote": "Extensive experience.", "source": "doc"},
    ],
}
SPECIALITY = {"grade": 4, "quote": "Each with its expertise.", "source": "doc"}


def _calibrated(
    tmp_path: Path,
    *,
    roles: list[dict[str, Any]],
    profession: list[dict[str, Any]] | None = None,
    levels: list[dict[str, Any]] | None = None,
    family: list[str] | None = None,
    minimum: int | None = None,
    speciality: bool = True,
    quiz: bool = False,
) -> Path:
    """A small pack with the level ceilings (and the speciality grade, the readiness minimum)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    pack = _pack(tmp_path, roles=roles, profession=profession, levels=levels, family=family)
    path = pack / "expectations.yaml"
    rules = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules["ceilings"] = CEILINGS
    if speciality:
        rules["speciality"] = {**SPECIALITY, "reason": "the pack's reading"}
    if minimum is not None:
        rules["readiness"] = {"minimum_graded": minimum, "reason": "the pack's choice"}
    path.write_text(yaml.safe_dump(rules, sort_keys=False), encoding="utf-8")
    if quiz:
        questions = [
            {"id": s, "kind": "skill", "skill": s, "text": f"{s}?", "steps": ["a", "b", "c", "d", "e"]}
            for s in ("algorithms", "coding", "stats", "talking", "design")
        ]
        (pack / "quiz.yaml").write_text(yaml.safe_dump({"questions": questions}), encoding="utf-8")
    return pack


def _role_of(catalog: Catalog, ident: str) -> Any:
    return role_by_id(catalog, ident)


# ---------------------------------------------------------------- the level ceiling


def test_a_broader_statement_is_capped_at_the_level_and_says_so(tmp_path: Path) -> None:
    roles = [
        _role("junior", level="entry", skills=[_said("coding", "Assisting with coding.")]),
        _role("engineer", skills=[_said("talking", "Expertise in talking to people.")]),
        _role("lead", level="senior"),
    ]
    pack = _calibrated(
        tmp_path,
        roles=roles,
        profession=[_said("coding", "Expertise in coding."), _said("stats", "Familiarity with stats.")],
    )
    catalog = _load(pack)
    coding = _exp(catalog, "engineer", "coding")
    # profession-wide "expertise in" (4) grades the mid-level role at most proficient (3)
    assert (coding.grade, coding.basis) == (3, "profession")
    assert coding.ceiling is not None and coding.ceiling.level.value == "mid"
    assert "capped at the mid level" in coding.label and "'expertise in'" in coding.label
    # below the ceiling nothing changes
    assert (_exp(catalog, "engineer", "stats").grade, _exp(catalog, "engineer", "stats").ceiling) == (2, None)
    # only the role's own description lifts a grade above it
    talking = _exp(catalog, "engineer", "talking")
    assert (talking.grade, talking.basis, talking.ceiling) == (4, "role", None)
    # at the senior level the same sentence is not capped
    assert (_exp(catalog, "lead", "coding").grade, _exp(catalog, "lead", "coding").ceiling) == (4, None)


def test_no_entry_role_expects_more_than_working_knowledge_in_the_shipped_data() -> None:
    for role in SHIPPED.roles:
        exps = expectations(SHIPPED, role)
        for exp in exps.items:
            if exp.grade is None or exp.basis == "role":
                continue  # only the role's own description may lift a grade above the ceiling
            if role.level.value == "entry":
                assert exp.grade <= 2, (role.id, exp.skill.id)
            if role.level.value == "mid" and exp.basis != "speciality":
                assert exp.grade <= 3, (role.id, exp.skill.id)
    maths = expectations(SHIPPED, _role_of(SHIPPED, "ml-engineer")).get("mathematics")
    assert maths is not None and maths.grade == 3 and maths.ceiling is not None
    assert maths.chosen is not None and maths.chosen.phrase == "expertise in"


# ---------------------------------------------------------------- a kind's speciality


def _kind_pack(tmp_path: Path, speciality: bool = True) -> Catalog:
    kind = _role(
        "design-engineer",
        kind="specialisation",
        specialises="engineer",
        speciality={"skills": ["design"], "quote": "Specializes in design.", "source": "doc"},
    )
    pack = _calibrated(
        tmp_path,
        roles=[_role("engineer"), kind],
        family=["engineer"],
        profession=[
            _said("design", "Familiarity with design tools."),
            _said("coding", "Expertise in coding."),
            _said("stats", "Engineers should be familiar with stats."),
        ],
        speciality=speciality,
        quiz=True,
    )
    return _load(pack)


def test_a_kind_expects_its_speciality_above_what_it_inherits(tmp_path: Path) -> None:
    catalog = _kind_pack(tmp_path)
    design = _exp(catalog, "design-engineer", "design")
    # inherited "familiarity with" (2) never pulls the speciality down: the pack's speciality grade
    assert (design.grade, design.basis, design.inherited_from) == (4, "speciality", None)
    assert design.speciality is not None and design.speciality.quote == "Specializes in design."
    assert "the kind's own speciality" in design.label and "Each with its expertise." in design.label
    assert _exp(catalog, "engineer", "design").grade == 2
    # without a speciality grade in the pack, the level ceiling is the floor
    other = _kind_pack(tmp_path / "other", speciality=False)
    assert _exp(other, "design-engineer", "design").grade == 3


def test_a_kinds_readiness_differs_where_its_speciality_does(tmp_path: Path) -> None:
    catalog = _kind_pack(tmp_path)
    strong_only_there = {"design": 4, "coding": 1, "stats": 1}
    kind = score(catalog, _role_of(catalog, "design-engineer"), strong_only_there)
    engineer = score(catalog, _role_of(catalog, "engineer"), strong_only_there)
    assert kind.readiness is not None and engineer.readiness is not None
    assert kind.readiness > engineer.readiness


def test_the_shipped_kinds_expect_their_speciality_at_least_proficient() -> None:
    ml = expectations(SHIPPED, _role_of(SHIPPED, "ml-engineer"))
    for kind, skill in (
        ("deep-learning-engineer", "deep-learning"),
        ("research-ml-engineer", "research"),
        ("big-data-ml-engineer", "big-data-tools"),
        ("production-ml-engineer", "model-deployment"),
    ):
        exp = expectations(SHIPPED, _role_of(SHIPPED, kind)).get(skill)
        assert exp is not None and exp.grade is not None and exp.grade >= 3, kind
        assert exp.basis == "speciality"
        theirs = ml.get(skill)
        assert theirs is None or not theirs.graded or (theirs.grade or 0) < exp.grade, kind
    # every kind names its speciality, with its defining description
    for role in SHIPPED.roles:
        if role.kind == "specialisation":
            assert role.speciality is not None and role.speciality.quote.startswith(role.title), role.id


def test_a_speciality_without_a_quote_or_on_a_ladder_role_is_refused(tmp_path: Path) -> None:
    kind = _role("kind", kind="specialisation", specialises="engineer", speciality={"skills": ["design"]})
    with pytest.raises(DataError, match=r"speciality\.quote: required field is missing"):
        _load(_calibrated(tmp_path / "a", roles=[_role("engineer"), kind]))
    ladder = _role("engineer", speciality={"skills": ["design"], "quote": "Design work.", "source": "doc"})
    with pytest.raises(DataError, match="only a kind of ML engineer"):
        _load(_calibrated(tmp_path / "b", roles=[ladder]))


# ---------------------------------------------------------------- readiness rests on graded expectations


def test_a_role_graded_too_thinly_gets_no_percentage_and_says_so(tmp_path: Path, invoke: Invoke) -> None:
    roles = [
        _role(
            "thin",
            skills=[
                _said("coding", "Expertise in coding."),
                _said("stats", "Working with stats."),
                _said("design", "Design of systems."),
            ],
        )
    ]
    pack = _calibrated(tmp_path, roles=roles, family=[], minimum=2, quiz=True)
    catalog = _load(pack)
    result = score(catalog, _role_of(catalog, "thin"), {"coding": 4, "stats": 4, "design": 4})
    assert result.readiness is None and (result.graded, result.named, result.minimum) == (1, 2, 2)
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump({s: 4 for s in ("algorithms", "coding", "stats", "talking", "design")}))
    args = ("--data-dir", str(pack), "quiz", "--answers", str(answers), "--role", "thin", "--no-save")
    out = " ".join(invoke(*args).stdout.split())
    assert (
        "the sources grade too few of this role's skills to score it (1 of 3); here is how your answers"
        in out
    )
    assert "%" not in out.split("In short:", 1)[1].split(";", 1)[0]
    data = json.loads(invoke(*args, "--json").stdout)["readiness"]
    assert (data["percent"], data["scored"], data["graded"], data["named"], data["minimum"]) == (
        None,
        False,
        1,
        2,
        2,
    )


def test_working_knowledge_everywhere_is_not_ready_for_an_executive_role(
    invoke: Invoke, tmp_path: Path
) -> None:
    template = [q for q in yaml.safe_load(invoke("quiz", "--template").stdout) if q != "name"]
    answers = tmp_path / "twos.yaml"
    answers.write_text(yaml.safe_dump(dict.fromkeys(template, 2)), encoding="utf-8")
    for role in (
        "chief-technology-officer",
        "chief-data-officer",
        "director-of-engineering",
        "data-scientist",
    ):
        out = invoke("quiz", "--answers", str(answers), "--role", role, "--no-save").stdout
        verdict = " ".join(out.split()).split("In short:", 1)[1]
        assert "100%" not in verdict and "the sources grade too few" in verdict, role
    # every verdict says how many graded expectations it rests on
    mle = invoke("quiz", "--answers", str(answers), "--no-save").stdout
    assert "(2 of 12 graded expectations met)" in " ".join(mle.split())


# ---------------------------------------------------------------- a start for beginners


def test_a_beginner_starts_at_the_entry_role_with_working_knowledge(invoke: Invoke, tmp_path: Path) -> None:
    template = [q for q in yaml.safe_load(invoke("quiz", "--template").stdout) if q != "name"]
    zeros = tmp_path / "zeros.yaml"
    zeros.write_text(yaml.safe_dump(dict.fromkeys(template, 0)), encoding="utf-8")
    out = " ".join(invoke("quiz", "--answers", str(zeros), "--no-save").stdout.split())
    assert "below entry level: start with the Junior Machine Learning Engineer" in out
    assert "no data" not in out.split("Level:", 1)[1].split("By level", 1)[0]
    plan = make_plan(SHIPPED, _role_of(SHIPPED, "ml-engineer"), dict.fromkeys(template, 0))
    assert plan.start is not None and plan.start.id == "junior-ml-engineer"
    first = [s for s in plan.steps if s.kind == "skill" and s.level.value == "entry"]
    assert first and all((s.target or 0) <= 2 for s in first)  # working knowledge, not expert
    maths = next(s for s in plan.steps if s.id == "mathematics")
    later = next(s for s in plan.steps if s.id == "mathematics-mid")
    assert (maths.target, later.base, later.target) == (2, 2, 3)
    text = " ".join(invoke("plan", "--answers", str(zeros)).stdout.split())
    assert "aim for 2/4 working knowledge at the entry level" in text
    assert "4/4 expert" not in text.split("Mid level", 1)[0]


# ---------------------------------------------------------------- a sentence grades what it is about


def test_a_sentence_about_part_of_a_skill_does_not_lower_the_whole(tmp_path: Path) -> None:
    profession = [
        {
            **_said("coding", "Coding Languages: A solid understanding of coding languages."),
            "bullet": "Coding Languages",
        },
        {
            **_said("coding", "Familiarity with coding libraries."),
            "bullet": "Coding Languages",
            "part": "coding libraries",
        },
    ]
    pack = _calibrated(tmp_path, roles=[_role("engineer")], profession=profession)
    coding = _exp(_load(pack), "engineer", "coding")
    assert coding.grade == 3
    assert "does not grade the whole skill" in coding.why
    assert [r.bullet for r in coding.readings] == ["Coding Languages", "Coding Languages"]


def test_a_sentence_attached_to_a_skill_it_does_not_name_is_refused(tmp_path: Path) -> None:
    pack = _calibrated(tmp_path, roles=[_role("engineer", skills=[_said("stats", "Assisting with coding.")])])
    with pytest.raises(DataError, match="the sentence does not name skill 'stats'"):
        _load(pack)
    # its bullet's heading may name it
    bulleted = {**_said("stats", "Proficiency in the methods."), "bullet": "Stats"}
    ok = _calibrated(tmp_path / "ok", roles=[_role("engineer")], profession=[bulleted])
    assert _exp(_load(ok), "engineer", "stats") is not None


def test_the_shipped_frameworks_sentence_is_read_for_programming_only() -> None:
    sentence = (
        "Familiarity with machine learning libraries and frameworks, such as TensorFlow, PyTorch, "
        "and scikit-learn."
    )
    said = SHIPPED.expectations.profession
    assert said is not None
    found = [s for s in said.statements if s.quote == sentence]
    assert [(s.skill, s.bullet, s.part) for s in found] == [
        ("programming", "Programming Languages", "machine learning libraries and frameworks")
    ]
    mle = expectations(SHIPPED, _role_of(SHIPPED, "ml-engineer"))
    assert mle.get("programming") is not None and mle.get("programming").grade == 3  # type: ignore[union-attr]
    assert mle.get("deep-learning") is not None and mle.get("deep-learning").grade == 3  # type: ignore[union-attr]


def test_a_level_statement_covers_only_the_roles_it_names(tmp_path: Path) -> None:
    levels = [
        {
            "id": "mid",
            "name": "Mid level",
            "sources": ["doc"],
            "expects": [
                {
                    **_said("algorithms", "A solid understanding of algorithms."),
                    "said_of": "engineers at the mid level",
                    "covers": ["engineer"],
                }
            ],
        }
    ]
    pack = _calibrated(
        tmp_path, roles=[_role("engineer"), _role("analyst")], levels=levels, family=["engineer"]
    )
    catalog = _load(pack)
    said = _exp(catalog, "engineer", "algorithms")
    assert said.grade == 3 and "said of engineers at the mid level" in said.label
    assert _exp(catalog, "analyst", "algorithms") is None  # not silently extended: not stated
    shipped_cto = expectations(SHIPPED, _role_of(SHIPPED, "chief-technology-officer")).get("leadership")
    assert shipped_cto is not None and shipped_cto.readings[0].scope == "level"
    assert shipped_cto.readings[0].said_of is not None


# ---------------------------------------------------------------- moves with their basis


def test_the_ladder_moves_between_levels_with_their_sentence(invoke: Invoke) -> None:
    data = json.loads(invoke("path", "--json").stdout)
    assert all(e["kind"] in ("advance", "specialise") and e["quote"] for e in data["edges"])
    assert not [e for e in data["edges"] if e["kind"] == "advance" and e["between"] == "roles"]
    mermaid = invoke("path", "--format", "mermaid").stdout
    arrows = [line for line in mermaid.splitlines() if "-->" in line or "-.->" in line]
    assert arrows and all("|" in line for line in arrows)  # every arrow labelled
    assert not [a for a in arrows if "-->" in a and "r_" in a]  # no role-to-role move up


def test_a_route_shows_no_grade_change_no_source_states(tmp_path: Path) -> None:
    found = route(
        SHIPPED, _role_of(SHIPPED, "principal-data-scientist"), _role_of(SHIPPED, "senior-data-scientist")
    )
    for growth in found.steps[0].skills:
        if growth.change is not None and growth.change != 0:
            assert growth.basis in ("sources", "ceiling", "speciality")
    # the ML engineer to the lead: "expertise in" is capped at mid, not at senior: a labelled change
    up = route(SHIPPED, _role_of(SHIPPED, "lead-ml-engineer"), _role_of(SHIPPED, "ml-engineer"))
    maths = next(g for g in up.steps[0].skills if g.skill.id == "mathematics")
    assert (maths.change, maths.basis) == (1, "ceiling")
    junior = route(SHIPPED, _role_of(SHIPPED, "ml-engineer"), _role_of(SHIPPED, "junior-ml-engineer"))
    algorithms = next(g for g in junior.steps[0].skills if g.skill.id == "machine-learning-algorithms")
    assert (algorithms.change, algorithms.basis) == (None, "unsourced")


# ---------------------------------------------------------------- words as the sources word them


def test_the_junior_role_names_the_bachelors_degree_of_entry_level_positions(invoke: Invoke) -> None:
    out = " ".join(invoke("role", "junior-ml-engineer", "--section", "education").stdout.split())
    assert "The sources do not say" not in out
    assert "Said of entry-level positions" in out and "a bachelor's degree in computer science" in out
    kind = " ".join(invoke("role", "deep-learning-engineer", "--section", "education").stdout.split())
    assert "As for the Machine Learning Engineer" in kind and "Bachelor's degree" in kind


def test_the_quiz_hedges_credentials(invoke: Invoke) -> None:
    out = " ".join(invoke("quiz", "--answers", "examples/answers.yaml", "--no-save").stdout.split())
    assert "Certifications the role lists" not in out
    assert "Certifications the sources say can help, none asked of the role: Google Professional" in out
    assert "--section certifications` words each, hedges kept" in out
