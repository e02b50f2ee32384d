"""The ladder domain: the graph, reachability, shortest routes, skill growth and pay per step."""

from __future__ import annotations

from typing import Any

import pytest

from mlcareer.choices import Level
from mlcareer.domain.careers import role_by_id
from mlcareer.domain.ladder import (
    ROUTE_NOTE,
    Edge,
    Ladder,
    Route,
    edges,
    explore,
    ladder,
    pay_change,
    reachable,
    route,
)
from mlcareer.errors import NoRouteError
from mlcareer.models import Catalog
from mlcareer.pack.catalog import load_catalog
from tests.conftest import REPO

SHIPPED_LADDER = [
    "junior-ml-engineer",
    "data-scientist",
    "software-engineer",
    "ml-engineer",
    "senior-data-scientist",
    "systems-engineer",
    "lead-ml-engineer",
    "principal-data-scientist",
    "technical-architect",
    "chief-data-officer",
    "chief-technology-officer",
    "director-of-engineering",
]


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog(REPO / "data")


def make(
    roles: list[dict[str, Any]],
    figures: list[dict[str, Any]] | None = None,
    expectations: dict[str, Any] | None = None,
) -> Catalog:
    """A catalog in memory: each role needs id, level and whatever the test is about."""
    skill = {"category": "technical", "description": "d", "sources": ["doc"]}
    return Catalog.model_validate(
        {
            "sources": [{"id": "doc", "title": "Doc"}],
            "scale": [{"value": v, "name": f"step {v}", "description": "d"} for v in range(5)],
            "skills": [{"id": s, "name": s.title(), **skill} for s in ("python", "stats", "talk")],
            "roles": [
                {"title": r["id"].title(), "kind": "ladder", "summary": "s", "sources": ["doc"], **r}
                for r in roles
            ],
            "salaries": {"figures": figures or []},
            "expectations": expectations or {},
        }
    )


def said(skill: str, quote: str) -> dict[str, str]:
    """A statement of the source 'doc' about ``skill``."""
    return {"skill": skill, "quote": quote, "source": "doc"}


#: The wording map of the in-memory catalogs: the grade is read from the quote.
WORDING = [
    {"phrase": "familiar with", "grade": 2},
    {"phrase": "strong", "grade": 3},
    {"phrase": "expertise in", "grade": 4},
]


def fig(fid: str, role: str, level: str, low: int, high: int | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "id": fid,
        "roles": [role],
        "level": level,
        "kind": "range",
        "low": low,
        "high": high,
        "currency": "USD",
        "period": "year",
        "scope": "s",
        "source": "doc",
        **extra,
    }


def ids(route: Route) -> list[str]:
    return [r.id for r in route.roles]


# ---------------------------------------------------------------- the graph


def test_whole_ladder_has_every_role_by_level(shipped: Catalog) -> None:
    whole = ladder(shipped)
    assert [n.role.id for n in whole.nodes if n.role.kind == "ladder"] == SHIPPED_LADDER
    assert [level for level, _ in whole.levels] == list(Level)
    assert dict(whole.levels)[Level.entry] == "Entry level"
    specialisations = whole.children("ml-engineer")
    assert len(specialisations) == 12
    assert all(n.role.kind == "specialisation" and n.parent == "ml-engineer" for n in specialisations)
    assert "computer-vision-engineer" not in [n.role.id for n in whole.top(Level.mid)]


