"""Build the technology gazetteer in rules/technology/ (run by hand, not by tests).

    python bench/technology.py --pypi pypi.tsv --npm npm.tsv [--dict /usr/share/dict]

What it writes:
- `libraries.txt`: the most used PyPI packages (the 8,000 best ranked of the registry's
  15,000 most downloaded, column `rank_among_15000_most_downloaded`) and npm packages
  (unscoped, 5 million downloads a month or more), keeping only names nobody writes in
  ordinary prose: not an English word (Debian's wamerican and wbritish lists) nor one
  with a suffix those lists lack ("validator"), not two English words run together
  ("dropdown", "signup"), not made only of English words ("source-map"), not a generic
  computing word or a user's own format (GENERIC below),
  four characters or more.
- the case marks of every curated file (databases.txt, frameworks.txt ...): a name that is
  also an English word is marked `=` (case-exact: "Flask", not "a flask"), and `~` when its
  lower-case form is an everyday word ("Spring", "Rails"): those count only next to a build
  cue ("using Rails", "a Spring backend"), see prdlint/checks/_technology.py.
Curated files are edited by hand; this script only re-marks them (idempotent).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "rules" / "technology"
GENERATED = "libraries.txt"

# Computing words and user-facing formats, services and widgets that are not English
# dictionary words but appear in ordinary product prose ("export to JSON", "login").
_GENERIC_WORDS = """
    json yaml html http https xml csv tsv pdf url uri urls utf8 ascii oauth oauth2 sql
    ajax css smtp ssh ssl tls uuid gzip tar png jpeg jpg gif svg webp mp3 mp4 ical ics
    vcard rss markdown emoji emojis qrcode barcode captcha webhook webhooks async config
    dotenv cli gui sdk auth admin todo todos signup signin login logout username usernames
    email emails hash crypto timezone timezones datetime geoip gmail youtube facebook
    twitter instagram linkedin google microsoft amazon apple github gitlab slack discord
    telegram whatsapp zoom spotify paypal excel xlsx docx pptx odt epub svg ocr otp sms
    mms gps api apis wifi analytics dashboard chatbot blockchain bitcoin ethereum
    ecommerce multiselect sortable pagination notifications webcam wysiwyg uploader
    offline online realtime unicode internationalization i18n l10n localization
    accessibility a11y seo cookies cookie dropdown tooltip tooltips autocomplete
    datepicker colorpicker popup popups checkbox navbar sidebar carousel lightbox slider
    modal tabs accordion stepper toast browser browsers chrome firefox safari edge opera
    android iphone ipad macos linux windows ubuntu debian fedora unix posix docker nodejs
    python java golang ruby bitbucket jira confluence trello asana notion figma sketch
    miro dropbox onedrive icloud gdrive drive outlook teams skype calendly venmo zelle
    cashapp applepay googlepay klarna afterpay uber lyft airbnb netflix tiktok snapchat
    pinterest reddit wikipedia openstreetmap osm geojson kml gpx ical icalendar caldav
    carddav webdav imap pop3 ftp sftp mqtt voip favicon favicons globals
"""
GENERIC = frozenset(_GENERIC_WORDS.split())
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$")


def dictionary(folder: Path) -> tuple[set[str], set[str]]:
    """(every word casefolded, the words that have a lower-case form)."""
    words: set[str] = set()
    lower: set[str] = set()
    for name in ("american-english", "british-english"):
        for line in (folder / name).read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.strip().removesuffix("'s")
            if word:
                words.add(word.casefold())
                if word.islower():
                    lower.add(word)
    return words, lower


def two_words(name: str, words: set[str]) -> bool:
    return any(
        name[:i] in words and name[i:] in words and len(name[i:]) > 1
        for i in range(2, len(name) - 1)
    )


_SUFFIX = re.compile(
    r"(?:s|es|er|ers|or|ors|ing|ed|ly|ify|ified|able|ness|ment|al|ic|ive|less|ize|ise)$"
)


def inflected(name: str, words: set[str]) -> bool:
    """An English word with a suffix the word lists lack ("validator", "globals")."""
    stem = _SUFFIX.sub("", name)
    return (
        stem != name and len(stem) > 3 and any(stem + end in words for end in ("", "e", "ate", "y"))
    )


def prose_like(name: str, words: set[str]) -> bool:
    pieces = re.split(r"[.-]", name)
    return (
        len(name) < 4
        or name in words
        or name in GENERIC
        or not re.search(r"[a-z]", name)
        or all(p in words or p in GENERIC or p.isdigit() for p in pieces)
        or two_words(name, words)
        or inflected(name, words)
        or name.startswith(("types-", "is-", "has-", "get-", "to-"))
    )


def pypi_names(path: Path, best: int) -> list[str]:
    names = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            rank = row.get("rank_among_15000_most_downloaded") or ""
            if rank.isdigit() and int(rank) <= best:
                names.append(row["name"].casefold())
    return names


def npm_names(path: Path, downloads: int) -> list[str]:
    names = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            popular = len(row) > 2 and row[2].isdigit() and int(row[2]) >= downloads
            if popular and not row[0].startswith("@"):
                names.append(row[0].casefold())
    return names


def curated_names() -> set[str]:
    names = set()
    for path in OUT.glob("*.txt"):
        if path.name != GENERATED:
            names |= {n.casefold() for n, _ in read_marked(path)}
    return names


def read_marked(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            mark = line[0] if line[0] in "=~" else ""
            rows.append((line[len(mark) :].strip(), mark))
    return rows


def mark(name: str, words: set[str], lower: set[str]) -> str:
    tokens = name.split()
    if len(tokens) == 1:
        folded = name.casefold()
        if folded in lower:
            return "~"
        return "=" if folded in words else ""
    every_word = all(t.casefold() in words for t in tokens)
    return "=" if every_word and name != name.casefold() else ""


def remark(path: Path, words: set[str], lower: set[str]) -> None:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            out.append(line)
            continue
        name = line.lstrip("=~").strip()
        out.append(mark(name, words, lower) + name)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pypi", type=Path, required=True)
    parser.add_argument("--npm", type=Path, required=True)
    parser.add_argument("--dict", type=Path, default=Path("/usr/share/dict"))
    parser.add_argument("--pypi-best", type=int, default=8000)
    parser.add_argument("--npm-downloads", type=int, default=5_000_000)
    args = parser.parse_args()
    words, lower = dictionary(args.dict)
    for path in sorted(OUT.glob("*.txt")):
        if path.name != GENERATED:
            remark(path, words, lower)
    taken = curated_names()
    found = pypi_names(args.pypi, args.pypi_best) + npm_names(args.npm, args.npm_downloads)
    keep = sorted(
        {n for n in found if _NAME.match(n) and n not in taken and not prose_like(n, words)}
    )
    header = (
        "# Libraries: the most used PyPI and npm packages whose names are not English or\n"
        "# generic computing words. Generated by bench/technology.py (see its docstring);\n"
        "# do not edit by hand.\n"
    )
    (OUT / GENERATED).write_text(header + "\n".join(keep) + "\n", encoding="utf-8")
    print(f"{len(keep)} library names; curated {len(taken)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
