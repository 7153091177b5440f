"""Who acts in a sentence: human role nouns, and whether one of them stands where a person
acts or is served ("Let customers ...", "The member will ...", "Drivers entering ...").

The lexicon is built from general role vocabularies (product and software roles, the major
occupation groups of  occupation classifications, family, public-service and
commerce roles), not from the stories seen, so that an unseen backlog's people are found."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from prdlint.lazypattern import lazy

# Singular forms; plurals are derived. Grouped only to keep the list reviewable.
_ROLE_NOUNS = """
user enduser end-user customer client consumer visitor guest member subscriber gamer learner
shopper buyer seller vendor merchant purchaser owner holder account-holder cardholder patron
fan follower supporter donor sponsor backer investor shareholder stakeholder participant
attendee registrant applicant candidate entrant nominee contestant competitor winner bidder
renter tenant landlord landlady lessee hostess traveller traveler tourist passenger rider
driver commuter pilot courier admin administrator sysadmin superuser moderator maintainer
contributor committer reviewer approver author writer publisher curator archivist librarian
cataloguer cataloger creator uploader commenter blogger vlogger influencer streamer
broadcaster journalist reporter photographer designer artist musician performer actor
director producer organiser organizer planner coordinator facilitator convener manager
supervisor leader boss executive officer  chairperson president vice-president
secretary treasurer founder cofounder co-founder partner  intern trainee apprentice
volunteer employee employer staffer staff personnel colleague coworker co-worker teammate
team-member freelancer contractor consultant representative  technician engineer
developer programmer coder tester analyst scientist researcher scholar academic professor
lecturer teacher tutor instructor trainer coach mentor mentee educator headteacher dean
registrar student pupil schoolchild graduate undergraduate postgraduate alumnus alumna
alumni parent guardian caregiver carer babysitter nanny child kid teenager teen
elder retiree pensioner grandparent mother father mom mum dad son daughter spouse husband
wife family household resident citizen neighbour neighbor voter taxpayer constituent
inhabitant homeowner householder community patient doctor physician clinician nurse surgeon
dentist pharmacist therapist psychologist psychiatrist counsellor counselor social-worker
caseworker case-worker paramedic midwife practitioner  veterinarian optician radiologist
dietitian nutritionist lawyer attorney solicitor paralegal  clerk notary auditor
accountant bookkeeper banker teller broker underwriter adjuster actuary economist farmer
grower gardener rancher fisher fisherman breeder chef  baker waiter waitress bartender
barista cashier receptionist concierge housekeeper cleaner janitor caretaker porter doorman
security-guard police policeman policewoman detective inspector investigator firefighter
soldier veteran ranger warden mechanic electrician plumber carpenter welder labourer laborer
craftsman tradesperson tradesman handyman salesperson salesman saleswoman marketer recruiter
hiring-manager interviewer interviewee jobseeker job-seeker hr athlete cyclist swimmer hiker
climber camper angler hunter coachee referee umpire dancer singer poet novelist translator
 biologist chemist physicist geologist astronomer mathematician statistician
