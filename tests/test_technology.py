"""The technology gazetteer (rules/technology/) and the solution-prescriptive rule on it:
exact findings (rule, line, column, message) through the real reader and engine."""

from __future__ import annotations

from pathlib import Path

from prdlint.builtin import rules_directory
from prdlint.checks._technology import gazetteer, mentions
from tests.helpers import brief, lint_markdown, lint_story

SOL = "solution-prescriptive"
MESSAGE = "names the solution ({}); state the user's need and leave the how to the team"


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.name.category) for m in mentions(text)]


def test_the_gazetteer_holds_thousands_of_names_in_categories() -> None:
    files = {p.stem for p in (rules_directory() / "technology").glob("*.txt")}
    assert files >= {
        "databases", "cloud", "frameworks", "protocols", "languages", "libraries",
        "crypto", "algorithms", "hardware", "mechanisms",
    }  # fmt: skip
    assert sum(len(names) for names in gazetteer().values()) > 5000


def test_every_gazetteer_file_says_how_it_was_built() -> None:
    for path in (rules_directory() / "technology").glob("*.txt"):
        assert path.read_text(encoding="utf-8").startswith("#"), path.name


def test_multi_word_names_match_across_spaces_and_hyphens_but_not_punctuation() -> None:
    assert _found("live scores over web sockets") == [("web sockets", "protocols")]
    assert _found("live scores over web-sockets") == [("web-sockets", "protocols")]
    assert _found("a Spring Boot app") == [("Spring Boot", "frameworks")]
    assert _found("it hides in the Cloud. Run it") == []


def test_names_that_are_english_words_match_only_as_written() -> None:
    assert _found("the Cloud Run service") == [("Cloud Run", "cloud")]
    assert _found("a cloud run of the tests") == []


def test_everyday_words_need_a_build_cue() -> None:
    assert _found("Sign up for the Spring sale") == []
    assert _found("Ride the Rails across Europe") == []
    assert _found("Rebuild the admin using Rails") == [("Rails", "frameworks")]
    assert _found("Stripe Mode for dark themes") == []
    assert _found("add Stripe payments to the shop") == [("Stripe", "cloud")]
    assert _found("a React frontend") == [("React", "frameworks")]


def test_languages_need_a_build_cue() -> None:
    assert _found("go to the Swift page") == []
    assert _found("the importer is written in Go") == [("Go", "languages")]
    assert _found("a Python script that renames files") == [("Python", "languages")]


def test_a_proper_noun_name_matches_in_lower_case() -> None:
    assert _found("persist changes in the mongodb") == [("mongodb", "databases")]
    assert _found("sign up with firebase authentication") == [("firebase", "cloud")]


def test_a_name_with_a_suffix_or_possessive_is_found_by_its_head() -> None:
    assert _found("a Redis-backed queue") == [("Redis", "databases")]
    assert _found("route it with Dijkstra's algorithm") == [("Dijkstra's algorithm", "algorithms")]


def test_solution_prescriptive_finds_technology_beyond_the_old_word_list() -> None:
    text = (
        "As a shopper, I want deals pushed to me over a socket connection.\n"
        "As a member, I want my password hashed with Argon2 so that it is safe.\n"
        "As a reader, I want a recommendation algorithm to pick my next book.\n"
        "As an owner, I want the site deployed on Fly.io so that it is always up.\n"
        "As a runner, I want the tracker built on an ESP32 board.\n"
    )
    assert [
        (f.rule, f.location.line, f.location.column, f.message) for f in lint_story(text, SOL)
    ] == [
        (SOL, 1, 48, MESSAGE.format("socket connection")),
        (SOL, 2, 45, MESSAGE.format("Argon2")),
        (SOL, 3, 23, MESSAGE.format("recommendation algorithm")),
        (SOL, 4, 42, MESSAGE.format("Fly.io")),
        (SOL, 5, 45, MESSAGE.format("ESP32")),
    ]


