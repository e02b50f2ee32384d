"""The catalog: everything in a data directory, its lookups by id, its rebuilding from trusted data."""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from enum import Enum
from types import UnionType
from typing import Annotated, Any, NamedTuple, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, Field

from mlcareer.choices import Level
from mlcareer.models.base import _Model
from mlcareer.models.content import Credential, LevelInfo, Role, ScaleStep, Skill, Source
from mlcareer.models.pay import OfficialOccupation, Salaries
from mlcareer.models.rules import ExpectationRules, PlanRules, QuizData


class Catalog(_Model):
    """Everything in a data directory, validated and cross-checked."""

    sources: list[Source]
    levels: list[LevelInfo] = []
    scale: list[ScaleStep] = []
    skills: list[Skill]
    credentials: list[Credential] = []
    roles: list[Role]
    salaries: Salaries = Field(default_factory=Salaries)
    quiz: QuizData | None = None
    expectations: ExpectationRules = Field(default_factory=ExpectationRules)
    plan: PlanRules = Field(default_factory=PlanRules)
    occupations: list[OfficialOccupation] = []

    @property
    def lookup(self) -> Lookups:
        """Roles, skills, sources, credentials, levels and grades by id, built once per catalog."""
        return _lookups(self)


class Lookups(NamedTuple):
    """A catalog's collections by id (levels by level, the scale by value), and their data order."""

    roles: Mapping[str, Role]
    skills: Mapping[str, Skill]
    sources: Mapping[str, Source]
    credentials: Mapping[str, Credential]
    levels: Mapping[Level, LevelInfo]
    scale: Mapping[int, ScaleStep]
    role_order: Mapping[str, int]  # a role's place in roles.yaml
    skill_order: Mapping[str, int]  # a skill's place in skills.yaml


# A frozen model cannot hold a cache of its own (and a private attribute would take part in
# ==), so lookups live here, keyed by id() and dropped when their catalog is collected.
_LOOKUPS: dict[int, tuple[weakref.ref[Catalog], Lookups]] = {}


def _lookups(catalog: Catalog) -> Lookups:
    key = id(catalog)
    held = _LOOKUPS.get(key)
    if held is not None and held[0]() is catalog:
        return held[1]
    built = Lookups(
        roles={r.id: r for r in catalog.roles},
        skills={s.id: s for s in catalog.skills},
        sources={s.id: s for s in catalog.sources},
        credentials={c.id: c for c in catalog.credentials},
        levels={info.id: info for info in catalog.levels},
        scale={s.value: s for s in catalog.scale},
        role_order={r.id: i for i, r in enumerate(catalog.roles)},
        skill_order={s.id: i for i, s in enumerate(catalog.skills)},
    )

    def forget(ref: weakref.ref[Catalog]) -> None:
        if _LOOKUPS.get(key, (None,))[0] is ref:
            del _LOOKUPS[key]

    _LOOKUPS[key] = (weakref.ref(catalog, forget), built)
    return built


_M = TypeVar("_M", bound=BaseModel)


def from_trusted(model: type[_M], data: dict[str, Any]) -> _M:
    """Rebuild a model from data that an earlier validation of it produced, without validating.

    Only for mlcareer's own cache, whose integrity is checked by a hash before this runs: it
    skips building pydantic's validators, which costs more than the rest of a cached run.
    """
    return model.model_construct(
        **{name: _trusted(model.model_fields[name].annotation, value) for name, value in data.items()}
    )


def _trusted(annotation: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = get_origin(annotation)
    if origin is Annotated:
        return _trusted(get_args(annotation)[0], value)
    if origin is list:
        (item,) = get_args(annotation)
        return [_trusted(item, v) for v in value]
    if origin in (UnionType, Union):
        arms = [a for a in get_args(annotation) if a is not type(None)]
        return _trusted(arms[0], value) if len(arms) == 1 else value
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return from_trusted(annotation, value)
        if issubclass(annotation, Enum):
            return annotation(value)
    return value


def fields_at(loc: Sequence[str | int], root: type[BaseModel] | None = None) -> set[str]:
    """The field names the model at ``loc`` (a key's place, as pydantic reports it) allows.

    Every data model's names when the place cannot be followed: a hint, never a guess at a
    field of another model ("leads_to" is not a misspelt "as_of").
    """
    annotation: Any = root or Catalog
    for part in loc[:-1]:
        annotation = _unwrap(annotation)
        if isinstance(part, int) or get_origin(annotation) is dict:
            args = get_args(annotation)
            annotation = args[-1] if args else None
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(part)
            annotation = field.annotation if field is not None else None
        else:
            annotation = None
        if annotation is None:
            return field_names()
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return set(annotation.model_fields)
    return field_names()


def _unwrap(annotation: Any) -> Any:
    """``X | None`` and ``Annotated[X, ...]`` as ``X``."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if isinstance(annotation, UnionType) or get_origin(annotation) is Union:
            kept = [a for a in get_args(annotation) if a is not type(None)]
            if len(kept) == 1:
                annotation = kept[0]
                continue
        return annotation


def field_names() -> set[str]:
    """Every field name of every data model, to suggest a fix for a misspelt key."""
    names: set[str] = set()
    todo: list[type[BaseModel]] = [_Model]
    while todo:
        model = todo.pop()
        names.update(model.model_fields)
        todo.extend(model.__subclasses__())
    return names
