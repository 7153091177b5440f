"""Schema work written in plain words: a structure verb within reach of a schema noun
("add a discount column to the orders table", "a properly normalised invoices table"),
field lists with code identifiers or data types ("new fields shipDate and carrier on
shipments", "number (unique key), total (decimal)").

The text is tokenised once; every decision is a set lookup on the tokens around a schema
noun. Ambiguous nouns (table, column, field) need an anchor that says "data model" (a
named table, a code identifier, a data type, the entity that owns the field), and lose it
to a user's own or on-screen object ("my board", "the signup form", "a table on the page")."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from prdlint.checks._lazy import lazy

# Words, `code spans`, identifiers with dots or underscores, numbers, single punctuation.
_TOKEN = lazy(r"`[^`\n]{1,60}`|[A-Za-z_][\w'.-]*[A-Za-z0-9_]|[A-Za-z_]|\d[\d.,]*|[^\w\s]")
_CLAUSE_END = frozenset(".;!?")
_CAMEL = lazy(r"^[a-z]{2,}(?:[A-Z][a-z0-9]+)+$")
_PASCAL = lazy(r"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)+$")
_SNAKE = lazy(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


def _forms(*stems: str) -> frozenset[str]:
    """Each verb with its usual inflections ("add" -> adds, added, adding)."""
    out: set[str] = set()
    for stem in stems:
        base, _, extra = stem.partition("/")
        out.add(base)
        out.update(extra.split(",") if extra else ())
    return frozenset(out)


# Structure verbs (and the adjectives they leave behind: "a normalised table").
_STRONG_VERBS = _forms(
    "normalise/normalises,normalised,normalising",
    "normalize/normalizes,normalized,normalizing",
    "denormalise/denormalised,denormalising",
    "denormalize/denormalized,denormalizing",
    "migrate/migrates,migrated,migrating",
    "index/indexes,indexed,indexing",
    "persist/persists,persisted,persisting",
    "alter/alters,altered,altering",
    "drop/drops,dropped,dropping",
    "seed/seeds,seeded,seeding",
    "partition/partitions,partitioned,partitioning",
    "shard/shards,sharded,sharding",
    "populate/populates,populated,populating",
)
_WEAK_VERBS = _forms(
    "add/adds,added,adding",
    "create/creates,created,creating",
    "rename/renames,renamed,renaming",
    "store/stores,stored,storing",
    "define/defines,defined,defining",
    "introduce/introduces,introduced,introducing",
    "extend/extends,extended,extending",
    "remove/removes,removed,removing",
    "delete/deletes,deleted,deleting",
    "split/splits,splitting",
    "change/changes,changed,changing",
    "update/updates,updated,updating",
    "modify/modifies,modified,modifying",
    "design/designs,designed,designing",
    "new",
)
STRUCTURE_VERBS = _STRONG_VERBS | _WEAK_VERBS
# What the user does with information on screen: its object is the user's, not the schema.
_USER_VERBS = _forms(
    "see/sees,seeing,saw",
    "view/views,viewed,viewing",
    "show/shows,shown,showing",
    "display/displays,displayed,displaying",
    "access/accesses,accessed,accessing",
    "download/downloads,downloaded,downloading",
    "export/exports,exported,exporting",
    "import/imports,imported,importing",
    "fill/fills,filled,filling",
    "enter/enters,entered,entering",
    "complete/completes,completed,completing",
    "sort/sorts,sorted,sorting",
    "filter/filters,filtered,filtering",
    "search/searches,searched,searching",
    "choose/chooses,chose,choosing",
    "select/selects,selected,selecting",
    "pick/picks,picked,picking",
    "hide/hides,hid,hidden,hiding",
    "reorder/reorders,reordered,reordering",
    "resize/resizes,resized,resizing",
    "customise/customises,customised,customize,customizes,customized",
    "map/maps,mapped,mapping",
    "read/reads,reading",
    "receive/receives,received,receiving",
    "get/gets,getting,got",
)
_RELATIVES = frozenset({"that", "which", "who", "whose", "where", "when", "while"})
_GRANTS = frozenset({"allow", "allows", "let", "lets", "enable", "enables", "permit", "permits"})
_USERS = frozenset(
    {"user", "users", "customer", "customers", "them", "people", "anyone", "someone",
     "members", "visitors", "admins", "administrators", "editors", "owners", "me", "us"}
)  # fmt: skip
_OWNERS = frozenset({"my", "your", "his", "her", "their", "own", "personal"})
_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "our", "its", "each", "every",
     "some", "any", "another", "one", "two", "three", "four", "five", "several", "extra",
     "additional", "separate", "properly", "new", "same", "existing", "current", "proper"}
)  # fmt: skip
# Things on a screen or the user's own documents: a table, column or field there is not
# the schema.
_SCREEN = frozenset(
    {"page", "pages", "screen", "screens", "form", "forms", "dialog", "dialogs", "modal",
     "view", "views", "report", "reports", "dashboard", "dashboards", "board", "boards",
     "grid", "list", "lists", "spreadsheet", "spreadsheets", "sheet", "sheets", "csv",
     "export", "exports", "file", "files", "layout", "ui", "interface", "template",
     "templates", "wizard", "panel", "tab", "widget", "window", "card", "cards", "kanban",
     "document", "documents", "pdf", "invoice", "receipt", "editor",
     "plan", "floor", "website", "site", "app", "portal", "profile", "questionnaire",
     "survey", "checkout", "signup", "sign-up", "registration", "login", "search", "input",
     "text", "filter", "filters", "results", "contents", "stats", "statistics", "standings",
     "comparison", "pricing", "summary", "periodic", "league", "time", "custom",
     "required", "optional", "entry", "free", "blank", "empty", "mandatory", "playing",
     "sports", "football", "study", "expertise", "research", "work", "visible", "hidden"}
)  # fmt: skip
# "field" as a place or domain, not a slot: "field staff", "field trip".
_FIELD_COMPOUNDS = frozenset(
    {"staff", "team", "teams", "worker", "workers", "work", "trip", "trips", "service",
     "services", "agent", "agents", "office", "officer", "officers", "visit", "visits",
     "test", "tests", "testing", "research", "day", "days", "notes", "sales", "engineer",
     "engineers", "operations", "crew", "crews", "guide", "mapping", "data", "level",
     "hockey", "goal", "goals", "report", "reports", "label", "labels"}
)  # fmt: skip
# Data types and key markers a schema names ("total (decimal)", "a boolean column").
DATA_TYPES = frozenset(
    {"varchar", "nvarchar", "char", "int", "integer", "bigint", "smallint", "tinyint",
     "decimal", "numeric", "float", "double", "boolean", "bool", "datetime", "timestamp",
     "timestamptz", "uuid", "guid", "blob", "clob", "jsonb", "enum", "serial", "bigserial",
     "string", "text", "date", "bytea", "nullable", "pk", "fk"}
)  # fmt: skip
# Outside parentheses "text", "date", "string" are ordinary words ("a text field" is UI).
_WEAK_TYPES = frozenset({"string", "text", "date", "char", "double", "float", "numeric"})
_STRONG_TYPES = DATA_TYPES - _WEAK_TYPES
_PROSE_TYPES = _STRONG_TYPES | {"json", "integers", "booleans", "decimals", "timestamps"}
_KEY_WORDS = frozenset({"primary", "foreign", "unique", "composite", "surrogate", "natural"})
_SCHEMA_NOUNS = frozenset(
    {"table", "tables", "column", "columns", "field", "fields", "schema", "schemas",
     "index", "indexes", "indices", "migration", "migrations", "entity", "entities",
     "model", "models", "class", "classes", "attribute", "attributes", "property",
     "properties", "key", "keys"}
)  # fmt: skip
_SINGULAR = {
    "tables": "table", "columns": "column", "fields": "field", "schemas": "schema",
    "indexes": "index", "indices": "index", "migrations": "migration",
    "entities": "entity", "models": "model", "classes": "class", "attributes": "attribute",
    "properties": "property", "keys": "key",
}  # fmt: skip
# What owns a table, column or field in the data model.
_DATA_OWNERS = frozenset(
    {"table", "tables", "model", "models", "entity", "entities", "schema", "collection",
     "collections", "record", "records", "database", "db", "class", "object", "objects",
     "document", "row", "rows"}
)  # fmt: skip
_STANDARD = frozenset(
    {"standard", "standards", "specification", "spec", "vocabulary", "ontology", "dcat",
     "fhir", "hl7", "xbrl", "schema.org", "dublin", "iso", "pull", "feed", "api"}
)  # fmt: skip
# Every detection needs one of these words: one pass finds whether to look closer.
_TRIGGER = lazy(
    r"(?i:\b(?:"
    + "|".join(sorted(_SCHEMA_NOUNS | DATA_TYPES | _PROSE_TYPES, key=len, reverse=True))
    + r")\b)"
)
_PLURAL_NOT_ENTITY = lazy(r"(?:ss|us|is|ics|news|ings)$")
_WINDOW = 5  # how far a structure verb may sit before its noun, in tokens


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    low: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    return [
        Token(m.group(), m.group().casefold(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, len(text) if end is None else end)
    ]


def is_identifier(token: Token) -> bool:
    """`code`, camelCase or snake_case: a name from the code, not from the business."""
    text = token.text
    return text.startswith("`") or bool(_CAMEL.match(text) or _SNAKE.match(text))


def _is_entity_name(token: Token) -> bool:
    """ "orders", "invoices", `orders`, order_items: a name a table is called by."""
    if is_identifier(token):
        return True
    low = token.low
    return (
        low.isalpha()
        and len(low) > 3
        and low.endswith("s")
        and not _PLURAL_NOT_ENTITY.search(low)
        and low not in _SCREEN
        and low not in _OWNERS
        and low not in _DETERMINERS
    )


class _Sentence:
    """The tokens of one clause-bounded stretch, with lookups around a position."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.lows = [t.low for t in tokens]
        self.low_set = frozenset(self.lows)

    def before(self, index: int, count: int = _WINDOW) -> list[str]:
        return self.lows[max(0, index - count) : index]

    def after(self, index: int, count: int = _WINDOW) -> list[str]:
        return self.lows[index + 1 : index + 1 + count]

    def verb_before(self, index: int) -> str | None:
        """The structure verb that governs the noun at `index`, unless a user verb or an
        owner ("my") is closer: "access two new fields" is the user's reading."""
        words = 0
        for low in reversed(self.before(index, 2 * _WINDOW)):
            if low in _USER_VERBS or low in _OWNERS or low in _RELATIVES:
                return None  # a relative clause has its own verb: "a script that runs"
            if low in STRUCTURE_VERBS:
                return low
            words += low not in _DETERMINERS
            if words >= _WINDOW:
                return None
        return None

    def passive_verb_after(self, index: int) -> str | None:
        """ "columns to be indexed", "the table should be normalised"."""
        after = self.after(index, 4)
        if "be" in after or "are" in after or "is" in after:
            for low in after:
                if low in _STRONG_VERBS:
                    return low
        return None


