"""Media on S3-compatible object storage once AWS_STORAGE_BUCKET_NAME is set: renditions public, originals, documents
and imports private, the originals still streamed by the admin view. Against moto's S3 server on this machine, with
the STORAGES that production settings build from the environment."""

import json
import logging
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.urls import reverse
from moto.server import ThreadedMotoServer
from wagtail.documents import get_document_model

from cohorts.enums import ImportKind
from cohorts.models import ImportJob
from pages.models import CustomImage
from tests.cms.production_env import GOOD, production_environ
from tests.pages.factories import ImageFactory
from tests.streaming import close_file

# The variables of object storage (cms/settings/base.py): a test starts with none of them, whatever the shell has.
S3_VARIABLES = [
    "AWS_STORAGE_BUCKET_NAME", "AWS_PRIVATE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "AWS_S3_REGION_NAME",
    "AWS_S3_CUSTOM_DOMAIN", "AWS_S3_URL_PROTOCOL", "AWS_MEDIA_ACL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
]
ROOT = Path(__file__).resolve().parents[2]
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "tremplin-test", "AWS_SECRET_ACCESS_KEY": "tremplin-test-secret"}
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"

READ_STORAGE_SETTINGS = (
    "import json; from django.conf import settings; print(json.dumps({"
    "'storages': settings.STORAGES, 'media_url': settings.MEDIA_URL, 'media_origin': settings.MEDIA_ORIGIN,"
    "'img_src': settings.CSP_POLICY['img-src'], 'admin_img_src': settings.CSP_ADMIN_POLICY['img-src']}, default=str))"
)


