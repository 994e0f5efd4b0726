"""Demo data behind the impact figures: a closed spring cohort with its outcomes and follow-ups, coaching sessions
and a few applications, so that the dashboard and the impact page read like a real programme's.

Dates of the closed cohort are fixed; the sessions of the running pairs are placed relative to today, two pairs
being left without a session for three weeks so that the inactivity report has something to show.
"""

import datetime

from django.db.models import Max
from django.utils import timezone

from cohorts.enums import ApplicationStatus, CandidateStatus, CohortKind, CohortStatus, ExitCategory, SessionKind
from cohorts.models import Application, Candidate, CoachingSession, Cohort, FollowUpCheck, Outcome, Pair
from pages.enums import CounterKind, ShareChannel
from pages.models import CandidatePage
from pages.models.counters import StoryCounter
from snippets.models import ContractType, Offer, PartnerCompany

D = datetime.date

SPRING = {
    "name": "Paris — printemps 2026",
    "kind": CohortKind.ADULTS,
    "start_date": D(2026, 3, 16),
    "end_date": D(2026, 9, 11),
    "status": CohortStatus.CLOSED,
}

DURABLE, TRANSITION = ExitCategory.DURABLE_EMPLOYMENT, ExitCategory.TRANSITION_EMPLOYMENT
# first name, last name, outcome: (category, employer, contract slug, start, trial end, exit date) or None.
SPRING_CANDIDATES = [
    ("Fatou", "Camara", (DURABLE, "La Table de Belleville", "cdi", D(2026, 5, 4), D(2026, 7, 3))),
    ("Rachid", "Amrani", (DURABLE, "Entrepôts de l'Ourcq", "cdi", D(2026, 5, 18), D(2026, 7, 17))),
    ("Olga", "Kovalenko", (DURABLE, "Net & Clair Services", "cdi", D(2026, 6, 1), D(2026, 7, 31))),
    ("Thierry", "Duval", (DURABLE, "Entrepôts de l'Ourcq", "cdd", D(2026, 6, 15), D(2026, 7, 15))),
    ("Aminata", "Sow", (DURABLE, "Garde urbaine sécurité", "cdi", D(2026, 7, 6), D(2026, 9, 4))),
    ("Kevin", "Marchetti", (DURABLE, "La Table de Belleville", "cdi", D(2026, 8, 24), D(2026, 10, 23))),
    ("Hamid", "Rezaei", (TRANSITION, "Les Jardiniers de Bondy", "cdd", D(2026, 6, 8), D(2026, 6, 22))),
    ("Sabrina", "Lopes", (TRANSITION, "Net & Clair Services", "temp", D(2026, 7, 20), None)),
    ("Ibrahima", "Cissé", (TRANSITION, "Pôle propreté 93", "cddi", D(2026, 9, 1), D(2026, 9, 30))),
    ("Léa", "Girardin", (ExitCategory.POSITIVE_EXIT, "Greta Paris — CAP cuisine", None, D(2026, 9, 7), None)),
    ("Youssef", "Benkirane", (ExitCategory.POSITIVE_EXIT, "CFA BTP Île-de-France", "work_study", D(2026, 9, 14), None)),
    ("Christelle", "Mbappe", (ExitCategory.OTHER_EXIT, "", None, None, None, D(2026, 7, 10))),
    ("David", "Roux", (ExitCategory.DROP_OUT, "", None, None, None, D(2026, 5, 2))),
    ("Nour", "Haddad", (ExitCategory.DROP_OUT, "", None, None, None, D(2026, 6, 19))),
]
# Who was no longer employed when checked: (last name, check kind).
NOT_EMPLOYED = {("Duval", "trial_end"), ("Rezaei", "six_months")}
# Checks nobody has made yet: staff find them in "Follow-ups to do".
NOT_ANSWERED = {("Marchetti", "trial_end"), ("Sow", "six_months")}

KINDS = [SessionKind.MEETING, SessionKind.MEETING, SessionKind.CALL, SessionKind.INTERVIEW_PREPARATION,
         SessionKind.MEETING, SessionKind.COMPANY_VISIT]
NOTES = ["", "Point sur les candidatures de la semaine.", "", "Simulation d'entretien, à refaire la semaine prochaine.",
         "", "Visite de l'entrepôt avec l'équipe RH."]


def load_impact_data(builder, today=None):
    """Add whatever part of the impact demo is missing; ``builder`` is the demo builder of pages/demo.py."""
    today = today or timezone.localdate()
    _spring_cohort(builder, today)
    _current_sessions(builder, today)
    _applications(builder)
    _counters(builder, today)


