"""The catalog: everything in a data directory; the field layout its cached records are made from."""

from collections.abc import Sequence
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field

from mlcareer.models.base import _Model
from mlcareer.models.content import Credential, LevelInfo, Role, ScaleStep, Skill, Source
from mlcareer.models.pay import OfficialOccupation, Salaries
from mlcareer.models.rules import ExpectationRules, PlanRules, QuizData
from mlcareer.records import CatalogLookups, Layout


class Catalog(_Model, CatalogLookups):
    """Everything in a data directory, validated and cross-checked."""

    sources: list[Source]
    levels: list[LevelInfo] = Field(default_factory=list)
    scale: list[ScaleStep] = Field(default_factory=list)
    skills: list[Skill]
    credentials: list[Credential] = Field(default_factory=list)
    roles: list[Role]
    # A file that is not there is its model with every field's default: made without validating
    # nothing (calling the model would build its validator a second time, beside the Catalog's).
    salaries: Salaries = Field(default_factory=Salaries.model_construct)
    quiz: QuizData | None = None
    expectations: ExpectationRules = Field(default_factory=ExpectationRules.model_construct)
    plan: PlanRules = Field(default_factory=PlanRules.model_construct)
    occupations: list[OfficialOccupation] = Field(default_factory=list)


def layout(root: type[BaseModel] | None = None) -> Layout:
    """The field layout of ``root`` (the Catalog) and every model under it, as JSON values.

    Written beside a cached catalog, it is what a cached run makes its records from
    (``mlcareer.records``), so the records follow these models without a copy of them.
    """
    models: dict[str, list[list[Any]]] = {}
    mixins: dict[str, list[str]] = {}
    seen: dict[str, type[BaseModel]] = {}

    def model(cls: type[BaseModel]) -> list[Any]:
        name = cls.__name__
        if seen.setdefault(name, cls) is not cls:
            raise TypeError(f"two models named {name}: records are made by name")
        if name not in models:
            models[name] = []  # placed first: a model may (indirectly) hold itself
            models[name] = [[field, kind(info.annotation)] for field, info in cls.model_fields.items()]
            plain = [b for b in cls.__mro__[1:] if b is not object and not issubclass(b, BaseModel)]
            if plain:
                mixins[name] = [f"{b.__module__}:{b.__qualname__}" for b in plain]
        return ["model", name]

    def kind(annotation: Any) -> Any:
        annotation = _unwrap(annotation)
        origin = get_origin(annotation)
        if origin is list:
            (item,) = get_args(annotation)
            inner = kind(item)
            return "value" if inner == "value" else ["list", inner]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return model(annotation)
        if isinstance(annotation, type) and issubclass(annotation, Enum):
            return ["enum", f"{annotation.__module__}:{annotation.__qualname__}"]
        arms = get_args(annotation) if origin not in (None, Literal) else ()
        if any(kind(arg) != "value" for arg in arms if arg is not Ellipsis):
            raise TypeError(f"no record layout for {annotation!r}")  # a dict of models, say
        return "value"

    model(root or Catalog)
    return {"root": (root or Catalog).__name__, "models": models, "mixins": mixins}


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
