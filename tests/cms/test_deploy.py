"""The deployment files (deploy/), read as Docker, Compose, gunicorn and systemd would read them: no Docker here."""

import configparser
import json
import multiprocessing
import re
import runpy
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands
from gunicorn.config import Config

from tests.cms.production_env import production_environ

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
APP_SERVICES = {"web", "worker", "scheduler", "migrate"}
# What whoever deploys puts in deploy/.env: the values compose.yaml asks for with ${NAME:?...}.
DEPLOY_ENV = {
    "SECRET_KEY": "k3y-" + "z9y8x7w6v5u4t3s2r1q0" * 3,
    "ALLOWED_HOSTS": "tremplin.example.org",
    "WAGTAILADMIN_BASE_URL": "https://tremplin.example.org",
    "POSTGRES_PASSWORD": "postgres-password",
    "S3_SECRET_KEY": "minio-app-secret",
    "MINIO_ROOT_PASSWORD": "minio-root-password",
    "MEDIA_DOMAIN": "media.tremplin.example.org",
}
VARIABLE = re.compile(r"\$\{(?P<name>\w+)(?:(?P<op>:?[-?])(?P<default>[^}]*))?\}")


def interpolate(value, env):
    """Compose's interpolation of ${NAME}, ${NAME:-default} and ${NAME:?error}; "$$" is a "$"."""
    def substitute(match):
        name, op, default = match["name"], match["op"], match["default"]
        if env.get(name):
            return env[name]
        if op and op.endswith("?"):
            raise KeyError(f"{name}: {default}")
        return default or ""

    return VARIABLE.sub(substitute, str(value)).replace("$$", "$")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def app_environment(compose, service="web"):
    return {name: interpolate(value, DEPLOY_ENV) for name, value in compose["services"][service]["environment"].items()}


def test_compose_runs_the_site_its_workers_and_their_services(compose):
    services = compose["services"]

    assert set(services) == APP_SERVICES | {"db", "redis", "minio", "createbuckets"}
    assert services["web"]["command"] == ["gunicorn", "-c", "deploy/gunicorn.conf.py", "cms.wsgi"]
    assert services["worker"]["command"] == ["python", "manage.py", "db_worker"]
    assert services["scheduler"]["command"] == ["python", "manage.py", "run_scheduler"]
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    for name in APP_SERVICES:
        assert services[name]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
        assert services[name]["environment"] == services["web"]["environment"]
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert services["minio"]["image"].startswith("minio/minio:RELEASE.")
    assert services["createbuckets"]["image"].startswith("minio/mc:RELEASE.")
    # The site starts once its database is migrated and its buckets exist.
    for name in ("web", "worker", "scheduler"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert services[name]["depends_on"]["createbuckets"]["condition"] == "service_completed_successfully"
    # The web server and MinIO are reached through the reverse proxy only.
    assert services["web"]["ports"] == ["127.0.0.1:8000:8000"]
    assert services["minio"]["ports"] == ["127.0.0.1:9000:9000"]


def test_every_long_running_service_has_a_health_check(compose):
    services = compose["services"]

    for name in ("web", "worker", "scheduler", "db", "redis", "minio"):
        assert services[name]["healthcheck"]["test"][0] == "CMD", name
    assert services["web"]["healthcheck"]["test"] == ["CMD", "python", "deploy/healthcheck.py"]
    assert services["worker"]["healthcheck"]["test"][1:] == ["python", "manage.py", "health_check", "health",
                                                             "--no-http"]


def test_minio_opens_the_renditions_only_and_the_site_has_its_own_user(compose):
    script = compose["services"]["createbuckets"]["command"][0]
    environment = app_environment(compose)

    buckets = {environment["AWS_STORAGE_BUCKET_NAME"], environment["AWS_PRIVATE_BUCKET_NAME"]}
    assert f"mc mb --ignore-existing local/{' local/'.join(sorted(buckets))}" in script
    opened = re.findall(r"mc anonymous set download ([^\s;]+)", script)
    assert opened == [f"local/{environment['AWS_STORAGE_BUCKET_NAME']}/media/images",
                      f"local/{environment['AWS_STORAGE_BUCKET_NAME']}/media/avatar_images"]
    assert f"mc admin user add local {environment['AWS_ACCESS_KEY_ID']}" in script


def test_compose_refuses_to_start_without_the_secrets():
    with pytest.raises(KeyError, match="SECRET_KEY"):
        interpolate("${SECRET_KEY:?set it}", {})


def test_the_compose_environment_is_all_production_needs(compose, tmp_path):
    """Production settings start from exactly the web service's environment, with object storage and Redis."""
    code = (
        "import json; from django.conf import settings; print(json.dumps({"
        "'default': settings.STORAGES['default']['BACKEND'], 'images': settings.STORAGES['images']['BACKEND'],"
        "'cache': settings.CACHES['default']['BACKEND'], 'database': settings.DATABASES['default']['HOST'],"
        "'log': settings.LOGGING['handlers']['console']['formatter'], 'media': settings.MEDIA_URL}))"
    )
    environment = {**app_environment(compose), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True,
                            timeout=120)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "default": "cms.storage.MediaS3Storage", "images": "cms.storage.PrivateS3Storage",
        "cache": "django.core.cache.backends.redis.RedisCache", "database": "db", "log": "json",
        "media": "https://media.tremplin.example.org/tremplin-media/media/",
    }


