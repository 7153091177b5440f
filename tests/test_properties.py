"""Property-based tests: whatever the text (random unicode, huge lines, deep nesting of
lists and quotes, unbalanced markup, NUL bytes), the readers and every rule finish without
an exception, and every finding points inside the input."""

from __future__ import annotations

import contextlib
import tempfile
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prdlint.cli import cli
from prdlint.config import Config
from prdlint.engine import Linter, LintSettings
from prdlint.model import Finding, Item
from prdlint.readers import READERS, InputError, decode
from prdlint.readers.markdown import ReadSettings, read_markdown
from prdlint.readers.storylist import read_story_list
from prdlint.registry import all_rules, select_rules
from prdlint.runner import Target, lint_targets

RULES = select_rules(all_rules(), ["ALL"]).rules
# Every rule, each "explicitly selected" so that opt-in behaviour runs too.
LINTER = Linter(RULES, LintSettings(explicit=frozenset(r.name for r in RULES)))
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of markdown and backlog text that exercise the readers' and rules' branches.
FRAGMENTS = [
    "# ", "## ", "###### ", "#", "- ", "* ", "+ ", "1. ", "12) ", "  ", "    ", "\t", "> ",
    ">> ", "- [ ] ", "- [x] ", "**", "__", "*", "_", "`", "```", "~~~", "<!--", "-->",
    "<br>", "<div>", "</div>", "|", "| --- |", "---", "[", "]", "(", ")", "![", "\\", "&amp;",
    "As a shopper, ", "as an admin ", "I want ", "I'd like to ", "so that ", "in order to ",
    "Given ", "When ", "Then ", "And ", "Acceptance criteria:", "**Acceptance Criteria**",
    "US-12: ", "Epic: ", "User story: ", "Requirements", "Technical notes", "Non-goals",
    "TBD", "TODO", "???", "Redis", "React", "a `status` column", "the orders table",
    "CREATE TABLE x", "12px", "#ff0000", "top-left", "fast", "and/or", "etc.", "refactor",
    "and", "or", ",", ".", "\n", "\n\n", "\x00", "\u200b", "\ufeff", "é", "漢字", "🙂", "\u0301",
]  # fmt: skip

markdown_like = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=12), max_size=80).map(
    "".join
)
any_text = st.text(max_size=400) | markdown_like


@st.composite
def deep_nesting(draw: st.DrawFn) -> str:
    """Lists, quotes and emphasis nested far deeper than any real document."""
    depth = draw(st.integers(min_value=1, max_value=200))
    marker = draw(st.sampled_from(["- ", "> ", "1. ", "* > ", "**", "[", "<div>"]))
    indent = draw(st.sampled_from(["", "  ", "   "]))
    lines = [indent * level + marker * (1 if indent else level) + "As a x, I want TBD"
             for level in range(depth)]  # fmt: skip
    return "\n".join(lines)


@st.composite
def huge_line(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(["Redis ", "fast ", "**a ", "x", "As a user, I want ", "` "]))
    return "- " + word * draw(st.integers(min_value=1000, max_value=4000))


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def assert_inside(findings: Sequence[Finding], text: str) -> None:
    lines = lines_of(text)
    for finding in findings:
        loc = finding.location
        assert 1 <= loc.line <= len(lines), (finding, len(lines))
        assert 1 <= loc.column <= len(lines[loc.line - 1]) + 1, finding
        assert loc.line <= loc.end_line <= len(lines), finding
        assert 1 <= loc.end_column <= len(lines[loc.end_line - 1]) + 1, finding


