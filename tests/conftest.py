import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site

from pages.models import CandidateIndexPage, HomePage
from snippets import roles
from tests.factories import UserFactory


@pytest.fixture(autouse=True, scope="session")
def _clean_test_media():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: ids are reused after a rollback, and Wagtail caches renditions by id."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """A site whose root is our home page, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", hero_title="Un début de réseau"))
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = home
    site.save()
    old_root.delete()
    return home


@pytest.fixture
def story_index(home_page):
    return home_page.add_child(instance=CandidateIndexPage(title="Les candidats", slug="candidats"))


@pytest.fixture
def admin_user(db):
    return UserFactory(username="superadmin", is_superuser=True)


@pytest.fixture
def programme_admin(db):
    return UserFactory(username="admin-programme", groups=[roles.PROGRAMME_ADMINS])


@pytest.fixture
def communication_user(db):
    return UserFactory(username="communication", groups=[roles.COMMUNICATION])


@pytest.fixture
def coach_user(db):
    return UserFactory(username="coach", groups=[roles.COACHES])


@pytest.fixture
def plain_user(db):
    """Logged in, but with no role: sees nothing of the admin."""
    return UserFactory(username="visiteur")


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def admin_client(client, admin_user):
    return _client_for(client, admin_user)


@pytest.fixture
def programme_admin_client(client, programme_admin):
    return _client_for(client, programme_admin)


@pytest.fixture
def communication_client(client, communication_user):
    return _client_for(client, communication_user)


@pytest.fixture
def coach_client(client, coach_user):
    return _client_for(client, coach_user)
