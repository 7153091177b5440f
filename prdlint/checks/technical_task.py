"""technical-task: a team chore (refactor, upgrade, CI, tests, data loading) dressed as a story."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import request_regions, role_text
from prdlint.model import Hit, Item
from prdlint.rule import Context

_CHORE = re.compile(
    r"(?i:\b(?:refactor(?:ing)?|re-?architect|clean\s+up\s+(?:the\s+)?(?:code|codebase|tech\s+debt)|"
    r"(?:upgrade|bump|update)\s+(?:the\s+|our\s+)?(?:\w+\s+){0,2}?(?:to\s+)?(?:version|v?\d+(?:\.\d+)+|library|"
    r"libraries|dependenc(?:y|ies)|framework|packages?|sdk|runtime)|"
    r"set\s*up\s+(?:a\s+|the\s+)?(?:ci|cd|ci/cd|pipeline|build\s+pipeline|repo(?:sitory)?|"
    r"dev(?:elopment)?\s+environment|test\s+environment|staging|linting|logging|monitoring|"
    r"database|db|server|project\s+(?:structure|skeleton))|"
    r"(?:write|add|increase)\s+(?:more\s+)?(?:unit\s+|integration\s+|e2e\s+|end-to-end\s+)?tests?\s+"
    r"(?:for|to|coverage)|test\s+coverage|unit\s+tests?|"
    r"(?:migrate|port)\s+(?:the\s+)?(?:code(?:base)?|app(?:lication)?|backend|frontend|database|db|"
    r"data|schema|tables?)\b|"
    r"(?:load|seed|import|ingest)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:data|records)\s+(?:in)?to\s+(?:the\s+)?"
    r"(?:database|db|system|index|registry)|seed(?:ed)?\s+(?:with\s+)?(?:sample|test|initial)\s+data|"
    r"(?:re)?index\s+(?:the\s+)?(?:database|db|tables?|search\s+index)|"
    r"(?:configure|add|set\s*up|enable)\s+(?:\w+\s+)?(?:logging|monitoring|alerting|telemetry|tracing|caching)|"
    r"(?:research|investigate|spike\s+on|evaluate)\s+(?:\w+\s+){0,3}?(?:libraries|frameworks|"
    r"technolog(?:y|ies)|options\s+for\s+implement|implementation|approaches)|"
    r"(?:deploy|containeri[sz]e|dockeri[sz]e)\s+(?:the\s+)?(?:app|application|service|backend|"
    r"frontend|code|server)|runnable\s+skeleton|(?:initiali[sz]e|scaffold)\s+(?:the\s+)?"
    r"(?:project|repo|repository|app|database|db))\b)"
)
_TEAM_ROLES = re.compile(
    r"(?i:\b(?:developer|programmer|engineer|dev|devops|team\s+member|team|tester|qa|"
    r"architect|maintainer|system|scrum\s+master)s?\b)"
)


@check("technical-task")
def technical_task(item: Item, ctx: Context) -> Iterator[Hit]:
    role = role_text(item)
    if role and not _TEAM_ROLES.search(role):
        return  # a user-facing persona asked for it: judge the story, not the chore words
    for part, start, end in request_regions(item):
        match = _CHORE.search(part.text, start, end)
        if match is not None and not ctx.is_allowed(match.group()):
            yield Hit(part, match.start(), match.end())
            return
