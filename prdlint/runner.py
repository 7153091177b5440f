"""Find the files to lint, read them, lint them, and gather one Report.

A file that cannot be read becomes an InputProblem beside the findings: it never stops
the other files from being linted."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from prdlint.boundedio import read_regular_file
from prdlint.config import Config
from prdlint.engine import Linter
from prdlint.filters import DocumentDirectives, directives_of
from prdlint.model import Finding, InputProblem, Item, ItemRef, Report
from prdlint.readers import (
    NO_ITEMS,
    FileReader,
    InputError,
    decode,
    read_nothing,
    reader_for,
    supported_suffixes,
    unread_parts,
)
from prdlint.readers.settings import ReadSettings
from prdlint.rule import Rule

STDIN = "-"
_PRUNED_DIRECTORIES = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__"}
)


@dataclass(frozen=True, slots=True)
class Target:
    display: str  # the path as the user will see it
    path: Path | None  # None for standard input
    reader: FileReader
    config: Config | None = field(default=None, compare=False)  # its project's (None: the run's)


def _posix(path: Path) -> str:
    try:
        shown = path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = path.as_posix()
    # A name that is not UTF-8 holds surrogate escapes no output can encode: show its
    # bytes as \xNN, as git does (the Target keeps the real path for reading).
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _git_visible(directory: Path) -> set[Path] | None:
    """Files git does not ignore under `directory`, or None when it is not a git work tree."""
    import subprocess  # only when walking a directory, not for the files a hook names

    try:
        result = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=directory,
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    # Names are bytes in whatever encoding the author's system used: decode them as the
    # os module does (surrogateescape), so they match the walked paths, never crash.
    names = result.stdout.split(b"\0")
    return {(directory / os.fsdecode(name)).resolve() for name in names if name}


def _walk(directory: Path, problems: list[InputProblem]) -> Iterator[Path]:
    """Files under `directory`; a folder that cannot be listed becomes a problem, never a
    silent gap in the run."""

    def unreadable(error: OSError) -> None:
        reason = "permission denied" if isinstance(error, PermissionError) else error.strerror
        where = _posix(Path(error.filename)) if error.filename else str(directory)
        problems.append(InputProblem(where, f"cannot list directory: {reason}"))

    # followlinks=False: a symlinked directory loop cannot trap the walk.
    for root, dirs, files in os.walk(directory, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in _PRUNED_DIRECTORIES and not d.startswith("."))
        for name in sorted(files):
            yield Path(root) / name


def _directory_targets(
    directory: Path, configs: Callable[[Path], Config], problems: list[InputProblem]
) -> list[Target]:
    visible = _git_visible(directory)
    targets = []
    for path in _walk(directory, problems):
        reader = reader_for(path.name)
        if reader is None:
            continue
        config = configs(path)  # its own project's: globs are relative to that config
        if config.matches(path, config.exclude):
            continue
        if not path.is_file():
            continue  # a FIFO or socket would block the read; a dangling link has nothing
        if not (reader.in_directories or config.matches(path, config.include)):
            continue
        if visible is not None and path.resolve() not in visible:
            continue
        targets.append(Target(_posix(path), path, reader, config))
    return targets


def collect_targets(
    paths: Sequence[str], configs: Config | Callable[[Path], Config]
) -> tuple[list[Target], list[InputProblem]]:
    """The files to lint, each with its config (`configs` maps a file to it; one Config
    is every file's)."""
    if isinstance(configs, Config):
        configs = _constant(configs)
    targets: list[Target] = []
    problems: list[InputProblem] = []
    for raw in paths:
        if not raw:  # Path("") is the current directory: never what an empty $VAR meant
            problems.append(InputProblem('""', "empty path"))
            continue
        if raw == STDIN:
            targets.append(Target("<stdin>", None, reader_for(".md")))  # type: ignore[arg-type]
            continue
        path = Path(raw)
        if path.is_dir():
            before = len(problems)
            found = _directory_targets(path, configs, problems)
            if not found and len(problems) == before:
                problems.append(
                    InputProblem(raw, "no markdown PRDs or configured story files here")
                )
            targets.extend(found)
        elif path.is_file() or path.is_symlink():
            reader = reader_for(path.name)
            if reader is None:
                kinds = ", ".join(supported_suffixes())
                problems.append(InputProblem(raw, f"not a supported file type ({kinds})"))
            elif not (config := configs(path)).matches(path, config.exclude):
                targets.append(Target(_posix(path), path, reader, config))
        elif path.exists():
            problems.append(InputProblem(raw, "not a regular file"))
        else:
            problems.append(InputProblem(raw, "no such file or directory"))
    unique = {t.display: t for t in targets}
    return list(unique.values()), problems


def _constant(config: Config) -> Callable[[Path], Config]:
    return lambda _: config


def read_target(target: Target, settings: ReadSettings, stdin: Callable[[], bytes]) -> list[Item]:
    """The items of one target; InputError with the reason when it cannot be read."""
    try:
        # Bounded: a device, a FIFO or an endless stdin is refused, never read for ever.
        data = stdin() if target.path is None else read_regular_file(target.path)
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    text = decode(data, target.reader.legacy_encoding)
    return target.reader.read(text, target.display, settings)


@dataclass(slots=True)
class Linted:
    """One target read and linted by the item rules: what the run keeps of it until the
    backlog rules have seen every file (in this process or sent back from a worker)."""

    display: str
    findings: list[Finding] = field(default_factory=list)  # sorted, before any filter
    refs: list[ItemRef] = field(default_factory=list)
    backlog: list[Item] = field(default_factory=list)  # compact copies for backlog rules
    directives: list[DocumentDirectives] = field(default_factory=list)
    path: str | None = None  # its items' source path
    read: bool = False  # it had items (the run's order of files counts these)
    problem: InputProblem | None = None  # it could not be read
    partial: list[InputProblem] = field(default_factory=list)  # parts it could not read
    notice: InputProblem | None = None  # it held no backlog item
    left_out: list[InputProblem] = field(default_factory=list)  # findings over the cap


def lint_target(
    target: Target, settings: ReadSettings, linter: Linter, stdin: Callable[[], bytes]
) -> Linted:
    """Read one target and run the item rules on it (the backlog rules wait for the run)."""
    try:
        items = read_target(target, settings, stdin)
    except InputError as error:
        return Linted(target.display, problem=InputProblem(target.display, str(error)))
    except RecursionError:
        reason = "markup nested too deeply to read"
        return Linted(target.display, problem=InputProblem(target.display, reason))
    before = len(linter.left_out)
    findings = linter.lint(items, backlog=False)
    return linted_items(target.display, items, linter, findings, linter.left_out[before:])


def linted_items(
    display: str,
    items: list[Item],
    linter: Linter,
    findings: list[Finding],
    left_out: list[InputProblem],
) -> Linted:
    """What the run keeps of one target's items, given the item rules' sorted findings."""
    return Linted(
        display,
        findings=findings,
        refs=[ItemRef.of(item) for item in items if item.kind != "section"],
        backlog=linter.backlog_items(items),
        directives=directives_of(items),
        path=items[0].source.path if items else None,
        read=bool(items),
        partial=[InputProblem(display, why) for why in unread_parts(items)],
        notice=InputProblem(display, NO_ITEMS) if read_nothing(items) else None,
        left_out=list(left_out),
    )


def lint_targets(
    targets: Sequence[Target],
    rules: Sequence[Rule],
    linter: Linter,
    config: Config,
    stdin: Callable[[], bytes],
    on_file: Callable[[Target], None] | None = None,
    documents: list[DocumentDirectives] | None = None,
    each: Iterable[Linted] | None = None,
) -> Report:
    """Read and lint the targets: the engine's findings, before any filter. `each` is the
    targets already read and linted by the item rules, in order (prdlint/parallel.py does
    that on every core); without it they are linted here, one by one. Backlog rules
    (duplicates, templates) compare the stories of every file, as one backlog."""

    findings: list[Finding] = []
    refs: list[ItemRef] = []
    backlog: list[Item] = []
    order: dict[str | None, int] = {}  # path -> file number: findings stay in run order
    problems: list[InputProblem] = []
    partial: list[InputProblem] = []  # files linted, but not all of them read
    notices: list[InputProblem] = []
    left_out: list[InputProblem] = []
    if each is None:
        each = (lint_target(t, config.read_settings, linter, stdin) for t in targets)
    for target, linted in zip(targets, each, strict=True):
        if on_file is not None:
            on_file(target)
        if linted.problem is not None:
            problems.append(linted.problem)
            continue
        findings.extend(linted.findings)
        refs.extend(linted.refs)
        backlog.extend(linted.backlog)
        if linted.read:
            order.setdefault(linted.path, len(order))
        if documents is not None:
            documents.extend(linted.directives)
        partial.extend(linted.partial)
        notices.extend([linted.notice] if linted.notice else [])
        left_out.extend(linted.left_out)
    across = linter.lint_backlog(backlog)
    if across:
        findings.extend(across)
        findings.sort(key=lambda f: (order.get(f.location.path, len(order)), f.sort_key))
    linted_count = len(targets) - len(problems)
    rule_map = {r.name: r for r in rules}
    return Report(findings, refs, linted_count, rule_map, problems + partial, notices + left_out)