def _screen_or_owner_near(sentence: _Sentence, index: int) -> bool:
    """A user's or on-screen thing: "my board", "the signup form", "a table on the page"."""
    before = sentence.before(index, 3)
    if any(low in _OWNERS or low in _SCREEN for low in before[-2:]):
        return True
    after = sentence.after(index, 6)
    if after and after[0] in _SCREEN:
        return True
    return any(low in _OWNERS or low in _SCREEN for low in after[1:]) and bool(
        after and after[0] in {"to", "on", "in", "of", "into", "for", "from"}
    )


def _owner_after(sentence: _Sentence, index: int) -> bool:
    """ "... to the orders table", "... on shipments", "... of the User model"."""
    after = sentence.after(index, 5)
    if not after or after[0] not in {"to", "on", "in", "into", "of", "for"}:
        return False
    rest = [low for low in after[1:] if low not in _DETERMINERS]
    tokens = sentence.tokens[index + 2 : index + 6]
    if rest and rest[0] in _DATA_OWNERS:
        return True
    names = [t for t in tokens if t.low not in _DETERMINERS]
    if not names:
        return False
    if len(rest) > 1 and rest[1] in _DATA_OWNERS and rest[0] not in _SCREEN:
        return True
    return _is_entity_name(names[0]) and (len(rest) < 2 or rest[1] not in _SCREEN)


