from django.db import models
from django.utils.translation import gettext_lazy as _


class CohortKind(models.TextChoices):
    ADULTS = "adults", _("Adults")
    YOUTH = "youth", _("Youth (16-25)")


class CohortStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class CandidateStatus(models.TextChoices):
    IN_PROGRAMME = "in_programme", _("In programme")
    HIRED = "hired", _("Hired")
    LEFT = "left", _("Left the programme")