def test_solution_prescriptive_finds_code_identifiers() -> None:
    text = (
        "As a shopper, I want Cart.applyCoupon() to accept expired codes.\n"
        "As a user, I want src/app/Profile.vue to show my avatar.\n"
        "As a user, I want a window.confirm() before a list is deleted.\n"
        "As a user, I want getUserById to return my nickname.\n"
    )
    assert brief(lint_story(text, SOL)) == [
        (SOL, 1, 22, "Cart.applyCoupon()"),
        (SOL, 2, 19, "src/app/Profile.vue"),
        (SOL, 3, 21, "window.confirm()"),
        (SOL, 4, 19, "getUserById"),
    ]


def test_solution_prescriptive_finds_sign_in_delegated_to_an_identity_provider() -> None:
    text = (
        "As a member, I want to sign up via GitHub or Google, so that I need no new password.\n"
        "As a clinician, I want to log in through Okta.\n"
    )
    assert brief(lint_story(text, SOL)) == [(SOL, 2, 42, "Okta")]  # social sign-in is the user's


def test_the_users_own_tools_and_formats_are_not_flagged() -> None:
    text = (
        "As an accountant, I want to export my invoices as CSV, so that Excel opens them.\n"
        "As a listener, I want an RSS feed of new episodes, so that my podcast app finds them.\n"
        "As a data analyst, I want to query the results from Python, so that I can use my notebooks.\n"
        "As an integrator, I want a GraphQL API, so that our app fetches only what it needs.\n"
        "As a user, I want to sign in with my email address.\n"
        "I would like JupyterLab to be aware of my datasets.\n"
        "The system must sign users in [NEEDS CLARIFICATION: email, SSO or OAuth?]\n"
        "As a researcher, I want to import and export from MS-SQL.\n"
        "As a seller, I want to connect my Stripe account, so that payouts reach me.\n"
    )
    assert brief(lint_story(text, SOL)) == []


def test_one_word_gives_one_finding() -> None:
    text = "As a shopper, I want prices cached in Redis, so that pages load quickly.\n"
    assert brief(lint_story(text, SOL)) == [(SOL, 1, 39, "Redis")]  # not "cached" too


def test_a_database_product_is_left_to_database_detail_when_it_runs() -> None:
    text = "As an owner, I want all profile data kept in PostgreSQL.\n"
    both = lint_story(text, SOL, "database-detail")
    assert brief(both) == [("database-detail", 1, 46, "PostgreSQL")]
    assert brief(lint_story(text, SOL)) == [(SOL, 1, 46, "PostgreSQL")]


def test_a_database_product_beside_other_data_model_detail_is_named_by_both_rules() -> None:
    text = "I want the undo path stored in a SQLite database table.\n"
    assert brief(lint_story(text, SOL, "database-detail")) == [
        ("database-detail", 1, 22, "stored in a SQLite database"),
        (SOL, 1, 34, "SQLite"),
    ]


def test_sections_that_record_technical_constraints_are_exempt() -> None:
    text = (
        "# Checkout\n\n"
        "## Requirements\n\n"
        "- The checkout must cache prices in Redis.\n\n"
        "## Technical assumptions\n\n"
        "- The backend is a Django app on Heroku.\n\n"
        "## Tech stack\n\n"
        "- Next.js, Tailwind and Supabase.\n\n"
        "## Architecture\n\n"
        "- Events go through Kafka.\n"
    )
    assert brief(lint_markdown(text, SOL)) == [(SOL, 5, 37, "Redis")]


def test_gazetteer_files_ship_inside_the_rules_folder() -> None:
    # rules/ is force-included in the wheel as prdlint/_rules: the data ships with it
    assert (Path(__file__).parents[1] / "rules" / "technology" / "libraries.txt").is_file()


# -- technical-task ---------------------------------------------------------------------

TT = "technical-task"
TT_MESSAGE = (
    "is a technical task ({}), not a user story; track it as a task or tie it to a user outcome"
)


