"""The demo programme that ``manage.py load_demo_data`` loads: fictional people, companies and texts, in French.

The content lives in YAML files under ``data/`` (one per kind, one per candidate story); the modules here only
build it, through the services staff use where one exists. Every record is created only when missing, so a
second run writes nothing and a rerun keeps what people changed in the admin.
"""

from django.db import transaction

from pages.demo.accounts import build_accounts
from pages.demo.builder import Builder, DemoSummary
from pages.demo.impact import build_impact_data
from pages.demo.loader import read
from pages.demo.network import build_companies_and_offers, build_reference_data
from pages.demo.people import build_coaches_and_pairs, build_cohorts_and_candidates
from pages.demo.site import build_site

__all__ = ["PASSWORD", "DemoSummary", "load_demo_data"]

PASSWORD = read("site")["password"]


@transaction.atomic
def load_demo_data():
    """Create whatever part of the demo programme is missing, and return what was created."""
    builder = Builder(DemoSummary())
    build_site(builder)
    build_reference_data(builder)
    build_companies_and_offers(builder)
    build_cohorts_and_candidates(builder)
    build_coaches_and_pairs(builder)
    build_impact_data(builder)
    build_accounts(builder, password=PASSWORD)
    return builder.summary
