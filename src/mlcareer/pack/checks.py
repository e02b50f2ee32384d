"""Cross-reference checks on a data directory's raw contents.

They run on the plain data, before and independently of schema validation, so that
one pass reports every problem: a misspelt field and a dangling reference together.
Every access is defensive: the data has not been validated yet.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from typing import Any

from mlcareer.errors import Problem
from mlcareer.pack.wording import grader, names_skill, phrases, skill_terms

Path = tuple[str | int, ...]
Locate = Callable[[Path], tuple[str, int | None, str]]


def _items(data: Any, *keys: str) -> Iterator[tuple[Path, dict[str, Any]]]:
    """(path, item) for every mapping in the list at ``data[keys...]``."""
    node = data
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    if isinstance(node, list):
        for i, item in enumerate(node):
            if isinstance(item, dict):
                yield (*keys, i), item


def _strings(item: dict[str, Any], key: str) -> Iterator[tuple[int | None, str]]:
    """(index, value) for each string under ``item[key]``: a list, or one value (index None)."""
    value = item.get(key)
    if isinstance(value, str):
        yield None, value
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, str):
                yield i, v


def _ids(data: Any, *keys: str, field: str = "id") -> dict[str, Path]:
    return {item[field]: path for path, item in _items(data, *keys) if isinstance(item.get(field), str)}


class _Checker:
    def __init__(self, data: dict[str, Any], locate: Locate) -> None:
        self.data = data
        self.locate = locate
        self.problems: list[Problem] = []
        self.terms: dict[str, list[str]] = {}  # each skill's terms, worked out once per check

    def report(self, path: Path, message: str) -> None:
        file, line, field = self.locate(path)
        self.problems.append(Problem(file, line, field, message))

    def unique(self, *keys: str, field: str = "id") -> None:
        seen: dict[object, Path] = {}
        for path, item in _items(self.data, *keys):
            value = item.get(field)
            if not isinstance(value, (str, int)) or isinstance(value, bool):
                continue
            if value in seen:
                _, first_line, _ = self.locate(seen[value])
                at = f" (first at line {first_line})" if first_line else ""
                self.report((*path, field), f"duplicate {field} {value!r}{at}")
            else:
                seen[value] = path

    def refs(self, keys: tuple[str, ...], field: str, known: dict[str, Any], kind: str) -> None:
        for path, item in _items(self.data, *keys):
            for index, value in _strings(item, field):
                if value not in known:
                    where = (*path, field) if index is None else (*path, field, index)
                    self.report(where, _unknown(kind, value, known))


def _unknown(kind: str, value: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(value, sorted(known), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown {kind} {value!r}{hint}"


def check_references(data: dict[str, Any], locate: Locate) -> list[Problem]:
    """Unique ids, references that resolve, a ladder without cycles, a full scale."""
    c = _Checker(data, locate)
    for keys in [("sources",), ("levels",), ("skills",), ("credentials",), ("roles",), ("occupations",)]:
        c.unique(*keys)
    for section in ("figures", "premiums", "factors"):
        c.unique("salaries", section)
    c.unique("scale", field="value")

    sources = _ids(data, "sources")
    skills = _ids(data, "skills")
    roles = _ids(data, "roles")
    credentials = {
        item["id"]: item.get("kind")
        for _, item in _items(data, "credentials")
        if isinstance(item.get("id"), str)
    }
    for keys in [("levels",), ("skills",), ("credentials",), ("roles",)]:
        c.refs(keys, "sources", sources, "source")
    for section in ("premiums", "factors"):
        c.refs(("salaries", section), "sources", sources, "source")
    c.refs(("salaries", "figures"), "source", sources, "source")
    c.refs(("salaries", "figures"), "roles", roles, "role")
    c.refs(("credentials",), "skills", skills, "skill")
    for field in ("related", "specialises"):
        c.refs(("roles",), field, roles, "role")

    c.refs(("occupations",), "source", sources, "source")
    _check_beside(c, data, roles)

    catalogue = {item["id"]: item for _, item in _items(data, "skills") if isinstance(item.get("id"), str)}
    for path, role in _items(data, "roles"):
        _check_role(c, path, role, skills, credentials)
        _check_speciality(c, path, role, skills, catalogue)
    _check_quoted(c, data, skills, roles, sources)
    _check_builds_on(c, data, skills)
    _check_specialises(c, data, roles)
    _check_scale(c, data)
    _check_quiz(c, data, skills, roles, sources)
    return c.problems


def _check_role(
    c: _Checker, path: Path, role: dict[str, Any], skills: dict[str, Any], credentials: dict[str, Any]
) -> None:
    seen: set[tuple[str, str | None]] = set()
    for i, entry in _entries(role, "skills"):
        name = entry.get("skill")
        if not isinstance(name, str) or name not in skills:
            continue  # unknown skills: reported with every other statement
        quote = entry.get("quote")
        key = (name, quote if isinstance(quote, str) else None)  # a quote of another type: schema's problem
        if key in seen:
            c.report((*path, "skills", i, "skill"), f"skill {name!r} is listed twice with the same quote")
        seen.add(key)
    for field, kind in (("education", "degree"), ("certifications", "certification")):
        for index, value in _strings(role, field):
            where = (*path, field) if index is None else (*path, field, index)
            if value not in credentials:
                c.report(where, _unknown(kind, value, credentials))
            elif credentials[value] != kind:
                c.report(where, f"{value!r} is a {credentials[value]}, not a {kind}")


def _check_beside(c: _Checker, data: dict[str, Any], roles: dict[str, Path]) -> None:
    """Each role an occupation stands beside exists, and is named once per occupation."""
    for path, occupation in _items(data, "occupations"):
        entries = occupation.get("beside")
        seen: set[str] = set()
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict):
                continue
            for index, value in _strings(entry, "roles"):
                where = (
                    (*path, "beside", i, "roles") if index is None else (*path, "beside", i, "roles", index)
                )
                if value not in roles:
                    c.report(where, _unknown("role", value, roles))
                elif value in seen:
                    c.report(where, f"role {value!r} is named twice beside this occupation")
                seen.add(value)


def _entries(item: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each mapping in the list ``item[key]``."""
    value = item.get(key)
    for i, entry in enumerate(value if isinstance(value, list) else []):
        if isinstance(entry, dict):
            yield i, entry


