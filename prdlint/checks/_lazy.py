"""The checks' name for `prdlint.lazypattern`, which lives in the base layer so that
story, roles and doctype (below the checks) can use it too."""

from __future__ import annotations

from prdlint.lazypattern import LazyPattern, Replacement, Source, lazy

__all__ = ["LazyPattern", "Replacement", "Source", "lazy"]
