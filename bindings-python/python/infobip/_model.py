"""The base of the typed results.

A result class only declares its fields (snake_case, as the core's models name them); the
values come from the JSON the core wrote, with keys already in snake_case. Nested results,
lists of them and date-times are made from their annotations. ``to_dict()`` gives plain data
back (date-times stay aware ``datetime`` objects); the ``repr`` shows the fields that are set.

The annotations are read as text (``Optional[List[Status]]``, ``Optional[datetime]``...), not
through :mod:`typing`, which would cost more to import than the rest of the package: a field's
type is ``Optional[T]``, ``List[T]`` or a name, and a name is a result class of the same module,
``datetime``, or anything else (kept as it is).
"""

from __future__ import annotations

import keyword
import sys

from ._native import _parse_time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, ClassVar, Dict, Mapping, Type, TypeVar

    _M = TypeVar("_M", bound="Model")
    _Convert = Callable[[Any], Any]


def _same(value: Any) -> Any:
    return value


def _converter(owner: type, hint: str) -> _Convert:
    """The conversion from JSON for a field of `owner` annotated with `hint`."""
    hint = hint.strip()
    if hint.startswith("Optional[") and hint.endswith("]"):
        return _converter(owner, hint[len("Optional[") : -1])
    if hint.startswith("List[") and hint.endswith("]"):
        item = _converter(owner, hint[len("List[") : -1])
        return lambda value: [item(v) for v in value]
    if hint == "datetime":
        return _parse_time
    named = getattr(sys.modules[owner.__module__], hint, None)
    if isinstance(named, type) and issubclass(named, Model):
        return named._from_native
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
            hints: Dict[str, str] = {}
            for klass in reversed(cls.__mro__):
                hints.update(klass.__dict__.get("__annotations__", {}))
            cls._converters = {
                name: _converter(cls, hint) for name, hint in hints.items() if not name.startswith("_")
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
        return isinstance(other, Model) and type(other) is type(self) and self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]
