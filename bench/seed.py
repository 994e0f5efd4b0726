"""The public site of a busy programme, for the load benchmark (bench/load.py): N published stories, the demo site
around them (home page, story list, offers list, content pages) and some more offers.

    DATABASE_URL=... .venv/bin/python bench/seed.py --stories 10000 [--describe-only]

Runs under the development settings (``load_demo_data`` refuses production) on the database DATABASE_URL names,
which must be migrated or empty. It prints, as JSON on its last line, what the benchmark requests: a few story
addresses, the list's, a city to filter on, the offers list's, and the row counts.

The stories are what the site would hold after staff published them: pages made by ``create_draft_stories`` (the
cohort import's bulk service), their profile copied from the demo's published stories, then published in bulk
(live, with their live revision and a publication log entry), for candidates in programme (one in 20 hired and kept
visible) who hold a current consent for every purpose. Not a test.
"""

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The code to seed with: this tree, or another one (bench/load.py --commit unpacks a commit elsewhere).
CODE = Path(os.environ.get("BENCH_CODE_ROOT", ROOT))
sys.path.insert(0, str(CODE))

BATCH = 2000
# Copied from the demo's published stories onto the bench ones, so that a bench story weighs what a real one does.
PROFILE_FIELDS = ("wished_jobs", "availability", "available_from", "languages", "driving_licence", "transport")
STREAM_FIELDS = ("skills", "strengths", "experiences", "testimonials")
BENCH_COHORT_PREFIX = "Load cohort"
BENCH_EMAIL_PREFIX = "load"
OFFERS = 120
STORY_SAMPLE = 10


def build(stories_count):
    """Write the stories and offers with bulk writes; return how many rows of each kind."""
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page, PageLogEntry, Revision

    from cohorts.enums import CandidateStatus, CohortStatus, ConsentChannel, ConsentPurpose
    from cohorts.models import Candidate, Cohort, ConsentRecord
    from pages.models import CandidatePage
    from pages.services import create_draft_stories
    from snippets.enums import OfferStatus
    from snippets.models import Offer, PartnerCompany

    today = datetime.date.today()
    now = timezone.now()
    templates = list(
        CandidatePage.objects.published_stories().order_by("pk").prefetch_related("sectors", "contract_types", "cities")
    )
    if not templates:
        raise SystemExit("The demo has no published story to copy a profile from.")
    cities = sorted({city for page in templates for city in page.cities.all()}, key=lambda city: city.pk)
    with transaction.atomic():
        cohorts = Cohort.objects.bulk_create([
            Cohort(name=f"{BENCH_COHORT_PREFIX} {i}", city=cities[i % len(cities)], status=CohortStatus.RUNNING,
                   start_date=today - datetime.timedelta(days=20 + 10 * i),
                   end_date=today + datetime.timedelta(days=160 - 10 * i))
            for i in range(10)
        ])
        candidates = Candidate.objects.bulk_create([
            Candidate(first_name=templates[i % len(templates)].candidate.first_name, last_name=f"Load{i}",
                      email=f"{BENCH_EMAIL_PREFIX}{i}@example.org", cohort=cohorts[i % len(cohorts)],
                      status=CandidateStatus.HIRED if i % 20 == 0 else CandidateStatus.IN_PROGRAMME)
            for i in range(stories_count)
        ], batch_size=BATCH)
        ConsentRecord.objects.bulk_create([
            ConsentRecord(candidate=candidate, purpose=purpose, text_version="bench", channel=ConsentChannel.PAPER)
            for candidate in candidates for purpose in ConsentPurpose.values
        ], batch_size=BATCH)
        entries = []
        for i, candidate in enumerate(candidates):
            template = templates[i % len(templates)]
            entries.append((candidate, {
                "catchphrase": template.catchphrase, "story": template.story,
                "sectors": list(template.sectors.all()), "contract_types": list(template.contract_types.all()),
            }))
        pages = create_draft_stories(entries, index=True)

        # The rest of the profile, then the publication: what "Publish" in the admin leaves in the tables. Pages that
        # share a template, a photo or not, a visibility and a publication day are updated together: a bulk_update
        # of 10,000 rows would be one CASE of thousands of branches per column, slow on PostgreSQL.
        through = CandidatePage.cities.through
        city_rows = []
        groups, days = {}, {}
        for i, page in enumerate(pages):
            template = templates[i % len(templates)]
            for name in PROFILE_FIELDS:
                setattr(page, name, getattr(template, name))
            for name in STREAM_FIELDS:
                setattr(page, name, list(getattr(template, name).raw_data))
            page.photo_id = template.photo_id if i % 3 else None
            page.keep_visible_after_exit = i % 20 == 0
            groups.setdefault((i % len(templates), page.photo_id, page.keep_visible_after_exit), []).append(page.pk)
            page.cities = story_cities = list(template.cities.all())
            city_rows += [through(candidatepage_id=page.pk, city_id=city.pk) for city in story_cities]
            # Spread over six months, so that the fair order has several months to sort.
            page.last_published_at = page.first_published_at = now - datetime.timedelta(days=i % 180)
            days.setdefault(page.last_published_at, []).append(page.pk)
        for (index, photo_id, keep_visible), ids in groups.items():
            template = templates[index]
            CandidatePage.objects.filter(pk__in=ids).update(
                **{name: getattr(template, name) for name in PROFILE_FIELDS},
                **{name: list(getattr(template, name).raw_data) for name in STREAM_FIELDS},
                photo_id=photo_id, keep_visible_after_exit=keep_visible,
            )
        through.objects.bulk_create(city_rows, batch_size=BATCH)
        revisions = []
        for page in pages:
            page.latest_revision.content = page.serializable_data()
            revisions.append(page.latest_revision)
        Revision.objects.bulk_update(revisions, ["content"], batch_size=200)
        for published_at, ids in days.items():
            Page.objects.filter(pk__in=ids).update(first_published_at=published_at, last_published_at=published_at)
        Page.objects.filter(pk__in=[page.pk for page in pages]).update(
            live=True, has_unpublished_changes=False, live_revision=F("latest_revision"))
        PageLogEntry.objects.bulk_create([
            PageLogEntry(page_id=page.pk, content_type_id=page.content_type_id, label=page.title,
                         action="wagtail.publish", timestamp=page.last_published_at, revision=page.latest_revision,
                         content_changed=True)
            for page in pages
        ], batch_size=BATCH)

        reference = Offer.objects.public().select_related("contract_type", "city", "sector").order_by("pk")
        companies = list(PartnerCompany.objects.order_by("pk"))
        models = list(reference)
        offers = Offer.objects.bulk_create([
            Offer(company=companies[i % len(companies)], title=f"{models[i % len(models)].title} ({i})",
                  description=models[i % len(models)].description, contract_type=models[i % len(models)].contract_type,
                  city=models[i % len(models)].city, sector=models[i % len(models)].sector,
                  status=OfferStatus.PUBLISHED, live=True, published_on=today - datetime.timedelta(days=i % 50),
                  expires_on=today + datetime.timedelta(days=10 + i % 50))
            for i in range(OFFERS)
        ], batch_size=BATCH)
    return {"stories": len(pages), "candidates": len(candidates), "offers": len(offers)}


