import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from cohorts.enums import CandidateStatus, CohortKind, CohortStatus, ExitCategory
from cohorts.models import Candidate, Coach, CoachingSession, Cohort, FollowUpCheck, Outcome, Pair
from cohorts.models.coaching import inactivity_cutoff
from pages.demo import PASSWORD
from pages.models import CandidateIndexPage, CandidatePage, ContentPage, HomePage, ImpactPage
from pages.services import create_draft_story
from snippets import roles
from snippets.enums import OfferStatus
from snippets.models import City, Offer, PartnerCompany, ReferringOrganisation, Sector
from snippets.models.settings import ProgrammeSettings
from tests.cohorts.factories import CandidateFactory
from tests.pages.factories import ImageFactory


def load_demo():
    out = StringIO()
    call_command("load_demo_data", force=True, stdout=out)
    return out.getvalue()


def snapshot():
    """Every row of every table, and every media file: what a second run must leave untouched."""
    tables = set(connection.introspection.table_names())
    rows = {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.db_table in tables and not model._meta.proxy
    }
    media = Path(settings.MEDIA_ROOT)
    files = sorted(str(path) for path in media.rglob("*")) if media.exists() else []
    return rows, files


class TestDemoData(TestCase):
    """The demo is loaded once for the class (it takes seconds); each test runs in its own transaction."""

    @classmethod
    def setUpTestData(cls):
        cls.output = load_demo()

    def test_demo_builds_a_programme(self):
        assert Cohort.objects.filter(status=CohortStatus.RUNNING).count() == 2
        assert Candidate.objects.filter(cohort__status=CohortStatus.RUNNING).count() == 20
        assert PartnerCompany.objects.count() == 8
        assert Offer.objects.count() == 12
        assert Offer.objects.published().count() > Offer.objects.filter(status=OfferStatus.PENDING).count() > 0
        assert City.objects.count() == 3
        assert Sector.objects.count() == 10
        assert ReferringOrganisation.objects.count() == 5
        assert Coach.objects.count() == 14
        assert Coach.objects.filter(employer__isnull=False).exists()
        running = Candidate.objects.filter(cohort__status=CohortStatus.RUNNING)
        assert running.filter(status=CandidateStatus.HIRED).count() == 2
        assert running.filter(status=CandidateStatus.LEFT).count() == 1
        assert f"admin / {PASSWORD}" in self.output

    def test_a_closed_cohort_has_outcomes_of_every_kind_and_their_follow_up(self):
        closed = Cohort.objects.get(status=CohortStatus.CLOSED)
        assert closed.candidates.count() == 14
        assert set(Outcome.objects.values_list("category", flat=True)) == set(ExitCategory.values)
        assert not closed.candidates.filter(status=CandidateStatus.IN_PROGRAMME).exists()
        checks = FollowUpCheck.objects.filter(due_on__lte=timezone.localdate())
        assert checks.filter(still_employed=True).exists() and checks.filter(still_employed=False).exists()
        assert checks.filter(checked_on__isnull=True).exists()  # something for "Suivis à faire"

    def test_coaching_sessions_leave_two_running_pairs_silent(self):
        assert CoachingSession.objects.count() > 200
        silent = Pair.objects.active().exclude(sessions__date__gte=inactivity_cutoff())
        assert silent.count() == 2

    def test_the_impact_page_is_live_and_linked_from_the_about_page(self):
        impact = ImpactPage.objects.get()
        assert impact.live and not impact.show_in_menus
        about = ContentPage.objects.get(slug="a-propos")
        assert impact.pk in [block.value["page"].pk for block in about.body if block.block_type == "call_to_action"]
        assert {figure["key"] for figure in impact.figures} >= {"entries", "positive_exits"}

    def test_youth_cohort_candidates_are_16_to_25(self):
        cohort = Cohort.objects.get(kind=CohortKind.YOUTH)
        for candidate in cohort.candidates.all():
            age = (cohort.start_date - candidate.birth_date).days // 365.25
            assert 16 <= age <= 25, candidate

    def test_home_page_replaces_the_wagtail_welcome_page(self):
        site = Site.objects.get(is_default_site=True)
        assert isinstance(site.root_page.specific, HomePage)
        assert site.root_page.live
        assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()
        menu = site.root_page.get_children().live().in_menu()
        assert set(menu.values_list("slug", flat=True)) == {
            "candidats", "offres", "a-propos", "entreprises", "devenir-coach"
        }
        assert ContentPage.objects.live().count() == 4
        assert ProgrammeSettings.for_site(site).contact_email == "contact@tremplin.localhost"

    def test_the_personal_data_page_shows_the_register(self):
        page = ContentPage.objects.get(slug="donnees-personnelles")
        assert page.live and not page.show_in_menus
        assert "register" in {block.block_type for block in page.body}
        response = self.client.get(page.url)
        assert response.status_code == 200
        assert "Registre des traitements" in response.content.decode()

    def test_home_page_calls_to_become_a_coach(self):
        home = HomePage.objects.get()
        call_to_action = next(block for block in home.body if block.block_type == "call_to_action")
        assert call_to_action.value["page"].slug == "devenir-coach"
        assert {block.block_type for block in home.body} >= {"figures", "quote", "call_to_action"}

    def test_every_candidate_has_a_story_some_published(self):
        index = CandidateIndexPage.objects.get()
        assert CandidatePage.objects.child_of(index).count() == 20
        assert CandidatePage.objects.live().count() == 12
        for page in CandidatePage.objects.select_related("candidate", "photo"):
            assert page.title == page.candidate.public_name
            assert page.candidate.last_name not in page.title
            assert page.photo.description
            assert Revision.objects.for_instance(page).count() == 1
        # Hired candidates keep a live page (it says they found a job) but leave the public list.
        assert CandidatePage.objects.published_stories().count() == 10

    def test_pairs_keep_history(self):
        assert Pair.objects.active().count() >= 12
        ended = Pair.objects.get(end_date__isnull=False, candidate__cohort__status=CohortStatus.RUNNING)
        assert ended.coach.pairs.active().exists()  # the coach went on with another candidate

    def test_running_twice_changes_nothing(self):
        before = snapshot()

        output = load_demo()

        assert snapshot() == before
        assert "nothing to create" in output

    def test_a_rerun_keeps_what_people_changed_in_the_admin(self):
        candidate = Candidate.objects.get(email="moussa.keita@example.org")
        candidate.phone = "06 39 98 99 99"
        candidate.save()
        # Re-pair the coach: the demo's own pair must not come back and break the one-active-pair rule.
        pair = Pair.objects.active().get(candidate=candidate)
        pair.delete()
        unpaired = Candidate.objects.filter(status=CandidateStatus.IN_PROGRAMME, pairs__isnull=True).first()
        Pair.objects.create(coach=pair.coach, candidate=unpaired, start_date=datetime.date(2026, 11, 16))
        CandidatePage.objects.get(candidate=candidate).unpublish()

        load_demo()

        candidate.refresh_from_db()
        assert candidate.phone == "06 39 98 99 99"
        assert pair.coach.current_candidate == unpaired
        assert not candidate.pairs.exists()
        assert not CandidatePage.objects.get(candidate=candidate).live

    def test_a_rerun_does_not_reset_a_changed_password(self):
        admin = User.objects.get(username="admin")
        admin.set_password("changed-by-the-demo-admin")
        admin.save()

        load_demo()

        admin.refresh_from_db()
        assert admin.check_password("changed-by-the-demo-admin")

    @pytest.mark.ignore_template_errors  # Wagtail's own admin templates use undefined variables
    def test_demo_accounts_can_log_in(self):
        assert User.objects.get(username="admin").is_superuser
        assert User.objects.filter(username="communication", groups__name=roles.COMMUNICATION).exists()
        assert Coach.objects.get(user__username="coach").current_candidate is not None
        for username in ("admin", "communication", "coach"):
            assert self.client.login(username=username, password=PASSWORD), username
            assert self.client.get("/admin/").status_code == 200
            self.client.logout()