def test_technical_task_finds_team_chores_in_plain_words() -> None:
    text = (
        "Set up a build pipeline\n"
        "Configure nightly deploys\n"
        "Write end-to-end tests for checkout\n"
        "Persistence layer (entities, migrations, seed data)\n"
        "Profiling of the raw event data\n"
        "Move config files under /etc/app\n"
        "Add CI for the mobile app\n"
        "Schedule nightly backups\n"
    )
    assert [
        (f.rule, f.location.line, f.location.column, f.message) for f in lint_story(text, TT)
    ] == [
        (TT, 1, 1, TT_MESSAGE.format("Set up a build pipeline")),
        (TT, 2, 1, TT_MESSAGE.format("Configure nightly deploys")),
        (TT, 3, 1, TT_MESSAGE.format("Write end-to-end tests for")),
        (TT, 4, 1, TT_MESSAGE.format("Persistence layer")),
        (TT, 5, 1, TT_MESSAGE.format("Profiling")),
        (TT, 6, 1, TT_MESSAGE.format("Move config files")),
        (TT, 7, 1, TT_MESSAGE.format("Add CI")),
        (TT, 8, 1, TT_MESSAGE.format("Schedule nightly backups")),
    ]


def test_technical_task_finds_a_technology_taken_up_with_nobody_speaking() -> None:
    text = "I want to use React 18 and dotnet core 8.0 for the front and backend.\n"
    assert brief(lint_story(text, TT)) == [(TT, 1, 11, "use React")]  # PRD101 names "React"


def test_technical_task_leaves_user_behaviour_and_customers_who_develop() -> None:
    text = (
        "Add a discount code to the checkout\n"
        "Move books to the library shelf\n"
        "Add logging of failed sign-ins to the admin audit page\n"
        "As a shopper, I want to see my order history\n"
        "As a developer using our API, I want to write integration tests against a sandbox\n"
        "Implement real-time notifications via WebSocket\n"
        "Sign Up Page - I want to use firebase authentication to enable users sign up.\n"
    )
    assert brief(lint_story(text, TT)) == []


def test_technical_task_skips_sections_that_record_technical_constraints() -> None:
    text = (
        "# Shop\n\n"
        "## Requirements\n\n"
        "- Set up a build pipeline.\n\n"
        "## Technical assumptions\n\n"
        "- Write unit tests for every service.\n"
    )
    assert brief(lint_markdown(text, TT)) == [(TT, 5, 3, "Set up a build pipeline")]


def test_a_chore_and_the_technology_it_takes_up_are_reported_at_different_words() -> None:
    text = "Setup SendGrid to send emails\n"
    assert brief(lint_story(text, SOL, TT)) == [
        (TT, 1, 1, "Setup SendGrid"),
        (SOL, 1, 7, "SendGrid"),
    ]


def test_a_team_role_asking_for_a_technology_is_reported_from_the_speaker_on() -> None:
    text = "As a DevOps engineer, I want New Relic to watch every service.\n"
    assert brief(lint_story(text, SOL, TT)) == [
        (TT, 1, 1, "As a DevOps engineer, I want New Relic"),
        (SOL, 1, 30, "New Relic"),
    ]


def test_managed_services_are_named_by_kind_too() -> None:
    assert _found("Host it on a backend-as-a-service") == [("backend-as-a-service", "mechanisms")]
    assert _found("errors go to a monitoring SaaS") == [("monitoring SaaS", "mechanisms")]


def test_a_story_whose_beneficiary_is_a_part_of_the_system_is_a_technical_task() -> None:
    text = (
        "As a user, I want an endpoint to fetch all reviews so that the frontend can show them.\n"
        "As a staff member, I want quick answers to support issues, so that service can proceed.\n"
    )
    assert brief(lint_story(text, TT)) == [(TT, 1, 19, "an endpoint to fetch all reviews")]


def test_an_epic_that_builds_infrastructure_is_not_a_constraints_section() -> None:
    text = (
        "# Shop\n\n"
        "## Epic 1: Foundation & Core Infrastructure\n\n"
        "- The system implements caching in Redis.\n\n"
        "## 2. Technical Requirements\n\n"
        "- Events go through Kafka.\n"
    )
    assert brief(lint_markdown(text, SOL)) == [(SOL, 5, 36, "Redis")]


