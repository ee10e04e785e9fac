"""The base of the typed results.

The result classes are generated (``infobip.types.<product>``): each declares its fields as
annotations (snake_case; a Python keyword gets a ``_``: ``from_``) and, in ``__plan__``, how
each is read from the API's JSON. The native module builds instances from the response bytes
by those plans (without calling ``__init__``): an instance's ``__dict__`` holds the fields the
answer set, ``_extra`` the fields it sent that the class does not know, and ``_response`` the
HTTP response. A field the answer did not set reads as ``None`` (a list or a map as empty).

Nothing here imports :mod:`typing` at run time: annotations are text, read by type checkers.
"""

from __future__ import annotations

from types import MappingProxyType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, ClassVar, Dict, List, Mapping, Optional, Tuple

    from ._native import Response

_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else except finally for from "
    "global if import in is lambda nonlocal not or pass raise return try while with yield".split()
)


def _plain(value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _key(name: str) -> str:
    """The API-side spelling of an attribute: ``from_`` is ``from``."""
    return name[:-1] if name.endswith("_") and name[:-1] in _KEYWORDS else name


class Model:
    """A typed result: attributes, ``to_dict()``, a readable ``repr``, equality and the HTTP
    response it came from (``raw_response``)."""

    __plan__: ClassVar[List[Tuple[str, str, str]]] = []
    __tag__: ClassVar[Optional[Tuple[str, List[Tuple[str, str]]]]] = None
    _extra: Mapping[str, Any] = MappingProxyType({})

    def __init__(self, **fields: Any) -> None:
        known = self._fields()
        unknown = [name for name in fields if name not in known]
        if unknown:
            raise TypeError(f"{type(self).__name__}() got unexpected keyword argument(s): {', '.join(unknown)}")
        self.__dict__.update((name, value) for name, value in fields.items() if value is not None)

    @classmethod
    def _shapes(cls) -> Dict[str, str]:
        """Field name → ``"L"`` (a list), ``"D"`` (a map) or ``""``, in declaration order (bases
        first), from the annotations' text."""
        found: Optional[Dict[str, str]] = cls.__dict__.get("_field_shapes")
        if found is None:
            found = {}
            for klass in reversed(cls.__mro__):
                for name, hint in klass.__dict__.get("__annotations__", {}).items():
                    if not name.startswith("_"):
                        hint = str(hint)
                        found[name] = "L" if hint.startswith("List[") else "D" if hint.startswith("Dict[") else ""
            setattr(cls, "_field_shapes", found)
        return found

    @classmethod
    def _fields(cls) -> Tuple[str, ...]:
        """The field names, in declaration order (bases first)."""
        return tuple(cls._shapes())

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            shape = None if name.startswith("_") else self._shapes().get(name)
            if shape is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            return [] if shape == "L" else {} if shape == "D" else None  # a field the answer did not set

    @property
    def raw_response(self) -> Optional[Response]:
        """The HTTP response (status, headers, request id) this result was read from, when it
        was read from one."""
        return self.__dict__.get("_response")

    def _set(self) -> Dict[str, Any]:
        """The fields that are set, in declaration order."""
        values = self.__dict__
        return {name: values[name] for name in self._shapes() if values.get(name) is not None}

    def to_dict(self) -> Dict[str, Any]:
        """The fields that are set, as plain data (nested results become dicts; date-times stay
        aware ``datetime`` objects), and the fields the class does not know, as sent."""
        data = {_key(name): _plain(value) for name, value in self._set().items()}
        data.update(self._extra)
        return data

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in self._set().items())
        return f"{type(self).__name__}({shown})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Model)
            and type(other) is type(self)
            and self._set() == other._set()
            and dict(self._extra) == dict(other._extra)
        )

    def __getstate__(self) -> Dict[str, Any]:
        """Pickles and copies the fields, without the HTTP response."""
        return {name: value for name, value in self.__dict__.items() if name != "_response"}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)

    __hash__ = None  # type: ignore[assignment]
