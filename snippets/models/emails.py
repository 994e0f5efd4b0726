"""E-mail wordings staff edit in the admin; the files under templates/emails/ are the defaults."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel


class EmailKey(models.TextChoices):
    CONTACT_REQUEST = "contact_request", _("Contact request about a candidate (to coach and staff)")
    CANDIDATE_APPROVAL = "candidate_approval", _("Story approval link (to the candidate)")
    CANDIDATE_CHANGE_REQUESTED = "candidate_change_requested", _("Candidate asked for a change (to staff)")
    OFFER_RECEIVED = "offer_received", _("Offer received (acknowledgement to the recruiter)")
    OFFER_SUBMITTED = "offer_submitted", _("New offer to validate (to the city's staff)")
    OFFER_FOR_CANDIDATE = "offer_for_candidate", _("Offer aimed at a candidate (to the coach and staff)")
    OFFER_VALIDATED = "offer_validated", _("Offer validated and online (to the recruiter)")
    OFFER_PROPOSED = "offer_proposed", _("Offer proposed to a candidate (to the coach)")
    OFFER_EXPIRY_REMINDER = "offer_expiry_reminder", _("Offer about to expire (to the recruiter)")
    COACH_INACTIVITY_REMINDER = "coach_inactivity_reminder", _("No session for two weeks (to the coach)")


class EmailTemplate(models.Model):
    """The wording of one e-mail. Without a row here, the default wording in templates/emails/ is used."""

    key = models.CharField(_("e-mail"), max_length=40, choices=EmailKey.choices, unique=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("text"),
        help_text=_("Plain text. Placeholders between double braces, e.g. {{ candidate_name }}, are filled in."),
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("subject"),
        FieldPanel("body"),
        HelpPanel(
            content=_(
                "The programme's name and the footer are added to every e-mail. Leave a placeholder out "
                "and its value is simply not shown."
            )
        ),
    ]

    class Meta:
        verbose_name = _("e-mail wording")
        verbose_name_plural = _("e-mail wordings")
        ordering = ["key"]

    def __str__(self):
        return self.get_key_display()