def test_a_technology_in_the_reason_is_context_not_a_prescription() -> None:
    text = (
        "As a participant, I want a short questionnaire, so that the recommender system can suggest events.\n"
        "Integrate SendGrid for the email notifications\n"
    )
    assert brief(lint_story(text, SOL)) == [(SOL, 2, 11, "SendGrid")]


def test_database_work_ordered_to_the_team_is_reported_from_the_order_on() -> None:
    text = "Update database tables to hold friends and listening statistics\n"
    assert brief(lint_story(text, TT, "database-detail")) == [
        (TT, 1, 1, "Update database tables"),
        ("database-detail", 1, 8, "database tables"),
    ]


def test_a_name_led_by_a_camel_case_brand_matches_in_any_case() -> None:
    assert _found("Create GitHub actions for CI") == [("GitHub actions", "cloud")]
    assert _found("set up github actions") == [("github actions", "cloud")]
    assert _found("the car's CAN bus") == [("CAN bus", "protocols")]
    assert _found("you can bus the tables") == []  # an acronym-led name keeps its case


def test_technical_task_finds_pipelines_set_up_and_a_bare_tool() -> None:
    text = (
        "[BACKEND] Create GitHub actions for CI/CD pipeline\n"
        "Initial Repository Structure & Base Setup\n"
        "As a developer, setup the environment for backend and frontend and integrate them\n"
        "GitHub Actions\n"
    )
    assert brief(lint_story(text, TT)) == [
        (TT, 1, 37, "CI/CD pipeline"),
        (TT, 2, 1, "Initial Repository Structure"),
        (TT, 3, 17, "setup the environment for backend"),
        (TT, 4, 1, "GitHub Actions"),
    ]


def test_a_tester_checking_behaviour_is_test_work() -> None:
    text = (
        "As a tester, I want to ensure all public details appear on a profile.\n"
        "As a QA engineer, I want to verify that refunds reach the customer's card.\n"
        "As a tester, I want a dark mode so that long sessions tire my eyes less.\n"
        "As a shopper, I want to check my order status.\n"
    )
    assert brief(lint_story(text, TT)) == [
        (TT, 1, 1, "As a tester, I want to ensure"),
        (TT, 2, 1, "As a QA engineer, I want to verify"),
    ]


def test_integrating_a_managed_service_names_the_solution() -> None:
    text = (
        "Set up integration with Stripe or PayPal.\n"
        "As a shop owner, I want to integrate with my Stripe account.\n"
        "As a planner, I want to integrate with Google Calendar.\n"
    )
    assert brief(lint_story(text, SOL)) == [(SOL, 1, 25, "Stripe")]


def test_a_managed_service_in_lower_case_counts_as_the_bare_object_of_a_set_up_verb() -> None:
    assert _found("Integrate stripe") == [("stripe", "cloud")]
    assert _found("set up sentry for the API") == [("sentry", "cloud")]
    assert _found("install a stripe on the flag") == []
    assert _found("the sentry keeps watch") == []


def test_sign_in_delegated_to_a_named_identity_provider_names_the_solution() -> None:
    text = (
        "The system must not store passwords; credential checks are delegated to the "
        "external identity provider (Google).\n"
        "As a reader, I want to sign in with Google, so that I need no new password.\n"
    )
    assert brief(lint_story(text, SOL)) == [(SOL, 1, 105, "Google")]


def test_a_framework_in_lower_case_counts_as_the_bare_object_of_a_set_up_verb() -> None:
    assert _found("Integrate bootstrap (Improve UI)") == [("bootstrap", "frameworks")]
    assert _found("Integrate react-router & add sign-in page") == [("react", "frameworks")]
    # a lower-case name that modifies a noun is the everyday word
    assert _found("Set up parcel lockers at the depot") == []
    assert _found("Integrate spring cleaning reminders") == []


