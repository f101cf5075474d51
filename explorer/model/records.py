"""Making many frozen, slotted dataclass values quickly, for loading large files.

A frozen dataclass's `__init__` sets each field through `object.__setattr__`, one call per
field; a million events spend most of their making there. `maker(cls)` gives a function
that sets the slots directly instead, with the same defaults. It serves only classes whose
`__init__` does nothing else (no `__post_init__`, no `default_factory`), and falls back to the
class itself otherwise.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

_MAKERS: dict[type, Callable] = {}


def maker(cls: type) -> Callable:
    """A function taking the fields of `cls` (positionally or by keyword) and returning a
    value equal to `cls(...)` with the same arguments."""
    made = _MAKERS.get(cls)
    if made is None:
        made = _MAKERS[cls] = _build(cls)
    return made


def _build(cls: type) -> Callable:
    fields = dataclasses.fields(cls)
    if (
        hasattr(cls, "__post_init__")
        or not getattr(cls, "__slots__", None)
        or any(field.default_factory is not dataclasses.MISSING or not field.init for field in fields)
    ):
        return cls
    names = [field.name for field in fields]
    namespace: dict = {"new": object.__new__, "cls": cls}
    parameters = []
    for name, field in zip(names, fields):
        namespace[f"set_{name}"] = getattr(cls, name).__set__
        if field.default is dataclasses.MISSING:
            parameters.append(name)
        else:
            namespace[f"default_{name}"] = field.default
            parameters.append(f"{name}=default_{name}")
    body = "".join(f"    set_{name}(value, {name})\n" for name in names)
    source = f"def make({', '.join(parameters)}):\n    value = new(cls)\n{body}    return value\n"
    exec(source, namespace)  # noqa: S102 - the source is made above from field names only
    make = namespace["make"]
    make.__doc__ = f"Make a {cls.__name__} (see `explorer.model.records`)."
    return make