Located = list[tuple[Path, dict[str, Any]]]  # mappings of the data, each with where it stands


def _check_quoted(
    c: _Checker,
    data: dict[str, Any],
    skills: dict[str, Path],
    roles: dict[str, Path],
    sources: dict[str, Path],
) -> None:
    """Statements, requirements and other quoted facts: known skills, sources and roles, and a
    quote whose wording the map reads as one grade only."""
    found = data.get("expectations")
    rules: dict[str, Any] = found if isinstance(found, dict) else {}
    c.unique("expectations", "wording", field="phrase")
    c.refs(("expectations",), "family", roles, "role")
    statements, quoted = _role_quoted(c, data, roles, sources)
    level_statements, level_quoted = _level_quoted(c, data, roles)
    statements += level_statements
    quoted += level_quoted
    said = rules.get("profession")
    profession: dict[str, Any] = said if isinstance(said, dict) else {}
    statements += [
        (("expectations", "profession", "statements", i), e) for i, e in _entries(profession, "statements")
    ]
    catalogue = {item["id"]: item for _, item in _items(data, "skills") if isinstance(item.get("id"), str)}
    _check_statements(c, statements, skills, phrases(rules.get("wording")), catalogue)
    ceilings = rules.get("ceilings")
    if isinstance(ceilings, dict):
        quoted += [(("expectations", "ceilings", "levels", i), e) for i, e in _entries(ceilings, "levels")]
    if isinstance(rules.get("speciality"), dict):
        quoted.append((("expectations", "speciality"), rules["speciality"]))
    for path, entry in statements + quoted:
        source = entry.get("source")
        if isinstance(source, str) and source not in sources:
            c.report((*path, "source"), _unknown("source", source, sources))


