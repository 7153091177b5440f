"""Both cores when the work is big: many files, or one very large story list, are linted
in a pool of forked worker processes; a small run (a pre-commit hook's one file) never
starts one.

Workers run only the item rules. What they send back (findings, refs, the compact
copies the backlog rules compare, directives) is merged by prdlint/runner.py in the
order of the targets, exactly as a serial run would, and the backlog rules run once in
this process over every file's copies. So the output is the serial output.

Workers are forked (Linux), so they inherit the linter and the targets (or the items of
a large file) without pickling them; elsewhere the run stays serial. PRDLINT_JOBS sets
the number of processes (1: serial; default: the cores this process may use)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from types import MappingProxyType
from typing import Any

from prdlint.engine import Linter
from prdlint.errors import ConfigError
from prdlint.model import Finding, InputProblem, Item
from prdlint.readers import InputError
from prdlint.readers.settings import ReadSettings
from prdlint.runner import Linted, Target, lint_target, linted_items, read_target

JOBS_ENV = "PRDLINT_JOBS"
# Input below which the pool's start-up (forking, sending findings back) costs more than
# the second core saves (bench/peers.py --break-even): on 2 shared cores the pool lost
# up to ~400 KB of story list (3,000 stories) and won at 20,000 (11.5 s -> 7.6 s).
MIN_POOL_BYTES = 512 * 1024
MIN_SPLIT_ITEMS = 1_000  # a file with fewer items is never split into slices
SLICES_PER_JOB = 4  # several slices a worker: items differ in cost, the pool evens it

# What forked workers inherit: set just before the pool starts, cleared after.
_WORK: tuple[Any, ...] = ()


def jobs() -> int:
    """Processes a run may use: PRDLINT_JOBS, else the cores this process may run on."""
    raw = os.environ.get(JOBS_ENV, "").strip()
    if raw in ("", "auto"):
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux: no fork pool either
            return os.cpu_count() or 1
    if raw.isdigit() and int(raw) >= 1:
        return int(raw)
    raise ConfigError(f"{JOBS_ENV}: must be a whole number of processes (1 or more) or 'auto'")


def _can_fork() -> bool:
    import multiprocessing

    # fork is unsafe on macOS (system frameworks) and absent on Windows.
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _size(target: Target) -> int:
    try:
        return 0 if target.path is None else target.path.stat().st_size
    except OSError:
        return 0  # unreadable: the read reports it


def lint_each(
    targets: Sequence[Target],
    linter: Linter,
    settings: ReadSettings,
    stdin: Callable[[], bytes],
) -> Iterator[Linted]:
    """Each target read and linted by the item rules, in target order: in this process,
    or across a pool when the input is big enough to pay for one."""
    workers = jobs()
    sizes = [_size(t) for t in targets]
    pays = workers > 1 and sum(sizes) >= MIN_POOL_BYTES
    if not pays or any(t.path is None for t in targets) or not _can_fork():
        return (lint_target(t, settings, linter, stdin) for t in targets)
    if len(targets) == 1:
        return iter([_split_one(targets[0], linter, settings, stdin, workers)])
    return _pooled_files(targets, linter, settings, stdin, min(workers, len(targets)))


def _pool(workers: int) -> Any:
    import copyreg
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # A document's front matter is a read-only view (rules share it): send it as a copy.
    copyreg.pickle(MappingProxyType, _proxy_copy)
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


def _proxy_copy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return _proxy, (dict(proxy),)


def _proxy(mapping: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(mapping)


def _pooled_files(
    targets: Sequence[Target],
    linter: Linter,
    settings: ReadSettings,
    stdin: Callable[[], bytes],
    workers: int,
) -> Iterator[Linted]:
    global _WORK
    _WORK = (targets, linter, settings, stdin)
    try:
        with _pool(workers) as pool:
            # Largest first would balance better, but results must come in target
            # order; one file a task keeps a big file from holding up a whole batch.
            yield from pool.map(_lint_file, range(len(targets)))
    finally:
        _WORK = ()


def _lint_file(index: int) -> Linted:
    targets, linter, settings, stdin = _WORK
    return lint_target(targets[index], settings, linter, stdin)


def _split_one(
    target: Target,
    linter: Linter,
    settings: ReadSettings,
    stdin: Callable[[], bytes],
    workers: int,
) -> Linted:
    """One large file: read here, its items linted in slices across the pool."""
    try:
        items = read_target(target, settings, stdin)
    except (InputError, RecursionError):
        return lint_target(target, settings, linter, stdin)  # the same problem as serial
    if len(items) < MIN_SPLIT_ITEMS:
        before = len(linter.left_out)
        findings = linter.lint(items, backlog=False)
        return linted_items(target.display, items, linter, findings, linter.left_out[before:])
    findings, left_out = _lint_slices(items, linter, workers)
    findings.sort(key=lambda f: f.sort_key)  # stable: ties keep item order, as serial
    return linted_items(target.display, items, linter, findings, left_out)


def _lint_slices(
    items: list[Item], linter: Linter, workers: int
) -> tuple[list[Finding], list[InputProblem]]:
    global _WORK
    step = -(-len(items) // (workers * SLICES_PER_JOB))
    bounds = [(start, min(start + step, len(items))) for start in range(0, len(items), step)]
    _WORK = (items, linter)
    findings: list[Finding] = []
    left_out: list[InputProblem] = []
    try:
        with _pool(workers) as pool:
            for found, over in pool.map(_lint_slice, bounds):
                findings.extend(found)
                left_out.extend(over)
    finally:
        _WORK = ()
    return findings, left_out


def _lint_slice(bounds: tuple[int, int]) -> tuple[list[Finding], list[InputProblem]]:
    items, linter = _WORK
    before = len(linter.left_out)
    found = linter.lint_slice(items, *bounds)
    return found, linter.left_out[before:]