def test_refuses_to_run_with_debug_off_unless_forced(db):
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo_data", stdout=StringIO())
    assert not User.objects.exists()


# --- create_draft_story ---------------------------------------------------------------------------------


def test_create_draft_story_makes_an_unpublished_page_under_the_story_list(story_index):
    candidate = CandidateFactory(first_name="Moussa", last_name="Keïta")

    page = create_draft_story(candidate=candidate, catchphrase="Toujours à l'heure.", story="<p>Maçon.</p>")

    page.refresh_from_db()
    assert page.get_parent().pk == story_index.pk
    assert not page.live
    assert page.first_published_at is None
    assert page.title == "Moussa K."
    assert page.slug == f"moussa-{candidate.pk}"
    assert page.catchphrase == "Toujours à l'heure."
    assert Revision.objects.for_instance(page).count() == 1
    assert page.latest_revision.as_object().story == "<p>Maçon.</p>"


def test_create_draft_story_returns_the_existing_page(story_index):
    candidate = CandidateFactory()
    page = create_draft_story(candidate=candidate, catchphrase="Premier jet")

    again = create_draft_story(candidate=candidate, catchphrase="Autre chose")

    assert again.pk == page.pk
    assert CandidatePage.objects.count() == 1
    assert Revision.objects.for_instance(page).count() == 1
    assert CandidatePage.objects.get().catchphrase == "Premier jet"


def test_create_draft_story_finds_a_free_slug(story_index):
    candidate = CandidateFactory(first_name="Amina")
    other = CandidatePage.objects.get(candidate=CandidateFactory(with_story=True))
    other.slug = f"amina-{candidate.pk}"
    other.save()

    page = create_draft_story(candidate=candidate, photo=ImageFactory())

    assert page.slug == f"amina-{candidate.pk}-1"
    assert page.photo is not None


def test_create_draft_story_needs_a_story_list(home_page):
    with pytest.raises(CandidateIndexPage.DoesNotExist):
        create_draft_story(candidate=CandidateFactory())
