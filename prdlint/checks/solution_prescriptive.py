"""solution-prescriptive: the story names the technology or component to build it with."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._lazy import lazy
from prdlint.checks._technology import Mention, mentions
from prdlint.checks._text import (
    in_design_document,
    is_technical_persona,
    regions,
    request_end,
    users_own_technology,
)
from prdlint.checks.database_detail import first_on_line
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context
from prdlint.story import parse_story

# A language or platform named as what to build with: "use Python 3.13", "written in Go".
_BUILT_WITH = lazy(
    r"(?i:\b(?:use|using|uses|written\s+in|built\s+(?:with|in|on)|implemented\s+(?:in|with)|"
    r"switch\s+to|migrate\s+to|upgrade\s+to|instead\s+of)\s+(?:the\s+)?(?:latest\s+)?)"
    r"(?:Python|Java|JavaScript|PHP|Ruby|Golang|Rust|C#|C\+\+|Kotlin|Swift|Scala|Perl|"
    r"dotnet|\.NET(?:\s+Core)?|SWR|GPT-?\d[\w.-]*|Claude|Llama|Mistral)\b"
)
# Code-level names: classes and components ("DryRunPreviewDialog", "VolunteerUserModelView"),
# source files ("api/app/users/models.py").
_CODE_NAME = lazy(
    r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Dialog|Controller|Service|Manager|View|ViewModel|Handler|"
    r"Component|Class|Factory|Helper|Repository|Dao|DAO|Dto|DTO|Serializer|Middleware|Provider|"
    r"Adapter|Reducer|Util|Utils|Module|Model|Form|Page|Screen|Context|Route|Router|Hook|Slice|"
    r"Listener|Resolver|Mapper|Builder|Wrapper|Container|Layout|Modal|Guard|"
    r"Interceptor|Directive)\b"
    # "Create Navigation component", "add a Cart context": a named code unit to build
    r"|\b(?i:create|add|implement|build|write|extract)\s+(?:an?\s+|the\s+|new\s+)?"
    r"[A-Z][a-z]+\s+(?:component|hook|context|reducer|module|class)\b"
    r"|(?<![\w/])(?:[\w-]+/)+[\w-]+\.(?:py|js|jsx|ts|tsx|java|rb|go|cs|php|kt|swift|vue)\b"
    # the project's own dotfiles: "add a .env file", "set up `.gitignore`"
    r"|(?<![\w.])\.(?:env|gitignore|dockerignore|npmrc|nvmrc|babelrc|eslintrc|prettierrc|"
    r"editorconfig)\b"
    r"|\b(?:the|a|an|new)\s+(?:`\w+`|[A-Z][a-z]+[A-Z]\w*)\s+class\b"
)
# Grammar that hands the team a build step: "use X to", "implement a caching layer".
_BUILD_STEP = lazy(
    r"\b(?:implement|build|create|write|add|set\s+up|introduce|develop)\s+(?:a|an|the|new)?\s*"
    r"(?:\w+\s+)?(?:cach(?:e|ing)\s+layer|cache|microservice|background\s+job|cron\s+job|"
    r"worker|queue|webhook|lambda|stored\s+procedure|trigger|singleton|factory|controller|"
    r"middleware|endpoint|api\s+route|helper\s+class|base\s+class|abstract\s+class|interface\s+class)\b",
    re.IGNORECASE,
)
_HTTP_ENDPOINT = lazy(
    r"\b(?:GET|POST|PUT|PATCH|DELETE)\s+/[\w/{}:.-]*|(?<!\w)/api/[\w/{}:.-]+"
    r"|(?i:\b(?:REST|RESTful|HTTP|API|url)\s+(?:endpoints?|routes?)\b)"
    r"|(?i:\b(?:an?|the|new)\s+endpoints?\b)"
    # "send HTTP PUT requests to the backend": the wire protocol of the team's own API
    r"|\b(?:HTTPS?\s+)?(?:GET|POST|PUT|PATCH|DELETE)\s+(?i:requests?|calls?|methods?)\b"
)
# Classes of the code by their role: "backend service classes", "a base class".
_CODE_CLASS = lazy(
    r"(?i:\b(?:service|controller|helper|utility|abstract|wrapper|repository|"
    r"singleton|factory|adapter|handler)\s+class(?:es)?\b)"
)
# "cached", "a cache", "caching": the team's design. "The registry caches a copy" is the
# user's wish for a copy, so the plain verb is left alone.
_CACHE = lazy(r"\b(?:cache|cached|caching)\b(?!\s+(?:is|are)\s+cleared)", re.IGNORECASE)
_INDEXED = lazy(
    r"(?i:\b(?:database|db)\s+index(?:es)?\b|"
    r"\b(?:models?|tables?|columns?|fields?|database|db|data)\s+(?:to\s+be\s+|are\s+|is\s+)?"
    r"indexed\b|\b(?:add|create|build)\s+(?:an?\s+)?(?:database\s+|db\s+)?index(?:es)?\s+on\b)"
)


# Sign-in delegated to an identity service the team picks (Okta, Auth0, Cognito, LDAP). Social
# sign-in ("sign up via GitHub or Google") is the user's own account, not a build choice.
_IDENTITY_PROVIDER = lazy(
    r"(?i:\b(?:sign(?:s|ing|ed)?[\s-]*(?:in|on|up)|log(?:s|ging|ged)?[\s-]*(?:in|on)|login|sso|"
    r"single[\s-]sign[\s-]on|authenticat\w*)\s+(?:\w+\s+){0,3}?(?:with|via|through|using|by)\s+"
    r"(?:an?\s+|their\s+|my\s+|the\s+)?)"
    r"(?P<idp>Okta|Auth0|Azure\s+AD|Entra\s+ID|Keycloak|Cognito|Firebase|Active\s+Directory|LDAP|"
    r"SAML|OAuth\s*2?(?:\.0)?|OpenID(?:\s+Connect)?|FusionAuth|Clerk|Supabase\s+Auth)\b"
)
# Sign-in handed to a provider the team names: "Credential verification is delegated to the
# external identity provider (Google)". The delegation is the design; "sign in with Google"
# is the user's own account and stays unflagged.
_DELEGATED_IDP = lazy(
    r"(?i:\b(?:delegat\w*|outsourc\w*|offload\w*)\b[^.;]{0,80}?\b(?:identity|auth\w*|log[\s-]?in|"
    r"sign[\s-]?in|sso|oauth|credentials?)\s+(?:provider|service|server|platform)s?\s*"
    r"(?:\(\s*|,\s*|such\s+as\s+|like\s+|e\.g\.,?\s+|namely\s+)?)"
    r"(?P<idp>[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)"
)
# Code named in the text: calls ("window.confirm()", "Cart.applyCoupon()"), verb-led
# camelCase names ("applyCoupon", "getUserById"), source files ("Profile.vue").
_CODE_CALL = lazy(
    r"(?<![\w.])(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*\(\)|(?<![\w.])[a-z]\w*[A-Z]\w*\(\)"
    r"|\b(?:get|set|is|has|on|handle|apply|fetch|load|update|create|delete|add|remove|save|render|"
    r"use|to|validate|check|init|compute|calc|calculate|parse|format|send|show|hide|toggle|find)"
    r"(?:[A-Z][a-z0-9]+)+\b"
    r"|(?<![\w/.-])[\w-]+\.(?:py|jsx|tsx|vue|java|rb|php|kt|swift|cs|go|svelte)\b"
)
# What any code name above contains: a call, a lower-to-upper case step, a source file
# extension. One C-level search rules most texts out before the full pattern runs.
_CODE_HINT = lazy(r"\(\)|[a-z][A-Z]|\w\.(?:py|jsx|tsx|vue|java|rb|php|kt|swift|cs|go|svelte)\b")


def _code_calls(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    if _CODE_HINT.search(text, start, end):
        yield from _CODE_CALL.finditer(text, start, end)


def technology_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Every span in [start, end) that names the build's technology; technical-task
    reuses it."""
    for mention in mentions(text):
        if start <= mention.start and mention.end <= end:
            yield mention.start, mention.end
    for pattern in (_BUILT_WITH, _INDEXED, _CACHE, _CODE_NAME):
        for match in pattern.finditer(text, start, end):
            yield match.start(), match.end()
    for match in _code_calls(text, start, end):
        yield match.start(), match.end()


