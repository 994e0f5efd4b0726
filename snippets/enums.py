from django.db import models
from django.utils.translation import gettext_lazy as _


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Pending validation")
    PUBLISHED = "published", _("Published")
    FILLED = "filled", _("Filled")
    EXPIRED = "expired", _("Expired")
    ARCHIVED = "archived", _("Archived")


class OfferSource(models.TextChoices):
    ADMIN = "admin", _("Entered by staff")
    FORM = "form", _("Public form")
    IMPORT = "import", _("Spreadsheet import")


class ReferringOrganisationKind(models.TextChoices):
    MISSION_LOCALE = "mission_locale", _("Mission locale")
    E2C = "e2c", _("Second-chance school (E2C)")
    EPIDE = "epide", _("Epide")
    ASSOCIATION = "association", _("Association")
    PUBLIC_SERVICE = "public_service", _("Public service (France Travail, département...)")
    OTHER = "other", _("Other")
