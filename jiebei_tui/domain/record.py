"""The ledger's value types: plain classes declared the way pydantic models are (and as dataclasses are), with the
part of pydantic's BaseModel interface this project uses (model_copy, model_dump, model_dump_json, model_validate).

Why not pydantic models themselves: importing pydantic and building the ledger's models took longer than all the
rest of a command, and about a quarter of the time until the loans were on screen (README, Start-up). So the
checks are pydantic's, built from these declarations only when something is checked (record_checks.py):
constructing a record checks it, as a model's constructor does; reading a ledger file the store wrote and sealed
builds the records as they are (`trusted`), with no import of pydantic at all.

A record class declares its fields with annotations and `Field(...)` (the same arguments as pydantic's: defaults,
constraints, `exclude_if`), its checks with `field_validator` / `model_validator`, and `model_config` (frozen,
extra): the one place each rule of the file is written.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
import sys
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, ClassVar, Literal, Union

ConfigDict = dict  # frozen=..., extra=... as in pydantic
# pydantic's names for a time with its zone and one without: checked as such (record_checks.py), datetimes here
AwareDatetime = dt.datetime
NaiveDatetime = dt.datetime

_MISSING = dataclasses.MISSING


class Field:
    """A field's default and its constraints, as pydantic's Field takes them. Also usable inside Annotated[...]
    (an alias such as history.Revision): pydantic then applies the same constraints."""

    def __init__(self, default: Any = _MISSING, *, default_factory: Callable[[], Any] | None = None,
                 exclude_if: Callable[[Any], bool] | None = None, **constraints: Any) -> None:
        self.default = default
        self.default_factory = default_factory
        self.exclude_if = exclude_if
        self.constraints = constraints

    def pydantic_arguments(self) -> dict[str, Any]:
        given = dict(self.constraints)
        if self.default is not _MISSING:
            given["default"] = self.default
        if self.default_factory is not None:
            given["default_factory"] = self.default_factory
        if self.exclude_if is not None:
            given["exclude_if"] = self.exclude_if
        return given

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Field as PydanticField

        return handler(Annotated[source, PydanticField(**self.constraints)])


def StringConstraints(**constraints: Any) -> Field:  # noqa: N802  (pydantic's name)
    return Field(**constraints)


class _Check:
    """A validator declared on a record (taken off the class; record_checks.py gives it to pydantic)."""

    def __init__(self, function: Any, kind: Literal["field", "model"], fields: tuple[str, ...], mode: str) -> None:
        self.function, self.kind, self.fields, self.mode = function, kind, fields, mode


def field_validator(*fields: str, mode: Literal["before", "after"] = "after") -> Callable[[Any], _Check]:
    return lambda function: _Check(function, "field", fields, mode)


def model_validator(*, mode: Literal["before", "after"]) -> Callable[[Any], _Check]:
    return lambda function: _Check(function, "model", (), mode)


class RecordField:
    """One field of a record, as its class declares it (the attributes of a dataclasses.Field that are used)."""

    __slots__ = ("name", "type", "default", "default_factory", "metadata")

    def __init__(self, name: str, kind: Any, default: Any, default_factory: Any, declared: Field | None) -> None:
        self.name, self.type, self.default, self.default_factory = name, kind, default, default_factory
        self.metadata = {"field": declared} if declared is not None else {}


class Record:
    """Base of the ledger's value types (see the module's docstring). Equality, hashing (frozen ones), repr and
    immutability are the dataclasses' rules, without their generated code: a class is made in microseconds, which
    a launch that makes sixteen of them notices."""

    model_config: ClassVar[dict] = {}
    checks: ClassVar[tuple[tuple[str, _Check], ...]] = ()
    record_fields: ClassVar[tuple[RecordField, ...]] = ()  # in order, inherited ones first
    _frozen: ClassVar[bool] = False
    _plan: ClassVar[tuple | None] = None  # (name, converter, default, factory) per field, for `trusted`
    _leave_out: ClassVar[tuple | None] = None  # (name, exclude_if) per field, for model_dump

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        checks = list(cls.checks)
        for name, value in list(vars(cls).items()):
            if isinstance(value, _Check):
                checks.append((name, value))
                delattr(cls, name)
        fields = {f.name: f for f in cls.record_fields}
        for name, kind in vars(cls).get("__annotations__", {}).items():
            if isinstance(kind, str) and kind.startswith("ClassVar"):
                continue
            declared = vars(cls).get(name, _MISSING)
            if isinstance(declared, Field):
                delattr(cls, name)
                factory = declared.default_factory if declared.default_factory is not None else _MISSING
                fields[name] = RecordField(name, kind, declared.default, factory, declared)
            else:
                fields[name] = RecordField(name, kind, declared, _MISSING, None)
        cls.record_fields = tuple(fields.values())
        cls.checks = tuple(checks)
        cls.model_config = {**cls.model_config, **vars(cls).get("model_config", {})}
        cls._frozen = bool(cls.model_config.get("frozen", False))
        cls.__hash__ = Record._hash if cls._frozen else None  # type: ignore[assignment]
        cls._plan = cls._leave_out = None

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.__dict__ == other.__dict__

    def _hash(self) -> int:
        values = self.__dict__
        return hash(tuple(values[f.name] for f in self.record_fields))

    def __repr__(self) -> str:
        values = self.__dict__
        return f"{type(self).__name__}({', '.join(f'{f.name}={values[f.name]!r}' for f in self.record_fields)})"

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if self._frozen:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    def __init__(self, **data: Any) -> None:
        """Checked as pydantic checks a model: a ValidationError names what is wrong."""
        from jiebei_tui.domain.record_checks import checked

        self.__dict__.update(checked(type(self), data))

    # --- pydantic's interface ---

    @classmethod
    def model_validate(cls, data: Any) -> typing.Self:
        if isinstance(data, cls):
            return data
        from jiebei_tui.domain.record_checks import checked

        record = cls.__new__(cls)
        record.__dict__.update(checked(cls, data))
        return record

    @classmethod
    def model_validate_json(cls, text: str | bytes) -> typing.Self:
        from jiebei_tui.domain.record_checks import checked_json

        record = cls.__new__(cls)
        record.__dict__.update(checked_json(cls, text))
        return record

    @classmethod
    def model_construct(cls, **values: Any) -> typing.Self:
        """Built as given, unchecked (for values the program made itself); missing fields take their defaults."""
        record = cls.__new__(cls)
        for name, _convert, default, factory in cls._trusted_plan():
            if name not in values:
                values[name] = factory() if factory is not None else default
        record.__dict__.update(values)
        return record

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False) -> typing.Self:
        """A copy with `update` applied, unchecked (as pydantic's): the store checks what it writes."""
        if deep:
            record = copy.deepcopy(self)
        else:
            record = type(self).__new__(type(self))
            record.__dict__.update(self.__dict__)
        if update:
            record.__dict__.update(update)
        return record

    def model_dump(self, *, mode: Literal["python", "json"] = "python", exclude: set[str] | None = None) -> dict[str, Any]:
        as_json = mode == "json"
        return {name: _dumped(value, as_json) for name, value in _kept(self) if not exclude or name not in exclude}

    def model_dump_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.model_dump(mode="json"), indent=indent, ensure_ascii=False)

    # --- a file this program wrote ---

    @classmethod
    def trusted(cls, data: Any) -> typing.Self:
        """The record `data` (parsed JSON, or already a record) describes, built without checks: only for what
        this program wrote after checking it (a sealed file, store.py)."""
        if isinstance(data, cls):
            return data
        record = cls.__new__(cls)
        values = {}
        for name, convert, default, factory in cls._plan or cls._trusted_plan():
            if name in data:
                value = data[name]
                values[name] = value if convert is None or value is None else convert(value)
            else:
                values[name] = factory() if factory is not None else default
        record.__dict__.update(values)
        return record

    @classmethod
    def _trusted_plan(cls) -> tuple:
        if cls.__dict__.get("_plan") is None:
            names = vars(sys.modules[cls.__module__])
            plan = []
            for f in cls.record_fields:
                kind = eval(f.type, names) if isinstance(f.type, str) else f.type  # noqa: S307  (our own annotations)
                factory = None if f.default_factory is _MISSING else f.default_factory
                if isinstance(factory, type) and issubclass(factory, Record):
                    factory = factory.model_construct
                plan.append((f.name, _converter(kind), None if f.default is _MISSING else f.default, factory))
            cls._plan = tuple(plan)
        return cls._plan


