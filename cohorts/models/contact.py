"""Offers of help sent from a public story: kept for staff and the coach, never shown to the public."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cohorts.enums import HelpKind


class ContactRequest(models.Model):
    """Someone who read a story and offers help. The candidate's own contact details are never shown to them."""

    candidate = models.ForeignKey(
        "cohorts.Candidate", verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="contact_requests"
    )
    name = models.CharField(_("name"), max_length=150)
    company = models.CharField(_("company"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    help_kind = models.CharField(_("kind of help"), max_length=20, choices=HelpKind.choices)
    message = models.TextField(_("message"), max_length=2000)
    consent_to_be_contacted = models.BooleanField(_("agrees to be contacted"))
    created_at = models.DateTimeField(_("received on"), auto_now_add=True)
    handled = models.BooleanField(_("handled"), default=False)

    panels = [
        FieldPanel("candidate", read_only=True),
        FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("company", read_only=True)]),
        FieldRowPanel([FieldPanel("email", read_only=True), FieldPanel("phone", read_only=True)]),
        FieldPanel("help_kind", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("handled"),
    ]

    class Meta:
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(consent_to_be_contacted=True),
                name="contact_request_has_consent",
                violation_error_message=_("The sender must agree to be contacted."),
            )
        ]

    def __str__(self):
        return f"{self.name} → {self.candidate.public_name}"
