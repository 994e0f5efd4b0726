"""Factories for the accounts and the partner network: cities, job families, contracts, companies, offers."""

import datetime

import factory
from django.contrib.auth.models import Group, User

from snippets.enums import OfferStatus, ReferringOrganisationKind
from snippets.models import City, ContractType, Offer, PartnerCompany, ReferringOrganisation, Sector


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("password")

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or ():
            self.groups.add(Group.objects.get(name=name))


class CityFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Ville {n}")
    department = "75"
    staff_emails = "equipe@example.org"

    class Meta:
        model = City


class SectorFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Secteur {n}")
    slug = factory.Sequence(lambda n: f"secteur-{n}")

    class Meta:
        model = Sector


class ContractTypeFactory(factory.django.DjangoModelFactory):
    """Contract types are seeded by a migration: reuse them by code."""

    slug = "cdi"
    label = factory.LazyAttribute(lambda o: o.slug.upper())

    class Meta:
        model = ContractType
        django_get_or_create = ("slug",)


class ReferringOrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Mission locale {n}")
    kind = ReferringOrganisationKind.MISSION_LOCALE
    city = factory.SubFactory(CityFactory)

    class Meta:
        model = ReferringOrganisation


class PartnerCompanyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Entreprise {n}")
    sector = factory.SubFactory(SectorFactory)
    city = factory.SubFactory(CityFactory)

    class Meta:
        model = PartnerCompany


class OfferFactory(factory.django.DjangoModelFactory):
    company = factory.SubFactory(PartnerCompanyFactory)
    title = factory.Sequence(lambda n: f"Agent de propreté {n}")
    description = "Équipe bienveillante, formation assurée."
    contract_type = factory.SubFactory(ContractTypeFactory)
    city = factory.SubFactory(CityFactory)
    sector = factory.SubFactory(SectorFactory)
    status = OfferStatus.PENDING
    live = factory.LazyAttribute(lambda offer: offer.status == OfferStatus.PUBLISHED)
    published_on = factory.LazyAttribute(
        lambda offer: datetime.date.today() if offer.status == OfferStatus.PUBLISHED else None
    )
    expires_on = factory.LazyAttribute(
        lambda offer: offer.published_on + datetime.timedelta(days=60) if offer.published_on else None
    )

    class Meta:
        model = Offer

    class Params:
        published = factory.Trait(status=OfferStatus.PUBLISHED)
