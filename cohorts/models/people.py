"""The people of the programme and their private records: cohorts, candidates, volunteer coaches, their pairs.

Nothing here is public. The public story of a candidate lives on pages.CandidatePage, which
points at the candidate; contact details and private notes never leave this app.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q, Sum
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cohorts.enums import CandidateStatus, CohortKind, CohortStatus
from cohorts.models.consent import ConsentRecord


class Cohort(index.Indexed, models.Model):
    """A six-month promotion of candidates in one city."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    city = models.ForeignKey("snippets.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="cohorts")
    kind = models.CharField(_("kind"), max_length=10, choices=CohortKind.choices, default=CohortKind.ADULTS)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(_("status"), max_length=10, choices=CohortStatus.choices, default=CohortStatus.PLANNED)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("city"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("status"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        # Lets a chooser narrowed to some rows (a coach's own) still search: see cohorts/choosers.py.
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="cohort_ends_after_start",
                violation_error_message=_("A cohort cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.name


class CandidateQuerySet(models.QuerySet):
    def with_active_coach(self):
        """Prefetch the current pair and its coach into ``active_pairs`` (one query for the whole list)."""
        return self.prefetch_related(
            Prefetch("pairs", queryset=Pair.objects.active().select_related("coach"), to_attr="active_pairs")
        )

    def with_consents(self):
        """Prefetch current consents into ``current_consents`` (read by ``has_consent``)."""
        return self.prefetch_related(
            Prefetch("consents", queryset=ConsentRecord.objects.current(), to_attr="current_consents")
        )

    def with_story_counts(self):
        """Annotate views, shares and QR scans of each candidate's story (counted by pages.sharing), in the query.

        The kinds are pages.enums.CounterKind values, named here through the reverse relations only, since this
        app does not import the public site.
        """
        counted = "story_page__counters__count"
        return self.annotate(
            story_views=Sum(counted, filter=Q(story_page__counters__kind="view"), default=0),
            story_shares=Sum(counted, filter=Q(story_page__counters__kind="share"), default=0),
            story_qr_scans=Sum(counted, filter=Q(story_page__counters__kind="qr_scan"), default=0),
        )

    def coached_by(self, user):
        """Candidates whose current coach is this user."""
        return self.filter(pairs__end_date__isnull=True, pairs__coach__user=user)

    def paired(self, paired=True):
        """Candidates with an active pair, or with ``paired=False`` those without one (never paired or pair ended).

        An ``Exists`` rather than ``pairs__end_date__isnull=True``: across the reverse relation, that lookup also
        matches candidates who have no pair at all.
        """
        has_active_pair = Exists(Pair.objects.active().filter(candidate=OuterRef("pk")))
        return self.filter(has_active_pair if paired else ~has_active_pair)


class Candidate(index.Indexed, models.Model):
    """The private record of a person in the programme. Contact details are never public."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="candidates"
    )
    referring_organisation = models.ForeignKey(
        "snippets.ReferringOrganisation", verbose_name=_("referring organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="candidates",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CandidateStatus.choices, default=CandidateStatus.IN_PROGRAMME
    )
    notes = models.TextField(_("private notes"), blank=True, help_text=_("Seen by staff only, never published."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Set when the retention period after the exit ends (cohorts/gdpr/retention.py): the row stays for the figures.
    anonymised_at = models.DateTimeField(_("anonymised on"), null=True, blank=True, editable=False)

    objects = CandidateQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]), FieldPanel("birth_date")],
            heading=_("Private details"),
        ),
        FieldRowPanel([FieldPanel("cohort"), FieldPanel("referring_organisation")]),
        FieldPanel("status"),
        FieldPanel("notes"),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.AutocompleteField("first_name"),
        index.AutocompleteField("last_name"),
        index.SearchField("email"),
        index.FilterField("cohort_id"),
        index.FilterField("status"),
        # Lets a chooser narrowed to some candidates (a coach's own) still search: see cohorts/wagtail_hooks.py.
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="unique_candidate_email",
                violation_error_message=_("A candidate with this e-mail address already exists."),
            )
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    full_name.fget.short_description = _("name")  # the admin list's column heading

    @property
    def public_name(self):
        """First name and initial of the last name: all a story page ever shows."""
        initial = f" {self.last_name[:1].upper()}." if self.last_name else ""
        return f"{self.first_name}{initial}"

    def has_consent(self, purpose):
        """Whether a current consent exists for this purpose; uses ``with_consents()`` when prefetched."""
        if hasattr(self, "current_consents"):
            return any(consent.purpose == purpose for consent in self.current_consents)
        return self.consents.current().filter(purpose=purpose).exists()

    @property
    def story_published(self):
        """Whether the public story page is live (``story_page`` is the reverse link from pages)."""
        page = getattr(self, "story_page", None)
        return bool(page and page.live)

    @property
    def active_coach(self):
        """The coach of the current pair; uses ``with_active_coach()`` when the list prefetched it."""
        if hasattr(self, "active_pairs"):
            return self.active_pairs[0].coach if self.active_pairs else None
        pair = self.pairs.active().select_related("coach").first()
        return pair.coach if pair else None


class CoachQuerySet(models.QuerySet):
    def with_current_candidate(self):
        """Prefetch the current pair and its candidate into ``active_pairs``."""
        return self.prefetch_related(
            Prefetch("pairs", queryset=Pair.objects.active().select_related("candidate"), to_attr="active_pairs")
        )

    def paired(self, paired=True):
        """Coaches with an active pair, or with ``paired=False`` those free to take a candidate."""
        has_active_pair = Exists(Pair.objects.active().filter(coach=OuterRef("pk")))
        return self.filter(has_active_pair if paired else ~has_active_pair)


class Coach(index.Indexed, models.Model):
    """A volunteer who follows one candidate at a time, often an employee of a partner company."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    employer = models.ForeignKey(
        "snippets.PartnerCompany", verbose_name=_("employer"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="coaches",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("admin account"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="coach",
        help_text=_("The account this coach logs in with, to see their own candidate."),
    )
    active = models.BooleanField(_("active"), default=True)

    objects = CoachQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("employer"),
        FieldRowPanel([FieldPanel("user"), FieldPanel("active")]),
    ]
    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.AutocompleteField("first_name"),
        index.AutocompleteField("last_name"),
        index.SearchField("email"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("coach")
        verbose_name_plural = _("coaches")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="unique_coach_email",
                violation_error_message=_("A coach with this e-mail address already exists."),
            )
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def current_candidate(self):
        if hasattr(self, "active_pairs"):
            return self.active_pairs[0].candidate if self.active_pairs else None
        pair = self.pairs.active().select_related("candidate").first()
        return pair.candidate if pair else None


class PairQuerySet(models.QuerySet):
    def active(self):
        return self.filter(end_date__isnull=True)


class Pair(models.Model):
    """A "binôme": one coach and one candidate. A pair is active until it has an end date."""

    coach = models.ForeignKey("cohorts.Coach", verbose_name=_("coach"), on_delete=models.PROTECT, related_name="pairs")
    candidate = models.ForeignKey(
        "cohorts.Candidate", verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="pairs"
    )
    start_date = models.DateField(_("start date"), default=timezone.localdate)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty while the pair is active.")
    )
    inactivity_reminded_at = models.DateTimeField(
        _("coach last reminded of inactivity"), null=True, blank=True, editable=False
    )

    objects = PairQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("coach"), FieldPanel("candidate")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta:
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["coach"],
                condition=Q(end_date__isnull=True),
                name="one_active_pair_per_coach",
                violation_error_message=_("This coach already has an active pair: end it first."),
            ),
            models.UniqueConstraint(
                fields=["candidate"],
                condition=Q(end_date__isnull=True),
                name="one_active_pair_per_candidate",
                violation_error_message=_("This candidate already has an active pair: end it first."),
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="pair_ends_after_start",
                violation_error_message=_("A pair cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.coach} — {self.candidate}"

    @property
    def is_active(self):
        return self.end_date is None
