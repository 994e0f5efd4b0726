"""Benchmark of the impact dashboard: 10,000 candidates in 100 cohorts, with outcomes, follow-up checks, applications
and their histories, story pages and counters, pairs and coaching sessions, offers.

    .venv/bin/python bench/impact_bench.py [--candidates 10000] [--cohorts 100] [--runs 5] [--databases sqlite,postgres]
                                           [--keep] [--profile]

Each database is fresh (migrated, demo data loaded, then the programme written with bulk_create). With ``--keep`` it
is kept after the run (a fixed name per database and size) and reused by the next ``--keep`` run, which then only
migrates: the data takes minutes to write, a measure seconds. ``--profile`` prints where the report page spends its
time (cProfile, one request) instead of writing the results file. On PostgreSQL the bench runs ANALYZE before
measuring, as autovacuum would have done on a live database. Times are the median
of ``--runs`` runs of: compute_impact for the last 12 months, the same for one city, the admin report page rendered
through the test client, and the XLSX export. Figures go to stdout and to bench/results/impact.md. Not a test.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.import_bench import PG_URL, fresh_database  # noqa: E402 (the same fresh SQLite file or PostgreSQL database)

PYTHON = sys.executable
BATCH = 2000


def build(candidates_count, cohorts_count):
    """Write the programme with bulk_create; returns how many rows of each kind."""
    from django.db import transaction

    from cohorts.enums import ApplicationStatus, CohortStatus, ExitCategory, FollowUpKind, SessionKind
    from cohorts.models import (
        Application,
        ApplicationStatusChange,
        Candidate,
        Coach,
        CoachingSession,
        Cohort,
        FollowUpCheck,
        Outcome,
        Pair,
    )
    from cohorts.models.outcomes import EMPLOYMENT_CATEGORIES, add_months
    from pages.models.counters import StoryCounter
    from pages.services import create_draft_stories
    from snippets.enums import OfferStatus
    from snippets.models import City, ContractType, Offer, PartnerCompany

    today = datetime.date.today()
    categories = list(ExitCategory.values)
    contract = ContractType.objects.get(slug="cdi")
    with transaction.atomic():
        cities = City.objects.bulk_create([City(name=f"Bench city {i}", department="75") for i in range(5)])
        companies = PartnerCompany.objects.bulk_create(
            [PartnerCompany(name=f"Bench company {i}", city=cities[i % 5]) for i in range(50)])
        cohorts = Cohort.objects.bulk_create([
            Cohort(name=f"Bench cohort {i}", city=cities[i % 5], status=CohortStatus.RUNNING,
                   start_date=today - datetime.timedelta(days=30 + 9 * i),
                   end_date=today - datetime.timedelta(days=9 * i) + datetime.timedelta(days=150))
            for i in range(cohorts_count)
        ])
        per_cohort = candidates_count // cohorts_count
        candidates = Candidate.objects.bulk_create([
            Candidate(first_name=f"Bench{i}", last_name="Candidate", email=f"bench{i}@example.org",
                      cohort=cohorts[i // per_cohort])
            for i in range(per_cohort * cohorts_count)
        ], batch_size=BATCH)
        offers = Offer.objects.bulk_create([
            Offer(company=companies[i % 50], title=f"Bench offer {i}", contract_type=contract, city=cities[i % 5],
                  status=OfferStatus.PUBLISHED, live=True,
                  target_candidate=candidates[i * 7 % len(candidates)] if i % 10 == 0 else None)
            for i in range(1000)
        ], batch_size=BATCH)

        outcomes, checks = [], []
        for i, candidate in enumerate(candidates):
            if i % 10 >= 7:
                continue
            entry = candidate.cohort.start_date
            category = categories[i % len(categories)]
            exit_date = min(today, entry + datetime.timedelta(days=60 + i % 120))
            job = category in EMPLOYMENT_CATEGORIES
            outcomes.append(Outcome(
                candidate=candidate, exit_date=exit_date, category=category,
                employer=companies[i % 50] if job else None, contract_type=contract if job else None,
                start_date=exit_date if job else None,
                trial_end_date=exit_date + datetime.timedelta(days=60) if job else None,
            ))
        outcomes = Outcome.objects.bulk_create(outcomes, batch_size=BATCH)
        for i, outcome in enumerate(outcomes):
            if not outcome.start_date:
                continue
            for kind, due in ((FollowUpKind.TRIAL_END, outcome.trial_end_date),
                              (FollowUpKind.SIX_MONTHS, add_months(outcome.start_date, 6)),
                              (FollowUpKind.TWELVE_MONTHS, add_months(outcome.start_date, 12))):
                answered = due <= today and i % 4 != 0
                checks.append(FollowUpCheck(outcome=outcome, kind=kind, due_on=due,
                                            checked_on=due if answered else None,
                                            still_employed=(i % 3 != 0) if answered else None))
        FollowUpCheck.objects.bulk_create(checks, batch_size=BATCH)

        path = [ApplicationStatus.PROPOSED, ApplicationStatus.CONTACTED, ApplicationStatus.INTERVIEW,
                ApplicationStatus.HIRED]
        applications, furthest = [], []
        for i, candidate in enumerate(candidates):
            for k in range(3):
                stage = (i + k) % 4
                hired = stage == 3
                applications.append(Application(
                    offer=offers[(i * 3 + k) % len(offers)], candidate=candidate, status=path[stage],
                    hired_contract_type=contract if hired else None,
                    hired_start_date=candidate.cohort.start_date + datetime.timedelta(days=40 + i % 90)
                    if hired else None,
                ))
                furthest.append(stage)
        applications = Application.objects.bulk_create(applications, batch_size=BATCH)
        ApplicationStatusChange.objects.bulk_create([
            ApplicationStatusChange(application=application, from_status=path[step - 1] if step else "",
                                    to_status=path[step])
            for application, stage in zip(applications, furthest, strict=True) for step in range(stage + 1)
        ], batch_size=BATCH)

        coaches = Coach.objects.bulk_create([
            Coach(first_name=f"Coach{i}", last_name="Bench", email=f"coach-bench{i}@example.org")
            for i in range(len(candidates))
        ], batch_size=BATCH)
        pairs = Pair.objects.bulk_create([
            Pair(coach=coach, candidate=candidate, start_date=candidate.cohort.start_date + datetime.timedelta(days=5))
            for coach, candidate in zip(coaches, candidates, strict=True)
        ], batch_size=BATCH)
        CoachingSession.objects.bulk_create([
            CoachingSession(pair=pair, date=min(today, pair.start_date + datetime.timedelta(days=7 * week)),
                            duration_minutes=60, kind=SessionKind.MEETING)
            for pair in pairs for week in range(5)
        ], batch_size=BATCH)

        pages = create_draft_stories([(candidate, {}) for candidate in candidates], index=False)
        StoryCounter.objects.bulk_create([
            StoryCounter(page=page, kind=kind, channel="direct", day=today - datetime.timedelta(days=day),
                         count=1 + (page.pk + day) % 9)
            for page in pages for kind in ("view", "share", "qr_scan") for day in (3, 40)
        ], batch_size=BATCH)
    return {"cohorts": len(cohorts), "candidates": len(candidates), "outcomes": len(outcomes),
            "checks": len(checks), "applications": len(applications), "pairs": len(pairs),
            "sessions": 5 * len(pairs), "story pages": len(pages), "counters": 6 * len(pages), "offers": len(offers)}


def median_seconds(function, runs):
    """The median wall-clock time, and the median CPU time of this process: on a machine that others load, the CPU
    time of SQLite (which runs in this process) moves much less than the wall clock."""
    times, cpu_times = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        function()
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu_started)
    return round(statistics.median(times), 3), round(statistics.median(cpu_times), 3)


def kept_database(kind, tag):
    """A database that outlives the run, for ``--keep``: created when missing, never dropped."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.dev",
               TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend")
    if kind == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{Path(tempfile.gettempdir()) / f'tremplin-bench-{tag}-kept.sqlite3'}"
        return env
    name = f"tremplin_bench_{tag}_kept"
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-tA", "-c"]
    exists = subprocess.run([*psql, f"SELECT 1 FROM pg_database WHERE datname = '{name}'"], check=True,
                            capture_output=True, text=True).stdout.strip()
    if not exists:
        subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
    env["DATABASE_URL"] = PG_URL.format(name=name)
    return env


