"""Load benchmark of the public site as production serves it: gunicorn, the production settings, PostgreSQL, Redis.

    .venv/bin/python bench/load.py [--stories 10000] [--clients 20] [--seconds 10] [--workers 2] [--keep-db]
                                   [--scenarios static,story,list,...] [--skip-import]

In one run, side by side: a static file (WhiteNoise), a story page, the story list, the list filtered by a city,
its page 2, the API list and the offers list, each for new visitors (no cookie) and returning visitors (who send
back the cookies they were given); then a mix of story page, list, API and offers while a 10,000-row cohort import
(``manage.py import_cohort``) runs in another process. Per scenario: requests/s, p50/p95/p99 latency, errors by
kind, bytes, the Set-Cookie headers received (a new visitor given a session cookie costs a session row) and the
ratio to the static file's requests/s. Figures go to stdout and to bench/results/load.md.

Everything runs on 127.0.0.1 and is started here: a fresh PostgreSQL database (created, seeded by bench/seed.py,
dropped), a redis-server on a free port, gunicorn on a free port (``--workers``), the import. All are stopped at the
end, on an error or Ctrl-C too. ``--keep-db`` keeps the seeded database (and its media) to copy it for the next
runs, as a template: each run still works on a fresh copy, so the import always imports 10,000 new candidates.
Every URL is requested once before it is measured, so that a page cache, when there is one, is filled.
Not a test: nothing asserts a time.
"""

import argparse
import asyncio
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load_client  # noqa: E402
from bench.cohort_file import write as write_cohort_file  # noqa: E402

PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
REDIS_SERVER = "/usr/bin/redis-server"
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c"]
PG_URL = "postgres://postgres@127.0.0.1:5432/{name}"
STATIC_FILE = "css/tremplin.css"
API_URL = "/api/v2/stories/"
SCENARIOS = ("static", "story", "list", "list-filtered", "list-page-2", "api", "offers", "mix")
MIX = ("story", "list", "api", "offers")
LABELS = {
    "static": "static file (CSS)", "story": "story page", "list": "story list", "list-filtered": "list, one city",
    "list-page-2": "list, page 2", "api": "API list", "offers": "offers list",
}
LOGS = Path(tempfile.gettempdir()) / "tremplin-bench-load-logs"  # the last run's logs, kept for reading
START_TIMEOUT = 60  # seconds for redis-server or gunicorn to answer
STOP_TIMEOUT = 10  # seconds between SIGTERM and SIGKILL


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def psql(sql):
    subprocess.run([*PSQL, sql], check=True)


def database_exists(name):
    output = subprocess.run([*PSQL[:-1], "-tA", "-c", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
                            check=True, capture_output=True, text=True)
    return output.stdout.strip() == "1"


def drop_database(name):
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def start(command, *, env=None, log_path, cwd):
    """Start a process in its own process group (so that stopping it stops its children), output to a file."""
    with open(log_path, "ab") as output:
        return subprocess.Popen(command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)


def stop(process):
    """SIGTERM to the process group, SIGKILL if it is still there after STOP_TIMEOUT seconds."""
    if process.returncode is not None or process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, STOP_TIMEOUT), (signal.SIGKILL, STOP_TIMEOUT)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(wait)
            return
        except subprocess.TimeoutExpired:
            continue


def tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def wait_until(check, process, what, log_path):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped at start (exit {process.returncode}):\n{tail(log_path)}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"{what} did not answer within {START_TIMEOUT} s:\n{tail(log_path)}")


def redis_answers(port):
    with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")


def http_answers(port, path):
    status, _size, _cookies = asyncio.run(load_client.fetch(port, path, timeout=5))
    return status < 500