def test_edges_advance_to_every_ladder_role_of_the_next_level_then_specialise(shipped: Catalog) -> None:
    found = edges(shipped)
    assert found[:4] == [
        Edge("junior-ml-engineer", "ml-engineer", "advance"),
        Edge("junior-ml-engineer", "senior-data-scientist", "advance"),
        Edge("junior-ml-engineer", "systems-engineer", "advance"),
        Edge("data-scientist", "ml-engineer", "advance"),
    ]
    ladder_at = {lv: sum(1 for r in shipped.roles if r.kind == "ladder" and r.level == lv) for lv in Level}
    later = {lv: next((x for x in Level if x.rank == lv.rank + 1), None) for lv in Level}
    advances = sum(ladder_at[n] for r in shipped.roles if (n := later[r.level]) is not None)
    advance = [e for e in found if e.kind == "advance"]
    assert len(advance) == advances
    roles = {r.id: r for r in shipped.roles}
    assert all(roles[e.target].kind == "ladder" for e in advance)
    assert all(roles[e.target].level.rank == roles[e.source].level.rank + 1 for e in advance)
    # a kind of ML engineer advances like the role it specialises
    assert Edge("computer-vision-engineer", "lead-ml-engineer", "advance") in advance
    assert {e.source for e in found if e.kind == "specialisation"} == {"ml-engineer"}
    assert found[len(advance) :] == [e for e in found if e.kind == "specialisation"]


def test_a_leads_to_list_is_no_longer_part_of_a_role() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="leads_to"):
        make([{"id": "a", "level": "entry", "leads_to": ["b"]}, {"id": "b", "level": "mid"}])


def test_pay_shown_is_at_the_role_own_level(shipped: Catalog) -> None:
    nodes = {n.role.id: n for n in ladder(shipped).nodes}
    assert [f.id for f in nodes["junior-ml-engineer"].pay] == ["mle-entry"]
    # ml-engineer has figures at every level and an average: only the mid-level one is its band
    assert [f.id for f in nodes["ml-engineer"].pay] == ["mle-mid"]
    assert [f.id for f in nodes["lead-ml-engineer"].pay] == ["mle-senior"]
    assert nodes["chief-technology-officer"].pay == []


def test_reachable_from_a_role(shipped: Catalog) -> None:
    lead = role_by_id(shipped, "lead-ml-engineer")
    assert [r.id for r in reachable(shipped, lead)] == [
        "lead-ml-engineer",
        "chief-data-officer",
        "chief-technology-officer",
        "director-of-engineering",
    ]
    part = ladder(shipped, role_by_id(shipped, "ml-engineer"))
    shown = {n.role.id for n in part.nodes}
    assert "data-scientist" not in shown and "senior-data-scientist" not in shown
    assert "chief-data-officer" in shown  # every senior role can lead to every executive one
    assert {"technical-architect", "chief-technology-officer", "nlp-engineer"} <= shown
    assert all(e.source in shown and e.target in shown for e in part.edges)
    assert part.start is not None and part.start.id == "ml-engineer"


def test_a_specialisation_shown_without_its_parent_stands_at_its_level() -> None:
    cat = make(
        [
            {"id": "base", "level": "mid"},
            {"id": "spec", "level": "mid", "kind": "specialisation", "specialises": "base"},
        ]
    )
    alone = ladder(cat, role_by_id(cat, "spec"))
    assert [(n.role.id, n.parent) for n in alone.nodes] == [("spec", None)]
    assert [n.role.id for n in alone.top(Level.mid)] == ["spec"]


# ---------------------------------------------------------------- routes


def test_junior_to_cto_goes_through_the_lead_role(shipped: Catalog) -> None:
    found = route(
        shipped, role_by_id(shipped, "chief-technology-officer"), role_by_id(shipped, "junior-ml-engineer")
    )
    # every senior role is one step from the CTO: the tie goes to the ML engineer family first
    assert ids(found) == ["junior-ml-engineer", "ml-engineer", "lead-ml-engineer", "chief-technology-officer"]
    assert [s.kind for s in found.steps] == ["advance"] * 3
    assert all(s.skills for s in found.steps)
    # each advance rests on its level's advance sentence and lists the new level's requirements
    assert all(s.basis is not None and s.basis.source for s in found.steps)
    assert found.steps[0].basis is not None and "mid-level" in found.steps[0].basis.quote
    assert found.steps[0].requirements and all(q.quote and q.source for q in found.steps[0].requirements)
    assert found.note == ROUTE_NOTE


