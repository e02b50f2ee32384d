"""The catalog: everything in a data directory; its rebuilding from trusted data; its field names."""

from __future__ import annotations

from enum import Enum
from types import UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, Field

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


def field_names() -> set[str]:
    """Every field name of every data model, to suggest a fix for a misspelt key."""
    names: set[str] = set()
    todo: list[type[BaseModel]] = [_Model]
    while todo:
        model = todo.pop()
        names.update(model.model_fields)
        todo.extend(model.__subclasses__())
    return names