def _anchor_near(sentence: _Sentence, index: int) -> bool:
    """Something in the clause that says "data model": a code identifier, a data type, a
    key, the database itself."""
    for token in sentence.tokens:
        if is_identifier(token) or token.low in _PROSE_TYPES:
            return True
    return bool(sentence.low_set & {"database", "db", "sql", "schema"}) or any(
        low in _KEY_WORDS and nxt == "key"
        for low, nxt in zip(sentence.lows, sentence.lows[1:], strict=False)
    )


def _named_table(sentence: _Sentence, index: int) -> bool:
    """ "the orders table", "a `users` table", "table `orders`", "a table for users"."""
    tokens = sentence.tokens
    if index > 0 and _is_entity_name(tokens[index - 1]):
        return True
    if index + 1 < len(tokens) and is_identifier(tokens[index + 1]):
        return True
    after = sentence.after(index, 3)
    if after[:1] == ["for"] and index + 2 < len(tokens):
        following = [t for t in tokens[index + 2 : index + 4] if t.low not in _DETERMINERS]
        return bool(following) and _is_entity_name(following[0])
    return False


def _has_named_table(sentence: _Sentence) -> bool:
    return any(
        low == "table" and index > 0 and _is_entity_name(sentence.tokens[index - 1])
        for index, low in enumerate(sentence.lows)
    )


