"""What validation works out once per model object (a RecordType or an Obj):
the fields of a group, which are required and with what message."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from swvsite.content import model as m


class _PerModelObject:
    """A value derived from a model object (a RecordType or an Obj), computed
    once: the model does not change, and validation asks for these for every
    mapping of every file. Model objects are not hashable (a Choice holds a
    dict), so they are keyed by identity; each entry keeps its object alive,
    so that its id cannot be reused by another one."""

    def __init__(self, derive: Callable[[Any], Any]):
        self._derive = derive
        self._values: dict[int, tuple[Any, Any]] = {}

    def __call__(self, source: Any) -> Any:
        entry = self._values.get(id(source))
        if entry is None:
            entry = self._values[id(source)] = (source, self._derive(source))
        return entry[1]


class _FieldRule(NamedTuple):
    name: str
    type: m.FieldType
    required_message: str | None  # None for an optional field
    is_list: bool  # a list is [] when it is missing, anything else None


@dataclass(frozen=True)
class _ObjPlan:
    """What validating a group of fields needs to know of its fields."""

    known: dict[str, m.Field]
    fields: tuple[_FieldRule, ...]

    @classmethod
    def of(cls, obj: m.Obj) -> _ObjPlan:
        return cls({f.name: f for f in obj.fields}, tuple(
            _FieldRule(f.name, f.type,
                       f"dit veld is verplicht ({f.help.rstrip('.')})" if f.required else None,
                       isinstance(f.type, m.ListOf))
            for f in obj.fields))


record_obj = _PerModelObject(lambda rtype: m.Obj(rtype.name, rtype.all_fields))
plan_of = _PerModelObject(_ObjPlan.of)
