"""The partner offers import: one row per offer, arriving pending validation; see the column list in README.md."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields

from cohorts.imports.base import SpreadsheetResource, add_error, index_in_bulk
from cohorts.imports.columns import normalise_header
from cohorts.imports.widgets import (
    EmailWidget,
    FlexibleDateWidget,
    LookupWidget,
    PhoneWidget,
    PositiveIntegerWidget,
    TextWidget,
)
from snippets.enums import OfferSource, OfferStatus
from snippets.models import City, ContractType, Offer, PartnerCompany, Sector


class CompanyWidget(LookupWidget):
    """Companies are matched by name; an unknown one is created (its offers wait for validation anyway)."""

    def __init__(self, resource_created, **kwargs):
        super().__init__(gettext_lazy("company"), required=True, **kwargs)
        self.created = resource_created

    def clean(self, value, row=None, **kwargs):
        text = TextWidget(required=True, max_length=200).clean(value)
        found = self.lookup(text)
        if found is None:
            found = self.choices[normalise_header(text)] = PartnerCompany(name=text)
            self.created.append(text)
        return found


class OfferResource(SpreadsheetResource):
    title = fields.Field(attribute="title", column_name="titre", widget=TextWidget(required=True, max_length=200))
    description = fields.Field(attribute="description", column_name="description", widget=TextWidget())
    contract_type = fields.Field(
        attribute="contract_type", column_name="contrat", widget=LookupWidget(gettext_lazy("contract type"),
                                                                             required=True)
    )
    city = fields.Field(attribute="city", column_name="ville", widget=LookupWidget(gettext_lazy("city"), required=True))
    sector = fields.Field(attribute="sector", column_name="secteur", widget=LookupWidget(gettext_lazy("job family")))
    start_date = fields.Field(attribute="start_date", column_name="date_debut", widget=FlexibleDateWidget())
    positions = fields.Field(attribute="positions", column_name="nb_postes", widget=PositiveIntegerWidget())
    contact_name = fields.Field(attribute="contact_name", column_name="contact_nom", widget=TextWidget(max_length=200))
    contact_email = fields.Field(attribute="contact_email", column_name="contact_email", widget=EmailWidget())
    contact_phone = fields.Field(attribute="contact_phone", column_name="contact_telephone", widget=PhoneWidget())
    reference = fields.Field(attribute="reference", column_name="reference", widget=TextWidget(max_length=100))

    tracked_fields = ("title", "description", "contract_type", "city", "sector", "start_date", "positions",
                      "contact_name", "contact_email", "contact_phone", "reference")
    exclude_from_clean = ("company", "contract_type", "city", "sector")

    class Meta(SpreadsheetResource.Meta):
        model = Offer
        import_id_fields = ()
        fields = ("title", "description", "contract_type", "city", "sector", "start_date", "positions",
                  "contact_name", "contact_email", "contact_phone", "reference")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.created_related = {_("New partner companies"): []}
        self.company_widget = CompanyWidget(self.created_related[_("New partner companies")])
        self.keys = {}  # the key of each offer read -> its line

    def before_import(self, dataset, **kwargs):
        self.company_widget.choices = {normalise_header(c.name): c for c in PartnerCompany.objects.all()}
        self.fields["city"].widget.choices = {normalise_header(c.name): c for c in City.objects.all()}
        for field_name, model, names in (("contract_type", ContractType, ("label", "slug")),
                                         ("sector", Sector, ("label", "slug"))):
            choices = {}
            for obj in model.objects.all():
                for name in names:
                    choices[normalise_header(getattr(obj, name))] = obj
            self.fields[field_name].widget.choices = choices
        self.existing_by_reference = {}
        self.existing_by_title = {}
        for offer in Offer.objects.select_related("company", "city", "contract_type", "sector"):
            if offer.reference:
                self.existing_by_reference[(offer.company_id, normalise_header(offer.reference))] = offer
            self.existing_by_title.setdefault(
                (offer.company_id, normalise_header(offer.title), offer.city_id), offer
            )

    def _key(self, row):
        """The offer's identity: its reference within the company when given, else company + title + city."""
        try:
            company = self.company_widget.clean(row.get("entreprise"))
        except ValueError:
            return None, None
        reference = normalise_header(row.get("reference", ""))
        if reference:
            return company, ("ref", normalise_header(company.name), reference)
        city = self.fields["city"].widget.lookup(row.get("ville", ""))
        return company, ("title", normalise_header(company.name), normalise_header(row.get("titre", "")),
                         city.pk if city else row.get("ville", ""))

    def find_existing(self, row):
        company, _key = self._key(row)
        if company is None or company.pk is None:
            return None
        reference = normalise_header(row.get("reference", ""))
        if reference:
            return self.existing_by_reference.get((company.pk, reference))
        city = self.fields["city"].widget.lookup(row.get("ville", ""))
        title = normalise_header(row.get("titre", ""))
        return self.existing_by_title.get((company.pk, title, city.pk if city else None))

    def init_instance(self, row=None):
        return Offer(status=OfferStatus.PENDING, live=False, source=OfferSource.IMPORT)

    def row_label(self, values):
        return " — ".join(part for part in (values.get("titre", ""), values.get("entreprise", "")) if part)

    def import_extra(self, instance, row, errors, line):
        try:
            instance.company = self.company_widget.clean(row.get("entreprise"))
        except ValueError as error:
            add_error(errors, "entreprise", str(error))
            return
        _company, key = self._key(row)
        first_line = self.keys.setdefault(key, line)
        if first_line != line:
            add_error(errors, "reference" if key[0] == "ref" else "titre",
                      _("this offer is already on line %(line)s") % {"line": first_line})

    def write(self):
        companies = {id(o.company): o.company for o in self.to_create if o.company.pk is None}
        PartnerCompany.objects.bulk_create(list(companies.values()))
        Offer.objects.bulk_create(self.to_create, batch_size=500)
        self.bulk_update_changed(Offer, self.to_update)
        if not self.dry_run:
            index_in_bulk(PartnerCompany, list(companies.values()))
            index_in_bulk(Offer, self.to_create + self.to_update)