def profile_report_page(client, url, query):
    """Where one report page's time goes: the functions with the most cumulative time, to stderr."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url, query)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(60)
    stats.sort_stats("tottime").print_stats(30)


def child(candidates_count, cohorts_count, runs, profile=False):
    """Set up, build (unless a kept database holds the data already) and measure in this process; print the figures
    as JSON."""
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from cohorts.impact.figures import compute_impact
    from cohorts.impact.measures import ImpactFilters
    from cohorts.impact.views import last_12_months
    from cohorts.models import Cohort
    from snippets.models import City

    call_command("migrate", verbosity=0)
    rows, build_seconds = "reused (kept database)", None
    if not Cohort.objects.filter(name="Bench cohort 0").exists():
        with open(os.devnull, "w") as quiet:
            call_command("load_demo_data", force=True, stdout=quiet)
        started = time.perf_counter()
        rows = build(candidates_count, cohorts_count)
        build_seconds = round(time.perf_counter() - started, 1)
    if connection.vendor == "postgresql":
        # The planner's statistics, which autovacuum gathers in production: without them (the bench's server runs
        # with autovacuum off) PostgreSQL guesses 74 rows for 30,000 and sorts on disk what it would hash in memory.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    period = last_12_months(timezone.localdate())
    everyone = ImpactFilters(*period)
    city = ImpactFilters(*period, city=City.objects.get(name="Bench city 0"))
    reset_queries()  # DEBUG keeps at most 9,000 queries: the bulk writes filled that log
    with CaptureQueriesContext(connection) as queries:
        report = compute_impact(everyone)
    user = (User.objects.filter(username="bench-impact").first()
            or User.objects.create_superuser("bench-impact", "bench-impact@example.org", "x"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    query = {"period": "last_12_months"}
    assert client.get(reverse("cohorts_impact"), query).status_code == 200
    if profile:
        profile_report_page(client, reverse("cohorts_impact"), query)
        print(json.dumps({"profiled": True}))
        return
    figures = {
        "compute_impact, all": median_seconds(lambda: compute_impact(everyone), runs),
        "compute_impact, one city": median_seconds(lambda: compute_impact(city), runs),
        "report page": median_seconds(lambda: client.get(reverse("cohorts_impact"), query), runs),
        "XLSX export": median_seconds(
            lambda: client.get(reverse("cohorts_impact_export", args=["xlsx"]), query), runs),
        "CSV export (public)": median_seconds(
            lambda: client.get(reverse("cohorts_impact_export", args=["csv"]), {**query, "audience": "public"}), runs),
    }
    print(json.dumps({"rows": rows, "build_seconds": build_seconds, "queries": len(queries.captured_queries),
                      "entries": report.entries, "exits": report.exits, "figures": figures}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=10_000)
    parser.add_argument("--cohorts", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--keep", action="store_true", help="keep the database and reuse a kept one")
    parser.add_argument("--profile", action="store_true", help="profile one report page; no results file")
    parser.add_argument("--child", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.candidates, args.cohorts, args.runs, profile=args.profile)
        return

    lines = [
        f"# Impact dashboard benchmark: {args.candidates:,} candidates in {args.cohorts} cohorts",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.1f} at the start. Median of {args.runs} "
        "runs, in seconds; period: the last 12 months. CPU seconds: this process only (on PostgreSQL, without the "
        "server's share).",
        "",
        "Run: `.venv/bin/python bench/impact_bench.py [--databases sqlite,postgres]` (PostgreSQL on 127.0.0.1, user "
        "postgres; each database is created and dropped).",
        "",
    ]
    for database in args.databases.split(","):
        if args.keep:
            env, drop = kept_database(database, f"impact_{args.candidates}_{args.cohorts}"), lambda: None
        else:
            env, drop = fresh_database(database, "impact")
        try:
            output = subprocess.run(
                [PYTHON, __file__, "--child", "--candidates", str(args.candidates), "--cohorts", str(args.cohorts),
                 "--runs", str(args.runs), *(["--profile"] if args.profile else [])],
                env=env, cwd=ROOT, capture_output=True, text=True)
        finally:
            drop()
        if output.returncode:
            sys.exit(f"{database} failed:\n{output.stderr[-3000:]}")
        if args.profile:
            print(f"## {database}\n{output.stderr}", flush=True)
            continue
        result = json.loads(output.stdout.strip().splitlines()[-1])
        lines += [
            f"## {database}",
            "",
            (f"Data written in {result['build_seconds']} s: {result['rows']}." if result["build_seconds"] is not None
             else "Data reused from a kept database.") + " compute_impact ran "
            f"{result['queries']} queries (entries {result['entries']}, exits {result['exits']}).",
            "",
            "| step | seconds (median) | CPU seconds of the bench process (median) |",
            "|---|---|---|",
            *[f"| {step} | {seconds} | {cpu} |" for step, (seconds, cpu) in result["figures"].items()],
            "",
        ]
        print("\n".join(lines[-(len(result["figures"]) + 6):]), flush=True)
    if args.profile:
        return
    out = ROOT / "bench" / "results" / "impact.md"
    # The hand-written notes (before/after figures, what was changed) outlive a new run.
    previous = out.read_text() if out.exists() else ""
    notes = previous[previous.index("\n## Notes") + 1:] if "\n## Notes" in previous else ""
    out.write_text("\n".join(lines) + ("\n" + notes if notes else ""))
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
