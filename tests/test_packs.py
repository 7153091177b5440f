"""YAML rule packs: validation errors name file, rule and key; clashes name both files;
`--rules` and `rule-packs` load them; a pattern that backtracks catastrophically cannot hang."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from prdlint.cli import cli
from prdlint.errors import ConfigError
from prdlint.registry import PackError, all_rules, load_pack

RULE = """\
rules:
  - code: TST101
    name: our-stack-term
    kind: existence
    tokens: [Kafka]
    summary: Names our stack.
    why: The squad chooses.
    fix: State the need.
    message: "names our stack ('{match}')"
    examples:
      bad: ["As a picker, I want Kafka, so that I pick."]
      good: ["As a picker, I want a list, so that I pick."]
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    path = write(tmp_path / "pack.yaml", text)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("kind: existence", "kind: substitution",
         "rule 'our-stack-term': key 'kind': 'substitution' is not one of conditional, "
         "existence, occurrence, required"),
        ("tokens: [Kafka]", "tokens: [Kafka]\n    patterns: ['(unclosed']",
         "rule 'our-stack-term': key 'patterns': invalid regular expression '(unclosed': "
         "missing ) at position 9"),
        ("tokens: [Kafka]", "tokens: [Kafka]\n    colour: red",
         "rule 'our-stack-term': unknown key 'colour' for kind 'existence'"),
        ("tokens: [Kafka]", "tokens: [Kafka]\n    fields: [storey]",
         "rule 'our-stack-term': key 'fields': unknown field 'storey' (use title, story, "
         "requirement, description, body, criterion)"),
        ("tokens: [Kafka]", "tokens: Kafka, Redis\n    ignore-case: maybe",
         "rule 'our-stack-term': key 'ignore-case': must be true or false"),
        ("""message: "names our stack ('{match}')\"""", 'message: "{count} times"',
         "rule 'our-stack-term': key 'message': unknown placeholder {count}; kind 'existence' "
         "provides {match}"),
        ("    summary: Names our stack.\n", "",
         "rule 'our-stack-term': missing key 'summary'"),
        ('      good: ["As a picker, I want a list, so that I pick."]\n', "",
         "rule 'our-stack-term': needs at least one bad and one good example"),
        ("code: TST101", "code: tst-1",
         "rule 'our-stack-term': code 'tst-1' must be 2-8 capitals and 3-4 digits, e.g. PRD101"),
        ("severity", "severity", ""),  # placeholder row replaced below
    ][:-1],
)  # fmt: skip
def test_pack_errors_name_file_rule_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in RULE
    assert error_of(tmp_path, RULE.replace(old, new)) == f"{tmp_path / 'pack.yaml'}: {message}"


@pytest.mark.parametrize(
    ("kind_keys", "message"),
    [
        ("kind: occurrence\n    tokens: [and]",
         "key 'max': give 'max' or 'min' to limit how often the words occur"),
        ("kind: occurrence\n    max-words: -1", "key 'max-words': must be a whole number, 0 or more"),
        ("kind: occurrence\n    tokens: [and]\n    max: 1\n    min: 2",
         "key 'min': must not be more than 'max'"),
        ("kind: required", "key 'sections': give sections, parts, tokens or patterns"),
        ("kind: required\n    parts: [criteria]",
         "key 'parts': unknown field 'criteria' (use title, story, requirement, description, "
         "body, criterion)"),
        ("kind: required\n    sections: ['Success (metrics']",
         "key 'sections': invalid regular expression 'Success (metrics': missing ) at "
         "position 16"),
        ("kind: conditional\n    then: {tokens: [consent]}",
         "key 'if': must be a mapping (e.g. {tokens: [...]})"),
        ("kind: conditional\n    if: {tokens: [email]}\n    then: {words: [consent]}",
         "key 'then.words': 'then' takes tokens, patterns, sections, parts, fields"),
        ("kind: conditional\n    if: {patterns: ['[']}\n    then: {tokens: [consent]}",
         "key 'if.patterns': invalid regular expression '[': unterminated character set at "
         "position 1"),
    ],
)  # fmt: skip
def test_kind_settings_errors(tmp_path: Path, kind_keys: str, message: str) -> None:
    text = RULE.replace("kind: existence\n    tokens: [Kafka]", kind_keys).replace("{match}", "x")
    assert error_of(tmp_path, text) == f"{tmp_path / 'pack.yaml'}: rule 'our-stack-term': {message}"


def test_broken_yaml_and_wrong_shape(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    assert error_of(tmp_path, "rules: [\n").startswith(f"{path}: invalid YAML at line 2:")
    assert (
        error_of(tmp_path, "- code: X\n") == f"{path}: a rule pack is a mapping with a 'rules' list"
    )


def test_clash_between_packs_names_both_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "one.yaml", RULE)
    second = write(tmp_path / "b" / "two.yaml", RULE.replace("TST101", "TST102"))
    with pytest.raises(ConfigError) as caught:
        all_rules([first, second])
    assert str(caught.value) == (
        f"rule 'our-stack-term' is defined twice: in {first} and in {second} "
        "(rename one: codes and names must be unique)"
    )


