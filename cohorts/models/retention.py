"""How long the programme keeps what it knows of people: periods staff read and change in Paramètres.

The defaults follow the CNIL's guidance for associations: keep a record as long as the purpose needs it, then
delete or anonymise it. The daily ``apply_retention`` command (cohorts/gdpr/retention.py) applies them, and the
register of processing (cohorts/gdpr/register.py) states them, so the two never disagree.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

MONTHS = [MinValueValidator(1), MaxValueValidator(120)]
DAYS = [MinValueValidator(1), MaxValueValidator(3650)]


@register_setting(icon="time")
class RetentionSettings(BaseGenericSetting):
    """The retention period of each kind of personal data, one value for the whole programme."""

    contact_request_months = models.PositiveSmallIntegerField(
        _("contact requests (months)"), default=12, validators=MONTHS,
        help_text=_("Offers of help sent from a story are deleted this many months after they were received."),
    )
    import_report_days = models.PositiveSmallIntegerField(
        _("import reports (days)"), default=30, validators=DAYS,
        help_text=_(
            "After this many days, an import's report keeps its counts and its errors (line, column, reason), "
            "but no value of the file: no name, no e-mail address."
        ),
    )
    coaching_note_months = models.PositiveSmallIntegerField(
        _("coaching notes (months)"), default=24, validators=MONTHS,
        help_text=_(
            "The private notes of a pair's sessions are erased this many months after the pair ended; the sessions "
            "themselves stay, without notes, for the figures."
        ),
    )
    counter_trace_days = models.PositiveSmallIntegerField(
        _("audience counters' visitor traces (days)"), default=1, validators=DAYS,
        help_text=_(
            "What a visitor's session remembers so as to count a story once a day is forgotten after this many "
            "days. The daily counts themselves name no one and are kept."
        ),
    )
    left_candidate_months = models.PositiveSmallIntegerField(
        _("candidates who left the programme (months)"), default=36, validators=MONTHS,
        help_text=_(
            "This many months after their exit, a candidate's name, contact details, birth date and private notes "
            "are erased, with the contact requests about them; the record stays, anonymous, so that the impact "
            "figures do not change."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("left_candidate_months"), FieldPanel("coaching_note_months")],
            heading=_("The programme's records"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_request_months"), FieldPanel("counter_trace_days")],
            heading=_("The public site"),
        ),
        MultiFieldPanel([FieldPanel("import_report_days")], heading=_("Spreadsheet imports")),
    ]

    class Meta:
        verbose_name = _("retention periods")

    @classmethod
    def current(cls):
        """The saved periods, or the defaults when staff never saved them; never writes (a dry run, a GET)."""
        return cls.base_queryset().first() or cls()