@pytest.mark.parametrize(("order", "via"), [(["b", "c"], "b"), (["c", "b"], "c")])
def test_ties_go_to_data_order(order: list[str], via: str) -> None:
    cat = make(
        [
            {"id": "a", "level": "entry"},
            *({"id": r, "level": "mid"} for r in order),
            {"id": "d", "level": "senior"},
        ]
    )
    assert ids(route(cat, role_by_id(cat, "d"), role_by_id(cat, "a"))) == ["a", via, "d"]


def test_ties_go_to_the_ml_engineer_family_before_data_order() -> None:
    roles = [
        {"id": "a", "level": "entry"},
        {"id": "b", "level": "mid"},
        {"id": "c", "level": "mid"},
        {"id": "d", "level": "senior"},
    ]
    cat = make(roles, expectations={"family": ["a", "c", "d"]})
    assert ids(route(cat, role_by_id(cat, "d"), role_by_id(cat, "a"))) == ["a", "c", "d"]
    assert [e.target for e in edges(cat) if e.source == "a"] == ["c", "b"]


def test_shortest_route_wins_over_data_order() -> None:
    # "s", a kind of "a" placed (in this made-up data) at the senior level, is a shortcut to "d"
    cat = make(
        [
            {"id": "a", "level": "entry"},
            {"id": "b", "level": "mid"},
            {"id": "c", "level": "senior"},
            {"id": "d", "level": "executive"},
            {"id": "s", "level": "senior", "kind": "specialisation", "specialises": "a"},
        ]
    )
    found = route(cat, role_by_id(cat, "d"), role_by_id(cat, "a"))
    assert ids(found) == ["a", "s", "d"]
    assert [s.kind for s in found.steps] == ["specialisation", "advance"]


def test_to_alone_starts_from_the_nearest_entry_role() -> None:
    cat = make(
        [
            {"id": "far", "level": "entry"},
            {"id": "near", "level": "entry"},
            {"id": "also-entry", "level": "entry"},
            {"id": "mid", "level": "mid"},
            {"id": "top", "level": "entry", "kind": "specialisation", "specialises": "near"},
        ]
    )
    found = route(cat, role_by_id(cat, "top"))
    assert ids(found) == ["near", "top"]
    assert [o.id for o in found.origins] == ["far", "near", "also-entry"]
    # with no shortcut, every entry role is as near: the first in data order wins
    assert ids(route(cat, role_by_id(cat, "mid"))) == ["far", "mid"]


def test_route_into_a_specialisation(shipped: Catalog) -> None:
    found = route(shipped, role_by_id(shipped, "computer-vision-engineer"))
    assert ids(found) == ["junior-ml-engineer", "ml-engineer", "computer-vision-engineer"]
    assert found.steps[-1].kind == "specialisation"


def test_a_route_to_where_you_are_has_no_steps(shipped: Catalog) -> None:
    mle = role_by_id(shipped, "ml-engineer")
    found = route(shipped, mle, mle)
    assert ids(found) == ["ml-engineer"] and found.steps == []


@pytest.mark.parametrize(
    ("start", "goal", "message"),
    [
        (
            "chief-technology-officer",
            "junior-ml-engineer",
            "no route from chief-technology-officer to junior-ml-engineer: the ladder only goes up "
            "(chief-technology-officer is executive level, junior-ml-engineer is entry level)",
        ),
        (
            "data-scientist",
            "software-engineer",
            "no route from data-scientist to software-engineer: the ladder only goes up, "
            "and both are entry level",
        ),
    ],
)
def test_no_route_says_why(shipped: Catalog, start: str, goal: str, message: str) -> None:
    with pytest.raises(NoRouteError) as caught:
        route(shipped, role_by_id(shipped, goal), role_by_id(shipped, start))
    assert str(caught.value) == message
    assert caught.value.exit_code == 1


