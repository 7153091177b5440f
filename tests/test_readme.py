"""The README says what a user sees: its sample command prints the lines it shows (in
order, with the summary), and its suppression example silences exactly what it says."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def first_block(after: str, language: str) -> str:
    start = README.index(after)
    found = re.search(rf"```{language}\n(.*?)```", README[start:], re.S)
    assert found, f"no ```{language} block after {after!r}"
    return found.group(1)


def run(args: list[str]) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout.splitlines()


def test_readme_sample_output_is_what_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    command, *shown = first_block("# prdlint", "console").splitlines()
    assert command.startswith("$ prdlint ")
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    code, printed = run(shlex.split(command[len("$ prdlint ") :]))
    assert code == 1

    # The summary: items and files exactly; the counts only in form, since every rule
    # tuning moves them and the lines shown above are what the sample is about.
    def shape(summary: str) -> str:
        return re.sub(r"\d+ (findings?|warnings?|errors?|infos?)\b", r"N \1", summary)

    assert shape(shown[-1]) == shape(printed[-1]), "update the README's sample summary"
    lines = iter(printed)
    for line in shown[:-1]:
        if line != "...":
            assert line in lines, f"README shows a line prdlint does not print (in order): {line}"


def test_readme_suppression_example_silences_each_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    example = first_block("## Suppressions", "markdown")
    monkeypatch.chdir(tmp_path)
    Path("suppressed.md").write_text(example, encoding="utf-8")
    Path("bare.md").write_text(re.sub(r" ?<!--.*?-->", "", example), encoding="utf-8")
    code, printed = run(["check", "suppressed.md", "--extend-select", "unused-suppression"])
    assert (code, printed) == (0, ["No findings in 5 items (1 file)."])
    code, printed = run(["check", "bare.md"])
    assert code == 1
    assert [line.split()[1] for line in printed[:-1]] == ["PRD101", "PRD102", "PRD303", "PRD103"]
