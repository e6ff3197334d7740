"""Equality and a readable form for kehoach's small data classes, from their ``__slots__``.

The extractors pass their findings around in small classes (a block, a location, a section).
They were dataclasses; the ``dataclasses`` module imports ``inspect`` and writes each class's
methods through ``exec`` when the class is made, which together cost a command that reads one
file about a tenth of its start-up. These classes write their ``__init__`` by hand and take
``__eq__`` and ``__repr__`` from here, with what a dataclass gives: equal when of the same class
with equal fields in ``__slots__`` order; a :class:`FrozenRecord` also hashes by its fields.
"""

from __future__ import annotations


class Record:
    """A data class whose fields are its ``__slots__``."""

    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:  # mutable: as a dataclass, not hashable
        raise TypeError(f"unhashable type: {self.__class__.__name__!r}")

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{self.__class__.__qualname__}({fields})"


class FrozenRecord(Record):
    """A :class:`Record` never changed after it is made: hashable by its fields. Each field is set
    once, by ``__init__`` (or by unpickling); setting it again raises, as a frozen dataclass does,
    so that one shared (cached) instance cannot be changed under its other users."""

    __slots__: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        if hasattr(self, name):
            raise AttributeError(f"cannot assign to field {name!r} of {self.__class__.__name__}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of {self.__class__.__name__}")

    def __hash__(self) -> int:
        return hash(self._values())