def describe():
    """What the benchmark requests, and the counts that say what the site holds."""
    from django.db.models import Count, Q

    from cohorts.enums import CandidateStatus
    from pages.models import CandidateIndexPage, CandidatePage, OfferIndexPage
    from snippets.models import City, Offer

    published = CandidatePage.objects.published_stories()
    index = CandidateIndexPage.objects.live().first()
    # The city with the most stories still looking: a filter that narrows without emptying the list.
    city = (
        City.objects.annotate(stories=Count("story_pages", filter=Q(
            story_pages__in=published.filter(candidate__status=CandidateStatus.IN_PROGRAMME))))
        .order_by("-stories", "pk").first()
    )
    stories = published.filter(candidate__status=CandidateStatus.IN_PROGRAMME).order_by("pk")
    sample = list(stories[:: max(1, stories.count() // STORY_SAMPLE)][:STORY_SAMPLE])
    return {
        "story_urls": [page.get_url() for page in sample],
        "list_url": index.get_url(),
        "city": {"id": city.pk, "name": city.name, "stories": city.stories},
        "offers_url": OfferIndexPage.objects.live().first().get_url(),
        "counts": {"published stories": published.count(), "story pages": CandidatePage.objects.count(),
                   "public offers": Offer.objects.public().count()},
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--stories", type=int, default=10_000)
    parser.add_argument("--describe-only", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    result = {}
    if not args.describe_only:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        with open(os.devnull, "w") as quiet:
            call_command("load_demo_data", force=True, stdout=quiet)
        result["demo_seconds"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        result["rows"] = build(args.stories)
        result["build_seconds"] = round(time.perf_counter() - started, 1)
    result.update(describe())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
