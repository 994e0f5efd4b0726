"""Demo data behind the impact figures, from data/impact.yaml: a closed spring cohort with its outcomes and
follow-ups, coaching sessions, applications and story counters, so that the dashboard and the impact page read
like a real programme's.

Dates of the closed cohort are fixed; the sessions of the running pairs are placed relative to today, two pairs
being left without a session for three weeks so that the inactivity report has something to show.
"""

import datetime

from django.db.models import Max
from django.utils import timezone

from cohorts.enums import CandidateStatus, CohortStatus
from cohorts.models import Application, Candidate, CoachingSession, Cohort, FollowUpCheck, Outcome, Pair
from pages.demo.loader import read
from pages.enums import CounterKind, ShareChannel
from pages.models import CandidatePage, StoryCounter
from snippets.models import ContractType, Offer, PartnerCompany

SHARE_CHANNELS = (ShareChannel.LINKEDIN, ShareChannel.WHATSAPP, ShareChannel.FACEBOOK)


def build_impact_data(builder, today=None):
    """Add whatever part of the impact demo is missing."""
    today = today or timezone.localdate()
    data = read("impact")
    _spring_cohort(builder, data["spring_cohort"], data["sessions"], today)
    _current_sessions(builder, data["sessions"], today)
    _applications(builder, data["applications"])
    _counters(builder, data["counters"]["days"], today)


def _spring_cohort(builder, spring, sessions, today):
    """The closed cohort, all at once: made only if it does not exist, since its pairs and outcomes have no key."""
    if Cohort.objects.filter(name=spring["name"]).exists():
        return
    values = {key: value for key, value in spring.items() if key not in ("candidates", "city")}
    cohort = builder.ensure(Cohort, {"name": spring["name"]}, **values, city=builder.cities[spring["city"]])
    coaches = list(builder.coaches.values())
    contracts = {contract.slug: contract for contract in ContractType.objects.all()}
    pair_start = cohort.start_date + datetime.timedelta(days=sessions["pair_starts_days_after_cohort"])
    for index, person in enumerate(spring["candidates"]):
        candidate = builder.ensure(
            Candidate, {"email__iexact": person["email"]},
            first_name=person["first_name"], last_name=person["last_name"], email=person["email"], cohort=cohort,
            status=CandidateStatus.IN_PROGRAMME,
        )
        outcome = person["outcome"]
        start = outcome.get("start_date")
        exit_on = outcome.get("exit_date", start)
        pair = Pair.objects.create(coach=coaches[index % len(coaches)], candidate=candidate, start_date=pair_start,
                                   end_date=min(exit_on, cohort.end_date))
        builder.summary.count(pair)
        _weekly_sessions(builder, sessions, pair, pair.start_date, pair.end_date,
                         skip_every=sessions["closed_cohort_skip_every"])
        employer = outcome.get("employer", "")
        company = PartnerCompany.objects.filter(name=employer).first() if employer else None
        result = Outcome(
            candidate=candidate, exit_date=exit_on, category=outcome["category"], employer=company,
            employer_name="" if company else employer, contract_type=contracts.get(outcome.get("contract_type")),
            start_date=start, trial_end_date=outcome.get("trial_end_date"),
        )
        result.save()
        builder.summary.count(result)
        answers = person.get("checks", {})
        for check in FollowUpCheck.objects.filter(outcome=result, due_on__lte=today):
            if answers.get(check.kind) == "not_answered":
                continue
            check.still_employed = answers.get(check.kind) != "not_employed"
            check.checked_on = check.due_on + datetime.timedelta(days=sessions["checked_days_after_due"])
            check.save(update_fields=["still_employed", "checked_on"])


def _current_sessions(builder, sessions, today):
    """Weekly sessions for each running pair up to a few days ago; the last pairs stopped three weeks ago."""
    running = list(Pair.objects.active().filter(candidate__cohort__status=CohortStatus.RUNNING).order_by("pk"))
    logged = dict(
        Pair.objects.filter(pk__in=[pair.pk for pair in running]).annotate(last=Max("sessions__date"))
        .values_list("pk", "last")
    )
    for position, pair in enumerate(running):
        if logged[pair.pk] is not None:
            continue
        silent = position >= len(running) - sessions["silent_pairs"]
        until = today - datetime.timedelta(days=sessions["silent_for_days"] if silent else 2 + position % 5)
        _weekly_sessions(builder, sessions, pair, pair.start_date, until)


def _weekly_sessions(builder, sessions, pair, start, end, skip_every=0):
    """A session a week from ``start`` to ``end``, kinds, notes and durations taken in turn from the data."""
    kinds, notes, durations = sessions["kinds"], sessions["notes"], sessions["durations"]
    rows = []
    day, week = start, 0
    while day <= end:
        if not (skip_every and week % skip_every == skip_every - 1):
            rows.append(CoachingSession(
                pair=pair, date=day, kind=kinds[week % len(kinds)], note=notes[week % len(notes)],
                duration_minutes=durations[week % len(durations)],
            ))
        day += datetime.timedelta(days=7)
        week += 1
    CoachingSession.objects.bulk_create(rows)
    builder.summary.created[CoachingSession] += len(rows)


def _applications(builder, data):
    """A few candidates of the running cohorts at each stage with the published offers, with their history."""
    if Application.objects.exists():
        return
    paths = data["paths"]
    offers = list(Offer.objects.public().order_by("pk")[:data["offers"]])
    candidates = list(Candidate.objects.filter(cohort__status=CohortStatus.RUNNING).order_by("pk")[:len(paths)])
    for index, (candidate, path) in enumerate(zip(candidates, paths, strict=False)):
        application = Application.objects.create(offer=offers[index % len(offers)], candidate=candidate)
        builder.summary.count(application)
        for status in path:
            application.change_status(status, user=None)


def _counters(builder, days, today):
    """Some weeks of views, shares and QR scans of the published stories, as the share links would count them."""
    if StoryCounter.objects.exists():
        return
    rows = []
    pages = CandidatePage.objects.live().order_by("pk")
    for rank, page in enumerate(pages):
        for days_ago in range(days):
            day = today - datetime.timedelta(days=days_ago)
            # A fixed spread rather than random numbers, so that every load shows the same figures.
            seed = (rank * 7 + days_ago * 3) % 11
            counter = {"page": page, "day": day}
            rows.append(StoryCounter(**counter, kind=CounterKind.VIEW, channel=ShareChannel.DIRECT, count=4 + seed * 2))
            if seed % 3 == 0:
                channel = SHARE_CHANNELS[days_ago % len(SHARE_CHANNELS)]
                rows.append(StoryCounter(**counter, kind=CounterKind.SHARE, channel=channel, count=1 + seed % 4))
            if seed == 5:
                rows.append(StoryCounter(**counter, kind=CounterKind.QR_SCAN, channel=ShareChannel.QR, count=2))
    StoryCounter.objects.bulk_create(rows)
    builder.summary.created[StoryCounter] += len(rows)
