"""`@value`: a frozen dataclass made without generated code, for the values the program works out (a loan's state,
what is due now, the banner's fact, a store transaction's result).

`@dataclass(frozen=True)` compiles six methods for each class (__init__, __repr__, __eq__, __hash__, __setattr__,
__delattr__): about half a millisecond a class, at every launch and command that imports it, and a launch imports
twenty-odd of them before the loans are on screen. Here the class is still a dataclass (fields(), replace(),
asdict() and match work as before) and those six methods are Value's, written once, by the same rules: the same
arguments (positional or by name, defaults, default factories, __post_init__), equality of the same class by the
fields compared, a hash of those fields, a repr of those shown, and no assignment or deletion once made.

Making one costs a few microseconds more than with generated code: fine for values made at most some hundreds of
times a command. The ones made by the thousand (an instalment, an allocation of a payment) stay slotted dataclasses
with their generated __init__.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")
_MISSING = dataclasses.MISSING


class Value:
    __slots__ = ()
    _params: tuple[str, ...] = ()  # what __init__ takes, in order
    _fill: tuple[tuple[str, Any, Any], ...] = ()  # (name, default, factory) of every field, in order
    _compared: tuple[str, ...] = ()
    _shown: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        params = cls._params
        if len(args) > len(params):
            raise TypeError(f"{cls.__name__}() takes {len(params)} arguments but {len(args)} were given")
        values = dict(zip(params, args))
        for name, given in kwargs.items():
            if name not in params:
                raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
            values[name] = given
        if len(values) < len(cls._fill):
            for name, default, factory in cls._fill:
                if name not in values:
                    if default is not _MISSING:
                        values[name] = default
                    elif factory is not _MISSING:
                        values[name] = factory()
                    else:
                        raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
        self.__dict__.update(values)
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        mine, theirs = self.__dict__, other.__dict__
        return tuple(mine[name] for name in self._compared) == tuple(theirs[name] for name in self._compared)

    def __hash__(self) -> int:
        values = self.__dict__
        return hash(tuple(values[name] for name in self._compared))

    def __repr__(self) -> str:
        values = self.__dict__
        return f"{type(self).__qualname__}({', '.join(f'{name}={values[name]!r}' for name in self._shown)})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def value(cls: type[T]) -> type[T]:
    """Make `cls` (a subclass of Value, declared as for @dataclass) a frozen dataclass with Value's methods."""
    if not issubclass(cls, Value):
        raise TypeError(f"@value: {cls.__name__} must derive from Value")
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False)  # fields only: nothing compiled
    fields = dataclasses.fields(cls)
    if any(f.kw_only or not f.init for f in fields):
        raise TypeError(f"@value: {cls.__name__} has a keyword-only or init=False field, which Value does not take")
    cls._params = tuple(f.name for f in fields)
    cls._fill = tuple((f.name, f.default, f.default_factory) for f in fields)
    cls._compared = tuple(f.name for f in fields if f.compare)
    cls._shown = tuple(f.name for f in fields if f.repr)
    return cls
