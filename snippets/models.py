"""Reference data and the companies' side: cities, sectors, referring organisations, companies, offers.

This app sits at the bottom of the project: it points at other apps only by string references.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, validate_email
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from .emails import EmailTemplate  # noqa: F401
from .enums import OfferStatus, ReferringOrganisationKind


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

    panels = [
        FieldPanel("name"),
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


class Offer(index.Indexed, models.Model):
    """A job offer from a partner company, validated by staff before it is published."""

    company = models.ForeignKey(
        "snippets.PartnerCompany", verbose_name=_("company"), on_delete=models.PROTECT, related_name="offers"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    contract_type = models.ForeignKey(
        "snippets.ContractType", verbose_name=_("contract type"), on_delete=models.PROTECT, related_name="offers"
    )
    city = models.ForeignKey("snippets.City", verbose_name=_("city"), on_delete=models.PROTECT, related_name="offers")
    sector = models.ForeignKey(
        "snippets.Sector", verbose_name=_("sector"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="offers",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    positions = models.PositiveSmallIntegerField(_("positions"), default=1, validators=[MinValueValidator(1)])
    status = models.CharField(_("status"), max_length=20, choices=OfferStatus.choices, default=OfferStatus.DRAFT)
    reference = models.CharField(
        _("reference"), max_length=100, blank=True,
        help_text=_("The company's own reference for this offer, if any: imports use it to recognise the offer."),
    )
    contact_name = models.CharField(_("recruiter"), max_length=200, blank=True)
    contact_email = models.EmailField(_("recruiter e-mail"), blank=True)
    contact_phone = models.CharField(_("recruiter phone"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    panels = [
        FieldPanel("company"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("contract_type"), FieldPanel("positions")]),
        FieldRowPanel([FieldPanel("city"), FieldPanel("sector")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("status")]),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")])],
            heading=_("Recruiter"),
        ),
        FieldPanel("reference"),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.RelatedFields("company", [index.SearchField("name")]),
        index.FilterField("status"),
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
