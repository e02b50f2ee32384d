"""Plain frozen records: the catalog a cached run holds, with no pydantic imported.

The pydantic models (``mlcareer.models``) stay the one schema, and they validate every load
from YAML. When a validated catalog is cached, the models write their own field layout beside
it (``mlcareer.models.layout``): each model's field names in order, and how to rebuild each
field's value (a nested model, a list of them, an enum, or a plain JSON value). A cached run
makes one record class per model from that layout, a tuple with named read-only fields, and
rebuilds the catalog from the positional body of the entry. Nothing here names a model or a
field: what the models declare reaches the records through the layout, so there is no second
set of classes to keep equal. Behaviour the domain needs beyond fields (``Catalog.lookup``)
lives in pydantic-free mixins that the model and its record both inherit.

A record reads like its model (``role.title``, ``catalog.lookup.roles``); it compares equal
only to a record of the same class with equal fields, and hashes like its model (not at all
when a field holds a list). To read or change a catalog object of either kind, use this
module's ``as_data`` (plain dicts and lists, like ``model_dump()``) and ``replace`` (a copy
with some fields changed, like ``model_copy(update=...)``); tests compare through them.
"""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable, Mapping
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from mlcareer.choices import Level
from mlcareer.named import NamedTuple

if TYPE_CHECKING:
    from mlcareer.models import Catalog, Credential, LevelInfo, Role, ScaleStep, Skill, Source

try:  # the C accessor named tuples use; a property over itemgetter where it is missing
    from collections import _tuplegetter  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not CPython

    def _tuplegetter(index: int, doc: str | None) -> Any:
        return property(itemgetter(index), doc=doc)


# ---------------------------------------------------------------- what the domain needs


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


class CatalogLookups:
    """The lookups of a catalog, model or record: built once per catalog object."""

    @property
    def lookup(self) -> Lookups:
        """Roles, skills, sources, credentials, levels and grades by id, built once per catalog."""
        catalog: Any = self
        if isinstance(catalog, Record):  # a record with a mixin has a __dict__, outside ==
            held: Lookups | None = catalog.__dict__.get("_lookups")
            if held is None:
                held = catalog.__dict__["_lookups"] = _build(catalog)
            return held
        return _lookups(catalog)


# A frozen model cannot hold a cache of its own (and a private attribute would take part in
# ==), so a model's lookups live here, keyed by id() and dropped when it is collected.
_LOOKUPS: dict[int, tuple[weakref.ref[Any], Lookups]] = {}


def _lookups(catalog: Catalog) -> Lookups:
    key = id(catalog)
    held = _LOOKUPS.get(key)
    if held is not None and held[0]() is catalog:
        return held[1]
    built = _build(catalog)

    def forget(ref: weakref.ref[Any]) -> None:
        if _LOOKUPS.get(key, (None,))[0] is ref:
            del _LOOKUPS[key]

    _LOOKUPS[key] = (weakref.ref(catalog, forget), built)
    return built


def _build(catalog: Catalog | Any) -> Lookups:
    return Lookups(
        roles={r.id: r for r in catalog.roles},
        skills={s.id: s for s in catalog.skills},
        sources={s.id: s for s in catalog.sources},
        credentials={c.id: c for c in catalog.credentials},
        levels={info.id: info for info in catalog.levels},
        scale={s.value: s for s in catalog.scale},
        role_order={r.id: i for i, r in enumerate(catalog.roles)},
        skill_order={s.id: i for i, s in enumerate(catalog.skills)},
    )


# ---------------------------------------------------------------- records from a layout

# A field's kind in a layout, as JSON: "value" (a plain JSON value, kept as it is),
# ["model", name], ["list", kind], ["enum", "module:Name"]. Any kind may also be null.
Kind = Any
Layout = dict[str, Any]  # {"root": name, "models": {name: [[field, kind], ...]}, "mixins": {name: [...]}}


class Record(tuple):  # type: ignore[type-arg]
    """The base of every record class: a tuple whose fields are named by ``_fields``."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    __hash__ = tuple.__hash__

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
        return f"{type(self).__name__}({shown})"


def _resolve(ref: str) -> Any:
    """``"mlcareer.choices:Level"`` -> the object; only mlcareer's own names are accepted."""
    from mlcareer.formats import resolve

    module = ref.partition(":")[0]
    if module != "mlcareer" and not module.startswith("mlcareer."):
        raise ValueError(f"not an mlcareer name: {ref}")
    return resolve(ref)


_CLASSES: dict[str, dict[str, type[Record]]] = {}  # by layout: one class per model per process


def record_classes(layout: Layout) -> dict[str, type[Record]]:
    """One record class per model of the layout, with the model's mixins and field names.

    Made once per layout in a process, so records rebuilt twice from one layout compare equal.
    """
    key = json.dumps(layout, sort_keys=True)
    made = _CLASSES.get(key)
    if made is None:
        made = _CLASSES[key] = _classes(layout)
    return made


