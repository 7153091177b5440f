"""Jira rich text to markdown: wiki markup (REST v2, Server/Data Center and Cloud v2) and
the Atlassian Document Format (REST v3 JSON). Pure functions.

prdlint only needs block structure (headings, list items, code kept out of prose,
tables, quotes) and readable inline text, not a faithful rendering, so both converters
are small and never raise on odd input. The wiki converter also returns which source
line each markdown line came from, so findings point at the line the author wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# ---------------------------------------------------------------------------- wiki


@dataclass(frozen=True, slots=True)
class Converted:
    """Markdown text, and for each of its lines (0-based) the 1-based source line."""

    text: str
    lines: tuple[int, ...]

    def source_line(self, line: int) -> int:
        """The source line of 1-based markdown `line` (the last one past the end)."""
        if not self.lines:
            return line
        return self.lines[min(max(line, 1), len(self.lines)) - 1]


_HEADING = re.compile(r"^\s*h([1-6])\.\s*(.*)$")
_LIST = re.compile(r"^\s*([*#]+|-)\s+(.*)$")
_BLOCK_MACRO = re.compile(r"^\s*\{(code|noformat)(?::([^}]*))?\}(.*)$")
_BLOCK_END = {"code": "{code}", "noformat": "{noformat}"}
_QUOTE = re.compile(r"^\s*\{quote\}(.*)$")
_PANEL = re.compile(r"^\s*\{panel(?::([^}]*))?\}(.*)$")
_BQ = re.compile(r"^\s*bq\.\s+(.*)$")
_RULE = re.compile(r"^\s*-{4,}\s*$")
_TABLE = re.compile(r"^\s*\|")
_CHECK = re.compile(r"^(\[[ xX]?\]|\(/\)|\(x\))\s*")

_MONO = re.compile(r"\{\{(.+?)\}\}")
_LINK = re.compile(
    r"\[([^\[\]|\n]*)\|([^\[\]\n]+)\]|\[(~(?:accountid:)?[^\[\]\n]+|[a-z]+://[^\[\]\n]+)\]"
)
_BOLD = re.compile(r"(?<![\w*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w\\])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_STRIKE = re.compile(r"(?<![\w\-\\])-(?=[^\s\-])([^\n]+?)(?<=[^\s\-])-(?![\w\-])")
_INS = re.compile(r"(?<![\w\\])\+(?=\S)([^+\n]+?)(?<=\S)\+(?!\w)")
_CITE = re.compile(r"\?\?(?=\S)(.+?)(?<=\S)\?\?")
_COLOR = re.compile(r"\{color(?::[^}]*)?\}")
_ICON = re.compile(r"\((?:/|x|!|\?|i|y|n|on|off|\*[rgby]?|\+|-|flag|flagoff)\)")
_PLACEHOLDER = "\x00{}\x00"


def wiki_inline(text: str) -> str:
    """Inline wiki markup to markdown: bold, italic, monospace, strike, links, icons."""
    codes: list[str] = []

    def keep(code: str) -> str:
        codes.append(code)
        return _PLACEHOLDER.format(len(codes) - 1)

    text = _MONO.sub(lambda m: keep(f"`{m.group(1)}`"), text)
    text = _LINK.sub(lambda m: keep(_link(m)), text)
    text = _COLOR.sub("", text).replace("\\\\", " ")
    text = _ICON.sub("", text)
    text = _BOLD.sub(r"**\1**", text)
    text = _ITALIC.sub(r"*\1*", text)
    text = _STRIKE.sub(r"~~\1~~", text)
    text = _INS.sub(r"\1", text)
    text = _CITE.sub(r"*\1*", text)
    return re.sub("\x00(\\d+)\x00", lambda m: codes[int(m.group(1))], text)


def _link(match: re.Match[str]) -> str:
    if match.group(3) is not None:
        target = match.group(3)
        if target.startswith("~"):
            return "@" + target[1:].removeprefix("accountid:")
        return f"<{target}>"
    label, url = match.group(1).strip(), match.group(2).strip()
    if url.startswith("~"):
        return "@" + (label or url[1:])
    return f"[{label or url}]({url})" if "://" in url or url.startswith("mailto:") else label


def convert_wiki(text: str) -> Converted:
    """Wiki markup to markdown, with a line map back to the wiki source."""
    source = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    lines: list[int] = []

    def emit(md: str, at: int) -> None:
        out.append(md)
        lines.append(at)

    in_quote = False
    in_table = False
    prev_list = False
    index = 0
    while index < len(source):
        line, number = source[index], index + 1
        index += 1
        block = _BLOCK_MACRO.match(line)
        if block:
            end = _find_block_end(source, index - 1, _BLOCK_END[block.group(1)])
            if end is not None:
                index = _emit_code(source, index - 1, end, block, emit)
                prev_list = in_table = False
                continue
        quote = _QUOTE.match(line)
        if quote:
            in_quote = not in_quote
            emit("", number)
            line = quote.group(1)
            if not line.strip():
                continue
        panel = _PANEL.match(line)
        if panel:
            emit("", number)
            title = re.search(r"(?:^|\|)title=([^|]*)", panel.group(1) or "")
            if title and title.group(1).strip():
                emit(f"**{wiki_inline(title.group(1).strip())}**", number)
                emit("", number)
            line = panel.group(2)
            if not line.strip():
                continue
        prefix = "> " if in_quote else ""
        md, kind = _wiki_block(line)
        if kind.startswith("table") and not in_table and out and out[-1].strip():
            emit(prefix.rstrip(), number)
        if kind in ("text", "blank") and md.strip() and (prev_list or in_table):
            # Jira ends a list or table here; markdown would carry the line into it
            emit(prefix.rstrip(), number)
        if kind == "table-head":
            emit(prefix + md, number)
            cells = md.count("|") - 1
            emit(prefix + "|" + " --- |" * max(cells, 1), number)
        else:
            emit(prefix + md if md else prefix.rstrip(), number)
        in_table = kind.startswith("table")
        prev_list = kind == "list"
    return Converted("\n".join(out), tuple(lines))


def wiki_to_markdown(text: str) -> str:
    return convert_wiki(text).text


def _find_block_end(source: list[str], start: int, marker: str) -> int | None:
    """Index of the line closing the block opened at `start`; None if never closed
    (an unclosed macro stays prose, so no text is hidden from the rules)."""
    first = _BLOCK_MACRO.match(source[start])
    if first and marker in first.group(3):
        return start
    for index in range(start + 1, len(source)):
        if marker in source[index]:
            return index
    return None


def _emit_code(
    source: list[str],
    start: int,
    end: int,
    opening: re.Match[str],
    emit: Callable[[str, int], None],
) -> int:
    marker = _BLOCK_END[opening.group(1)]
    params = opening.group(2) or ""
    language = params.split("|")[0] if "=" not in params.split("|")[0] else ""
    body: list[tuple[str, int]] = []
    first = opening.group(3)
    if start == end:
        body.append((first.split(marker, 1)[0], start + 1))
    else:
        if first.strip():
            body.append((first, start + 1))
        body.extend((source[i], i + 1) for i in range(start + 1, end))
        last = source[end].split(marker, 1)[0]
        if last.strip():
            body.append((last, end + 1))
    longest = max((len(m) for text, _ in body for m in re.findall(r"`{3,}", text)), default=2)
    fence = "`" * (longest + 1)
    emit(fence + language.strip(), start + 1)
    for text, number in body:
        emit(text, number)
    emit(fence, end + 1)
    return end + 1


def _wiki_block(line: str) -> tuple[str, str]:
    """One wiki line as one markdown line, and its kind (text, heading, list, table...)."""
    if not line.strip():
        return "", "blank"
    heading = _HEADING.match(line)
    if heading:
        return "#" * int(heading.group(1)) + " " + wiki_inline(heading.group(2).strip()), "heading"
    if _RULE.match(line):
        return "***", "rule"
    bq = _BQ.match(line)
    if bq:
        return "> " + wiki_inline(bq.group(1)), "text"
    listed = _LIST.match(line)
    if listed:
        markers, content = listed.group(1), listed.group(2)
        indent = sum(2 if m in "*-" else 3 for m in markers[:-1])
        bullet = "1." if markers[-1] == "#" else "-"
        check = _CHECK.match(content)
        box = ""
        if check:
            box = "[x] " if check.group(1) in ("(/)", "[x]", "[X]") else "[ ] "
            content = content[check.end() :]
        return " " * indent + f"{bullet} {box}{wiki_inline(content.strip())}", "list"
    if _TABLE.match(line):
        return _wiki_table_row(line)
    return wiki_inline(line.rstrip()), "text"


def _wiki_table_row(line: str) -> tuple[str, str]:
    stripped = line.strip()
    head = stripped.startswith("||")
    inline = wiki_inline(stripped)
    cells = [c.strip() for c in re.split(r"(?<!\\)\|+", inline)]
    if cells and not cells[0]:
        cells = cells[1:]
    if cells and not cells[-1]:
        cells = cells[:-1]
    return "| " + " | ".join(cells) + " |", "table-head" if head else "table"


# ----------------------------------------------------------------------------- ADF

_MAX_DEPTH = 100  # deeper ADF is flattened to text; JSON can nest far past the stack


def adf_to_markdown(doc: object) -> str:
    """An ADF document (a dict with type "doc") to markdown. Never raises."""
    lines = _adf_blocks(_children(doc), 0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _children(node: object) -> list[Mapping[str, object]]:
    if not isinstance(node, Mapping):
        return []
    content = node.get("content")
    if not isinstance(content, list):
        return []
    return [c for c in content if isinstance(c, Mapping)]


def _attrs(node: Mapping[str, object]) -> Mapping[str, object]:
    attrs = node.get("attrs")
    return attrs if isinstance(attrs, Mapping) else {}


def _adf_blocks(nodes: list[Mapping[str, object]], depth: int) -> list[str]:
    out: list[str] = []
    for node in nodes:
        block = _adf_block(node, depth)
        if block:
            out.extend(block)
            out.append("")
    return out


def _adf_block(node: Mapping[str, object], depth: int) -> list[str]:
    kind = node.get("type")
    if depth > _MAX_DEPTH:
        return [_adf_text(node)]
    if kind == "paragraph":
        text = _adf_inline(_children(node))
        return _trim([line.rstrip() for line in text.split("\n")]) if text.strip() else []
    if kind == "heading":
        level = _attrs(node).get("level", 1)
        level = level if isinstance(level, int) and 1 <= level <= 6 else 1
        return ["#" * level + " " + _adf_inline(_children(node)).replace("\n", " ")]
    if kind in ("bulletList", "orderedList", "taskList", "decisionList"):
        return _adf_list(node, depth)
    if kind == "codeBlock":
        code = "".join(str(c.get("text", "")) for c in _children(node))
        language = _attrs(node).get("language")
        longest = max((len(m) for m in re.findall(r"`{3,}", code)), default=2)
        fence = "`" * (longest + 1)
        return [fence + (language if isinstance(language, str) else ""), *code.split("\n"), fence]
    if kind == "blockquote":
        return [("> " + line).rstrip() for line in _trim(_adf_blocks(_children(node), depth + 1))]
    if kind in ("expand", "nestedExpand"):
        title = _attrs(node).get("title")
        head = [f"**{title}**", ""] if isinstance(title, str) and title.strip() else []
        return head + _trim(_adf_blocks(_children(node), depth + 1))
    if kind == "table":
        return _adf_table(node)
    if kind == "rule":
        return ["***"]
    if kind in ("blockCard", "embedCard"):
        url = _attrs(node).get("url")
        return [f"<{url}>"] if isinstance(url, str) else []
    if kind in ("mediaSingle", "mediaGroup", "media", "extension", "bodiedExtension"):
        return []
    if kind in ("text", "mention", "emoji", "inlineCard", "status", "date", "hardBreak"):
        return [_adf_inline([node])]
    # panel, layoutSection, layoutColumn and unknown containers: their blocks as they are
    return _trim(_adf_blocks(_children(node), depth + 1))


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _adf_list(node: Mapping[str, object], depth: int) -> list[str]:
    kind = node.get("type")
    out: list[str] = []
    for item in _children(node):
        if item.get("type") in ("bulletList", "orderedList", "taskList"):
            out.extend("  " + line if line else line for line in _adf_list(item, depth + 1))
            continue
        if kind == "orderedList":
            marker = "1. "
        elif kind == "taskList":
            marker = "- [x] " if _attrs(item).get("state") == "DONE" else "- [ ] "
        else:
            marker = "- "
        if item.get("type") in ("taskItem", "decisionItem"):
            body = _adf_inline(_children(item)).split("\n")
        else:
            body = _trim(_adf_blocks(_children(item), depth + 1))
        width = 2 if kind == "taskList" else len(marker)
        body = body or [""]
        out.append(marker + body[0])
        out.extend(" " * width + line if line else "" for line in body[1:])
    return out


def _adf_table(node: Mapping[str, object]) -> list[str]:
    rows: list[list[str]] = []
    for row in _children(node):
        cells = [
            _adf_text_flat(cell).replace("|", "\\|")
            for cell in _children(row)
            if cell.get("type") in ("tableHeader", "tableCell")
        ]
        if cells:
            rows.append(cells)
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    out = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
    out.extend("| " + " | ".join(r) + " |" for r in rows[1:])
    return out


def _adf_text_flat(node: Mapping[str, object]) -> str:
    parts = [" ".join(_trim(_adf_blocks([c], 1))) for c in _children(node)]
    return " ".join(p.strip() for p in parts if p.strip())


def _adf_text(node: Mapping[str, object]) -> str:
    """All the text under a node, flattened (for nesting past the depth limit)."""
    stack: list[object] = [node]
    words: list[str] = []
    while stack:
        current = stack.pop()
        if isinstance(current, Mapping):
            if isinstance(current.get("text"), str):
                words.append(str(current["text"]))
            stack.extend(reversed(_children(current)))
    return " ".join(words)


def _adf_inline(nodes: list[Mapping[str, object]]) -> str:
    out: list[str] = []
    for node in nodes:
        kind = node.get("type")
        attrs = _attrs(node)
        if kind == "text":
            out.append(_marked(str(node.get("text", "")), node.get("marks")))
        elif kind == "hardBreak":
            out.append("\n")
        elif kind == "mention":
            text = str(attrs.get("text") or "")
            out.append(text if text.startswith("@") else "@" + text)
        elif kind == "emoji":
            out.append(str(attrs.get("text") or attrs.get("shortName") or ""))
        elif kind == "inlineCard":
            out.append(f"<{attrs.get('url', '')}>")
        elif kind == "status":
            out.append(str(attrs.get("text") or ""))
        elif kind == "date":
            out.append(str(attrs.get("timestamp") or ""))
        else:
            out.append(_adf_text(node))
    return "".join(out)


def _marked(text: str, marks: object) -> str:
    if not isinstance(marks, list) or not text.strip():
        return text
    kinds = [m.get("type") for m in marks if isinstance(m, Mapping)]
    if "code" in kinds:
        ticks = "``" if "`" in text else "`"
        text = f"{ticks}{text}{ticks}"
    # markdown emphasis must hug the text, so keep surrounding spaces outside it
    lead, core, tail = _split_space(text)
    if "strike" in kinds:
        core = f"~~{core}~~"
    if "em" in kinds:
        core = f"*{core}*"
    if "strong" in kinds:
        core = f"**{core}**"
    for mark in marks:
        if isinstance(mark, Mapping) and mark.get("type") == "link":
            href = _attrs(mark).get("href")
            if isinstance(href, str):
                core = f"[{core}]({href})"
    return lead + core + tail


def _split_space(text: str) -> tuple[str, str, str]:
    core = text.strip()
    start = text.find(core)
    return text[:start], core, text[start + len(core) :]


# -------------------------------------------------------------------------- either


def convert(value: object) -> Converted:
    """Any Jira rich-text value (None, a wiki string, an ADF doc) to markdown + line map.
    ADF lines map to themselves (ADF has no source lines)."""
    if value is None:
        return Converted("", ())
    if isinstance(value, str):
        return convert_wiki(value)
    if isinstance(value, Mapping):
        text = adf_to_markdown(value)
        return Converted(text, tuple(range(1, text.count("\n") + 2)))
    if isinstance(value, list):
        text = "\n".join(str(v) for v in value if isinstance(v, str | int | float))
        return convert_wiki(text)
    return convert_wiki(str(value))


def to_markdown(value: object) -> str:
    return convert(value).text
