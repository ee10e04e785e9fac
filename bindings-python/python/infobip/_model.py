"""The base of the typed results.

A result class only declares its fields (snake_case, as the core's models name them); the
values come from the JSON the core wrote, with keys already in snake_case. Nested results,
lists of them and date-times are made from their annotations. ``to_dict()`` gives plain data
back (date-times stay aware ``datetime`` objects); the ``repr`` shows the fields that are set.
"""

from __future__ import annotations

import keyword
import typing
from datetime import datetime
from typing import Any, Callable, ClassVar, Dict, Mapping, Optional, Type, TypeVar

from ._native import _parse_time

_M = TypeVar("_M", bound="Model")
_Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _converter(hint: Any) -> _Convert:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union:
        inner = [a for a in args if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else _same
    if origin is list and args:
        item = _converter(args[0])
        return lambda value: [item(v) for v in value]
    if isinstance(hint, type) and issubclass(hint, Model):
        return hint._from_native
    if hint is datetime:
        return _parse_time
    return _same


def _plain(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Model:
    """A typed result: attributes, ``to_dict()``, a readable ``repr`` and equality."""

    _converters: ClassVar[Dict[str, _Convert]]
    _extra: Dict[str, Any]

    def __init__(self, **fields: Any) -> None:
        known = self._fields()
        unknown = [name for name in fields if name not in known]
        if unknown:
            raise TypeError(f"{type(self).__name__}() got unexpected keyword argument(s): {', '.join(unknown)}")
        for name in known:
            setattr(self, name, fields.get(name))
        self._extra = {}

    @classmethod
    def _fields(cls) -> Dict[str, _Convert]:
        if "_converters" not in cls.__dict__:
            hints = typing.get_type_hints(cls)
            cls._converters = {
                name: _converter(hint)
                for name, hint in hints.items()
                if not name.startswith("_") and typing.get_origin(hint) is not ClassVar
            }
        return cls._converters

    @classmethod
    def _from_native(cls: Type[_M], data: Mapping[str, Any]) -> _M:
        converters = cls._fields()
        result = cls.__new__(cls)
        extra: Dict[str, Any] = {}
        for name in converters:
            setattr(result, name, None)
        for key, value in data.items():
            name = key + "_" if keyword.iskeyword(key) else key  # `from` is read as `from_`
            convert = converters.get(name)
            if convert is None:
                extra[key] = value
            else:
                setattr(result, name, None if value is None else convert(value))
        result._extra = extra
        return result

    def to_dict(self) -> Dict[str, Any]:
        """The fields that are set, as plain data (nested results become dicts)."""
        data = {
            name.rstrip("_") if keyword.iskeyword(name.rstrip("_")) else name: _plain(getattr(self, name))
            for name in self._fields()
            if getattr(self, name) is not None
        }
        data.update(self._extra)
        return data

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self._fields() if getattr(self, name) is not None
        )
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.to_dict() == typing.cast(Model, other).to_dict()

    __hash__ = None  # type: ignore[assignment]

