"""Reference data and the companies' side: cities, sectors, referring organisations, companies, offers.

This app sits at the bottom of the project: it points at other apps only by string references.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, validate_email
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin
from wagtail.search import index

from snippets.enums import OfferSource, OfferStatus, ReferringOrganisationKind
from snippets.panels import InclusiveCheckPanel


def validate_email_lines(value):
    for line in value.splitlines():
        if line.strip():
            try:
                validate_email(line.strip())
            except ValidationError:
                raise ValidationError(
                    _("« %(line)s » is not a valid e-mail address (one address per line)."),
                    params={"line": line.strip()},
                ) from None


class City(index.Indexed, models.Model):
    """A city or zone where the programme runs, with the staff who receive its e-mails."""

    name = models.CharField(_("name"), max_length=100)
    department = models.CharField(
        _("département"), max_length=3, blank=True, help_text=_("Département number, e.g. 75, 93, 59.")
    )
    staff_emails = models.TextField(
        _("staff e-mails"),
        blank=True,
        validators=[validate_email_lines],
        help_text=_("One address per line: they receive this city's notifications (offers, contacts)."),
    )

    panels = [FieldPanel("name"), FieldPanel("department"), FieldPanel("staff_emails")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="unique_city_name",
                violation_error_message=_("A city with this name already exists."),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.department})" if self.department else self.name

    @property
    def staff_email_list(self):
        return [line.strip() for line in self.staff_emails.splitlines() if line.strip()]


class Sector(Orderable, index.Indexed, models.Model):
    """A job family ("famille de métiers"), ordered as staff want it shown."""

    label = models.CharField(_("label"), max_length=100, help_text=_("Shown to the public, e.g. « Bâtiment »."))
    slug = models.SlugField(_("code"), max_length=100, unique=True)

    panels = [FieldPanel("label"), FieldPanel("slug")]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return self.label


class ContractType(Orderable, models.Model):
    """A kind of contract (CDI, CDD, intérim...) that offers propose and candidates wish for.

    The code is what the software relies on (imports, outcomes); staff may rename the label or add kinds.
    """

    label = models.CharField(_("label"), max_length=100)
    slug = models.SlugField(_("code"), max_length=40, unique=True)

    panels = [FieldPanel("label"), FieldPanel("slug")]

    class Meta(Orderable.Meta):
        verbose_name = _("contract type")
        verbose_name_plural = _("contract types")

    def __str__(self):
        return self.label


class ReferringOrganisation(index.Indexed, models.Model):
    """A social structure that orients candidates to the programme ("prescripteur")."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=ReferringOrganisationKind.choices)
    city = models.ForeignKey(
        "snippets.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="referring_organisations"
    )
    referent_name = models.CharField(_("referent"), max_length=200, blank=True)
    referent_email = models.EmailField(_("referent e-mail"), blank=True)
    referent_phone = models.CharField(_("referent phone"), max_length=30, blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("city")]),
        MultiFieldPanel(
            [FieldPanel("referent_name"), FieldPanel("referent_email"), FieldPanel("referent_phone")],
            heading=_("Referent"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("referent_name"),
    ]

    class Meta:
        verbose_name = _("referring organisation")
        verbose_name_plural = _("referring organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "city",
                name="unique_referring_organisation_per_city",
                violation_error_message=_("This organisation already exists in this city."),
            )
        ]

    def __str__(self):
        return self.name