def _kept(record: Record):
    """(name, value) of each field the file holds: one at its left-out value (exclude_if) is not written."""
    cls = type(record)
    leave_out = cls.__dict__.get("_leave_out")
    if leave_out is None:
        leave_out = cls._leave_out = tuple(
            (f.name, f.metadata["field"].exclude_if if "field" in f.metadata else None) for f in cls.record_fields)
    values = record.__dict__
    for name, left_out in leave_out:
        value = values[name]
        if left_out is None or not left_out(value):
            yield name, value


def _dumped(value: Any, as_json: bool) -> Any:
    if isinstance(value, Record):
        return {name: _dumped(v, as_json) for name, v in _kept(value)}
    if isinstance(value, (list, tuple)):
        items = [_dumped(v, as_json) for v in value]
        return items if as_json or isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {(k.value if as_json and isinstance(k, Enum) else k): _dumped(v, as_json) for k, v in value.items()}
    if not as_json:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text  # as pydantic writes UTC
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _decimal(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value)


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _datetime(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(value)


def _converter(kind: Any) -> Callable[[Any], Any] | None:
    """How a value of this type is built from its JSON form (None: as it is)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is Annotated:
        return _converter(args[0])
    if origin in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        return _converter(inner[0]) if len(inner) == 1 else None  # several: plain values (history's params)
    if origin in (list, tuple, dict):
        each = _converter(args[-1] if origin is dict else args[0])
        if origin is dict:
            return dict if each is None else (lambda v: {k: each(x) for k, x in v.items()})
        if origin is tuple:
            return tuple if each is None else (lambda v: tuple(each(x) for x in v))
        return list if each is None else (lambda v: [each(x) for x in v])
    if origin is not None or not isinstance(kind, type):
        return None  # Literal[...]: as it is
    if issubclass(kind, Record):
        return kind.trusted
    if issubclass(kind, Enum):
        return kind
    return {Decimal: _decimal, dt.datetime: _datetime, dt.date: _date}.get(kind)
