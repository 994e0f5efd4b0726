"""The running cohorts of the demo, their candidates with their stories, the coaches and their pairs.

Story pages go through ``create_draft_story`` and paper consents through ``record_consent``, the services the
cohort import and staff use.
"""

from django.db.models import Q

from cohorts.consent.services import record_consent
from cohorts.enums import ConsentChannel, ConsentPurpose
from cohorts.models import Candidate, Coach, Cohort, ConsentRecord, Pair
from pages.demo.loader import read, read_stories
from pages.demo.portraits import portrait
from pages.models import CandidatePage
from pages.services import create_draft_story
from snippets.models import ContractType

CANDIDATE_FIELDS = ("first_name", "last_name", "email", "phone", "birth_date", "status")
PAGE_FIELDS = ("wished_jobs", "availability", "available_from", "languages", "driving_licence", "transport")


def build_cohorts_and_candidates(builder):
    """The cohorts, then each one's candidates in the order cohorts.yaml lists them, each with a story."""
    data = read("cohorts")
    for cohort in data["cohorts"]:
        values = {key: value for key, value in cohort.items() if key != "candidates"}
        builder.cohorts[cohort["name"]] = builder.ensure(
            Cohort, {"name": cohort["name"]}, **{**values, "city": builder.cities[cohort["city"]]}
        )
    slugs = [(cohort["name"], slug) for cohort in data["cohorts"] for slug in cohort["candidates"]]
    for (cohort_name, _slug), story in zip(slugs, read_stories([slug for _name, slug in slugs]), strict=True):
        person = story["candidate"]
        organisation = person.get("referring_organisation")
        candidate = builder.ensure(
            Candidate,
            {"email__iexact": person["email"]},
            **{key: person[key] for key in CANDIDATE_FIELDS},
            notes=person.get("notes", ""),
            cohort=builder.cohorts[cohort_name],
            referring_organisation=builder.organisations[organisation] if organisation else None,
        )
        builder.candidates[person["email"]] = candidate
        _story(builder, candidate, story, consent_text_version=data["consent_text_version"])


def _story(builder, candidate, story, *, consent_text_version):
    """A story page with a portrait, published when the demo says so; only for a candidate who has none."""
    if CandidatePage.objects.filter(candidate=candidate).exists():
        return
    page = create_draft_story(
        candidate=candidate,
        catchphrase=story["catchphrase"],
        story=story["story"],
        photo=portrait(builder, candidate, **story["portrait"]),
        parent=builder.story_index,
    )
    _fill_story(builder, page, story.get("profile") or {})
    builder.summary.count(page)
    if story["publish"]:
        for purpose in ConsentPurpose.values:
            if not ConsentRecord.objects.current().filter(candidate=candidate, purpose=purpose).exists():
                consent = record_consent(
                    candidate=candidate, purpose=purpose, text_version=consent_text_version,
                    channel=ConsentChannel.PAPER,
                )
                builder.summary.count(consent)
        page.latest_revision.publish()


def _fill_story(builder, page, profile):
    """Write the rest of a new story (skills, wishes, experiences, testimonials) into its first revision.

    The page keeps a single revision, as one written in the admin in one go would.
    """
    if not profile:
        return
    for key in PAGE_FIELDS:
        if key in profile:
            setattr(page, key, profile[key])
    page.skills = [{"type": "skill", "value": skill} for skill in profile.get("skills", [])]
    page.strengths = [{"type": "strength", "value": strength} for strength in profile.get("strengths", [])]
    page.experiences = [{"type": "experience", "value": value} for value in profile.get("experiences", [])]
    page.testimonials = [{"type": "testimonial", "value": value} for value in profile.get("testimonials", [])]
    page.sectors = [builder.sectors[slug] for slug in profile.get("sectors", [])]
    page.contract_types = list(ContractType.objects.filter(slug__in=profile.get("contract_types", [])))
    page.cities = [builder.cities[name] for name in profile.get("cities", [])]
    page.save()
    revision = page.latest_revision
    revision.content = page.serializable_data()
    revision.save(update_fields=["content"])


def build_coaches_and_pairs(builder):
    """The coaches, then their pairs; a pair is made only if neither person is paired otherwise already."""
    data = read("cohorts")
    for coach in data["coaches"]:
        employer = builder.companies[coach["employer"]] if coach["employer"] else None
        builder.coaches[coach["email"]] = builder.ensure(
            Coach, {"email__iexact": coach["email"]}, **{**coach, "employer": employer}
        )
    for pair_data in data["pairs"]:
        coach, candidate = builder.coaches[pair_data["coach"]], builder.candidates[pair_data["candidate"]]
        start_date, end_date = pair_data["start_date"], pair_data["end_date"]
        if Pair.objects.filter(coach=coach, candidate=candidate, start_date=start_date).exists():
            continue
        if end_date is None and Pair.objects.active().filter(Q(coach=coach) | Q(candidate=candidate)).exists():
            # Someone paired them differently in the admin: their choice wins over the demo.
            continue
        pair = Pair.objects.create(coach=coach, candidate=candidate, start_date=start_date, end_date=end_date)
        builder.summary.count(pair)
