"""solution-prescriptive: the story names the technology or component to build it with."""

from __future__ import annotations

import re
from collections.abc import Iterator

from prdlint.checks import check
from prdlint.checks._text import (
    in_design_document,
    is_technical_persona,
    regions,
    users_own_technology,
    word_pattern,
)
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
cache layer, caching layer, localStorage, sessionStorage, local storage, IndexedDB,
Dockerize, Dockerized, Dockerise, Dockerised, containerize, containerized, containerise,
containerised, Docker container, GitHub Actions, GitLab CI, Travis CI, Keycloak, Electron, Postman,
NoSQL, Minikube, Helm chart, Cloud Run, cloudrun, App Engine, Google Cloud Functions,
Vite, Jest, Cypress, Playwright, Storybook, Gemini, ChatGPT API, OpenAI API, LangChain,
row locking, row lock, row-level locking, optimistic locking, pessimistic locking, mutex,
data loader, semantic HTML, in a container, monolith, HTML framework, CSS framework,
JavaScript framework
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
# A language or platform named as what to build with: "use Python 3.13", "written in Go".
_BUILT_WITH = re.compile(
    r"(?i:\b(?:use|using|uses|written\s+in|built\s+(?:with|in|on)|implemented\s+(?:in|with)|"
    r"switch\s+to|migrate\s+to|upgrade\s+to|instead\s+of)\s+(?:the\s+)?(?:latest\s+)?)"
    r"(?:Python|Java|JavaScript|PHP|Ruby|Golang|Rust|C#|C\+\+|Kotlin|Swift|Scala|Perl|"
    r"dotnet|\.NET(?:\s+Core)?|SWR|GPT-?\d[\w.-]*|Claude|Llama|Mistral)\b"
)
# Code-level names: classes and components ("DryRunPreviewDialog", "VolunteerUserModelView"),
# source files ("api/app/users/models.py").
_CODE_NAME = re.compile(
    r"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*(?:Dialog|Controller|Service|Manager|View|ViewModel|Handler|"
    r"Component|Class|Factory|Helper|Repository|Dao|DAO|Dto|DTO|Serializer|Middleware|Provider|"
    r"Adapter|Reducer|Util|Utils|Module|Model)\b"
    r"|(?<![\w/])(?:[\w-]+/)+[\w-]+\.(?:py|js|jsx|ts|tsx|java|rb|go|cs|php|kt|swift|vue)\b"
    r"|\b(?:the|a|an|new)\s+(?:`\w+`|[A-Z][a-z]+[A-Z]\w*)\s+class\b"
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
    r"|(?i:\b(?:REST|RESTful|HTTP|API|url)\s+(?:endpoints?|routes?)\b)"
    r"|(?i:\b(?:an?|the|new)\s+endpoints?\b)"
)
# "cached", "a cache", "caching": the team's design. "The registry caches a copy" is the
# user's wish for a copy, so the plain verb is left alone.
_CACHE = re.compile(r"\b(?:cache|cached|caching)\b(?!\s+(?:is|are)\s+cleared)", re.IGNORECASE)
_INDEXED = re.compile(
    r"(?i:\b(?:database|db)\s+index(?:es)?\b|"
    r"\b(?:models?|tables?|columns?|fields?|database|db|data)\s+(?:to\s+be\s+|are\s+|is\s+)?"
    r"indexed\b|\b(?:add|create|build)\s+(?:an?\s+)?(?:database\s+|db\s+)?index(?:es)?\s+on\b)"
)


# Everything that names the build's technology; technical-task reuses it.
BUILD_TECH = (_TECH, _BUILT_WITH, _INDEXED, _CACHE, _CODE_NAME)


@check("solution-prescriptive")
def solution_prescriptive(item: Item, ctx: Context) -> Iterator[Hit]:
    if in_design_document(item, ctx):
        return
    technical_user = is_technical_persona(item)
    for part, start, end in regions(item):
        text = part.text
        for pattern in (_TECH, _BUILT_WITH, _INDEXED):
            for match in pattern.finditer(text, start, end):
                if ctx.is_allowed(match.group()) or users_own_technology(
                    text, start, match.start(), match.end()
                ):
                    continue
                yield Hit(part, match.start(), match.end())
        if technical_user:
            continue  # for developers an endpoint or a cache can be the product itself
        for pattern in (_BUILD_STEP, _HTTP_ENDPOINT, _CACHE, _CODE_NAME):
            for match in pattern.finditer(text, start, end):
                if not _TECH.search(match.group()) and not ctx.is_allowed(match.group()):
                    yield Hit(part, match.start(), match.end())