def unpack(commit, directory):
    """The tree of ``commit`` (git archive, which leaves the repository as it is) in ``directory``; returns its id."""
    full = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", f"{commit}^{{commit}}"], check=True,
                          capture_output=True, text=True).stdout.strip()
    directory.mkdir()
    archive = subprocess.Popen(["git", "-C", str(ROOT), "archive", "--format=tar", full], stdout=subprocess.PIPE)
    with tarfile.open(fileobj=archive.stdout, mode="r|") as tar:
        tar.extractall(directory, filter="data")
    if archive.wait():
        raise SystemExit(f"git archive {commit} failed")
    return full


def seed(code, database, files, stories, log_path):
    """Migrate and seed ``database`` with bench/seed.py (development settings); return its description.

    Its images (the demo's portraits: originals in the private storage, renditions in media) go under ``files``,
    never into the repository's media/ and private/.
    """
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="cms.settings.dev", DATABASE_URL=PG_URL.format(name=database),
               MEDIA_ROOT=str(files / "media"), PRIVATE_ROOT=str(files / "private"),
               TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend", BENCH_CODE_ROOT=str(code))
    env.pop("REDIS_URL", None)
    with open(log_path, "ab") as errors:
        output = subprocess.run([PYTHON, str(ROOT / "bench" / "seed.py"), "--stories", str(stories)], env=env,
                                cwd=code, stdout=subprocess.PIPE, stderr=errors, stdin=subprocess.DEVNULL)
    if output.returncode:
        raise SystemExit(f"Seeding failed:\n{tail(log_path)}")
    return json.loads(output.stdout.decode().strip().splitlines()[-1])


def kept_directory(args):
    """Where --keep-db keeps the seeded files (and a commit's static files) between runs."""
    return Path(tempfile.gettempdir()) / f"tremplin-bench-load-seed-{args.stories}-{args.commit_id or 'tree'}"


def prepare_database(args, stack, workdir, code):
    """A fresh database for this run, seeded or copied from the kept one; returns (name, files, description).

    ``files`` holds the run's media/ and private/ (the images' renditions and originals).
    """
    run_database = f"tremplin_bench_load_{os.getpid()}"
    files = workdir / "files"
    seed_log = workdir / "seed.log"
    if not args.keep_db:
        psql(f"CREATE DATABASE {run_database}")
        stack.callback(drop_database, run_database)
        log(f"Seeding {args.stories:,} stories (migrate, demo data, bulk writes)…")
        return run_database, files, seed(code, run_database, files, args.stories, seed_log)

    # One kept database per size and code measured: a commit's migrations may differ from the working tree's.
    tag = f"{args.stories}_{args.commit_id or 'tree'}"
    kept = f"tremplin_bench_load_seed_{tag}"
    kept_dir = kept_directory(args)
    description_path = kept_dir / "seed.json"
    if not (database_exists(kept) and description_path.exists()):
        drop_database(kept)
        shutil.rmtree(kept_dir, ignore_errors=True)
        kept_dir.mkdir(parents=True)
        psql(f"CREATE DATABASE {kept}")
        log(f"Seeding {args.stories:,} stories into {kept}, kept for the next runs (--keep-db)…")
        try:
            description = seed(code, kept, kept_dir / "files", args.stories, seed_log)
        except BaseException:
            drop_database(kept)
            raise
        description_path.write_text(json.dumps(description))
    else:
        log(f"Reusing {kept} (--keep-db); drop it with: psql -h 127.0.0.1 -U postgres -c 'DROP DATABASE {kept}'")
    description = json.loads(description_path.read_text())
    psql(f"CREATE DATABASE {run_database} TEMPLATE {kept}")
    stack.callback(drop_database, run_database)
    # A copy: the renditions this run makes must not outlive its database.
    shutil.copytree(kept_dir / "files", files)
    return run_database, files, description


