"""database-detail: tables, columns, keys, SQL, migrations, data types, object-model changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prdlint.checks import check
from prdlint.checks._gate import GatedPatterns
from prdlint.checks._lazy import lazy
from prdlint.checks._schema import code_evidence, schema_spans, select_only
from prdlint.checks._text import (
    in_design_document,
    is_technical_persona,
    users_own_technology,
    written_regions,
)
from prdlint.model import Hit, Item, Part
from prdlint.rule import Context

_NAME = r"(?:`[^`]{1,40}`|\"[^\"]{1,40}\"|'[^']{1,40}'|[A-Za-z_][\w.]*)"
_SCHEMA_THING = (
    r"(?:column|table|index|foreign\s+key|primary\s+key|schema|field|attribute|property)"
)
_PATTERNS = [
    # SQL statements (upper case for the verbs that are also English words)
    r"\b(?:SELECT\s+[\w*,\s.`]+?\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\b",
    r"(?i:\b(?:create|alter|drop|truncate)\s+(?:table|index|schema|view)\b)",
    r"(?i:\b(?:inner|left|right|outer)\s+join\b)",
    # "the `orders` table", "a users table", "table `orders`"
    r"(?i:\b(?:the|a|an|new|our|into|from|in)\s+`[^`]{1,40}`\s+tables?\b)",
    r"(?i:\btables?\s+(?:called|named)\s+\S+)",
    rf"(?i:\b(?:column|field|attribute)s?\s+(?:to|in|on|of|from|into)\s+(?:the\s+)?{_NAME}\s+"
    r"(?:table|model|entity|schema|collection)s?\b)",
    rf"(?i:\b(?:add|adding|create|creating|drop|dropping|rename|renaming|alter|altering|new)\s+"
    rf"(?:a|an|the|new)?\s*(?:{_NAME}\s+)?(?:db\s+table|database\s+table|foreign\s+key|"
    r"primary\s+key|join\s+table|lookup\s+table|db\s+index|database\s+index)s?\b)",
    # a column whose default is dictated: "a default alumni column set to false"
    r"(?i:\bdefault\s+(?:\w+\s+)?column\b|\bcolumns?\s+(?:\w+\s+)?(?:set|defaults?)\s+to\b)",
    # the database products themselves, and "the database" as the thing to work on
    r"(?i:\b(?:MySQL|PostgreSQL|Postgres|PostGreSQL|MongoDB|Mongo|SQLite|MariaDB|NoSQL|Firestore|"
    r"DynamoDB|Cassandra|CouchDB|Neo4j|Oracle\s+database|SQL\s+Server)\b)",
    # more database products (DB-Engines' ranking); English words among them only as
    # written ("Snowflake", not "a snowflake")
    r"(?i:\b(?:MSSQL|Db2|Cosmos\s?DB|Azure\s+SQL|Amazon\s+RDS|Amazon\s+Aurora|Aurora\s+"
    r"(?:MySQL|PostgreSQL|Serverless)|BigQuery|Redshift|ClickHouse|CockroachDB|Couchbase|"
    r"InfluxDB|TimescaleDB|IndexedDB|RavenDB|ArangoDB|HBase|Bigtable|Cloud\s+Spanner|ScyllaDB|"
    r"DuckDB|Teradata|HSQLDB|RethinkDB|FaunaDB|SurrealDB|LevelDB|RocksDB|OrientDB|JanusGraph|"
    r"SAP\s+HANA|Sybase|Informix|Vertica|Greenplum|YugabyteDB|TiDB|DocumentDB|Cloud\s+SQL|"
    r"PouchDB|LiteDB|Realtime\s+Database|PlanetScale|Neon\s+Postgres|CosmosDB)\b)",
    r"\b(?:Snowflake|Firebird|FileMaker)\b",
    r"(?i:\b(?:clean\s*up|cleanup|purge|initiali[sz]e[ds]?|seed(?:ed)?|connect(?:ion)?|"
    r"migrat\w*|query|queries|backed|persist\w*|delet\w*|remov\w*|fetch\w*|read\w*|"
    r"retriev\w*|pull\w*|load\w*)\s+(?:\w+\s+){0,3}?(?:of|in|to|from|with)?\s*"
    r"(?:the|a|our)\s+(?:\w+\s+)?(?:database|db)\b|\bdatabase[\s-]backed\b)",
    # "connect database with the server", "query database": plumbing verbs need no article
    r"(?i:\b(?:connect\w*|seed\w*|migrat\w*|quer(?:y|ies|ying)|persist\w*|initiali[sz]\w*)\s+"
    r"(?:to\s+|with\s+|into\s+)?(?:\w+\s+)?(?:database|db)\b(?![\s-]+(?:of|for|that|which)\b))",
    r"(?i:\b(?:update|alter|populate|modify|truncate)\s+the\s+(?:\w+\s+){0,3}?table\b)",
    r"(?i:\b\w+\s+table\s+(?:must|should|needs?\s+to|has\s+to)\s+(?:\w+\s+){0,2}columns?\b)",
    r"(?i:\brow[\s-]?(?:level\s+)?lock(?:ing|s)?\b|\bsoft[\s-]deleted?\b)",
    # object-model classes: "the backend AppUser model", "`Volunteer` model", "register models"
    r"(?i:\b(?:backend|domain|django|orm|entity|db|database)\s+(?:`?\w+`?\s+)?models?\b)",
    r"`\w+`\s+model\b|\b(?i:register)\s+(?i:the\s+)?(?i:models?)\b",
    r"(?i:\b(?:models?|tables?|columns?|fields?)\s+(?:to\s+be\s+|are\s+|is\s+)?indexed\b)",
    # field lengths and code-style field names: "maximum length allowed for X", `a.b`, `snake_case`
    r"(?i:\b(?:max(?:imum)?|min(?:imum)?)\s+(?:field\s+|character\s+|string\s+)?length\b)",
    r"`[A-Za-z_]\w*\.(?!(?:ya?ml|json|md|py|js|ts|txt|csv|toml|xml|html?|cfg|ini|sh|lock)`)"
    r"\w[\w ]*`"
    r"|`[a-z]+(?:_[a-z]+)+`",
    r"(?i:\b(?:database|db|sql|lookup|join|junction|staging)\s+"
    r"(?:tables?|columns?|schemas?|index(?:es)?|migrations?|queries|query|rows?|records?|fields?|triggers?)\b)",
    r"(?i:\b(?:primary|foreign|composite|unique)\s+keys?\b)",
    # relations, constraints and enums of the schema
    r"(?i:\b(?:many|one)[\s-]to[\s-](?:many|one)\s+(?:relationship|relation|association|join|"
    r"link|mapping)s?\b)",
    r"(?i:\b(?:unique(?:ness)?|check|not[\s-]null|foreign[\s-]key|db|database)\s+constraints?\b|"
    r"\b(?:add|adding|create|creating|new)\s+(?:a\s+|an\s+)?constraints?\s+on\b)",
    r"(?i:\b(?:add|adding|create|creating|new)\s+(?:a\s+|an\s+)?(?:\w+\s+)?enum\b)",
    r"(?i:\bde[\s-]?normali[sz](?:e|es|ed|ing|ation)\b)",
    r"\b(?:DDL|DAO|DAOs)\b",
    r"(?i:\b(?:schema|database|db)\s+migrations?\b|\bmigration\s+scripts?\b)",
    r"(?i:\bmigrate\s+the\s+(?:database|db|schema|tables?)\b)",
    r"(?i:\b(?:varchar|nvarchar|bigint|smallint|tinyint|int\(\d+\)|char\(\d+\)|decimal\(\d+|"
    r"auto[_-]?increment|nullable|not\s+null)\b)",
    r"(?i:\b(?:ORM|object[-\s]relational\s+mapp(?:ing|er)|entity\s+class(?:es)?|model\s+class(?:es)?|"
    r"object\s+model|data\s+model|class\s+diagram|ER\s+diagram|entity[-\s]relationship)\b)",
    r"(?i:\b(?:relational|sql|nosql|document)\s+databases?\b)",
    r"(?i:\b(?:store|stored|storing|save|saved|saving|persist|persisted|persisting|insert|inserted|"
    r"write|written|writing|put|load|loaded|keep|kept)\b[^.;\n]{0,40}?\b(?:in|into|to)\s+"
    r"(?:the|a|our|its|their)\s+(?:\w+\s+)?(?:database|db|datastore|data\s+store)\b)",
    # "save preferences in DB", "already in the database", "move data to an online database"
    r"(?i:\b(?:in|into|from|to)\s+(?:the\s+|our\s+|an?\s+)?(?:\w+\s+)?(?:database|db)\b(?![\s-]+"
    r"(?:of|for|with|that|which|where)\b))",
    r"(?i:\b(?:add|adding|new|extra)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:field|attribute|property)\s+"
    rf"(?:to|on)\s+(?:the\s+)?{_NAME}\s+(?:model|class|entity|object|schema|record\s+type)\b)",
]
DATABASE_DETAIL = lazy("|".join(f"(?:{p})" for p in _PATTERNS))
# The words each pattern above cannot match without (word starts, lower case): only the
# patterns whose words a text holds run on it. tests/test_database_detail.py checks that
# the gated patterns find what DATABASE_DETAIL finds.
_ANCHORS: list[str | None] = [
    "select insert update delete",
    "table index schema view",
    "join",
    "table",
    "table",
    "column field attribute",
    "table key index",
    "default column",
    "mysql postg mongo sqlite mariadb nosql firestore dynamodb cassandra couchdb neo4j oracle sql",
    "mssql db2 cosmos azure amazon aurora bigquery redshift clickhouse cockroachdb couchbase "
    "influxdb timescaledb indexeddb ravendb arangodb hbase bigtable cloud scylladb duckdb "
    "teradata hsqldb rethinkdb faunadb surrealdb leveldb rocksdb orientdb janusgraph sap "
    "sybase informix vertica greenplum yugabytedb tidb documentdb pouchdb litedb realtime "
    "planetscale neon",
    "snowflake firebird filemaker",
    "database db",
    "database db",
    "table",
    "table",
    "row soft",
    "model",
    "model",
    "indexed",
    "length",
    None,  # `code`: a literal backtick starts it, which `re` finds fast
    "database db sql lookup join junction staging",
    "key",
    "relation association join link mapping",
    "constraint",
    "enum",
    "denormali normali",
    "ddl dao daos",
    "migration",
    "migrate",
    "varchar nvarchar bigint smallint tinyint int char decimal auto nullable null",
    "orm object entit model class diagram",
    "database",
    "database db datastore store",
    "database db",
    "model class entit object schema record",
]
GATED = GatedPatterns(list(zip(_ANCHORS, _PATTERNS, strict=True)))


@check("database-detail")
def database_detail(item: Item, ctx: Context) -> Iterator[Hit]:
    if in_design_document(item, ctx):
        return
    for part, start, end in written_regions(item):
        for at, to in reported_spans(part, start, end, ctx.is_allowed):
            yield Hit(part, at, to)
    yield from _code_blocks(item, ctx)


def reported_spans(
    part: Part,
    start: int = 0,
    end: int | None = None,
    allowed: Callable[[str], bool] | None = None,
) -> list[tuple[int, int]]:
    """The spans of `part` this rule reports (one per line: the line is what the author
    rewrites), without the user's own technology. Public so that another rule can leave a
    span to this one (a database product is database detail, not a second finding).
    `allowed` says which matched texts the user allows (default: none)."""
    stop = len(part.text) if end is None else end
    lines: set[int] = set()
    spans = []
    for at, to in _spans(part.text, start, stop):
        if (allowed is not None and allowed(part.text[at:to])) or users_own_technology(
            part.text, start, at, to
        ):
            continue
        line = part.position(at)[0]
        if line not in lines:
            lines.add(line)
            spans.append((at, to))
    return spans


_CODE_MESSAGE = "dictates the data model ({} in a code block); say what the user needs to see or do"


def _code_blocks(item: Item, ctx: Context) -> Iterator[Hit]:
    """A code block with SQL or a schema is database design handed down: one finding per
    block, on its first line."""
    for part in item.parts_of("code"):
        evidence = code_evidence(part.text)
        if evidence is None or ctx.is_allowed(evidence):
            continue
        if select_only(evidence) and is_technical_persona(item):
            continue
        start = len(part.text) - len(part.text.lstrip())
        end = part.text.find("\n", start)
        yield Hit(part, start, end if end != -1 else len(part.text), _CODE_MESSAGE.format(evidence))


def first_on_line(text: str, line_start: int) -> tuple[int, int] | None:
    """The span this rule reports on the line of `text` starting at `line_start` (its first
    data-model detail that is not the user's own technology), or None."""
    line_end = text.find("\n", line_start)
    for at, to in _spans(text, line_start, len(text) if line_end == -1 else line_end):
        if not users_own_technology(text, 0, at, to):
            return at, to
    return None


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The named patterns and the plain-words schema work, in text order."""
    found = GATED.spans(text, start, end)
    found.extend(schema_spans(text, start, end))
    return sorted(found)
