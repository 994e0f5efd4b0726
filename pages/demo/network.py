"""Reference data and the partner network of the demo: cities, sectors, referring organisations, companies, offers.

Offers are written directly, not through ``snippets.services.submit_offer``: that service is the public form's
(it files offers as drafts from the form, e-mails the recruiter and staff, and cannot publish), whereas the demo
shows offers that staff entered and, for most, validated three weeks ago. A pending demo offer is sent into the
"Validation des offres" workflow as the service does, without the e-mails.
"""

import datetime

from django.utils import timezone

from pages.demo.loader import read
from snippets.enums import OfferStatus
from snippets.models import City, ContractType, Offer, PartnerCompany, ReferringOrganisation, Sector


def build_reference_data(builder):
    """Cities, sectors (in the order staff want them shown) and referring organisations."""
    data = read("reference")
    for city in data["cities"]:
        builder.cities[city["name"]] = builder.ensure(City, {"name__iexact": city["name"]}, **city)
    for sort_order, sector in enumerate(data["sectors"]):
        builder.sectors[sector["slug"]] = builder.ensure(
            Sector, {"slug": sector["slug"]}, **sector, sort_order=sort_order
        )
    for organisation in data["referring_organisations"]:
        city = builder.cities[organisation["city"]]
        builder.organisations[organisation["name"]] = builder.ensure(
            ReferringOrganisation,
            {"name__iexact": organisation["name"], "city": city},
            **{**organisation, "city": city},
        )


def build_companies_and_offers(builder):
    """Partner companies, then their offers: most published, some waiting for validation, one filled."""
    for company in read("companies")["companies"]:
        values = {**company, "sector": builder.sectors[company["sector"]], "city": builder.cities[company["city"]]}
        builder.companies[company["name"]] = builder.ensure(PartnerCompany, {"name__iexact": company["name"]}, **values)

    data = read("offers")
    for offer_data in data["offers"]:
        values = {
            **offer_data,
            "company": builder.companies[offer_data["company"]],
            "city": builder.cities[offer_data["city"]],
            "sector": builder.sectors[offer_data["sector"]],
            "contract_type": ContractType.objects.get(slug=offer_data["contract_type"]),
            **_lifecycle(offer_data["status"], data["published_days_ago"], data["days_online"]),
        }
        offer = builder.ensure(Offer, {key: values[key] for key in ("company", "title", "city")}, **values)
        if offer.status == OfferStatus.PENDING and offer.current_workflow_state is None:
            # Staff find it waiting in "Validation des offres", as an offer sent through the form would.
            offer.save_revision(log_action=True)
            offer.get_workflow().start(offer, None)


def _lifecycle(status, published_days_ago, days_online):
    """A validated offer went online some days before the demo is loaded; the others are not online."""
    if status != OfferStatus.PUBLISHED:
        return {"live": False}
    published_on = timezone.localdate() - datetime.timedelta(days=published_days_ago)
    expires_on = published_on + datetime.timedelta(days=days_online)
    return {"live": True, "published_on": published_on, "expires_on": expires_on}
