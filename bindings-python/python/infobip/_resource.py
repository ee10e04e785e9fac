"""What the generated namespaces (``infobip.resources``) use at run time besides the native
module: the marker of deprecated operations.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, TypeVar

    _F = TypeVar("_F", bound=Callable[..., Any])


def deprecated(message: str) -> Callable[[_F], _F]:
    """Marks a method deprecated (``__deprecated__``, as PEP 702's decorator does): calling it
    warns with ``DeprecationWarning`` naming its successor. Type checkers see
    ``typing_extensions.deprecated`` instead."""

    def mark(method: _F) -> _F:
        def warned(*args: Any, **kwargs: Any) -> Any:
            import warnings

            warnings.warn(message, DeprecationWarning, stacklevel=2)
            return method(*args, **kwargs)

        for name in ("__module__", "__name__", "__qualname__", "__doc__"):
            setattr(warned, name, getattr(method, name))
        setattr(warned, "__wrapped__", method)
        setattr(warned, "__deprecated__", message)
        return warned  # type: ignore[return-value]

    return mark
