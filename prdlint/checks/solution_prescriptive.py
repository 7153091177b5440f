"""solution-prescriptive: the story names the technology or component to build it with."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import is_technical_persona, regions, word_pattern
from prdlint.model import Hit, Item
from prdlint.rule import Context

# Technology a team chooses for the build. The user's own tools and formats (CSV, Excel,
# JSON, PDF, RSS, Slack, Google Calendar...) are deliberately absent.
TECHNOLOGIES = """
Redis, Memcached, Kafka, RabbitMQ, ActiveMQ, ZeroMQ, Amazon SQS, AWS SQS, Kinesis, Amazon S3,
AWS S3, S3 bucket, DynamoDB, AWS Lambda, lambda function, EC2, CloudFront, CloudWatch,
Azure Functions, Cosmos DB, BigQuery, Firebase, Firestore, Supabase, Heroku, Vercel, Netlify,
Docker, Kubernetes, k8s, Terraform, Ansible, Nginx, Elasticsearch, OpenSearch, Solr, Lucene,
Celery, Sidekiq, Airflow, Jenkins, CircleCI, React, React Native, Angular, AngularJS, Vue.js,
Svelte, jQuery, Bootstrap, Tailwind, Material UI, Redux, Next.js, Nuxt, Django, Flask, FastAPI,
Ruby on Rails, Spring Boot, Express.js, ExpressJS, Node.js, NodeJS, Laravel, Symfony, ASP.NET,
Hibernate, SQLAlchemy, Mongoose, Prisma, Sequelize, GraphQL, gRPC, Protobuf, WebSocket,
WebSockets, web sockets, Socket.IO, SignalR, iframe, iframes, AJAX, JWT, Hadoop, Apache Spark,
TensorFlow, PyTorch, scikit-learn, Keras, pandas, NumPy, OpenCV, Selenium, Puppeteer, MySQL,
PostgreSQL, Postgres, MongoDB, MariaDB, SQLite, Cassandra, CouchDB, Neo4j, Oracle database,
SQL Server, Twilio, SendGrid, Mailgun, Auth0, Cognito, Flutter, Xamarin, Cordova, Webpack,
TypeScript, microservice, microservices, message queue, message broker, event bus,
service worker, load balancer, reverse proxy, cron job, cronjob, serverless function,
stored procedure, database trigger, webhook handler,
background job, background worker, job queue, memoization, LRU cache, in-memory cache,
cache layer, caching layer, localStorage, sessionStorage, local storage, IndexedDB
"""
_TECH_WORDS = [w.strip() for w in TECHNOLOGIES.replace("\n", " ").split(",") if w.strip()]
# Names that are also ordinary words ("react to", "a flask", "celery") match only as written.
_CASE_SENSITIVE = {
    "React", "React Native", "Angular", "Flask", "Bootstrap", "Celery", "Jenkins", "Airflow",
    "Prisma", "Puppeteer", "Selenium", "Cassandra", "pandas", "Keras", "Svelte", "Nuxt",
}  # fmt: skip
_TECH = re.compile(
    f"{word_pattern(w for w in _TECH_WORDS if w not in _CASE_SENSITIVE).pattern}"
    f"|(?-i:{word_pattern(_CASE_SENSITIVE, 0).pattern})",
    re.IGNORECASE,
)
# Grammar that hands the team a build step: "use X to", "implement a caching layer".
_BUILD_STEP = re.compile(
    r"\b(?:implement|build|create|write|add|set\s+up|introduce|develop)\s+(?:a|an|the|new)?\s*"
    r"(?:\w+\s+)?(?:cach(?:e|ing)\s+layer|cache|microservice|background\s+job|cron\s+job|"
    r"worker|queue|webhook|lambda|stored\s+procedure|trigger|singleton|factory|controller|"
    r"middleware|endpoint|api\s+route|helper\s+class|base\s+class|abstract\s+class|interface\s+class)\b",
    re.IGNORECASE,
)
_HTTP_ENDPOINT = re.compile(
    r"\b(?:GET|POST|PUT|PATCH|DELETE)\s+/[\w/{}:.-]*|(?<!\w)/api/[\w/{}:.-]+"
    r"|(?i:\b(?:REST|RESTful|HTTP|API)\s+(?:endpoints?|routes?)\b)"
)
_CACHE = re.compile(r"\b(?:cache[ds]?|caching)\b(?!\s+(?:is|are)\s+cleared)", re.IGNORECASE)


@check("solution-prescriptive")
def solution_prescriptive(item: Item, ctx: Context) -> Iterator[Hit]:
    technical_user = is_technical_persona(item)
    for part, start, end in regions(item):
        text = part.text
        for match in _TECH.finditer(text, start, end):
            if not ctx.is_allowed(match.group()):
                yield Hit(part, match.start(), match.end())
        if technical_user:
            continue  # for developers an endpoint or a cache can be the product itself
        for pattern in (_BUILD_STEP, _HTTP_ENDPOINT, _CACHE):
            for match in pattern.finditer(text, start, end):
                if not _TECH.search(match.group()) and not ctx.is_allowed(match.group()):
                    yield Hit(part, match.start(), match.end())