def test_clash_with_a_builtin_names_both(tmp_path: Path) -> None:
    pack = write(tmp_path / "p.yaml", RULE.replace("our-stack-term", "placeholder"))
    with pytest.raises(ConfigError) as caught:
        all_rules([pack])
    assert str(caught.value) == (
        f"rule 'placeholder' is defined twice: in prdlint (rules/core.yaml) and in {pack} "
        "(rename one: codes and names must be unique)"
    )


def test_same_pack_named_twice_is_read_once(tmp_path: Path) -> None:
    pack = write(tmp_path / "packs" / "p.yaml", RULE)
    names = [r.name for r in all_rules([tmp_path / "packs", pack])]
    assert names.count("our-stack-term") == 1


def test_missing_pack_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"nope\.yaml: rule pack not found$"):
        all_rules([tmp_path / "nope.yaml"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(PackError, match=r"empty: rule pack directory has no \*\.yaml files$"):
        all_rules([tmp_path / "empty"])


# -- the command line ----------------------------------------------------------------------
STORIES = (
    "As a picker, I want Kafka, so that I pick.\nAs a picker, I want a list, so that I pick.\n"
)


def test_rules_option_and_show_rule_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "packs" / "stack.yaml", RULE)
    write(tmp_path / "s.txt", STORIES)
    result = CliRunner().invoke(
        cli,
        ["check", "--rules", "packs", "--select", "our-stack-term", "--show-rule-source", "s.txt"],
    )
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "s.txt:1:21: TST101 our-stack-term names our stack ('Kafka') [packs/stack.yaml]"
    )


def test_rule_packs_in_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "proj" / "rules" / "stack.yaml", RULE)
    write(tmp_path / "proj" / ".prdlint.yaml", "rule-packs: [rules]\nselect: [TST101]\n")
    write(tmp_path / "proj" / "s.txt", STORIES)
    monkeypatch.chdir(tmp_path / "proj")
    result = CliRunner().invoke(cli, ["check", "--format", "json", "s.txt"])
    assert result.exit_code == 1
    findings = json.loads(result.output)["findings"]
    assert [(f["rule"], f["code"], f["location"]["line"], f["message"]) for f in findings] == [
        ("our-stack-term", "TST101", 1, "names our stack ('Kafka')")
    ]
    listed = json.loads(CliRunner().invoke(cli, ["rules", "--format", "json"]).output)
    assert {"code": "TST101", "source": "rules/stack.yaml"}.items() <= next(
        r for r in listed if r["code"] == "TST101"
    ).items()


def test_bad_pack_is_a_one_line_error_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "packs" / "stack.yaml", RULE.replace("kind: existence", "kind: nope"))
    write(tmp_path / "s.txt", STORIES)
    result = CliRunner().invoke(cli, ["check", "--rules", "packs", "s.txt"])
    assert result.exit_code == 2
    assert result.output == (
        "prdlint: error: packs/stack.yaml: rule 'our-stack-term': key 'kind': 'nope' is not one "
        "of conditional, existence, occurrence, required\n"
    )


# -- catastrophic backtracking -------------------------------------------------------------
def _backtracking_pack(tmp_path: Path, pattern: str) -> Path:
    return write(
        tmp_path / "packs" / "slow.yaml",
        RULE.replace("tokens: [Kafka]", f"patterns: ['{pattern}']"),
    )


@pytest.mark.parametrize(
    ("pattern", "slow"), [("(a+)+$", "a" * 5000 + "b"), ("(a|aa)+$", "a" * 60 + "!")]
)
def test_catastrophic_backtracking_is_reported_once_and_the_run_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, slow: str
) -> None:
    """Nested quantifiers backtrack without end on a near-match. User patterns run with a
    timeout: the rule reports it once (naming itself), is skipped for the rest of the run,
    and the other items and files are still linted."""
    monkeypatch.chdir(tmp_path)
    _backtracking_pack(tmp_path, pattern)
    write(tmp_path / "s.txt", f"{slow}\n{slow}\n{slow}\nAs a picker, I want TBD, so that I pick.\n")
    result = CliRunner().invoke(
        cli, ["check", "--rules", "packs", "--select", "TST101,placeholder", "s.txt"]
    )
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "s.txt:1:1: TST101 our-stack-term the our-stack-term rule's pattern took over 0.5s on "
        "this text (catastrophic backtracking?); the rule is skipped for the rest of the run: "
        "simplify its pattern",
        "s.txt:4:21: PRD303 placeholder contains the placeholder 'TBD'; decide it or move it to "
        "Open questions",
        "Found 2 findings (1 error, 1 warning) in 4 items (1 file).",
    ]