def test_an_infinitive_that_is_the_request_is_not_its_reason() -> None:
    text = (
        "As a user I want to keep my notes in local storage so that they survive a reload.\n"
        "Save my compass. The user should be able to save it and reopen it. All data persists "
        "using Local Storage.\n"
        "Show the totals, to keep costs visible with Redis in mind\n"
    )
    assert brief(lint_story(text, SOL)) == [
        (SOL, 1, 38, "local storage"),
        (SOL, 2, 92, "Local Storage"),
    ]


def test_code_units_named_as_the_thing_to_build() -> None:
    text = (
        "Create RegistrationForm with email/password inputs\n"
        "Create Navigation component\n"
        "As a reader, I want a page for each chapter, so that I can find it.\n"
    )
    findings = lint_story(text, SOL)
    assert brief(findings) == [
        (SOL, 1, 8, "RegistrationForm"),
        (SOL, 2, 1, "Create Navigation component"),
    ]
    assert findings[0].message == MESSAGE.format("RegistrationForm")


def test_the_wire_protocol_and_code_classes_of_the_teams_own_api() -> None:
    text = (
        "WHEN a warband is created THEN the Frontend SHALL send HTTP POST requests to the backend\n"
        "The Frontend SHALL NOT import backend service classes\n"
        "Open Graph meta tags for link previews\n"
        "Optimized for social media dimensions (1200x630 for Open Graph)\n"
        "As a user, I want to post a message to the group.\n"
        "As a traveller, I want to book a business class seat.\n"
    )
    assert brief(lint_story(text, SOL)) == [
        (SOL, 1, 56, "HTTP POST requests"),
        (SOL, 2, 39, "service classes"),
        (SOL, 3, 1, "Open Graph meta tags"),
    ]


def test_server_plumbing_and_code_constructs_are_build_mechanisms() -> None:
    assert _found("get rid of redundant try-catch using middleware") == [
        ("try-catch", "mechanisms"),
        ("middleware", "mechanisms"),
    ]
    assert _found("add a health check endpoint for the monitor") == [
        ("health check endpoint", "mechanisms")
    ]


def test_scheduled_jobs_health_apis_and_the_projects_dotfiles() -> None:
    text = (
        "As an admin I want a nightly job that recalculates the scores.\n"
        "Create a health api for the uptime monitor\n"
        "Add a .env file with the credentials\n"
        "As a tenant I want my environment settings kept when I move flats.\n"
    )
    assert brief(lint_story(text, SOL)) == [
        (SOL, 1, 22, "nightly job"),
        (SOL, 2, 10, "health api"),
        (SOL, 3, 7, ".env"),
    ]


def test_more_managed_services_from_the_catalogue_categories() -> None:
    assert _found("For email handling I want to integrate resend.") == [("resend", "cloud")]
    assert _found("real-time updates using Convex subscriptions") == [("Convex", "cloud")]
    assert _found("We will host it on Render") == [("Render", "cloud")]
    assert _found("I want to render the page and segment users by age") == []
    assert _found("Register for the Expo") == []


def test_connecting_a_named_framework_or_service_is_a_build_cue() -> None:
    assert _found("Connect Flutter to the backend") == [("Flutter", "frameworks")]
    assert _found("Connect Stripe for payouts") == [("Stripe", "cloud")]
    assert _found("connect spring cleaning reminders to my calendar") == []


def test_front_end_loading_techniques_are_the_how_of_a_load_time_need() -> None:
    text = (
        "As a reader, I want images lazy-loaded below the fold so that pages open fast.\n"
        "As a reader, I want pages to open within a second on 3G.\n"
    )
    assert brief(lint_story(text, SOL)) == [(SOL, 1, 28, "lazy-loaded")]


def test_a_service_named_like_a_role_is_not_the_role() -> None:
    assert _found("As a clerk, I want my orders kept, so that I can reorder.") == []
    assert _found("Sign-in handled by Clerk") == [("Clerk", "cloud")]