@check("solution-prescriptive")
def solution_prescriptive(item: Item, ctx: Context) -> Iterator[Hit]:
    if in_design_document(item, ctx) or records_constraints(item):
        return
    technical_user = is_technical_persona(item)
    for part, start, end in regions(item):
        lines: set[int] = set()  # one finding per line: "cached in Redis" is one rewrite
        defer = "database-detail" in ctx.running
        # a technology named in the reason ("so that the recommender system can ...") is the
        # context the user describes, not what they ask the team to build
        reason = _reason_start(part)
        for at, to in _spans(part.text, start, end, technical_user, defer, reason):
            if ctx.is_allowed(part.text[at:to]):
                continue
            line = part.position(at)[0]
            if line not in lines:
                lines.add(line)
                yield Hit(part, at, to)


_STATEMENT = frozenset({"story", "requirement"})


def _reason_start(part: Part) -> int:
    """Where the reason of a statement starts. A templated story's own parse says it: in
    "I want to keep my notes in local storage so that ..." the request runs to "so that",
    though "to keep" alone reads as a reason clause ("..., to keep costs low")."""
    if part.field not in _STATEMENT:
        return len(part.text)
    story = parse_story(part.text) if part.field == "story" else None
    if story is not None:
        return story.means[1] if story.ends and story.ends[0] > story.means[1] else len(part.text)
    at = 0
    while (end := request_end(part.text, at)) < len(part.text) and _MEANS_TO.search(
        part.text, max(0, end - 12), end + 4
    ):
        at = end + 4  # "should be able to save ...": the infinitive is the request itself
    return end


