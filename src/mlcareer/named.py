"""``NamedTuple`` for mlcareer's own result and view types: typing's, made about six times faster.

Every command defines some 45 named tuples as its modules load (domain results, view blocks).
``typing.NamedTuple`` spends about 180 µs on each: ``collections.namedtuple`` compiles a
``__new__`` from source, and typing compiles every postponed annotation into a ``ForwardRef``.
This one builds the same class, a tuple subclass with the same methods and attributes, from a
``__new__`` compiled once per number of fields, and keeps annotations as the strings they are
(about 30 µs): some 7 ms of every run.

The type checker sees ``typing.NamedTuple`` itself, so a class is declared exactly as with
typing's (``class Step(NamedTuple): role: Role; gap: int = 0``), methods and properties included.
"""

from __future__ import annotations

import sys
from types import FunctionType

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (mypy reads the name)
if TYPE_CHECKING:
    from typing import Any
    from typing import NamedTuple as NamedTuple
else:
    try:  # the C accessor collections.namedtuple uses
        from collections import _tuplegetter
    except ImportError:  # pragma: no cover - not CPython
        from operator import itemgetter

        def _tuplegetter(index, doc):
            return property(itemgetter(index), doc=doc)

    _NEW: dict[int, Any] = {}  # a compiled __new__ per number of fields

    def _new_code(count: int) -> Any:
        code = _NEW.get(count)
        if code is None:
            names = ", ".join(f"_{i}" for i in range(count))
            body = f"({names},)" if count == 1 else f"({names})"
            code = eval(f"lambda _cls{', ' if count else ''}{names}: _tuple_new(_cls, {body})").__code__
            _NEW[count] = code
        return code

    _SPECIAL = frozenset(("__module__", "__qualname__", "__annotations__", "__orig_bases__", "__doc__"))

    def _repr(self):
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
        return f"{type(self).__name__}({shown})"

    def _make(cls, iterable):
        result = tuple.__new__(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
        return result

    def _replace(self, /, **changes):
        result = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return result

    def _asdict(self):
        return dict(zip(self._fields, self, strict=True))

    def _getnewargs(self):
        return tuple(self)

    class _NamedTupleMeta(type):
        def __new__(cls, typename, bases, namespace):
            if bases != (_Base,):
                raise TypeError("a NamedTuple class derives from NamedTuple alone")
            annotations = namespace.get("__annotations__", {})
            fields = tuple(annotations)
            defaults = []
            for name in fields:
                if name.startswith("_"):
                    raise ValueError(f"field names cannot start with an underscore: {name!r}")
                if name in namespace:
                    defaults.append(namespace[name])
                elif defaults:
                    raise TypeError(f"non-default field {name!r} follows a default field")
            new = FunctionType(
                _new_code(len(fields)).replace(
                    co_varnames=("_cls", *fields), co_name="__new__", co_qualname=f"{typename}.__new__"
                ),
                {"_tuple_new": tuple.__new__},
                "__new__",
                tuple(defaults) or None,
            )
            made: dict[str, Any] = {
                "__doc__": namespace.get("__doc__") or f"{typename}({', '.join(fields)})",
                "__slots__": (),
                "_fields": fields,
                "_field_defaults": dict(zip(fields[len(fields) - len(defaults) :], defaults, strict=True)),
                "__new__": new,
                "_make": classmethod(_make),
                "_replace": _replace,
                "_asdict": _asdict,
                "__repr__": _repr,
                "__getnewargs__": _getnewargs,
                "__match_args__": fields,
                "__annotations__": dict(annotations),
                "__module__": namespace.get("__module__", __name__),
                "__qualname__": namespace.get("__qualname__", typename),
            }
            for index, name in enumerate(fields):
                made[name] = _tuplegetter(index, f"Alias for field number {index}")
            for name, value in namespace.items():
                if name not in fields and name not in _SPECIAL:
                    made[name] = value  # methods, properties, class constants
            return type.__new__(type, typename, (tuple,), made)

    _Base = type.__new__(_NamedTupleMeta, "NamedTuple", (), {})

    def NamedTuple(typename, fields=(), /):
        """The functional form: ``NamedTuple("Point", [("x", int), ("y", int)])``."""
        namespace = {"__annotations__": dict(fields), "__module__": sys._getframe(1).f_globals["__name__"]}
        return _NamedTupleMeta(typename, (_Base,), namespace)

    NamedTuple.__mro_entries__ = lambda bases: (_Base,)