def _role_quoted(
    c: _Checker, data: dict[str, Any], roles: dict[str, Path], sources: dict[str, Path]
) -> tuple[Located, Located]:
    """The roles' statements and other quoted facts; their responsibilities' sources and their
    contrasts' roles checked here."""
    statements: Located = []
    quoted: Located = []
    for path, role in _items(data, "roles"):
        statements += [((*path, "skills", i), e) for i, e in _entries(role, "skills")]
        for field in ("how_to_become", "suits", "team", "contrasts"):
            quoted += [((*path, field, i), e) for i, e in _entries(role, field)]
        if isinstance(role.get("speciality"), dict):
            quoted.append(((*path, "speciality"), role["speciality"]))
        for g, group in _entries(role, "responsibilities"):
            for i, item in _entries(group, "items"):
                for index, value in _strings(item, "sources"):
                    if value not in sources:
                        where = (*path, "responsibilities", g, "items", i, "sources", index or 0)
                        c.report(where, _unknown("source", value, sources))
        for i, entry in _entries(role, "contrasts"):
            other = entry.get("role")
            if isinstance(other, str) and other not in roles:
                c.report((*path, "contrasts", i, "role"), _unknown("role", other, roles))
    return statements, quoted


def _level_quoted(c: _Checker, data: dict[str, Any], roles: dict[str, Path]) -> tuple[Located, Located]:
    """The levels' statements (the roles each covers checked here), requirements and advances."""
    statements: Located = []
    quoted: Located = []
    for path, level in _items(data, "levels"):
        statements += [((*path, "expects", i), e) for i, e in _entries(level, "expects")]
        for i, e in _entries(level, "expects"):
            for index, value in _strings(e, "covers"):
                if value not in roles:
                    c.report((*path, "expects", i, "covers", index or 0), _unknown("role", value, roles))
        quoted += [((*path, "requirements", i), e) for i, e in _entries(level, "requirements")]
        if isinstance(level.get("advance"), dict):
            quoted.append(((*path, "advance"), level["advance"]))
    return statements, quoted


def _check_statements(
    c: _Checker,
    statements: Located,
    skills: dict[str, Path],
    wording: dict[str, int],
    catalogue: dict[str, Any],
) -> None:
    """Each statement names a known skill (its sentence or bullet names it too), and its quote
    reads as one grade at most."""
    grades = grader(wording)
    for path, entry in statements:
        name = entry.get("skill")
        if isinstance(name, str) and name not in skills:
            c.report((*path, "skill"), _unknown("skill", name, skills))
        quote = entry.get("quote")
        if isinstance(name, str) and name in catalogue and isinstance(quote, str):
            _check_named(c, (*path, "skill"), name, f"{quote} {entry.get('bullet') or ''}", catalogue)
        if isinstance(quote, str):
            found = grades(quote)
            if len(found) > 1 and len({g for _, g in found}) > 1:
                shown = ", ".join(f"{p!r} ({g})" for p, g in found)
                c.report(
                    (*path, "quote"),
                    f"the quote's wording reads as more than one grade: {shown}; "
                    "quote only the part about this skill",
                )


def _check_named(c: _Checker, where: Path, skill: str, text: str, catalogue: dict[str, Any]) -> None:
    """A sentence attached to a skill names it (or its bullet does), by the skill's id, name or
    keywords: the mechanical part of "a sentence grades what it is about"."""
    terms = c.terms.get(skill)
    if terms is None:
        terms = c.terms[skill] = skill_terms(catalogue[skill])
    if not names_skill(text, terms):
        c.report(
            where,
            f"the sentence does not name skill {skill!r} (by its name or keywords, nor does its "
            "bullet): attach it to the skill it speaks of, or give the skill the keyword it uses",
        )


def _check_speciality(
    c: _Checker, path: Path, role: dict[str, Any], skills: dict[str, Any], catalogue: dict[str, Any]
) -> None:
    """A speciality belongs to a kind of ML engineer, names known skills, and its quote names them."""
    speciality = role.get("speciality")
    if not isinstance(speciality, dict):
        return
    if role.get("kind") != "specialisation":
        c.report((*path, "speciality"), "only a kind of ML engineer (kind: specialisation) has a speciality")
    quote = speciality.get("quote")
    for index, name in _strings(speciality, "skills"):
        where = (*path, "speciality", "skills", index or 0)
        if name not in skills:
            c.report(where, _unknown("skill", name, skills))
        elif isinstance(quote, str) and name in catalogue:
            _check_named(c, where, name, quote, catalogue)


