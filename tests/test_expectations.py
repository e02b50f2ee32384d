"""The content model: statements with a scope, one wording map, expectations by one rule.

Small packs, each built for one rule (a conflict, an inherited expectation, a silent source,
a level statement, a default grade), then the issue's checks on the shipped data.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlcareer.domain.expectations import expectations
from mlcareer.errors import DataError
from mlcareer.models import Catalog
from mlcareer.pack.catalog import load, load_catalog
from tests.conftest import REPO, Invoke

SEEDS = [REPO.parent / "shared" / "seeds", Path("/work/shared/seeds")]
SOURCE_FILES = {
    "zahir-2024": "000",
    "ml-engineer-jobs": "001",
    "unleashing-ai": "002",
    "what-does-mle-do": "003",
}

SKILLS = ["algorithms", "coding", "stats", "talking", "design"]


def _pack(
    tmp_path: Path,
    *,
    roles: list[dict[str, Any]],
    profession: list[dict[str, Any]] | None = None,
    levels: list[dict[str, Any]] | None = None,
    family: list[str] | None = None,
    default: int | None = 2,
) -> Path:
    """Write a small data pack and return its directory."""
    files: dict[str, Any] = {
        "sources.yaml": {"sources": [{"id": "doc", "title": "A document"}]},
        "skills.yaml": {
            "scale": [{"value": v, "name": f"step {v}", "description": f"Step {v}."} for v in range(5)],
            "skills": [
                {
                    "id": s,
                    "name": s.capitalize(),
                    "category": "technical",
                    "description": f"{s}.",
                    "sources": ["doc"],
                }
                for s in SKILLS
            ],
        },
        "roles.yaml": {"roles": roles},
        "levels.yaml": {"levels": levels or []},
        "expectations.yaml": {
            "wording": [
                {"phrase": "familiar with", "grade": 2},
                {"phrase": "familiarity with", "grade": 2},
                {"phrase": "solid understanding", "grade": 3},
                {"phrase": "expertise in", "grade": 4},
            ],
            **(
                {"default_grade": {"grade": default, "reason": "the pack's own choice"}}
                if default is not None
                else {}
            ),
            "family": family if family is not None else [r["id"] for r in roles if r["kind"] == "ladder"],
            "profession": {"applies_from": "mid", "statements": profession or []},
        },
    }
    pack = tmp_path / "pack"
    pack.mkdir()
    for name, content in files.items():
        (pack / name).write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    return pack


def _role(ident: str, level: str = "mid", kind: str = "ladder", **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "title": ident.replace("-", " ").title(),
        "level": level,
        "kind": kind,
        "summary": "A role.",
        "sources": ["doc"],
        **extra,
    }


def _said(skill: str, quote: str) -> dict[str, str]:
    return {"skill": skill, "quote": quote, "source": "doc"}


def _load(directory: Path) -> Catalog:
    load.cache_clear()
    return load_catalog(directory)


def _exp(catalog: Catalog, role: str, skill: str) -> Any:
    found = next(r for r in catalog.roles if r.id == role)
    return expectations(catalog, found).get(skill)


def test_same_scope_conflict_uses_the_lower_grade_and_keeps_both(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path,
        roles=[_role("engineer")],
        profession=[
            _said("coding", "Familiarity with coding tools."),
            _said("coding", "Expertise in coding."),
        ],
    )
    exp = _exp(_load(pack), "engineer", "coding")
    assert exp.grade == 2 and exp.basis == "profession" and exp.conflict
    assert [r.grade for r in exp.readings] == [2, 4]
    assert "lowest grade" in exp.why
    assert exp.label == "profession-wide, no level given"


def test_level_statement_sets_the_bar_over_the_profession(tmp_path: Path) -> None:
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
    pack = _pack(
        tmp_path,
        roles=[_role("engineer")],
        levels=levels,
        profession=[_said("algorithms", "Expertise in algorithms.")],
    )
    exp = _exp(_load(pack), "engineer", "algorithms")
    assert (exp.grade, exp.basis, exp.label) == (
        3,
        "level",
        "from the mid-level statement, said of engineers at the mid level",
    )
    assert exp.conflict and "narrowest" in exp.why


def test_all_forms_of_a_phrase_read_alike(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path,
        roles=[_role("engineer")],
        profession=[
            _said("stats", "Engineers should be familiar with stats."),
            _said("coding", "Familiarity with coding tools."),
        ],
    )
    catalog = _load(pack)
    assert _exp(catalog, "engineer", "stats").grade == _exp(catalog, "engineer", "coding").grade == 2


def test_a_kind_inherits_and_says_so(tmp_path: Path) -> None:
    roles = [
        _role("engineer", skills=[_said("design", "Designing systems.")]),
        _role(
            "vision-engineer",
            kind="specialisation",
            specialises="engineer",
            skills=[_said("algorithms", "Expertise in algorithms for images.")],
        ),
    ]
    pack = _pack(
        tmp_path, roles=roles, family=["engineer"], profession=[_said("coding", "Expertise in coding.")]
    )
    catalog = _load(pack)
    kind = next(r for r in catalog.roles if r.id == "vision-engineer")
    exps = expectations(catalog, kind)
    coding = exps.get("coding")
    assert coding is not None and coding.inherited_from is not None
    assert coding.label == "as for the Engineer (profession-wide, no level given)"
    own = exps.get("algorithms")
    assert own is not None and own.inherited_from is None and own.basis == "role" and own.grade == 4
    assert exps.counts() == {
        "role": 1,
        "level": 0,
        "profession": 0,
        "speciality": 0,
        "default": 0,
        "inherited": 2,
    }


def test_profession_is_never_the_bar_of_an_entry_role_or_of_a_role_outside_the_family(tmp_path: Path) -> None:
    roles = [
        _role("junior", level="entry", skills=[_said("coding", "Assisting with coding.")]),
        _role("engineer"),
        _role("analyst"),
    ]
    pack = _pack(
        tmp_path,
        roles=roles,
        family=["junior", "engineer"],
        profession=[_said("algorithms", "Expertise in algorithms.")],
    )
    catalog = _load(pack)
    junior = expectations(catalog, next(r for r in catalog.roles if r.id == "junior"))
    assert [e.skill.id for e in junior.items] == ["coding"]
    assert [r.skill for r in junior.values] == ["algorithms"]  # shown beside, not scored
    assert _exp(catalog, "analyst", "algorithms") is None  # not stated
    assert _exp(catalog, "engineer", "algorithms").grade == 4


def test_named_without_a_grade_scores_at_the_pack_default(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path, roles=[_role("engineer", skills=[_said("talking", "Talking to people.")])], default=1
    )
    exp = _exp(_load(pack), "engineer", "talking")
    assert (exp.state, exp.grade, exp.basis) == ("mentioned", 1, "default")
    assert "default" in exp.label


def test_a_silent_source_gives_no_readiness_and_says_why(tmp_path: Path, invoke: Invoke) -> None:
    pack = _pack(
        tmp_path, roles=[_role("engineer", skills=[_said("coding", "Expertise in coding.")]), _role("quiet")]
    )
    quiz = {
        "questions": [
            {
                "id": "coding",
                "kind": "skill",
                "skill": "coding",
                "text": "Coding?",
                "steps": ["a", "b", "c", "d", "e"],
            }
        ]
    }
    (pack / "quiz.yaml").write_text(yaml.safe_dump(quiz), encoding="utf-8")
    answers = tmp_path / "answers.yaml"
    answers.write_text("coding: 3\n", encoding="utf-8")
    result = invoke(
        "--data-dir", str(pack), "quiz", "--answers", str(answers), "--role", "quiet", "--json", "--no-save"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["readiness"]["percent"] is None
    text = invoke("--data-dir", str(pack), "quiz", "--answers", str(answers), "--role", "quiet", "--no-save")
    assert "the sources name no skill for this role" in text.stdout
    listed = json.loads(invoke("--data-dir", str(pack), "skills", "--json").stdout)
    coding = next(s for s in listed["skills"] if s["id"] == "coding")
    assert coding["roles"] == {"expected": 1, "mentioned": 0, "inherited": 0, "not_stated": 1}


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ({"skill": "coding", "source": "doc"}, "quote"),
        (_said("coding", "Familiarity with and expertise in coding."), "more than one grade"),
        ({"skill": "coding", "quote": "Coding.", "source": "nowhere"}, "unknown source 'nowhere'"),
        (_said("cooking", "Cooking."), "unknown skill 'cooking'"),
    ],
)
def test_validate_refuses_a_bad_statement(
    tmp_path: Path, invoke: Invoke, statement: dict[str, Any], message: str
) -> None:
    pack = _pack(tmp_path, roles=[_role("engineer", skills=[statement])])
    result = invoke("--data-dir", str(pack), "validate")
    assert result.exit_code == 1
    assert message in result.stderr
    assert re.search(r"roles\.yaml:\d+: roles\[0\]\.skills\[0\]", result.stderr), result.stderr


def test_validate_refuses_the_invented_ladder(tmp_path: Path, invoke: Invoke) -> None:
    pack = _pack(tmp_path, roles=[_role("engineer", leads_to=["engineer"])])
    result = invoke("--data-dir", str(pack), "validate")
    assert result.exit_code == 1 and "leads_to" in result.stderr


# ---------------------------------------------------------------- the shipped data


def _answers(tmp_path: Path, invoke: Invoke, values: dict[str, int]) -> Path:
    template = yaml.safe_load(invoke("quiz", "--template").stdout)
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump({q: values.get(q, 4) for q in template if q != "name"}), encoding="utf-8")
    return path


@pytest.mark.slow
def test_every_shipped_role_gets_a_readiness_with_its_bases(tmp_path: Path, invoke: Invoke) -> None:
    answers = _answers(tmp_path, invoke, {})
    roles = json.loads(invoke("roles", "--json").stdout)["roles"]
    assert len(roles) == 24
    scored = 0
    for role in roles:
        result = invoke("quiz", "--answers", str(answers), "--role", role["id"], "--json", "--no-save")
        assert result.exit_code == 0, result.stderr
        readiness = json.loads(result.stdout)["readiness"]
        counts = readiness["expectations"]
        assert set(counts) == {"role", "level", "profession", "speciality", "default", "inherited"}
        assert readiness["named"] + readiness["graded"] == sum(counts.values()) > 0
        if readiness["graded"] >= readiness["minimum"]:
            assert isinstance(readiness["percent"], int) and readiness["scored"], role["id"]
            scored += 1
        else:  # too few graded: no percentage, and it says so with the count
            assert readiness["percent"] is None and not readiness["scored"], role["id"]
            total = sum(counts.values())
            assert (
                f"too few of this role's skills to score it ({readiness['graded']} of {total})"
                in (readiness["note"])
            )
    assert scored == 14  # the ML engineer, the lead and the twelve kinds


def test_a_solid_understanding_meets_the_mid_level_bar(tmp_path: Path, invoke: Invoke) -> None:
    answers = _answers(tmp_path, invoke, {"machine-learning-algorithms": 3})
    data = json.loads(
        invoke("quiz", "--answers", str(answers), "--role", "ml-engineer", "--json", "--no-save").stdout
    )
    assert "machine-learning-algorithms" not in [g["skill"] for g in data["gaps"]]
    row = next(s for s in data["skills"] if s["skill"] == "machine-learning-algorithms")
    assert row["expectation"]["basis"] == "level" and row["expectation"]["expected"]["grade"] == 3


def test_the_ladder_rests_on_levels(invoke: Invoke) -> None:
    route = invoke("path", "--from", "software-engineer", "--to", "ml-engineer")
    assert route.exit_code == 0
    assert "new skill" not in route.stdout and "not listed" not in route.stdout
    assert "Advance to the next level" in route.stdout
    onward = invoke("path", "--from", "computer-vision-engineer", "--json")
    assert len(json.loads(onward.stdout)["nodes"]) > 1
    kind = invoke("path", "--from", "ml-engineer", "--to", "computer-vision-engineer", "--json")
    assert kind.exit_code == 0
    assert json.loads(kind.stdout)["route"]["steps"][0]["kind"] == "specialisation"


@pytest.mark.slow
def test_decision_facts_are_shown(invoke: Invoke) -> None:
    assert "mathematics" in invoke("skills", "--search", "math").stdout
    compared = invoke("compare", "ml-engineer", "data-scientist").stdout
    assert "How they differ" in compared and "infrastructure" in compared
    assert "several years of experience" in _flat(invoke("role", "ml-engineer").stdout).lower()
    assert "internships or personal projects" in _flat(invoke("role", "junior-ml-engineer").stdout)
    for role in json.loads(invoke("roles", "--json").stdout)["roles"]:
        assert "asked of" not in invoke("role", role["id"]).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_profession_wide_list_beside_the_junior_engineer(invoke: Invoke) -> None:
    data = json.loads(invoke("role", "junior-ml-engineer", "--json").stdout)["role"]
    assert data["expectations"]["profession_values"]
    assert all(s["basis"] != "profession" for s in data["skills"])


def _seed_text() -> dict[str, str]:
    for folder in SEEDS:
        if folder.is_dir():
            return {
                sid: re.sub(r"\s+", " ", next(folder.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))
                for sid, prefix in SOURCE_FILES.items()
            }
    pytest.skip("the source documents (shared/seeds) are not beside this checkout")


def _quoted(node: Any) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        if isinstance(node.get("quote"), str) and isinstance(node.get("source"), str):
            found.append((node["source"], node["quote"]))
        for value in node.values():
            found += _quoted(value)
    elif isinstance(node, list):
        for value in node:
            found += _quoted(value)
    return found


def test_every_quote_in_the_data_is_verbatim_in_its_source() -> None:
    seeds = _seed_text()
    quotes = [
        q for f in sorted((REPO / "data").glob("*.yaml")) for q in _quoted(yaml.safe_load(f.read_text()))
    ]
    assert len(quotes) > 80
    for source, quote in quotes:
        if source in seeds:
            assert re.sub(r"\s+", " ", quote).strip() in seeds[source], (source, quote)


def test_no_grade_is_written_by_hand() -> None:
    roles = yaml.safe_load((REPO / "data" / "roles.yaml").read_text())["roles"]
    assert all("proficiency" not in s for r in roles for s in r.get("skills", []))


def test_quote_with_two_grades_is_a_data_error(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path, roles=[_role("engineer")], profession=[_said("coding", "Familiarity with, expertise in.")]
    )
    with pytest.raises(DataError, match="more than one grade"):
        _load(pack)


def test_a_kinds_counts_say_on_what_the_inherited_grades_rest(invoke: Invoke) -> None:
    out = " ".join(invoke("role", "computer-vision-engineer", "--section", "skills").stdout.split())
    mle = " ".join(invoke("role", "ml-engineer", "--section", "skills").stdout.split())
    assert "Expectations by basis: 1 level, 11 profession, 15 named without a grade" in mle
    # its speciality (algorithms) is its own; the rest rests on what the ML engineer's rests on
    assert (
        "Expectations by basis: 1 speciality, 26 inherited from the Machine Learning Engineer "
        "(11 profession, 15 named without a grade (the default, never counted))."
    ) in out