def _standard_fields(sentence: _Sentence) -> bool:
    """Fields of a published standard or a feed the user reads are business data."""
    return bool(sentence.low_set & _STANDARD)


def _noun_hit(sentence: _Sentence, index: int) -> bool:
    """Whether the schema noun at `index` is schema work the story dictates."""
    low = sentence.lows[index]
    noun = _SINGULAR.get(low, low)
    before = sentence.before(index, 2)
    if (
        noun == "field"
        and sentence.after(index, 1)[:1]
        and sentence.after(index, 1)[0] in (_FIELD_COMPOUNDS)
    ):
        return False
    if noun == "key":
        return bool(before) and before[-1] in _KEY_WORDS and sentence.verb_before(index) is not None
    if noun == "entity" and _entity_work(sentence, index):
        return True
    if (
        noun in ("column", "field")
        and _holds_data(sentence, index)
        and not _screen_or_owner_near(sentence, index)
    ):
        return True  # "a column to store the status"
    if noun in ("column", "field", "attribute") and _typed_or_coded(sentence, index):
        return True  # "a JSON column", "a loyaltyTier attribute"
    verb = sentence.verb_before(index) or sentence.passive_verb_after(index)
    if verb is None and noun == "schema" and _schema_work_noun(sentence, index):
        return True
    if verb is None:
        # "Users table must have columns: ...", "the price column ... as a decimal"
        return (
            noun in ("column", "field")
            and not _screen_or_owner_near(sentence, index)
            and (_has_named_table(sentence) or bool(set(sentence.after(index, 8)) & _PROSE_TYPES))
        )
    if noun in ("table", "column", "field", "attribute", "property"):
        if _screen_or_owner_near(sentence, index):
            return False
        if noun == "table":
            return (
                verb in _STRONG_VERBS
                or _named_table(sentence, index)
                or _owner_after(sentence, index)
            )
        if _identifiers_listed(sentence, index):
            return True  # "Add new attributes: `Friends`, `Requests`"
        if noun in ("attribute", "property"):
            return _owner_after(sentence, index) and _code_owner_after(sentence, index)
        if _standard_fields(sentence):
            return False
        return (
            verb in _STRONG_VERBS or _owner_after(sentence, index) or _anchor_near(sentence, index)
        )
    if noun == "index":
        after = sentence.after(index, 2)
        return (
            bool(after) and after[0] in {"on", "for"} and not _screen_or_owner_near(sentence, index)
        )
    if noun == "migration":
        return verb in {
            "add",
            "adds",
            "added",
            "adding",
            "create",
            "creates",
            "created",
            "creating",
            "new",
        }
    if noun == "schema":
        return not _screen_or_owner_near(sentence, index) and not _standard_fields(sentence)
    if noun in ("model", "entity", "class"):
        return _code_named(sentence, index)
    return False


