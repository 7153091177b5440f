"""Patterns compile on first use: importing every check compiles none, and a LazyPattern
answers exactly as the `re.compile` of the same source and flags."""

from __future__ import annotations

import re
import subprocess
import sys

from prdlint.checks._gate import GatedPatterns
from prdlint.checks._lazy import LazyPattern, lazy

_SOURCE = r"(?P<word>b\w+)|(?P<num>\d+)"
_TEXT = "a big blue 42 box, bold 7"


def test_lazy_answers_as_re_compile() -> None:
    eager, late = re.compile(_SOURCE, re.I), lazy(_SOURCE, re.I)
    assert late.pattern == eager.pattern
    assert (late.flags, late.groups, dict(late.groupindex)) == (
        eager.flags,
        eager.groups,
        dict(eager.groupindex),
    )
    for pos, endpos in ((0, len(_TEXT)), (3, 12), (6, 30)):
        for name in ("search", "match", "fullmatch"):
            got, want = (getattr(p, name)(_TEXT, pos, endpos) for p in (late, eager))
            assert (got and (got.span(), got.groupdict())) == (
                want and (want.span(), want.groupdict())
            )
        assert [m.span() for m in late.finditer(_TEXT, pos, endpos)] == [
            m.span() for m in eager.finditer(_TEXT, pos, endpos)
        ]
        assert late.findall(_TEXT, pos, endpos) == eager.findall(_TEXT, pos, endpos)
    assert late.split(_TEXT, 2) == eager.split(_TEXT, 2)
    assert late.sub("_", _TEXT, 3) == eager.sub("_", _TEXT, 3)
    assert late.subn(lambda m: m.group().upper(), _TEXT) == eager.subn(
        lambda m: m.group().upper(), _TEXT
    )


def test_compiles_once_on_first_use() -> None:
    late = LazyPattern(r"blue")
    assert late._compiled is None
    assert late.search("blue sky") is not None
    first = late.compiled
    assert late.search("sky blue") is not None
    assert late.compiled is first


def test_importing_every_check_compiles_no_pattern() -> None:
    # A fresh interpreter: this test process has long since run patterns.
    script = """
import gc, importlib, pkgutil
import prdlint.checks as pkg
from prdlint.checks import builtin_checks
from prdlint.checks._gate import GatedPatterns
from prdlint.checks._lazy import LazyPattern
builtin_checks()
for m in pkgutil.iter_modules(pkg.__path__):
    importlib.import_module(f"prdlint.checks.{m.name}")
found = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]
print(len(found) > 100, [o.pattern[:40] for o in found if o._compiled is not None])
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout == "True []\n"


def test_gated_pattern_compiles_only_when_its_anchor_occurs() -> None:
    gated = GatedPatterns([("blue", r"blue \w+"), ("big", r"big blue"), (None, r"\d+px")])
    assert gated.spans("a blue sky, 12px") == [(2, 10), (12, 16)]
    assert [p._compiled is not None for p in gated.patterns] == [True, False, True]


def test_a_source_function_runs_once_on_first_use() -> None:
    calls: list[int] = []

    def source() -> str:
        calls.append(1)
        return r"b(?:ig|lue)"

    late = lazy(source, re.I)
    assert calls == []
    assert [m.group() for m in late.finditer("Big BLUE bird")] == ["Big", "BLUE"]
    assert (late.pattern, late.search("blue") is not None, calls) == (r"b(?:ig|lue)", True, [1])


def test_base_modules_and_markdown_reader_compile_nothing_at_import() -> None:
    # Every module-level pattern of these modules is lazy, and importing compiles none.
    script = """
import re
import prdlint.doctype, prdlint.readers.markdown, prdlint.roles, prdlint.story
from prdlint.checks._lazy import LazyPattern
for module in (prdlint.doctype, prdlint.roles, prdlint.story, prdlint.readers.markdown):
    values = list(vars(module).values())
    values += [x for v in values if isinstance(v, tuple) for p in v for x in (p if isinstance(p, tuple) else (p,))]
    eager = [n for n, v in vars(module).items() if isinstance(v, re.Pattern)]
    lazies = {id(v): v for v in values if isinstance(v, LazyPattern)}.values()
    print(module.__name__, eager, len(lazies), sum(p._compiled is not None for p in lazies))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [
        "prdlint.doctype [] 8 0",
        "prdlint.roles [] 8 0",
        "prdlint.story [] 13 0",
        "prdlint.readers.markdown [] 37 0",
    ]
