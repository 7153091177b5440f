"""Fetch issues from a live Jira (Cloud or Server/Data Center) through the `jira` library.

The library is an optional extra and imported only inside these functions, so
`prdlint check` never pays for it. Pages are streamed (a generator), every failure
becomes one PrdlintError line that says what to do, and no secret is ever printed.
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from prdlint.errors import PrdlintError
from prdlint.model import Item
from prdlint.progress import Progress
from prdlint.readers.jira_issues import FieldMap, IssueOptions, issue_to_item
from prdlint.readers.settings import DEFAULT_AC_FIELD, DEFAULT_IGNORE_LABEL

INSTALL_HINT = "pip install 'prdlint[jira]'"
DEFAULT_TYPES = ("Epic", "Story")
PAGE_SIZE = 100
MAX_RETRIES = 2  # for 429/503 that carry Retry-After
MAX_WAIT = 5.0  # seconds; a longer Retry-After fails fast instead of stalling CI
CREDENTIAL_HINT = "set JIRA_EMAIL and JIRA_API_TOKEN (Jira Cloud) or JIRA_PAT (Server/Data Center)"

T = TypeVar("T")


@dataclass(frozen=True)
class Credentials:
    server: str
    email: str | None = None
    api_token: str | None = None
    pat: str | None = None
    extra_secrets: tuple[str, ...] = ()

    @property
    def secrets(self) -> tuple[str, ...]:
        found = [s for s in (self.api_token, self.pat, *self.extra_secrets) if s]
        if self.email and self.api_token:
            found.append(base64.b64encode(f"{self.email}:{self.api_token}".encode()).decode())
        return tuple(found)


def credentials_from_env(env: Mapping[str, str], server: str | None = None) -> Credentials:
    """Connection settings from JIRA_URL, JIRA_EMAIL + JIRA_API_TOKEN or JIRA_PAT;
    `server` (--server or config) overrides JIRA_URL."""
    url = (server or env.get("JIRA_URL") or "").strip()
    if not url:
        raise PrdlintError("no Jira server: set JIRA_URL or pass --server URL")
    userinfo = re.match(r"^(https?://)([^/@]*)@", url)
    extra: tuple[str, ...] = ()
    if userinfo:  # credentials in the URL: never echo them, and drop them from the URL
        extra = tuple(p for p in userinfo.group(2).split(":") if len(p) >= 4)
        url = userinfo.group(1) + url[userinfo.end() :]
    problem = _url_problem(url)
    if problem:
        raise PrdlintError(
            f"Jira server {mask(url, extra)!r} {problem}: "
            "set JIRA_URL like https://your-site.atlassian.net or https://host/jira"
        )
    url = url.rstrip("/")
    pat, email, token = (_credential(env, name) for name in CREDENTIAL_VARIABLES)
    if pat:
        return Credentials(url, pat=pat, extra_secrets=extra)
    if email and token:
        return Credentials(url, email=email, api_token=token, extra_secrets=extra)
    if email or token:
        missing = "JIRA_API_TOKEN" if email else "JIRA_EMAIL"
        raise PrdlintError(f"{missing} is not set: {CREDENTIAL_HINT}")
    raise PrdlintError(f"no Jira credentials: {CREDENTIAL_HINT}")


CREDENTIAL_VARIABLES = ("JIRA_PAT", "JIRA_EMAIL", "JIRA_API_TOKEN")


def _url_problem(url: str) -> str | None:
    """Why `url` cannot be a Jira base URL, or None. Checked before connecting, so the
    user hears about the URL, not about 'a response that is not valid Jira JSON'."""
    from urllib.parse import urlsplit

    if not re.match(r"^https?://[^/\s]+", url):
        return "is not an http(s) URL"
    try:
        parts = urlsplit(url)
    except ValueError as error:
        return f"is not a valid URL ({error})"
    try:
        parts.port  # noqa: B018 -- parsing the port is the check
    except ValueError:
        return "has an invalid port"
    if not parts.hostname:
        return "has no host name"
    return None


def _credential(env: Mapping[str, str], name: str) -> str:
    """A credential variable, stripped; PrdlintError (naming it, never showing it) when it
    holds a line break or control character, which no HTTP header can carry."""
    value = env.get(name, "").strip()
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        raise PrdlintError(
            f"{name} holds a line break or control character; set it to the credential alone"
        )
    return value


# A secret is masked where it stands as a whole token: not inside a longer word, so a
# short credential ("e") neither garbles every message nor reveals itself by the gaps.
_TOKEN_CHARS = r"A-Za-z0-9_\-"


def mask(text: str, secrets: Sequence[str]) -> str:
    """`text` with every secret (as a whole token) and any URL user-info replaced by ***."""
    for secret in sorted(secrets, key=len, reverse=True):
        if secret:
            token = rf"(?<![{_TOKEN_CHARS}]){re.escape(secret)}(?![{_TOKEN_CHARS}])"
            text = re.sub(token, "***", text)
    return re.sub(r"(https?://)[^/@\s]+@", r"\1***@", text)


def default_jql(project: str, issue_types: Sequence[str] = DEFAULT_TYPES) -> str:
    return f"project = {_quote(project)} AND {_open_of_types(issue_types)}"


def _open_of_types(issue_types: Sequence[str]) -> str:
    types = ", ".join(_quote(t) for t in issue_types)
    return f"issuetype in ({types}) AND statusCategory != Done"


def _quote(value: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9_]+", value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass
class JiraSession:
    """A connected client plus the error translation and bounded retries around it."""

    credentials: Credentials
    timeout: float = 30.0
    progress: bool = False
    fetched: int = 0
    _client: Any = field(default=None, repr=False)
    _bar: Progress | None = field(default=None, repr=False)

    # ------------------------------------------------------------------ connect
    def open(self) -> JiraSession:
        try:
            from jira import JIRA
        except ImportError:
            raise PrdlintError(f"the jira extra is not installed: {INSTALL_HINT}") from None
        creds = self.credentials
        auth: dict[str, Any] = (
            {"token_auth": creds.pat}
            if creds.pat
            else {"basic_auth": (creds.email, creds.api_token)}
        )
        self._client = self._call(
            "connecting",
            lambda: JIRA(
                creds.server,
                timeout=(min(self.timeout, 10.0), self.timeout),
                max_retries=0,  # ours are bounded; the library's back off for minutes
                get_server_info=True,  # Cloud detection (and so the search API) needs it
                logging=False,
                **auth,
            ),
        )
        # a wrong Cloud token still "connects" (serverInfo is anonymous): ask who we are
        self._call("checking the credentials", self._client.myself)
        return self

    @property
    def is_cloud(self) -> bool:
        return bool(getattr(self._client, "_is_cloud", False))

    # ------------------------------------------------------------------ lookups
    def field_map(self, ac_name: str = DEFAULT_AC_FIELD) -> FieldMap:
        fields = self._call("reading the field list", self._client.fields)
        if not isinstance(fields, list):
            raise self._malformed("reading the field list")
        entries = [f for f in fields if isinstance(f, Mapping)]
        # prime the library's name->id cache so its searches do not fetch /field again
        self._client._fields_cache_value = {
            name: f["id"] for f in entries for name in f.get("clauseNames") or () if "id" in f
        }
        return FieldMap.from_field_list(entries, ac_name)

    def board_jql(self, board: int) -> str:
        """The JQL behind a board's filter (agile API), without its ORDER BY."""
        from jira import JIRA

        def agile(path: str) -> Any:
            return self._client._get_json(path, base=JIRA.AGILE_BASE_URL)

        what = f"reading board {board}"
        self._call(what, lambda: agile(f"board/{board}"), not_found=f"no board {board}")
        config = self._call(what, lambda: agile(f"board/{board}/configuration"))
        filter_id = config.get("filter", {}).get("id") if isinstance(config, Mapping) else None
        if filter_id is None:
            raise self._malformed(what)
        jql = self._call(
            f"reading the filter of board {board}", lambda: self._client.filter(filter_id).jql
        )
        return re.split(r"\border\s+by\b", str(jql or ""), flags=re.IGNORECASE)[0].strip()

    # ------------------------------------------------------------------- search
    def issues(
        self, jql: str, fields: Sequence[str], limit: int | None = None
    ) -> Iterator[Mapping[str, Any]]:
        """Every issue the JQL selects, page by page: Cloud /search/jql with
        nextPageToken, Server/DC /search with startAt."""
        token: str | None = None
        start = 0
        while limit is None or self.fetched < limit:
            size = PAGE_SIZE if limit is None else min(PAGE_SIZE, limit - self.fetched)
            page = self._call("searching", partial(self._page, jql, fields, size, token, start))
            issues = page.get("issues") if isinstance(page, Mapping) else None
            if not isinstance(issues, list):
                raise self._malformed("searching")
            for issue in issues[:size]:
                if isinstance(issue, Mapping):
                    self.fetched += 1
                    yield issue
            total = page.get("total")  # Data Center says; Cloud's enhanced search does not
            known = total if isinstance(total, int) and total > 0 else None
            self._show_progress(min(known, limit) if known and limit else known)
            if self.is_cloud:
                token = page.get("nextPageToken")
                if not token or not issues:
                    break
            else:
                start += len(issues)
                total = page.get("total")
                if not issues or (isinstance(total, int) and start >= total):
                    break
        self._end_progress()

    def _page(
        self, jql: str, fields: Sequence[str], size: int, token: str | None, start: int
    ) -> Any:
        # the library rewrites the list it is given, so every call gets a fresh copy
        if self.is_cloud:
            return self._client.enhanced_search_issues(
                jql, nextPageToken=token, maxResults=size, fields=list(fields), json_result=True
            )
        return self._client.search_issues(
            jql, startAt=start, maxResults=size, fields=list(fields), json_result=True
        )

    # ------------------------------------------------------------ error handling
    def _call(self, what: str, call: Callable[[], T], not_found: str | None = None) -> T:
        """Run one request; retry 429/503 that carry a short Retry-After; turn every
        failure into a one-line PrdlintError with no secret in it."""
        import requests
        from jira.exceptions import JIRAError

        _CONFIG_ERRORS = (  # the URL or a header value, not the server's answer
            requests.exceptions.InvalidURL,
            requests.exceptions.InvalidHeader,
            requests.exceptions.InvalidSchema,
            requests.exceptions.MissingSchema,
        )

        attempt = 0
        while True:
            attempt += 1
            try:
                return call()
            except JIRAError as error:
                wait = _retry_after(error)
                if wait is not None and wait <= MAX_WAIT and attempt <= MAX_RETRIES:
                    time.sleep(wait)
                    continue
                raise self._error(self._jira_message(error, what, not_found, wait)) from None
            except requests.exceptions.Timeout:
                raise self._error(
                    f"Jira at {self.credentials.server} did not answer within "
                    f"{self.timeout:g} s while {what}: check the network or raise --timeout"
                ) from None
            except requests.exceptions.SSLError:
                raise self._error(
                    f"TLS error talking to Jira at {self.credentials.server} while {what}: "
                    "check the URL and the certificate (REQUESTS_CA_BUNDLE)"
                ) from None
            except requests.exceptions.ConnectionError as error:
                reason = (
                    "connection refused" if "refused" in str(error).lower() else "network error"
                )
                raise self._error(
                    f"cannot connect to Jira at {self.credentials.server} ({reason}) while "
                    f"{what}: check JIRA_URL or --server and that the site is reachable"
                ) from None
            except _CONFIG_ERRORS as error:  # also ValueErrors: before the JSON case
                raise self._error(
                    f"cannot send a request to Jira at {self.credentials.server} while {what} "
                    f"({type(error).__name__}): check JIRA_URL or --server and the credentials"
                ) from None
            except ValueError:  # a body that is not JSON (requests' JSONDecodeError)
                raise self._malformed(what) from None
            except requests.exceptions.RequestException as error:
                raise self._error(
                    f"request to Jira at {self.credentials.server} failed while {what}: "
                    f"{type(error).__name__}"
                ) from None
            except KeyError:  # serverInfo without the keys the library needs
                raise self._malformed(what) from None

    def _jira_message(
        self, error: Any, what: str, not_found: str | None, wait: float | None
    ) -> str:
        status = error.status_code
        detail = _one_line(str(error.text or ""))
        server = self.credentials.server
        if status == 401:
            return (
                f"Jira at {server} rejected the credentials (401) while {what}: "
                f"{CREDENTIAL_HINT} to valid values"
            )
        if status == 403 and "captcha" in detail.lower():
            return (
                f"Jira at {server} wants a CAPTCHA login (403) after failed logins: sign in once "
                "in a browser, then check the credentials and retry"
            )
        if status == 403:
            return (
                f"Jira at {server} denied access (403) while {what}: "
                f"{detail or 'no permission'}; check the account's permissions"
            )
        if status == 404 and not_found:
            return f"{not_found} on Jira at {server} (404): check the --board id"
        if status == 404:
            return (
                f"Jira at {server} answered 404 while {what}: check JIRA_URL "
                "(include the context path, e.g. https://host/jira)"
            )
        if status == 400:
            return (
                f"Jira rejected the query (400): {detail or 'bad request'}; "
                "check --jql, the project key and --issue-types"
            )
        if status == 410:
            return (
                f"Jira at {server} says the API is gone (410): {detail}; "
                "upgrade with pip install -U 'prdlint[jira]'"
            )
        if status == 429:
            after = f" (it asks to wait {wait:g} s)" if wait is not None else ""
            return (
                f"Jira at {server} is rate limiting requests (429){after} while {what}: "
                "try again later or lower --limit"
            )
        if isinstance(status, int) and status >= 500:
            return f"Jira at {server} had a server error ({status}) while {what}: try again later"
        return f"Jira error while {what}: {detail or 'unknown error'}"

    def _malformed(self, what: str) -> PrdlintError:
        return self._error(
            f"Jira at {self.credentials.server} sent a response that is not valid Jira JSON "
            f"while {what}: check that JIRA_URL points at Jira (with its context path)"
        )

    def _error(self, message: str) -> PrdlintError:
        self._end_progress()
        return PrdlintError(mask(message, self.credentials.secrets))

    # ------------------------------------------------------------------ progress
    def _show_progress(self, total: int | None) -> None:
        if self.progress:
            if self._bar is None:
                self._bar = Progress("issues fetched from Jira", total)
            self._bar.total = total or self._bar.total
            self._bar.advance(self.fetched - self._bar.done)

    def _end_progress(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        self.progress = False


def _retry_after(error: Any) -> float | None:
    """Seconds to wait before retrying a 429/503, if the server said so."""
    if error.status_code not in (429, 503) or error.response is None:
        return None
    value = error.response.headers.get("Retry-After")
    try:
        return max(float(value), 0.0) if value is not None else None
    except ValueError:
        return None  # an HTTP-date: do not guess, fail with a clear message


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Query:
    """What to lint: a project (default JQL), an explicit JQL, or a board."""

    project: str | None = None
    jql: str | None = None
    board: int | None = None
    issue_types: tuple[str, ...] = DEFAULT_TYPES
    limit: int | None = None
    ac_field: str = DEFAULT_AC_FIELD
    ignore_label: str = DEFAULT_IGNORE_LABEL


def fetch_items(session: JiraSession, query: Query) -> Iterator[Item]:
    """Items for the query, streamed: one page of raw issues in memory at a time."""
    field_map = session.field_map(query.ac_field)
    if query.jql:
        jql = query.jql
    elif query.board is not None:
        board_jql = session.board_jql(query.board)
        types = _open_of_types(query.issue_types)
        jql = f"({board_jql}) AND {types}" if board_jql else types
    elif query.project:
        jql = default_jql(query.project, query.issue_types)
    else:
        raise PrdlintError("nothing to lint: give a project key, --jql or --board")
    options = IssueOptions(field_map, session.credentials.server, query.ignore_label)
    for issue in session.issues(jql, field_map.request_fields(), query.limit):
        item = issue_to_item(issue, options)
        if item is not None:
            yield item