def normalised(text: str) -> str:
    """Newlines as the readers receive them (decode() turns CRLF and CR into LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def lint(items: list[Item]) -> list[Finding]:
    return LINTER.lint(items)


@SETTINGS
@given(any_text | deep_nesting() | huge_line())
def test_markdown_reader_and_every_rule_on_any_text(raw: str) -> None:
    text = normalised(raw)
    items = read_markdown(text, "prd.md", ReadSettings(skip_sections=("technical notes",)))
    assert_inside(lint(items), text)


@SETTINGS
@given(any_text | huge_line())
def test_story_list_reader_and_every_rule_on_any_text(raw: str) -> None:
    text = normalised(raw)
    assert_inside(lint(read_story_list(text, "stories.txt")), text)


@SETTINGS
@given(st.binary(max_size=600) | any_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_through_the_whole_pipeline(data: bytes) -> None:
    """Bytes as a file holds them, for every reader: findings or an input problem."""
    for reader in READERS:
        target = Target(f"input{reader.suffixes[0]}", None, reader)
        report = lint_targets([target], RULES, LINTER, Config(), lambda data=data: data)
        assert len(report.problems) + report.files == 1
        if report.findings:
            assert_inside(report.findings, decode(data, reader.legacy_encoding))


@SETTINGS
@given(st.binary(max_size=300))
def test_decode_gives_text_or_one_input_error(data: bytes) -> None:
    for legacy in (False, True):
        try:
            text = decode(data, legacy)
        except InputError as error:
            assert str(error) and "\n" not in str(error)
        else:
            assert "\r" not in text


# -- random bytes as every input kind, through the real command line -----------------------

GOOD = b"- As a shopper, I want prices kept in Redis, so that pages load.\n"
# The argument list for each input kind; the random bytes are written to INPUT.
INPUT_KINDS = {
    "markdown": ("prd.md", ["check", "prd.md"]),
    "story list": ("stories.txt", ["check", "stories.txt"]),
    "JSON export": ("export.json", ["check", "export.json"]),
    "CSV export": ("export.csv", ["check", "export.csv"]),
    "YAML config": ("config.yaml", ["check", "--config", "config.yaml", "good.md"]),
    "TOML config": ("pyproject.toml", ["check", "--config", "pyproject.toml", "good.md"]),
    "rule pack": ("pack.yaml", ["check", "--rules", "pack.yaml", "good.md"]),
    "baseline": ("baseline.json", ["check", "--baseline", "baseline.json", "good.md"]),
    "stdin": (None, ["check", "-", "good.md"]),
}
# Bytes that look a little like each kind, so the parsers get past their first check.
SEEDS = [
    b"", b"---\n", b"rules:\n  - ", b"select: [", b"[tool.prdlint]\n", b'{"issues": [',
    b"Issue key,Summary\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\x1b]52;c;", b"\xe9",
    b'{"prdlint-baseline": 1, "findings": [', b"- As a user, I want ", b"\r\n",
]  # fmt: skip
random_input = st.lists(st.sampled_from(SEEDS) | st.binary(max_size=40), max_size=12).map(b"".join)
MEMORY_BOUND = 64 * 2**20
CLI_SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))


@CLI_SETTINGS
@given(kind=st.sampled_from(sorted(INPUT_KINDS)), data=random_input)
def test_random_bytes_as_any_input_exit_0_1_or_2_never_a_traceback_bounded_memory(
    kind: str, data: bytes
) -> None:
    name, args = INPUT_KINDS[kind]
    with tempfile.TemporaryDirectory() as directory, contextlib.chdir(directory):
        Path("good.md").write_bytes(GOOD)
        if name is not None:
            Path(name).write_bytes(data)
        tracemalloc.start()
        try:
            result = CliRunner().invoke(cli, args, input=data if name is None else b"")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    # Bounded memory: a few hundred bytes of input never cost more than the rules' one-time
    # loading (about 6 MiB on the first run) plus a margin.
    assert peak < MEMORY_BOUND, (kind, peak)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        kind,
        result.exception,
    )
    assert result.exit_code in (0, 1, 2), (kind, result.exit_code, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 2:  # each problem one line, named by its source or flag
        assert all(line.startswith("prdlint: ") for line in result.stderr.splitlines())


JSON_KEYS = ["name", "key", "value", "type", "content", "text", "id"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(JSON_KEYS), children, max_size=4)
    ),
    max_leaves=12,
)
ISSUE_FIELDS = ["summary", "description", "issuetype", "status", "labels", "parent",
                "customfield_10010", "Acceptance Criteria"]  # fmt: skip


@SETTINGS
@given(
    fields=st.dictionaries(st.sampled_from(ISSUE_FIELDS), json_values, max_size=8),
    key=json_values,
    names=json_values,
)
def test_json_export_with_any_field_types_reads_or_fails_in_one_line(
    fields: dict[str, object], key: object, names: object
) -> None:
    """A hand-edited or foreign export: every field of any JSON type."""
    import json

    from prdlint.readers.jira_export import ExportError, read_search_json

    document = {"issues": [{"key": key, "fields": fields}], "names": names}
    try:
        items = read_search_json(json.dumps(document))
    except ExportError as error:
        assert "\n" not in str(error)
    else:
        assert_inside_any(lint(items))


def assert_inside_any(findings: Sequence[Finding]) -> None:
    for finding in findings:
        assert finding.location.line >= 0 and finding.location.column >= 0, finding