def production_env(*, database, redis_port, static_root, files):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL="https://bench.tremplin.example",
        SECURE_SSL_REDIRECT="false",
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        DATABASE_URL=PG_URL.format(name=database),
        DATABASE_CONN_MAX_AGE="60",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(files / "media"),
        PRIVATE_ROOT=str(files / "private"),
        # Nothing leaves the machine: an e-mail the import would send stays in memory.
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(code, env, log_path, *arguments):
    """``manage.py`` with the production settings; its output goes to the log, which a failure shows."""
    with open(log_path, "ab") as output:
        done = subprocess.run([PYTHON, "manage.py", *arguments], env=env, cwd=code, stdout=output,
                              stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(arguments)} failed:\n{tail(log_path)}")


def collect_static(code, env, static_root, log_path, *, reuse):
    """collectstatic into ``static_root`` (a minute on a busy machine), unless ``reuse`` and it was done there."""
    manifest_path = static_root / "staticfiles.json"
    if not (reuse and manifest_path.exists()):
        started = time.perf_counter()
        manage(code, env, log_path, "collectstatic", "--noinput", "-v", "0")
        log(f"collectstatic: {time.perf_counter() - started:.1f} s")
    manifest = json.loads(manifest_path.read_text())
    return "/static/" + manifest["paths"][STATIC_FILE]


def targets_for(description, static_url):
    city = description["city"]["id"]
    list_url = description["list_url"]
    return {
        "static": [static_url],
        "story": description["story_urls"],
        "list": [list_url],
        # As the form sends it: its text field (empty), the city, and the box left checked.
        "list-filtered": [f"{list_url}?q=&city={city}&hide_hired=on"],
        "list-page-2": [f"{list_url}?page=2"],
        "api": [API_URL],
        "offers": [description["offers_url"]],
    }


async def warm_up(port, targets):
    """Each address once, as a new visitor, before any measure; returns the addresses that did not answer well."""
    failed = []
    for paths in targets.values():
        for path in paths:
            try:
                status, _size, _cookies = await load_client.fetch(port, path)
            except load_client.FAILURES as error:
                failed.append(f"{path}: {load_client.error_kind(error)}")
                continue
            if not 200 <= status < 400:
                failed.append(f"{path}: HTTP {status}")
    return failed


def row(scenario, visitors, summary, static_rps):
    errors = ", ".join(f"{kind}: {count}" for kind, count in sorted(summary["errors"].items())) or "0"
    cookies = summary["set_cookies"]
    if cookies:
        names = ", ".join(f"{name} {count}" for name, count in sorted(summary["set_cookie_names"].items()))
        per_request = cookies / summary["requests"] if summary["requests"] else 0
        cookies = f"{cookies:,} ({per_request:.2f}/req: {names})"
    ratio = f"{summary['rps'] / static_rps:.3f}" if static_rps else "—"
    return (f"| {scenario} | {visitors} | {summary['requests']:,} | {summary['rps']:.1f} | {summary['p50_ms']:.0f} | "
            f"{summary['p95_ms']:.0f} | {summary['p99_ms']:.0f} | {errors} | {summary['bytes'] / 1e6:.1f} | "
            f"{cookies} | {ratio} |")


TABLE_HEAD = [
    "| scenario | visitors | requests | req/s | p50 ms | p95 ms | p99 ms | errors | MB | Set-Cookie received | "
    "÷ static req/s |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
]


def merged(stats):
    total = load_client.Stats()
    for part in stats.values():
        total.latencies += part.latencies
        total.errors.update(part.errors)
        total.statuses.update(part.statuses)
        total.bytes += part.bytes
        total.set_cookies.update(part.set_cookies)
        total.seconds = part.seconds
    return total


