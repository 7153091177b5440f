"""Python checks that YAML rules name with `check: NAME`. A check module registers its
functions with @check; every module in this package is imported when checks are first needed."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class CheckSpec:
    function: Callable[..., Any]
    scope: Literal["item", "backlog"]


_CHECKS: dict[str, CheckSpec] = {}


def check(name: str, scope: Literal["item", "backlog"] = "item") -> Callable[[F], F]:
    """Register a function as the check called `name` (as a YAML rule's `check:` names it)."""

    def register(function: F) -> F:
        _CHECKS[name] = CheckSpec(function, scope)
        return function

    return register


@cache
def builtin_checks() -> dict[str, CheckSpec]:
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")
    return _CHECKS
