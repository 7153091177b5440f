"""Config discovery and precedence: --config > nearest file walking up; CLI flags > file."""

from __future__ import annotations

from pathlib import Path

import pytest

from prdlint.commands._common import LintArgs, setup_run
from prdlint.config import Config, JiraSettings, find_config, load_config
from prdlint.errors import ConfigError
from prdlint.model import Severity


def test_nearest_file_walking_up_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.prdlint]\nignore = ['placeholder']\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    (tmp_path / "a" / ".prdlint.yaml").write_text("ignore: [vague-term]\n")
    assert find_config(nested) == tmp_path / "a" / ".prdlint.yaml"
    assert load_config(start=nested).ignore == ("vague-term",)


def test_pyproject_without_a_prdlint_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert find_config(tmp_path) is None
    assert load_config(start=tmp_path) == Config()


def test_yaml_takes_precedence_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.prdlint]\nfail-on = 'error'\n")
    (tmp_path / ".prdlint.yaml").write_text("fail-on: info\n")
    assert load_config(start=tmp_path).fail_on is Severity.INFO


def test_explicit_config_overrides_discovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".prdlint.yaml").write_text("fail-on: info\n")
    other = tmp_path / "ci.yaml"
    other.write_text("fail-on: error\n")
    monkeypatch.chdir(tmp_path)
    assert load_config(other).fail_on is Severity.ERROR


def test_cli_flags_override_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".prdlint.yaml").write_text(
        "select: [placeholder, vague-term]\nfail-on: error\nallow-terms: [Redis]\n"
    )
    monkeypatch.chdir(tmp_path)
    run = setup_run(LintArgs(select=("vague-term",), ignore=("placeholder",), fail_on="info"))
    assert [r.name for r in run.selection.rules] == ["vague-term"]
    assert run.config.fail_on is Severity.INFO
    assert run.settings.allow_terms == frozenset({"redis"})


def test_all_keys_are_read(tmp_path: Path) -> None:
    path = tmp_path / ".prdlint.yaml"
    path.write_text(
        "select: [solution]\nextend-select: [PRD303]\nignore: [ui-detail]\n"
        "severity: {placeholder: info}\nfail-on: warning\nallow-terms: [Kafka]\n"
        "skip-sections: [Technical notes]\ninclude: ['*.txt']\nexclude: [drafts/*]\n"
        "options: {vague-term: {}}\nrule-packs: [packs]\n"
        "per-file-ignores: {'legacy/*.md': [vague-term]}\njira: {ac-field: DoD}\n"
    )
    config = load_config(path)
    assert config.select == ("solution",)
    assert config.severity == {"placeholder": Severity.INFO}
    assert config.skip_sections == ("technical notes",)
    assert config.rule_packs == (tmp_path / "packs",)
    assert config.per_file_ignores == {"legacy/*.md": ("vague-term",)}
    assert config.jira == JiraSettings(ac_field="DoD")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "select: placeholder-x\nfail-on: loud\n",
            "key 'fail-on': unknown severity 'loud' (use error, warning or info)",
        ),
        (
            "severity: {placeholder: loud}\n",
            "key 'severity.placeholder': unknown severity 'loud' (use error, warning or info)",
        ),
        ("ignore: [1, 2]\n", "key 'ignore': must be a list of strings"),
        ("options: [a]\n", "key 'options': must be a table (mapping)"),
        ("- a\n- b\n", "the top level: must be a table (mapping)"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / ".prdlint.yaml"
    path.write_text(content)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.message == f"{path}: {message}"


def test_unknown_rule_in_severity_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".prdlint.yaml").write_text("severity: {no-such-rule: info}\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="unknown rule 'no-such-rule' in rule settings"):
        setup_run(LintArgs())
