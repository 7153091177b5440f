"""A small Jira emulator: an http.server on 127.0.0.1 that answers the routes the real
`jira` client calls, in Cloud or Data Center mode, with the response shapes and error
bodies of the real samples copied into tests/data/jira/ from ../shared/corpus/jira/ (see
tests/data/SOURCES.md and ../shared/design/jira-facts.md §7).

Data-driven: an Emulator serves a list of IssueSpec records (or any iterable factory
of them), so a benchmark can serve 100,000 generated issues without writing JSON.
Failures are injected per route with `fail(...)`; every request is logged.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

SAMPLES = Path(__file__).resolve().parent / "data" / "jira"


def corpus_body(name: str) -> bytes:
    """A real response body (tests/data/jira/, copied from the shared corpus), byte for byte."""
    return (SAMPLES / name).read_bytes()


STATUS_CATEGORIES = {
    "new": {"id": 2, "key": "new", "colorName": "blue-gray", "name": "To Do"},
    "indeterminate": {
        "id": 4,
        "key": "indeterminate",
        "colorName": "yellow",
        "name": "In Progress",
    },
    "done": {"id": 3, "key": "done", "colorName": "green", "name": "Done"},
}
STATUS_NAMES = {"new": "To Do", "indeterminate": "In Progress", "done": "Done"}
ISSUE_TYPES = {
    "Epic": ("10000", 1),
    "Story": ("10001", 0),
    "Task": ("10002", 0),
    "Bug": ("10004", 0),
    "Sub-task": ("10003", -1),
}


@dataclass
class IssueSpec:
    """One issue, independent of deployment; rendered as Cloud or DC JSON on demand."""

    key: str
    summary: str
    issue_type: str = "Story"
    description: str | None = None  # wiki markup (what REST v2 returns)
    description_adf: dict[str, Any] | None = None  # what REST v3 returns, if different
    acceptance: str | None = None  # the custom acceptance-criteria field (wiki)
    epic: str | None = None  # the epic's key (Cloud parent / DC Epic Link)
    labels: list[str] = field(default_factory=list)
    status: str = "new"  # a statusCategory key: new, indeterminate, done

    @property
    def project(self) -> str:
        return self.key.rsplit("-", 1)[0]


@dataclass
class Failure:
    """An injected failure: requests whose path matches `path` (a regex) get it."""

    path: str
    status: int = 500
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1_000_000
    delay: float = 0.0  # seconds to sleep before answering (read timeouts)
    content_type: str = "application/json;charset=UTF-8"


AC_FIELD_ID = "customfield_10433"  # deliberately not a "usual" id
EPIC_LINK_ID = "customfield_12311"
USERS = {"cloud": ("pm@example.com", "cloud-token-s3cret"), "dc": "dc-pat-s3cret"}


class Emulator:
    def __init__(
        self,
        mode: str = "cloud",
        issues: Sequence[IssueSpec] | Callable[[], Sequence[IssueSpec]] = (),
        page_cap: int = 50,
        ac_field_name: str = "Acceptance Criteria",
        boards: dict[int, str] | None = None,
    ) -> None:
        assert mode in ("cloud", "dc")
        self.mode = mode
        self._issues = issues
        self.page_cap = page_cap
        self.ac_field_name = ac_field_name
        self.boards = boards or {}  # board id -> filter JQL
        self.failures: list[Failure] = []
        self.log: list[tuple[str, str, dict[str, list[str]]]] = []
        self._lock = threading.Lock()
        self._selected: dict[str, list[IssueSpec]] = {}
        self._server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> Emulator:
        emulator = self

        class Handler(_Handler):
            owner = emulator

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def fail(self, path: str, status: int = 500, body: bytes | str = b"", **kw: Any) -> None:
        raw = body.encode() if isinstance(body, str) else body
        self.failures.append(Failure(path, status, raw, **kw))

    def requests(self, pattern: str = "") -> list[tuple[str, str, dict[str, list[str]]]]:
        return [r for r in self.log if re.search(pattern, r[1])]

    @property
    def issues(self) -> Sequence[IssueSpec]:
        return self._issues() if callable(self._issues) else self._issues

    # ------------------------------------------------------------------ rendering
    def field_list(self) -> list[dict[str, Any]]:
        cf_id = int(AC_FIELD_ID.rsplit("_", 1)[1])
        ac_clauses = [self.ac_field_name, f"cf[{cf_id}]"]
        if self.mode == "cloud":
            ac_clauses.insert(1, f"{self.ac_field_name}[Paragraph]")
        fields: list[dict[str, Any]] = [
            _system("summary", "Summary", "string"),
            _system("description", "Description", "string"),
            _system("issuetype", "Issue Type", "issuetype", clause="type"),
            _system("status", "Status", "status"),
            _system("labels", "Labels", "array"),
            _system("project", "Project", "project"),
            _custom(
                "customfield_10111",
                "Original story points",
                "number",
                "com.atlassian.jpo:jpo-custom-field-original-story-points",
            ),
            _custom(
                AC_FIELD_ID,
                self.ac_field_name,
                "string",
                "com.atlassian.jira.plugin.system.customfieldtypes:textarea",
                clauses=ac_clauses,
            ),
        ]
        if self.mode == "cloud":
            fields.append(_system("parent", "Parent", "issuelink"))
        else:
            fields.append(
                _custom(EPIC_LINK_ID, "Epic Link", "any", "com.pyxis.greenhopper.jira:gh-epic-link")
            )
        return fields

    def render(self, spec: IssueSpec, wanted: set[str], version: str) -> dict[str, Any]:
        base = self.url
        type_id, level = ISSUE_TYPES.get(spec.issue_type, ("10099", 0))
        issuetype: dict[str, Any] = {
            "self": f"{base}/rest/api/{version}/issuetype/{type_id}",
            "id": type_id,
            "description": "",
            "name": spec.issue_type,
            "subtask": level == -1,
        }
        if self.mode == "cloud":
            issuetype["hierarchyLevel"] = level
        category = dict(STATUS_CATEGORIES.get(spec.status, STATUS_CATEGORIES["new"]))
        category["self"] = f"{base}/rest/api/{version}/statuscategory/{category['id']}"
        description: Any = spec.description
        acceptance: Any = spec.acceptance
        if version == "3":
            description = spec.description_adf or _wiki_as_adf(spec.description)
            acceptance = _wiki_as_adf(spec.acceptance)
        fields: dict[str, Any] = {
            "summary": spec.summary,
            "description": description,
            "issuetype": issuetype,
            "status": {
                "self": f"{base}/rest/api/{version}/status/1",
                "name": STATUS_NAMES.get(spec.status, "To Do"),
                "id": "1",
                "statusCategory": category,
            },
            "labels": list(spec.labels),
            "project": {"key": spec.project, "id": "10000", "name": spec.project},
            AC_FIELD_ID: acceptance,
            "customfield_10111": None,
            "customfield_10020": None,  # the null noise real responses carry
        }
        if self.mode == "cloud":
            if spec.epic:
                fields["parent"] = {
                    "id": "1" + spec.epic.rsplit("-", 1)[1],
                    "key": spec.epic,
                    "self": f"{base}/rest/api/{version}/issue/{spec.epic}",
                    "fields": {"summary": "", "issuetype": {"name": "Epic", "hierarchyLevel": 1}},
                }
        else:
            fields[EPIC_LINK_ID] = spec.epic
        if wanted and not wanted & {"*all", "*navigable"}:
            fields = {k: v for k, v in fields.items() if k in wanted}
        number = spec.key.rsplit("-", 1)[1]
        return {
            "expand": "operations,versionedRepresentations,editmeta,changelog,renderedFields",
            "id": str(10000 + int(number)) if number.isdigit() else number,
            "self": f"{base}/rest/api/{version}/issue/{spec.key}",
            "key": spec.key,
            "fields": fields,
        }

    def select(self, jql: str) -> list[IssueSpec]:
        """The issues a (tiny) JQL subset selects; raises JqlError like Jira's 400s.
        Cached per query, so paging through 100,000 issues stays linear."""
        with self._lock:
            cached = self._selected.get(jql)
        if cached is not None:
            return cached
        matcher = _compile_jql(jql, {s.project for s in self.issues})
        selected = [s for s in self.issues if matcher(s)]
        with self._lock:
            self._selected[jql] = selected
        return selected


class JqlError(Exception):
    pass


def _system(fid: str, name: str, kind: str, clause: str | None = None) -> dict[str, Any]:
    return {
        "id": fid,
        "key": fid,
        "name": name,
        "custom": False,
        "orderable": True,
        "navigable": True,
        "searchable": True,
        "clauseNames": [clause or fid],
        "schema": {"type": kind, "system": fid},
    }


def _custom(
    fid: str, name: str, kind: str, custom: str, clauses: list[str] | None = None
) -> dict[str, Any]:
    number = int(fid.rsplit("_", 1)[1])
    return {
        "id": fid,
        "key": fid,
        "name": name,
        "untranslatedName": name,
        "custom": True,
        "orderable": True,
        "navigable": True,
        "searchable": True,
        "clauseNames": clauses or [f"cf[{number}]", name],
        "schema": {"type": kind, "custom": custom, "customId": number},
    }


def _wiki_as_adf(text: str | None) -> dict[str, Any] | None:
    """A plain ADF document of paragraphs, for v3 when only wiki text was given."""
    if text is None:
        return None
    paragraphs = [p for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return {
        "type": "doc",
        "version": 1,
        "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in paragraphs
        ],
    }


# ------------------------------------------------------------------------ JQL subset

_CLAUSE = re.compile(
    r"^\s*(?P<field>\"[^\"]+\"|[\w.\[\]]+)\s*(?P<op>!=|=|not\s+in|in)\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)


def _split_and(jql: str) -> list[str]:
    parts, depth, start = [], 0, 0
    lowered = jql.lower()
    i = 0
    while i < len(jql):
        ch = jql[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise JqlError("Error in the JQL Query: Expecting either 'OR' or 'AND'.")
        elif depth == 0 and lowered.startswith(" and ", i):
            parts.append(jql[start:i])
            start = i + 5
            i += 4
        i += 1
    if depth != 0:
        raise JqlError("syntax")
    parts.append(jql[start:])
    return parts


def _values(raw: str) -> list[str]:
    raw = raw.strip()
    if raw.startswith("(") and raw.endswith(")"):
        raw = raw[1:-1]
    return [v.strip().strip('"').strip("'").lower() for v in raw.split(",") if v.strip()]


def _compile_jql(jql: str, projects: set[str]) -> Callable[[IssueSpec], bool]:
    body = re.split(r"\border\s+by\b", jql, flags=re.IGNORECASE)[0].strip()
    if not body:
        raise JqlError("unbounded")
    try:
        clauses = _split_and(body)
    except JqlError:
        raise JqlError("syntax") from None
    tests: list[Callable[[IssueSpec], bool]] = []
    for clause in clauses:
        clause = clause.strip()
        if clause.startswith("(") and clause.endswith(")"):
            tests.append(_compile_jql(clause[1:-1], projects))
            continue
        match = _CLAUSE.match(clause)
        if not match:
            raise JqlError("syntax")
        name = match.group("field").strip('"').lower()
        op = " ".join(match.group("op").lower().split())
        values = _values(match.group("value"))
        getter = _getter(name)
        if name == "project":
            known = {p.lower() for p in projects}
            for value in values:
                if value not in known:
                    raise JqlError(f"project:{value.upper()}")
        tests.append(_test(getter, op, set(values)))
    return lambda spec: all(t(spec) for t in tests)


def _getter(name: str) -> Callable[[IssueSpec], list[str]]:
    getters: dict[str, Callable[[IssueSpec], list[str]]] = {
        "project": lambda s: [s.project],
        "issuetype": lambda s: [s.issue_type],
        "type": lambda s: [s.issue_type],
        "statuscategory": lambda s: [s.status, STATUS_NAMES.get(s.status, "")],
        "status": lambda s: [STATUS_NAMES.get(s.status, "")],
        "labels": lambda s: s.labels,
        "key": lambda s: [s.key],
        "parent": lambda s: [s.epic or ""],
        "epic link": lambda s: [s.epic or ""],
    }
    if name not in getters:
        raise JqlError(f"field:{name}")
    return getters[name]


def _test(
    getter: Callable[[IssueSpec], list[str]], op: str, values: set[str]
) -> Callable[[IssueSpec], bool]:
    def matches(spec: IssueSpec) -> bool:
        return bool({v.lower() for v in getter(spec)} & values)

    if op in ("=", "in"):
        return matches
    return lambda spec: not matches(spec)


# ----------------------------------------------------------------------- handler


class _Handler(BaseHTTPRequestHandler):
    owner: Emulator
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._dispatch("GET")

    def do_POST(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._dispatch("POST")

    # -------------------------------------------------------------- plumbing
    def _send(
        self,
        status: int,
        body: Any,
        headers: dict[str, str] | None = None,
        content_type: str = "application/json;charset=UTF-8",
    ) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(raw)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(raw)

    def _error(self, status: int, *messages: str) -> None:
        self._send(status, {"errorMessages": list(messages), "errors": {}})

    def _dispatch(self, method: str) -> None:
        emu = self.owner
        split = urlsplit(self.path)
        params = parse_qs(split.query, keep_blank_values=True)
        if method == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            for key, value in payload.items():
                if value is not None:
                    params[key] = (
                        [str(v) for v in value] if isinstance(value, list) else [str(value)]
                    )
        path = split.path
        with emu._lock:
            emu.log.append((method, path, params))
            failure = next(
                (f for f in emu.failures if f.times > 0 and re.search(f.path, path)), None
            )
            if failure:
                failure.times -= 1
        if failure:
            if failure.delay:
                time.sleep(failure.delay)
            if failure.status:
                self._send(failure.status, failure.body, failure.headers, failure.content_type)
                return
        self._route(method, path, params)

    def _authorised(self) -> bool | None:
        """True for good credentials, False for bad ones, None when none were sent."""
        header = self.headers.get("Authorization") or ""
        if not header:
            return None
        if self.owner.mode == "cloud" and header.startswith("Basic "):
            user, _, secret = base64.b64decode(header[6:]).decode().partition(":")
            return (user, secret) == USERS["cloud"]
        if self.owner.mode == "dc" and header.startswith("Bearer "):
            return header[7:] == USERS["dc"]
        return False

    # --------------------------------------------------------------- routes
    def _route(self, method: str, path: str, params: dict[str, list[str]]) -> None:
        emu = self.owner
        match = re.fullmatch(r"/rest/api/(2|3|latest)/(.+)", path)
        agile = re.fullmatch(r"/rest/agile/1\.0/(.+)", path)
        auth = self._authorised()
        if match and match.group(2) == "serverInfo":
            headers = {"X-Seraph-LoginReason": "AUTHENTICATED_FAILED"} if auth is False else {}
            self._send(200, self._server_info(), headers)
            return
        if auth is not True:
            if emu.mode == "cloud":
                self._send(401, corpus_body("error.cloud-401-not-authenticated.json"))
            else:
                self._error(
                    401,
                    "You are not authenticated. Authentication required to perform this operation.",
                )
            return
        if match:
            version, rest = match.group(1), match.group(2)
            if version == "latest":
                version = "2"
            if version == "3" and emu.mode == "dc":
                self._send(404, b"<html><body>Not Found</body></html>", content_type="text/html")
                return
            self._core(version, rest, params)
        elif agile:
            self._agile(agile.group(1), params)
        else:
            self._send(404, b"<html><body>Not Found</body></html>", content_type="text/html")

    def _server_info(self) -> dict[str, Any]:
        emu = self.owner
        if emu.mode == "cloud":
            info = json.loads(corpus_body("real-cloud.serverInfo.jira-cli-testdata.json"))
        else:
            info = {
                "version": "10.3.13",
                "versionNumbers": [10, 3, 13],
                "deploymentType": "Server",
                "buildNumber": 10030013,
                "buildDate": "2025-09-01T00:00:00.000+0000",
                "databaseBuildNumber": 10030013,
                "serverTime": "2026-01-01T00:00:00.000+0000",
                "scmInfo": "0000000000000000000000000000000000000000",
                "serverTitle": "Jira",
            }
        info["baseUrl"] = emu.url
        return dict(info)

    def _core(self, version: str, rest: str, params: dict[str, list[str]]) -> None:
        emu = self.owner
        if rest == "myself":
            if emu.mode == "cloud":
                me = json.loads(corpus_body("cloud-platform-spec.myself.200.json"))
            else:
                me = {
                    "name": "pm",
                    "key": "JIRAUSER10000",
                    "displayName": "Pat Manager",
                    "active": True,
                    "self": f"{emu.url}/rest/api/2/user?username=pm",
                }
            self._send(200, me)
        elif rest == "field":
            self._send(200, emu.field_list())
        elif rest == "search/jql" and emu.mode == "cloud":
            self._search(version, params, token_paging=True)
        elif rest == "search" and emu.mode == "cloud":
            self._send(410, corpus_body("error.cloud-410-legacy-search-removed.json"))
        elif rest == "search":
            self._search(version, params, token_paging=False)
        elif rest.startswith("issue/"):
            key = rest.split("/", 1)[1]
            spec = next((s for s in emu.issues if s.key == key), None)
            if spec is None:
                self._error(404, "Issue does not exist or you do not have permission to see it.")
            else:
                self._send(200, emu.render(spec, _fields(params), version))
        elif rest.startswith("project/"):
            key = rest.split("/", 1)[1]
            if key not in {s.project for s in emu.issues}:
                self._send(
                    404,
                    corpus_body("error.cloud-404-project-not-found.json").replace(
                        b"VULN", key.encode()
                    ),
                )
            else:
                self._send(200, {"key": key, "id": "10000", "name": key})
        elif rest.startswith("filter/"):
            fid = rest.split("/", 1)[1]
            board = next((b for b, _ in emu.boards.items() if str(1000 + b) == fid), None)
            if board is None:
                self._error(
                    400,
                    "The selected filter is not available to you, perhaps it "
                    "has been deleted or had its permissions changed.",
                )
            else:
                self._send(
                    200,
                    {
                        "id": fid,
                        "name": f"Filter for board {board}",
                        "jql": emu.boards[board],
                        "self": f"{emu.url}/rest/api/2/filter/{fid}",
                    },
                )
        else:
            self._error(404, "Not found")

    def _search(self, version: str, params: dict[str, list[str]], token_paging: bool) -> None:
        emu = self.owner
        jql = (params.get("jql") or [""])[0]
        try:
            selected = emu.select(jql)
        except JqlError as error:
            reason = str(error)
            if reason == "unbounded" and token_paging:
                self._send(400, corpus_body("error.cloud-400-unbounded-jql.json"))
            elif reason.startswith("project:"):
                self._error(
                    400, f"The value '{reason[8:]}' does not exist for the field 'project'."
                )
            elif reason.startswith("field:"):
                self._error(
                    400,
                    f"Field '{reason[6:]}' does not exist or you do not have "
                    f"permission to view it.",
                )
            else:
                self._send(400, corpus_body("error.400-jql-syntax.json"))
            return
        asked = int((params.get("maxResults") or ["50"])[0] or 50)
        size = max(1, min(asked, emu.page_cap))
        wanted = _fields(params)
        if token_paging:
            token = (params.get("nextPageToken") or [""])[0]
            start = int(base64.urlsafe_b64decode(token.encode()).decode()) if token else 0
            page = selected[start : start + size]
            body: dict[str, Any] = {
                "issues": [emu.render(s, wanted, version) for s in page],
            }
            if start + size < len(selected):
                body["nextPageToken"] = base64.urlsafe_b64encode(
                    str(start + size).encode()
                ).decode()
            else:
                body["isLast"] = True
        else:
            start = int((params.get("startAt") or ["0"])[0] or 0)
            page = selected[start : start + size]
            body = {
                "expand": "schema,names",
                "startAt": start,
                "maxResults": size,
                "total": len(selected),
                "issues": [emu.render(s, wanted, version) for s in page],
            }
        self._send(200, body)

    def _agile(self, rest: str, params: dict[str, list[str]]) -> None:
        emu = self.owner
        if rest == "board":
            values = [
                {
                    "id": b,
                    "self": f"{emu.url}/rest/agile/1.0/board/{b}",
                    "name": f"Board {b}",
                    "type": "scrum",
                }
                for b in sorted(emu.boards)
            ]
            self._send(
                200,
                {
                    "maxResults": 50,
                    "startAt": 0,
                    "total": len(values),
                    "isLast": True,
                    "values": values,
                },
            )
            return
        match = re.fullmatch(r"board/(\d+)(/configuration)?", rest)
        board = int(match.group(1)) if match else None
        if board is None or board not in emu.boards:
            self._error(
                404,
                "The requested board cannot be viewed because it either does not "
                "exist or you do not have permission to view it.",
            )
            return
        assert match is not None
        if match.group(2):
            config = json.loads(corpus_body("cloud-software-spec.board-configuration.200.json"))
            config["id"] = board
            config["filter"] = {
                "id": str(1000 + board),
                "self": f"{emu.url}/rest/api/2/filter/{1000 + board}",
            }
            self._send(200, config)
        else:
            self._send(
                200,
                {
                    "id": board,
                    "self": f"{emu.url}/rest/agile/1.0/board/{board}",
                    "name": f"Board {board}",
                    "type": "scrum",
                },
            )


def _fields(params: dict[str, list[str]]) -> set[str]:
    """`fields` arrives repeated from the jira library and comma-joined from others."""
    return {f.strip() for value in params.get("fields", []) for f in value.split(",") if f.strip()}
