"""The pipeline: each candidate's path with each offer, and every change of its status.

Other models are named by string (``"snippets.Offer"``, ``"cohorts.Candidate"``): cohorts/models.py imports this
module, so it imports nothing from there.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohorts.enums import ApplicationStatus

ALREADY_PROPOSED = _("This offer was already proposed to this candidate.")
ALREADY_PROPOSED_CODE = "already_proposed"


class ApplicationQuerySet(models.QuerySet):
    def hired(self):
        """Applications that ended in a hire: the outcomes and the impact figures start from these."""
        return self.filter(status=ApplicationStatus.HIRED)


class Application(models.Model):
    """A candidate's application to one offer ("candidature"), from the proposal to the hire or the refusal.

    The status changes only through ``change_status``, which records who changed it, when, and why; saving a
    changed status any other way raises. An offer or a candidate with applications cannot be deleted (PROTECT):
    the pipeline is the evidence of the programme's results. Archive the offer instead, or delete the
    applications first when they were a mistake.
    """

    offer = models.ForeignKey(
        "snippets.Offer", verbose_name=_("offer"), on_delete=models.PROTECT, related_name="applications"
    )
    candidate = models.ForeignKey(
        "cohorts.Candidate", verbose_name=_("candidate"), on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        _("status"), max_length=30, choices=ApplicationStatus.choices, default=ApplicationStatus.PROPOSED
    )
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Seen by staff and the candidate's coach, never published.")
    )
    hired_contract_type = models.ForeignKey(
        "snippets.ContractType", verbose_name=_("contract of the hire"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="hires",
    )
    hired_start_date = models.DateField(_("start of the job"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ApplicationQuerySet.as_manager()

    # The status as last read from or written to the database: see save().
    _recorded_status = None

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "candidate"],
                name="unique_application_per_offer_and_candidate",
                violation_error_message=ALREADY_PROPOSED,
                violation_error_code=ALREADY_PROPOSED_CODE,
            ),
            models.CheckConstraint(
                condition=~Q(status=ApplicationStatus.HIRED)
                | Q(hired_contract_type__isnull=False, hired_start_date__isnull=False),
                name="hired_application_has_contract_and_start",
                violation_error_message=_("A hire needs its contract type and its start date."),
            ),
        ]

    def __str__(self):
        return f"{self.candidate} — {self.offer.title}"

    def save(self, *args, **kwargs):
        """Save, refusing a status changed outside ``change_status``; a new application records its first status."""
        adding = self._state.adding
        if not adding and self._recorded_status is not None and self.status != self._recorded_status:
            raise ValueError("An application's status changes through change_status(), which keeps its history.")
        with transaction.atomic():
            super().save(*args, **kwargs)
            if adding:
                self.status_changes.create(
                    from_status="", to_status=self.status, changed_at=self.created_at, changed_by=self.created_by
                )
        self._recorded_status = self.status

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._recorded_status = instance.__dict__.get("status")
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._recorded_status = self.__dict__.get("status")

    @property
    def is_hired(self):
        return self.status == ApplicationStatus.HIRED

    def check_status_change(self, status, *, contract_type=None, start_date=None):
        """Raise a ValidationError, keyed by argument name, when the application cannot move to ``status``."""
        errors = {}
        if status not in ApplicationStatus.values:
            errors["status"] = _("Choose a status from the list.")
        elif status == self.status:
            errors["status"] = _("The application already has this status.")
        elif status == ApplicationStatus.HIRED:
            if contract_type is None:
                errors["contract_type"] = _("A hire needs its contract type.")
            if start_date is None:
                errors["start_date"] = _("A hire needs its start date.")
        if errors:
            raise ValidationError(errors)

    @transaction.atomic
    def change_status(self, status, *, user, note="", contract_type=None, start_date=None):
        """Move the application to ``status`` and record the change (from, to, when, who, note) in its history.

        "Hired" records the contract type and start date of the job; they are kept if the status changes again
        (the history says when). Raises ValidationError when the change is not possible (see
        ``check_status_change``). Returns the new history row.
        """
        # Lock the row and start from the stored status, so that two changes at once both enter the history.
        self.status = type(self).objects.select_for_update().values_list("status", flat=True).get(pk=self.pk)
        self._recorded_status = self.status
        self.check_status_change(status, contract_type=contract_type, start_date=start_date)
        change = ApplicationStatusChange(
            application=self, from_status=self.status, to_status=status, changed_by=user, note=note
        )
        update_fields = ["status", "updated_at"]
        if status == ApplicationStatus.HIRED:
            self.hired_contract_type, self.hired_start_date = contract_type, start_date
            update_fields += ["hired_contract_type", "hired_start_date"]
        self.status = self._recorded_status = status
        self.save(update_fields=update_fields)
        change.save()
        return change


class ApplicationStatusChange(models.Model):
    """One change of an application's status: the history that staff and coaches read, never edited."""

    application = models.ForeignKey(
        "cohorts.Application", verbose_name=_("application"), on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=30, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=30, choices=ApplicationStatus.choices)
    changed_at = models.DateTimeField(_("changed on"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "pk"]
        default_permissions = ()
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_status=F("to_status")),
                name="status_change_changes_the_status",
                violation_error_message=_("A status change moves to another status."),
            )
        ]

    def __str__(self):
        return f"{self.application_id}: {self.from_status or '—'} → {self.to_status}"
