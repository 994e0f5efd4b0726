"""Coaching sessions: what each pair does together, logged by the coach in a minute.

Other models are named by string: cohorts/models.py imports this module.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cohorts.enums import SessionKind

# A pair with no session for this many days is inactive: listed in a report, and its coach reminded.
INACTIVITY_DAYS = 14
# An inactive pair's coach is reminded at most once in this many days.
REMINDER_INTERVAL_DAYS = 7


class CoachingSessionQuerySet(models.QuerySet):
    def between(self, start, end):
        return self.filter(date__gte=start, date__lte=end)


class CoachingSession(models.Model):
    """One meeting, call, interview preparation or company visit of a pair, with a short private note."""

    pair = models.ForeignKey("cohorts.Pair", verbose_name=_("pair"), on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"), default=timezone.localdate)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=60, validators=[MinValueValidator(5), MaxValueValidator(600)]
    )
    kind = models.CharField(_("kind"), max_length=30, choices=SessionKind.choices, default=SessionKind.MEETING)
    note = models.TextField(
        _("private note"), max_length=1000, blank=True,
        help_text=_("A few words for the next session. Seen by the coach and staff only, never published."),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("logged by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("logged on"), auto_now_add=True)

    objects = CoachingSessionQuerySet.as_manager()

    panels = [
        FieldPanel("pair"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("duration_minutes"), FieldPanel("kind")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["pair", "-date"], name="session_pair_date")]

    def __str__(self):
        return f"{self.pair} — {self.date:%d/%m/%Y}"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("A session cannot be logged in the future.")})
        pair = self.pair if self.pair_id else None
        if pair and self.date and self.date < pair.start_date:
            raise ValidationError({"date": _("This date is before the pair started (%(date)s).") % {
                "date": pair.start_date.strftime("%d/%m/%Y")}})
        if pair and self.date and pair.end_date and self.date > pair.end_date:
            raise ValidationError({"date": _("This date is after the pair ended (%(date)s).") % {
                "date": pair.end_date.strftime("%d/%m/%Y")}})


def inactivity_cutoff(today=None):
    """The last day a session must be on or after for a pair to count as active."""
    return (today or timezone.localdate()) - datetime.timedelta(days=INACTIVITY_DAYS)