# Whose schema is worked on: the product's own ("the database schema"), not a published
# standard's ("the DataPackage schema changes").
_OWN_SCHEMA = frozenset({"the", "a", "new", "database", "db", "data", "sql", "our"})
_SCHEMA_WORK = frozenset(
    {"definition", "definitions", "design", "designs", "change", "changes", "update",
     "updates", "migration", "migrations", "setup", "creation"}
)  # fmt: skip


def _schema_work_noun(sentence: _Sentence, index: int) -> bool:
    """ "Schema definition", "database schema changes": the structure work as a noun, on
    the product's own schema (not "my dataset's" nor a standard's)."""
    after = sentence.after(index, 5)
    return (
        bool(after)
        and after[0] in _SCHEMA_WORK
        and (index == 0 or sentence.lows[index - 1] in _OWN_SCHEMA)
        and not _standard_fields(sentence)
        and not _screen_or_owner_near(sentence, index)
        and not any(low in _OWNERS for low in after)
    )


_NOT_DATA_ENTITY = frozenset(
    {"legal", "business", "named", "reporting", "government", "corporate", "public",
     "private", "separate", "political", "sovereign", "responsible", "contracting"}
)  # fmt: skip
_ENTITY_PARTS = frozenset(
    {"field", "fields", "column", "columns", "attribute", "attributes", "property",
     "properties", "relationship", "relationships", "called", "named"}
)  # fmt: skip


def _entity_work(sentence: _Sentence, index: int) -> bool:
    """ "Add Status Entity", "the status entity needs the following fields", "a new entity
    OccurrenceStatus": an entity of the data model, not a legal or business entity."""
    if index > 0 and sentence.lows[index - 1] in _NOT_DATA_ENTITY:
        return False
    following = sentence.tokens[index + 1 : index + 2]
    if following and following[0].low[:1].isdigit():
        return False  # "[Entity 1]": a template's slot
    return (
        sentence.verb_before(index) is not None
        or bool(sentence.low_set & _ENTITY_PARTS)
        or bool(following and _PASCAL.match(following[0].text))
    )


def _holds_data(sentence: _Sentence, index: int) -> bool:
    after = sentence.after(index, 2)
    if len(after) == 2 and after[0] == "to" and after[1] in _HOLD_VERBS:
        return True
    return bool(after) and after[0] in {"storing", "holding", "persisting"}


_HOLD_VERBS = frozenset({"store", "hold", "persist", "save", "keep"})


def _typed_or_coded(sentence: _Sentence, index: int) -> bool:
    """The word before the noun is a data type or a code identifier, and the thing is
    not on a screen: "a boolean column", "the `status` field", "a loyaltyTier attribute"."""
    if index == 0:
        return False
    before = sentence.tokens[index - 1]
    return (before.low in _PROSE_TYPES or is_identifier(before)) and not _screen_or_owner_near(
        sentence, index
    )


_KEEP_VERBS = _forms(
    "store/stores,stored,storing",
    "save/saves,saved,saving",
    "persist/persists,persisted,persisting",
    "keep/keeps,kept,keeping",
)


def _typed_pair(sentence: _Sentence) -> tuple[int, int] | None:
    """ "cancelled_at timestamp", "store prices as integers": a value given a data type."""
    tokens, lows = sentence.tokens, sentence.lows
    for index in range(len(tokens) - 1):
        if is_identifier(tokens[index]) and lows[index + 1] in _PROSE_TYPES:
            return tokens[index].start, tokens[index + 1].end
        if lows[index] in _KEEP_VERBS:
            for offset in range(index + 2, min(index + 7, len(lows) - 1)):
                if lows[offset] == "as":
                    following = [
                        low for low in lows[offset + 1 : offset + 3] if low not in {"a", "an"}
                    ]
                    if following and following[0] in _PROSE_TYPES:
                        end = offset + 1 + lows[offset + 1 : offset + 3].index(following[0])
                        return tokens[index].start, tokens[end].end
                    break
    return None


