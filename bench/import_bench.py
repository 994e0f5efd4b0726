"""Benchmark of the cohort import: preview and confirm of a 10,000-row file, on SQLite and PostgreSQL, beside a plain
django-import-export ModelResource (default options) importing the same candidates (the peer).

    .venv/bin/python bench/import_bench.py [--rows 10000] [--databases sqlite,postgres]

Each measurement runs in a fresh process on a fresh database, so its peak RSS is its own, with DEBUG off as in
production. CPU seconds are the process's own (not PostgreSQL's): steadier than wall time on a shared machine.
Figures go to stdout and to bench/results/imports.md. Not a test: nothing here asserts a time.
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"


def child(step, file_path):
    """Run one step in this process and print its figures as JSON."""
    import resource

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # As in production. With DEBUG on, Django keeps the SQL of the last 9,000 queries, which the bulk statements of an
    # import fill with hundreds of megabytes: the peak RSS would measure the debug log, not the import.
    settings.DEBUG = False

    if step == "setup":
        call_command("migrate", verbosity=0)
        with open(os.devnull, "w") as quiet:
            call_command("load_demo_data", force=True, stdout=quiet)
        print(json.dumps({}))
        return
    data = Path(file_path).read_bytes()
    started = time.perf_counter()
    cpu_started = time.process_time()
    if step == "peer":
        summary = peer_import(data)
    else:
        from cohorts.imports.runner import run_import

        report = run_import("cohort", data, Path(file_path).name, dry_run=step == "preview")
        summary = report.summary()
        assert report.ok, report.as_text()[:2000]
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    from cohorts.models import Candidate, Coach, Pair
    from pages.models import CandidatePage

    print(json.dumps({
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "summary": summary,
        "rows_in_db": {"candidates": Candidate.objects.count(), "coaches": Coach.objects.count(),
                       "pairs": Pair.objects.count(), "story_pages": CandidatePage.objects.count()},
    }))


def peer_import(data):
    """The same candidates through a plain ModelResource with default options: candidates only, one by one."""
    import tablib
    from import_export import resources

    from cohorts.imports.columns import COHORT_COLUMNS
    from cohorts.imports.reading import read_table
    from cohorts.models import Candidate, Cohort

    class PeerResource(resources.ModelResource):
        class Meta:
            model = Candidate
            fields = ("first_name", "last_name", "email", "phone", "birth_date", "cohort")
            import_id_fields = ("email",)

    table = read_table(data, "peer.csv", COHORT_COLUMNS)
    cohort = Cohort.objects.first()
    dataset = tablib.Dataset(headers=["first_name", "last_name", "email", "phone", "birth_date", "cohort"])
    for _line, values in table.rows:
        day, month, year = values["date_naissance"].split("/")
        dataset.append([values["prenom"], values["nom"], values["email"].strip().lower(), values["telephone"][:30],
                        f"{year}-{month}-{day}", cohort.pk])
    result = PeerResource().import_data(dataset, dry_run=False, use_transactions=True)
    assert not result.has_errors() and not result.has_validation_errors()
    return f"{result.totals['new']} new (candidates only)"


def run_child(step, file_path, env):
    output = subprocess.run([PYTHON, __file__, "--child", step, "--file", str(file_path)], env=env, cwd=ROOT,
                            capture_output=True, text=True)
    if output.returncode:
        sys.exit(f"{step} failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def fresh_database(kind, tag):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.dev",
               TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend")
    if kind == "sqlite":
        path = Path(tempfile.gettempdir()) / f"tremplin-bench-{tag}.sqlite3"
        path.unlink(missing_ok=True)
        env["DATABASE_URL"] = f"sqlite:///{path}"
        return env, lambda: path.unlink(missing_ok=True)
    name = f"tremplin_bench_{tag}_{os.getpid()}"
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-c"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
    env["DATABASE_URL"] = PG_URL.format(name=name)
    return env, lambda: subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--child")
    parser.add_argument("--file")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.file)
        return

    from bench.cohort_file import write

    file_path = Path(tempfile.gettempdir()) / f"tremplin-bench-{args.rows}.csv"
    write(file_path, args.rows)
    lines = [
        f"# Cohort import benchmark: {args.rows:,} rows ({file_path.stat().st_size / 1e6:.1f} MB CSV)",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}.",
        "",
        "| database | step | seconds | CPU seconds | peak RSS (MB) | result |",
        "|---|---|---|---|---|---|",
    ]
    for database in args.databases.split(","):
        figures = {}
        for step in ("preview", "confirm", "reimport", "peer"):
            env, drop = fresh_database(database, step)
            try:
                run_child("setup", file_path, env)
                if step == "reimport":
                    run_child("confirm", file_path, env)
                figures[step] = run_child("preview" if step == "preview" else
                                          "peer" if step == "peer" else "confirm", file_path, env)
            finally:
                drop()
            result = figures[step]
            lines.append(f"| {database} | {step} | {result['seconds']} | {result['cpu_seconds']} | "
                         f"{result['peak_rss_mb']} | {result['summary']}; in DB: {result['rows_in_db']} |")
            print(lines[-1], flush=True)
        ratio = figures["confirm"]["seconds"] / figures["peer"]["seconds"]
        cpu_ratio = figures["confirm"]["cpu_seconds"] / figures["peer"]["cpu_seconds"]
        lines.append(f"| {database} | ours ÷ peer | {ratio:.2f} | {cpu_ratio:.2f} | | "
                     "ours also creates coaches, pairs and story pages |")
        print(lines[-1], flush=True)
    out = ROOT / "bench" / "results" / "imports.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