# "able to", "want to", "need to": an infinitive that is the request, not its reason.
_MEANS_TO = lazy(r"(?i:\b(?:able|want|wants|like|need|needs|has|have|going|allowed)\s+to\b)")


def _spans(
    text: str, start: int, end: int, technical_user: bool, defer: bool, reason: int
) -> list[tuple[int, int]]:
    """The spans worth a finding, named technologies first (the clearest message)."""
    found: list[tuple[int, int]] = []
    for mention in mentions(text):
        if not start <= mention.start < min(end, reason):
            continue
        if technical_user and mention.name.category in _DEVELOPERS_OWN:
            continue
        if mention.name.category == "libraries" and _PRODUCT_ACTS.match(text, mention.end):
            continue  # "I would like JupyterLab to ...": the library is the product itself
        if defer and _left_to_database_detail(text, mention):
            continue
        if _QUESTION.match(text, mention.end):
            continue  # "SSO, OAuth?": an open question weighs options, it prescribes none
        if _users_own(text, start, mention):
            continue
        found.append((mention.start, mention.end))
    for pattern in (_IDENTITY_PROVIDER, _DELEGATED_IDP):
        for match in pattern.finditer(text, start, end):
            found.append((match.start("idp"), match.end("idp")))
    for pattern in (_BUILT_WITH, _INDEXED):
        for match in pattern.finditer(text, start, end):
            if not users_own_technology(text, start, match.start(), match.end()):
                found.append((match.start(), match.end()))
    if not technical_user:  # for developers an endpoint or a cache can be the product itself
        for pattern in (_BUILD_STEP, _HTTP_ENDPOINT, _CACHE, _CODE_NAME, _CODE_CLASS):
            found.extend((m.start(), m.end()) for m in pattern.finditer(text, start, end))
        found.extend((m.start(), m.end()) for m in _code_calls(text, start, end))
    return found