def dockerfile_instructions():
    """(instruction, arguments) for each line of deploy/Dockerfile, continuation lines joined."""
    text = (DEPLOY / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [tuple(line.split(None, 1)) for line in lines]


def collectstatic_step():
    """The environment and the command of the Dockerfile's collectstatic step."""
    [step] = [args for instruction, args in dockerfile_instructions()
              if instruction == "RUN" and "collectstatic" in args]
    words = shlex.split(step)
    env = dict(word.split("=", 1) for word in words if re.match(r"^[A-Z_]+=", word))
    command = [word for word in words if not re.match(r"^[A-Z_]+=", word)]
    return env, command


def test_the_image_is_python_311_slim_run_by_a_user_that_is_not_root():
    instructions = dockerfile_instructions()
    names = [instruction for instruction, _args in instructions]

    assert instructions[0] == ("FROM", "python:3.11-slim")
    assert ("RUN", "pip install -r requirements.txt") in instructions
    [user] = [args for instruction, args in instructions if instruction == "USER"]
    assert user not in {"root", "0"}
    # Everything after USER runs as that user: nothing is installed past it.
    assert names.index("USER") > max(i for i, (instruction, args) in enumerate(instructions) if instruction == "RUN")
    assert json.loads(dict(instructions)["CMD"]) == ["gunicorn", "-c", "deploy/gunicorn.conf.py", "cms.wsgi"]
    env = dict(instructions)["ENV"]
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in env


def test_collectstatic_runs_at_build_with_throwaway_values_kept_out_of_the_image():
    env, command = collectstatic_step()

    assert command == ["python", "manage.py", "collectstatic", "--noinput"]
    assert set(env) == {"SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "TREMPLIN_SINGLE_PROCESS"}
    # Not in ENV: the running image has no key unless its environment gives one.
    env_lines = " ".join(args for instruction, args in dockerfile_instructions() if instruction == "ENV")
    assert "SECRET_KEY" not in env_lines


def test_collectstatic_works_with_the_build_settings(tmp_path):
    """The Dockerfile's very step, into a temporary STATIC_ROOT, under production settings and nothing else."""
    env, command = collectstatic_step()
    environment = production_environ(**env, STATIC_ROOT=str(tmp_path / "static"))
    for name in ("REDIS_URL", "DATABASE_URL", "AWS_STORAGE_BUCKET_NAME"):
        environment.pop(name, None)

    result = subprocess.run([sys.executable, *command[1:]], cwd=ROOT, env=environment, capture_output=True,
                            text=True, timeout=600)

    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    assert "css/tremplin.css" in manifest["paths"]
    assert any(path.startswith("wagtailadmin/") for path in manifest["paths"])


def gunicorn_settings(monkeypatch, cpu_count, **env):
    for name in ("GUNICORN_WORKERS", "GUNICORN_TIMEOUT", "FORWARDED_ALLOW_IPS", "LOG_FORMAT", "GUNICORN_BIND"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(multiprocessing, "cpu_count", lambda: cpu_count)
    return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))


@pytest.mark.parametrize(("cpu_count", "workers"), [(1, 3), (2, 5), (8, 17)])
def test_gunicorn_runs_two_workers_per_core_plus_one(monkeypatch, cpu_count, workers):
    assert gunicorn_settings(monkeypatch, cpu_count)["workers"] == workers


def test_gunicorn_settings_follow_the_environment(monkeypatch):
    conf = gunicorn_settings(monkeypatch, 8, GUNICORN_WORKERS="3", GUNICORN_TIMEOUT="120",
                             FORWARDED_ALLOW_IPS="10.0.0.2", GUNICORN_BIND="127.0.0.1:8001")

    assert conf["workers"] == 3
    assert conf["timeout"] == 120
    assert conf["forwarded_allow_ips"] == "10.0.0.2"
    assert conf["bind"] == "127.0.0.1:8001"


def test_gunicorn_knows_every_setting_of_the_file_and_logs_json(monkeypatch):
    conf = gunicorn_settings(monkeypatch, 2)
    settings = {name: value for name, value in conf.items()
                if not name.startswith("_") and name not in {"multiprocessing", "os", "default_workers"}}
    config = Config()

    for name, value in settings.items():
        config.set(name, value)  # a misspelt setting raises AttributeError, a wrong type an error of its own

    assert config.workers == 5
    assert "request_id=%({x-request-id}i)s" in config.access_log_format
    assert "%(h)s" not in config.access_log_format  # no visitor's address
    assert config.logconfig_dict["formatters"]["json"]["()"] == "cms.logging.JsonFormatter"
    assert "logconfig_dict" not in gunicorn_settings(monkeypatch, 2, LOG_FORMAT="text")


UNITS = ["tremplin-web.service", "tremplin-worker.service", "tremplin-scheduler.service"]


@pytest.mark.parametrize("unit", UNITS)
def test_each_systemd_unit_parses_and_starts_a_real_command(unit):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # systemd's keys are case-sensitive
    parser.read_string((DEPLOY / "systemd" / unit).read_text())

    assert set(parser.sections()) == {"Unit", "Service", "Install"}
    service = parser["Service"]
    assert service["User"] not in {"root", "0"}
    assert "DJANGO_SETTINGS_MODULE=cms.settings.production" in service["Environment"].split()
    assert service["EnvironmentFile"]
    assert service["Restart"] == "on-failure"
    program, *args = shlex.split(service["ExecStart"])
    if Path(program).name == "gunicorn":
        assert args[0] == "-c"
        assert (ROOT / args[1]).is_file()
        assert args[2] == "cms.wsgi" and (ROOT / "cms" / "wsgi.py").is_file()
    else:
        assert Path(program).name == "python"
        assert args[0] == "manage.py"
        assert args[1] in get_commands()
    assert parser["Install"]["WantedBy"] == "multi-user.target"


def test_the_units_run_the_web_server_the_worker_and_the_scheduler():
    starts = {}
    for unit in UNITS:
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string((DEPLOY / "systemd" / unit).read_text())
        starts[unit] = shlex.split(parser["Service"]["ExecStart"])

    assert starts["tremplin-web.service"][-1] == "cms.wsgi"
    assert starts["tremplin-worker.service"][-1] == "db_worker"
    assert starts["tremplin-scheduler.service"][-1] == "run_scheduler"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_containers_health_check_script_reads_health(live_server):
    address = live_server.url.removeprefix("http://")

    healthy = subprocess.run([sys.executable, str(DEPLOY / "healthcheck.py")], capture_output=True, text=True,
                             env={"HEALTHCHECK_ADDRESS": address, "ALLOWED_HOSTS": "localhost,example.org"},
                             timeout=60)
    unreachable = subprocess.run([sys.executable, str(DEPLOY / "healthcheck.py")], capture_output=True, text=True,
                                 env={"HEALTHCHECK_ADDRESS": "127.0.0.1:9", "ALLOWED_HOSTS": "localhost"}, timeout=60)

    assert healthy.returncode == 0, healthy.stdout + healthy.stderr
    assert "Database(alias='default'): OK" in healthy.stdout
    assert unreachable.returncode == 1


def test_the_workers_health_check_command_runs_the_checks(tmp_path):
    environment = production_environ(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    environment["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"

    result = subprocess.run([sys.executable, "manage.py", "health_check", "health", "--no-http"], cwd=ROOT,
                            env=environment, capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Cache(alias='default'): OK" in result.stdout


def documented_variables():
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))


def test_every_variable_the_deployment_reads_is_documented(compose):
    read = set()
    for path in [*(ROOT / "cms" / "settings").glob("*.py"), DEPLOY / "gunicorn.conf.py", DEPLOY / "healthcheck.py"]:
        read |= set(re.findall(r"""(?:environ\.get|env_bool|env_list)\(\s*["']([A-Z0-9_]+)["']""", path.read_text()))
    read |= set(compose["services"]["web"]["environment"])
    # Compose's own: what deploy/.env sets for the containers.
    read |= set(re.findall(r"\$\{(\w+)", (DEPLOY / "compose.yaml").read_text()))

    assert read - documented_variables() == set()