class PartnerCompany(index.Indexed, models.Model):
    """A company that offers jobs, lends coaches or both."""

    name = models.CharField(_("name"), max_length=200)
    sector = models.ForeignKey(
        "snippets.Sector", verbose_name=_("sector"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="companies",
    )
    city = models.ForeignKey(
        "snippets.City", verbose_name=_("city"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="companies",
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL, verbose_name=_("logo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    partner_since = models.DateField(_("partner since"), null=True, blank=True)
    needs_review = models.BooleanField(
        _("to review"), default=False,
        help_text=_("Created by a recruiter through the public offer form: check it, then untick this box."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("needs_review"),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("city")]),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("partner_since"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Contact person"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("contact_name"),
    ]

    class Meta:
        verbose_name = _("partner company")
        verbose_name_plural = _("partner companies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                name="unique_partner_company_name",
                violation_error_message=_("A company with this name already exists."),
            )
        ]

    def __str__(self):
        return self.name


class OfferQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=OfferStatus.PUBLISHED)

    def public(self):
        """Offers anyone may read: validated, live, not expired, and not aimed at one candidate."""
        return self.filter(
            status=OfferStatus.PUBLISHED, live=True, target_candidate__isnull=True,
        ).exclude(expires_on__lt=timezone.localdate())

    def private(self):
        return self.filter(target_candidate__isnull=False)


# Fields the software keeps (publication, expiry, reminders): a revision published later must not roll them back.
LIFECYCLE_FIELDS = ("source", "published_on", "expires_on", "expiry_reminder_sent_at")


class Offer(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A job offer from a partner company, validated by staff ("Validation des offres" workflow) before it is public.

    An offer aimed at one candidate (``target_candidate``) is private: it is never listed, and reaches the
    candidate's coach.
    """

    company = models.ForeignKey(
        "snippets.PartnerCompany", verbose_name=_("company"), on_delete=models.PROTECT, related_name="offers"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    contract_type = models.ForeignKey(
        "snippets.ContractType", verbose_name=_("contract type"), on_delete=models.PROTECT, related_name="offers"
    )
    part_time = models.BooleanField(_("part-time"), default=False)
    city = models.ForeignKey("snippets.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="offers")
    sector = models.ForeignKey(
        "snippets.Sector", verbose_name=_("job family"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="offers",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    duration = models.CharField(_("duration"), max_length=100, blank=True, help_text=_("E.g. « 6 mois », « 1 an »."))
    positions = models.PositiveSmallIntegerField(_("positions"), default=1, validators=[MinValueValidator(1)])
    salary = models.CharField(_("salary"), max_length=100, blank=True)
    working_hours = models.CharField(_("working hours"), max_length=200, blank=True)
    driving_licence_required = models.BooleanField(
        _("driving licence required"), default=False, help_text=_("Only when the job itself means driving."),
    )
    message_to_candidates = models.TextField(_("message to candidates"), blank=True)
    target_candidate = models.ForeignKey(
        "cohorts.Candidate", verbose_name=_("aimed at"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="private_offers",
        help_text=_("An offer aimed at one candidate is private: it is never listed publicly."),
    )
    status = models.CharField(_("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT)
    source = models.CharField(_("source"), max_length=10, choices=OfferSource.choices, default=OfferSource.ADMIN)
    validity_days = models.PositiveSmallIntegerField(
        _("days online"), default=60, validators=[MinValueValidator(1)],
        help_text=_("Once validated, the offer stays online this many days; the recruiter may extend it."),
    )
    published_on = models.DateField(_("validated on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    expiry_reminder_sent_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)
    reference = models.CharField(
        _("reference"), max_length=100, blank=True,
        help_text=_("The company's own reference for this offer, if any: imports use it to recognise the offer."),
    )
    contact_name = models.CharField(_("recruiter"), max_length=200, blank=True)
    contact_role = models.CharField(_("recruiter's role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("recruiter e-mail"), blank=True)
    contact_phone = models.CharField(_("recruiter phone"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="offer")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type", object_id_field="object_id",
        related_query_name="offer", for_concrete_model=False,
    )

    objects = OfferQuerySet.as_manager()

    panels = [
        FieldPanel("company"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("contract_type"), FieldPanel("part_time"), FieldPanel("positions")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("sector")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("duration")]),
        FieldRowPanel([FieldPanel("salary"), FieldPanel("working_hours")]),
        FieldPanel("driving_licence_required"),
        FieldPanel("message_to_candidates"),
        InclusiveCheckPanel(),
        FieldPanel("target_candidate"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Recruiter"),
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("validity_days"), FieldPanel("expires_on", read_only=True)]),
        FieldPanel("reference"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.RelatedFields("company", [index.SearchField("name")]),
        index.FilterField("status"),
        # Lets the chooser narrowed for a coach still search (cohorts/choosers.py).
        index.FilterField("id"),
    ]
    # What the public API (/api/v2/offers/) shows: never the recruiter's contact details nor the target.
    api_fields = [
        APIField("title"),
        APIField("company", serializer=serializers.StringRelatedField()),
        APIField("description"),
        APIField("contract_type", serializer=serializers.StringRelatedField()),
        APIField("part_time"),
        APIField("city", serializer=serializers.StringRelatedField()),
        APIField("sector", serializer=serializers.StringRelatedField()),
        APIField("start_date"),
        APIField("duration"),
        APIField("positions"),
        APIField("salary"),
        APIField("working_hours"),
        APIField("driving_licence_required"),
        APIField("message_to_candidates"),
        APIField("published_on"),
        APIField("expires_on"),
    ]

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(positions__gte=1),
                name="offer_has_positions",
                violation_error_message=_("An offer has at least one position."),
            ),
            models.UniqueConstraint(
                "company", "reference",
                condition=~models.Q(reference=""),
                name="unique_offer_reference_per_company",
                violation_error_message=_("This company already has an offer with this reference."),
            ),
        ]

    def __str__(self):
        return f"{self.title} — {self.company}"

    @property
    def revisions(self):
        return self._revisions

    @property
    def is_private(self):
        return self.target_candidate_id is not None

    @property
    def is_public(self):
        """Whether anyone may read this offer now (see ``OfferQuerySet.public``)."""
        return (
            self.status == OfferStatus.PUBLISHED and self.live and not self.is_private
            and not (self.expires_on and self.expires_on < timezone.localdate())
        )

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        for name in LIFECYCLE_FIELDS:
            setattr(obj, name, getattr(self, name))
        return obj

    def expiry_date_from(self, day):
        return day + datetime.timedelta(days=self.validity_days)
