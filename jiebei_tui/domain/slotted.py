"""`Slotted`: the records a replay makes by the thousand (an instalment, its state, where a payment went, what an
overdue instalment costs, what one more day late adds), written out by hand.

`@dataclass(slots=True)` compiles __init__, __repr__ and __eq__ for each class and builds the class twice: 0.6-0.8 ms
a class at every launch and command that imports it, and five of them were made before the loans were on screen.
`@value` compiles nothing, but its one __init__ for every class is a few microseconds slower a call: too slow for
records made by the thousand. So each of these classes lists its fields in `__slots__` and writes its __init__ out,
with the same parameters in the same order (tests/domain/test_slotted.py checks they agree): compiled once, into the
module's cached bytecode. Equality and repr are Slotted's, by a dataclass's rules: equal when of the same class with
equal fields, a repr of every field, unhashable; `FrozenSlotted` is immutable and hashed by its fields.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any


class Slotted:
    __slots__ = ()

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # (mutable, as a dataclass with eq and not frozen)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({shown})"

    def __reduce__(self) -> tuple:
        return self.__class__, self._fields()  # (copy and pickle: __init__ takes the fields in order)


class FrozenSlotted(Slotted):
    """Set in __init__ through object.__setattr__; no assignment or deletion after."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
