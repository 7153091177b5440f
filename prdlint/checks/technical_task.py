"""technical-task: a team chore (refactor, upgrade, CI, tests, data loading) dressed as a story."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import (
    in_design_document,
    is_team_role,
    request_regions,
    story_of,
    users_own_technology,
)
from prdlint.checks.database_detail import DATABASE_DETAIL
from prdlint.checks.solution_prescriptive import technology_spans
from prdlint.model import Hit, Item
from prdlint.rule import Context

# Work only the team needs, whoever asks for it.
_CHORE = re.compile(
    r"(?i:\b(?:refactor(?:ing)?|re-?architect|clean\s+up\s+(?:the\s+)?(?:code|codebase|tech\s+debt)|"
    r"(?:upgrade|bump|update)\s+(?:the\s+|our\s+)?(?:\w+\s+){0,2}?(?:to\s+)?(?:version|v?\d+(?:\.\d+)+|"
    r"library|libraries|dependenc(?:y|ies)|framework|packages?|sdk|runtime|latest)|"
    r"set\s*up\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:ci|cd|ci/cd|pipeline|build\s+pipeline|repo(?:sitory)?|"
    r"dev(?:elopment)?\s+environment|test\s+environment|staging|linting|logging|monitoring|"
    r"database|db|server|project\s+(?:structure|skeleton))|project\s+structure|"
    r"(?:write|add|increase)\s+(?:more\s+)?(?:unit\s+|integration\s+|e2e\s+|end-to-end\s+)?tests?\s+"
    r"(?:for|to|coverage)|test\s+coverage|unit\s+tests?|"
    r"(?:run|execute)\s+(?:the\s+)?(?:\w+\s+)?(?:tests|test\s+suite)|"
    r"(?:migrate|port|move)\s+(?:the\s+|our\s+)?(?:code(?:base)?|app(?:lication)?|backend|frontend|"
    r"database|db|data|schema|tables?)\b|"
    r"(?:load|seed|import|ingest)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:data|records)\s+(?:in)?to\s+(?:the\s+)?"
    r"(?:database|db|system|index|registry)|seed(?:ed)?\s+(?:with\s+)?(?:sample|test|initial)\s+data|"
    r"(?:re)?index\s+(?:the\s+)?(?:database|db|tables?|search\s+index)|"
    r"(?:configure|add|set\s*up|enable)\s+(?:\w+\s+)?(?:logging|monitoring|alerting|telemetry|"
    r"tracing|caching)|"
    r"(?:research|investigate|spike\s+on|evaluate)\s+(?:\w+\s+){0,3}?(?:libraries|frameworks|"
    r"technolog(?:y|ies)|options\s+for\s+implement|implementation|approaches)|"
    r"(?:deploy|containeri[sz]e|dockeri[sz]e)\s+(?:the\s+|our\s+)?(?:\w+\s+)?(?:app|application|"
    r"service|backend|frontend|code|server|structure)|"
    r"deployed\s+to|containeri[sz]ed|dockeri[sz]ed|in\s+a\s+container|runnable\s+skeleton|"
    r"(?:initiali[sz]e|scaffold)\s+(?:the\s+)?(?:project|repo|repository|app|database|db)|"
    r"decomposition\s+of|monolith|hard-?coded|emulator|"
    r"(?:kubernetes|k8s|deployment|helm)\s+(?:\w+\s+)?(?:manifests|charts?)|"
    r"(?:database|db)\s+connection|represent\s+(?:the\s+)?data|data\s+loader|"
    r"(?:create|add|build)\s+(?:a\s+|the\s+|basic\s+|shared\s+)?(?:\w+\s+)?(?:database|db|tables?|"
    r"layout|base\s+template|setup\s+script|connection))\b)"
)
# A tool or platform set up as the whole item: "Setup SendGrid", "Introduce Redis".
_TOOL_VERB = re.compile(
    r"(?i:\b(?:set\s*up|setup|integrate|introduce|install|configure|adopt|switch\s+to|"
    r"upgrade\s+to|hidden\s+behind|host(?:ing)?)\b)"
)


Span = tuple[int, int]


@check("technical-task")
def technical_task(item: Item, ctx: Context) -> Iterator[Hit]:
    if in_design_document(item, ctx):
        return
    found = story_of(item)
    role = found[1].role_text if found and found[1].role else None
    if role is not None and not is_team_role(role):
        return  # a user-facing persona asked for it: judge the story, not the chore words
    for part, start, end in request_regions(item):
        span = _chore(part.text, start, end) or _tool_setup(part.text, start, end)
        if span is None and (role is not None or _IMPERATIVE.match(part.text, start)):
            # the team's own voice naming the build: "As a developer, I want a `Reviews` table",
            # "DB: Register models ..."
            span = _database_work(part.text, start, end)
        if span is None and role is not None:
            span = _technology(part.text, start, end)
        if span is not None and not ctx.is_allowed(part.text[span[0] : span[1]]):
            yield Hit(part, span[0], span[1])
            return


# An order to the team: "Create ...", "DB: Register ...", "m10: Persist ...".
_IMPERATIVE = re.compile(
    r"[\W_]*(?:[A-Za-z]{1,4}\d*\s*:\s*)?(?:create|add|register|update|alter|drop|migrate|move|"
    r"index|seed|load)\b",
    re.IGNORECASE,
)


def _chore(text: str, start: int, end: int) -> Span | None:
    match = _CHORE.search(text, start, end)
    return match.span() if match else None


def _database_work(text: str, start: int, end: int) -> Span | None:
    for match in DATABASE_DETAIL.finditer(text, start, end):
        if not users_own_technology(text, start, match.start(), match.end()):
            return match.span()
    return None


def _technology(text: str, start: int, end: int) -> Span | None:
    for at, to in technology_spans(text, start, end):
        if not users_own_technology(text, start, at, to):
            return at, to
    return None


def _tool_setup(text: str, start: int, end: int) -> Span | None:
    """A tool verb with a named technology a few words on."""
    for verb in _TOOL_VERB.finditer(text, start, end):
        tech = _technology(text, verb.end(), min(end, verb.end() + 40))
        if tech is not None:
            return tech
    return None