async def measure(args, port, targets, import_env, import_file, workdir, code, lines):
    """Run the chosen scenarios in order, appending table rows to ``lines``; returns notes on the import."""
    chosen = [name for name in SCENARIOS if name in args.scenarios]
    needed = {*chosen, *(MIX if "mix" in chosen else ())}
    failed = await warm_up(port, {name: paths for name, paths in targets.items() if name in needed})
    notes = []
    if failed:
        notes.append("Warm-up answers that were not 2xx/3xx: " + "; ".join(failed))
        log(notes[-1])
    bounds = {"clients": args.clients, "seconds": args.seconds, "max_requests": args.max_requests}
    static_rps = None

    def add(scenario, visitors, summary):
        lines.append(row(scenario, visitors, summary, static_rps))
        print(lines[-1], flush=True)

    print("\n".join(TABLE_HEAD), flush=True)
    for name in chosen:
        if name == "mix":
            continue
        labelled = [(LABELS[name], path) for path in targets[name]]
        for visitors, returning in (("new", False), ("returning", True)):
            stats = await load_client.run(port, labelled, returning=returning, **bounds)
            summary = stats[LABELS[name]].summary()
            if name == "static" and not returning:
                static_rps = summary["rps"]
            add(LABELS[name], visitors, summary)

    if "mix" not in chosen:
        return notes
    mix = [(LABELS[name], targets[name][0]) for name in MIX]
    stats = await load_client.run(port, mix, **bounds)
    add("**mix, no import**", "new", merged(stats).summary())
    for label, part in stats.items():
        add(f"mix, no import: {label}", "new", part.summary())
    if args.skip_import:
        return notes

    import_log = workdir / "import.log"
    log(f"Import of {args.import_rows:,} rows under load (at most {args.import_timeout} s)…")
    with open(import_log, "wb") as output:
        process = await asyncio.create_subprocess_exec(
            PYTHON, "manage.py", "import_cohort", str(import_file), env=import_env, cwd=code, stdout=output,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    started = time.monotonic()
    try:
        finished = asyncio.ensure_future(process.wait())
        stats = await load_client.run(port, mix, clients=args.clients, seconds=args.import_timeout,
                                      max_requests=args.max_requests, stop=finished)
        load_seconds = time.monotonic() - started
        try:
            await asyncio.wait_for(asyncio.shield(finished), args.import_timeout - load_seconds)
        except TimeoutError:
            notes.append(f"The import was still running after {args.import_timeout} s: stopped.")
    finally:
        if process.returncode is None:
            stop_async(process)
    import_seconds = time.monotonic() - started
    add("**mix, during import**", "new", merged(stats).summary())
    for label, part in stats.items():
        add(f"mix, during import: {label}", "new", part.summary())
    report = [line.strip() for line in import_log.read_text(errors="replace").splitlines() if line.strip()]
    # Its first line (rows read) and its totals; the whole report is in the import's log.
    summary = [line[:200] for number, line in enumerate(report) if number == 0 or " nouveaux, " in line]
    notes.append(
        f"The import of {args.import_rows:,} rows (`manage.py import_cohort`, writing) took {import_seconds:.1f} s "
        f"under this load (exit code {process.returncode}; its report: "
        f"{' / '.join(summary) if summary else 'none'}). The load ran {load_seconds:.1f} s of it."
    )
    log(notes[-1])
    return notes


def stop_async(process):
    """Stop an asyncio subprocess's process group (the import), as ``stop`` does for the others."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + STOP_TIMEOUT
        while time.monotonic() < deadline:
            try:
                pid, _status = os.waitpid(process.pid, os.WNOHANG)
            except ChildProcessError:
                return
            if pid:
                return
            time.sleep(0.1)


def versions(env):
    def run(command):
        try:
            return subprocess.run(command, capture_output=True, text=True, env=env, timeout=30).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return "?"

    postgres = run([*PSQL[:-1], "-tA", "-c", "SHOW server_version"]).split(" ")[0]
    redis = run([REDIS_SERVER, "--version"]).split(" ")[2].removeprefix("v=") if Path(REDIS_SERVER).exists() else "?"
    gunicorn = run([GUNICORN, "--version"]).split(" ")[-1].strip(")")
    return f"PostgreSQL {postgres}, Redis {redis}, gunicorn {gunicorn}"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=10_000, help="published stories to seed (default 10,000)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    parser.add_argument("--seconds", type=float, default=10, help="duration of each scenario (default 10)")
    parser.add_argument("--max-requests", type=int, default=100_000,
                        help="requests per scenario at most, whichever comes first with --seconds (default 100,000)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (default 2)")
    parser.add_argument("--keep-db", action="store_true",
                        help="keep the seeded database and reuse it in the next runs with the same --stories")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS),
                        help=f"comma-separated subset of {','.join(SCENARIOS)} (default: all)")
    parser.add_argument("--skip-import", action="store_true", help="no cohort import under load (the mix still runs)")
    parser.add_argument("--import-rows", type=int, default=10_000, help="rows of the imported cohort (default 10,000)")
    parser.add_argument("--import-timeout", type=int, default=900,
                        help="seconds after which the import (and the load around it) is stopped (default 900)")
    parser.add_argument("--commit", help="measure this commit's code (git archive into a temporary directory) "
                                          "instead of the working tree, e.g. HEAD while others edit the tree")
    parser.add_argument("--label", default="", help="a heading for the results, e.g. 'before the page cache'")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "load.md"))
    args = parser.parse_args()
    args.scenarios = [name.strip() for name in args.scenarios.split(",") if name.strip()]
    unknown = set(args.scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))} (choose among {', '.join(SCENARIOS)})")
    return args


def interrupted(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, interrupted)  # a plain kill cleans up too
    signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl-C, even if started where SIGINT is ignored
    load_before = os.getloadavg()
    started_at = time.strftime("%Y-%m-%d %H:%M")
    workdir = Path(tempfile.mkdtemp(prefix="tremplin-bench-load-"))
    try:
        with ExitStack() as stack:
            if args.commit:
                code = workdir / "code"
                args.commit_id = unpack(args.commit, code)[:8]
                source = f"commit {args.commit_id} (`--commit {args.commit}`)"
            else:
                code, args.commit_id = ROOT, None
                changed = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True,
                                         text=True).stdout.strip()
                head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"],
                                      capture_output=True, text=True).stdout.strip()
                source = f"working tree at {head}" + (" with uncommitted changes" if changed else "")
            log(f"Code: {source}")
            started = time.perf_counter()
            database, files, description = prepare_database(args, stack, workdir, code)
            log(f"Data ready in {time.perf_counter() - started:.0f} s: {description['counts']}")

            redis_port = free_port()
            redis_log = workdir / "redis.log"
            redis = start([REDIS_SERVER, "--bind", "127.0.0.1", "--port", str(redis_port), "--save", "",
                           "--appendonly", "no", "--daemonize", "no", "--dir", str(workdir)],
                          log_path=redis_log, cwd=workdir)
            stack.callback(stop, redis)
            wait_until(lambda: redis_answers(redis_port), redis, "redis-server", redis_log)

            # A commit's static files never change: --keep-db keeps them too. The working tree's may, at any time.
            reuse_static = bool(args.keep_db and args.commit_id)
            static_root = kept_directory(args) / "static" if reuse_static else workdir / "static"
            env = production_env(database=database, redis_port=redis_port, static_root=static_root, files=files)
            # A kept database may predate a migration of the code measured.
            manage(code, env, workdir / "migrate.log", "migrate", "--noinput", "-v", "0")
            static_url = collect_static(code, env, static_root, workdir / "collectstatic.log", reuse=reuse_static)

            port = free_port()
            gunicorn_log = workdir / "gunicorn.log"
            gunicorn = start([GUNICORN, "cms.wsgi:application", "--chdir", str(code), "--bind", f"127.0.0.1:{port}",
                              "--workers", str(args.workers), "--no-control-socket", "--log-level", "warning"],
                             env=env, log_path=gunicorn_log, cwd=code)
            stack.callback(stop, gunicorn)
            wait_until(lambda: http_answers(port, static_url), gunicorn, "gunicorn", gunicorn_log)
            log(f"gunicorn: {args.workers} workers on 127.0.0.1:{port}")

            import_file = workdir / "cohort.csv"
            write_cohort_file(import_file, args.import_rows)
            targets = targets_for(description, static_url)
            lines = []
            notes = asyncio.run(measure(args, port, targets, env, import_file, workdir, code, lines))
            load_after = os.getloadavg()
            shared = " (more than the cores: other work shared the machine)" if max(
                load_before[0], load_after[0]) > (os.cpu_count() or 1) else ""
            machine = (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
                       f"{versions(env)}; load average {load_before[0]:.2f} at start, {load_after[0]:.2f} at the "
                       f"end{shared}")
        # Everything is stopped: the logs are complete.
        server_errors = [line for line in tail(workdir / "gunicorn.log", 100_000).splitlines()
                         if '"level": "ERROR"' in line or "Traceback" in line or "WORKER TIMEOUT" in line]
        if server_errors:
            notes.append(f"gunicorn's log holds {len(server_errors)} error lines; the first: "
                         f"`{server_errors[0][:400]}`")
    finally:
        shutil.rmtree(LOGS, ignore_errors=True)
        LOGS.mkdir()
        for path in workdir.glob("*.log"):
            shutil.copy(path, LOGS)
        shutil.rmtree(workdir, ignore_errors=True)
        log(f"Logs of this run (seeding, gunicorn, import…): {LOGS}")

    write_results(args, started_at, machine, source, description, targets, lines, notes)


def write_results(args, started_at, machine, source, description, targets, lines, notes):
    heading = f"# Load benchmark: the public site under gunicorn{f', {args.label}' if args.label else ''}"
    counts = ", ".join(f"{count:,} {what}" for what, count in description["counts"].items())
    if "build_seconds" in description:
        counts += (f" (seeded in {description['demo_seconds'] + description['build_seconds']:.0f} s: "
                   f"migrations and demo {description['demo_seconds']:.0f} s, stories and offers "
                   f"{description['build_seconds']:.0f} s)")
    text = [
        heading,
        "",
        f"{started_at}. Code: {source}. Machine: {machine}.",
        "The client (Python asyncio, same machine) shares the CPU with gunicorn, PostgreSQL and Redis.",
        "",
        f"Options: --stories {args.stories} --clients {args.clients} --seconds {args.seconds:g} "
        f"--workers {args.workers} --max-requests {args.max_requests} --scenarios {','.join(args.scenarios)}"
        f"{' --skip-import' if args.skip_import else f' --import-rows {args.import_rows}'}"
        f"{f' --commit {args.commit}' if args.commit else ''}"
        f"{' --keep-db' if args.keep_db else ''}.",
        f"Data: {counts}. Production settings (cms.settings.production), PostgreSQL on 127.0.0.1, "
        f"DATABASE_CONN_MAX_AGE=60, Redis cache, WhiteNoise; each request on a new connection, as a browser "
        "behind the TLS proxy (`X-Forwarded-Proto: https`, `Accept-Encoding: gzip, br`).",
        "",
        "Addresses: " + "; ".join(
            f"{LABELS[name]} `{paths[0]}`" + (f" (and {len(paths) - 1} other stories, in turn)" if len(paths) > 1
                                              else "")
            for name, paths in targets.items()) + f" (city: {description['city']['name']}).",
        "New visitors send no cookie; returning visitors send back every cookie they were given (each made one "
        "request first, not counted). Each address was requested once before the measures. "
        "Errors: answers other than 2xx/3xx and connection errors, by kind. MB: bytes received, headers included. "
        "The mix takes story page, list, API and offers in turn.",
        "",
        *TABLE_HEAD,
        *lines,
        "",
        *[f"- {note}" for note in notes],
        "",
        "Run: `.venv/bin/python bench/load.py` (options: `--help`).",
        "",
    ]
    out = Path(args.output)
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(text))
    print("\n".join(f"- {note}" for note in notes))
    print(f"Written to {out}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("Interrupted: every process started here was stopped, the run's database dropped.")
