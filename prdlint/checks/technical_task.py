"""technical-task: a team chore (refactor, upgrade, CI, tests, data loading) dressed as a story."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._technology import mentions
from prdlint.checks._text import (
    in_design_document,
    is_team_role,
    request_end,
    request_regions,
    story_of,
    users_own_technology,
)
from prdlint.checks.database_detail import DATABASE_DETAIL
from prdlint.checks.solution_prescriptive import records_constraints, technology_spans
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context
from prdlint.story import Story

# Work only the team needs, whoever asks for it.
_CHORE = lazy(
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
_TOOL_VERB = lazy(
    r"(?i:\b(?:set\s*up|setup|integrate|introduce|install|configure|adopt|switch\s+to|"
    r"upgrade\s+to|hidden\s+behind|host(?:ing)?)\b)"
)


Span = tuple[int, int]

# Verb + object: a chore verb whose object is one of the team's own artefacts. The
# modifiers between them are a closed set, so "add a discount code" or "move books to
# the library" never reach an artefact noun.
_CHORE_VERB = (
    r"set\s*up|setup|configure|write|add|create|build|implement|refactor|restructure|rewrite|"
    r"upgrade|update|bump|migrate|move|port|rename|clean\s+up|automate|deploy|provision|"
    r"install|profile|benchmark|research|investigate|spike|seed|mock|stub|lint|integrate|"
    r"wire\s+up|hook\s+up|enable|fix|extract|consolidate|remove|deprecate|replace|switch|"
    r"convert|generate|schedule|get|run|document|increase|improve|speed\s+up|parallelise|"
    r"parallelize|split|design|define|determine|decide\s+on"
)
_MODIFIER = (
    r"(?:the|a|an|our|all|new|basic|some|more|proper|existing|current|old|legacy|initial|"
    r"shared|separate|automated|automatic|nightly|daily|weekly|scheduled|local|remote|"
    r"missing|failing|flaky|slow|project|app|application|repo|team|main|default|"
    r"structured|central(?:ised|ized)?|comprehensive|full|thorough|\w+-\w+|"
    # a file the chore names: "backend/prometheus.yml", "`.github/workflows/ci.yml`"
    r"`[^`\s]+`|[\w.-]*(?:/[\w.-]+)+|[\w-]+\.(?:ya?ml|json|toml|ini|cfg|conf|xml|lock))"
)
_ARTEFACT = (
    r"(?:build|ci|cd|ci/cd|deploy(?:ment)?|release|data|etl)\s+pipelines?|pipelines?|ci|ci/cd|"
    r"builds?(?:\s+(?:scripts?|system|server))?|deploys|deployments?(?:\s+scripts?)?|"
    r"(?:unit|integration|e2e|end-to-end|regression|smoke|load|performance|snapshot|api|"
    r"acceptance|component)\s+tests?|tests?(?:\s+(?:suite|coverage|fixtures|harness|cases))?|"
    r"fixtures|mocks|linters?|linting|lint\s+rules|formatters?|pre-commit(?:\s+hooks?)?|"
    r"git\s+hooks?|logging|loggers?|log\s+files|monitoring|alerting|tracing|telemetry|"
    r"instrumentation|config(?:uration)?(?:\s+files?)?|env(?:ironment)?\s+(?:variables|vars|files?)|"
    r"(?:[\w-]+/)*\.env(?:\.\w+)?(?:\s+files?)?|secrets|"
    r"(?:test(?:ing)?|branching|release|deployment|logging|migration)\s+strateg(?:y|ies)|dependenc(?:y|ies)|third-party\s+librar(?:y|ies)|sdks?|"
    r"repo(?:sitory)?|monorepo|codebase|source\s+code|dead\s+code|legacy\s+code|"
    r"tech(?:nical)?\s+debt|migrations?|entities|seed\s+data|infrastructure|cluster|"
    r"(?:database\s+|db\s+|data\s+)?schemas?|"
    # the seam between two parts of the build: "interface between DB and chatbot"
    r"(?:interfaces?|integration|contracts?|protocol|communication)\s+between\s+(?:the\s+)?"
    r"(?:db|database|backend|back-end|frontend|front-end|server|client|api|services?)|"
    r"(?:dev|development|test|testing|qa|staging|production|prod|local|docker|backend|back-end|"
    r"frontend|front-end|server|client)\s+(?:environments?|setup|servers?|stack)|staging|"
    # the environment the parts of the build run in: "setup the environment for backend"
    r"environments?\s+for\s+(?:the\s+)?(?:backend|back-end|frontend|front-end|server|client|api|"
    r"development|testing|local\s+development|both)|sandbox|boilerplate|scaffold(?:ing)?|"
    r"(?:project|folder|directory|repo)\s+(?:structure|skeleton|layout)|skeleton|"
    r"(?:persistence|data|data\s+access|service|repository|caching|cache)\s+layers?|"
    r"api\s+clients?|cron\s*jobs?|scheduled\s+jobs?|background\s+jobs?|job\s+queues?|"
    r"backups?|dockerfiles?|docker\s+images?|docker-compose(?:\s+files?)?|containers?\s+images?|"
    r"kubernetes|k8s|helm\s+charts?|terraform|type\s+hints|typings|readme|changelog|"
    r"(?:api|code|developer)\s+documentation|docstrings|feature\s+flags?|code\s+coverage|"
    r"webpack\s+config|bundles?|bundler|bundle\s+size|build\s+times?|ci\s+times?|"
    r"database\s+(?:indexes|indices|backups?|seeds?)|nightly\s+jobs?"
)
_TEAM_WORK = lazy(
    rf"(?i:\b(?:{_CHORE_VERB})\s+(?:(?:{_MODIFIER})\s+){{0,3}}(?:{_ARTEFACT})\b(?![-/]\w)"
    # the chore named as a noun at the head of the item: "Persistence layer (entities ...)",
    # "Profiling of the raw event data", "Refactoring of the billing module"
    r"|^[\W_]*(?:[A-Za-z]{1,4}-?\d+\s*[:.-]\s*)?(?:(?:persistence|data\s+access|service)\s+layer|"
    r"(?:refactor(?:ing)?|profiling|benchmark(?:ing)?|clean-?up|restructuring|"
    r"containeri[sz]ation|dockeri[sz]ation|instrumentation|scaffolding|linting|"
    r"(?:load|unit|integration|e2e|end-to-end|regression)\s+test(?:s|ing)|"
    r"ci|ci/cd|ci\s+pipeline|build\s+pipeline|deployment\s+pipeline|logging|monitoring|"
    r"(?:initial\s+|base\s+)?(?:repo(?:sitory)?|project|folder|directory|codebase|monorepo)\s+"
    r"(?:structure|skeleton|layout|set-?up|scaffold(?:ing)?)|(?:initial|base|project|dev"
    r"(?:elopment)?|environment)\s+set-?up|"
    r"alerting|tracing|telemetry|tech(?:nical)?\s+debt|dependency\s+updates?|"
    # "db migration", "db seeding", "logger", "unit/int testing", "deployment to cloud"
    r"(?:db|database)\s+(?:migrations?|seed(?:ing|s)?|backups?|set-?up)|loggers?|"
    r"(?:unit|int|integration|e2e)(?:\s*/\s*(?:unit|int|integration|e2e))+\s+test(?:s|ing)|"
    r"(?:deployment|deploy)\s+to\s+(?:the\s+)?(?:cloud|production|prod|staging|server)|"
    r"docker(?:\s+\w+){0,2}\s+(?:optimi[sz]ation|set-?up|config(?:uration)?)|"
    r"(?:git|github|gitlab)\s+(?:actions|ci|workflows?|pipelines?))\b)"
    # how the team builds and ships, named anywhere: "Create GitHub actions for CI/CD pipeline"
    r"|\b(?:ci/cd|ci|cd|build|deployment|release)\s+pipelines?\b|\bci/cd\b"
    r"|\bcontinuous\s+(?:integration|delivery|deployment)\b)"
)
# Behaviour users see: a person, a screen, a message they get. A chore word beside it
# ("Add logging of failed sign-ins to the admin audit page") describes the product.
_USER_VISIBLE = lazy(
    r"(?i:\b(?:users?|customers?|visitors?|members?|people|shoppers?|clients?|players?|"
    r"students?|patients?|admins?|administrators?|staff|employees?|readers?|buyers?|sellers?|"
    r"page|pages|screen|screens|homepage|dashboard|display(?:s|ed)?|shows?|shown|see|sees|"
    r"views?|notif\w*|sign[\s-]?(?:up|in)|log[\s-]?in|theme|click\w*|buttons?|menu|"
    r"form|forms|e-?mails?\s+(?:to|them)|their|my|me|profiles?|accounts?|preferences|icons?|"
    r"inputs?|panels?|modals?|dialogs?|windows?|links?|tabs?)\b)"
)


def _user_visible(item: Item) -> bool:
    """Whether the item (its reason too) speaks of people or of what they see."""
    return any(_USER_VISIBLE.search(part.text) for part in item.parts_of(*_STATEMENT))


_STATEMENT = ("story", "requirement", "title")


def _named_technology(text: str, start: int, end: int) -> Span | None:
    """A technology the item asks the team to take up ("I want to use React 18", "For
    authentication use Firebase"); a technology merely named is solution-prescriptive's."""
    for mention in mentions(text):
        at, to = mention.start, mention.end
        if not start <= at < end or users_own_technology(text, start, at, to):
            continue
        verbs = list(_TAKE_UP.finditer(text, max(start, at - 60), at))
        if verbs:  # the chore is the taking up: "use React 18", not the name PRD101 reports
            return verbs[-1].start(), to
        if _BARE.fullmatch(text, start, at) and _BARE.fullmatch(text, to, end):
            return at, to  # the tool is the whole item ("GitHub Actions"): adopting it
    return None


# What may surround a name that is the whole item: an id, brackets, punctuation.
_BARE = lazy(r"[\W_]*(?:[A-Za-z]{1,6}-?\d+\s*[:.-]?)?[\W_]*")


_TAKE_UP = lazy(
    r"(?i:\b(?:use|using|integrate|introduce|adopt|set\s*up|setup|install|configure|"
    r"switch\s+to|move\s+to|migrate\s+to|upgrade|replace|implement|get)\b)"
)


def _team_work(text: str, start: int, end: int) -> Span | None:
    match = _TEAM_WORK.search(text, start, end)
    return match.span() if match else None


@check("technical-task")
def technical_task(item: Item, ctx: Context) -> Iterator[Hit]:
    if in_design_document(item, ctx) or records_constraints(item):
        return
    found = story_of(item)
    role = found[1].role_text if found and found[1].role else None
    if found is not None and role is not None and _system_benefits(found):
        part, story = found  # the beneficiary is the frontend, not a person: a chore
        yield Hit(part, story.means[0], story.means[1])
        return
    if found is not None and role is not None and (check_span := _verification(found)):
        yield Hit(found[0], *check_span)  # "As a tester, I want to ensure ...": test work
        return
    if role is not None and not is_team_role(role):
        return  # a user-facing persona asked for it: judge the story, not the chore words
    visible = _user_visible(item)
    for part, start, end in request_regions(item):
        span = _chore(part.text, start, end, visible) or _tool_setup(part.text, start, end)
        if span is None and (role is not None or _IMPERATIVE.match(part.text, start)):
            # the team's own voice naming the build: "As a developer, I want a `Reviews` table",
            # "DB: Register models ..."
            span = _from_order(_database_work(part.text, start, end), 0 if role else start)
        if span is None and not visible:
            # the team's chore in plain words ("Set up a build pipeline", "Persistence layer
            # (entities, migrations, seed data)") or a named technology as the whole request
            span = _team_work(part.text, start, end) or _named_technology(part.text, start, end)
        if span is None and role is not None:
            span = _team_asks_for(part.text, start, end) or _wanted_artefact(part.text, start, end)
        if span is not None and not ctx.is_allowed(part.text[span[0] : span[1]]):
            yield Hit(part, span[0], span[1])
            return
    if role is None:
        yield from _subtask_chores(item, ctx)


# A bare topic bullet ("- Database solution") whose nested bullets are orders to the team
# ("- Create database tables"): the reader files the children as criteria, but in such a
# list they are the tasks themselves, so each is judged as a request of its own.
_TOPIC = lazy(r"[\W_]*[A-Za-z][\w/&-]*(?:\s+[\w/&-]+){0,3}[\W_]*")
_ORDER = lazy(rf"(?i:[\W_]*(?:{_CHORE_VERB}|design|define|determine)\b)")


def _subtask_chores(item: Item, ctx: Context) -> Iterator[Hit]:
    heads = item.parts_of("story")
    if len(heads) != 1 or not _TOPIC.fullmatch(heads[0].text):
        return
    children = item.parts_of("criterion")
    hits = [hit for part in children if (hit := _subtask_chore(part, ctx))]
    if hits and 2 * len(hits) > len(children):
        # most of its tasks are chores: the topic is the team's too ("Database solution")
        head = heads[0]
        yield Hit(head, 0, len(head.text.rstrip()))
    yield from hits


def _subtask_chore(part: Part, ctx: Context) -> Hit | None:
    if not _ORDER.match(part.text) or _USER_VISIBLE.search(part.text):
        return None
    end = request_end(part.text)
    span = (
        _chore(part.text, 0, end, False)
        or _team_work(part.text, 0, end)
        or _from_order(_database_work(part.text, 0, end), 0)
    )
    if span is None or ctx.is_allowed(part.text[span[0] : span[1]]):
        return None
    return Hit(part, span[0], span[1])


# A part of the system, never a person ("the frontend and backend remain decoupled").
_PART = (
    r"(?:the\s+|our\s+)?(?:frontend|front-end|backend|back-end|server|api|database|db|"
    r"client\s+app|codebase|code|pipeline|build|app\s+server)"
)
# A reason whose beneficiary is a part of the system, not a person: "so that the frontend
# can display them", "so that the API responds faster".
_SYSTEM_BENEFICIARY = lazy(
    rf"(?i:^\W*(?:(?:so\s+that|so|in\s+order\s+for)\s+)?{_PART}(?:\s+(?:and|&)\s+{_PART})?"
    r"\s+(?:can|could|will|is|are|does|doesn't|stays?|runs?|remains?|keeps?)\b)"
)


# A tester or QA persona whose want is to check behaviour: the item is test work for the
# team ("As a tester, I want to ensure all posts reach the feed"), whatever it checks.
_TESTER = lazy(
    r"(?i:^(?:\w+\s+)?(?:tester|qa|quality\s+assurance|test|testing)"
    r"(?:\s+(?:engineer|analyst|lead|team|specialist|member))?s?$)"
)
_VERIFY = lazy(
    r"(?i:(?:to\s+|be\s+able\s+to\s+)?(?:ensure|verify|check|test|confirm|validate|"
    r"make\s+sure|assert)\b)"
)


def _verification(found: tuple[Part, Story]) -> Span | None:
    part, story = found
    if not _TESTER.match(story.role_text.strip()):
        return None
    verb = _VERIFY.match(part.text, story.means[0])
    return (0, verb.end()) if verb else None


def _system_benefits(found: tuple[Part, Story]) -> bool:
    return bool(_SYSTEM_BENEFICIARY.match(found[1].ends_text))


# An order to the team: "Create ...", "DB: Register ...", "m10: Persist ...".
_IMPERATIVE = lazy(
    r"[\W_]*(?:[A-Za-z]{1,4}\d*\s*:\s*)?(?:create|add|register|update|alter|drop|migrate|move|"
    r"index|seed|load)\b",
    re.IGNORECASE,
)


def _chore(text: str, start: int, end: int, visible: bool) -> Span | None:
    match = _CHORE.search(text, start, end)
    if match is None or (visible and _OBSERVABLE.search(match.group())):
        return None  # "log failed sign-ins to the audit page": what admins see, not a chore
    return match.span()


# Chore words that can also name what users see (an audit log, a status monitor).
_OBSERVABLE = lazy(r"(?i:logging|monitoring|alerting|telemetry|tracing|caching|deploy)")


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


def _from_order(span: Span | None, order: int) -> Span | None:
    """The chore from the order on ("Update database tables"), so that the data-model words
    themselves stay database-detail's finding: one word, one finding."""
    if span is None:
        return None
    return (order, span[1]) if span[0] > order and span[1] - order <= 80 else span


def _wanted_artefact(text: str, start: int, end: int) -> Span | None:
    """The team's voice wanting one of its own artefacts, no verb needed: "As a developer,
    I want comprehensive automated tests for the core logic"."""
    match = _WANTED.match(text, start, end)
    return match.span() if match else None


_WANTED = lazy(rf"(?i:(?:(?:{_MODIFIER})\s+){{0,3}}(?:{_ARTEFACT})\b(?![-/]\w))")


def _team_asks_for(text: str, start: int, end: int) -> Span | None:
    """The team's voice asking for a technology: reported from the speaker on ("As a DevOps
    engineer, I want New Relic"), so that the name itself is solution-prescriptive's."""
    tech = _technology(text, start, end)
    if tech is None:
        return None
    return (0, tech[1]) if tech[1] <= 80 else tech


def _tool_setup(text: str, start: int, end: int) -> Span | None:
    """A tool verb with a named technology a few words on."""
    for verb in _TOOL_VERB.finditer(text, start, end):
        tech = _technology(text, verb.end(), min(end, verb.end() + 40))
        if tech is not None:  # "Setup SendGrid": the chore, not the name PRD101 reports
            return verb.start(), tech[1]
    return None
