"""pydantic's checks for the ledger's records (record.py), built from the records' own declarations the first time
one is checked: a record constructed, a ledger file the store did not seal, what the store is about to write.

Each record class gets a pydantic model of the same name, fields, constraints and validators; a value is checked
by that model and then taken over as the record (nested models as nested records).
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from functools import cache
from typing import Any

import pydantic
from pydantic import BaseModel

from jiebei_tui.domain.record import Record

# what a record's annotations name that means pydantic's own type or constraint when checked
_PYDANTIC_NAMES = {
    "Field": pydantic.Field,
    "StringConstraints": pydantic.StringConstraints,
    "AwareDatetime": pydantic.AwareDatetime,
    "NaiveDatetime": pydantic.NaiveDatetime,
}
_RECORD_OF: dict[type[BaseModel], type[Record]] = {}


class _Names:
    """The names a record's annotations are read with: its module's, with records as their models."""

    def __init__(self, module_names: dict[str, Any]) -> None:
        self.module_names = module_names

    def __getitem__(self, name: str) -> Any:
        if name in _PYDANTIC_NAMES:
            return _PYDANTIC_NAMES[name]
        value = self.module_names[name]
        return model_of(value) if isinstance(value, type) and issubclass(value, Record) else value


_BUILDING = threading.RLock()  # the app's worker and its loop may both ask first: one builds, the other waits


def model_of(cls: type[Record]) -> type[BaseModel]:
    """The pydantic model that checks `cls` (built once)."""
    with _BUILDING:
        return _model_of(cls)


@cache
def _model_of(cls: type[Record]) -> type[BaseModel]:
    module_names = vars(sys.modules[cls.__module__])
    names = _Names(module_names)
    fields: dict[str, Any] = {}
    for f in cls.record_fields:
        kind = eval(f.type, module_names, names) if isinstance(f.type, str) else f.type  # noqa: S307  (our own annotations)
        declared = f.metadata.get("field")
        if declared is not None:
            fields[f.name] = (kind, pydantic.Field(**declared.pydantic_arguments()))
        elif f.default_factory is not dataclasses.MISSING:
            fields[f.name] = (kind, pydantic.Field(default_factory=f.default_factory))
        else:
            fields[f.name] = (kind, ... if f.default is dataclasses.MISSING else f.default)
    validators = {}
    for name, check in cls.checks:
        if check.kind == "field":
            validators[name] = pydantic.field_validator(*check.fields, mode=check.mode)(check.function)
        else:
            validators[name] = pydantic.model_validator(mode=check.mode)(check.function)
    config = pydantic.ConfigDict(extra=cls.model_config.get("extra", "ignore"), from_attributes=True)
    model = pydantic.create_model(cls.__name__, __config__=config, __validators__=validators, __module__=__name__,
                                  **fields)
    _RECORD_OF[model] = cls
    return model


def checked(cls: type[Record], data: Any) -> dict[str, Any]:
    """The fields of a `cls` made from `data`, checked (raises pydantic's ValidationError)."""
    return _fields(model_of(cls).model_validate(data))


def checked_json(cls: type[Record], text: str | bytes) -> dict[str, Any]:
    return _fields(model_of(cls).model_validate_json(text))


def _fields(model: BaseModel) -> dict[str, Any]:
    return {name: _adopted(value) for name, value in model.__dict__.items()}


def _adopted(value: Any) -> Any:
    if isinstance(value, BaseModel):
        record = _RECORD_OF[type(value)].__new__(_RECORD_OF[type(value)])
        record.__dict__.update(_fields(value))
        return record
    if isinstance(value, list):
        return [_adopted(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_adopted(v) for v in value)
    if isinstance(value, dict):
        return {k: _adopted(v) for k, v in value.items()}
    return value
