"""Factories for the people and their records. Traits name the states tests care about:
CandidateFactory(published=True)."""

import datetime

import factory

from cohorts.enums import (
    CandidateStatus,
    CohortStatus,
    ConsentChannel,
    ConsentPurpose,
    ExitCategory,
    HelpKind,
    SessionKind,
)
from cohorts.models import (
    Candidate,
    Coach,
    CoachingSession,
    Cohort,
    ConsentRecord,
    ContactRequest,
    Outcome,
    Pair,
)
from pages.models import CandidatePage
from tests.pages.factories import story_parent
from tests.snippets.factories import CityFactory, ContractTypeFactory, PartnerCompanyFactory


class CohortFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Promotion {n}")
    city = factory.SubFactory(CityFactory)
    start_date = datetime.date(2026, 9, 1)
    end_date = datetime.date(2027, 2, 28)
    status = CohortStatus.RUNNING

    class Meta:
        model = Cohort


class CoachFactory(factory.django.DjangoModelFactory):
    first_name = factory.Sequence(lambda n: f"Claire{n}")
    last_name = "Martin"
    email = factory.Sequence(lambda n: f"coach{n}@example.org")

    class Meta:
        model = Coach


class CandidateFactory(factory.django.DjangoModelFactory):
    first_name = factory.Sequence(lambda n: f"Amina{n}")
    last_name = "Diallo"
    email = factory.Sequence(lambda n: f"candidat{n}@example.org")
    phone = "06 12 34 56 78"
    birth_date = datetime.date(1990, 5, 17)
    cohort = factory.SubFactory(CohortFactory)
    status = CandidateStatus.IN_PROGRAMME

    class Meta:
        model = Candidate
        skip_postgeneration_save = True

    class Params:
        with_story = factory.Trait(story__publish=False)
        published = factory.Trait(story__publish=True)
        hired = factory.Trait(status=CandidateStatus.HIRED)

    @factory.post_generation
    def story(self, create, extracted, **kwargs):
        """Create the story page when asked: ``with_story`` leaves it a draft, ``published`` publishes it.

        Publishing needs the candidate's consent: ``published`` records consent to publication and to the photo.
        """
        if not create or "publish" not in kwargs:
            return
        if kwargs["publish"]:
            for purpose in (ConsentPurpose.PUBLISH_STORY, ConsentPurpose.SHOW_PHOTO):
                ConsentRecordFactory(candidate=self, purpose=purpose)
        page = CandidatePage(
            title=self.public_name,
            slug=f"{self.first_name}-{self.pk}".lower(),
            candidate=self,
            catchphrase="Je suis ponctuelle et je ne lâche rien.",
            story="<p>Arrivée en France en 2019, j'ai travaillé en cuisine.</p>",
            live=False,
        )
        story_parent().add_child(instance=page)
        revision = page.save_revision()
        if kwargs["publish"]:
            revision.publish()
            page.refresh_from_db()


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    candidate = factory.SubFactory(CandidateFactory)
    purpose = ConsentPurpose.PUBLISH_STORY
    text_version = "formulaire-2026-09"
    channel = ConsentChannel.PAPER

    class Meta:
        model = ConsentRecord


class PairFactory(factory.django.DjangoModelFactory):
    coach = factory.SubFactory(CoachFactory)
    candidate = factory.SubFactory(CandidateFactory)
    start_date = datetime.date(2026, 9, 15)

    class Meta:
        model = Pair


class CoachingSessionFactory(factory.django.DjangoModelFactory):
    pair = factory.SubFactory(PairFactory)
    date = datetime.date(2026, 10, 1)
    duration_minutes = 60
    kind = SessionKind.MEETING

    class Meta:
        model = CoachingSession


class OutcomeFactory(factory.django.DjangoModelFactory):
    """A durable job by default; its follow-up checks are scheduled on save. ``OutcomeFactory(drop_out=True)``."""

    candidate = factory.SubFactory(CandidateFactory)
    exit_date = datetime.date(2026, 12, 1)
    category = ExitCategory.DURABLE_EMPLOYMENT
    employer = factory.SubFactory(PartnerCompanyFactory)
    contract_type = factory.SubFactory(ContractTypeFactory)
    start_date = datetime.date(2026, 12, 1)
    trial_end_date = datetime.date(2027, 2, 1)

    class Meta:
        model = Outcome

    class Params:
        drop_out = factory.Trait(
            category=ExitCategory.DROP_OUT, employer=None, contract_type=None, start_date=None, trial_end_date=None
        )


class ContactRequestFactory(factory.django.DjangoModelFactory):
    candidate = factory.SubFactory(CandidateFactory)
    name = factory.Sequence(lambda n: f"Sophie Recruteuse {n}")
    company = "Boulangerie du Marché"
    email = factory.Sequence(lambda n: f"recruteur{n}@example.org")
    phone = "+33 6 11 22 33 44"
    help_kind = HelpKind.HIRING
    message = "Nous cherchons un commis de cuisine."
    consent_to_be_contacted = True

    class Meta:
        model = ContactRequest