def _check_builds_on(c: _Checker, data: dict[str, Any], skills: dict[str, Path]) -> None:
    """plan.yaml: known skills, each named once, and no cycle (reported once, where it is entered)."""
    keys = ("plan", "builds_on")
    c.unique(*keys, field="skill")
    c.refs(keys, "skill", skills, "skill")
    c.refs(keys, "on", skills, "skill")
    edges: dict[str, list[str]] = {}
    where: dict[str, Path] = {}
    for path, item in _items(data, *keys):
        name = item.get("skill")
        if isinstance(name, str):
            edges[name] = [t for _, t in _strings(item, "on")]
            where[name] = path
    reported: set[frozenset[str]] = set()
    for entered, cycle in _cycles(edges):
        if frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            c.report((*where[entered], "on"), "builds_on goes round in a circle: " + " -> ".join(cycle))


def _cycles(edges: dict[str, list[str]]) -> Iterator[tuple[str, list[str]]]:
    """(the node where a cycle is entered, the cycle) for each cycle a depth-first walk meets."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for root in edges:
        if root in state:
            continue
        path = [root]
        state[root] = 1
        pending = [iter(edges[root])]
        while pending:
            nxt = next(pending[-1], None)
            if nxt is None:
                pending.pop()
                state[path.pop()] = 2
            elif state.get(nxt) == 1:
                yield path[-1], [*path[path.index(nxt) :], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                pending.append(iter(edges.get(nxt, [])))


def _check_specialises(c: _Checker, data: dict[str, Any], roles: dict[str, Path]) -> None:
    """A specialisation hangs from a role; following ``specialises`` must not come back round."""
    parent: dict[str, str] = {}
    for _, role in _items(data, "roles"):
        if isinstance(role.get("id"), str) and isinstance(role.get("specialises"), str):
            parent[role["id"]] = role["specialises"]
    reported: set[str] = set()
    for start in parent:
        chain = [start]
        while chain[-1] in parent and parent[chain[-1]] not in chain:
            chain.append(parent[chain[-1]])
        if chain[-1] not in parent or parent[chain[-1]] != start or start in reported:
            continue
        reported.update(chain)
        where = (*roles[start], "specialises")
        if len(chain) == 1:
            c.report(where, "a role cannot specialise itself")
        else:
            c.report(where, "specialisations go round in a circle: " + " -> ".join([*chain, start]))


def _check_scale(c: _Checker, data: dict[str, Any], where: Path = ("scale",)) -> None:
    scale: Any = data
    for key in where:
        scale = scale.get(key) if isinstance(scale, dict) else None
    if not isinstance(scale, list) or not scale:
        return
    values = {item.get("value") for item in scale if isinstance(item, dict)}
    missing = [v for v in range(5) if v not in values]
    if missing:
        c.report(where, "the scale must describe every step 0-4; missing " + ", ".join(map(str, missing)))


def _check_quiz(
    c: _Checker,
    data: dict[str, Any],
    skills: dict[str, Path],
    roles: dict[str, Path],
    sources: dict[str, Path],
) -> None:
    """Question ids and skills unique; skills, roles and sources known; a full interest scale."""
    keys = ("quiz", "questions")
    c.unique(*keys)
    c.unique(*keys, field="skill")
    c.unique("quiz", "interest_scale", field="value")
    c.refs(keys, "skill", skills, "skill")
    c.refs(keys, "roles", roles, "role")
    c.refs(keys, "sources", sources, "source")
    _check_scale(c, data, ("quiz", "interest_scale"))
    quiz = data.get("quiz")
    scale = quiz.get("interest_scale") if isinstance(quiz, dict) else None
    if not scale:
        for path, item in _items(data, *keys):
            if item.get("kind") == "interest":
                c.report((*path, "kind"), "an interest question needs an interest_scale in the file")
                break
