"""What a candidate agreed to, purpose by purpose: the records that decide what of them may be public."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cohorts.enums import ConsentChannel, ConsentPurpose


class ConsentRecordQuerySet(models.QuerySet):
    def current(self):
        return self.filter(withdrawn_at__isnull=True)


class ConsentRecord(models.Model):
    """A candidate's consent for one purpose, as given: when, how, to which text. Withdrawn, it is kept."""

    candidate = models.ForeignKey(
        "cohorts.Candidate", verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=ConsentPurpose.choices)
    given_at = models.DateTimeField(_("given on"), default=timezone.now)
    text_version = models.CharField(
        _("version of the consent text"), max_length=50, help_text=_("e.g. « formulaire 2026-09 »")
    )
    channel = models.CharField(_("channel"), max_length=20, choices=ConsentChannel.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)

    objects = ConsentRecordQuerySet.as_manager()

    panels = [
        FieldPanel("candidate"),
        FieldRowPanel([FieldPanel("purpose"), FieldPanel("channel")]),
        FieldRowPanel([FieldPanel("given_at"), FieldPanel("text_version")]),
    ]

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_current_consent_per_purpose",
                violation_error_message=_("This candidate already has a current consent for this purpose."),
            )
        ]

    def __str__(self):
        return f"{self.candidate} — {self.get_purpose_display()}"

    @property
    def is_current(self):
        return self.withdrawn_at is None