def test_a_kind_of_ml_engineer_advances_like_the_role_it_specialises(shipped: Catalog) -> None:
    found = route(
        shipped,
        role_by_id(shipped, "chief-technology-officer"),
        role_by_id(shipped, "computer-vision-engineer"),
    )
    assert ids(found) == ["computer-vision-engineer", "lead-ml-engineer", "chief-technology-officer"]
    assert [s.kind for s in found.steps] == ["advance", "advance"]


@pytest.mark.parametrize(
    ("start", "goal", "message"),
    [
        ("x", "z", "no route from x to z: x is at the top of the ladder"),
        ("e", "z", "no route from e to z: advancing a level at a time from e does not reach it"),
    ],
)
def test_no_route_up_the_ladder_says_why(start: str, goal: str, message: str) -> None:
    cat = make(
        [
            {"id": "e", "level": "entry"},
            {"id": "x", "level": "mid"},
            {"id": "o", "level": "executive"},
            # a kind of "o" at the senior level: only "o" specialises into it
            {"id": "z", "level": "senior", "kind": "specialisation", "specialises": "o"},
        ]
    )
    with pytest.raises(NoRouteError) as caught:
        route(cat, role_by_id(cat, goal), role_by_id(cat, start))
    assert str(caught.value) == message
    assert caught.value.exit_code == 1


def test_no_route_from_the_entry_roles() -> None:
    # a specialisation of no role is never advanced into, nor specialised into
    cat = make([{"id": "e", "level": "entry"}, {"id": "island", "level": "mid", "kind": "specialisation"}])
    with pytest.raises(NoRouteError, match=r"no route to island from any entry role \(e\)"):
        route(cat, role_by_id(cat, "island"))
    empty = make([{"id": "m", "level": "mid"}])
    with pytest.raises(NoRouteError, match="no entry-level ladder role"):
        route(empty, role_by_id(empty, "m"))


def test_explore_returns_a_route_only_with_a_goal(shipped: Catalog) -> None:
    assert isinstance(explore(shipped), Ladder)
    assert isinstance(explore(shipped, start=role_by_id(shipped, "ml-engineer")), Ladder)
    assert isinstance(explore(shipped, goal=role_by_id(shipped, "ml-engineer")), Route)


# ---------------------------------------------------------------- what a step asks


GROWTH_ROLES: list[dict[str, Any]] = [
    {
        "id": "a",
        "level": "entry",
        "skills": [said("python", "familiar with python"), said("stats", "uses statistics")],
    },
    {
        "id": "b",
        "level": "mid",
        "skills": [
            said("python", "expertise in python"),
            said("stats", "strong statistics"),
            said("talk", "talks to people"),
        ],
    },
]


def test_skill_growth_compares_graded_skills_and_never_guesses() -> None:
    cat = make(GROWTH_ROLES, expectations={"wording": WORDING})
    (step,) = route(cat, role_by_id(cat, "b"), role_by_id(cat, "a")).steps
    rows = {g.skill.id: g for g in step.skills}
    assert list(rows) == ["python", "stats", "talk"]  # the target's skills, in catalogue order
    assert rows["python"].change == 2
    assert rows["python"].now is not None and rows["python"].now.grade == 2
    assert rows["python"].now.state == "expected" and rows["python"].then.grade == 4
    # mentioned now without a grade, and the pack sets no default: no change either
    assert rows["stats"].now is not None and rows["stats"].now.state == "mentioned"
    assert rows["stats"].now.grade is None and rows["stats"].change is None
    # not stated now, and not graded by the target
    talk = rows["talk"]
    assert talk.now is None and talk.then.state == "mentioned" and talk.then.grade is None
    assert talk.change is None