_PRODUCT_ACTS = lazy(r"\s+(?:to|should|must|will|shall|can|could|would|needs?)\b")
_QUESTION = lazy(r"[^.!?\n]{0,80}\?")


def _users_own(text: str, start: int, mention: Mention) -> bool:
    before = max(start, mention.start - 70)
    integrated = _INTEGRATE_WITH.search(text, before, mention.start) is not None
    if integrated and mention.name.category == "cloud":
        # the cloud list holds managed services the team picks, not the users' own tools:
        # "Set up integration with Stripe", "integrate with Twilio" choose the provider
        return _USERS_ACCOUNT.match(text, mention.end) is not None
    return (
        users_own_technology(text, start, mention.start, mention.end)
        or integrated
        or _USERS_SYSTEM.search(text, before, mention.start) is not None
        or _USERS_ACCOUNT.match(text, mention.end) is not None
    )


# "log in using Active Directory credentials", "my Stripe account": accounts the user has.
_USERS_ACCOUNT = lazy(r"(?i:[\s-]+(?:credentials|accounts?|logins?|ids?|usernames?)\b)")


# The user's own system the product exchanges data with: "import/export from MS-SQL",
# "integrate the archive with existing systems such as LDAP", "connect my Stripe account",
# "integrate with Google Calendar"; but "Integrate Stripe" picks the provider for the build.
_USERS_SYSTEM = lazy(
    r"(?i:\b(?:import|export|download|upload|sync|synchroni[sz]e)\w*(?:/\w+)?\s+"
    r"(?:[\w-]+\s+){0,4}?(?:from|to|into|with)\s+(?:an?\s+|my\s+|our\s+|the\s+)?$"
    r"|\bexisting\b[^.;]{0,40}\bsuch\s+as\s+$"
    r"|\b(?:that|which)\s+(?:involves?|runs?\s+on)\s+$|\b(?:my|their|your)\s+(?:own\s+)?$)"
)
_INTEGRATE_WITH = lazy(
    r"(?i:\bintegrat\w*\b[^.;]{0,60}\b(?:with|into|to)\s+(?:an?\s+|my\s+|our\s+|the\s+|their\s+)?$)"
)


# What developers who use the product may ask for by name: an API's protocol, a language.
_DEVELOPERS_OWN = frozenset({"protocols", "languages", "libraries"})


def _left_to_database_detail(text: str, mention: Mention) -> bool:
    """Whether database-detail reports these very words (a database product as the first
    data-model detail of its line, the one it reports): one word, one finding. Where it
    reports another span of the line ("stored in a SQLite database"), PRD101 names the
    product."""
    if mention.name.category != "databases":
        return False
    reported = first_on_line(text, text.rfind("\n", 0, mention.start) + 1)
    return reported is not None and reported[0] == mention.start


# Sections whose job is to record technical constraints: naming technology there is the
# point, not a prescription slipped into a story.
_CONSTRAINT_HEADING = lazy(
    r"(?i:^[\W\d._]*(?:(?:additional|other|key|general|main|high-level|non-functional)\s+)?"
    r"(?:tech(?:nical|nology)?\s+(?:assumptions?|stack|constraints?|requirements?|"
    r"considerations?|notes?|decisions?|design|architecture|overview|details?|approach|"
    r"dependencies|choices?|specifications?)|technology\s+(?:choices?|stack)|"
    r"(?:system\s+|software\s+|service\s+)?architecture|implementation\s+(?:notes?|details?|"
    r"plan|approach)|infrastructure|platform\s+(?:constraints?|requirements?)|system\s+design|"
    r"stack)\b)"
)


def records_constraints(item: Item) -> bool:
    """Whether the item sits under a heading whose job is to record technical constraints:
    the heading starts with it ("2. Technical Requirements", "Architecture"); an epic that
    builds something ("Epic 1: Core Infrastructure") is not such a section."""
    return any(_CONSTRAINT_HEADING.match(heading) for heading in item.heading_path)
