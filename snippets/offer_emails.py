"""What the offer e-mails say about an offer: JSON-friendly values, so that they travel through the task queue."""

from django.utils.formats import date_format

from snippets.mail import admin_url


def offer_context(offer):
    return {
        "offer_title": offer.title,
        "company_name": offer.company.name,
        "city": offer.city.name,
        "contract": str(offer.contract_type),
        "part_time": offer.part_time,
        "positions": offer.positions,
        "start_date": date_format(offer.start_date, "j F Y") if offer.start_date else "",
        "expires_on": date_format(offer.expires_on, "j F Y") if offer.expires_on else "",
        "recruiter_name": offer.contact_name,
        "recruiter_role": offer.contact_role,
        "recruiter_email": offer.contact_email,
        "recruiter_phone": offer.contact_phone,
        "admin_url": admin_url(offer),
    }