historian linguist anthropologist archaeologist epidemiologist ecologist architect surveyor
urbanist citizen-scientist crowdworker annotator labeller labeler transcriber proprietor
shopkeeper storekeeper retailer wholesaler supplier distributor exporter importer
manufacturer delegate diplomat  civil-servant councillor councilor mayor governor
senator politician legislator lawmaker minister regulator beneficiary recipient claimant
payee payer debtor creditor borrower lender licensee licensor signatory  panelist
panellist presenter exhibitor person people  human someone anyone everyone
everybody somebody anybody public folk folks audience population agency company organisation
organization nonprofit charity school university college hospital clinic council city
government municipality ministry bank insurer institution
"""
_IRREGULAR_PLURALS = """people children men women staff personnel alumni folks police
    public everyone anyone someone everybody anybody somebody"""
_MULTIWORD = """end user, site visitor, web visitor, team member, product owner, product manager,
    scrum master, project manager, data scientist, data analyst, business analyst,
    hiring manager, social worker, case worker, security guard, civil servant, job seeker,
    first responder, key holder, power user, super user, site owner, store owner, shop owner,
    account holder, account manager, support agent, support staff, help desk, health worker,
    care worker, aid worker, field worker, sex worker, office worker, shift worker,
    team lead, team leader, tech lead, sales lead, travel agent, estate agent, real estate agent,
    insurance agent, booking agent, customer service agent, tour operator, machine operator,
    fleet operator, station operator, event host, editor in chief, the public, general public,
    vets, individuals"""


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def _forms() -> list[str]:
    singulars = [w.replace("-", " ") for w in _ROLE_NOUNS.split()]
    singulars += [" ".join(phrase.split()) for phrase in _MULTIWORD.split(",")]
    forms = set(_IRREGULAR_PLURALS.split())
    for word in singulars:
        forms |= {word, _plural(word), word + "'s", word + "s'"}
    return sorted(forms)


_FORMS = frozenset(_forms())
_LONGEST = max(len(form.split()) for form in _FORMS)
_WORD = lazy(r"\w+")
_GAP = lazy(r"[\s-]+")


@dataclass(frozen=True, slots=True)
class RoleMention:
    """Where a role noun stands in a text: `start`/`end` as a regex match's would be."""

    text: str
    start: int
    end: int

    def group(self) -> str:
        return self.text[self.start : self.end]


def _free(text: str, index: int) -> bool:
    """No word character or hyphen at `index`: a role noun ends here, not mid-word."""
    return index >= len(text) or not (text[index].isalnum() or text[index] in "_-")


def _longest_at(text: str, words: list[re.Match[str]], first: int) -> int | None:
    """The end of the longest role form starting at word `first`, or None. A dictionary
    lookup per candidate instead of a regex of 1,800 alternatives, which took 100 ms to
    compile on every run."""
    for count in range(min(_LONGEST, len(words) - first), 0, -1):
        run = words[first : first + count]
        if any(not _GAP.fullmatch(text, a.end(), b.start()) for a, b in itertools.pairwise(run)):
            continue
        phrase, end = " ".join(w.group().lower() for w in run), run[-1].end()
        if text.startswith("'s", end) and _free(text, end + 2) and phrase + "'s" in _FORMS:
            return end + 2
        if text.startswith("'", end) and _free(text, end + 1) and phrase + "'" in _FORMS:
            return end + 1
        if _free(text, end) and phrase in _FORMS:
            return end
    return None


def role_mentions(text: str) -> Iterator[RoleMention]:
    """Every role noun in `text`, left to right, longest form first, never overlapping."""
    words = list(_WORD.finditer(text))
    index, taken = 0, 0
    while index < len(words):
        start = words[index].start()
        end = None
        if start >= taken and (start == 0 or text[start - 1] != "-"):
            end = _longest_at(text, words, index)
        if end is not None:
            yield RoleMention(text, start, end)
            taken = end
        index += 1


