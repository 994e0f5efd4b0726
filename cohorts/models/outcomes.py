"""Outcomes: how each candidate leaves the programme, and the follow-up of the job afterwards.

Other models are named by string.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cohorts.enums import CandidateStatus, ExitCategory, FollowUpKind
from cohorts.models.people import Candidate

# Exits that are a job: they have an employer and a start date, and their follow-up checks are scheduled.
EMPLOYMENT_CATEGORIES = (ExitCategory.DURABLE_EMPLOYMENT, ExitCategory.TRANSITION_EMPLOYMENT)


def add_months(day, months):
    """The same day ``months`` later, on the month's last day when it is shorter (31 January + 1 → 28 February)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for day_of_month in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day_of_month)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _back_in_programme(candidate_ids):
    Candidate.objects.filter(pk__in=candidate_ids).update(status=CandidateStatus.IN_PROGRAMME)


class OutcomeQuerySet(models.QuerySet):
    def delete(self):
        """Deleting outcomes (the admin's bulk delete does) puts their candidates back in the programme."""
        with transaction.atomic():
            candidate_ids = list(self.values_list("candidate_id", flat=True))
            result = super().delete()
            _back_in_programme(candidate_ids)
        return result


# What an outcome says beside its candidate: the model's panels, and the admin's add and edit forms (outcome_admin.py).
JOB_PANELS = [
    FieldRowPanel([FieldPanel("exit_date"), FieldPanel("category")]),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("employer"), FieldPanel("employer_name")]),
            FieldRowPanel([FieldPanel("contract_type"), FieldPanel("start_date"), FieldPanel("trial_end_date")]),
        ],
        heading=_("Job or training"),
    ),
    FieldPanel("notes"),
]


class Outcome(models.Model):
    """A candidate's exit from the programme: when, which category, and for a job, where and on which contract."""

    candidate = models.OneToOneField(
        "cohorts.Candidate", verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="outcome"
    )
    exit_date = models.DateField(_("exit date"))
    category = models.CharField(_("category"), max_length=30, choices=ExitCategory.choices)
    employer = models.ForeignKey(
        "snippets.PartnerCompany", verbose_name=_("employer (partner company)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="outcomes",
    )
    employer_name = models.CharField(
        _("employer (other)"), max_length=200, blank=True,
        help_text=_("When the employer, school or training body is not a partner company."),
    )
    contract_type = models.ForeignKey(
        "snippets.ContractType", verbose_name=_("contract type"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="outcomes",
    )
    start_date = models.DateField(_("start of the job or training"), null=True, blank=True)
    trial_end_date = models.DateField(_("end of the trial period"), null=True, blank=True)
    application = models.ForeignKey(
        "cohorts.Application", verbose_name=_("from the application"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="outcomes",
    )
    notes = models.TextField(_("private notes"), blank=True, help_text=_("Seen by staff only, never published."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OutcomeQuerySet.as_manager()

    panels = [FieldPanel("candidate"), *JOB_PANELS]

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["-exit_date"]
        permissions = [("view_impact", _("Can see the impact dashboard and export its report"))]
        indexes = [models.Index(fields=["category", "exit_date"], name="outcome_category_exit")]

    def __str__(self):
        return f"{self.candidate} — {self.get_category_display()}"

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.schedule_checks()
            status = CandidateStatus.HIRED if self.is_employment else CandidateStatus.LEFT
            candidates = self._meta.get_field("candidate").related_model.objects
            candidates.filter(pk=self.candidate_id).update(status=status)

    def delete(self, *args, **kwargs):
        """Deleting an outcome (recorded by mistake) puts the candidate back in the programme."""
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            _back_in_programme([self.candidate_id])
        return result

    def clean(self):
        super().clean()
        errors = {}
        if self.is_employment:
            if not self.employer_id and not self.employer_name.strip():
                errors["employer"] = _("A job needs its employer: a partner company or a name.")
            if not self.contract_type_id:
                errors["contract_type"] = _("A job needs its contract type.")
            if not self.start_date:
                errors["start_date"] = _("A job needs its start date.")
        if self.start_date and self.trial_end_date and self.trial_end_date < self.start_date:
            errors["trial_end_date"] = _("The trial period cannot end before the job starts.")
        entry = self.candidate.cohort.start_date if self.candidate_id else None
        if entry and self.exit_date and self.exit_date < entry:
            errors["exit_date"] = _("The exit cannot come before the candidate entered the programme (%(date)s).") % {
                "date": date_format(entry, "SHORT_DATE_FORMAT")}
        if entry and self.start_date and self.start_date < entry:
            errors["start_date"] = _(
                "The job cannot start before the candidate entered the programme (%(date)s): the time to a first "
                "contract counts from that day."
            ) % {"date": date_format(entry, "SHORT_DATE_FORMAT")}
        if self.application_id and self.candidate_id and self.application.candidate_id != self.candidate_id:
            errors["candidate"] = _("The application this outcome comes from is another candidate's.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_employment(self):
        return self.category in EMPLOYMENT_CATEGORIES

    @property
    def employer_label(self):
        return str(self.employer) if self.employer_id else self.employer_name

    def due_dates(self):
        """The follow-up checks this outcome calls for: the end of the trial period, +6 and +12 months of work."""
        if not self.is_employment or not self.start_date:
            return {}
        dates = {FollowUpKind.SIX_MONTHS: add_months(self.start_date, 6),
                 FollowUpKind.TWELVE_MONTHS: add_months(self.start_date, 12)}
        if self.trial_end_date:
            dates[FollowUpKind.TRIAL_END] = self.trial_end_date
        return dates

    def schedule_checks(self):
        """Create or move the pending checks to the dates the outcome calls for; answered checks are kept."""
        due = self.due_dates()
        existing = {check.kind: check for check in self.checks.all()}
        for kind, check in existing.items():
            if check.checked_on is None and kind not in due:
                check.delete()
        for kind, due_on in due.items():
            check = existing.get(kind)
            if check is None:
                FollowUpCheck.objects.create(outcome=self, kind=kind, due_on=due_on)
            elif check.checked_on is None and check.due_on != due_on:
                check.due_on = due_on
                check.save(update_fields=["due_on"])


class FollowUpCheckQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(checked_on__isnull=True)

    def due(self, today):
        """Checks whose date has come and that nobody has answered yet."""
        return self.pending().filter(due_on__lte=today)


class FollowUpCheck(models.Model):
    """Is the candidate still employed at the end of the trial period, at 6 months, at 12 months?"""

    outcome = models.ForeignKey(
        "cohorts.Outcome", verbose_name=_("outcome"), on_delete=models.CASCADE, related_name="checks"
    )
    kind = models.CharField(_("check"), max_length=20, choices=FollowUpKind.choices)
    due_on = models.DateField(_("due on"))
    still_employed = models.BooleanField(_("still employed"), null=True, blank=True)
    checked_on = models.DateField(_("checked on"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("checked by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = FollowUpCheckQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("still_employed"), FieldPanel("checked_on")]),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = _("follow-up check")
        verbose_name_plural = _("follow-up checks")
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "kind"], name="one_check_of_each_kind"),
            models.CheckConstraint(
                condition=models.Q(checked_on__isnull=True) | models.Q(still_employed__isnull=False),
                name="answered_check_says_still_employed",
                violation_error_message=_("Say whether the candidate is still employed."),
            ),
        ]
        indexes = [models.Index(fields=["kind", "due_on"], name="check_kind_due")]

    def __str__(self):
        return f"{self.outcome.candidate} — {self.get_kind_display()}"
