"""Frozen records: dataclasses whose methods are written once, here, instead of once per class.

`@dataclass(frozen=True)` compiles an `__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`
and `__delattr__` for every class with `exec`. On Python 3.11 that is about 0.6 ms a class
(measured: compiling dominates, so one `exec` for all six is no cheaper), and `diklat plan` imports
about forty such classes on every run: a sixth of its start-up. A `Record` subclass is still a
dataclass to everything that asks (`dataclasses.fields`, `replace`, `asdict`, pydantic's
validators, mypy through `dataclass_transform`); only its methods are shared, and they read the
fields from tuples made once when the class is created.

A shared `__init__` loops in Python, so it builds an object about twice as slowly as a generated
one. Classes the planner creates by the thousand (`plan.Block`, `plan.TaskStatus`, ...) therefore
are NamedTuples (plan.py); records are for what is built a few times a run.
"""

from __future__ import annotations

from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar, dataclass_transform


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
class Record:
    """A frozen dataclass: subclass it instead of decorating with `@dataclass(frozen=True)`.

    `class Item(Record, kw_only=True)` makes every field keyword-only, as `kw_only=True` does.
    """

    _positional: ClassVar[tuple[str, ...]] = ()
    _init: ClassVar[tuple[tuple[str, Any, Any], ...]] = ()
    _repr: ClassVar[tuple[str, ...]] = ()
    _compare: ClassVar[tuple[str, ...]] = ()
    _hash: ClassVar[tuple[str, ...]] = ()
    _post_init: ClassVar[bool] = False

    def __init_subclass__(cls, *, kw_only: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # fields, defaults and the dataclass markers, but no generated code
        dataclass(cls, init=False, repr=False, eq=False, kw_only=kw_only)
        all_fields = fields(cls)  # type: ignore[arg-type]  # a dataclass from the line above
        init = [f for f in all_fields if f.init]
        cls._positional = tuple(f.name for f in init if not f.kw_only)
        cls._init = tuple((f.name, f.default, f.default_factory) for f in init)
        cls._repr = tuple(f.name for f in all_fields if f.repr)
        cls._compare = tuple(f.name for f in all_fields if f.compare)
        cls._hash = tuple(f.name for f in all_fields if (f.compare if f.hash is None else f.hash))
        cls._post_init = hasattr(cls, "__post_init__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        name = cls.__qualname__
        if len(args) > len(cls._positional):
            n = len(cls._positional)
            raise TypeError(f"{name}() takes {n} positional arguments but {len(args)} were given")
        values = self.__dict__  # frozen: written around __setattr__, as dataclasses do
        for key, value in zip(cls._positional, args, strict=False):
            if key in kwargs:
                raise TypeError(f"{name}() got multiple values for argument '{key}'")
            values[key] = value
        for key, default, factory in cls._init:
            if key in values:
                continue
            if key in kwargs:
                values[key] = kwargs.pop(key)
            elif default is not MISSING:
                values[key] = default
            elif factory is not MISSING:
                values[key] = factory()
            else:
                raise TypeError(f"{name}() missing required argument: '{key}'")
        if kwargs:
            raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(kwargs))}'")
        if cls._post_init:
            self.__post_init__()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        shown = ", ".join(f"{key}={getattr(self, key)!r}" for key in type(self)._repr)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, key) == getattr(other, key) for key in self._compare)

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, key) for key in self._hash))

    if not TYPE_CHECKING:  # mypy knows records are frozen from dataclass_transform

        def __setattr__(self, key: str, value: Any) -> None:
            raise FrozenInstanceError(f"cannot assign to field '{key}'")

        def __delattr__(self, key: str) -> None:
            raise FrozenInstanceError(f"cannot delete field '{key}'")