def production_storage_settings(**env):
    """STORAGES and the media settings that cms.settings.production builds from ``env`` alone, in a fresh process."""
    environ = {name: value for name, value in production_environ(**GOOD, **env).items()
               if name not in S3_VARIABLES or name in env}
    result = subprocess.run(
        [sys.executable, "-c", READ_STORAGE_SETTINGS], cwd=ROOT, env=environ,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_bucket_media_stay_on_this_machines_disk():
    built = production_storage_settings()

    assert {alias: storage["BACKEND"] for alias, storage in built["storages"].items()} == {
        "default": "django.core.files.storage.FileSystemStorage",
        "imports": "django.core.files.storage.FileSystemStorage",
        "images": "django.core.files.storage.FileSystemStorage",
        "staticfiles": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
    assert built["media_url"] == "/media/"
    assert built["media_origin"] == ""
    assert built["img_src"] == ["'self'", "data:"]


def test_a_bucket_in_the_environment_puts_media_public_and_private_files_in_their_buckets():
    built = production_storage_settings(
        AWS_STORAGE_BUCKET_NAME="tremplin-media", AWS_PRIVATE_BUCKET_NAME="tremplin-private",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud", AWS_S3_REGION_NAME="fr-par", **CREDENTIALS,
    )
    default, images, imports = (built["storages"][alias] for alias in ("default", "images", "imports"))

    assert default["BACKEND"] == "cms.storage.MediaS3Storage"
    assert default["OPTIONS"] == {
        "endpoint_url": "https://s3.fr-par.scw.cloud", "region_name": "fr-par", "file_overwrite": False,
        "bucket_name": "tremplin-media", "location": "media", "custom_domain": "s3.fr-par.scw.cloud/tremplin-media",
        "url_protocol": "https:", "querystring_auth": False, "default_acl": "public-read",
    }
    for storage in (images, imports):
        assert storage["BACKEND"] == "cms.storage.PrivateS3Storage"
        assert storage["OPTIONS"]["bucket_name"] == "tremplin-private"
        assert storage["OPTIONS"]["file_overwrite"] is False
        # PrivateS3Storage sends no ACL and signs no URL; nothing here may ask otherwise.
        assert not {"default_acl", "querystring_auth", "custom_domain"} & set(storage["OPTIONS"])
    assert images["OPTIONS"]["location"] == "private/images"
    assert images["OPTIONS"]["base_url"] == "/admin/images/original/"
    assert imports["OPTIONS"]["location"] == "private/imports"
    assert "base_url" not in imports["OPTIONS"]
    # The secret stays in the environment, where boto3 reads it: never in a setting a debug page could show.
    assert "tremplin-test-secret" not in json.dumps(built)
    assert built["media_url"] == "https://s3.fr-par.scw.cloud/tremplin-media/media/"
    assert built["img_src"] == ["'self'", "data:", "https://s3.fr-par.scw.cloud"]
    assert built["admin_img_src"][-1] == "https://s3.fr-par.scw.cloud"


def test_without_a_private_bucket_private_files_go_under_private_in_the_media_bucket():
    built = production_storage_settings(AWS_STORAGE_BUCKET_NAME="tremplin", AWS_S3_REGION_NAME="eu-west-3")

    assert built["storages"]["images"]["OPTIONS"]["bucket_name"] == "tremplin"
    assert built["storages"]["images"]["OPTIONS"]["location"] == "private/images"
    assert built["storages"]["default"]["OPTIONS"]["location"] == "media"
    # AWS itself: the bucket's own address.
    assert built["media_url"] == "https://tremplin.s3.eu-west-3.amazonaws.com/media/"


def test_a_cdn_domain_and_a_bucket_policy_instead_of_acls():
    built = production_storage_settings(
        AWS_STORAGE_BUCKET_NAME="tremplin-media", AWS_S3_ENDPOINT_URL="http://minio:9000",
        AWS_S3_CUSTOM_DOMAIN="media.tremplin.example.org", AWS_MEDIA_ACL="",
    )

    assert built["storages"]["default"]["OPTIONS"]["custom_domain"] == "media.tremplin.example.org"
    assert built["storages"]["default"]["OPTIONS"]["default_acl"] is None
    assert built["media_url"] == "https://media.tremplin.example.org/media/"
    assert built["media_origin"] == "https://media.tremplin.example.org"


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on a free local port, for this module's tests (its request log kept out of theirs)."""
    werkzeug_logger = logging.getLogger("werkzeug")
    level = werkzeug_logger.level
    werkzeug_logger.setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=_free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()
    werkzeug_logger.setLevel(level)


@pytest.fixture(scope="module")
def s3(s3_endpoint):
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name="us-east-1",
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"], aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
    )
    yield client
    client.close()


@pytest.fixture(scope="module")
def buckets(s3):
    """A media bucket and a private bucket, for this module's tests; every object they write has a random name."""
    suffix = uuid.uuid4().hex[:10]
    names = {"media": f"tremplin-media-{suffix}", "private": f"tremplin-private-{suffix}"}
    for name in names.values():
        s3.create_bucket(Bucket=name)
    return names


@pytest.fixture(scope="module")
def built_for_moto(s3_endpoint, buckets):
    return production_storage_settings(
        AWS_STORAGE_BUCKET_NAME=buckets["media"], AWS_PRIVATE_BUCKET_NAME=buckets["private"],
        AWS_S3_ENDPOINT_URL=s3_endpoint, AWS_S3_REGION_NAME="us-east-1",
    )


@pytest.fixture
def object_storage(built_for_moto, settings, monkeypatch):
    """This process's storages as production builds them for moto's server, the fields' storages pointed at them."""
    built = built_for_moto
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    # Static files are not media: the test settings' plain storage stays.
    settings.STORAGES = {**built["storages"], "staticfiles": settings.STORAGES["staticfiles"]}
    # A FileField evaluates its storage callable once, when its model is defined: point the fields at the new ones.
    monkeypatch.setattr(CustomImage._meta.get_field("file"), "storage", storages["images"])
    monkeypatch.setattr(ImportJob._meta.get_field("file"), "storage", storages["imports"])
    return built


def anonymous_get(url):
    """The status and body of a GET without any credentials, as a visitor's browser sends it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def object_url(endpoint, bucket, key):
    return f"{endpoint}/{bucket}/{key}"


def grantees(s3, bucket, key):
    return {grant["Grantee"].get("URI") or grant["Grantee"].get("ID") for grant in
            s3.get_object_acl(Bucket=bucket, Key=key)["Grants"]}


@pytest.mark.django_db
def test_a_rendition_is_public_and_the_original_private(object_storage, s3, s3_endpoint, buckets):
    image = ImageFactory()
    rendition = image.get_rendition("fill-80x80")

    with rendition.file.open("rb") as stored:
        rendition_bytes = stored.read()
    assert rendition.url.startswith(f"{s3_endpoint}/{buckets['media']}/media/images/")
    assert anonymous_get(rendition.url) == (200, rendition_bytes)
    assert ALL_USERS in grantees(s3, buckets["media"], f"media/{rendition.file.name}")

    # The original is in the private bucket, under no public grant, and a visitor who guesses its address is refused
    # (moto checks an object's ACL for a request without credentials, as S3 does).
    original_key = f"private/images/{image.file.name}"
    assert s3.head_object(Bucket=buckets["private"], Key=original_key)["ContentLength"] > 0
    assert ALL_USERS not in grantees(s3, buckets["private"], original_key)
    assert anonymous_get(object_url(s3_endpoint, buckets["private"], original_key))[0] == 403
    assert "Contents" not in s3.list_objects_v2(Bucket=buckets["media"], Prefix=f"media/{image.file.name}")
    # Its address is still the admin view's, never the bucket's.
    assert image.file.url == reverse("pages_original_image", args=[image.file.name])


@pytest.mark.django_db
def test_the_admin_view_streams_the_original_from_the_private_bucket(object_storage, admin_client, s3, buckets):
    image = ImageFactory()
    original = s3.get_object(Bucket=buckets["private"], Key=f"private/images/{image.file.name}")["Body"].read()

    response = admin_client.get(reverse("pages_original_image", args=[image.file.name]))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == original
    close_file(response)


@pytest.mark.django_db
@pytest.mark.ignore_template_errors  # Wagtail's login page reads unset variables
def test_a_visitor_is_still_sent_to_the_login_page_for_an_original(object_storage, client):
    image = ImageFactory()

    response = client.get(image.file.url)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.django_db
def test_an_uploaded_spreadsheet_lands_in_the_private_bucket_and_has_no_address(
    object_storage, s3, s3_endpoint, buckets
):
    job = ImportJob(kind=ImportKind.COHORT, file_name="cohorte-paris.xlsx")
    job.file.save("cohorte-paris.xlsx", ContentFile(b"PK\x03\x04 a spreadsheet"), save=True)

    key = f"private/imports/{job.file.name}"
    assert s3.get_object(Bucket=buckets["private"], Key=key)["Body"].read() == b"PK\x03\x04 a spreadsheet"
    assert "cohorte-paris" not in job.file.name
    assert ALL_USERS not in grantees(s3, buckets["private"], key)
    assert anonymous_get(object_url(s3_endpoint, buckets["private"], key))[0] == 403
    with pytest.raises(ValueError, match="private"):
        job.file.url  # noqa: B018


@pytest.mark.django_db
def test_a_document_stays_private_in_the_media_bucket(object_storage, s3, s3_endpoint, buckets):
    """A candidate's CV is a Wagtail document: Wagtail streams it after its checks, the bucket never gives it away."""
    document = get_document_model().objects.create(title="CV", file=ContentFile(b"%PDF-1.4 CV", name="cv.pdf"))

    key = f"media/{document.file.name}"
    assert ALL_USERS not in grantees(s3, buckets["media"], key)
    assert anonymous_get(object_url(s3_endpoint, buckets["media"], key))[0] == 403


@pytest.mark.django_db
def test_the_health_check_passes_on_object_storage(object_storage, client, s3, buckets):
    response = client.get("/health/", HTTP_ACCEPT="text/plain")

    assert response.status_code == 200, response.content
    assert response.content.decode().count("Storage(alias=") == 3
    # Its probe files are deleted at once.
    for bucket in buckets.values():
        keys = [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
        assert not [key for key in keys if "health_check" in key]