def _spring_cohort(builder, today):
    if Cohort.objects.filter(name=SPRING["name"]).exists():
        return
    cohort = builder.ensure(Cohort, {"name": SPRING["name"]}, **SPRING, city=builder.cities["Paris"])
    coaches = list(builder.coaches.values())
    contracts = {contract.slug: contract for contract in ContractType.objects.all()}
    for index, (first_name, last_name, outcome) in enumerate(SPRING_CANDIDATES):
        slug = f"{first_name}.{last_name}".lower().replace(" ", "-").replace("é", "e").replace("è", "e")
        candidate = builder.ensure(
            Candidate, {"email__iexact": f"{slug}@example.org"},
            first_name=first_name, last_name=last_name, email=f"{slug}@example.org", cohort=cohort,
            status=CandidateStatus.IN_PROGRAMME,
        )
        category, employer, contract, start, trial_end, *exit_date = outcome
        exit_on = exit_date[0] if exit_date else start
        pair_start = SPRING["start_date"] + datetime.timedelta(days=7)
        pair = Pair.objects.create(coach=coaches[index % len(coaches)], candidate=candidate, start_date=pair_start,
                                   end_date=min(exit_on, SPRING["end_date"]))
        builder.summary.count(pair)
        _weekly_sessions(builder, pair, pair.start_date, pair.end_date, skip_every=5)
        company = PartnerCompany.objects.filter(name=employer).first() if employer else None
        result = Outcome(
            candidate=candidate, exit_date=exit_on, category=category, employer=company,
            employer_name="" if company else employer, contract_type=contracts.get(contract), start_date=start,
            trial_end_date=trial_end,
        )
        result.save()
        builder.summary.count(result)
        for check in FollowUpCheck.objects.filter(outcome=result, due_on__lte=today):
            if (last_name, check.kind) in NOT_ANSWERED:
                continue
            check.still_employed = (last_name, check.kind) not in NOT_EMPLOYED
            check.checked_on = check.due_on + datetime.timedelta(days=3)
            check.save(update_fields=["still_employed", "checked_on"])


def _current_sessions(builder, today):
    """Weekly sessions for each running pair up to a few days ago; the last two pairs stopped three weeks ago."""
    running = list(Pair.objects.active().filter(candidate__cohort__status=CohortStatus.RUNNING).order_by("pk"))
    logged = dict(
        Pair.objects.filter(pk__in=[pair.pk for pair in running]).annotate(last=Max("sessions__date"))
        .values_list("pk", "last")
    )
    for position, pair in enumerate(running):
        if logged[pair.pk] is not None:
            continue
        until = today - datetime.timedelta(days=22 if position >= len(running) - 2 else 2 + position % 5)
        _weekly_sessions(builder, pair, pair.start_date, until)


def _weekly_sessions(builder, pair, start, end, skip_every=0):
    sessions = []
    day, week = start, 0
    while day <= end:
        if not (skip_every and week % skip_every == skip_every - 1):
            sessions.append(CoachingSession(
                pair=pair, date=day, kind=KINDS[week % len(KINDS)], note=NOTES[week % len(NOTES)],
                duration_minutes=(60, 90, 30, 60, 45)[week % 5],
            ))
        day += datetime.timedelta(days=7)
        week += 1
    CoachingSession.objects.bulk_create(sessions)
    builder.summary.created[CoachingSession] += len(sessions)


def _applications(builder):
    """A few candidates of the running cohorts at each stage with the published offers, with their history."""
    if Application.objects.exists():
        return
    offers = list(Offer.objects.public().order_by("pk")[:4])
    candidates = list(Candidate.objects.filter(cohort__status=CohortStatus.RUNNING).order_by("pk")[:8])
    paths = [
        [ApplicationStatus.CONTACTED, ApplicationStatus.INTERVIEW],
        [ApplicationStatus.CONTACTED],
        [],
        [ApplicationStatus.CONTACTED, ApplicationStatus.INTERVIEW, ApplicationStatus.REFUSED_AFTER_INTERVIEW],
        [ApplicationStatus.CONTACTED, ApplicationStatus.IMMERSION],
        [ApplicationStatus.REFUSED_BEFORE_INTERVIEW],
        [ApplicationStatus.CONTACTED, ApplicationStatus.INTERVIEW],
        [],
    ]
    for index, (candidate, path) in enumerate(zip(candidates, paths, strict=False)):
        application = Application.objects.create(offer=offers[index % len(offers)], candidate=candidate)
        builder.summary.count(application)
        for status in path:
            application.change_status(status, user=None)


def _counters(builder, today):
    """Six weeks of views, shares and QR scans of the published stories, as the share links would count them."""
    if StoryCounter.objects.exists():
        return
    rows = []
    pages = CandidatePage.objects.live().order_by("pk")
    for rank, page in enumerate(pages):
        for days_ago in range(42):
            day = today - datetime.timedelta(days=days_ago)
            seed = (rank * 7 + days_ago * 3) % 11
            counter = {"page": page, "day": day}
            rows.append(StoryCounter(**counter, kind=CounterKind.VIEW, channel=ShareChannel.DIRECT, count=4 + seed * 2))
            if seed % 3 == 0:
                channel = (ShareChannel.LINKEDIN, ShareChannel.WHATSAPP, ShareChannel.FACEBOOK)[days_ago % 3]
                rows.append(StoryCounter(**counter, kind=CounterKind.SHARE, channel=channel, count=1 + seed % 4))
            if seed == 5:
                rows.append(StoryCounter(**counter, kind=CounterKind.QR_SCAN, channel=ShareChannel.QR, count=2))
    StoryCounter.objects.bulk_create(rows)
    builder.summary.created[StoryCounter] += len(rows)
