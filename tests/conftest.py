import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, Site

from pages.models import CandidateIndexPage, HomePage
from snippets import roles
from tests.cohorts.factories import CandidateFactory, CoachFactory, PairFactory
from tests.snippets.factories import UserFactory


def pytest_sessionstart(session):
    """Remove the browser tests' failure screenshots of an earlier run, so none is mistaken for new.

    Once, in the process that runs the session: under pytest-xdist the workers share the folder, and one worker
    clearing it must not delete what another has just saved.
    """
    if not hasattr(session.config, "workerinput"):
        shutil.rmtree(session.config.rootpath / "test-artifacts" / "failures", ignore_errors=True)


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


@pytest.fixture
def plain_client(client, plain_user):
    """Logged in, but the account holds no role."""
    client.force_login(plain_user)
    return client


@pytest.fixture
def coach_record(coach_user):
    """The coach behind ``coach_user``: the admin account is linked through ``Coach.user``."""
    return CoachFactory(user=coach_user, first_name="Claire", last_name="Coach")


@pytest.fixture
def coached_candidate(coach_record):
    """The one candidate ``coach_user`` may read: paired with them, pair still active."""
    candidate = CandidateFactory(first_name="Awa", last_name="Suivie")
    PairFactory(coach=coach_record, candidate=candidate)
    return candidate


@pytest.fixture
def unrelated_candidate():
    """A candidate paired with somebody else's coach."""
    candidate = CandidateFactory(first_name="Bintou", last_name="Ailleurs")
    PairFactory(candidate=candidate)
    return candidate