# After a role noun, these make it a modifier of a thing, not a person: "the user
# interface", "an admin panel", "customer data".
_THING_AFTER = lazy(
    r"[\s-]+(?:interfaces?|ui|ux|data|database|db|tables?|records?|lists?|panels?|pages?|"
    r"screens?|views?|profiles?|accounts?|ids?|names?|information|info|details|experience|"
    r"models?|roles?|types?|groups?|settings|preferences|dashboards?|portals?|management|"
    r"base|journeys?|stor(?:y|ies)|research|input|guides?|documentation|docs|manuals?|"
    r"emails?|addresses|address|numbers?|fields?|objects?|entit(?:y|ies)|class(?:es)?|"
    r"service|services|api|endpoints?|sessions?|tokens?|passwords?|credentials|permissions?|"
    r"counts?|stats|statistics|metrics|analytics|feedback|reviews?|ratings?|support|tickets?|"
    r"requests?|orders?|forms?|fees?|cards?|ids|logins?|registration|onboarding|flows?|"
    r"level|levels|side|facing|generated|content|uploads?|files?|images?|avatars?|photos?|"
    r"pictures?|mode|programs?|programmes?|projects?|phases?|runs?|area|section|module|app|application|site|website|portal|tools?|"
    r"notifications?|messages?|reports?|records?|history|activity|behaviou?r|retention|"
    r"growth|acquisition|engagement|satisfaction|checkout|access|component|node|element|process|thread|directory|folder|categor(?:y|ies)|items?|tasks?|nodes?|widgets?|classes|clusters?|instances?|processes|keys?)\b",
    re.IGNORECASE,
)
# Where a named person is the one who wants or gets the feature, not data it handles
# ("tables for users", "detect student faces") or a bystander ("when a member raises ...").
_DETERMINER = r"(?:the|a|an|our|my|your|their|all|every|each|any|some|most|many|new|other)"
# 1. the subject that opens the item: "Drivers entering ...", "Our banks get ...".
_OPENING = lazy(rf"[\W_]*(?:{_DETERMINER}\s+)?(?:[\w-]+\s+){{0,2}}?$", re.I)
# Words that show the opening is a command or a condition, not a subject: "Store user
# speed ...", "When a member raises ...".
_LEAD_WORDS = """add create make build show display store save send email notify remind list view
    update edit delete remove allow enable let set get give provide implement integrate
    support track record log move import export generate design develop write test fix
    in on at to for with by from of into when whenever if once after before while where
    during within without about via per"""
_NOT_A_SUBJECT_LEAD = frozenset(_LEAD_WORDS.split())
# 2. the one a feature enables: "Let customers ...", "Enable moderators to ...".
_ENABLER = lazy(
    r"\b(?:let|lets|letting|allow|allows|allowing|enable|enables|enabling|help|helps|"
    r"helping|permit|permits|give|gives|giving|provide|provides|offer|offers|empower|"
    r"empowers|as|am|i['’]m|is|are|for)\s+(?:(?:an?|the|our|all|every|each|any|more|"
    rf"our|other|{_DETERMINER})\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# 3. a person who can, will or must do something: "... where a user can request advice".
_MODAL_AFTER = lazy(
    r"\s+(?:can|could|will|would|should|must|may|might|shall|need|needs|want|wants|wish|"
    r"wishes|expect|expects|is\s+able|are\s+able|get\s+to|gets\s+to|have\s+to|has\s+to)\b",
    re.IGNORECASE,
)
# A person named only in the reason ("so users can ...") is not the one who asks.
_REASON_BEFORE = lazy(
    r"\b(?:so|so\s+that|in\s+order\s+(?:to|for|that)|because|since|when|whenever|if|once|"
    r"after|before|until|by)\b",
    re.IGNORECASE,
)
# "for users" names a beneficiary, unless what is made for them is schema or storage.
_SCHEMA_BEFORE = lazy(
    r"\b(?:tables?|columns?|fields?|models?|schemas?|records?|entit(?:y|ies)|database|"
    r"collections?|rows?|data)\b[^.;]{0,20}$",
    re.IGNORECASE,
)


def _acts(text: str, match: RoleMention) -> bool:
    if _THING_AFTER.match(text, match.end):
        return False
    before = text[max(0, match.start - 60) : match.start]
    opening = _OPENING.fullmatch(text, 0, match.start)
    if opening is not None and not _NOT_A_SUBJECT_LEAD.intersection(
        opening.group().casefold().split()
    ):
        return True
    enabler = _ENABLER.search(before)
    if enabler is not None:
        word = enabler.group().split()[0].casefold()
        return word != "for" or not _SCHEMA_BEFORE.search(before[: enabler.start()])
    if _MODAL_AFTER.match(text, match.end):
        clause = re.split(r"[.;:!?]", before)[-1]
        return _REASON_BEFORE.search(clause) is None
    return False


@lru_cache(maxsize=256)
def human_actor(text: str) -> str | None:
    """The first human role in `text` that a person could be asked about, or None."""
    for match in role_mentions(text):
        if _acts(text, match):
            return match.group()
    return None