def _classes(layout: Layout) -> dict[str, type[Record]]:
    classes: dict[str, type[Record]] = {}
    mixins = layout.get("mixins", {})
    for name, fields in layout["models"].items():
        names = tuple(field for field, _ in fields)
        namespace: dict[str, Any] = {"_fields": names, "__module__": __name__}
        for index, field in enumerate(names):
            namespace[field] = _tuplegetter(index, None)
        bases = tuple(_resolve(ref) for ref in mixins.get(name, ()))
        if not bases:
            namespace["__slots__"] = ()  # no per-record dict; a mixin may keep state in one
        classes[name] = type(name, (*bases, Record), namespace)
    return classes


_T = TypeVar("_T")


def rebuild(layout: Layout, body: Any) -> Any:
    """The root record (the Catalog) from the positional body a cache entry holds."""
    classes = record_classes(layout)
    makers: dict[str, Callable[[list[Any]], Record]] = {}

    def converter(kind: Kind) -> Callable[[Any], Any] | None:
        if kind == "value":
            return None
        tag, arg = kind
        if tag == "model":
            return lambda values: makers[arg](values)
        if tag == "enum":
            members = {member.value: member for member in _resolve(arg)}
            return members.__getitem__
        if tag == "list":
            item = converter(arg)
            if item is None:
                return None
            return lambda values: [item(v) for v in values]
        raise ValueError(f"unknown field kind {kind!r}")

    for name, fields in layout["models"].items():
        makers[name] = _maker(classes[name], [(i, converter(kind)) for i, (_, kind) in enumerate(fields)])
    return makers[layout["root"]](body)


def _maker(cls: type[Record], converters: list[tuple[int, Callable[[Any], Any] | None]]) -> Any:
    new = tuple.__new__
    width = len(cls._fields)
    steps = [(i, fn) for i, fn in converters if fn is not None]

    def make(values: list[Any]) -> Record:
        if len(values) != width:
            raise ValueError(f"{cls.__name__}: {len(values)} values for {width} fields")
        for i, fn in steps:
            value = values[i]
            if value is not None:
                values[i] = fn(value)
        return new(cls, values)

    return make


def positional(layout: Layout, root: Any) -> Any:
    """The body of a cache entry: the root object (a model) as nested lists in field order."""
    models = layout["models"]
    # Every model's writer is made first and its steps filled in after, so a field of a model
    # kind converts with that model's writer itself (a model may hold itself, indirectly).
    steps: dict[str, list[tuple[int, Callable[[Any], Any]]]] = {name: [] for name in models}
    writers = {name: _writer([field for field, _ in fields], steps[name]) for name, fields in models.items()}

    def converter(kind: Kind) -> Callable[[Any], Any] | None:
        if kind == "value":
            return None
        tag, arg = kind
        if tag == "model":
            return writers[arg]
        if tag == "enum":
            return attrgetter("value")
        if tag == "list":
            item = converter(arg)
            if item is None:
                return None
            return lambda values: list(map(item, values))
        raise ValueError(f"unknown field kind {kind!r}")

    for name, fields in models.items():
        for i, (_, kind) in enumerate(fields):
            fn = converter(kind)
            if fn is not None:
                steps[name].append((i, fn))
    return writers[layout["root"]](root)


def _writer(names: list[str], steps: list[tuple[int, Callable[[Any], Any]]]) -> Callable[[Any], list[Any]]:
    """A model object's values in field order, each converted by the step for its place, if any."""
    read = attrgetter(*names) if names else (lambda obj: ())
    single = len(names) == 1

    def write(obj: Any) -> list[Any]:
        values = [read(obj)] if single else list(read(obj))
        for i, fn in steps:
            value = values[i]
            if value is not None:
                values[i] = fn(value)
        return values

    return write


# ---------------------------------------------------------------- one interface for both kinds


def _field_names(obj: Any) -> tuple[str, ...] | None:
    if isinstance(obj, Record):
        return obj._fields
    fields = getattr(type(obj), "model_fields", None)  # a pydantic model
    return tuple(fields) if isinstance(fields, dict) else None


def as_data(obj: Any) -> Any:
    """A model or record as plain values: dicts of its fields, lists, enums and scalars as they are.

    Equal for a pydantic model and the record rebuilt from it: how tests compare the two.
    """
    names = _field_names(obj)
    if names is not None:
        return {name: as_data(getattr(obj, name)) for name in names}
    if isinstance(obj, list | tuple):
        return [as_data(v) for v in obj]
    return obj


def replace(obj: _T, **changes: Any) -> _T:
    """A copy of a model or record with some fields changed (no validation, as ``model_copy``)."""
    if isinstance(obj, Record):
        unknown = set(changes) - set(obj._fields)
        if unknown:
            raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
        values = [changes.get(name, value) for name, value in zip(obj._fields, obj, strict=True)]
        return tuple.__new__(type(obj), values)
    return obj.model_copy(update=changes)  # type: ignore[attr-defined, no-any-return]