def _identifiers_listed(sentence: _Sentence, index: int) -> bool:
    """Two or more code names right after the noun ("attributes: `bio`, `campus`", "fields
    shipDate and carrier_code"): the schema's own names, not the business's words."""
    if any(low in _SCREEN for low in sentence.before(index, 6)):
        return False  # "the signup form gets new fields: `name`, `email`"
    following = sentence.tokens[index + 1 : index + 8]
    return sum(is_identifier(t) for t in following) >= 2


def _code_owner_after(sentence: _Sentence, index: int) -> bool:
    after = sentence.tokens[index + 1 : index + 6]
    return any(t.low in {"model", "entity", "class", "table", "schema"} for t in after)


def _code_named(sentence: _Sentence, index: int) -> bool:
    """ "the AppUser model", "the `Order` entity", "the Volunteer class" (a capitalised
    name that is not the sentence's first word)."""
    if index < 2:
        return False
    name = sentence.tokens[index - 1]
    if is_identifier(name) or _PASCAL.match(name.text):
        return True
    # "Create Order model", "the Volunteer class": a class name, with the noun in lower case
    # (a title's "Pricing Model" is a heading, not code)
    return (
        name.text[:1].isupper()
        and name.low.isalpha()
        and sentence.tokens[index].text.islower()
        and sentence.lows[index - 2] in {"the", "a", "an", "our", "each", "every"} | STRUCTURE_VERBS
    )


def _type_in_parentheses(sentence: _Sentence) -> int | None:
    """ "number (unique key), total (decimal)": the index of the first "(" holding a data
    type or key marker, in a field list."""
    lows = sentence.lows
    weak: int | None = None
    for index, low in enumerate(lows):
        if low != "(" or index == 0:
            continue
        inside = lows[index + 1 : index + 4]
        if not inside:
            continue
        if inside[0] in _STRONG_TYPES or (inside[0] in _KEY_WORDS and inside[1:2] == ["key"]):
            return index
        if inside[0] in DATA_TYPES and inside[1:2] == [")"] and weak is None:
            weak = index  # "(text)", "(date)": a type only beside another typed field
        elif inside[0] in DATA_TYPES and inside[1:2] == [")"]:
            return weak
    return None


def _sentences(tokens: list[Token]) -> Iterator[_Sentence]:
    current: list[Token] = []
    for token in tokens:
        if token.low in _CLAUSE_END and len(token.low) == 1:
            if current:
                yield _Sentence(current)
            current = []
        else:
            current.append(token)
    if current:
        yield _Sentence(current)


def schema_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Character spans of schema work in text[start:end], one per clause at most."""
    stop = len(text) if end is None else end
    if _TRIGGER.search(text, start, stop) is None:
        return  # most stories name no schema noun or type: skip the tokeniser
    for sentence in _sentences(tokenize(text, start, end)):
        span = _first_hit(sentence)
        if span is not None:
            yield span


def _granted(sentence: _Sentence) -> bool:
    """ "allow the user to rename the requests table columns": what the product lets its
    users do with their own data is a feature, not the schema."""
    lows = [low for low in sentence.lows if low != "the"]
    return any(low in _GRANTS and nxt in _USERS for low, nxt in itertools.pairwise(lows))


def _in_slot(sentence: _Sentence, index: int) -> bool:
    """Inside "[...]": a template's slot ("[relationships to other entities]") or a link's
    text, not the author's requirement."""
    before = sentence.lows[:index]
    opened = max((i for i, low in enumerate(before) if low == "["), default=-1)
    closed = max((i for i, low in enumerate(before) if low == "]"), default=-1)
    return opened > closed