def test_a_change_from_a_default_is_no_source_s_difference() -> None:
    rules = {"wording": WORDING, "default_grade": {"grade": 1, "reason": "the pack's choice"}}
    cat = make(GROWTH_ROLES, expectations=rules)
    (step,) = route(cat, role_by_id(cat, "b"), role_by_id(cat, "a")).steps
    rows = {g.skill.id: g for g in step.skills}
    stats = rows["stats"]
    assert stats.now is not None and (stats.now.state, stats.now.grade, stats.now.basis) == (
        "mentioned",
        1,
        "default",
    )
    # the default is the pack's choice, not a source's: no change is shown, and it says why
    assert stats.change is None and stats.basis == "unsourced"
    # a skill not stated now is still not guessed, default or not
    assert rows["talk"].now is None and rows["talk"].then.grade == 1 and rows["talk"].change is None


def test_junior_to_ml_engineer_skills(shipped: Catalog) -> None:
    found = route(shipped, role_by_id(shipped, "ml-engineer"), role_by_id(shipped, "junior-ml-engineer"))
    rows = {g.skill.id: g for g in found.steps[0].skills}
    algorithms = rows["machine-learning-algorithms"]
    # junior: named without a grade, so scored against the pack's default
    assert algorithms.now is not None and algorithms.now.state == "mentioned"
    assert algorithms.now.basis == "default"
    # the ML engineer: graded by the mid-level statement
    assert algorithms.then.state == "expected" and algorithms.then.basis == "level"
    # no source grades the junior's algorithms: the change is labelled, not counted
    assert algorithms.then.grade == 3 and algorithms.change is None and algorithms.basis == "unsourced"
    programming = rows["programming"]
    assert programming.now is None and programming.then.grade == 3 and programming.change is None
    assert programming.then.basis == "profession"


def _pay(figures: list[dict[str, Any]]) -> Any:
    cat = make([{"id": "a", "level": "entry"}, {"id": "b", "level": "mid"}], figures)
    return pay_change(cat, role_by_id(cat, "a"), role_by_id(cat, "b"))


def test_pay_change_between_ranges() -> None:
    pay = _pay([fig("fa", "a", "entry", 80, 110), fig("fb", "b", "mid", 110, 150)])
    assert (pay.before.id, pay.after.id, pay.low, pay.high) == ("fa", "fb", 30, 40)


def test_pay_change_into_an_open_ended_range_keeps_the_high_end() -> None:
    pay = _pay([fig("fa", "a", "entry", 110, 150), fig("fb", "b", "mid", 150, 200, open_ended=True)])
    assert (pay.low, pay.high) == (40, 50)


def test_pay_change_from_an_open_ended_range_has_no_high_end() -> None:
    pay = _pay([fig("fa", "a", "entry", 100, 150, open_ended=True), fig("fb", "b", "mid", 150, 200)])
    assert (pay.low, pay.high) == (50, None)


def test_pay_change_between_averages() -> None:
    avg = {"kind": "average", "low": None, "high": None}
    pay = _pay(
        [
            {**fig("fa", "a", "entry", 0), **avg, "amount": 100},
            {**fig("fb", "b", "mid", 0), **avg, "amount": 90},
        ]
    )
    assert (pay.low, pay.high) == (-10, -10)


@pytest.mark.parametrize(
    "figures",
    [
        [fig("fa", "a", "entry", 80, 110), fig("fb", "b", "mid", 110, 150, currency="EUR")],
        [fig("fa", "a", "entry", 80, 110), fig("fb", "b", "mid", 110, 150, period="month")],
    ],
    ids=["currency", "period"],
)
def test_pay_change_only_between_like_figures(figures: list[dict[str, Any]]) -> None:
    pay = _pay(figures)
    assert pay.before is not None and pay.after is not None
    assert not pay.comparable and pay.low is None and pay.high is None


def test_pay_at_another_level_is_no_data() -> None:
    # b's only figure is at the senior level, but b is a mid-level role
    pay = _pay([fig("fa", "a", "entry", 80, 110), fig("fb", "b", "senior", 110, 150)])
    assert pay.before is not None and pay.after is None and not pay.comparable