def _first_hit(sentence: _Sentence) -> tuple[int, int] | None:
    tokens = sentence.tokens
    if sentence.low_set & _GRANTS and _granted(sentence):
        return None
    if sentence.low_set & _SCHEMA_NOUNS:
        for index, low in enumerate(sentence.lows):
            if (
                low in _SCHEMA_NOUNS
                and not _in_slot(sentence, index)
                and _noun_hit(sentence, index)
            ):
                return _span(sentence, index)
    pair = _typed_pair(sentence)
    if pair is not None:
        return pair
    paren = _type_in_parentheses(sentence)
    if paren is not None:
        first = tokens[max(0, paren - 1)]
        close = next((t for t in tokens[paren:] if t.low == ")"), tokens[paren])
        return first.start, close.end
    return None


def _span(sentence: _Sentence, index: int) -> tuple[int, int]:
    """From the structure verb (if it is close) to the noun: "add a discount column"."""
    tokens = sentence.tokens
    first = index
    for back in range(index - 1, max(-1, index - _WINDOW - 1), -1):
        if tokens[back].low in STRUCTURE_VERBS:
            first = back
            break
    return tokens[first].start, tokens[index].end


# -- code blocks ---------------------------------------------------------------------------
_SQL_TYPES = (
    r"varchar|nvarchar|char|int|integer|bigint|smallint|tinyint|serial|bigserial|uuid|decimal|"
    r"numeric|boolean|bool|timestamp|timestamptz|datetime|text|float|double|date|json|jsonb|"
    r"blob|money|bytea"
)
# What makes a code block database design: SQL statements, keys, ORM model declarations.
_CODE_EVIDENCE = lazy(
    r"(?im)(?P<ddl>\b(?:create|alter|drop)\s+(?:table|(?:unique\s+)?index|view|schema|type|"
    r"sequence)\b)"
    r"|(?P<insert>\binsert\s+into\b)"
    r"|(?P<select>^\s*select\b[^;]{1,400}?\bfrom\s+[\w.\"`\[]+)"
    r"|(?P<update>^\s*update\s+[\w.\"`]+\s+set\b|^\s*delete\s+from\b)"
    r"|(?P<key>\bprimary\s+key\b|\bforeign\s+key\b|\breferences\s+[\w.\"`]+\s*\(|"
    r"\bauto_increment\b|\bnot\s+null\b)"
    r"|(?P<orm>\bmodels\.\w+Field\(|@(?:Entity|Table|Column|PrimaryGeneratedColumn|ManyToOne|"
    r"OneToMany|ManyToMany)\b|\bnew\s+(?:mongoose\.)?Schema\s*\(|^\s*model\s+[A-Z]\w*\s*\{|"
    r"^\s*Table\s+\w+\s*\{|\bdb\.Column\(|\bColumn\(\s*(?:Integer|String|DateTime|Boolean|"
    r"Numeric|ForeignKey))"
)
_COLUMN_LINE = lazy(
    rf"(?im)^[\s|*+-]*[`\"]?[A-Za-z_]\w*[`\"]?\s*[:|,-]?\s+(?:{_SQL_TYPES})\b(?:\s*\(\d+(?:,\s*\d+)?\))?"
)
_EVIDENCE_NAMES = {
    "ddl": None,  # the statement itself, upper-cased: "CREATE TABLE"
    "insert": "INSERT INTO",
    "select": "SELECT ... FROM",
    "update": None,
    "key": None,
    "orm": "an ORM model",
}


def code_evidence(text: str) -> str | None:
    """What shows a code block is database design ("CREATE TABLE", "SELECT ... FROM",
    "a column list"), or None when it is other code."""
    match = _CODE_EVIDENCE.search(text)
    if match is not None and match.lastgroup is not None:
        name = _EVIDENCE_NAMES[match.lastgroup]
        if name is not None:
            return name
        return " ".join(match.group().split()[:2]).upper().rstrip("(")
    if sum(1 for _ in zip(range(2), _COLUMN_LINE.finditer(text), strict=False)) >= 2:
        return "a column list"
    return None


def select_only(evidence: str) -> bool:
    """A query alone (no DDL, keys or columns) can be the user's own language: an analyst
    who writes SQL in the product."""
    return evidence == "SELECT ... FROM"
